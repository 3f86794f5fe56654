// The deliberation of each article of the bill page, kept calm: under the text, one summary line (the
// consensus state, my stance, how many comments and amendments, markers given on an earlier text) and a
// disclosure button that opens the article's discussion: my stance, the matrix of the three groups, the
// comment threads (ranges highlighted in the editor, also while closed), the amendments as diffs. The
// facilitator's focus opens and scrolls to the focused article. Everything stays live.

import * as Y from 'yjs';
import type { BillModel, ClauseView } from './bill';
import type { BillView, CardHandle } from './bill-view';
import { computeMatrix, matrixTable, stateBadge } from './consensus';
import { coveredLanguages } from './bilingual';
import { clauseHash, stanceNames, type Deliberation, type StanceName } from './deliberation';
import { highlightRanges, renderThreadList, resolveRange, selectionAnchor, type ThreadContext } from './comments';
import { renderAmendmentItem, rerenderKeepingFocus } from './amendment-item';
import { announce, h } from './dom';
import { showRefusal } from './errors';
import { onLangChange, setText, t } from './i18n';

export interface Me {
  participantId: string;
  role: string;
}

const deliberating = new Set(['citizen', 'elected', 'civil-servant', 'facilitator']);

interface Panel {
  card: CardHandle;
  clause: ClauseView;
  summary: HTMLElement;
  toggle: HTMLButtonElement;
  section: HTMLElement;
  sectionHeading: HTMLElement;
  lockNote: HTMLElement;
  stanceBox: HTMLElement;
  matrixHost: HTMLElement;
  threads: HTMLUListElement;
  commentsHeading: HTMLElement;
  amendmentsHeading: HTMLElement;
  amendmentList: HTMLElement;
  feedback: HTMLElement;
  hash: string;
  open: boolean;
  stanceDraft: { stance: StanceName | null; reason: string };
  unobserve: () => void;
  timer: ReturnType<typeof setTimeout> | undefined;
}

/** True while the person is typing somewhere (an editor or a field): the page must not jump under them. */
function typing(): boolean {
  const a = document.activeElement as HTMLElement | null;
  return !!a && (a.isContentEditable || a.tagName === 'TEXTAREA' || a.tagName === 'INPUT' || a.tagName === 'SELECT');
}

export class ClausePanels {
  private readonly panels = new Map<string, Panel>();
  private focus: string | null = null;
  private lockKey = '';

  constructor(
    private readonly view: BillView,
    private readonly model: BillModel,
    private readonly doc: Y.Doc,
    private readonly deliberation: Deliberation,
    private readonly me: Me,
  ) {
    view.setHooks({ created: (card) => this.attach(card), removed: (id) => this.detach(id) });
    deliberation.onChange(() => this.refreshAll());
    onLangChange(() => this.refreshAll());
  }

  private get canDeliberate(): boolean {
    return deliberating.has(this.me.role);
  }

  private get canComment(): boolean {
    return this.canDeliberate || this.me.role === 'clerk';
  }

  private clauseOf(id: string): ClauseView | undefined {
    return this.model.list().active.find((c) => c.id === id);
  }

  /** Opens (or closes) an article's discussion; used by its button and by the facilitator's focus. */
  setOpen(id: string, open: boolean): void {
    const panel = this.panels.get(id);
    if (!panel || panel.open === open) return;
    panel.open = open;
    panel.section.hidden = !open;
    panel.card.root.classList.toggle('discussing', open);
    this.refresh(panel);
  }

