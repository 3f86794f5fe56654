// Entry point of /bills/{id}: who am I, the local copy, the editors, the live connection.

import * as Y from 'yjs';
import { Awareness } from 'y-protocols/awareness';
import { ApiError, getMe, type Me } from '../api';
import { BillModel } from '../bill';
import { BillView } from '../bill-view';
import { byId, h } from '../dom';
import { refusalCode, refusalMessage } from '../errors';
import { TextEditor } from '../editor';
import { initI18n, onLangChange, roleLabel, setText, t } from '../i18n';
import { InvitePanel } from '../invites';
import { openOfflineStore } from '../offline';
import { PresenceList } from '../presence';
import { BillProvider } from '../provider';
import { registerServiceWorker } from '../service-worker';
import { StatusIndicator } from '../status';
import { colourByRole, roleColor } from '../roles';
import { Deliberation } from '../deliberation';
import { ClausePanels } from '../clause-panel';
import { ApprovalBox } from '../approval';
import { coveredLanguages } from '../bilingual';
import { SecondLanguageFront } from '../translation-front';
import { AuditPanel } from '../audit';
import { NewClauseProposals } from '../new-clauses';
import { pendingAttendanceKey, RoomPanel } from '../hybrid-room';
import { RemoteEditAnnouncer } from '../remote-announcer';

function billIdFromPath(): string | undefined {
  const m = /^\/bills\/([^/]+)\/?$/.exec(location.pathname);
  return m ? decodeURIComponent(m[1]!) : undefined;
}

function showFatal(message: string): void {
  const main = byId('main');
  main.replaceChildren(h('p', { class: 'fatal', role: 'alert' }, message));
}

async function whoAmI(billId: string): Promise<Me | undefined> {
  const cacheKey = `pcd.me.${billId}`;
  try {
    const me = await getMe(billId, 6_000);
    localStorage.setItem(cacheKey, JSON.stringify(me));
    return me;
  } catch (e) {
    if (e instanceof ApiError && e.status !== 0) {
      showFatal(t('bill.notFound'));
      return undefined;
    }
    // Offline: the last answer for this bill on this device is good enough to edit locally.
    const cached = localStorage.getItem(cacheKey);
    if (cached) return JSON.parse(cached) as Me;
    showFatal(t('bill.offlineNoCache'));
    return undefined;
  }
}

