// Export and share as a family and a teacher do it: a PDF read back with pdftotext, the print
// booklet, "copy as text", the phone's share sheet, and a file opened in a fresh browser, with
// hostile files and typed scripts staying harmless.
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { test, start, ready, downloadedText, ARTIFACTS, SENT_FILE, sentFileAboutLeo } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

const ACCENTS = '¿Qué le gusta? ¡Cantar! Ñandú, pingüino, “cuentos” — l’école, árbol, éxito, índice, ópera, único';
const XSS = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script> javascript:window.__xss=3';

/** Text of a PDF on disk, whitespace squashed, through poppler's pdftotext. */
function pdfText(path) {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-']).toString('utf8').replace(/\s+/g, ' ');
}
const squash = (s) => s.replace(/\s+/g, ' ');

/** A Spanish-speaking parent fills part of Getting to Know My Child. */
async function fillInSpanish() {
  const { page, context, errors } = await env.phone('es-US');
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.url });
  // The print dialog is the browser's; here it only records that it was asked for.
  await page.addInitScript(() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; });
  await page.goto(env.url + '/form/getting-to-know-my-child');
  await page.waitForURL(/\/doc\//);
  await ready(page);
  await page.getByLabel('Nombre completo de mi hijo o hija').fill('Amelia Núñez');
  await page.getByLabel('El nombre con que a mi hijo o hija le gusta que le llamen').fill('Mía');
  await page.getByLabel('Escuela y distrito').fill(XSS);
  await page.getByRole('button', { name: 'Siguiente →' }).tap();
  await page.getByLabel('Tradiciones, días festivos o celebraciones importantes para nuestra familia').fill(ACCENTS);
  await page.getByText('Guardado en este aparato').waitFor();
  return { page, context, errors };
}

test('the PDF downloads with a plain name, and every accent and the typed script come back as text', async () => {
  const { page, context, errors } = await fillInSpanish();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Guardar o compartir como PDF' }).tap(),
  ]);
  const today = new Date().toISOString().slice(0, 10);
  assert.equal(download.suggestedFilename(), `conociendo-a-mi-hijo-o-hija-mia-${today}.pdf`);
  const path = join(ARTIFACTS, 'export-gtkmc-es.pdf');
  await download.saveAs(path);
  const text = pdfText(path);
  assert.ok(text.includes('Conociendo a mi hijo o hija'), 'title');
  assert.ok(text.includes('Mía'), 'the name the child likes, on the cover');
  assert.ok(text.includes(squash(ACCENTS)), `accents intact in: ${text.slice(0, 400)}`);
  assert.ok(text.includes(squash(XSS)), 'the typed script is just words in the PDF');
  await page.getByText('PDF guardado en sus descargas.').waitFor();
  assert.equal(await page.evaluate(() => window.__xss), undefined);
  assert.deepEqual(errors, []);
  await context.close();
});

