// Hocuspocus 4.x spoken directly, as @hocuspocus/provider does: every WebSocket message starts with the
// document name (varString) and a message type (varUint: 0 sync, 1 awareness, 2 auth, 4 sync reply,
// 8 sync status); the first message is the auth token. The server answers each step 2 or update with a
// SyncStatus once applied to its in-memory document: that is the acknowledgement counted here.

import WebSocket from 'ws';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import type { Wire } from './wire';

const MessageSync = 0;
const MessageAwareness = 1;
const MessageAuth = 2;
const MessageSyncReply = 4;
const MessageSyncStatus = 8;
const AuthToken = 0;
const AuthPermissionDenied = 1;
const AuthAuthenticated = 2;
const SyncStep1 = 0;
const SyncStep2 = 1;

interface Pending {
  resolve(value: Uint8Array | null): void;
  reject(error: Error): void;
}

export class HocuspocusWire implements Wire {
  onSync: (message: Uint8Array) => void = () => undefined;
  onAwareness: (update: Uint8Array) => void = () => undefined;
  private socket: WebSocket | undefined;
  /** Acknowledgements come back in the order the messages were sent. */
  private readonly acks: Pending[] = [];
  private step2: Pending | undefined;
  private authenticated: (() => void) | undefined;
  private failed: ((e: Error) => void) | undefined;

  constructor(
    private readonly wsUrl: string,
    private readonly documentName: string,
    private readonly token: string,
  ) {}

  async open(): Promise<void> {
    const socket = new WebSocket(this.wsUrl, { perMessageDeflate: false });
    socket.binaryType = 'nodebuffer';
    this.socket = socket;
    await new Promise<void>((resolve, reject) => {
      this.authenticated = resolve;
      this.failed = reject;
      socket.on('open', () => {
        const e = this.header(MessageAuth);
        encoding.writeVarUint(e, AuthToken);
        encoding.writeVarString(e, this.token);
        socket.send(encoding.toUint8Array(e));
      });
      socket.on('message', (data: Buffer) => this.receive(new Uint8Array(data.buffer, data.byteOffset, data.byteLength)));
      socket.on('error', (e: Error) => this.fail(e));
      socket.on('close', (code: number) => this.fail(new Error(`hocuspocus socket closed (${code})`)));
    });
  }

  sync(message: Uint8Array): Promise<Uint8Array | null> {
    return new Promise((resolve, reject) => {
      const isStep1 = message[0] === SyncStep1;
      if (isStep1) this.step2 = { resolve, reject };
      else this.acks.push({ resolve, reject });
      const e = this.header(MessageSync);
      encoding.writeUint8Array(e, message);
      this.send(encoding.toUint8Array(e));
    });
  }

  awareness(update: Uint8Array): void {
    const e = this.header(MessageAwareness);
    encoding.writeVarUint8Array(e, update);
    this.send(encoding.toUint8Array(e));
  }

  close(): void {
    this.failed = undefined;
    this.socket?.close(1000);
  }

  private header(type: number): encoding.Encoder {
    const e = encoding.createEncoder();
    encoding.writeVarString(e, this.documentName);
    encoding.writeVarUint(e, type);
    return e;
  }

  private send(bytes: Uint8Array): void {
    const socket = this.socket;
    if (socket && socket.readyState === WebSocket.OPEN) socket.send(bytes);
  }

  private fail(e: Error): void {
    const failed = this.failed;
    this.failed = undefined;
    failed?.(e);
    this.step2?.reject(e);
    this.step2 = undefined;
    for (const p of this.acks.splice(0)) p.reject(e);
  }

  private receive(bytes: Uint8Array): void {
    const d = decoding.createDecoder(bytes);
    decoding.readVarString(d); // the document name: one document per connection here
    const type = decoding.readVarUint(d);
    switch (type) {
      case MessageSync:
      case MessageSyncReply: {
        const message = bytes.subarray(d.pos);
        if (message[0] === SyncStep2 && this.step2) {
          const p = this.step2;
          this.step2 = undefined;
          p.resolve(message);
        } else {
          this.onSync(message);
        }
        break;
      }
      case MessageAwareness:
        this.onAwareness(decoding.readVarUint8Array(d));
        break;
      case MessageAuth: {
        const kind = decoding.readVarUint(d);
        if (kind === AuthAuthenticated) {
          const done = this.authenticated;
          this.authenticated = undefined;
          done?.();
        } else if (kind === AuthPermissionDenied) {
          this.fail(new Error(`hocuspocus refused the token: ${decoding.readVarString(d)}`));
        }
        break;
      }
      case MessageSyncStatus: {
        const saved = decoding.readVarUint(d) === 1;
        const p = this.acks.shift();
        if (!p) break;
        if (saved) p.resolve(null);
        else p.reject(new Error('hocuspocus did not apply the update'));
        break;
      }
      default:
        break;
    }
  }
}