async function main(): Promise<void> {
  initI18n();
  registerServiceWorker();
  const billId = billIdFromPath();
  if (!billId) {
    showFatal(t('bill.notFound'));
    return;
  }
  // Links to the bill's other pages (versions, ideas, review): their paths hold the bill id.
  for (const a of document.querySelectorAll<HTMLAnchorElement>('a[data-bill-link]')) a.href = `/bills/${encodeURIComponent(billId)}${a.dataset['billLink'] ?? ''}`;
  const me = await whoAmI(billId);
  if (!me) return;

  const doc = new Y.Doc();
  const offline = await openOfflineStore(billId, me.participantId, doc);
  const awareness = new Awareness(doc);
  colourByRole(awareness);
  let identity = { name: me.displayName, role: me.role, group: me.group, color: roleColor(me.role) };
  awareness.setLocalStateField('user', identity);

  const model = new BillModel(doc);
  let canEdit = me.canEdit;
  let revoked = false;
  let joinedCanEdit = me.canEdit;
  // Deliberation: the whole text is read-only while the approval vote is open.
  let frozen = false;

  const youEl = byId('you');
  const readOnlyNote = byId('readonly-note');
  const renderIdentity = () => {
    setText(youEl, 'bill.you', { name: identity.name, role: roleLabel(identity.role) });
    readOnlyNote.hidden = canEdit && !revoked;
    readOnlyNote.textContent = revoked ? t('bill.readOnlyRevoked') : frozen && joinedCanEdit ? t('vote.frozenNote') : t('bill.readOnlyObserver');
  };

  const titleEditor = new TextEditor({
    ytext: model.title,
    awareness,
    parent: byId('title-editor'),
    label: t('bill.titleLabel'),
    singleLine: true,
    readOnly: !canEdit,
    describedBy: 'readonly-note',
    className: 'title-editor',
  });
  const preambleEditor = new TextEditor({
    ytext: model.preamble,
    awareness,
    parent: byId('preamble-editor'),
    label: t('bill.preambleLabel'),
    markdown: true,
    readOnly: !canEdit,
    describedBy: 'editor-help readonly-note',
    className: 'preamble-editor',
  });
  const view = new BillView(byId('articles'), model, awareness, canEdit, 'readonly-note');
  const secondFront = new SecondLanguageFront(model, awareness, byId('title-editor'), byId('preamble-editor'), canEdit);

  const setCanEdit = (value: boolean) => {
    joinedCanEdit = value;
    canEdit = value && !revoked && !frozen;
    titleEditor.setReadOnly(!canEdit);
    preambleEditor.setReadOnly(!canEdit);
    secondFront.setReadOnly(!canEdit);
    view.setCanEdit(canEdit);
    renderIdentity();
  };

  const updateDocumentTitle = () => {
    const title = model.title.toString().trim();
    document.title = title ? `${title} — ${t('app.name')}` : t('app.name');
    byId('bill-heading').textContent = title || t('bill.titleLabel');
  };
  model.title.observe(updateDocumentTitle);
  onLangChange(() => {
    titleEditor.setLabel(t('bill.titleLabel'));
    preambleEditor.setLabel(t('bill.preambleLabel'));
    renderIdentity();
    updateDocumentTitle();
  });
  updateDocumentTitle();
  renderIdentity();

  const provider = new BillProvider({
    hubUrl: '/hubs/bill',
    billId,
    doc,
    awareness,
    storageScope: me.participantId,
    ignoreOrigins: offline.persistence ? [offline.persistence] : [],
  });
  new StatusIndicator(byId('status'), provider);
  new PresenceList(byId('presence'), awareness);
  if (me.role === 'facilitator') {
    const panel = byId('invites');
    panel.hidden = false;
    new InvitePanel(panel, billId);
  }

  // Deliberation: comments, stances, amendments, locks, focus and the vote, live.
  const deliberation = new Deliberation(provider);
  new ClausePanels(view, model, doc, deliberation, { participantId: me.participantId, role: me.role });
  new NewClauseProposals(byId('new-clauses'), model, deliberation, { participantId: me.participantId, role: me.role });
  new ApprovalBox(byId('approval'), deliberation, { participantId: me.participantId, role: me.role }, () => coveredLanguages(doc));
  // The hybrid room: where one takes part from (chosen on the join page, told once joined), the raised hand.
  new RoomPanel(byId('room'), deliberation, { participantId: me.participantId, role: me.role });
  const remoteEdits = new RemoteEditAnnouncer(doc, model, awareness);
  provider.on('synced', () => remoteEdits.start());
  provider.on('joined', () => {
    const attendance = sessionStorage.getItem(pendingAttendanceKey(billId));
    if (attendance !== 'room' && attendance !== 'remote') return;
    deliberation.session$('SetAttendance', attendance).then(() => sessionStorage.removeItem(pendingAttendanceKey(billId)), () => undefined);
  });
  deliberation.onChange(() => {
    const nowFrozen = deliberation.session.vote !== null;
    if (nowFrozen !== frozen) {
      frozen = nowFrozen;
      setCanEdit(joinedCanEdit);
    }
  });
  const links = byId('session-links');
  links.hidden = false;
  byId<HTMLAnchorElement>('projector-link').href = `/bills/${encodeURIComponent(billId)}/projector`;
  if (me.role === 'facilitator') {
    const consoleLink = byId<HTMLAnchorElement>('console-link');
    consoleLink.href = `/bills/${encodeURIComponent(billId)}/console`;
    consoleLink.hidden = false;
  }
  if (me.role === 'facilitator' || me.role === 'clerk') {
    const auditPanel = byId('audit-panel');
    auditPanel.hidden = false;
    new AuditPanel(auditPanel, billId);
  }

  provider.on('joined', (result) => {
    identity = { name: result.displayName, role: result.role, group: result.group, color: roleColor(result.role) };
    awareness.setLocalStateField('user', identity);
    localStorage.setItem(`pcd.me.${billId}`, JSON.stringify({ ...me, displayName: result.displayName, role: result.role, group: result.group, canEdit: result.canEdit }));
    setCanEdit(result.canEdit);
  });
  provider.on('revoked', () => {
    revoked = true;
    setCanEdit(false);
  });
  // A refused edit (locked article, frozen text, read-only role, too large…): say so in the page's language,
  // from the refusal's code; redrawn when the language changes.
  let lastRefusal: string | undefined;
  const showRefusal = () => {
    if (lastRefusal === undefined) return;
    const note = byId('delib-alert');
    note.hidden = false;
    note.dataset['code'] = refusalCode(lastRefusal) ?? '';
    setText(note, 'lock.refused', { reason: refusalMessage(lastRefusal) });
  };
  onLangChange(showRefusal);
  provider.on('rejected', (code, message) => {
    if (code === 'read-only' || code === 'forbidden') setCanEdit(false);
    if (code === 'forbidden' || code === 'unknown-bill') return; // the connection indicator says it
    lastRefusal = message;
    showRefusal();
  });

  byId('loading').hidden = true;
  byId('bill').hidden = false;

  // A debugging hook for people and for the end-to-end tests (reading the Y.Text beats scraping the DOM).
  (window as unknown as { pariscodraft: unknown }).pariscodraft = { doc, provider, model, awareness, deliberation };

  await provider.connect();
}

void main();
