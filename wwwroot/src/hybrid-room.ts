// The hybrid room (docs/accessibility.md): who is in the room and who is remote, the raised hands' queue and
// the floor. The state is the session's `room` (server-checked: a participant raises or lowers their own hand,
// only the facilitator gives or takes back the floor); this module draws it on the bill page (one's own
// attendance and hand), the console (the queue with "give the floor") and the projector (the queue, the floor,
// the remote stances awaited in a round).

import type { Deliberation, SessionView } from './deliberation';
import { announce, h } from './dom';
import { showRefusal } from './errors';
import { onLangChange, setText, t, type MessageKey } from './i18n';

export type Attendance = 'room' | 'remote';

export interface SeatView {
  participantId: string;
  displayName: string;
  role: string;
  group: string | null;
  attendance: Attendance | null;
  handRaisedAt: string | null;
  floorAt: string | null;
}

export interface RoomView {
  seats: SeatView[];
  hands: SeatView[];
  floor: SeatView | null;
}

export const emptyRoom: RoomView = { seats: [], hands: [], floor: null };

/** The attendance a person chose on the join page, kept until the bill page has told the server. */
export const pendingAttendanceKey = (billId: string) => `pcd.attendance.${billId}`;

export function attendanceLabel(a: Attendance | null): string {
  return t(`room.attendance.${a ?? 'unknown'}` as MessageKey);
}

function roomOf(session: SessionView): RoomView {
  return session.room ?? emptyRoom;
}

/**
 * Remote participants of the three groups and, among them, those whose current stance on the clause is on
 * this text (hash): what a consensus round waits for before the room closes it.
 */
export function remoteStances(d: Deliberation, clauseId: string, hash: string): { given: SeatView[]; waiting: SeatView[] } {
  const expected = roomOf(d.session).seats.filter((s) => s.attendance === 'remote' && s.group);
  const given = expected.filter((s) => d.myStance(clauseId, s.participantId)?.textHash === hash);
  return { given, waiting: expected.filter((s) => !given.includes(s)) };
}

/** "Remote stances: 1 of 2" and who is awaited; null when nobody declared themselves remote. */
export function remoteStancesLine(d: Deliberation, clauseId: string, hash: string, attrs: Record<string, string> = {}): HTMLElement | null {
  const { given, waiting } = remoteStances(d, clauseId, hash);
  const expected = given.length + waiting.length;
  if (expected === 0) return null;
  return h('p', { class: `remote-stances${waiting.length ? ' waiting' : ''}`, 'data-testid': 'remote-stances', ...attrs },
    t('room.remoteStances', { given: given.length, expected }),
    waiting.length ? h('span', { class: 'remote-waiting' }, ' — ' + t('room.remoteWaiting', { names: waiting.map((s) => s.displayName).join(', ') })) : null);
}

/** The floor and the queue, as the projector and the console show them. */
export function handsQueue(room: RoomView, action?: (seat: SeatView) => HTMLElement | null): HTMLElement {
  const floor = room.floor
    ? h('p', { class: 'room-floor', 'data-testid': 'room-floor' }, t('room.floor', { name: room.floor.displayName, attendance: attendanceLabel(room.floor.attendance) }))
    : setText(h('p', { class: 'room-floor muted', 'data-testid': 'room-floor' }), 'room.noFloor');
  const list = room.hands.length
    ? h('ol', { class: 'hands', 'data-testid': 'hands' }, ...room.hands.map((s, i) =>
      h('li', { 'data-participant-id': s.participantId, class: `hand ${s.attendance ?? 'unknown'}` },
        h('span', {}, t('room.hand', { n: i + 1, name: s.displayName, attendance: attendanceLabel(s.attendance) })),
        action ? action(s) : null)))
    : setText(h('p', { class: 'muted', 'data-testid': 'hands' }), 'room.noHands');
  return h('div', { class: 'room-queue' }, floor, setText(h('h3', { class: 'sub-heading' }), 'room.handsHeading'), list);
}

/** The console's section: attendance, the queue with "give the floor", "take the floor back". */
export function roomConsoleSection(d: Deliberation, act: (method: string, ...args: unknown[]) => void): HTMLElement {
  const room = roomOf(d.session);
  const count = (a: Attendance | null) => room.seats.filter((s) => s.attendance === a).length;
  const give = (s: SeatView) => {
    const b = h('button', { type: 'button', class: 'button small primary', 'aria-label': t('room.giveLabel', { name: s.displayName }), 'data-testid': 'give-floor' }, t('room.give'));
    b.addEventListener('click', () => act('GiveFloor', s.participantId));
    return b;
  };
  const clear = setText(h('button', { type: 'button', class: 'button small', disabled: room.floor === null, 'data-testid': 'clear-floor' }), 'room.clear');
  clear.addEventListener('click', () => act('ClearFloor'));
  return h('section', { class: 'panel console-section', 'aria-labelledby': 'room-heading', 'data-testid': 'console-room' },
    setText(h('h2', { id: 'room-heading', class: 'panel-heading' }), 'room.heading'),
    handsQueue(room, give), clear,
    setText(h('h3', { class: 'sub-heading' }), 'room.attendanceHeading'),
    h('p', { 'data-testid': 'attendance-counts' }, t('room.counts', { room: count('room'), remote: count('remote'), unknown: count(null) })),
    h('ul', { class: 'attendance-list', 'data-testid': 'attendance' }, ...room.seats.map((s) =>
      h('li', { class: s.attendance ?? 'unknown' }, `${s.displayName} — ${attendanceLabel(s.attendance)}`))));
}

