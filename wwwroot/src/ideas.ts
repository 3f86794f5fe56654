// The ideas page (/bills/{id}/ideas): import the assembly's ideas, place them, see the idea × article
// matrix and the ideas not yet placed. Facilitators edit; everyone reads.

import { announce, byId, h } from './dom';
import { showRefusal } from './errors';
import { groupLabel, onLangChange, setText, t } from './i18n';
import { VersionsApi, type Disposition, type IdeaRow, type Ideas } from './versions-api';

const kinds = ['', 'carried', 'merged', 'already-done', 'outside-powers', 'set-aside'];

export class IdeasPage {
  private data: Ideas | undefined;

  constructor(private readonly api: VersionsApi, private readonly canEdit: boolean) {}

  async start(): Promise<void> {
    byId('import-form').hidden = !this.canEdit;
    byId<HTMLFormElement>('import-form').addEventListener('submit', (e) => {
      e.preventDefault();
      void this.import();
    });
    byId<HTMLInputElement>('import-file').addEventListener('change', async (e) => {
      const file = (e.target as HTMLInputElement).files?.[0];
      if (!file) return;
      byId<HTMLTextAreaElement>('import-content').value = await file.text();
      byId<HTMLSelectElement>('import-format').value = /\.csv$/i.test(file.name) ? 'csv' : 'markdown';
    });
    onLangChange(() => this.render());
    await this.load();
  }

  private async load(): Promise<void> {
    this.data = await this.api.ideas();
    this.render();
  }

  private async import(): Promise<void> {
    const status = byId('import-status');
    try {
      const r = await this.api.importIdeas(byId<HTMLSelectElement>('import-format').value, byId<HTMLTextAreaElement>('import-content').value);
      setText(status, 'ideas.imported', { n: r.imported, total: r.total });
      status.className = 'ok';
      await this.load();
    } catch (e) {
      showRefusal(status, e);
      status.className = 'error';
    }
  }

  private numberOf(id: string): string {
    const a = this.data?.articles.find((x) => x.id === id);
    return a ? String(a.number) : '?';
  }

  private describe(d: Disposition | null): string {
    if (!d || !d.kind) return t('ideas.kind.none');
    const base = t(`ideas.kind.${d.kind}` as 'ideas.kind.carried');
    if (d.kind === 'carried') return `${base} : ${(d.clauseIds ?? []).map((id) => t('ver.article', { n: this.numberOf(id) })).join(', ')}`;
    if (d.kind === 'merged') return `${base} ${(d.ideaNumbers ?? []).join(', ')}`;
    const extra = d.reason ?? d.note;
    return extra ? `${base} : ${extra}` : base;
  }

  private render(): void {
    const data = this.data;
    if (!data) return;
    byId('ideas-count').textContent = t('ideas.count', { placed: data.placed, total: data.total });
    const head = h('tr', {}, setText(h('th', { scope: 'col' }), 'ideas.idea'),
      ...data.articles.map((a) => h('th', { scope: 'col', title: a.heading }, t('ver.articleShort', { n: a.number }))),
      setText(h('th', { scope: 'col' }), 'ideas.disposition'));
    const rows = data.ideas.map((idea) => this.row(idea));
    byId('matrix').replaceChildren(
      setText(h('caption', { class: 'visually-hidden' }), 'ideas.matrixCaption'),
      h('thead', {}, head), h('tbody', {}, ...rows));
    const unplaced = data.ideas.filter((i) => !i.placed);
    byId('unplaced').replaceChildren(...(unplaced.length
      ? unplaced.map((i) => h('li', {}, `${i.number}. ${i.title} — ${t(`ideas.reason.${i.unplacedReason ?? 'no-disposition'}` as 'ideas.reason.no-disposition')}`))
      : [setText(h('li', { class: 'muted' }), 'ideas.allPlaced')]));
  }

  private row(idea: IdeaRow): HTMLTableRowElement {
    const data = this.data!;
    const title = h('th', { scope: 'row' }, h('span', { class: 'idea-number' }, `${idea.number}. `), idea.title,
      idea.sourceGroup ? h('span', { class: 'muted small' }, ` (${groupLabel(idea.sourceGroup)})`) : null,
      h('span', { class: 'visually-hidden' }, ' — ' + idea.text));
    const cells = data.articles.map((a) => idea.clauseIds.includes(a.id)
      ? h('td', { class: 'carried' }, h('span', { 'aria-label': t('ideas.carriedBy', { n: a.number }) }, '●'))
      : h('td', {}, ''));
    const disposition = h('td', { class: idea.placed ? '' : 'unplaced-cell' }, this.describe(idea.disposition));
    if (this.canEdit) disposition.append(' ', this.editor(idea));
    return h('tr', { 'data-idea': idea.number }, title, ...cells, disposition);
  }

  private editor(idea: IdeaRow): HTMLElement {
    const id = `d-${idea.number}`;
    const kind = h('select', { id: id + '-kind', 'aria-label': t('ideas.kindLabel', { n: idea.number }) },
      ...kinds.map((k) => h('option', { value: k }, k ? t(`ideas.kind.${k}` as 'ideas.kind.carried') : t('ideas.kind.none'))));
    kind.value = idea.disposition?.kind ?? '';
    const current = idea.disposition;
    const detailValue = current?.kind === 'carried' ? (current.clauseIds ?? []).map((c) => this.numberOf(c)).join(', ')
      : current?.kind === 'merged' ? (current.ideaNumbers ?? []).join(', ') : (current?.reason ?? current?.note ?? '');
    const detail = h('input', { type: 'text', id: id + '-detail', value: detailValue, 'aria-label': t('ideas.detailLabel', { n: idea.number }), placeholder: t('ideas.detailHint') });
    const save = setText(h('button', { type: 'submit', class: 'button small' }), 'ideas.save');
    const form = h('form', { class: 'disposition-form' }, kind, detail, save);
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      void this.save(idea, kind.value, detail.value);
    });
    return form;
  }

  private async save(idea: IdeaRow, kind: string, detail: string): Promise<void> {
    const numbers = detail.split(/[\s,;]+/).filter(Boolean).map((x) => parseInt(x, 10)).filter((n) => !Number.isNaN(n));
    const d: Disposition = { kind: kind || null };
    if (kind === 'carried') d.clauseIds = numbers.map((n) => this.data!.articles.find((a) => a.number === n)?.id).filter((x): x is string => !!x);
    if (kind === 'merged') d.ideaNumbers = numbers;
    if (kind === 'set-aside') d.reason = detail;
    if (kind === 'already-done' || kind === 'outside-powers') d.note = detail;
    try {
      await this.api.setDisposition(idea.number, d);
      announce(t('ideas.saved', { n: idea.number }));
      await this.load();
    } catch (e) {
      const el = byId('page-error');
      showRefusal(el, e);
      el.hidden = false;
    }
  }
}
