// The bill as docs/document-model.md lays it out in the Y.Doc, and the operations people perform on it.
// Numbers ("Article N") are computed here from the active clauses' order; they are never stored.

import * as Y from 'yjs';
import { compareKeys, keyBetween } from './order-key';
import { bodyKey, headingKey, parseLanguages } from './bilingual';

export type ClauseState = 'active' | 'withdrawn';

export interface ClauseView {
  id: string;
  map: Y.Map<unknown>;
  heading: Y.Text;
  body: Y.Text;
  order: string;
  state: ClauseState;
  mergedInto: string | undefined;
  splitFrom: string | undefined;
  /** A bilingual bill's clause: its texts in the languages other than the primary one (docs/document-model.md). */
  translations: Map<string, { heading: Y.Text; body: Y.Text }>;
  /** 1-based article number for active clauses, undefined for withdrawn ones. */
  number: number | undefined;
}

const idAlphabet = '0123456789abcdefghijklmnopqrstuvwxyz';

/** `c` and 10 characters from 0-9a-z, drawn at random. */
export function newClauseId(): string {
  const bytes = new Uint8Array(10);
  crypto.getRandomValues(bytes);
  let id = 'c';
  // 252 is the largest multiple of 36 below 256: rejecting above it keeps the draw uniform.
  for (let i = 0; i < bytes.length; i++) {
    let b = bytes[i]!;
    while (b >= 252) {
      const one = new Uint8Array(1);
      crypto.getRandomValues(one);
      b = one[0]!;
    }
    id += idAlphabet[b % 36];
  }
  return id;
}

export class BillModel {
  readonly title: Y.Text;
  readonly preamble: Y.Text;
  readonly clauses: Y.Map<Y.Map<unknown>>;
  /** Bill-wide settings kept in the document: `languages` ("fr,en") makes the bill bilingual. */
  readonly settings: Y.Map<unknown>;

  constructor(readonly doc: Y.Doc) {
    this.title = doc.getText('title');
    this.preamble = doc.getText('preamble');
    this.clauses = doc.getMap<Y.Map<unknown>>('clauses');
    this.settings = doc.getMap<unknown>('bill');
  }

  /** A bilingual bill's two languages, primary first; empty for a monolingual bill. */
  languages(): string[] {
    const raw = this.settings.get('languages');
    return parseLanguages(typeof raw === 'string' ? raw : undefined);
  }

  /** Every clause with a usable shape, active ones first in article order, then the withdrawn ones. */
  list(): { active: ClauseView[]; withdrawn: ClauseView[] } {
    const active: ClauseView[] = [];
    const withdrawn: ClauseView[] = [];
    const languages = this.languages();
    for (const [id, map] of this.clauses.entries()) {
      if (!(map instanceof Y.Map)) continue;
      const heading = map.get('heading');
      const body = map.get('body');
      if (!(heading instanceof Y.Text) || !(body instanceof Y.Text)) continue; // half-arrived or foreign
      const orderRaw = map.get('order');
      const stateRaw = map.get('state');
      const mergedInto = map.get('mergedInto');
      const splitFrom = map.get('splitFrom');
      const translations = new Map<string, { heading: Y.Text; body: Y.Text }>();
      for (const language of languages.slice(1)) {
        const h = map.get(headingKey(languages, language));
        const b = map.get(bodyKey(languages, language));
        if (h instanceof Y.Text && b instanceof Y.Text) translations.set(language, { heading: h, body: b });
      }
      const view: ClauseView = {
        id,
        map,
        heading,
        body,
        order: typeof orderRaw === 'string' ? orderRaw : '',
        state: stateRaw === 'withdrawn' ? 'withdrawn' : 'active',
        mergedInto: typeof mergedInto === 'string' ? mergedInto : undefined,
        splitFrom: typeof splitFrom === 'string' ? splitFrom : undefined,
        translations,
        number: undefined,
      };
      (view.state === 'active' ? active : withdrawn).push(view);
    }
    const byOrder = (a: ClauseView, b: ClauseView) => compareKeys(a.order, b.order) || compareKeys(a.id, b.id);
    active.sort(byOrder);
    withdrawn.sort(byOrder);
    active.forEach((c, i) => (c.number = i + 1));
    return { active, withdrawn };
  }

