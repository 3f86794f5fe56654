// One worker thread runs a share of the clients, each a lean client speaking the server's protocol
// directly (SignalRWire or HocuspocusWire). What each one costs is kept to what the measure needs:
// - every client reads the header of each update it receives (Y.parseUpdateMeta, real yjs) to time the
//   arrival of each keystroke and to keep the state vector it would have, without applying it;
// - a typist keeps a Y.Doc with the bill as synced at the start plus its own keystrokes (a real yjs
//   insert at the end of its article, which the server integrates like any concurrent edit), and
//   publishes its cursor through y-protocols awareness after each keystroke, as y-codemirror.next does;
// - a few full replicas apply every update into a Y.Doc, like a browser, and report their content.

import { parentPort, workerData } from 'node:worker_threads';
import * as Y from 'yjs';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import { BillModel } from '../../../wwwroot/src/bill';
import { SignalRWire } from './signalr-wire';
import { HocuspocusWire } from './hocuspocus-wire';
import { withTimeout, type Wire } from './wire';
import {
  HistogramBinMs,
  HistogramBins,
  SecondBinMs,
  SecondBins,
  nowMs,
  vectorString,
  type ClientPlan,
  type DoneReport,
  type ReadyReport,
  type StartMessage,
  type WorkerInit,
} from './shared';

const init = workerData as WorkerInit;
const sendTimes = new Float64Array(init.sendTimes);
const text = 'Le Conseil de Paris délibère sur la végétalisation des cours d’école et des rues. ';
const MessageSyncStep1 = 0;
const MessageUpdate = 2;

const histogram = new Uint32Array(HistogramBins);
const bySecond: Uint32Array[] = [];
let samples = 0;
let maxMs = 0;
let measureFrom = Number.POSITIVE_INFINITY;
let measureUntil = Number.NEGATIVE_INFINITY;
let typedInWindow = 0;
let typedTotal = 0;
let acked = 0;
let unacked = 0;
let rejected = 0;
const rejections: string[] = [];
let gaps = 0;
const timers: ReturnType<typeof setTimeout>[] = [];

function record(sent: number, latency: number): void {
  samples++;
  if (latency > maxMs) maxMs = latency;
  const bin = Math.min(HistogramBins - 1, Math.max(0, Math.floor(latency / HistogramBinMs)));
  histogram[bin]!++;
  const second = Math.floor((sent - measureFrom) / 1000);
  const perSecond = (bySecond[second] ??= new Uint32Array(SecondBins));
  perSecond[Math.min(SecondBins - 1, Math.max(0, Math.floor(latency / SecondBinMs)))]!++;
}

function syncMessage(type: number, payload: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, type);
  encoding.writeVarUint8Array(e, payload);
  return encoding.toUint8Array(e);
}

class LoadClient {
  readonly wire: Wire;
  /** The state vector this client would have: from the step 2 and every update's header. */
  readonly seen = new Map<number, number>();
  doc: Y.Doc | undefined;
  awareness: Awareness | undefined;
  body: Y.Text | undefined;
  connected = false;
  private chars: number;

  constructor(readonly plan: ClientPlan) {
    const t = init.target;
    const ids = plan.typist >= 0 || plan.replica ? [plan.clientId] : [];
    this.wire =
      t.kind === 'pcd'
        ? new SignalRWire(t.hubUrl, t.billId, plan.credential, ids)
        : new HocuspocusWire(t.wsUrl, t.documentName, plan.credential);
    this.wire.onSync = (m) => this.receiveSync(m);
    this.chars = plan.index * 7;
    if (plan.typist >= 0 || plan.replica) {
      this.doc = new Y.Doc();
      // Fixed ids let any thread tell whose keystroke an update carries.
      this.doc.clientID = plan.clientId;
    }
  }

