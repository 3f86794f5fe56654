// Replays a real editing trace with yjs and prints one JSON line of figures.
// Usage: node --expose-gc tools/yjs-reference/trace-bench.mjs <trace.json.gz> [--runs N]
// One Y.Doc with clientID 1; each patch in its own transaction (delete then insert);
// then encodeStateAsUpdate (v1) and applyUpdate into a fresh doc.
// managedBytes = heap retained by the loaded doc (gc before and after the load, doc kept alive).
//
// Run 0 is the cold run (first replay in this process, JIT cold). With --runs N (default 0), N more
// replays follow in the same process (JIT warm); each is preceded by a full gc. The top-level figures
// are then the medians of the warm runs, and "cold"/"warm" carry both, with every warm sample.
// tests/ParisCoDraft.Benchmarks (TraceCommand.cs) does exactly the same for our core.
import * as Y from 'yjs'
import { readFileSync } from 'node:fs'
import { gunzipSync } from 'node:zlib'
import { createHash } from 'node:crypto'
import { basename } from 'node:path'
import { performance } from 'node:perf_hooks'

const args = process.argv.slice(2)
let file = null
let runs = 0
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--runs') runs = Number.parseInt(args[++i], 10)
  else file = args[i]
}
if (!file || !Number.isInteger(runs) || runs < 0) {
  console.error('usage: node --expose-gc trace-bench.mjs <trace.json.gz> [--runs N]')
  process.exit(2)
}
const gc = globalThis.gc
if (typeof gc !== 'function') {
  console.error('run node with --expose-gc (needed for managedBytes)')
  process.exit(2)
}

const trace = JSON.parse(gunzipSync(readFileSync(file)).toString('utf8'))
const patches = []
for (const txn of trace.txns) for (const p of txn.patches) patches.push(p)

/** One replay + encode + load; returns its figures and the update. */
function runOnce () {
  gc(); gc()
  const doc = new Y.Doc({ gc: true })
  doc.clientID = 1
  const text = doc.getText('text')
  if (trace.startContent) text.insert(0, trace.startContent)

  let c0 = process.cpuUsage()
  let t0 = performance.now()
  for (const [pos, del, ins] of patches) {
    doc.transact(() => {
      if (del > 0) text.delete(pos, del)
      if (ins.length > 0) text.insert(pos, ins)
    })
  }
  const applyMs = performance.now() - t0
  const applyCpuMs = cpuMs(process.cpuUsage(c0))
  if (text.toString() !== trace.endContent) {
    console.error('replay does not reach endContent')
    process.exit(1)
  }

  t0 = performance.now()
  const update = Y.encodeStateAsUpdate(doc)
  const encodeMs = performance.now() - t0

  gc(); gc()
  const before = process.memoryUsage().heapUsed
  c0 = process.cpuUsage()
  t0 = performance.now()
  const loaded = new Y.Doc()
  Y.applyUpdate(loaded, update)
  const loadMs = performance.now() - t0
  const loadCpuMs = cpuMs(process.cpuUsage(c0))
  gc(); gc()
  const after = process.memoryUsage().heapUsed
  if (loaded.getText('text').toString() !== trace.endContent) {
    console.error('loaded doc differs from endContent')
    process.exit(1)
  }
  // keep both docs alive until after the measurement
  if (loaded.clientID === -1 || doc.clientID === -1) console.error('unreachable')
  return { applyMs, encodeMs, loadMs, managedBytes: after - before, applyCpuMs, loadCpuMs, update }
}

/** Process CPU time (all threads: JIT, GC helpers) in ms: less sensitive than wall time to other processes. */
function cpuMs (u) { return (u.user + u.system) / 1000 }

const median = xs => {
  const s = [...xs].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2
}
const r1 = x => +x.toFixed(1)
const r2 = x => +x.toFixed(2)

const cold = runOnce()
const warm = []
for (let i = 0; i < runs; i++) {
  const w = runOnce()
  if (Buffer.compare(w.update, cold.update) !== 0) {
    console.error('warm run produced different update bytes')
    process.exit(1)
  }
  warm.push(w)
}
const top = runs > 0
  ? {
      applyMs: median(warm.map(w => w.applyMs)),
      encodeMs: median(warm.map(w => w.encodeMs)),
      loadMs: median(warm.map(w => w.loadMs)),
      managedBytes: median(warm.map(w => w.managedBytes)),
      applyCpuMs: median(warm.map(w => w.applyCpuMs)),
      loadCpuMs: median(warm.map(w => w.loadCpuMs))
    }
  : cold

const out = {
  impl: 'yjs',
  trace: basename(file).replace(/\.json\.gz$/, ''),
  ops: patches.length,
  applyMs: r1(top.applyMs),
  encodeMs: r2(top.encodeMs),
  updateBytes: cold.update.length,
  updateSha256: createHash('sha256').update(cold.update).digest('hex'),
  loadMs: r2(top.loadMs),
  managedBytes: Math.round(top.managedBytes),
  runs,
  cold: { applyMs: r1(cold.applyMs), encodeMs: r2(cold.encodeMs), loadMs: r2(cold.loadMs), managedBytes: cold.managedBytes, applyCpuMs: r1(cold.applyCpuMs), loadCpuMs: r2(cold.loadCpuMs) }
}
if (runs > 0) {
  out.warm = {
    applyMs: r1(top.applyMs),
    encodeMs: r2(top.encodeMs),
    loadMs: r2(top.loadMs),
    managedBytes: Math.round(top.managedBytes),
    applyCpuMs: r1(top.applyCpuMs),
    loadCpuMs: r2(top.loadCpuMs),
    applySamples: warm.map(w => r1(w.applyMs)),
    encodeSamples: warm.map(w => r2(w.encodeMs)),
    loadSamples: warm.map(w => r2(w.loadMs))
  }
}
console.log(JSON.stringify(out))
