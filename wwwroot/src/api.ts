// The HTTP side of the server: bills, invites, joining, who am I. Every call is bounded in time.

export interface Invite {
  id: string;
  role: string;
  /** Only present when the link was just created: the server never shows a secret twice. */
  url?: string;
  created?: string;
  revoked?: string | null;
}

export interface InvitePreview {
  billId: string;
  title: string;
  role: string;
}

export interface CreatedBill {
  billId: string;
  invites: Invite[];
}

export interface Me {
  participantId: string;
  displayName: string;
  role: string;
  group: string | null;
  canEdit: boolean;
}

export interface Participant {
  participantId?: string;
  id?: string;
  displayName: string;
  role: string;
  group?: string | null;
}

/** A failed call: status 0 means the network or a timeout, not the server. */
export class ApiError extends Error {
  /** The server's stable code (`{ error: code }`), or `network`/`timeout`, or the status when the answer was not JSON. */
  readonly code: string;

  constructor(
    readonly status: number,
    message: string,
    readonly timedOut = false,
    code?: string,
  ) {
    super(message);
    this.name = 'ApiError';
    this.code = code ?? (status === 0 ? (timedOut ? 'timeout' : 'network') : String(status));
  }
}

const defaultTimeoutMs = 10_000;

async function call<T>(method: string, url: string, body?: unknown, timeoutMs = defaultTimeoutMs): Promise<T> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  let response: Response;
  try {
    const init: RequestInit = {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? { Accept: 'application/json' } : { Accept: 'application/json', 'Content-Type': 'application/json' },
      signal: controller.signal,
    };
    if (body !== undefined) init.body = JSON.stringify(body);
    response = await fetch(url, init);
  } catch (e) {
    throw new ApiError(0, e instanceof Error ? e.message : String(e), controller.signal.aborted);
  } finally {
    clearTimeout(timer);
  }
  if (!response.ok) {
    let detail = response.statusText;
    let code: string | undefined;
    try {
      const text = await response.text();
      if (text) detail = text.slice(0, 300);
      const body = JSON.parse(text) as { error?: unknown; message?: unknown };
      if (typeof body.error === 'string') code = body.error;
      if (typeof body.message === 'string') detail = body.message;
    } catch {
      // not JSON: keep the text, the status stands for the code
    }
    throw new ApiError(response.status, detail, false, code);
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** `languages`: two codes, primary first, to create a bilingual bill; empty for a monolingual one. */
export function createBill(title: string, preamble: string, displayName: string, languages: string[] = []): Promise<CreatedBill> {
  return call<CreatedBill>('POST', '/api/bills', { title, preamble: preamble || null, displayName, ...(languages.length ? { languages } : {}) });
}

export function joinBill(secret: string, displayName: string): Promise<{ billId: string }> {
  return call<{ billId: string }>('POST', '/api/join', { secret, displayName });
}

export function previewInvite(secret: string): Promise<InvitePreview> {
  return call<InvitePreview>('GET', `/api/join/${encodeURIComponent(secret)}`);
}

export function getMe(billId: string, timeoutMs?: number): Promise<Me> {
  return call<Me>('GET', `/api/bills/${encodeURIComponent(billId)}/me`, undefined, timeoutMs);
}

export function getParticipants(billId: string): Promise<Participant[]> {
  return call<Participant[]>('GET', `/api/bills/${encodeURIComponent(billId)}/participants`);
}

export function listInvites(billId: string): Promise<Invite[]> {
  return call<Invite[]>('GET', `/api/bills/${encodeURIComponent(billId)}/invites`);
}

export function createInvite(billId: string, role: string): Promise<Invite> {
  return call<Invite>('POST', `/api/bills/${encodeURIComponent(billId)}/invites`, { role });
}

export function revokeInvite(billId: string, inviteId: string): Promise<void> {
  return call<void>('DELETE', `/api/bills/${encodeURIComponent(billId)}/invites/${encodeURIComponent(inviteId)}`);
}

/** Absolute link for an invite, whatever form (relative or absolute) the server used. */
export function absoluteUrl(url: string): string {
  try {
    return new URL(url, location.origin).toString();
  } catch {
    return url;
  }
}
