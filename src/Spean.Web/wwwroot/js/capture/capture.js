// The offline report form (/capture): unlock the queue, fill a report, attach photos, keep it encrypted on
// the phone and send it when there is a connection. The page is rendered by the server with every label;
// this script brings it to life. vault.js stores, sender.js sends, places.js searches the gazetteer, and
// /capture-sw.js keeps all of it for use with no connection.
import { openVault, WrongPassphrase } from './vault.js';
import { loadPlaces, searchPlaces, parentsOf } from './places.js';
import { sendQueued } from './sender.js';

const config = JSON.parse(document.getElementById('capture-config').textContent);
const text = config.strings;
const $ = id => document.getElementById(id);
// Around Cambodia and its islands: the server checks the point against the borders themselves.
const CAMBODIA = { south: 9.8, north: 14.8, west: 102.1, east: 108.0 };
const RETRY_AFTER_MS = 60000;

let vault;
let places = null;
let placesLoading = null;
let form = null;
let attaching = Promise.resolve();
let unlocking = false;
let saving = false;
let retry = null;
let renders = 0;
// How far the photo under way has got, shown with its report: on a slow link a photo takes minutes.
let progress = null;

if ('serviceWorker' in navigator) navigator.serviceWorker.register('/capture-sw.js', { scope: '/capture' });
start();

async function start() {
  if (!window.isSecureContext || !crypto.subtle || !window.indexedDB) {
    $('capture-network').textContent = text.NeedsHttps;
    return;
  }
  vault = await openVault(config.user);
  showNetwork();
  addEventListener('online', () => { showNetwork(); send(); });
  addEventListener('offline', showNetwork);
  loadAllPlaces();

  $('capture-unlock').addEventListener('submit', unlock);
  $('capture-form').addEventListener('submit', save);
  $('capture-confidentiality').addEventListener('change', showRestricted);
  $('capture-place-search').addEventListener('input', () => { if (!places) loadAllPlaces(); showPlaceResults(); });
  $('capture-gps').addEventListener('click', locate);
  $('capture-gps-remove').addEventListener('click', () => { form.position = null; showPosition(''); });
  for (const input of [$('capture-camera'), $('capture-photos')]) input.addEventListener('change', () => attach(input));
  $('capture-send').addEventListener('click', sendNow);
  $('capture-clear-sent').addEventListener('click', clearSent);
  $('capture-delete-all').addEventListener('click', deleteAll);

  await showLock();
  $('capture-queue').hidden = false;
  await renderQueue();
}

// A first load cut by the connection is tried again when the monitor searches: by then the service worker keeps the list.
function loadAllPlaces() {
  placesLoading ??= loadPlaces(config.places).then(loaded => {
    places = loaded;
    showPlaceResults(); // for what was typed while the list was loading
  }, () => {
    placesLoading = null;
    $('capture-place-results').replaceChildren(el('li', { textContent: text.PlacesUnavailable }));
  });
}

function newForm() {
  return { clientId: crypto.randomUUID(), place: null, position: null, photos: [] };
}

function showNetwork() {
  const status = $('capture-network');
  status.textContent = navigator.onLine ? text.Online : text.Offline;
  status.classList.toggle('offline', !navigator.onLine);
}

async function showLock() {
  const first = !(await vault.hasPassphrase());
  $('capture-unlock-help').textContent = first ? text.CreateHelp : text.UnlockHelp;
  $('capture-confirm-label').hidden = !first;
  $('capture-confirm').required = first;
  $('capture-unlock-button').textContent = first ? text.CreateButton : text.UnlockButton;
  $('capture-unlock').hidden = false;
}

async function unlock(event) {
  event.preventDefault();
  if (unlocking) return; // a second tap while the key is derived could set a second passphrase
  unlocking = true;
  try {
    await tryUnlock();
  } finally {
    unlocking = false;
  }
}

async function tryUnlock() {
  const passphrase = $('capture-passphrase').value;
  const error = $('capture-unlock-error');
  const first = !(await vault.hasPassphrase());
  if (first && [...passphrase].length < 8) {
    error.textContent = text.PassphraseTooShort;
    return;
  }
  if (first && passphrase !== $('capture-confirm').value) {
    error.textContent = text.PassphrasesDiffer;
    return;
  }
  const button = $('capture-unlock-button');
  const label = button.textContent;
  button.disabled = true;
  button.textContent = text.Unlocking;
  error.textContent = '';
  try {
    await vault.unlock(passphrase);
  } catch (e) {
    if (!(e instanceof WrongPassphrase)) throw e;
    error.textContent = text.WrongPassphrase;
    $('capture-passphrase').select();
    return;
  } finally {
    button.disabled = false;
    button.textContent = label;
  }
  if (first) navigator.storage?.persist?.(); // ask the browser not to clear the queue when space runs low
  $('capture-passphrase').value = $('capture-confirm').value = '';
  $('capture-unlock').hidden = true;
  $('capture-form').hidden = false;
  resetForm();
  await renderQueue();
  send();
}

