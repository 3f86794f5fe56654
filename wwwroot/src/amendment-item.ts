// One amendment as the bill page shows it (on an article, or a proposed new article): who proposed it,
// its status, the wording as a diff against the current text (or plain for a new article), the motive,
// its own consensus state, the stance buttons, the facilitator's adopt / set aside, and its own
// discussion (threads on the amendment, apart from the article's), folded behind a button with the count.

import { computeMatrix, stateBadge } from './consensus';
import { stanceNames, type AmendmentView, type Deliberation } from './deliberation';
import { renderDiff } from './amendments';
import { newThreadForm, renderThreadList, type ThreadContext } from './comments';
import { askText, confirmAction } from './dialog';
import { announce, h, keepFocus, renderUnlessTyping } from './dom';
import { showRefusal } from './errors';
import { setText, t } from './i18n';

export interface AmendmentContext {
  deliberation: Deliberation;
  me: { participantId: string; role: string };
  canDeliberate: boolean;
  /** May start and answer threads (the three groups, the facilitator, clerks; not observers). */
  canComment: boolean;
  feedback: HTMLElement;
  /** The article's text now (null for a new article). */
  base: { heading: string; body: string } | null;
  /** What adopting does, for the confirmation ("remplacera l'article 2", "sera inséré après l'article 2"). */
  adoptMessage: string;
  /** Where focus goes if the button that opened a dialog was re-rendered meanwhile. */
  returnFocus: () => HTMLElement | null | undefined;
}

export function renderAmendmentItem(a: AmendmentView, ctx: AmendmentContext): HTMLElement {
  const d = ctx.deliberation;
  const markers = d.stancesOn(a.id);
  const matrix = computeMatrix(markers, a.textHash, d.session.rule);
  const report = (err: unknown) => showRefusal(ctx.feedback, err, 'delib.refused');
  const base = ctx.base;
  const wording = base
    ? [a.heading !== base.heading ? renderDiff(base.heading, a.heading) : null,
       a.status === 'open' ? renderDiff(base.body, a.body) : h('p', { class: 'amendment-text' }, a.body)]
    : [a.heading ? h('p', { class: 'amendment-heading' }, a.heading) : null, h('p', { class: 'amendment-text' }, a.body)];
  const item = h('article', { class: `amendment status-${a.status}`, 'data-amendment-id': a.id, 'data-testid': 'amendment' },
    h('p', { class: 'comment-meta' }, h('strong', {}, a.author.displayName), ' · ', t(`amend.status.${a.status}` as never),
      a.decidedBy ? ' · ' + t('amend.decidedBy', { name: a.decidedBy }) : '',
      a.decisionNote ? ' · ' + a.decisionNote : ''),
    ...wording,
    a.rationale ? h('p', { class: 'muted' }, t('amend.rationale', { text: a.rationale })) : null,
    h('p', { class: 'amendment-state' }, stateBadge(matrix.state), ' ', h('span', { class: 'muted small' }, t('amend.stances', { n: matrix.current.length }))));
  if (a.status !== 'open') {
    item.append(...discussion(a, ctx));
    return item;
  }

  const actions = h('div', { class: 'amendment-actions' });
  if (ctx.canDeliberate) {
    const mine = d.myStance(a.id, ctx.me.participantId)?.stance;
    const group = h('div', { role: 'group', class: 'amendment-stances', 'aria-label': t('amend.stanceGroup') });
    for (const s of stanceNames) {
      const b = h('button', { type: 'button', class: `button small${mine === s ? ' primary' : ''}`, 'aria-pressed': mine === s ? 'true' : 'false',
        'data-focus-key': `stance:${a.id}:${s}` }, t(`stance.${s}` as never));
      b.addEventListener('click', async () => {
        let reason: string | null = null;
        if (s === 'reservations' || s === 'block') {
          reason = await askText({
            title: t('amend.reasonTitle', { stance: t(`stance.${s}` as never) }),
            label: t('stance.reasonLabel'),
            hint: t('stance.reasonHint'),
            required: true,
            multiline: true,
            submit: t('stance.save'),
            returnFocus: ctx.returnFocus,
          });
          if (reason === null) return;
        }
        d.setStance(a.id, s, reason).catch(report);
      });
      group.append(b);
    }
    actions.append(group);
  }
  if (ctx.me.role === 'facilitator') {
    const adopt = setText(h('button', { type: 'button', class: 'button small primary', 'data-testid': 'adopt' }), 'amend.adopt');
    adopt.addEventListener('click', async () => {
      const ok = await confirmAction({ title: t('amend.adoptTitle'), message: ctx.adoptMessage, submit: t('amend.adopt'), returnFocus: ctx.returnFocus });
      if (!ok) return;
      d.adopt(a.id).then(() => announce(t('amend.adopted'))).catch(report);
    });
    const aside = setText(h('button', { type: 'button', class: 'button small', 'data-testid': 'set-aside' }), 'amend.setAside');
    aside.addEventListener('click', async () => {
      const note = await askText({
        title: t('amend.setAsideTitle'),
        label: t('amend.setAsidePrompt'),
        multiline: true,
        submit: t('amend.setAside'),
        returnFocus: ctx.returnFocus,
      });
      if (note === null) return;
      d.setAside(a.id, note || undefined).catch(report);
    });
    actions.append(adopt, aside);
  }
  if (actions.childElementCount) item.append(actions);
  item.append(...discussion(a, ctx));
  return item;
}

