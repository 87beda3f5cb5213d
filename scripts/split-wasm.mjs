// Splits the app's wasm (after wasm-bindgen and wasm-opt) in two: a first part with the
// functions that opening home or a form runs, which the page downloads first, and the rest,
// which js/more-code.js fetches as the app starts. On a slow connection the first part
// arrives in about two thirds of the time the whole took.
//
// How the parts fit together:
// - The first part keeps every import, export, global, table and the whole memory with its
//   data. Each function of the rest becomes a short stand-in there that makes sure the rest
//   is loaded (a global says whether it is; if not, it calls the import the app declares for
//   this, `ffMoreCodeNow` in js/more-code.js, which loads it at once), then calls the real
//   function through a table slot of its own, added at the end of the function table.
// - The rest imports the memory, the tables, the globals and the functions it calls from the
//   first part (exported under short names: `f<index>`, `g<index>`, `t<index>`), and an active
//   element segment puts its functions into their slots when it is instantiated.
// So code in the rest calls the first part directly, and the first part reaches the rest
// through one indirect call. Nothing in the app's Rust code knows where the cut is.
import binaryen from 'binaryen';

/** The wasm features the Rust toolchain's output uses; binaryen must write no others. */
function features() {
  const F = binaryen.Features;
  return F.MutableGlobals | F.NontrappingFPToInt | F.BulkMemory | F.BulkMemoryOpt | F.SignExt
    | F.ReferenceTypes | F.Multivalue | F.CallIndirectOverlong;
}

function read(bytes) {
  const module = binaryen.readBinary(bytes);
  module.setFeatures(features());
  return module;
}

/** The import of js/more-code.js's `ffMoreCodeNow` (wasm-bindgen imports a snippet's
 * function from the snippet itself, under its own name). */
const isLoadNow = (f) => f.module.endsWith('/js/more-code.js') && f.base === 'ffMoreCodeNow';
/** The global that says whether the rest is loaded; js/more-code.js sets it to 1. */
export const LOADED_EXPORT = 'ff_more_code_loaded';

/**
 * Splits `bytes` (a wasm module) into `{ first, rest, moved }`: `first` keeps the defined
 * functions whose indices (in the module's function index space, imports first) are in
 * `keep`, `rest` holds the others, `moved` counts them. Throws if the module has no
 * `ffMoreCodeNow` import or either part does not validate.
 */
export function splitWasm(bytes, keep) {
  const first = read(bytes);
  const rest = read(bytes);
  const functions = [];
  for (let i = 0; i < first.getNumFunctions(); i++) {
    functions.push(binaryen.getFunctionInfo(first.getFunctionByIndex(i)));
  }
  const loadNow = functions.find((f) => f.module && isLoadNow(f));
  if (!loadNow) throw new Error('split-wasm: the module has no ffMoreCodeNow import (src/web/more_code.rs)');
  const moved = [];
  functions.forEach((f, index) => { if (!f.module && !keep.has(index)) moved.push(index); });
  const movedSet = new Set(moved);

  const tables = [];
  for (let i = 0; i < first.getNumTables(); i++) {
    const table = first.getTableByIndex(i);
    tables.push({ ...binaryen.getTableInfo(table), type: binaryen.Table.getType(table) });
  }
  const funcTable = tables.find((t) => t.type === binaryen.funcref && !t.module);
  if (!funcTable) throw new Error('split-wasm: the module has no function table of its own');
  const firstSlot = funcTable.initial;
  const tableSize = firstSlot + moved.length;
  const taken = new Set();
  for (let i = 0; i < first.getNumExports(); i++) taken.add(binaryen.getExportInfo(first.getExportByIndex(i)).name);
  const exportAs = (name) => {
    if (taken.has(name)) throw new Error(`split-wasm: the module already exports "${name}"`);
    taken.add(name);
    return name;
  };

  // ---- The first part: a stand-in for each moved function. ----
  const loaded = 'ff$more_code_loaded';
  const ensure = 'ff$more_code_ensure';
  first.addGlobal(loaded, binaryen.i32, true, first.i32.const(0));
  first.addGlobalExport(loaded, exportAs(LOADED_EXPORT));
  first.addFunction(ensure, binaryen.none, binaryen.none, [], first.if(
    first.i32.eqz(first.global.get(loaded, binaryen.i32)),
    first.call(loadNow.name, [], binaryen.none),
  ));
  moved.forEach((index, k) => {
    const f = functions[index];
    const args = binaryen.expandType(f.params).map((type, i) => first.local.get(i, type));
    const body = first.block(null, [
      first.call(ensure, [], binaryen.none),
      first.call_indirect(funcTable.name, first.i32.const(firstSlot + k), args, f.params, f.results),
    ], f.results);
    first.removeFunction(f.name);
    first.addFunction(f.name, f.params, f.results, [], body);
  });
  // Both parts declare the function table with the new slots.
  const resize = (module) => {
    const table = module.getTable(funcTable.name);
    binaryen.Table.setInitial(table, tableSize);
    if (funcTable.max !== undefined) binaryen.Table.setMax(table, tableSize);
  };
  resize(first);

  // ---- The rest: the moved functions, everything else imported from the first part. ----
  functions.forEach((f, index) => {
    if (movedSet.has(index)) return;
    rest.removeFunction(f.name);
    rest.addFunctionImport(f.name, 'p', `f${index}`, f.params, f.results);
  });
  for (let i = rest.getNumGlobals() - 1; i >= 0; i--) {
    const g = binaryen.getGlobalInfo(rest.getGlobalByIndex(i));
    rest.removeGlobal(g.name);
    rest.addGlobalImport(g.name, 'p', `g${i}`, g.type, g.mutable);
    first.addGlobalExport(g.name, exportAs(`g${i}`));
  }
  const memory = rest.getMemoryInfo();
  // Its data stays in the first part: the rest must not write it again over the app's state.
  rest.setMemory(memory.initial, memory.max ?? -1, null, [], false, false, '0');
  rest.addMemoryImport('0', 'p', 'memory');
  tables.forEach((t, i) => {
    rest.addTableImport(t.name, 'p', `t${i}`);
    first.addTableExport(t.name, exportAs(`t${i}`));
  });
  for (let i = rest.getNumElementSegments() - 1; i >= 0; i--) {
    rest.removeElementSegment(binaryen.getElementSegmentInfo(rest.getElementSegmentByIndex(i)).name);
  }
  for (let i = rest.getNumExports() - 1; i >= 0; i--) {
    rest.removeExport(binaryen.getExportInfo(rest.getExportByIndex(i)).name);
  }
  resize(rest);
  rest.addActiveElementSegment(funcTable.name, 'ff$moved', moved.map((i) => functions[i].name), rest.i32.const(firstSlot));
  rest.runPasses(['remove-unused-module-elements']);

  // The first part exports what the rest imports, then drops what only the rest used.
  for (let i = 0; i < rest.getNumFunctions(); i++) {
    const f = binaryen.getFunctionInfo(rest.getFunctionByIndex(i));
    if (f.module === 'p') first.addFunctionExport(f.name, exportAs(f.base));
  }
  first.runPasses(['remove-unused-module-elements']);
  if (!first.validate()) throw new Error('split-wasm: the first part does not validate');
  if (!rest.validate()) throw new Error('split-wasm: the rest does not validate');
  const out = { first: first.emitBinary(), rest: rest.emitBinary(), moved: moved.length };
  first.dispose();
  rest.dispose();
  return out;
}