function resetForm() {
  $('capture-form').reset();
  form = newForm();
  const today = new Date().toLocaleDateString('en-CA'); // yyyy-mm-dd in the phone's time zone
  Object.assign($('capture-date'), { value: today, max: today });
  $('capture-place-results').replaceChildren();
  showPlace();
  showPosition('');
  showPhotos();
  showRestricted();
}

// Only the people its author names read a Restricted report, and the phone cannot name them: it goes as a draft.
const restricted = () => $('capture-confidentiality').value === 'Restricted';

function showRestricted() {
  $('capture-restricted-help').hidden = !restricted();
  Object.assign($('capture-submit'), { disabled: restricted(), checked: !restricted() });
}

function showPlaceResults() {
  if (!places) return;
  const term = $('capture-place-search').value;
  const found = searchPlaces(places, term);
  const items = found.map(place => {
    const button = el('button', { type: 'button' });
    button.append(placeName(place), el('small', { textContent: placeWhere(place) }));
    button.addEventListener('click', () => choose(place));
    return el('li', {}, button);
  });
  if (term.trim() && items.length === 0) items.push(el('li', { textContent: text.NoPlaceMatch }));
  $('capture-place-results').replaceChildren(...items);
}

function choose(place) {
  form.place = place;
  $('capture-place-search').value = '';
  $('capture-place-results').replaceChildren();
  showPlace();
}

function showPlace() {
  const chosen = $('capture-place-chosen');
  if (!form.place) chosen.textContent = text.PlaceNone;
  else chosen.replaceChildren(`${text.PlaceChosen} `, el('strong', { textContent: placeName(form.place) }), el('small', { textContent: placeWhere(form.place) }));
}

function placeName(place) {
  return config.khmer ? `${place.km} / ${place.latin}` : `${place.latin} / ${place.km}`;
}

function placeWhere(place) {
  const name = p => (config.khmer ? p.km : p.latin);
  return [place.type[config.khmer ? 0 : 1], ...parentsOf(places, place.code).map(name), place.code].join(' · ');
}

function locate() {
  if (!navigator.geolocation) return showPosition(text.NoPosition);
  showPosition(text.Locating);
  navigator.geolocation.getCurrentPosition(({ coords }) => {
    const { latitude, longitude, accuracy } = coords;
    if (latitude < CAMBODIA.south || latitude > CAMBODIA.north || longitude < CAMBODIA.west || longitude > CAMBODIA.east)
      return showPosition(text.OutsideCambodia);
    form.position = { latitude: +latitude.toFixed(6), longitude: +longitude.toFixed(6), accuracy: Math.round(accuracy) };
    showPosition('');
  }, error => showPosition(`${text.NoPosition} ${error.message}`), { enableHighAccuracy: true, timeout: 60000, maximumAge: 60000 });
}

function showPosition(message) {
  const p = form.position;
  $('capture-gps-status').textContent = message || (p ? `${p.latitude}, ${p.longitude} (± ${p.accuracy} m)` : '');
  $('capture-gps-remove').hidden = !p;
}

function attach(input) {
  const files = [...input.files];
  input.value = '';
  attaching = attaching.then(async () => {
    for (const file of files) {
      const bytes = await file.arrayBuffer();
      const sha256 = [...new Uint8Array(await crypto.subtle.digest('SHA-256', bytes))].map(b => b.toString(16).padStart(2, '0')).join('');
      form.photos.push({ clientUploadId: crypto.randomUUID(), name: file.name, type: file.type || 'application/octet-stream', size: file.size, sha256, bytes });
    }
    showPhotos();
  });
}

function showPhotos() {
  $('capture-photo-list').replaceChildren(...form.photos.map(photo => {
    const remove = el('button', { type: 'button', className: 'secondary', textContent: text.RemovePhoto });
    remove.addEventListener('click', () => { form.photos = form.photos.filter(p => p !== photo); showPhotos(); });
    const about = el('span', {}, `${photo.name} · ${Math.ceil(photo.size / 1024)} kB · SHA-256 `, el('code', { textContent: photo.sha256.slice(0, 12) }));
    const item = el('li', {}, about, remove);
    item.dataset.sha256 = photo.sha256;
    return item;
  }));
}

