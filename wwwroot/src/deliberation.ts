// The deliberation as the browser sees it (docs/deliberation.md): comments, stances, amendments and the
// facilitator's session, loaded through the hub after every Join and kept live by the hub's events
// (Comment, Stance, Amendment, Session). Events that arrive while a load is in flight are replayed on
// top of it, so nothing is lost between the snapshot and the live stream.

import { digest } from 'lib0/hash/sha256';
import { toBase64 } from 'lib0/buffer';
import type { BillProvider } from './provider';
import type { ClauseView } from './bill';
import { hashedText } from './bilingual';
import { emptyRoom, type RoomView } from './hybrid-room';

export type StanceName = 'agree' | 'reservations' | 'disagree' | 'block';
export const stanceNames: StanceName[] = ['agree', 'reservations', 'disagree', 'block'];
export const groupNames = ['citizens', 'elected-officials', 'civil-servants'] as const;
export type GroupName = (typeof groupNames)[number];

export interface Actor {
  participantId: string;
  displayName: string;
  role: string;
  group: string | null;
}

export interface CommentView {
  id: string;
  clauseId: string;
  amendmentId: string | null;
  parentId: string | null;
  author: Actor;
  body: string | null;
  created: string;
  edited: string | null;
  resolved: string | null;
  resolvedBy: string | null;
  hidden: boolean;
  hiddenBy: string | null;
  hiddenReason: string | null;
  deleted: boolean;
  field: string | null;
  anchorStart: string | null;
  anchorEnd: string | null;
  quote: string | null;
  anchor: { from: number; to: number; quote: string; deleted: boolean } | null;
}

export interface StanceView {
  targetId: string;
  participantId: string;
  displayName: string;
  role: string;
  group: string | null;
  stance: StanceName;
  reason: string | null;
  textHash: string;
  givenAt: string;
}

export interface AmendmentView {
  id: string;
  clauseId: string | null;
  afterClauseId: string | null;
  heading: string;
  body: string;
  rationale: string | null;
  baseHeading: string;
  baseBody: string;
  author: Actor;
  created: string;
  status: 'open' | 'adopted' | 'set-aside';
  decidedBy: string | null;
  decidedAt: string | null;
  decisionNote: string | null;
  adoptedClauseId: string | null;
  textHash: string;
}

export interface ConsensusRule {
  blockPrevents: boolean;
  agreeShare: number;
  reservationsCountAsAgree: boolean;
  minStancesPerGroup: number;
}

export interface Tally {
  agree: number;
  reservations: number;
  disagree: number;
  block: number;
  stale: number;
}

export interface AgendaItem {
  clauseId: string;
  minutes: number;
  status: 'pending' | 'current' | 'done';
  startedAt: string | null;
  endedAt: string | null;
}

export interface RoundView {
  id: string;
  clauseId: string;
  openedBy: string;
  openedAt: string;
  closedAt: string | null;
  result: { state: string; textHash: string; tallies: Record<string, Tally>; markers: StanceView[] } | null;
}

export interface VoteView {
  id: string;
  openedBy: string;
  openedAt: string;
  textSha256: string;
  rule: string;
  eligible: number;
  ballots: { participantId: string; displayName: string; approves: boolean; castAt: string; textSha256: string }[];
  closedAt: string | null;
  outcome: { approved: boolean; for: number; against: number; eligible: number; rule: string; textSha256: string } | null;
}

export interface SessionView {
  rule: ConsensusRule;
  approvalRule: 'unanimity' | 'majority';
  agenda: AgendaItem[];
  focusClauseId: string | null;
  locks: { clauseId: string; reason: string; lockedBy: string; lockedAt: string }[];
  round: RoundView | null;
  rounds: RoundView[];
  vote: VoteView | null;
  lastVote: VoteView | null;
  room: RoomView;
}

interface FullView {
  session: SessionView;
  comments: CommentView[];
  stances: StanceView[];
  amendments: AmendmentView[];
}

export type ChangeKind = 'session' | 'comments' | 'stances' | 'amendments' | 'all';

const defaultSession: SessionView = {
  rule: { blockPrevents: true, agreeShare: 0.5, reservationsCountAsAgree: true, minStancesPerGroup: 1 },
  approvalRule: 'unanimity',
  agenda: [],
  focusClauseId: null,
  locks: [],
  round: null,
  rounds: [],
  vote: null,
  lastVote: null,
  room: emptyRoom,
};

/** The ClauseTextHash of the server: SHA-256 (hex) of heading, "\n\u001f\n", body in UTF-8. */
export function clauseTextHash(heading: string, body: string): string {
  const bytes = digest(new TextEncoder().encode(heading + '\n\u001f\n' + body));
  let hex = '';
  for (const b of bytes) hex += b.toString(16).padStart(2, '0');
  return hex;
}

