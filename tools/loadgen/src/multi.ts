// Several servers on one PostgreSQL: starts a private PostgreSQL (initdb/pg_ctl, as the tests do), N servers
// on it with metrics on, and a TCP load balancer in front (round-robin over the live servers, as any
// WebSocket-capable balancer would); creates B bills, joins C people spread over them, lets some type,
// scrapes every server's /metrics mid-run, optionally SIGKILLs one server and measures how long until every
// client is connected again (the provider's jittered backoff) and every bill's replicas have converged,
// with presence checked across servers. Prints ONE JSON line. Loopback only; every phase is bounded.

import { Worker } from 'node:worker_threads';
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync, readdirSync, chownSync, readFileSync } from 'node:fs';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { tmpdir, cpus, loadavg, userInfo } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { liftedAbuseLimits } from './abuse-limits';
import { createBill, join, seedArticles } from './bill-setup';
import { nowMs } from './shared';
import type { CheckReport, MultiClientPlan, MultiDoneReport, MultiWorkerInit } from './multi-shared';

interface Options {
  servers: number;
  clients: number;
  bills: number;
  typistsPerBill: number;
  rate: number;
  duration: number;
  warmup: number;
  killAt: number;
  workers: number;
  connectConcurrency: number;
  build: boolean;
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
  const servers = num('servers', 3, 1, 8);
  const duration = num('duration', 30, 5, 600);
  return {
    servers,
    clients: num('clients', 1000, 2, 5000),
    bills: num('bills', 10, 1, 100),
    typistsPerBill: num('typists-per-bill', 2, 1, 50),
    rate: num('rate', 2, 0.1, 20),
    duration,
    warmup: num('warmup', 5, 0, 60),
    // Seconds into the measured window at which the last server is killed; 0 = no kill.
    killAt: servers > 1 ? num('kill-at', 10, 0, duration - 1) : 0,
    workers: num('workers', Math.max(1, Math.min(2, cpus().length)), 1, 16),
    connectConcurrency: num('connect-concurrency', 20, 1, 200),
    build: !argv.includes('--no-build'),
  };
}

function log(message: string): void {
  process.stderr.write(`[multi] ${message}\n`);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

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

/** A private PostgreSQL in a temp folder, as tests/ParisCoDraft.Storage.Tests/Support/PostgresServer.cs starts it. */
class Postgres {
  readonly dir = mkdtempSync(path.join(tmpdir(), 'pcd-multi-pg-'));
  port = 0;
  private readonly bin: string;
  private readonly root = userInfo().uid === 0;

  constructor() {
    const base = '/usr/lib/postgresql';
    const found = existsSync(base)
      ? readdirSync(base).map((v) => path.join(base, v, 'bin')).filter((b) => existsSync(path.join(b, 'initdb')) && existsSync(path.join(b, 'pg_ctl')))
      : [];
    if (found.length === 0) throw new Error('PostgreSQL binaries not found under /usr/lib/postgresql/*/bin: run scripts/setup --postgres');
    this.bin = found.sort().at(-1)!;
  }

  private run(tool: string, args: string[]): void {
    const file = path.join(this.bin, tool);
    if (this.root) execFileSync('runuser', ['-u', 'postgres', '--', file, ...args], { stdio: ['ignore', 'ignore', 'inherit'], timeout: 120_000 });
    else execFileSync(file, args, { stdio: ['ignore', 'ignore', 'inherit'], timeout: 120_000 });
  }

  async start(): Promise<void> {
    if (this.root) {
      const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
      const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
      chownSync(this.dir, uid, gid);
    }
    this.port = await freePort();
    const data = path.join(this.dir, 'data');
    this.run('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-sync', '--locale=C']);
    const options = `-p ${this.port} -c listen_addresses=127.0.0.1 -k ${this.dir} -c max_connections=300`;
    this.run('pg_ctl', ['-D', data, '-l', path.join(this.dir, 'log'), '-o', options, '-w', '-t', '60', 'start']);
    this.run('createdb', ['-h', '127.0.0.1', '-p', String(this.port), '-U', 'postgres', 'pcd']);
  }

  get connectionString(): string {
    return `Host=127.0.0.1;Port=${this.port};Username=postgres;Database=pcd;Maximum Pool Size=40`;
  }

  stop(): void {
    try {
      this.run('pg_ctl', ['-D', path.join(this.dir, 'data'), '-m', 'fast', '-w', 'stop']);
    } finally {
      rmSync(this.dir, { recursive: true, force: true });
    }
  }
}

