// The one-year review page (/bills/{id}/review): follow-up commitments per article. Clerks and
// facilitators keep them; everyone reads.

import { announce, byId, h } from './dom';
import { showRefusal } from './errors';
import { onLangChange, setText, t } from './i18n';
import { VersionsApi, type Article, type FollowUp } from './versions-api';

export class ReviewPage {
  private data: FollowUp | undefined;
  private articles: Article[] = [];

  constructor(private readonly api: VersionsApi, private readonly canEdit: boolean) {}

  async start(): Promise<void> {
    byId('commitment-form').hidden = !this.canEdit;
    byId('adoption-form').hidden = !this.canEdit;
    byId<HTMLFormElement>('commitment-form').addEventListener('submit', (e) => {
      e.preventDefault();
      void this.add();
    });
    byId<HTMLFormElement>('adoption-form').addEventListener('submit', (e) => {
      e.preventDefault();
      void this.run(async () => {
        await this.api.setAdoption(byId<HTMLInputElement>('adoption-date').value || null);
        announce(t('review.adoptionSaved'));
      });
    });
    onLangChange(() => this.render());
    await this.load();
  }

  private async run(action: () => Promise<void>): Promise<void> {
    try {
      await action();
      await this.load();
    } catch (e) {
      const el = byId('page-error');
      showRefusal(el, e);
      el.hidden = false;
    }
  }

  private async load(): Promise<void> {
    const [data, ideas] = await Promise.all([this.api.followUp(), this.api.ideas()]);
    this.data = data;
    this.articles = ideas.articles;
    this.render();
  }

  private render(): void {
    const data = this.data;
    if (!data) return;
    byId<HTMLInputElement>('adoption-date').value = data.adoptedOn ?? '';
    byId('adoption-text').textContent = data.adoptedOn ? t('review.adoptedOn', { date: data.adoptedOn }) : t('review.notAdopted');
    byId<HTMLInputElement>('commitment-due').placeholder = data.defaultDueDate;
    byId('commitment-due-hint').textContent = t('review.dueHint', { date: data.defaultDueDate });
    const clause = byId<HTMLSelectElement>('commitment-clause');
    clause.replaceChildren(...this.articles.map((a) => h('option', { value: a.id }, t('ver.article', { n: a.number }) + (a.heading ? ' — ' + a.heading : ''))));
    const body = byId('commitment-rows');
    body.replaceChildren();
    if (data.commitments.length === 0) body.append(h('tr', {}, setText(h('td', { colspan: 6, class: 'muted' }), 'review.none')));
    for (const c of data.commitments) {
      const status = h('select', { 'aria-label': t('review.statusLabel', { action: c.action }), disabled: !this.canEdit },
        ...data.statuses.map((s) => h('option', { value: s }, t(`review.status.${s}` as 'review.status.planned'))));
      status.value = c.status;
      status.addEventListener('change', () => void this.run(() =>
        this.api.saveCommitment(c.id, { clauseId: c.clauseId, department: c.department, action: c.action, dueDate: c.dueDate, status: status.value }).then(() => undefined)));
      const actions = h('td', {});
      if (this.canEdit) {
        const del = h('button', { type: 'button', class: 'button small danger', 'aria-label': t('review.deleteLabel', { action: c.action }) }, t('review.delete'));
        del.addEventListener('click', () => void this.run(() => this.api.deleteCommitment(c.id)));
        actions.append(del);
      }
      body.append(h('tr', { class: c.overdue ? 'overdue' : '' },
        h('th', { scope: 'row' }, c.articleNumber ? t('ver.article', { n: c.articleNumber }) : t('review.withdrawnArticle')),
        h('td', {}, c.department), h('td', {}, c.action),
        h('td', {}, c.dueDate, c.overdue ? h('strong', { class: 'warn' }, ' ' + t('review.overdue')) : null),
        h('td', {}, status), actions));
    }
  }

  private async add(): Promise<void> {
    await this.run(async () => {
      await this.api.saveCommitment(null, {
        clauseId: byId<HTMLSelectElement>('commitment-clause').value,
        department: byId<HTMLInputElement>('commitment-department').value,
        action: byId<HTMLTextAreaElement>('commitment-action').value,
        dueDate: byId<HTMLInputElement>('commitment-due').value || null,
      });
      byId<HTMLFormElement>('commitment-form').reset();
      announce(t('review.added'));
    });
  }
}