  private attach(card: CardHandle): void {
    const clause = this.clauseOf(card.id);
    if (!clause || this.panels.has(card.id)) return;
    const id = card.id;
    const feedback = h('p', { class: 'delib-feedback', role: 'status', 'aria-live': 'polite' });
    const lockNote = h('p', { class: 'lock-note', role: 'note', id: `lock-${id}`, hidden: true });
    card.article.insertBefore(lockNote, card.article.children[1] ?? null);
    const panelId = `delib-${id}`;
    const headingId = `delib-heading-${id}`;
    const toggle = h('button', { type: 'button', class: 'button small delib-toggle', 'aria-expanded': 'false', 'aria-controls': panelId, 'data-testid': 'delib-toggle' });
    toggle.addEventListener('click', () => this.setOpen(id, !this.panels.get(id)?.open));
    const summary = h('div', { class: 'delib-summary', 'data-testid': 'delib-summary' });
    const sectionHeading = h('h4', { id: headingId, class: 'delib-heading' });
    const stanceBox = h('div', { class: 'stance-box' });
    // Scrolls sideways on a narrow screen: focusable and named, so a keyboard can scroll it too.
    const matrixHost = h('div', { class: 'matrix-host table-scroll', role: 'region', tabindex: 0 });
    const threads = h('ul', { class: 'threads', 'data-testid': 'threads' });
    const commentsHeading = h('h5', { class: 'delib-sub', 'data-testid': 'comments-summary' });
    const amendmentsHeading = h('h5', { class: 'delib-sub' });
    const amendmentList = h('div', { class: 'amendment-list' });
    const section = h('section', { class: 'deliberation', id: panelId, 'aria-labelledby': headingId, 'data-testid': 'deliberation', hidden: true },
      sectionHeading,
      matrixHost,
      h('div', { class: 'delib-columns' },
        h('div', { class: 'delib-col' }, stanceBox),
        h('div', { class: 'delib-col' }, commentsHeading, threads, this.canComment ? this.commentForm(id, card, feedback) : null)),
      h('div', { class: 'delib-amendments' }, amendmentsHeading, amendmentList, this.canDeliberate ? this.amendmentForm(id, feedback) : null),
      feedback);
    card.article.append(h('div', { class: 'delib-bar' }, summary, toggle), section);
    const panel: Panel = {
      card, clause, summary, toggle, section, sectionHeading, lockNote, stanceBox, matrixHost, threads, commentsHeading,
      amendmentsHeading, amendmentList, feedback,
      hash: clauseHash(clause),
      open: false,
      stanceDraft: { stance: null, reason: '' },
      unobserve: () => undefined,
      timer: undefined,
    };
    // Text changes: the hash (stale markers) and the ranges move; recomputed a little after typing stops.
    const onText = () => {
      if (panel.timer) clearTimeout(panel.timer);
      panel.timer = setTimeout(() => {
        panel.timer = undefined;
        panel.hash = clauseHash(clause);
        this.refresh(panel);
      }, 120);
    };
    // A bilingual clause's texts in both languages count (its hash covers both).
    const texts = [clause.heading, clause.body, ...[...clause.translations.values()].flatMap((t) => [t.heading, t.body])];
    for (const text of texts) text.observe(onText);
    panel.unobserve = () => {
      for (const text of texts) text.unobserve(onText);
    };
    this.panels.set(id, panel);
    if (this.deliberation.session.focusClauseId === id) {
      panel.open = true;
      section.hidden = false;
      card.root.classList.add('discussing');
    }
    this.refresh(panel);
  }

  private detach(id: string): void {
    const panel = this.panels.get(id);
    if (!panel) return;
    panel.unobserve();
    if (panel.timer) clearTimeout(panel.timer);
    this.panels.delete(id);
  }

  private refreshAll(): void {
    const session = this.deliberation.session;
    const lockKey = session.locks.map((l) => l.clauseId + ':' + l.reason).join('|');
    if (lockKey !== this.lockKey) {
      this.lockKey = lockKey;
      this.view.setLocked(new Map(session.locks.map((l) => [l.clauseId, l.reason])));
    }
    for (const panel of this.panels.values()) this.refresh(panel);
    if (session.focusClauseId !== this.focus) {
      this.focus = session.focusClauseId;
      const target = this.focus ? this.panels.get(this.focus) : undefined;
      if (target) {
        this.setOpen(target.card.id, true);
        // Bring the article into view, unless the person is typing: the page never jumps under a caret.
        if (!typing()) target.card.root.scrollIntoView({ behavior: 'smooth', block: 'start' });
        announce(t('focus.announce', { n: target.card.root.dataset['number'] ?? '' }));
      }
    }
  }

