// A bill page without editors (the console, the projector): its Y.Doc kept live by the provider, who I
// am, and the deliberation. No offline copy: these pages only make sense connected.

import * as Y from 'yjs';
import { ApiError, getMe, type Me } from './api';
import { BillModel } from './bill';
import { Deliberation } from './deliberation';
import { byId, h } from './dom';
import { t } from './i18n';
import { BillProvider } from './provider';
import { StatusIndicator } from './status';

export interface LiveBill {
  billId: string;
  me: Me;
  doc: Y.Doc;
  model: BillModel;
  provider: BillProvider;
  deliberation: Deliberation;
}

export function billIdFromPath(suffix: string): string | undefined {
  const m = new RegExp(`^/bills/([^/]+)/${suffix}/?$`).exec(location.pathname);
  return m ? decodeURIComponent(m[1]!) : undefined;
}

export function showFatal(message: string): void {
  byId('main').replaceChildren(h('p', { class: 'fatal', role: 'alert' }, message));
}

export async function openLiveBill(suffix: string): Promise<LiveBill | undefined> {
  const billId = billIdFromPath(suffix);
  if (!billId) {
    showFatal(t('bill.notFound'));
    return undefined;
  }
  let me: Me;
  try {
    me = await getMe(billId, 8_000);
  } catch (e) {
    showFatal(e instanceof ApiError && e.status !== 0 ? t('bill.notFound') : t('bill.offlineNoCache'));
    return undefined;
  }
  const doc = new Y.Doc();
  const provider = new BillProvider({ hubUrl: '/hubs/bill', billId, doc, storage: null, storageScope: me.participantId + '.' + suffix });
  const deliberation = new Deliberation(provider);
  const status = document.getElementById('status');
  if (status) new StatusIndicator(status, provider);
  const live = { billId, me, doc, model: new BillModel(doc), provider, deliberation };
  (window as unknown as { pariscodraft: unknown }).pariscodraft = live;
  void provider.connect();
  return live;
}

/** mm:ss, with a minus sign once over time. */
export function clockText(ms: number): string {
  const neg = ms < 0;
  const s = Math.floor(Math.abs(ms) / 1000);
  return `${neg ? '−' : ''}${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