  async connect(): Promise<void> {
    await withTimeout(this.wire.open(), 30_000, 'open');
    const vector = this.doc ? Y.encodeStateVector(this.doc) : new Uint8Array([0]);
    const step2 = await withTimeout(this.wire.sync(syncMessage(MessageSyncStep1, vector)), 30_000, 'sync step 1');
    if (!step2) throw new Error('no step 2 in answer to step 1');
    const d = decoding.createDecoder(step2);
    decoding.readVarUint(d);
    const update = decoding.readVarUint8Array(d);
    this.track(update);
    if (this.doc) {
      Y.applyUpdate(this.doc, update, this.wire);
      if (this.plan.typist >= 0) {
        const article = new BillModel(this.doc).list().active[this.plan.article];
        if (!article) throw new Error(`the bill has no article ${this.plan.article + 1}`);
        this.body = article.body;
        this.awareness = new Awareness(this.doc);
        this.awareness.setLocalStateField('user', { name: `Client ${this.plan.index}`, color: '#0043ce' });
        this.doc.on('update', (u: Uint8Array, origin: unknown) => {
          if (origin !== this.wire) this.send(u);
        });
      }
    }
    this.connected = true;
  }

  private send(update: Uint8Array): void {
    unacked++;
    this.wire.sync(syncMessage(MessageUpdate, update)).then(
      () => {
        unacked--;
        acked++;
      },
      (e: unknown) => {
        unacked--;
        rejected++;
        if (rejections.length < 5) rejections.push(String(e));
      },
    );
  }

  /** Keeps `seen` and returns the update's metadata. */
  private track(update: Uint8Array): { from: Map<number, number>; to: Map<number, number> } {
    const meta = Y.parseUpdateMeta(update);
    for (const [client, to] of meta.to) {
      const have = this.seen.get(client) ?? 0;
      const from = meta.from.get(client) ?? 0;
      if (from > have) gaps++;
      if (to > have) this.seen.set(client, to);
    }
    return meta;
  }

  private receiveSync(message: Uint8Array): void {
    const arrived = nowMs();
    const d = decoding.createDecoder(message);
    const type = decoding.readVarUint(d);
    if (type === MessageSyncStep1) return; // the server's step 1: it has everything these clients made
    const update = decoding.readVarUint8Array(d);
    const meta = this.track(update);
    for (const [client, to] of meta.to) {
      const t = client - init.clientIdBase;
      if (t < 0 || t >= init.typists || client === this.plan.clientId) continue;
      const from = meta.from.get(client) ?? 0;
      for (let clock = from; clock < to && clock < init.maxClock; clock++) {
        const sent = sendTimes[t * init.maxClock + clock]!;
        if (sent >= measureFrom && sent < measureUntil) record(sent, arrived - sent);
      }
    }
    if (this.plan.replica && this.doc) Y.applyUpdate(this.doc, update, this.wire);
  }

  type(start: StartMessage): void {
    const interval = 1000 / init.rate;
    // Keystrokes follow the typist's own timeline (interval ±20 % jitter so typists do not fire in
    // lockstep), not the timer's: a timer that fires late types what was due at once, so a starved load
    // generator still types what was asked when it catches up, or shows in keystrokesSent that it could not.
    // A keystroke's time is when it is made, so the generator's lateness never counts as the server's.
    let due = Math.max(start.typeFrom, nowMs()) + Math.random() * interval;
    const tick = () => {
      let now = nowMs();
      // A timer late past the end types nothing more: the window's count must match what receivers time.
      while (due <= now && due < start.typeUntil && now < start.typeUntil) {
        this.keystroke(now, start);
        due += interval * (0.8 + Math.random() * 0.4);
        now = nowMs();
      }
      if (due < start.typeUntil) timers.push(setTimeout(tick, due - now));
    };
    timers.push(setTimeout(tick, due - nowMs()));
  }