test('print draws a clean booklet without the app, and typed scripts stay inert', async () => {
  const { page, context, errors } = await fillInSpanish();
  await page.getByRole('button', { name: 'Imprimir', exact: true }).tap();
  await page.waitForFunction(() => window.__printed === 1);
  await page.emulateMedia({ media: 'print' });
  const booklet = page.locator('.print-only .booklet');
  assert.ok(await booklet.isVisible(), 'the booklet is what prints');
  assert.equal(await page.locator('header.app-bar').isVisible(), false, 'no app bar on paper');
  assert.equal(await page.getByRole('button', { name: 'Imprimir', exact: true }).isVisible(), false, 'no buttons on paper');
  assert.equal(await booklet.locator('.booklet-child').innerText(), 'Mía');
  assert.ok((await booklet.innerText()).includes(XSS), 'the script is shown as the words typed');
  assert.equal(await page.locator('img').count(), 0, 'no element was made from an answer');
  assert.equal(await page.evaluate(() => window.__xss), undefined);
  for (const [w, h] of [[360, 740], [1280, 800]]) {
    await page.setViewportSize({ width: w, height: h });
    await page.screenshot({ path: join(ARTIFACTS, `print-preview-${w}.png`), fullPage: true });
  }
  const paper = join(ARTIFACTS, 'print-gtkmc-es.pdf');
  await page.pdf({ path: paper, format: 'A4' });
  assert.ok(pdfText(paper).includes(squash(ACCENTS)));
  // Every sheet after the cover says whose booklet it is, for a teacher with a class's pages.
  const sheets = Number(execFileSync('pdfinfo', [paper]).toString().match(/Pages:\s+(\d+)/)[1]);
  assert.ok(sheets >= 2, `${sheets} sheets`);
  const sheet = (n) => squash(execFileSync('pdftotext', ['-f', `${n}`, '-l', `${n}`, '-enc', 'UTF-8', paper, '-']).toString('utf8'));
  assert.ok(!sheet(1).includes('página 1'), 'the cover has no foot');
  for (let n = 2; n <= sheets; n++) {
    assert.ok(sheet(n).includes(`Conociendo a mi hijo o hija — Mía · página ${n} de ${sheets}`), sheet(n));
  }
  await page.pdf({ path: join(ARTIFACTS, 'print-gtkmc-es-letter.pdf'), format: 'Letter' });

  // A blank copy to fill by hand: every question, with room to write.
  await page.emulateMedia({ media: 'screen' });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByRole('button', { name: 'Imprimir una copia en blanco' }).tap();
  await page.waitForFunction(() => window.__printed === 2);
  await page.emulateMedia({ media: 'print' });
  const blank = page.locator('.print-only .booklet');
  assert.ok((await blank.innerText()).includes('¿Cómo llegará mi hijo o hija a la escuela?'));
  assert.ok(await blank.locator('.booklet-line').count() > 20, 'writing lines');
  assert.equal(await blank.locator('.booklet-child').count(), 0, 'a blank copy names no child');
  await page.pdf({ path: join(ARTIFACTS, 'print-blank-es.pdf'), format: 'Letter' });

  // After printing the booklet goes; the browser's own Print menu draws it fresh.
  await page.emulateMedia({ media: 'screen' });
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await page.locator('.print-only').waitFor({ state: 'detached' });
  await page.getByLabel('Tradiciones, días festivos o celebraciones importantes para nuestra familia').fill('Posadas en diciembre');
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await page.emulateMedia({ media: 'print' });
  await page.locator('.print-only .booklet').getByText('Posadas en diciembre').waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('a teacher finds the key answers first: on the cover of the print and of the PDF', async () => {
  const { page, context, errors } = await env.phone();
  await page.addInitScript(() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; });
  await page.goto(env.url + '/form/seven-things');
  await ready(page);
  await page.getByLabel("Your child's full name").fill('Ana Ruiz');
  await page.getByRole('button', { name: 'Next →' }).tap();
  await page.getByRole('heading', { name: '1. Health' }).waitFor();
  await page.locator('#f-allergies').check();
  await page.locator('#f-allergies-details').fill('Peanuts: EpiPen in the front pocket');
  await page.getByText('Saved on this device').waitFor();

  await page.getByRole('button', { name: 'Print', exact: true }).tap();
  await page.waitForFunction(() => window.__printed === 1);
  await page.emulateMedia({ media: 'print' });
  const glance = page.locator('.print-only .booklet-cover .booklet-glance');
  await glance.getByRole('heading', { name: 'At a glance' }).waitFor();
  const said = squash(await glance.innerText());
  assert.ok(said.includes('Does your child have any allergies'), said);
  assert.ok(said.includes('Yes: Peanuts: EpiPen in the front pocket'), said);
  assert.ok(!said.includes('Ana Ruiz'), 'only the answers the form marks as key');
  const paper = join(ARTIFACTS, 'print-key-answers.pdf');
  await page.pdf({ path: paper, format: 'Letter' });
  const firstSheet = execFileSync('pdftotext', ['-f', '1', '-l', '1', '-enc', 'UTF-8', paper, '-']).toString('utf8');
  assert.ok(squash(firstSheet).includes('Yes: Peanuts: EpiPen in the front pocket'), `printed cover: ${firstSheet}`);

  await page.emulateMedia({ media: 'screen' });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Save or share as PDF' }).tap(),
  ]);
  const path = join(ARTIFACTS, 'export-key-answers.pdf');
  await download.saveAs(path);
  const cover = squash(execFileSync('pdftotext', ['-f', '1', '-l', '1', '-enc', 'UTF-8', path, '-']).toString('utf8'));
  assert.ok(cover.includes('At a glance') && cover.includes('Yes: Peanuts: EpiPen in the front pocket'), `PDF cover: ${cover}`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('copy as text puts a readable summary on the clipboard', async () => {
  const { page, context, errors } = await fillInSpanish();
  await page.getByRole('button', { name: 'Copiar como texto' }).tap();
  await page.getByText('Copiado. Péguelo en un mensaje de texto o un correo.').waitFor();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.ok(copied.startsWith('Conociendo a mi hijo o hija — Mía'), copied.slice(0, 80));
  assert.ok(copied.includes(ACCENTS));
  assert.deepEqual(errors, []);
  await context.close();
});

test('a Spanish-speaking parent hands the teacher a copy in English: questions and choices translated, typed words as written', async () => {
  const { page, context, errors } = await fillInSpanish();
  await page.getByLabel('Nos mudamos').check();
  const copyIn = page.getByRole('group', { name: 'Idioma de la copia' });
  assert.ok(await copyIn.getByLabel('Español').isChecked(), 'copies follow the app until a language is picked');
  await copyIn.getByLabel('English').check();

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Guardar o compartir como PDF' }).tap(),
  ]);
  const today = new Date().toISOString().slice(0, 10);
  assert.equal(download.suggestedFilename(), `getting-to-know-my-child-mia-${today}.pdf`);
  const path = join(ARTIFACTS, 'export-gtkmc-es-copy-en.pdf');
  await download.saveAs(path);
  const text = pdfText(path);
  assert.ok(text.includes('Getting to Know My Child'), text.slice(0, 300));
  assert.ok(text.includes('Traditions, holidays or celebrations that matter to our family'), 'questions in English');
  assert.ok(text.includes('We moved'), 'a picked choice in English');
  assert.ok(text.includes(squash(ACCENTS)), 'what the parent typed, as typed');
  assert.ok(!text.includes('Tradiciones'), 'no Spanish question left');
  // The app itself stays in the parent's language.
  await page.getByText('PDF guardado en sus descargas.').waitFor();

  await page.getByRole('button', { name: 'Imprimir', exact: true }).tap();
  await page.waitForFunction(() => window.__printed === 1);
  await page.emulateMedia({ media: 'print' });
  const paper = page.locator('.print-only .booklet');
  assert.equal(await paper.getAttribute('lang'), 'en');
  const printed = await paper.innerText();
  assert.ok(printed.includes('Getting to Know My Child') && printed.includes('We moved'), printed.slice(0, 300));
  await page.emulateMedia({ media: 'screen' });

  await page.getByRole('button', { name: 'Copiar como texto' }).tap();
  await page.getByText('Copiado. Péguelo en un mensaje de texto o un correo.').waitFor();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.ok(copied.startsWith('Getting to Know My Child — Mía'), copied.slice(0, 80));

  // The pick is remembered for the next copy, on this page and after a reload.
  await page.reload();
  await ready(page);
  assert.ok(await page.getByRole('group', { name: 'Idioma de la copia' }).getByLabel('English').isChecked());
  assert.deepEqual(errors, []);
  await context.close();
});

test('a teacher prints a received file in the family\'s language, not the one on her screen', async () => {
  const { page, context, errors } = await env.phone('en-US');
  await page.addInitScript(() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; });
  await page.goto(env.url + '/');
  await ready(page);
  await page.locator('#open-received-file').setInputFiles({ name: 'mia.json', mimeType: 'application/json', buffer: SENT_FILE });
  await page.waitForURL(/\/received$/);
  const onScreen = page.locator('.received-page .booklet').first();
  assert.ok((await onScreen.innerText()).includes('Does your child have any allergies'), 'she reads it in English');
  await page.getByRole('group', { name: 'Language of the copy' }).getByLabel('Español').check();
  await page.getByRole('button', { name: 'Print', exact: true }).tap();
  await page.waitForFunction(() => window.__printed === 1);
  await page.emulateMedia({ media: 'print' });
  const visible = page.locator('.booklet:visible');
  assert.equal(await visible.count(), 1, 'one booklet on paper');
  assert.equal(await visible.getAttribute('lang'), 'es');
  const printed = squash(await visible.innerText());
  assert.ok(printed.includes('Siete cosas que contarle a la maestra'), printed.slice(0, 200));
  assert.ok(printed.includes('Sí: Cacahuetes'), printed);
  await page.emulateMedia({ media: 'screen' });
  assert.ok((await onScreen.innerText()).includes('Does your child have any allergies'), 'the screen stays in English');
  assert.deepEqual(errors, []);
  await context.close();
});

