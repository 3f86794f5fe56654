// The facilitator's console: the agenda with a timer per item, focus, locks, consensus rounds with the
// matrix filling live, the rules, the amendments to decide, the final vote and the audit log.

import type { ClauseView } from './bill';
import { computeMatrix, matrixTable, stateBadge } from './consensus';
import { clauseHash, type AgendaItem, type Deliberation, type SessionView } from './deliberation';
import { renderDiff } from './amendments';
import { askText, confirmAction } from './dialog';
import { voteSummary } from './approval';
import { coveredLanguages } from './bilingual';
import { announce, h } from './dom';
import { showRefusal } from './errors';
import { formatTime, setText, t } from './i18n';
import { clockText, type LiveBill } from './live-bill';
import { remoteStances, remoteStancesLine, roomConsoleSection } from './hybrid-room';

export class FacilitatorConsole {
  private readonly d: Deliberation;
  private readonly feedback: HTMLElement;
  private scheduled = false;

  constructor(private readonly live: LiveBill, private readonly root: HTMLElement) {
    this.d = live.deliberation;
    this.feedback = h('p', { class: 'console-feedback', role: 'status', 'aria-live': 'polite', 'data-testid': 'console-feedback' });
    this.d.onChange(() => this.schedule());
    live.doc.on('update', () => this.schedule());
    setInterval(() => this.tick(), 1000);
    this.render();
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setTimeout(() => {
      this.scheduled = false;
      // Never rebuild under someone typing in a field of the console.
      const active = document.activeElement;
      if (active && this.root.contains(active) && (active.tagName === 'INPUT' || active.tagName === 'TEXTAREA' || active.tagName === 'SELECT')) {
        this.schedule();
        return;
      }
      this.render();
    }, 60);
  }

  private act(method: string, ...args: unknown[]): void {
    this.d
      .session$(method, ...args)
      .then(() => announce(t('console.done')))
      .catch((e) => showRefusal(this.feedback, e, 'delib.refused'));
  }

  private clauses(): ClauseView[] {
    return this.live.model.list().active;
  }

  private label(c: ClauseView): string {
    const heading = c.heading.toString().trim();
    return t('bill.article', { n: c.number ?? '' }) + (heading ? ' — ' + heading : '');
  }

  private tick(): void {
    for (const el of this.root.querySelectorAll<HTMLElement>('.timer[data-ends]')) {
      const left = Number(el.dataset['ends']) - Date.now();
      el.textContent = clockText(left);
      el.classList.toggle('overrun', left < 0);
    }
  }

  render(): void {
    const s = this.d.session;
    const clauses = this.clauses();
    this.root.replaceChildren(
      this.feedback,
      roomConsoleSection(this.d, (method, ...args) => this.act(method, ...args)),
      this.agendaSection(s, clauses),
      this.roundSection(s, clauses),
      this.clausesSection(s, clauses),
      this.amendmentsSection(clauses),
      this.rulesSection(s),
      this.voteSection(s),
    );
    this.tick();
  }

  // ---- agenda

