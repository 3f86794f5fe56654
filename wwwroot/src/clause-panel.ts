// The deliberation beside each article of the bill page: its consensus state and matrix, my stance (with
// the "given on an earlier text" notice and a confirm button), the comment threads (with ranges
// highlighted in the editor), the amendments as diffs, the lock and the facilitator's focus.

import * as Y from 'yjs';
import type { BillModel, ClauseView } from './bill';
import type { BillView, CardHandle } from './bill-view';
import { computeMatrix, matrixTable, stateBadge } from './consensus';
import { clauseTextHash, refusal, stanceNames, type AmendmentView, type Deliberation, type StanceName } from './deliberation';
import { highlightRanges, renderThread, resolveRange, selectionAnchor, type ThreadContext } from './comments';
import { renderDiff } from './amendments';
import { announce, h } from './dom';
import { onLangChange, t } from './i18n';

export interface Me {
  participantId: string;
  role: string;
}

const deliberating = new Set(['citizen', 'elected', 'civil-servant', 'facilitator']);

interface Panel {
  card: CardHandle;
  clause: ClauseView;
  section: HTMLElement;
  lockNote: HTMLElement;
  status: HTMLElement;
  stanceBox: HTMLElement;
  matrixHost: HTMLElement;
  threads: HTMLUListElement;
  commentsSummary: HTMLElement;
  amendmentsSummary: HTMLElement;
  amendmentList: HTMLElement;
  feedback: HTMLElement;
  hash: string;
  stanceDraft: { stance: StanceName | null; reason: string };
  unobserve: () => void;
  timer: ReturnType<typeof setTimeout> | undefined;
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