test('where the phone can share files, the PDF goes to the share sheet', async () => {
  const { page, context, errors } = await env.phone('en-US');
  await page.addInitScript(() => {
    window.__shared = [];
    navigator.canShare = (data) => Array.isArray(data?.files) && data.files.length > 0;
    navigator.share = async (data) => {
      for (const f of data.files) window.__shared.push({ name: f.name, type: f.type, size: f.size, title: data.title });
    };
  });
  await page.goto(env.url + '/form/seven-things');
  await page.waitForURL(/\/doc\//);
  await ready(page);
  await page.getByRole('button', { name: 'Save or share as PDF' }).tap();
  await page.getByText('PDF shared.').waitFor();
  await page.getByRole('button', { name: 'Save a file for the app' }).tap();
  await page.getByText('File shared.').waitFor();
  const shared = await page.evaluate(() => window.__shared);
  assert.equal(shared.length, 2);
  assert.match(shared[0].name, /^seven-things-to-tell-the-teacher-\d{4}-\d\d-\d\d\.pdf$/);
  assert.equal(shared[0].type, 'application/pdf');
  assert.ok(shared[0].size > 1000);
  assert.equal(shared[1].type, 'application/json');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a teacher opens the file in a fresh browser: read-only first, saved only when asked, never overwriting', async () => {
  const family = await fillInSpanish();
  const [download] = await Promise.all([
    family.page.waitForEvent('download'),
    family.page.getByRole('button', { name: 'Guardar un archivo para la aplicación' }).tap(),
  ]);
  const file = join(ARTIFACTS, 'received-gtkmc.json');
  await download.saveAs(file);
  const sent = JSON.parse(await downloadedText(download));
  assert.equal(sent.form.id, 'getting-to-know-my-child');
  assert.equal(typeof sent.form.version, 'number');
  await family.context.close();

  // The teacher: another browser profile, in English, that has never seen this family.
  const { page, context, errors } = await env.phone('en-US');
  await page.addInitScript(() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; });
  await page.goto(env.url + '/');
  await ready(page);
  await page.locator('#open-received-file').setInputFiles(file);
  await page.waitForURL(/\/received$/);
  await page.getByText('Received: Getting to Know My Child — Mía').waitFor();
  assert.ok(await page.getByText('Read only.', { exact: false }).isVisible());
  const booklet = page.locator('.booklet');
  assert.ok((await booklet.innerText()).includes(ACCENTS), 'the family’s words, as typed');
  assert.ok((await booklet.innerText()).includes('Traditions, holidays or celebrations'), 'questions in the teacher’s language');
  assert.equal(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('doc:')).length), 0, 'nothing saved yet');
  await page.screenshot({ path: join(ARTIFACTS, 'received-360.png'), fullPage: true });

  await page.getByRole('button', { name: 'Print', exact: true }).tap();
  await page.waitForFunction(() => window.__printed === 1);
  const [pdf] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Save or share as PDF' }).tap(),
  ]);
  await pdf.saveAs(join(ARTIFACTS, 'received-en.pdf'));
  assert.ok(pdfText(join(ARTIFACTS, 'received-en.pdf')).includes(squash(ACCENTS)));

  await page.getByRole('button', { name: 'Save on this device' }).tap();
  await page.waitForURL(/\/doc\/d[0-9a-f]+$/);
  const first = page.url();
  assert.equal(await page.getByLabel('The name my child likes to be called').inputValue(), 'Mía');
  // Opening the same file again finds the copy kept here, and what differs; saving it
  // separately makes a second document, and the first is untouched.
  await page.getByLabel('The name my child likes to be called').fill('Mía (edited by teacher)');
  await page.getByText('Saved on this device').waitFor();
  await page.getByRole('link', { name: 'Family Forms' }).tap();
  await page.locator('#open-received-file').setInputFiles(file);
  const kept = page.locator('.kept-copy');
  assert.equal(await kept.locator('strong').innerText(), 'This is a copy of a document on this device, with 1 answer different:');
  assert.deepEqual(await kept.locator('.kept-changes li').allInnerTexts(), ['The name my child likes to be called']);
  assert.match(await kept.innerText(), /Your copy was changed after this file was made/);
  await page.getByRole('button', { name: 'Save as a separate document' }).tap();
  await page.waitForURL(/\/doc\/d[0-9a-f]+$/);
  assert.notEqual(page.url(), first);
  assert.equal(await page.getByLabel('The name my child likes to be called').inputValue(), 'Mía');
  await page.goto(first);
  await ready(page);
  assert.equal(await page.getByLabel('The name my child likes to be called').inputValue(), 'Mía (edited by teacher)');
  // Home tells the two apart by the child's name, as a teacher with a class's files needs.
  await page.getByRole('link', { name: 'Family Forms' }).tap();
  const others = page.getByRole('region', { name: 'Other documents' });
  await others.getByRole('link', { name: 'Getting to Know My Child — Mía (edited by teacher)' }).waitFor();
  await others.getByRole('link', { name: 'Getting to Know My Child — Mía', exact: true }).waitFor();
  assert.equal(await page.evaluate(() => window.__xss), undefined);
  assert.deepEqual(errors, []);
  await context.close();
});

test("a received file's cover gives the day the family wrote it, not the day it is read", async () => {
  const { page, context, errors } = await env.phone('en-US');
  await page.goto(env.url + '/');
  await ready(page);
  await page.locator('#open-received-file').setInputFiles({ name: 'mia.json', mimeType: 'application/json', buffer: SENT_FILE });
  await page.waitForURL(/\/received$/);
  assert.equal(await page.locator('.booklet-made').innerText(), 'Prepared on November 21, 2026 with Family Forms');
  const [pdf] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Save or share as PDF' }).tap(),
  ]);
  const path = join(ARTIFACTS, 'received-dated.pdf');
  await pdf.saveAs(path);
  assert.ok(pdfText(path).includes('Prepared on November 21, 2026'), pdfText(path).slice(0, 300));
  assert.deepEqual(errors, []);
  await context.close();
});

