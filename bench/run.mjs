// Benchmark: size and speed of the release build in headless Chromium on loopback, with CDP CPU
// throttling (4×) and, for cold loads, a slow-4G network. Prints a Markdown table with a pass or
// fail for each budget and writes bench-results/latest.json. Run through scripts/bench, which
// builds release first. Tests never time anything; this is where speed is judged.
import { existsSync, readdirSync, readFileSync, statSync, mkdirSync, writeFileSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mkdtempSync, copyFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { serveDist } from '../tests/e2e/server.mjs';
import { filledDocument } from '../scripts/filled-document.mjs';
import { PHONE } from '../tests/e2e/harness.mjs';
import { launchChromium } from '../scripts/chromium.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
// DIST=/other/clone/dist measures another build the same way (to compare two builds, run them
// one after the other, alternating, on the same machine).
const DIST = process.env.DIST || join(ROOT, 'dist');
const RUNS = Number(process.env.BENCH_RUNS || 7);

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
/** The value below which a share `p` (0.95: 95%) of `xs` falls. */
const percentile = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))];
};
const kb = (n) => (n / 1024).toFixed(1);

function sizes() {
  const files = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (!name.endsWith('.gz') && !name.endsWith('.br')) {
        const raw = readFileSync(full);
        files.push({ file: full.slice(DIST.length + 1), raw: raw.length, gzip: gzipSync(raw, { level: 9 }).length });
      }
    }
  };
  walk(DIST);
  files.sort((a, b) => b.gzip - a.gzip);
  const total = files.reduce((t, f) => ({ raw: t.raw + f.raw, gzip: t.gzip + f.gzip }), { raw: 0, gzip: 0 });
  return { files, total };
}

/** Leptos alone (bench/framework-floor, built by scripts/bench) as a page to cold-load (its
 * question's box is `#name`): the floor's wasm and JS, the app's stylesheet, and the same
 * preloads and start-up module as trunk writes for the app, each with gzip and brotli copies as
 * the app's build writes them. Null when the floor was not built. */
function frameworkFloorPage() {
  const out = join(ROOT, 'target', 'framework-floor', 'out');
  if (!existsSync(join(out, 'floor_bg.wasm'))) return null;
  const dir = mkdtempSync(join(tmpdir(), 'ff-leptos-'));
  copyFileSync(join(out, 'floor.js'), join(dir, 'floor.js'));
  copyFileSync(join(out, 'floor_bg.wasm'), join(dir, 'floor_bg.wasm'));
  copyFileSync(join(ROOT, 'style', 'main.css'), join(dir, 'style.css'));
  writeFileSync(join(dir, 'boot.js'), "import init from '/floor.js';\nawait init({ module_or_path: '/floor_bg.wasm' });\n");
  writeFileSync(join(dir, 'index.html'), '<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Leptos alone</title><link rel="stylesheet" href="/style.css"><script type="module" src="/boot.js"></script><link rel="modulepreload" href="/floor.js" crossorigin="anonymous"><link rel="preload" href="/floor_bg.wasm" crossorigin="anonymous" as="fetch" type="application/wasm"></head><body></body></html>');
  for (const name of readdirSync(dir)) {
    const raw = readFileSync(join(dir, name));
    writeFileSync(join(dir, name + '.gz'), gzipSync(raw, { level: constants.Z_BEST_COMPRESSION }));
    writeFileSync(join(dir, name + '.br'), brotliCompressSync(raw, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length },
    }));
  }
  return dir;
}

/** What Leptos alone weighs, read from that page's files and their compressed copies: the part
 * of the size budget no app code can take back. */
function frameworkFloorSize(dir) {
  const size = (name) => statSync(join(dir, name)).size;
  const files = ['floor_bg.wasm', 'floor.js'].map((file) => ({ file, raw: size(file), gzip: size(file + '.gz'), brotli: size(file + '.br') }));
  const sum = (key) => files.reduce((n, f) => n + f[key], 0);
  return { files, raw: sum('raw'), gzip: sum('gzip'), brotli: sum('brotli') };
}

async function firstRender(browser, url) {
  const fcp = [];
  const rendered = [];
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext(PHONE);
    const page = await context.newPage();
    await page.goto(url + '/');
    await page.waitForSelector('main h1');
    const t = await page.evaluate(() => ({
      rendered: performance.now(),
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
    }));
    fcp.push(t.fcp);
    rendered.push(t.rendered);
    await context.close();
  }
  return { runs: RUNS, fcp_ms: median(fcp), home_rendered_ms: median(rendered) };
}

/** A generated definition with `n` fields of mixed kinds, in one section. */
function bigDefinition(n) {
  const kinds = ['short_text', 'long_text', 'date', 'number', 'email', 'phone', 'yes_no'];
  const fields = Array.from({ length: n }, (_, i) => ({
    id: `q${i}`,
    kind: kinds[i % kinds.length],
    label: { en: `Question ${i}`, es: `Pregunta ${i}` },
  }));
  return { id: 'bench-300', version: 1, title: { en: 'Bench', es: 'Bench' }, sections: [{ id: 's', title: { en: 'All', es: 'Todo' }, fields }] };
}

/** The shipped form with the most fields (counting row columns). */
function largestForm() {
  const dir = join(ROOT, 'src', 'forms');
  const count = (fields) => fields.reduce((n, f) => n + 1 + (f.columns ? f.columns.length : 0), 0);
  return readdirSync(dir).filter((f) => f.endsWith('.json'))
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')))
    .map((def) => ({ def, fields: count(def.sections.flatMap((s) => s.fields)) }))
    .sort((a, b) => b.fields - a.fields)[0];
}

async function throttled(browser, rate = 4) {
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  return { context, page };
}

