// Fixture definitions for make-fixtures.mjs. Each `js` is the exact code that produces the bytes; it is
// run with these names in scope: Y (yjs), encoding/decoding (lib0), sync (y-protocols/sync),
// awareness (y-protocols/awareness), docWith(clientId, gc?) -> Y.Doc, updatesOf(doc, fn) -> [Uint8Array].
// The generated C# files carry the same code in a comment beside the bytes.

// ---- updates: decode, re-encode, compare content --------------------------------------------------
// returns { update } (and optional gc:false for the receiving doc); roots: name -> kind
export const updateFixtures = [
  {
    name: 'TextBasic', roots: { text: 'text' },
    js: `const doc = docWith(1)
const t = doc.getText('text')
t.insert(0, 'Bonjour le monde')
t.delete(7, 3)
t.insert(7, ' à tous,')
return { update: Y.encodeStateAsUpdate(doc) }`
  },
  {
    name: 'TextDeletedKeptWithoutGc', roots: { text: 'text' }, gc: false,
    js: `const doc = docWith(1, false)
const t = doc.getText('text')
t.insert(0, 'abcdefghij')
t.delete(2, 3)
t.delete(0, 1)
return { update: Y.encodeStateAsUpdate(doc), gc: false }`
  },
  {
    name: 'TextSurrogatePairs', roots: { text: 'text' },
    js: `const doc = docWith(3)
const t = doc.getText('text')
t.insert(0, 'a😀b👍🏽c 𝄞 日本')
t.insert(12, '🇫🇷')
return { update: Y.encodeStateAsUpdate(doc) }`
  },
  {
    name: 'TextSplitInsideSurrogatePair', roots: { text: 'text' },
    js: `// inserting between the two halves of a pair: yjs replaces each half with U+FFFD
const doc = docWith(4)
const t = doc.getText('text')
t.insert(0, 'a😀b')
t.insert(2, 'X')
t.delete(5, 1)
return { update: Y.encodeStateAsUpdate(doc) }`
  },
  {
    name: 'TextFormats', roots: { text: 'text' },
    js: `const doc = docWith(5)
const t = doc.getText('text')
t.insert(0, 'Article premier', { bold: true })
t.insert(15, ' : objet de la loi')
t.format(0, 7, { italic: true, color: '#c00' })
t.format(3, 4, { bold: null })
t.format(8, 6, { link: { href: 'https://paris.fr', n: 1 } })
t.insert(4, 'x', { code: true })
return { update: Y.encodeStateAsUpdate(doc) }`
  },
  {
    name: 'TextEmbeds', roots: { text: 'text' },
    js: `const doc = docWith(6)
const t = doc.getText('text')
t.insert(0, 'avant après')
t.insertEmbed(6, { image: 'plan.png', alt: 'Plan' })
t.insertEmbed(0, { formula: 'x^2' }, { bold: true })
return { update: Y.encodeStateAsUpdate(doc) }`
  },
  {
    name: 'TextEmbeddedType', roots: { text: 'text' },
    js: `const doc = docWith(7)
const t = doc.getText('text')
t.insert(0, 'ab')
const m = new Y.Map()
t.insertEmbed(1, m)
m.set('kind', 'note')
return { update: Y.encodeStateAsUpdate(doc) }`
  },
  {
    name: 'ArrayAllAnyKinds', roots: { array: 'array' },
    js: `const doc = docWith(8)
const a = doc.getArray('array')
a.insert(0, [null, { u: undefined }, true, false, 0, 1, -1, 63, 64, -64, 127, 128, 2 ** 31 - 1, -(2 ** 31), 2 ** 31,
  2 ** 53 - 1, -(2 ** 53 - 1), 1.5, -0.25, 0.1, 1e300, -1e-300, 3.4028234663852886e+38, { big: 1234567890123456789n },
  { neg: -42n }, '', 'chaîne', 'émoji 😀', { a: 1, b: [true, null, 'x'], c: { d: 2.5 } }, [1, [2, [3]]], {}, []])
return { update: Y.encodeStateAsUpdate(doc) }`
  },
  {
    name: 'ArrayBinary', roots: { array: 'array' },
    js: `const doc = docWith(9)
const a = doc.getArray('array')
a.insert(0, [new Uint8Array([0, 1, 2, 255]), 'between', new Uint8Array(0), new Uint8Array(200).map((_, i) => i)])
a.delete(1, 1)
return { update: Y.encodeStateAsUpdate(doc) }`
  },
  {
    name: 'ArrayInsertDeleteMove', roots: { array: 'array' },
    js: `const doc = docWith(10)
const a = doc.getArray('array')
a.insert(0, [1, 2, 3, 4, 5])
a.insert(2, ['a', 'b'])
a.delete(0, 2)
a.push([6])
a.unshift([0])
a.delete(3, 2)
return { update: Y.encodeStateAsUpdate(doc) }`
  },
  {
    name: 'MapValuesOverwritesAndDeletes', roots: { map: 'map' },
    js: `const doc = docWith(11)
const m = doc.getMap('map')
m.set('titre', 'Loi')
m.set('n', 1)
m.set('n', 2)
m.set('n', 3.5)
m.set('obj', { x: [1, 2], y: null })
m.set('bin', new Uint8Array([7, 8]))
m.set('gone', true)
m.delete('gone')
m.set('clé unicode ✓', 'ok')
m.set('big', 9007199254740991)
return { update: Y.encodeStateAsUpdate(doc) }`
  },
  {
    name: 'NestedTypes', roots: { map: 'map', array: 'array' },
    js: `const doc = docWith(12)
const m = doc.getMap('map')
const clause = new Y.Map()
m.set('c0000000001', clause)
const body = new Y.Text()
clause.set('body', body)
body.insert(0, 'Le texte', { bold: true })
clause.set('order', 'a0')
const list = new Y.Array()
clause.set('list', list)
list.insert(0, [new Y.Map(), new Y.Text('t'), new Y.Array(), 'x'])
list.get(0).set('deep', new Y.Array())
list.get(0).get('deep').insert(0, [1, 2])
doc.getArray('array').insert(0, [new Y.Map(), new Y.Text('abc')])
return { update: Y.encodeStateAsUpdate(doc) }`
  },
  {
    name: 'XmlTypes', roots: { xml: 'xmlFragment' },
    js: `const doc = docWith(13)
const f = doc.getXmlFragment('xml')
const p = new Y.XmlElement('paragraph')
const txt = new Y.XmlText()
const h = new Y.XmlElement('heading')
const hook = new Y.XmlHook('custom-hook')
f.insert(0, [h, p, hook])
h.setAttribute('level', '2')
h.insert(0, [new Y.XmlText('Titre')])
p.setAttribute('class', 'alinea')
p.insert(0, [txt])
txt.insert(0, 'Il est ')
txt.insert(7, 'institué', { bold: true })
txt.format(0, 2, { italic: true })
p.insert(1, [new Y.XmlElement('br')])
hook.set('data', { a: 1 })
return { update: Y.encodeStateAsUpdate(doc) }`
  },
  {
    name: 'SubdocsWithOptions', roots: { map: 'map', array: 'array' },
    js: `const doc = docWith(14)
const m = doc.getMap('map')
m.set('plain', new Y.Doc({ guid: 'sub-plain' }))
m.set('loaded', new Y.Doc({ guid: 'sub-autoload', autoLoad: true, meta: { title: 'Annexe' } }))
doc.getArray('array').insert(0, [new Y.Doc({ guid: 'sub-nogc', gc: false })])
return { update: Y.encodeStateAsUpdate(doc) }`
  },
  {
    name: 'GcStructsFromDeletedNestedType', roots: { map: 'map' },
    js: `// the replaced Y.Text is deleted; with gc its children become GC structs
const doc = docWith(15)
const m = doc.getMap('map')
const t = new Y.Text()
m.set('t', t)
t.insert(0, 'soon garbage')
t.insert(4, ' collected')
const a = new Y.Array()
m.set('a', a)
a.insert(0, [1, 2, 3])
m.set('t', 'replaced')
m.delete('a')
return { update: Y.encodeStateAsUpdate(doc) }`
  },
  {
    name: 'SkipFromMergedUpdatesWithGap', roots: { text: 'text', array: 'array', map: 'map' },
    js: `// mergeUpdates of the 1st and 3rd update of one client leaves a Skip where the 2nd was;
// applying it leaves the structs after the gap pending
const doc = docWith(16)
const [u1, , u3] = updatesOf(doc, [
  () => doc.getText('text').insert(0, 'abc'),
  () => doc.getMap('map').set('x', 1),
  () => doc.getArray('array').insert(0, [1, 2])])
return { update: Y.mergeUpdates([u1, u3]) }`
  },
  {
    name: 'JsonContentFromOldVersions', roots: { array: 'array', map: 'map' },
    js: `// ContentJSON (ref 2) is only written by old yjs versions: hand-built v1 update
const e = encoding.createEncoder()
encoding.writeVarUint(e, 1) // clients
encoding.writeVarUint(e, 2) // structs
encoding.writeVarUint(e, 17) // client
encoding.writeVarUint(e, 0) // first clock
encoding.writeUint8(e, 2) // info: ContentJSON, no origins, no parentSub
encoding.writeVarUint(e, 1) // parent is a root name
encoding.writeVarString(e, 'array')
encoding.writeVarUint(e, 4) // 4 values
for (const s of ['1', '"deux"', '{"trois":[3]}', 'undefined']) encoding.writeVarString(e, s)
encoding.writeUint8(e, 2 | 32) // info: ContentJSON with parentSub
encoding.writeVarUint(e, 1)
encoding.writeVarString(e, 'map')
encoding.writeVarString(e, 'k')
encoding.writeVarUint(e, 1)
encoding.writeVarString(e, '{"v":null}')
encoding.writeVarUint(e, 0) // empty delete set
return { update: encoding.toUint8Array(e) }`
  },
  {
    name: 'DeleteSetOnlyUpdate', roots: { text: 'text' },
    js: `// an update from a transaction that only deletes: no structs, a delete set over two clients
const a = docWith(18)
const b = docWith(19)
a.getText('text').insert(0, 'aaaaaaaaaa')
b.getText('text').insert(0, 'bbbbbbbbbb')
Y.applyUpdate(a, Y.encodeStateAsUpdate(b))
const [del] = updatesOf(a, [() => {
  a.getText('text').delete(1, 2)
  a.getText('text').delete(5, 3)
  a.getText('text').delete(12, 4)
}])
return { update: del }`
  },
  {
    name: 'BigClientIds', roots: { text: 'text', map: 'map' },
    js: `const ids = [2 ** 53 - 1, 2 ** 32 + 1, 2 ** 31, 2 ** 31 - 1, 0]
const doc = docWith(0)
for (const id of ids) {
  doc.clientID = id
  doc.getText('text').insert(0, 'c' + id + ' ')
  doc.getMap('map').set('last', id)
}
return { update: Y.encodeStateAsUpdate(doc) }`
  },
  {
    name: 'ConcurrentInsertsTwoClients', roots: { text: 'text', array: 'array' },
    js: `const a = docWith(20)
const b = docWith(21)
a.getText('text').insert(0, 'base')
Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
a.getText('text').insert(2, 'AA')
b.getText('text').insert(2, 'BB')
b.getText('text').delete(0, 1)
a.getArray('array').insert(0, ['a1'])
b.getArray('array').insert(0, ['b1'])
Y.applyUpdate(a, Y.encodeStateAsUpdate(b))
return { update: Y.encodeStateAsUpdate(a) }`
  },
  {
    name: 'LongStringsAndLargeClocks', roots: { text: 'text' },
    js: `const doc = docWith(22)
const t = doc.getText('text')
t.insert(0, 'x'.repeat(300) + 'é'.repeat(100))
for (let i = 0; i < 40; i++) t.insert(i * 7, 'ab')
t.delete(10, 200)
return { update: Y.encodeStateAsUpdate(doc) }`
  },
  {
    name: 'UnicodeRootNames', roots: { 'préambule': 'text', 'articles ✓': 'array' },
    js: `const doc = docWith(23)
doc.getText('préambule').insert(0, 'Considérant')
doc.getArray('articles ✓').insert(0, ['1er'])
return { update: Y.encodeStateAsUpdate(doc) }`
  },
  {
    name: 'UpdateFromMidStateDiff', roots: { text: 'text' },
    js: `// encodeStateAsUpdate against a state vector: starts mid-item (offset), origins synthesized
const doc = docWith(24)
const t = doc.getText('text')
t.insert(0, 'abcdef')
const sv = Y.encodeStateVector(doc)
t.insert(6, 'ghi')
t.insert(3, '-')
return { update: Y.encodeStateAsUpdate(doc, sv) }`
  }
]

