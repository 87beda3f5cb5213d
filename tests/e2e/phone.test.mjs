// On a phone, offline, in both languages, for everyone: the service worker (offline, updates,
// not competing with a slow first visit's download, answering only for the app's own files),
// no request to any other origin, axe-core on every page in en and es, a form filled with the
// keyboard alone, no sideways scrolling at 360 px (and 320 px, as at 200% zoom), and
// screenshots at 360×740 and 1280×800.
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, SENT_FILE, start, ready, downloadedText, ARTIFACTS, PHONE, ROOT } from './harness.mjs';

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

/** Waits until the service worker controls the page (first visit: after it has cached all). */
async function controlled(page) {
  await page.waitForFunction(() => navigator.serviceWorker?.controller != null, null, { timeout: 20000 });
}

/** A page with one child and one document, so home, lists and forms all have content. */
async function withSomeData(page) {
  await page.goto(env.url + '/');
  await ready(page);
  await page.evaluate(() => {
    localStorage.setItem('family-forms:children', JSON.stringify({
      format: 'family-forms/children', version: 1,
      children: [{ id: 'c1', name: 'Mía Núñez', preferred_name: 'Mía', birth_date: '2021-03-04', grade: 'k', school: '' }],
    }));
  });
}

test('on a slow first visit the service worker copies the app only after the page has it', async () => {
  // Installing the worker downloads every file again to keep the app offline; on a phone's
  // slow connection that second download must not share the line with the first.
  const { page, context } = await env.phone();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8,
  });
  const since = Date.now();
  await page.goto(env.url + '/');
  await ready(page);
  await controlled(page);
  // Both parts of the app's code (a release build comes in two; see more-code.test.mjs).
  const parts = ['_bg.wasm', '_more.wasm'];
  const pageHad = await page.evaluate(async (names) => {
    // The rest may still be on its way when the app has started.
    const ended = (name) => performance.getEntriesByType('resource').find((e) => e.name.endsWith(name) && e.responseEnd > 0);
    while (!names.every(ended)) await new Promise((resolve) => setTimeout(resolve, 50));
    return names.map((name) => performance.timeOrigin + ended(name).responseEnd);
  }, parts);
  // The page asks first; the worker asks again (the test server sends `no-cache` with no
  // validator, as some hosts do, so the browser's cache cannot answer it), and only once the
  // page has its copy.
  for (const [i, part] of parts.entries()) {
    const [, ...again] = env.server.requests.filter((r) => r.at >= since && r.path.endsWith(part));
    assert.ok(again.length >= 1, `the worker keeps its own copy of ${part} for offline use`);
    for (const r of again) {
      assert.ok(r.at >= pageHad[i], `the worker asked for ${part} ${Math.round(pageHad[i] - r.at)} ms before the page had it`);
    }
  }
  await context.close();
});

/** Settings says the app works with no signal; then, with the signal gone (left so), a new
 * form opens and keeps what is typed: the copy kept on the device is whole. */
async function fillAFormOffline(page, context, name) {
  await page.getByRole('link', { name: 'Settings' }).tap();
  await page.getByText('Family Forms works without a connection on this device: it opens and saves with no signal.').waitFor();
  await context.setOffline(true);
  await page.goto(env.url + '/form/seven-things');
  await page.waitForURL(/\/doc\//);
  await ready(page);
  await page.getByLabel("Your child's full name").fill(name);
  await page.getByText('Saved on this device').waitFor();
}

test('after one visit the app opens, fills and exports a form with the network off', async () => {
  const { page, context, errors } = await env.phone();
  await page.goto(env.url + '/');
  await ready(page);
  await controlled(page);
  await fillAFormOffline(page, context, 'Offline Olivia');
  await page.reload();
  await ready(page);
  assert.equal(await page.getByLabel("Your child's full name").inputValue(), 'Offline Olivia');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Save or share as PDF' }).tap(),
  ]);
  assert.match(download.suggestedFilename(), /\.pdf$/);
  await context.setOffline(false);
  assert.deepEqual(errors.filter((e) => !/ERR_INTERNET_DISCONNECTED/.test(e)), []);
  await context.close();
});


/** A first visit on which the server cuts off the next request for `path` (as a weak signal
 * drops a download): the page must still end up kept for use offline, having asked again. */