/**
 * Time from tapping a form's link on home to its first questions being in the page and
 * painted (the first batch the app draws: 8 fields), and to all 300 fields being in the page.
 */
async function render300(browser, url) {
  const def = bigDefinition(300);
  const dom = [];
  const painted = [];
  const firstDom = [];
  const firstPainted = [];
  const warmUp = [];
  for (let i = 0; i < RUNS; i++) {
    const { context, page } = await throttled(browser);
    await page.addInitScript((src) => localStorage.setItem('family-forms:form:bench-300', src), JSON.stringify(def));
    await page.goto(url + '/');
    await page.waitForSelector('a[href="/form/bench-300"]');
    // A person reads home before tapping: tap once the page has been idle once.
    await page.evaluate(() => new Promise((resolve) => requestIdleCallback(() => resolve())));
    // The questions the app draws out of sight while home is idle (ui::warm_up), if done yet:
    // the work of its steps, added up.
    const warm = await page.evaluate(() => performance.getEntriesByName('ff-warm-up').length
      ? performance.getEntriesByName('ff-warm-up-step').reduce((sum, e) => sum + e.duration, 0) : undefined);
    if (warm !== undefined) warmUp.push(warm);
    const t = await page.evaluate(() => new Promise((resolve) => {
      const t0 = performance.now();
      const first = {};
      const done = () => {
        const tDom = performance.now() - t0;
        requestAnimationFrame(() => setTimeout(() => resolve({ ...first, dom: tDom, painted: performance.now() - t0 }), 0));
      };
      const obs = new MutationObserver(() => {
        if (first.dom_first === undefined && document.getElementById('f-q7')) {
          first.dom_first = performance.now() - t0;
          requestAnimationFrame(() => setTimeout(() => { first.painted_first = performance.now() - t0; }, 0));
        }
        if (document.getElementById('f-q299')) { obs.disconnect(); done(); }
      });
      obs.observe(document.body, { childList: true, subtree: true });
      document.querySelector('a[href="/form/bench-300"]').click();
    }));
    dom.push(t.dom);
    painted.push(t.painted);
    firstDom.push(t.dom_first ?? t.dom);
    firstPainted.push(t.painted_first ?? t.painted);
    await context.close();
  }
  return {
    fields: 300,
    first_dom_ms: median(firstDom),
    warm_up_ms: warmUp.length ? median(warmUp) : null,
    warm_up_runs: warmUp.length,
    first_painted_ms: median(firstPainted),
    dom_ms: median(dom),
    painted_ms: median(painted),
    ...(await render300Floor(browser, url, def)),
  };
}

/**
 * The floor for drawing 300 fields: the very DOM the app drew for them, as HTML the browser
 * parses and inserts in one go in place of home's content (same page, same stylesheet), timed to
 * the next paint. No script builds anything, so what remains is the browser's own work.
 */
async function render300Floor(browser, url, def) {
  const { context, page } = await throttled(browser);
  await page.addInitScript((src) => localStorage.setItem('family-forms:form:bench-300', src), JSON.stringify(def));
  await page.goto(url + '/form/bench-300');
  await page.waitForSelector('#f-q299');
  const html = await page.evaluate(() => document.querySelector('main').innerHTML);
  await context.close();
  const painted = [];
  for (let i = 0; i < RUNS; i++) {
    const { context, page } = await throttled(browser);
    await page.goto(url + '/');
    await page.waitForSelector('main h1');
    await page.evaluate(() => new Promise((resolve) => requestIdleCallback(() => resolve())));
    painted.push(await page.evaluate((html) => new Promise((resolve) => {
      const t0 = performance.now();
      document.querySelector('main').innerHTML = html;
      requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0), 0));
    }), html));
    await context.close();
  }
  return { floor_html_kb: html.length / 1024, floor_painted_ms: median(painted) };
}

/** The four family forms a parent fills for a child, read from the shipped definitions. */
function familyForms() {
  return ['getting-to-know-my-child', 'ppt-prep', 'partnership-plan', 'seven-things']
    .map((id) => JSON.parse(readFileSync(join(ROOT, 'src', 'forms', `${id}.json`), 'utf8')));
}

/** What home holds for its measures: 50 children, each with four documents filled in (the four
 * family forms a parent fills for a child, as the budget says: reading every shipped form made
 * it 350 documents once teacher tools and letters came), as localStorage entries. */
function homeEntries() {
  const forms = familyForms();
  const children = Array.from({ length: 50 }, (_, i) => ({ id: `c${i}`, name: `Niño ${i}`, preferred_name: '', birth_date: '2020-01-01', grade: 'k', school: '' }));
  const entries = [['family-forms:children', JSON.stringify({ format: 'family-forms/children', version: 1, children })]];
  children.forEach((c, i) => forms.forEach((def, j) => entries.push([`family-forms:doc:d${i}-${j}`, filledDocument(def, `d${i}-${j}`, c.id, `2026-11-${String(1 + ((i + j) % 20)).padStart(2, '0')}T10:00:00Z`)])));
  return entries;
}

/** What a teacher's device holds: 60 files received from families and kept, documents of no
 * child on the device (listed under "Other documents"), the four family forms in turn, each
 * filled in and naming its child "Familia 0" to "Familia 59". */
function keptEntries() {
  const forms = familyForms();
  return Array.from({ length: 60 }, (_, i) => {
    const def = forms[i % forms.length];
    const saved = JSON.parse(filledDocument(def, `k${i}`, null, `2026-11-${String(1 + (i % 20)).padStart(2, '0')}T10:00:00Z`));
    for (const f of def.sections.flatMap((s) => s.fields)) {
      if (f.prefill === 'name' || f.prefill === 'preferred_name') saved.document.answers[f.id] = { type: 'text', value: `Familia ${i}` };
    }
    return [`family-forms:doc:k${i}`, JSON.stringify(saved)];
  });
}

