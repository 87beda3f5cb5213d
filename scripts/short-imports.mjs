// Gives the functions the app's wasm imports from wasm-bindgen's glue short names, in the wasm
// and in the glue alike.
//
// wasm-bindgen names each import after the browser API it calls and a hash
// (`__wbg_setAttribute_5f3a…`), and the name is written twice: in the wasm's import section
// and as a key of the glue's import object. The hashes do not compress: for the app's 202
// imports that is about 5 KB brotli (6 KB gzip) of the first download. Here each becomes `a`,
// `b`, … `aa`, … in both files. Only the import section of the wasm changes (the code is
// left byte for byte), and only keys of the glue's import object.

import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The import module wasm-bindgen's glue answers for: `./<crate>_bg.js`. */
const isGlueModule = (name) => /^\.\/[\w-]+_bg\.js$/.test(name);

/** The `n`th short name: a…z, A…Z, then two letters and so on. */
export function shortName(n) {
  const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
  let name = '';
  do {
    name += letters[n % letters.length];
    n = Math.floor(n / letters.length);
  } while (n > 0);
  return name;
}

function reader(bytes, at) {
  let p = at;
  const u32 = () => {
    let value = 0;
    let shift = 0;
    let byte;
    do {
      byte = bytes[p++];
      value += (byte & 0x7f) * 2 ** shift;
      shift += 7;
    } while (byte & 0x80);
    return value;
  };
  const name = () => {
    const length = u32();
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(p, p + length));
    p += length;
    return text;
  };
  const limits = () => {
    const flags = u32();
    u32();
    if (flags & 1) u32();
  };
  return { u32, name, limits, skip: (n) => { p += n; }, get at() { return p; } };
}

function u32Bytes(value) {
  const out = [];
  do {
    let byte = value & 0x7f;
    value = Math.floor(value / 128);
    if (value > 0) byte |= 0x80;
    out.push(byte);
  } while (value > 0);
  return Uint8Array.from(out);
}

function nameBytes(text) {
  const utf8 = new TextEncoder().encode(text);
  return concat([u32Bytes(utf8.length), utf8]);
}

function concat(chunks) {
  const out = new Uint8Array(chunks.reduce((sum, c) => sum + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** The import section's entries, each `{ module, name, desc }` (`desc`: its bytes as they are). */
function readImports(bytes, r) {
  const count = r.u32();
  const entries = [];
  for (let i = 0; i < count; i++) {
    const module = r.name();
    const name = r.name();
    const start = r.at;
    const kind = bytes[start];
    r.skip(1);
    if (kind === 0 || kind === 4) { // a function (type index), a tag (attribute, type index)
      if (kind === 4) r.skip(1);
      r.u32();
    } else if (kind === 1) { // a table: its element type, then its limits
      if (bytes[r.at] === 0x63 || bytes[r.at] === 0x64) r.skip(1); // (ref null? <heap type>)
      r.skip(1);
      r.limits();
    } else if (kind === 2) {
      r.limits();
    } else if (kind === 3) { // a global: its value type, then whether it can change
      r.skip(2);
    } else {
      throw new Error(`short-imports: import ${module} ${name} has a kind this script does not know (${kind})`);
    }
    entries.push({ module, name, desc: bytes.subarray(start, r.at) });
  }
  return entries;
}

/**
 * Renames the glue's imports in `wasm` (bytes) and in `glue` (the glue's text). Resolves to
 * `{ wasm, glue, renamed }`. Throws, leaving nothing half done, if the wasm is not one or a
 * name is not a key of the glue exactly once.
 */
export function shortenImports(wasm, glue) {
  if (wasm[0] !== 0 || wasm[1] !== 0x61 || wasm[2] !== 0x73 || wasm[3] !== 0x6d) {
    throw new Error('short-imports: not a wasm module');
  }
  const r = reader(wasm, 8);
  const chunks = [wasm.subarray(0, 8)];
  const renamed = new Map();
  while (r.at < wasm.length) {
    const id = wasm[r.at];
    r.skip(1);
    const size = r.u32();
    const start = r.at;
    if (id !== 2) {
      chunks.push(wasm.subarray(start - u32Bytes(size).length - 1, start + size));
      r.skip(size);
      continue;
    }
    const entries = readImports(wasm, r);
    if (r.at !== start + size) throw new Error('short-imports: the import section does not end where it says');
    const body = [u32Bytes(entries.length)];
    for (const entry of entries) {
      let name = entry.name;
      if (isGlueModule(entry.module)) {
        name = shortName(renamed.size);
        renamed.set(entry.name, name);
      }
      body.push(nameBytes(entry.module), nameBytes(name), entry.desc);
    }
    const section = concat(body);
    chunks.push(Uint8Array.of(2), u32Bytes(section.length), section);
  }
  let text = glue;
  for (const [long, short] of renamed) {
    // A key of the import object: `name:` after `{` or `,` (the glue is minified or not).
    const key = new RegExp(`([{,]\\s*)${long.replace(/\$/g, '\\$')}(\\s*:)`, 'g');
    const found = text.match(key)?.length ?? 0;
    if (found !== 1) throw new Error(`short-imports: the glue has ${found} keys named ${long}, not one`);
    if (text.split(long).length !== 2) throw new Error(`short-imports: the glue names ${long} outside its import object`);
    text = text.replace(key, `$1${short}$2`);
  }
  return { wasm: concat(chunks), glue: text, renamed: renamed.size };
}

// `node scripts/short-imports.mjs WASM GLUE` renames in place (bench/framework-floor/build, so
// the framework floor is weighed as the app is).
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [wasmPath, gluePath] = process.argv.slice(2);
  const short = shortenImports(readFileSync(wasmPath), readFileSync(gluePath, 'utf8'));
  writeFileSync(wasmPath, short.wasm);
  writeFileSync(gluePath, short.glue);
}