async function save(event) {
  event.preventDefault();
  if (saving) return;
  const error = $('capture-form-error');
  error.textContent = '';
  if (!form.place) {
    error.textContent = text.PlaceMissing;
    $('capture-place-search').focus();
    return;
  }
  saving = true;
  $('capture-save').disabled = true;
  try {
    await attaching;
    const name = $('capture-person-name').value.trim();
    await vault.add({
      input: {
        clientId: form.clientId,
        title: $('capture-title').value.trim(),
        narrative: $('capture-narrative').value.trim(),
        category: $('capture-category').value,
        occurredFrom: $('capture-date').value,
        adminUnitCode: form.place.code,
        latitude: form.position?.latitude ?? null,
        longitude: form.position?.longitude ?? null,
        confidentiality: $('capture-confidentiality').value,
      },
      submit: $('capture-submit').checked && !restricted(),
      person: name ? { clientId: crypto.randomUUID(), role: $('capture-person-role').value, name } : null,
      photos: form.photos,
    });
    resetForm();
    Object.assign($('capture-saved'), { hidden: false, textContent: text.Saved });
    await renderQueue();
    send();
  } finally {
    saving = false;
    $('capture-save').disabled = false;
  }
}

async function send() {
  clearTimeout(retry);
  if (!vault.unlocked || !navigator.onLine) return;
  const queue = $('capture-queue');
  queue.setAttribute('aria-busy', 'true');
  progress = null;
  try {
    const connected = await sendQueued(vault, config, renderQueue, showProgress);
    if (connected === false) retry = setTimeout(send, RETRY_AFTER_MS);
    await renderQueue();
  } finally {
    queue.removeAttribute('aria-busy');
  }
}

function sendNow() {
  if (!vault.unlocked) {
    $('capture-queue-summary').textContent = text.NeedUnlock;
    $('capture-passphrase').focus();
    return;
  }
  send();
}

function showProgress(clientId, { photo, photos, sent, total }) {
  progress = { clientId, text: format(text.PhotoProgress, photo, photos, Math.floor(sent / 1024), Math.ceil(total / 1024)) };
  const line = $('capture-queue-items').querySelector(`li[data-client-id="${clientId}"] .progress`);
  if (line) line.textContent = progress.text;
}

async function renderQueue() {
  const render = ++renders;
  const records = await vault.list();
  const items = [];
  for (const record of records) items.push(await queueItem(record));
  if (render !== renders) return;
  $('capture-queue-items').replaceChildren(...items);
  const count = (...states) => records.filter(r => states.includes(r.state)).length;
  $('capture-queue-summary').textContent = records.length === 0
    ? text.QueueEmpty
    : format(text.QueueCount, count('waiting', 'sending'), count('sent'), count('failed'));
}

async function queueItem(record) {
  const when = new Date(record.queuedAt).toLocaleString(config.khmer ? 'km-KH' : 'en-GB');
  let title = format(text.LockedItem, when);
  let reason = null;
  let outcome = null;
  if (vault.unlocked) {
    const contents = await vault.contents(record);
    title = contents.title ?? contents.input.title;
    reason = await vault.failure(record);
    if (record.state === 'sent') outcome = contents.submitted ? text.SentForReview : text.SentAsDraft;
  }
  const item = el('li', { className: record.state },
    el('p', {}, el('span', { className: 'state', textContent: text[`State.${record.state[0].toUpperCase()}${record.state.slice(1)}`] }), el('strong', { textContent: title })));
  item.dataset.clientId = record.clientId;
  if (reason) item.append(el('p', { className: 'reason', textContent: reason }));
  if (record.state === 'sending') item.append(el('p', { className: 'hint progress', textContent: progress?.clientId === record.clientId ? progress.text : '' }));
  if (outcome) item.append(el('p', { className: 'hint', textContent: outcome }));
  const actions = el('div', { className: 'actions' });
  if (record.signIn) actions.append(el('a', { href: '/account/login?returnUrl=%2Fcapture', textContent: text.SignIn }));
  if (record.state === 'sent') actions.append(el('a', { href: `/reports/${record.reportId}`, textContent: text.View }));
  if (record.state === 'waiting' || record.state === 'failed') {
    const remove = el('button', { type: 'button', className: 'secondary', textContent: text.Delete });
    remove.addEventListener('click', async () => {
      if (!confirm(text.ConfirmDelete)) return;
      await vault.remove(record);
      await renderQueue();
    });
    actions.append(remove);
  }
  if (actions.childElementCount) item.append(actions);
  return item;
}

async function clearSent() {
  for (const record of await vault.list()) if (record.state === 'sent') await vault.remove(record);
  await renderQueue();
}

async function deleteAll() {
  if (!confirm(text.ConfirmDeleteAll)) return;
  await vault.wipe();
  location.reload();
}

function el(tag, properties, ...children) {
  const element = Object.assign(document.createElement(tag), properties);
  element.append(...children);
  return element;
}

function format(template, ...values) {
  return template.replace(/\{(\d)\}/g, (_, i) => values[i]);
}