test("a teacher opens a class's files at once: reads each, sees which was refused and why, and saves the rest together", async () => {
  const { page, context, errors } = await env.phone('en-US');
  await page.goto(env.url + '/');
  await ready(page);
  await page.locator('#open-received-file').setInputFiles([
    { name: 'mia.json', mimeType: 'application/json', buffer: SENT_FILE },
    { name: 'leo.json', mimeType: 'application/json', buffer: sentFileAboutLeo() },
    { name: 'photo.json', mimeType: 'application/json', buffer: Buffer.from('not a form at all') },
  ]);
  await page.waitForURL(/\/received$/);
  await page.getByRole('heading', { name: 'Files you received (3)' }).waitFor();
  const list = page.locator('.received-list .doc-list');
  await list.getByText('Seven things to tell the teacher — Mía').waitFor();
  await list.getByText('Seven things to tell the teacher — Leo').waitFor();
  assert.equal(squash(await list.locator('.received-refused').innerText()),
    'photo.json This file cannot be read: it is not a Family Forms file (.json).', 'the file and why, once');
  const savedDocs = () => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('family-forms:doc:')).length);
  assert.equal(await savedDocs(), 0, 'nothing saved until asked');

  // One read, then back to the list where she was.
  await list.locator('li', { hasText: 'Leo' }).getByRole('button', { name: 'Read' }).tap();
  await page.getByText('Received: Seven things to tell the teacher — Leo').waitFor();
  await page.waitForFunction(() => document.activeElement?.id === 'received-title');
  assert.match(await page.title(), /Leo · Family Forms$/, 'reading one file names the window after it');
  await page.getByRole('button', { name: '← All the files you opened' }).tap();
  await page.getByRole('heading', { name: 'Files you received (3)' }).waitFor();
  // The window is named after the list again, not after the file just read.
  assert.equal(await page.title(), 'Files you received (3) · Family Forms');

  // One saved on its own is not saved again with the rest.
  await list.locator('li', { hasText: 'Mía' }).getByRole('button', { name: 'Read' }).tap();
  await page.getByRole('button', { name: 'Save on this device' }).tap();
  await page.waitForURL(/\/doc\/d[0-9a-f]+$/);
  await page.goBack();
  await list.locator('li', { hasText: 'Mía' }).getByText('Saved on this device').waitFor();
  await page.getByRole('button', { name: 'Save the one not yet saved' }).tap();
  await page.getByText('Saved on this device: 1. You will find it on the home page, under “Other documents”.').waitFor();
  assert.equal(await page.getByRole('button', { name: /^Save (all|the one)/ }).count(), 0, 'nothing left to save');
  assert.equal(await savedDocs(), 2, 'each file saved once');
  await list.locator('li', { hasText: 'Leo' }).getByRole('link', { name: 'Open' }).tap();
  await page.waitForURL(/\/doc\/d[0-9a-f]+$/);
  assert.equal(await page.getByLabel('The name your child likes to be called').inputValue(), 'Leo');
  await page.getByRole('link', { name: 'Family Forms' }).tap();
  const others = page.getByRole('region', { name: 'Other documents' });
  await others.getByRole('link', { name: 'Seven things to tell the teacher — Mía' }).waitFor();
  await others.getByRole('link', { name: 'Seven things to tell the teacher — Leo' }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test("a partnership plan says how far the latest check-in has come toward the goal, on screen and in every copy", async () => {
  const { page, context, errors } = await env.phone('en-US');
  await page.addInitScript(() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; });
  await page.goto(env.url + '/form/partnership-plan');
  await page.waitForURL(/\/doc\//);
  await ready(page);
  const goTo = async (title) => {
    await page.locator('.section-list summary').tap();
    await page.locator('.section-link', { hasText: title }).tap();
    await page.locator('#section-title', { hasText: title }).waitFor();
  };
  await goTo('Our 60-day goal');
  await page.getByLabel('Target').fill('45');
  await page.getByLabel('Measured in').fill('words a minute');
  await page.getByLabel('Where my child starts').fill('20');

  await goTo('Check-ins');
  const line = page.locator('.derived output');
  const bar = page.locator('.derived progress');
  assert.equal(await line.innerText(), 'Filled in for you once the answers it needs are there.');
  assert.equal(await bar.count(), 0, 'no bar before there is a share to show');
  const checkIn = async (n, date, result) => {
    await page.getByRole('button', { name: 'Add a check-in' }).tap();
    const card = page.locator('.row-card').nth(n - 1);
    await card.getByLabel('Date').fill(date);
    await card.getByLabel('Result now').fill(result);
  };
  await checkIn(1, '2026-10-01', '26');
  await page.waitForFunction(() => document.querySelector('.derived output')?.textContent.includes('24%'));
  assert.equal(await line.innerText(), 'Latest check-in: 26 words a minute (October 1, 2026). Goal: 45. Started at 20: 24% of the way.');
  assert.equal(await bar.getAttribute('value'), '24');
  assert.equal(await bar.getAttribute('aria-hidden'), 'true', 'the line says it in words, once');
  await checkIn(2, '2026-11-15', '32');
  // A check-in written down late, with an earlier date, is not the latest.
  await checkIn(3, '2026-09-15', '22');
  await page.waitForFunction(() => document.querySelector('.derived output')?.textContent.includes('November 15'));
  assert.equal(await line.innerText(), 'Latest check-in: 32 words a minute (November 15, 2026). Goal: 45. Started at 20: 48% of the way.');
  assert.equal(await bar.getAttribute('value'), '48');

  await page.getByRole('button', { name: 'Español' }).tap();
  await page.waitForFunction(() => document.querySelector('.derived output')?.textContent.startsWith('Última'));
  assert.equal(await line.innerText(), 'Última revisión: 32 words a minute (15 de noviembre de 2026). Meta: 45. Empezó en 20: el 48 % del camino.');
  await page.getByRole('button', { name: 'English' }).tap();
  await page.getByText('Saved on this device').waitFor();
  await page.reload();
  await ready(page);
  await page.locator('#section-title', { hasText: 'Check-ins' }).waitFor();
  assert.match(await line.innerText(), /48% of the way\.$/, 'kept after a reload');

  // The teacher sees it first, on the booklet's cover and in the PDF.
  const said = 'Latest check-in: 32 words a minute (November 15, 2026). Goal: 45. Started at 20: 48% of the way.';
  await page.getByRole('button', { name: 'Print', exact: true }).tap();
  await page.waitForFunction(() => window.__printed === 1);
  const glance = squash(await page.locator('.print-only .booklet-cover .booklet-glance').innerText());
  assert.ok(glance.includes('Toward our 60-day goal') && glance.includes(said), glance);
  const [pdf] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Save or share as PDF' }).tap(),
  ]);
  const path = join(ARTIFACTS, 'plan-toward-goal.pdf');
  await pdf.saveAs(path);
  assert.ok(pdfText(path).includes(said), pdfText(path).slice(0, 600));
  assert.deepEqual(errors, []);
  await context.close();
});

