// Finds which of the app's wasm functions opening home and each form runs, for
// scripts/split-wasm.mjs to keep in the part downloaded first.
//
// Chrome compiles each wasm function the first time it runs and says so in its trace
// (`wasm.CompileLazy`, with the function's index), so a trace of the built app, driven as a
// person would on a phone, lists them. The visits are what a first visit may do before the
// rest can arrive (a quick person on a weak line): home, until its idle warm-up is done, then
// adding a child, switching to Spanish and back, adding a child with every detail, and opening
// a form from a child's card and coming back; each form's first section, answering one
// question of each kind it has, typing a few words into its first box, a pause (the save), a
// few more words (a second save, which looks at when the last earlier version was kept) and
// opening the document again, then typing into a copy with every question answered. The rest
// (later sections, "Check my form", Settings, printing, the PDF, files…) is fetched as the app
// starts; on a later visit both parts come from the device before it starts.
//
// Each step waits for what it causes (a save in storage, the page settled), never for a fixed
// time, so a slower machine finds the same functions and two builds of the same code give the
// same parts, byte for byte: a host that builds again does not make every phone download the
// app anew.
import { launchChromium, chromiumEnded } from './chromium.mjs';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serveDist } from '../tests/e2e/server.mjs';
import { filledDocument } from './filled-document.mjs';

const STEP_TIMEOUT = 20000;
/** Where the app keeps each document (`src/storage/keys.rs`). */
const DOCUMENT_PREFIX = 'family-forms:doc:';

/** The shipped forms' definitions, from `src/forms/`. */
export function shippedForms(root) {
  const dir = join(root, 'src', 'forms');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')));
}

/** The moment every walk takes place in (a school morning in Connecticut). */
const WALK_TIME = Date.UTC(2026, 9, 5, 14, 0, 0);

/**
 * Runs in the page before its scripts: the clock stands still, a minute later at each page
 * load, and `Math.random` gives the same numbers in every walk (its state is kept in the tab's
 * session storage, which the app does not use, so a page loaded again goes on where the last
 * one stopped rather than making the same ids). A child's id is made of the time and a random
 * number, and home's lists find their rows by a hash of it: with a running clock, about one
 * walk in fifteen found a hash byte shared by two rows, which runs one more function (the
 * comparison of the two), so two builds of the same code split differently, and a walk on a
 * slower CPU could need a function the build had not kept. (A person whose ids share such a
 * byte gets that function with the rest of the code, fetched at once if it has not arrived.)
 */
