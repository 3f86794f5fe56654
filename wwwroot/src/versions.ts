// The versions page (/bills/{id}/versions): workshops, versions, reading a version as it was,
// comparing two versions, and the clerk's exports.

import { announce, byId, h } from './dom';
import { showRefusal } from './errors';
import { formatDateTime, lang, onLangChange, setText, t } from './i18n';
import { renderDiff, type DiffMode } from './diff-view';
import { HttpError, VersionsApi, type Diff, type Version, type VersionText, type Workshop } from './versions-api';

const formats: [string, string][] = [['md', 'Markdown'], ['html', 'HTML'], ['docx', 'DOCX'], ['akn', 'Akoma Ntoso']];

export class VersionsPage {
  private workshops: Workshop[] = [];
  private versions: Version[] = [];
  private diff: Diff | undefined;
  private mode: DiffMode = 'inline';
  private reading: VersionText | undefined;

  constructor(
    private readonly api: VersionsApi,
    private readonly role: string,
  ) {}

  get isFacilitator(): boolean {
    return this.role === 'facilitator';
  }

  get canExport(): boolean {
    return this.role === 'facilitator' || this.role === 'clerk';
  }

  async start(): Promise<void> {
    byId('workshop-form').hidden = !this.isFacilitator;
    byId('version-form').hidden = !this.isFacilitator;
    byId('exports').hidden = !this.canExport;
    byId<HTMLFormElement>('workshop-form').addEventListener('submit', (e) => {
      e.preventDefault();
      void this.createWorkshop();
    });
    byId<HTMLFormElement>('version-form').addEventListener('submit', (e) => {
      e.preventDefault();
      void this.takeVersion();
    });
    byId<HTMLFormElement>('compare-form').addEventListener('submit', (e) => {
      e.preventDefault();
      void this.compare(byId<HTMLSelectElement>('compare-from').value, byId<HTMLSelectElement>('compare-to').value);
    });
    for (const radio of document.querySelectorAll<HTMLInputElement>('input[name="diff-mode"]')) {
      radio.addEventListener('change', () => {
        this.mode = radio.value === 'side' ? 'side' : 'inline';
        if (this.diff) renderDiff(byId('diff'), this.diff, this.mode);
      });
    }
    for (const id of ['export-version', 'export-annex']) byId(id).addEventListener('change', () => this.renderExports());
    onLangChange(() => this.renderAll());
    await this.refresh();
    if (this.versions.length > 1) await this.compare('', '');
  }

  private async refresh(): Promise<void> {
    [this.workshops, this.versions] = await Promise.all([this.api.workshops(), this.api.versions()]);
    this.renderAll();
  }

  private renderAll(): void {
    this.renderWorkshops();
    this.renderVersions();
    this.renderSelects();
    this.renderExports();
    if (this.diff) renderDiff(byId('diff'), this.diff, this.mode);
    if (this.reading) this.renderReading(this.reading);
  }

  private error(e: unknown): void {
    const el = byId('page-error');
    showRefusal(el, e, 'ver.error', 'message');
    el.hidden = false;
  }

  private renderWorkshops(): void {
    const body = byId('workshop-rows');
    body.replaceChildren();
    if (this.workshops.length === 0) body.append(h('tr', {}, setText(h('td', { colspan: 6, class: 'muted' }), 'ver.noWorkshop')));
    for (const w of this.workshops) {
      const actions = h('td', {});
      if (this.isFacilitator && w.state !== 'closed') {
        const verb = w.state === 'planned' ? 'open' : 'close';
        const button = h('button', { type: 'button', class: 'button small', 'aria-label': t(verb === 'open' ? 'ver.openLabel' : 'ver.closeLabel', { name: w.name }) },
          t(verb === 'open' ? 'ver.open' : 'ver.close'));
        button.addEventListener('click', () => void this.moveWorkshop(w, verb));
        actions.append(button);
      }
      body.append(h('tr', { 'data-workshop': w.id },
        h('th', { scope: 'row' }, w.name), h('td', {}, w.date), h('td', {}, w.place),
        h('td', {}, t(`ver.mode.${w.mode}` as 'ver.mode.hybrid')), h('td', {}, t(`ver.state.${w.state}` as 'ver.state.open')), actions));
    }
  }

  private versionName(v: Version): string {
    return `v${v.number} — ${v.label}`;
  }

  private renderVersions(): void {
    const body = byId('version-rows');
    body.replaceChildren();
    if (this.versions.length === 0) body.append(h('tr', {}, setText(h('td', { colspan: 5, class: 'muted' }), 'ver.noVersion')));
    for (const v of [...this.versions].reverse()) {
      const read = h('button', { type: 'button', class: 'button small', 'aria-label': t('ver.readLabel', { name: this.versionName(v) }) }, t('ver.read'));
      read.addEventListener('click', () => void this.read(v.id));
      const cells = h('td', { class: 'row-actions' }, read);
      if (v.defaultBaseId) {
        const cmp = h('button', { type: 'button', class: 'button small', 'aria-label': t('ver.compareLabel', { name: this.versionName(v) }) }, t('ver.compareDefault'));
        cmp.addEventListener('click', () => void this.compare(v.defaultBaseId!, v.id));
        cells.append(' ', cmp);
      }
      body.append(h('tr', { 'data-version': v.id },
        h('th', { scope: 'row' }, this.versionName(v)), h('td', {}, t(`ver.kind.${v.kind}` as 'ver.kind.named')),
        h('td', {}, formatDateTime(v.taken)), h('td', {}, v.takenBy ?? ''),
        h('td', {}, h('code', { title: v.sha256 }, v.sha256.slice(0, 12))), cells));
    }
  }