  private createClause(order: string, headingText: string, bodyText: string, splitFrom?: string): string {
    let id = newClauseId();
    while (this.clauses.has(id)) id = newClauseId();
    const map = new Y.Map<unknown>();
    const heading = new Y.Text();
    const body = new Y.Text();
    if (headingText) heading.insert(0, headingText);
    if (bodyText) body.insert(0, bodyText);
    map.set('heading', heading);
    map.set('body', body);
    map.set('order', order);
    map.set('state', 'active');
    if (splitFrom) map.set('splitFrom', splitFrom);
    // A bilingual bill's new clause gets its second-language texts now, in the same transaction: created later by
    // whoever types first, two people could create them at once and one text would be lost.
    const languages = this.languages();
    for (const language of languages.slice(1)) {
      map.set(headingKey(languages, language), new Y.Text());
      map.set(bodyKey(languages, language), new Y.Text());
    }
    this.clauses.set(id, map);
    return id;
  }

  /** Adds an active clause after `afterId` (or at the end); returns its id. */
  add(afterId?: string, headingText = '', bodyText = ''): string {
    const { active } = this.list();
    let index = afterId ? active.findIndex((c) => c.id === afterId) : active.length - 1;
    if (index < 0) index = active.length - 1;
    const before = index >= 0 ? active[index]?.order : undefined;
    const after = active[index + 1]?.order;
    let id = '';
    this.doc.transact(() => {
      id = this.createClause(keyBetween(before, after), headingText, bodyText);
    });
    return id;
  }

  /** Moves a clause one place up (delta -1) or down (+1). Returns false at the ends. */
  move(id: string, delta: -1 | 1): boolean {
    const { active } = this.list();
    const i = active.findIndex((c) => c.id === id);
    if (i < 0) return false;
    const target = i + delta;
    if (target < 0 || target >= active.length) return false;
    const others = active.filter((c) => c.id !== id);
    // After removing the clause, it goes between others[target-1] and others[target].
    const lo = others[target - 1]?.order;
    const hi = others[target]?.order;
    active[i]!.map.set('order', keyBetween(lo, hi));
    return true;
  }

  withdraw(id: string): void {
    const map = this.clauses.get(id);
    if (map) map.set('state', 'withdrawn');
  }

  /** Puts a withdrawn clause back at the end of the bill (merged clauses stay where their text went). */
  restore(id: string): void {
    const map = this.clauses.get(id);
    if (!map || map.get('mergedInto') !== undefined) return;
    const { active } = this.list();
    this.doc.transact(() => {
      map.set('order', keyBetween(active[active.length - 1]?.order, undefined));
      map.set('state', 'active');
    });
  }

  /**
   * Splits a clause at offset k of its body: the text after k moves into a new clause placed right
   * after it, with splitFrom set. One transaction, so nobody ever sees the text twice or nowhere.
   */
  split(id: string, offset: number): string | undefined {
    const { active } = this.list();
    const i = active.findIndex((c) => c.id === id);
    const clause = active[i];
    if (!clause) return undefined;
    const text = clause.body.toString();
    const k = Math.max(0, Math.min(offset, text.length));
    // Leading line breaks of the tail belong to neither article.
    const tail = text.slice(k).replace(/^\s*\n/, '');
    let newId: string | undefined;
    this.doc.transact(() => {
      const len = clause.body.length;
      if (len > k) clause.body.delete(k, len - k);
      // Trailing blank lines left at the cut go too.
      const kept = clause.body.toString();
      const trimmed = kept.replace(/\s+$/, '');
      if (trimmed.length < kept.length) clause.body.delete(trimmed.length, kept.length - trimmed.length);
      newId = this.createClause(keyBetween(clause.order, active[i + 1]?.order), '', tail, clause.id);
    });
    return newId;
  }

  /** Merges the next active clause into this one: B's body appended to A's, B withdrawn, B.mergedInto = A. */
  mergeWithNext(id: string): string | undefined {
    const { active } = this.list();
    const i = active.findIndex((c) => c.id === id);
    const a = active[i];
    const b = active[i + 1];
    if (!a || !b) return undefined;
    this.doc.transact(() => {
      const bText = b.body.toString();
      if (bText.length > 0) {
        const sep = a.body.length > 0 ? '\n\n' : '';
        a.body.insert(a.body.length, sep + bText);
      }
      for (const [language, text] of b.translations) {
        const into = a.translations.get(language);
        const more = text.body.toString();
        if (into && more.length > 0) into.body.insert(into.body.length, (into.body.length > 0 ? '\n\n' : '') + more);
      }
      b.map.set('state', 'withdrawn');
      b.map.set('mergedInto', a.id);
    });
    return b.id;
  }
}