/** The ClauseTextHash of a clause as the server computes it: a bilingual clause's covers both languages. */
export function clauseHash(c: ClauseView): string {
  if (c.translations.size === 0) return clauseTextHash(c.heading.toString(), c.body.toString());
  const bytes = digest(new TextEncoder().encode(hashedText(c)));
  let hex = '';
  for (const b of bytes) hex += b.toString(16).padStart(2, '0');
  return hex;
}

export class Deliberation {
  session: SessionView = defaultSession;
  readonly comments = new Map<string, CommentView>();
  /** key: targetId + '\u0000' + participantId */
  readonly stances = new Map<string, StanceView>();
  readonly amendments = new Map<string, AmendmentView>();
  loaded = false;

  private readonly listeners = new Set<(kind: ChangeKind) => void>();
  private buffering: (() => void)[] | null = null;

  constructor(private readonly provider: BillProvider) {
    provider.onHub('Comment', (billId, view) => this.event(billId, () => this.putComment(view as CommentView), 'comments'));
    provider.onHub('Stance', (billId, change) =>
      this.event(billId, () => this.putStance(change as { targetId: string; participantId: string; marker: StanceView | null }), 'stances'));
    provider.onHub('Amendment', (billId, view) => this.event(billId, () => this.putAmendment(view as AmendmentView), 'amendments'));
    provider.onHub('Session', (billId, view) => this.event(billId, () => (this.session = view as SessionView), 'session'));
    // Every (re)join: reload the whole state, since events may have been missed while away.
    provider.on('joined', () => void this.reload());
  }