test("a teacher reads and prints every child's key answers on one sheet", async () => {
  const { page, context, errors } = await env.phone('en-US');
  await page.addInitScript(() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; });
  await page.goto(env.url + '/');
  await ready(page);
  await page.locator('#open-received-file').setInputFiles([
    { name: 'mia.json', mimeType: 'application/json', buffer: SENT_FILE },
    { name: 'leo.json', mimeType: 'application/json', buffer: sentFileAboutLeo((doc) => { delete doc.answers.allergies; }) },
  ]);
  await page.getByRole('button', { name: 'Save all 2 on this device' }).tap();
  await page.getByText('Saved on this device: 2.', { exact: false }).waitFor();
  await page.getByRole('link', { name: 'Family Forms' }).tap();
  await page.locator('.form-card', { hasText: 'Seven things to tell the teacher' })
    .getByRole('link', { name: 'Key answers of all 2' }).tap();
  await page.getByRole('heading', { name: 'Key answers: Seven things to tell the teacher' }).waitFor();
  const cards = page.locator('.key-answers-card');
  assert.deepEqual(await cards.locator('h2').allInnerTexts(), ['Leo', 'Mía'], 'a class list, by name');
  assert.ok((await cards.nth(0).innerText()).includes('None of the key questions was answered.'), 'whom to ask');
  const mia = squash(await cards.nth(1).innerText());
  assert.ok(mia.includes('Does your child have any allergies') && mia.includes('Yes: Cacahuetes'), mia);

  await page.getByRole('button', { name: 'Print', exact: true }).tap();
  await page.waitForFunction(() => window.__printed === 1);
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('header.app-bar').isVisible(), false, 'no app bar on paper');
  const paper = join(ARTIFACTS, 'key-answers-class.pdf');
  await page.pdf({ path: paper, format: 'Letter' });
  const text = pdfText(paper);
  assert.ok(text.includes('Leo') && text.includes('Yes: Cacahuetes'), text.slice(0, 300));
  await page.emulateMedia({ media: 'screen' });
  await cards.nth(1).getByRole('link', { name: 'Open — Mía' }).tap();
  await page.waitForURL(/\/doc\//);
  assert.deepEqual(errors, []);
  await context.close();
});

