// First load in a fresh process (a server that has just restarted), yjs side.
// Usage: node --expose-gc tests/ParisCoDraft.Benchmarks/load-bench.mjs <update.bin> [--runs N]
// The process does nothing with yjs before the timed load: the module is imported (as the .NET side has
// its assembly loaded), then run 0 applies the v1 update to a fresh Y.Doc with every function of the load
// path still cold (V8 parses and compiles them lazily, on first call). N warm loads follow, each after a gc.
// LoadCommand.cs does exactly the same for our core; CompareCommand runs both and prints the ratios.
import * as Y from 'yjs'
import { readFileSync } from 'node:fs'
import { performance } from 'node:perf_hooks'

const args = process.argv.slice(2)
let file = null
let runs = 5
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--runs') runs = Number.parseInt(args[++i], 10)
  else file = args[i]
}
if (!file || !Number.isInteger(runs) || runs < 0 || typeof globalThis.gc !== 'function') {
  console.error('usage: node --expose-gc load-bench.mjs <update.bin> [--runs N]')
  process.exit(2)
}
const update = new Uint8Array(readFileSync(file))
const cpuMs = u => (u.user + u.system) / 1000

function loadOnce () {
  globalThis.gc(); globalThis.gc()
  const c0 = process.cpuUsage()
  const t0 = performance.now()
  const doc = new Y.Doc()
  Y.applyUpdate(doc, update)
  const loadMs = performance.now() - t0
  const loadCpuMs = cpuMs(process.cpuUsage(c0))
  return { loadMs, loadCpuMs, length: doc.getText('text').length }
}

const cold = loadOnce()
const warm = []
for (let i = 0; i < runs; i++) warm.push(loadOnce())
const median = xs => {
  const s = [...xs].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length === 0 ? null : s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2
}
const r2 = x => x === null ? null : +x.toFixed(2)
console.log(JSON.stringify({
  impl: 'yjs',
  updateBytes: update.length,
  textLength: cold.length,
  runs,
  coldLoadMs: r2(cold.loadMs),
  coldLoadCpuMs: r2(cold.loadCpuMs),
  warmLoadMs: r2(median(warm.map(w => w.loadMs))),
  warmLoadCpuMs: r2(median(warm.map(w => w.loadCpuMs)))
}))