function pinClockAndChance(walkTime) {
  const KEY = 'profile-wasm-walk';
  const state = JSON.parse(sessionStorage.getItem(KEY) ?? '{"loads":0,"seed":796596797}');
  state.loads += 1;
  sessionStorage.setItem(KEY, JSON.stringify(state));
  const time = walkTime + state.loads * 60000;
  const RealDate = Date;
  window.Date = class extends RealDate {
    constructor(...args) { if (args.length) super(...args); else super(time); }
    static now() { return time; }
  };
  // mulberry32: a small generator whose numbers depend only on its seed.
  Math.random = () => {
    state.seed = (state.seed + 0x6d2b79f5) | 0;
    sessionStorage.setItem(KEY, JSON.stringify(state));
    let t = Math.imul(state.seed ^ (state.seed >>> 15), 1 | state.seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Serves `dir`, visits it in headless Chromium and resolves to the set of function indices run.
 * For the tests: `cpuSlowdown` walks the same steps on a slower CPU (Chrome's throttling), and
 * `withhold` (a pattern of paths) fails every request for those files, as a download that never
 * comes.
 */
export async function functionsRunAtStart(dir, forms, options = {}) {
  try {
    return await walk(dir, forms, options);
  } catch (error) {
    // Chromium's own process once ended by itself in CI, 0.7 s after launch. The walk gives
    // the same functions every time, so walking again is the same walk; anything else the
    // page did wrong is thrown as it is.
    if (!error.chromiumEnded) throw error;
    console.error(`profile-wasm: Chromium itself stopped during the walk (${error.message.split('\n')[0]}); walking again`);
    return walk(dir, forms, options);
  }
}

async function walk(dir, forms, { cpuSlowdown = 1, withhold = null }) {
  const server = await serveDist(dir);
  const browser = await launchChromium();
  const run = new Set();
  try {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true,
      serviceWorkers: 'block', timezoneId: 'America/New_York', locale: 'en-US',
    });
    await context.addInitScript(pinClockAndChance, WALK_TIME);
    if (withhold) await context.route((url) => withhold.test(url.pathname), (route) => route.abort());
    const page = await context.newPage();
    if (cpuSlowdown > 1) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuSlowdown });
    }
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.setDefaultTimeout(STEP_TIMEOUT);
    // The page settled: three idle moments in a row. The browser is idle only with no task
    // waiting (the rest of a section drawn in batches, a timer due), and idle work asked for
    // before runs first, so what a step set going is done, however fast the machine. After
    // some steps headless Chrome stops giving idle time to a page doing nothing at all (its
    // tasks took 5 ms in 1.5 s), so a moment that does not come within a second counts too.
    const settled = () => page.evaluate(() => new Promise((resolve) => {
      let moments = 0;
      const look = () => { if (++moments >= 3) resolve(); else requestIdleCallback(look, { timeout: 1000 }); };
      requestIdleCallback(look, { timeout: 1000 });
    }));
    const documentKeys = () => page.evaluate((prefix) => Object.keys(localStorage).filter((k) => k.startsWith(prefix)), DOCUMENT_PREFIX);
    // The text saved of the document a visit writes: under `where.key`, or else under the one
    // key not in `where.before` (a new document); null before its first save.
    const saved = (where) => page.evaluate(([{ key, before = [] }, prefix]) => {
      const found = key ?? Object.keys(localStorage).find((k) => k.startsWith(prefix) && !before.includes(k));
      return found ? localStorage.getItem(found) : null;
    }, [where, DOCUMENT_PREFIX]);
    // Waits for the save that holds `text`.
    const savedWith = async (where, text) => {
      const deadline = Date.now() + STEP_TIMEOUT;
      while (!(await saved(where))?.includes(text)) {
        if (Date.now() > deadline) throw new Error(`profile-wasm: no save holding “${text}” in ${STEP_TIMEOUT} ms`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    };
    const visit = async (path, act) => {
      await browser.startTracing(page, { categories: ['v8.wasm'] });
      try {
        await page.goto(server.url + path);
        await act();
      } finally {
        const trace = JSON.parse((await browser.stopTracing()).toString());
        for (const e of trace.traceEvents) if (e.name === 'wasm.CompileLazy') run.add(e.args.func_index);
      }
      if (errors.length) throw new Error(`profile-wasm: the page failed on ${path}: ${errors.join('; ')}`);
    };
    // Taps, as on a phone: after some of Playwright's mouse clicks, headless Chrome was never
    // idle again in the visit.
    await visit('/', async () => {
      await page.locator('main h1').first().waitFor();
      await page.waitForFunction(() => performance.getEntriesByName('ff-warm-up').length > 0);
      // A first visit's first step: adding a child.
      await page.getByRole('button', { name: 'Add a child' }).tap();
      await page.getByLabel('Full name *').fill('Mía Núñez');
      await page.getByRole('button', { name: 'Save child' }).tap();
      await page.getByText('Start a form for Mía', { exact: false }).first().waitFor();
      await settled();
      // A Spanish speaker's first tap.
      await page.getByRole('button', { name: 'Español' }).tap();
      await settled();
      await page.getByRole('button', { name: 'English' }).tap();
      await settled();
      // Another child, with every detail.
      await page.getByRole('button', { name: 'Add a child' }).tap();
      await page.getByLabel('Full name *').fill('Leo Núñez');
      await page.locator('#child-preferred').fill('Leo');
      await page.locator('#child-birth').fill('2020-05-04');
      await page.locator('#child-grade').selectOption({ index: 2 });
      await page.locator('#child-school').fill('Lincoln School');
      await page.getByRole('button', { name: 'Save child' }).tap();
      await page.getByText('Start a form for Leo', { exact: false }).first().waitFor();
      await settled();
      // A form opened from a child's card, within the app, and back home by the app bar.
      await page.getByText('Start a form for Mía', { exact: false }).first().tap();
      await settled();
      const familyForm = forms.find((f) => f.audience !== 'school') ?? forms[0];
      await page.locator('.start-form[open]').locator(`a[href*="${familyForm.id}"]`).first().tap();
      await page.locator('main .field').first().waitFor();
      await settled();
      await page.locator('header a.brand').tap();
      await page.locator('main h1').first().waitFor();
      await settled();
    });
    for (const def of forms) {
      const box = page.locator('main input[type=text], main textarea').first();
      const where = { before: await documentKeys() };
      await visit(`/form/${def.id}`, async () => {
        await page.locator('main .field').first().waitFor();
        // One answer of each kind the first section asks. (They are saved with the words typed
        // next, by the same code.)
        const answerFirst = async (selector, answer) => {
          const field = page.locator(selector).first();
          if (!(await field.count())) return;
          await answer(field);
          await settled();
        };
        await answerFirst('main input[type=radio]', (f) => f.check());
        await answerFirst('main input[type=checkbox]', (f) => f.check());
        await answerFirst('main select', (f) => f.selectOption({ index: 1 }));
        await answerFirst('main input[type=date]', (f) => f.fill('2026-12-01'));
        await answerFirst('main input[inputmode=decimal], main input[inputmode=numeric]', (f) => f.fill('3'));
        // Typing, a pause, more typing: the second save looks at when the last earlier version
        // was kept.
        await box.focus();
        await page.keyboard.type('Mia López 12', { delay: 10 });
        await savedWith(where, 'Mia López 12');
        await page.keyboard.type(' y 3', { delay: 10 });
        await savedWith(where, 'Mia López 12 y 3');
        await settled();
        // The document opened again, as it is on coming back to it.
        await page.reload();
        await box.waitFor();
        await settled();
      });
      // A copy with every question answered, opened cold.
      const id = `profile-${def.id}`;
      const key = `${DOCUMENT_PREFIX}${id}`;
      await page.evaluate(([key, saved]) => localStorage.setItem(key, saved), [key, filledDocument(def, id)]);
      await visit(`/doc/${id}`, async () => {
        await box.focus();
        await page.keyboard.type(' and more', { delay: 10 });
        await savedWith({ key }, ' and more');
        await settled();
      });
    }
  } catch (error) {
    if (await chromiumEnded(browser)) error.chromiumEnded = true;
    throw error;
  } finally {
    await browser.close();
    await server.close();
  }
  return run;
}
