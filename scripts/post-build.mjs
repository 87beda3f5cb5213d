#!/usr/bin/env node
// Trunk post-build hook (also runnable as `node scripts/post-build.mjs DIR`):
// 1. moves trunk's inline start-up script into a file, so the Content-Security-Policy can
//    forbid inline scripts altogether; in a release build, cuts the wasm in two (1b); gives
//    the wasm's imports from the glue short names (1c);
// 2. minifies the scripts and the stylesheet (scripts/minify.mjs);
// 3. writes sw.js with this build's file list and a version hashed from every file's bytes;
// 4. writes a gzip and a brotli copy of each text and wasm file, for servers that serve
//    precompressed files (brotli is about a quarter smaller than gzip for the wasm).
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync, readdirSync, statSync, unlinkSync } from 'node:fs';
import { join, relative, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { minifyScript, minifyStylesheet } from './minify.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const dir = process.env.TRUNK_STAGING_DIR || process.argv[2];
if (!dir) { console.error('post-build: no directory (TRUNK_STAGING_DIR or an argument)'); process.exit(1); }
const sha = (data) => createHash('sha256').update(data).digest('hex');

// 1. Inline start-up script → /boot-<hash>.js, fetching the app's code through
//    js/start-up.js's ffDownload (which shows the download's progress on the start-up screen,
//    against the wasm's size written on that screen).
const indexPath = join(dir, 'index.html');
let html = readFileSync(indexPath, 'utf8');
const wasmFile = readdirSync(dir).find((f) => f.endsWith('_bg.wasm'));
if (!wasmFile || !html.includes('<div id="boot"')) { console.error('post-build: no app wasm or no start-up screen'); process.exit(1); }
html = html.replace('<div id="boot"', `<div id="boot" data-app-bytes="${statSync(join(dir, wasmFile)).size}"`);
let fetchesThroughStartUp = false;
html = html.replace(/<script type="module"(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g, (_, script) => {
  const body = script.replace(/module_or_path: ('\/[^']+_bg\.wasm')/, (_, url) => {
    fetchesThroughStartUp = true;
    // Without start-up.js (it failed to load), the app fetches its code as before.
    return `module_or_path: window.ffDownload ? window.ffDownload(${url}) : ${url}`;
  });
  const name = `boot-${sha(body).slice(0, 16)}.js`;
  writeFileSync(join(dir, name), body);
  return `<script type="module" src="/${name}"></script>`;
});
if (!fetchesThroughStartUp) {
  console.error("post-build: trunk's start-up script no longer passes the wasm as module_or_path: '/…_bg.wasm'");
  process.exit(1);
}
if (/<script(?![^>]*\bsrc=)[^>]*>[\s\S]*?<\/script>/.test(html)) {
  console.error('post-build: an inline script is left in index.html; the CSP would block it');
  process.exit(1);
}
writeFileSync(indexPath, html);

// 1b. A release build's wasm in two parts (scripts/split-wasm.mjs): what opening home or a
//     form runs, found by visiting the built app in headless Chromium (scripts/profile-wasm.mjs),
//     and the rest, which js/more-code.js fetches as the app starts. Both are named after
//     a hash of their bytes, so a part kept by a browser always meets the other part it was
//     made with. FF_SPLIT=off builds one part, as before.
if ((process.env.TRUNK_PROFILE ?? 'release') === 'release' && process.env.FF_SPLIT !== 'off') {
  const { functionsRunAtStart, shippedForms } = await import('./profile-wasm.mjs');
  const { splitWasm } = await import('./split-wasm.mjs');
  let keep;
  try {
    keep = await functionsRunAtStart(dir, shippedForms(join(here, '..')));
  } catch (error) {
    console.error(`post-build: could not find what the app runs as it starts (${error.message}).`);
    console.error('post-build: scripts/setup installs Chromium and playwright-core; FF_SPLIT=off builds without splitting.');
    process.exit(1);
  }
  const { first, rest, moved } = splitWasm(readFileSync(join(dir, wasmFile)), keep);
  const stem = wasmFile.replace(/-[0-9a-f]+_bg\.wasm$/, '');
  const firstName = `${stem}-${sha(first).slice(0, 16)}_bg.wasm`;
  const restName = `${stem}-${sha(rest).slice(0, 16)}_more.wasm`;
  unlinkSync(join(dir, wasmFile));
  writeFileSync(join(dir, firstName), first);
  writeFileSync(join(dir, restName), rest);
  renamed(wasmFile, firstName);
  html = html
    .replace(/data-app-bytes="\d+"/, `data-app-bytes="${first.length}"`)
    .replace('</head>', `  <meta name="ff-more-code" content="/${restName}" />\n  </head>`);
  writeFileSync(indexPath, html);
  console.log(`post-build: wasm split: ${first.length} bytes first, ${rest.length} bytes after (${moved} of its functions), from ${keep.size} functions run at start`);
}

// 1c. The functions the wasm imports from wasm-bindgen's glue get short names, in both
//     (scripts/short-imports.mjs): 5 KB brotli less to download first. The wasm and the glue
//     are named after their new bytes, so a browser that kept one never meets the other of
//     another build.
{
  const { shortenImports } = await import('./short-imports.mjs');
  const wasmName = readdirSync(dir).find((f) => f.endsWith('_bg.wasm'));
  const glueName = readdirSync(dir).find((f) => /^[\w-]+-[0-9a-f]+\.js$/.test(f)
    && readFileSync(join(dir, f), 'utf8').includes('__wbindgen_start'));
  if (!glueName) { console.error("post-build: no wasm-bindgen glue (a .js with __wbindgen_start)"); process.exit(1); }
  const short = shortenImports(readFileSync(join(dir, wasmName)), readFileSync(join(dir, glueName), 'utf8'));
  const stem = (name) => name.replace(/-[0-9a-f]+(_bg\.wasm|\.js)$/, '');
  const newWasm = `${stem(wasmName)}-${sha(short.wasm).slice(0, 16)}_bg.wasm`;
  const newGlue = `${stem(glueName)}-${sha(short.glue).slice(0, 16)}.js`;
  unlinkSync(join(dir, wasmName));
  unlinkSync(join(dir, glueName));
  writeFileSync(join(dir, newWasm), short.wasm);
  writeFileSync(join(dir, newGlue), short.glue);
  renamed(wasmName, newWasm);
  renamed(glueName, newGlue);
  html = html.replace(/data-app-bytes="\d+"/, `data-app-bytes="${short.wasm.length}"`);
  writeFileSync(indexPath, html);
  console.log(`post-build: ${short.renamed} imports renamed, ${wasmName} → ${newWasm}, ${glueName} → ${newGlue}`);
}

/** Follows a file's new name in index.html and every script (the start-up script, trunk's
 * glue); a start-up script that changes is named after its new body, as step 1 names it. */
function renamed(oldName, newName) {
  for (const f of readdirSync(dir).filter((name) => name.endsWith('.js'))) {
    const text = readFileSync(join(dir, f), 'utf8');
    if (!text.includes(oldName)) continue;
    const body = text.replaceAll(oldName, newName);
    if (/^boot-[0-9a-f]+\.js$/.test(f)) {
      const name = `boot-${sha(body).slice(0, 16)}.js`;
      unlinkSync(join(dir, f));
      writeFileSync(join(dir, name), body);
      html = html.replace(`/${f}`, `/${name}`);
    } else {
      writeFileSync(join(dir, f), body);
    }
  }
  html = html.replaceAll(oldName, newName);
}

function walk(d) {
  return readdirSync(d).flatMap((f) => {
    const p = join(d, f);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}
for (const f of walk(dir)) if (f.endsWith('.gz') || f.endsWith('.br')) unlinkSync(f);

// 2. Minified before the service worker's version is hashed from the files' bytes. Every
//    script the page loads is an ES module (trunk's glue, the start-up scripts, boot).
//    Trunk's Subresource Integrity hashes in index.html are then made again from the bytes
//    shipped, or the browser would refuse every minified file.
for (const f of walk(dir)) {
  if (f.endsWith('.js')) await minifyScript(f, true);
  else if (f.endsWith('.css')) minifyStylesheet(f);
}
html = html.replace(/<(?:link|script)\b[^>]*\bintegrity="(sha256|sha384|sha512)-[^"]*"[^>]*>/g, (tag, algorithm) => {
  const file = tag.match(/\b(?:href|src)="\/([^"?#]+)"/)?.[1];
  if (!file) return tag;
  const digest = createHash(algorithm).update(readFileSync(join(dir, file))).digest('base64');
  return tag.replace(/\bintegrity="[^"]*"/, `integrity="${algorithm}-${digest}"`);
});
writeFileSync(indexPath, html);

// 3. The service worker.
const files = walk(dir)
  .map((p) => '/' + relative(dir, p).split('\\').join('/'))
  .filter((p) => p !== '/sw.js')
  .sort();
const version = sha(files.map((f) => f + sha(readFileSync(join(dir, f)))).join('\n')).slice(0, 16);
const template = readFileSync(join(here, '..', 'js', 'sw.js'), 'utf8');
writeFileSync(
  join(dir, 'sw.js'),
  template.replace("'__VERSION__'", JSON.stringify(version)).replace('__FILES__', JSON.stringify(['/', ...files])),
);
// A classic script (registered without `type: 'module'`): its top-level names are kept.
await minifyScript(join(dir, 'sw.js'), false);

// 4. Precompressed copies.
for (const f of walk(dir)) {
  if (/\.(html|js|css|wasm|svg|webmanifest|json)$/.test(f)) {
    const raw = readFileSync(f);
    writeFileSync(f + '.gz', gzipSync(raw, { level: constants.Z_BEST_COMPRESSION }));
    writeFileSync(f + '.br', brotliCompressSync(raw, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length },
    }));
  }
}
console.log(`post-build: ${files.length} files, service worker version ${version}`);