// ---- merge / diff ---------------------------------------------------------------------------------
// returns { updates } (merge) or { update, sv } (diff); the script records yjs's result
export const mergeFixtures = [
  {
    name: 'MergeOutOfOrderOverlapping',
    js: `const a = docWith(30)
const b = docWith(31)
const us = updatesOf(a, [
  () => a.getText('text').insert(0, 'hello'),
  () => a.getText('text').insert(5, ' world'),
  () => a.getText('text').delete(0, 1),
  () => a.getMap('map').set('k', 'v')])
Y.applyUpdate(b, Y.mergeUpdates(us))
const [ub] = updatesOf(b, [() => b.getText('text').insert(3, 'B')])
return { updates: [us[3], ub, us[1], us[0], us[1], us[2]] }`
  },
  {
    name: 'MergeWithGap',
    js: `const a = docWith(32)
const us = updatesOf(a, [
  () => a.getArray('array').insert(0, [1]),
  () => a.getArray('array').insert(1, [2]),
  () => a.getArray('array').insert(2, [3]),
  () => a.getArray('array').delete(0, 1)])
return { updates: [us[3], us[0], us[2]] }`
  }
]
export const diffFixtures = [
  {
    name: 'DiffAgainstStateVector',
    js: `const a = docWith(33)
const t = a.getText('text')
t.insert(0, 'abcdef')
const sv = Y.encodeStateVector(a)
t.insert(3, 'XYZ')
t.delete(0, 2)
a.getMap('map').set('k', 1)
return { update: Y.encodeStateAsUpdate(a), sv }`
  },
  {
    name: 'DiffMidItem',
    js: `const a = docWith(34)
a.getText('text').insert(0, 'abcdef')
const b = docWith(35)
b.getArray('array').insert(0, ['x', 'y'])
const u = Y.mergeUpdates([Y.encodeStateAsUpdate(a), Y.encodeStateAsUpdate(b)])
const enc = encoding.createEncoder()
encoding.writeVarUint(enc, 2)
encoding.writeVarUint(enc, 34); encoding.writeVarUint(enc, 3) // client 34 known up to clock 3
encoding.writeVarUint(enc, 99); encoding.writeVarUint(enc, 7) // unknown client
return { update: u, sv: encoding.toUint8Array(enc) }`
  }
]

