// What the multi-server orchestrator (multi.ts) and its workers (multi-worker.ts) agree on.

export interface MultiClientPlan {
  index: number;
  billId: string;
  clientId: number;
  cookie: string;
  /** Global typist index, or -1 for someone who only watches. */
  typist: number;
  article: number;
}

export interface MultiWorkerInit {
  hubUrl: string;
  clients: MultiClientPlan[];
  clientIdBase: number;
  typists: number;
  rate: number;
  maxClock: number;
  sendTimes: SharedArrayBuffer;
  connectConcurrency: number;
}

export interface CheckReport {
  type: 'check';
  /** Per bill: the distinct state vectors (base64) its replicas here hold. */
  vectors: Record<string, string[]>;
  pending: number;
  notConnected: number;
  /** Clients whose awareness holds exactly the states of everyone in their bill. */
  presenceExact: number;
  /** Per bill: client ids whose awareness state each replica holds, summed (for totals). */
  presenceSeen: number;
  /** Latest time (ms) a client here got back to 'connected' after the kill; 0 if none reconnected. */
  lastReconnectAt: number;
  reconnected: number;
}

export interface MultiDoneReport {
  type: 'done';
  /** [sendTime, latency] pairs, flattened. */
  samples: number[];
  typedInWindow: number;
  rejected: number;
}
