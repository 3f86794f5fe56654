// Canonical JSON view of Yjs content, shared by peer.mjs and make-fixtures.mjs.
// The C# side (tests/ParisCoDraft.Crdt.Tests/Compatibility/CompatContent.cs) builds the same shape, so
// content can be compared structurally (object keys unordered, numbers by value):
//   Y.Text       -> {"$text": delta}            delta = [{insert, attributes?}] (embeds converted)
//   Y.XmlText    -> {"$xmlText": delta}
//   Y.Array      -> {"$array": [..]}
//   Y.Map        -> {"$map": {..}}
//   Y.XmlHook    -> {"$xmlHook": hookName, "map": {..}}
//   Y.XmlElement -> {"$xmlElement": nodeName, "attrs": {..}, "children": [..]}
//   Y.XmlFragment-> {"$xmlFragment": [..]}
//   Y.Doc        -> {"$doc": guid}
//   Uint8Array   -> {"$bin": base64}
//   undefined    -> {"$undefined": true}
//   bigint       -> {"$bigint": "decimal"}
import * as Y from 'yjs'

export const b64 = (u8) => Buffer.from(u8.buffer, u8.byteOffset, u8.byteLength).toString('base64')
export const unb64 = (s) => new Uint8Array(Buffer.from(s, 'base64'))

const deltaDeep = (delta) => delta.map((op) => {
  const o = { insert: typeof op.insert === 'string' ? op.insert : deep(op.insert) }
  if (op.attributes) {
    const a = {}
    for (const [k, v] of Object.entries(op.attributes)) a[k] = deep(v)
    o.attributes = a
  }
  return o
})

const mapDeep = (m) => {
  const o = {}
  for (const [k, v] of m.entries()) o[k] = deep(v)
  return o
}

export function deep (v) {
  if (v === undefined) return { $undefined: true }
  if (v === null || typeof v === 'string' || typeof v === 'boolean' || typeof v === 'number') return v
  if (typeof v === 'bigint') return { $bigint: v.toString() }
  if (v instanceof Uint8Array) return { $bin: b64(v) }
  if (v instanceof Y.Doc) return { $doc: v.guid }
  if (v instanceof Y.XmlText) return { $xmlText: deltaDeep(v.toDelta()) }
  if (v instanceof Y.Text) return { $text: deltaDeep(v.toDelta()) }
  if (v instanceof Y.Array) return { $array: v.toArray().map(deep) }
  if (v instanceof Y.XmlHook) return { $xmlHook: v.hookName, map: mapDeep(v) }
  if (v instanceof Y.Map) return { $map: mapDeep(v) }
  if (v instanceof Y.XmlElement) {
    const attrs = {}
    for (const [k, a] of Object.entries(v.getAttributes())) attrs[k] = deep(a)
    return { $xmlElement: v.nodeName, attrs, children: v.toArray().map(deep) }
  }
  if (v instanceof Y.XmlFragment) return { $xmlFragment: v.toArray().map(deep) }
  if (Array.isArray(v)) return v.map(deep)
  if (typeof v === 'object') {
    const o = {}
    for (const [k, x] of Object.entries(v)) o[k] = deep(x)
    return o
  }
  throw new Error('deep: unsupported value ' + typeof v)
}

/** State vector as {client: clock} (clients as decimal strings). */
export const svObject = (doc) => {
  const o = {}
  for (const [c, k] of Y.decodeStateVector(Y.encodeStateVector(doc))) o[String(c)] = k
  return o
}
