// A share of the clients of a multi-server run: each the browser's own provider (BillProvider) on its own
// Y.Doc and Awareness, through the load balancer, in its bill. Typists type and move their cursor; every
// client times the arrival of other typists' keystrokes; on request, reports convergence and presence.

import { parentPort, workerData } from 'node:worker_threads';
import * as Y from 'yjs';
import { Awareness } from 'y-protocols/awareness';
import { HttpTransportType } from '@microsoft/signalr';
import { BillProvider } from '../../../wwwroot/src/provider';
import { BillModel } from '../../../wwwroot/src/bill';
import { toBase64 } from 'lib0/buffer';
import { nowMs } from './shared';
import type { CheckReport, MultiClientPlan, MultiDoneReport, MultiWorkerInit } from './multi-shared';

const init = workerData as MultiWorkerInit;
const sendTimes = new Float64Array(init.sendTimes);
const text = 'Le Conseil de Paris délibère sur la végétalisation des cours d’école et des rues. ';

interface Client {
  plan: MultiClientPlan;
  doc: Y.Doc;
  awareness: Awareness;
  provider: BillProvider;
  model: BillModel;
  reconnectedAt: number;
}

const clients: Client[] = [];
const samples: number[] = [];
let measureFrom = Number.POSITIVE_INFINITY;
let measureUntil = Number.NEGATIVE_INFINITY;
let killAt = Number.POSITIVE_INFINITY;
let typedInWindow = 0;
let rejected = 0;
const timers: ReturnType<typeof setTimeout>[] = [];
/** Client ids per bill, over every worker (to check presence against). */
const everyone = new Map<string, number>();

function makeClient(plan: MultiClientPlan): Client {
  const doc = new Y.Doc();
  doc.clientID = plan.clientId;
  const awareness = new Awareness(doc);
  awareness.setLocalStateField('user', { name: `Client ${plan.index}`, color: '#0043ce' });
  const provider = new BillProvider({
    hubUrl: init.hubUrl,
    billId: plan.billId,
    doc,
    awareness,
    storage: null,
    watchBrowserNetwork: false,
    // Straight to the WebSocket: no negotiate request that a load balancer could send to another server.
    connectionOptions: { headers: { Cookie: plan.cookie }, withCredentials: false, skipNegotiation: true, transport: HttpTransportType.WebSockets },
    invokeTimeoutMs: 30_000,
  });
  const client: Client = { plan, doc, awareness, provider, model: new BillModel(doc), reconnectedAt: 0 };
  provider.on('rejected', () => rejected++);
  provider.on('status', (status) => {
    if (status === 'connected' && nowMs() >= killAt) client.reconnectedAt = nowMs();
  });
  doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== provider) return;
    const arrived = nowMs();
    const meta = Y.parseUpdateMeta(update);
    for (const [id, to] of meta.to) {
      const t = id - init.clientIdBase;
      if (t < 0 || t >= init.typists || id === doc.clientID) continue;
      const from = meta.from.get(id) ?? 0;
      for (let clock = from; clock < to && clock < init.maxClock; clock++) {
        const sent = sendTimes[t * init.maxClock + clock]!;
        if (sent >= measureFrom && sent < measureUntil) samples.push(sent, arrived - sent);
      }
    }
  });
  return client;
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

async function connectAll(): Promise<{ type: 'ready'; connected: number; failed: number; errors: string[] }> {
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
        const ok = await waitConnected(c.provider, 60_000);
        errorOff();
        return ok;
      }),
    );
    for (const ok of results) (ok ? connected++ : failed++);
  }
  return { type: 'ready', connected, failed, errors };
}

function typeLoop(c: Client, typeFrom: number, typeUntil: number): void {
  const interval = 1000 / init.rate;
  let i = c.plan.index * 7;
  const tick = () => {
    const now = nowMs();
    if (now >= typeUntil) return;
    const article = c.model.list().active[c.plan.article];
    if (article) {
      const clock = Y.getState(c.doc.store, c.doc.clientID);
      if (clock < init.maxClock) sendTimes[c.plan.typist * init.maxClock + clock] = now;
      article.body.insert(article.body.length, text[i++ % text.length]!);
      if (now >= measureFrom) typedInWindow++;
      const pos = Y.createRelativePositionFromTypeIndex(article.body, article.body.length);
      c.awareness.setLocalStateField('cursor', { anchor: pos, head: pos });
    }
    timers.push(setTimeout(tick, interval * (0.8 + Math.random() * 0.4)));
  };
  timers.push(setTimeout(tick, Math.max(0, typeFrom - nowMs()) + Math.random() * interval));
}

function check(): CheckReport {
  const vectors: Record<string, Set<string>> = {};
  let pending = 0;
  let notConnected = 0;
  let presenceExact = 0;
  let presenceSeen = 0;
  let lastReconnectAt = 0;
  let reconnected = 0;
  for (const c of clients) {
    (vectors[c.plan.billId] ??= new Set()).add(toBase64(Y.encodeStateVector(c.doc)));
    pending += c.provider.pendingCount;
    if (c.provider.status !== 'connected') notConnected++;
    const states = c.awareness.getStates().size;
    presenceSeen += states;
    if (states === everyone.get(c.plan.billId)) presenceExact++;
    if (c.reconnectedAt > 0) {
      reconnected++;
      lastReconnectAt = Math.max(lastReconnectAt, c.reconnectedAt);
    }
  }
  const out: Record<string, string[]> = {};
  for (const [bill, set] of Object.entries(vectors)) out[bill] = [...set];
  return { type: 'check', vectors: out, pending, notConnected, presenceExact, presenceSeen, lastReconnectAt, reconnected };
}

type Message =
  | { type: 'start'; typeFrom: number; measureFrom: number; typeUntil: number; everyone: [string, number][] }
  | { type: 'kill'; at: number }
  | { type: 'check' }
  | { type: 'finish' }
  | { type: 'stop' };

parentPort!.on('message', async (message: Message) => {
  if (message.type === 'start') {
    measureFrom = message.measureFrom;
    measureUntil = message.typeUntil;
    for (const [bill, n] of message.everyone) everyone.set(bill, n);
    for (const c of clients) if (c.plan.typist >= 0) typeLoop(c, message.typeFrom, message.typeUntil);
  } else if (message.type === 'kill') {
    killAt = message.at;
  } else if (message.type === 'check') {
    parentPort!.postMessage(check());
  } else if (message.type === 'finish') {
    for (const t of timers) clearTimeout(t);
    const report: MultiDoneReport = { type: 'done', samples, typedInWindow, rejected };
    parentPort!.postMessage(report);
  } else if (message.type === 'stop') {
    await Promise.all(clients.map((c) => c.provider.destroy().catch(() => undefined)));
    for (const c of clients) c.awareness.destroy();
    process.exit(0);
  }
});

void connectAll().then((report) => parentPort!.postMessage(report));