/** Puts `entries` (`homeEntries` or `keptEntries`) into the page's storage before its first
 * load only (until its first key is there), so a reload finds what the app has made of them. */
async function seedHome(page, entries) {
  await page.addInitScript((all) => { if (!localStorage.getItem(all[0][0])) for (const [k, v] of all) localStorage.setItem(k, v); }, entries);
}

/** Home with 50 children and 4 documents each: tap home from Settings until every card is in,
 * with its way to start a form (a return visit: the first visit has cached each document's summary). */
async function home200(browser, url) {
  const entries = homeEntries();
  const shippedForms = readdirSync(join(ROOT, 'src', 'forms')).filter((f) => f.endsWith('.json')).length;
  const times = [];
  const floor = [];
  for (let i = 0; i < RUNS; i++) {
    const { context, page } = await throttled(browser);
    await seedHome(page, entries);
    // A first visit to home caches each document's summary; the measured visit is a return.
    await page.goto(url + '/');
    await page.waitForSelector('.child-card');
    await page.click('a.settings-link');
    await page.waitForSelector('#device-title');
    times.push(await page.evaluate((choices) => new Promise((resolve) => {
      const t0 = performance.now();
      // Every card, each with its way to start a form: since round 21 a folded "Start a form
      // for…" whose list is drawn when opened; before, a list of every shipped form after
      // "Choose a form" (a list filled later would count), so older builds compare.
      const done = () => {
        const cards = document.querySelectorAll('.child-card');
        return cards.length === 50 && [...cards].every((c) => c.querySelector('.start-form > summary')
          || c.querySelectorAll('select option').length === choices);
      };
      const obs = new MutationObserver(() => {
        if (done()) { obs.disconnect(); resolve(performance.now() - t0); }
      });
      obs.observe(document.body, { childList: true, subtree: true });
      document.querySelector('a.brand').click();
    }), shippedForms + 1));
    floor.push(await page.evaluate(homeMarkupFloor));
    await context.close();
  }
  return {
    children: 50, documents: 200, ms: median(times),
    floor_ms: median(floor.map((f) => f.ms)), floor_html_kb: floor[0].bytes / 1024,
  };
}

/** The floor for home: the markup of the home just drawn (its `<main>`, every card in it),
 * parsed and inserted by the browser in one go into an element of its own, timed as the tap
 * is (to the DOM change being observed), and then taken out again. */
function homeMarkupFloor() {
  return new Promise((resolve) => {
    const html = document.querySelector('main').innerHTML;
    const box = document.createElement('div');
    const t0 = performance.now();
    const obs = new MutationObserver(() => {
      obs.disconnect();
      const ms = performance.now() - t0;
      box.remove();
      resolve({ ms, bytes: new TextEncoder().encode(html).length });
    });
    obs.observe(document.body, { childList: true, subtree: true });
    document.querySelector('main').before(box);
    box.innerHTML = html;
  });
}

/** From now on, each key pressed in `page` adds to `window.__lat` its time to the next paint and
 * to `window.__work` its time to work done (the key's handlers, the reactive updates and DOM
 * writes they queue). */
async function timeKeys(page) {
  await page.evaluate(() => {
    window.__lat = [];
    window.__work = [];
    document.addEventListener('keydown', (e) => {
      const t0 = e.timeStamp;
      setTimeout(() => window.__work.push(performance.now() - t0), 0);
      // Next frame: also waits for the display's next frame, as a person sees it.
      requestAnimationFrame(() => setTimeout(() => window.__lat.push(performance.now() - t0), 0));
    }, true);
  });
}

/** In home's "Find a child or a form" box: each of `words` typed and rubbed out key by key (each
 * key rubbed out brings items back), three times over in one visit, each key timed (`timeKeys`).
 * Also counts the `items` a person sees once each word is typed, to check the search narrowed. */
async function searchKeys(page, words, items) {
  const box = page.locator('#find');
  await box.click();
  await timeKeys(page);
  // Each key's time to its results on the screen: the next paint after the lists have followed
  // the box, which the app marks ('ff-search-applied', seen here as it is made). A build whose
  // lists follow inside the key marks nothing; there the key's next paint shows its results.
  await page.evaluate(() => {
    window.__results = [];
    const waiting = [];
    document.addEventListener('keydown', (e) => waiting.push(e.timeStamp), true);
    const mark = performance.mark.bind(performance);
    performance.mark = (name, ...rest) => {
      if (name === 'ff-search-applied') {
        const keys = waiting.splice(0);
        requestAnimationFrame(() => setTimeout(() => {
          for (const t0 of keys) window.__results.push(performance.now() - t0);
        }, 0));
      }
      return mark(name, ...rest);
    };
  });
  const shown = [];
  for (let round = 0; round < 3; round++) {
    for (const word of words) {
      await page.keyboard.type(word, { delay: 150 });
      await page.waitForTimeout(300);
      // Items a search leaves out are either gone or hidden, depending on the build.
      shown.push(await page.locator(`${items}:not([hidden])`).count());
      for (let i = 0; i < word.length; i++) await page.keyboard.press('Backspace', { delay: 0 }).then(() => page.waitForTimeout(150));
      await page.waitForTimeout(300);
    }
  }
  const { lat, work, results: marked } = await page.evaluate(() => ({ lat: window.__lat, work: window.__work, results: window.__results }));
  const results = marked.length ? marked : lat;
  return { shown, keys: lat.length, p50_ms: percentile(lat, 0.5), p95_ms: percentile(lat, 0.95), max_ms: Math.max(...lat), work_p50_ms: percentile(work, 0.5), work_p95_ms: percentile(work, 0.95),
    results_keys: results.length, results_p50_ms: percentile(results, 0.5), results_p95_ms: percentile(results, 0.95) };
}

