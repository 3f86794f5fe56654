// Setting up a bill for a load run through the server's own HTTP API and the browser's own provider:
// create it, join people by the citizen invite, and have the facilitator write the articles.
import * as Y from 'yjs';
import { Awareness } from 'y-protocols/awareness';
import { HttpTransportType } from '@microsoft/signalr';
import { BillProvider } from '../../../wwwroot/src/provider';
import { BillModel } from '../../../wwwroot/src/bill';

export interface CreatedBill {
  billId: string;
  cookie: string;
  citizenSecret: string;
}

function cookieOf(r: Response): string {
  const all = (r.headers as unknown as { getSetCookie(): string[] }).getSetCookie();
  const c = all.find((x) => x.startsWith('pcd_'));
  if (!c) throw new Error('no session cookie in the answer');
  return c.split(';')[0]!;
}

/** Creates a bill as its facilitator; returns the bill, the facilitator's cookie and the citizen invite's secret. */
export async function createBill(url: string, title: string, preamble: string): Promise<CreatedBill> {
  const r = await fetch(new URL('/api/bills', url), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ title, preamble, displayName: 'Animation' }),
    signal: AbortSignal.timeout(10_000),
  });
  if (!r.ok) throw new Error(`POST /api/bills: ${r.status} ${await r.text()}`);
  const body = (await r.json()) as { billId: string; invites: { role: string; url: string }[] };
  const citizen = body.invites.find((i) => i.role === 'citizen');
  if (!citizen) throw new Error('no citizen invite');
  return { billId: body.billId, cookie: cookieOf(r), citizenSecret: citizen.url.split('/join/')[1]! };
}

/** Joins one person by an invite secret; returns their session cookie. */
export async function join(url: string, secret: string, name: string, timeoutMs: number): Promise<string> {
  const r = await fetch(new URL('/api/join', url), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ secret, displayName: name }),
    signal: AbortSignal.timeout(timeoutMs),
  });
  if (!r.ok) throw new Error(`POST /api/join: ${r.status} ${await r.text()}`);
  return cookieOf(r);
}

/**
 * The facilitator writes the articles the typists will type into with the browser's own provider, and leaves.
 * WebSockets without negotiation, so the hub connection reaches the server the request was balanced to.
 */
export async function seedArticles(hubUrl: string, billId: string, cookie: string, count: number): Promise<void> {
  const doc = new Y.Doc();
  const awareness = new Awareness(doc);
  const provider = new BillProvider({
    hubUrl,
    billId,
    doc,
    awareness,
    storage: null,
    watchBrowserNetwork: false,
    connectionOptions: { headers: { Cookie: cookie }, withCredentials: false, skipNegotiation: true, transport: HttpTransportType.WebSockets },
  });
  await provider.connect();
  if (provider.status !== 'connected') throw new Error(`facilitator could not connect: ${provider.status}`);
  const model = new BillModel(doc);
  for (let i = 0; i < count; i++) model.add(undefined, `Article de charge ${i + 1}`, '');
  const deadline = Date.now() + 15_000;
  while (provider.pendingCount > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  if (provider.pendingCount > 0) throw new Error('articles not acknowledged in time');
  await provider.destroy();
  awareness.destroy();
}