  private options(select: HTMLSelectElement, withCurrent: boolean): void {
    const value = select.value;
    select.replaceChildren();
    if (withCurrent) select.append(setText(h('option', { value: 'current' }), 'ver.current'));
    for (const v of [...this.versions].reverse()) select.append(h('option', { value: v.id }, this.versionName(v)));
    if ([...select.options].some((o) => o.value === value)) select.value = value;
  }

  private renderSelects(): void {
    this.options(byId<HTMLSelectElement>('compare-from'), true);
    this.options(byId<HTMLSelectElement>('compare-to'), true);
    this.options(byId<HTMLSelectElement>('export-version'), true);
    if (this.diff) {
      byId<HTMLSelectElement>('compare-from').value = this.diff.older?.id ?? 'current';
      byId<HTMLSelectElement>('compare-to').value = this.diff.newer?.id ?? 'current';
    }
  }

  private renderExports(): void {
    const version = byId<HTMLSelectElement>('export-version').value || 'current';
    const annex = byId<HTMLInputElement>('export-annex').checked;
    const list = byId('export-links');
    list.replaceChildren(...formats.map(([f, name]) =>
      h('li', {}, h('a', { class: 'button', href: this.api.exportUrl(f, version, annex, lang()), download: '', 'data-format': f }, t('ver.download', { format: name })))));
  }

  private async createWorkshop(): Promise<void> {
    const name = byId<HTMLInputElement>('workshop-name').value.trim();
    const date = byId<HTMLInputElement>('workshop-date').value;
    if (!name || !date) {
      byId('workshop-error').textContent = t('ver.workshopMissing');
      return;
    }
    byId('workshop-error').textContent = '';
    try {
      await this.api.createWorkshop({ name, date, place: byId<HTMLInputElement>('workshop-place').value.trim(), mode: byId<HTMLSelectElement>('workshop-mode').value });
      byId<HTMLFormElement>('workshop-form').reset();
      announce(t('ver.workshopCreated', { name }));
      await this.refresh();
    } catch (e) {
      this.error(e);
    }
  }

  private async moveWorkshop(w: Workshop, verb: 'open' | 'close'): Promise<void> {
    try {
      const result = await this.api.moveWorkshop(w.id, verb);
      announce(t(verb === 'open' ? 'ver.opened' : 'ver.closed', { name: w.name, version: this.versionName(result.version) }));
      await this.refresh();
    } catch (e) {
      this.error(e);
    }
  }

  private async takeVersion(): Promise<void> {
    const input = byId<HTMLInputElement>('version-label');
    const label = input.value.trim();
    if (!label) return;
    try {
      const v = await this.api.takeVersion(label);
      input.value = '';
      announce(t('ver.taken', { name: this.versionName(v) }));
      await this.refresh();
    } catch (e) {
      this.error(e);
    }
  }

  private async compare(from: string, to: string): Promise<void> {
    const host = byId('diff');
    host.setAttribute('aria-busy', 'true');
    try {
      this.diff = await this.api.diff(from, to);
      this.renderSelects();
      renderDiff(host, this.diff, this.mode);
      byId('compare-heading').textContent = t('ver.comparing', {
        older: this.diff.older ? this.versionName(this.diff.older) : t('ver.current'),
        newer: this.diff.newer ? this.versionName(this.diff.newer) : t('ver.current'),
      });
    } catch (e) {
      if (e instanceof HttpError && e.code === 'no-versions') host.replaceChildren(setText(h('p', { class: 'muted' }), 'ver.noVersion'));
      else this.error(e);
    } finally {
      host.removeAttribute('aria-busy');
    }
  }

  private async read(id: string): Promise<void> {
    try {
      this.reading = await this.api.read(id);
      this.renderReading(this.reading);
      byId('reader').focus();
    } catch (e) {
      this.error(e);
    }
  }

  private renderReading(text: VersionText): void {
    const host = byId('reader');
    host.hidden = false;
    const heading = text.version ? this.versionName(text.version) : t('ver.current');
    host.replaceChildren(
      h('h2', { class: 'section-heading' }, t('ver.readingHeading', { name: heading })),
      h('p', { class: 'readonly-note', role: 'note' }, t('ver.readOnly'), ' SHA-256 : ', h('code', {}, text.sha256)),
      h('h3', { class: 'reader-title' }, text.title),
      ...(text.preamble ? [h('p', { class: 'reader-body' }, text.preamble)] : []),
      ...text.clauses.map((c) => h('section', { class: 'clause', 'data-clause': c.id },
        h('h4', { class: 'clause-number' }, t('ver.article', { n: c.number }) + (c.heading ? ' — ' + c.heading : '')),
        h('p', { class: 'reader-body' }, c.body))),
    );
  }
}
