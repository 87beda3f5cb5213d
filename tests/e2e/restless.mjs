// What a restless person's walk through the app is made of, shared by the walks in Chromium
// (restless.test.mjs), WebKit (webkit.test.mjs) and Firefox (firefox.test.mjs): the same
// seeded choices, the same words typed, the same reading of a form's boxes and the same check
// of them.
import assert from 'node:assert/strict';

/** A small seeded generator (a linear congruential one): the same seed, the same walk. */
export function seeded(seed) {
  let s = seed;
  const next = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  return { next, pick: (list) => list[Math.floor(next() * list.length)] };
}

/** What the person types: names with accents, numbers of every sort, a long answer, markup
 * and an emoji (which the PDF fonts lack). */
export const TYPED = ['Mía Núñez', 'x', '12', '-5', '1e9', '¿Qué? ¡Sí!', 'a'.repeat(300), '<b>hi</b>', '😀 Ñandú', ' '];

/** In the page: the boxes of the form on it, by id, with what they hold. */
export function formBoxesInPage() {
  return Object.fromEntries(
    [...document.querySelectorAll('main input[id], main textarea[id], main select[id]')]
      .filter((e) => e.type !== 'file' && e.id !== 'find' && e.offsetParent !== null && !e.closest('.child-card, .add-child'))
      .map((e) => [e.id, e.type === 'checkbox' || e.type === 'radio' ? String(e.checked) : e.value]));
}

/** In the page: what a finger can reach, to tap at random: buttons, the app's own links,
 * folds, lists and boxes that are shown, enabled and not inside a closed fold. (The Chromium
 * walk asks Playwright for the visible ones instead.) */
export function reachableInPage() {
  return [...document.querySelectorAll('button, a[href^="/"], summary, select, input:not([type=file]), textarea')]
    .filter((e) => e.offsetParent !== null && !e.disabled && e.getClientRects().length
      && !e.closest('details:not([open]) > :not(summary)'));
}

/** In the page: makes the choice `r` (0 to 1) in list or date box `e` as the browser's own
 * picker would, for drivers that cannot reach the picker. */
export function pickInPage(e, r) {
  const values = e.tagName === 'SELECT' ? [...e.options].map((o) => o.value) : ['2020-05-06', '2032-12-31', '2026-02-28', ''];
  e.focus();
  e.value = values[Math.floor(r * values.length)];
  e.dispatchEvent(new Event('input', { bubbles: true }));
  e.dispatchEvent(new Event('change', { bubbles: true }));
}

/** Whether `pathname` is a form's page, where the walk checks what a reload brings back. */
export const onAForm = (pathname) => /\/doc\/[^/]+$/.test(pathname);

/** In the page: the element `e` as the walk's log names it, such as `button[button] “Next →”`. */
export function describeInPage(e) {
  return `${e.tagName.toLowerCase()}${e.type ? `[${e.type}]` : ''} “${(e.innerText || e.getAttribute('aria-label') || e.id || '').trim().slice(0, 40)}”`;
}

/** Whether the element a step described (`describeInPage`) is a box to type words into. */
export const isTextBox = (what) => /^(input\[(text|search|email|tel|number|url)\]|textarea)/.test(what);

/** Erasing everything is a fair thing to do, but now and then, so the walk has data to use:
 * whether this tap on `what` is left out. */
export const sparesTheData = (what, rnd) => /Erase everything|Borrar todo/.test(what) && rnd.next() < 0.8;

/**
 * The walk, in any browser: `steps` times, `act()` (one thing the person does; returns what,
 * for messages), `pause()`, then `check(lastSteps)` (nothing went wrong, its message naming the
 * last ten steps). Every 25th step, on a form, what `boxes()` reads must be what they read
 * again after `reload()` (which waits for the app and the page's heading). Fails if the walk
 * checked no form: it then proved little.
 */
export async function walkRestlessly({ steps, act, pause, check, pathname, boxes, reload }) {
  const done = [];
  const lastSteps = () => done.slice(-10).join(' → ');
  let forms = 0;
  for (let i = 0; i < steps; i++) {
    done.push(await act());
    await pause();
    await check(lastSteps());
    if (i % 25 === 24 && onAForm(await pathname())) {
      const shown = await boxes();
      // Time for the last keys' save, as a person would pause before reloading.
      await new Promise((r) => setTimeout(r, 500));
      await reload();
      assertBoxesKept(shown, await boxes(), lastSteps());
      forms += 1;
    }
  }
  assert.ok(forms >= 1, `the walk checked no form: ${done.join(' → ').slice(0, 2000)}`);
}

/** Every box `shown` before a reload holds the same `after` it (one the page no longer shows
 * is not compared); `walk` names the last steps for the failure message. */
export function assertBoxesKept(shown, after, walk) {
  for (const [id, value] of Object.entries(shown)) {
    if (id in after) assert.equal(after[id], value, `the box #${id} after a reload, the walk having been: ${walk}`);
  }
}
