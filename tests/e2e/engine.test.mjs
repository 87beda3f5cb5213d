// The form engine as a person meets it on a phone: add a school's form from a file, then fill
// one question of every kind, add and remove rows, and watch progress and problems react.
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { test, start, ready, downloadedText, ARTIFACTS, ROOT } from './harness.mjs';

const EVERY_KIND = readFileSync(join(ROOT, 'tests', 'fixtures', 'every-kind.json'));

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

async function addFormFile(page, name, buffer) {
  await page.locator('#add-form-file').setInputFiles({ name, mimeType: 'application/json', buffer });
}

test('a broken form file is refused with the place of the problem, in Spanish too', async () => {
  const { page, context, errors } = await env.phone('es-MX');
  await page.goto(env.url + '/');
  await ready(page);
  assert.equal(await page.locator('html').getAttribute('lang'), 'es');
  const bad = JSON.parse(EVERY_KIND);
  bad.sections[0].fields[2].kind = 'dat';
  await addFormFile(page, 'bad.json', Buffer.from(JSON.stringify(bad)));
  const banner = page.locator('.banner-error');
  await banner.waitFor();
  const text = await banner.innerText();
  assert.match(text, /No se puede agregar este archivo de formulario/);
  assert.match(text, /sections\[0\]\.fields\[2\]\.kind: tipo desconocido "dat"/);
  await addFormFile(page, 'nope.json', Buffer.from('<script>alert(1)</script>'));
  await page.getByText('no es un archivo de formulario válido').waitFor();
  assert.equal(await page.locator('.form-card').count(), 9, 'only the shipped forms: nothing half-loaded');
  assert.deepEqual(errors, []);
  await context.close();
});