// ---- snapshots ------------------------------------------------------------------------------------
// returns { doc (gc false), snapshot }; script records update, snapshot bytes, content at snapshot
export const snapshotFixtures = [
  {
    name: 'SnapshotOfTextAndMap', roots: { text: 'text', map: 'map' },
    js: `const doc = docWith(40, false)
const t = doc.getText('text')
t.insert(0, 'version un')
doc.getMap('map').set('etat', 'brouillon')
const snapshot = Y.snapshot(doc)
t.delete(0, 8)
t.insert(0, 'seconde version')
doc.getMap('map').set('etat', 'adopté')
return { doc, snapshot }`
  },
  {
    name: 'SnapshotTwoClientsWithDeletes', roots: { text: 'text', array: 'array' },
    js: `const doc = docWith(41, false)
const other = docWith(2 ** 40, false)
doc.getText('text').insert(0, 'abcdef')
other.getArray('array').insert(0, [1, 2, 3])
Y.applyUpdate(doc, Y.encodeStateAsUpdate(other))
doc.getText('text').delete(1, 2)
doc.getArray('array').delete(0, 1)
const snapshot = Y.snapshot(doc)
doc.getText('text').insert(0, 'later ')
doc.getArray('array').delete(0, 2)
return { doc, snapshot }`
  },
  {
    name: 'EmptySnapshot', roots: { text: 'text' },
    js: `const doc = docWith(42, false)
doc.getText('text').insert(0, 'after')
return { doc, snapshot: Y.emptySnapshot }`
  }
]

