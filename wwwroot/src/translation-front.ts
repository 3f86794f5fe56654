// A bilingual bill's title and preamble in its second language (root texts `title.en`, `preamble.en`), edited live
// under the primary ones. Created once the document says the bill is bilingual, which may arrive with the first sync.

import type { Awareness } from 'y-protocols/awareness';
import type { BillModel } from './bill';
import { languageName } from './bilingual';
import { TextEditor } from './editor';
import { onLangChange, t } from './i18n';
import { h } from './dom';

export class SecondLanguageFront {
  private title: TextEditor | undefined;
  private preamble: TextEditor | undefined;
  private language: string | undefined;
  private readOnly: boolean;

  constructor(
    private readonly model: BillModel,
    private readonly awareness: Awareness,
    private readonly titleHost: HTMLElement,
    private readonly preambleHost: HTMLElement,
    canEdit: boolean,
  ) {
    this.readOnly = !canEdit;
    model.settings.observe(() => this.mount());
    onLangChange(() => this.label());
    this.mount();
  }

  setReadOnly(readOnly: boolean): void {
    this.readOnly = readOnly;
    this.title?.setReadOnly(readOnly);
    this.preamble?.setReadOnly(readOnly);
  }

  private mount(): void {
    const languages = this.model.languages();
    const second = languages[1];
    if (this.language || !second) return;
    this.language = second;
    const doc = this.model.doc;
    const titleHost = h('div', { class: 'second-language', lang: second, 'data-testid': `title-${second}` });
    const preambleHost = h('div', { class: 'second-language', lang: second, 'data-testid': `preamble-${second}` });
    this.titleHost.after(titleHost);
    this.preambleHost.after(preambleHost);
    this.title = new TextEditor({
      ytext: doc.getText(`title.${second}`), awareness: this.awareness, parent: titleHost, label: '', singleLine: true,
      readOnly: this.readOnly, describedBy: 'readonly-note', className: 'title-editor',
    });
    this.preamble = new TextEditor({
      ytext: doc.getText(`preamble.${second}`), awareness: this.awareness, parent: preambleHost, label: '', markdown: true,
      readOnly: this.readOnly, describedBy: 'editor-help readonly-note', className: 'preamble-editor',
    });
    this.label();
  }

  private label(): void {
    if (!this.language) return;
    const language = languageName(this.language);
    this.title?.setLabel(`${t('bill.titleLabel')} (${language})`);
    this.preamble?.setLabel(`${t('bill.preambleLabel')} (${language})`);
  }
}
