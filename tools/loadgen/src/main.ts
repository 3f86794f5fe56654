// Orchestrates a load run: starts the server (or uses --url/--pid), creates a bill, joins N people,
// spreads them over worker threads, lets K of them type, samples the server's CPU and memory, and
// prints ONE JSON line. Loopback only; every phase is bounded in time.

import { Worker } from 'node:worker_threads';
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { readFileSync, mkdtempSync, rmSync, existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, cpus, loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as Y from 'yjs';
import { Awareness } from 'y-protocols/awareness';
import { BillProvider } from '../../../wwwroot/src/provider';
import { BillModel } from '../../../wwwroot/src/bill';
import { nowMs, type ClientPlan, type DoneReport, type ReadyReport, type WorkerInit } from './shared';

interface Options {
  clients: number;
  typists: number;
  rate: number;
  duration: number;
  warmup: number;
  workers: number;
  articles: number;
  url: string | undefined;
  pid: number | undefined;
  connectConcurrency: number;
  serverLog: string;
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
  const clients = num('clients', 100, 2, 500);
  const typists = num('typists', Math.min(20, clients), 1, clients);
  const url = get('url');
  if (url) {
    const host = new URL(url).hostname;
    if (host !== '127.0.0.1' && host !== 'localhost' && host !== '::1') throw new RangeError('--url must be a loopback address');
  }
  const pidRaw = get('pid');
  return {
    clients,
    typists,
    rate: num('rate', 3, 0.1, 50),
    duration: num('duration', 20, 2, 300),
    warmup: num('warmup', 3, 0, 60),
    workers: num('workers', Math.max(1, Math.min(2, cpus().length)), 1, 16),
    articles: num('articles', Math.max(1, Math.ceil(typists / 5)), 1, 200),
    url,
    pid: pidRaw ? Number(pidRaw) : undefined,
    connectConcurrency: num('connect-concurrency', 10, 1, 100),
    serverLog: get('server-log-level') ?? 'Warning',
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

async function waitHealthy(url: string, ms: number, child?: ChildProcess): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      const r = await fetch(new URL('/healthz', url), { signal: AbortSignal.timeout(2000) });
      if (r.ok) return;
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('server not healthy in time');
}

async function startServer(o: Options): Promise<{ url: string; pid: number; child: ChildProcess; dataDir: string }> {
  const project = path.join(repo, 'src', 'ParisCoDraft.Web');
  const out = path.join(project, 'bin', 'Release', 'net10.0');
  log('building the server (Release)…');
  execFileSync('dotnet', ['build', project, '-c', 'Release', '--nologo', '-v', 'q'], { stdio: ['ignore', 'ignore', 'inherit'], timeout: 300_000 });
  const dll = path.join(out, 'ParisCoDraft.Web.dll');
  if (!existsSync(dll)) throw new Error(`server build produced no ${dll}`);
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'pcd-load-'));
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(
    'dotnet',
    [
      dll, '--urls', url, `--ParisCoDraft:Database=${path.join(dataDir, 'load.db')}`, `--ParisCoDraft:WebRoot=${path.join(repo, 'wwwroot')}`,
      // Every client joins one bill from this one address and typists may exceed a person's pace: lift the
      // abuse limits (docs/security.md), which would otherwise throttle the load generator itself.
      '--ParisCoDraft:Security:JoinBurstPerAddress=100000', '--ParisCoDraft:Security:JoinBurstPerBill=100000',
      '--ParisCoDraft:Security:HubMessageBurst=100000', '--ParisCoDraft:Security:HubMessagesPerSecond=100000',
    ],
    {
      cwd: out,
      env: { ...process.env, ASPNETCORE_ENVIRONMENT: 'Production', Logging__LogLevel__Default: o.serverLog, DOTNET_gcServer: '0' },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  await waitHealthy(url, 60_000, child);
  return { url, pid: child.pid!, child, dataDir };
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

async function createBill(url: string): Promise<{ billId: string; cookie: string; citizenSecret: string }> {
  const r = await fetch(new URL('/api/bills', url), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ title: 'Charge', preamble: 'Essai de charge.', displayName: 'Animation' }),
    signal: AbortSignal.timeout(10_000),
  });
  if (!r.ok) throw new Error(`POST /api/bills: ${r.status} ${await r.text()}`);
  const body = (await r.json()) as { billId: string; invites: { role: string; url: string }[] };
  const citizen = body.invites.find((i) => i.role === 'citizen');
  if (!citizen) throw new Error('no citizen invite');
  return { billId: body.billId, cookie: cookieOf(r), citizenSecret: citizen.url.split('/join/')[1]! };
}

function cookieOf(r: Response): string {
  const all = (r.headers as unknown as { getSetCookie(): string[] }).getSetCookie();
  const c = all.find((x) => x.startsWith('pcd_'));
  if (!c) throw new Error('no session cookie in the answer');
  return c.split(';')[0]!;
}

async function join(url: string, secret: string, name: string): Promise<string> {
  const r = await fetch(new URL('/api/join', url), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ secret, displayName: name }),
    signal: AbortSignal.timeout(10_000),
  });
  if (!r.ok) throw new Error(`POST /api/join: ${r.status} ${await r.text()}`);
  return cookieOf(r);
}

