// A Yjs provider over the bill hub (docs/protocol.md): Join, then y-protocols sync step 1/2 and
// updates as base64 strings (System.Text.Json's form of byte[]), awareness relayed by the server.
// It counts local edits the server has not yet acknowledged (a Sync invocation completes only once
// the update is durably stored), reconnects with exponential backoff and jitter, and re-joins and
// re-syncs fully after every reconnect. It runs in browsers and in Node (tools/loadgen).

import * as signalR from '@microsoft/signalr';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import { toBase64, fromBase64 } from 'lib0/buffer';
import * as syncProtocol from 'y-protocols/sync';
import * as awarenessProtocol from 'y-protocols/awareness';

export type ConnectionStatus = 'connecting' | 'connected' | 'reconnecting' | 'offline' | 'revoked' | 'failed';

export interface JoinResult {
  participantId: string;
  displayName: string;
  role: string;
  group: string | null;
  canEdit: boolean;
  color: string;
}

/** localStorage's shape, so Node callers can pass a Map-backed store or nothing. */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export interface ProviderOptions {
  /** Hub URL, e.g. '/hubs/bill' in a browser or 'http://127.0.0.1:5077/hubs/bill' in Node. */
  hubUrl: string;
  billId: string;
  doc: Y.Doc;
  awareness?: awarenessProtocol.Awareness;
  /** Where earlier client ids and the unsynced count survive a reload; null keeps them in memory. */
  storage?: KeyValueStore | null;
  /** Distinguishes people sharing a browser: ids are bound to one participant for good. */
  storageScope?: string;
  /** Transaction origins whose updates are not local edits (e.g. the IndexedDB loader). */
  ignoreOrigins?: unknown[];
  /** Extra connection options (Node passes cookie headers here). */
  connectionOptions?: signalR.IHttpConnectionOptions;
  retryPolicy?: signalR.IRetryPolicy;
  /** Bound on every hub invocation. */
  invokeTimeoutMs?: number;
  /** Listen to the browser's online/offline events (default: when a window exists). */
  watchBrowserNetwork?: boolean;
  logLevel?: signalR.LogLevel;
}

export interface ProviderEvents {
  status: (status: ConnectionStatus, detail: { retryInMs?: number; error?: string }) => void;
  pending: (count: number) => void;
  joined: (result: JoinResult) => void;
  synced: () => void;
  revoked: (reason: string) => void;
  rejected: (code: string, message: string) => void;
}

/** Exponential backoff with "equal jitter": half the step fixed, half random; never gives up. */
export class BackoffRetryPolicy implements signalR.IRetryPolicy {
  constructor(
    private readonly baseMs = 500,
    private readonly maxMs = 30_000,
    private readonly random: () => number = Math.random,
  ) {}

  nextRetryDelayInMilliseconds(context: signalR.RetryContext): number {
    const step = Math.min(this.maxMs, this.baseMs * 2 ** Math.min(context.previousRetryCount, 16));
    return Math.round(step / 2 + this.random() * (step / 2));
  }
}

const hubErrorCodes = [
  'unknown-bill',
  'not-joined',
  'forbidden',
  'read-only',
  'foreign-client',
  'update-malformed',
  'update-too-large',
  'message-malformed',
  'locked',
  'store-unavailable',
] as const;

/** The protocol's rejection code inside a HubException's text, if any. */
export function hubErrorCode(error: unknown): string | undefined {
  const text = error instanceof Error ? error.message : String(error);
  for (const code of hubErrorCodes) if (text.includes(code)) return code;
  return undefined;
}

class InvokeTimeoutError extends Error {
  constructor(method: string, ms: number) {
    super(`${method} did not complete within ${ms} ms`);
    this.name = 'InvokeTimeoutError';
  }
}

function decodeBytes(value: unknown): Uint8Array {
  if (typeof value === 'string') return fromBase64(value);
  if (value instanceof Uint8Array) return value;
  if (Array.isArray(value)) return Uint8Array.from(value as number[]);
  throw new TypeError('hub message is not a byte array');
}