  private keystroke(now: number, start: StartMessage): void {
    const doc = this.doc!;
    const body = this.body!;
    const clock = Y.getState(doc.store, doc.clientID);
    // Its own keystrokes count as seen: a server may relay them back to it in a batch with others'.
    this.seen.set(doc.clientID, clock + 1);
    if (clock < init.maxClock) sendTimes[this.plan.typist * init.maxClock + clock] = now;
    body.insert(body.length, text[this.chars++ % text.length]!);
    typedTotal++;
    if (now >= start.measureFrom) typedInWindow++;
    // The cursor after the new character, as y-codemirror.next publishes it.
    const pos = Y.createRelativePositionFromTypeIndex(body, body.length);
    this.awareness!.setLocalStateField('cursor', { anchor: pos, head: pos });
    this.wire.awareness(encodeAwarenessUpdate(this.awareness!, [doc.clientID]));
  }

  content(): string {
    const model = new BillModel(this.doc!);
    return JSON.stringify(model.list().active.map((a) => [a.id, a.heading.toString(), a.body.toString()]));
  }
}

const clients = init.clients.map((p) => new LoadClient(p));

async function connectAll(): Promise<ReadyReport> {
  const errors: string[] = [];
  let connected = 0;
  let failed = 0;
  for (let i = 0; i < clients.length; i += init.connectConcurrency) {
    const batch = clients.slice(i, i + init.connectConcurrency);
    const results = await Promise.all(
      batch.map((c) =>
        c.connect().then(
          () => true,
          (e: unknown) => {
            if (errors.length < 5) errors.push(String(e));
            return false;
          },
        ),
      ),
    );
    for (const ok of results) (ok ? connected++ : failed++);
  }
  return { type: 'ready', connected, failed, errors };
}

async function drain(): Promise<void> {
  // Every keystroke typed here acknowledged (or 30 s): what is still missing after that is lost.
  const deadline = nowMs() + 30_000;
  while (unacked > 0 && nowMs() < deadline) await new Promise((r) => setTimeout(r, 50));
  parentPort!.postMessage({ type: 'drained', unacked });
}

parentPort!.on('message', (message: StartMessage | { type: 'drain' } | { type: 'finish' } | { type: 'stop' }) => {
  if (message.type === 'drain') {
    for (const t of timers) clearTimeout(t);
    void drain();
  } else if (message.type === 'start') {
    measureFrom = message.measureFrom;
    measureUntil = message.typeUntil;
    for (const c of clients) if (c.connected && c.plan.typist >= 0) c.type(message);
  } else if (message.type === 'finish') {
    for (const t of timers) clearTimeout(t);
    const live = clients.filter((c) => c.connected);
    // ParisCoDraft does not echo a typist's own updates back to it (Hocuspocus does): its own clock is its doc's.
    for (const c of live) {
      if (c.plan.typist >= 0) c.seen.set(c.plan.clientId, Math.max(c.seen.get(c.plan.clientId) ?? 0, Y.getState(c.doc!.store, c.plan.clientId)));
    }
    const replicas = live.filter((c) => c.plan.replica);
    const report: DoneReport = {
      type: 'done',
      histogram,
      bySecond: Array.from({ length: bySecond.length }, (_, i) => bySecond[i] ?? new Uint32Array(SecondBins)),
      samples,
      maxMs,
      typedInWindow,
      typedTotal,
      acked,
      unacked,
      rejected,
      rejections,
      gaps,
      stateVectors: live.map((c) => vectorString(c.seen)),
      replicaVectors: replicas.map((c) => vectorString(Y.decodeStateVector(Y.encodeStateVector(c.doc!)))),
      replicaContents: replicas.map((c) => c.content()),
      typedVectors: live.filter((c) => c.plan.typist >= 0).map((c) => `${c.plan.clientId}:${Y.getState(c.doc!.store, c.plan.clientId)}`),
    };
    parentPort!.postMessage(report, [histogram.buffer]);
  } else if (message.type === 'stop') {
    for (const c of clients) {
      c.awareness?.destroy();
      c.wire.close();
    }
    setTimeout(() => process.exit(0), 200);
  }
});

void connectAll().then((report) => parentPort!.postMessage(report));
