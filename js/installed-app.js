// What the installed app needs from the page, in one file (on a slow first visit every extra
// file delays the wasm: a browser opens at most six connections to a host over HTTP/1.1):
// 1. registers the service worker and tells the app when a new version is waiting. The app shows
// "a new version is ready — reload" and, when tapped, sends `ff-apply-update`; the page reloads
// once the new version is in control (the app saves on the way out, so nothing is lost). It also
// says whether the app is kept for use with no connection, in `data-offline` on <html> ("ready"
// once a worker with every file is active, "unavailable" where there can be none, nothing while
// it gets ready), announced by `ff-offline-changed`; Settings shows it.
const offline = (state) => {
  document.documentElement.dataset.offline = state;
  window.dispatchEvent(new Event('ff-offline-changed'));
};
if ('serviceWorker' in navigator) {
  let reloading = false;
  const announce = () => {
    document.documentElement.dataset.updateReady = '1';
    window.dispatchEvent(new Event('ff-update-ready'));
  };
  // Installing the worker downloads every file of the app again, to keep it for offline use.
  // On a first visit over a slow connection that must wait until the page has its own copy,
  // or the two downloads share the line and the app takes longer to open. The load event is
  // too early (it does not wait for the wasm), so the worker is registered once the app has
  // started (trunk's start-up script announces it), the rest of its code has arrived (a
  // release build comes in two parts: js/more-code.js announces the second) and the page is idle.
  /** The latest registration: installing again after a failure can make a new one. */
  let registration = null;
  /** How long to wait before installing again after a failed install; it doubles each time. */
  let retryAfterMs = 5000;
  const register = () => navigator.serviceWorker.register('/sw.js').then((latest) => {
    // No registration at all: a browser that blocks workers here without saying why.
    if (!latest) {
      offline('unavailable');
      return;
    }
    const previous = registration;
    const first = previous === null;
    registration = latest;
    const watch = (worker) => {
      worker?.addEventListener('statechange', () => {
        if (worker.state === 'installed' && navigator.serviceWorker.controller) announce();
        // Installing keeps every file or none, and a weak signal can drop one: with no
        // worker active yet, nothing is kept for offline use, so install again.
        if (worker.state === 'redundant' && !latest.active) installAgain();
      });
    };
    if (latest.waiting && navigator.serviceWorker.controller) announce();
    watch(latest.installing);
    if (latest !== previous) latest.addEventListener('updatefound', () => watch(latest.installing));
    if (!first) return;
    // Active means installed, and installing keeps every file or none.
    navigator.serviceWorker.ready.then(() => offline('ready'));
    window.addEventListener('ff-apply-update', () => registration.waiting?.postMessage('skip-waiting'));
    // Looks for a new version when the app comes back to the screen.
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible') registration.update().catch(() => {});
    });
  }).catch((error) => {
    // The worker's own file did not arrive (a TypeError): try again. Anything else is a
    // browser that keeps no worker here (a private window, a blocked one): online only.
    if (error instanceof TypeError) installAgain();
    else offline('unavailable');
  });
  /** Registers again after a while, or as soon as the browser says the connection is back.
   * (js/more-code.js tries its download again the same way; each script works without the
   * other, so they share no code.) */
  let againPending = false;
  const installAgain = () => {
    if (againPending) return;
    againPending = true;
    const again = () => {
      againPending = false;
      clearTimeout(timer);
      window.removeEventListener('online', again);
      register();
    };
    const timer = setTimeout(again, retryAfterMs);
    retryAfterMs = Math.min(retryAfterMs * 2, 60000);
    window.addEventListener('online', again);
  };
  const once = (ready, event) => new Promise((resolve) => {
    if (ready()) resolve();
    else window.addEventListener(event, resolve, { once: true });
  });
  // Registered when idle, but within 5 s even if the page is never idle (a page kept busy can
  // starve idle callbacks), so the app is kept for use offline in any case.
  Promise.all([
    once(() => window.wasmBindings, 'TrunkApplicationStarted'),
    once(() => window.ffMoreCodeLinked || !document.querySelector('meta[name="ff-more-code"]'), 'ff-more-code-linked'),
  ]).then(() => (window.requestIdleCallback
    ? window.requestIdleCallback(register, { timeout: 5000 })
    : setTimeout(register, 1000)));
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (reloading || !document.documentElement.dataset.updateReady) return;
    reloading = true;
    window.location.reload();
  });
} else {
  offline('unavailable');
}

// 2. Files opened with the installed app from the computer's own files (on a school Chromebook,
// "Open with Family Forms"): the manifest's file_handlers hand them to this page. They go the
// way files shared from a phone's share sheet go (see sw.js): into the cache the app takes
// them from at /received?shared=1, read-only until the person saves them.
if ('launchQueue' in window) {
  window.launchQueue.setConsumer(async (params) => {
    if (!params.files || params.files.length === 0) return;
    await caches.delete('ff-shared-files');
    const cache = await caches.open('ff-shared-files');
    let i = 0;
    for (const handle of params.files) {
      const file = await handle.getFile();
      await cache.put(`/shared-file/${i++}`, new Response(file, {
        headers: { 'x-file-name': encodeURIComponent(file.name) },
      }));
    }
    window.location.replace('/received?shared=1');
  });
}

// 3. Installing the app on the phone, so it opens from the home screen, works offline, and the
// browser keeps its data (Chrome keeps an installed app's data; Safari erases a website's data
// after 7 days of use without a visit, but not a Home Screen app's). The app offers it on home
// and in Settings, and reads here how this browser does it, in `data-install` on <html>:
// "installed" (running from the home screen, or installed from this tab), "offered" (Chrome's
// `beforeinstallprompt` came, often before the app has started, and is kept for the app's
// "Install" button), "ios" (an iPhone or iPad: Share, then "Add to Home Screen"), or nothing.
// `ff-install-changed` says when it changes; the app sends `ff-install` when "Install" is
// tapped.
{
  const root = document.documentElement;
  const set = (way) => {
    if (way) root.dataset.install = way; else delete root.dataset.install;
    window.dispatchEvent(new Event('ff-install-changed'));
  };
  const standalone = window.matchMedia?.('(display-mode: standalone)').matches || navigator.standalone === true;
  const apple = /iPhone|iPad|iPod/.test(navigator.userAgent) || (navigator.platform === 'MacIntel' && navigator.maxTouchPoints > 1);
  if (standalone) set('installed');
  else if (apple) set('ios');
  let offer = null;
  window.addEventListener('beforeinstallprompt', (event) => {
    // The browser's own offer is left as it is; this keeps the event for the app's button.
    offer = event;
    set('offered');
  });
  window.addEventListener('ff-install', () => {
    if (!offer) return;
    const asked = offer;
    offer = null;
    // An offer can be shown once: whatever the person answers, the button goes (the browser
    // sends a new offer if it can be installed after all).
    set(null);
    asked.prompt().catch(() => {});
  });
  // Installed from this tab (the app's button or the browser's menu): Settings says so, rather
  // than where to look for a way to install it.
  window.addEventListener('appinstalled', () => { offer = null; set('installed'); });
}
