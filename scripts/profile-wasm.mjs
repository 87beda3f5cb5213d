// Finds which of the app's wasm functions opening home and each form runs, for
// scripts/split-wasm.mjs to keep in the part downloaded first.
//
// Chrome compiles each wasm function the first time it runs and says so in its trace
// (`wasm.CompileLazy`, with the function's index), so a trace of the built app, driven as a
// person would on a phone, lists them. The visits are what a first visit needs at once, before
// the rest can arrive: home, until its idle warm-up is done, then adding a child; each form's
// first section, typing a few words into its first box, a pause (the save), a few more words
// (a second save, which looks at when the last earlier version was kept) and opening the
// document again, then typing into a copy with every question answered. The rest (later
// sections, Settings, printing, the PDF, files…) is fetched as the app starts; on a later
// visit both parts come from the device before it starts.
//
// Each step waits for what it causes (a save in storage, the page settled), never for a fixed
// time, so a slower machine finds the same functions and two builds of the same code give the
// same parts, byte for byte: a host that builds again does not make every phone download the
// app anew.
import { chromium } from 'playwright-core';
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

/**
 * Serves `dir`, visits it in headless Chromium and resolves to the set of function indices run.
 * For the tests: `cpuSlowdown` walks the same steps on a slower CPU (Chrome's throttling), and
 * `withhold` (a pattern of paths) fails every request for those files, as a download that never
 * comes.
 */
export async function functionsRunAtStart(dir, forms, { cpuSlowdown = 1, withhold = null } = {}) {
  const server = await serveDist(dir);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'],
  });
  const run = new Set();
  try {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true,
      serviceWorkers: 'block',
    });
    if (withhold) await context.route((url) => withhold.test(url.pathname), (route) => route.abort());
    const page = await context.newPage();
    if (cpuSlowdown > 1) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuSlowdown });
    }
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.setDefaultTimeout(STEP_TIMEOUT);
    // The page settled: two idle moments in a row with nearly all the time the browser gives
    // one (50 ms), so the work a step set going (the rest of a section drawn in batches, idle
    // warm-ups) is done, however fast the machine.
    const settled = () => page.evaluate(() => new Promise((resolve) => {
      let calm = 0;
      const look = (deadline) => {
        calm = deadline.timeRemaining() >= 45 ? calm + 1 : 0;
        if (calm >= 2) resolve(); else requestIdleCallback(look);
      };
      requestIdleCallback(look);
    }));
    // Saved: a document that holds `text`, under `key`, or else under a key not in `before`.
    const documentKeys = () => page.evaluate((prefix) => Object.keys(localStorage).filter((k) => k.startsWith(prefix)), DOCUMENT_PREFIX);
    const savedWith = (text, { key, before = [] }) => page.waitForFunction(
      ([text, key, before, prefix]) => Object.keys(localStorage).some((k) => (key ? k === key : k.startsWith(prefix) && !before.includes(k))
        && localStorage.getItem(k).includes(text)),
      [text, key, before, DOCUMENT_PREFIX],
    );
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
    await visit('/', async () => {
      await page.locator('main h1').first().waitFor();
      await page.waitForFunction(() => performance.getEntriesByName('ff-warm-up').length > 0);
      // A first visit's first step: adding a child.
      await page.getByRole('button', { name: 'Add a child' }).click();
      await page.getByLabel('Full name *').fill('Mía Núñez');
      await page.getByRole('button', { name: 'Save child' }).click();
      await page.getByText('Start a form for Mía', { exact: false }).first().waitFor();
      await settled();
    });
    for (const def of forms) {
      const box = page.locator('main input[type=text], main textarea').first();
      const before = await documentKeys();
      await visit(`/form/${def.id}`, async () => {
        await box.focus();
        await page.keyboard.type('Mia López 12', { delay: 10 });
        await savedWith('Mia López 12', { before });
        await page.keyboard.type(' y 3', { delay: 10 });
        await savedWith('Mia López 12 y 3', { before });
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
        await savedWith(' and more', { key });
        await settled();
      });
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return run;
}
