// What the main thread and the workers agree on.

export interface ClientPlan {
  index: number;
  clientId: number;
  cookie: string;
  /** Index among typists, or -1 for someone who only watches. */
  typist: number;
  /** Article (0-based, in bill order) this typist writes into. */
  article: number;
}

export interface WorkerInit {
  hubUrl: string;
  billId: string;
  clients: ClientPlan[];
  /** Lowest typist client id: typist t writes under clientIdBase + t. */
  clientIdBase: number;
  typists: number;
  rate: number;
  maxClock: number;
  /** Per typist and clock: the wall time (ms, high resolution) the keystroke was made. */
  sendTimes: SharedArrayBuffer;
  connectConcurrency: number;
}

export interface StartMessage {
  type: 'start';
  /** Typing runs in [typeFrom, typeUntil); samples count for keystrokes in [measureFrom, typeUntil). */
  typeFrom: number;
  measureFrom: number;
  typeUntil: number;
}

export interface ReadyReport {
  type: 'ready';
  connected: number;
  failed: number;
  errors: string[];
}

export interface DoneReport {
  type: 'done';
  samples: number[];
  typedInWindow: number;
  typedTotal: number;
  stateVectors: string[];
  rejected: number;
}

/** Milliseconds since the epoch with sub-millisecond resolution, comparable across worker threads. */
export function nowMs(): number {
  return performance.timeOrigin + performance.now();
}