  private attach(card: CardHandle): void {
    const clause = this.clauseOf(card.id);
    if (!clause || this.panels.has(card.id)) return;
    const id = card.id;
    const feedback = h('p', { class: 'delib-feedback', role: 'status', 'aria-live': 'polite' });
    const lockNote = h('p', { class: 'lock-note', role: 'note', id: `lock-${id}`, hidden: true });
    card.article.insertBefore(lockNote, card.article.children[1] ?? null);
    const status = h('div', { class: 'delib-status' });
    const stanceBox = h('div', { class: 'stance-box' });
    const matrixHost = h('div', { class: 'matrix-host' });
    const threads = h('ul', { class: 'threads', 'data-testid': 'threads' });
    const commentsSummary = h('summary', { 'data-testid': 'comments-summary' });
    const amendmentsSummary = h('summary', {});
    const amendmentList = h('div', { class: 'amendment-list' });
    const section = h('section', { class: 'deliberation', 'data-testid': 'deliberation' },
      status, stanceBox, matrixHost,
      h('details', { class: 'comments', open: true }, commentsSummary, threads, this.canComment ? this.commentForm(id, card, feedback) : null),
      h('details', { class: 'amendments' }, amendmentsSummary, amendmentList, this.canDeliberate ? this.amendmentForm(id, feedback) : null),
      feedback);
    card.article.append(section);
    const panel: Panel = {
      card, clause, section, lockNote, status, stanceBox, matrixHost, threads, commentsSummary, amendmentsSummary, amendmentList, feedback,
      hash: clauseTextHash(clause.heading.toString(), clause.body.toString()),
      stanceDraft: { stance: null, reason: '' },
      unobserve: () => undefined,
      timer: undefined,
    };
    // Text changes: the hash (stale markers) and the ranges move; recomputed a little after typing stops.
    const onText = () => {
      if (panel.timer) clearTimeout(panel.timer);
      panel.timer = setTimeout(() => {
        panel.timer = undefined;
        panel.hash = clauseTextHash(clause.heading.toString(), clause.body.toString());
        this.refresh(panel);
      }, 120);
    };
    clause.heading.observe(onText);
    clause.body.observe(onText);
    panel.unobserve = () => {
      clause.heading.unobserve(onText);
      clause.body.unobserve(onText);
    };
    this.panels.set(id, panel);
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
        target.card.root.scrollIntoView({ behavior: 'smooth', block: 'start' });
        announce(t('focus.announce', { n: target.card.root.dataset['number'] ?? '' }));
      }
    }
  }

  private refresh(panel: Panel): void {
    const id = panel.card.id;
    const n = panel.card.root.dataset['number'] ?? '';
    const d = this.deliberation;
    const session = d.session;
    panel.section.setAttribute('aria-label', t('delib.sectionLabel', { n }));

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
    const round = session.round?.clauseId === id;
    panel.status.replaceChildren(...[
      stateBadge(matrix.state, { 'data-testid': 'clause-state' }),
      h('span', { class: 'comment-count', 'data-testid': 'comment-count', 'data-count': String(count) }, t(count === 1 ? 'comments.count.one' : 'comments.count.many', { n: count })),
      focused ? h('span', { class: 'focus-tag' }, t('focus.tag')) : null,
      round ? h('span', { class: 'round-tag', 'data-testid': 'round-open' }, t('round.openTag')) : null,
      matrix.stale.length ? h('span', { class: 'stale-count' }, t('consensus.staleCount', { n: matrix.stale.length })) : null,
    ].filter((x): x is HTMLElement => x !== null));
    panel.matrixHost.replaceChildren(matrixTable(matrix, t('consensus.caption', { n })));
    this.renderStance(panel, n);
    this.renderThreads(panel, n);
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
        panel.feedback.textContent = t('stance.choose');
        return;
      }
      const text = reason.value.trim();
      if ((stance === 'reservations' || stance === 'block') && !text) {
        panel.feedback.textContent = t('stance.reasonMissing');
        reason.focus();
        return;
      }
      save.disabled = true;
      this.deliberation
        .setStance(id, stance, text || null)
        .then(() => {
          panel.stanceDraft = { stance: null, reason: '' };
          panel.feedback.textContent = t('stance.saved');
        })
        .catch((err) => (panel.feedback.textContent = t('delib.refused', { reason: refusal(err) })))
        .finally(() => (save.disabled = false));
    });
    const actions = form.querySelector('.stance-actions')!;
    if (mine) {
      const withdraw = h('button', { type: 'button', class: 'button small' }, t('stance.withdraw'));
      withdraw.addEventListener('click', () => {
        panel.stanceDraft = { stance: null, reason: '' };
        this.deliberation
          .withdrawStance(id, this.me.participantId)
          .then(() => (panel.feedback.textContent = t('stance.withdrawn')))
          .catch((err) => (panel.feedback.textContent = t('delib.refused', { reason: refusal(err) })));
      });
      actions.append(withdraw);
    }
    const stale = mine && mine.textHash !== panel.hash;
    const staleNote = stale
      ? h('div', { class: 'stale-note', role: 'note', 'data-testid': 'stale-note' },
          h('p', {}, t('stance.stale', { stance: t(`stance.${mine.stance}` as never) })),
          (() => {
            const b = h('button', { type: 'button', class: 'button small' }, t('stance.confirm'));
            b.addEventListener('click', () =>
              this.deliberation
                .setStance(id, mine.stance, mine.reason)
                .then(() => (panel.feedback.textContent = t('stance.confirmed')))
                .catch((err) => (panel.feedback.textContent = t('delib.refused', { reason: refusal(err) }))));
            return b;
          })())
      : null;
    panel.stanceBox.replaceChildren(...(staleNote ? [staleNote] : []), form);
  }

  // ---- comments

  private threadContext(panel: Panel): ThreadContext {
    const clause = panel.clause;
    return {
      deliberation: this.deliberation,
      me: this.me,
      canComment: this.canComment,
      rangeOf: (c) => resolveRange(this.doc, c.field === 'heading' ? clause.heading : clause.body, c),
      quoteOf: (c, r) => (c.field === 'heading' ? clause.heading : clause.body).toString().slice(r.from, r.to),
    };
  }

  private renderThreads(panel: Panel, n: string): void {
    const active = document.activeElement;
    const ctx = this.threadContext(panel);
    const threads = this.deliberation.threads(panel.card.id);
    panel.commentsSummary.textContent = t('comments.heading', { n: this.deliberation.commentCount(panel.card.id) });
    if (!(active && panel.threads.contains(active) && active.tagName === 'TEXTAREA')) {
      panel.threads.replaceChildren(...threads.map((c) => renderThread(c, ctx, panel.feedback)));
    }
    // Highlights: open threads with a live range on the body.
    const ranges: { from: number; to: number; id: string }[] = [];
    for (const c of threads) {
      if (c.field !== 'body' || c.resolved || c.hidden || c.deleted) continue;
      const r = ctx.rangeOf(c);
      if (r && !r.deleted) ranges.push({ from: r.from, to: r.to, id: c.id });
    }
    highlightRanges(panel.card.body, ranges);
    void n;
  }

  private commentForm(id: string, card: CardHandle, feedback: HTMLElement): HTMLElement {
    const areaId = `comment-${id}`;
    const area = h('textarea', { id: areaId, rows: 2, class: 'comment-text' });
    const onClause = h('button', { type: 'submit', class: 'button small' }, t('comments.add'));
    const onSelection = h('button', { type: 'button', class: 'button small' }, t('comments.addOnSelection'));
    const label = h('label', { for: areaId }, t('comments.newLabel'));
    const form = h('form', { class: 'comment-form' }, label, area, h('div', { class: 'comment-form-actions' }, onClause, onSelection));
    onLangChange(() => {
      label.textContent = t('comments.newLabel');
      onClause.textContent = t('comments.add');
      onSelection.textContent = t('comments.addOnSelection');
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
        feedback.textContent = t('comments.empty');
        area.focus();
        return;
      }
      if (withRange && !anchor) remember();
      if (withRange && !anchor) {
        feedback.textContent = t('comments.noSelection');
        return;
      }
      const range = withRange ? anchor : null;
      this.deliberation
        .addComment({ clauseId: id, body, ...(range ? { field: 'body', anchorStart: range.start, anchorEnd: range.end } : {}) })
        .then(() => {
          area.value = '';
          anchor = null;
          feedback.textContent = t('comments.added');
        })
        .catch((err) => (feedback.textContent = t('delib.refused', { reason: refusal(err) })));
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
    panel.amendmentsSummary.textContent = t('amend.heading', { n: open });
    const active = document.activeElement;
    if (active && panel.amendmentList.contains(active) && active.tagName === 'TEXTAREA') return;
    panel.amendmentList.replaceChildren(...list.map((a) => this.renderAmendment(a, panel, n)));
  }

  private renderAmendment(a: AmendmentView, panel: Panel, n: string): HTMLElement {
    const heading = panel.clause.heading.toString();
    const body = panel.clause.body.toString();
    const markers = this.deliberation.stancesOn(a.id);
    const matrix = computeMatrix(markers, a.textHash, this.deliberation.session.rule);
    const item = h('article', { class: `amendment status-${a.status}`, 'data-amendment-id': a.id, 'data-testid': 'amendment' },
      h('p', { class: 'comment-meta' }, h('strong', {}, a.author.displayName), ' · ', t(`amend.status.${a.status}` as never),
        a.decidedBy ? ' · ' + t('amend.decidedBy', { name: a.decidedBy }) : ''),
      a.heading !== heading ? renderDiff(heading, a.heading) : null,
      a.status === 'open' ? renderDiff(body, a.body) : h('p', { class: 'amendment-text' }, a.body),
      a.rationale ? h('p', { class: 'muted' }, t('amend.rationale', { text: a.rationale })) : null,
      stateBadge(matrix.state),
      h('span', { class: 'muted small' }, ' ' + t('amend.stances', { n: matrix.current.length })));
    if (a.status === 'open') {
      const actions = h('div', { class: 'amendment-actions' });
      if (this.canDeliberate) {
        for (const s of stanceNames) {
          const mine = this.deliberation.myStance(a.id, this.me.participantId)?.stance === s;
          const b = h('button', { type: 'button', class: `button small${mine ? ' primary' : ''}`, 'aria-pressed': mine ? 'true' : 'false' }, t(`stance.${s}` as never));
          b.addEventListener('click', () => {
            let reason: string | null = null;
            if (s === 'reservations' || s === 'block') {
              reason = window.prompt(t('stance.reasonRequired'));
              if (!reason || !reason.trim()) return;
            }
            this.deliberation.setStance(a.id, s, reason).catch((err) => (panel.feedback.textContent = t('delib.refused', { reason: refusal(err) })));
          });
          actions.append(b);
        }
      }
      if (this.me.role === 'facilitator') {
        const adopt = h('button', { type: 'button', class: 'button small primary', 'data-testid': 'adopt' }, t('amend.adopt'));
        adopt.addEventListener('click', () => {
          if (!window.confirm(t('amend.adoptConfirm', { n }))) return;
          this.deliberation
            .adopt(a.id)
            .then(() => announce(t('amend.adopted')))
            .catch((err) => (panel.feedback.textContent = t('delib.refused', { reason: refusal(err) })));
        });
        const aside = h('button', { type: 'button', class: 'button small' }, t('amend.setAside'));
        aside.addEventListener('click', () => {
          const note = window.prompt(t('amend.setAsidePrompt')) ?? undefined;
          this.deliberation.setAside(a.id, note).catch((err) => (panel.feedback.textContent = t('delib.refused', { reason: refusal(err) })));
        });
        actions.append(adopt, aside);
      }
      if (actions.childElementCount) item.append(actions);
    }
    return item;
  }

  private amendmentForm(id: string, feedback: HTMLElement): HTMLElement {
    const headingId = `amend-heading-${id}`;
    const bodyId = `amend-body-${id}`;
    const whyId = `amend-why-${id}`;
    const headingInput = h('input', { type: 'text', id: headingId });
    const bodyArea = h('textarea', { id: bodyId, rows: 4 });
    const why = h('textarea', { id: whyId, rows: 2 });
    const submit = h('button', { type: 'submit', class: 'button small' }, t('amend.propose'));
    const details = h('details', { class: 'amend-form' },
      h('summary', {}, t('amend.new')),
      h('form', {},
        h('label', { for: headingId }, t('amend.headingLabel')), headingInput,
        h('label', { for: bodyId }, t('amend.bodyLabel')), bodyArea,
        h('label', { for: whyId }, t('amend.whyLabel')), why,
        submit));
    details.addEventListener('toggle', () => {
      const c = this.clauseOf(id);
      if (details.open && c && !bodyArea.value) {
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
          feedback.textContent = t('amend.proposed');
        })
        .catch((err) => (feedback.textContent = t('delib.refused', { reason: refusal(err) })));
    });
    return details;
  }
}
