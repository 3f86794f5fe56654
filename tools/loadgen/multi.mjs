#!/usr/bin/env node
// Several servers on one PostgreSQL (tools/loadgen/src/multi.ts): a private PostgreSQL, N servers with
// metrics on, a round-robin TCP balancer in front, C real clients (the browser's own provider) over B
// bills, some typing; scrapes /metrics mid-run, SIGKILLs one server and measures the way back. Prints ONE
// JSON line (progress on stderr). Bundles its TypeScript with esbuild first (packages stay external).
//
//   node tools/loadgen/multi.mjs --servers 3 --clients 1000 --bills 10 --typists-per-bill 2 --rate 2 --duration 30 --kill-at 10
//   node tools/loadgen/multi.mjs --servers 1 --clients 1000 --bills 10 --typists-per-bill 2 --rate 2 --duration 30   (reference)
import { build } from 'esbuild';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
await build({
  absWorkingDir: here,
  entryPoints: { multi: 'src/multi.ts', 'multi-worker': 'src/multi-worker.ts' },
  outdir: 'dist',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: ['node20'],
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
const { run } = await import(pathToFileURL(path.join(here, 'dist', 'multi.mjs')).href);
await run(process.argv.slice(2));
