#!/usr/bin/env node
// Minifies the JavaScript and CSS a build ships, in place: terser for scripts (the
// wasm-bindgen glue, the start-up scripts, the service worker), csso for the stylesheet. Their
// comments and spacing are for people reading the sources; the first load should not carry them.
// Used by scripts/post-build.mjs, and as `node scripts/minify.mjs FILE…` by the benchmark's
// framework floor, so both are weighed the same way.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { minify as terser } from 'terser';
import { minify as csso } from 'csso';

/** Minifies the script at `path`; `module` when it is an ES module (its top-level names are its
 * own, so they may be shortened; a classic script's are the page's globals and are kept). */
export async function minifyScript(path, module) {
  const source = readFileSync(path, 'utf8');
  const out = await terser(source, {
    module,
    compress: { passes: 2 },
    mangle: true,
    format: { comments: false },
  });
  if (typeof out.code !== 'string' || out.code.length === 0) throw new Error(`minify: nothing came out of ${path}`);
  writeFileSync(path, out.code);
}

/** Minifies the stylesheet at `path`, keeping its rules in their order (no restructuring, so
 * the cascade is the one written). */
export function minifyStylesheet(path) {
  const out = csso(readFileSync(path, 'utf8'), { restructure: false, comments: false });
  if (!out.css) throw new Error(`minify: nothing came out of ${path}`);
  writeFileSync(path, out.css);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const path of process.argv.slice(2)) {
    if (path.endsWith('.css')) minifyStylesheet(path);
    else await minifyScript(path, true);
  }
}
