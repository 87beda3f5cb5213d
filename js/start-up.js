// The app's ways out. Before it has started: if it cannot start (the connection dropped while
// it was downloading, or the browser cannot run it), the start-up screen says so in both
// languages and offers to reload (once there is a signal), instead of "Opening your forms…"
// for ever; a slow start gets a reassuring line. After it has started (it removes that
// screen): if its code stops on an error it cannot go on from, a banner says so and offers to
// reload, instead of a page that no longer answers. Answers are saved as they are typed, so a
// reload keeps them.
const boot = () => document.getElementById('boot');

/** Appends one line per `[lang, text]` to `parent`: a `<span>` and a line break each, so
 * they fit inside a paragraph. */
function bilingual(parent, lines) {
  for (const [lang, text] of lines) {
    const span = document.createElement('span');
    span.lang = lang;
    span.textContent = text;
    parent.append(span, document.createElement('br'));
  }
}

/** A Reload button, and the line under it that says when there is no signal to reload with. */
function reloadButton(className, { onlyWithSignal }) {
  const button = document.createElement('button');
  button.type = 'button';
  if (className) button.className = className;
  button.textContent = 'Reload / Volver a cargar';
  const waiting = document.createElement('span');
  waiting.setAttribute('role', 'status');
  waiting.className = 'reload-waiting';
  button.addEventListener('click', () => (onlyWithSignal ? reloadWithSignal(waiting) : window.location.reload()));
  return [button, waiting];
}

function say(role, lines, withReload) {
  const screen = boot();
  if (!screen || screen.dataset.failed) return;
  const message = screen.querySelector('.boot-message');
  message.setAttribute('role', role);
  message.replaceChildren();
  bilingual(message, lines);
  if (withReload) {
    screen.dataset.failed = '1';
    // The app could not be downloaded: with no signal, a reload would leave the browser's
    // own error page in place of this one.
    const [button, waiting] = reloadButton('boot-reload', { onlyWithSignal: true });
    message.append(button);
    message.after(waiting);
  }
}

function failed() {
  say('alert', [
    ['en', 'Family Forms could not start. Check your connection, then reload.'],
    ['es', 'Family Forms no pudo abrirse. Revise su conexión y vuelva a cargar.'],
  ], true);
}

// The start-up script awaits the app's code: a failed download or start rejects it, which is
// reported as an error on the window (or, in some browsers, an unhandled rejection).
window.addEventListener('unhandledrejection', failed);
window.addEventListener('error', (event) => {
  const t = event.target;
  // Seen while capturing: a script, or the preloaded app code, that failed to load. An icon
  // or the style sheet failing does not stop the app.
  const fatal = t === window || t?.tagName === 'SCRIPT' || /preload/.test(t?.rel ?? '');
  if (fatal) failed();
}, true);
if (typeof WebAssembly !== 'object') failed();

// The app's code, fetched for the start-up script (scripts/post-build.mjs points it here), so
// the start-up screen can show how much has arrived: on a weak signal a first visit takes a
// while, and a bar that moves says it is getting somewhere. The bytes go on to the compiler as
// they come; a failed download still fails the start as before.
window.ffDownload = (url) => fetch(url).then((response) => {
  const screen = boot();
  const bar = screen?.querySelector('.boot-progress');
  const total = Number(screen?.dataset.appBytes);
  if (!bar || !(total > 0) || !response.ok || !response.body || typeof TransformStream !== 'function') return response;
  let received = 0;
  // Only when it takes long enough to see: a later visit reads the code from the device at once.
  const show = setTimeout(() => { bar.hidden = false; }, 400);
  const counted = response.body.pipeThrough(new TransformStream({
    transform(chunk, controller) {
      received += chunk.byteLength;
      bar.value = Math.min(100, Math.round((100 * received) / total));
      controller.enqueue(chunk);
    },
    flush() { clearTimeout(show); },
  }));
  // Its type only: the length and encoding the server sent describe the compressed bytes.
  const headers = { 'content-type': response.headers.get('content-type') ?? 'application/wasm' };
  return new Response(counted, { status: response.status, statusText: response.statusText, headers });
});

setTimeout(() => say('status', [
  ['en', 'Still opening… On a weak signal this can take a minute.'],
  ['es', 'Todavía abriendo… Con poca señal puede tardar un minuto.'],
], false), 15000);

// A WebAssembly trap (the app's code stopped) after start: say so, in both languages. When it
// stopped because a part of its code could not be downloaded (js/more-code.js: no signal when
// that part was first needed, on a first visit), say that instead, and reload only once the
// signal is back: a reload with none would leave the browser's own error page in its place.
function stopped(error) {
  if (!(error instanceof WebAssembly.RuntimeError) || boot() || document.querySelector('.crash-banner')) return;
  const needsSignal = error.ffNeedsSignal === true;
  const banner = document.createElement('div');
  banner.className = 'crash-banner';
  banner.setAttribute('role', 'alert');
  const lines = needsSignal ? [
    ['en', 'Family Forms needs a signal to open this part of the app. Your answers are saved: reload once you have a signal.'],
    ['es', 'Family Forms necesita señal para abrir esta parte de la aplicación. Sus respuestas están guardadas: vuelva a cargar cuando tenga señal.'],
  ] : [
    ['en', 'Something went wrong and Family Forms stopped. Your answers are saved as you type: reload to go on.'],
    ['es', 'Algo salió mal y Family Forms se detuvo. Sus respuestas se guardan mientras escribe: vuelva a cargar para seguir.'],
  ];
  // A paragraph for each language, so the two stand apart.
  for (const line of lines) {
    const p = document.createElement('p');
    bilingual(p, [line]);
    banner.append(p);
  }
  const [button, waiting] = reloadButton('', { onlyWithSignal: needsSignal });
  banner.append(button, waiting);
  document.body.prepend(banner);
  button.focus();
}

/** Reloads the page once the server answers; until then says so in `waiting`, and asks
 * again every few seconds and when the browser says the connection is back. */
function reloadWithSignal(waiting) {
  if (waiting.dataset.asking) return;
  waiting.dataset.asking = '1';
  // Any answer will do (even one saying the page is not there): the reload then gets what the
  // server has, a new version of the app included.
  fetch(window.location.href, { method: 'HEAD', cache: 'no-store' })
    .then(() => window.location.reload())
    .catch(() => {
      if (!waiting.childElementCount) {
        bilingual(waiting, [
          ['en', 'Still no signal. This page reloads by itself once the signal is back.'],
          ['es', 'Todavía no hay señal. Esta página se volverá a cargar sola cuando vuelva la señal.'],
        ]);
      }
      const again = () => {
        clearTimeout(timer);
        window.removeEventListener('online', again);
        delete waiting.dataset.asking;
        reloadWithSignal(waiting);
      };
      const timer = setTimeout(again, 3000);
      window.addEventListener('online', again);
    });
}
if (typeof WebAssembly === 'object') {
  window.addEventListener('error', (event) => stopped(event.error));
  window.addEventListener('unhandledrejection', (event) => stopped(event.reason));
}
