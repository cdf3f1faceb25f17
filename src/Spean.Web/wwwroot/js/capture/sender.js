// Sends the queued reports, one at a time, with one sender at a time (across tabs too). Every step can be
// repeated safely: the server knows the report, the person and each photo by ids made on this phone, and
// answers a repeat with what it already has. Each step done is written down, so a retry skips it. Last, a
// report the monitor chose to submit is submitted, unless the server says it is no longer a draft.

let running = null;

// A step that stops moving is given up, so that it does not hold the queue until the page is reloaded: the queue stops
// and is tried again later, and the server keeps whatever arrived only once. Its body may take as long as it needs while
// bytes keep leaving the phone: a photo takes minutes on a link of a few kB/s, and sent again from zero it would never
// arrive. It is given up after config.sending.stalledAfterMs (45 s) with no byte sent. Once all of it has left, the
// answer must come within config.sending.answerWithinMs (45 s) and the body's time at 10 kB/s: the phone counts bytes
// as sent when its network stack takes them, and on a slow link the last of them may still be on their way.
const SLOWEST_BYTES_PER_MS = 10;

/**
 * Starts sending unless a send is already under way; resolves when it ends. progressed(clientId, { photo, photos, sent,
 * total }) hears how many bytes of a report's photo have left the phone.
 */
export function sendQueued(vault, config, changed, progressed) {
  running ??= (navigator.locks
    ? navigator.locks.request('spean-capture-send', { ifAvailable: true }, lock => lock && sendAll(vault, config, changed, progressed))
    : sendAll(vault, config, changed, progressed)
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
async function sendAll(vault, config, changed, progressed) {
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
    for (const [index, photo] of photos.entries()) {
      if (record.photosSent.includes(photo.clientUploadId)) continue;
      // A photo whose last try broke off goes on from what the server holds, rather than again from its first byte: on a
      // link that drops every few minutes, a photo sent from zero each time would never arrive.
      let offset = 0;
      if (record.photoTried === photo.clientUploadId) {
        const held = await call('GET', `/api/v1/reports/${report.id}/evidence/uploads/${photo.clientUploadId}`, null, config);
        if (held.fileId) {
          await vault.photoSent(record, photo.clientUploadId);
          continue;
        }
        offset = held.receivedBytes;
      }
      record.photoTried = photo.clientUploadId;
      await vault.save(record);
      // The hash, id and offset before the file: the server can then keep what arrives of it if the connection breaks.
      const form = new FormData();
      form.append('sha256', photo.sha256);
      form.append('clientUploadId', photo.clientUploadId);
      form.append('offset', String(offset));
      form.append('file', new Blob([await vault.photo(photo.clientUploadId)]).slice(offset, undefined, photo.type), photo.name);
      await post(`/api/v1/reports/${report.id}/evidence`, form, config,
        (sent, total) => progressed(record.clientId, { photo: index + 1, photos: photos.length, sent: offset + sent, total: offset + total }));
      await vault.photoSent(record, photo.clientUploadId);
    }
    if (submit && report.status === 'Draft')
      await post(`/api/v1/reports/${report.id}/transitions`, JSON.stringify({ to: 'Submitted' }), config);
    await vault.sent(record, { title: input.title, submitted: Boolean(submit) });
  }
}

const post = (url, body, config, progressed) => call('POST', url, body, config, progressed);

/**
 * Resolves with the JSON answer of a 200 or 201; anything else becomes a Failure with the server's words.
 * XMLHttpRequest rather than fetch: only it tells how much of the body has left, which keeps a slow upload alive.
 */
function call(method, url, body, config, progressed = () => {}) {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    let timer;
    const giveUpAfter = ms => {
      clearTimeout(timer);
      timer = setTimeout(() => request.abort(), ms);
    };
    request.upload.onprogress = ({ loaded, total }) => {
      giveUpAfter(config.sending.stalledAfterMs);
      progressed(loaded, total);
    };
    // Until the answer's body has come too: a server that sends its headers and then nothing holds the queue as well.
    request.upload.onload = () => giveUpAfter(answerWithin(body, config));
    request.onloadend = () => {
      clearTimeout(timer);
      try {
        resolve(answer(request, url, config));
      } catch (failure) {
        reject(failure);
      }
    };
    request.open(method, url);
    request.setRequestHeader('Accept', 'application/json');
    if (typeof body === 'string') request.setRequestHeader('Content-Type', 'application/json');
    giveUpAfter(config.sending.stalledAfterMs);
    request.send(body);
  });
}

function answerWithin(body, config) {
  const bytes = body === null ? 0 : typeof body === 'string' ? body.length : [...body.values()].reduce((sum, value) => sum + (value.size ?? String(value).length), 0);
  return config.sending.answerWithinMs + bytes / SLOWEST_BYTES_PER_MS;
}

function answer(request, url, { strings: text, refusals }) {
  // No answer at all: refused, reset, or given up above.
  if (request.status === 0) throw new Failure(text.ConnectionLost, { connection: true });
  // The browser follows a redirect by itself: one away from the API is to the sign-in page.
  if (request.status === 401 || request.responseURL !== new URL(url, location.href).href)
    throw new Failure(text.SignInAgain, { stopsAll: true, signIn: true });
  const json = parsed(request.responseText);
  if (request.status === 200 || request.status === 201) {
    if (json) return json;
    throw new Failure(text.ConnectionLost, { connection: true }); // an answer cut short
  }
  // Not problem details (a proxy's page, say): the status is all there is to say.
  const problem = json ?? {};
  // Said in the page's language when the server gives a code this page knows, else in the server's words.
  const fields = Object.entries(problem.errors ?? {}).map(([field, messages]) => refusals[problem.codes?.[field]] ?? messages.join(' '));
  const message = fields.join(' ') || refusals[problem.code] || problem.detail || problem.title || `HTTP ${request.status}`;
  throw new Failure(message, { stopsAll: request.status === 403 || request.status === 429 || request.status >= 500 });
}

function parsed(text) {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
