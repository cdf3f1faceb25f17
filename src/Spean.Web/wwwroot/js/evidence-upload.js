// Evidence upload on the report page. The browser computes the file's SHA-256 (Web Crypto) and sends it with
// the file; the server computes it again and refuses the file when the two differ. Plain module: no build
// step, no dependencies. Without it the form stays hidden and the page says why.
const form = document.getElementById('evidence-upload');
if (form) start(form);

function start(form) {
  const section = form.closest('section');
  const messages = new Map([...section.querySelectorAll('[data-message]')].map(m => [m.dataset.message, m.textContent.trim()]));
  const say = (key, ...values) => (messages.get(key) ?? key).replace(/\{(\d+)\}/g, (_, i) => values[Number(i)] ?? '');
  const input = form.querySelector('input[type=file]');
  const button = form.querySelector('button');
  const progress = form.querySelector('progress');
  const status = form.querySelector('[data-status]');
  const error = form.querySelector('[data-error]');
  const hashLine = form.querySelector('[data-hash]');
  let chosen = null;
  const tried = new Set();

  form.hidden = false;
  if (!globalThis.crypto?.subtle) {
    error.textContent = say('noCrypto');
    input.disabled = button.disabled = true;
    return;
  }

  input.addEventListener('change', async () => {
    chosen = null;
    error.textContent = status.textContent = '';
    hashLine.hidden = progress.hidden = true;
    const file = input.files[0];
    if (!file) return;
    if (file.size > Number(form.dataset.maxBytes)) {
      error.textContent = say('TooLarge');
      return;
    }
    button.disabled = true;
    status.textContent = say('hashing');
    let digest;
    try {
      digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
    } catch {
      // A phone short of memory for a long video, or a file moved away since it was chosen.
      status.textContent = '';
      error.textContent = say('unreadable');
      return;
    }
    const sha256 = [...new Uint8Array(digest)].map(b => b.toString(16).padStart(2, '0')).join('');
    chosen = { file, sha256, uploadId: uploadIdFor(form.dataset.report, sha256) };
    hashLine.querySelector('code').textContent = sha256;
    hashLine.hidden = false;
    status.textContent = '';
    button.disabled = false;
  });

  form.addEventListener('submit', event => {
    event.preventDefault();
    if (chosen) send(chosen);
  });

  async function send({ file, sha256, uploadId }) {
    // After a failed try, only what the server does not hold is sent again: a long video cut off at 90% is not
    // sent from its start. The hash, id and offset go before the file, so the server keeps what arrives of it.
    let offset = 0;
    if (tried.has(uploadId)) {
      const held = await progressOf(uploadId);
      if (held?.fileId) {
        location.assign(location.pathname);
        return;
      }
      offset = held?.receivedBytes ?? 0;
    }
    tried.add(uploadId);
    const body = new FormData();
    body.append('sha256', sha256);
    body.append('clientUploadId', uploadId);
    body.append('offset', String(offset));
    body.append('file', file.slice(offset, undefined, file.type), file.name);
    const request = new XMLHttpRequest();
    request.open('POST', form.dataset.endpoint);
    request.setRequestHeader('Accept', 'application/json');
    request.upload.addEventListener('progress', e => {
      if (!e.lengthComputable) return;
      progress.value = Math.round(100 * (offset + e.loaded) / (offset + e.total));
      status.textContent = say('uploading', progress.value);
    });
    request.addEventListener('load', () => {
      button.disabled = false;
      if (request.status === 200 || request.status === 201) {
        status.textContent = say('uploaded');
        location.assign(location.pathname);
        return;
      }
      progress.hidden = true;
      status.textContent = '';
      error.textContent = problemText(request);
    });
    request.addEventListener('error', () => {
      button.disabled = false;
      progress.hidden = true;
      status.textContent = '';
      error.textContent = say('connectionLost');
    });
    button.disabled = true;
    error.textContent = '';
    progress.value = 0;
    progress.hidden = false;
    status.textContent = say('uploading', 0);
    request.send(body);
  }

  async function progressOf(uploadId) {
    try {
      const response = await fetch(`${form.dataset.endpoint}/uploads/${uploadId}`, { headers: { Accept: 'application/json' } });
      return response.ok ? await response.json() : null;
    } catch {
      return null;
    }
  }

  function problemText(request) {
    try {
      const problem = JSON.parse(request.responseText);
      if (messages.has(problem.code)) return say(problem.code);
      if (problem.detail) return problem.detail;
    } catch {
      // Not problem details: an error page from a proxy, say.
    }
    if (request.status === 413) return say('TooLarge');
    return say('failed', request.status);
  }
}

// One id per report and file content, kept for the tab's life: sending the same file again after a failure
// or a lost answer carries the same id, so the server answers with the file it already has.
function uploadIdFor(report, sha256) {
  const key = `spean.upload.${report}.${sha256}`;
  let id = sessionStorage.getItem(key);
  if (!id) {
    id = crypto.randomUUID();
    sessionStorage.setItem(key, id);
  }
  return id;
}
