// The final approval vote as members see it: open or not, on which text (SHA-256), the ballots so far,
// the citizen's own choice, and the recorded outcome once closed.

import type { Deliberation, VoteView } from './deliberation';
import { h } from './dom';
import { showRefusal } from './errors';
import { setText, t } from './i18n';

/** `covers`: a bilingual bill's languages ("Français et Anglais"), '' for a monolingual one. */
export function voteSummary(vote: VoteView, covers = ''): HTMLElement {
  const approvals = vote.ballots.filter((b) => b.approves).length;
  const against = vote.ballots.length - approvals;
  return h('div', { class: 'vote-summary' },
    h('p', {}, t('vote.onText', { sha: vote.textSha256.slice(0, 12) })),
    covers ? h('p', { 'data-testid': 'vote-covers' }, t('bilingual.voteCovers', { languages: covers })) : null,
    h('p', {}, t('vote.rule.' + vote.rule as never)),
    h('p', { 'data-testid': 'vote-tally' }, t('vote.tally', { for: approvals, against, cast: vote.ballots.length, eligible: vote.eligible })),
    vote.outcome
      ? h('p', { class: `vote-outcome ${vote.outcome.approved ? 'approved' : 'rejected'}`, 'data-testid': 'vote-outcome' },
          vote.outcome.approved ? t('vote.approved') : t('vote.rejected'))
      : null);
}

/** The vote box of the bill page. */
export class ApprovalBox {
  private readonly feedback = h('p', { role: 'status', class: 'small' });

  constructor(
    private readonly root: HTMLElement,
    private readonly deliberation: Deliberation,
    private readonly me: { participantId: string; role: string },
    private readonly covers: () => string = () => '',
  ) {
    deliberation.onChange(() => this.render());
    this.render();
  }

  render(): void {
    const s = this.deliberation.session;
    const vote = s.vote;
    const last = s.lastVote;
    this.root.hidden = !vote && !last;
    const parts: (HTMLElement | null)[] = [setText(h('h2', { class: 'panel-heading' }), 'vote.heading')];
    if (vote) {
      parts.push(setText(h('p', { class: 'vote-open', 'data-testid': 'vote-open' }), 'vote.openNote'), voteSummary(vote, this.covers()));
      if (this.me.role === 'citizen') {
        const mine = vote.ballots.find((b) => b.participantId === this.me.participantId);
        if (mine) parts.push(h('p', {}, mine.approves ? t('vote.mineFor') : t('vote.mineAgainst')));
        const yes = setText(h('button', { type: 'button', class: 'button primary small' }), 'vote.approve');
        const no = setText(h('button', { type: 'button', class: 'button small' }), 'vote.reject');
        yes.addEventListener('click', () => this.cast(true));
        no.addEventListener('click', () => this.cast(false));
        parts.push(h('div', { class: 'vote-actions' }, yes, no));
      }
    } else if (last) {
      parts.push(voteSummary(last, this.covers()));
    }
    parts.push(this.feedback);
    this.root.replaceChildren(...parts.filter((p): p is HTMLElement => p !== null));
  }

  private cast(approves: boolean): void {
    this.deliberation
      .session$('CastBallot', approves)
      .then(() => (setText(this.feedback, 'vote.cast')))
      .catch((e) => showRefusal(this.feedback, e, 'delib.refused'));
  }
}
