// The consensus matrix on screen: stakeholder groups by stance for one clause, with current and stale
// markers apart, and the clause's state as a badge. The rule itself is in consensus-rule.ts (no DOM).

import { groupNames, type StanceName } from './deliberation';
import type { ConsensusState, Matrix } from './consensus-rule';
import { groupLabel, setText, t } from './i18n';
import { h } from './dom';

export { computeMatrix, evaluate, type ConsensusState, type Matrix } from './consensus-rule';

/** The state as a badge (text, not colour alone). */
export function stateBadge(state: ConsensusState, extra?: Record<string, string>): HTMLElement {
  return h('span', { class: `state-badge state-${state}`, 'data-state': state, ...extra }, t(`consensus.state.${state}` as never));
}

/** A groups × stances table with counts and, under each count, who. */
export function matrixTable(matrix: Matrix, caption: string, options: { large?: boolean } = {}): HTMLTableElement {
  const stances: StanceName[] = ['agree', 'reservations', 'disagree', 'block'];
  const head = h('tr', {}, setText(h('th', { scope: 'col' }), 'consensus.group'), ...stances.map((s) => h('th', { scope: 'col' }, t(`stance.${s}` as never))),
    setText(h('th', { scope: 'col' }), 'consensus.stale'));
  const rows = groupNames.map((g) => {
    const tally = matrix.tallies[g]!;
    const cells = stances.map((s) => {
      const who = matrix.current.filter((m) => m.group === g && m.stance === s).map((m) => m.displayName).sort();
      return h('td', { 'data-group': g, 'data-stance': s }, h('span', { class: 'count' }, String(tally[s])),
        who.length ? h('span', { class: 'who' }, who.join(', ')) : null);
    });
    const staleWho = matrix.stale.filter((m) => m.group === g).map((m) => m.displayName).sort();
    return h('tr', {}, h('th', { scope: 'row' }, groupLabel(g)), ...cells,
      h('td', { 'data-group': g, 'data-stance': 'stale' }, h('span', { class: 'count' }, String(tally.stale)),
        staleWho.length ? h('span', { class: 'who' }, staleWho.join(', ')) : null));
  });
  return h('table', { class: `matrix${options.large ? ' large' : ''}`, 'data-testid': 'matrix' },
    h('caption', {}, caption), h('thead', {}, head), h('tbody', {}, ...rows));
}