const maxRememberedClientIds = 64;

export class BillProvider {
  readonly doc: Y.Doc;
  readonly awareness: awarenessProtocol.Awareness;
  readonly billId: string;
  status: ConnectionStatus = 'connecting';
  joinResult: JoinResult | undefined;
  /** True once the server's state and ours have been exchanged on the current connection. */
  synced = false;

  private readonly connection: signalR.HubConnection;
  private readonly storage: KeyValueStore | null;
  private readonly clientIdsKey: string;
  private readonly pendingKey: string;
  private readonly ignoreOrigins: Set<unknown>;
  private readonly retryPolicy: signalR.IRetryPolicy;
  private readonly invokeTimeoutMs: number;
  private readonly listeners: { [K in keyof ProviderEvents]: Set<ProviderEvents[K]> } = {
    status: new Set(),
    pending: new Set(),
    joined: new Set(),
    synced: new Set(),
    revoked: new Set(),
    rejected: new Set(),
  };

  private stopped = false;
  private revoked = false;
  private everConnected = false;
  /** Local edits may go out one by one only after our step 2 went out on this connection. */
  private live = false;
  private retryCount = 0;
  private retryStartedAt = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private step1Fallback: ReturnType<typeof setTimeout> | undefined;
  private connecting: Promise<void> | undefined;
  private onlyCurrentClientId = false;
  /** retryNow came while an attempt or a stop was under way: the next retry goes at once. */
  private retryRequested = false;

  private seq = 0;
  private readonly pendingSeqs = new Set<number>();
  /** Unacknowledged edits inherited from an earlier page load (their updates sit in IndexedDB). */
  private legacyPending = 0;

  private readonly onDocUpdate = (update: Uint8Array, origin: unknown) => this.handleLocalUpdate(update, origin);
  private readonly onAwarenessUpdate = (
    changes: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ) => this.handleLocalAwareness(changes, origin);
  private readonly onBrowserOnline = () => this.handleBrowserOnline();
  private readonly onBrowserOffline = () => this.handleBrowserOffline();
  private readonly onPageHide = () => this.handlePageHide();

  constructor(options: ProviderOptions) {
    this.doc = options.doc;
    this.billId = options.billId;
    this.awareness = options.awareness ?? new awarenessProtocol.Awareness(options.doc);
    this.storage = options.storage === undefined ? defaultStorage() : options.storage;
    const scope = options.storageScope ?? 'anonymous';
    this.clientIdsKey = `pcd.clients.${this.billId}.${scope}`;
    this.pendingKey = `pcd.pending.${this.billId}.${scope}`;
    this.ignoreOrigins = new Set(options.ignoreOrigins ?? []);
    this.retryPolicy = options.retryPolicy ?? new BackoffRetryPolicy();
    this.invokeTimeoutMs = options.invokeTimeoutMs ?? 20_000;
    this.legacyPending = Number(this.storage?.getItem(this.pendingKey) ?? 0) || 0;
    this.rememberClientId(this.doc.clientID);

    this.connection = new signalR.HubConnectionBuilder()
      .withUrl(options.hubUrl, {
        transport: signalR.HttpTransportType.WebSockets,
        withCredentials: true,
        ...options.connectionOptions,
      })
      .configureLogging(options.logLevel ?? signalR.LogLevel.None)
      .build();
    this.connection.on('Sync', (billId: string, message: unknown) => this.handleServerSync(billId, message));
    this.connection.on('Awareness', (billId: string, update: unknown) => this.handleServerAwareness(billId, update));
    this.connection.on('Revoked', (reason: string) => this.handleRevoked(reason));
    this.connection.onclose((error) => this.handleClose(error));

    this.doc.on('update', this.onDocUpdate);
    this.awareness.on('update', this.onAwarenessUpdate);

    const watch = options.watchBrowserNetwork ?? typeof window !== 'undefined';
    if (watch && typeof window !== 'undefined') {
      window.addEventListener('online', this.onBrowserOnline);
      window.addEventListener('offline', this.onBrowserOffline);
      window.addEventListener('pagehide', this.onPageHide);
    }
  }

