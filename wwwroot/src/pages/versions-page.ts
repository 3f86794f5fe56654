// Entry points of the versions, ideas and review pages: who am I, then the page's module.

import { getMe } from '../api';
import { byId, h } from '../dom';
import { refusalMessage } from '../errors';
import { initI18n, t } from '../i18n';
import { IdeasPage } from '../ideas';
import { ReviewPage } from '../review';
import { VersionsApi, billIdFromSubPath } from '../versions-api';
import { VersionsPage } from '../versions';

async function main(): Promise<void> {
  initI18n();
  const billId = billIdFromSubPath();
  const fatal = (message: string) => byId('main').replaceChildren(h('p', { class: 'fatal', role: 'alert' }, message));
  if (!billId) return fatal(t('bill.notFound'));
  for (const a of document.querySelectorAll<HTMLAnchorElement>('a[data-bill-link]')) {
    a.href = `/bills/${encodeURIComponent(billId)}${a.dataset['billLink'] ?? ''}`;
  }
  let role: string;
  try {
    role = (await getMe(billId)).role;
  } catch {
    return fatal(t('bill.notFound'));
  }
  const api = new VersionsApi(billId);
  const page = document.body.dataset['page'];
  try {
    if (page === 'versions') await new VersionsPage(api, role).start();
    else if (page === 'ideas') await new IdeasPage(api, role === 'facilitator').start();
    else await new ReviewPage(api, role === 'facilitator' || role === 'clerk').start();
  } catch (e) {
    fatal(t('ver.error', { message: refusalMessage(e) }));
    return;
  }
  byId('loading').hidden = true;
  byId('content').hidden = false;
}

void main();
