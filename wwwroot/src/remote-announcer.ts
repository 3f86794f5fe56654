// Other people's edits, said politely to screen readers (RGAA 7.5, WCAG 4.1.3): one short sentence naming the
// articles changed and who changed them, at most once every few seconds, in a live region of its own, so
// a room of thirty people typing does not flood a screen reader and never takes the focus.

import * as Y from 'yjs';
import type { Awareness } from 'y-protocols/awareness';
import type { BillModel } from './bill';
import { h } from './dom';
import { onLangChange, t } from './i18n';

/** The shortest gap between two announcements (ms); edits in between are gathered into the next one. */
export const announceEveryMs = 8_000;
/** How long edits are gathered after the first one before it is said (ms): a word, not a keystroke. */
const gatherMs = 1_500;

export class RemoteEditAnnouncer {
  readonly region = h('div', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite', id: 'remote-announcer', 'data-testid': 'remote-announcer' });
  private readonly changed = new Set<unknown>();
  private readonly authors = new Set<number>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private lastSaid = 0;
  private listening = false;

  constructor(
    doc: Y.Doc,
    private readonly model: BillModel,
    private readonly awareness: Awareness,
  ) {
    document.body.append(this.region);
    onLangChange(() => this.region.replaceChildren());
    doc.on('afterTransaction', (tr: Y.Transaction) => {
      // Remote updates are applied as non-local transactions; local typing and undo are local.
      if (tr.local || !this.listening) return;
      for (const type of tr.changed.keys()) this.changed.add(type);
      for (const [client, clock] of tr.afterState) if ((tr.beforeState.get(client) ?? 0) < clock) this.authors.add(client);
      if (this.changed.size) this.schedule();
    });
  }

  /** Starts listening: called once the first sync is done, so the text that loads is not "changed by someone". */
  start(): void {
    this.listening = true;
  }

  private schedule(): void {
    if (this.timer) return;
    const wait = Math.max(gatherMs, this.lastSaid + announceEveryMs - Date.now());
    this.timer = setTimeout(() => this.flush(), wait);
  }

  private flush(): void {
    this.timer = undefined;
    const articles = new Set<number>();
    for (const c of this.model.list().active) {
      if (c.number === undefined) continue;
      if (this.changed.has(c.heading) || this.changed.has(c.body) || this.changed.has(c.map)) articles.add(c.number);
    }
    const names = new Set<string>();
    const states = this.awareness.getStates();
    for (const client of this.authors) {
      const user = (states.get(client) as { user?: { name?: unknown } } | undefined)?.user;
      if (user && typeof user.name === 'string') names.add(user.name);
    }
    this.changed.clear();
    this.authors.clear();
    if (!articles.size) return;
    const list = [...articles].sort((a, b) => a - b).map((n) => t('bill.article', { n })).join(', ');
    this.lastSaid = Date.now();
    this.region.textContent = t('live.remoteEdit', { articles: list, names: names.size ? [...names].join(', ') : t('live.someone') });
  }
}
