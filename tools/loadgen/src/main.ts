// Orchestrates a load run against ParisCoDraft (default) or Hocuspocus: starts the server (or uses
// --url/--pid), seeds one bill, connects N lean clients spread over worker threads, lets K of them type,
// samples the server's CPU and memory, checks that nothing was lost and everybody converged (and, for
// ParisCoDraft, that every acknowledged keystroke survives a kill -9 of the server), and prints ONE JSON
// line. Exits 1 when the run is not valid: the load was not generated, a keystroke was lost or refused,
// the replicas diverged, or an acknowledged edit was not durable. Loopback only; every phase is bounded.

import { Worker } from 'node:worker_threads';
import { liftedAbuseLimits } from './abuse-limits';
import { createBill, join, seedArticles } from './bill-setup';
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync, mkdtempSync, rmSync, existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, cpus, loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import { BillModel } from '../../../wwwroot/src/bill';
import { SignalRWire } from './signalr-wire';
import { HocuspocusWire } from './hocuspocus-wire';
import { withTimeout, type Wire, type WireTarget } from './wire';
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
  type WorkerInit,
} from './shared';

type ServerKind = 'pcd' | 'hocuspocus';

interface Options {
  server: ServerKind;
  clients: number;
  typists: number;
  rate: number;
  duration: number;
  warmup: number;
  workers: number;
  articles: number;
  replicas: number;
  url: string | undefined;
  pid: number | undefined;
  connectConcurrency: number;
  serverLog: string;
  seed: string | undefined;
  saveSeed: string | undefined;
  minSentRatio: number;
  durableCheck: boolean;
  /** A ParisCoDraft build to run instead of building src/ParisCoDraft.Web (before/after comparisons). */
  serverDll: string | undefined;
}

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..', '..', '..');

function parse(argv: string[]): Options {
  const get = (name: string): string | undefined => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const num = (name: string, def: number, min: number, max: number): number => {
    const raw = get(name);
    const v = raw === undefined ? def : Number(raw);
    if (!Number.isFinite(v) || v < min || v > max) throw new RangeError(`--${name} must be within ${min}..${max}`);
    return v;
  };
  const server = (get('server') ?? 'pcd') as ServerKind;
  if (server !== 'pcd' && server !== 'hocuspocus') throw new RangeError('--server must be pcd or hocuspocus');
  const clients = num('clients', 100, 2, 1000);
  const typists = num('typists', Math.min(20, clients), 1, clients);
  const url = get('url');
  if (url) {
    const host = new URL(url).hostname;
    if (host !== '127.0.0.1' && host !== 'localhost' && host !== '::1') throw new RangeError('--url must be a loopback address');
  }
  const pidRaw = get('pid');
  return {
    server,
    clients,
    typists,
    rate: num('rate', 3, 0.1, 50),
    duration: num('duration', 20, 2, 300),
    warmup: num('warmup', 3, 0, 60),
    workers: num('workers', Math.max(1, Math.min(2, cpus().length)), 1, 16),
    articles: num('articles', Math.max(1, Math.ceil(typists / 5)), 1, 200),
    replicas: num('replicas', Math.min(4, clients), 0, clients),
    url,
    pid: pidRaw ? Number(pidRaw) : undefined,
    connectConcurrency: num('connect-concurrency', 10, 1, 100),
    serverLog: get('server-log-level') ?? 'Warning',
    seed: get('seed'),
    saveSeed: get('save-seed'),
    minSentRatio: num('min-sent-ratio', 0.95, 0, 1),
    durableCheck: !argv.includes('--no-durable-check'),
    serverDll: get('server-dll') ? path.resolve(get('server-dll')!) : undefined,
  };
}