test('hostile files get a clear message and the app keeps working', async () => {
  const { page, context, errors } = await env.phone('es-US');
  await page.goto(env.url + '/');
  await ready(page);
  const input = page.locator('#open-received-file');
  const alert = page.locator('.open-received [role="alert"]');
  const cases = [
    ['not JSON', Buffer.from('%PDF-1.7 not a form'), 'no es un archivo de Family Forms'],
    ['too large', Buffer.alloc(6_000_000, 32), 'demasiado grande'],
    ['deep nesting', Buffer.from('['.repeat(50000) + ']'.repeat(50000)), 'demasiado anidada'],
    ['newer', Buffer.from(JSON.stringify({ format: 'family-forms/document', version: 99, document: {} })), 'versión más nueva'],
    ['unknown form', Buffer.from(JSON.stringify({
      format: 'family-forms/document', version: 2, form: { title: { en: 'Field trip permission' } },
      document: { id: 'x', form_id: 'field-trip', form_version: 1, answers: {}, created: '2026-11-01T00:00:00Z', updated: '2026-11-01T00:00:00Z' },
    })), 'Field trip permission'],
    ['a backup', Buffer.from(JSON.stringify({ format: 'family-forms/backup', version: 1 })), 'copia de seguridad completa'],
  ];
  for (const [name, buffer, expected] of cases) {
    await input.setInputFiles({ name: `${name}.json`, mimeType: 'application/json', buffer });
    await alert.getByText(expected, { exact: false }).waitFor({ timeout: 5000 });
    assert.ok((await alert.innerText()).includes('No se puede abrir este archivo'), name);
  }
  // Still working: the form list is there and a form opens.
  await page.getByRole('link', { name: 'Siete cosas que contarle a la maestra' }).first().tap();
  await page.waitForURL(/\/doc\//);
  assert.deepEqual(errors, []);
  await context.close();
});

test("a plan the family sends the teacher comes back with the teacher's part and updates the family's copy", async () => {
  const sendFile = async (page, name) => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Save a file for the app' }).tap(),
    ]);
    const path = join(ARTIFACTS, name);
    await download.saveAs(path);
    return path;
  };
  const family = await env.phone('en-US');
  await family.page.goto(env.url + '/form/partnership-plan');
  await family.page.waitForURL(/\/doc\//);
  await ready(family.page);
  const familyDoc = family.page.url();
  await family.page.getByLabel("Student's name").fill('Mía Núñez');
  await family.page.getByText('Saved on this device').waitFor();
  const toTeacher = await sendFile(family.page, 'plan-to-teacher.json');

  // The teacher, on another device, keeps it and adds the school's part.
  const teacher = await env.phone('en-US');
  await teacher.page.goto(env.url + '/');
  await ready(teacher.page);
  await teacher.page.locator('#open-received-file').setInputFiles(toTeacher);
  await teacher.page.getByRole('button', { name: 'Save on this device' }).tap();
  await teacher.page.waitForURL(/\/doc\//);
  await ready(teacher.page);
  await teacher.page.getByLabel('Teacher', { exact: true }).fill('Ms. Rivera');
  await teacher.page.getByRole('button', { name: 'Next →' }).tap();
  await teacher.page.getByLabel('The skill or standard we are working on').fill('Reading words with short vowels');
  await teacher.page.getByText('Saved on this device').waitFor();
  const back = await sendFile(teacher.page, 'plan-back-to-family.json');
  assert.deepEqual(teacher.errors, []);
  await teacher.context.close();

  // The family opens it: the app knows their plan, and says what the file would change.
  const { page, context, errors } = family;
  await page.getByRole('link', { name: 'Family Forms' }).tap();
  await page.locator('#open-received-file').setInputFiles(back);
  await page.waitForURL(/\/received$/);
  const kept = page.locator('.kept-copy');
  assert.equal(await kept.locator('strong').innerText(), 'This is a copy of a document on this device, with 2 answers different:');
  assert.deepEqual(await kept.locator('.kept-changes li').allInnerTexts(), ['Teacher', 'The skill or standard we are working on']);
  assert.match(await kept.innerText(), /keeps its answers until now under “Earlier versions”/);
  assert.ok(await page.getByRole('button', { name: 'Save as a separate document' }).isVisible());
  await page.screenshot({ path: join(ARTIFACTS, 'received-kept-copy.png'), fullPage: true });
  await page.getByRole('button', { name: 'Update my copy' }).tap();
  await page.getByText('Updated from the file you opened: 2 answers changed.', { exact: false }).waitFor();
  assert.equal(page.url(), familyDoc, 'the same document, not a new one');
  assert.equal(await page.getByLabel('Teacher', { exact: true }).inputValue(), 'Ms. Rivera');
  assert.equal(await page.getByLabel("Student's name").inputValue(), 'Mía Núñez');
  // What it said before is kept among its versions: one with only the family's answer.
  await page.getByRole('button', { name: 'Earlier versions' }).tap();
  await page.getByRole('button', { name: 'Restore this version' }).first().waitFor();
  assert.ok((await page.locator('.history li').allInnerTexts()).some((t) => t.includes('1 answered')));
  // Home still has one plan, and the same file again changes nothing.
  await page.getByRole('link', { name: 'Family Forms' }).tap();
  assert.equal(await page.locator('.doc-list a', { hasText: 'Our partnership plan' }).count(), 1);
  await page.locator('#open-received-file').setInputFiles(back);
  await page.getByText('This device already has this document, with the same answers.').waitFor();
  assert.equal(await page.getByRole('button', { name: 'Update my copy' }).count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a parent writes a letter asking for an evaluation in Spanish, and sends it in English', async () => {
  const { page, context, errors } = await env.phone('es-US');
  await page.addInitScript(() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; });
  await page.goto(env.url + '/');
  await ready(page);
  // The letters sit apart from the forms on home.
  const letters = page.getByRole('region', { name: 'Cartas para la escuela' });
  assert.equal(await letters.locator('.form-card').count(), 2);
  assert.equal(await page.getByRole('region', { name: 'Formularios' }).getByText('Carta para pedir').count(), 0);
  await letters.getByRole('link', { name: 'Carta para pedir una evaluación' }).tap();
  await page.waitForURL(/\/doc\//);
  await ready(page);
  const next = () => page.getByRole('button', { name: 'Siguiente →' }).tap();
  await page.getByLabel('Su nombre completo').fill('Rosa Núñez');
  await page.getByLabel('Su número de teléfono').fill('(860) 555-0134');
  await next();
  await page.getByLabel('El nombre completo de su hijo o hija').fill('Mía Núñez');
  await page.getByLabel('Fecha de nacimiento').fill('2021-03-04');
  await page.getByLabel('Escuela').fill('Escuela Lincoln');
  await page.getByLabel('Grado').selectOption('k');
  await next();
  await page.getByLabel('Director o directora de la escuela').check();
  await page.getByLabel('Fecha de la carta').fill('2026-11-30');
  await next();
  await page.getByLabel('la lectura').check();
  await page.getByLabel('el habla o el lenguaje').check();
  await next();

  // The letter as it will go, with what is still missing marked by its question.
  const letter = page.locator('.letter-page');
  assert.deepEqual(await letter.locator('.letter-missing').allInnerTexts(), ['[Lo que he observado (ejemplos)]']);
  let text = await letter.innerText();
  assert.ok(text.startsWith('30 de noviembre de 2026'), text);
  assert.ok(text.includes('Me preocupa su progreso en: la lectura y el habla o el lenguaje.'), text);
  assert.ok(!text.includes('Lo que se ha intentado'), 'a question skipped leaves no empty sentence');
  await page.getByRole('button', { name: '← Anterior' }).tap();
  await page.getByLabel('Lo que he observado (ejemplos)').fill('Todavía no reconoce la mayoría de las letras.');
  await next();
  await page.getByText('Guardado en este aparato').waitFor();
  assert.equal(await letter.locator('.letter-missing').count(), 0);
  assert.ok((await letter.innerText()).includes('Lo que he observado: Todavía no reconoce la mayoría de las letras.'));
  await page.screenshot({ path: join(ARTIFACTS, 'letter-evaluation-es.png'), fullPage: true });

  // The school reads English: the copy is the letter alone, in English, with her words as typed.
  await page.getByRole('group', { name: 'Idioma de la copia' }).getByLabel('English').check();
  await page.getByRole('button', { name: 'Imprimir', exact: true }).tap();
  await page.waitForFunction(() => window.__printed === 1);
  await page.emulateMedia({ media: 'print' });
  const paper = page.locator('.print-only .booklet');
  assert.equal(await paper.getAttribute('class'), 'booklet booklet-letter');
  assert.equal(await paper.getAttribute('lang'), 'en');
  text = await paper.innerText();
  assert.ok(text.startsWith('November 30, 2026\n\nPrincipal\nEscuela Lincoln'), text);
  assert.ok(text.includes('Re: A request to evaluate my child, Mía Núñez (date of birth March 4, 2021, Kindergarten)'), text);
  assert.ok(text.includes('What I have seen: Todavía no reconoce la mayoría de las letras.'), text);
  assert.ok(text.trim().endsWith('Rosa Núñez\n(860) 555-0134'), text);
  assert.equal(await paper.locator('.booklet-cover').count(), 0, 'no cover on a letter');
  // On paper: one sheet that starts with the date, nothing of the app around it.
  const sheet = join(ARTIFACTS, 'print-letter-evaluation-en.pdf');
  await page.pdf({ path: sheet, format: 'Letter' });
  assert.equal(execFileSync('pdfinfo', [sheet]).toString().match(/Pages:\s+(\d+)/)[1], '1');
  const onPaper = pdfText(sheet).trim();
  assert.ok(onPaper.startsWith('November 30, 2026 Principal Escuela Lincoln'), onPaper.slice(0, 200));
  assert.ok(!onPaper.includes('Family Forms') && !onPaper.includes('Siguiente'), onPaper);
  await page.emulateMedia({ media: 'screen' });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Guardar o compartir como PDF' }).tap(),
  ]);
  const path = join(ARTIFACTS, 'letter-evaluation-en.pdf');
  await download.saveAs(path);
  const pdf = pdfText(path);
  assert.ok(pdf.startsWith('November 30, 2026 Principal Escuela Lincoln'), pdf.slice(0, 200));
  assert.ok(pdf.includes('Thank you, Rosa Núñez'), pdf);
  assert.deepEqual(errors, []);
  await context.close();
});

