// The real browser-side stack (@microsoft/signalr + yjs + y-protocols) against the bill hub, from Node.
// Driven by NodeClientTests. Usage: node js-client.mjs <baseUrl> <billId> <cookieHeader> <textToAppend>
// Joins, syncs both ways, appends <textToAppend> to the title, waits for the acknowledgement, then prints
// one JSON line: { join, seen, title, ack } (seen = the title after the initial sync).
import * as signalR from '@microsoft/signalr';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import { toBase64, fromBase64 } from 'lib0/buffer';
import * as syncProtocol from 'y-protocols/sync';

const [baseUrl, billId, cookie, append] = process.argv.slice(2);
const deadline = setTimeout(() => {
  console.error('js-client: timed out');
  process.exit(2);
}, 20_000);

const doc = new Y.Doc();
const connection = new signalR.HubConnectionBuilder()
  .withUrl(new URL('hubs/bill', baseUrl).href, {
    transport: signalR.HttpTransportType.WebSockets,
    headers: { Cookie: cookie, Origin: new URL(baseUrl).origin },
  })
  .configureLogging(signalR.LogLevel.Warning)
  .build();

let answeredServerStep1;
const serverStep1Answered = new Promise((resolve, reject) => (answeredServerStep1 = { resolve, reject }));

connection.on('Sync', (id, message) => {
  if (id !== billId) return;
  const decoder = decoding.createDecoder(fromBase64(message));
  const reply = encoding.createEncoder();
  const type = syncProtocol.readSyncMessage(decoder, reply, doc, 'server');
  if (type === syncProtocol.messageYjsSyncStep1) {
    connection
      .invoke('Sync', billId, toBase64(encoding.toUint8Array(reply)))
      .then(answeredServerStep1.resolve, answeredServerStep1.reject);
  }
});
connection.on('Awareness', () => {});

await connection.start();
const join = await connection.invoke('Join', billId, [doc.clientID]);

const step1 = encoding.createEncoder();
syncProtocol.writeSyncStep1(step1, doc);
const step2 = await connection.invoke('Sync', billId, toBase64(encoding.toUint8Array(step1)));
syncProtocol.readSyncMessage(decoding.createDecoder(fromBase64(step2)), encoding.createEncoder(), doc, 'server');
await serverStep1Answered;
const seen = doc.getText('title').toString();

let local;
doc.on('update', (update, origin) => {
  if (origin !== 'server') local = update;
});
doc.getText('title').insert(seen.length, append);
const message = encoding.createEncoder();
syncProtocol.writeUpdate(message, local);
const ack = await connection.invoke('Sync', billId, toBase64(encoding.toUint8Array(message)));

console.log(JSON.stringify({ join, seen, title: doc.getText('title').toString(), ack }));
await connection.stop();
clearTimeout(deadline);
