#!/usr/bin/env node
// The same load against ParisCoDraft then Hocuspocus 4.7 (in memory, its own Node process), one after
// the other in one command: same generator, same clients, same rates, same document (the bill
// ParisCoDraft seeded, byte for byte, is the seed of the Hocuspocus document). On a shared machine one
// run's p99 moves by half from one minute to the next, for both servers alike, so the comparison is made
// in rounds (--rounds, 3 by default), alternated ParisCoDraft/Hocuspocus, Hocuspocus/ParisCoDraft, … so
// that a slow minute falls on each side in turn. Prints a side-by-side table, then ONE JSON line last:
// { runs, rounds: [{ p99Ratio, p50Ratio }], p99Ratio: the median of the rounds' ratios, ok }. Exits 1 when
// any run lost a keystroke, refused one, did not converge, or could not generate its load.
//
//   node tools/loadgen/compare.mjs --clients 100 --typists 100 --duration 20 [--rounds 3]
//   (any other loadgen option is passed on to every run: --rate, --warmup, --workers, --articles …)
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
let rounds = 3;
const roundsAt = args.indexOf('--rounds');
if (roundsAt >= 0) {
  rounds = Number(args[roundsAt + 1]);
  args.splice(roundsAt, 2);
  if (!Number.isInteger(rounds) || rounds < 1) {
    process.stderr.write('--rounds takes a whole number of rounds, 1 or more\n');
    process.exit(64);
  }
}
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
const runs = [];
const pairs = [];
try {
  for (let round = 1; round <= rounds; round++) {
    // The first ParisCoDraft run saves the seed (every run seeds the same bill); Hocuspocus starts from it.
    const runPcd = async () => ({ ...(await runLoadgen(['--server', 'pcd', '--save-seed', seed])), round });
    const runHocuspocus = async () => ({ ...(await runLoadgen(['--server', 'hocuspocus', '--seed', seed])), round });
    let pcd;
    let hocuspocus;
    if (round % 2 === 1) {
      pcd = await runPcd();
      hocuspocus = await runHocuspocus();
      runs.push(pcd, hocuspocus);
    } else {
      hocuspocus = await runHocuspocus();
      pcd = await runPcd();
      runs.push(hocuspocus, pcd);
    }
    pairs.push([pcd, hocuspocus]);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const yes = (b) => (b === null || b === undefined ? 'n/a' : b ? 'yes' : 'NO');
const columns = [
  ['round', (r) => r.round],
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
const ratio = (a, b) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? Math.round((a / b) * 100) / 100 : null);
const median = (values) => {
  const v = values.filter((x) => x !== null).sort((a, b) => a - b);
  if (v.length === 0) return null;
  const mid = Math.floor(v.length / 2);
  return v.length % 2 === 1 ? v[mid] : Math.round(((v[mid - 1] + v[mid]) / 2) * 100) / 100;
};
const ok = runs.every((r) => r.loadGenerated && r.lost === 0 && r.converged && r.rejected === 0 && r.unacked === 0 && r.failed === 0 && r.durable !== false);
const perRound = pairs.map(([pcd, hp], i) => ({ round: i + 1, p99Ratio: ratio(pcd.p99, hp.p99), p50Ratio: ratio(pcd.p50, hp.p50) }));
const summary = {
  runs,
  rounds: perRound,
  p99Ratio: median(perRound.map((r) => r.p99Ratio)),
  p50Ratio: median(perRound.map((r) => r.p50Ratio)),
  ok,
};
process.stdout.write(`\np99 ParisCoDraft / Hocuspocus per round: ${perRound.map((r) => r.p99Ratio).join(', ')}; median ${summary.p99Ratio}\n`);
process.stdout.write(JSON.stringify(summary) + '\n');
process.exitCode = ok ? 0 : 1;
