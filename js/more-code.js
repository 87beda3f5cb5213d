// The rest of the app's code. A release build comes in two parts (scripts/split-wasm.mjs):
// what opening home or a form runs, which the page downloads first, and the rest (later
// sections, Settings, printing, the PDF, files…), named in index.html's
// <meta name="ff-more-code">. The app calls ffMoreCodeStart as it starts (src/web/more_code.rs):
// - on a later visit, where the service worker holds every file, the rest is read from the
//   device and linked before the app draws anything, so nothing the app does needs the
//   network for it;
// - on a first visit, the app starts at once and the rest is fetched meanwhile (the connection
//   has nothing else to do while the app starts; compiling happens off the page's thread).
//   If a function of the rest is needed before it arrives (a quick tap on a slow connection),
//   the first part calls ffMoreCodeNow, which loads it at once while the page waits. (That
//   synchronous request goes to the network: a service worker never sees it.) A download that
//   fails is tried again, sooner if the browser says the connection is back.
// A build that was not split has no such <meta>, and nothing here does anything.

const url = document.querySelector('meta[name="ff-more-code"]')?.content;
/** The first part's exports, which the rest imports as "p". */
let first = null;
let linked = !url;
/** The rest, fetched (through the service worker where there is one) and compiled. */
function compileRest() {
  return fetch(url)
    .then((response) => (response.ok ? response.arrayBuffer()
      : Promise.reject(Object.assign(new Error(`HTTP ${response.status}`), { status: response.status }))))
    .then((bytes) => WebAssembly.compile(bytes));
}

/** The rest, compiled, once read (a later visit). */
let compiled = null;
const readFromDevice = url && navigator.serviceWorker?.controller
  ? compileRest().then((module) => { compiled = module; }).catch(() => {})
  : Promise.resolve();

function link(module) {
  if (linked) return;
  new WebAssembly.Instance(module, { p: first });
  linked = true;
  first.ff_more_code_loaded.value = 1;
  // js/installed-app.js registers the service worker only now: installing it downloads the
  // rest again, which must not share a slow line with the page's own download.
  window.ffMoreCodeLinked = true;
  window.dispatchEvent(new Event('ff-more-code-linked'));
}

/** How long to wait before the next try after a failed download; it doubles each time. */
let retryAfterMs = 2000;

function fetchRest() {
  if (linked) return;
  compileRest()
    .then(link)
    .catch((error) => {
      // A file the server no longer has (a new version was put up) will not come back: the
      // app's banner offers a reload when it is needed.
      if (error.status >= 400 && error.status < 500) return;
      // A weak signal drops a download without the browser ever saying it went offline, so
      // try again after a while as well as when it says the connection is back (or load it at
      // once if needed before). Until the rest is here the app is not kept for use offline.
      const again = () => {
        clearTimeout(timer);
        window.removeEventListener('online', again);
        fetchRest();
      };
      const timer = setTimeout(again, retryAfterMs);
      retryAfterMs = Math.min(retryAfterMs * 2, 60000);
      window.addEventListener('online', again);
    });
}

/** Called by the app before it draws anything, with its exports; the app starts once the
 * promise resolves. */
export function ffMoreCodeStart(exports) {
  first = exports;
  if (linked) return Promise.resolve();
  return readFromDevice.then(() => {
    if (compiled) link(compiled);
    else fetchRest();
  });
}

/** Loads and links the rest at once: the first part calls this before a function of the
 * rest runs while the rest has not arrived. */
export function ffMoreCodeNow() {
  if (linked) return;
  let bytes;
  /** Whether the server answered at all: if not, there is no signal. */
  let answered = false;
  try {
    // A synchronous request can only return text; each byte is read back from its character.
    const request = new XMLHttpRequest();
    request.open('GET', url, false);
    request.overrideMimeType('text/plain; charset=x-user-defined');
    request.send();
    answered = request.status !== 0;
    if (request.status !== 200) throw new Error(`HTTP ${request.status}`);
    const text = request.responseText;
    bytes = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i) & 0xff;
  } catch (error) {
    // Reported as the app's code stopping: js/start-up.js shows its banner. With no answer,
    // it says this part of the app needs a signal, and reloads once there is one; with one
    // (a file no longer there once a new version is put up), a reload gets the new version.
    const stopped = new WebAssembly.RuntimeError(`Family Forms could not load the rest of its code (${error.message})`);
    stopped.ffNeedsSignal = !answered;
    throw stopped;
  }
  link(new WebAssembly.Module(bytes));
}
