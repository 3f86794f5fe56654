#!/usr/bin/env node
// Hocuspocus 4.x in memory, no extensions (no database, no auth hook: any token is accepted), on a
// loopback port: the reference the load generator measures ParisCoDraft against. Prints
// "listening <port>" on stdout once it accepts connections; stops on SIGTERM.
//
//   node tools/loadgen/hocuspocus-server.mjs 5099
import { Server } from '@hocuspocus/server';

const port = Number(process.argv[2]);
if (!Number.isInteger(port) || port <= 0 || port > 65535) {
  process.stderr.write('usage: hocuspocus-server.mjs <port>\n');
  process.exit(64);
}
const server = new Server({ port, address: '127.0.0.1', quiet: true, stopOnSignals: true });
await server.listen();
process.stdout.write(`listening ${port}\n`);