test('every kind of question can be filled on a phone', async () => {
  const { page, context, errors } = await env.phone();
  await page.goto(env.url + '/');
  await ready(page);
  await addFormFile(page, 'every-kind.json', EVERY_KIND);
  await page.getByText('Added “Every kind of question”.').waitFor();
  await page.getByRole('link', { name: 'Every kind of question' }).tap();
  await page.waitForURL(/\/doc\/d[0-9a-f]+$/);
  const progress = page.locator('.progress-words');
  assert.equal(await progress.innerText(), '0 of 15 answered · 2 required left');

  // Section 1: text-like kinds.
  await page.getByLabel('Full name').fill('Mia Ruiz');
  await page.getByLabel('Tell us a story').fill('She loves frogs.');
  await page.getByLabel('Birth date').fill('2021-03-04');
  const age = page.getByLabel('Age', { exact: true });
  assert.equal(await age.getAttribute('inputmode'), 'decimal');
  await age.fill('30');
  await page.getByLabel('Email', { exact: true }).fill('rosa@');
  assert.equal(await page.getByLabel('Email', { exact: true }).getAttribute('type'), 'email');
  await page.getByLabel('Phone', { exact: true }).fill('860 555 0100');
  await page.getByLabel('Phone', { exact: true }).blur();
  // Wrong formats show once the field is left, tied to the input for screen readers.
  await page.getByText('Must be 21 or less.').waitFor();
  await page.getByText('Enter an email like name@example.com.').waitFor();
  assert.equal(await page.getByLabel('Email', { exact: true }).getAttribute('aria-invalid'), 'true');
  assert.match(await page.getByLabel('Email', { exact: true }).getAttribute('aria-describedby'), /f-email-error/);
  await age.fill('5');
  await page.getByLabel('Email', { exact: true }).fill('rosa@example.org');
  await page.getByLabel('Email', { exact: true }).blur();
  assert.equal(await page.locator('.field-error:not(:empty)').count(), 0);
  assert.equal(await progress.innerText(), '6 of 15 answered · 1 required left');

  await page.getByRole('button', { name: 'Next →' }).tap();
  // Section 2: choices.
  await page.getByRole('heading', { name: 'Choices' }).waitFor();
  await page.getByLabel('Other', { exact: true }).first().check();
  await page.getByLabel('Other, please say').first().fill('Bike');
  await page.getByLabel('Grade').selectOption('k');
  await page.getByLabel('Spanish').check();
  assert.equal(await page.getByLabel('What should the teacher do?').count(), 0, 'hidden until yes');
  await page.getByRole('radiogroup').or(page.locator('fieldset', { hasText: 'Does your child have allergies?' })).first()
    .getByLabel('Yes', { exact: true }).check();
  await page.getByLabel('Which ones, and what happens?').fill('Peanuts');
  await page.getByLabel('What should the teacher do?').fill('Call me');
  await page.locator('fieldset', { hasText: 'How excited' }).getByLabel('4').check();
  assert.equal(await progress.innerText(), '12 of 16 answered');

  await page.getByRole('button', { name: 'Next →' }).tap();
  // Section 3: checklist, rows, derived, info, signature.
  await page.getByRole('heading', { name: 'Lists and tables' }).waitFor();
  await page.getByLabel('Talk with my child').check();
  await page.locator('#f-prep-date').fill('2026-11-01');
  // Untick it: the date stays in sight, as it stays in every copy ("Not yet", with the date).
  await page.getByLabel('Talk with my child').uncheck();
  assert.equal(await page.locator('#f-prep-date').isVisible(), true);
  await page.getByLabel('Talk with my child').check();
  const add = page.getByRole('button', { name: 'Add a person' });
  await add.tap();
  await add.tap();
  await add.tap();
  assert.equal(await page.locator('.row-card').count(), 3);
  assert.equal(await add.isDisabled(), true, 'max 3 rows');
  await page.locator('#f-household-r1-who').fill('Ana');
  await page.locator('#f-household-r2-who').fill('Luis');
  await page.getByRole('button', { name: 'Move down Who lives at home 1' }).tap();
  assert.equal(await page.locator('.row-card').first().locator('input').first().inputValue(), 'Luis');
  await page.getByRole('button', { name: 'Remove Who lives at home 3' }).tap();
  assert.equal(await page.locator('.row-card').count(), 2);
  assert.equal(await add.isDisabled(), false);
  await page.getByLabel('Start date').fill('2026-09-01');
  await page.getByText('October 31, 2026').waitFor();
  await page.getByText('Your answers stay on this device.').waitFor();
  await page.getByLabel('Full name').last().fill('Rosa Ruiz');
  assert.equal(await progress.innerText(), '16 of 16 answered');

  await page.getByRole('button', { name: 'Check my form' }).tap();
  await page.getByText('Everything needed is filled in.').waitFor();
  await page.screenshot({ path: join(ARTIFACTS, 'engine-every-kind.png'), fullPage: true });

  // Everything is still there after a reload, back at the section the person left, and
  // switching language changes no answer.
  await page.reload();
  await ready(page);
  await page.getByRole('button', { name: 'Español' }).tap();
  await page.getByText('16 de 16 respondidas').waitFor();
  assert.equal(await page.getByLabel('Nombre completo').inputValue(), 'Rosa Ruiz');
  await page.locator('.section-list summary').tap();
  await page.locator('.section-link').first().tap();
  assert.equal(await page.getByLabel('Nombre completo').inputValue(), 'Mia Ruiz');
  // The list folds away with the tapped button in it; the focus goes to the section's heading.
  await page.waitForFunction(() => document.activeElement?.id === 'section-title');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a school form with 60 questions in one section shows its first ones at once, then all; "Check my form" reaches the last', async () => {
  const { page, context, errors } = await env.phone();
  await page.goto(env.url + '/');
  await ready(page);
  const fields = Array.from({ length: 60 }, (_, i) => ({
    id: `q${i}`, kind: 'short_text', required: i === 59,
    label: { en: `Question ${i + 1}`, es: `Pregunta ${i + 1}` },
  }));
  const long = { id: 'long-one', version: 1, title: { en: 'A long form', es: 'Un formulario largo' },
    sections: [{ id: 's', title: { en: 'Everything', es: 'Todo' }, fields }] };
  await addFormFile(page, 'long.json', Buffer.from(JSON.stringify(long)));
  await page.getByRole('link', { name: 'A long form' }).tap();
  await page.getByLabel('Question 1', { exact: true }).fill('first');
  // The rest arrive over the next frames, in order, each once.
  await page.getByLabel('Question 60').waitFor();
  const ids = await page.locator('.form-section input').evaluateAll((els) => els.map((e) => e.id));
  assert.deepEqual(ids, fields.map((f) => `f-${f.id}`));
  // Opened again, "Check my form" at once still reaches the last question.
  await page.getByRole('link', { name: 'Family Forms' }).tap();
  await page.locator('a[href="/form/long-one"]').tap();
  await page.getByRole('button', { name: 'Check my form' }).tap();
  await page.getByRole('button', { name: /Question 60/ }).tap();
  await page.waitForFunction(() => document.activeElement?.id === 'f-q59');
  assert.equal(await page.getByLabel('Question 1', { exact: true }).inputValue(), 'first');
  assert.deepEqual(errors, []);
  await context.close();
});

