// The consensus rule in the browser, with no DOM: the same rule as the server's ConsensusMatrix.Evaluate
// (src/ParisCoDraft.Drafting/Deliberation), so the room sees a clause's state change live without a round
// trip. Both sides are checked against one table of cases (tests/ParisCoDraft.EndToEnd/Conformance), so
// they cannot drift apart; the server computes the state again when a round closes and records that.

import { groupNames, type ConsensusRule, type StanceView, type Tally } from './deliberation';

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
