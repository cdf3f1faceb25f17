// Sends the queued reports, one at a time, with one sender at a time (across tabs too). Every step can be
// repeated safely: the server knows the report, the person and each photo by ids made on this phone, and
// answers a repeat with what it already has. Each step done is written down, so a retry skips it. Last, a
// report the monitor chose to submit is submitted, unless the server says it is no longer a draft.

let running = null;

// A step that gets no answer at all (no reply, no reset) is given up, so that it does not hold the queue until the
// page is reloaded: the queue stops and is tried again later, and the server keeps whatever arrived only once.
// A step without a file waits 45 s; a photo also as long as it needs at 10 kB/s, a slow 2G link (3 MB: under 6 min).
const ANSWER_WITHIN_MS = 45 * 1000;
const SLOWEST_BYTES_PER_MS = 10;

/** Starts sending unless a send is already under way; resolves when it ends. */
export function sendQueued(vault, config, changed) {
  running ??= (navigator.locks
    ? navigator.locks.request('spean-capture-send', { ifAvailable: true }, lock => lock && sendAll(vault, config, changed))
    : sendAll(vault, config, changed)
  ).finally(() => { running = null; });
  return running;
}

class Failure extends Error {
  constructor(message, { stopsAll = false, signIn = false, connection = false } = {}) {
    super(message);
    this.stopsAll = stopsAll || connection;
    this.signIn = signIn;
    this.connection = connection;
  }
}

/** @returns {Promise<boolean>} false when the connection dropped, so the caller can try again later. */
async function sendAll(vault, config, changed) {
  for (const { clientId } of await vault.list()) {
    const record = await vault.get(clientId);
    if (!record || record.state === 'sent') continue;
    Object.assign(record, { state: 'sending', failure: null, signIn: false });
    await vault.save(record);
    changed();
    try {
      await send(vault, record);
    } catch (error) {
      const failure = error instanceof Failure ? error : new Failure(String(error), { stopsAll: true });
      await vault.failed(record, failure.message, failure.signIn);
      changed();
      if (failure.stopsAll) return !failure.connection;
      continue;
    }
    changed();
  }
  return true;

  async function send(vault, record) {
    const { input, person, photos, submit } = await vault.contents(record);
    const report = await post('/api/v1/reports', JSON.stringify({ ...input, reportedAt: record.queuedAt }), config);
    record.reportId = report.id;
    await vault.save(record);
    if (person && !record.personSent) {
      await post(`/api/v1/reports/${report.id}/people`, JSON.stringify(person), config);
      record.personSent = true;
      await vault.save(record);
    }
    for (const photo of photos) {
      if (record.photosSent.includes(photo.clientUploadId)) continue;
      const form = new FormData();
      form.append('file', new Blob([await vault.photo(photo.clientUploadId)], { type: photo.type }), photo.name);
      form.append('sha256', photo.sha256);
      form.append('clientUploadId', photo.clientUploadId);
      await post(`/api/v1/reports/${report.id}/evidence`, form, config);
      await vault.photoSent(record, photo.clientUploadId);
    }
    if (submit && report.status === 'Draft')
      await post(`/api/v1/reports/${report.id}/transitions`, JSON.stringify({ to: 'Submitted' }), config);
    await vault.sent(record, { title: input.title, submitted: Boolean(submit) });
  }
}

/** POSTs and returns the JSON answer of a 200 or 201; anything else becomes a Failure with the server's words. */
async function post(url, body, config) {
  const abort = new AbortController();
  // The answer's body too: a server that sends its headers and then nothing holds the queue as well.
  const timer = setTimeout(() => abort.abort(), answerWithin(body));
  try {
    return await exchange(url, body, config, abort.signal);
  } finally {
    clearTimeout(timer);
  }
}

function answerWithin(body) {
  const bytes = typeof body === 'string' ? body.length : [...body.values()].reduce((sum, value) => sum + (value.size ?? String(value).length), 0);
  return ANSWER_WITHIN_MS + bytes / SLOWEST_BYTES_PER_MS;
}

async function exchange(url, body, { strings: text, refusals }, signal) {
  const headers = { Accept: 'application/json' };
  if (typeof body === 'string') headers['Content-Type'] = 'application/json';
  let response;
  try {
    response = await fetch(url, { method: 'POST', body, headers, credentials: 'same-origin', redirect: 'manual', signal });
  } catch {
    throw new Failure(text.ConnectionLost, { connection: true });
  }
  if (response.status === 200 || response.status === 201) {
    try {
      return await response.json();
    } catch {
      throw new Failure(text.ConnectionLost, { connection: true });
    }
  }
  if (response.status === 401 || response.type === 'opaqueredirect')
    throw new Failure(text.SignInAgain, { stopsAll: true, signIn: true });
  let problem = {};
  try {
    problem = await response.json();
  } catch {
    // Not problem details (a proxy's page, say): the status is all there is to say.
  }
  // Said in the page's language when the server gives a code this page knows, else in the server's words.
  const fields = Object.entries(problem.errors ?? {}).map(([field, messages]) => refusals[problem.codes?.[field]] ?? messages.join(' '));
  const message = fields.join(' ') || refusals[problem.code] || problem.detail || problem.title || `HTTP ${response.status}`;
  throw new Failure(message, { stopsAll: response.status === 403 || response.status === 429 || response.status >= 500 });
}