interface Backend {
  index: number;
  url: string;
  port: number;
  child: ChildProcess;
  alive: boolean;
  open: number;
  cpuStart: number;
}

/** Round-robin TCP balancer over the live servers (a server is taken out when its process exits). */
function startBalancer(backends: Backend[], port: number): Promise<Server> {
  let next = 0;
  const server = createServer((client: Socket) => {
    const alive = backends.filter((b) => b.alive);
    if (alive.length === 0) {
      client.destroy();
      return;
    }
    const backend = alive[next++ % alive.length]!;
    backend.open++;
    const upstream = connect(backend.port, '127.0.0.1');
    let closed = false;
    const close = () => {
      if (closed) return;
      closed = true;
      backend.open--;
      client.destroy();
      upstream.destroy();
    };
    client.on('error', close);
    upstream.on('error', close);
    client.on('close', close);
    upstream.on('close', close);
    client.pipe(upstream);
    upstream.pipe(client);
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

async function waitHealthy(url: string, ms: number, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      const r = await fetch(new URL('/healthz', url), { signal: AbortSignal.timeout(2000) });
      if (r.ok) return;
    } catch {
      // not yet
    }
    await sleep(250);
  }
  throw new Error('server not healthy in time');
}

const clockTick = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;

function cpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / clockTick;
  } catch {
    return Number.NaN;
  }
}

/** The figures of ours from one server's /metrics (Prometheus text), by metric name (label sets summed). */
async function scrape(url: string): Promise<Record<string, number>> {
  let text: string;
  try {
    const r = await fetch(new URL('/metrics', url), { signal: AbortSignal.timeout(30_000) });
    text = await r.text();
  } catch (e) {
    log(`scraping ${url}/metrics failed: ${String(e)}`);
    return {};
  }
  const out: Record<string, number> = {};
  for (const line of text.split('\n')) {
    if (!line.startsWith('pariscodraft_')) continue;
    const name = line.slice(0, line.search(/[ {]/));
    const rest = line.includes('}') ? line.slice(line.lastIndexOf('}') + 1) : line.slice(name.length);
    const value = Number(rest.trim().split(' ')[0]);
    const label = /(code|le)="([^"]+)"/.exec(line);
    const key = label ? `${name}{${label[1]}=${label[2]}}` : name;
    out[key] = (out[key] ?? 0) + value;
  }
  return out;
}

/** Per-server figures over a window, from two scrapes: rates, and p99 as the upper bound of its histogram bucket. */
function summarize(start: Record<string, number>, end: Record<string, number>, seconds: number) {
  const d = (k: string) => (end[k] ?? 0) - (start[k] ?? 0);
  const p99 = (histogram: string): number | null => {
    const count = d(`pariscodraft_${histogram}_milliseconds_count`);
    if (count <= 0) return null;
    const bounds = Object.keys(end).filter((k) => k.startsWith(`pariscodraft_${histogram}_milliseconds_bucket{le=`))
      .map((k) => k.slice(k.indexOf('le=') + 3, -1)).filter((le) => le !== '+Inf').map(Number).sort((a, b) => a - b);
    for (const le of bounds) if (d(`pariscodraft_${histogram}_milliseconds_bucket{le=${le}}`) >= 0.99 * count) return le;
    return Number.POSITIVE_INFINITY;
  };
  const mean = (histogram: string): number | null => {
    const count = d(`pariscodraft_${histogram}_milliseconds_count`);
    return count > 0 ? round(d(`pariscodraft_${histogram}_milliseconds_sum`) / count, 2) : null;
  };
  const rejected: Record<string, number> = {};
  for (const k of Object.keys(end)) if (k.startsWith('pariscodraft_updates_rejected_total{code=')) rejected[k.slice(k.indexOf('=') + 1, -1)] = d(k);
  return {
    connections: end['pariscodraft_connections'] ?? 0,
    rooms: end['pariscodraft_rooms'] ?? 0,
    updatesPerSec: round(d('pariscodraft_updates_total') / seconds),
    appendMeanMs: mean('append_duration'),
    appendP99Ms: p99('append_duration'),
    broadcastMeanMs: mean('broadcast_duration'),
    broadcastP99Ms: p99('broadcast_duration'),
    fanoutAppliedPerSec: round(d('pariscodraft_fanout_applied_total') / seconds),
    presenceSentPerSec: round(d('pariscodraft_presence_sent_total') / seconds),
    presenceReceivedPerSec: round(d('pariscodraft_presence_received_total') / seconds),
    rejected,
  };
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

const round = (x: number, digits = 1): number => Math.round(x * 10 ** digits) / 10 ** digits;

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
  });
}

