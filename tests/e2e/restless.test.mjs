// A restless person: taps whatever is on the screen, types into whatever box is there, goes
// Back, reloads, switches language, at random (seeded, so a failure can be walked again) for
// a few hundred steps. The other tests follow the paths a person is expected to take; this
// one takes the others. It fails if the app ever stops (the crash banner of js/start-up.js,
// which a panic in the wasm raises), if the page throws or logs an error, or if a form's boxes,
// after a reload, do not hold what they held before it.
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { test, start, ready } from './harness.mjs';
import { seeded, TYPED, formBoxesInPage, describeInPage, isTextBox, sparesTheData, walkRestlessly } from './restless.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

/** One step of the walk; returns what was done, for the failure message. A page that
 * reloads itself under the walk ("Erase everything" does) is waited for, not a failure. */
async function step(page, rnd) {
  try {
    return await act(page, rnd);
  } catch (error) {
    if (!/Execution context was destroyed|navigat/i.test(error.message)) throw error;
    await ready(page);
    return 'the page loaded again by itself';
  }
}

/** One thing a person does. */
async function act(page, rnd) {
  const roll = rnd.next();
  if (roll < 0.04) {
    await page.goBack({ timeout: 5000 }).catch(() => {});
    // Back from the first page leaves the app (for the blank page the tab opened with): a
    // person would come back to it.
    if (!page.url().startsWith(env.url)) { await page.goto(env.url + '/'); await ready(page); return 'Back, out of the app, and to it again'; }
    return 'Back';
  }
  if (roll < 0.06) { await page.reload(); await ready(page); return 'reload'; }
  // Everything a finger can reach: buttons, the app's own links, boxes, lists, folds.
  const targets = await page.$$([
    'button:visible', 'a[href^="/"]:visible', 'summary:visible', 'select:visible',
    'input:not([type=file]):visible', 'textarea:visible',
  ].join(', '));
  if (!targets.length) { await page.goto(env.url + '/'); await ready(page); return 'nothing to tap: home'; }
  const target = rnd.pick(targets);
  const what = await target.evaluate(describeInPage).catch(() => null);
  if (!what) return 'gone before the tap';
  if (sparesTheData(what, rnd)) return 'not erasing';
  if (isTextBox(what)) {
    await target.click({ timeout: 2000 }).catch(() => {});
    await page.keyboard.type(rnd.pick(TYPED), { delay: 5 });
  } else if (/^input\[(date|month)\]/.test(what)) {
    await target.fill(rnd.pick(['2020-05-06', '2032-12-31', '2026-02-29', '']), { timeout: 2000 }).catch(() => {});
  } else if (what.startsWith('select')) {
    const values = await target.evaluate((e) => [...e.options].map((o) => o.value)).catch(() => []);
    if (values.length) await target.selectOption(rnd.pick(values), { timeout: 2000 }).catch(() => {});
  } else {
    await target.click({ timeout: 2000 }).catch(() => {});
  }
  return what;
}

for (const [seed, locale] of [[11, 'en-US'], [29, 'es-US']]) {
  test(`a restless person taps, types and goes back at random (walk ${seed}); the app never stops and a form keeps what its boxes show`, async () => {
    const { context, page, errors } = await env.phone(locale);
    page.on('dialog', (d) => d.accept().catch(() => {}));
    const rnd = seeded(seed);
    await page.goto(env.url + '/');
    await ready(page);
    await walkRestlessly({
      steps: 250,
      act: () => step(page, rnd),
      pause: () => page.waitForTimeout(20 + rnd.next() * 120),
      check: async (lastSteps) => {
        const stopped = await page.locator('.crash-banner').count().catch(() => 0);
        assert.equal(stopped, 0, `the app stopped after: ${lastSteps}`);
        assert.deepEqual(errors, [], `the page reported an error after: ${lastSteps}`);
      },
      pathname: () => new URL(page.url()).pathname,
      boxes: () => page.evaluate(formBoxesInPage),
      reload: async () => {
        await page.reload();
        await ready(page);
        await page.locator('main h1').waitFor();
      },
    });
    await context.close();
  });
}
