// Which crates the module's WebAssembly code comes from, to explain its weight:
//
//   node tests/bench/wasm-crates.mjs [target/wasm32-unknown-unknown/release/xms_m365.wasm]
//
// It reads cargo's release wasm (before wasm-bindgen and wasm-opt, which drop the function
// names), adds up each function body's size by the crate its symbol names first, and prints the
// crates by share of code. Generic code counts for the crate that defines it, not the one that
// instantiates it: the module's views are mostly code of reactive_graph and tachys.

import { readFileSync } from "node:fs";

const file = process.argv[2] ?? "target/wasm32-unknown-unknown/release/xms_m365.wasm";
const wasm = readFileSync(file);
let at = 8; // past the magic number and version
const leb = () => {
  let value = 0;
  let shift = 0;
  let byte;
  do {
    byte = wasm[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return value;
};
const skipName = () => (at += leb());
const skipLimits = () => {
  const flags = leb();
  leb();
  if (flags & 1) leb();
};

let importedFunctions = 0;
const bodies = [];
const names = new Map();
let dataBytes = 0;
while (at < wasm.length) {
  const id = wasm[at++];
  const size = leb();
  const end = at + size;
  if (id === 2) {
    // Imported functions come first in the function index space.
    for (let n = leb(); n > 0; n--) {
      skipName();
      skipName();
      const kind = wasm[at++];
      if (kind === 0) {
        leb();
        importedFunctions++;
      } else if (kind === 1) {
        at++;
        skipLimits();
      } else if (kind === 2) {
        skipLimits();
      } else {
        at += 2;
      }
    }
  } else if (id === 10) {
    for (let n = leb(); n > 0; n--) {
      const length = leb();
      bodies.push(length);
      at += length;
    }
  } else if (id === 11) {
    dataBytes += size;
  } else if (id === 0) {
    const name = wasm.subarray(at + 1, at + 1 + wasm[at]).toString();
    skipName();
    while (name === "name" && at < end) {
      const subsection = wasm[at++];
      const length = leb();
      const next = at + length;
      if (subsection === 1) {
        for (let n = leb(); n > 0; n--) {
          const index = leb();
          const nameLength = leb();
          names.set(index, wasm.subarray(at, at + nameLength).toString());
          at += nameLength;
        }
      }
      at = next;
    }
  }
  at = end;
}

/** The crate a symbol belongs to: the first path segment of a Rust symbol, legacy or v0. */
function crateOf(symbol) {
  if (symbol.startsWith("_ZN")) {
    const first = symbol.slice(3).match(/^(\d+)/);
    const segment = first ? symbol.slice(3 + first[1].length, 3 + first[1].length + Number(first[1])) : symbol;
    // `<crate::Type as other::Trait>::f`: the type's crate; `<T as crate::Trait>::f`, for a
    // generic or built-in type: the trait's.
    const inner = segment.match(/([a-z_][a-z0-9_]*)\.\./);
    return inner ? inner[1] : segment;
  }
  if (symbol.startsWith("_R")) {
    const crate = symbol.match(/C(?:s[0-9A-Za-z]*_)?(\d+)/);
    if (crate) {
      const start = crate.index + crate[0].length;
      return symbol.slice(start, start + Number(crate[1]));
    }
  }
  return symbol.split(/[^A-Za-z0-9_]/)[0] || symbol;
}

const byCrate = new Map();
let code = 0;
bodies.forEach((size, i) => {
  const crate = crateOf(names.get(i + importedFunctions) ?? "(unnamed)");
  byCrate.set(crate, (byCrate.get(crate) ?? 0) + size);
  code += size;
});
console.log(`${file}: ${code.toLocaleString("en-US")} bytes of code in ${bodies.length} functions, ` +
  `${dataBytes.toLocaleString("en-US")} bytes of data`);
for (const [crate, size] of [...byCrate].sort((a, b) => b[1] - a[1]).slice(0, 20)) {
  console.log(`${size.toLocaleString("en-US").padStart(10)}  ${((100 * size) / code).toFixed(1).padStart(5)} %  ${crate}`);
}
