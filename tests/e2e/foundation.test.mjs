// The walking skeleton, as a parent on a phone uses it: open the app, go to a form, type,
// reload, and the text is still there.
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test, start, ready, ARTIFACTS } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

test('typed text survives a reload on a phone', async () => {
  const { page, context, errors } = await env.phone();
  await page.goto(env.url + '/');
  await ready(page);
  await page.getByText('Everything you type stays on this device until you print or share it.').waitFor();

  await page.getByRole('link', { name: 'Seven things to tell the teacher' }).tap();
  await page.waitForURL(/\/doc\/d[0-9a-f]+$/);
  const name = page.getByLabel("Your child's full name");
  await name.tap();
  await name.pressSequentially('Mía Ñúñez', { delay: 10 });
  await page.getByText('Saved on this device').waitFor();

  await page.reload();
  await ready(page);
  assert.equal(await page.getByLabel("Your child's full name").inputValue(), 'Mía Ñúñez');
  await page.screenshot({ path: join(ARTIFACTS, 'foundation-form-after-reload.png'), fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();
});

test('on a slow connection the page says it is opening, in both languages, until the app replaces it', async () => {
  const { page, context, errors } = await env.phone();
  // Hold the app's code back, as a weak signal would.
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route(/_bg\.wasm$/, async (route) => { await held; await route.continue(); });
  await page.goto(env.url + '/', { waitUntil: 'domcontentloaded' });
  const opening = page.getByRole('status').filter({ hasText: 'Opening your forms…' });
  await opening.waitFor();
  assert.match(await opening.innerText(), /Abriendo sus formularios…/);
  assert.equal(await page.locator('#boot .brand').innerText(), 'Family Forms');

  release();
  await ready(page);
  await page.getByRole('heading', { name: 'Your children' }).waitFor();
  assert.equal(await page.getByText('Opening your forms…').count(), 0);
  assert.equal(await page.locator('.app-bar').count(), 1, 'only the app bar, not the start-up one beside it');
  assert.deepEqual(errors, []);
  await context.close();
});

test('on a weak signal the start-up screen shows how much of the app has arrived, then the app opens', async () => {
  const { page, context, errors } = await env.phone();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  // Slow enough to watch: the app's code takes a few seconds to arrive.
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 100, downloadThroughput: 96 * 1024, uploadThroughput: 48 * 1024 });
  await page.goto(env.url + '/', { waitUntil: 'domcontentloaded' });
  const bar = page.getByRole('progressbar', { name: 'Downloading the app / Descargando la aplicación' });
  await bar.waitFor();
  // Every value the bar takes, until the app has replaced the start-up screen.
  const seen = await page.evaluate(() => new Promise((resolve) => {
    const progress = document.querySelector('#boot .boot-progress');
    const values = [progress.value];
    new MutationObserver(() => values.push(progress.value)).observe(progress, { attributeFilter: ['value'] });
    new MutationObserver((_, gone) => {
      if (!progress.isConnected) { gone.disconnect(); resolve(values); }
    }).observe(document.body, { childList: true, subtree: true });
  }));
  assert.ok(seen.some((v) => v > 0 && v < 100), `part of the way at some point: ${seen}`);
  assert.deepEqual(seen, [...seen].sort((a, b) => a - b), 'it never goes back');
  assert.equal(seen.at(-1), 100, 'all of it before the app starts');
  await ready(page);
  await page.getByRole('heading', { name: 'Your children' }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('when the app cannot download, the start-up screen says so in both languages and reloading starts it', async () => {
  const { page, context } = await env.phone();
  await page.route(/_bg\.wasm$/, (route) => route.abort('internetdisconnected'));
  await page.goto(env.url + '/', { waitUntil: 'domcontentloaded' });
  const alert = page.getByRole('alert');
  await alert.getByText('Family Forms could not start. Check your connection, then reload.').waitFor();
  await alert.getByText('Family Forms no pudo abrirse. Revise su conexión y vuelva a cargar.').waitFor();

  // The signal comes back.
  await page.unroute(/_bg\.wasm$/);
  await page.getByRole('button', { name: 'Reload / Volver a cargar' }).tap();
  await ready(page);
  await page.getByRole('heading', { name: 'Your children' }).waitFor();
  assert.equal(await page.locator('#boot').count(), 0);
  await context.close();
});

test('with no signal at all, the start-up screen\'s Reload keeps it, says so, and reloads by itself once the signal is back', async () => {
  const { page, context } = await env.phone();
  await page.route(/_bg\.wasm$/, (route) => route.abort('internetdisconnected'));
  await page.goto(env.url + '/', { waitUntil: 'domcontentloaded' });
  await page.getByRole('alert').getByText('Family Forms could not start.', { exact: false }).waitFor();
  await context.setOffline(true);
  await page.unroute(/_bg\.wasm$/);
  await page.getByRole('button', { name: 'Reload / Volver a cargar' }).tap();
  const still = page.getByRole('status').filter({ hasText: 'Still no signal' });
  await still.getByText('Still no signal. This page reloads by itself once the signal is back.').waitFor();
  await still.getByText('Todavía no hay señal. Esta página se volverá a cargar sola cuando vuelva la señal.').waitFor();
  // Not the browser's error page: the start-up screen, with its Reload.
  assert.equal(await page.locator('#boot').count(), 1);
  const reloaded = page.waitForEvent('load', { timeout: 20000 });
  await context.setOffline(false);
  await reloaded;
  await ready(page);
  await page.getByRole('heading', { name: 'Your children' }).waitFor();
  await context.close();
});

test("if the app's code stops after it started, a banner says so in both languages and a reload goes on with the answers", async () => {
  const { page, context } = await env.phone();
  await page.goto(env.url + '/form/seven-things');
  await ready(page);
  await page.getByLabel("Your child's full name").fill('Ana');
  await page.getByText('Saved on this device').waitFor();
  // An ordinary script error is not the app stopping.
  await page.evaluate(() => setTimeout(() => { throw new Error('not ours'); }));
  await page.waitForTimeout(200);
  assert.equal(await page.locator('.crash-banner').count(), 0);
  // A WebAssembly trap, uncaught, as when the app's code hits an error it cannot go on from.
  await page.evaluate(() => {
    const bytes = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 3, 2, 1, 0, 7, 5, 1, 1, 102, 0, 0, 10, 5, 1, 3, 0, 0, 11]);
    const { exports } = new WebAssembly.Instance(new WebAssembly.Module(bytes));
    setTimeout(() => exports.f());
  });
  const banner = page.getByRole('alert').filter({ hasText: 'Family Forms stopped' });
  await banner.getByText('Something went wrong and Family Forms stopped.', { exact: false }).waitFor();
  await banner.getByText('Algo salió mal y Family Forms se detuvo.', { exact: false }).waitFor();
  const reload = banner.getByRole('button', { name: 'Reload / Volver a cargar' });
  assert.equal(await reload.evaluate((b) => b === document.activeElement), true, 'the way out has the focus');
  await reload.tap();
  await ready(page);
  assert.equal(await page.getByLabel("Your child's full name").inputValue(), 'Ana');
  assert.equal(await page.locator('.crash-banner').count(), 0);
  await context.close();
});

test('while home is idle, questions drawn out of sight (to have their code compiled) leave no trace', async () => {
  const { page, context, errors } = await env.phone();
  await page.goto(env.url + '/');
  await ready(page);
  const before = await page.evaluate(() => ({ keys: Object.keys(localStorage).sort(), html: document.body.innerHTML }));
  await page.waitForFunction(() => performance.getEntriesByName('ff-warm-up').length === 1);
  const after = await page.evaluate(() => ({ keys: Object.keys(localStorage).sort(), html: document.body.innerHTML }));
  assert.deepEqual(after.keys, before.keys, 'nothing saved');
  assert.equal(after.html, before.html, 'nothing shown');
  assert.equal(await page.locator('[id^="warm-up-"]').count(), 0);
  // The app goes on as usual: a form opens and takes typing.
  await page.getByRole('link', { name: 'Seven things to tell the teacher' }).tap();
  await page.getByLabel("Your child's full name").fill('Mía');
  await page.getByText('Saved on this device').waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('an unknown address shows a way home', async () => {
  const { page, context } = await env.phone();
  await page.goto(env.url + '/nowhere');
  await ready(page);
  assert.equal(await page.locator('h1').innerText(), 'Page not found');
  assert.equal(await page.title(), 'Page not found · Family Forms');
  await page.getByRole('link', { name: 'Go to the home page' }).tap();
  await page.getByRole('heading', { name: 'Your children' }).waitFor();
  await context.close();
});

test('links change the page without reloading the app; back and forward move between pages', async () => {
  const { page, context, errors } = await env.phone();
  await page.goto(env.url + '/');
  await ready(page);
  // A reload would lose this mark: every page below must be drawn by the app already running.
  await page.evaluate(() => { window.sameApp = true; });
  // As after a full page load, a keyboard or screen-reader user starts at the new page's
  // heading, not on the link just followed (gone with the old page, or still in the header).
  const focusOnHeading = (text) => page.waitForFunction((t) => document.activeElement?.tagName === 'H1' && document.activeElement.textContent === t, text);

  await page.getByRole('link', { name: 'Settings' }).tap();
  await page.waitForURL(/\/settings$/);
  await page.locator('h1').filter({ hasText: 'Settings' }).waitFor();
  assert.equal(await page.evaluate(() => window.scrollY), 0, 'a new page starts at the top');
  await focusOnHeading('Settings');
  await page.getByRole('link', { name: 'Family Forms' }).tap();
  await page.getByRole('heading', { name: 'Your children' }).waitFor();
  // A tap on the link to the page already shown adds no step to "back".
  await page.getByRole('link', { name: 'Family Forms' }).tap();
  await page.getByRole('link', { name: 'Seven things to tell the teacher' }).tap();
  await page.waitForURL(/\/doc\/d[0-9a-f]+$/);
  await focusOnHeading('Seven things to tell the teacher');
  const docUrl = page.url();
  await page.getByLabel("Your child's full name").fill('Leo');

  await page.goBack();
  await page.getByRole('heading', { name: 'Your children' }).waitFor();
  assert.equal(new URL(page.url()).pathname, '/');
  await focusOnHeading('Family Forms');
  await page.goBack();
  await page.waitForURL(/\/settings$/);
  await page.locator('h1').filter({ hasText: 'Settings' }).waitFor();
  await page.goForward();
  await page.goForward();
  await page.waitForURL(docUrl);
  assert.equal(await page.getByLabel("Your child's full name").inputValue(), 'Leo');
  assert.equal(await page.evaluate(() => window.sameApp), true, 'the app was never reloaded');

  // A link opened in a new tab is the browser's to open; this page stays where it is.
  const [tab] = await Promise.all([
    context.waitForEvent('page'),
    page.getByRole('link', { name: 'Settings' }).click({ modifiers: ['Control'] }),
  ]);
  await tab.waitForLoadState();
  assert.equal(new URL(tab.url()).pathname, '/settings');
  assert.equal(page.url(), docUrl);

  // The skip link stays within the page: it moves focus to the page's content.
  await page.getByRole('link', { name: 'Skip to content' }).focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.id === 'main');
  assert.equal(new URL(page.url()).pathname, new URL(docUrl).pathname);
  assert.equal(await page.getByLabel("Your child's full name").inputValue(), 'Leo');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a person already typing in a new page when its late next frame comes keeps the focus and every letter', async () => {
  const { page, context, errors } = await env.phone();
  await page.goto(env.url + '/');
  await ready(page);
  // Frames held back until the test lets them come, as a late frame would be (WebKit's, under
  // load, came after a test had begun typing in the new form): the person types there first.
  const holdFrames = () => page.evaluate(() => {
    const frame = window.requestAnimationFrame.bind(window);
    const held = [];
    window.requestAnimationFrame = (callback) => held.push(callback);
    window.letFramesCome = () => {
      window.requestAnimationFrame = frame;
      for (const callback of held.splice(0)) frame(callback);
    };
  });
  const letFramesCome = () => page.evaluate(() => {
    window.letFramesCome();
    return new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  });
  /** Taps `box`, types `first`, lets the held frames come and types `rest`: the box keeps
   * the focus and every letter. */
  const typeAcrossTheLateFrame = async (box, first, rest) => {
    await box.tap();
    await box.pressSequentially(first, { delay: 20 });
    await letFramesCome();
    await page.keyboard.type(rest, { delay: 20 });
    assert.equal(await box.evaluate((b) => b === document.activeElement), true, 'the box kept the focus');
    assert.equal(await box.inputValue(), first + rest);
  };
  await holdFrames();
  await page.getByRole('link', { name: 'Seven things to tell the teacher' }).tap();
  await typeAcrossTheLateFrame(page.getByLabel("Your child's full name"), 'Lucía', ' Núñez');
  // The same within a form: another section picked, then its first box typed in at once.
  await holdFrames();
  await page.locator('.section-list summary').tap();
  await page.getByRole('button', { name: /^3\. Personality/ }).tap();
  await typeAcrossTheLateFrame(page.getByLabel('How would you describe your child in a few words?'), 'Curious', ' and kind');
  // Where the person has not moved the focus, it still goes to the new page's heading, however
  // late the frame: here from the app bar's link, which stays.
  await holdFrames();
  await page.getByRole('link', { name: 'Settings' }).tap();
  await page.locator('h1').filter({ hasText: 'Settings' }).waitFor();
  await letFramesCome();
  assert.equal(await page.evaluate(() => document.activeElement?.tagName === 'H1' && document.activeElement.textContent), 'Settings');
  assert.deepEqual(errors, []);
  await context.close();
});

test('typing and reloading at once loses no character', async () => {
  const { page, context } = await env.phone();
  await page.goto(env.url + '/form/seven-things');
  await ready(page);
  const box = page.getByLabel('The name your child likes to be called');
  await box.pressSequentially('Lucía “Luchi”', { delay: 5 });
  await page.reload(); // no wait for the autosave timer: leaving the page saves
  await ready(page);
  assert.equal(await page.getByLabel('The name your child likes to be called').inputValue(), 'Lucía “Luchi”');
  await context.close();
});