async function firstVisitDropping(path, name) {
  const { page, context } = await env.phone();
  const since = Date.now();
  env.server.dropNext(new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
  await page.goto(env.url + '/');
  await ready(page);
  await controlled(page);
  const asked = env.server.requests.filter((r) => r.at >= since && r.path === path);
  assert.ok(asked.length >= 2, `${path} asked for again: ${asked.length}`);
  await fillAFormOffline(page, context, name);
  await context.setOffline(false);
  await context.close();
}

test('a first visit whose copy for offline use loses a file on a weak signal makes the copy again by itself', async () => {
  // Installing keeps every file or none: one dropped file left nothing kept, and until round 38
  // nothing tried again in that visit, so the next visit with no signal did not open.
  await firstVisitDropping('/icon-maskable-512.png', 'Weak Wendy');
});

test('a first visit that cannot fetch the service worker\'s own file fetches it again by itself', async () => {
  await firstVisitDropping('/sw.js', 'Patchy Pat');
});

test('the service worker answers only for the app\'s own files: any other request is left to the browser', async () => {
  // A request the worker answered with a fetch of its own shows as a service-worker error in
  // the page's console when the next page cuts it short (Firefox's own /favicon.ico did).
  const { page, context, errors } = await env.phone();
  await page.goto(env.url + '/');
  await ready(page);
  await controlled(page);
  const answeredBy = async (path) => {
    const [response] = await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname === path),
      page.evaluate((p) => fetch(p).then((r) => r.arrayBuffer()), path),
    ]);
    return response.fromServiceWorker() ? 'worker' : 'browser';
  };
  // The premise: the worker does answer for what it holds.
  assert.equal(await answeredBy('/icon-192.png'), 'worker');
  // (Playwright reports no /favicon.ico, so other paths the app does not hold stand in.)
  for (const path of ['/robots.txt', '/not-the-app.txt', '/doc/x.json']) {
    assert.equal(await answeredBy(path), 'browser', path);
  }
  assert.deepEqual(errors.filter((e) => !/404/.test(e)), []);
  await context.close();
});