  private refresh(panel: Panel): void {
    const id = panel.card.id;
    const n = panel.card.root.dataset['number'] ?? '';
    const d = this.deliberation;
    const session = d.session;

    const lock = d.lockOf(id);
    panel.lockNote.hidden = !lock;
    panel.lockNote.textContent = lock ? t('lock.note', { name: lock.lockedBy, reason: lock.reason }) : '';
    const focused = session.focusClauseId === id;
    panel.card.root.classList.toggle('focused', focused);
    if (focused) panel.card.root.setAttribute('aria-current', 'true');
    else panel.card.root.removeAttribute('aria-current');

    const markers = d.stancesOn(id);
    const matrix = computeMatrix(markers, panel.hash, session.rule);
    const count = d.commentCount(id);
    const openAmendments = d.amendmentsFor(id).filter((a) => a.status === 'open').length;
    const round = session.round?.clauseId === id;
    const mine = this.canDeliberate ? d.myStance(id, this.me.participantId) : undefined;
    const mineStale = !!mine && mine.textHash !== panel.hash;
    const summaryLabel = t('delib.summaryLabel', { n });
    panel.summary.setAttribute('role', 'group');
    panel.summary.setAttribute('aria-label', summaryLabel);
    panel.summary.replaceChildren(...[
      stateBadge(matrix.state, { 'data-testid': 'clause-state' }),
      this.canDeliberate
        ? h('span', { class: `my-stance${mineStale ? ' stale' : ''}`, 'data-testid': 'my-stance', 'data-stance': mine?.stance ?? '' },
            mine ? t(mineStale ? 'delib.myStanceStale' : 'delib.myStance', { stance: t(`stance.${mine.stance}` as never) }) : t('delib.myStanceNone'))
        : null,
      h('span', { class: 'comment-count', 'data-testid': 'comment-count', 'data-count': String(count) }, t(count === 1 ? 'comments.count.one' : 'comments.count.many', { n: count })),
      h('span', { class: 'amendment-count', 'data-testid': 'amendment-count', 'data-count': String(openAmendments) },
        t(openAmendments === 1 ? 'amend.count.one' : 'amend.count.many', { n: openAmendments })),
      matrix.stale.length ? h('span', { class: 'stale-count', 'data-testid': 'stale-count' }, t('consensus.staleCount', { n: matrix.stale.length })) : null,
      focused ? setText(h('span', { class: 'focus-tag' }), 'focus.tag') : null,
      round ? setText(h('span', { class: 'round-tag', 'data-testid': 'round-open' }), 'round.openTag') : null,
    ].filter((x): x is HTMLElement => x !== null));
    panel.toggle.textContent = panel.open ? t('delib.close') : t('delib.open');
    panel.toggle.setAttribute('aria-label', t(panel.open ? 'delib.closeLabel' : 'delib.openLabel', { n }));
    panel.toggle.setAttribute('aria-expanded', panel.open ? 'true' : 'false');

    // Commented ranges stay highlighted in the text even while the discussion is closed.
    this.highlight(panel);
    if (!panel.open) return;
    setText(panel.sectionHeading, 'delib.sectionLabel', { n });
    panel.matrixHost.setAttribute('aria-label', t('consensus.caption', { n }));
    panel.matrixHost.replaceChildren(matrixTable(matrix, t('consensus.caption', { n })));
    this.renderStance(panel, n);
    this.renderThreads(panel);
    this.renderAmendments(panel, n);
  }

  // ---- my stance