test("files of documents a teacher already keeps are told apart from new ones, and Save all leaves them to her", async () => {
  const { page, context, errors } = await env.phone('en-US');
  await page.goto(env.url + '/');
  await ready(page);
  // Mía's file was opened and saved last week.
  await page.locator('#open-received-file').setInputFiles({ name: 'mia.json', mimeType: 'application/json', buffer: SENT_FILE });
  await page.getByRole('button', { name: 'Save on this device' }).tap();
  await page.waitForURL(/\/doc\/d[0-9a-f]+$/);
  const miaHere = page.url();
  await page.getByRole('link', { name: 'Family Forms' }).tap();

  // Now the class's files: Mía's again as it was, Mía's with a change, and Leo's, new.
  const changed = JSON.parse(SENT_FILE.toString());
  changed.document.answers.describe.value = 'Curiosa, cariñosa y valiente.';
  changed.document.updated = '2026-11-28T10:00:00Z';
  await page.locator('#open-received-file').setInputFiles([
    { name: 'mia.json', mimeType: 'application/json', buffer: SENT_FILE },
    { name: 'mia-new.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(changed)) },
    { name: 'leo.json', mimeType: 'application/json', buffer: sentFileAboutLeo() },
  ]);
  await page.getByRole('heading', { name: 'Files you received (3)' }).waitFor();
  const items = page.locator('.received-list .doc-list li');
  assert.match(await items.nth(0).innerText(), /Already on this device, with the same answers/);
  assert.match(await items.nth(1).innerText(), /A copy of one on this device, with 1 answer different/);
  assert.doesNotMatch(await items.nth(2).innerText(), /on this device/);
  await items.nth(0).getByRole('link', { name: 'Open' }).waitFor();
  const savedDocs = () => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('family-forms:doc:')).length);
  await page.getByRole('button', { name: 'Save the one not yet saved' }).tap();
  await page.getByText('Saved on this device: 1.', { exact: false }).waitFor();
  assert.equal(await savedDocs(), 2, 'Leo saved; Mía not saved twice');

  // The changed one is hers to decide: read it, and update the copy she keeps.
  await items.nth(1).getByRole('button', { name: 'Read' }).tap();
  assert.deepEqual(await page.locator('.kept-changes li').allInnerTexts(), ['How would you describe your child in a few words?']);
  await page.getByRole('button', { name: 'Update my copy' }).tap();
  await page.getByText('Updated from the file you opened: 1 answer changed.', { exact: false }).waitFor();
  assert.equal(page.url(), miaHere);
  assert.equal(await savedDocs(), 2);
  assert.deepEqual(errors, []);
  await context.close();
});

test("a teacher's contact log prints and saves as a PDF with every word of its ten columns whole", async () => {
  const { page, context, errors } = await env.phone();
  await page.addInitScript(() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; });
  await page.goto(env.url + '/form/family-contact-log');
  await page.waitForURL(/\/doc\//);
  await ready(page);
  await page.getByLabel('Your name').fill('Ms. Rivera');
  await page.getByRole('button', { name: 'Next →' }).tap();
  await page.getByRole('button', { name: 'Add a contact' }).tap();
  const card = page.locator('.row-card').last();
  await card.getByLabel('Date', { exact: true }).fill('2026-11-20');
  await card.getByLabel('Student', { exact: true }).fill('Valentina Hernández');
  await card.getByLabel('Family member').fill('Grandmother');
  await card.getByLabel('Why').fill('Reading progress');
  await card.getByLabel('Language or interpreter').fill('Spanish, with an interpreter');
  await card.getByLabel('What came of it').fill('She will read with Valentina every evening and tell me how it goes.');
  await page.getByText('Saved on this device').waitFor();
  // Whole words, as a reader sees them: a word cut in two comes back as two pieces.
  const words = ['November', 'Valentina', 'Hernández', 'Grandmother', 'progress', 'interpreter', 'Language', 'evening'];
  const wordsOf = (path) => new Set(execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-']).toString('utf8').split(/\s+/));

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Save or share as PDF' }).tap(),
  ]);
  const saved = join(ARTIFACTS, 'export-contact-log.pdf');
  await download.saveAs(saved);
  const inPdf = wordsOf(saved);
  for (const w of words) assert.ok(inPdf.has(w), `"${w}" whole in the PDF`);

  await page.getByRole('button', { name: 'Print', exact: true }).tap();
  await page.waitForFunction(() => window.__printed === 1);
  await page.emulateMedia({ media: 'print' });
  const paper = join(ARTIFACTS, 'print-contact-log.pdf');
  await page.pdf({ path: paper, format: 'Letter' });
  const onPaper = wordsOf(paper);
  for (const w of words) assert.ok(onPaper.has(w), `"${w}" whole on paper`);
  assert.deepEqual(errors, []);
  await context.close();
});