test('"Check my form" lists what is missing and jumps to it', async () => {
  const { page, context } = await env.phone();
  await page.goto(env.url + '/form/seven-things');
  await ready(page);
  await page.getByRole('button', { name: 'Next →' }).tap();
  await page.getByRole('button', { name: 'Check my form' }).tap();
  await page.getByText('3 things to look at:').waitFor();
  await page.getByRole('button', { name: /Health — Does your child have any allergies/ }).tap();
  await page.getByRole('heading', { name: '1. Health' }).waitFor();
  // Focus moves on the frame after the section is drawn.
  await page.waitForFunction(() => document.activeElement?.id === 'f-allergies', null, { timeout: 5000 });
  await page.getByText('This question needs an answer.').first().waitFor();
  await context.close();
});

test('rows follow the person: a new row takes typing at once, focus moves with a moved row, and Undo brings back a removed one', async () => {
  const { page, context, errors } = await env.phone();
  await page.goto(env.url + '/form/getting-to-know-my-child');
  await ready(page);
  await page.getByRole('button', { name: 'Next →' }).tap();
  const add = page.getByRole('button', { name: 'Add a person' });
  const names = () => page.locator('.row-card').evaluateAll((cards) => cards.map((c) => c.querySelector('input').value));
  const focusOn = (label) => page.waitForFunction((l) => (document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent) === l, label);
  // A new row's first box takes the typing, as a person expects after "Add".
  for (const [n, name] of [[1, 'Ana'], [2, 'Luis']]) {
    await add.tap();
    await page.waitForFunction((n) => document.activeElement === document.querySelectorAll('.row-card')[n - 1]?.querySelector('input'), n);
    await page.keyboard.type(name);
  }
  assert.deepEqual(await names(), ['Ana', 'Luis']);
  // Each card is titled by what one row is, not by the question again.
  const titles = () => page.locator('.row-card .row-title').allInnerTexts();
  assert.deepEqual(await titles(), ['Person 1', 'Person 2']);

  // With the keyboard, focus goes along with the row that moved.
  await page.getByRole('button', { name: 'Move down Person 1' }).focus();
  await page.keyboard.press('Enter');
  await focusOn('Move up Person 2');
  assert.deepEqual(await names(), ['Luis', 'Ana'], 'Ana is last now, so her other arrow has the focus');
  assert.deepEqual(await titles(), ['Person 1', 'Person 2'], 'a card is numbered by its place');
  await page.keyboard.press('Enter');
  await focusOn('Move down Person 1');
  assert.deepEqual(await names(), ['Ana', 'Luis']);

  // A stray tap on "Remove": Undo brings the row back, answers and place.
  await page.getByRole('button', { name: 'Remove Person 1' }).tap();
  assert.deepEqual(await names(), ['Luis']);
  const undo = page.locator('.rows-undo');
  await undo.getByText('Row removed.').waitFor();
  await focusOn('Undo');
  await undo.getByRole('button', { name: 'Undo' }).tap();
  await page.waitForFunction(() => document.querySelectorAll('.row-card').length === 2);
  assert.deepEqual(await names(), ['Ana', 'Luis']);
  assert.equal(await undo.innerText(), '', 'the offer goes once used');
  await page.getByText('Saved on this device').waitFor();
  await page.reload();
  await ready(page);
  await page.getByRole('heading', { name: 'Our family' }).waitFor();
  assert.deepEqual(await names(), ['Ana', 'Luis'], 'the row that came back was saved');

  // A row with nothing in it goes without an offer to undo; focus goes to "Add".
  await add.tap();
  await page.getByRole('button', { name: 'Remove Person 3' }).tap();
  await focusOn('Add a person');
  assert.equal(await undo.innerText(), '');
  assert.deepEqual(await names(), ['Ana', 'Luis']);
  assert.deepEqual(errors, []);
  await context.close();
});

