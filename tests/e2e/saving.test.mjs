// Saving as a parent relies on it: children typed once, documents listed, live across tabs,
// and bad saved data or a full device never loses what was typed.
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, start, ready, downloadedText, fillStorage, freeStorage, ARTIFACTS, PHONE, ROOT, SENT_FILE } from './harness.mjs';

let env;
before(async () => { env = await start(); });

/** Two tabs of one phone browser, open on the same new document. */
async function twoTabsOnOneDocument() {
  const context = await env.browser.newContext(PHONE);
  const a = await context.newPage();
  await a.goto(env.url + '/form/seven-things');
  await a.waitForURL(/\/doc\//);
  await ready(a);
  const b = await context.newPage();
  await b.goto(a.url());
  await ready(b);
  return { context, a, b };
}
after(async () => { await env?.close(); });

test('a child added once is pre-filled into a form started for them, and listed at home', async () => {
  const { page, context, errors } = await env.phone();
  await page.goto(env.url + '/');
  await ready(page);
  const focusedId = (id) => page.waitForFunction((id) => document.activeElement?.id === id, id);
  // The list of forms starts a form for no child; once there is a child it says where to start
  // one that fills their details in.
  const fromCard = page.getByText("To fill one in for a child, start it from the child's card above");
  assert.equal(await fromCard.count(), 0);
  // The button gives way to the form, and the name box takes the typing at once; Cancel
  // gives the focus back to the button.
  await page.getByRole('button', { name: 'Add a child' }).tap();
  await focusedId('child-name');
  await page.getByRole('button', { name: 'Cancel' }).tap();
  await focusedId('add-child-button');
  await page.getByRole('button', { name: 'Add a child' }).tap();
  await focusedId('child-name');
  await page.keyboard.type('Mía Núñez');
  assert.equal(await page.getByLabel('Full name *').inputValue(), 'Mía Núñez');
  await page.getByLabel('The name they like to be called').fill('Mía');
  await page.getByLabel('Date of birth').fill('2021-03-04');
  await page.getByLabel('Grade').selectOption('k');
  await page.getByRole('button', { name: 'Save child' }).tap();
  await page.getByRole('heading', { name: 'Mía', exact: true }).waitFor();
  await focusedId('add-child-button');
  await fromCard.waitFor();

  // The card offers every shipped form to start, folded under one control until asked for.
  const startForm = page.getByText('Start a form for Mía', { exact: true });
  assert.equal(await page.getByRole('link', { name: 'Getting to Know My Child' }).count(), 1, 'only the catalogue lists it yet');
  await startForm.tap();
  const card = page.locator('.child-card', { hasText: 'Mía' });
  await card.locator('.start-list a').first().waitFor();
  let choices = await card.locator('.start-list a').allInnerTexts();
  assert.equal(choices.length, 9, String(choices));
  assert.ok(choices.includes("Preparing for my child's PPT"), String(choices));
  assert.equal(await page.evaluate(() => document.activeElement.tagName), 'SUMMARY');
  // The keyboard reaches the forms next, and Enter starts one.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Getting to Know My Child');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/doc\/d[0-9a-f]+$/);
  assert.equal(await page.getByLabel("My child's full name").inputValue(), 'Mía Núñez');
  assert.equal(await page.getByLabel('The name my child likes to be called').inputValue(), 'Mía');
  assert.equal(await page.getByLabel('Date of birth').inputValue(), '2021-03-04');
  await page.getByLabel('School and district').fill('Barnard School, Waterbury');
  await page.getByText('Saved on this device').waitFor();

  await page.getByRole('link', { name: 'Family Forms' }).tap();
  await card.getByRole('link', { name: 'Getting to Know My Child' }).waitFor();
  // Waited for rather than read at once: a card just drawn is laid out at the next frame
  // (content-visibility), and its text reads empty until then.
  await card.locator('.doc-meta').filter({ hasText: /% answered · edited just now/ }).waitFor();
  // Home drawn again (here in another language) draws the card's list of forms in that language.
  await startForm.tap();
  await page.getByRole('button', { name: 'Español' }).tap();
  await card.locator('.doc-meta').filter({ hasText: /% respondido · editado hace un momento/ }).waitFor();
  await page.getByText('Empezar un formulario para Mía', { exact: true }).tap();
  await card.locator('.start-list a').first().waitFor();
  choices = await card.locator('.start-list a').allInnerTexts();
  assert.equal(choices.length, 9, String(choices));
  assert.ok(choices.includes('Preparándome para el PPT de mi hijo o hija'), String(choices));
  await page.screenshot({ path: join(ARTIFACTS, 'saving-home-with-child.png'), fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();
});

test("a child's details can be changed later: forms started after use them, forms started before keep what they say", async () => {
  const { page, context, errors } = await env.phone();
  await page.goto(env.url + '/');
  await ready(page);
  const focusedId = (id) => page.waitForFunction((id) => document.activeElement?.id === id, id);
  await addChild(page, 'Leo Park', { grade: 'k' });
  const card = page.locator('.child-card').first();
  await card.getByRole('heading', { name: 'Leo Park' }).waitFor();
  await card.getByText('Start a form for Leo Park', { exact: true }).tap();
  await card.getByRole('link', { name: "Preparing for my child's PPT" }).tap();
  await page.waitForURL(/\/doc\//);
  await ready(page);
  const before = page.url();
  assert.equal(await page.getByLabel('Grade').inputValue(), 'k');
  await page.getByRole('link', { name: 'Family Forms' }).tap();

  // "Change details" (said with the child's name) turns the card into the form, filled in.
  const change = card.getByRole('button', { name: 'Change details' });
  assert.equal(await change.evaluate((b) => document.getElementById(b.getAttribute('aria-describedby')).textContent), 'Leo Park');
  await change.tap();
  await focusedId('child-name');
  await card.getByRole('heading', { name: 'Change the details of Leo Park' }).waitFor();
  await card.getByText('Forms already started keep what they say.', { exact: false }).waitFor();
  assert.equal(await page.getByLabel('Full name *').inputValue(), 'Leo Park');
  assert.equal(await page.getByLabel('Grade').inputValue(), 'k');
  assert.equal(await page.getByRole('button', { name: 'Add a child' }).count(), 1, 'one child form at a time');
  // Cancel changes nothing, and gives the focus back to the card's button.
  await page.getByLabel('Full name *').fill('Someone else');
  await page.getByRole('button', { name: 'Cancel' }).tap();
  await card.getByRole('heading', { name: 'Leo Park' }).waitFor();
  await focusedId(await change.getAttribute('id'));

  // A new school year: the grade moves up, and a nickname is added. Another language on the
  // way keeps what was typed.
  await change.tap();
  await focusedId('child-name');
  await page.getByLabel('The name they like to be called').fill('Leo');
  await page.getByLabel('Grade').selectOption('1');
  await page.getByRole('button', { name: 'Español' }).tap();
  await card.getByRole('heading', { name: 'Cambiar los datos de Leo Park' }).waitFor();
  assert.equal(await page.getByLabel('El nombre con que le gusta que le llamen').inputValue(), 'Leo');
  assert.equal(await page.getByLabel('Grado').inputValue(), '1');
  await page.getByRole('button', { name: 'English' }).tap();
  await page.getByRole('button', { name: 'Save changes' }).tap();
  await card.getByRole('heading', { name: 'Leo', exact: true }).waitFor();
  await focusedId(await change.getAttribute('id'));
  assert.deepEqual(await danglingReferences(page), []);
  await page.reload();
  await ready(page);
  await card.getByRole('heading', { name: 'Leo', exact: true }).waitFor();
  assert.equal(await page.locator('.child-card').count(), 1, 'changed, not added');

  // A form started now is filled with the new details; the one started before is as it was.
  await card.getByText('Start a form for Leo', { exact: true }).tap();
  await card.locator('.start-list').getByRole('link', { name: "Preparing for my child's PPT" }).tap();
  await page.waitForURL((url) => /\/doc\//.test(url.pathname) && url.href !== before);
  await ready(page);
  assert.equal(await page.getByLabel('Grade').inputValue(), '1');
  await page.goto(before);
  await ready(page);
  assert.equal(await page.getByLabel('Grade').inputValue(), 'k');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a form begun before the child was added can be given to the child later, or moved to the right one: home lists it with them, and what was not typed takes their details', async () => {
  const { page, context, errors } = await env.phone();
  // Begun from the list of forms, with no child on the device yet: nothing to choose.
  await page.goto(env.url + '/form/getting-to-know-my-child');
  await page.waitForURL(/\/doc\//);
  await ready(page);
  const doc = page.url();
  await page.getByLabel('School and district').fill('Barnard School');
  await page.getByText('Saved on this device').waitFor();
  assert.equal(await page.getByLabel('This form is for').count(), 0);

  // The child is added afterwards; the form waits among "Other documents".
  await page.getByRole('link', { name: 'Family Forms' }).tap();
  await addChild(page, 'Mía Núñez', { preferred: 'Mía', birth: '2021-03-04' });
  const card = page.locator('.child-card', { hasText: 'Mía' });
  await card.getByText('No forms yet.').waitFor();
  await page.getByRole('region', { name: 'Other documents' }).getByRole('link', { name: /Getting to Know My Child/ }).tap();
  await ready(page);

  const whose = page.getByLabel('This form is for');
  assert.equal(await whose.evaluate((s) => s.selectedOptions[0].textContent), 'No child chosen');
  await whose.selectOption({ label: 'Mía' });
  await page.getByText('Saved on this device').waitFor();
  // Blank questions the profile fills are filled; what was typed stays.
  assert.equal(await page.getByLabel("My child's full name").inputValue(), 'Mía Núñez');
  assert.equal(await page.getByLabel('Date of birth').inputValue(), '2021-03-04');
  assert.equal(await page.getByLabel('School and district').inputValue(), 'Barnard School');

  // Home lists it on the child's card now, and nothing apart.
  await page.getByRole('link', { name: 'Family Forms' }).tap();
  await card.getByRole('link', { name: 'Getting to Know My Child' }).waitFor();
  assert.equal(await page.getByRole('region', { name: 'Other documents' }).count(), 0);
  await page.goto(doc);
  await ready(page);
  assert.equal(await whose.evaluate((s) => s.selectedOptions[0].textContent), 'Mía');
  await page.getByRole('button', { name: 'Español' }).tap();
  assert.equal(await page.getByLabel('Este formulario es para').evaluate((s) => s.selectedOptions[0].textContent), 'Mía');
  await page.getByRole('button', { name: 'English' }).tap();

  // Given to the wrong child: moved to the right one, what her profile filled in becomes
  // his (a date of birth he has none for is emptied), and what was typed stays.
  await page.getByRole('link', { name: 'Family Forms' }).tap();
  await addChild(page, 'Leo Park');
  const leo = page.locator('.child-card', { hasText: 'Leo Park' });
  await leo.getByText('No forms yet.').waitFor();
  await page.goto(doc);
  await ready(page);
  await whose.selectOption({ label: 'Leo Park' });
  await page.getByText('Saved on this device').waitFor();
  assert.equal(await page.getByLabel("My child's full name").inputValue(), 'Leo Park');
  assert.equal(await page.getByLabel('Date of birth').inputValue(), '');
  assert.equal(await page.getByLabel('School and district').inputValue(), 'Barnard School');
  await page.getByRole('link', { name: 'Family Forms' }).tap();
  await leo.getByRole('link', { name: 'Getting to Know My Child' }).waitFor();
  await card.getByText('No forms yet.').waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('a long form reopens at the section where the person stopped, from home and after a reload', async () => {
  const { page, context, errors } = await env.phone();
  await page.goto(env.url + '/form/getting-to-know-my-child');
  await page.waitForURL(/\/doc\//);
  await ready(page);
  const first = page.url();
  await page.getByLabel("My child's full name").fill('Leo Park');
  for (let i = 0; i < 2; i++) await page.getByRole('button', { name: 'Next →' }).tap();
  const languages = page.getByRole('heading', { name: 'Languages', level: 2 });
  await languages.waitFor();
  await page.getByText('Saved on this device').waitFor();

  await page.getByRole('link', { name: 'Family Forms' }).tap();
  await page.getByRole('region', { name: 'Other documents' }).getByRole('link', { name: /Getting to Know My Child/ }).tap();
  await languages.waitFor();
  assert.match(await page.locator('.section-list summary').innerText(), /Section 3 of 12/);
  await page.reload();
  await ready(page);
  await languages.waitFor();
  await page.getByRole('button', { name: '← Previous' }).tap();
  await page.getByRole('heading', { name: 'Our family', level: 2 }).waitFor();
  await page.reload();
  await ready(page);
  await page.getByRole('heading', { name: 'Our family', level: 2 }).waitFor();

  // A new document made from this one starts at its beginning.
  await page.getByRole('button', { name: 'Start a new one from this one' }).tap();
  await page.waitForFunction((was) => location.href !== was, first);
  await page.getByRole('heading', { name: 'About my child', level: 2 }).waitFor();
  assert.equal(await page.getByLabel("My child's full name").inputValue(), 'Leo Park');
  assert.deepEqual(errors, []);
  await context.close();
});

test('in Spanish, the child form speaks Spanish: its labels, grades, and the messages for a missing name and a date of birth after today', async () => {
  const { page, context, errors } = await env.phone('es-MX');
  await page.goto(env.url + '/');
  await ready(page);
  await page.getByRole('button', { name: 'Agregar un hijo o hija' }).tap();
  await page.getByRole('button', { name: 'Guardar', exact: true }).tap();
  await page.getByText('Escriba el nombre de su hijo o hija.').waitFor();
  assert.equal(await page.locator('#child-grade option[value="1"]').innerText(), '1.er grado');
  await page.getByLabel('Nombre completo *').fill('Mía');
  // Switching language relabels the form and keeps what was typed.
  await page.getByRole('button', { name: 'English' }).tap();
  assert.equal(await page.getByLabel('Full name *').inputValue(), 'Mía');
  assert.equal(await page.locator('#child-grade option[value="1"]').innerText(), '1st grade');
  // A date of birth after today (a year typed wrong) is refused, in the language, and kept
  // in its box to be mended; the date picker offers no later day.
  await page.getByRole('button', { name: 'Español' }).tap();
  const today = await page.evaluate(() => { const d = new Date(); return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`; });
  assert.equal(await page.locator('#child-birth').getAttribute('max'), today);
  await page.getByLabel('Fecha de nacimiento').fill('2102-03-04');
  await page.getByRole('button', { name: 'Guardar', exact: true }).tap();
  await page.getByText('La fecha de nacimiento es posterior a hoy. Revise el año.').waitFor();
  assert.equal(await page.evaluate(() => document.activeElement.id), 'child-birth');
  assert.equal(await page.locator('.child-card').count(), 0, 'nothing saved');
  await page.getByLabel('Fecha de nacimiento').fill('2021-03-04');
  await page.getByRole('button', { name: 'Guardar', exact: true }).tap();
  await page.getByRole('heading', { name: 'Mía', exact: true }).waitFor();
  // A question asked from a button (a confirm dialog) is in the language too.
  await page.goto(env.url + '/form/seven-things');
  await ready(page);
  const asked = new Promise((resolve) => page.once('dialog', (d) => { resolve(d.message()); d.dismiss(); }));
  await page.getByRole('button', { name: 'Eliminar', exact: true }).tap();
  assert.match(await asked, /^¿Eliminar este formulario\?/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('home follows another tab: a child added or a form begun there shows up at once, and a child changed here keeps the one added there', async () => {
  const context = await env.browser.newContext(PHONE);
  const a = await context.newPage();
  await a.goto(env.url + '/');
  await ready(a);
  await addChild(a, 'Mía Núñez');
  await a.getByRole('heading', { name: 'Mía Núñez' }).waitFor();
  const b = await context.newPage();
  await b.goto(env.url + '/');
  await ready(b);
  await b.getByRole('heading', { name: 'Mía Núñez' }).waitFor();

  // Added in tab A, Leo shows up in tab B without a reload; so does a form begun for him.
  await addChild(a, 'Leo Park');
  await b.getByRole('heading', { name: 'Leo Park' }).waitFor();
  const leoInA = a.locator('.child-card', { hasText: 'Leo Park' });
  await leoInA.getByText('Start a form for Leo Park', { exact: true }).tap();
  await leoInA.locator('.start-list').getByRole('link', { name: 'Seven things to tell the teacher' }).tap();
  await a.waitForURL(/\/doc\//);
  await ready(a);
  await b.locator('.child-card', { hasText: 'Leo Park' }).getByRole('link', { name: 'Seven things to tell the teacher' }).waitFor();

  // Tab B changes Mía's details: both children are kept, as both tabs show once reloaded.
  const mia = b.locator('.child-card', { hasText: 'Mía Núñez' });
  await mia.getByRole('button', { name: 'Change details' }).tap();
  await b.waitForFunction(() => document.activeElement?.id === 'child-name');
  await b.getByLabel('The name they like to be called').fill('Mía');
  await b.getByRole('button', { name: 'Save changes' }).tap();
  await b.getByRole('heading', { name: 'Mía', exact: true }).waitFor();
  for (const tab of [a, b]) {
    await tab.goto(env.url + '/');
    await ready(tab);
    assert.deepEqual(await tab.locator('.child-card h3').allInnerTexts(), ['Mía', 'Leo Park']);
  }

  // Tab B is typing Leo's school when tab A deletes Mía, the card above his: Leo's card
  // moves up and is drawn anew, and the typing goes on in the same box.
  await b.locator('.child-card', { hasText: 'Leo Park' }).getByRole('button', { name: 'Change details' }).tap();
  await b.waitForFunction(() => document.activeElement?.id === 'child-name');
  const school = b.getByLabel('School', { exact: true });
  await school.focus();
  await b.keyboard.type('Barnard');
  a.on('dialog', (d) => d.accept());
  await a.locator('.child-card', { hasText: 'Mía' }).getByRole('button', { name: 'Delete child' }).tap();
  await b.locator('.child-card h3', { hasText: 'Mía' }).waitFor({ state: 'detached' });
  await b.waitForFunction(() => document.activeElement?.id === 'child-school');
  await b.keyboard.type(' School');
  assert.equal(await school.inputValue(), 'Barnard School');
  await b.getByRole('button', { name: 'Save changes' }).tap();
  await b.getByRole('heading', { name: 'Leo Park' }).waitFor();
  const saved = await b.evaluate(() => JSON.parse(localStorage.getItem('family-forms:children')).children);
  assert.deepEqual(saved.map((c) => [c.name, c.school]), [['Leo Park', 'Barnard School']]);
  await context.close();
});

test('edits in one tab show up in another tab on the same document', async () => {
  const { context, a, b } = await twoTabsOnOneDocument();
  await a.getByLabel('Teacher\'s name').fill('Ms. Rivera');
  await a.getByText('Saved on this device').waitFor();
  await b.waitForFunction(() => document.querySelector('#f-teacher')?.value === 'Ms. Rivera');
  await b.getByLabel('Teacher\'s name').fill('Ms. Rivera-Díaz');
  await b.getByText('Saved on this device').waitFor();
  await a.waitForFunction(() => document.querySelector('#f-teacher')?.value === 'Ms. Rivera-Díaz');
  await context.close();
});

test('a damaged saved entry does not stop the app, is kept aside and offered as a download', async () => {
  const { page, context, errors } = await env.phone();
  await page.goto(env.url + '/');
  await ready(page);
  const broken = '{"format":"family-forms/document","version":2,"document":{"id":"dbroken","form_id":"seven-things"';
  await page.evaluate((b) => {
    localStorage.setItem('family-forms:doc:dbroken', b);
    localStorage.setItem('family-forms:children', '[[[not json');
  }, broken);
  await page.reload();
  await ready(page);
  await page.getByRole('heading', { name: 'Your children' }).waitFor();
  await page.getByText('Some saved data could not be read. It was kept, not deleted:').waitFor();
  await page.getByRole('link', { name: 'see Settings to download it.' }).tap();
  // The document and the list of children are both kept aside: adding a child now cannot
  // write over the list that could not be read.
  const downloads = page.locator('section[aria-labelledby="recovered-title"]').getByRole('button', { name: 'Download' });
  assert.equal(await downloads.count(), 2);
  const texts = [];
  for (const i of [0, 1]) {
    const [download] = await Promise.all([page.waitForEvent('download'), downloads.nth(i).tap()]);
    texts.push(await downloadedText(download));
  }
  assert.deepEqual(texts.sort(), ['[[[not json', broken].sort(), 'the damaged text comes back exactly as it was');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a saved form with one answer that cannot be read opens with every other answer, a list of children keeps every child that reads, and Settings names what was left out', async () => {
  const { page, context, errors } = await env.phone();
  await page.goto(env.url + '/');
  await ready(page);
  // The golden saved document, its food allergy answer damaged ("maybe" is no yes / no).
  const golden = readFileSync(join(ROOT, 'tests', 'fixtures', 'documents', 'v2-getting-to-know.json'), 'utf8');
  const broken = golden.replace('"answer":"yes"', '"answer":"maybe"');
  assert.notEqual(broken, golden);
  // And a list of children with a second child whose name is a number.
  const children = JSON.stringify({ format: 'family-forms/children', version: 1, children: [
    { id: 'c1763800000000b2', name: 'Mía Núñez', preferred_name: 'Mía', birth_date: '2021-03-04', grade: 'k', school: '' },
    { id: 'c2', name: 7 }] });
  // And its list of earlier versions damaged too (found when the next version is kept).
  await page.evaluate(([b, c]) => {
    localStorage.setItem('family-forms:children', c);
    localStorage.setItem('family-forms:doc:d1763900000000a1', b);
    localStorage.setItem('family-forms:history:d1763900000000a1', '[{"revision":');
  }, [broken, children]);
  await page.reload();
  await ready(page);
  await page.getByText('Some saved data could not be read. It was kept, not deleted:').waitFor();
  // Mía is still on home, and the form on her card, with what could be read.
  const card = page.locator('.child-card', { hasText: 'Mía' });
  await card.getByRole('link', { name: 'Getting to Know My Child' }).waitFor();
  assert.equal(await page.locator('.child-card').count(), 1);

  await page.getByRole('link', { name: 'see Settings to download it.' }).tap();
  const entries = page.locator('section[aria-labelledby="recovered-title"] li');
  assert.equal(await entries.count(), 2);
  const list = entries.filter({ hasText: 'The list of children' });
  await list.getByText('1 child in it could not be read. Every other child is back on home.').waitFor();
  const [listFile] = await Promise.all([page.waitForEvent('download'), list.getByRole('button', { name: 'Download' }).tap()]);
  assert.equal(await downloadedText(listFile), children);
  const kept = entries.filter({ hasText: 'Getting to Know My Child' });
  await kept.getByText('Getting to Know My Child — Mía', { exact: true }).waitFor();
  await kept.getByText('1 answer could not be read: “Does my child have a food allergy?”. Every other answer is back in the form.').waitFor();
  await kept.getByText('kept aside just now').waitFor();
  // The download is described by what it is, and gives the text exactly as it was saved.
  const download = kept.getByRole('button', { name: 'Download' });
  assert.equal(await download.getAttribute('aria-describedby'), await kept.locator('span').first().getAttribute('id'));
  const [file] = await Promise.all([page.waitForEvent('download'), download.tap()]);
  assert.equal(await downloadedText(file), broken);
  // In Spanish its title changes too, so it is found by the id of its title.
  const keptId = await kept.locator('span').first().getAttribute('id');
  const keptEs = page.locator('li', { has: page.locator(`#${keptId}`) });
  await page.getByRole('button', { name: 'Español' }).tap();
  await keptEs.getByText('Conociendo a mi hijo o hija — Mía', { exact: true }).waitFor();
  await keptEs.getByText('No se pudo leer 1 respuesta: «¿Mi hijo o hija tiene alergia a alguna comida?». Todas las demás respuestas están de nuevo en el formulario.').waitFor();
  await page.getByRole('button', { name: 'English' }).tap();

  // Every other answer is in the form, and typing on saves as ever.
  await page.getByRole('link', { name: 'Family Forms' }).tap();
  await card.getByRole('link', { name: 'Getting to Know My Child' }).tap();
  await page.waitForURL(/\/doc\/d1763900000000a1$/);
  assert.equal(await page.getByLabel("My child's full name").inputValue(), 'Mía Núñez');
  assert.equal(await page.getByLabel('The name my child likes to be called').inputValue(), 'Mía');
  await page.getByLabel('School and district').fill('Barnard School');
  await page.getByText('Saved on this device').waitFor();
  await page.reload();
  await ready(page);
  assert.equal(await page.getByLabel('School and district').inputValue(), 'Barnard School');
  assert.equal(await page.getByText('Some saved data could not be read').count(), 0, 'a form page does not repeat it');
  // Saving kept a new version, and set the damaged list of versions aside first: Settings
  // names whose versions they were.
  await page.getByRole('link', { name: 'Settings' }).tap();
  await page.locator('li.kept-aside', { hasText: 'Earlier versions of Getting to Know My Child — Mía' }).waitFor();
  const listed = await page.locator('section[aria-labelledby="recovered-title"] li > span:first-child').allInnerTexts();
  // The most recent first; the two kept aside at start, at the same moment, in a fixed order.
  assert.deepEqual(listed, ['Earlier versions of Getting to Know My Child — Mía', 'Getting to Know My Child — Mía', 'The list of children']);
  await page.goBack();
  await ready(page);

  // Damaged while the app is open (another program, another tab's bad write): the form
  // opens with what reads and names the question left out.
  await page.getByRole('link', { name: 'Family Forms' }).tap();
  await card.getByRole('link', { name: 'Getting to Know My Child' }).waitFor();
  await page.evaluate(() => {
    const key = 'family-forms:doc:d1763900000000a1';
    localStorage.setItem(key, localStorage.getItem(key).replace('{"type":"text","value":"Mía"}', '{"type":"text","value":7}'));
  });
  await card.getByRole('link', { name: 'Getting to Know My Child' }).tap();
  await page.getByRole('alert').filter({ hasText: '1 answer could not be read and is left out: “The name my child likes to be called”. The form as it was saved is kept, not deleted: see Settings to download it.' }).waitFor();
  assert.equal(await page.getByLabel("My child's full name").inputValue(), 'Mía Núñez');
  assert.equal(await page.getByLabel('The name my child likes to be called').inputValue(), '');
  assert.equal(await page.getByLabel('School and district').inputValue(), 'Barnard School');
  assert.deepEqual(errors, []);
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

test('a letter that lost an answer on the way says the letter is written without it, and shows the gap in the letter', async () => {
  const { page, context, errors } = await env.phone();
  // A letter saved on this device that remembers its examples were lost (a damaged file or
  // saved entry): a letter prints alone, so no copy names them, and the notice says so.
  const answers = {
    parent_name: { type: 'text', value: 'Rosa Núñez' },
    child_name: { type: 'text', value: 'Mía Núñez' },
    school: { type: 'text', value: 'Barnard School' },
    grade: { type: 'choice', selected: 'k' },
    recipient_role: { type: 'choice', selected: 'principal' },
    letter_date: { type: 'text', value: '2026-12-01' },
    areas: { type: 'multi', selected: ['reading'] },
  };
  const saved = JSON.stringify({ format: 'family-forms/document', version: 2, document: {
    id: 'd1764700000000e5', form_id: 'letter-evaluation', child_id: null, form_version: 1, answers,
    created: '2026-12-01T09:00:00Z', updated: '2026-12-01T09:00:00Z', revision: 1, missing: ['examples'] } });
  await page.addInitScript((src) => {
    if (!localStorage.getItem('family-forms:doc:d1764700000000e5')) localStorage.setItem('family-forms:doc:d1764700000000e5', src);
  }, saved);
  await page.goto(env.url + '/doc/d1764700000000e5');
  await ready(page);
  const notice = page.locator('.form-missing');
  await notice.getByText('Missing from this form: “What I have seen (examples)”. The answer could not be read from a damaged file or saved copy. The letter is written without it until it is answered again.', { exact: true }).waitFor();
  assert.equal(await notice.getByText('Every copy you print or share').count(), 0, 'no copy of a letter names it');
  // The letter shows the gap where the examples go.
  for (let i = 0; i < 4; i++) await page.getByRole('button', { name: 'Next →' }).tap();
  await page.locator('.letter-page mark.letter-missing', { hasText: 'What I have seen' }).waitFor();
  await page.getByRole('button', { name: 'Español' }).tap();
  await notice.getByText('Falta en este formulario: «Lo que he observado (ejemplos)». La respuesta no se pudo leer de un archivo o copia guardada dañados. La carta se escribe sin ella hasta que se vuelva a responder.', { exact: true }).waitFor();
  // Answered again, the letter has it and the notice goes.
  await notice.getByRole('button', { name: 'Ir a la pregunta' }).tap();
  await page.locator('#f-examples').fill('No puede leer palabras sencillas.');
  await notice.waitFor({ state: 'detached' });
  assert.deepEqual(errors, []);
  await context.close();
});

test('a full device shows an error at once, keeps the typing, and saves once space is freed', async () => {
  const { page, context } = await env.phone();
  await page.goto(env.url + '/form/seven-things');
  await page.waitForURL(/\/doc\//);
  await ready(page);
  // Fill this origin's storage to the brim. This new document has no older versions to give
  // up (its one kept version is dropped first), so the device can only refuse.
  await page.evaluate(() => {
    for (const k of Object.keys(localStorage)) if (k.startsWith('family-forms:history:')) localStorage.removeItem(k);
  });
  await page.evaluate(fillStorage);
  const box = page.getByLabel("Your child's full name");
  await box.fill('Valentina Rosario');
  await page.getByText("Could not save: this device's storage is full. Your answers are still on this page.").waitFor();
  assert.equal(await box.inputValue(), 'Valentina Rosario');
  await page.evaluate(freeStorage);
  await box.press('End');
  await box.pressSequentially(' M.');
  await page.getByText('Saved on this device').waitFor();
  await page.reload();
  await ready(page);
  assert.equal(await page.getByLabel("Your child's full name").inputValue(), 'Valentina Rosario M.');
  await context.close();
});

test('a save the browser refuses for a reason it does not name is told in the person\'s language, and the next change saves', async () => {
  const { page, context, errors } = await env.phone('es-US');
  await page.goto(env.url + '/form/seven-things');
  await page.waitForURL(/\/doc\//);
  await ready(page);
  // A refusal that is neither a full device nor storage switched off.
  await page.evaluate(() => {
    window.__setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = () => { throw new DOMException('The object is in an invalid state.', 'InvalidStateError'); };
  });
  const box = page.getByLabel('Nombre completo de su hijo o hija');
  await box.fill('Valentina Rosario');
  const refused = page.getByText('No se pudo guardar en este momento. Sus respuestas siguen en esta página.');
  await refused.waitFor();
  assert.doesNotMatch(await page.locator('main').innerText(), /Invalid|invalid state/, 'the browser\'s English stays out');
  assert.equal(await box.inputValue(), 'Valentina Rosario');
  await page.evaluate(() => { Storage.prototype.setItem = window.__setItem; });
  await box.press('End');
  await box.pressSequentially(' M.');
  await page.getByText('Guardado en este aparato').waitFor();
  await page.reload();
  await ready(page);
  assert.equal(await page.getByLabel('Nombre completo de su hijo o hija').inputValue(), 'Valentina Rosario M.');
  assert.deepEqual(errors, []);
  await context.close();
});

test('on a full device, deleting (the way to make room) offers to delete for good, since the trash has no room for a copy', async () => {
  const { page, context, errors } = await env.phone('es-US');
  await page.goto(env.url + '/');
  await ready(page);
  const doc = (id, childId) => JSON.stringify({ format: 'family-forms/document', version: 2, document: {
    id, form_id: 'seven-things', child_id: childId, form_version: 1, revision: 1,
    created: '2026-11-20T10:00:00Z', updated: '2026-11-20T10:00:00Z',
    answers: { describe: { type: 'text', value: 'Curioso.' } } } });
  await page.evaluate(([leo, loose]) => {
    localStorage.setItem('family-forms:children', JSON.stringify({ format: 'family-forms/children', version: 1,
      children: [{ id: 'c1', name: 'Leo Ruiz', preferred_name: '', birth_date: '2021-05-06', grade: 'k', school: '' }] }));
    localStorage.setItem('family-forms:doc:dleo', leo);
    localStorage.setItem('family-forms:doc:dloose', loose);
  }, [doc('dleo', 'c1'), doc('dloose', null)]);
  await page.reload();
  await ready(page);
  const card = page.locator('.child-card', { hasText: 'Leo Ruiz' });
  await card.waitFor();
  // Answers each dialog in turn, and keeps what it asked.
  const asked = [];
  let answers = [];
  page.on('dialog', (d) => { asked.push(d.message()); (answers.shift() ?? true) ? d.accept() : d.dismiss(); });
  await page.evaluate(fillStorage);

  // "Delete", yes; "delete for good?", no: nothing goes, and home says why.
  answers = [true, false];
  await card.getByRole('button', { name: 'Eliminar' }).tap();
  const failed = page.locator('#home-failed');
  assert.equal(await failed.innerText(), 'No se pudo guardar: el espacio de este aparato está lleno. No se eliminó nada.');
  await page.waitForFunction(() => document.activeElement?.id === 'home-failed');
  assert.equal(asked[1], 'No hay espacio en este aparato para guardar una copia en la papelera. ¿Eliminar a Leo Ruiz y sus formularios para siempre? No se podrá deshacer.');
  assert.equal(await card.count(), 1, 'Leo is still there');

  // Yes and yes: Leo and his form go for good, with nothing to undo.
  answers = [true, true];
  await card.getByRole('button', { name: 'Eliminar' }).tap();
  await card.waitFor({ state: 'detached' });
  assert.equal(await failed.count(), 0, 'the old reason goes once it worked');
  assert.equal(await page.getByRole('button', { name: 'Deshacer' }).count(), 0);
  await page.waitForFunction(() => document.activeElement?.id === 'children-title');
  const left = () => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('family-forms:') && k.includes('dleo')));
  assert.deepEqual(await left(), [], 'nothing of his form stays');

  // A form deleted from its own page, the same way.
  await page.goto(env.url + '/doc/dloose');
  await ready(page);
  await page.evaluate(fillStorage);
  answers = [true, true];
  await page.getByRole('button', { name: 'Eliminar', exact: true }).tap();
  await page.waitForFunction(() => location.pathname === '/' && location.search === '');
  assert.equal(asked.at(-1), 'No hay espacio en este aparato para guardar una copia en la papelera. ¿Eliminar este formulario para siempre? No se podrá deshacer.');
  await ready(page);
  assert.equal(await page.evaluate(() => localStorage.getItem('family-forms:doc:dloose')), null, 'not saved again on the way out');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a full device gives up older versions to save what is being typed, and says so', async () => {
  const { page, context, errors } = await env.phone();
  // A document in use for weeks: twenty versions kept, each a long answer.
  const when = (days) => new Date(Date.UTC(2026, 10, 20) - days * 86400000).toISOString();
  const answers = { describe: { type: 'text', value: 'Curiosa y cariñosa. '.repeat(200) } };
  const doc = { format: 'family-forms/document', version: 2, document: {
    id: 'busy', form_id: 'seven-things', child_id: null, form_version: 1, answers,
    created: when(30), updated: when(0), revision: 20 } };
  const versions = Array.from({ length: 20 }, (_, i) => ({ revision: 20 - i, saved: when(i), answers }));
  await page.addInitScript(([d, h]) => {
    if (localStorage.getItem('family-forms:doc:busy')) return;
    localStorage.setItem('family-forms:doc:busy', d);
    localStorage.setItem('family-forms:history:busy', h);
  }, [JSON.stringify(doc), JSON.stringify(versions)]);
  await page.goto(env.url + '/doc/busy');
  await ready(page);
  await page.evaluate(fillStorage);
  await page.getByLabel("Your child's full name").fill('Valentina Rosario');
  await page.getByText('Saved on this device. It was full, so older versions of your forms were removed to make room.').waitFor();
  await page.reload();
  await ready(page);
  assert.equal(await page.getByLabel("Your child's full name").inputValue(), 'Valentina Rosario');
  await page.getByRole('button', { name: 'Earlier versions' }).tap();
  const kept = await page.locator('.history .doc-item').count();
  assert.ok(kept >= 5 && kept <= 6, `the newest versions stay: ${kept}`);
  await page.evaluate(freeStorage);
  assert.deepEqual(errors, []);
  await context.close();
});

test('delete goes to the trash and can be undone; a child and their forms too', async () => {
  const { page, context } = await env.phone();
  page.on('dialog', (d) => d.accept());
  await page.goto(env.url + '/form/seven-things');
  await page.waitForURL(/\/doc\//);
  await page.getByLabel("Your child's full name").fill('Undo Me');
  await page.getByRole('button', { name: 'Delete', exact: true }).tap();
  await page.getByRole('button', { name: 'Undo' }).tap();
  await page.locator('.doc-list a', { hasText: 'Seven things to tell the teacher' }).tap();
  assert.equal(await page.getByLabel("Your child's full name").inputValue(), 'Undo Me', 'typed text came back too');
  // Deleted again, Settings' trash says which document it was.
  await page.getByRole('button', { name: 'Delete', exact: true }).tap();
  await page.getByRole('button', { name: 'Undo' }).waitFor();
  await page.getByRole('link', { name: 'Settings' }).tap();
  const trash = page.locator('section[aria-labelledby="trash-title"]');
  const undoMe = trash.locator('li', { hasText: 'Seven things to tell the teacher — Undo Me' });
  await undoMe.waitFor();
  // …and "Delete forever" leaves nothing of it on this device (a shared one, perhaps).
  const forever = undoMe.getByRole('button', { name: 'Delete forever' });
  const describedBy = await forever.getAttribute('aria-describedby');
  assert.equal(await page.locator(`#${describedBy}`).innerText(), 'Seven things to tell the teacher — Undo Me', 'the button says which');
  await forever.tap();
  await trash.getByText('Nothing deleted.').waitFor();
  // The item is gone with its buttons: the page says what happened, and focus stays in the trash.
  await trash.getByRole('status').getByText('Seven things to tell the teacher — Undo Me was deleted for good.').waitFor();
  assert.equal(await page.evaluate(() => document.activeElement.id), 'trash-title');
  const left = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('family-forms:') && !/:(locale|children)$/.test(k)));
  assert.deepEqual(left, [], 'nothing of the document is left');

  await page.getByRole('link', { name: 'Family Forms' }).tap();
  await page.getByRole('button', { name: 'Add a child' }).tap();
  await page.getByLabel('Full name *').fill('Leo');
  await page.getByRole('button', { name: 'Save child' }).tap();
  await page.getByText('Start a form for Leo', { exact: true }).tap();
  await page.locator('.start-list').getByRole('link', { name: "Preparing for my child's PPT" }).tap();
  await page.waitForURL(/\/doc\//);
  assert.equal(await page.getByLabel("My child's full name").inputValue(), 'Leo');
  await page.getByRole('link', { name: 'Family Forms' }).tap();
  const deleteLeo = page.getByRole('button', { name: 'Delete child' });
  assert.equal(await page.locator(`#${await deleteLeo.getAttribute('aria-describedby')}`).innerText(), 'Leo', 'the button says whose');
  await deleteLeo.focus();
  await page.keyboard.press('Enter');
  assert.equal(await page.getByRole('heading', { name: 'Leo' }).count(), 0);
  assert.equal(await page.locator('.doc-list a', { hasText: "Preparing for my child's PPT" }).count(), 0, "Leo's form left home with him");
  // Home offers to undo at once, where the keyboard already is…
  await page.waitForFunction(() => document.activeElement?.id === 'home-undo');
  await page.keyboard.press('Enter');
  await page.locator('.child-card', { hasText: 'Leo' }).getByRole('link', { name: "Preparing for my child's PPT" }).waitFor();
  assert.equal(await page.evaluate(() => document.activeElement.id), 'children-title', 'focus stays on the list');
  // …and Settings' trash can bring him back later.
  await page.getByRole('button', { name: 'Delete child' }).tap();
  await page.getByRole('link', { name: 'Settings' }).tap();
  const deleted = page.locator('section[aria-labelledby="trash-title"]');
  await deleted.getByText('Leo').waitFor();
  // A device that refuses the write says so, and Leo stays in the trash.
  await page.evaluate(() => {
    window.__setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = () => { throw new DOMException('full', 'QuotaExceededError'); };
  });
  await deleted.locator('li', { hasText: 'Leo' }).getByRole('button', { name: 'Restore' }).tap();
  await deleted.getByRole('status').locator('.banner-error').getByText("Could not save: this device's storage is full.", { exact: true }).waitFor();
  await page.evaluate(() => { Storage.prototype.setItem = window.__setItem; });
  await deleted.locator('li', { hasText: 'Leo' }).getByRole('button', { name: 'Restore' }).tap();
  await deleted.getByRole('status').getByText('Leo is back on the home page.').waitFor();
  assert.equal(await page.evaluate(() => document.activeElement.id), 'trash-title');
  await page.getByRole('link', { name: 'Family Forms' }).tap();
  const leo = page.locator('.child-card', { hasText: 'Leo' });
  await leo.getByRole('link', { name: "Preparing for my child's PPT" }).waitFor();
  await context.close();
});

test('an earlier version can be brought back, and that can be undone', async () => {
  const { page, context } = await env.phone();
  // Two saves more than two minutes apart make two versions; the clock is the page's own.
  await page.clock.install({ time: new Date('2026-11-23T09:00:00Z') });
  await page.goto(env.url + '/form/seven-things');
  await page.waitForURL(/\/doc\//);
  await ready(page);
  const teacher = page.getByLabel("Teacher's name");
  await teacher.fill('First teacher');
  await page.clock.runFor(1000);
  await page.getByText('Saved on this device').waitFor();
  await page.clock.fastForward('05:00');
  await teacher.fill('Second teacher');
  await page.clock.runFor(1000);
  await page.getByRole('button', { name: 'Earlier versions' }).tap();
  const versions = page.locator('.history .doc-item');
  assert.equal(await versions.count(), 2);
  await versions.last().getByRole('button', { name: 'Restore this version' }).tap();
  assert.equal(await teacher.inputValue(), 'First teacher');
  // The list closes with the tapped button in it: the page says what happened, and the focus
  // goes back to "Earlier versions".
  await page.getByRole('status').getByText('The earlier version is back.', { exact: false }).waitFor();
  await page.waitForFunction(() => document.activeElement?.id === 'history-button');
  await page.clock.runFor(1000);
  await page.reload();
  await ready(page);
  assert.equal(await page.getByLabel("Teacher's name").inputValue(), 'First teacher');
  await context.close();
});

test('a backup made on one device restores everything on another, and erase empties a shared device', async () => {
  const one = await env.phone();
  await one.page.goto(env.url + '/form/partnership-plan');
  await one.page.waitForURL(/\/doc\//);
  await one.page.getByLabel("Student's name").fill('Sofía Ortiz');
  await one.page.getByText('Saved on this device').waitFor();
  await one.page.getByRole('link', { name: 'Settings' }).tap();
  await one.page.getByText(/Your children, forms and answers take \d+% of the room this browser keeps for them\./).waitFor();
  const [download] = await Promise.all([
    one.page.waitForEvent('download'),
    one.page.getByRole('button', { name: 'Download a backup' }).tap(),
  ]);
  assert.match(download.suggestedFilename(), /^family-forms-backup-\d{4}-\d{2}-\d{2}\.json$/);
  const file = join(ARTIFACTS, 'backup.json');
  await download.saveAs(file);

  const two = await env.phone('es-ES');
  await two.page.goto(env.url + '/settings');
  await ready(two.page);
  // On a full device the restore stops, and says how to finish it.
  await two.page.evaluate(fillStorage);
  await two.page.locator('#restore-file').setInputFiles(file);
  await two.page.getByText('La copia de seguridad no se recuperó por completo: el espacio de este aparato está lleno. Libere espacio y vuelva a recuperar el mismo archivo: lo que ya volvió no se agrega dos veces.').waitFor();
  await two.page.evaluate(freeStorage);
  await two.page.locator('#restore-file').setInputFiles(file);
  await two.page.getByText('Restaurado: 0 hijos, 1 documento y 0 formularios.').waitFor();
  await two.page.locator('#restore-file').setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('{"hello":1}') });
  await two.page.getByText('Este archivo no es una copia de seguridad de Family Forms.').waitFor();
  await two.page.getByRole('link', { name: 'Family Forms' }).tap();
  await two.page.getByRole('link', { name: 'Nuestro plan de colaboración' }).first().tap();
  assert.equal(await two.page.getByLabel('Nombre del estudiante').inputValue(), 'Sofía Ortiz');

  two.page.on('dialog', (d) => d.accept());
  await two.page.getByRole('link', { name: 'Configuración' }).tap();
  // A file shared to the app from another app, never opened, waits in a cache of its own.
  await two.page.evaluate(async () => (await caches.open('ff-shared-files')).put('/shared-file/0', new Response('{"child":"Sofía"}')));
  await Promise.all([
    two.page.waitForNavigation(),
    two.page.getByRole('button', { name: 'Borrar todo en este aparato' }).tap(),
  ]);
  await ready(two.page);
  const left = await two.page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('family-forms:')));
  assert.deepEqual(left, []);
  assert.equal(await two.page.evaluate(async () => (await caches.keys()).includes('ff-shared-files')), false, 'nor a shared file never opened');
  await one.context.close();
  await two.context.close();
});

/** Adds a child on home through "Add a child", as a parent would. */
async function addChild(page, name, { preferred, birth, grade } = {}) {
  await page.getByRole('button', { name: 'Add a child' }).tap();
  // The form puts the focus in its name box on the next frame: typing elsewhere before that
  // would land there.
  await page.waitForFunction(() => document.activeElement?.id === 'child-name');
  await page.getByLabel('Full name *').fill(name);
  if (preferred) await page.getByLabel('The name they like to be called').fill(preferred);
  if (birth) await page.getByLabel('Date of birth').fill(birth);
  if (grade) await page.getByLabel('Grade').selectOption(grade);
  await page.getByRole('button', { name: 'Save child' }).tap();
}

/** The references by id on the page (`aria-describedby`, `aria-labelledby`, a label's `for`)
 * that name no element: a screen reader would read nothing, or the wrong thing, for them. */
function danglingReferences(page) {
  return page.evaluate(() => {
    const dangling = [];
    for (const el of document.querySelectorAll('[aria-describedby], [aria-labelledby]')) {
      for (const attr of ['aria-describedby', 'aria-labelledby']) {
        for (const id of (el.getAttribute(attr) ?? '').split(/\s+/).filter(Boolean)) {
          if (!document.getElementById(id)) dangling.push(`${attr}=${id}`);
        }
      }
    }
    for (const label of document.querySelectorAll('label[for]')) {
      if (!document.getElementById(label.htmlFor)) dangling.push(`for=${label.htmlFor}`);
    }
    return dangling;
  });
}

test('a backup edited by hand, its ids holding / ? # % and spaces, restores a child and a document that open', async () => {
  // The app makes plain ids, but a backup is a file anyone can edit: its ids go into addresses,
  // and into the ids that tie a button or a box to the words that describe it.
  const { page, context, errors } = await env.phone();
  const childId = 'c/1?x#y%41 z';
  const doc = {
    answers: {
      child_name: { type: 'text', value: 'Ana Ruiz' },
      data: { type: 'rows', rows: [{ id: 'r 1', cells: { assessment: { type: 'text', value: 'Reading check' }, date: { type: 'text', value: 'soon' } } }] },
      // An answer the edit broke: the document comes back without it, and the report says so.
      teacher: { type: 'text', value: 5 },
    },
    child_id: childId,
    created: '2026-11-20T10:00:00Z', form_id: 'partnership-plan', form_version: 1,
    id: 'd/2?#%41 b', revision: 1, updated: '2026-11-20T10:00:00Z',
  };
  const backup = {
    format: 'family-forms/backup', version: 1, created: '2026-11-20T10:00:00Z',
    children: [{ id: childId, name: 'Ana Ruiz', birth_date: '2021-05-06', grade: 'k' }],
    documents: [{ format: 'family-forms/document', version: 2, document: doc }], forms: [],
  };
  await page.goto(env.url + '/settings');
  await ready(page);
  await page.locator('#restore-file').setInputFiles({ name: 'edited.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(backup)) });
  await page.getByText('Restored: 1 child, 1 document and 0 forms. 1 answer in the backup could not be read and was left out: its document is back without it.').waitFor();
  await page.getByRole('link', { name: 'Family Forms' }).tap();
  const card = page.locator('.child-card', { hasText: 'Ana Ruiz' });
  await card.waitFor();
  assert.deepEqual(await danglingReferences(page), [], 'home: "Delete child" is described by the name');
  assert.equal(await card.locator('.delete-child').evaluate((b) => document.getElementById(b.getAttribute('aria-describedby')).textContent), 'Ana Ruiz');
  await card.getByRole('link', { name: 'Our partnership plan' }).tap();
  await page.getByLabel("Student's name").waitFor();
  assert.equal(await page.getByLabel("Student's name").inputValue(), 'Ana Ruiz');
  assert.equal(await page.getByLabel('Teacher', { exact: true }).inputValue(), '', 'left out');
  await page.getByLabel("Student's name").fill('Ana Ruiz Soto');
  await page.getByText('Saved on this device').waitFor();
  await page.reload();
  await ready(page);
  assert.equal(await page.getByLabel("Student's name").inputValue(), 'Ana Ruiz Soto', 'the address brings the same document back');
  // The row whose id holds a space: its date, not a date, is named by "Check my form", and the
  // box is tied to its label and to the problem under it.
  await page.getByRole('button', { name: 'Check my form' }).tap();
  await page.getByRole('button', { name: /The student's data, Result 1, Date: Enter a real date/ }).tap();
  const date = page.getByLabel('Date', { exact: true });
  await date.waitFor();
  assert.equal(await date.inputValue(), '', 'a date box shows no text that is not a date');
  assert.deepEqual(await danglingReferences(page), []);
  const described = await date.evaluate((e) => e.getAttribute('aria-describedby').split(/\s+/).map((id) => document.getElementById(id).textContent));
  assert.deepEqual(described, ['Enter a real date.']);
  await page.getByRole('link', { name: 'Family Forms' }).tap();
  await card.getByText('Start a form for Ana Ruiz', { exact: true }).tap();
  await card.locator('.start-list').getByRole('link', { name: 'Getting to Know My Child' }).tap();
  await page.waitForURL(/\/doc\/d[0-9a-f]+$/);
  assert.equal(await page.getByLabel("My child's full name").inputValue(), 'Ana Ruiz');
  assert.equal(await page.getByLabel('Date of birth').inputValue(), '2021-05-06');
  assert.deepEqual(errors, []);
  await context.close();
});

test('when saving fails, one tap downloads a copy of the answers', async () => {
  const { page, context } = await env.phone();
  await page.goto(env.url + '/form/seven-things');
  await page.waitForURL(/\/doc\//);
  await ready(page);
  await page.evaluate(() => {
    const real = Storage.prototype.setItem;
    Storage.prototype.setItem = function (k, v) {
      if (k.startsWith('family-forms:doc:')) throw new DOMException('full', 'QuotaExceededError');
      return real.call(this, k, v);
    };
  });
  await page.getByLabel("Your child's full name").fill('Nadia');
  await page.getByText("Could not save: this device's storage is full.", { exact: false }).waitFor();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download a copy of my answers' }).tap(),
  ]);
  assert.match(download.suggestedFilename(), /^seven-things-to-tell-the-teacher-\d{4}-\d{2}-\d{2}\.json$/);
  const text = await downloadedText(download);
  assert.match(text, /"child_name":\{"type":"text","value":"Nadia"\}/);
  await context.close();
});

/** Has the browser answer `granted` when asked to keep the site's data, and note in
 * `window.__keepAsked` the page each request came from. */
async function answerKeepRequests(context, granted) {
  await context.addInitScript((granted) => {
    window.__keepAsked = [];
    navigator.storage.persist = () => { window.__keepAsked.push(location.pathname); return Promise.resolve(granted); };
  }, granted);
}

test('once something is saved the browser is asked to keep the data, never while a form is open; Settings says its answer', async () => {
  const { page, context, errors } = await env.phone();
  await answerKeepRequests(context, true);
  const asked = () => page.evaluate(() => window.__keepAsked);
  const idle = () => page.evaluate(() => new Promise((done) => requestIdleCallback(() => setTimeout(done, 300))));

  // A first visit that only looks around asks nothing.
  await page.goto(env.url + '/');
  await ready(page);
  await idle();
  assert.deepEqual(await asked(), []);

  // Typing in a form saves it, but the question waits until the form is left.
  await page.goto(env.url + '/form/seven-things');
  await page.waitForURL(/\/doc\//);
  await ready(page);
  await page.getByLabel("Your child's full name").fill('Nadia');
  await page.getByText('Saved on this device').waitFor();
  await idle();
  assert.deepEqual(await asked(), []);
  await page.getByRole('link', { name: 'Family Forms' }).tap();
  await page.waitForFunction(() => window.__keepAsked.length > 0);
  await idle();
  assert.deepEqual(await asked(), ['/'], 'asked once, on home');

  // The next visit asks at start, as the device holds a document now; Settings says the answer.
  await page.reload();
  await ready(page);
  await page.waitForFunction(() => window.__keepAsked.length > 0);
  await page.getByRole('link', { name: 'Settings' }).tap();
  await page.getByText('The browser will keep this data even when space runs low.').waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('a first child saved on home is reason enough to ask the browser to keep the data', async () => {
  const { page, context, errors } = await env.phone();
  await answerKeepRequests(context, false);
  await page.goto(env.url + '/');
  await ready(page);
  await page.getByRole('button', { name: 'Add a child' }).tap();
  await page.getByLabel('Full name *').fill('Leo');
  await page.getByRole('button', { name: 'Save child' }).tap();
  await page.getByRole('heading', { name: 'Leo', exact: true }).waitFor();
  await page.waitForFunction(() => window.__keepAsked.length > 0);
  assert.deepEqual(await page.evaluate(() => window.__keepAsked), ['/']);
  // Refused: Settings says the data may be cleared, and what to do about it.
  await page.getByRole('link', { name: 'Settings' }).tap();
  await page.getByText('The browser may clear this data if space runs low. Download a backup now and then.').waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test("Settings says how much of the browser's room the saved forms take, and warns before it runs out", async () => {
  const { page, context, errors } = await env.phone();
  await page.goto(env.url + '/form/seven-things');
  await page.waitForURL(/\/doc\//);
  await ready(page);
  await page.getByLabel("Your child's full name").fill('Nadia');
  await page.getByText('Saved on this device').waitFor();
  await page.getByRole('link', { name: 'Settings' }).tap();
  // One small document: under 1% of Chrome's 5 MiB of characters, shown as 1%.
  await page.getByText('Your children, forms and answers take 1% of the room this browser keeps for them.').waitFor();
  // The versions kept of it are counted apart, as they give way when room runs out.
  assert.match(await page.locator('.usage').innerText(), /them\. Earlier versions of your forms take 1% more, and give way when room runs out\.$/);
  assert.equal(await page.getByRole('alert').count(), 0);

  // Four million more characters on this site (say, left by an older page): 77% taken.
  await page.evaluate(() => localStorage.setItem('another-page-on-this-site', 'x'.repeat(4_000_000)));
  await page.getByRole('link', { name: 'Family Forms' }).tap();
  await page.getByRole('link', { name: 'Settings' }).tap();
  await page.getByText('Your children, forms and answers take 77% of the room', { exact: false }).waitFor();
  assert.equal(await page.getByRole('alert').innerText(),
    'Room is running out. Download a backup, then delete the forms you no longer need, and under “Deleted” below, delete them forever.');
  assert.deepEqual(errors, []);
  await context.close();

  // Safari keeps half as many characters: 1.5 million are 58% of an iPhone's room.
  const IPHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';
  const iphone = await env.browser.newContext({ ...PHONE, userAgent: IPHONE });
  const other = await iphone.newPage();
  await other.goto(env.url + '/');
  await ready(other);
  await other.evaluate(() => localStorage.setItem('another-page-on-this-site', 'x'.repeat(1_500_000)));
  await other.getByRole('link', { name: 'Settings' }).tap();
  await other.getByText('Your children, forms and answers take 58% of the room', { exact: false }).waitFor();
  await iphone.close();
});

test('two tabs editing at once: the stale one never overwrites, both versions are kept', async () => {
  const { context, a, b } = await twoTabsOnOneDocument();
  // Both tabs start from the same saved version and both change it before seeing the other's
  // save. Whichever saves second is the stale one: it must not overwrite, it keeps a copy.
  await b.getByLabel("Teacher's name").fill('Typed in B');
  await a.getByLabel("Teacher's name").fill('Typed in A');
  const banner = 'Both versions are kept';
  await Promise.race([a.getByText(banner, { exact: false }).waitFor(), b.getByText(banner, { exact: false }).waitFor()]);
  const docs = await a.evaluate(() => Object.entries(localStorage)
    .filter(([k]) => k.startsWith('family-forms:doc:'))
    .map(([, v]) => JSON.parse(v).document.answers.teacher?.value)
    .sort());
  assert.deepEqual(docs, ['Typed in A', 'Typed in B'], 'both versions are saved, each in its own document');
  for (const [page, text] of [[a, 'Typed in A'], [b, 'Typed in B']]) {
    await page.reload();
    await ready(page);
    assert.equal(await page.getByLabel("Teacher's name").inputValue(), text, 'each tab goes on with its own version');
  }
  await context.close();
});

test('after a week of use home suggests a backup; a download or "Not now" puts it to rest', async () => {
  // A document last edited ten days ago, never backed up.
  const sent = JSON.parse(SENT_FILE.toString());
  const tenDaysAgo = new Date(Date.now() - 10 * 86400000).toISOString();
  const saved = JSON.stringify({ format: sent.format, version: sent.version, document: { ...sent.document, updated: tenDaysAgo } });
  for (const choice of ['download', 'not now']) {
    const { page, context, errors } = await env.phone();
    await page.addInitScript((doc) => {
      if (!localStorage.getItem('family-forms:doc:d-sent')) localStorage.setItem('family-forms:doc:d-sent', doc);
    }, saved);
    await page.goto(env.url + '/');
    await ready(page);
    const reminder = page.locator('.backup-reminder');
    await reminder.getByText('Your forms are kept only on this device.', { exact: false }).waitFor();
    if (choice === 'download') {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        reminder.getByRole('button', { name: 'Download a backup' }).tap(),
      ]);
      assert.match(download.suggestedFilename(), /^family-forms-backup-\d{4}-\d{2}-\d{2}\.json$/);
      assert.ok((await downloadedText(download)).includes('Curiosa y cariñosa.'), 'the answers are in it');
      await reminder.getByText('The backup is in your downloads.', { exact: false }).waitFor();
    } else {
      await reminder.getByRole('button', { name: 'Not now' }).tap();
      await reminder.waitFor({ state: 'detached' });
    }
    // The tapped button is gone either way: the focus goes to the page's heading.
    await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
    await page.reload();
    await ready(page);
    await page.locator('.doc-list a').first().waitFor();
    assert.equal(await reminder.count(), 0, `after "${choice}", not again this month`);
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('with many children and documents, home finds one by name, accents and case aside', async () => {
  const { page, context, errors } = await env.phone();
  const names = ['Mía Núñez', 'Leo Ruiz', 'Ana Pérez', 'Beto Cruz', 'Sofía Ortiz', 'Kai Lee', 'Noa Gil', 'Eli Paz'];
  await page.addInitScript((names) => {
    if (localStorage.getItem('family-forms:children')) return;
    localStorage.setItem('family-forms:children', JSON.stringify({
      format: 'family-forms/children', version: 1,
      children: names.map((name, i) => ({ id: `c${i}`, name, preferred_name: name.split(' ')[0], birth_date: '', grade: 'k', school: '' })),
    }));
  }, names);
  await page.goto(env.url + '/');
  await ready(page);
  // The cards a person sees: a search hides the ones it leaves out.
  const cards = page.locator('.child-card:visible');
  assert.equal(await cards.count(), 8);
  // Each card's element, marked, to tell whether the search draws it anew.
  await page.evaluate(() => document.querySelectorAll('.child-card').forEach((c, i) => { c.__mark = i; }));
  const find = page.getByLabel('Find a child or a form');
  // Typed key by key, as a person does: the box keeps the focus while the lists narrow.
  await find.tap();
  await page.keyboard.type('NUNEZ', { delay: 30 });
  assert.equal(await find.inputValue(), 'NUNEZ');
  await page.waitForFunction(() => [...document.querySelectorAll('.child-card')].filter((c) => c.checkVisibility()).length === 1);
  assert.equal(await cards.locator('h3').innerText(), 'Mía');
  await find.fill('zz');
  await page.getByText('Nothing here matches “zz”.').waitFor();
  assert.equal(await cards.count(), 0);
  // Rubbed out key by key: every card comes back, the very one drawn before the search.
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  await page.waitForFunction(() => [...document.querySelectorAll('.child-card')].filter((c) => c.checkVisibility()).length === 8);
  assert.deepEqual(await page.evaluate(() => [...document.querySelectorAll('.child-card')].map((c) => c.__mark)), [0, 1, 2, 3, 4, 5, 6, 7]);
  assert.deepEqual(await cards.locator('h3').allInnerTexts(), ['Mía', 'Leo', 'Ana', 'Beto', 'Sofía', 'Kai', 'Noa', 'Eli']);
  // Typed fast, keys come quicker than the lists follow: the box keeps every letter, and the
  // list ends narrowed by all of them.
  await page.keyboard.type('leo r', { delay: 0 });
  assert.equal(await find.inputValue(), 'leo r');
  await page.waitForFunction(() => [...document.querySelectorAll('.child-card')].filter((c) => c.checkVisibility()).length === 1);
  assert.equal(await cards.locator('h3').innerText(), 'Leo');
  assert.deepEqual(errors, []);
  await context.close();
});

test("on a teacher's device, home's search narrows the families' kept files and brings the same ones back", async () => {
  const { page, context, errors } = await env.phone();
  const names = ['Mía Núñez', 'Leo Ruiz', 'Ana Pérez', 'Beto Cruz', 'Sofía Ortiz', 'Kai Lee', 'Noa Gil', 'Eli Paz'];
  // Files received from eight families and kept: documents of no child on this device.
  await page.addInitScript((names) => {
    if (localStorage.getItem('family-forms:doc:kept0')) return;
    names.forEach((name, i) => localStorage.setItem(`family-forms:doc:kept${i}`, JSON.stringify({
      format: 'family-forms/document', version: 2,
      document: {
        id: `kept${i}`, form_id: 'seven-things', child_id: null, form_version: 1, revision: 1,
        created: '2026-11-20T10:00:00Z', updated: `2026-11-2${i}T10:00:00Z`,
        answers: { child_name: { type: 'text', value: name } },
      },
    })));
  }, names);
  await page.goto(env.url + '/');
  await ready(page);
  const others = page.getByRole('region', { name: 'Other documents' });
  const files = others.locator('.doc-item:visible');
  assert.equal(await files.count(), 8);
  await page.evaluate(() => document.querySelectorAll('.doc-item').forEach((item, i) => { item.__mark = i; }));
  const find = page.getByLabel('Find a child or a form');
  await find.tap();
  await page.keyboard.type('ruiz', { delay: 30 });
  await page.waitForFunction(() => [...document.querySelectorAll('.doc-item')].filter((c) => c.checkVisibility()).length === 1);
  assert.equal(await files.locator('a').innerText(), 'Seven things to tell the teacher — Leo Ruiz');
  await find.fill('zz');
  await page.getByText('Nothing here matches “zz”.').waitFor();
  // The heading goes too: no "Other documents" over an empty list.
  assert.equal(await page.getByRole('heading', { name: 'Other documents' }).count(), 0);
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  await page.waitForFunction(() => [...document.querySelectorAll('.doc-item')].filter((c) => c.checkVisibility()).length === 8);
  assert.deepEqual(await page.evaluate(() => [...document.querySelectorAll('.doc-item')].map((c) => c.__mark)), [0, 1, 2, 3, 4, 5, 6, 7]);
  // And each still opens its document.
  await files.filter({ hasText: 'Noa Gil' }).locator('a').tap();
  await page.waitForURL(/\/doc\/kept6$/);
  assert.deepEqual(errors, []);
  await context.close();
});