  on<K extends keyof ProviderEvents>(event: K, listener: ProviderEvents[K]): () => void {
    this.listeners[event].add(listener);
    return () => this.listeners[event].delete(listener);
  }

  private emit<K extends keyof ProviderEvents>(event: K, ...args: Parameters<ProviderEvents[K]>): void {
    for (const l of this.listeners[event]) {
      try {
        (l as (...a: Parameters<ProviderEvents[K]>) => void)(...args);
      } catch (e) {
        console.error(e);
      }
    }
  }

  /** Edits made here that the server has not yet confirmed as stored. */
  get pendingCount(): number {
    return this.pendingSeqs.size + this.legacyPending;
  }

  /** Starts connecting (and keeps reconnecting until destroy). Resolves after the first attempt. */
  connect(): Promise<void> {
    this.stopped = false;
    return this.attempt();
  }

  /** Skips the wait before the next attempt (the "retry now" button, the browser coming online). */
  retryNow(): void {
    if (this.stopped || this.revoked) return;
    if (this.connection.state === signalR.HubConnectionState.Connected && !this.connecting) return;
    if (this.connecting || this.connection.state !== signalR.HubConnectionState.Disconnected) {
      // An attempt started while the network was still down, or the socket is still closing: should it
      // fail, the retry that follows must not wait out a backoff grown during the outage.
      this.retryRequested = true;
      return;
    }
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    this.retryCount = 0;
    void this.attempt();
  }

  async destroy(): Promise<void> {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    if (this.step1Fallback) clearTimeout(this.step1Fallback);
    this.doc.off('update', this.onDocUpdate);
    this.awareness.off('update', this.onAwarenessUpdate);
    if (typeof window !== 'undefined') {
      window.removeEventListener('online', this.onBrowserOnline);
      window.removeEventListener('offline', this.onBrowserOffline);
      window.removeEventListener('pagehide', this.onPageHide);
    }
    if (this.connection.state === signalR.HubConnectionState.Connected) {
      try {
        await this.withTimeout(
          'Awareness',
          this.connection.invoke('Awareness', this.billId, toBase64(this.encodeRemoval())),
        );
      } catch {
        // leaving anyway
      }
    }
    await this.connection.stop();
  }

  // ---- other hub methods and events (deliberation: comments, stances, session…) ---------------

  /** Invokes a hub method on this connection, bounded like every invocation. */
  invoke<T>(method: string, ...args: unknown[]): Promise<T> {
    return this.withTimeout(method, this.connection.invoke<T>(method, ...args));
  }

  /** Listens to a server-to-client hub method; returns the way to stop listening. */
  onHub(method: string, handler: (...args: unknown[]) => void): () => void {
    this.connection.on(method, handler);
    return () => this.connection.off(method, handler);
  }

  // ---- connecting ---------------------------------------------------------------------------

  private attempt(): Promise<void> {
    if (this.connecting) return this.connecting;
    this.connecting = this.runAttempt().finally(() => {
      this.connecting = undefined;
    });
    return this.connecting;
  }

  private async runAttempt(): Promise<void> {
    if (this.stopped || this.revoked) return;
    this.setStatus(this.everConnected ? 'reconnecting' : 'connecting', {});
    try {
      if (this.connection.state === signalR.HubConnectionState.Disconnected) {
        await this.connection.start();
      }
      await this.joinAndSync();
      this.retryCount = 0;
      this.retryRequested = false;
      this.everConnected = true;
      this.setStatus('connected', {});
    } catch (error) {
      if (this.stopped || this.revoked) return;
      const code = hubErrorCode(error);
      if (code === 'foreign-client' && !this.onlyCurrentClientId) {
        // An id remembered here belongs to someone else (shared browser): join with ours only.
        this.onlyCurrentClientId = true;
      } else if (code === 'forbidden' || code === 'unknown-bill' || isAuthFailure(error)) {
        this.emit('rejected', code ?? 'forbidden', errorText(error));
        this.setStatus('failed', { error: errorText(error) });
        await this.connection.stop().catch(() => undefined);
        return;
      }
      await this.connection.stop().catch(() => undefined);
      this.scheduleRetry(error);
    }
  }