  private agendaSection(s: SessionView, clauses: ClauseView[]): HTMLElement {
    const byId = new Map(clauses.map((c) => [c.id, c]));
    const items = s.agenda.filter((a) => byId.has(a.clauseId));
    const save = (next: AgendaItem[]) => this.act('SetAgenda', next.map((a) => ({ clauseId: a.clauseId, minutes: a.minutes })));
    const list = h('ol', { class: 'agenda', 'data-testid': 'agenda' },
      ...items.map((a, i) => {
        const c = byId.get(a.clauseId)!;
        const ends = a.startedAt ? Date.parse(a.startedAt) + a.minutes * 60_000 : 0;
        const action = a.status === 'current' ? t('agenda.restart') : t('agenda.start');
        const start = h('button', { type: 'button', class: 'button small primary', 'aria-label': t('agenda.startLabel', { action, item: this.label(c) }) }, action);
        start.addEventListener('click', () => this.act('StartAgendaItem', a.clauseId));
        const up = h('button', { type: 'button', class: 'button small', disabled: i === 0, 'aria-label': t('agenda.upLabel', { item: this.label(c) }) }, '↑');
        up.addEventListener('click', () => save(swap(items, i, i - 1)));
        const down = h('button', { type: 'button', class: 'button small', disabled: i === items.length - 1, 'aria-label': t('agenda.downLabel', { item: this.label(c) }) }, '↓');
        down.addEventListener('click', () => save(swap(items, i, i + 1)));
        const remove = h('button', { type: 'button', class: 'button small danger', 'aria-label': t('agenda.removeLabel', { item: this.label(c) }) }, t('agenda.remove'));
        remove.addEventListener('click', () => save(items.filter((x) => x.clauseId !== a.clauseId)));
        return h('li', { class: `agenda-item ${a.status}`, 'data-clause-id': a.clauseId },
          h('span', { class: 'agenda-label' }, this.label(c)),
          h('span', { class: 'muted' }, t('agenda.minutes', { n: a.minutes }) + ' · ' + t(`agenda.status.${a.status}` as never)),
          a.status === 'current' ? h('span', { class: 'timer', 'data-ends': String(ends), 'aria-label': t('agenda.timerLabel') }) : null,
          h('span', { class: 'agenda-actions' }, start, up, down, remove));
      }));
    const pick = h('select', { id: 'agenda-add-clause' }, ...clauses.filter((c) => !items.some((a) => a.clauseId === c.id)).map((c) => h('option', { value: c.id }, this.label(c))));
    const minutes = h('input', { type: 'number', id: 'agenda-add-minutes', min: 1, max: 240, value: 10, class: 'minutes' });
    const add = setText(h('button', { type: 'submit', class: 'button small' }), 'agenda.add');
    const form = h('form', { class: 'inline-form' },
      setText(h('label', { for: 'agenda-add-clause' }), 'agenda.addClause'), pick,
      setText(h('label', { for: 'agenda-add-minutes' }), 'agenda.addMinutes'), minutes, add);
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      if (!pick.value) return;
      save([...items, { clauseId: pick.value, minutes: Number(minutes.value) || 10, status: 'pending', startedAt: null, endedAt: null }]);
    });
    const end = setText(h('button', { type: 'button', class: 'button small', disabled: !items.some((a) => a.status === 'current') }), 'agenda.end');
    end.addEventListener('click', () => this.act('EndAgendaItem'));
    return h('section', { class: 'panel console-section', 'aria-labelledby': 'agenda-heading' },
      setText(h('h2', { id: 'agenda-heading', class: 'panel-heading' }), 'agenda.heading'),
      items.length ? list : setText(h('p', { class: 'muted' }), 'agenda.empty'), form, end);
  }

  // ---- the open round

  private roundSection(s: SessionView, clauses: ClauseView[]): HTMLElement {
    const round = s.round;
    const parts: (HTMLElement | null)[] = [setText(h('h2', { id: 'round-heading', class: 'panel-heading' }), 'round.heading')];
    if (round) {
      const c = clauses.find((x) => x.id === round.clauseId);
      if (c) {
        const hash = clauseHash(c);
        const matrix = computeMatrix(this.d.stancesOn(c.id), hash, s.rule);
        parts.push(h('p', {}, t('round.openOn', { item: this.label(c) }), ' ', stateBadge(matrix.state, { 'data-testid': 'round-state' })),
          remoteStancesLine(this.d, c.id, hash),
          matrixTable(matrix, t('consensus.caption', { n: c.number ?? '' })));
      }
      const close = setText(h('button', { type: 'button', class: 'button primary', 'data-testid': 'close-round' }), 'round.close');
      close.addEventListener('click', async () => {
        // The round waits for remote participants: closing before they all spoke takes a confirmation.
        const c = clauses.find((x) => x.id === round.clauseId);
        const pending = c ? remoteStances(this.d, c.id, clauseHash(c)) : undefined;
        if (pending && pending.waiting.length > 0) {
          const expected = pending.given.length + pending.waiting.length;
          const message = t('room.closePending', { given: pending.given.length, expected });
          if (!(await confirmAction({ title: t('room.closeTitle'), message, submit: t('round.close') }))) return;
        }
        this.act('CloseRound');
      });
      parts.push(close);
    } else {
      parts.push(setText(h('p', { class: 'muted' }), 'round.none'));
    }
    const done = s.rounds.slice(-5).reverse();
    if (done.length) {
      parts.push(setText(h('h3', { class: 'sub-heading' }), 'round.history'),
        h('ul', { class: 'round-history', 'data-testid': 'round-history' }, ...done.map((r) => {
          const c = clauses.find((x) => x.id === r.clauseId);
          return h('li', {}, (c ? this.label(c) : r.clauseId) + ' : ', r.result ? stateBadge(r.result.state as never) : '—',
            ' ', h('span', { class: 'muted small' }, t('round.closedAt', { time: r.closedAt ? formatTime(r.closedAt) : '' })));
        })));
    }
    return h('section', { class: 'panel console-section', 'aria-labelledby': 'round-heading' }, ...parts.filter((p): p is HTMLElement => p !== null));
  }

  // ---- clauses: state, focus, lock, round

  private clausesSection(s: SessionView, clauses: ClauseView[]): HTMLElement {
    const rows = clauses.map((c) => {
      const hash = clauseHash(c);
      const matrix = computeMatrix(this.d.stancesOn(c.id), hash, s.rule);
      const lock = this.d.lockOf(c.id);
      const label = this.label(c);
      const focus = h('button', { type: 'button', class: `button small${s.focusClauseId === c.id ? ' primary' : ''}`, 'aria-pressed': s.focusClauseId === c.id ? 'true' : 'false', 'aria-label': t('console.focusLabel', { item: label }), 'data-testid': 'focus' }, t('console.focus'));
      focus.addEventListener('click', () => this.act('SetFocus', s.focusClauseId === c.id ? null : c.id));
      const lockButton = h('button', { type: 'button', class: 'button small', 'aria-label': t(lock ? 'console.unlockLabel' : 'console.lockLabel', { item: label }), 'data-testid': lock ? 'unlock' : 'lock' }, lock ? t('console.unlock') : t('console.lock'));
      lockButton.addEventListener('click', async () => {
        if (lock) {
          this.act('UnlockClause', c.id);
          return;
        }
        const reason = await askText({
          title: t('console.lockTitle', { item: label }),
          label: t('console.lockPrompt'),
          value: t('console.lockDefault'),
          required: true,
          submit: t('console.lock'),
          returnFocus: () => this.root.querySelector<HTMLElement>(`tr[data-clause-id="${c.id}"] [data-testid=lock], tr[data-clause-id="${c.id}"] [data-testid=unlock]`),
        });
        if (reason) this.act('LockClause', c.id, reason);
      });
      const roundButton = h('button', { type: 'button', class: 'button small', disabled: s.round !== null, 'aria-label': t('console.roundLabel', { item: label }), 'data-testid': 'open-round' }, t('console.round'));
      roundButton.addEventListener('click', () => this.act('OpenRound', c.id));
      return h('tr', { 'data-clause-id': c.id },
        h('th', { scope: 'row' }, label),
        h('td', {}, stateBadge(matrix.state), matrix.stale.length ? h('span', { class: 'muted small' }, ' ' + t('consensus.staleCount', { n: matrix.stale.length })) : null),
        h('td', {}, String(this.d.commentCount(c.id))),
        h('td', {}, lock ? t('lock.tag', { reason: lock.reason }) : '—'),
        h('td', { class: 'row-actions' }, h('div', { class: 'row-actions-inner' }, focus, lockButton, roundButton)));
    });
    return h('section', { class: 'panel console-section console-clauses', 'aria-labelledby': 'clauses-heading' },
      setText(h('h2', { id: 'clauses-heading', class: 'panel-heading' }), 'console.clausesHeading'),
      h('div', { class: 'table-scroll' }, h('table', { class: 'console-table', 'data-testid': 'console-clauses' },
        h('thead', {}, h('tr', {}, ...['console.col.clause', 'console.col.state', 'console.col.comments', 'console.col.lock', 'console.col.actions'].map((k) => h('th', { scope: 'col' }, t(k as never))))),
        h('tbody', {}, ...rows))));
  }

  // ---- amendments to decide

  private amendmentsSection(clauses: ClauseView[]): HTMLElement {
    const open = [...this.d.amendments.values()].filter((a) => a.status === 'open');
    const items = open.map((a) => {
      const c = a.clauseId ? clauses.find((x) => x.id === a.clauseId) : undefined;
      const adopt = setText(h('button', { type: 'button', class: 'button small primary' }), 'amend.adopt');
      adopt.addEventListener('click', async () => {
        const message = c ? t('amend.adoptConfirm', { n: c.number ?? '' }) : t('amend.adoptNewConfirm');
        if (!(await confirmAction({ title: t('amend.adoptTitle'), message, submit: t('amend.adopt') }))) return;
        this.d.adopt(a.id).then(() => announce(t('amend.adopted'))).catch((e) => showRefusal(this.feedback, e, 'delib.refused'));
      });
      const aside = setText(h('button', { type: 'button', class: 'button small' }), 'amend.setAside');
      aside.addEventListener('click', async () => {
        const note = await askText({ title: t('amend.setAsideTitle'), label: t('amend.setAsidePrompt'), multiline: true, submit: t('amend.setAside') });
        if (note === null) return;
        this.d.setAside(a.id, note || undefined).catch((e) => showRefusal(this.feedback, e, 'delib.refused'));
      });
      const markers = this.d.stancesOn(a.id);
      const matrix = computeMatrix(markers, a.textHash, this.d.session.rule);
      return h('li', { class: 'amendment' },
        h('p', {}, h('strong', {}, c ? this.label(c) : t('amend.newClause')), ' · ', a.author.displayName, ' ', stateBadge(matrix.state)),
        c ? renderDiff(c.body.toString(), a.body) : h('p', {}, a.body),
        a.rationale ? h('p', { class: 'muted' }, t('amend.rationale', { text: a.rationale })) : null,
        h('div', { class: 'amendment-actions' }, adopt, aside));
    });
    return h('section', { class: 'panel console-section', 'aria-labelledby': 'amend-heading' },
      setText(h('h2', { id: 'amend-heading', class: 'panel-heading' }), 'console.amendmentsHeading'),
      items.length ? h('ul', { class: 'amendment-queue' }, ...items) : setText(h('p', { class: 'muted' }), 'console.noAmendments'));
  }

  // ---- rules

  private rulesSection(s: SessionView): HTMLElement {
    const r = s.rule;
    const block = h('input', { type: 'checkbox', id: 'rule-block', checked: r.blockPrevents });
    const reservations = h('input', { type: 'checkbox', id: 'rule-reservations', checked: r.reservationsCountAsAgree });
    const share = h('select', { id: 'rule-share' }, ...[0.5, 0.6, 2 / 3, 0.75, 0.9].map((v) =>
      h('option', { value: String(v), selected: Math.abs(v - r.agreeShare) < 1e-6 }, t('rule.share', { pct: Math.round(v * 100) }))));
    const min = h('input', { type: 'number', id: 'rule-min', min: 0, max: 100, value: r.minStancesPerGroup, class: 'minutes' });
    const save = setText(h('button', { type: 'submit', class: 'button small' }), 'rule.save');
    const form = h('form', { class: 'rule-form' },
      h('p', {}, block, ' ', setText(h('label', { for: 'rule-block' }), 'rule.block')),
      h('p', {}, reservations, ' ', setText(h('label', { for: 'rule-reservations' }), 'rule.reservations')),
      h('p', {}, setText(h('label', { for: 'rule-share' }), 'rule.shareLabel'), ' ', share),
      h('p', {}, setText(h('label', { for: 'rule-min' }), 'rule.min'), ' ', min),
      save);
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      this.act('SetConsensusRule', {
        blockPrevents: block.checked,
        agreeShare: Number(share.value),
        reservationsCountAsAgree: reservations.checked,
        minStancesPerGroup: Number(min.value) || 0,
      });
    });
    const approval = h('select', { id: 'approval-rule', disabled: s.vote !== null },
      setText(h('option', { value: 'unanimity', selected: s.approvalRule === 'unanimity' }), 'vote.rule.unanimity'),
      setText(h('option', { value: 'majority', selected: s.approvalRule === 'majority' }), 'vote.rule.majority'));
    approval.addEventListener('change', () => this.act('SetApprovalRule', approval.value));
    return h('section', { class: 'panel console-section', 'aria-labelledby': 'rules-heading' },
      setText(h('h2', { id: 'rules-heading', class: 'panel-heading' }), 'rule.heading'), form,
      h('p', {}, setText(h('label', { for: 'approval-rule' }), 'vote.ruleLabel'), ' ', approval));
  }

  // ---- the final vote

  private voteSection(s: SessionView): HTMLElement {
    const parts: HTMLElement[] = [setText(h('h2', { id: 'vote-heading', class: 'panel-heading' }), 'vote.heading')];
    if (s.vote) {
      parts.push(setText(h('p', { class: 'vote-open' }), 'vote.openNote'), voteSummary(s.vote, coveredLanguages(this.live.doc)),
        h('ul', { class: 'ballots' }, ...s.vote.ballots.map((b) => h('li', {}, `${b.displayName} : ${b.approves ? t('vote.for') : t('vote.against')}`))));
      const close = setText(h('button', { type: 'button', class: 'button primary', 'data-testid': 'close-vote' }), 'vote.close');
      close.addEventListener('click', async () => {
        if (await confirmAction({ title: t('vote.close'), message: t('vote.closeConfirm'), submit: t('vote.close') })) this.act('CloseVote');
      });
      parts.push(close);
    } else {
      if (s.lastVote) parts.push(voteSummary(s.lastVote, coveredLanguages(this.live.doc)));
      const open = setText(h('button', { type: 'button', class: 'button', 'data-testid': 'open-vote' }), 'vote.open');
      open.addEventListener('click', async () => {
        if (await confirmAction({ title: t('vote.open'), message: t('vote.openConfirm'), submit: t('vote.open') })) this.act('OpenVote');
      });
      parts.push(setText(h('p', { class: 'muted small' }), 'vote.freezeExplain'), open);
    }
    return h('section', { class: 'panel console-section', 'aria-labelledby': 'vote-heading' }, ...parts);
  }
}

function swap<T>(list: T[], i: number, j: number): T[] {
  const copy = [...list];
  [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  return copy;
}