function log(message: string): void {
  process.stderr.write(`[loadgen] ${message}\n`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

async function waitHealthy(url: string, healthPath: string, ms: number, child?: ChildProcess): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      const r = await fetch(new URL(healthPath, url), { signal: AbortSignal.timeout(2000) });
      if (r.ok) return;
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('server not healthy in time');
}

interface StartedServer {
  url: string;
  pid: number;
  child: ChildProcess;
  dataDir: string | undefined;
}

let chosenDll: string | undefined;

function pcdDll(): string {
  if (chosenDll) return chosenDll;
  return path.join(repo, 'src', 'ParisCoDraft.Web', 'bin', 'Release', 'net10.0', 'ParisCoDraft.Web.dll');
}

function buildPcd(): void {
  log('building the server (Release)…');
  execFileSync('dotnet', ['build', path.join(repo, 'src', 'ParisCoDraft.Web'), '-c', 'Release', '--nologo', '-v', 'q'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    timeout: 300_000,
  });
  if (!existsSync(pcdDll())) throw new Error(`server build produced no ${pcdDll()}`);
}

async function startPcd(o: Options, dataDir: string, port: number): Promise<StartedServer> {
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(
    'dotnet',
    [
      pcdDll(), '--urls', url, `--ParisCoDraft:Database=${path.join(dataDir, 'load.db')}`, `--ParisCoDraft:WebRoot=${path.join(repo, 'wwwroot')}`,
      ...liftedAbuseLimits,
    ],
    {
      cwd: path.dirname(pcdDll()),
      env: { ...process.env, ASPNETCORE_ENVIRONMENT: 'Production', Logging__LogLevel__Default: o.serverLog },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  await waitHealthy(url, '/healthz', 180_000, child);
  return { url, pid: child.pid!, child, dataDir };
}

async function startHocuspocus(): Promise<StartedServer> {
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(here, '..', 'hocuspocus-server.mjs'), String(port)], {
    cwd: repo,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('hocuspocus did not start in 30 s')), 30_000);
    child.stdout!.on('data', (d: Buffer) => {
      if (d.toString().includes('listening')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => reject(new Error(`hocuspocus exited with ${code}`)));
  });
  return { url: `http://127.0.0.1:${port}`, pid: child.pid!, child, dataDir: undefined };
}

async function stopServer(server: StartedServer, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return;
  server.child.kill(signal);
  await new Promise((r) => {
    const t = setTimeout(() => {
      server.child.kill('SIGKILL');
      r(undefined);
    }, 10_000);
    server.child.once('exit', () => {
      clearTimeout(t);
      r(undefined);
    });
  });
}

/** CPU seconds and resident memory of a process, from /proc. */
class ProcSampler {
  private readonly tick = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
  private startCpu = 0;
  private startWall = 0;
  peakRssKb = 0;
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(private readonly pid: number) {}

  private cpuSeconds(): number {
    const stat = readFileSync(`/proc/${this.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / this.tick; // utime, stime
  }

  private rssKb(): number {
    const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${this.pid}/status`, 'utf8'));
    return m ? Number(m[1]) : 0;
  }

  start(): void {
    this.startCpu = this.cpuSeconds();
    this.startWall = nowMs();
    this.peakRssKb = this.rssKb();
    this.timer = setInterval(() => {
      try {
        this.peakRssKb = Math.max(this.peakRssKb, this.rssKb());
      } catch {
        // process gone
      }
    }, 250);
  }

  stop(): number {
    if (this.timer) clearInterval(this.timer);
    this.peakRssKb = Math.max(this.peakRssKb, this.rssKb());
    return ((this.cpuSeconds() - this.startCpu) / ((nowMs() - this.startWall) / 1000)) * 100;
  }
}

function step1(vector: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0);
  encoding.writeVarUint8Array(e, vector);
  return encoding.toUint8Array(e);
}

/** The server's whole document, as one update (its answer to an empty state vector). */
async function fetchState(wire: Wire): Promise<Uint8Array> {
  await withTimeout(wire.open(), 30_000, 'open');
  const step2 = await withTimeout(wire.sync(step1(new Uint8Array([0]))), 30_000, 'step 1');
  wire.close();
  if (!step2) throw new Error('no step 2');
  const d = decoding.createDecoder(step2);
  decoding.readVarUint(d);
  return decoding.readVarUint8Array(d);
}

/** A bill like the one ParisCoDraft seeds (title, preamble, articles), for a Hocuspocus run without --seed. */
function localSeed(articles: number): Uint8Array {
  const doc = new Y.Doc();
  const model = new BillModel(doc);
  model.title.insert(0, 'Charge');
  model.preamble.insert(0, 'Essai de charge.');
  for (let i = 0; i < articles; i++) model.add(undefined, `Article de charge ${i + 1}`, '');
  return Y.encodeStateAsUpdate(doc);
}

function percentile(histogram: Uint32Array, total: number, p: number, binMs = HistogramBinMs): number {
  if (total === 0) return Number.NaN;
  const rank = Math.max(1, Math.ceil((p / 100) * total));
  let seen = 0;
  for (let i = 0; i < histogram.length; i++) {
    seen += histogram[i]!;
    if (seen >= rank) return (i + 1) * binMs; // upper edge of the bin: never flatters
  }
  return Number.NaN;
}

