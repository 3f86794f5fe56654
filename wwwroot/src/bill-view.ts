// The articles on screen: one card per active clause, in computed order, with its heading and body
// editors and the actions (move, insert, split, merge, withdraw); withdrawn ones listed apart.
// Cards live as long as their clause is active: text edits never rebuild them, structural changes
// (order, state, new clauses) only move the cards that have to move, so nobody loses their caret.

import * as Y from 'yjs';
import type { Awareness } from 'y-protocols/awareness';
import { BillModel, type ClauseView } from './bill';
import { TextEditor } from './editor';
import { onLangChange, setText, t } from './i18n';
import { announce, h } from './dom';
import { confirmAction } from './dialog';
import { LanguageColumns } from './translation-view';

/** What the deliberation layer (clause-panel.ts) gets of each card: a place to attach to and its editors. */
export interface CardHandle {
  id: string;
  root: HTMLLIElement;
  article: HTMLElement;
  heading: TextEditor;
  body: TextEditor;
}

export interface CardHooks {
  created(card: CardHandle): void;
  removed(id: string): void;
}

interface Card {
  id: string;
  root: HTMLLIElement;
  title: HTMLHeadingElement;
  toolbar: HTMLElement;
  buttons: Record<'up' | 'down' | 'insert' | 'split' | 'merge' | 'withdraw', HTMLButtonElement>;
  heading: TextEditor;
  body: TextEditor;
  bodyTouched: boolean;
  number: number;
  article: HTMLElement;
  /** A bilingual bill's card: both languages side by side. */
  columns: LanguageColumns | undefined;
}

export class BillView {
  private readonly cards = new Map<string, Card>();
  private readonly list: HTMLOListElement;
  private readonly empty: HTMLParagraphElement;
  private readonly addButton: HTMLButtonElement;
  private readonly withdrawnBox: HTMLDetailsElement;
  private readonly withdrawnSummary: HTMLElement;
  private readonly withdrawnList: HTMLUListElement;
  private scheduled = false;
  private canEdit: boolean;
  private active: ClauseView[] = [];
  // Deliberation: locked clauses (id -> reason) are read-only; hooks decorate each card.
  private locked = new Map<string, string>();
  private hooks: CardHooks | undefined;

  constructor(
    private readonly root: HTMLElement,
    private readonly model: BillModel,
    private readonly awareness: Awareness,
    canEdit: boolean,
    private readonly readOnlyNoteId: string,
  ) {
    this.canEdit = canEdit;
    this.list = h('ol', { class: 'clauses', 'aria-labelledby': 'articles-heading', 'data-testid': 'clauses' });
    this.empty = h('p', { class: 'empty' });
    this.addButton = h('button', { type: 'button', class: 'button primary', 'data-testid': 'add-article' });
    this.addButton.addEventListener('click', () => this.addAfter(undefined));
    this.withdrawnSummary = h('summary', {});
    this.withdrawnList = h('ul', { class: 'withdrawn-list' });
    this.withdrawnBox = h('details', { class: 'withdrawn' }, this.withdrawnSummary, this.withdrawnList);
    root.replaceChildren(
      h('h2', { id: 'articles-heading', class: 'section-heading' }),
      this.empty,
      this.list,
      h('div', { class: 'add-row' }, this.addButton),
      this.withdrawnBox,
    );

    model.clauses.observeDeep((events) => {
      // Only the shape matters here: a clause added or removed, or a clause's order/state changed.
      if (events.some((e) => e.target === model.clauses || (e.target instanceof Y.Map && e.target.parent === model.clauses))) {
        this.schedule();
      }
    });
    // Declaring the bill bilingual changes every card's layout: rebuild them all.
    let languages = model.languages().join(',');
    model.settings.observe(() => {
      if (model.languages().join(',') === languages) return;
      languages = model.languages().join(',');
      for (const [id, card] of this.cards) this.removeCard(id, card);
      this.schedule();
    });
    onLangChange(() => this.render());
    this.render();
  }

  private removeCard(id: string, card: Card): void {
    this.hooks?.removed(id);
    card.heading.destroy();
    card.body.destroy();
    card.columns?.destroy();
    card.root.remove();
    this.cards.delete(id);
  }

  setCanEdit(canEdit: boolean): void {
    if (canEdit === this.canEdit) return;
    this.canEdit = canEdit;
    for (const card of this.cards.values()) this.applyReadOnly(card);
    this.render();
  }

  /** Deliberation: the clauses the facilitator locked (id -> reason) become read-only. */
  setLocked(locked: Map<string, string>): void {
    this.locked = locked;
    for (const card of this.cards.values()) this.applyReadOnly(card);
    this.render();
  }

  /** Deliberation: called for every card now and to come, and when a card goes. */
  setHooks(hooks: CardHooks): void {
    this.hooks = hooks;
    for (const card of this.cards.values()) hooks.created(card);
  }

