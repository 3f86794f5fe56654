// What a load client needs from a server connection, whatever the server speaks: y-protocols sync and
// awareness messages in, the same out, and an acknowledgement per sync message it sends.

export interface Wire {
  /** Opens the socket, authenticates and joins the document; resolves once sync messages may flow. */
  open(): Promise<void>;
  /**
   * Sends one y-protocols sync message. For a step 1 it resolves with the server's step 2 message; for
   * a step 2 or an update it resolves (with null) when the server acknowledges it: ParisCoDraft's hub
   * completes the call once the update is durable; Hocuspocus answers a SyncStatus once it is applied.
   */
  sync(message: Uint8Array): Promise<Uint8Array | null>;
  /** Sends one y-protocols awareness update, fire and forget. */
  awareness(update: Uint8Array): void;
  /** Called with every sync message the server pushes (updates from others, its own step 1). */
  onSync: (message: Uint8Array) => void;
  /** Called with every awareness update the server pushes. */
  onAwareness: (update: Uint8Array) => void;
  close(): void;
}

/** How workers reach the server under test. */
export type WireTarget =
  | { kind: 'pcd'; hubUrl: string; billId: string }
  | { kind: 'hocuspocus'; wsUrl: string; documentName: string };

export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
    promise.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}