function round(x: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

function onceMessage<T>(worker: Worker, type: string, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`worker did not report ${type} within ${ms} ms`)), ms);
    const handler = (m: { type: string }) => {
      if (m.type === type) {
        clearTimeout(timer);
        worker.off('message', handler);
        resolve(m as T);
      }
    };
    worker.on('message', handler);
    worker.once('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
  });
}

export async function run(argv: string[]): Promise<void> {
  const o = parse(argv);
  // A hard stop whatever happens: setup (≤ 4 min) + the run + teardown.
  const hardStop = setTimeout(() => {
    log('hard time limit reached');
    process.exit(2);
  }, (240 + o.warmup + o.duration + 90) * 1000);
  hardStop.unref();

  let server: StartedServer | undefined;
  let keepOpen: Wire | undefined;
  const workers: Worker[] = [];
  // Stopped from outside (compare.mjs interrupted, Ctrl-C): never leave the server under test behind.
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      server?.child.kill('SIGKILL');
      if (server?.dataDir) rmSync(server.dataDir, { recursive: true, force: true });
      process.exit(signal === 'SIGINT' ? 130 : 143);
    });
  }
  try {
    let url = o.url;
    let pid = o.pid;
    if (!url) {
      if (o.server === 'pcd') {
        if (o.serverDll) {
          if (!existsSync(o.serverDll)) throw new Error(`no ${o.serverDll}`);
          chosenDll = o.serverDll;
        } else {
          buildPcd();
        }
        server = await startPcd(o, mkdtempSync(path.join(tmpdir(), 'pcd-load-')), await freePort());
      } else {
        server = await startHocuspocus();
      }
      url = server.url;
      pid = server.pid;
    } else {
      await waitHealthy(url, o.server === 'pcd' ? '/healthz' : '/', 10_000);
    }
    url = url.replace(/\/$/, '');

    // One bill, then one credential per client.
    const clientIdBase = 1_000_000 + Math.floor(Math.random() * 1_000_000_000);
    let target: WireTarget;
    let facilitatorWire: () => Wire;
    const credentials: string[] = [];
    if (o.server === 'pcd') {
      const bill = await createBill(url, 'Charge', 'Essai de charge.');
      await seedArticles(`${url}/hubs/bill`, bill.billId, bill.cookie, o.articles);
      const t: WireTarget = { kind: 'pcd', hubUrl: `${url}/hubs/bill`, billId: bill.billId };
      target = t;
      facilitatorWire = () => new SignalRWire(t.hubUrl, t.billId, bill.cookie, []);
      log(`bill ${bill.billId}: ${o.articles} articles; joining ${o.clients} people…`);
      for (let i = 0; i < o.clients; i++) credentials.push(await join(url, bill.citizenSecret, `Personne ${i + 1}`, 10_000));
    } else {
      const t: WireTarget = { kind: 'hocuspocus', wsUrl: url.replace(/^http/, 'ws'), documentName: `bill-${clientIdBase}` };
      target = t;
      facilitatorWire = () => new HocuspocusWire(t.wsUrl, t.documentName, 'facilitator');
      const seed = o.seed ? new Uint8Array(readFileSync(o.seed)) : localSeed(o.articles);
      const wire = facilitatorWire();
      await withTimeout(wire.open(), 30_000, 'open');
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, 2);
      encoding.writeVarUint8Array(e, seed);
      await withTimeout(wire.sync(encoding.toUint8Array(e)), 30_000, 'seed');
      // Hocuspocus unloads an in-memory document when its last connection closes: the facilitator stays.
      keepOpen = wire;
      log(`document ${t.documentName}: seeded with ${seed.length} bytes${o.seed ? ` from ${o.seed}` : ''}`);
      for (let i = 0; i < o.clients; i++) credentials.push(`token-${i}`);
    }
    const seedState = await fetchState(facilitatorWire());
    if (o.saveSeed) writeFileSync(o.saveSeed, seedState);

    const plans: ClientPlan[] = [];
    for (let i = 0; i < o.clients; i++) {
      const typist = i < o.typists ? i : -1;
      plans.push({
        index: i,
        clientId: clientIdBase + i,
        credential: credentials[i]!,
        typist,
        article: typist >= 0 ? typist % o.articles : 0,
        // Full replicas: the last clients, so that with fewer typists than clients they only watch.
        replica: i >= o.clients - o.replicas,
      });
    }
    const maxClock = Math.ceil(o.rate * 1.3 * (o.warmup + o.duration + 5)) + 64;
    const sendTimes = new SharedArrayBuffer(o.typists * maxClock * 8);

    // Round-robin so typists spread over the workers.
    const shares: ClientPlan[][] = Array.from({ length: o.workers }, () => []);
    plans.forEach((p, i) => shares[i % o.workers]!.push(p));
    const workerFile = path.join(here, 'worker.mjs');
    for (const share of shares) {
      const init: WorkerInit = {
        target,
        clients: share,
        clientIdBase,
        typists: o.typists,
        rate: o.rate,
        maxClock,
        sendTimes,
        connectConcurrency: o.connectConcurrency,
      };
      workers.push(new Worker(workerFile, { workerData: init }));
    }
    const ready = await Promise.all(workers.map((w) => onceMessage<ReadyReport>(w, 'ready', 200_000)));
    const connected = ready.reduce((s, r) => s + r.connected, 0);
    const failed = ready.reduce((s, r) => s + r.failed, 0);
    log(`${connected} connected, ${failed} failed${failed ? `: ${ready.flatMap((r) => r.errors).slice(0, 3).join(' | ')}` : ''}`);
    if (connected < 2) throw new Error('fewer than two clients connected');

    const sampler = pid ? new ProcSampler(pid) : undefined;
    const typeFrom = nowMs() + 500;
    const measureFrom = typeFrom + o.warmup * 1000;
    const typeUntil = measureFrom + o.duration * 1000;
    for (const w of workers) w.postMessage({ type: 'start', typeFrom, measureFrom, typeUntil });
    await new Promise((r) => setTimeout(r, measureFrom - nowMs()));
    sampler?.start();
    const cpuBefore = process.cpuUsage();
    const wallBefore = nowMs();
    await new Promise((r) => setTimeout(r, typeUntil - nowMs()));
    const serverCpuPct = sampler ? sampler.stop() : Number.NaN;
    const loadgenCpu = process.cpuUsage(cpuBefore);
    const loadgenCpuPct = ((loadgenCpu.user + loadgenCpu.system) / 1000 / (nowMs() - wallBefore)) * 100;

    // Let the last keystrokes arrive before counting: every one acknowledged (a server acknowledges once it
    // has relayed it), then one more second for the relays to reach the sockets' other ends.
    const drainFrom = nowMs();
    // A worker too starved to answer in time is not fatal: what has not arrived by then counts as lost.
    const drained = Promise.all(
      workers.map((w) => onceMessage<{ type: string }>(w, 'drained', 40_000).catch((e: unknown) => log(String(e)))),
    );
    for (const w of workers) w.postMessage({ type: 'drain' });
    await drained;
    const drainMs = nowMs() - drainFrom;
    await new Promise((r) => setTimeout(r, 1000));
    for (const w of workers) w.postMessage({ type: 'finish' });
    const done = await Promise.all(workers.map((w) => onceMessage<DoneReport>(w, 'done', 60_000)));

    const histogram = new Uint32Array(HistogramBins);
    for (const d of done) for (let i = 0; i < HistogramBins; i++) histogram[i]! += d.histogram[i]!;
    const samples = done.reduce((s, d) => s + d.samples, 0);
    // p99 per second of the window (by keystroke time): shows whether the slow samples are spread or in
    // bursts, and a server still warming up (its first seconds slower than the rest).
    const seconds = Math.max(0, ...done.map((d) => d.bySecond.length));
    const p99BySecond: number[] = [];
    for (let s = 0; s < seconds; s++) {
      const merged = new Uint32Array(SecondBins);
      let count = 0;
      for (const d of done) {
        const h = d.bySecond[s];
        if (!h) continue;
        for (let i = 0; i < SecondBins; i++) merged[i]! += h[i]!;
      }
      for (let i = 0; i < SecondBins; i++) count += merged[i]!;
      p99BySecond.push(count === 0 ? 0 : round(percentile(merged, count, 99, SecondBinMs)));
    }
    const typedInWindow = done.reduce((s, d) => s + d.typedInWindow, 0);
    const expectedSamples = typedInWindow * (connected - 1);

    // Everybody must end with the same state vector, equal to what the typists typed on top of the seed;
    // the full replicas' Y.Docs must hold that state and the same text.
    const typed = new Map<number, number>();
    for (const d of done) for (const tv of d.typedVectors) {
      const [c, k] = tv.split(':').map(Number);
      typed.set(c!, k!);
    }
    const expected = Y.decodeStateVector(Y.encodeStateVectorFromUpdate(seedState));
    for (const [c, k] of typed) if (k > 0) expected.set(c, k);
    const expectedVector = vectorString(expected);
    const views = done.flatMap((d) => d.stateVectors);
    const replicaVectors = done.flatMap((d) => d.replicaVectors);
    const contents = new Set(done.flatMap((d) => d.replicaContents));
    const viewsAgree = views.every((v) => v === expectedVector);
    const replicasAgree = replicaVectors.every((v) => v === expectedVector) && contents.size <= 1;
    const acked = done.reduce((s, d) => s + d.acked, 0);
    const unacked = done.reduce((s, d) => s + d.unacked, 0);
    const rejected = done.reduce((s, d) => s + d.rejected, 0);
    const gaps = done.reduce((s, d) => s + d.gaps, 0);
    const typedTotal = done.reduce((s, d) => s + d.typedTotal, 0);
    if (!viewsAgree) log(`state vectors differ: expected ${expectedVector.slice(0, 200)}…, e.g. ${views.find((v) => v !== expectedVector)?.slice(0, 200)}`);
    for (const r of done.flatMap((d) => d.rejections).slice(0, 3)) log(`refused: ${r}`);

    for (const w of workers) w.postMessage({ type: 'stop' });
    await Promise.all(
      workers.map(
        (w) =>
          new Promise((r) => {
            const t = setTimeout(() => {
              void w.terminate();
              r(undefined);
            }, 10_000);
            w.once('exit', () => {
              clearTimeout(t);
              r(undefined);
            });
          }),
      ),
    );

    // Durability: every acknowledged keystroke must survive the server being killed (no shutdown at all).
    let durable: boolean | null = null;
    if (o.server === 'pcd' && server?.dataDir && o.durableCheck) {
      await stopServer(server, 'SIGKILL');
      const port = Number(new URL(server.url).port);
      server = await startPcd(o, server.dataDir, port);
      const stored = vectorString(Y.decodeStateVector(Y.encodeStateVectorFromUpdate(await fetchState(facilitatorWire()))));
      durable = stored === expectedVector;
      if (!durable) log(`after kill -9 the server holds ${stored.slice(0, 200)}…`);
    }

    const asked = o.typists * o.rate * o.duration;
    const sentRatio = typedInWindow / asked;
    const loadGenerated = sentRatio >= o.minSentRatio;
    const lost = expectedSamples - samples;
    const converged = viewsAgree && replicasAgree && gaps === 0;
    const ok = loadGenerated && lost === 0 && converged && rejected === 0 && unacked === 0 && failed === 0 && durable !== false;
    const result = {
      server: o.server,
      clients: o.clients,
      typists: o.typists,
      ratePerTypist: o.rate,
      durationSec: o.duration,
      keystrokesAsked: Math.round(asked),
      keystrokesSent: typedInWindow,
      sentRatio: round(sentRatio, 3),
      loadGenerated,
      editsPerSec: round(typedInWindow / o.duration),
      p50: round(percentile(histogram, samples, 50)),
      p95: round(percentile(histogram, samples, 95)),
      p99: round(percentile(histogram, samples, 99)),
      max: round(done.reduce((m, d) => Math.max(m, d.maxMs), 0)),
      p99BySecond,
      samples,
      expectedSamples,
      lost,
      typedTotal,
      drainMs: Math.round(drainMs),
      acked,
      unacked,
      rejected,
      converged,
      replicas: replicaVectors.length,
      durable,
      serverCpuPct: round(serverCpuPct),
      serverPeakRssMb: sampler ? round(sampler.peakRssKb / 1024) : null,
      loadgenCpuPct: round(loadgenCpuPct),
      connected,
      failed,
      cores: cpus().length,
      // Other work on the machine skews everything: the 1-minute load average when the run ended.
      loadAvg1m: round(loadavg()[0]!, 2),
      ok,
    };
    if (!loadGenerated) log(`INVALID: only ${typedInWindow} of ${Math.round(asked)} keystrokes asked were typed: the load generator could not generate the load asked (CPU-starved?), its latencies are not a measure of the server`);
    process.stdout.write(JSON.stringify(result) + '\n');
    process.exitCode = ok ? 0 : 1;
  } finally {
    keepOpen?.close();
    for (const w of workers) void w.terminate();
    if (server) {
      await stopServer(server);
      if (server.dataDir) rmSync(server.dataDir, { recursive: true, force: true });
    }
    clearTimeout(hardStop);
  }
}
