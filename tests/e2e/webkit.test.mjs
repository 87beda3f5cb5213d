// The journeys that lean hardest on the browser, again in WebKit: the engine of every browser
// on an iPhone, with JavaScriptCore running the app's wasm, and, like Safari, no
// `requestIdleCallback` (so the app's idle work takes its fallback path). Debian's WebKitGTK
// MiniBrowser is driven by its own WebDriver (`WebKitWebDriver`) through selenium-webdriver,
// on an X server of its own (Xvfb); no browser is downloaded. This is WebKit on Linux, not
// Safari on iOS: the same engine, not the same phone. Its window is at least 447 px wide
// (MiniBrowser's toolbar), so layout at phone widths stays with the Chromium tests. Back to
// a form from WebKit's back-forward cache is here too: WebKit empties text boxes whose
// autocomplete is off on the way back, so the app draws such a page again from what is saved.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Builder, By, until } from 'selenium-webdriver';
import { serveDist } from './server.mjs';
import { fillStorage, freeStorage, start as startChromium, ROOT, ARTIFACTS, SENT_FILE } from './harness.mjs';
import { seeded, TYPED, formBoxesInPage, describeInPage, isTextBox, sparesTheData, reachableInPage, pickInPage, walkRestlessly } from './restless.mjs';

/** Debian keeps MiniBrowser under the architecture's library folder. */
const MINIBROWSER = process.env.MINIBROWSER || readdirSync('/usr/lib')
  .map((d) => join('/usr/lib', d, 'webkit2gtk-4.1', 'MiniBrowser')).find((p) => existsSync(p));
const WORK = mkdtempSync(join(tmpdir(), 'ff-webkit-'));

let server;
let xvfb;
let webdriver;
let driverUrl;

/** A port nothing listens on now. */
async function freePort() {
  const probe = createServer();
  await new Promise((r) => probe.listen(0, '127.0.0.1', r));
  const { port } = probe.address();
  await new Promise((r) => probe.close(r));
  return port;
}

