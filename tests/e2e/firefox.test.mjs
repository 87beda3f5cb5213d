// The journeys that lean hardest on the browser, again in Firefox: Gecko is the engine of
// Firefox on Android, and every other end-to-end test runs in Chromium. Debian's firefox-esr
// is driven through puppeteer-core over WebDriver BiDi (no browser download), in a
// phone-sized window (Firefox's automation has no touch emulation, so these tests click).
// Each test checks what a person would see: the app in the browser's language, a date typed
// into Gecko's own date box, answers kept through a reload, the PDF in the downloads folder
// read back with pdftotext, the printed booklet, a full device refused in words, a received
// file, and the app opening and saving with the server gone; and the restless person's
// seeded walk of restless.test.mjs (taps, typing, Back, reloads, the app's questions answered).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { serveDist } from './server.mjs';
import { fillStorage, freeStorage, ARTIFACTS, ROOT, SENT_FILE } from './harness.mjs';
import { seeded, TYPED, formBoxesInPage, describeInPage, isTextBox, sparesTheData, reachableInPage, pickInPage, walkRestlessly } from './restless.mjs';

const FIREFOX = process.env.FIREFOX || '/usr/bin/firefox-esr';
const DOWNLOADS = mkdtempSync(join(tmpdir(), 'ff-firefox-downloads-'));

let server;
/** One Firefox per browser language; each test opens its own profile in it. */
const browsers = new Map();
before(async () => {
  assert.ok(existsSync(FIREFOX), `${FIREFOX} is missing: scripts/setup installs Debian's firefox-esr`);
  server = await serveDist(join(ROOT, 'dist'));
});
after(async () => {
  for (const b of browsers.values()) await (await b).close();
  await server?.close();
  rmSync(DOWNLOADS, { recursive: true, force: true });
});

/** Firefox with `language` as the browser's language; downloads go to DOWNLOADS unasked. */
function firefox(language = 'en-US') {
  if (!browsers.has(language)) {
    browsers.set(language, puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX,
      headless: true,
      extraPrefsFirefox: {
        'intl.accept_languages': language,
        'browser.download.dir': DOWNLOADS,
        'browser.download.folderList': 2,
        'browser.download.useDownloadDir': true,
        'browser.download.always_ask_before_handling_new_types': false,
        // A PDF is saved, not opened in Firefox's own viewer.
        'pdfjs.disabled': true,
      },
    }));
  }
  return browsers.get(language);
}

/** A fresh profile's tab (its own storage) at a phone's size; `errors` collects what the page
 * threw or logged as an error. */
async function phone(browser) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  await page.setViewport({ width: 390, height: 844 });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  return { context, page, errors };
}

const ready = (page) => page.waitForSelector('header.app-bar', { timeout: 20000 });
const button = (page, name) => page.locator(`::-p-aria([name="${name}"][role="button"])`);
const link = (page, name) => page.locator(`::-p-aria([name="${name}"][role="link"])`);
const shows = (page, text) => page.waitForFunction((t) => document.body.innerText.includes(t), { timeout: 10000 }, text);

/** The box whose label reads `label` (a required one's "*" and its note in brackets aside),
 * as a person finds it. */
async function field(page, label) {
  const id = await page.waitForFunction((label) => {
    const found = [...document.querySelectorAll('label')].find(
      (l) => l.innerText.replace(/\s*\([^)]*\)\s*$/, '').replace(/\s*\*\s*$/, '').trim() === label);
    return found?.htmlFor || null;
  }, { timeout: 10000 }, label);
  return page.$(`[id="${await id.jsonValue()}"]`);
}

