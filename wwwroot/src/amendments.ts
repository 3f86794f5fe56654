// Amendments shown as a word diff against the current clause: deleted words struck through, added words
// underlined (and announced as such to screen readers), never colour alone.

import { h } from './dom';
import { setText } from './i18n';

function tokens(s: string): string[] {
  return s.match(/\s+|[\p{L}\p{N}’'-]+|[^\s\p{L}\p{N}]/gu) ?? [];
}

export type DiffOp = { kind: 'same' | 'del' | 'ins'; text: string };

/** Word-level diff (longest common subsequence over words, spaces and punctuation). */
export function wordDiff(before: string, after: string): DiffOp[] {
  const a = tokens(before);
  const b = tokens(after);
  // Trim the common head and tail first: clause texts differ in a few places.
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const ma = a.slice(start, endA);
  const mb = b.slice(start, endB);
  const ops: DiffOp[] = [];
  const push = (kind: DiffOp['kind'], text: string) => {
    const last = ops[ops.length - 1];
    if (last && last.kind === kind) last.text += text;
    else if (text) ops.push({ kind, text });
  };
  push('same', a.slice(0, start).join(''));
  if (ma.length * mb.length > 4_000_000) {
    push('del', ma.join(''));
    push('ins', mb.join(''));
  } else {
    const n = ma.length;
    const m = mb.length;
    const lcs: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        lcs[i]![j] = ma[i] === mb[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
      }
    }
    let i = 0;
    let j = 0;
    while (i < n && j < m) {
      if (ma[i] === mb[j]) {
        push('same', ma[i]!);
        i++;
        j++;
      } else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) push('del', ma[i++]!);
      else push('ins', mb[j++]!);
    }
    while (i < n) push('del', ma[i++]!);
    while (j < m) push('ins', mb[j++]!);
  }
  push('same', a.slice(endA).join(''));
  return ops;
}

/** The diff as inline marked-up text. */
export function renderDiff(before: string, after: string): HTMLElement {
  const ops = wordDiff(before, after);
  return h('p', { class: 'diff', 'data-testid': 'amendment-diff' },
    ...ops.map((op) =>
      op.kind === 'same' ? op.text
      : op.kind === 'del' ? h('del', {}, setText(h('span', { class: 'visually-hidden' }), 'diff.deletedStart'), op.text, setText(h('span', { class: 'visually-hidden' }), 'diff.end'))
      : h('ins', {}, setText(h('span', { class: 'visually-hidden' }), 'diff.insertedStart'), op.text, setText(h('span', { class: 'visually-hidden' }), 'diff.end'))));
}