before(async () => {
  for (const [what, path] of [['WebKitWebDriver', '/usr/bin/WebKitWebDriver'], ['MiniBrowser', MINIBROWSER], ['Xvfb', '/usr/bin/Xvfb']]) {
    assert.ok(path && existsSync(path), `${what} is missing: scripts/setup installs Debian's webkit2gtk-driver and xvfb`);
  }
  server = await serveDist(join(ROOT, 'dist'));
  // An X server of our own; it writes the display number it took to its stdout.
  xvfb = spawn('Xvfb', ['-displayfd', '1', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], { stdio: ['ignore', 'pipe', 'ignore'] });
  const display = await new Promise((resolve, reject) => {
    xvfb.stdout.once('data', (d) => resolve(`:${String(d).trim()}`));
    xvfb.once('exit', (code) => reject(new Error(`Xvfb exited with ${code}`)));
  });
  const port = await freePort();
  webdriver = spawn('/usr/bin/WebKitWebDriver', [`--port=${port}`], { stdio: 'ignore', env: { ...process.env, DISPLAY: display } });
  driverUrl = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    if (await fetch(`${driverUrl}/status`).then((r) => r.ok, () => false)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.fail('WebKitWebDriver did not start');
});
after(async () => {
  webdriver?.kill();
  xvfb?.kill();
  await server?.close();
  rmSync(WORK, { recursive: true, force: true });
});

/** A new MiniBrowser (a session of its own, with its own storage), its window as narrow as
 * it goes. */
async function webkit() {
  const driver = await new Builder().usingServer(driverUrl).withCapabilities({
    browserName: 'MiniBrowser',
    'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] },
  }).build();
  await driver.manage().window().setRect({ width: 390, height: 844 });
  return driver;
}

/** Runs `use` in a new MiniBrowser, then checks the page threw nothing and the app did not
 * stop, and closes the browser whatever happened. A test that fails says what its page showed
 * then, and keeps a screenshot of it, so a failure seen once, in CI, can be read afterwards. */
async function inWebKit(use) {
  const driver = await webkit();
  try {
    await use(driver);
    assert.deepEqual(await problems(driver), []);
  } catch (error) {
    await describePage(driver);
    throw error;
  } finally {
    await driver.quit();
  }
}

/** Writes out, for a failed test, where its page is, whether WebKit counts it as seen and
 * focused (a hidden page's timers are slowed), what each box holds, what the page threw and
 * its text; and keeps a screenshot (`webkit-failed-*.png` in the tests' artifacts). */
async function describePage(driver) {
  try {
    const seen = await driver.executeScript(`return {
      address: location.href,
      visibility: document.visibilityState,
      focused: document.hasFocus(),
      active: document.activeElement?.id || document.activeElement?.tagName,
      boxes: [...document.querySelectorAll('input, textarea')].filter((b) => b.value).map((b) => b.id + '=' + JSON.stringify(b.value)),
      errors: window.__errors ?? [],
      text: document.body.innerText.replace(/\\s+/g, ' ').slice(0, 1500),
    }`);
    console.error(`[WebKit page of a failed test] ${JSON.stringify(seen)}`);
    const png = await driver.takeScreenshot();
    writeFileSync(join(ARTIFACTS, `webkit-failed-${Date.now()}.png`), Buffer.from(png, 'base64'));
  } catch (error) {
    console.error(`[WebKit page of a failed test: unreadable (${error.message})]`);
  }
}

/** Opens `url` and waits for the app; from then on the page keeps what it throws in
 * `window.__errors` (WebDriver has no console to listen to). */
async function open(driver, url) {
  await driver.get(url);
  await ready(driver);
}
async function ready(driver) {
  await driver.wait(until.elementLocated(By.css('header.app-bar')), 20000);
  await driver.executeScript(`if (!window.__errors) {
    window.__errors = [];
    // A trap in the wasm names its functions in the stack (\`wasm-function[N]\`): kept, to read
    // in a failure's message.
    addEventListener('error', (e) => window.__errors.push(String(e.message) + (/wasm/.test(e.error?.stack) ? ' at ' + e.error.stack.slice(0, 800) : '')));
    addEventListener('unhandledrejection', (e) => window.__errors.push(String(e.reason)));
    // The characters the page was given, which \`type\` below names when a box lacks some.
    window.__keys = [];
    addEventListener('keydown', (e) => { if (e.key.length === 1) window.__keys.push(e.key); }, true);
  }`);
}
/** What the page threw since it was opened, and whether the app's "stopped" banner shows. */
const problems = (driver) => driver.executeScript(
  'return window.__errors.concat(document.querySelector(".crash-banner") ? ["the app stopped"] : [])');

const shows = (driver, text) => driver.wait(
  () => driver.executeScript('return document.body.innerText.includes(arguments[0])', text), 10000, `never showed "${text}"`);
const button = (driver, name) => driver.findElement(By.xpath(`//button[normalize-space(.)=${JSON.stringify(name)}]`));
const link = (driver, name) => driver.findElement(By.xpath(`//a[normalize-space(.)=${JSON.stringify(name)}]`));
const inDoc = (driver) => driver.wait(() => driver.executeScript('return /\\/doc\\/d[0-9a-f]+$/.test(location.pathname)'), 10000);

/** The box whose label reads `label` (a required one's "*" and its note in brackets aside). */
async function field(driver, label) {
  const id = await driver.wait(() => driver.executeScript(`
    const found = [...document.querySelectorAll('label')].find(
      (l) => l.innerText.replace(/\\s*\\([^)]*\\)\\s*$/, '').replace(/\\s*\\*\\s*$/, '').trim() === arguments[0]);
    return found ? found.htmlFor : null;`, label), 10000, `no box labelled "${label}"`);
  return driver.findElement(By.id(id));
}
const valueOf = async (driver, label) => (await field(driver, label)).getAttribute('value');

/** Types `text` at the end of `box`, as a person would, and goes on only once the box holds
 * every key. A box that never holds them all fails the test, saying what the page was given and
 * where the focus is: in CI a name lost its surname when the app moved the focus to the page's
 * heading on a late frame, while the name was being typed (an earlier version of this file
 * waited on its last box, taking WebKit to be slow with keys; it was most likely that bug). */
async function type(driver, box, text) {
  const before = await box.getAttribute('value');
  await driver.executeScript('window.__keys = []');
  await box.sendKeys(text);
  await driver.wait(async () => (await box.getAttribute('value')) === before + text, 5000).catch(async () => {
    const [seen, focus] = await driver.executeScript(
      'return [window.__keys.join(""), document.activeElement?.id || document.activeElement?.tagName]');
    assert.fail(`after typing ${JSON.stringify(text)} the box holds ${JSON.stringify(await box.getAttribute('value'))}; `
      + `the page was given ${JSON.stringify(seen)}, and the focus is on ${focus}`);
  });
}

const ACCENTS = '¿Qué le gusta? ¡Cantar! Ñandú, pingüino, “cuentos” — árbol';

test('in WebKit, with no requestIdleCallback, a parent fills a form; answers survive a reload, and the PDF made is a real one', async () => {
  await inWebKit(async (driver) => {
    await open(driver, server.url + '/');
    assert.equal(await driver.executeScript('return typeof window.requestIdleCallback'), 'undefined', 'as on Safari');
    await shows(driver, 'Everything you type stays on this device until you print or share it.');
    await link(driver, 'Getting to Know My Child').click();
    await inDoc(driver);
    await type(driver, await field(driver, "My child's full name"), 'Mía Núñez');
    await type(driver, await field(driver, 'School and district'), ACCENTS);
    // Every letter is in its box (see `type`), then the page is reloaded at once, before or
    // after autosave's moment.
    await shows(driver, 'Saved on this device');
    await driver.navigate().refresh();
    await ready(driver);
    assert.equal(await valueOf(driver, "My child's full name"), 'Mía Núñez');
    assert.equal(await valueOf(driver, 'School and district'), ACCENTS);

    // The file the app hands to the browser's download, kept here to be read back (where
    // WebKitGTK then puts downloads is its own business).
    await driver.executeScript(`
      const make = URL.createObjectURL;
      URL.createObjectURL = (blob) => { window.__made = blob; return make.call(URL, blob); };`);
    await button(driver, 'Save or share as PDF').click();
    await shows(driver, 'PDF saved to your downloads.');
    const base64 = await driver.executeAsyncScript(`
      const done = arguments[arguments.length - 1];
      const reader = new FileReader();
      reader.onload = () => done(reader.result.split(',')[1]);
      reader.readAsDataURL(window.__made);`);
    const pdf = join(WORK, 'made.pdf');
    writeFileSync(pdf, Buffer.from(base64, 'base64'));
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-']).toString('utf8').replace(/\s+/g, ' ');
    assert.ok(text.includes('Getting to Know My Child'), text.slice(0, 300));
    assert.ok(text.includes(ACCENTS), `accents intact in: ${text.slice(0, 400)}`);
  });
});

test('in WebKit, Back to a form after leaving the app in the same tab shows every answer, as saved', async () => {
  await inWebKit(async (driver) => {
    await open(driver, server.url + '/form/seven-things');
    await inDoc(driver);
    await type(driver, await field(driver, "Your child's full name"), 'Lucía Núñez');
    await type(driver, await field(driver, 'The name your child likes to be called'), 'Luchi');
    await shows(driver, 'Saved on this device');
    const form = await driver.getCurrentUrl();
    // Somewhere else in the same tab (another site, as far as this page knows), then Back.
    await driver.executeScript('window.__leftAt = Date.now()');
    await driver.get(server.url + '/settings');
    await ready(driver);
    await driver.navigate().back();
    await driver.wait(async () => (await driver.getCurrentUrl()) === form, 10000);
    // The premise: WebKit brought the page back from its back-forward cache (its script state
    // survived), where it empties boxes whose autocomplete is off.
    await driver.wait(() => driver.executeScript('return window.__leftAt != null'), 10000, 'WebKit loaded the page anew');
    await driver.wait(async () => (await valueOf(driver, 'The name your child likes to be called')) === 'Luchi', 5000,
      'the box shows the answer it holds');
    assert.equal(await valueOf(driver, "Your child's full name"), 'Lucía Núñez');
    // The box that had the focus was drawn again: the focus starts at the page's heading.
    await driver.wait(() => driver.executeScript('return document.activeElement.tagName === "H1"'), 5000, 'the focus is at the heading');
    // And typing on goes on from what is there.
    await type(driver, await field(driver, 'The name your child likes to be called'), '!');
    await shows(driver, 'Saved on this device');
    await driver.navigate().refresh();
    await ready(driver);
    assert.equal(await valueOf(driver, 'The name your child likes to be called'), 'Luchi!');
  });
});

test('in WebKit, Back to home keeps the search and a half-typed child in their boxes', async () => {
  await inWebKit(async (driver) => {
    // A device with a class's worth of children, so home offers "Find a child or a form".
    await open(driver, server.url + '/');
    await driver.executeScript(`localStorage.setItem('family-forms:children', JSON.stringify({
      format: 'family-forms/children', version: 1,
      children: ['Mía Núñez', 'Ana Díaz', 'Sofía Ortiz', 'Lucas Pérez', 'Emma Gómez', 'Noah Silva', 'Olivia Cruz', 'Liam Soto']
        .map((name, i) => ({ id: 'c' + i, name, preferred_name: '', birth_date: '', grade: 'k', school: '' })),
    }))`);
    await driver.navigate().refresh();
    await ready(driver);
    await type(driver, await driver.findElement(By.id('find')), 'nunez');
    const cards = () => driver.executeScript('return [...document.querySelectorAll(".child-card:not([hidden]) h3")].map((h) => h.innerText)');
    await driver.wait(async () => (await cards()).length === 1, 5000);
    await button(driver, 'Add a child').click();
    await type(driver, await driver.findElement(By.id('child-name')), 'Leo');
    await driver.executeScript('window.__leftAt = Date.now()');
    await driver.get(server.url + '/settings');
    await ready(driver);
    await driver.navigate().back();
    // The premise: the page came back from WebKit's back-forward cache.
    await driver.wait(() => driver.executeScript('return window.__leftAt != null'), 10000, 'WebKit loaded the page anew');
    // The list is still narrowed to Mía, and the box says by what.
    assert.deepEqual(await cards(), ['Mía Núñez']);
    assert.equal(await driver.findElement(By.id('find')).getAttribute('value'), 'nunez');
    assert.equal(await driver.findElement(By.id('child-name')).getAttribute('value'), 'Leo');
    await type(driver, await driver.findElement(By.id('child-name')), ' Ruiz');
    await button(driver, 'Save child').click();
    await driver.wait(() => driver.executeScript(
      "return JSON.parse(localStorage.getItem('family-forms:children')).children.some((c) => c.name === 'Leo Ruiz')"), 5000, 'Leo Ruiz saved');
  });
});

test('in WebKit, switched to Spanish, a full device is reported in Spanish without losing the typing', async () => {
  await inWebKit(async (driver) => {
    await open(driver, server.url + '/');
    await button(driver, 'Español').click();
    await shows(driver, 'Sus hijos');
    await link(driver, 'Siete cosas que contarle a la maestra').click();
    await inDoc(driver);
    const name = await field(driver, 'Nombre completo de su hijo o hija');
    // A new document has no older versions to give up (its one kept version is dropped
    // first), so the device can only refuse.
    await driver.executeScript(`
      for (const k of Object.keys(localStorage)) if (k.startsWith('family-forms:history:')) localStorage.removeItem(k);`);
    await driver.executeScript(`(${fillStorage})()`);
    await type(driver, name, 'Valentina Rosario');
    await shows(driver, 'No se pudo guardar: el espacio de este aparato está lleno. Sus respuestas siguen en esta página.');
    assert.equal(await name.getAttribute('value'), 'Valentina Rosario');
    await driver.executeScript(`(${freeStorage})()`);
    await type(driver, name, ' M.');
    await shows(driver, 'Guardado en este aparato');
    await driver.navigate().refresh();
    await ready(driver);
    assert.equal(await valueOf(driver, 'Nombre completo de su hijo o hija'), 'Valentina Rosario M.');
  });
});

test('in WebKit, a file a family sent opens read-only and is kept only when asked', async () => {
  await inWebKit(async (driver) => {
    const file = join(WORK, 'sent-mia.json');
    writeFileSync(file, SENT_FILE);
    await open(driver, server.url + '/');
    await driver.findElement(By.id('open-received-file')).sendKeys(file);
    await shows(driver, 'Received: Seven things to tell the teacher — Mía');
    await shows(driver, 'Read only.');
    assert.ok((await driver.findElement(By.css('.booklet')).getText()).includes('Cacahuetes'), 'the family’s words, as typed');
    const kept = () => driver.executeScript(
      "return Object.keys(localStorage).filter((k) => k.startsWith('family-forms:doc:')).length");
    assert.equal(await kept(), 0, 'nothing kept yet');
    await button(driver, 'Save on this device').click();
    await inDoc(driver);
    assert.equal(await valueOf(driver, 'The name your child likes to be called'), 'Mía');
    assert.equal(await kept(), 1);
  });
});

test('in WebKit, after one visit the app opens, fills and saves a form with the server gone', async () => {
  const own = await serveDist(join(ROOT, 'dist'));
  await inWebKit(async (driver) => {
    await open(driver, own.url + '/');
    await driver.wait(() => driver.executeScript('return navigator.serviceWorker.controller != null'), 20000, 'the service worker never took the page');
    await own.close();
    await driver.get(own.url + '/form/seven-things');
    await ready(driver);
    await inDoc(driver);
    await type(driver, await field(driver, "Your child's full name"), 'Offline Olivia');
    await shows(driver, 'Saved on this device');
    await driver.navigate().refresh();
    await ready(driver);
    assert.equal(await valueOf(driver, "Your child's full name"), 'Offline Olivia');
  });
});

test('in WebKit, a person quicker than the download of the rest of the code gets Settings at once, and keeps what they typed', async () => {
  // The rest (a release build comes in two parts; see more-code.test.mjs), fetched as the app
  // starts, does not arrive; Settings is drawn by it, so the tap loads it on the spot.
  const own = await serveDist(join(ROOT, 'dist'));
  const release = own.holdNext(/_more\.wasm$/);
  try {
    await inWebKit(async (driver) => {
      await open(driver, own.url + '/form/seven-things');
      await inDoc(driver);
      await type(driver, await field(driver, "Your child's full name"), 'Quick Quinn');
      await shows(driver, 'Saved on this device');
      const documentUrl = await driver.getCurrentUrl();
      // The app bar's gear, named by its label.
      await driver.findElement(By.css('header.app-bar a[aria-label="Settings"]')).click();
      await driver.wait(() => driver.executeScript("return document.querySelector('main h1')?.innerText === 'Settings'"), 10000, 'no Settings');
      const rest = own.requests.filter((r) => r.path.endsWith('_more.wasm'));
      assert.equal(rest.length, 2, 'the download still held, and the one made at once');
      release();
      await open(driver, documentUrl);
      assert.equal(await valueOf(driver, "Your child's full name"), 'Quick Quinn');
    });
  } finally {
    release();
    await own.close();
  }
});

test('a family moving from an Android phone to an iPhone: a backup made in Chromium restores everything in WebKit', async () => {
  // The old phone: Chromium, a child and a form started for them.
  const chromium = await startChromium();
  const file = join(WORK, 'backup.json');
  try {
    const { page, context, errors } = await chromium.phone();
    await page.goto(chromium.url + '/');
    await page.locator('header.app-bar').waitFor({ timeout: 20000 });
    await page.getByRole('button', { name: 'Add a child' }).tap();
    await page.getByLabel('Full name *').fill('Mía Núñez');
    await page.getByLabel('Date of birth').fill('2021-03-04');
    await page.getByRole('button', { name: 'Save child' }).tap();
    await page.getByText('Start a form for Mía Núñez', { exact: true }).tap();
    await page.locator('.start-list').getByRole('link', { name: 'Getting to Know My Child' }).tap();
    await page.waitForURL(/\/doc\//);
    await page.getByLabel('School and district').fill(ACCENTS);
    await page.getByText('Saved on this device').waitFor();
    await page.getByRole('link', { name: 'Settings' }).tap();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download a backup' }).tap(),
    ]);
    await download.saveAs(file);
    assert.deepEqual(errors, []);
    await context.close();
  } finally {
    await chromium.close();
  }

  // The new phone: WebKit, empty until the backup is restored.
  await inWebKit(async (driver) => {
    await open(driver, server.url + '/settings');
    await driver.findElement(By.id('restore-file')).sendKeys(file);
    await shows(driver, 'Restored: 1 child, 1 document and 0 forms.');
    await link(driver, 'Family Forms').click();
    const card = await driver.wait(until.elementLocated(By.css('.child-card')), 10000);
    assert.match(await card.getText(), /Mía Núñez/);
    await card.findElement(By.xpath('.//a[normalize-space(.)="Getting to Know My Child"]')).click();
    await inDoc(driver);
    assert.equal(await valueOf(driver, "My child's full name"), 'Mía Núñez');
    assert.equal(await valueOf(driver, 'Date of birth'), '2021-03-04');
    assert.equal(await valueOf(driver, 'School and district'), ACCENTS);
  });
});

