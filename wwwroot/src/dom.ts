// Tiny DOM helpers: build elements without innerHTML, so names people type are never parsed as markup.

import { onLangChange } from './i18n';

type Attrs = Record<string, string | number | boolean | undefined | null>;
type Child = Node | string | null | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'class') el.className = String(value);
    else if (value === true) el.setAttribute(name, '');
    else el.setAttribute(name, String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    el.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return el;
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`missing element #${id}`);
  return el as T;
}

let announcer: HTMLElement | undefined;

/** Says something to screen readers without moving focus (moves, merges, copies…). */
export function announce(message: string): void {
  if (!announcer) onLangChange(() => announcer?.replaceChildren()); // said in the other language: stale now
  if (!announcer) {
    announcer = h('div', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite', id: 'announcer' });
    document.body.append(announcer);
  }
  announcer.textContent = '';
  const target = announcer;
  setTimeout(() => (target.textContent = message), 50);
}

/** Readable text on a background colour: black or white, whichever contrasts more. */
export function textOn(color: string): string {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})/i.exec(color);
  if (!m) return '#000';
  const lin = (x: string) => {
    const c = parseInt(x, 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const l = 0.2126 * lin(m[1]!) + 0.7152 * lin(m[2]!) + 0.0722 * lin(m[3]!);
  return l > 0.179 ? '#000' : '#fff';
}

// ---- re-rendering live lists without losing the keyboard or a half-written text

/**
 * True while the person types in a field inside the container. An empty field with a focus key is not
 * "typing": redrawing loses nothing and keepFocus puts the caret back (so a posted comment shows at once).
 */
function typingIn(container: HTMLElement): boolean {
  const a = document.activeElement;
  if (!(a instanceof HTMLElement) || !container.contains(a)) return false;
  if (a instanceof HTMLTextAreaElement || (a instanceof HTMLInputElement && a.type === 'text')) return a.value !== '' || a.dataset['focusKey'] === undefined;
  return a.isContentEditable;
}

/**
 * Runs a render that replaces a container's children and gives the focus back to the same control in the
 * new rendering: controls that can be re-rendered under the keyboard carry a stable data-focus-key.
 * Returns false when the focused control had no key or is gone, so callers can fall back.
 */
export function keepFocus(container: HTMLElement, render: () => void): boolean {
  const active = document.activeElement;
  const key = active instanceof HTMLElement && container.contains(active) ? active.dataset['focusKey'] : undefined;
  render();
  if (key === undefined) return false;
  const next = container.querySelector<HTMLElement>(`[data-focus-key="${CSS.escape(key)}"]`);
  if (!next || next.closest('[hidden]')) return false;
  next.focus();
  return true;
}

const held = new WeakMap<HTMLElement, () => void>();
const watched = new WeakSet<HTMLElement>();

/**
 * Renders a live list now, unless the person is typing in it (a reply, a comment): then the latest render
 * waits until the focus leaves the container, or until the form posts and calls flushHeld. A live event
 * must never take a caret away.
 */
export function renderUnlessTyping(container: HTMLElement, render: () => void): void {
  if (typingIn(container)) {
    held.set(container, render);
    if (!watched.has(container)) {
      watched.add(container);
      container.addEventListener('focusout', (e) => {
        const to = e.relatedTarget;
        // Focus moving to a button of the same list (send, cancel…): redrawing now could swallow its click.
        if (to instanceof Node && container.contains(to)) return;
        setTimeout(() => {
          const r = held.get(container);
          if (!r || typingIn(container)) return;
          held.delete(container);
          keepFocus(container, r);
        }, 0);
      });
    }
    return;
  }
  held.delete(container);
  keepFocus(container, render);
}

/** Runs at once the render held back for the outermost live list around <paramref>el</paramref> (after one's own post). */
export function flushHeld(el: Element): void {
  let target: HTMLElement | null = null;
  for (let n: HTMLElement | null = el instanceof HTMLElement ? el : el.parentElement; n; n = n.parentElement) if (held.has(n)) target = n;
  if (!target) return;
  const render = held.get(target)!;
  held.delete(target);
  keepFocus(target, render);
}
