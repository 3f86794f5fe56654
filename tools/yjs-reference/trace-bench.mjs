// Replays a real editing trace with yjs and prints one JSON line of figures.
// Usage: node --expose-gc tools/yjs-reference/trace-bench.mjs <trace.json.gz> [--runs N]
// One Y.Doc with clientID 1; each patch in its own transaction (delete then insert);
// then encodeStateAsUpdate (v1) and applyUpdate into a fresh doc.
// managedBytes = heap retained by the loaded doc (gc before and after the load, doc kept alive).
import * as Y from 'yjs'
import { readFileSync } from 'node:fs'
import { gunzipSync } from 'node:zlib'
import { createHash } from 'node:crypto'
import { basename } from 'node:path'
import { performance } from 'node:perf_hooks'

const file = process.argv[2]
if (!file) {
  console.error('usage: node --expose-gc trace-bench.mjs <trace.json.gz>')
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

const doc = new Y.Doc({ gc: true })
doc.clientID = 1
const text = doc.getText('text')
if (trace.startContent) text.insert(0, trace.startContent)

let t0 = performance.now()
for (const [pos, del, ins] of patches) {
  doc.transact(() => {
    if (del > 0) text.delete(pos, del)
    if (ins.length > 0) text.insert(pos, ins)
  })
}
const applyMs = performance.now() - t0
if (text.toString() !== trace.endContent) {
  console.error('replay does not reach endContent')
  process.exit(1)
}

t0 = performance.now()
const update = Y.encodeStateAsUpdate(doc)
const encodeMs = performance.now() - t0

gc(); gc()
const before = process.memoryUsage().heapUsed
t0 = performance.now()
const loaded = new Y.Doc()
Y.applyUpdate(loaded, update)
const loadMs = performance.now() - t0
gc(); gc()
const after = process.memoryUsage().heapUsed
if (loaded.getText('text').toString() !== trace.endContent) {
  console.error('loaded doc differs from endContent')
  process.exit(1)
}

const out = {
  impl: 'yjs',
  trace: basename(file).replace(/\.json\.gz$/, ''),
  ops: patches.length,
  applyMs: +applyMs.toFixed(1),
  encodeMs: +encodeMs.toFixed(2),
  updateBytes: update.length,
  updateSha256: createHash('sha256').update(update).digest('hex'),
  loadMs: +loadMs.toFixed(2),
  managedBytes: after - before
}
// keep both docs alive until after the measurement
if (loaded.clientID === -1 || doc.clientID === -1) console.error('unreachable')
console.log(JSON.stringify(out))