test('in WebKit, a restless person taps, types, goes back and reloads at random; the app never stops and a form keeps what its boxes show', async () => {
  // The walk of restless.test.mjs, in the engine of every iPhone browser, where the app's idle
  // work runs on timers, Back can bring a page from the back-forward cache and printing leaves
  // the booklet drawn (WebKitGTK fires no "afterprint" here).
  const rnd = seeded(43);
  await inWebKit(async (driver) => {
    await open(driver, server.url + '/');
    const boxes = () => driver.executeScript(`return (${formBoxesInPage})()`);
    await walkRestlessly({
      steps: 200,
      act: () => restlessStep(driver, rnd),
      pause: () => driver.sleep(rnd.next() * 60),
      check: async (lastSteps) => {
        // A page loaded anew (a reload, "Erase everything") has lost the error listeners.
        await ready(driver);
        assert.deepEqual(await problems(driver), [], `after: ${lastSteps}`);
      },
      pathname: async () => new URL(await driver.getCurrentUrl()).pathname,
      boxes,
      reload: async () => {
        await driver.navigate().refresh();
        await ready(driver);
        await driver.wait(until.elementLocated(By.css('main h1')), 10000);
      },
    });
  });
});

/** One thing a restless person does in WebKit; returns what, for the failure message. Only
 * what a finger can reach is tapped: shown, and not in a closed fold. */
