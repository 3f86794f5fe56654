// The part of the `ws` package (7.x) the load generator uses; the package ships no types of its own.
declare module 'ws' {
  import { EventEmitter } from 'node:events';
  export default class WebSocket extends EventEmitter {
    static readonly OPEN: number;
    constructor(url: string, options?: { headers?: Record<string, string>; perMessageDeflate?: boolean; maxPayload?: number });
    readonly readyState: number;
    binaryType: string;
    send(data: string | Uint8Array, cb?: (err?: Error) => void): void;
    close(code?: number, reason?: string): void;
    terminate(): void;
  }
}