/**
 * The bill page's panel: say where one takes part from, raise or lower one's hand, see the floor and one's
 * place in the queue. Built once and updated in place, so a live change never takes the keyboard focus away.
 */
export class RoomPanel {
  private readonly radios: Record<Attendance, HTMLInputElement>;
  private readonly hand: HTMLButtonElement | null;
  private readonly ask = h('p', { class: 'room-ask', id: 'room-ask' });
  private readonly place = h('p', { class: 'room-place', 'data-testid': 'room-place' });
  private readonly floor = h('p', { class: 'room-floor', 'data-testid': 'room-floor' });
  private readonly feedback = h('p', { class: 'form-error', role: 'alert', hidden: true });
  private readonly legend = h('legend', {});
  private readonly labels: Record<Attendance, HTMLLabelElement>;
  private floorHolder: string | null | undefined;

  constructor(
    root: HTMLElement,
    private readonly d: Deliberation,
    private readonly me: { participantId: string; role: string },
  ) {
    const radio = (a: Attendance) => h('input', { type: 'radio', name: 'attendance', id: `attendance-${a}`, value: a, 'data-testid': `attendance-${a}` });
    this.radios = { room: radio('room'), remote: radio('remote') };
    this.labels = { room: h('label', { for: 'attendance-room' }), remote: h('label', { for: 'attendance-remote' }) };
    for (const a of ['room', 'remote'] as const) {
      this.radios[a].addEventListener('change', () => {
        if (this.radios[a].checked) this.call('SetAttendance', a);
      });
    }
    this.hand = me.role === 'observer' ? null : h('button', { type: 'button', class: 'button', 'aria-pressed': 'false', 'data-testid': 'raise-hand' });
    this.hand?.addEventListener('click', () => this.call('RaiseHand', !this.mySeat()?.handRaisedAt));
    const heading = h('h2', { id: 'room-panel-heading', class: 'panel-heading' });
    root.setAttribute('aria-labelledby', 'room-panel-heading');
    root.replaceChildren(heading,
      h('fieldset', { class: 'attendance', 'aria-describedby': 'room-ask' }, this.legend,
        h('span', { class: 'choice' }, this.radios.room, this.labels.room),
        h('span', { class: 'choice' }, this.radios.remote, this.labels.remote)),
      ...([this.ask, this.hand, this.place, this.floor, this.feedback] as (HTMLElement | null)[]).filter((e): e is HTMLElement => e !== null));
    root.hidden = false;
    const texts = () => {
      setText(heading, 'room.heading');
      setText(this.legend, 'room.attendanceLegend');
      setText(this.labels.room, 'join.attendance.room');
      setText(this.labels.remote, 'join.attendance.remote');
      setText(this.ask, 'room.askAttendance');
      this.render();
    };
    onLangChange(texts);
    d.onChange((kind) => {
      if (kind === 'session' || kind === 'all') this.render();
    });
    texts();
  }

  private mySeat(): SeatView | undefined {
    return roomOf(this.d.session).seats.find((s) => s.participantId === this.me.participantId);
  }

  private call(method: string, ...args: unknown[]): void {
    this.feedback.hidden = true;
    this.d.session$(method, ...args).catch((e) => {
      this.feedback.hidden = false;
      showRefusal(this.feedback, e, 'delib.refused');
      this.render();
    });
  }

  private render(): void {
    const room = roomOf(this.d.session);
    const seat = this.mySeat();
    for (const a of ['room', 'remote'] as const) this.radios[a].checked = seat?.attendance === a;
    this.ask.hidden = !!seat?.attendance;
    if (this.hand) {
      const raised = !!seat?.handRaisedAt;
      this.hand.setAttribute('aria-pressed', String(raised));
      this.hand.classList.toggle('primary', !raised);
      setText(this.hand, raised ? 'room.lower' : 'room.raise');
    }
    const rank = room.hands.findIndex((s) => s.participantId === this.me.participantId);
    const mine = room.floor?.participantId === this.me.participantId;
    this.place.hidden = rank < 0 && !mine;
    this.place.textContent = mine ? t('room.youHaveFloor') : rank >= 0 ? t('room.queuePlace', { n: rank + 1 }) : '';
    this.floor.textContent = room.floor ? t('room.floor', { name: room.floor.displayName, attendance: attendanceLabel(room.floor.attendance) }) : t('room.noFloor');
    // Who has the floor is said once when it changes (not on the first load).
    const holder = room.floor?.participantId ?? null;
    if (this.floorHolder !== undefined && holder !== this.floorHolder && room.floor) announce(t('live.floor', { name: room.floor.displayName }));
    if (this.d.loaded) this.floorHolder = holder;
  }
}
