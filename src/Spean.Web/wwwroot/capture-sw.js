// Keeps the offline report form (/capture) on the phone: the page, its scripts and styles, the Khmer font,
// the icons and the place list, so the form opens with no connection after one visit online.
// Reports themselves are never here: they wait encrypted in IndexedDB (js/capture/vault.js).
//
// VERSION names the cache; its digits are the start of the SHA-256 of the SHELL files, in order, and a web
// test fails with the right value when a file changed and VERSION did not, so phones get the new files.
const VERSION = 'capture-63a5405c7fb1';
const PAGE = '/capture';
const PLACES = '/api/v1/gazetteer/places';
const SHELL = [
  '/css/site.css',
  '/css/capture.css',
  '/js/capture/capture.js',
  '/js/capture/vault.js',
  '/js/capture/places.js',
  '/js/capture/sender.js',
  '/fonts/noto-sans-khmer-khmer-400-normal.woff2',
  '/fonts/noto-sans-khmer-khmer-700-normal.woff2',
  '/capture.webmanifest',
  '/icons/spean.svg',
  '/icons/spean-192.png',
  '/icons/spean-512.png',
];
// On a weak connection, the page kept on the phone after this long beats waiting for the network.
const PAGE_TIMEOUT_MS = 4000;

self.addEventListener('install', event => {
  event.waitUntil(caches.open(VERSION)
    .then(cache => Promise.all([PAGE, PLACES, ...SHELL].map(url => keep(cache, url))))
    .then(() => self.skipWaiting()));
});

self.addEventListener('activate', event => {
  event.waitUntil(caches.keys()
    .then(names => Promise.all(names.filter(name => name.startsWith('capture-') && name !== VERSION).map(name => caches.delete(name))))
    .then(() => self.clients.claim()));
});

self.addEventListener('fetch', event => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (request.mode === 'navigate' && url.pathname === PAGE) event.respondWith(pageFirstFromNetwork(request));
  else if (url.pathname === PLACES) event.respondWith(keptThenRefreshed(event));
  else if (SHELL.includes(url.pathname)) event.respondWith(kept(request));
});

// Revalidates with the server (a 304 when the browser already has the file), never keeps a sign-in redirect.
async function keep(cache, url) {
  const response = await fetch(url, { cache: 'no-cache' });
  if (!response.ok || response.redirected) throw new Error(`${url} answered ${response.status}`);
  await cache.put(url, response);
}

// The page from the server when it answers in time (fresh language and sign-in), else the one kept.
async function pageFirstFromNetwork(request) {
  const cache = await caches.open(VERSION);
  const network = fetch(request).then(response => {
    if (response.ok && response.type === 'basic' && !response.redirected) cache.put(PAGE, response.clone());
    return response;
  });
  const kept = await cache.match(PAGE, { ignoreVary: true });
  if (!kept) return network;
  const late = new Promise(resolve => setTimeout(() => resolve(kept), PAGE_TIMEOUT_MS));
  return Promise.race([network.catch(() => kept), late]);
}

// The place list kept on the phone at once; a fresh copy replaces it in the background when it changed.
async function keptThenRefreshed(event) {
  const cache = await caches.open(VERSION);
  const kept = await cache.match(PLACES, { ignoreVary: true });
  const refreshed = keep(cache, PLACES).then(() => cache.match(PLACES, { ignoreVary: true }));
  if (!kept) return refreshed;
  event.waitUntil(refreshed.catch(() => {}));
  return kept;
}

async function kept(request) {
  const cache = await caches.open(VERSION);
  return (await cache.match(request, { ignoreSearch: true, ignoreVary: true })) ?? fetch(request);
}
