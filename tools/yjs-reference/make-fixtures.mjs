// Regenerates the byte fixtures of tests/ParisCoDraft.Crdt.Tests/Compatibility/Fixtures.*.cs from real yjs.
// Usage (from the repo root): node tools/yjs-reference/make-fixtures.mjs
// Each fixture's JS (fixture-defs.mjs) is run here and copied as a comment beside its bytes.
import * as Y from 'yjs'
import * as encoding from 'lib0/encoding'
import * as decoding from 'lib0/decoding'
import * as sync from 'y-protocols/sync'
import * as awareness from 'y-protocols/awareness'
import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { dirname, join } from 'node:path'
import { deep, b64, svObject } from './deep.mjs'
import * as defs from './fixture-defs.mjs'

const here = dirname(fileURLToPath(import.meta.url))
const outDir = join(here, '..', '..', 'tests', 'ParisCoDraft.Crdt.Tests', 'Compatibility')

const docWith = (clientId, gc = true) => {
  const d = new Y.Doc({ gc })
  d.clientID = clientId
  return d
}
const updatesOf = (doc, fns) => {
  const out = []
  const h = (u) => out.push(u)
  doc.on('update', h)
  for (const fn of fns) doc.transact(fn)
  doc.off('update', h)
  return out
}
const runJs = (js) => new Function('Y', 'encoding', 'decoding', 'sync', 'awareness', 'docWith', 'updatesOf', js)(
  Y, encoding, decoding, sync, awareness, docWith, updatesOf)

const getRoot = (doc, name, kind) => {
  switch (kind) {
    case 'text': return doc.getText(name)
    case 'array': return doc.getArray(name)
    case 'map': return doc.getMap(name)
    case 'xmlFragment': return doc.getXmlFragment(name)
    default: throw new Error('kind ' + kind)
  }
}
const contentOf = (doc, roots) => {
  const o = {}
  for (const [n, k] of Object.entries(roots)) o[n] = deep(getRoot(doc, n, k))
  return o
}
const stringsOf = (doc, roots) => {
  const o = {}
  for (const [n, k] of Object.entries(roots)) if (k === 'text') o[n] = doc.getText(n).toString()
  return o
}
const typeAt = (doc, path, roots) => {
  const [root, ...rest] = path.split('/')
  let t = getRoot(doc, root, roots[root])
  for (const k of rest) t = t.get(k)
  return t
}
/** Uint8Arrays -> base64, recursively. */
const plain = (v) => {
  if (v instanceof Uint8Array) return b64(v)
  if (Array.isArray(v)) return v.map(plain)
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)]))
  return v
}