/** Keystroke to next paint in home's search box with 50 children × 4 documents: a child's name
 * ("Niño 4" narrows 50 cards to 11) and a form's name ("ppt": every card again, as each child has
 * a PPT prep). No budget of its own: home's 100 ms is for drawing home; this is the redraw a
 * person waits for at each key. */
async function homeSearch(browser, url) {
  const { context, page } = await throttled(browser);
  await seedHome(page, homeEntries());
  await page.goto(url + '/');
  await page.waitForSelector('.child-card');
  const { shown, ...times } = await searchKeys(page, ['Niño 4', 'ppt'], '.child-card');
  await context.close();
  // 11 cards for "Niño 4" (4 and 40–49) and all 50 for "ppt": the search did narrow, each time.
  return { narrowed: shown.every((n, i) => n === (i % 2 === 0 ? 11 : 50)), ...times };
}

/** The same search on a teacher's device with 60 kept files (`keptEntries`): "Familia 4" leaves
 * 11 (4 and 40–49), "ppt" the 15 PPT preps. Reported, with no budget of its own. */
async function keptSearch(browser, url) {
  const { context, page } = await throttled(browser);
  await seedHome(page, keptEntries());
  await page.goto(url + '/');
  await page.waitForSelector('.doc-item');
  const { shown, ...times } = await searchKeys(page, ['Familia 4', 'ppt'], '.doc-item');
  await context.close();
  return { files: 60, narrowed: shown.every((n, i) => n === (i % 2 === 0 ? 11 : 15)), ...times };
}

/** Keystroke to next paint while typing 200 characters into a long text of the largest form. */
async function typing(browser, url, staticUrl = null) {
  const { def, fields } = largestForm();
  const section = def.sections.findIndex((s) => s.fields.some((f) => f.kind === 'long_text' && !f.visible_when));
  const field = def.sections[section].fields.find((f) => f.kind === 'long_text' && !f.visible_when);
  const { context, page } = await throttled(browser);
  const filled = filledDocument(def, 'bench-doc');
  // A document in use for weeks: twenty earlier versions kept (the most the app keeps), the
  // newest saved just now, so every autosave while typing checks the history.
  const answers = JSON.parse(filled).document.answers;
  const history = JSON.stringify(Array.from({ length: 20 }, (_, i) => ({
    revision: 20 - i, saved: new Date(Date.now() - i * 86400000).toISOString(), answers,
  })));
  if (staticUrl) {
    // The floor: the same textarea in the static page, no script at all.
    await page.goto(staticUrl + '/');
  } else {
    await page.addInitScript(([src, versions]) => {
      localStorage.setItem('family-forms:doc:bench-doc', src);
      localStorage.setItem('family-forms:history:bench-doc', versions);
    }, [filled, history]);
    await page.goto(`${url}/doc/bench-doc`);
    await page.waitForSelector('#section-title');
    for (let i = 0; i < section; i++) await page.locator('.section-steps button').last().click();
  }
  const box = page.locator(`#f-${field.id}`);
  await box.click();
  await box.fill('');
  await timeKeys(page);
  const text = 'Le gusta leer cuentos, jugar con bloques y cantar en español. '.repeat(4).slice(0, 200);
  await page.keyboard.type(text, { delay: 60 });
  await page.waitForTimeout(500);
  const { lat, work, saves } = await page.evaluate(() => ({
    lat: window.__lat, work: window.__work,
    saves: performance.getEntriesByName('ff-save').map((e) => e.duration),
  }));
  const typed = await box.inputValue();
  await context.close();
  return {
    form: def.id, form_fields: fields, field: field.id, keys: lat.length, typed_ok: typed === text,
    history_bytes: history.length,
    p50_ms: percentile(lat, 0.5), p95_ms: percentile(lat, 0.95), work_p50_ms: percentile(work, 0.5), work_p95_ms: percentile(work, 0.95),
    doc_bytes: filled.length, saves: saves.length, save_p50_ms: percentile(saves, 0.5), save_max_ms: Math.max(...saves),
    save_per_key_ms: saves.reduce((a, b) => a + b, 0) / lat.length,
  };
}


/** Chrome's "Slow 4G" preset: 150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up. */
const SLOW_4G = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };

