// Finds which of the app's wasm functions opening home and each form runs, for
// scripts/split-wasm.mjs to keep in the part downloaded first.
//
// Chrome compiles each wasm function the first time it runs and says so in its trace
// (`wasm.CompileLazy`, with the function's index), so a trace of the built app, driven as a
// person would on a phone, lists them. The visits are what a first visit needs at once, before
// the rest can arrive: home, until its idle warm-up is done, then adding a child; each form's
// first section, typing a few words into its first box, waiting for the save and opening the
// document again, then typing into a copy with every question answered. The rest (later
// sections, Settings, printing, the PDF, files…) is fetched as the app starts; on a later
// visit both parts come from the device before it starts.
import { chromium } from 'playwright-core';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serveDist } from '../tests/e2e/server.mjs';
import { filledDocument } from './filled-document.mjs';

const STEP_TIMEOUT = 20000;

/** The shipped forms' definitions, from `src/forms/`. */
export function shippedForms(root) {
  const dir = join(root, 'src', 'forms');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')));
}

/** Serves `dir`, visits it in headless Chromium and resolves to the set of function indices run. */
export async function functionsRunAtStart(dir, forms) {
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
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.setDefaultTimeout(STEP_TIMEOUT);
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
    });
    for (const def of forms) {
      await visit(`/form/${def.id}`, async () => {
        const box = page.locator('main input[type=text], main textarea').first();
        await box.focus();
        await page.keyboard.type('Mia López 12', { delay: 10 });
        // The save (autosave waits 300 ms after the last key), then the document opened again,
        // as it is on coming back to it.
        await page.waitForTimeout(800);
        await page.reload();
        await page.locator('main input[type=text], main textarea').first().waitFor();
        await page.waitForTimeout(300);
      });
      // A copy with every question answered, opened cold.
      const id = `profile-${def.id}`;
      await page.evaluate(([key, saved]) => localStorage.setItem(key, saved), [`family-forms:doc:${id}`, filledDocument(def, id)]);
      await visit(`/doc/${id}`, async () => {
        const box = page.locator('main input[type=text], main textarea').first();
        await box.focus();
        await page.keyboard.type(' and more', { delay: 10 });
        await page.waitForTimeout(800);
      });
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return run;
}
