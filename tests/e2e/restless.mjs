// What a restless person's walk through the app is made of, shared by the walk in Chromium
// (restless.test.mjs) and the one in WebKit (webkit.test.mjs): the same seeded choices, the
// same words typed, the same reading of a form's boxes.

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

/** Whether `pathname` is a form's page, where the walk checks what a reload brings back. */
export const onAForm = (pathname) => /\/doc\/[^/]+$/.test(pathname);
