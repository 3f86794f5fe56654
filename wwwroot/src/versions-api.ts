// The workshops / versions / diffs / exports / ideas / follow-up API (docs/protocol.md). Bounded in time.

export interface Workshop {
  id: string; name: string; date: string; place: string; mode: string; state: string;
  opened: string | null; closed: string | null; openingVersionId: string | null; closingVersionId: string | null;
}
export interface Version {
  id: string; number: number; label: string; kind: string; workshopId: string | null; taken: string;
  takenBy: string | null; sha256: string; defaultBaseId: string | null;
}
export interface ClauseText { id: string; number: number; heading: string; body: string; mergedInto: string | null; splitFrom: string | null }
export interface VersionText { version: Version | null; title: string; preamble: string; clauses: ClauseText[]; withdrawn: ClauseText[]; sha256: string }
export interface ClauseChange {
  clauseId: string; olderNumber: number; newerNumber: number; changes: string[]; mergedInto: string | null; splitFrom: string | null;
  wordsInserted: number; wordsDeleted: number; groups: string[];
}
export interface Diff {
  older: Version | null; newer: Version | null; olderSha256: string; newerSha256: string; hasChanges: boolean;
  summaryFr: string; summaryEn: string; clauses: ClauseChange[]; inlineHtml: string; sideBySideHtml: string; milliseconds: number;
}
export interface Disposition { kind: string | null; clauseIds?: string[] | null; ideaNumbers?: number[] | null; note?: string | null; reason?: string | null }
export interface IdeaRow {
  number: number; title: string; text: string; sourceGroup: string | null; disposition: Disposition | null;
  clauseIds: string[]; placed: boolean; unplacedReason: string | null;
}
export interface Article { id: string; number: number; heading: string }
export interface Ideas { articles: Article[]; ideas: IdeaRow[]; placed: number; total: number }
export interface Commitment {
  id: string; clauseId: string; articleNumber: number; articleHeading: string; department: string; action: string;
  dueDate: string; status: string; overdue: boolean;
}
export interface FollowUp { adoptedOn: string | null; defaultDueDate: string; statuses: string[]; commitments: Commitment[] }

export class HttpError extends Error {
  constructor(readonly status: number, readonly code: string, message: string, readonly line?: number) {
    super(message);
  }
}

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 20_000);
  try {
    const init: RequestInit = { method, credentials: 'same-origin', signal: controller.signal, headers: { Accept: 'application/json' } };
    if (body !== undefined) {
      init.headers = { Accept: 'application/json', 'Content-Type': 'application/json' };
      init.body = JSON.stringify(body);
    }
    const response = await fetch(path, init);
    const text = await response.text();
    if (!response.ok) {
      let code = String(response.status);
      let message = text.slice(0, 300);
      let line: number | undefined;
      try {
        const e = JSON.parse(text) as { error?: string; message?: string; line?: number };
        code = e.error ?? code;
        message = e.message ?? message;
        if (typeof e.line === 'number') line = e.line;
      } catch {
        // not JSON: keep the text
      }
      throw new HttpError(response.status, code, message, line);
    }
    return (text ? JSON.parse(text) : undefined) as T;
  } catch (e) {
    if (e instanceof HttpError) throw e;
    throw new HttpError(0, controller.signal.aborted ? 'timeout' : 'network', e instanceof Error ? e.message : String(e));
  } finally {
    clearTimeout(timer);
  }
}

export class VersionsApi {
  constructor(private readonly billId: string) {}
  private p(path: string): string {
    return `/api/bills/${encodeURIComponent(this.billId)}/${path}`;
  }
  workshops = () => call<Workshop[]>('GET', this.p('workshops'));
  createWorkshop = (w: { name: string; date: string; place: string; mode: string }) => call<Workshop>('POST', this.p('workshops'), w);
  moveWorkshop = (id: string, verb: 'open' | 'close') => call<{ workshop: Workshop; version: Version }>('POST', this.p(`workshops/${encodeURIComponent(id)}/${verb}`), {});
  versions = () => call<Version[]>('GET', this.p('versions'));
  takeVersion = (label: string) => call<Version>('POST', this.p('versions'), { label });
  read = (id: string) => call<VersionText>('GET', this.p(`versions/${encodeURIComponent(id)}`));
  diff = (from?: string, to?: string) => {
    const q = new URLSearchParams();
    if (from) q.set('from', from);
    if (to) q.set('to', to);
    const s = q.toString();
    return call<Diff>('GET', this.p('diff' + (s ? '?' + s : '')));
  };
  exportUrl = (format: string, version: string, annex: boolean, lang: string) =>
    this.p(`export?format=${encodeURIComponent(format)}&version=${encodeURIComponent(version)}${annex ? '&annex=true' : ''}&lang=${encodeURIComponent(lang)}`);
  ideas = () => call<Ideas>('GET', this.p('ideas'));
  importIdeas = (format: string, content: string) => call<{ imported: number; total: number }>('POST', this.p('ideas/import'), { format, content });
  setDisposition = (n: number, d: Disposition) => call<void>('PUT', this.p(`ideas/${n}/disposition`), d);
  followUp = () => call<FollowUp>('GET', this.p('follow-up'));
  setAdoption = (date: string | null) => call<void>('PUT', this.p('follow-up/adoption'), { date });
  saveCommitment = (id: string | null, c: { clauseId: string; department: string; action: string; dueDate?: string | null; status?: string }) =>
    id ? call<Commitment>('PUT', this.p(`follow-up/commitments/${encodeURIComponent(id)}`), c) : call<Commitment>('POST', this.p('follow-up/commitments'), c);
  deleteCommitment = (id: string) => call<void>('DELETE', this.p(`follow-up/commitments/${encodeURIComponent(id)}`));
}

/** The bill id of /bills/{id}/something. */
export function billIdFromSubPath(): string | undefined {
  const m = /^\/bills\/([^/]+)\//.exec(location.pathname);
  return m ? decodeURIComponent(m[1]!) : undefined;
}
