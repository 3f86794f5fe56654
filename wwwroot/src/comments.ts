// Comments on a clause or on one of its amendments: threads, replies, resolve/reopen, edit/delete one's
// own, a facilitator's hide (with a trace), and (clause threads only) the commented ranges highlighted in
// the body editor. A range is two Yjs relative positions on the clause's Y.Text (made from the CodeMirror
// selection), so it follows the text through everyone's edits; when its text is deleted the thread says so.
// The clause's discussion and each amendment's discussion render their threads with the one function
// renderThreadList, so both behave alike (keyboard, live updates, half-written replies kept).

import * as Y from 'yjs';
import { fromBase64 } from 'lib0/buffer';
import { StateEffect, StateField, type Extension } from '@codemirror/state';
import { Decoration, EditorView, type DecorationSet } from '@codemirror/view';
import type { TextEditor } from './editor';
import { type CommentView, type Deliberation } from './deliberation';
import { askText, confirmAction } from './dialog';
import { announce, flushHeld, h, renderUnlessTyping } from './dom';
import { showRefusal } from './errors';
import { formatDateTime, roleLabel, setText, t } from './i18n';

// ---- highlighted ranges in an editor

const setRanges = StateEffect.define<{ from: number; to: number; id: string }[]>();
const rangeMark = (id: string) => Decoration.mark({ class: 'cm-comment-range', attributes: { 'data-comment-id': id } });

const rangesField = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(value, tr) {
    let next = value.map(tr.changes);
    for (const e of tr.effects) {
      if (e.is(setRanges)) {
        const len = tr.state.doc.length;
        const marks = e.value
          .filter((r) => r.from < r.to && r.to <= len)
          .sort((a, b) => a.from - b.from)
          .map((r) => rangeMark(r.id).range(r.from, r.to));
        next = Decoration.set(marks, true);
      }
    }
    return next;
  },
  provide: (f) => EditorView.decorations.from(f),
});

const installed = new WeakSet<EditorView>();

/** Highlights ranges in an editor (installs the decoration field on first use). */
export function highlightRanges(editor: TextEditor, ranges: { from: number; to: number; id: string }[]): void {
  const view = editor.view;
  const effects: StateEffect<unknown>[] = [];
  if (!installed.has(view)) {
    installed.add(view);
    effects.push(StateEffect.appendConfig.of(rangesField as Extension));
  }
  effects.push(setRanges.of(ranges));
  view.dispatch({ effects });
}

/** Where a comment's range is in the local document now; null when it cannot be resolved here. */
export function resolveRange(doc: Y.Doc, ytext: Y.Text, c: CommentView): { from: number; to: number; deleted: boolean } | null {
  if (!c.anchorStart || !c.anchorEnd) return null;
  try {
    const a = Y.createAbsolutePositionFromRelativePosition(Y.decodeRelativePosition(fromBase64(c.anchorStart)), doc);
    const b = Y.createAbsolutePositionFromRelativePosition(Y.decodeRelativePosition(fromBase64(c.anchorEnd)), doc);
    if (!a || !b) return null;
    if (a.type !== ytext || b.type !== ytext) return { from: 0, to: 0, deleted: true };
    return b.index <= a.index ? { from: a.index, to: a.index, deleted: true } : { from: a.index, to: b.index, deleted: false };
  } catch {
    return null;
  }
}

/** The current selection of an editor as relative positions on its Y.Text; null when nothing is selected. */
export function selectionAnchor(editor: TextEditor, ytext: Y.Text): { start: Uint8Array; end: Uint8Array; quote: string } | null {
  const sel = editor.view.state.selection.main;
  if (sel.empty) return null;
  const start = Y.createRelativePositionFromTypeIndex(ytext, sel.from, 0);
  const end = Y.createRelativePositionFromTypeIndex(ytext, sel.to, -1);
  return { start: Y.encodeRelativePosition(start), end: Y.encodeRelativePosition(end), quote: ytext.toString().slice(sel.from, sel.to) };
}

// ---- threads

export interface ThreadContext {
  deliberation: Deliberation;
  me: { participantId: string; role: string };
  canComment: boolean;
  /** Live resolution of a range (local doc), when the comment has one (clause threads; amendments have none). */
  rangeOf?(c: CommentView): { from: number; to: number; deleted: boolean } | null;
  quoteOf?(c: CommentView, range: { from: number; to: number }): string;
  /** Where focus goes after a dialog if the button that opened it was re-rendered meanwhile. */
  returnFocus?: () => HTMLElement | null | undefined;
}

function time(iso: string): string {
  const d = new Date(iso);
  return formatDateTime(d);
}

function report(status: HTMLElement, error: unknown): void {
  showRefusal(status, error, 'delib.refused');
}

