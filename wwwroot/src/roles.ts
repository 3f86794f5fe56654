// Colours by role: carets, selections and avatars tell at a glance who is a citizen, an elected official,
// a civil servant… (names tell people apart). All dark enough for white text (WCAG AA).

import type { Awareness } from 'y-protocols/awareness';

const roleColors: Record<string, string> = {
  facilitator: '#6929c4',
  citizen: '#0043ce',
  elected: '#a2191f',
  'civil-servant': '#005d5d',
  clerk: '#8a3800',
  observer: '#525252',
};

/** The role's own group: shown only when someone's group differs from it. */
const defaultGroups: Record<string, string> = {
  citizen: 'citizens',
  elected: 'elected-officials',
  'civil-servant': 'civil-servants',
};

export function roleColor(role: string): string {
  return roleColors[role] ?? '#393939';
}

export function isDefaultGroup(role: string, group: string | null | undefined): boolean {
  return !group || defaultGroups[role] === group;
}

/**
 * The server vouches for each person's name, role and group and gives a colour per person; the editor
 * draws carets with user.color. Recolour every state by role before anything else reads it, so
 * call this before the editors subscribe to the awareness.
 */
export function colourByRole(awareness: Awareness): void {
  const apply = () => {
    for (const state of awareness.getStates().values()) {
      const user = (state as { user?: { role?: unknown; color?: unknown; colorLight?: unknown } }).user;
      if (!user || typeof user.role !== 'string') continue;
      const color = roleColor(user.role);
      if (user.color !== color) {
        user.color = color;
        user.colorLight = color + '2e';
      }
    }
  };
  awareness.on('change', apply);
  apply();
}