/** Amendments whose discussion is unfolded on this page (kept across the live redraws of the list). */
const unfolded = new Set<string>();

/** The amendment's discussion: a disclosure button with the count, and the threads with a form to start one. */
function discussion(a: AmendmentView, ctx: AmendmentContext): HTMLElement[] {
  const d = ctx.deliberation;
  const count = d.amendmentCommentCount(a.id);
  const countText = t(count === 1 ? 'comments.count.one' : 'comments.count.many', { n: count });
  const regionId = `amend-discussion-${a.id}`;
  const toggle = h('button', {
    type: 'button',
    class: 'link-button discussion-toggle',
    'aria-controls': regionId,
    'data-testid': 'amendment-discussion-toggle',
    'data-count': String(count),
    'data-focus-key': `discussion:${a.id}`,
  });
  const list = h('ul', { class: 'threads', 'data-testid': 'amendment-threads' });
  const threadCtx: ThreadContext = {
    deliberation: d,
    me: ctx.me,
    canComment: ctx.canComment,
    returnFocus: () => document.getElementById(regionId)?.querySelector<HTMLElement>('button, textarea') ?? ctx.returnFocus(),
  };
  renderThreadList(list, d.amendmentThreads(a.id), threadCtx, ctx.feedback, t('amend.discussion.none'));
  const region = h('section', { id: regionId, class: 'amendment-discussion', 'data-testid': 'amendment-discussion',
    'aria-label': t('amend.discussion.label', { name: a.author.displayName }) },
    list,
    ctx.canComment
      ? newThreadForm({
          key: `amendment:${a.id}`,
          label: t('amend.discussion.newLabel'),
          submit: t('amend.discussion.add'),
          status: ctx.feedback,
          testId: 'amendment-comment-form',
          send: (body) => d.addComment({ amendmentId: a.id, body }),
        })
      : setText(h('p', { class: 'muted small' }), 'amend.discussion.readOnly'));
  const show = (open: boolean) => {
    if (open) unfolded.add(a.id);
    else unfolded.delete(a.id);
    region.hidden = !open;
    toggle.setAttribute('aria-expanded', open ? 'true' : 'false');
    toggle.textContent = t(open ? 'amend.discussion.hide' : 'amend.discussion.show', { count: countText });
    toggle.setAttribute('aria-label', t(open ? 'amend.discussion.hideLabel' : 'amend.discussion.showLabel', { count: countText, name: a.author.displayName }));
  };
  show(unfolded.has(a.id));
  toggle.addEventListener('click', () => show(region.hidden));
  return [h('div', { class: 'discussion-bar' }, toggle), region];
}

/**
 * Re-renders a list of amendments without losing the keyboard: if a button of an amendment had the focus,
 * the same button (same amendment, same position) gets it back in the new rendering.
 */
export function rerenderKeepingFocus(container: HTMLElement, render: () => void): void {
  // Someone writing a comment on an amendment keeps the caret: the redraw waits (renderUnlessTyping).
  renderUnlessTyping(container, () => rerenderNow(container, render));
}

function rerenderNow(container: HTMLElement, render: () => void): void {
  const active = document.activeElement;
  let amendmentId: string | undefined;
  let index = -1;
  if (active instanceof HTMLButtonElement && container.contains(active)) {
    const item = active.closest<HTMLElement>('[data-amendment-id]');
    amendmentId = item?.dataset['amendmentId'];
    if (item) index = [...item.querySelectorAll('button')].indexOf(active);
  }
  // Controls with a stable key (stances, the discussion's buttons) get the focus back by key; others by position.
  if (keepFocus(container, render)) return;
  if (amendmentId === undefined || index < 0) return;
  const item = container.querySelector<HTMLElement>(`[data-amendment-id="${CSS.escape(amendmentId)}"]`);
  const buttons = item ? [...item.querySelectorAll<HTMLButtonElement>('button')] : [];
  (buttons[index] ?? buttons[0] ?? container.querySelector<HTMLElement>('button'))?.focus();
}