/** One thread (first comment and its replies) as a list item. */
export function renderThread(thread: CommentView, ctx: ThreadContext, status: HTMLElement): HTMLLIElement {
  const replies = ctx.deliberation.replies(thread.id);
  const item = h('li', { class: `thread${thread.resolved ? ' resolved' : ''}`, 'data-comment-id': thread.id, 'data-testid': 'thread' });
  if (thread.field && (thread.anchorStart || thread.quote)) {
    const range = ctx.rangeOf?.(thread) ?? null;
    const deleted = range ? range.deleted : (thread.anchor?.deleted ?? false);
    const quote = range && !range.deleted && ctx.quoteOf ? ctx.quoteOf(thread, range) : (thread.quote ?? '');
    item.append(
      deleted
        ? h('p', { class: 'quote deleted', 'data-testid': 'anchor-deleted' }, t('comments.anchorDeleted', { quote: thread.quote ?? '' }))
        : h('blockquote', { class: 'quote' }, quote),
    );
  }
  item.append(renderComment(thread, ctx, status, true));
  if (replies.length) item.append(h('ul', { class: 'replies' }, ...replies.map((r) => h('li', {}, renderComment(r, ctx, status, false)))));
  if (ctx.canComment && !thread.hidden && !thread.deleted) item.append(replyForm(thread, ctx, status));
  return item;
}

function renderComment(c: CommentView, ctx: ThreadContext, status: HTMLElement, isThread: boolean): HTMLElement {
  const mine = c.author.participantId === ctx.me.participantId;
  const header = h('p', { class: 'comment-meta' },
    h('strong', {}, c.author.displayName), ' · ', roleLabel(c.author.role), ' · ', h('time', { datetime: c.created }, time(c.created)),
    c.edited ? ' · ' + t('comments.edited') : '',
    isThread && c.resolved ? h('span', { class: 'resolved-tag' }, ' · ' + t('comments.resolvedBy', { name: c.resolvedBy ?? '' })) : null);
  let body: HTMLElement;
  if (c.hidden) body = h('p', { class: 'comment-body withheld' }, t('comments.hidden', { name: c.hiddenBy ?? '', reason: c.hiddenReason ?? '' }));
  else if (c.deleted) body = setText(h('p', { class: 'comment-body withheld' }), 'comments.deleted');
  else body = h('p', { class: 'comment-body' }, c.body ?? '');
  const actions = h('div', { class: 'comment-actions' });
  const live = !c.hidden && !c.deleted;
  const button = (kind: string, label: string, aria: string, run: () => Promise<unknown>) => {
    const b = h('button', { type: 'button', class: 'link-button', 'aria-label': aria, 'data-focus-key': `${kind}:${c.id}` }, label);
    b.addEventListener('click', () => run().catch((e) => report(status, e)));
    actions.append(b);
  };
  const who = c.author.displayName;
  if (live && mine) {
    button('edit', t('comments.edit'), t('comments.editLabel', { name: who }), async () => {
      const next = await askText({
        title: t('comments.editTitle'),
        label: t('comments.editPrompt'),
        value: c.body ?? '',
        required: true,
        multiline: true,
        submit: t('comments.editSave'),
        returnFocus: () => document.querySelector<HTMLElement>(`.comment[data-comment-id="${c.id}"] button`) ?? ctx.returnFocus?.(),
      });
      if (next !== null && next !== c.body) await ctx.deliberation.editComment(c.id, next);
    });
    button('delete', t('comments.delete'), t('comments.deleteLabel', { name: who }), async () => {
      const ok = await confirmAction({
        title: t('comments.deleteTitle'),
        message: t('comments.deleteConfirm'),
        submit: t('comments.delete'),
        danger: true,
        returnFocus: ctx.returnFocus,
      });
      if (ok) await ctx.deliberation.deleteComment(c.id);
    });
  }
  if (isThread && live && ctx.canComment && ctx.me.role !== 'observer') {
    button('resolve', c.resolved ? t('comments.reopen') : t('comments.resolve'), (c.resolved ? t('comments.reopen') : t('comments.resolve')) + ' — ' + who,
      async () => {
        await ctx.deliberation.resolveComment(c.id, !c.resolved);
        announce(c.resolved ? t('comments.reopened') : t('comments.resolved'));
      });
  }
  if (live && ctx.me.role === 'facilitator') {
    button('hide', t('comments.hide'), t('comments.hideLabel', { name: who }), async () => {
      const reason = await askText({
        title: t('comments.hideTitle', { name: who }),
        label: t('comments.hideReason'),
        hint: t('comments.hidePrompt'),
        required: true,
        submit: t('comments.hide'),
        danger: true,
        returnFocus: () => document.querySelector<HTMLElement>(`.comment[data-comment-id="${c.id}"] button`) ?? ctx.returnFocus?.(),
      });
      if (reason) await ctx.deliberation.hideComment(c.id, reason);
    });
  }
  return h('div', { class: 'comment', 'data-comment-id': c.id }, header, body, actions.childElementCount ? actions : null);
}

let formCounter = 0;

/** Texts being written (replies, new comments), by form: a live redraw rebuilds the form with its text. */
const drafts = new Map<string, string>();

/**
 * The threads of one discussion (a clause's or an amendment's) into their list, live: while someone types
 * a reply in the list, the redraw waits (see renderUnlessTyping); focus stays on the same control.
 */