test('an optional choice tapped by mistake can be cleared, and the clearing undone', async () => {
  const { page, context, errors } = await env.phone();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.url });
  await page.goto(env.url + '/form/getting-to-know-my-child');
  await page.waitForURL(/\/doc\//);
  await ready(page);
  await page.getByLabel("My child's full name").fill('Amelia Ruiz');
  const focusOn = (words) => page.waitForFunction((w) => document.activeElement?.textContent === w, words);
  const progress = page.locator('.progress-words');

  // A choice with "Other" and its words: cleared, it is no longer answered, and Undo brings
  // back both.
  const travel = page.locator('fieldset', { hasText: 'How will my child get to school?' });
  assert.equal(await travel.getByRole('button', { name: 'Clear my answer' }).count(), 0, 'nothing to clear yet');
  await travel.getByLabel('Other', { exact: true }).check();
  await travel.getByLabel('Other, please say').fill('Grandpa walks her');
  const answered = await progress.innerText();
  // Named by its question, so a screen reader's list of buttons says whose answer it clears.
  const describedBy = await travel.getByRole('button', { name: 'Clear my answer' }).getAttribute('aria-describedby');
  assert.equal(await page.locator(`#${describedBy}`).innerText(), 'How will my child get to school?');
  await travel.getByRole('button', { name: 'Clear my answer' }).tap();
  assert.equal(await travel.locator('input[type=radio]:checked').count(), 0);
  assert.equal(await travel.getByLabel('Other, please say').count(), 0);
  await travel.getByText('Answer cleared.').waitFor();
  await focusOn('Undo');
  assert.notEqual(await progress.innerText(), answered, 'one answer fewer');
  await travel.getByRole('button', { name: 'Undo' }).tap();
  assert.equal(await travel.getByLabel('Other, please say').inputValue(), 'Grandpa walks her');
  await focusOn('Clear my answer');
  assert.equal(await progress.innerText(), answered);
  assert.equal(await travel.getByText('Answer cleared.').count(), 0, 'the offer goes once used');
  // Cleared again, then answered anew: the offer to undo goes, as the answer is back.
  await travel.getByRole('button', { name: 'Clear my answer' }).tap();
  await travel.getByLabel('Walking').check();
  assert.equal(await travel.getByText('Answer cleared.').count(), 0);

  // A yes / no whose "Yes" opened a box: cleared, the box goes, and the key answers at the
  // top of every copy no longer say the family needs an interpreter.
  await page.getByRole('button', { name: 'Next →' }).tap();
  await page.getByRole('button', { name: 'Next →' }).tap();
  await page.getByRole('heading', { name: 'Languages' }).waitFor();
  const required = page.locator('fieldset', { hasText: 'The language I prefer when the school contacts me' });
  await required.getByLabel('Spanish').check();
  assert.equal(await required.getByRole('button', { name: 'Clear my answer' }).count(), 0,
    'a required question is changed by picking another answer');
  const interpreter = page.locator('fieldset', { hasText: 'Would an interpreter help at meetings?' });
  await interpreter.getByLabel('Yes', { exact: true }).check();
  await interpreter.getByLabel('For which language?').fill('Spanish');
  await interpreter.getByRole('button', { name: 'Clear my answer' }).tap();
  assert.equal(await interpreter.getByLabel('For which language?').count(), 0);
  assert.equal(await interpreter.locator('input[type=radio]:checked').count(), 0);
  await focusOn('Undo');
  await page.getByText('Saved on this device').waitFor();

  // Kept that way after a reload, and in the copy a teacher reads.
  await page.reload();
  await ready(page);
  await page.getByRole('heading', { name: 'Languages' }).waitFor();
  assert.equal(await page.locator('fieldset', { hasText: 'Would an interpreter help at meetings?' })
    .locator('input[type=radio]:checked').count(), 0);
  await page.getByRole('button', { name: 'Copy as text' }).tap();
  await page.getByText('Copied').first().waitFor();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.ok(copied.includes('Walking') && copied.includes('Spanish'), copied.slice(0, 400));
  assert.ok(!copied.includes('interpreter'), copied.slice(0, 400));

  // In Spanish too, and on a rating scale.
  await page.getByRole('button', { name: 'Español' }).tap();
  await page.goto(env.url + '/form/seven-things');
  await page.waitForURL(/\/doc\//);
  await ready(page);
  await page.locator('.section-list summary').tap();
  await page.locator('.section-link', { hasText: 'Hábitos de trabajo' }).tap();
  const focus = page.locator('fieldset', { hasText: '¿Qué tan bien se concentra en una tarea?' });
  await focus.getByLabel('2').check();
  await focus.getByRole('button', { name: 'Borrar mi respuesta' }).tap();
  await focus.getByText('Se borró la respuesta.').waitFor();
  assert.equal(await focus.locator('input[type=radio]:checked').count(), 0);
  await focus.getByRole('button', { name: 'Deshacer' }).tap();
  assert.equal(await focus.locator('input[type=radio]:checked').getAttribute('value'), '2');
  assert.deepEqual(errors, []);
  await context.close();
});

