// Benchmark: sizes of the release build and how fast the home page first renders in headless
// Chromium on loopback. Prints a Markdown table and writes bench-results/latest.json.
// Run through scripts/bench, which builds release first. Not a test: it judges nothing.
import { readdirSync, readFileSync, statSync, mkdirSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serveDist } from '../tests/e2e/server.mjs';
import { CHROMIUM_ARGS, PHONE } from '../tests/e2e/harness.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = join(ROOT, 'dist');
const RUNS = Number(process.env.BENCH_RUNS || 7);

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const kb = (n) => (n / 1024).toFixed(1);

function sizes() {
  const files = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else {
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

/** Time from tapping a form's link on home to its 300 fields being in the page, then painted. */
async function render300(browser, url) {
  const def = bigDefinition(300);
  const dom = [];
  const painted = [];
  for (let i = 0; i < RUNS; i++) {
    const { context, page } = await throttled(browser);
    await page.addInitScript((src) => localStorage.setItem('family-forms:form:bench-300', src), JSON.stringify(def));
    await page.goto(url + '/');
    await page.waitForSelector('a[href="/form/bench-300"]');
    const t = await page.evaluate(() => new Promise((resolve) => {
      const t0 = performance.now();
      const done = () => {
        const tDom = performance.now() - t0;
        requestAnimationFrame(() => setTimeout(() => resolve({ dom: tDom, painted: performance.now() - t0 }), 0));
      };
      const obs = new MutationObserver(() => { if (document.getElementById('f-q299')) { obs.disconnect(); done(); } });
      obs.observe(document.body, { childList: true, subtree: true });
      document.querySelector('a[href="/form/bench-300"]').click();
    }));
    dom.push(t.dom);
    painted.push(t.painted);
    await context.close();
  }
  return { fields: 300, dom_ms: median(dom), painted_ms: median(painted) };
}

/** A saved document of `def` with every question answered at length (rows get three rows). */
function filledDocument(def, id, childId = null, when = '2026-11-20T10:00:00Z') {
  const answer = (f) => {
    switch (f.kind) {
      case 'info': case 'derived': return null;
      case 'choice': return { type: 'choice', selected: f.options[0].value };
      case 'multi_choice': return { type: 'multi', selected: f.options.slice(0, 2).map((o) => o.value) };
      case 'yes_no': return { type: 'yes_no', answer: 'yes', details: 'Detalles — '.repeat(10) };
      case 'checklist': return { type: 'checklist', items: Object.fromEntries(f.items.map((i) => [i.id, { done: true, date: '2026-11-01', note: 'hecho' }])) };
      case 'signature': return { type: 'signature', name: 'Rosa Núñez', date: '2026-11-20' };
      case 'date': return { type: 'text', value: '2026-11-20' };
      case 'number': case 'rating': return { type: 'text', value: String(f.min ?? 1) };
      case 'rows': return { type: 'rows', rows: [1, 2, 3].map((n) => ({ id: `r${n}`, cells: Object.fromEntries(f.columns.map((c) => [c.id, answer(c)]).filter(([, a]) => a)) })) };
      default: return { type: 'text', value: 'Le encanta leer cuentos y jugar afuera con sus primos. '.repeat(4) };
    }
  };
  const answers = {};
  for (const f of def.sections.flatMap((s) => s.fields)) { const a = answer(f); if (a) answers[f.id] = a; }
  return JSON.stringify({ format: 'family-forms/document', version: 2, document: {
    id, form_id: def.id, child_id: childId, form_version: def.version, answers, created: when, updated: when, revision: 1 } });
}

/** Home with 50 children and 4 documents each: tap home from Settings until every card is in
 * (a return visit: the first visit has cached each document's summary). */
async function home200(browser, url) {
  const forms = readdirSync(join(ROOT, 'src', 'forms')).filter((f) => f.endsWith('.json')).map((f) => JSON.parse(readFileSync(join(ROOT, 'src', 'forms', f), 'utf8')));
  const children = Array.from({ length: 50 }, (_, i) => ({ id: `c${i}`, name: `Niño ${i}`, preferred_name: '', birth_date: '2020-01-01', grade: 'k', school: '' }));
  const entries = [['family-forms:children', JSON.stringify({ format: 'family-forms/children', version: 1, children })]];
  children.forEach((c, i) => forms.forEach((def, j) => entries.push([`family-forms:doc:d${i}-${j}`, filledDocument(def, `d${i}-${j}`, c.id, `2026-11-${String(1 + ((i + j) % 20)).padStart(2, '0')}T10:00:00Z`)])));
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const { context, page } = await throttled(browser);
    await page.addInitScript((all) => { if (!localStorage.getItem('family-forms:children')) for (const [k, v] of all) localStorage.setItem(k, v); }, entries);
    // A first visit to home caches each document's summary; the measured visit is a return.
    await page.goto(url + '/');
    await page.waitForSelector('.child-card');
    await page.click('a.settings-link');
    await page.waitForSelector('#device-title');
    times.push(await page.evaluate(() => new Promise((resolve) => {
      const t0 = performance.now();
      const obs = new MutationObserver(() => {
        if (document.querySelectorAll('.child-card').length === 50) { obs.disconnect(); resolve(performance.now() - t0); }
      });
      obs.observe(document.body, { childList: true, subtree: true });
      document.querySelector('a.brand').click();
    })));
    await context.close();
  }
  return { children: 50, documents: 200, ms: median(times) };
}

/** Keystroke to next paint while typing 200 characters into a long text of the largest form. */
async function typing(browser, url) {
  const { def, fields } = largestForm();
  const section = def.sections.findIndex((s) => s.fields.some((f) => f.kind === 'long_text' && !f.visible_when));
  const field = def.sections[section].fields.find((f) => f.kind === 'long_text' && !f.visible_when);
  const { context, page } = await throttled(browser);
  const filled = filledDocument(def, 'bench-doc');
  await page.addInitScript((src) => localStorage.setItem('family-forms:doc:bench-doc', src), filled);
  await page.goto(`${url}/doc/bench-doc`);
  await page.waitForSelector('#section-title');
  for (let i = 0; i < section; i++) await page.locator('.section-steps button').last().click();
  const box = page.locator(`#f-${field.id}`);
  await box.click();
  await box.fill('');
  await page.evaluate(() => {
    window.__lat = [];
    window.__work = [];
    document.addEventListener('keydown', (e) => {
      const t0 = e.timeStamp;
      // Work done: the key's handlers, the reactive updates and DOM writes they queue.
      setTimeout(() => window.__work.push(performance.now() - t0), 0);
      // Next frame: also waits for the display's next frame, as a person sees it.
      requestAnimationFrame(() => setTimeout(() => window.__lat.push(performance.now() - t0), 0));
    }, true);
  });
  const text = 'Le gusta leer cuentos, jugar con bloques y cantar en español. '.repeat(4).slice(0, 200);
  await page.keyboard.type(text, { delay: 60 });
  await page.waitForTimeout(500);
  const { lat, work, saves } = await page.evaluate(() => ({
    lat: window.__lat, work: window.__work,
    saves: performance.getEntriesByName('ff-save').map((e) => e.duration),
  }));
  const typed = await box.inputValue();
  await context.close();
  const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(p * s.length))]; };
  return {
    form: def.id, form_fields: fields, field: field.id, keys: lat.length, typed_ok: typed === text,
    p50_ms: pct(lat, 0.5), p95_ms: pct(lat, 0.95), work_p50_ms: pct(work, 0.5), work_p95_ms: pct(work, 0.95),
    doc_bytes: filled.length, saves: saves.length, save_p50_ms: pct(saves, 0.5), save_max_ms: Math.max(...saves),
    save_per_key_ms: saves.reduce((a, b) => a + b, 0) / lat.length,
  };
}

