// What the main thread and the workers agree on.

import type { WireTarget } from './wire';

export interface ClientPlan {
  index: number;
  clientId: number;
  /** ParisCoDraft: the session cookie `pcd_{billId}=…`; Hocuspocus: the auth token. */
  credential: string;
  /** Index among typists, or -1 for someone who only watches. */
  typist: number;
  /** Article (0-based, in bill order) this typist writes into. */
  article: number;
  /** A full replica applies every update into a Y.Doc and reports its content; others only read headers. */
  replica: boolean;
}

export interface WorkerInit {
  target: WireTarget;
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

/** Latency histogram: bins of HistogramBinMs, the last one holds everything above. */
export const HistogramBinMs = 0.1;
export const HistogramBins = 600_000;

/** Per second of the measured window (by keystroke time): bins of SecondBinMs up to one second. */
export const SecondBinMs = 0.5;
export const SecondBins = 2000;

export interface DoneReport {
  type: 'done';
  histogram: Uint32Array;
  /** Index = whole seconds since the measured window opened; same samples as `histogram`, coarser bins. */
  bySecond: Uint32Array[];
  samples: number;
  maxMs: number;
  typedInWindow: number;
  typedTotal: number;
  /** Keystroke updates the server acknowledged / still unacknowledged at the end. */
  acked: number;
  unacked: number;
  rejected: number;
  rejections: string[];
  /** Updates whose range did not start where the receiver's state for that client ended. */
  gaps: number;
  /** Per connected client: its state vector as seen from the updates it received ("client:clock,…"). */
  stateVectors: string[];
  /** Per full replica: its Y.Doc's state vector (same format) and its articles' text. */
  replicaVectors: string[];
  replicaContents: string[];
  /** Per typist: "clientId:clock" of its own doc, i.e. what it typed. */
  typedVectors: string[];
}

/** Milliseconds since the epoch with sub-millisecond resolution, comparable across worker threads. */
export function nowMs(): number {
  return performance.timeOrigin + performance.now();
}

/** "client:clock,…" sorted by client: comparable across clients and threads. */
export function vectorString(sv: Map<number, number>): string {
  return [...sv.entries()]
    .filter(([, clock]) => clock > 0)
    .sort((a, b) => a[0] - b[0])
    .map(([c, k]) => `${c}:${k}`)
    .join(',');
}