  private renderStance(panel: Panel, n: string): void {
    const id = panel.card.id;
    if (!this.canDeliberate) {
      panel.stanceBox.replaceChildren();
      return;
    }
    const mine = this.deliberation.myStance(id, this.me.participantId);
    const draft = panel.stanceDraft;
    const chosen = draft.stance ?? mine?.stance ?? null;
    const active = document.activeElement;
    if (active && panel.stanceBox.contains(active) && (active as HTMLElement).tagName === 'TEXTAREA') return; // typing a reason
    const name = `stance-${id}`;
    const radios = stanceNames.map((s) => {
      const inputId = `${name}-${s}`;
      const input = h('input', { type: 'radio', name, id: inputId, value: s, checked: chosen === s });
      input.addEventListener('change', () => {
        draft.stance = s;
        this.renderStance(panel, n);
        // The choices are redrawn: keep the keyboard on the one just chosen, so arrow keys go on working.
        document.getElementById(inputId)?.focus();
      });
      return h('span', { class: 'stance-choice' }, input, h('label', { for: inputId }, t(`stance.${s}` as never)));
    });
    const reasonId = `${name}-reason`;
    const needsReason = chosen === 'reservations' || chosen === 'block';
    const reason = h('textarea', { id: reasonId, rows: 2, 'aria-required': needsReason ? 'true' : 'false' });
    reason.value = draft.reason || mine?.reason || '';
    reason.addEventListener('input', () => (draft.reason = reason.value));
    const save = h('button', { type: 'submit', class: 'button small primary' }, mine ? t('stance.change') : t('stance.save'));
    const form = h('form', { class: 'stance-form' },
      h('fieldset', {}, h('legend', {}, t('stance.legend', { n })), h('div', { class: 'stance-choices' }, ...radios)),
      h('label', { for: reasonId, class: 'reason-label' }, needsReason ? t('stance.reasonRequired') : t('stance.reasonOptional')),
      reason,
      h('div', { class: 'stance-actions' }, save));
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const stance = draft.stance ?? mine?.stance;
      if (!stance) {
        setText(panel.feedback, 'stance.choose');
        return;
      }
      const text = reason.value.trim();
      if ((stance === 'reservations' || stance === 'block') && !text) {
        setText(panel.feedback, 'stance.reasonMissing');
        reason.focus();
        return;
      }
      save.disabled = true;
      this.deliberation
        .setStance(id, stance, text || null)
        .then(() => {
          panel.stanceDraft = { stance: null, reason: '' };
          setText(panel.feedback, 'stance.saved');
        })
        .catch((err) => showRefusal(panel.feedback, err, 'delib.refused'))
        .finally(() => (save.disabled = false));
    });
    const actions = form.querySelector('.stance-actions')!;
    if (mine) {
      const withdraw = setText(h('button', { type: 'button', class: 'button small' }), 'stance.withdraw');
      withdraw.addEventListener('click', () => {
        panel.stanceDraft = { stance: null, reason: '' };
        this.deliberation
          .withdrawStance(id, this.me.participantId)
          .then(() => (setText(panel.feedback, 'stance.withdrawn')))
          .catch((err) => showRefusal(panel.feedback, err, 'delib.refused'));
      });
      actions.append(withdraw);
    }
    const stale = mine && mine.textHash !== panel.hash;
    const staleNote = stale
      ? h('div', { class: 'stale-note', role: 'note', 'data-testid': 'stale-note' },
          h('p', {}, t('stance.stale', { stance: t(`stance.${mine.stance}` as never) })),
          (() => {
            const b = setText(h('button', { type: 'button', class: 'button small' }), 'stance.confirm');
            b.addEventListener('click', () =>
              this.deliberation
                .setStance(id, mine.stance, mine.reason)
                .then(() => (setText(panel.feedback, 'stance.confirmed')))
                .catch((err) => showRefusal(panel.feedback, err, 'delib.refused')));
            return b;
          })())
      : null;
    const covers = coveredLanguages(this.doc);
    const coversNote = covers ? h('p', { class: 'small', 'data-testid': 'stance-covers' }, t('bilingual.stanceCovers', { languages: covers })) : null;
    panel.stanceBox.replaceChildren(...(staleNote ? [staleNote] : []), ...(coversNote ? [coversNote] : []), form);
  }

  // ---- comments

  private threadContext(panel: Panel): ThreadContext {
    const clause = panel.clause;
    return {
      deliberation: this.deliberation,
      me: this.me,
      canComment: this.canComment,
      rangeOf: (c) => resolveRange(this.doc, c.field === 'heading' ? clause.heading : clause.body, c),
      returnFocus: () => panel.threads.querySelector<HTMLElement>('button, textarea') ?? panel.toggle,
      quoteOf: (c, r) => (c.field === 'heading' ? clause.heading : clause.body).toString().slice(r.from, r.to),
    };
  }

  private highlight(panel: Panel): void {
    const ctx = this.threadContext(panel);
    const ranges: { from: number; to: number; id: string }[] = [];
    for (const c of this.deliberation.threads(panel.card.id)) {
      if (c.field !== 'body' || c.resolved || c.hidden || c.deleted) continue;
      const r = ctx.rangeOf?.(c) ?? null;
      if (r && !r.deleted) ranges.push({ from: r.from, to: r.to, id: c.id });
    }
    highlightRanges(panel.card.body, ranges);
  }

  private renderThreads(panel: Panel): void {
    // The article's own threads: those on its amendments are shown with each amendment.
    setText(panel.commentsHeading, 'comments.heading', { n: this.deliberation.commentCount(panel.card.id) });
    renderThreadList(panel.threads, this.deliberation.threads(panel.card.id), this.threadContext(panel), panel.feedback);
  }

  private commentForm(id: string, card: CardHandle, feedback: HTMLElement): HTMLElement {
    const areaId = `comment-${id}`;
    const area = h('textarea', { id: areaId, rows: 2, class: 'comment-text' });
    const onClause = setText(h('button', { type: 'submit', class: 'button small' }), 'comments.add');
    const onSelection = setText(h('button', { type: 'button', class: 'button small' }), 'comments.addOnSelection');
    const label = setText(h('label', { for: areaId }), 'comments.newLabel');
    const form = h('form', { class: 'comment-form' }, label, area, h('div', { class: 'comment-form-actions' }, onClause, onSelection));
    onLangChange(() => {
      setText(label, 'comments.newLabel');
      setText(onClause, 'comments.add');
      setText(onSelection, 'comments.addOnSelection');
    });
    // The selection is read when the pointer goes down on the button, before the editor loses it.
    let anchor: ReturnType<typeof selectionAnchor> = null;
    const clause = () => this.clauseOf(id);
    const remember = () => {
      const c = clause();
      anchor = c ? selectionAnchor(card.body, c.body) : null;
    };
    onSelection.addEventListener('pointerdown', remember);
    onSelection.addEventListener('keydown', remember);
    const send = (withRange: boolean) => {
      const body = area.value.trim();
      if (!body) {
        setText(feedback, 'comments.empty');
        area.focus();
        return;
      }
      if (withRange && !anchor) remember();
      if (withRange && !anchor) {
        setText(feedback, 'comments.noSelection');
        return;
      }
      const range = withRange ? anchor : null;
      this.deliberation
        .addComment({ clauseId: id, body, ...(range ? { field: 'body', anchorStart: range.start, anchorEnd: range.end } : {}) })
        .then(() => {
          area.value = '';
          anchor = null;
          setText(feedback, 'comments.added');
        })
        .catch((err) => showRefusal(feedback, err, 'delib.refused'));
    };
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      send(false);
    });
    onSelection.addEventListener('click', () => send(true));
    return form;
  }

  // ---- amendments

  private renderAmendments(panel: Panel, n: string): void {
    const list = this.deliberation.amendmentsFor(panel.card.id);
    const open = list.filter((a) => a.status === 'open').length;
    setText(panel.amendmentsHeading, 'amend.heading', { n: open });
    const base = { heading: panel.clause.heading.toString(), body: panel.clause.body.toString() };
    rerenderKeepingFocus(panel.amendmentList, () => panel.amendmentList.replaceChildren(...list.map((a) => renderAmendmentItem(a, {
      deliberation: this.deliberation,
      me: this.me,
      canDeliberate: this.canDeliberate,
      canComment: this.canComment,
      feedback: panel.feedback,
      base,
      adoptMessage: t('amend.adoptConfirm', { n }),
      returnFocus: () => panel.amendmentList.querySelector<HTMLElement>('button') ?? panel.toggle,
    }))));
  }

  private amendmentForm(id: string, feedback: HTMLElement): HTMLElement {
    const headingId = `amend-heading-${id}`;
    const bodyId = `amend-body-${id}`;
    const whyId = `amend-why-${id}`;
    const headingInput = h('input', { type: 'text', id: headingId });
    const bodyArea = h('textarea', { id: bodyId, rows: 4 });
    const why = h('textarea', { id: whyId, rows: 2 });
    // Built once (what is typed stays): marked so a language change rewrites the labels.
    const submit = setText(h('button', { type: 'submit', class: 'button small' }), 'amend.propose');
    const details = h('details', { class: 'amend-form' },
      setText(h('summary', {}), 'amend.new'),
      h('form', {},
        setText(h('label', { for: headingId }), 'amend.headingLabel'), headingInput,
        setText(h('label', { for: bodyId }), 'amend.bodyLabel'), bodyArea,
        setText(h('label', { for: whyId }), 'amend.whyLabel'), why,
        submit));
    // Filled from the article's text as the form opens: on the summary's click (keyboard too), which runs
    // before the details opens. The 'toggle' event comes later, as a separate task, and could overwrite
    // or prepend to what the person has already started typing.
    details.querySelector('summary')!.addEventListener('click', () => {
      const c = this.clauseOf(id);
      if (!details.open && c && !bodyArea.value) {
        headingInput.value = c.heading.toString();
        bodyArea.value = c.body.toString();
      }
    });
    details.querySelector('form')!.addEventListener('submit', (e) => {
      e.preventDefault();
      this.deliberation
        .propose({ clauseId: id, heading: headingInput.value, body: bodyArea.value, rationale: why.value })
        .then(() => {
          bodyArea.value = '';
          why.value = '';
          details.open = false;
          setText(feedback, 'amend.proposed');
        })
        .catch((err) => showRefusal(feedback, err, 'delib.refused'));
    });
    return details;
  }
}