async function checkAll(workers: Worker[]) {
  const reports = await Promise.all(workers.map((w) => { const p = onceMessage<CheckReport>(w, 'check', 30_000); w.postMessage({ type: 'check' }); return p; }));
  const vectors = new Map<string, Set<string>>();
  for (const r of reports) for (const [bill, vs] of Object.entries(r.vectors)) for (const v of vs) (vectors.get(bill) ?? vectors.set(bill, new Set()).get(bill)!).add(v);
  return {
    converged: [...vectors.values()].every((s) => s.size === 1),
    pending: reports.reduce((s, r) => s + r.pending, 0),
    notConnected: reports.reduce((s, r) => s + r.notConnected, 0),
    presenceExact: reports.reduce((s, r) => s + r.presenceExact, 0),
    presenceSeen: reports.reduce((s, r) => s + r.presenceSeen, 0),
    lastReconnectAt: Math.max(...reports.map((r) => r.lastReconnectAt)),
    reconnected: reports.reduce((s, r) => s + r.reconnected, 0),
  };
}

export async function run(argv: string[]): Promise<void> {
  const o = parse(argv);
  const hardStop = setTimeout(() => {
    log('hard time limit reached');
    process.exit(2);
  }, (420 + o.warmup + o.duration + 120) * 1000);
  hardStop.unref();

  const pg = new Postgres();
  const backends: Backend[] = [];
  // Interrupted: stop what was started before leaving.
  const interrupted = () => {
    for (const b of backends) b.child.kill('SIGKILL');
    try {
      pg.stop();
    } finally {
      process.exit(130);
    }
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  const workers: Worker[] = [];
  let balancer: Server | undefined;
  try {
    const project = path.join(repo, 'src', 'ParisCoDraft.Web');
    const out = path.join(project, 'bin', 'Release', 'net10.0');
    if (o.build) {
      log('building the server (Release)…');
      execFileSync('dotnet', ['build', project, '-c', 'Release', '--nologo', '-v', 'q'], { stdio: ['ignore', 'ignore', 'inherit'], timeout: 600_000 });
    }
    await pg.start();
    log(`PostgreSQL on 127.0.0.1:${pg.port}; starting ${o.servers} server(s)…`);
    for (let i = 0; i < o.servers; i++) {
      const port = await freePort();
      const url = `http://127.0.0.1:${port}`;
      const child = spawn('dotnet', [path.join(out, 'ParisCoDraft.Web.dll'), '--urls', url,
        `--ParisCoDraft:Postgres=${pg.connectionString}`, '--ParisCoDraft:Metrics=true', `--ParisCoDraft:WebRoot=${path.join(repo, 'wwwroot')}`,
        ...liftedAbuseLimits], {
        cwd: out,
        env: { ...process.env, ASPNETCORE_ENVIRONMENT: 'Production', Logging__LogLevel__Default: 'Warning' },
        stdio: ['ignore', 'ignore', 'inherit'],
      });
      const backend: Backend = { index: i, url, port, child, alive: true, open: 0, cpuStart: 0 };
      child.once('exit', () => (backend.alive = false));
      backends.push(backend);
    }
    for (const b of backends) await waitHealthy(b.url, 90_000, b.child);
    const lbPort = await freePort();
    balancer = await startBalancer(backends, lbPort);
    const lbUrl = `http://127.0.0.1:${lbPort}`;
    const hubUrl = `${lbUrl}/hubs/bill`;

    const bills: { billId: string; cookie: string; citizenSecret: string }[] = [];
    for (let i = 0; i < o.bills; i++) {
      const bill = await createBill(lbUrl, `Charge ${i + 1}`, 'Essai de charge sur plusieurs serveurs.');
      await seedArticles(hubUrl, bill.billId, bill.cookie, Math.max(1, Math.ceil(o.typistsPerBill / 2)));
      bills.push(bill);
    }
    log(`${o.bills} bills; joining ${o.clients} people…`);
    const clientIdBase = 1_000_000 + Math.floor(Math.random() * 1_000_000_000);
    const typists = o.bills * o.typistsPerBill;
    const plans: MultiClientPlan[] = [];
    const perBill = new Map<string, number>();
    let typist = 0;
    // Typists first (client ids clientIdBase + t), then the watchers; spread over the bills.
    // Joins 8 at a time, each retried: a busy machine answers slowly, not wrongly.
    const planned: { i: number; bill: (typeof bills)[number]; cookie: string }[] = [];
    let nextJoin = 0;
    await Promise.all(Array.from({ length: 8 }, async () => {
      while (nextJoin < o.clients) {
        const i = nextJoin++;
        const bill = bills[i % o.bills]!;
        for (let attempt = 1; ; attempt++) {
          try {
            planned.push({ i, bill, cookie: await join(lbUrl, bill.citizenSecret, `Personne ${i + 1}`, 30_000) });
            break;
          } catch (e) {
            if (attempt >= 3) throw e;
          }
        }
      }
    }));
    planned.sort((a, b) => a.i - b.i);
    for (const { i, bill, cookie } of planned) {
      const billIndexCount = perBill.get(bill.billId) ?? 0;
      perBill.set(bill.billId, billIndexCount + 1);
      const isTypist = billIndexCount < o.typistsPerBill;
      const t = isTypist ? typist++ : -1;
      plans.push({ index: i, billId: bill.billId, clientId: isTypist ? clientIdBase + t : clientIdBase + typists + i, cookie, typist: t,
        article: isTypist ? billIndexCount % Math.max(1, Math.ceil(o.typistsPerBill / 2)) : 0 });
    }
    const maxClock = Math.ceil(o.rate * 1.3 * (o.warmup + o.duration + 5)) + 64;
    const sendTimes = new SharedArrayBuffer(typists * maxClock * 8);
    const shares: MultiClientPlan[][] = Array.from({ length: o.workers }, () => []);
    plans.forEach((p, i) => shares[i % o.workers]!.push(p));
    for (const share of shares) {
      const init: MultiWorkerInit = { hubUrl, clients: share, clientIdBase, typists, rate: o.rate, maxClock, sendTimes, connectConcurrency: o.connectConcurrency };
      workers.push(new Worker(path.join(here, 'multi-worker.mjs'), { workerData: init }));
    }
    const ready = await Promise.all(workers.map((w) => onceMessage<{ connected: number; failed: number; errors: string[] }>(w, 'ready', 400_000)));
    const connected = ready.reduce((s, r) => s + r.connected, 0);
    log(`${connected} connected (${backends.map((b) => b.open).join('/')} per server), ${ready.reduce((s, r) => s + r.failed, 0)} failed ${ready.flatMap((r) => r.errors).slice(0, 3).join(' | ')}`);
    if (connected < 2) throw new Error('fewer than two clients connected');
    const perServerBefore = backends.map((b) => b.open);

    const typeFrom = nowMs() + 500;
    const measureFrom = typeFrom + o.warmup * 1000;
    const typeUntil = measureFrom + o.duration * 1000;
    const killTime = o.killAt > 0 ? measureFrom + o.killAt * 1000 : Number.POSITIVE_INFINITY;
    for (const w of workers) w.postMessage({ type: 'start', typeFrom, measureFrom, typeUntil, everyone: [...perBill.entries()] });
    await sleep(measureFrom - nowMs());
    for (const b of backends) b.cpuStart = cpuSeconds(b.child.pid!);
    const scrapeStart = await Promise.all(backends.map((b) => scrape(b.url)));
    const wallStart = nowMs();

    // Mid-window (before any kill): what each server's /metrics says.
    const scrapeAt = Math.max(nowMs() + 2000, Math.min(killTime - 1000, measureFrom + (o.duration * 1000) / 2));
    await sleep(scrapeAt - nowMs());
    const scrapeMid = await Promise.all(backends.map((b) => scrape(b.url)));
    const wallMid = nowMs();
    const serverCpuPct = backends.map((b) => round(((cpuSeconds(b.child.pid!) - b.cpuStart) / ((wallMid - wallStart) / 1000)) * 100));
    const presenceBeforeKill = await checkAll(workers);

    let killed: Backend | undefined;
    if (Number.isFinite(killTime)) {
      await sleep(killTime - nowMs());
      killed = backends.at(-1)!;
      for (const w of workers) w.postMessage({ type: 'kill', at: killTime });
      killed.child.kill('SIGKILL');
      killed.alive = false;
      log(`killed server ${killed.index} (${killed.open} connections on it)`);
    }
    await sleep(typeUntil - nowMs());

    // Typing has stopped: wait until everyone is connected, nothing is pending and every bill has converged.
    const settleDeadline = nowMs() + 90_000;
    let state = await checkAll(workers);
    while (!(state.converged && state.pending === 0 && state.notConnected === 0 && state.presenceExact === connected) && nowMs() < settleDeadline) {
      await sleep(250);
      state = await checkAll(workers);
    }
    const settledAt = nowMs();
    for (const w of workers) w.postMessage({ type: 'finish' });
    const done = await Promise.all(workers.map((w) => onceMessage<MultiDoneReport>(w, 'done', 60_000)));
    const before: number[] = [];
    const all: number[] = [];
    for (const d of done) {
      for (let i = 0; i < d.samples.length; i += 2) {
        all.push(d.samples[i + 1]!);
        if (d.samples[i]! < killTime) before.push(d.samples[i + 1]!);
      }
    }
    before.sort((a, b) => a - b);
    all.sort((a, b) => a - b);
    const typedInWindow = done.reduce((s, d) => s + d.typedInWindow, 0);
    const clientsPerBill = o.clients / o.bills;
    const result = {
      servers: o.servers,
      clients: o.clients,
      bills: o.bills,
      connected,
      perServerBefore,
      perServerAfter: backends.map((b) => b.open),
      editsPerSec: round(typedInWindow / o.duration),
      p50: round(percentile(before, 50)),
      p95: round(percentile(before, 95)),
      p99: round(percentile(before, 99)),
      p99WithKill: round(percentile(all, 99)),
      maxWithKill: round(all.at(-1) ?? Number.NaN),
      samples: all.length,
      // Each keystroke of the window should reach every other client of its bill once.
      expectedSamples: Math.round(typedInWindow * (clientsPerBill - 1)),
      presenceExactBeforeKill: presenceBeforeKill.presenceExact,
      presenceExactAtEnd: state.presenceExact,
      killedServer: killed?.index ?? null,
      reconnected: state.reconnected,
      allBackMs: killed ? round(state.lastReconnectAt - killTime, 0) : null,
      settledAfterKillMs: killed ? round(settledAt - killTime, 0) : null,
      settled: state.converged && state.pending === 0 && state.notConnected === 0,
      converged: state.converged,
      rejected: done.reduce((s, d) => s + d.rejected, 0),
      serverCpuPct,
      metricsWindowSec: round((wallMid - wallStart) / 1000),
      metrics: scrapeMid.map((m, i) => summarize(scrapeStart[i]!, m, (wallMid - wallStart) / 1000)),
      ratePerTypist: o.rate,
      durationSec: o.duration,
      cores: cpus().length,
      loadAvg1m: round(loadavg()[0]!, 2),
    };
    process.stdout.write(JSON.stringify(result) + '\n');

    for (const w of workers) w.postMessage({ type: 'stop' });
    await Promise.all(workers.map((w) => new Promise((r) => { const t = setTimeout(() => { void w.terminate(); r(undefined); }, 15_000); w.once('exit', () => { clearTimeout(t); r(undefined); }); })));
  } finally {
    for (const w of workers) void w.terminate();
    balancer?.close();
    for (const b of backends) {
      if (b.child.exitCode !== null || b.child.signalCode !== null) continue;
      b.child.kill('SIGTERM');
      await new Promise((r) => {
        const t = setTimeout(() => { b.child.kill('SIGKILL'); r(undefined); }, 10_000);
        b.child.once('exit', () => { clearTimeout(t); r(undefined); });
      });
    }
    try {
      pg.stop();
    } catch (e) {
      log(`stopping PostgreSQL: ${String(e)}`);
    }
    clearTimeout(hardStop);
  }
}