export function renderThreadList(list: HTMLUListElement, threads: CommentView[], ctx: ThreadContext, status: HTMLElement, empty?: string): void {
  renderUnlessTyping(list, () =>
    list.replaceChildren(...(threads.length || !empty
      ? threads.map((c) => renderThread(c, ctx, status))
      : [h('li', { class: 'muted no-threads' }, empty)])));
}

/**
 * A form that starts a thread: a labelled text box and a submit button. The text survives live redraws
 * (drafts, by key); after posting, the box is empty and keeps the focus, ready for another comment.
 */
export function newThreadForm(opts: {
  key: string;
  label: string;
  submit: string;
  status: HTMLElement;
  send: (body: string) => Promise<unknown>;
  testId?: string;
}): HTMLFormElement {
  const id = `new-thread-${opts.key.replace(/[^\w-]/g, '-')}`;
  const draftKey = `new:${opts.key}`;
  const area = h('textarea', { id, rows: 2, class: 'thread-text', 'data-focus-key': draftKey });
  area.value = drafts.get(draftKey) ?? '';
  area.addEventListener('input', () => drafts.set(draftKey, area.value));
  const send = h('button', { type: 'submit', class: 'button small', 'data-focus-key': `new-send:${opts.key}` }, opts.submit);
  const form = h('form', { class: 'thread-form', 'data-testid': opts.testId },
    h('label', { for: id }, opts.label), area, h('div', { class: 'comment-form-actions' }, send));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const body = area.value.trim();
    if (!body) {
      setText(opts.status, 'comments.empty');
      area.focus();
      return;
    }
    // The draft goes before the call: the redraw that shows the new comment must not bring its text back.
    drafts.delete(draftKey);
    send.disabled = true;
    opts
      .send(body)
      .then(() => {
        area.value = '';
        setText(opts.status, 'comments.added');
        announce(t('comments.added'));
        flushHeld(form);
      })
      .catch((err) => {
        if (!drafts.has(draftKey)) drafts.set(draftKey, area.value || body);
        report(opts.status, err);
      })
      .finally(() => (send.disabled = false));
  });
  return form;
}

function replyForm(thread: CommentView, ctx: ThreadContext, status: HTMLElement): HTMLElement {
  // A reply box under every thread makes the discussion heavy: a "Répondre" button opens it on demand.
  // A draft (even empty) means the box is open: a live redraw brings it back open, with its text.
  const id = `reply-${thread.id}-${++formCounter}`;
  const draftKey = `reply:${thread.id}`;
  const area = h('textarea', { id, rows: 2, class: 'reply-text', 'data-focus-key': draftKey });
  area.value = drafts.get(draftKey) ?? '';
  area.addEventListener('input', () => drafts.set(draftKey, area.value));
  const send = h('button', { type: 'submit', class: 'button small', 'data-focus-key': `reply-send:${thread.id}` }, t('comments.reply'));
  const cancel = h('button', { type: 'button', class: 'button small', 'data-focus-key': `reply-cancel:${thread.id}` }, t('dialog.cancel'));
  const form = h('form', { class: 'reply-form', id: `${id}-form`, hidden: true },
    h('label', { for: id, class: 'visually-hidden' }, t('comments.replyLabel', { name: thread.author.displayName })), area,
    h('div', { class: 'reply-actions' }, send, cancel));
  const openKey = `reply-open:${thread.id}`;
  const open = h('button', { type: 'button', class: 'link-button reply-open', 'aria-expanded': 'false', 'aria-controls': `${id}-form`,
    'aria-label': t('comments.replyLabel', { name: thread.author.displayName }), 'data-focus-key': openKey }, t('comments.reply'));
  const show = (visible: boolean, focus = true) => {
    form.hidden = !visible;
    open.hidden = visible;
    open.setAttribute('aria-expanded', visible ? 'true' : 'false');
    if (focus) (visible ? area : open).focus();
  };
  if (drafts.has(draftKey)) show(true, false);
  // Closing: back to the "Répondre" button, in this rendering or (if the list was redrawn meanwhile) the new one.
  const close = () => {
    drafts.delete(draftKey);
    if (form.isConnected) {
      area.value = '';
      show(false);
      flushHeld(form);
    } else if (!document.activeElement || document.activeElement === document.body) {
      document.querySelector<HTMLElement>(`[data-focus-key="${CSS.escape(openKey)}"]`)?.focus();
    }
  };
  open.addEventListener('click', () => {
    if (drafts.has(draftKey)) area.value = drafts.get(draftKey)!;
    else drafts.set(draftKey, area.value);
    show(true);
  });
  cancel.addEventListener('click', close);
  form.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      close();
    }
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const body = area.value.trim();
    if (!body) return;
    // The draft goes before the call: the redraw that shows the reply must not reopen the box with its text.
    drafts.delete(draftKey);
    send.disabled = true;
    ctx.deliberation
      .addComment({ parentId: thread.id, body })
      .then(() => {
        close();
        announce(t('comments.replied'));
      })
      .catch((err) => {
        if (!drafts.has(draftKey)) drafts.set(draftKey, area.value || body);
        report(status, err);
      })
      .finally(() => (send.disabled = false));
  });
  return h('div', { class: 'reply' }, open, form);
}
