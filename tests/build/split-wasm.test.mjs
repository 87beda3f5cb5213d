// The wasm splitter (scripts/split-wasm.mjs) on a small module written for the purpose: the two
// parts it makes must behave as the whole did, load the rest only when first needed, and leave
// the memory's data as the first part wrote it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import binaryen from 'binaryen';
import { splitWasm, LOADED_EXPORT } from '../../scripts/split-wasm.mjs';

const WAT = `
(module
  (import "./snippets/app/js/more-code.js" "ffMoreCodeNow" (func $load_now))
  (import "./app_bg.js" "log" (func $log (param i32)))
  (memory (export "memory") 1)
  (data (i32.const 16) "kept")
  (global $calls (mut i32) (i32.const 0))
  (type $to_i32 (func (param i32) (result i32)))
  (table 3 3 funcref)
  (elem (i32.const 1) $triple $double)
  ;; 0: kept, exported: adds what a moved function and a moved one reached by the table give.
  (func $run (export "run") (param $x i32) (result i32)
    (i32.add
      (call $double (local.get $x))
      (call_indirect (type $to_i32) (local.get $x) (i32.const 1))))
  ;; 1: kept, called only by moved code.
  (func $count
    (global.set $calls (i32.add (global.get $calls) (i32.const 1))))
  ;; 2: moved: calls kept code, the JS import and reads the memory's data.
  (func $double (param $x i32) (result i32)
    (call $count)
    (call $log (i32.load8_u (i32.const 16)))
    (i32.mul (local.get $x) (i32.const 2)))
  ;; 3: moved, reached only through the table.
  (func $triple (param $x i32) (result i32)
    (call $count)
    (i32.mul (local.get $x) (i32.const 3)))
  (func $calls_so_far (export "calls") (result i32) (global.get $calls))
)`;

function wholeModule() {
  const module = binaryen.parseText(WAT);
  module.setFeatures(binaryen.Features.MutableGlobals | binaryen.Features.BulkMemory | binaryen.Features.ReferenceTypes);
  const bytes = module.emitBinary();
  module.dispose();
  return bytes;
}

/** Instantiates the two parts as js/more-code.js does; counts the loads. */
function linkParts({ first, rest }) {
  const logged = [];
  const state = { loads: 0, exports: null };
  const imports = {
    './snippets/app/js/more-code.js': {
      ffMoreCodeNow() {
        state.loads += 1;
        new WebAssembly.Instance(new WebAssembly.Module(rest), { p: state.exports });
        state.exports[LOADED_EXPORT].value = 1;
      },
    },
    './app_bg.js': { log: (byte) => logged.push(byte) },
  };
  state.exports = new WebAssembly.Instance(new WebAssembly.Module(first), imports).exports;
  return { state, logged };
}

// Function indices count the two imports first: run is 2, count 3, double 4, triple 5, calls 6.
const KEEP = new Set([2, 3, 6]);

test('the two parts give what the whole gave, loading the rest once, when first needed', () => {
  const bytes = wholeModule();
  const whole = new WebAssembly.Instance(new WebAssembly.Module(bytes), {
    './snippets/app/js/more-code.js': { ffMoreCodeNow() {} },
    './app_bg.js': { log() {} },
  }).exports;
  const parts = splitWasm(bytes, KEEP);
  assert.equal(parts.moved, 2);
  assert.ok(parts.first.length > 0 && parts.rest.length > 0);

  const { state, logged } = linkParts(parts);
  assert.equal(state.loads, 0, 'nothing is loaded before a moved function runs');
  // The app's state changes the memory before the rest arrives ("k" becomes "Z").
  new Uint8Array(state.exports.memory.buffer)[16] = 90;
  assert.equal(state.exports.run(5), whole.run(5));
  assert.equal(state.loads, 1);
  assert.equal(state.exports.run(7), whole.run(7));
  assert.equal(state.loads, 1, 'the rest is loaded once');
  assert.equal(state.exports.calls(), 4, 'the moved code shares the first part’s globals');
  // Read by moved code: the rest did not write the memory's data again over the app's state.
  assert.deepEqual(logged, [90, 90]);
  assert.equal(new TextDecoder().decode(new Uint8Array(state.exports.memory.buffer, 16, 4)), 'Zept');
});

test('a rest linked in advance is never loaded again', () => {
  const parts = splitWasm(wholeModule(), KEEP);
  const { state } = linkParts(parts);
  state.exports.run(1);
  const { state: fresh } = linkParts(parts);
  // As js/more-code.js does once its background fetch arrives.
  new WebAssembly.Instance(new WebAssembly.Module(parts.rest), { p: fresh.exports });
  fresh.exports[LOADED_EXPORT].value = 1;
  assert.equal(fresh.exports.run(2), 10);
  assert.equal(fresh.loads, 0);
});

test('a module without the loading import is refused, not split', () => {
  const module = binaryen.parseText('(module (func $f (export "f") (result i32) (i32.const 1)) (func $g (result i32) (i32.const 2)))');
  const bytes = module.emitBinary();
  module.dispose();
  assert.throws(() => splitWasm(bytes, new Set([0])), /ffMoreCodeNow/);
});
