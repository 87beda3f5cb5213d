// Shared set-up for the end-to-end tests: Debian's Chromium through playwright-core (never a
// downloaded browser), a phone-sized touch context, and the release build served on loopback.
import { test as nodeTest } from 'node:test';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveDist } from './server.mjs';
import { launchChromium, chromiumEnded } from '../../scripts/chromium.mjs';

const here = dirname(fileURLToPath(import.meta.url));
export const ROOT = join(here, '..', '..');
export const ARTIFACTS = join(here, 'artifacts');
mkdirSync(ARTIFACTS, { recursive: true });

export const PHONE = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
};

/** The environment `start()` made for this file (node runs each test file in a process of its
 * own), for `test` to launch Chromium again after a crash. */
let current = null;

/** Launches Chromium and serves dist/; returns helpers and a `close` for `after()`. */
export async function start() {
  const server = await serveDist(join(ROOT, 'dist'));
  const env = {
    url: server.url,
    server,
    browser: null,
    async launch() {
      this.browser = await launchChromium();
    },
    /** A fresh phone context (its own storage) with `locale` as the browser language. */
    async phone(locale = 'en-US') {
      const context = await this.browser.newContext({ ...PHONE, locale });
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
      return { context, page, errors };
    },
    async close() {
      // A test that passes closes its context; one left open is a test that failed. What its
      // page showed then is written out (and a screenshot kept), so a failure seen once, on
      // CI, can be read afterwards.
      let n = 0;
      for (const context of this.browser.contexts()) {
        for (const page of context.pages()) {
          n += 1;
          const shown = await page.locator('body').innerText({ timeout: 2000 }).catch((e) => `(unreadable: ${e.message})`);
          console.error(`[page left open by a failed test] ${page.url()}\n${shown.replace(/\s+/g, ' ').slice(0, 1500)}`);
          await page.screenshot({ path: join(ARTIFACTS, `left-open-${Date.now()}-${n}.png`), fullPage: true, timeout: 5000 }).catch(() => {});
        }
      }
      await this.browser.close();
      await server.close();
    },
  };
  await env.launch();
  current = env;
  return env;
}

/**
 * node:test's `test`, for the files that use `start()`: a test during which Chromium's own
 * process ended (CI once saw it crash 0.7 s after launch, and every later test of the file
 * failed with "browser has been closed") is run once more in a Chromium launched again, and
 * the log says so. Any other failure, and a second one, fails the test as it is.
 */
export function test(name, fn) {
  return nodeTest(name, async (t) => {
    try {
      return await fn(t);
    } catch (error) {
      if (!current || !(await chromiumEnded(current.browser))) throw error;
      console.error(`[Chromium itself stopped during “${name}” (${String(error.message).split('\n')[0]}): launched again, and the test is run once more]`);
      await current.launch();
      return await fn(t);
    }
  });
}

/** Waits for the app to have rendered its header. */
export async function ready(page) {
  await page.locator('header.app-bar').waitFor({ timeout: 20000 });
}

/** The text of a file the page downloaded. */
export async function downloadedText(download) {
  const chunks = await (await download.createReadStream()).toArray();
  return Buffer.concat(chunks).toString('utf8');
}

/** Run in the page (`page.evaluate(fillStorage)`, Playwright's or Puppeteer's): fills this
 * origin's localStorage to the brim with `filler-` entries, as a full device would be. */
export function fillStorage() {
  let i = 0;
  for (const size of [256 * 1024, 1024, 16, 1]) {
    const chunk = 'x'.repeat(size);
    try { for (;;) localStorage.setItem(`filler-${i++}`, chunk); } catch {}
  }
}

/** Run in the page: takes away what `fillStorage` put there, as a person freeing room would. */
export function freeStorage() {
  for (const k of Object.keys(localStorage)) if (k.startsWith('filler-')) localStorage.removeItem(k);
}

/** A file another device sent: a few answers of Seven things about Mía, last edited on
 * November 21, 2026. */
export const SENT_FILE = Buffer.from(JSON.stringify({
  format: 'family-forms/document', version: 2,
  form: { id: 'seven-things', version: 1, title: { en: 'Seven things to tell the teacher', es: 'Siete cosas que contarle a la maestra' } },
  child: { name: 'Mía Núñez', preferred_name: 'Mía' },
  document: {
    id: 'd-sent', form_id: 'seven-things', child_id: null, form_version: 1, revision: 3,
    created: '2026-11-20T10:00:00Z', updated: '2026-11-21T10:00:00Z',
    answers: {
      child_name: { type: 'text', value: 'Mía Núñez' },
      preferred_name: { type: 'text', value: 'Mía' },
      allergies: { type: 'yes_no', answer: 'yes', details: 'Cacahuetes' },
      describe: { type: 'text', value: 'Curiosa y cariñosa.' },
    },
  },
}));

/** The same kind of file about Leo Ruiz, as a teacher gets from another family; `edit` may
 * change its document further (for example, leave an answer out). */
export function sentFileAboutLeo(edit = () => {}) {
  const leo = JSON.parse(SENT_FILE.toString());
  leo.child = { name: 'Leo Ruiz', preferred_name: 'Leo' };
  leo.document.id = 'd-leo';
  leo.document.answers.child_name.value = 'Leo Ruiz';
  leo.document.answers.preferred_name.value = 'Leo';
  edit(leo.document);
  return Buffer.from(JSON.stringify(leo));
}
