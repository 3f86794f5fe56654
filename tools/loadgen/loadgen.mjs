#!/usr/bin/env node
// Load generator for the bill hub: N real clients (the browser's own provider, yjs, @microsoft/signalr)
// in one bill, K of them typing at R chars/s and moving their cursor like a browser does; prints ONE
// JSON line of figures. Bundles its TypeScript with esbuild first (packages stay external).
//
//   node tools/loadgen/loadgen.mjs --clients 100 --typists 20 --rate 3 --duration 20
//   node tools/loadgen/loadgen.mjs --url http://127.0.0.1:5077 --pid 1234 ...   (a server already running)
import { build } from 'esbuild';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
await build({
  absWorkingDir: here,
  entryPoints: { main: 'src/main.ts', worker: 'src/worker.ts' },
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
const { run } = await import(pathToFileURL(path.join(here, 'dist', 'main.mjs')).href);
await run(process.argv.slice(2));
