// The consensus matrix in the browser: stakeholder groups by stance for one clause, with current and
// stale markers apart, and the clause's state under the bill's rule. The same rule as the server's
// ConsensusMatrix.Evaluate (src/ParisCoDraft.Drafting/Deliberation), so the room sees it change live
// without a round trip; the server computes it again when a round closes and records that.

import { groupNames, type ConsensusRule, type StanceName, type StanceView, type Tally } from './deliberation';
import { groupLabel, t } from './i18n';
import { h } from './dom';

export type ConsensusState = 'not-assessed' | 'consensus' | 'close' | 'contested' | 'blocked';

export interface Matrix {
  current: StanceView[];
  stale: StanceView[];
  tallies: Record<string, Tally>;
  state: ConsensusState;
}

const empty = (): Tally => ({ agree: 0, reservations: 0, disagree: 0, block: 0, stale: 0 });

export function computeMatrix(markers: StanceView[], currentHash: string | undefined, rule: ConsensusRule): Matrix {
  const current = markers.filter((m) => m.textHash === currentHash);
  const stale = markers.filter((m) => m.textHash !== currentHash);
  const tallies: Record<string, Tally> = {};
  for (const g of groupNames) tallies[g] = empty();
  for (const m of current) if (m.group && tallies[m.group]) tallies[m.group]![m.stance]++;
  for (const m of stale) if (m.group && tallies[m.group]) tallies[m.group]!.stale++;
  return { current, stale, tallies, state: evaluate(groupNames.map((g) => tallies[g]!), rule) };
}

const count = (t: Tally) => t.agree + t.reservations + t.disagree + t.block;
const agreeing = (t: Tally, r: ConsensusRule) => t.agree + (r.reservationsCountAsAgree ? t.reservations : 0);

export function evaluate(tallies: Tally[], rule: ConsensusRule): ConsensusState {
  if (tallies.every((x) => count(x) === 0)) return 'not-assessed';
  if (rule.blockPrevents && tallies.some((x) => x.block > 0)) return 'blocked';
  const meets = (x: Tally) => count(x) >= Math.max(1, rule.minStancesPerGroup) && agreeing(x, rule) > rule.agreeShare * count(x);
  const meeting = tallies.filter(meets).length;
  if (meeting === tallies.length) return 'consensus';
  const spoken = tallies.filter((x) => count(x) > 0);
  const allLeanAgree = spoken.every((x) => agreeing(x, rule) * 2 >= count(x));
  return allLeanAgree || meeting === tallies.length - 1 ? 'close' : 'contested';
}

/** The state as a badge (text, not colour alone). */
export function stateBadge(state: ConsensusState, extra?: Record<string, string>): HTMLElement {
  return h('span', { class: `state-badge state-${state}`, 'data-state': state, ...extra }, t(`consensus.state.${state}` as never));
}

/** A groups × stances table with counts and, under each count, who. */
export function matrixTable(matrix: Matrix, caption: string, options: { large?: boolean } = {}): HTMLTableElement {
  const stances: StanceName[] = ['agree', 'reservations', 'disagree', 'block'];
  const head = h('tr', {}, h('th', { scope: 'col' }, t('consensus.group')), ...stances.map((s) => h('th', { scope: 'col' }, t(`stance.${s}` as never))),
    h('th', { scope: 'col' }, t('consensus.stale')));
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
