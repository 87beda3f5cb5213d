// Benchmark: sizes of the release build and how fast the home page first renders in headless
// Chromium on loopback. Prints a Markdown table and writes bench-results/latest.json.
// Run through scripts/bench, which builds release first. Not a test: it judges nothing.
import { readdirSync, readFileSync, statSync, mkdirSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serveDist } from '../tests/e2e/server.mjs';
import { CHROMIUM_ARGS, PHONE } from '../tests/e2e/harness.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = join(ROOT, 'dist');
const RUNS = Number(process.env.BENCH_RUNS || 7);

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const kb = (n) => (n / 1024).toFixed(1);

function sizes() {
  const files = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else {
        const raw = readFileSync(full);
        files.push({ file: full.slice(DIST.length + 1), raw: raw.length, gzip: gzipSync(raw, { level: 9 }).length });
      }
    }
  };
  walk(DIST);
  files.sort((a, b) => b.gzip - a.gzip);
  const total = files.reduce((t, f) => ({ raw: t.raw + f.raw, gzip: t.gzip + f.gzip }), { raw: 0, gzip: 0 });
  return { files, total };
}

async function firstRender(browser, url) {
  const fcp = [];
  const rendered = [];
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext(PHONE);
    const page = await context.newPage();
    await page.goto(url + '/');
    await page.waitForSelector('main h1');
    const t = await page.evaluate(() => ({
      rendered: performance.now(),
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
    }));
    fcp.push(t.fcp);
    rendered.push(t.rendered);
    await context.close();
  }
  return { runs: RUNS, fcp_ms: median(fcp), home_rendered_ms: median(rendered) };
}

const size = sizes();
const server = await serveDist(DIST);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
let timing;
try {
  timing = await firstRender(browser, server.url);
} finally {
  await browser.close();
  await server.close();
}

const lines = ['| file | raw KB | gzip KB |', '|---|---:|---:|'];
for (const f of size.files) lines.push(`| ${f.file} | ${kb(f.raw)} | ${kb(f.gzip)} |`);
lines.push(`| **total** | **${kb(size.total.raw)}** | **${kb(size.total.gzip)}** |`);
lines.push('', '| measure (median of ' + timing.runs + ' runs, no throttling) | ms |', '|---|---:|');
lines.push(`| first contentful paint, home | ${timing.fcp_ms.toFixed(1)} |`);
lines.push(`| home rendered (h1 in the DOM) | ${timing.home_rendered_ms.toFixed(1)} |`);
console.log(lines.join('\n'));

mkdirSync(join(ROOT, 'bench-results'), { recursive: true });
writeFileSync(join(ROOT, 'bench-results', 'latest.json'), JSON.stringify({ date: new Date().toISOString(), sizes: size, timing }, null, 2));
