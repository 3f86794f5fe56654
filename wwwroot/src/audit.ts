// The bill's audit log for facilitators and clerks: who, role, what, when (GET /api/bills/{id}/audit).

import { h } from './dom';
import { formatDateTime, roleLabel, setText, t } from './i18n';

interface AuditLine {
  time: string;
  participantId: string | null;
  displayName: string | null;
  role: string | null;
  action: string;
  detail: Record<string, unknown>;
}

function summary(detail: Record<string, unknown>): string {
  const parts: string[] = [];
  for (const [k, v] of Object.entries(detail)) {
    if (v === null || v === undefined || k === 'body' || k === 'beforeBody') continue;
    const text = typeof v === 'object' ? JSON.stringify(v) : String(v);
    parts.push(`${k}: ${text.length > 80 ? text.slice(0, 77) + '…' : text}`);
  }
  return parts.join(' · ');
}

/** A "show the log" button and the table it fills. */
export class AuditPanel {
  private readonly table: HTMLTableElement;
  private readonly status: HTMLElement;

  constructor(root: HTMLElement, private readonly billId: string) {
    const button = setText(h('button', { type: 'button', class: 'button small', 'data-testid': 'audit-load' }), 'audit.load');
    this.status = h('p', { class: 'muted small', role: 'status' });
    this.table = h('table', { class: 'audit', 'data-testid': 'audit', hidden: true });
    button.addEventListener('click', () => void this.load());
    root.replaceChildren(setText(h('h2', { class: 'panel-heading' }), 'audit.heading'), button, this.status, this.table);
  }

  async load(): Promise<void> {
    setText(this.status, 'audit.loading');
    try {
      const response = await fetch(`/api/bills/${encodeURIComponent(this.billId)}/audit?limit=300`, { credentials: 'same-origin' });
      if (!response.ok) throw new Error(String(response.status));
      const lines = (await response.json()) as AuditLine[];
      const rows = lines.reverse().map((l) =>
        h('tr', {},
          h('td', {}, h('time', { datetime: l.time }, formatDateTime(l.time, { dateStyle: 'short', timeStyle: 'medium' }))),
          h('td', {}, l.displayName ?? '—', l.role ? ` (${roleLabel(l.role)})` : ''),
          h('td', {}, h('code', {}, l.action)),
          h('td', { class: 'audit-detail' }, summary(l.detail))));
      this.table.replaceChildren(
        setText(h('caption', { class: 'visually-hidden' }), 'audit.heading'),
        h('thead', {}, h('tr', {}, ...['audit.time', 'audit.who', 'audit.action', 'audit.detail'].map((k) => h('th', { scope: 'col' }, t(k as never))))),
        h('tbody', {}, ...rows));
      this.table.hidden = false;
      setText(this.status, 'audit.count', { n: lines.length });
    } catch {
      setText(this.status, 'audit.failed');
    }
  }
}
