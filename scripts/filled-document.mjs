// A saved document with every question of a form answered, as the app stores it. The benchmark
// times the app on such documents, and the release build's look at what the app runs
// (scripts/profile-wasm.mjs) opens one of each form, as a cold load of a filled form runs more
// of the code than a new one does.

/** A saved document of `def` with every question answered at length (rows get three rows). */
export function filledDocument(def, id, childId = null, when = '2026-11-20T10:00:00Z') {
  const answer = (f) => {
    switch (f.kind) {
      case 'info': case 'derived': return null;
      case 'choice': return { type: 'choice', selected: f.options[0].value };
      case 'multi_choice': return { type: 'multi', selected: f.options.slice(0, 2).map((o) => o.value) };
      case 'yes_no': return { type: 'yes_no', answer: 'yes', details: 'Detalles — '.repeat(10) };
      case 'checklist': return { type: 'checklist', items: Object.fromEntries(f.items.map((i) => [i.id, { done: true, date: '2026-11-01', note: 'hecho' }])) };
      case 'signature': return { type: 'signature', name: 'Rosa Núñez', date: '2026-11-20' };
      case 'date': return { type: 'text', value: '2026-11-20' };
      case 'number': case 'rating': return { type: 'text', value: String(f.min ?? 1) };
      case 'rows': return { type: 'rows', rows: [1, 2, 3].map((n) => ({ id: `r${n}`, cells: Object.fromEntries(f.columns.map((c) => [c.id, answer(c)]).filter(([, a]) => a)) })) };
      default: return { type: 'text', value: 'Le encanta leer cuentos y jugar afuera con sus primos. '.repeat(4) };
    }
  };
  const answers = {};
  for (const f of def.sections.flatMap((s) => s.fields)) { const a = answer(f); if (a) answers[f.id] = a; }
  return JSON.stringify({ format: 'family-forms/document', version: 2, document: {
    id, form_id: def.id, child_id: childId, form_version: def.version, answers, created: when, updated: when, revision: 1 } });
}
