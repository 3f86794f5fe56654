// Server refusals for people: every refusal carries a stable code (docs/protocol.md); the message shown is the
// table's entry for that code in the current language. The server's own sentence (English) is only a fallback
// for a code this front end does not know yet.

import { hasKey, onLangChange, t, type MessageKey } from './i18n';

/** A refusal taken apart: the code (undefined when none could be found) and the server's sentence. */
export interface Refusal {
  code: string | undefined;
  /** For `locked`: what is locked (`vote-open`, `unresolved`, or a clause id). */
  subject?: string;
  /** The server's text after the code, for the fallback and the logs. */
  detail: string;
  /** Extra values some messages use (`line` for `invalid-ideas`). */
  params?: Record<string, string | number>;
}

const codeShape = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

/**
 * Reads a hub refusal's text. SignalR sends `An unexpected error occurred invoking 'X' on the server.
 * HubException: code: sentence`; the code is the text after `HubException: ` up to the next `: `.
 * A bare `code: sentence` (a test client, a status detail) is read the same way.
 */
export function parseHubRefusal(text: string): Refusal {
  const m = /HubException: ([^]*)$/.exec(text);
  const rest = m ? m[1]! : text;
  const colon = rest.indexOf(': ');
  const head = colon > 0 ? rest.slice(0, colon) : rest.trim();
  if (!codeShape.test(head)) return { code: undefined, detail: text };
  const detail = colon > 0 ? rest.slice(colon + 2) : '';
  if (head === 'locked') {
    // `locked: <clauseId | vote-open | unresolved>: sentence` from the update path; a bare sentence otherwise.
    const c = detail.indexOf(': ');
    const subject = c > 0 ? detail.slice(0, c) : '';
    if (/^[A-Za-z0-9_-]{1,64}$/.test(subject)) return { code: head, subject, detail: detail.slice(c + 2) };
    return { code: head, detail };
  }
  return { code: head, detail };
}

/** An error object with a server code (HttpError, ApiError) or a hub refusal. */
export function refusalOf(error: unknown): Refusal {
  if (error && typeof error === 'object' && 'code' in error && typeof (error as { code: unknown }).code === 'string') {
    const e = error as { code: string; message?: string; line?: number };
    const params = typeof e.line === 'number' ? { line: e.line } : undefined;
    return params ? { code: e.code, detail: e.message ?? '', params } : { code: e.code, detail: e.message ?? '' };
  }
  return parseHubRefusal(error instanceof Error ? error.message : String(error));
}

/** The message table's key for a refusal, or undefined when the code is unknown here. */
export function refusalKey(r: Refusal): string | undefined {
  if (!r.code) return undefined;
  if (r.code === 'locked') {
    // Edits to a locked article name the clause; the vote freezes everything; some edits cannot be placed.
    const key =
      r.subject === undefined ? 'err.locked.text'
      : r.subject === 'vote-open' || r.subject === 'unresolved' ? `err.locked.${r.subject}`
      : 'err.locked';
    return hasKey(key) ? key : undefined;
  }
  const key = `err.${r.code}`;
  return hasKey(key) ? key : undefined;
}

/** What to tell people about a refused action, in the current language. */
export function refusalMessage(error: unknown): string {
  const r = typeof error === 'string' ? parseHubRefusal(error) : refusalOf(error);
  // Unknown code: the server's own sentence beats nothing.
  return messageOf(r) || (error instanceof Error ? error.message : String(error));
}

/** The refusal code of an error, if it has one. */
export function refusalCode(error: unknown): string | undefined {
  return refusalOf(error).code;
}

/**
 * Shows a refusal in an element (optionally inside a wrapper message such as `delib.refused`), and keeps it in
 * the page's language: the refusal is kept on the element and redrawn when the language changes.
 */
export function showRefusal(el: HTMLElement, error: unknown, wrap?: MessageKey, wrapParam = 'reason'): void {
  const r = typeof error === 'string' ? parseHubRefusal(error) : refusalOf(error);
  if (!r.code && error instanceof Error) r.detail = error.message;
  el.dataset['refusal'] = JSON.stringify({ r, wrap: wrap ?? null, wrapParam });
  el.dataset['code'] = r.code ?? '';
  delete el.dataset['i18n'];
  delete el.dataset['i18nShown'];
  drawRefusal(el);
}

function messageOf(r: Refusal): string {
  const key = refusalKey(r);
  if (key && hasKey(key)) return t(key, r.params);
  if (r.code && /^\d+$/.test(r.code)) return t('error.generic', { status: r.code });
  return r.detail;
}

function drawRefusal(el: HTMLElement): void {
  const stored = el.dataset['refusal'];
  if (!stored) return;
  const { r, wrap, wrapParam } = JSON.parse(stored) as { r: Refusal; wrap: MessageKey | null; wrapParam: string };
  const message = messageOf(r);
  el.textContent = wrap ? t(wrap, { [wrapParam]: message }) : message;
  el.dataset['refusalShown'] = el.textContent;
}

onLangChange(() => {
  for (const el of document.querySelectorAll<HTMLElement>('[data-refusal]')) {
    // Written over since: no longer a refusal to redraw.
    if (el.textContent !== el.dataset['refusalShown']) {
      delete el.dataset['refusal'];
      delete el.dataset['refusalShown'];
    } else {
      drawRefusal(el);
    }
  }
});
