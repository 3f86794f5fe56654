// @ts-check
// ParisCoDraft service worker: keeps the app's pages and bundles so that a bill opened once on this
// device can be reopened (and edited, thanks to IndexedDB) while offline. Network first, so a
// deployment is picked up at the next online load; the API and the hub are never cached.
/// <reference lib="webworker" />

const CACHE = 'pcd-shell-v1';
const SHELL = ['/bill.html', '/join.html', '/index.html', '/styles.css', '/dist/bill.js', '/dist/index.js', '/dist/join.js'];

const sw = /** @type {ServiceWorkerGlobalScope} */ (/** @type {unknown} */ (self));

sw.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      // One by one: a missing file must not keep the others out.
      await Promise.all(SHELL.map((url) => cache.add(new Request(url, { cache: 'reload' })).catch(() => undefined)));
      await sw.skipWaiting();
    })(),
  );
});

sw.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) if (key !== CACHE) await caches.delete(key);
      await sw.clients.claim();
    })(),
  );
});

/** @param {URL} url */
function shellFor(url) {
  if (url.pathname.startsWith('/bills/')) return '/bill.html';
  if (url.pathname.startsWith('/join/')) return '/join.html';
  if (url.pathname === '/') return '/index.html';
  return undefined;
}

sw.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== sw.location.origin) return;
  if (url.pathname.startsWith('/api/') || url.pathname.startsWith('/hubs/')) return;
  event.respondWith(
    (async () => {
      const cache = await caches.open(CACHE);
      const shell = request.mode === 'navigate' ? shellFor(url) : undefined;
      try {
        const response = await fetch(request);
        if (response.ok && response.type === 'basic') {
          // Kept in the background: the page must never wait on Cache Storage (slow on a busy machine).
          const forRequest = response.clone();
          const forShell = shell ? response.clone() : undefined;
          const keep = (async () => {
            await cache.put(request, forRequest);
            if (shell && forShell) await cache.put(shell, forShell);
          })().catch(() => undefined);
          try {
            event.waitUntil(keep); // allowed while respondWith's promise is pending; keeps the worker alive
          } catch {
            // the write goes on anyway
          }
        }
        return response;
      } catch (error) {
        const cached = (await cache.match(request, { ignoreSearch: true })) ?? (shell ? await cache.match(shell) : undefined);
        if (cached) return cached;
        throw error;
      }
    })(),
  );
});
