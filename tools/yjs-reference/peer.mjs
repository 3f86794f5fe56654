// A yjs peer for the C# differential tests: one node process hosts many JS replicas.
// Line protocol over stdin/stdout, one JSON object per line.
//   request : {"id": n, "cmds": [cmd, ...]}      (a batch; commands run in order)
//   response: {"id": n, "results": [result, ...]} (result = {...} or {"error": "message"})
// Commands (r = replica name, u = update base64, sv = state vector base64):
//   {op:"create", r, client, gc?}           new Y.Doc with roots text/array/map (+ xml)
//   {op:"drop", r} | {op:"reset"}
//   {op:"edit", r, seed, n}                 n random transactions -> {updates:[u...]}
//   {op:"apply", r, u}                      applyUpdate (origin "remote") -> {updates:[u...]}
// `updates` are all updates of the replica's local transactions since the last command: its edits, and
// also the formatting cleanup yjs runs (as a local transaction) after a remote change to a Y.Text.
//   {op:"sv", r} -> {sv}    {op:"full", r, sv?} -> {u}    {op:"content", r} -> {content}
//   {op:"state", r} -> {sv, svObj, u, content}
//   {op:"load", u} -> {sv, svObj, u, content}  (fresh doc)
//   {op:"replay", us:[u...]} -> {sv, svObj, u, content}  (fresh doc, updates applied in order)
//   {op:"replaySteps", us:[u...]} -> {contents:[content after each update]}
//   {op:"liveReplay", client, journal:[{tx:[{op, type, args}...]} | {apply:u}...]}
//        -> {history:[u...], content}  a live replica (clientID client) does the journaled local
//        transactions (API calls on the type: root name or [client, clock] of its item) and applies the
//        remote updates in order; history = applied updates and its own local updates, in order.
//   {op:"merge", us:[u...]} -> {u}   {op:"diff", u, sv} -> {u}   {op:"svFromUpdate", u} -> {sv}
//   {op:"ping"} -> {pong:true}
import * as Y from 'yjs'
import { createInterface } from 'node:readline'
import { deep, b64, unb64, svObject } from './deep.mjs'

export const ROOTS = ['text', 'array', 'map', 'xml']