test("a file with an answer that cannot be read opens with every other answer, names the one left out, and never clears it from a kept copy", async () => {
  const { page, context, errors } = await env.phone('es-US');
  await page.goto(env.url + '/');
  await ready(page);
  const ALLERGIES = '¿Su hijo o hija tiene alguna alergia (comida, medicina, insectos, otra)?';
  const DESCRIBE = '¿Cómo describiría a su hijo o hija en pocas palabras?';
  const LEFT_OUT = `No se pudo leer 1 respuesta de este archivo y quedó fuera: «${ALLERGIES}». Todas las demás respuestas están aquí. Para tenerla también, pida una copia nueva a quien le envió el archivo.`;
  const allergies = page.locator('fieldset', { hasText: ALLERGIES });
  const next = async (title) => {
    await page.getByRole('button', { name: 'Siguiente →' }).first().tap();
    await page.locator('#section-title', { hasText: title }).waitFor();
  };
  // The teacher already keeps Leo's file as it was first sent.
  await page.locator('#open-received-file').setInputFiles({ name: 'leo.json', mimeType: 'application/json', buffer: sentFileAboutLeo() });
  await page.getByRole('button', { name: 'Guardar en este aparato' }).tap();
  await page.waitForURL(/\/doc\/d[0-9a-f]+$/);
  const leoKept = page.url();
  await ready(page);

  // Then Mía's file, and Leo's again with a new description, each with its allergies answer
  // damaged on the way (a hand edit, a broken transfer).
  const damaged = (doc) => { doc.answers.allergies = { type: 'yes_no', answer: 7 }; };
  const mia = JSON.parse(SENT_FILE.toString());
  damaged(mia.document);
  await page.getByRole('link', { name: 'Family Forms' }).tap();
  await page.locator('#open-received-file').setInputFiles([
    { name: 'mia.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(mia)) },
    { name: 'leo.json', mimeType: 'application/json', buffer: sentFileAboutLeo((doc) => {
      damaged(doc);
      doc.answers.describe.value = 'Le encanta construir con bloques.';
      doc.updated = '2026-11-22T10:00:00Z';
    }) },
  ]);
  await page.getByRole('heading', { name: 'Archivos recibidos (2)' }).waitFor();
  const list = page.locator('.received-list .doc-list');
  for (const who of ['Mía', 'Leo']) {
    assert.equal(await list.locator('li', { hasText: who }).locator('.field-error').innerText(), LEFT_OUT, who);
  }
  // Leo's differs from the copy kept here by its description only: the answer the file lost
  // is not a change.
  await list.locator('li', { hasText: 'Leo' }).getByText('Copia de uno que está en este aparato, con 1 respuesta distinta').waitFor();

  await list.locator('li', { hasText: 'Mía' }).getByRole('button', { name: 'Leer' }).tap();
  await page.getByText('Recibido: Siete cosas que contarle a la maestra — Mía').waitFor();
  assert.equal(await page.locator('.received-left-out').innerText(), LEFT_OUT);
  assert.ok((await page.locator('.booklet').innerText()).includes('Curiosa y cariñosa.'), 'every other answer is there');
  // Every copy made from it names the question too, so no one takes it for one left blank.
  const MISSING = 'Respuestas que faltan en esta copia';
  const missing = page.locator('.booklet-missing');
  assert.equal(await missing.getByRole('heading').innerText(), MISSING);
  assert.deepEqual(await missing.locator('li').allInnerTexts(), [ALLERGIES]);
  await page.screenshot({ path: join(ARTIFACTS, 'received-left-out.png'), fullPage: true });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Guardar o compartir como PDF' }).tap(),
  ]);
  const pdf = join(ARTIFACTS, 'received-left-out.pdf');
  await download.saveAs(pdf);
  const cover = squash(execFileSync('pdftotext', ['-enc', 'UTF-8', '-l', '1', pdf, '-']).toString('utf8'));
  for (const said of [MISSING, 'no se pudieron leer', ALLERGIES]) assert.ok(cover.includes(said), `${said} on the cover: ${cover}`);
  await page.getByRole('button', { name: 'Guardar en este aparato' }).tap();
  await page.waitForURL(/\/doc\/d[0-9a-f]+$/);
  await ready(page);
  assert.equal(await page.getByLabel('El nombre con que le gusta que le llamen').inputValue(), 'Mía');
  // Kept here, it goes on saying what was lost, until it is answered again.
  const stillMissing = page.locator('.form-missing');
  assert.equal(await stillMissing.locator('p').innerText(), `Falta en este formulario: «${ALLERGIES}». La respuesta no se pudo leer de un archivo o copia guardada dañados. Cada copia que imprima o comparta la nombra hasta que se vuelva a responder.`);
  await page.screenshot({ path: join(ARTIFACTS, 'form-missing.png') });
  // One tap takes her to it, sections away.
  await stillMissing.getByRole('button', { name: 'Ir a la pregunta' }).tap();
  await page.locator('#section-title', { hasText: 'Salud' }).waitFor();
  await page.waitForFunction((q) => [...document.querySelectorAll('fieldset')].some((f) => f.textContent.includes(q) && f.contains(document.activeElement)), ALLERGIES);
  assert.equal(await allergies.locator('input[type=radio]:checked').count(), 0, 'left out, to be asked again');
  await allergies.getByLabel('No', { exact: true }).check();
  await stillMissing.waitFor({ state: 'detached' });
  await next('Cambios en casa');
  await next('Personalidad');
  assert.equal(await page.getByLabel(DESCRIBE).inputValue(), 'Curiosa y cariñosa.');

  await page.goBack();
  await list.locator('li', { hasText: 'Leo' }).getByRole('button', { name: 'Leer' }).tap();
  const kept = page.locator('.kept-copy');
  assert.deepEqual(await kept.locator('.kept-changes li').allInnerTexts(), [DESCRIBE]);
  await page.getByRole('button', { name: 'Actualizar mi copia' }).tap();
  await page.getByText('Se actualizó con el archivo que abrió: cambió 1 respuesta.', { exact: false }).waitFor();
  assert.equal(page.url(), leoKept, 'the copy kept, not a new one');
  await ready(page);
  await next('Salud');
  assert.equal(await allergies.locator('input[type=radio]:checked').getAttribute('value'), 'yes', 'as it was kept');
  assert.equal(await allergies.getByRole('textbox').inputValue(), 'Cacahuetes');
  await next('Cambios en casa');
  await next('Personalidad');
  assert.equal(await page.getByLabel(DESCRIBE).inputValue(), 'Le encanta construir con bloques.');
  assert.deepEqual(errors, []);
  await context.close();
});
