// The app's code in two parts (scripts/split-wasm.mjs, js/more-code.js): the page downloads what
// opening home or a form runs, and fetches the rest as the app starts. A person never
// sees the cut: what the rest draws opens when asked for, however quick they are, and when the
// rest cannot be had the app says so and loses nothing.
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test, start, ready, ROOT } from './harness.mjs';
import { functionsRunAtStart, shippedForms } from '../../scripts/profile-wasm.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

const REST = /_more\.wasm$/;

/** Every request for the rest, as `fetch` (fetched as the app starts) or `xhr` (loaded at once, when needed sooner). */
function watchRest(page) {
  const seen = [];
  page.on('request', (r) => { if (REST.test(new URL(r.url()).pathname)) seen.push(r.resourceType()); });
  return seen;
}

/** Opens a new "Seven things to tell the teacher", types the child's name and waits until it
 * is saved; returns the document's address. */
async function startSevenThings(page, name) {
  await page.goto(env.url + '/form/seven-things');
  await page.waitForURL(/\/doc\//);
  await ready(page);
  await page.getByLabel("Your child's full name").fill(name);
  await page.getByText('Saved on this device').waitFor();
  return page.url();
}

test('the rest of the code comes as the app starts, once the first part has arrived, and what it draws then opens without another download', async () => {
  const { page, context, errors } = await env.phone();
  const rest = watchRest(page);
  const arrived = page.waitForResponse((r) => REST.test(new URL(r.url()).pathname));
  await page.goto(env.url + '/');
  await ready(page);
  await page.getByRole('heading', { name: 'Your children' }).waitFor();
  await (await arrived).finished();
  const timing = await page.evaluate(() => {
    const entries = performance.getEntriesByType('resource');
    const first = entries.find((e) => e.name.endsWith('_bg.wasm'));
    const more = entries.find((e) => e.name.endsWith('_more.wasm'));
    return { firstArrived: first.responseEnd, restAsked: more.startTime };
  });
  assert.ok(timing.restAsked > timing.firstArrived, `the rest is asked for after the first part arrived: ${JSON.stringify(timing)}`);
  // Settings is drawn by the rest; give the page a moment to link what arrived.
  await page.waitForTimeout(300);
  await page.getByRole('link', { name: 'Settings' }).tap();
  await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
  assert.deepEqual(rest, ['fetch'], 'one download of the rest, never a second');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a person quicker than the download of the rest gets the page they asked for at once, and keeps what they typed', async () => {
  const { page, context, errors } = await env.phone();
  const rest = watchRest(page);
  // The fetch as the app starts never arrives (a slow signal); loading at once is let through.
  let releaseFetch;
  const held = new Promise((resolve) => { releaseFetch = resolve; });
  await page.route(REST, async (route) => {
    if (route.request().resourceType() === 'fetch') {
      await held;
      await route.continue().catch(() => {});
    } else {
      await route.continue();
    }
  });
  await page.goto(env.url + '/form/seven-things');
  await page.waitForURL(/\/doc\//);
  await ready(page);
  await page.getByLabel("Your child's full name").fill('Quick Quinn');
  await page.getByText('Saved on this device').waitFor();
  await page.getByRole('link', { name: 'Settings' }).tap();
  await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
  assert.ok(rest.includes('xhr'), `the rest was loaded on the spot: ${rest}`);
  // The late download changes nothing.
  releaseFetch();
  await page.waitForTimeout(300);
  await page.goBack();
  assert.equal(await page.getByLabel("Your child's full name").inputValue(), 'Quick Quinn');
  await page.reload();
  await ready(page);
  assert.equal(await page.getByLabel("Your child's full name").inputValue(), 'Quick Quinn');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a download of the rest that fails is tried again by itself, and the app is then kept for use offline', async () => {
  // A weak signal drops the download, and the browser never says it went offline.
  const { page, context, errors } = await env.phone();
  const rest = watchRest(page);
  let tries = 0;
  await page.route(REST, (route) => (tries++ === 0 ? route.abort('connectionreset') : route.continue()));
  await page.goto(env.url + '/');
  await ready(page);
  await page.getByRole('heading', { name: 'Your children' }).waitFor();
  await page.waitForFunction(() => window.ffMoreCodeLinked === true, null, { timeout: 15000 });
  await page.waitForFunction(() => document.documentElement.dataset.offline === 'ready', null, { timeout: 15000 });
  await page.getByRole('link', { name: 'Settings' }).tap();
  await page.getByText('Family Forms works without a connection on this device', { exact: false }).waitFor();
  assert.deepEqual(rest, ['fetch', 'fetch'], `downloaded again in the background, never loaded on the spot: ${rest}`);
  // The browser's own line about the dropped download, and nothing else.
  assert.deepEqual(errors.filter((e) => !/^Failed to load resource: net::ERR_CONNECTION_RESET/.test(e)), []);
  await context.close();
});

test('when the rest of the code cannot be had, the app says it needs a signal, in both languages, and a reload goes on with the answers', async () => {
  const { page, context } = await env.phone();
  await page.route(REST, (route) => route.abort('internetdisconnected'));
  const documentUrl = await startSevenThings(page, 'Offline Otto');
  await page.getByRole('link', { name: 'Settings' }).tap();
  const banner = page.getByRole('alert').filter({ hasText: 'Family Forms needs a signal to open this part of the app' });
  await banner.getByText('Your answers are saved: reload once you have a signal.', { exact: false }).waitFor();
  await banner.getByText('Family Forms necesita señal para abrir esta parte de la aplicación', { exact: false }).waitFor();
  // The signal comes back.
  await page.unroute(REST);
  const reloaded = page.waitForEvent('load');
  await banner.getByRole('button', { name: 'Reload / Volver a cargar' }).tap();
  await reloaded;
  await ready(page);
  await page.getByRole('link', { name: 'Settings' }).tap();
  await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
  await page.goto(documentUrl);
  await ready(page);
  assert.equal(await page.getByLabel("Your child's full name").inputValue(), 'Offline Otto');
  await context.close();
});

test('when the server no longer has the rest (a new version was put up), it is not asked for again, and Reload gets the new version', async () => {
  const { page, context } = await env.phone();
  const rest = watchRest(page);
  await page.route(REST, (route) => route.fulfill({ status: 404, body: 'not found' }));
  await startSevenThings(page, 'Newer Nora');
  // Longer than the first wait before a download that failed for want of a signal is tried again.
  await page.waitForTimeout(3000);
  assert.deepEqual(rest, ['fetch'], `a file the server does not have is not asked for again: ${rest}`);
  await page.getByRole('link', { name: 'Settings' }).tap();
  const banner = page.getByRole('alert').filter({ hasText: 'Something went wrong and Family Forms stopped' });
  await banner.waitFor();
  assert.equal(await page.getByText('needs a signal', { exact: false }).count(), 0, 'the server answered: there is a signal');
  await page.unroute(REST);
  const reloaded = page.waitForEvent('load');
  await banner.getByRole('button', { name: 'Reload / Volver a cargar' }).tap();
  await reloaded;
  await ready(page);
  await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
  await context.close();
});

test('with no signal at all, Reload keeps the app\'s page and says so, and reloads by itself once the signal is back', async () => {
  const { page, context } = await env.phone();
  await page.route(REST, (route) => route.abort('internetdisconnected'));
  const documentUrl = await startSevenThings(page, 'Tunnel Tina');
  // The phone goes into a tunnel.
  await context.setOffline(true);
  await page.unroute(REST);
  await page.getByRole('link', { name: 'Settings' }).tap();
  const banner = page.getByRole('alert').filter({ hasText: 'Family Forms needs a signal' });
  await banner.waitFor();
  const stoppedAt = page.url();
  await banner.getByRole('button', { name: 'Reload / Volver a cargar' }).tap();
  const still = banner.getByRole('status');
  await still.getByText('Still no signal. This page reloads by itself once the signal is back.').waitFor();
  await still.getByText('Todavía no hay señal', { exact: false }).waitFor();
  // Tapped again, nothing changes: still the app's page, not the browser's error page.
  await banner.getByRole('button', { name: 'Reload / Volver a cargar' }).tap();
  await page.waitForTimeout(500);
  assert.equal(page.url(), stoppedAt);
  await banner.waitFor();
  // Out of the tunnel: the page reloads by itself, showing what was asked for, and the form
  // keeps its answers.
  const reloaded = page.waitForEvent('load', { timeout: 20000 });
  await context.setOffline(false);
  await reloaded;
  await ready(page);
  await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
  assert.equal(await page.getByRole('alert').filter({ hasText: 'Family Forms needs a signal' }).count(), 0);
  await page.goto(documentUrl);
  await ready(page);
  assert.equal(await page.getByLabel("Your child's full name").inputValue(), 'Tunnel Tina');
  await context.close();
});

test('on a phone four times slower, the first part alone takes a first visit\'s first steps: children added, Spanish, a form opened from a card, first answers, two saves, a reload', async () => {
  // The build's own walk (scripts/profile-wasm.mjs: adding children, switching language,
  // opening a form from a child's card; in each form, one answer of each kind, typing, a
  // pause, typing more, a reload; typing into a filled copy) chose what the first part holds.
  // Walked again on a slower CPU with every request for the rest failing, it must need nothing
  // of the rest: no step waits for a fixed time, so a slower machine does no more than the
  // build saw. (A build whose walk saved only once failed here, at the second save.)
  const run = await functionsRunAtStart(join(ROOT, 'dist'), shippedForms(ROOT), { cpuSlowdown: 4, withhold: REST });
  assert.ok(run.size > 1000, `the walk ran the app: ${run.size} functions`);
});
