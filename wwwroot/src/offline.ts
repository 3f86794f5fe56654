// Keeps each bill's Y.Doc in IndexedDB so that edits made offline survive a reload and are sent
// (as part of the sync step 2) when the connection comes back. One database per bill and person:
// client ids are bound to one participant, so two people sharing a browser must not share edits.

import type * as Y from 'yjs';
import { IndexeddbPersistence } from 'y-indexeddb';

export interface OfflineStore {
  persistence: IndexeddbPersistence | undefined;
  /** True when something was already stored for this bill on this device. */
  hadLocalCopy: boolean;
}

export function databaseName(billId: string, participantId: string): string {
  return `pariscodraft.bill.${billId}.${participantId}`;
}

/**
 * Loads what this device holds for the bill into the doc, then keeps storing every change.
 * Bounded: if IndexedDB is unavailable or slow (private windows), the editor still works online.
 */
export async function openOfflineStore(billId: string, participantId: string, doc: Y.Doc, timeoutMs = 5_000): Promise<OfflineStore> {
  if (typeof indexedDB === 'undefined') return { persistence: undefined, hadLocalCopy: false };
  let persistence: IndexeddbPersistence;
  try {
    persistence = new IndexeddbPersistence(databaseName(billId, participantId), doc);
  } catch {
    return { persistence: undefined, hadLocalCopy: false };
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  const loaded = await Promise.race([
    persistence.whenSynced.then(() => true),
    new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs);
    }),
  ]).finally(() => clearTimeout(timer));
  const hadLocalCopy = loaded && (doc.share.size > 0 && (doc.getMap('clauses').size > 0 || doc.getText('title').length > 0));
  return { persistence, hadLocalCopy };
}
