// A bilingual bill's article on screen: its two language texts side by side, each with live editors, and under a
// text that is "to review" the word diff of what changed in the other language since a translator last confirmed
// them aligned, with the button that confirms. The flags come from the Y.Doc (bilingual.ts), so everyone sees the
// same ones, and update as people type.

import type { Awareness } from 'y-protocols/awareness';
import type { ClauseView } from './bill';
import { confirmAligned, languageName, reviewOf } from './bilingual';
import { TextEditor } from './editor';
import { renderDiff } from './amendments';
import { setText, t } from './i18n';
import { announce, h } from './dom';

interface Column {
  language: string;
  root: HTMLElement;
  title: HTMLElement;
  heading: TextEditor | undefined;
  body: TextEditor | undefined;
  /** False for the primary column, whose editors belong to the card. */
  own: boolean;
  flag: HTMLElement;
}

export class LanguageColumns {
  readonly root: HTMLElement;
  private readonly columns: Column[];
  private number = 0;
  private canEdit: boolean;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly shown = new Map<string, string>();
  private readonly onChange = () => this.schedule();

  /**
   * `primaryHosts` hold the card's own heading and body editors (the primary language's); the other
   * language's editors are created here, on the clause's second texts.
   */
  constructor(
    private clause: ClauseView,
    private readonly languages: string[],
    awareness: Awareness,
    primaryHosts: HTMLElement[],
    canEdit: boolean,
    describedBy: string,
  ) {
    this.canEdit = canEdit;
    this.columns = languages.map((language, i) => {
      const title = h('h4', { class: 'lang-title', lang: language });
      const flag = h('div', { class: 'review-flag', 'data-testid': 'review-flag', 'data-lang': language, role: 'group', hidden: true });
      const root = h('div', { class: 'lang-column', 'data-lang': language, 'data-testid': `lang-${language}` }, title);
      if (i === 0) {
        root.append(...primaryHosts, flag);
        return { language, root, title, heading: undefined, body: undefined, own: false, flag };
      }
      const texts = clause.translations.get(language);
      const headingHost = h('div', { class: 'clause-heading', lang: language });
      const bodyHost = h('div', { class: 'clause-body', lang: language });
      root.append(headingHost, bodyHost, flag);
      return {
        language, root, title, flag, own: true,
        heading: texts && new TextEditor({
          ytext: texts.heading, awareness, parent: headingHost, label: '', singleLine: true, readOnly: !canEdit, describedBy, className: 'heading-editor',
          placeholder: t('bill.headingPlaceholder'),
        }),
        body: texts && new TextEditor({
          ytext: texts.body, awareness, parent: bodyHost, label: '', markdown: true, readOnly: !canEdit, describedBy: `editor-help ${describedBy}`, className: 'body-editor',
        }),
      };
    });
    this.root = h('div', { class: 'lang-columns', role: 'group' }, ...this.columns.map((c) => c.root));
    clause.map.observeDeep(this.onChange);
    this.render();
  }

  /** The card's own editors, on the primary language's texts: labelled with their language here. */
  attachPrimary(heading: TextEditor, body: TextEditor): void {
    const primary = this.columns[0]!;
    primary.heading = heading;
    primary.body = body;
    this.render();
  }

  /** The card's clause view may be a new object after a re-render: keep reading the latest. */
  update(clause: ClauseView, n: number): void {
    this.clause = clause;
    this.number = n;
    this.render();
  }

  setReadOnly(readOnly: boolean): void {
    this.canEdit = !readOnly;
    for (const c of this.columns.filter((c) => c.own)) {
      c.heading?.setReadOnly(readOnly);
      c.body?.setReadOnly(readOnly);
    }
    this.render();
  }

  destroy(): void {
    this.clause.map.unobserveDeep(this.onChange);
    if (this.timer) clearTimeout(this.timer);
    for (const c of this.columns.filter((c) => c.own)) {
      c.heading?.destroy();
      c.body?.destroy();
    }
  }

  private schedule(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.render();
    }, 100);
  }

  private render(): void {
    const n = this.number;
    this.root.setAttribute('aria-label', t('bilingual.columnsLabel', { n }));
    const reviews = reviewOf(this.clause, this.languages);
    for (const c of this.columns) {
      const language = languageName(c.language);
      c.title.textContent = language;
      c.heading?.setLabel(t('bilingual.headingLabel', { n, language }));
      c.body?.setLabel(t('bilingual.bodyLabel', { n, language }));
      const review = reviews.find((r) => r.language === c.language);
      this.renderFlag(c, review?.toReview ? review : undefined);
    }
  }

  private renderFlag(c: Column, review: ReturnType<typeof reviewOf>[number] | undefined): void {
    // Rebuilt only when what it shows changes: typing elsewhere must not take the focus off its button.
    const key = JSON.stringify([review ?? null, this.canEdit, this.number, t('bilingual.toReview')]);
    if (this.shown.get(c.language) === key) return;
    this.shown.set(c.language, key);
    c.root.classList.toggle('to-review', !!review);
    if (!review || !review.was || !review.now || !review.against) {
      c.flag.hidden = true;
      c.flag.replaceChildren();
      return;
    }
    const n = this.number;
    c.flag.hidden = false;
    c.flag.setAttribute('aria-label', t('bilingual.reviewLabel', { n, language: languageName(c.language) }));
    const parts: HTMLElement[] = [
      h('p', {}, h('strong', { class: 'state-badge review-badge' }, t('bilingual.toReview')), ' ', t('bilingual.changed', { language: languageName(review.against) })),
    ];
    if (review.was.heading !== review.now.heading) {
      parts.push(h('p', { class: 'review-field' }, t('bilingual.headingChanged')), withLang(renderDiff(review.was.heading, review.now.heading), review.against));
    }
    if (review.was.body !== review.now.body) {
      parts.push(h('p', { class: 'review-field' }, t('bilingual.bodyChanged')), withLang(renderDiff(review.was.body, review.now.body), review.against));
    }
    if (this.canEdit) {
      const button = h('button', { type: 'button', class: 'button small', 'data-testid': 'confirm-translation', 'aria-label': t('bilingual.confirmLabel', { n }) });
      setText(button, 'bilingual.confirm');
      button.addEventListener('click', () => {
        confirmAligned(this.clause, this.languages);
        announce(t('bilingual.confirmed', { n }));
      });
      parts.push(h('p', {}, button));
    }
    c.flag.replaceChildren(...parts);
  }
}

function withLang(el: HTMLElement, language: string): HTMLElement {
  el.setAttribute('lang', language);
  el.removeAttribute('data-testid');
  el.classList.add('review-diff');
  return el;
}
