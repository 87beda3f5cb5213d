// Each shipped form, filled completely on a phone in English and in Spanish (every section,
// rows added), then reloaded: every answer is still there. The walk is driven by the form's
// own definition, so a new question is covered as soon as it ships.
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test, start, ready, ARTIFACTS, ROOT } from './harness.mjs';

const FORMS_DIR = join(ROOT, 'src', 'forms');
const FORMS = readdirSync(FORMS_DIR).filter((f) => f.endsWith('.json')).map((f) => JSON.parse(readFileSync(join(FORMS_DIR, f), 'utf8')));

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

/** What a person types, in their language, with the accents and punctuation they use. */
function words(lang, id) {
  return lang === 'es' ? `Respuesta de ${id}: ¿sí? ¡claro! — ñandú, acción, pingüino` : `Answer for ${id}: “quoted” — it’s fine`;
}

/**
 * Fills one field as a person would and records what must be there after a reload.
 * `base` is the DOM id of the field (`f-name`, or `f-household-r1-name` for a cell).
 */
async function fill(page, field, base, lang, expect) {
  const el = (suffix = '') => page.locator(`#${base}${suffix}`);
  const value = async (suffix, v) => { await el(suffix).fill(v); expect.push({ sel: `#${base}${suffix}`, value: v }); };
  const check = async (suffix) => { await el(suffix).check(); expect.push({ sel: `#${base}${suffix}`, checked: true }); };
  switch (field.kind) {
    case 'short_text': return value('', words(lang, field.id).slice(0, 40));
    case 'long_text': return value('', words(lang, field.id));
    case 'date': return value('', '2026-10-05');
    case 'number': {
      const n = Math.min(field.max ?? 7, Math.max(field.min ?? 0, 7));
      return value('', String(n));
    }
    case 'email': return value('', 'familia@example.org');
    case 'phone': return value('', '(860) 555-0100');
    case 'choice':
      if (field.display === 'select') {
        await el().selectOption(field.options[0].value);
        expect.push({ sel: `#${base}`, value: field.options[0].value });
        return;
      }
      return check('');
    case 'multi_choice':
    case 'rating':
      return check('');
    case 'yes_no':
      await check('');
      return value('-details', words(lang, field.id));
    case 'checklist':
      await check('');
      return value('-date', '2026-10-01');
    case 'signature':
      await value('', lang === 'es' ? 'Rosa Núñez' : 'Rose Nash');
      return value('-date', '2026-11-23');
    case 'rows': {
      const add = page.locator(`#${base} > .add-row`);
      await add.click();
      await add.click();
      for (const row of ['r1', 'r2']) {
        for (const column of field.columns) {
          await fill(page, column, `${base}-${row}-${column.id}`, lang, expect);
        }
      }
      return;
    }
    default: // info and derived take no input
  }
}

async function nextSection(page) {
  const next = page.locator('.section-steps button').last();
  if (await next.isDisabled()) return false;
  await next.click();
  return true;
}

for (const form of FORMS) {
  for (const lang of ['en', 'es']) {
    test(`${form.id} filled completely in ${lang} survives a reload`, async () => {
      const { page, context, errors } = await env.phone(lang === 'es' ? 'es-US' : 'en-US');
      await page.goto(`${env.url}/form/${form.id}`);
      await ready(page);
      assert.equal(await page.locator('h1').innerText(), form.title[lang]);

      const expect = [];
      const sectionsSeen = [];
      for (;;) {
        const title = await page.locator('#section-title').innerText();
        const section = form.sections.find((s) => s.title[lang] === title);
        assert.ok(section, `section "${title}" is in the definition`);
        sectionsSeen.push(section.id);
        const start = expect.length;
        for (const field of section.fields) {
          const base = `f-${field.id}`;
          const shown = field.kind === 'info' || field.kind === 'derived' || (await page.locator(`#${base}`).count()) > 0;
          if (shown) await fill(page, field, base, lang, expect);
        }
        expect.slice(start).forEach((e) => { e.section = section.id; });
        if (!(await nextSection(page))) break;
      }
      assert.deepEqual(sectionsSeen, form.sections.map((s) => s.id), 'every section visited');
      const words = await page.locator('.progress-words').innerText();
      const [answered, total] = words.match(/\d+/g).map(Number);
      assert.equal(answered, total, words);
      await page.locator('.save-status', { hasText: lang === 'es' ? 'Guardado' : 'Saved' }).waitFor();
      await page.screenshot({ path: join(ARTIFACTS, `form-${form.id}-${lang}-last-section.png`) });

      // The form reopens where it was left, at its last section; the walk starts from the top.
      await page.reload();
      await ready(page);
      await page.locator('#section-title', { hasText: form.sections.at(-1).title[lang] }).waitFor();
      await page.locator('.section-list summary').tap();
      await page.locator('.section-link').first().tap();
      for (const section of form.sections) {
        if (section !== form.sections[0]) assert.ok(await nextSection(page));
        await page.locator('#section-title', { hasText: section.title[lang] }).waitFor();
        for (const e of expect.filter((x) => x.section === section.id)) {
          const loc = page.locator(e.sel);
          if (e.checked) assert.equal(await loc.isChecked(), true, e.sel);
          else assert.equal(await loc.inputValue(), e.value, e.sel);
        }
      }
      assert.deepEqual(errors, []);
      await context.close();
    });
  }
}