/** mulberry32: small deterministic PRNG seeded from a 32-bit integer. */
export function rng (seed) {
  let a = seed >>> 0
  const next = () => {
    a = (a + 0x6D2B79F5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return {
    next,
    int: (n) => Math.floor(next() * n), // [0, n)
    pick: (arr) => arr[Math.floor(next() * arr.length)]
  }
}

const CHARS = ['a', 'b', 'c', 'x', 'y', 'z', ' ', 'é', '€', '😀', '👍🏽', '\n']
const randString = (g) => {
  const n = 1 + g.int(6)
  let s = ''
  for (let i = 0; i < n; i++) s += g.int(10) < 8 ? CHARS[g.int(7)] : CHARS[g.int(CHARS.length)]
  return s
}
const ATTRS = [{ bold: true }, { italic: true }, { bold: null }, { color: '#c00' }, { link: { href: 'https://ex.fr' } }]
const randPrimitive = (g) => {
  switch (g.int(8)) {
    case 0: return g.int(1000) - 500
    case 1: return randString(g)
    case 2: return g.int(2) === 0
    case 3: return null
    case 4: return g.int(100) / 8
    case 5: return { k: randString(g), n: g.int(10) }
    case 6: return [g.int(5), randString(g)]
    default: return 'v' + g.int(100)
  }
}

/** All live shared types in the doc, with their depth. */
function collectTypes (doc) {
  const out = []
  const visit = (t, depth) => {
    out.push({ t, depth })
    if (depth >= 3) return
    if (t instanceof Y.Array) t.forEach((v) => { if (v instanceof Y.AbstractType) visit(v, depth + 1) })
    else if (t instanceof Y.Map) t.forEach((v) => { if (v instanceof Y.AbstractType) visit(v, depth + 1) })
  }
  visit(doc.getText('text'), 0)
  visit(doc.getArray('array'), 0)
  visit(doc.getMap('map'), 0)
  return out
}

const randValue = (g, depth) => {
  if (depth < 3 && g.int(7) === 0) {
    switch (g.int(3)) {
      case 0: { const t = new Y.Text(); t.insert(0, randString(g)); return t }
      case 1: { const m = new Y.Map(); m.set('k', randPrimitive(g)); return m }
      default: { const a = new Y.Array(); a.insert(0, [randPrimitive(g)]); return a }
    }
  }
  return randPrimitive(g)
}

/**
 * The text's code units with each embed as one placeholder unit, to keep positions off the middle of
 * surrogate pairs: yjs replaces a split pair's halves with U+FFFD on the replica that splits, which does
 * not converge (editors never split pairs; the byte fixtures cover the split itself).
 */
const unitsOf = (t) => t.toDelta().map((op) => typeof op.insert === 'string' ? op.insert : '\u0000').join('')
const isLow = (c) => c >= 0xDC00 && c <= 0xDFFF
const snap = (units, i) => (i > 0 && i < units.length && isLow(units.charCodeAt(i)) ? i - 1 : i)

/** One random operation on a random type of the doc (inside the caller's transaction). */
export function randomOp (doc, g) {
  const types = collectTypes(doc)
  const { t, depth } = g.pick(types)
  if (t instanceof Y.Text) {
    const units = unitsOf(t)
    const len = units.length
    const k = g.int(10)
    const range = (max) => {
      const pos = snap(units, g.int(len))
      let end = pos + 1 + g.int(Math.min(max, len - pos))
      if (end < len && isLow(units.charCodeAt(end))) end++
      return [pos, end - pos]
    }
    if (k < 5 || len === 0) {
      const attrs = g.int(4) === 0 ? g.pick(ATTRS) : undefined
      t.insert(snap(units, g.int(len + 1)), randString(g), attrs)
    } else if (k < 8) {
      const [pos, n] = range(5)
      t.delete(pos, n)
    } else if (k < 9) {
      const [pos, n] = range(6)
      t.format(pos, n, g.pick(ATTRS))
    } else {
      t.insertEmbed(snap(units, g.int(len + 1)), { image: 'img' + g.int(10) + '.png' })
    }
  } else if (t instanceof Y.Array) {
    const len = t.length
    if (g.int(3) > 0 || len === 0) {
      const n = 1 + g.int(3)
      const vals = []
      for (let i = 0; i < n; i++) vals.push(randValue(g, depth))
      t.insert(g.int(len + 1), vals)
    } else {
      const pos = g.int(len)
      t.delete(pos, 1 + g.int(Math.min(3, len - pos)))
    }
  } else if (t instanceof Y.Map) {
    const key = 'k' + g.int(6)
    if (g.int(4) === 0) t.delete(key)
    else t.set(key, randValue(g, depth))
  }
}

const docs = new Map()
const getDoc = (r) => {
  const d = docs.get(r)
  if (!d) throw new Error('no replica ' + r)
  return d
}
const outboxes = new WeakMap()
const drain = (doc) => {
  const o = outboxes.get(doc)
  outboxes.set(doc, [])
  return o
}
const newDoc = (client, gc = true) => {
  const doc = new Y.Doc({ gc })
  if (client !== undefined) doc.clientID = client
  outboxes.set(doc, [])
  doc.on('update', (u, origin, d, tr) => { if (tr.local) outboxes.get(doc).push(b64(u)) })
  for (const r of ROOTS) r === 'xml' ? doc.getXmlFragment(r) : r === 'map' ? doc.getMap(r) : r === 'array' ? doc.getArray(r) : doc.getText(r)
  return doc
}
const contentOf = (doc) => {
  const o = {}
  o.text = deep(doc.getText('text'))
  o.array = deep(doc.getArray('array'))
  o.map = deep(doc.getMap('map'))
  o.xml = deep(doc.getXmlFragment('xml'))
  return o
}
const stateOf = (doc) => ({
  sv: b64(Y.encodeStateVector(doc)),
  svObj: svObject(doc),
  u: b64(Y.encodeStateAsUpdate(doc)),
  content: contentOf(doc)
})

/** A journal argument: {"$text": s}, {"$map": v}, {"$array": v} are new nested types, the rest plain values. */
const journalValue = (v) => {
  if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
    if ('$text' in v) return new Y.Text(v.$text)
    if ('$map' in v) { const m = new Y.Map(); m.set('k', v.$map); return m }
    if ('$array' in v) { const a = new Y.Array(); a.insert(0, [v.$array]); return a }
  }
  return v
}

function liveReplay (client, journal) {
  const doc = newDoc(client, true)
  const history = []
  doc.on('update', (u, origin, d, tr) => { if (tr.local) history.push(b64(u)) })
  const typeOf = (t) => {
    if (typeof t === 'string') return t === 'text' ? doc.getText(t) : t === 'array' ? doc.getArray(t) : doc.getMap(t)
    return Y.getItem(doc.store, Y.createID(t[0], t[1])).content.type
  }
  for (const e of journal) {
    if (e.apply !== undefined) {
      history.push(e.apply)
      Y.applyUpdate(doc, unb64(e.apply), 'remote')
      continue
    }
    doc.transact(() => {
      for (const { op, type, args: a } of e.tx) {
        const t = typeOf(type)
        switch (op) {
          case 'insert':
            if (t instanceof Y.Text) t.insert(a[0], a[1], a[2] ?? undefined)
            else t.insert(a[0], a[1].map(journalValue))
            break
          case 'delete': t instanceof Y.Map ? t.delete(a[0]) : t.delete(a[0], a[1]); break
          case 'format': t.format(a[0], a[1], a[2]); break
          case 'insertEmbed': t.insertEmbed(a[0], a[1]); break
          case 'set': t.set(a[0], journalValue(a[1])); break
          default: throw new Error('unknown journal op ' + op)
        }
      }
    }, 'local')
  }
  const res = { history, content: contentOf(doc) }
  doc.destroy()
  return res
}

function run (c) {
  switch (c.op) {
    case 'ping': return { pong: true }
    case 'create': docs.set(c.r, newDoc(c.client, c.gc !== false)); return {}
    case 'drop': docs.get(c.r)?.destroy(); docs.delete(c.r); return {}
    case 'reset': for (const d of docs.values()) d.destroy(); docs.clear(); return {}
    case 'edit': {
      const doc = getDoc(c.r)
      const g = rng(c.seed)
      for (let i = 0; i < (c.n ?? 1); i++) doc.transact(() => randomOp(doc, g), 'local')
      return { updates: drain(doc) }
    }
    case 'apply': {
      const doc = getDoc(c.r)
      Y.applyUpdate(doc, unb64(c.u), 'remote')
      return { updates: drain(doc) }
    }
    case 'sv': return { sv: b64(Y.encodeStateVector(getDoc(c.r))) }
    case 'full': return { u: b64(Y.encodeStateAsUpdate(getDoc(c.r), c.sv ? unb64(c.sv) : undefined)) }
    case 'content': return { content: contentOf(getDoc(c.r)) }
    case 'state': return stateOf(getDoc(c.r))
    case 'load': {
      const doc = newDoc(undefined, true)
      Y.applyUpdate(doc, unb64(c.u))
      const s = stateOf(doc)
      doc.destroy()
      return s
    }
    case 'replay': {
      const doc = newDoc(undefined, c.gc !== false)
      for (const u of c.us) Y.applyUpdate(doc, unb64(u))
      const s = stateOf(doc)
      doc.destroy()
      return s
    }
    case 'replaySteps': {
      const doc = newDoc(undefined, c.gc !== false)
      const contents = c.us.map((u) => { Y.applyUpdate(doc, unb64(u)); return contentOf(doc) })
      doc.destroy()
      return { contents }
    }
    case 'liveReplay': return liveReplay(c.client, c.journal)
    case 'merge': return { u: b64(Y.mergeUpdates(c.us.map(unb64))) }
    case 'diff': return { u: b64(Y.diffUpdate(unb64(c.u), unb64(c.sv))) }
    case 'svFromUpdate': return { sv: b64(Y.encodeStateVectorFromUpdate(unb64(c.u))) }
    default: throw new Error('unknown op ' + c.op)
  }
}

const isMain = import.meta.url === `file://${process.argv[1]}`
if (isMain) {
  const rl = createInterface({ input: process.stdin, crlfDelay: Infinity })
  rl.on('line', (line) => {
    if (!line.trim()) return
    let req
    try { req = JSON.parse(line) } catch (e) {
      process.stdout.write(JSON.stringify({ id: null, error: 'bad json: ' + e.message }) + '\n')
      return
    }
    const results = (req.cmds ?? []).map((c) => {
      try { return run(c) } catch (e) { return { error: String(e && e.stack ? e.stack : e) } }
    })
    process.stdout.write(JSON.stringify({ id: req.id, results }) + '\n')
  })
  rl.on('close', () => process.exit(0))
}