  private applyReadOnly(card: Card): void {
    const readOnly = !this.canEdit || this.locked.has(card.id);
    card.heading.setReadOnly(readOnly);
    card.body.setReadOnly(readOnly);
    card.root.classList.toggle('locked', this.locked.has(card.id));
    card.columns?.setReadOnly(readOnly);
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    queueMicrotask(() => {
      this.scheduled = false;
      this.render();
    });
  }

  private render(): void {
    const focused = document.activeElement as HTMLElement | null;
    const { active, withdrawn } = this.model.list();
    this.active = active;

    (this.root.querySelector('#articles-heading') as HTMLElement).textContent = t('bill.articlesHeading');
    setText(this.empty, 'bill.noArticles');
    this.empty.hidden = active.length > 0;
    setText(this.addButton, 'bill.addArticle');
    this.addButton.hidden = !this.canEdit;

    const keep = new Set(active.map((c) => c.id));
    for (const [id, card] of this.cards) {
      if (!keep.has(id)) this.removeCard(id, card);
    }

    // Move only what is out of place: the focused card stays put unless it is the one moving.
    let cursor: ChildNode | null = this.list.firstChild;
    active.forEach((clause, index) => {
      const card = this.cards.get(clause.id) ?? this.createCard(clause);
      this.updateCard(card, clause, index, active.length);
      if (cursor === card.root) {
        cursor = cursor.nextSibling;
      } else {
        this.list.insertBefore(card.root, cursor);
      }
    });

    this.renderWithdrawn(withdrawn, active);

    if (focused && focused !== document.activeElement && document.contains(focused)) focused.focus();
  }

  private createCard(clause: ClauseView): Card {
    const titleId = `title-${clause.id}`;
    const title = h('h3', { id: titleId, class: 'clause-number' });
    const button = (cls: string) => h('button', { type: 'button', class: `button small ${cls}` });
    const buttons = {
      up: button('move-up'),
      down: button('move-down'),
      insert: button('insert-after'),
      split: button('split'),
      merge: button('merge'),
      withdraw: button('withdraw danger'),
    };
    const toolbar = h('div', { role: 'toolbar', class: 'clause-toolbar' }, ...Object.values(buttons));
    const headingHost = h('div', { class: 'clause-heading' });
    const bodyHost = h('div', { class: 'clause-body' });
    const describedBy = this.readOnlyNoteId;
    const languages = this.model.languages();
    const columns = languages.length > 1
      ? new LanguageColumns(clause, languages, this.awareness, [headingHost, bodyHost], this.canEdit && !this.locked.has(clause.id), describedBy)
      : undefined;
    const article = h('article', { 'aria-labelledby': titleId }, h('header', { class: 'clause-header' }, title, toolbar),
      ...(columns ? [columns.root] : [headingHost, bodyHost]));
    const root = h('li', { class: columns ? 'clause bilingual' : 'clause', 'data-clause-id': clause.id }, article);
    const card: Card = {
      id: clause.id,
      root,
      title,
      toolbar,
      buttons,
      heading: new TextEditor({
        ytext: clause.heading,
        awareness: this.awareness,
        parent: headingHost,
        label: '',
        singleLine: true,
        readOnly: !this.canEdit,
        placeholder: t('bill.headingPlaceholder'),
        describedBy,
        className: 'heading-editor',
      }),
      body: new TextEditor({
        ytext: clause.body,
        awareness: this.awareness,
        parent: bodyHost,
        label: '',
        markdown: true,
        readOnly: !this.canEdit,
        describedBy: `editor-help ${describedBy}`,
        className: 'body-editor',
      }),
      bodyTouched: false,
      number: 0,
      article,
      columns,
    };
    columns?.attachPrimary(card.heading, card.body);
    card.body.view.contentDOM.addEventListener('focus', () => (card.bodyTouched = true));
    buttons.up.addEventListener('click', () => this.move(card, -1));
    buttons.down.addEventListener('click', () => this.move(card, 1));
    buttons.insert.addEventListener('click', () => this.addAfter(card.id));
    buttons.split.addEventListener('click', () => this.split(card));
    buttons.merge.addEventListener('click', () => this.merge(card));
    buttons.withdraw.addEventListener('click', () => void this.withdraw(card));
    this.cards.set(clause.id, card);
    if (this.locked.has(clause.id)) this.applyReadOnly(card);
    this.hooks?.created(card);
    return card;
  }