test('home shows a PPT meeting still ahead, with the days left, and stops once it has passed', async () => {
  const { page, context, errors } = await env.phone();
  const inDays = (n) => { const d = new Date(); d.setDate(d.getDate() + n); return d; };
  const iso = (d) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  const long = (d, lang) => d.toLocaleDateString(lang, { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' });
  await page.goto(env.url + '/form/ppt-prep');
  await page.waitForURL(/\/doc\//);
  await ready(page);
  await page.getByLabel('Meeting date').fill(iso(inDays(3)));
  await page.getByText('Saved on this device').waitFor();
  await page.getByRole('link', { name: 'Family Forms' }).tap();
  const reminder = page.locator('.doc-reminder');
  await reminder.waitFor();
  const said = `Meeting date: ${long(inDays(3), 'en-US')} · in 3 days`;
  assert.equal(await reminder.locator('span').innerText(), said);
  await page.getByRole('button', { name: 'Español' }).tap();
  await page.getByText(`Fecha de la reunión: ${long(inDays(3), 'es-ES')} · en 3 días`).waitFor();
  await reminder.getByRole('button', { name: 'Agregar al calendario' }).waitFor();
  await page.getByRole('button', { name: 'English' }).tap();

  // One tap puts the day in the phone's calendar, with an alert the morning before; the
  // button is described by the date it is for.
  const add = reminder.getByRole('button', { name: 'Add to calendar' });
  const describedBy = await add.getAttribute('aria-describedby');
  assert.equal(await page.locator(`[id="${describedBy}"]`).innerText(), said);
  const [download] = await Promise.all([page.waitForEvent('download'), add.tap()]);
  assert.equal(download.suggestedFilename(), `meeting-date-${iso(inDays(3))}.ics`);
  const calendar = (await downloadedText(download)).replace(/\r\n /g, '');
  assert.ok(calendar.startsWith('BEGIN:VCALENDAR\r\n'), calendar);
  assert.ok(calendar.includes(`\r\nDTSTART;VALUE=DATE:${iso(inDays(3)).replaceAll('-', '')}\r\n`), calendar);
  assert.ok(calendar.includes("\r\nSUMMARY:Meeting date · Preparing for my child's PPT\r\n"), calendar);
  assert.ok(calendar.includes('\r\nTRIGGER:-PT15H\r\n'), calendar);

  // Once the day has gone by, home stops mentioning it.
  await page.locator('.doc-list a', { hasText: "Preparing for my child's PPT" }).tap();
  await ready(page);
  await page.getByLabel('Meeting date').fill(iso(inDays(-1)));
  await page.getByText('Saved on this device').waitFor();
  await page.getByRole('link', { name: 'Family Forms' }).tap();
  await page.locator('.doc-list a', { hasText: "Preparing for my child's PPT" }).waitFor();
  assert.equal(await reminder.count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a date of birth typed after today is shown as a problem, in the language, while a meeting date may be ahead', async () => {
  const { page, context, errors } = await env.phone();
  const inDays = (n) => { const d = new Date(); d.setDate(d.getDate() + n); return d; };
  const iso = (d) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  await page.goto(env.url + '/form/ppt-prep');
  await page.waitForURL(/\/doc\//);
  await ready(page);
  const birth = page.getByLabel('Date of birth');
  const meeting = page.getByLabel('Meeting date');
  // The picker offers no day after today for the birth date; the meeting has no such limit.
  assert.equal(await birth.getAttribute('max'), iso(inDays(0)));
  assert.equal(await meeting.getAttribute('max'), null);

  // A year typed wrong: tomorrow's date (the picker stops at today, typing does not).
  // (Tab moves between a date box's own parts, so the person taps the next question.)
  await birth.fill(iso(inDays(1)));
  await meeting.tap();
  const message = page.getByText('This date is after today. Check the year.');
  await message.waitFor();
  assert.equal(await birth.getAttribute('aria-invalid'), 'true');
  await meeting.fill(iso(inDays(3)));
  await page.locator('#f-school').tap();
  assert.equal(await meeting.getAttribute('aria-invalid'), null, 'a meeting may be ahead');
  assert.equal(await message.count(), 1);

  // "Check my form" names it, and the Spanish page says it in Spanish.
  await page.getByRole('button', { name: 'Check my form' }).tap();
  await page.getByRole('button', { name: /The meeting — Date of birth: This date is after today/ }).waitFor();
  await page.getByRole('button', { name: 'Español' }).tap();
  await page.getByText('Esta fecha es posterior a hoy. Revise el año.').first().waitFor();
  await page.getByRole('button', { name: 'English' }).tap();

  // Mended, the problem goes, and the mended date is what is kept.
  await birth.fill('2021-03-04');
  await meeting.tap();
  await page.getByText('Saved on this device').waitFor();
  assert.equal(await message.count(), 0);
  assert.equal(await birth.getAttribute('aria-invalid'), null);
  await page.reload();
  await ready(page);
  assert.equal(await page.getByLabel('Date of birth').inputValue(), '2021-03-04');
  assert.deepEqual(errors, []);
  await context.close();
});

test("school staff's tools sit folded away on a family's home, and open once one is in use", async () => {
  const { page, context, errors } = await env.phone();
  await page.goto(env.url + '/');
  await ready(page);
  const tools = page.locator('details.school-forms');
  assert.equal(await tools.getAttribute('open'), null, 'folded for a family');
  assert.equal(await page.getByRole('link', { name: 'Family contact log' }).isVisible(), false);
  await tools.locator('summary').tap();
  await page.getByRole('link', { name: 'Family contact log' }).tap();
  await page.waitForURL(/\/doc\//);
  await ready(page);
  await page.getByLabel('Your name').fill('Ms. Rivera');
  await page.getByText('Saved on this device').waitFor();
  await page.getByRole('link', { name: 'Family Forms' }).tap();
  await page.getByRole('heading', { name: 'For teachers and school staff' }).waitFor();
  assert.equal(await tools.getAttribute('open'), '', 'open for a teacher who uses them');
  assert.ok(await tools.getByRole('link', { name: 'Family contact log' }).isVisible());
  assert.deepEqual(errors, []);
  await context.close();
});

test("a teacher's contact log shows a month's contacts and the students with none that month", async () => {
  const { page, context, errors } = await env.phone();
  const pad = (n) => String(n).padStart(2, '0');
  const now = new Date();
  const before = new Date(now.getFullYear(), now.getMonth() - 1, 15);
  const thisMonth = `${now.getFullYear()}-${pad(now.getMonth() + 1)}`;
  const lastMonth = `${before.getFullYear()}-${pad(before.getMonth() + 1)}`;
  const monthName = (d) => d.toLocaleDateString('en-US', { month: 'long', year: 'numeric' });
  const dayName = (d) => d.toLocaleDateString('en-US', { month: 'long', day: 'numeric', year: 'numeric' });
  await page.goto(env.url + '/');
  await ready(page);
  await page.locator('details.school-forms summary').tap();
  await page.getByRole('link', { name: 'Family contact log' }).tap();
  await page.waitForURL(/\/doc\//);
  await ready(page);
  await page.getByRole('button', { name: 'Next →' }).tap();
  for (const [date, student] of [
    [`${thisMonth}-02`, 'Ana Núñez'],
    [`${lastMonth}-15`, 'Leo Smith'],
    [`${lastMonth}-03`, 'ana nunez'],
  ]) {
    await page.getByRole('button', { name: 'Add a contact' }).tap();
    const card = page.locator('.row-card').last();
    await card.getByLabel('Date', { exact: true }).fill(date);
    await card.getByLabel('Student', { exact: true }).fill(student);
  }
  await page.getByText('Saved on this device').waitFor();

  // This month first: its one contact, and Leo, who has none yet.
  const byMonth = page.getByRole('region', { name: 'Month by month' });
  const month = byMonth.getByLabel('Month', { exact: true });
  assert.equal(await month.inputValue(), thisMonth);
  const day2 = new Date(now.getFullYear(), now.getMonth(), 2);
  assert.equal(await byMonth.locator('.by-month-count').innerText(), `1 entry in ${monthName(now)}:`);
  assert.deepEqual(await byMonth.locator('.by-month-entries li').allInnerTexts(), [`Contact 1 · ${dayName(day2)} · Ana Núñez`]);
  assert.equal(await byMonth.locator('.by-month-note').innerText(), `Nothing logged in ${monthName(now)} for:`);
  assert.deepEqual(await byMonth.locator('.by-month-missing li').allInnerTexts(), ['Leo Smith']);

  // Last month: two contacts, earliest first; "ana nunez" is Ana Núñez, so nobody is missing.
  await month.selectOption(lastMonth);
  assert.equal(await byMonth.locator('.by-month-count').innerText(), `2 entries in ${monthName(before)}:`);
  const day3 = new Date(before.getFullYear(), before.getMonth(), 3);
  assert.deepEqual(await byMonth.locator('.by-month-entries li').allInnerTexts(), [
    `Contact 3 · ${dayName(day3)} · ana nunez`,
    `Contact 2 · ${dayName(before)} · Leo Smith`,
  ]);
  assert.equal(
    await byMonth.locator('.by-month-note', { hasText: 'Everyone' }).innerText(),
    `Everyone named in this log has an entry in ${monthName(before)}.`,
  );
  assert.equal(await byMonth.locator('.by-month-missing li').count(), 0);

  // The class list, pasted on the first page, names Omar, whom the log never has: he is
  // missed too, in every month.
  await page.getByRole('button', { name: '← Previous' }).tap();
  await page.getByLabel('Your students, one name per line').fill('Ana Núñez\nLeo Smith\nOmar Haddad\n');
  await page.getByRole('button', { name: 'Next →' }).tap();
  assert.equal(await month.inputValue(), thisMonth);
  assert.deepEqual(await byMonth.locator('.by-month-missing li').allInnerTexts(), ['Leo Smith', 'Omar Haddad']);
  await month.selectOption(lastMonth);
  assert.equal(await byMonth.locator('.by-month-note').innerText(), `Nothing logged in ${monthName(before)} for:`);
  assert.deepEqual(await byMonth.locator('.by-month-missing li').allInnerTexts(), ['Omar Haddad']);

  // A new contact with Leo this month takes him off this month's list.
  await month.selectOption(thisMonth);
  await page.getByRole('button', { name: 'Add a contact' }).tap();
  const card = page.locator('.row-card').last();
  await card.getByLabel('Student', { exact: true }).fill('Leo Smith');
  await card.getByLabel('Date', { exact: true }).fill(`${thisMonth}-01`);
  await byMonth.locator('.by-month-missing li', { hasText: 'Leo Smith' }).waitFor({ state: 'detached' });
  assert.deepEqual(await byMonth.locator('.by-month-missing li').allInnerTexts(), ['Omar Haddad']);
  assert.equal(await byMonth.locator('.by-month-count').innerText(), `2 entries in ${monthName(now)}:`);
  await byMonth.screenshot({ path: join(ARTIFACTS, 'contact-log-by-month.png') });

  // Only the count is a live region, and typing a contact's notes changes nothing in the month
  // view: a screen reader is not read the lists again at every key.
  assert.equal(await byMonth.locator('[aria-live]').count(), 1);
  assert.equal(await byMonth.locator('.by-month-count').getAttribute('aria-live'), 'polite');
  await byMonth.evaluate((el) => {
    window.monthViewChanges = 0;
    new MutationObserver((m) => { window.monthViewChanges += m.length; })
      .observe(el, { childList: true, subtree: true, characterData: true });
  });
  await card.getByLabel('What came of it').pressSequentially('Will call back');
  await page.getByText('Saved on this device').waitFor();
  assert.equal(await page.evaluate(() => window.monthViewChanges), 0);

  // A follow-up date with Leo three days on: home shows it under the log, named by student,
  // even when home is tapped before the last keystroke's save (it lands as the form is left).
  const soon = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 3);
  await card.getByLabel('Follow-up date').fill(`${soon.getFullYear()}-${pad(soon.getMonth() + 1)}-${pad(soon.getDate())}`);
  await page.getByRole('link', { name: 'Family Forms' }).tap();
  const reminder = page.locator('.doc-reminder');
  await reminder.waitFor();
  const weekday = soon.toLocaleDateString('en-US', { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' });
  assert.equal(await reminder.locator('span').innerText(), `Follow-up date (Leo Smith): ${weekday} · in 3 days`);
  assert.deepEqual(errors, []);
  await context.close();
});

test("a school's own form travels in the file, as it was added, to a teacher who never had it, and on from her", async () => {
  const added = JSON.parse(EVERY_KIND);
  /** "Save a file for the app" on `page`: the file's JSON. */
  const sendFile = async (page) => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Save a file for the app' }).tap(),
    ]);
    return { path: await download.path(), sent: JSON.parse(await downloadedText(download)) };
  };
  // The family adds the school's form from its file and answers a question.
  const family = await env.phone();
  await family.page.goto(env.url + '/');
  await ready(family.page);
  await addFormFile(family.page, 'every-kind.json', EVERY_KIND);
  await family.page.getByRole('link', { name: 'Every kind of question' }).tap();
  await family.page.waitForURL(/\/doc\/d[0-9a-f]+$/);
  await family.page.getByLabel('Full name').fill('Mia Ruiz');
  await family.page.getByText('Saved on this device').waitFor();
  const fromFamily = await sendFile(family.page);
  assert.deepEqual(fromFamily.sent.definition, added, 'the form as the family added it');
  assert.deepEqual(family.errors, []);

  // The teacher's browser has never seen the form: the file brings it.
  const teacher = await env.phone();
  const { page } = teacher;
  await page.goto(env.url + '/');
  await ready(page);
  await page.locator('#open-received-file').setInputFiles(fromFamily.path);
  await page.waitForURL(/\/received$/);
  await page.getByText('Received: Every kind of question', { exact: false }).waitFor();
  assert.ok((await page.locator('.booklet').innerText()).includes('Mia Ruiz'));
  // Sent on before it is kept here, and after: the form goes with it both times.
  assert.deepEqual((await sendFile(page)).sent.definition, added, 'sent on from the received file');
  await page.getByRole('button', { name: 'Save on this device' }).tap();
  await page.waitForURL(/\/doc\/d[0-9a-f]+$/);
  assert.equal(await page.getByLabel('Full name').inputValue(), 'Mia Ruiz');
  assert.deepEqual((await sendFile(page)).sent.definition, added, 'sent on from the kept copy');
  assert.deepEqual(teacher.errors, []);
  await family.context.close();
  await teacher.context.close();
});
