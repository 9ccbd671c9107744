import { withBase } from '../../utils/url';

/**
 * Registers the service worker that `scripts/service-worker.ts` writes into a build, which keeps the whole site
 * working offline after one visit (README "Offline"). When a new build's worker takes over a page the previous
 * one served, `notice` says so and offers to reload: the page on screen, and the code it may still load, are the
 * old build's.
 */
export function registerServiceWorker(notice: HTMLElement): void {
  if (!('serviceWorker' in navigator)) return;
  const servedByWorker = navigator.serviceWorker.controller !== null;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    // On a first visit the worker taking control changes nothing on the page.
    if (!servedByWorker || notice.childElementCount > 0) return;
    const reload = document.createElement('button');
    reload.type = 'button';
    reload.textContent = 'Reload';
    reload.addEventListener('click', () => location.reload());
    notice.append('This site has been updated. ', reload);
  });
  // Without a worker the site still works, online only: worth a warning, not an error.
  navigator.serviceWorker
    .register(withBase('sw.js'), { scope: withBase('/') })
    .catch((error: unknown) => console.warn('Offline use is not available:', error));
}