  onChange(listener: (kind: ChangeKind) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(kind: ChangeKind): void {
    for (const l of this.listeners) {
      try {
        l(kind);
      } catch (e) {
        console.error(e);
      }
    }
  }

  private event(billId: unknown, apply: () => void, kind: ChangeKind): void {
    if (billId !== this.provider.billId) return;
    if (this.buffering) {
      this.buffering.push(apply);
      return;
    }
    apply();
    this.emit(kind);
  }

  async reload(): Promise<void> {
    this.buffering = [];
    try {
      const view = await this.provider.invoke<FullView>('GetDeliberation', this.provider.billId);
      this.session = view.session;
      this.comments.clear();
      for (const c of view.comments) this.comments.set(c.id, c);
      this.stances.clear();
      for (const s of view.stances) this.stances.set(stanceKey(s.targetId, s.participantId), s);
      this.amendments.clear();
      for (const a of view.amendments) this.amendments.set(a.id, a);
      for (const apply of this.buffering) apply();
      this.loaded = true;
    } catch (e) {
      console.error('deliberation load failed', e);
    } finally {
      this.buffering = null;
    }
    this.emit('all');
  }

  private putComment(c: CommentView): void {
    this.comments.set(c.id, c);
  }

  private putStance(change: { targetId: string; participantId: string; marker: StanceView | null }): void {
    const key = stanceKey(change.targetId, change.participantId);
    if (change.marker) this.stances.set(key, change.marker);
    else this.stances.delete(key);
  }

  private putAmendment(a: AmendmentView): void {
    this.amendments.set(a.id, a);
  }

  // ---- reading

  /**
   * Threads (first comments) on a clause itself, oldest first. Comments on its amendments carry the
   * clause's id too (and a proposed new article's carry the article it follows): they are left out.
   */
  threads(clauseId: string): CommentView[] {
    return [...this.comments.values()]
      .filter((c) => !c.parentId && c.clauseId === clauseId && !c.amendmentId)
      .sort((a, b) => a.created.localeCompare(b.created));
  }

  /** Threads (first comments) on an amendment, oldest first. */
  amendmentThreads(amendmentId: string): CommentView[] {
    return [...this.comments.values()]
      .filter((c) => !c.parentId && c.amendmentId === amendmentId)
      .sort((a, b) => a.created.localeCompare(b.created));
  }

  /** Live comments (not hidden, not deleted; replies included) on an amendment. */
  amendmentCommentCount(amendmentId: string): number {
    let n = 0;
    for (const c of this.comments.values()) if (c.amendmentId === amendmentId && !c.hidden && !c.deleted) n++;
    return n;
  }

  replies(threadId: string): CommentView[] {
    return [...this.comments.values()].filter((c) => c.parentId === threadId).sort((a, b) => a.created.localeCompare(b.created));
  }

  /** Comments shown in a clause's count: its own live comments (not hidden, not deleted). */
  commentCount(clauseId: string): number {
    let n = 0;
    for (const c of this.comments.values()) if (c.clauseId === clauseId && !c.amendmentId && !c.hidden && !c.deleted) n++;
    return n;
  }

  stancesOn(targetId: string): StanceView[] {
    return [...this.stances.values()].filter((s) => s.targetId === targetId);
  }

  myStance(targetId: string, participantId: string): StanceView | undefined {
    return this.stances.get(stanceKey(targetId, participantId));
  }

  amendmentsFor(clauseId: string): AmendmentView[] {
    return [...this.amendments.values()].filter((a) => a.clauseId === clauseId).sort((a, b) => a.created.localeCompare(b.created));
  }

  newClauseAmendments(): AmendmentView[] {
    return [...this.amendments.values()].filter((a) => a.clauseId === null).sort((a, b) => a.created.localeCompare(b.created));
  }

  lockOf(clauseId: string): { reason: string; lockedBy: string } | undefined {
    return this.session.locks.find((l) => l.clauseId === clauseId);
  }

  // ---- actions (each answered by the server with the changed view, also sent to everyone)

  private call<T>(method: string, ...args: unknown[]): Promise<T> {
    return this.provider.invoke<T>(method, this.provider.billId, ...args);
  }

  addComment(input: {
    clauseId?: string;
    amendmentId?: string;
    parentId?: string;
    body: string;
    field?: string;
    anchorStart?: Uint8Array;
    anchorEnd?: Uint8Array;
  }): Promise<CommentView> {
    return this.call<CommentView>('AddComment', {
      clauseId: input.clauseId ?? null,
      amendmentId: input.amendmentId ?? null,
      parentId: input.parentId ?? null,
      body: input.body,
      field: input.field ?? null,
      anchorStart: input.anchorStart ? toBase64(input.anchorStart) : null,
      anchorEnd: input.anchorEnd ? toBase64(input.anchorEnd) : null,
      quote: null,
    }).then((c) => (this.putComment(c), this.emit('comments'), c));
  }

  editComment(id: string, body: string): Promise<CommentView> {
    return this.call<CommentView>('EditComment', id, body).then((c) => (this.putComment(c), this.emit('comments'), c));
  }

  deleteComment(id: string): Promise<CommentView> {
    return this.call<CommentView>('DeleteComment', id).then((c) => (this.putComment(c), this.emit('comments'), c));
  }

  resolveComment(id: string, resolved: boolean): Promise<CommentView> {
    return this.call<CommentView>('ResolveComment', id, resolved).then((c) => (this.putComment(c), this.emit('comments'), c));
  }

  hideComment(id: string, reason: string): Promise<CommentView> {
    return this.call<CommentView>('HideComment', id, reason).then((c) => (this.putComment(c), this.emit('comments'), c));
  }

  setStance(targetId: string, stance: StanceName, reason: string | null): Promise<StanceView> {
    return this.call<StanceView>('SetStance', { targetId, stance, reason }).then((s) => {
      this.putStance({ targetId, participantId: s.participantId, marker: s });
      this.emit('stances');
      return s;
    });
  }

  withdrawStance(targetId: string, participantId: string): Promise<boolean> {
    return this.call<boolean>('WithdrawStance', targetId).then((r) => {
      this.putStance({ targetId, participantId, marker: null });
      this.emit('stances');
      return r;
    });
  }

  propose(input: { clauseId?: string; afterClauseId?: string; heading: string; body: string; rationale?: string }): Promise<AmendmentView> {
    return this.call<AmendmentView>('ProposeAmendment', {
      clauseId: input.clauseId ?? null,
      afterClauseId: input.afterClauseId ?? null,
      heading: input.heading,
      body: input.body,
      rationale: input.rationale ?? null,
    }).then((a) => (this.putAmendment(a), this.emit('amendments'), a));
  }

  adopt(id: string, note?: string): Promise<AmendmentView> {
    return this.call<AmendmentView>('AdoptAmendment', id, note ?? null).then((a) => (this.putAmendment(a), this.emit('amendments'), a));
  }

  setAside(id: string, note?: string): Promise<AmendmentView> {
    return this.call<AmendmentView>('SetAmendmentAside', id, note ?? null).then((a) => (this.putAmendment(a), this.emit('amendments'), a));
  }

  /** Facilitator and vote actions: each answers with the new session. */
  session$(method: string, ...args: unknown[]): Promise<SessionView> {
    return this.call<SessionView>(method, ...args).then((s) => {
      this.session = s;
      this.emit('session');
      return s;
    });
  }
}

function stanceKey(targetId: string, participantId: string): string {
  return targetId + '\u0000' + participantId;
}
