// The connection indicator: connected / reconnecting / offline, and how many edits are not yet stored.

import type { BillProvider, ConnectionStatus } from './provider';
import { onLangChange, plural, setText, t } from './i18n';
import { h } from './dom';
import { refusalMessage } from './errors';

export class StatusIndicator {
  private status: ConnectionStatus;
  private pending: number;
  private retryAt: number | undefined;
  private error: string | undefined;
  private readonly dot = h('span', { class: 'status-dot', 'aria-hidden': 'true' });
  private readonly label = h('span', { class: 'status-label' });
  private readonly pendingEl = h('span', { class: 'status-pending', 'data-testid': 'pending-count' });
  private readonly retryEl = h('span', { class: 'status-retry' });
  private readonly retryButton = h('button', { type: 'button', class: 'link-button' });
  private tick: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly root: HTMLElement,
    provider: BillProvider,
  ) {
    this.status = provider.status;
    this.pending = provider.pendingCount;
    root.setAttribute('role', 'status');
    root.setAttribute('aria-live', 'polite');
    root.classList.add('status');
    this.retryButton.addEventListener('click', () => provider.retryNow());
    root.replaceChildren(this.dot, this.label, this.pendingEl, this.retryEl, this.retryButton);
    provider.on('status', (status, detail) => {
      this.status = status;
      this.retryAt = detail.retryInMs !== undefined ? Date.now() + detail.retryInMs : undefined;
      this.error = detail.error;
      this.render();
    });
    provider.on('pending', (n) => {
      this.pending = n;
      this.render();
    });
    onLangChange(() => this.render());
    this.render();
  }

  private render(): void {
    this.root.dataset['status'] = this.status;
    const text: Record<ConnectionStatus, string> = {
      connected: t('status.connected'),
      connecting: t('status.connecting'),
      reconnecting: t('status.reconnecting'),
      offline: t('status.offline'),
      revoked: t('status.revoked'),
      failed: this.error ? t('status.error', { message: refusalMessage(this.error) }) : t('status.offline'),
    };
    this.label.textContent = text[this.status];
    // Revoked or refused for good: edits still waiting stay in this browser (IndexedDB) but will not reach the server.
    const stranded = this.pending > 0 && (this.status === 'revoked' || this.status === 'failed');
    this.pendingEl.textContent = stranded
      ? plural(this.pending, 'status.stranded.one', 'status.stranded.many', 'status.pending.zero')
      : plural(this.pending, 'status.pending.one', 'status.pending.many', 'status.pending.zero');
    this.pendingEl.dataset['stranded'] = String(stranded);
    this.pendingEl.dataset['count'] = String(this.pending);
    this.pendingEl.classList.toggle('has-pending', this.pending > 0);
    const waiting = this.retryAt !== undefined && this.status !== 'connected' && this.status !== 'revoked';
    this.retryButton.hidden = !waiting;
    setText(this.retryButton, 'status.retryNow');
    if (waiting) {
      const s = Math.max(0, Math.ceil((this.retryAt! - Date.now()) / 1000));
      this.retryEl.textContent = s > 0 ? t('status.retryIn', { s }) : '';
      this.retryEl.hidden = s <= 0;
      // The countdown itself stays out of the live region's way: only the state change is announced.
      this.retryEl.setAttribute('aria-hidden', 'true');
      if (!this.tick) this.tick = setInterval(() => this.render(), 1000);
    } else {
      this.retryEl.hidden = true;
      if (this.tick) clearInterval(this.tick);
      this.tick = undefined;
    }
  }
}
