// ParisCoDraft's hub spoken directly (docs/protocol.md): SignalR's JSON hub protocol over one WebSocket,
// byte arrays as base64. No negotiate round trip (WebSockets only), no reconnect logic, no per-message
// objects beyond the JSON parse: the lean client's whole cost is what the server makes it receive.

import WebSocket from 'ws';
import type { Wire } from './wire';

const RS = '\x1e';
/** How the hub's JSON protocol writes a server-to-client Awareness invocation (type, target, then arguments). */
const AwarenessFrame = '{"type":1,"target":"Awareness"';
const Empty = new Uint8Array(0);

interface Pending {
  resolve(value: Uint8Array | null): void;
  reject(error: Error): void;
}

export class SignalRWire implements Wire {
  onSync: (message: Uint8Array) => void = () => undefined;
  onAwareness: (update: Uint8Array) => void = () => undefined;
  private socket: WebSocket | undefined;
  private nextId = 1;
  private readonly pending = new Map<string, Pending>();
  private ping: ReturnType<typeof setInterval> | undefined;
  private handshaken: (() => void) | undefined;
  private failed: ((e: Error) => void) | undefined;

  constructor(
    private readonly hubUrl: string,
    private readonly billId: string,
    private readonly cookie: string,
    private readonly clientIds: number[],
  ) {}

  async open(): Promise<void> {
    const url = this.hubUrl.replace(/^http/, 'ws');
    const socket = new WebSocket(url, { headers: { Cookie: this.cookie }, perMessageDeflate: false });
    this.socket = socket;
    await new Promise<void>((resolve, reject) => {
      this.handshaken = resolve;
      this.failed = reject;
      socket.on('open', () => socket.send(JSON.stringify({ protocol: 'json', version: 1 }) + RS));
      socket.on('message', (data: Buffer | string) => this.receive(typeof data === 'string' ? data : data.toString('utf8')));
      socket.on('error', (e: Error) => this.fail(e));
      socket.on('close', (code: number) => this.fail(new Error(`hub socket closed (${code})`)));
    });
    // The server drops a client it has not heard from in 30 s.
    this.ping = setInterval(() => this.write({ type: 6 }), 10_000);
    await this.invoke('Join', [this.billId, this.clientIds]);
  }

  async sync(message: Uint8Array): Promise<Uint8Array | null> {
    const result = await this.invoke('Sync', [this.billId, Buffer.from(message).toString('base64')]);
    return typeof result === 'string' ? new Uint8Array(Buffer.from(result, 'base64')) : null;
  }

  awareness(update: Uint8Array): void {
    // A non-blocking invocation: no invocationId, no completion.
    this.write({ type: 1, target: 'Awareness', arguments: [this.billId, Buffer.from(update).toString('base64')] });
  }

  close(): void {
    if (this.ping) clearInterval(this.ping);
    this.failed = undefined;
    this.socket?.close(1000);
  }

  private invoke(target: string, args: unknown[]): Promise<unknown> {
    const invocationId = String(this.nextId++);
    return new Promise((resolve, reject) => {
      this.pending.set(invocationId, { resolve: resolve as (v: Uint8Array | null) => void, reject });
      this.write({ type: 1, invocationId, target, arguments: args });
    });
  }

  private write(message: unknown): void {
    const socket = this.socket;
    if (socket && socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(message) + RS);
  }

  private fail(e: Error): void {
    if (this.ping) clearInterval(this.ping);
    const failed = this.failed;
    this.failed = undefined;
    failed?.(e);
    for (const p of this.pending.values()) p.reject(e);
    this.pending.clear();
  }

  private receive(text: string): void {
    let start = 0;
    for (let end = text.indexOf(RS); end >= 0; start = end + 1, end = text.indexOf(RS, start)) {
      // Cursors are not measured: an awareness relay is counted by the socket and skipped unparsed.
      if (!this.handshaken && text.startsWith(AwarenessFrame, start)) {
        this.onAwareness(Empty);
        continue;
      }
      const frame = JSON.parse(text.slice(start, end)) as {
        type?: number;
        target?: string;
        arguments?: unknown[];
        invocationId?: string;
        result?: unknown;
        error?: string;
      };
      if (this.handshaken) {
        // The handshake answer: {} or {"error": …}.
        const done = this.handshaken;
        this.handshaken = undefined;
        if (frame.error) this.fail(new Error(`handshake refused: ${frame.error}`));
        else done();
        continue;
      }
      switch (frame.type) {
        case 1: {
          const payload = frame.arguments?.[1];
          if (typeof payload !== 'string') break;
          const bytes = new Uint8Array(Buffer.from(payload, 'base64'));
          if (frame.target === 'Sync') this.onSync(bytes);
          else if (frame.target === 'Awareness') this.onAwareness(bytes);
          break;
        }
        case 3: {
          const p = frame.invocationId ? this.pending.get(frame.invocationId) : undefined;
          if (!p) break;
          this.pending.delete(frame.invocationId!);
          if (frame.error) p.reject(new Error(frame.error));
          else p.resolve((frame.result ?? null) as Uint8Array | null);
          break;
        }
        case 7:
          this.fail(new Error(`server closed the hub connection${frame.error ? `: ${frame.error}` : ''}`));
          break;
        default:
          break; // pings
      }
    }
  }
}