/** A fresh phone context, 4× slower CPU and slow 4G, counting the bytes the page transfers. */
async function coldPhone(browser) {
  const context = await browser.newContext({ ...PHONE, serviceWorkers: 'block' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  const transfers = new Map();
  cdp.on('Network.responseReceived', (e) => transfers.set(e.requestId, { url: e.response.url, bytes: 0 }));
  cdp.on('Network.loadingFinished', (e) => { const t = transfers.get(e.requestId); if (t) t.bytes = e.encodedDataLength; });
  return { context, page, transfers };
}

/** Read in the page once its first key is in: when that key was accepted, the first paint, and
 * when the app's code (the wasm) had fully arrived, which shows how much of a cold load is the
 * download and how much is starting the app. */
function coldTimes() {
  // The app's first part (a split build fetches the rest once it has started).
  const wasm = performance.getEntriesByType('resource').find((e) => e.name.endsWith('_bg.wasm'));
  return {
    accepted: window.__ffKeyAccepted,
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
    code_arrived: wasm ? wasm.responseEnd : NaN,
  };
}

/** Runs `expression` (a promise) in the page through DevTools' own `Runtime.evaluate`, and
 * resolves to its value. The cold loads are driven this way rather than by Playwright's
 * selectors, `evaluate` or `waitForFunction`: the first of those in a page has Chromium
 * evaluate Playwright's own script there, 53–85 ms of the page's main thread at 4× CPU (round
 * 42's traces), which until round 42 fell between the box appearing and the key, and was
 * counted in the first key, the static page's and Leptos alone's too. */
async function inPage(cdp, expression) {
  const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true });
  if (exceptionDetails) throw new Error(`in the page: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
  return result.value;
}

/** In the page: waits (up to a minute) for `find()` to return something, polling every 10 ms
 * as the page loads, then for the frame that paints it (a person acts on what is on the
 * screen: a box can be in the DOM before the first paint), and resolves to what `then(found)`
 * returns. */
const once = (find, then) => `new Promise((resolve, reject) => {
  const until = performance.now() + 60000;
  const look = () => {
    const found = (${find})();
    if (found) requestAnimationFrame(() => setTimeout(() => resolve((${then})(found))));
    else if (performance.now() > until) reject(new Error('not there after a minute: ' + ${JSON.stringify(String(find))}));
    else setTimeout(look, 10);
  };
  look();
})`;

/** Types one key into the focused box and waits for it there; the page notes when it saw the
 * key's character in the box (`coldTimes().accepted`), polled every 4 ms. */
async function typeFirstKey(page, cdp, selector) {
  await page.keyboard.type('M');
  await inPage(cdp, `new Promise((resolve) => {
    const look = () => {
      if (document.querySelector(${JSON.stringify(selector)})?.value?.endsWith('M')) resolve(window.__ffKeyAccepted = performance.now());
      else setTimeout(look, 4);
    };
    look();
  })`);
}

/** Opens `url` and types one key into `selector` as soon as it is there, as a person would;
 * then `coldTimes` of that load. */
async function openAndType(page, url, selector) {
  const cdp = await page.context().newCDPSession(page);
  await page.goto(url, { waitUntil: 'commit' });
  await inPage(cdp, once(`() => document.querySelector(${JSON.stringify(selector)})`, '(box) => { box.focus(); return true; }'));
  await typeFirstKey(page, cdp, selector);
  return page.evaluate(coldTimes);
}

/** Cold load of `path` until `selector` takes a typed key: navigation start to the key's
 * character being in the field (and, for the app, in its answers). */
async function coldKeystroke(browser, url, selector, setup) {
  const { context, page, transfers } = await coldPhone(browser);
  if (setup) await page.addInitScript(setup.fn, setup.arg);
  const t = await openAndType(page, url, selector);
  // The first load is every file a first visit downloads: with a split build, the rest of the
  // code too, which comes once the app has started (after the key, on this connection).
  await page.waitForFunction(() => !document.querySelector('meta[name="ff-more-code"]')
    || performance.getEntriesByType('resource').some((e) => e.name.endsWith('_more.wasm') && e.responseEnd > 0), null, { timeout: 60000 });
  await page.waitForTimeout(200);
  // data: URLs (the browser's own date-picker icon) cross no network.
  const files = [...transfers.values()].filter((f) => /^https?:/.test(f.url));
  await context.close();
  return { ...t, bytes: files.reduce((n, f) => n + f.bytes, 0), files };
}

/** The largest form as a plain HTML page with no script: the floor a web page cannot beat. */
function staticPage(def) {
  const esc = (s) => String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
  const field = (f) => {
    const label = `<label for="f-${f.id}">${esc(f.label.en)}</label>`;
    switch (f.kind) {
      case 'info': return `<p>${esc(f.body.en)}</p>`;
      case 'long_text': return `${label}<textarea id="f-${f.id}"></textarea>`;
      case 'choice': case 'multi_choice': return `<fieldset><legend>${esc(f.label.en)}</legend>${f.options.map((o) => `<label><input type="${f.kind === 'choice' ? 'radio' : 'checkbox'}" name="${f.id}"> ${esc(o.label.en)}</label>`).join('')}</fieldset>`;
      case 'yes_no': return `<fieldset><legend>${esc(f.label.en)}</legend><label><input type="radio" name="${f.id}"> Yes</label><label><input type="radio" name="${f.id}"> No</label><label><input type="radio" name="${f.id}"> Not sure</label></fieldset>`;
      case 'rows': return `<fieldset><legend>${esc(f.label.en)}</legend>${f.columns.map((c) => `<label>${esc(c.label.en)} <input></label>`).join('')}</fieldset>`;
      default: return `${label}<input id="f-${f.id}" type="${f.kind === 'date' ? 'date' : 'text'}">`;
    }
  };
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(def.title.en)}</title><link rel="stylesheet" href="/style.css"></head><body><main><h1>${esc(def.title.en)}</h1>${def.sections.map((s) => `<section><h2>${esc(s.title.en)}</h2>${s.fields.map(field).join('')}</section>`).join('')}</main></body></html>`;
}

/** Later visits to the largest form once the service worker keeps the app on the device: what
 * a family that comes back waits for. Same phone, CPU and network as the cold loads; the
 * budget is for the first visit, so this is reported, not judged. */
async function repeatVisits(browser, appUrl, runs) {
  const { def } = largestForm();
  const selector = `#f-${def.sections[0].fields.find((f) => f.kind === 'short_text').id}`;
  const context = await browser.newContext(PHONE);
  const setup = await context.newPage();
  await setup.goto(appUrl + '/');
  await setup.evaluate((src) => localStorage.setItem('family-forms:doc:cold-doc', src), filledDocument(def, 'cold-doc'));
  await setup.waitForFunction(() => document.documentElement.dataset.offline === 'ready', null, { timeout: 120000 });
  await setup.close();
  const visits = [];
  for (let i = 0; i < runs; i++) {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    const t = await openAndType(page, appUrl + '/doc/cold-doc', selector);
    t.from_device = await page.evaluate(() => performance.getEntriesByType('resource').filter((e) => e.name.endsWith('.wasm')).every((e) => e.deliveryType === 'cache-storage'));
    visits.push(t);
    await page.close();
  }
  await context.close();
  return visits;
}

/** Cold loads: home and the largest form, in the app and as a static page, medians. */
async function coldLoads(browser, appUrl, staticUrl, leptosUrl) {
  const { def } = largestForm();
  const first = def.sections[0].fields.find((f) => f.kind === 'short_text');
  const doc = filledDocument(def, 'cold-doc');
  const runs = Math.max(3, Math.ceil(RUNS / 2));
  const collect = async (fn) => { const all = []; for (let i = 0; i < runs; i++) all.push(await fn()); return all; };
  // Home has no text box until "Add a child" is tapped; its first keystroke is measured there.
  const homeKey = await collect(async () => {
    const { context, page, transfers } = await coldPhone(browser);
    const cdp = await context.newCDPSession(page);
    await page.goto(appUrl + '/', { waitUntil: 'commit' });
    // A tap where the button is, once it is there (Playwright's touchscreen: DevTools' own
    // touch events, no script of Playwright's in the page).
    const at = await inPage(cdp, once(
      "() => [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Add a child')",
      '(b) => { b.scrollIntoView({ block: "center" }); const r = b.getBoundingClientRect(); return { x: r.x + r.width / 2, y: r.y + r.height / 2 }; }'));
    await page.touchscreen.tap(at.x, at.y);
    await inPage(cdp, once("() => document.getElementById('child-name')", '(box) => { box.focus(); return true; }'));
    await typeFirstKey(page, cdp, '#child-name');
    const t = await page.evaluate(coldTimes);
    const files = [...transfers.values()].filter((f) => /^https?:/.test(f.url));
    await context.close();
    return { ...t, bytes: files.reduce((n, f) => n + f.bytes, 0), files };
  });
  const form = await collect(() => coldKeystroke(browser, appUrl + '/doc/cold-doc', `#f-${first.id}`, {
    fn: (src) => localStorage.setItem('family-forms:doc:cold-doc', src), arg: doc,
  }));
  const floor = await collect(() => coldKeystroke(browser, staticUrl + '/', `#f-${first.id}`, null));
  const later = await repeatVisits(browser, appUrl, runs);
  const leptos = leptosUrl ? await collect(() => coldKeystroke(browser, leptosUrl + '/', '#name', null)) : null;
  const pick = (xs, k) => median(xs.filter(Boolean).map((x) => x[k]));
  const firstLoadFiles = form[0].files.map((f) => ({ url: f.url.replace(appUrl, ''), bytes: f.bytes })).sort((a, b) => b.bytes - a.bytes);
  return {
    runs, network: 'slow 4G (150 ms, 1.6 Mbit/s down) + 4× CPU',
    home_fcp_ms: pick(homeKey, 'fcp'), home_first_key_ms: pick(homeKey, 'accepted'), home_code_arrived_ms: pick(homeKey, 'code_arrived'),
    form: def.id, form_fcp_ms: pick(form, 'fcp'), form_first_key_ms: pick(form, 'accepted'), form_code_arrived_ms: pick(form, 'code_arrived'),
    static_fcp_ms: pick(floor, 'fcp'), static_first_key_ms: pick(floor, 'accepted'),
    leptos_alone: leptos && { fcp_ms: pick(leptos, 'fcp'), code_arrived_ms: pick(leptos, 'code_arrived'), first_key_ms: pick(leptos, 'accepted'), bytes: pick(leptos, 'bytes') },
    later_visit_fcp_ms: pick(later, 'fcp'), later_visit_first_key_ms: pick(later, 'accepted'), later_visits_from_device: later.filter((v) => v.from_device).length,
    first_load_bytes: pick(form, 'bytes'), first_load_files: firstLoadFiles, static_bytes: pick(floor, 'bytes'),
  };
}

/** PDF of a fully filled Getting to Know My Child, 4× CPU: the app's own measure "ff-pdf". */
async function pdfExport(browser, url) {
  const def = JSON.parse(readFileSync(join(ROOT, 'src', 'forms', 'getting-to-know-my-child.json'), 'utf8'));
  const doc = filledDocument(def, 'pdf-doc');
  const times = [];
  let bytes = 0;
  for (let i = 0; i < RUNS; i++) {
    const { context, page } = await throttled(browser);
    await page.addInitScript((src) => localStorage.setItem('family-forms:doc:pdf-doc', src), doc);
    await page.goto(`${url}/doc/pdf-doc`);
    await page.waitForSelector('#section-title');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save or share as PDF' }).click()]);
    bytes = (await readFileSync(await download.path())).length;
    times.push(await page.evaluate(() => performance.getEntriesByName('ff-pdf').at(-1).duration));
    await context.close();
  }
  return { form: def.id, ms: median(times), pdf_bytes: bytes };
}

const size = sizes();
const floorDir = frameworkFloorPage();
const floorSize = floorDir && frameworkFloorSize(floorDir);
// The budget is in gzip bytes: each file the first load fetched, at its gzip size (the server
// sends brotli where the browser accepts it, which is smaller: the transfer column).
const gzipOf = (url) => {
  const name = url.startsWith('/') && url.includes('.') ? url.slice(1) : 'index.html';
  return size.files.find((f) => f.file === name)?.gzip ?? 0;
};
const server = await serveDist(DIST);
// The floor: the largest form as static HTML with the app's stylesheet, served beside it.
const staticDir = mkdtempSync(join(tmpdir(), 'ff-static-'));
writeFileSync(join(staticDir, 'index.html'), staticPage(largestForm().def));
copyFileSync(join(ROOT, 'style', 'main.css'), join(staticDir, 'style.css'));
const staticServer = await serveDist(staticDir);
const leptosServer = floorDir ? await serveDist(floorDir) : null;
const browser = await launchChromium();
let timing, big, keys, floorKeys, home, homeFind, keptFind, cold, pdf;
// BENCH_ONLY=typing (for example) runs one measure while working on it; the full run is the report.
const only = process.env.BENCH_ONLY;
const run = (name, fn) => (!only || only === name ? fn() : null);
try {
  timing = await run('first', () => firstRender(browser, server.url));
  cold = await run('cold', () => coldLoads(browser, server.url, staticServer.url, leptosServer?.url));
  big = await run('render300', () => render300(browser, server.url));
  keys = await run('typing', () => typing(browser, server.url));
  floorKeys = await run('typing', () => typing(browser, server.url, staticServer.url));
  pdf = await run('pdf', () => pdfExport(browser, server.url));
  home = await run('home', () => home200(browser, server.url));
  homeFind = await run('home', () => homeSearch(browser, server.url));
  keptFind = await run('home', () => keptSearch(browser, server.url));
} finally {
  await browser.close();
  await server.close();
  await staticServer.close();
  await leptosServer?.close();
  // The pages made for this run only (each run makes its own).
  for (const dir of [staticDir, floorDir]) if (dir) rmSync(dir, { recursive: true, force: true });
}

if (only) {
  console.log(JSON.stringify({ timing, cold, big, keys, floorKeys, pdf, home, homeFind, keptFind }, null, 2));
  process.exit(0);
}
const lines = ['| file | raw KB | gzip KB |', '|---|---:|---:|'];
for (const f of size.files) lines.push(`| ${f.file} | ${kb(f.raw)} | ${kb(f.gzip)} |`);
lines.push(`| **total** | **${kb(size.total.raw)}** | **${kb(size.total.gzip)}** |`);
if (floorSize) {
  const app = size.files.filter((f) => /^family-forms-.*\.(wasm|js)$/.test(f.file));
  const appGzip = app.reduce((n, f) => n + f.gzip, 0);
  lines.push('', "| the app's code against Leptos alone (wasm and its JS, built the same way) | raw KB | gzip KB |", '|---|---:|---:|');
  lines.push(`| the app | ${kb(app.reduce((n, f) => n + f.raw, 0))} | ${kb(appGzip)} |`);
  lines.push(`| Leptos alone: one short answer, one long answer, a count (bench/framework-floor) | ${kb(floorSize.raw)} | ${kb(floorSize.gzip)} |`);
  lines.push(`| the app's own share | | ${kb(appGzip - floorSize.gzip)} |`);
}
lines.push('', '| measure (median of ' + timing.runs + ' runs, no throttling) | ms |', '|---|---:|');
lines.push(`| first contentful paint, home | ${timing.fcp_ms.toFixed(1)} |`);
lines.push(`| home rendered (h1 in the DOM) | ${timing.home_rendered_ms.toFixed(1)} |`);
lines.push('', '| measure (4× CPU throttling) | result |', '|---|---:|');
lines.push(`| 300-field form: tap to the first batch of questions in the DOM (median of ${RUNS}) | ${big.first_dom_ms.toFixed(1)} ms |`);
lines.push(`| 300-field form: tap to the first batch painted | ${big.first_painted_ms.toFixed(1)} ms |`);
lines.push(`| before the tap, idle on home: one question of each kind and a form's frame drawn out of sight, in idle steps (all done before ${big.warm_up_runs} of ${RUNS} taps), work in all | ${big.warm_up_ms === null ? 'not done' : big.warm_up_ms.toFixed(1) + ' ms'} |`);
lines.push(`| 300-field form: tap to all 300 fields in the DOM | ${big.dom_ms.toFixed(1)} ms |`);
lines.push(`| 300-field form: tap to all 300 painted | ${big.painted_ms.toFixed(1)} ms |`);
lines.push(`| the same 300 fields' DOM (${big.floor_html_kb.toFixed(0)} KB of HTML) inserted in one go, to painted (the floor) | ${big.floor_painted_ms.toFixed(1)} ms |`);
lines.push(`| ratio app ÷ floor, all 300 painted | ${(big.painted_ms / big.floor_painted_ms).toFixed(1)}× |`);
lines.push(`| keystroke to paint p50, ${keys.keys} keys in ${keys.form}/${keys.field} (${keys.form_fields} fields) | ${keys.p50_ms.toFixed(1)} ms |`);
lines.push(`| keystroke to paint p95 | ${keys.p95_ms.toFixed(1)} ms |`);
lines.push(`| the same typing in the static page (the floor): p50 / p95 | ${floorKeys.p50_ms.toFixed(1)} / ${floorKeys.p95_ms.toFixed(1)} ms |`);
lines.push(`| keystroke to work done (handlers, updates, autosave) p50 / p95 | ${keys.work_p50_ms.toFixed(1)} / ${keys.work_p95_ms.toFixed(1)} ms |`);
lines.push(`| autosave work per flush p50 / max (${keys.saves} flushes, ${(keys.doc_bytes / 1024).toFixed(1)} KB document, ${(keys.history_bytes / 1024).toFixed(0)} KB of history) | ${keys.save_p50_ms.toFixed(2)} / ${keys.save_max_ms.toFixed(2)} ms |`);
lines.push(`| autosave work per keystroke (all flushes ÷ keys) | ${keys.save_per_key_ms.toFixed(2)} ms |`);
lines.push(`| home with ${home.children} children × 4 documents: tap to all cards, each with its way to start a form, in the DOM (median of ${RUNS}) | ${home.ms.toFixed(1)} ms |`);
lines.push(`| the same home's markup (${home.floor_html_kb.toFixed(0)} KB of HTML) parsed and inserted by the browser in one go, into the DOM (the floor) | ${home.floor_ms.toFixed(1)} ms |`);
lines.push(`| ratio app ÷ floor, home | ${(home.ms / home.floor_ms).toFixed(1)}× |`);
lines.push(`| home's search box with the same 50 children: keystroke to paint p50 / p95 (${homeFind.keys} keys: a name and a form's name typed and rubbed out, three times) | ${homeFind.p50_ms.toFixed(1)} / ${homeFind.p95_ms.toFixed(1)} ms |`);
lines.push(`| the same keys to work done (handlers, updates) p50 / p95 | ${homeFind.work_p50_ms.toFixed(1)} / ${homeFind.work_p95_ms.toFixed(1)} ms |`);
lines.push(`| the same keys to their results painted (the cards following the box) p50 / p95 | ${homeFind.results_p50_ms.toFixed(1)} / ${homeFind.results_p95_ms.toFixed(1)} ms |`);
lines.push(`| the same search on a teacher's device with ${keptFind.files} kept files (documents of no child): keystroke to paint p50 / p95 (${keptFind.keys} keys) | ${keptFind.p50_ms.toFixed(1)} / ${keptFind.p95_ms.toFixed(1)} ms |`);
lines.push(`| the same keys to their results painted p50 / p95 | ${keptFind.results_p50_ms.toFixed(1)} / ${keptFind.results_p95_ms.toFixed(1)} ms |`);
lines.push(`| PDF of a fully filled ${pdf.form} (${(pdf.pdf_bytes / 1024).toFixed(1)} KB file, median of ${RUNS}) | ${pdf.ms.toFixed(1)} ms |`);
lines.push('', `| cold load, ${cold.network} (median of ${cold.runs}) | first paint | the app's code arrived | first keystroke accepted |`, '|---|---:|---:|---:|');
lines.push(`| home (typing a child's name) | ${cold.home_fcp_ms.toFixed(0)} ms | ${cold.home_code_arrived_ms.toFixed(0)} ms | ${cold.home_first_key_ms.toFixed(0)} ms |`);
lines.push(`| ${cold.form}, the app | ${cold.form_fcp_ms.toFixed(0)} ms | ${cold.form_code_arrived_ms.toFixed(0)} ms | ${cold.form_first_key_ms.toFixed(0)} ms |`);
lines.push(`| ${cold.form}, static HTML with no script (the floor) | ${cold.static_fcp_ms.toFixed(0)} ms | | ${cold.static_first_key_ms.toFixed(0)} ms |`);
if (cold.leptos_alone) lines.push(`| Leptos alone, one question (bench/framework-floor, ${kb(cold.leptos_alone.bytes)} KB transferred) | ${cold.leptos_alone.fcp_ms.toFixed(0)} ms | ${cold.leptos_alone.code_arrived_ms.toFixed(0)} ms | ${cold.leptos_alone.first_key_ms.toFixed(0)} ms |`);
lines.push(`| ${cold.form}, a later visit: the app kept on the device (${cold.later_visits_from_device} of ${cold.runs} from the device) | ${cold.later_visit_fcp_ms.toFixed(0)} ms | | ${cold.later_visit_first_key_ms.toFixed(0)} ms |`);
lines.push(`| ratio app ÷ static | | | ${(cold.form_first_key_ms / cold.static_first_key_ms).toFixed(1)}× |`);
lines.push('', '| first load, per file | transferred KB (brotli) | gzip KB |', '|---|---:|---:|');
for (const f of cold.first_load_files) lines.push(`| ${f.url} | ${kb(f.bytes)} | ${kb(gzipOf(f.url))} |`);
lines.push(`| **total** | **${kb(cold.first_load_bytes)}** | **${kb(cold.first_load_files.reduce((n, f) => n + gzipOf(f.url), 0))}** |`);

const firstLoadGzip = cold.first_load_files.reduce((n, f) => n + gzipOf(f.url), 0);
const budgets = [
  ['first-load transfer, gzip', firstLoadGzip / 1024, 200, 'KB'],
  ['cold load to first keystroke, largest form (slow 4G, 4× CPU)', cold.form_first_key_ms, 2000, 'ms'],
  ['keystroke to paint p95 (4× CPU)', keys.p95_ms, 16, 'ms'],
  ['PDF export, fully filled Getting to Know My Child (4× CPU)', pdf.ms, 200, 'ms'],
  ['home with 50 children × 4 documents (4× CPU)', home.ms, 100, 'ms'],
  ['300-field form, tap to its first questions in the DOM (4× CPU)', big.first_dom_ms, 100, 'ms'],
  ['300-field form, tap to all 300 fields in the DOM (4× CPU)', big.dom_ms, 100, 'ms'],
];
lines.push('', '| budget | measured | limit | |', '|---|---:|---:|---|');
for (const [name, value, limit, unit] of budgets) {
  lines.push(`| ${name} | ${value.toFixed(1)} ${unit} | ${limit} ${unit} | ${value <= limit ? 'pass' : '**FAIL**'} |`);
}
if (!keys.typed_ok) lines.push('', 'WARNING: the typed text did not arrive whole');
if (!homeFind.narrowed) lines.push('', "WARNING: home's search did not narrow the cards as expected");
if (!keptFind.narrowed) lines.push('', "WARNING: home's search did not narrow the kept files as expected");
console.log(lines.join('\n'));

mkdirSync(join(ROOT, 'bench-results'), { recursive: true });
writeFileSync(join(ROOT, 'bench-results', 'latest.json'), JSON.stringify({ date: new Date().toISOString(), sizes: size, framework_floor: floorSize, timing, cold_load: cold, render_300: big, typing: keys, typing_static_floor: floorKeys, pdf, home_200: home, home_search: homeFind, kept_search: keptFind,
  budgets: budgets.map(([name, value, limit, unit]) => ({ name, value, limit, unit, pass: value <= limit })) }, null, 2));