async function restlessStep(driver, rnd) {
  const roll = rnd.next();
  if (roll < 0.04) {
    await driver.navigate().back();
    await driver.sleep(300);
    // Back from the first page leaves the app: a person would come back to it.
    if (!(await driver.getCurrentUrl()).startsWith(server.url)) { await open(driver, server.url + '/'); return 'Back, out of the app, and to it again'; }
    return 'Back';
  }
  if (roll < 0.06) { await driver.navigate().refresh(); return 'reload'; }
  const targets = await driver.executeScript(`return (${reachableInPage})()`);
  if (!targets.length) { await open(driver, server.url + '/'); return 'nothing to tap: home'; }
  const target = rnd.pick(targets);
  const what = await driver.executeScript(`return (${describeInPage})(arguments[0])`, target).catch(() => null);
  if (!what) return 'gone before the tap';
  if (sparesTheData(what, rnd)) return 'not erasing';
  // A control that went away or moved under the finger is a tap that missed, not a failure.
  const missed = () => {};
  if (isTextBox(what)) {
    await target.click().catch(missed);
    await target.sendKeys(rnd.pick(TYPED).replace(/\p{Extended_Pictographic}/gu, '')).catch(missed);
  } else if (/^input\[(date|month)\]|^select/.test(what)) {
    // WebKit's own pickers are out of WebDriver's reach: the choice is made as a picker does.
    await driver.executeScript(`(${pickInPage})(arguments[0], arguments[1])`, target, rnd.next()).catch(missed);
  } else {
    await driver.executeScript('arguments[0].scrollIntoView({ block: "center" })', target).catch(missed);
    await target.click().catch(missed);
    // A question the app asks (delete this? erase everything?) is answered either way.
    const asked = await driver.switchTo().alert().catch(() => null);
    if (asked) {
      const yes = rnd.next() < 0.5;
      await (yes ? asked.accept() : asked.dismiss());
      return `${what}, asked, and answered ${yes ? 'OK' : 'Cancel'}`;
    }
  }
  return what;
}
