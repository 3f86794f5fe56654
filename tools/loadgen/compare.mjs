#!/usr/bin/env node
// The same load against ParisCoDraft then Hocuspocus 4.7 (in memory, its own Node process), one after
// the other in one command: same generator, same clients, same rates, same document (the bill
// ParisCoDraft seeded, byte for byte, is the seed of the Hocuspocus document). Prints a side-by-side
// table, then ONE JSON line last: { runs: [pcd, hocuspocus], ok }. Exits 1 when either server lost a
// keystroke, refused one, did not converge, or the load could not be generated.
//
//   node tools/loadgen/compare.mjs --clients 100 --typists 100 --duration 20
//   (any other loadgen option is passed on to both runs: --rate, --warmup, --workers, --articles …)
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
if (args.includes('--server') || args.includes('--url') || args.includes('--seed') || args.includes('--save-seed')) {
  process.stderr.write('compare.mjs starts both servers itself: no --server, --url, --seed or --save-seed\n');
  process.exit(64);
}

let running;
for (const signal of ['SIGTERM', 'SIGINT']) {
  process.once(signal, () => {
    running?.kill(signal); // the run stops its own server
    process.exit(signal === 'SIGINT' ? 130 : 143);
  });
}

function runLoadgen(extra) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(here, 'loadgen.mjs'), ...args, ...extra], { stdio: ['ignore', 'pipe', 'inherit'] });
    running = child;
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('exit', (code) => {
      const line = out.trim().split('\n').filter((l) => l.startsWith('{')).pop();
      if (!line) reject(new Error(`loadgen ${extra.join(' ')} printed no result (exit ${code})`));
      else resolve(JSON.parse(line));
    });
  });
}

const dir = mkdtempSync(path.join(tmpdir(), 'pcd-compare-'));
const seed = path.join(dir, 'seed.bin');
let runs;
try {
  const pcd = await runLoadgen(['--server', 'pcd', '--save-seed', seed]);
  const hocuspocus = await runLoadgen(['--server', 'hocuspocus', '--seed', seed]);
  runs = [pcd, hocuspocus];
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const yes = (b) => (b === null || b === undefined ? 'n/a' : b ? 'yes' : 'NO');
const columns = [
  ['server', (r) => (r.server === 'pcd' ? 'ParisCoDraft' : 'Hocuspocus 4.7')],
  ['clients', (r) => r.clients],
  ['typing', (r) => r.typists],
  ['keystrokes asked', (r) => r.keystrokesAsked],
  ['sent', (r) => r.keystrokesSent],
  ['p50 ms', (r) => r.p50],
  ['p95 ms', (r) => r.p95],
  ['p99 ms', (r) => r.p99],
  ['max ms', (r) => r.max],
  ['lost', (r) => r.lost],
  ['converged', (r) => yes(r.converged)],
  ['durable', (r) => yes(r.durable)],
  ['server CPU %', (r) => r.serverCpuPct],
  ['server RSS MB', (r) => r.serverPeakRssMb],
  ['loadgen CPU %', (r) => r.loadgenCpuPct],
  ['load avg 1m', (r) => r.loadAvg1m],
];
process.stdout.write(`| ${columns.map(([h]) => h).join(' | ')} |\n`);
process.stdout.write(`|${columns.map(() => '---').join('|')}|\n`);
for (const r of runs) process.stdout.write(`| ${columns.map(([, f]) => f(r)).join(' | ')} |\n`);
const [pcd, hp] = runs;
const ratio = (a, b) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? Math.round((a / b) * 100) / 100 : null);
const ok = runs.every((r) => r.loadGenerated && r.lost === 0 && r.converged && r.rejected === 0 && r.unacked === 0 && r.failed === 0 && r.durable !== false);
const summary = {
  runs,
  p99Ratio: ratio(pcd.p99, hp.p99),
  p50Ratio: ratio(pcd.p50, hp.p50),
  ok,
};
process.stdout.write(JSON.stringify(summary) + '\n');
process.exitCode = ok ? 0 : 1;
