// Compares two builds on one measure of bench/run.mjs, alternating A B B A so that neither
// build always runs second (on this VM the second of a pair tends to measure slower).
//
//   node bench/compare.mjs <measure> <dist A> <dist B> [rounds]
//
// <measure> is one of run.mjs's BENCH_ONLY names (home, render300, pdf, typing, cold, first);
// each round runs A, B, B, A (default 2 rounds: four runs of each build, each a median of
// BENCH_RUNS taps). Prints every run in the order it ran and each build's median of its runs.
// Needs no build of its own: point it at two `dist/` folders (this clone's and another's).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));

/** The figures each measure reports, read from run.mjs's BENCH_ONLY output. */
const FIGURES = {
  home: {
    'home, 50 children × 4 documents (ms)': (r) => r.home.ms,
    "home's markup inserted in one go, the floor (ms)": (r) => r.home.floor_ms,
    "home's search, key to paint p50 (ms)": (r) => r.homeFind.p50_ms,
    "home's search, key to paint p95 (ms)": (r) => r.homeFind.p95_ms,
    "home's search, key to work done p95 (ms)": (r) => r.homeFind.work_p95_ms,
    "home's search, key to results painted p95 (ms)": (r) => r.homeFind.results_p95_ms,
    "kept files' search, key to paint p50 (ms)": (r) => r.keptFind.p50_ms,
    "kept files' search, key to paint p95 (ms)": (r) => r.keptFind.p95_ms,
    "kept files' search, key to results painted p95 (ms)": (r) => r.keptFind.results_p95_ms,
  },
  render300: {
    'first questions in the DOM (ms)': (r) => r.big.first_dom_ms,
    'all 300 in the DOM (ms)': (r) => r.big.dom_ms,
  },
  pdf: { 'PDF (ms)': (r) => r.pdf.ms },
  typing: {
    'keystroke to paint p95 (ms)': (r) => r.keys.p95_ms,
    'static page p95, the floor (ms)': (r) => r.floorKeys.p95_ms,
  },
  cold: {
    'cold load, first key on the largest form (ms)': (r) => r.cold.form_first_key_ms,
    'its code arrived (ms)': (r) => r.cold.form_code_arrived_ms,
    'a later visit, the app kept on the device: first key (ms)': (r) => r.cold.later_visit_first_key_ms,
  },
  first: { 'home rendered, no throttling (ms)': (r) => r.timing.home_rendered_ms },
};

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

const [measure, distA, distB, roundsArg] = process.argv.slice(2);
const figures = FIGURES[measure];
if (!figures || !distA || !distB) {
  console.error(`usage: node bench/compare.mjs <${Object.keys(FIGURES).join('|')}> <dist A> <dist B> [rounds]`);
  process.exit(2);
}
const builds = { A: resolve(distA), B: resolve(distB) };
for (const [name, dir] of Object.entries(builds)) {
  if (!existsSync(join(dir, 'index.html'))) {
    console.error(`build ${name}: no index.html in ${dir}`);
    process.exit(2);
  }
}
const rounds = Number(roundsArg || 2);
if (!Number.isInteger(rounds) || rounds < 1) {
  console.error('rounds must be a whole number of at least 1');
  process.exit(2);
}

/** One run of run.mjs on one build; the figures it reported. */
function measureOnce(dir) {
  const out = spawnSync(process.execPath, [join(HERE, 'run.mjs')], {
    env: { ...process.env, BENCH_ONLY: measure, DIST: dir },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (out.status !== 0) {
    throw new Error(`bench/run.mjs failed on ${dir}:\n${out.stderr}`);
  }
  const report = JSON.parse(out.stdout.slice(out.stdout.indexOf('{')));
  return Object.fromEntries(Object.entries(figures).map(([label, read]) => [label, read(report)]));
}

const results = { A: [], B: [] };
const lines = ['| run | build | ' + Object.keys(figures).join(' | ') + ' |', '|---|---|' + '---:|'.repeat(Object.keys(figures).length)];
let n = 0;
for (let round = 0; round < rounds; round++) {
  for (const name of ['A', 'B', 'B', 'A']) {
    const got = measureOnce(builds[name]);
    results[name].push(got);
    n += 1;
    lines.push(`| ${n} | ${name} | ` + Object.values(got).map((v) => v.toFixed(1)).join(' | ') + ' |');
    console.error(`run ${n} of ${rounds * 4} (${name}) done`);
  }
}
lines.push('', '| build | runs | ' + Object.keys(figures).map((l) => `median of runs: ${l}`).join(' | ') + ' |', '|---|---:|' + '---:|'.repeat(Object.keys(figures).length));
for (const name of ['A', 'B']) {
  const medians = Object.keys(figures).map((label) => median(results[name].map((r) => r[label])).toFixed(1));
  lines.push(`| ${name}: ${builds[name]} | ${results[name].length} | ${medians.join(' | ')} |`);
}
console.log(lines.join('\n'));