test('where the browser keeps no copy of the app (a private window), Settings says it works only with a signal', async () => {
  const context = await env.browser.newContext({ ...PHONE, serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto(env.url + '/settings');
  await ready(page);
  await page.getByText('This browser window cannot keep Family Forms for use without a connection (a private window does not). It works while you have a signal.').waitFor();
  await context.close();
});

test('files shared to the installed app from another app (the phone\'s share sheet) open like picked ones', async () => {
  const { page, context, errors } = await env.phone();
  await page.goto(env.url + '/');
  await ready(page);
  await controlled(page);
  const manifest = await page.evaluate(async () => (await fetch('/manifest.webmanifest')).json());
  assert.equal(manifest.share_target.action, '/share-target');
  const field = manifest.share_target.params.files[0].name;
  // What the share sheet does: a POST of the files to the manifest's address.
  const share = async (files) => {
    await page.evaluate((name) => {
      const form = Object.assign(document.createElement('form'), { method: 'post', action: '/share-target', enctype: 'multipart/form-data' });
      form.append(Object.assign(document.createElement('input'), { type: 'file', name, multiple: true, id: 'shared-files' }));
      document.body.append(form);
    }, field);
    await page.locator('#shared-files').setInputFiles(files);
    await page.evaluate(() => document.querySelector('#shared-files').form.submit());
    await page.waitForURL(/\/received$/);
  };
  const mia = { name: 'mia.json', mimeType: 'application/json', buffer: SENT_FILE };
  await share([mia]);
  await page.getByText('Received: Seven things to tell the teacher — Mía').waitFor();
  assert.ok(await page.getByText('Read only.', { exact: false }).isVisible(), 'read-only, saved only when asked');
  assert.equal(await page.evaluate(async () => (await caches.keys()).includes('ff-shared-files')), false, 'taken once, then gone');
  await page.reload();
  await ready(page);
  await page.getByRole('heading', { name: 'No file is open' }).waitFor();

  // Several at once, one of them not a form.
  await share([mia, { name: 'note.json', mimeType: 'application/json', buffer: Buffer.from('not a form') }]);
  await page.getByRole('heading', { name: 'Files you received (2)' }).waitFor();
  await page.locator('.received-refused', { hasText: 'note.json' }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('a file opened with the installed app from the computer (a Chromebook\'s "Open with") opens read-only', async () => {
  const { page, context, errors } = await env.phone();
  const manifest = JSON.parse(readFileSync(join(ROOT, 'public', 'manifest.webmanifest'), 'utf8'));
  assert.deepEqual(manifest.file_handlers[0], { action: '/received', accept: { 'application/json': ['.json'] } });
  // The browser hands such files to the page's launch queue; here the test plays the browser.
  await page.addInitScript(() => {
    Object.defineProperty(window, 'launchQueue', { configurable: true, value: { setConsumer: (f) => { window.__launch = f; } } });
  });
  await page.goto(env.url + '/received');
  await ready(page);
  await page.evaluate((text) => window.__launch({
    files: [{ getFile: async () => new File([text], 'mia.json', { type: 'application/json' }) }],
  }), SENT_FILE.toString());
  await page.getByText('Received: Seven things to tell the teacher — Mía').waitFor();
  assert.equal(new URL(page.url()).pathname, '/received');
  assert.deepEqual(errors, []);
  await context.close();
});

/** Plays Chrome offering to install the app (its `beforeinstallprompt` event); the dialog's
 * showings are counted in `window.__installDialogs`. */
async function browserOffersInstall(page) {
  await page.evaluate(() => {
    const offer = new Event('beforeinstallprompt');
    offer.prompt = async () => { window.__installDialogs = (window.__installDialogs || 0) + 1; return { outcome: 'accepted' }; };
    offer.userChoice = Promise.resolve({ outcome: 'accepted', platform: 'web' });
    window.dispatchEvent(offer);
  });
}

test('where the browser can install the app, home offers it once something is saved; "Install" opens the browser\'s dialog, "Not now" lasts', async () => {
  const { page, context, errors } = await env.phone();
  await page.goto(env.url + '/');
  await ready(page);
  const tip = page.locator('.install-tip');
  // Settings always says how to install. Before the browser offers it (some browsers never
  // do, and install from their own menu), it says where to look.
  await page.getByRole('link', { name: 'Settings' }).tap();
  await tip.getByText('look in your browser\'s menu for “Install” or “Add to Home screen”', { exact: false }).waitFor();
  assert.equal(await tip.getByRole('button').count(), 0);
  // Once the browser offers it, Settings says so at once, with the browser's own dialog a tap
  // away; home waits until there is something to keep.
  await browserOffersInstall(page);
  await tip.getByText('Install Family Forms on this device: it opens from the home screen, works without a connection, and the browser keeps your forms.').waitFor();
  await tip.getByRole('button', { name: 'Install the app' }).waitFor();
  assert.equal(await tip.getByRole('button', { name: 'Not now' }).count(), 0);
  await page.getByRole('link', { name: 'Family Forms' }).tap();
  await page.getByRole('button', { name: 'Add a child' }).waitFor();
  assert.equal(await tip.count(), 0, 'nothing saved yet');

  await page.getByRole('button', { name: 'Add a child' }).tap();
  await page.getByLabel('Full name *').fill('Leo');
  await page.getByRole('button', { name: 'Save child' }).tap();
  await tip.getByText('Install Family Forms on this device', { exact: false }).waitFor();
  await tip.getByRole('button', { name: 'Install the app' }).tap();
  await page.waitForFunction(() => window.__installDialogs === 1);
  await tip.waitFor({ state: 'detached' });

  // Offered again (the person closed the dialog): "Not now" puts it away, also after a reload.
  await browserOffersInstall(page);
  await tip.getByRole('button', { name: 'Not now' }).tap();
  await tip.waitFor({ state: 'detached' });
  await page.waitForFunction(() => document.activeElement?.tagName === 'H1', null, { timeout: 5000 });
  await page.reload();
  await ready(page);
  await browserOffersInstall(page);
  await page.getByRole('link', { name: 'Settings' }).tap();
  await tip.getByRole('button', { name: 'Install the app' }).waitFor();
  await page.getByRole('link', { name: 'Family Forms' }).tap();
  await page.getByRole('heading', { name: 'Leo', exact: true }).waitFor();
  assert.equal(await tip.count(), 0, 'put off for a month');
  assert.equal(await page.evaluate(() => window.__installDialogs ?? 0), 0, 'a reload starts a new page');
  // Installed from this tab (the browser's menu, say): Settings says so, and offers nothing.
  await page.evaluate(() => window.dispatchEvent(new Event('appinstalled')));
  await page.getByRole('link', { name: 'Settings' }).tap();
  await tip.getByText('Family Forms is installed on this device: it opens from the home screen and works without a connection.').waitFor();
  assert.equal(await tip.getByRole('button').count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('on an iPhone, home and Settings say how to add the app to the Home Screen (in Spanish too); once added, nothing is offered', async () => {
  const IPHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';
  const ios = 'Safari puede borrar lo que un sitio web guarda en este aparato si no se abre durante 7 días. Para conservar sus formularios, agregue Family Forms a su pantalla de inicio: toque Compartir y elija agregarlo a la pantalla de inicio.';
  for (const added of [false, true]) {
    const context = await env.browser.newContext({ ...PHONE, locale: 'es-US', userAgent: IPHONE });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    if (added) await context.addInitScript(() => Object.defineProperty(navigator, 'standalone', { get: () => true }));
    await withSomeData(page);
    await page.reload();
    await ready(page);
    await page.getByRole('heading', { name: 'Mía', exact: true }).waitFor();
    const tip = page.locator('.install-tip');
    if (added) {
      assert.equal(await tip.count(), 0);
      await page.getByRole('link', { name: 'Configuración' }).tap();
      await tip.getByText('Family Forms está instalado en este aparato: se abre desde la pantalla de inicio y funciona sin conexión.').waitFor();
    } else {
      await tip.getByText(ios).waitFor();
      assert.equal(await tip.getByRole('button', { name: 'Instalar la aplicación' }).count(), 0, 'Safari has no install dialog');
      await page.getByRole('button', { name: 'English' }).tap();
      await tip.getByText('Safari can erase what a website keeps on this device when the site has not been opened for 7 days.', { exact: false }).waitFor();
      await page.getByRole('link', { name: 'Settings' }).tap();
      await tip.getByText('tap Share, then “Add to Home Screen”.', { exact: false }).waitFor();
    }
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('a new deployment shows "a new version is ready", and reloading loses nothing', async () => {
  const { page, context, errors } = await env.phone();
  await page.goto(env.url + '/form/seven-things');
  await page.waitForURL(/\/doc\//);
  await ready(page);
  await controlled(page);
  const before = await page.evaluate(() => caches.keys());
  assert.equal(before.length, 1);

  env.server.deployNewVersion('v2');
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
  await page.getByText('A new version of Family Forms is ready.').waitFor({ timeout: 20000 });
  await page.getByLabel("Teacher's name").fill('Ms. Rivera, typed just before the update');
  await page.getByRole('button', { name: 'Reload' }).tap();
  await page.waitForEvent('load');
  await ready(page);
  assert.equal(await page.getByLabel("Teacher's name").inputValue(), 'Ms. Rivera, typed just before the update');
  await page.waitForFunction(async () => (await caches.keys()).length === 1);
  const after = await page.evaluate(() => caches.keys());
  assert.notDeepEqual(after, before, 'the old cache is gone, the new one is in use');
  assert.equal(await page.getByText('A new version of Family Forms is ready.').count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a whole session never sends a request to another origin', async () => {
  const { page, context, errors } = await env.phone();
  const requests = [];
  context.on('request', (r) => requests.push(r.url()));
  await withSomeData(page);
  for (const path of ['/', '/settings', '/form/getting-to-know-my-child', '/form/ppt-prep', '/form/partnership-plan']) {
    await page.goto(env.url + path);
    await ready(page);
  }
  await page.getByRole('button', { name: 'Español' }).tap();
  await page.getByRole('button', { name: 'Imprimir', exact: true }).waitFor();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Guardar o compartir como PDF' }).tap(),
  ]);
  await download.path();
  const foreign = requests.filter((u) => !u.startsWith(env.url) && !u.startsWith('blob:') && !u.startsWith('data:'));
  assert.deepEqual(foreign, []);
  assert.ok(requests.length > 5);
  assert.deepEqual(errors, []);
  await context.close();
});

test('in Spanish, no page shows an English UI string', async () => {
  const en = JSON.parse(readFileSync(join(ROOT, 'locales', 'en.json'), 'utf8'));
  const es = JSON.parse(readFileSync(join(ROOT, 'locales', 'es.json'), 'utf8'));
  // Whole English strings that differ from their Spanish (blanks aside), as a person would see them.
  const english = Object.keys(en).filter((k) => en[k] !== es[k] && !en[k].includes('{{') && en[k].trim().length > 2).map((k) => en[k].trim());
  const { page, context, errors } = await env.phone('es-US');
  await withSomeData(page);
  const shown = [];
  const visibleText = () => page.evaluate(() => [document.body.innerText, document.title,
    ...[...document.querySelectorAll('[aria-label],[title],[placeholder],[alt]')].flatMap((e) => ['aria-label', 'title', 'placeholder', 'alt'].map((a) => e.getAttribute(a) || ''))].join('\n'));
  for (const path of await everyPage(page)) {
    await page.goto(env.url + path);
    await ready(page);
    if (path.startsWith('/form/')) {
      await page.waitForURL(/\/doc\//);
      await page.getByRole('button', { name: 'Revisar mi formulario' }).tap();
    }
    if (path === '/') await page.getByRole('button', { name: 'Agregar un hijo o hija' }).tap();
    // The app's name is the same in both languages.
    const text = (await visibleText()).replaceAll('Family Forms', '');
    const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    for (const s of english) {
      if (new RegExp(`(?<!\\p{L})${escape(s)}(?!\\p{L})`, 'u').test(text)) shown.push(`${path}: "${s}"`);
    }
  }
  assert.deepEqual(shown, []);
  assert.deepEqual(errors, []);
  await context.close();
});

/** axe-core's WCAG 2.2 AA and best-practice checks on the page as it is now. */
async function axe(page) {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
  }));
}

/** Every page of the app, as paths (the received page is reached by opening a file). */
async function everyPage(page) {
  const pages = ['/', '/settings', '/form/getting-to-know-my-child', '/form/ppt-prep', '/form/partnership-plan', '/form/seven-things', '/no-such-page', '/received', '/key-answers/getting-to-know-my-child'];
  return pages;
}

test('axe-core finds no WCAG 2.2 AA problem on any page, in English or Spanish, light or dark', async () => {
  for (const [locale, colorScheme] of [['en-US', 'light'], ['es-US', 'light'], ['en-US', 'dark']]) {
    const context = await env.browser.newContext({ ...PHONE, locale, colorScheme, bypassCSP: true });
    const page = await context.newPage();
    await withSomeData(page);
    const found = [];
    for (const path of await everyPage(page)) {
      await page.goto(env.url + path);
      await ready(page);
      if (path.startsWith('/form/')) await page.waitForURL(/\/doc\//);
      await ready(page);
      const result = await axe(page);
      assert.ok(result.passes.length > 20, `${path}: axe ran its checks`);
      for (const v of result.violations) {
        found.push(`${locale} ${colorScheme} ${path}: ${v.id} (${v.impact}) ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
      }
      assert.equal(await page.locator('html').getAttribute('lang'), locale.slice(0, 2), `${path}: <html lang>`);
      // axe checks text only; the settings icon must stand out from the bar as well (3:1).
      const iconContrast = await page.evaluate(() => {
        const rgb = (c) => c.match(/\d+(\.\d+)?/g).slice(0, 3).map(Number);
        const lum = (c) => {
          const [r, g, b] = rgb(c).map((v) => { const s = v / 255; return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4; });
          return 0.2126 * r + 0.7152 * g + 0.0722 * b;
        };
        const icon = lum(getComputedStyle(document.querySelector('.settings-link')).color);
        const bar = lum(getComputedStyle(document.querySelector('.app-bar')).backgroundColor);
        return (Math.max(icon, bar) + 0.05) / (Math.min(icon, bar) + 0.05);
      });
      if (iconContrast < 3) found.push(`${locale} ${colorScheme} ${path}: settings icon contrast ${iconContrast.toFixed(2)}:1`);
    }
    // Home with a child's list of forms to start opened.
    await page.goto(env.url + '/');
    await ready(page);
    await page.locator('.start-form > summary').click();
    await page.locator('.start-list a').first().waitFor();
    for (const v of (await axe(page)).violations) found.push(`${locale} ${colorScheme} / (a child's forms to start): ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    // And a child's card turned into the form that changes their details.
    await page.locator('.child-actions button.secondary').first().click();
    await page.locator('.child-card #child-name').waitFor();
    for (const v of (await axe(page)).violations) found.push(`${locale} ${colorScheme} / (a child's details being changed): ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    // The received page with a document open, too.
    await page.goto(env.url + '/');
    await ready(page);
    await page.locator('#open-received-file').setInputFiles({ name: 'mia.json', mimeType: 'application/json', buffer: SENT_FILE });
    await page.waitForURL(/\/received$/);
    await page.locator('.booklet').waitFor();
    for (const v of (await axe(page)).violations) found.push(`${locale} ${colorScheme} /received (a file open): ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    // …and with several files open at once, one of them refused.
    await page.goto(env.url + '/');
    await ready(page);
    await page.locator('#open-received-file').setInputFiles([
      { name: 'mia.json', mimeType: 'application/json', buffer: SENT_FILE },
      { name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('nope') },
    ]);
    await page.locator('.received-refused').waitFor();
    for (const v of (await axe(page)).violations) found.push(`${locale} ${colorScheme} /received (several files): ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    // A letter as it will be sent, a log's month by month, and a file of a document kept here.
    for (const [path, steps, what] of [['/form/letter-evaluation', 4, '.letter-page'], ['/form/family-contact-log', 1, '.log-by-month']]) {
      await page.goto(env.url + path);
      await page.waitForURL(/\/doc\//);
      await ready(page);
      for (let i = 0; i < steps; i++) await page.locator('.section-steps button').last().click();
      await page.locator(what).waitFor();
      for (const v of (await axe(page)).violations) found.push(`${locale} ${colorScheme} ${path} (${what}): ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    }
    // A choice answered, with its way back to no answer, then cleared, with its Undo.
    await page.goto(env.url + '/form/getting-to-know-my-child');
    await page.waitForURL(/\/doc\//);
    await ready(page);
    await page.locator('#f-to_school').check();
    for (const [button, what] of [['.clear-answer', 'an answer to clear'], ['.clear-answer-undo button', 'an answer cleared']]) {
      await page.locator(button).waitFor();
      for (const v of (await axe(page)).violations) found.push(`${locale} ${colorScheme} /form (${what}): ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      await page.locator(button).click();
    }
    // A plan's progress toward its goal, in words and with its bar.
    await page.goto(env.url + '/new/partnership-plan');
    await page.waitForURL(/\/doc\//);
    await ready(page);
    for (let i = 0; i < 3; i++) await page.locator('.section-steps button').last().click();
    await page.locator('#f-target').fill('45');
    await page.locator('#f-baseline').fill('20');
    for (let i = 0; i < 5; i++) await page.locator('.section-steps button').last().click();
    await page.locator('#f-checkins-add').click();
    await page.locator('.row-card input[id$="-result"]').fill('32');
    await page.locator('.goal-bar').waitFor();
    for (const v of (await axe(page)).violations) found.push(`${locale} ${colorScheme} /form (a goal's progress): ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    // Home with a meeting ahead, and its way to the phone's calendar.
    const ahead = new Date(Date.now() + 3 * 86400000).toISOString().slice(0, 10);
    await page.goto(env.url + '/new/ppt-prep');
    await page.waitForURL(/\/doc\//);
    await ready(page);
    await page.locator('#f-meeting_date').fill(ahead);
    await page.locator('.save-status', { hasText: locale === 'es-US' ? 'Guardado' : 'Saved' }).waitFor();
    await page.goto(env.url + '/');
    await ready(page);
    await page.locator('.doc-reminder button').waitFor();
    for (const v of (await axe(page)).violations) found.push(`${locale} ${colorScheme} / (a meeting ahead): ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    await page.goto(env.url + '/');
    await ready(page);
    await page.locator('#open-received-file').setInputFiles({ name: 'mia.json', mimeType: 'application/json', buffer: SENT_FILE });
    await page.locator('.received-page .banner .row-actions button').first().click();
    await page.waitForURL(/\/doc\//);
    await page.goto(env.url + '/');
    await ready(page);
    await page.locator('#open-received-file').setInputFiles({ name: 'mia.json', mimeType: 'application/json', buffer: SENT_FILE });
    await page.locator('.kept-copy').waitFor();
    for (const v of (await axe(page)).violations) found.push(`${locale} ${colorScheme} /received (a copy kept here): ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    // Settings with damaged data kept aside: what each entry is, beside its download.
    await page.evaluate(() => localStorage.setItem('family-forms:doc:dbroken', JSON.stringify({ format: 'family-forms/document', version: 2, document: {
      id: 'dbroken', form_id: 'seven-things', child_id: null, form_version: 1, answers: { teacher: { type: 'text', value: 5 } },
      created: '2026-11-21T10:00:00Z', updated: '2026-11-21T10:00:00Z', revision: 1 } })));
    await page.goto(env.url + '/settings');
    await ready(page);
    await page.locator('li.kept-aside .help').filter({ hasText: /\S/ }).waitFor();
    for (const v of (await axe(page)).violations) found.push(`${locale} ${colorScheme} /settings (data kept aside): ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    assert.deepEqual(found, []);
    await context.close();
  }
});


test('a phone zoomed to 200%, or on its side, keeps its screen for the form: the bars scroll with the page, and Previous and Next keep their words whole', async () => {
  // A 360 × 740 phone at 200% page zoom (Android's "Page zoom", Safari's "Aa") is 180 × 370.
  const context = await env.browser.newContext({ ...PHONE, viewport: { width: 180, height: 370 } });
  const page = await context.newPage();
  await page.goto(env.url + '/form/getting-to-know-my-child');
  await page.waitForURL(/\/doc\//);
  await ready(page);
  const position = (selector) => page.locator(selector).evaluate((e) => getComputedStyle(e).position);
  assert.equal(await position('.app-bar'), 'static');
  assert.equal(await position('.section-steps'), 'static');
  const linesOfEachButton = () => page.locator('.section-steps button').evaluateAll((buttons) => buttons.map((b) => {
    const range = document.createRange();
    range.selectNodeContents(b);
    return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
  }));
  assert.deepEqual(await linesOfEachButton(), [1, 1], '"← Previous" and "Next →" each on one line');
  await page.getByRole('button', { name: 'Next →' }).tap();
  await page.getByRole('heading', { name: 'Our family' }).waitFor();
  // A 390 × 844 phone at 150% (260 × 563): tall enough, but the bar would take three rows.
  await page.setViewportSize({ width: 260, height: 563 });
  assert.equal(await position('.app-bar'), 'static');
  assert.equal(await position('.section-steps'), 'static');
  // On its side at its usual size: the keyboard leaves little room, so the bars scroll too.
  await page.setViewportSize({ width: 844, height: 390 });
  assert.equal(await position('.app-bar'), 'static');
  // Upright, the bars stay in reach of the thumb.
  await page.setViewportSize({ width: 390, height: 844 });
  assert.equal(await position('.app-bar'), 'sticky');
  assert.equal(await position('.section-steps'), 'sticky');
  await context.close();
});

test('a form can be filled with the keyboard alone, with a visible focus everywhere', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(env.url + '/form/seven-things');
  await page.waitForURL(/\/doc\//);
  await ready(page);
  const focused = () => page.evaluate(() => {
    const el = document.activeElement;
    const style = getComputedStyle(el);
    return { id: el.id, tag: el.tagName, label: el.labels?.[0]?.innerText ?? el.innerText, outline: style.outlineStyle, width: parseFloat(style.outlineWidth) };
  });
  /** Tabs forward until the focus is on the element with `id` (at most 60 steps). */
  async function tabTo(id) {
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press('Tab');
      const f = await focused();
      assert.ok(f.outline !== 'none' && f.width >= 2, `visible focus on ${f.tag}#${f.id}`);
      if (f.id === id) return;
    }
    assert.fail(`never reached #${id} with Tab`);
  }
  await tabTo('f-child_name');
  await page.keyboard.type('Keyboard Kai');
  await tabTo('f-preferred_name');
  await page.keyboard.type('Kai');
  // Next section with the keyboard: the "Next" button.
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    if ((await focused()).label?.startsWith('Next')) break;
  }
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: '1. Health' }).waitFor();
  // The focus goes to the new section's heading, not back to the top of the page.
  await page.waitForFunction(() => document.activeElement?.id === 'section-title' && document.activeElement.textContent === '1. Health');
  await tabTo('f-allergies');
  await page.keyboard.press('Space');
  await tabTo('f-allergies-details');
  await page.keyboard.type('Peanuts');
  await page.getByText('Saved on this device').waitFor();
  await page.reload();
  await ready(page);
  await page.getByRole('heading', { name: '1. Health' }).waitFor();
  assert.equal(await page.locator('#f-allergies-details').inputValue(), 'Peanuts');
  await page.getByRole('button', { name: '← Previous' }).press('Enter');
  await page.getByRole('heading', { name: 'About your child' }).waitFor();
  await page.waitForFunction(() => document.activeElement?.id === 'section-title' && document.activeElement.textContent === 'About your child');
  assert.equal(await page.getByLabel("Your child's full name").inputValue(), 'Keyboard Kai');
  await context.close();
});

test('a long unbroken name or answer (a pasted web address) wraps instead of widening any page', async () => {
  const { context, page, errors } = await env.phone();
  await page.setViewportSize({ width: 320, height: 740 });
  const name = 'Maximiliano' + 'x'.repeat(60);
  const address = 'https://example.org/' + 'a'.repeat(80);
  await page.goto(env.url + '/');
  await ready(page);
  await page.evaluate(([name, school]) => localStorage.setItem('family-forms:children', JSON.stringify({
    format: 'family-forms/children', version: 1,
    children: [{ id: 'c1', name, preferred_name: '', birth_date: '2021-03-04', grade: 'k', school }],
  })), [name, address]);
  const check = async (where) => {
    const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(scroll <= 320, `${where}: ${scroll}px wide`);
  };
  await page.goto(env.url + '/');
  await ready(page);
  await page.getByText(`Start a form for ${name}`, { exact: true }).tap();
  await check('home, the list of forms open');
  await page.locator('.start-list').getByRole('link', { name: 'Getting to Know My Child' }).tap();
  await page.waitForURL(/\/doc\//);
  assert.equal(await page.getByLabel('School and district').inputValue(), address, 'the profile fills the form');
  await check('the form');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Save a file for the app' }).tap(),
  ]);
  const file = Buffer.from(await downloadedText(download));
  for (const [path, shown] of [['/', `.child-card h3`], ['/key-answers/getting-to-know-my-child', '.key-answers-card h2'], ['/settings', '#device-title']]) {
    await page.goto(env.url + path);
    await ready(page);
    await page.locator(shown).first().waitFor();
    await check(path);
  }
  await page.goto(env.url + '/');
  await ready(page);
  await page.locator('#open-received-file').setInputFiles({ name: 'long.json', mimeType: 'application/json', buffer: file });
  await page.locator('.booklet').getByText(address).waitFor();
  await check('a received file');
  // A school's own form whose title, section, question and choice are each one long word.
  const def = JSON.parse(readFileSync(join(ROOT, 'src', 'forms', 'seven-things.json'), 'utf8'));
  const long = (what) => ({ en: what + 'Supercalifragilistic'.repeat(4), es: what + 'Supercalifragilístico'.repeat(4) });
  Object.assign(def, { id: 'school-long-words', title: long('Form') });
  def.sections[0].title = long('Section');
  def.sections[0].fields[0].label = long('Question');
  const choice = def.sections.flatMap((s) => s.fields).find((f) => f.options);
  choice.options[0].label = long('Choice');
  await page.goto(env.url + '/');
  await ready(page);
  await page.locator('#add-form-file').setInputFiles({ name: 'school.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(def)) });
  await page.getByRole('link', { name: def.title.en }).waitFor();
  await check("home, a school's form added");
  await page.getByRole('link', { name: def.title.en }).click();
  await page.waitForURL(/\/doc\//);
  await ready(page);
  for (let i = 1; i <= def.sections.length; i++) {
    await page.getByRole('heading', { level: 2, name: def.sections[i - 1].title.en }).waitFor();
    await check(`the school's form, section ${i}`);
    if (i < def.sections.length) await page.locator('.section-steps button').last().click();
  }
  await page.getByRole('button', { name: 'Check my form' }).click();
  await page.locator('.check-panel').waitFor();
  await check("the school's form, checked");
  assert.deepEqual(errors, []);
  await context.close();
});

test('no page scrolls sideways or puts a control against the screen edge at 390 px (an iPhone), 360 px or 320 px (200% zoom), nor with the text at 200%, and screenshots are kept', async () => {
  const context = await env.browser.newContext({ ...PHONE, viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  await withSomeData(page);
  const wide = [];
  for (const path of await everyPage(page)) {
    for (const width of [390, 360, 320]) {
      await page.setViewportSize({ width, height: 740 });
      await page.goto(env.url + path);
      await ready(page);
      if (path.startsWith('/form/')) await page.waitForURL(/\/doc\//);
      await ready(page);
      const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
      if (scroll > width) wide.push(`${path} at ${width}px: ${scroll}px wide`);
      // A control closer to the screen's edge than the narrowest padding (8 px) has overflowed
      // its padding: it is hard to tap, and on a phone with rounded corners partly out of sight.
      const atEdge = await page.evaluate((w) => [...document.querySelectorAll('a, button, input, select, textarea, summary')]
        .filter((e) => { const r = e.getBoundingClientRect(); return r.width > 1 && r.right > 0 && (r.left < 7.5 || r.right > w - 7.5); })
        .map((e) => `${e.tagName.toLowerCase()} "${(e.textContent || e.getAttribute('aria-label') || e.id).trim().slice(0, 30)}"`), width);
      for (const e of atEdge) wide.push(`${path} at ${width}px: ${e} touches the screen's edge`);
    }
    // The phone's text made as large as it goes (Android's text scaling reaches 200%): every
    // size in rem doubles, and nothing may push the page wider.
    await page.setViewportSize({ width: 360, height: 740 });
    await page.evaluate(() => { document.documentElement.style.fontSize = '200%'; });
    await page.evaluate(() => new Promise(requestAnimationFrame));
    const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
    if (scroll > 360) wide.push(`${path} at 360px with text at 200%: ${scroll}px wide`);
  }
  assert.deepEqual(wide, []);
  for (const [w, h] of [[360, 740], [1280, 800]]) {
    await page.setViewportSize({ width: w, height: h });
    await page.goto(env.url + '/');
    await ready(page);
    await page.screenshot({ path: join(ARTIFACTS, `home-${w}.png`), fullPage: true });
    await page.goto(env.url + '/form/getting-to-know-my-child');
    await page.waitForURL(/\/doc\//);
    await ready(page);
    await page.screenshot({ path: join(ARTIFACTS, `form-${w}.png`), fullPage: true });
  }
  await context.close();
});

test("a class's worth of children: the cards out of sight are in the accessibility tree too, and the keyboard reaches them", async () => {
  const { page, context, errors } = await env.phone();
  const names = Array.from({ length: 12 }, (_, i) => `Child ${i + 1}`);
  await page.addInitScript((names) => {
    if (localStorage.getItem('family-forms:children')) return;
    localStorage.setItem('family-forms:children', JSON.stringify({
      format: 'family-forms/children', version: 1,
      children: names.map((name, i) => ({ id: `c${i}`, name, preferred_name: '', birth_date: '', grade: 'k', school: '' })),
    }));
  }, names);
  await page.goto(env.url + '/');
  await ready(page);
  await page.locator('.child-card').nth(11).waitFor({ state: 'attached' });
  // What this test is about: cards below the screen. With `content-visibility: auto` on the
  // cards (round 29), Chromium skipped those and left them out of the accessibility tree.
  assert.ok(await page.locator('.child-card').nth(11).evaluate((card) => card.getBoundingClientRect().top > 2 * window.innerHeight));

  // A screen reader reads the page from the browser's accessibility tree: every child's
  // heading and buttons are in it, those out of sight too.
  const cdp = await context.newCDPSession(page);
  await cdp.send('Accessibility.enable');
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  const named = (role, name) => nodes.filter((n) => !n.ignored && n.role?.value === role && n.name?.value === name).length;
  for (const name of names) assert.equal(named('heading', name), 1, `${name}'s heading`);
  assert.equal(named('button', 'Change details'), 12);
  assert.equal(named('button', 'Delete child'), 12);

  // Tab after tab from the top of the page reaches the last child's buttons; the card comes
  // into view, drawn.
  await page.locator('body').focus();
  let reached = false;
  for (let i = 0; i < 120 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = await page.evaluate(() => document.activeElement?.closest('.child-card')?.querySelector('h3')?.textContent === 'Child 12'
      && document.activeElement.textContent === 'Change details');
  }
  assert.ok(reached, "Tab reached Child 12's Change details");
  await page.waitForFunction(() => {
    const r = document.activeElement.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= window.innerHeight && document.activeElement.closest('.child-card').innerText.includes('Child 12');
  });
  assert.deepEqual(errors, []);
  await context.close();
});
