// convlab's service worker: a second visit starts from this cache, and the whole app works with
// no network. scripts/sw.py fills in VERSION (a hash of every built file) and FILES (the list),
// so a new build is a new cache; the new worker waits until the page, told by `updatefound`,
// offers to reload, and one version's files are never mixed with another's.
const VERSION = '__VERSION__';
const FILES = __FILES__;
const CACHE = 'convlab-' + VERSION;

self.addEventListener('install', (event) => {
  // `cache: 'reload'` skips the HTTP cache, which may still hold another version's files.
  event.waitUntil(caches.open(CACHE).then((cache) =>
    cache.addAll(FILES.map((f) => new Request(f, { cache: 'reload' })))));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys().then((keys) => Promise.all(
    keys.filter((k) => k.startsWith('convlab-') && k !== CACHE).map((k) => caches.delete(k)))));
});

// The page asks a waiting version to take over when the learner chooses to reload.
self.addEventListener('message', (event) => {
  if (event.data === 'take-over') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    // Every page address (`?lang=ko`, `#train`) is the one index.html; workers take `?helpers=`.
    const key = request.mode === 'navigate' ? './index.html' : request;
    const hit = await cache.match(key, { ignoreSearch: true });
    return hit ?? fetch(request);
  })());
});
