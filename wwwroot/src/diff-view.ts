// Renders a diff from the server: a summary sentence, the clause-level changes, and the inline or
// side-by-side text (HTML the server built with every character encoded, so it can be inserted as is).

import { h } from './dom';
import { groupLabel, lang, type MessageKey, setText, t } from './i18n';
import type { ClauseChange, Diff } from './versions-api';

/** Who made a clause's clause-level change, as the diff endpoint sends it (null when nothing to name). */
interface ClauseBy { change: string; who: string; group: string | null; role: string | null; name: string | null; others: number }

const byKeys: Record<string, MessageKey> = {
  citizens: 'ver.by.citizens',
  'elected-officials': 'ver.by.elected-officials',
  'civil-servants': 'ver.by.civil-servants',
  facilitator: 'ver.by.facilitator',
  'adopted-amendment': 'ver.by.adopted-amendment',
};

// "déplacé par le collège des élus (Élise)", "moved by elected officials", "withdrawn, author unknown".
function byText(c: ClauseChange): string {
  const by = (c as ClauseChange & { by?: ClauseBy | null }).by;
  if (!by) return '';
  const changeKey = changeKeys[by.change];
  const change = changeKey ? t(changeKey) : by.change;
  const key = byKeys[by.who];
  if (!key) return ' — ' + t('ver.byUnknown', { change });
  const name = by.name && by.who !== 'adopted-amendment' ? ` (${by.name})` : '';
  const others = by.others > 0 ? ' ' + t('ver.byOthers', { n: by.others }) : '';
  return ' — ' + t('ver.byChange', { change, who: t(key) }) + name + others;
}

export type DiffMode = 'inline' | 'side';

const changeKeys: Record<string, MessageKey> = {
  added: 'ver.change.added',
  withdrawn: 'ver.change.withdrawn',
  moved: 'ver.change.moved',
  renumbered: 'ver.change.renumbered',
  merged: 'ver.change.merged',
  split: 'ver.change.split',
  'heading-changed': 'ver.change.heading-changed',
  'text-changed': 'ver.change.text-changed',
};

export function renderDiff(host: HTMLElement, diff: Diff, mode: DiffMode): void {
  const summary = h('p', { class: 'diff-summary', 'data-testid': 'diff-summary' }, lang() === 'en' ? diff.summaryEn : diff.summaryFr);
  const list = h('ul', { class: 'clause-changes', 'aria-label': t('ver.changesLabel') });
  for (const c of diff.clauses) {
    if (c.changes.length === 0) continue;
    const number = c.newerNumber || c.olderNumber;
    const what = c.changes.map((k) => (changeKeys[k] ? t(changeKeys[k]) : k)).join(', ');
    const who = c.groups.length ? ' — ' + c.groups.map(groupLabel).join(', ') : '';
    const words = c.wordsInserted || c.wordsDeleted ? ' ' + t('ver.words', { ins: c.wordsInserted, del: c.wordsDeleted }) : '';
    list.append(h('li', { 'data-clause': c.clauseId }, h('strong', {}, t('ver.article', { n: number })), ' : ' + what + words + who + byText(c)));
  }
  const body = h('div', { class: 'diff-host', 'data-testid': 'diff-text' });
  // Safe: DiffHtml encodes all text server-side; only its own tags and classes are markup.
  body.innerHTML = mode === 'inline' ? diff.inlineHtml : diff.sideBySideHtml;
  const legend = h('p', { class: 'diff-legend small' },
    setText(h('ins', {}), 'ver.legendIns'), ' ', setText(h('del', {}), 'ver.legendDel'), ' ', h('ins', { class: 'punct' }, ','), ' ', t('ver.legendPunct'));
  host.replaceChildren(summary, list.childElementCount ? list : setText(h('p', { class: 'muted' }), 'ver.noClauseChange'), legend, body);
}
