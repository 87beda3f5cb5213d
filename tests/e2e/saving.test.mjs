// Saving as a parent relies on it: children typed once, documents listed, live across tabs,
// and bad saved data or a full device never loses what was typed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { start, ready, ARTIFACTS, ROOT } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

test('a child added once is pre-filled into a form started for them, and listed at home', async () => {
  const { page, context, errors } = await env.phone();
  await page.goto(env.url + '/');
  await ready(page);
  await page.getByRole('button', { name: 'Add a child' }).tap();
  await page.getByLabel('Full name *').fill('Mía Núñez');
  await page.getByLabel('The name they like to be called').fill('Mía');
  await page.getByLabel('Date of birth').fill('2021-03-04');
  await page.getByLabel('Grade').selectOption('k');
  await page.getByRole('button', { name: 'Save child' }).tap();
  await page.getByRole('heading', { name: 'Mía', exact: true }).waitFor();

  await page.getByLabel('Start a form for Mía').selectOption('getting-to-know-my-child');
  await page.getByRole('button', { name: 'Start', exact: true }).tap();
  await page.waitForURL(/\/doc\/d[0-9a-f]+$/);
  assert.equal(await page.getByLabel("My child's full name").inputValue(), 'Mía Núñez');
  assert.equal(await page.getByLabel('The name my child likes to be called').inputValue(), 'Mía');
  assert.equal(await page.getByLabel('Date of birth').inputValue(), '2021-03-04');
  await page.getByLabel('School and district').fill('Barnard School, Waterbury');
  await page.getByText('Saved on this device').waitFor();

  await page.getByRole('link', { name: 'Family Forms' }).tap();
  const card = page.locator('.child-card', { hasText: 'Mía' });
  await card.getByRole('link', { name: 'Getting to Know My Child' }).waitFor();
  assert.match(await card.locator('.doc-meta').innerText(), /% answered · edited just now/);
  await page.getByRole('button', { name: 'Español' }).tap();
  assert.match(await card.locator('.doc-meta').innerText(), /% respondido · editado hace un momento/);
  await page.screenshot({ path: join(ARTIFACTS, 'saving-home-with-child.png'), fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();
});

test('edits in one tab show up in another tab on the same document', async () => {
  const context = await env.browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  const a = await context.newPage();
  await a.goto(env.url + '/form/seven-things');
  await a.waitForURL(/\/doc\//);
  await ready(a);
  const b = await context.newPage();
  await b.goto(a.url());
  await ready(b);
  await a.getByLabel('Teacher\'s name').fill('Ms. Rivera');
  await a.getByText('Saved on this device').waitFor();
  await b.waitForFunction(() => document.querySelector('#f-teacher')?.value === 'Ms. Rivera');
  await b.getByLabel('Teacher\'s name').fill('Ms. Rivera-Díaz');
  await b.getByText('Saved on this device').waitFor();
  await a.waitForFunction(() => document.querySelector('#f-teacher')?.value === 'Ms. Rivera-Díaz');
  await context.close();
});

test('a damaged saved entry does not stop the app and is kept aside', async () => {
  const { page, context } = await env.phone();
  await page.goto(env.url + '/');
  await ready(page);
  await page.evaluate(() => {
    localStorage.setItem('family-forms:doc:dbroken', '{"format":"family-forms/document","version":2,"document":{"id":"dbroken","form_id":"seven-things"');
    localStorage.setItem('family-forms:children', '[[[not json');
  });
  await page.reload();
  await ready(page);
  await page.getByRole('heading', { name: 'Your children' }).waitFor();
  await page.goto(env.url + '/doc/dbroken');
  await ready(page);
  // The document's form cannot be read from the damaged text, so the page says it is missing.
  await page.getByRole('heading', { name: 'Page not found' }).waitFor();
  const kept = await page.evaluate(() => localStorage.getItem('family-forms:doc:dbroken'));
  assert.ok(kept.startsWith('{"format"'), 'the damaged text is still there, untouched');
  await context.close();
});

test('a document saved in the first released format opens with every answer', async () => {
  const { page, context } = await env.phone();
  const v1 = readFileSync(join(ROOT, 'tests', 'fixtures', 'documents', 'v1-seven-things.json'), 'utf8');
  await page.addInitScript((src) => {
    if (!localStorage.getItem('family-forms:doc:seven-things')) localStorage.setItem('family-forms:doc:seven-things', src);
  }, v1);
  await page.goto(env.url + '/');
  await ready(page);
  await page.getByRole('link', { name: 'Seven things to tell the teacher' }).first().tap();
  await page.waitForURL(/\/doc\/seven-things$/);
  assert.equal(await page.getByLabel("Your child's full name").inputValue(), 'Mía Núñez');
  await page.getByRole('button', { name: 'Next →' }).tap();
  assert.equal(await page.locator('#f-allergies').isChecked(), true);
  assert.equal(await page.locator('#f-allergies-details').inputValue(), 'Cacahuates / peanuts');
  await context.close();
});

test('a full device shows an error at once, keeps the typing, and saves once space is freed', async () => {
  const { page, context } = await env.phone();
  await page.goto(env.url + '/form/seven-things');
  await page.waitForURL(/\/doc\//);
  await ready(page);
  // Fill this origin's storage to the brim.
  await page.evaluate(() => {
    let i = 0;
    for (const size of [256 * 1024, 1024, 16, 1]) {
      const chunk = 'x'.repeat(size);
      try { for (;;) localStorage.setItem(`filler-${i++}`, chunk); } catch {}
    }
  });
  const box = page.getByLabel("Your child's full name");
  await box.fill('Valentina Rosario');
  await page.getByText("Could not save: this device's storage is full. Your answers are still on this page.").waitFor();
  assert.equal(await box.inputValue(), 'Valentina Rosario');
  await page.evaluate(() => { for (const k of Object.keys(localStorage)) if (k.startsWith('filler-')) localStorage.removeItem(k); });
  await box.press('End');
  await box.pressSequentially(' M.');
  await page.getByText('Saved on this device').waitFor();
  await page.reload();
  await ready(page);
  assert.equal(await page.getByLabel("Your child's full name").inputValue(), 'Valentina Rosario M.');
  await context.close();
});
