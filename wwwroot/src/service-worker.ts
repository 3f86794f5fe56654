// Registers /sw.js, which keeps the pages and bundles so a bill opened once can be reopened offline.

export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator)) return;
  navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => {
    // Without it the app works online; only reloading while offline is lost.
  });
}