const size = sizes();
const server = await serveDist(DIST);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
let timing, big, keys, home;
try {
  timing = await firstRender(browser, server.url);
  big = await render300(browser, server.url);
  keys = await typing(browser, server.url);
  home = await home200(browser, server.url);
} finally {
  await browser.close();
  await server.close();
}

const lines = ['| file | raw KB | gzip KB |', '|---|---:|---:|'];
for (const f of size.files) lines.push(`| ${f.file} | ${kb(f.raw)} | ${kb(f.gzip)} |`);
lines.push(`| **total** | **${kb(size.total.raw)}** | **${kb(size.total.gzip)}** |`);
lines.push('', '| measure (median of ' + timing.runs + ' runs, no throttling) | ms |', '|---|---:|');
lines.push(`| first contentful paint, home | ${timing.fcp_ms.toFixed(1)} |`);
lines.push(`| home rendered (h1 in the DOM) | ${timing.home_rendered_ms.toFixed(1)} |`);
lines.push('', '| measure (4× CPU throttling) | result |', '|---|---:|');
lines.push(`| 300-field form: tap to fields in the DOM (median of ${RUNS}) | ${big.dom_ms.toFixed(1)} ms |`);
lines.push(`| 300-field form: tap to painted | ${big.painted_ms.toFixed(1)} ms |`);
lines.push(`| keystroke to paint p50, ${keys.keys} keys in ${keys.form}/${keys.field} (${keys.form_fields} fields) | ${keys.p50_ms.toFixed(1)} ms |`);
lines.push(`| keystroke to paint p95 | ${keys.p95_ms.toFixed(1)} ms |`);
lines.push(`| keystroke to work done (handlers, updates, autosave) p50 / p95 | ${keys.work_p50_ms.toFixed(1)} / ${keys.work_p95_ms.toFixed(1)} ms |`);
lines.push(`| autosave work per flush p50 / max (${keys.saves} flushes, ${(keys.doc_bytes / 1024).toFixed(1)} KB document) | ${keys.save_p50_ms.toFixed(2)} / ${keys.save_max_ms.toFixed(2)} ms |`);
lines.push(`| autosave work per keystroke (all flushes ÷ keys) | ${keys.save_per_key_ms.toFixed(2)} ms |`);
lines.push(`| home with ${home.children} children × 4 documents: tap to all cards in the DOM (median of ${RUNS}) | ${home.ms.toFixed(1)} ms |`);
if (!keys.typed_ok) lines.push('', 'WARNING: the typed text did not arrive whole');
console.log(lines.join('\n'));

mkdirSync(join(ROOT, 'bench-results'), { recursive: true });
writeFileSync(join(ROOT, 'bench-results', 'latest.json'), JSON.stringify({ date: new Date().toISOString(), sizes: size, timing, render_300: big, typing: keys, home_200: home }, null, 2));
