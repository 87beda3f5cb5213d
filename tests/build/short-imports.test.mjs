// The import renamer (scripts/short-imports.mjs) on a small module and a glue written like
// wasm-bindgen's: after renaming, the glue's import object must still instantiate the module
// and give the same results, imports of other modules keep their names, the code is left
// byte for byte, and a glue the renamer cannot follow stops the build.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import binaryen from 'binaryen';
import { shortenImports, shortName } from '../../scripts/short-imports.mjs';

const WAT = `
(module
  (import "./snippets/app/js/more-code.js" "ffMoreCodeNow" (func $load_now))
  (import "./app_bg.js" "__wbg_log_5f3a9c0d11e2b7a4" (func $log (param i32)))
  (import "./app_bg.js" "__wbg_add_0a1b2c3d4e5f6071" (func $add (param i32 i32) (result i32)))
  (import "./app_bg.js" "__wbindgen_init_externref_table" (func $init))
  (import "env" "base" (global $base i32))
  (import "env" "table" (table 2 externref))
  (memory (export "memory") 1)
  (func (export "run") (param $x i32) (result i32)
    (call $init)
    (call $log (local.get $x))
    (call $add (local.get $x) (global.get $base)))
)`;

const GLUE = `function getImports(log) {
  const imports = { __proto__: null,
    __wbg_log_5f3a9c0d11e2b7a4: function (n) { log.push(n); },
    __wbg_add_0a1b2c3d4e5f6071: function (a, b) { return a + b; },
    __wbindgen_init_externref_table: function () { log.push('init'); },
  };
  return imports;
}`;

function moduleBytes() {
  const module = binaryen.parseText(WAT);
  module.setFeatures(binaryen.Features.ReferenceTypes | binaryen.Features.MutableGlobals);
  const bytes = module.emitBinary();
  module.dispose();
  return bytes;
}

/** Instantiates `bytes` with the import object `glue` builds, and runs `run(5)`. */
async function run(bytes, glue) {
  const log = [];
  const getImports = new Function(`${glue}; return getImports;`)();
  const { instance } = await WebAssembly.instantiate(bytes, {
    './app_bg.js': getImports(log),
    './snippets/app/js/more-code.js': { ffMoreCodeNow() {} },
    env: { base: 100, table: new WebAssembly.Table({ initial: 2, element: 'externref' }) },
  });
  return { result: instance.exports.run(5), log };
}

const importNames = (bytes) => WebAssembly.Module.imports(new WebAssembly.Module(bytes)).map((i) => `${i.module} ${i.name}`);
/** The bytes of the module's code section (id 10). */
const codeSection = (bytes) => {
  let at = 8;
  const u32 = () => {
    let value = 0;
    for (let shift = 0; ; shift += 7) {
      const byte = bytes[at++];
      value |= (byte & 0x7f) << shift;
      if (!(byte & 0x80)) return value;
    }
  };
  while (at < bytes.length) {
    const id = bytes[at++];
    const size = u32();
    if (id === 10) return Buffer.from(bytes.subarray(at, at + size)).toString('hex');
    at += size;
  }
  throw new Error('no code section');
};

test('the renamed glue instantiates the renamed module, which gives what the original gave', async () => {
  const bytes = moduleBytes();
  const before = await run(bytes, GLUE);
  const short = shortenImports(bytes, GLUE);
  assert.equal(short.renamed, 3);
  assert.deepEqual(importNames(short.wasm).sort(), [
    './app_bg.js a', './app_bg.js b', './app_bg.js c', './snippets/app/js/more-code.js ffMoreCodeNow', 'env base', 'env table',
  ]);
  assert.ok(!/__wbg|__wbindgen/.test(short.glue), short.glue);
  assert.ok(short.wasm.length < bytes.length);
  const after = await run(short.wasm, short.glue);
  assert.deepEqual(after, before);
  assert.deepEqual(after, { result: 105, log: ['init', 5] });
  assert.equal(codeSection(short.wasm), codeSection(bytes), 'the code is left as it was');
});

test('a glue the renamer cannot follow stops the build, rather than ship a module it cannot start', () => {
  const bytes = moduleBytes();
  // An import the glue does not provide.
  assert.throws(() => shortenImports(bytes, GLUE.replace('__wbg_add_0a1b2c3d4e5f6071:', 'add:')), /0 keys named __wbg_add_0a1b2c3d4e5f6071/);
  // A name used outside the import object too, which renaming the key alone would break.
  assert.throws(
    () => shortenImports(bytes, `${GLUE}\nconst again = 'glue.__wbg_log_5f3a9c0d11e2b7a4';`),
    /names __wbg_log_5f3a9c0d11e2b7a4 outside its import object/,
  );
  assert.throws(() => shortenImports(new TextEncoder().encode('not wasm'), GLUE), /not a wasm module/);
});

test('short names are distinct and short', () => {
  const names = Array.from({ length: 3000 }, (_, i) => shortName(i));
  assert.equal(new Set(names).size, names.length);
  assert.deepEqual([shortName(0), shortName(25), shortName(26), shortName(51), shortName(52)], ['a', 'z', 'A', 'Z', 'ab']);
  assert.ok(names.every((n) => n.length <= 3 && /^[a-zA-Z]+$/.test(n)));
});
