// /bills/{id}/projector: the room's screen. Read-only, large type: the clause the facilitator focused,
// its live text, its consensus matrix and state; it follows the focus by itself.

import { computeMatrix, matrixTable, stateBadge } from '../consensus';
import { clauseHash } from '../deliberation';
import { byId, h } from '../dom';
import { initI18n, onLangChange, setText, t } from '../i18n';
import { clockText, openLiveBill } from '../live-bill';
import { voteSummary } from '../approval';
import { handsQueue, remoteStancesLine } from '../hybrid-room';

async function main(): Promise<void> {
  initI18n();
  const live = await openLiveBill('projector');
  if (!live) return;
  const { model, deliberation } = live;
  const stage = byId('stage');
  const roomStage = byId('room-stage');
  const roomHeading = byId('room-stage-heading');
  let scheduled = false;

  const render = () => {
    scheduled = false;
    const session = deliberation.session;
    const title = model.title.toString().trim();
    byId('projector-title').textContent = title || t('app.name');
    document.title = `${t('projector.title')} — ${title || t('app.name')}`;
    const clause = model.list().active.find((c) => c.id === session.focusClauseId);
    stage.dataset['focus'] = clause?.id ?? '';
    // The floor and the raised hands (remote ones included) stay on screen whatever the stage shows.
    roomStage.replaceChildren(roomHeading, handsQueue(session.room));
    if (session.vote) {
      stage.replaceChildren(setText(h('h2', { class: 'projector-heading' }), 'vote.heading'), setText(h('p', { class: 'projector-note' }), 'vote.openNote'), voteSummary(session.vote));
      return;
    }
    if (!clause) {
      stage.replaceChildren(setText(h('p', { class: 'projector-waiting', 'data-testid': 'projector-waiting' }), 'projector.waiting'));
      return;
    }
    const heading = clause.heading.toString();
    const body = clause.body.toString();
    // Both language texts when the bill is bilingual: a stance covers the versions it was given on.
    const hash = clauseHash(clause);
    const matrix = computeMatrix(deliberation.stancesOn(clause.id), hash, session.rule);
    const lock = deliberation.lockOf(clause.id);
    const agendaItem = session.agenda.find((a) => a.clauseId === clause.id && a.status === 'current');
    const round = session.round?.clauseId === clause.id;
    stage.replaceChildren(
      h('h2', { class: 'projector-heading', 'data-testid': 'projector-clause', 'data-clause-id': clause.id },
        t('bill.article', { n: clause.number ?? '' }), heading ? ' — ' + heading : ''),
      h('div', { class: 'projector-meta' }, stateBadge(matrix.state, { 'data-testid': 'projector-state' }),
        lock ? h('span', { class: 'lock-tag' }, t('lock.tag', { reason: lock.reason })) : null,
        round ? setText(h('span', { class: 'round-tag' }), 'round.openTag') : null,
        agendaItem?.startedAt ? h('span', { class: 'timer', 'data-ends': String(Date.parse(agendaItem.startedAt) + agendaItem.minutes * 60_000) }) : null),
      h('div', { class: 'projector-body', 'data-testid': 'projector-body' }, ...body.split(/\n{2,}/).map((p) => h('p', {}, p))),
      ...(round ? [remoteStancesLine(deliberation, clause.id, hash, { 'data-testid': 'projector-remote-stances' })].filter((e): e is HTMLElement => e !== null) : []),
      matrixTable(matrix, t('consensus.caption', { n: clause.number ?? '' }), { large: true }),
    );
    tick();
  };
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    setTimeout(render, 30);
  };
  const tick = () => {
    for (const el of stage.querySelectorAll<HTMLElement>('.timer')) el.textContent = clockText(Number(el.dataset['ends']) - Date.now());
  };
  setInterval(tick, 1000);
  deliberation.onChange(schedule);
  model.doc.on('update', schedule);
  onLangChange(schedule);
  byId('loading').hidden = true;
  render();
}

void main();
