// Invite links: one row per link with a copy button (index page after creating a bill, and the
// facilitator's panel on the bill page, which can also create and revoke links).

import { absoluteUrl, createInvite, listInvites, revokeInvite, type Invite } from './api';
import { announce, h } from './dom';
import { formatDateTime, onLangChange, roleLabel, setText, t } from './i18n';

export const knownRoles = ['citizen', 'elected', 'civil-servant', 'clerk', 'facilitator', 'observer'];

async function copy(text: string, input: HTMLInputElement): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // No clipboard permission (http, old browser): select the text so Ctrl+C works.
    input.focus();
    input.select();
    try {
      return document.execCommand('copy');
    } catch {
      return false;
    }
  }
}

export function inviteRow(invite: Invite, onRevoke?: (invite: Invite) => void): HTMLLIElement {
  const role = roleLabel(invite.role);
  const row = h('li', { class: 'invite', 'data-invite-role': invite.role });
  const line = h('div', { class: 'invite-line' });
  if (invite.url) {
    const url = absoluteUrl(invite.url);
    const inputId = `invite-${invite.id}`;
    const input = h('input', { id: inputId, type: 'text', readonly: true, value: url, class: 'invite-url', 'data-role': invite.role });
    const copyButton = h('button', { type: 'button', class: 'button small', 'aria-label': t('invite.copyLabel', { role }) }, t('invite.copy'));
    const feedback = h('span', { class: 'invite-feedback', role: 'status' });
    copyButton.addEventListener('click', async () => {
      const ok = await copy(url, input);
      feedback.textContent = ok ? t('invite.copied') : t('invite.copyFailed');
    });
    line.append(input, copyButton);
    row.append(h('label', { for: inputId, class: 'invite-role' }, role), line, feedback);
  } else {
    const created = invite.created ? new Date(invite.created) : undefined;
    row.append(h('span', { class: 'invite-role' }, role), line);
    if (created && !Number.isNaN(created.getTime())) {
      row.append(h('span', { class: 'muted' }, t('invite.created', { date: formatDateTime(created) })));
    }
  }
  if (onRevoke) {
    const revoke = h('button', { type: 'button', class: 'button small danger', 'aria-label': t('invite.revokeLabel', { role }) }, t('invite.revoke'));
    revoke.addEventListener('click', () => onRevoke(invite));
    line.append(revoke);
  }
  return row;
}

/** The facilitator's panel: list, create (by role) and revoke invite links. */
export class InvitePanel {
  private invites: Invite[] = [];
  private readonly list = h('ul', { class: 'invite-list' });
  private readonly error = h('p', { class: 'error', role: 'alert' });
  private readonly select = h('select', { id: 'new-invite-role' });
  private readonly createButton = h('button', { type: 'button', class: 'button small' });
  private readonly label = h('label', { for: 'new-invite-role' });
  private readonly heading = h('h2', { id: 'invites-heading', class: 'panel-heading' });

  constructor(
    root: HTMLElement,
    private readonly billId: string,
  ) {
    root.setAttribute('aria-labelledby', 'invites-heading');
    root.replaceChildren(this.heading, this.list, h('div', { class: 'invite-create' }, this.label, this.select, this.createButton), this.error);
    this.createButton.addEventListener('click', () => void this.create());
    onLangChange(() => this.render());
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      this.invites = (await listInvites(this.billId)).filter((i) => !i.revoked);
      this.error.textContent = '';
    } catch {
      setText(this.error, 'error.network');
    }
    this.render();
  }

  private async create(): Promise<void> {
    try {
      const invite = await createInvite(this.billId, this.select.value);
      this.invites.push(invite);
      this.render();
      announce(t('invite.copyLabel', { role: roleLabel(invite.role) }));
    } catch {
      setText(this.error, 'error.network');
    }
  }

  private async revoke(invite: Invite): Promise<void> {
    try {
      await revokeInvite(this.billId, invite.id);
      this.invites = this.invites.filter((i) => i.id !== invite.id);
      this.render();
      announce(t('invite.revoked'));
    } catch {
      setText(this.error, 'error.network');
    }
  }

  private render(): void {
    setText(this.heading, 'invite.heading');
    setText(this.label, 'invite.createFor');
    setText(this.createButton, 'invite.create');
    const roles = [...new Set([...this.invites.map((i) => i.role), ...knownRoles])];
    const selected = this.select.value;
    this.select.replaceChildren(...roles.map((r) => h('option', { value: r, selected: r === selected }, roleLabel(r))));
    this.list.replaceChildren(
      ...(this.invites.some((i) => !i.url) ? [setText(h('li', { class: 'muted small' }), 'invite.secretHidden')] : []),
      ...(this.invites.length ? this.invites.map((i) => inviteRow(i, (inv) => void this.revoke(inv))) : [setText(h('li', { class: 'muted' }), 'invite.none')]),
    );
  }
}