const build = {
  update (f) {
    const r = runJs(f.js)
    const gc = r.gc !== false
    const doc = new Y.Doc({ gc })
    Y.applyUpdate(doc, r.update)
    const pending = doc.store.pendingStructs !== null || doc.store.pendingDs !== null
    const reEncoded = Y.encodeStateAsUpdate(doc)
    return {
      roots: f.roots,
      gc,
      update: b64(r.update),
      stateVector: b64(Y.encodeStateVector(doc)),
      stateVectorObj: svObject(doc),
      reEncoded: b64(reEncoded),
      merged: b64(Y.mergeUpdates([r.update])),
      svFromUpdate: b64(Y.encodeStateVectorFromUpdate(r.update)),
      pending,
      content: contentOf(doc, f.roots),
      strings: stringsOf(doc, f.roots)
    }
  },
  merge (f) {
    const r = runJs(f.js)
    const merged = Y.mergeUpdates(r.updates)
    const roots = { text: 'text', array: 'array', map: 'map' }
    const doc = new Y.Doc()
    Y.applyUpdate(doc, merged)
    return {
      roots,
      updates: r.updates.map(b64),
      merged: b64(merged),
      svFromUpdate: b64(Y.encodeStateVectorFromUpdate(merged)),
      content: contentOf(doc, roots)
    }
  },
  diff (f) {
    const r = runJs(f.js)
    return { update: b64(r.update), sv: b64(r.sv), diff: b64(Y.diffUpdate(r.update, r.sv)) }
  },
  snapshot (f) {
    const r = runJs(f.js)
    const update = Y.encodeStateAsUpdate(r.doc)
    const loaded = new Y.Doc({ gc: false })
    Y.applyUpdate(loaded, update)
    const bytes = Y.encodeSnapshot(r.snapshot)
    const atSnap = Y.createDocFromSnapshot(loaded, Y.decodeSnapshot(bytes))
    return {
      roots: f.roots,
      update: b64(update),
      snapshot: b64(bytes),
      reEncodedSnapshot: b64(Y.encodeSnapshot(Y.decodeSnapshot(bytes))),
      snapshotOfLoadedDoc: b64(Y.encodeSnapshot(Y.snapshot(loaded))),
      contentAtSnapshot: contentOf(atSnap, f.roots),
      contentNow: contentOf(loaded, f.roots)
    }
  },
  relpos (f) {
    const r = runJs(f.js)
    const update = Y.encodeStateAsUpdate(r.doc)
    const loaded = new Y.Doc()
    Y.applyUpdate(loaded, update)
    const bytes = Y.encodeRelativePosition(r.rpos)
    const abs = Y.createAbsolutePositionFromRelativePosition(Y.decodeRelativePosition(bytes), loaded)
    const type = typeAt(loaded, r.type, f.roots)
    return {
      roots: f.roots,
      update: b64(update),
      typePath: r.type,
      index: r.index,
      assoc: r.assoc,
      relativePosition: b64(bytes),
      json: Y.relativePositionToJSON(r.rpos),
      absoluteIndexNow: abs ? abs.index : null,
      absoluteAssocNow: abs ? abs.assoc : null,
      relativePositionNow: b64(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(type, r.index, r.assoc)))
    }
  },
  sync (f) { return plain(runJs(f.js)) },
  awareness (f) { return plain(runJs(f.js)) }
}

const csString = (json) => {
  const lines = JSON.stringify(json, null, 2).split('\n')
  return '"""\n' + lines.map((l) => '        ' + l).join('\n') + '\n        """'
}
const emit = (file, summary, groups) => {
  let s = `// <auto-generated>\n// Generated by tools/yjs-reference/make-fixtures.mjs from yjs ${yjsVersion}; do not edit by hand,\n` +
    `// change tools/yjs-reference/fixture-defs.mjs and run: node tools/yjs-reference/make-fixtures.mjs\n// </auto-generated>\n` +
    `namespace ParisCoDraft.Crdt.Tests.Compatibility;\n\n/// <summary>${summary}</summary>\ninternal static partial class Fixtures\n{\n`
  for (const [listName, kind, list] of groups) {
    for (const f of list) {
      const data = build[kind](f)
      s += `    // Produced by this JS (yjs ${yjsVersion}):\n`
      for (const l of f.js.split('\n')) s += `    //   ${l}\n`
      s += `    public static readonly YjsFixture ${f.name} = new(nameof(${f.name}), ${csString(data)});\n\n`
    }
    s += `    public static readonly YjsFixture[] ${listName} = [${list.map((f) => f.name).join(', ')}];\n\n`
  }
  s = s.replace(/\n\n$/, '\n') + '}\n'
  writeFileSync(join(outDir, file), s)
  console.log('wrote', file)
}

import { createRequire } from 'node:module'
const yjsVersion = createRequire(import.meta.url)('yjs/package.json').version

emit('Fixtures.Updates.cs', 'v1 updates produced by yjs, with yjs\'s re-encoding and content.',
  [['Updates', 'update', defs.updateFixtures]])
emit('Fixtures.MergeDiff.cs', 'mergeUpdates / diffUpdate inputs and yjs\'s results.',
  [['Merges', 'merge', defs.mergeFixtures], ['Diffs', 'diff', defs.diffFixtures]])
emit('Fixtures.Positions.cs', 'Snapshots and relative positions produced by yjs.',
  [['Snapshots', 'snapshot', defs.snapshotFixtures], ['RelativePositions', 'relpos', defs.relposFixtures]])
emit('Fixtures.Protocols.cs', 'y-protocols sync and awareness messages.',
  [['SyncMessages', 'sync', defs.syncFixtures], ['AwarenessMessages', 'awareness', defs.awarenessFixtures]])