/** Waits for a finished download named `name` and returns its path. */
async function downloaded(name) {
  const path = join(DOWNLOADS, name);
  for (let i = 0; i < 100; i++) {
    if (readdirSync(DOWNLOADS).includes(name) && !readdirSync(DOWNLOADS).some((f) => f.endsWith('.part'))) return path;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.fail(`no ${name} in the downloads, only: ${readdirSync(DOWNLOADS).join(', ')}`);
}

/** Leaves the app in the same tab (a full load elsewhere), then goes Back, as the browser's
 * button does, to the page it came from, which the back-forward cache brings back (its
 * script state survives; such a page fires no load, which Puppeteer's own goBack awaits). */
async function leaveAndComeBack(page) {
  const left = page.url();
  await page.evaluate(() => { window.__leftAt = Date.now(); });
  await page.goto(server.url + '/settings');
  await ready(page);
  await page.evaluate(() => history.back());
  await page.waitForFunction((left) => location.href === left && window.__leftAt != null, { timeout: 10000 }, left);
}

/** Loads the page anew (Puppeteer's own reload loses track of a page from the back-forward
 * cache) and waits for the app. */
async function reloadAfterComingBack(page) {
  await page.evaluate(() => location.reload());
  await page.waitForFunction(() => window.__leftAt == null && document.querySelector('header.app-bar'), { timeout: 20000 });
}

const ACCENTS = '¿Qué le gusta? ¡Cantar! Ñandú, pingüino, “cuentos” — árbol';

test('in Firefox, a child added with a typed birth date fills a form started for them; answers survive a reload and the PDF downloads', async () => {
  const { page, context, errors } = await phone(await firefox());
  await page.goto(server.url + '/');
  await ready(page);
  await shows(page, 'Everything you type stays on this device until you print or share it.');
  await button(page, 'Add a child').click();
  await page.waitForFunction(() => document.activeElement?.id === 'child-name');
  await page.keyboard.type('Mía Núñez');
  // Gecko's date box takes the month, day and year as typed digits.
  await (await field(page, 'Date of birth')).click();
  await page.keyboard.type('03042021');
  await button(page, 'Save child').click();
  const card = await page.waitForSelector('.child-card');
  await page.screenshot({ path: join(ARTIFACTS, 'firefox-home.png'), fullPage: true });
  await (await card.$('.start-form summary')).click();
  await (await card.waitForSelector('.start-list a[href^="/new/getting-to-know-my-child/"]')).click();
  await page.waitForFunction(() => /\/doc\/d[0-9a-f]+$/.test(location.pathname));
  await ready(page);
  assert.equal(await (await field(page, "My child's full name")).evaluate((e) => e.value), 'Mía Núñez');
  assert.equal(await (await field(page, 'Date of birth')).evaluate((e) => e.value), '2021-03-04');
  const school = await field(page, 'School and district');
  await school.click();
  await page.keyboard.type(ACCENTS);
  await shows(page, 'Saved on this device');
  // Firefox on a computer gives its scrollbar room of its own, which a phone's browser does not.
  assert.deepEqual(await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth])
    .then(([scroll, client]) => scroll <= client || `${scroll} px wide in ${client} px`), true, 'no sideways scrolling');
  await page.screenshot({ path: join(ARTIFACTS, 'firefox-form.png'), fullPage: true });

  await page.reload();
  await ready(page);
  assert.equal(await (await field(page, 'School and district')).evaluate((e) => e.value), ACCENTS);

  await button(page, 'Save or share as PDF').click();
  await shows(page, 'PDF saved to your downloads.');
  const today = await page.evaluate(() => new Date().toLocaleDateString('sv'));
  const pdf = await downloaded(`getting-to-know-my-child-mia-nunez-${today}.pdf`);
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-']).toString('utf8').replace(/\s+/g, ' ');
  assert.ok(text.includes('Getting to Know My Child'), text.slice(0, 300));
  assert.ok(text.includes(ACCENTS), `accents intact in: ${text.slice(0, 400)}`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('in Firefox, Back to a form after leaving the app in the same tab shows every answer, and typing goes on', async () => {
  const { page, context, errors } = await phone(await firefox());
  await page.goto(server.url + '/form/seven-things');
  await page.waitForFunction(() => /\/doc\//.test(location.pathname));
  await (await field(page, 'The name your child likes to be called')).type('Luchi');
  await shows(page, 'Saved on this device');
  await leaveAndComeBack(page);
  await page.waitForFunction(() => [...document.querySelectorAll('input')].some((i) => i.value === 'Luchi'), { timeout: 5000 });
  // The box that had the focus was drawn again: the focus starts at the page's heading.
  await page.waitForFunction(() => document.activeElement.tagName === 'H1', { timeout: 5000 });
  await (await field(page, 'The name your child likes to be called')).type('!');
  await shows(page, 'Saved on this device');
  await reloadAfterComingBack(page);
  assert.equal(await (await field(page, 'The name your child likes to be called')).evaluate((e) => e.value), 'Luchi!');
  assert.deepEqual(errors, []);
  await context.close();
});

test('in Firefox, Back to a form whose last save failed (a full device) keeps the unsaved answer on the page', async () => {
  const { page, context, errors } = await phone(await firefox());
  await page.goto(server.url + '/form/seven-things');
  await page.waitForFunction(() => /\/doc\//.test(location.pathname));
  const nickname = 'The name your child likes to be called';
  await (await field(page, nickname)).type('Luchi');
  // Every key saved (not only the first), then the device full, with no older versions to
  // give up, so the next save can only fail.
  await page.waitForFunction(() => Object.keys(localStorage)
    .some((k) => k.startsWith('family-forms:doc:') && localStorage.getItem(k).includes('"Luchi"')));
  await page.evaluate(() => {
    for (const k of Object.keys(localStorage)) if (k.startsWith('family-forms:history:')) localStorage.removeItem(k);
  });
  await page.evaluate(fillStorage);
  // Longer than the few characters Firefox leaves free past the filler's last key.
  const more = ' Rosario: her grandmother calls her Chía, and her big sister calls her Lulú';
  await (await field(page, nickname)).type(more);
  await shows(page, "Could not save: this device's storage is full. Your answers are still on this page.");
  await leaveAndComeBack(page);
  // Drawing the page again from what is saved would show "Luchi": the rest is only here.
  assert.equal(await (await field(page, nickname)).evaluate((e) => e.value), `Luchi${more}`);
  await page.evaluate(freeStorage);
  await (await field(page, nickname)).type('!');
  await shows(page, 'Saved on this device');
  await reloadAfterComingBack(page);
  assert.equal(await (await field(page, nickname)).evaluate((e) => e.value), `Luchi${more}!`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('in Firefox set to Spanish, the app speaks Spanish, and a full device is reported in Spanish without losing the typing', async () => {
  const { page, context, errors } = await phone(await firefox('es-US'));
  await page.goto(server.url + '/');
  await ready(page);
  await shows(page, 'Sus hijos');
  await link(page, 'Siete cosas que contarle a la maestra').click();
  await page.waitForFunction(() => /\/doc\//.test(location.pathname));
  const name = await field(page, 'Nombre completo de su hijo o hija');
  // Fill this profile's storage to the brim, as Gecko counts it. A new document has no older
  // versions to give up (its one kept version is dropped first), so the device can only refuse.
  await page.evaluate(() => {
    for (const k of Object.keys(localStorage)) if (k.startsWith('family-forms:history:')) localStorage.removeItem(k);
  });
  await page.evaluate(fillStorage);
  await name.click();
  await page.keyboard.type('Valentina Rosario');
  await shows(page, 'No se pudo guardar: el espacio de este aparato está lleno. Sus respuestas siguen en esta página.');
  assert.equal(await name.evaluate((e) => e.value), 'Valentina Rosario');
  await page.evaluate(freeStorage);
  await page.keyboard.type(' M.');
  await shows(page, 'Guardado en este aparato');
  await page.reload();
  await ready(page);
  assert.equal(await (await field(page, 'Nombre completo de su hijo o hija')).evaluate((e) => e.value), 'Valentina Rosario M.');
  assert.deepEqual(errors, []);
  await context.close();
});

test('in Firefox, a file a family sent opens read-only and is kept only when asked', async () => {
  const { page, context, errors } = await phone(await firefox());
  const file = join(DOWNLOADS, 'sent-mia.json');
  writeFileSync(file, SENT_FILE);
  await page.goto(server.url + '/');
  await ready(page);
  await (await page.$('#open-received-file')).uploadFile(file);
  await shows(page, 'Received: Seven things to tell the teacher — Mía');
  await shows(page, 'Read only.');
  assert.ok((await page.$eval('.booklet', (b) => b.innerText)).includes('Cacahuetes'), 'the family’s words, as typed');
  const kept = () => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('family-forms:doc:')).length);
  assert.equal(await kept(), 0, 'nothing kept yet');
  await button(page, 'Save on this device').click();
  await page.waitForFunction(() => /\/doc\/d[0-9a-f]+$/.test(location.pathname));
  assert.equal(await (await field(page, 'The name your child likes to be called')).evaluate((e) => e.value), 'Mía');
  assert.equal(await kept(), 1);
  assert.deepEqual(errors, []);
  await context.close();
});

test('in Firefox, after one visit the app opens, fills and saves a form with the server gone', async () => {
  const own = await serveDist(join(ROOT, 'dist'));
  const { page, context, errors } = await phone(await firefox());
  await page.goto(own.url + '/');
  await ready(page);
  await page.waitForFunction(() => navigator.serviceWorker?.controller != null, { timeout: 20000 });
  await own.close();
  await page.goto(own.url + '/form/seven-things');
  await page.waitForFunction(() => /\/doc\//.test(location.pathname), { timeout: 20000 });
  await ready(page);
  const name = await field(page, "Your child's full name");
  await name.click();
  await page.keyboard.type('Offline Olivia');
  await shows(page, 'Saved on this device');
  await page.reload();
  await ready(page);
  assert.equal(await (await field(page, "Your child's full name")).evaluate((e) => e.value), 'Offline Olivia');
  assert.deepEqual(errors, []);
  await context.close();
});

test('in Firefox, a person quicker than the download of the rest of the code gets Settings at once, and keeps what they typed', async () => {
  // The rest (a release build comes in two parts; see more-code.test.mjs), fetched as the app
  // starts, does not arrive; Settings is drawn by it, so the tap loads it on the spot.
  const own = await serveDist(join(ROOT, 'dist'));
  const release = own.holdNext(/_more\.wasm$/);
  const { page, context, errors } = await phone(await firefox());
  let documentUrl;
  try {
    await page.goto(own.url + '/form/seven-things');
    await page.waitForFunction(() => /\/doc\//.test(location.pathname), { timeout: 20000 });
    await ready(page);
    await (await field(page, "Your child's full name")).type('Quick Quinn');
    await shows(page, 'Saved on this device');
    documentUrl = page.url();
    await link(page, 'Settings').click();
    await page.waitForFunction(() => document.querySelector('main h1')?.innerText === 'Settings', { timeout: 10000 });
    const rest = own.requests.filter((r) => r.path.endsWith('_more.wasm'));
    assert.equal(rest.length, 2, 'the download still held, and the one made at once');
  } finally {
    release();
  }
  await page.goto(documentUrl);
  await ready(page);
  assert.equal(await (await field(page, "Your child's full name")).evaluate((e) => e.value), 'Quick Quinn');
  assert.deepEqual(errors, []);
  await context.close();
  await own.close();
});

test('in Firefox, Print draws the booklet alone: the cover, then the answers, and none of the app', async () => {
  const { page, context, errors } = await phone(await firefox());
  // The print dialog is the browser's; here it only records that it was asked for, and the
  // page is then printed to a PDF as the dialog would.
  await page.evaluateOnNewDocument(() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; });
  await page.goto(server.url + '/form/getting-to-know-my-child');
  await page.waitForFunction(() => /\/doc\//.test(location.pathname));
  await (await field(page, "My child's full name")).type('Mía Núñez');
  await (await field(page, 'School and district')).type(ACCENTS);
  await shows(page, 'Saved on this device');
  await button(page, 'Print').click();
  await page.waitForFunction(() => window.__printed === 1);
  const path = join(DOWNLOADS, 'printed.pdf');
  writeFileSync(path, await page.pdf({ format: 'letter' }));
  const pages = execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-']).toString('utf8').split('\f').map((p) => p.replace(/\s+/g, ' ').trim());
  assert.match(pages[0], /Getting to Know My Child/);
  assert.doesNotMatch(pages[0], /About my child/, 'the cover stands alone');
  const answers = pages.slice(1).join(' ');
  assert.ok(answers.includes('About my child') && answers.includes(ACCENTS), answers.slice(0, 300));
  for (const chrome of ['Print or share', 'Check my form', 'Next →', 'Español']) {
    assert.ok(!pages.join(' ').includes(chrome), `"${chrome}" is the app's, not the booklet's`);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('in Firefox, a restless person taps, types, goes back and reloads at random; the app never stops and a form keeps what its boxes show', async () => {
  // The walk of restless.test.mjs in Gecko: SpiderMonkey runs the wasm, Back can bring a page
  // from the back-forward cache with its boxes kept, and the app's questions ("Delete this
  // form?") are answered OK or Cancel.
  const { page, context, errors } = await phone(await firefox());
  // Firefox's print dialog would hold the page: Print runs as a browser's does around its
  // dialog, "beforeprint", then "afterprint".
  await page.evaluateOnNewDocument(() => {
    window.print = () => { dispatchEvent(new Event('beforeprint')); dispatchEvent(new Event('afterprint')); };
  });
  const rnd = seeded(44);
  page.on('dialog', (asked) => (rnd.next() < 0.5 ? asked.accept() : asked.dismiss()).catch(() => {}));
  await page.goto(server.url + '/');
  await walkReady(page);
  await walkRestlessly({
    steps: 200,
    act: () => restlessStep(page, rnd),
    pause: () => new Promise((r) => setTimeout(r, rnd.next() * 60)),
    check: async (lastSteps) => {
      const stopped = await page.evaluate(() => document.querySelectorAll('.crash-banner').length).catch(() => 0);
      assert.equal(stopped, 0, `the app stopped after: ${lastSteps}`);
      assert.deepEqual(errors, [], `the page reported an error after: ${lastSteps}`);
    },
    pathname: () => new URL(page.url()).pathname,
    boxes: () => page.evaluate(formBoxesInPage),
    reload: async () => {
      await page.evaluate(() => location.reload());
      await walkReady(page);
      await page.waitForSelector('main h1');
    },
  });
  await context.close();
});

/** Waits for the app on a page loaded anew and marks that page, so the walk can tell when a
 * step loaded another (Puppeteer's own waits miss a page from the back-forward cache). */
async function walkReady(page) {
  for (let i = 0; i < 200; i++) {
    const marked = await page.evaluate(() => {
      if (!document.querySelector('header.app-bar')) return false;
      window.__walking = true;
      return true;
    }).catch(() => false);
    if (marked) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.fail('the app did not come back after a step of the walk');
}

/** Waits for the app again if the step just taken loaded another page. */
async function afterStep(page) {
  await new Promise((r) => setTimeout(r, 50));
  if (!(await page.evaluate(() => window.__walking === true).catch(() => false))) await walkReady(page);
}

/** One thing a restless person does in Firefox; returns what, for the failure message. Only
 * what a finger can reach is tapped: shown, and not in a closed fold. */
async function restlessStep(page, rnd) {
  const roll = rnd.next();
  if (roll < 0.04) {
    await page.evaluate(() => history.back()).catch(() => {});
    await new Promise((r) => setTimeout(r, 300));
    // Back from the first page leaves the app: a person would come back to it.
    if (!page.url().startsWith(server.url)) { await page.goto(server.url + '/'); await walkReady(page); return 'Back, out of the app, and to it again'; }
    await afterStep(page);
    return 'Back';
  }
  if (roll < 0.06) {
    await page.evaluate(() => location.reload()).catch(() => {});
    await new Promise((r) => setTimeout(r, 200));
    await walkReady(page);
    return 'reload';
  }
  const targets = await page.evaluateHandle(reachableInPage);
  const count = await targets.evaluate((list) => list.length);
  if (!count) { await page.goto(server.url + '/'); await walkReady(page); return 'nothing to tap: home'; }
  const target = await targets.evaluateHandle((list, i) => list[i], Math.floor(rnd.next() * count));
  const what = await target.evaluate(describeInPage).catch(() => null);
  if (!what) return 'gone before the tap';
  if (sparesTheData(what, rnd)) return 'not erasing';
  // A control that went away or moved under the finger is a tap that missed, not a failure.
  const missed = () => {};
  if (isTextBox(what)) {
    await target.click().catch(missed);
    await page.keyboard.type(rnd.pick(TYPED), { delay: 5 }).catch(missed);
  } else if (/^input\[(date|month)\]|^select/.test(what)) {
    // The choice is made as Gecko's own picker makes it.
    await target.evaluate(pickInPage, rnd.next()).catch(missed);
  } else {
    await target.evaluate((e) => e.scrollIntoView({ block: 'center' })).catch(missed);
    await target.click().catch(missed);
  }
  await afterStep(page);
  return what;
}