  private scheduleRetry(error: unknown): void {
    if (this.stopped || this.revoked || this.retryTimer) return;
    const requested = this.retryRequested;
    if (requested) {
      this.retryRequested = false;
      this.retryCount = 0;
    }
    if (this.retryCount === 0) this.retryStartedAt = Date.now();
    const delay = requested
      ? 0
      : (this.retryPolicy.nextRetryDelayInMilliseconds({
          previousRetryCount: this.retryCount,
          elapsedMilliseconds: Date.now() - this.retryStartedAt,
          retryReason: error instanceof Error ? error : new Error(String(error)),
        }) ?? 30_000);
    this.retryCount++;
    const offline = (typeof navigator !== 'undefined' && navigator.onLine === false) || this.retryCount > 3;
    this.setStatus(offline ? 'offline' : this.everConnected ? 'reconnecting' : 'connecting', {
      retryInMs: delay,
      error: errorText(error),
    });
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      void this.attempt();
    }, delay);
  }

  private handleClose(error: Error | undefined): void {
    this.live = false;
    this.synced = false;
    this.dropRemoteAwareness();
    if (this.stopped || this.revoked || this.connecting) return;
    this.scheduleRetry(error ?? new Error('connection closed'));
  }

  private handleBrowserOffline(): void {
    // Chromium keeps a WebSocket half-open for a while after the network goes; close it now so the
    // status says so and edits are counted as unsynced rather than vanishing into a dead socket.
    this.setStatus('offline', {});
    if (this.connection.state !== signalR.HubConnectionState.Disconnected) {
      void this.connection.stop();
    }
  }

  private handleBrowserOnline(): void {
    this.retryNow();
  }

  private handlePageHide(): void {
    if (this.connection.state === signalR.HubConnectionState.Connected) {
      void this.connection.send('Awareness', this.billId, toBase64(this.encodeRemoval())).catch(() => undefined);
    }
  }

  private async joinAndSync(): Promise<void> {
    this.live = false;
    this.synced = false;
    const ids = this.onlyCurrentClientId ? [this.doc.clientID] : this.knownClientIds();
    const result = await this.withTimeout('Join', this.connection.invoke<JoinResult>('Join', this.billId, ids));
    this.joinResult = result;
    this.emit('joined', result);

    // Our state vector; the answer is the server's step 2 (what we lack). The server then sends its
    // own step 1 through the Sync callback, answered in handleServerSync.
    const encoder = encoding.createEncoder();
    syncProtocol.writeSyncStep1(encoder, this.doc);
    const answer = await this.withTimeout(
      'Sync',
      this.connection.invoke<unknown>('Sync', this.billId, toBase64(encoding.toUint8Array(encoder))),
    );
    if (answer != null) this.applyServerMessage(decodeBytes(answer));
    this.synced = true;
    this.emit('synced');

    if (!this.live) {
      // Should the server's step 1 not come, send everything we have rather than nothing.
      if (this.step1Fallback) clearTimeout(this.step1Fallback);
      this.step1Fallback = setTimeout(() => {
        this.step1Fallback = undefined;
        if (!this.live && this.connection.state === signalR.HubConnectionState.Connected) this.sendStep2(undefined);
      }, 5_000);
    }

    if (this.awareness.getLocalState() !== null) {
      this.sendAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, [this.doc.clientID]));
    }
  }

  // ---- sync messages ---------------------------------------------------------------------------

  private handleServerSync(billId: string, message: unknown): void {
    if (billId !== this.billId) return;
    let bytes: Uint8Array;
    try {
      bytes = decodeBytes(message);
    } catch {
      return;
    }
    this.applyServerMessage(bytes);
  }

  private applyServerMessage(bytes: Uint8Array): void {
    const decoder = decoding.createDecoder(bytes);
    const type = decoding.readVarUint(decoder);
    switch (type) {
      case syncProtocol.messageYjsSyncStep1: {
        const stateVector = decoding.readVarUint8Array(decoder);
        this.forgetSyncedClientIds(Y.decodeStateVector(stateVector));
        this.sendStep2(stateVector);
        break;
      }
      case syncProtocol.messageYjsSyncStep2:
        Y.applyUpdate(this.doc, decoding.readVarUint8Array(decoder), this);
        break;
      case syncProtocol.messageYjsUpdate:
        Y.applyUpdate(this.doc, decoding.readVarUint8Array(decoder), this);
        break;
      default:
        // Unknown tags are ignored, as the protocol asks of both sides.
        break;
    }
  }

  /** Answers the server's state vector with everything it lacks; its completion acknowledges all edits so far. */
  private sendStep2(serverStateVector: Uint8Array | undefined): void {
    if (this.step1Fallback) {
      clearTimeout(this.step1Fallback);
      this.step1Fallback = undefined;
    }
    const encoder = encoding.createEncoder();
    syncProtocol.writeSyncStep2(encoder, this.doc, serverStateVector);
    const coveredSeq = this.seq;
    const coveredLegacy = this.legacyPending > 0;
    this.live = true;
    this.invokeSync(encoding.toUint8Array(encoder))
      .then(() => {
        for (const s of [...this.pendingSeqs]) if (s <= coveredSeq) this.pendingSeqs.delete(s);
        if (coveredLegacy) this.legacyPending = 0;
        this.pendingChanged();
      })
      .catch((error) => this.handleSyncFailure(error));
  }

  private handleLocalUpdate(update: Uint8Array, origin: unknown): void {
    if (origin === this || this.ignoreOrigins.has(origin)) return;
    const seq = ++this.seq;
    this.pendingSeqs.add(seq);
    this.pendingChanged();
    if (!this.live || this.connection.state !== signalR.HubConnectionState.Connected) return; // the next step 2 carries it
    const encoder = encoding.createEncoder();
    syncProtocol.writeUpdate(encoder, update);
    this.invokeSync(encoding.toUint8Array(encoder))
      .then(() => {
        this.pendingSeqs.delete(seq);
        this.pendingChanged();
      })
      .catch((error) => this.handleSyncFailure(error));
  }

  private invokeSync(message: Uint8Array): Promise<unknown> {
    return this.withTimeout('Sync', this.connection.invoke<unknown>('Sync', this.billId, toBase64(message)));
  }

  private handleSyncFailure(error: unknown): void {
    const code = hubErrorCode(error);
    if (code === 'store-unavailable') {
      // The server could not write (disk full, database restarting): the edit stays pending (and in IndexedDB);
      // say so, drop the connection and reconnect later, whose resync sends it again.
      this.emit('rejected', code, errorText(error));
      if (this.connection.state === signalR.HubConnectionState.Connected) void this.connection.stop();
      return;
    }
    if (code) {
      // The server refused the edit: nothing of it was stored. Say so; retrying would fail the same way.
      this.emit('rejected', code, errorText(error));
      return;
    }
    // Lost connection or timeout: the edit stays pending and the resync after reconnecting carries it.
    if (error instanceof InvokeTimeoutError && this.connection.state === signalR.HubConnectionState.Connected) {
      void this.connection.stop();
    }
  }

  private pendingChanged(): void {
    const n = this.pendingCount;
    try {
      this.storage?.setItem(this.pendingKey, String(n));
    } catch {
      // storage full or blocked: the count is then only in memory
    }
    this.emit('pending', n);
  }

  // ---- client ids ------------------------------------------------------------------------------

  private knownClientIds(): number[] {
    const ids = new Set<number>([this.doc.clientID]);
    for (const id of this.readClientIds()) ids.add(id);
    return [...ids];
  }

  private readClientIds(): number[] {
    try {
      const raw = this.storage?.getItem(this.clientIdsKey);
      const parsed: unknown = raw ? JSON.parse(raw) : [];
      return Array.isArray(parsed) ? parsed.filter((x): x is number => Number.isSafeInteger(x) && x >= 0) : [];
    } catch {
      return [];
    }
  }

  private writeClientIds(ids: number[]): void {
    try {
      this.storage?.setItem(this.clientIdsKey, JSON.stringify(ids.slice(-maxRememberedClientIds)));
    } catch {
      // see pendingChanged
    }
  }

  private rememberClientId(id: number): void {
    const ids = this.readClientIds().filter((x) => x !== id);
    ids.push(id);
    this.writeClientIds(ids);
  }

  /** Earlier ids whose every edit the server already holds need not be announced again. */
  private forgetSyncedClientIds(serverState: Map<number, number>): void {
    const local = Y.decodeStateVector(Y.encodeStateVector(this.doc));
    const keep = this.readClientIds().filter(
      (id) => id === this.doc.clientID || (local.get(id) ?? 0) > (serverState.get(id) ?? 0),
    );
    this.writeClientIds(keep);
  }

  // ---- awareness -------------------------------------------------------------------------------

  private handleLocalAwareness(changes: { added: number[]; updated: number[]; removed: number[] }, origin: unknown): void {
    if (origin === this) return;
    const changed = changes.added.concat(changes.updated, changes.removed);
    if (!this.live || this.connection.state !== signalR.HubConnectionState.Connected) return;
    this.sendAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed));
  }

  private sendAwareness(update: Uint8Array): void {
    // Fire-and-forget: a lost cursor position is replaced by the next one.
    this.connection.send('Awareness', this.billId, toBase64(update)).catch(() => undefined);
  }

  private handleServerAwareness(billId: string, update: unknown): void {
    if (billId !== this.billId) return;
    let bytes: Uint8Array;
    try {
      bytes = decodeBytes(update);
    } catch {
      return;
    }
    // The server sends everyone's last state right after Join, so newcomers need no answer from us.
    awarenessProtocol.applyAwarenessUpdate(this.awareness, bytes, this);
  }

  private dropRemoteAwareness(): void {
    const remote = [...this.awareness.getStates().keys()].filter((id) => id !== this.doc.clientID);
    if (remote.length > 0) awarenessProtocol.removeAwarenessStates(this.awareness, remote, this);
  }

  private encodeRemoval(): Uint8Array {
    // A null state at the current clock tells the others we are gone.
    return awarenessProtocol.encodeAwarenessUpdate(this.awareness, [this.doc.clientID], new Map());
  }

  // ---- revocation and plumbing -----------------------------------------------------------------

  private handleRevoked(reason: string): void {
    this.revoked = true;
    this.live = false;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.setStatus('revoked', { error: reason });
    this.emit('revoked', reason);
    void this.connection.stop();
  }

  private setStatus(status: ConnectionStatus, detail: { retryInMs?: number; error?: string }): void {
    if (this.revoked && status !== 'revoked') return;
    this.status = status;
    this.emit('status', status, detail);
  }

  private withTimeout<T>(method: string, promise: Promise<T>): Promise<T> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new InvokeTimeoutError(method, this.invokeTimeoutMs)), this.invokeTimeoutMs);
    });
    return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
  }
}

function defaultStorage(): KeyValueStore | null {
  try {
    return typeof localStorage !== 'undefined' ? localStorage : null;
  } catch {
    return null;
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function isAuthFailure(error: unknown): boolean {
  return error instanceof signalR.HttpError && (error.statusCode === 401 || error.statusCode === 403 || error.statusCode === 404);
}
