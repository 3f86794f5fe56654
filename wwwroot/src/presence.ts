// Who is here: one entry per person present (from awareness; the server vouches for name, role, group).

import type { Awareness } from 'y-protocols/awareness';
import { groupLabel, onLangChange, plural, roleLabel, setText, t } from './i18n';
import { isDefaultGroup, roleColor } from './roles';
import { h, textOn } from './dom';

export interface PresentUser {
  name: string;
  role: string;
  group: string | null;
  color: string;
  self: boolean;
}

interface UserField {
  name?: unknown;
  role?: unknown;
  group?: unknown;
  color?: unknown;
}

export function presentUsers(awareness: Awareness): PresentUser[] {
  const byKey = new Map<string, PresentUser>();
  for (const [clientId, state] of awareness.getStates()) {
    const user = (state as { user?: UserField }).user;
    if (!user || typeof user.name !== 'string') continue;
    const entry: PresentUser = {
      name: user.name,
      role: typeof user.role === 'string' ? user.role : '',
      group: typeof user.group === 'string' && user.group ? user.group : null,
      color: roleColor(typeof user.role === 'string' ? user.role : ''),
      self: clientId === awareness.clientID,
    };
    // The same person in two tabs is one person here.
    const key = `${entry.name}\u0000${entry.role}\u0000${entry.group ?? ''}`;
    const existing = byKey.get(key);
    if (!existing) byKey.set(key, entry);
    else if (entry.self) existing.self = true;
  }
  return [...byKey.values()].sort((a, b) => Number(b.self) - Number(a.self) || a.name.localeCompare(b.name));
}

export class PresenceList {
  private readonly countEl = h('p', { class: 'presence-count' });
  private readonly listEl = h('ul', { class: 'presence-list', 'data-testid': 'presence' });
  private scheduled = false;

  constructor(
    private readonly root: HTMLElement,
    private readonly awareness: Awareness,
  ) {
    const heading = h('h2', { id: 'presence-heading', class: 'panel-heading' });
    root.setAttribute('aria-labelledby', 'presence-heading');
    root.replaceChildren(heading, this.countEl, this.listEl);
    awareness.on('change', () => this.schedule());
    onLangChange(() => this.render());
    this.render();
  }

  private schedule(): void {
    // Cursor moves change awareness on every keystroke; the list only needs redrawing once a frame.
    if (this.scheduled) return;
    this.scheduled = true;
    requestAnimationFrame(() => {
      this.scheduled = false;
      this.render();
    });
  }

  private render(): void {
    const heading = this.root.querySelector('#presence-heading');
    if (heading instanceof HTMLElement) setText(heading, 'presence.heading');
    const users = presentUsers(this.awareness);
    this.countEl.textContent = plural(users.length, 'presence.count.one', 'presence.count.many');
    this.listEl.replaceChildren(
      ...users.map((u) =>
        h(
          'li',
          { class: 'presence-item' },
          h('span', { class: 'avatar', style: `background:${u.color};color:${textOn(u.color)}`, 'aria-hidden': 'true' }, initials(u.name)),
          h(
            'span',
            { class: 'presence-text' },
            h('span', { class: 'presence-name' }, u.name, u.self ? ` ${t('presence.you')}` : ''),
            h(
              'span',
              { class: 'presence-role' },
              [roleLabel(u.role), isDefaultGroup(u.role, u.group) ? '' : groupLabel(u.group!)].filter(Boolean).join(' · '),
            ),
          ),
        ),
      ),
    );
  }
}

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? [parts[0]!, parts[parts.length - 1]!] : parts.slice(0, 1);
  return letters.map((p) => p.charAt(0).toUpperCase()).join('') || '?';
}