// ---- relative positions ---------------------------------------------------------------------------
// returns { doc, rpos: RelativePosition, type (path), index, assoc }; script records
// encoded bytes, absolute index now, and the bytes yjs makes for (index, assoc) on the final doc
export const relposFixtures = [
  {
    name: 'RelPosInRootTextAfterEdits', roots: { text: 'text' },
    js: `const doc = docWith(50)
const t = doc.getText('text')
t.insert(0, 'Article 1 alinéa')
const rpos = Y.createRelativePositionFromTypeIndex(t, 8)
t.insert(0, 'Le nouvel ')
t.delete(20, 3)
return { doc, rpos, type: 'text', index: 8, assoc: 0 }`
  },
  {
    name: 'RelPosAssocBefore', roots: { text: 'text' },
    js: `const doc = docWith(51)
const t = doc.getText('text')
t.insert(0, 'abcdef')
const rpos = Y.createRelativePositionFromTypeIndex(t, 3, -1)
t.insert(3, 'XX')
return { doc, rpos, type: 'text', index: 3, assoc: -1 }`
  },
  {
    name: 'RelPosAtEndOfRootType', roots: { text: 'text' },
    js: `const doc = docWith(52)
const t = doc.getText('text')
t.insert(0, 'fin')
const rpos = Y.createRelativePositionFromTypeIndex(t, 3)
t.insert(3, ' ajoutée')
return { doc, rpos, type: 'text', index: 3, assoc: 0 }`
  },
  {
    name: 'RelPosAtEndOfNestedType', roots: { map: 'map' },
    js: `const doc = docWith(2 ** 53 - 1)
const inner = new Y.Text()
doc.getMap('map').set('body', inner)
inner.insert(0, 'corps')
const rpos = Y.createRelativePositionFromTypeIndex(inner, 5)
inner.insert(0, '>> ')
return { doc, rpos, type: 'map/body', index: 5, assoc: 0 }`
  },
  {
    name: 'RelPosInArrayDeletedTarget', roots: { array: 'array' },
    js: `const doc = docWith(53)
const a = doc.getArray('array')
a.insert(0, [1, 2, 3, 4])
const rpos = Y.createRelativePositionFromTypeIndex(a, 2)
a.delete(1, 2)
return { doc, rpos, type: 'array', index: 2, assoc: 0 }`
  }
]