/** The facilitator writes the articles the typists will type into, and leaves. */
async function seedArticles(url: string, billId: string, cookie: string, count: number): Promise<void> {
  const doc = new Y.Doc();
  const awareness = new Awareness(doc);
  const provider = new BillProvider({
    hubUrl: `${url}/hubs/bill`,
    billId,
    doc,
    awareness,
    storage: null,
    watchBrowserNetwork: false,
    connectionOptions: { headers: { Cookie: cookie }, withCredentials: false },
  });
  await provider.connect();
  if (provider.status !== 'connected') throw new Error(`facilitator could not connect: ${provider.status}`);
  const model = new BillModel(doc);
  for (let i = 0; i < count; i++) model.add(undefined, `Article de charge ${i + 1}`, '');
  const deadline = Date.now() + 15_000;
  while (provider.pendingCount > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  if (provider.pendingCount > 0) throw new Error('articles not acknowledged in time');
  await provider.destroy();
  awareness.destroy();
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
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
  // A hard stop whatever happens: setup (≤ 3 min) + the run + teardown.
  const hardStop = setTimeout(() => {
    log('hard time limit reached');
    process.exit(2);
  }, (180 + o.warmup + o.duration + 60) * 1000);
  hardStop.unref();

  let server: Awaited<ReturnType<typeof startServer>> | undefined;
  const workers: Worker[] = [];
  try {
    let url = o.url;
    let pid = o.pid;
    if (!url) {
      server = await startServer(o);
      url = server.url;
      pid = server.pid;
    } else {
      await waitHealthy(url, 10_000);
    }
    url = url.replace(/\/$/, '');

    const bill = await createBill(url);
    await seedArticles(url, bill.billId, bill.cookie, o.articles);
    log(`bill ${bill.billId}: ${o.articles} articles; joining ${o.clients} people…`);

    const clientIdBase = 1_000_000 + Math.floor(Math.random() * 1_000_000_000);
    const plans: ClientPlan[] = [];
    for (let i = 0; i < o.clients; i++) {
      const cookie = await join(url, bill.citizenSecret, `Personne ${i + 1}`);
      const typist = i < o.typists ? i : -1;
      plans.push({ index: i, clientId: clientIdBase + i, cookie, typist, article: typist >= 0 ? typist % o.articles : 0 });
    }
    const maxClock = Math.ceil(o.rate * 1.3 * (o.warmup + o.duration + 5)) + 64;
    const sendTimes = new SharedArrayBuffer(o.typists * maxClock * 8);

    // Round-robin so typists spread over the workers.
    const shares: ClientPlan[][] = Array.from({ length: o.workers }, () => []);
    plans.forEach((p, i) => shares[i % o.workers]!.push(p));
    const workerFile = path.join(here, 'worker.mjs');
    for (const share of shares) {
      const init: WorkerInit = {
        hubUrl: `${url}/hubs/bill`,
        billId: bill.billId,
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
    const ready = await Promise.all(workers.map((w) => onceMessage<ReadyReport>(w, 'ready', 150_000)));
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

    // Let the last keystrokes arrive before counting.
    await new Promise((r) => setTimeout(r, 3000));
    for (const w of workers) w.postMessage({ type: 'finish' });
    const done = await Promise.all(workers.map((w) => onceMessage<DoneReport>(w, 'done', 60_000)));

    const samples = done.flatMap((d) => d.samples).sort((a, b) => a - b);
    const typedInWindow = done.reduce((s, d) => s + d.typedInWindow, 0);
    const vectors = new Set(done.flatMap((d) => d.stateVectors));
    const result = {
      clients: o.clients,
      typists: o.typists,
      editsPerSec: round(typedInWindow / o.duration),
      p50: round(percentile(samples, 50)),
      p95: round(percentile(samples, 95)),
      p99: round(percentile(samples, 99)),
      max: round(samples[samples.length - 1] ?? Number.NaN),
      samples: samples.length,
      expectedSamples: typedInWindow * (connected - 1),
      serverCpuPct: round(serverCpuPct),
      serverPeakRssMb: sampler ? round(sampler.peakRssKb / 1024) : null,
      loadgenCpuPct: round(loadgenCpuPct),
      connected,
      converged: vectors.size === 1,
      rejected: done.reduce((s, d) => s + d.rejected, 0),
      ratePerTypist: o.rate,
      durationSec: o.duration,
      cores: cpus().length,
      // Other work on the machine skews everything: the 1-minute load average when the run ended.
      loadAvg1m: round(loadavg()[0]!, 2),
    };
    process.stdout.write(JSON.stringify(result) + '\n');

    for (const w of workers) w.postMessage({ type: 'stop' });
    await Promise.all(workers.map((w) => new Promise((r) => { const t = setTimeout(() => { void w.terminate(); r(undefined); }, 10_000); w.once('exit', () => { clearTimeout(t); r(undefined); }); })));
  } finally {
    for (const w of workers) void w.terminate();
    if (server) {
      server.child.kill('SIGTERM');
      await new Promise((r) => {
        const t = setTimeout(() => {
          server!.child.kill('SIGKILL');
          r(undefined);
        }, 10_000);
        server!.child.once('exit', () => {
          clearTimeout(t);
          r(undefined);
        });
      });
      rmSync(server.dataDir, { recursive: true, force: true });
    }
    clearTimeout(hardStop);
  }
}
