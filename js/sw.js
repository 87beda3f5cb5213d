// Family Forms service worker: the app works offline after one visit.
// scripts/post-build.mjs fills in VERSION (a hash of every file) and FILES (the app shell), so
// each build has its own cache and an old one is removed once the new version takes over.
const VERSION = '__VERSION__';
const FILES = __FILES__;
const CACHE = `family-forms-${VERSION}`;
/** The paths this worker answers for; any other request goes to the network untouched. */
const SHELL = new Set(FILES);

self.addEventListener('install', (event) => {
  // Everything or nothing: a half-cached app would fail offline.
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)));
  // No skipWaiting here: the page asks the person first ("a new version is ready").
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      if (key.startsWith('family-forms-') && key !== CACHE) await caches.delete(key);
    }
    await self.clients.claim();
  })());
});

self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

// Files shared to the app from another app's share sheet (the manifest's share_target) wait
// here until the page takes them; the page deletes this cache once it has read them.
const SHARED = 'ff-shared-files';

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method === 'POST' && url.origin === self.location.origin && url.pathname === '/share-target') {
    event.respondWith((async () => {
      const files = (await request.formData()).getAll('files').filter((f) => f instanceof File);
      await caches.delete(SHARED);
      const cache = await caches.open(SHARED);
      // One after the other: the page takes them in the order they were put in.
      for (const [i, file] of files.entries()) {
        await cache.put(`/shared-file/${i}`, new Response(file, {
          headers: { 'x-file-name': encodeURIComponent(file.name) },
        }));
      }
      return Response.redirect('/received?shared=1', 303);
    })());
    return;
  }
  // Only this app's own files; nothing else is ever fetched by the app.
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    // Every page is the one app page: served from the cache, so it opens with no signal.
    event.respondWith(
      caches.match('/index.html', { cacheName: CACHE }).then((hit) => hit || fetch(request)),
    );
    return;
  }
  // A path the app shell does not hold (a browser's own /favicon.ico, say) is left to the
  // browser: a fetch from here that fails or is cut short by the next page shows as a service
  // worker error in the page's console, where a plain network miss is quiet.
  if (!SHELL.has(url.pathname)) return;
  event.respondWith(
    caches.match(request, { cacheName: CACHE }).then((hit) => hit || fetch(request)),
  );
});