// ---- y-protocols messages -------------------------------------------------------------------------
export const syncFixtures = [
  {
    name: 'SyncStep1StepTwoAndUpdate',
    js: `// server holds \`server\`; a client sends step 1 with its state vector; the server answers step 2
const server = docWith(60)
server.getText('text').insert(0, 'état du serveur')
const client = docWith(61)
client.getText('text').insert(0, 'client ')
const e1 = encoding.createEncoder(); sync.writeSyncStep1(e1, client)
const step1 = encoding.toUint8Array(e1)
const reply = encoding.createEncoder()
sync.readSyncMessage(decoding.createDecoder(step1), reply, server, null)
const serverState = Y.encodeStateAsUpdate(server)
const [u] = updatesOf(server, [() => server.getText('text').insert(0, '>')])
const e3 = encoding.createEncoder(); sync.writeUpdate(e3, u)
return { server: serverState, step1, step2: encoding.toUint8Array(reply),
  updateMessage: encoding.toUint8Array(e3), clientStateVector: Y.encodeStateVector(client), update: u }`
  }
]
export const awarenessFixtures = [
  {
    name: 'AwarenessStatesAndRemoval',
    js: `const d1 = docWith(70)
const d2 = docWith(2 ** 53 - 1)
const a1 = new awareness.Awareness(d1)
const a2 = new awareness.Awareness(d2)
a1.setLocalState({ user: { name: 'Zoé', color: '#1f6feb' }, cursor: { anchor: 'AQ==', head: null } })
a1.setLocalStateField('typing', true)
a2.setLocalState({ user: { name: 'Ali 🚲' } })
awareness.applyAwarenessUpdate(a1, awareness.encodeAwarenessUpdate(a2, [2 ** 53 - 1]), 'remote')
const both = awareness.encodeAwarenessUpdate(a1, [70, 2 ** 53 - 1])
a2.setLocalState(null)
const removed = awareness.encodeAwarenessUpdate(a2, [2 ** 53 - 1])
const entries = (u) => { const dec = decoding.createDecoder(u); const n = decoding.readVarUint(dec); const out = []
  for (let i = 0; i < n; i++) out.push({ client: decoding.readVarUint(dec), clock: decoding.readVarUint(dec), state: decoding.readVarString(dec) })
  return out }
a1.destroy(); a2.destroy()
return { both, removed, bothEntries: entries(both), removedEntries: entries(removed) }`
  }
]
