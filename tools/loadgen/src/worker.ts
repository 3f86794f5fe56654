// One worker thread runs a share of the clients: each a real Y.Doc + Awareness + BillProvider (the
// browser's own code), typing into its article and moving its cursor as a browser would, and timing
// the arrival of every other typist's keystrokes.

import { parentPort, workerData } from 'node:worker_threads';
import * as Y from 'yjs';
import { Awareness } from 'y-protocols/awareness';
import { BillProvider } from '../../../wwwroot/src/provider';
import { BillModel } from '../../../wwwroot/src/bill';
import { toBase64 } from 'lib0/buffer';
import { nowMs, type ClientPlan, type DoneReport, type ReadyReport, type StartMessage, type WorkerInit } from './shared';

const init = workerData as WorkerInit;
const sendTimes = new Float64Array(init.sendTimes);
const text = 'Le Conseil de Paris délibère sur la végétalisation des cours d’école et des rues. ';

interface Client {
  plan: ClientPlan;
  doc: Y.Doc;
  awareness: Awareness;
  provider: BillProvider;
  model: BillModel;
}

const clients: Client[] = [];
const samples: number[] = [];
let measureFrom = Number.POSITIVE_INFINITY;
let measureUntil = Number.NEGATIVE_INFINITY;
let typedInWindow = 0;
let typedTotal = 0;
let rejected = 0;
const timers: ReturnType<typeof setTimeout>[] = [];

function makeClient(plan: ClientPlan): Client {
  const doc = new Y.Doc();
  // Fixed ids let any thread tell whose keystroke an update carries.
  doc.clientID = plan.clientId;
  const awareness = new Awareness(doc);
  awareness.setLocalStateField('user', { name: `Client ${plan.index}`, color: '#0043ce' });
  const provider = new BillProvider({
    hubUrl: init.hubUrl,
    billId: init.billId,
    doc,
    awareness,
    storage: null,
    watchBrowserNetwork: false,
    connectionOptions: { headers: { Cookie: plan.cookie }, withCredentials: false },
    invokeTimeoutMs: 30_000,
  });
  provider.on('rejected', () => rejected++);
  doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== provider) return;
    const arrived = nowMs();
    const meta = Y.parseUpdateMeta(update);
    for (const [client, to] of meta.to) {
      const t = client - init.clientIdBase;
      if (t < 0 || t >= init.typists || client === doc.clientID) continue;
      const from = meta.from.get(client) ?? 0;
      for (let clock = from; clock < to && clock < init.maxClock; clock++) {
        const sent = sendTimes[t * init.maxClock + clock]!;
        if (sent >= measureFrom && sent < measureUntil) samples.push(arrived - sent);
      }
    }
  });
  return { plan, doc, awareness, provider, model: new BillModel(doc) };
}

function waitConnected(provider: BillProvider, ms: number): Promise<boolean> {
  if (provider.status === 'connected' && provider.synced) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      off();
      resolve(false);
    }, ms);
    const off = provider.on('status', (status) => {
      if (status === 'connected') {
        clearTimeout(timer);
        off();
        resolve(true);
      }
    });
  });
}

async function connectAll(): Promise<ReadyReport> {
  const errors: string[] = [];
  let connected = 0;
  let failed = 0;
  const queue = init.clients.map(makeClient);
  clients.push(...queue);
  for (let i = 0; i < queue.length; i += init.connectConcurrency) {
    const batch = queue.slice(i, i + init.connectConcurrency);
    const results = await Promise.all(
      batch.map(async (c) => {
        const errorOff = c.provider.on('status', (_s, detail) => {
          if (detail.error && errors.length < 5) errors.push(detail.error);
        });
        await c.provider.connect();
        const ok = await waitConnected(c.provider, 30_000);
        errorOff();
        return ok;
      }),
    );
    for (const ok of results) (ok ? connected++ : failed++);
  }
  return { type: 'ready', connected, failed, errors };
}

function typeLoop(c: Client, start: StartMessage): void {
  const interval = 1000 / init.rate;
  let i = c.plan.index * 7;
  const tick = () => {
    const now = nowMs();
    if (now >= start.typeUntil) return;
    const article = c.model.list().active[c.plan.article];
    if (article) {
      const clock = Y.getState(c.doc.store, c.doc.clientID);
      if (clock < init.maxClock) sendTimes[c.plan.typist * init.maxClock + clock] = now;
      const ch = text[i++ % text.length]!;
      article.body.insert(article.body.length, ch);
      typedTotal++;
      if (now >= start.measureFrom) typedInWindow++;
      // The cursor after the new character, as y-codemirror.next publishes it.
      const pos = Y.createRelativePositionFromTypeIndex(article.body, article.body.length);
      c.awareness.setLocalStateField('cursor', { anchor: pos, head: pos });
    }
    // ±20 % jitter so typists do not fire in lockstep.
    timers.push(setTimeout(tick, interval * (0.8 + Math.random() * 0.4)));
  };
  const delay = Math.max(0, start.typeFrom - nowMs()) + Math.random() * interval;
  timers.push(setTimeout(tick, delay));
}

parentPort!.on('message', async (message: StartMessage | { type: 'finish' } | { type: 'stop' }) => {
  if (message.type === 'start') {
    measureFrom = message.measureFrom;
    measureUntil = message.typeUntil;
    for (const c of clients) if (c.plan.typist >= 0) typeLoop(c, message);
  } else if (message.type === 'finish') {
    for (const t of timers) clearTimeout(t);
    const report: DoneReport = {
      type: 'done',
      samples,
      typedInWindow,
      typedTotal,
      stateVectors: clients.map((c) => toBase64(Y.encodeStateVector(c.doc))),
      rejected,
    };
    parentPort!.postMessage(report);
  } else if (message.type === 'stop') {
    await Promise.all(clients.map((c) => c.provider.destroy().catch(() => undefined)));
    for (const c of clients) c.awareness.destroy();
    process.exit(0);
  }
});

void connectAll().then((report) => parentPort!.postMessage(report));
