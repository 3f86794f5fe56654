// /bills/{id}/console: the facilitator's console (console.ts), and the audit log.

import { AuditPanel } from '../audit';
import { FacilitatorConsole } from '../console';
import { byId, h } from '../dom';
import { initI18n, setText, t } from '../i18n';
import { openLiveBill } from '../live-bill';

async function main(): Promise<void> {
  initI18n();
  const live = await openLiveBill('console');
  if (!live) return;
  byId<HTMLAnchorElement>('back-link').href = `/bills/${encodeURIComponent(live.billId)}`;
  byId<HTMLAnchorElement>('projector-link').href = `/bills/${encodeURIComponent(live.billId)}/projector`;
  byId('loading').hidden = true;
  if (live.me.role !== 'facilitator') {
    byId('console').replaceChildren(setText(h('p', { class: 'fatal', role: 'alert' }), 'console.facilitatorsOnly'));
    return;
  }
  const updateTitle = () => {
    const title = live.model.title.toString().trim();
    byId('console-title').textContent = t('console.title', { title: title || t('app.name') });
    document.title = `${t('console.heading')} — ${title || t('app.name')}`;
  };
  live.model.title.observe(updateTitle);
  updateTitle();
  new FacilitatorConsole(live, byId('console'));
  new AuditPanel(byId('audit-panel'), live.billId);
}

void main();