  private updateCard(card: Card, clause: ClauseView, index: number, count: number): void {
    const n = clause.number ?? index + 1;
    card.number = n;
    card.root.dataset['number'] = String(n);
    setText(card.title, 'bill.article', { n });
    card.heading.setLabel(t('bill.headingLabel', { n }));
    card.body.setLabel(t('bill.bodyLabel', { n }));
    card.columns?.update(clause, n);
    card.toolbar.setAttribute('aria-label', t('bill.actionsLabel', { n }));
    card.toolbar.hidden = !this.canEdit;
    const b = card.buttons;
    const locked = this.locked.has(card.id);
    setButton(b.up, t('bill.moveUp'), t('bill.moveUpLabel', { n }), index === 0);
    setButton(b.down, t('bill.moveDown'), t('bill.moveDownLabel', { n }), index === count - 1);
    setButton(b.insert, t('bill.insertAfter'), t('bill.insertAfterLabel', { n }), false);
    setButton(b.split, t('bill.split'), t('bill.splitLabel', { n }), locked);
    setButton(b.merge, t('bill.merge'), t('bill.mergeLabel', { n, next: n + 1 }), index === count - 1 || locked);
    setButton(b.withdraw, t('bill.withdraw'), t('bill.withdrawLabel', { n }), locked);
  }

  private renderWithdrawn(withdrawn: ClauseView[], active: ClauseView[]): void {
    this.withdrawnBox.hidden = withdrawn.length === 0;
    setText(this.withdrawnSummary, 'bill.withdrawnHeading', { n: withdrawn.length });
    const numberOf = new Map(active.map((c) => [c.id, c.number]));
    this.withdrawnList.replaceChildren(
      ...withdrawn.map((c) => {
        const heading = c.heading.toString().trim() || t('bill.untitled');
        let reason = t('bill.withdrawn');
        if (c.mergedInto) {
          const n = numberOf.get(c.mergedInto);
          reason = n !== undefined ? t('bill.mergedInto', { n }) : t('bill.mergedIntoWithdrawn');
        }
        const restore =
          this.canEdit && !c.mergedInto
            ? h('button', { type: 'button', class: 'button small', 'aria-label': t('bill.restoreLabel', { heading }) }, t('bill.restore'))
            : null;
        restore?.addEventListener('click', () => {
          this.model.restore(c.id);
          announce(t('bill.announceRestored'));
        });
        const excerpt = c.body.toString().slice(0, 240);
        return h(
          'li',
          { class: 'withdrawn-item' },
          h('p', { class: 'withdrawn-title' }, h('strong', {}, heading), ' — ', h('span', { class: 'muted' }, reason)),
          excerpt ? h('p', { class: 'withdrawn-excerpt' }, excerpt) : null,
          restore,
        );
      }),
    );
  }

  // ---- actions ---------------------------------------------------------------------------------

  private addAfter(afterId: string | undefined): void {
    if (!this.canEdit) return;
    const id = this.model.add(afterId);
    this.render();
    const card = this.cards.get(id);
    if (card) {
      announce(t('bill.announceAdded', { n: card.number }));
      card.heading.focus();
    }
  }

  private move(card: Card, delta: -1 | 1): void {
    if (!this.canEdit || !this.model.move(card.id, delta)) return;
    this.render();
    announce(t('bill.announceMoved', { n: card.number }));
    // Keep the same button under the keyboard; at an end it is disabled, so use its sibling.
    const target = delta < 0 ? card.buttons.up : card.buttons.down;
    (target.disabled ? (delta < 0 ? card.buttons.down : card.buttons.up) : target).focus();
  }

  private split(card: Card): void {
    if (!this.canEdit) return;
    if (!card.bodyTouched) {
      announce(t('bill.splitHint'));
      card.body.focus();
      return;
    }
    const newId = this.model.split(card.id, card.body.cursor);
    this.render();
    const created = newId ? this.cards.get(newId) : undefined;
    if (created) {
      announce(t('bill.announceSplit', { n: created.number }));
      created.body.focus();
    }
  }

  private merge(card: Card): void {
    if (!this.canEdit) return;
    if (this.model.mergeWithNext(card.id)) {
      this.render();
      announce(t('bill.announceMerged'));
      card.body.focus();
    }
  }

  private async withdraw(card: Card): Promise<void> {
    if (!this.canEdit) return;
    const ok = await confirmAction({
      title: t('bill.withdrawTitle', { n: card.number }),
      message: t('bill.withdrawConfirm', { n: card.number }),
      submit: t('bill.withdraw'),
      danger: true,
    });
    if (!ok || !this.canEdit || !this.cards.has(card.id)) return;
    const index = this.active.findIndex((c) => c.id === card.id);
    this.model.withdraw(card.id);
    this.render();
    announce(t('bill.announceWithdrawn'));
    const next = this.active[Math.min(index, this.active.length - 1)];
    const nextCard = next ? this.cards.get(next.id) : undefined;
    if (nextCard) nextCard.body.focus();
    else this.addButton.focus();
  }
}

function setButton(button: HTMLButtonElement, text: string, label: string, disabled: boolean): void {
  button.textContent = text;
  button.setAttribute('aria-label', label);
  button.disabled = disabled;
}
