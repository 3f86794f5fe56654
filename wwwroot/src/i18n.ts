// One message table for the whole front end. French is the default; English is the other choice.
// Every visible string goes through t(); static HTML carries data-i18n* attributes applied here.

const fr = {
  'app.name': 'ParisCoDraft',
  'app.tagline': 'Écrire la loi ensemble — Assemblée citoyenne de Paris',
  'lang.switch': 'Language: English',
  'lang.switchLabel': 'Passer en anglais',
  'skip.toMain': 'Aller au contenu principal',

  'index.heading': 'Créer un projet de texte',
  'index.intro': 'Donnez un titre au texte, un préambule si vous le souhaitez, et votre nom. Vous serez l’animateur ou l’animatrice du projet et recevrez un lien d’invitation par rôle à partager.',
  'index.title': 'Titre du texte',
  'index.titleHint': 'Par exemple : Proposition de délibération relative aux îlots de fraîcheur',
  'index.preamble': 'Préambule (facultatif)',
  'index.preambleHint': 'Exposé des motifs, en quelques phrases. Vous pourrez le modifier ensuite.',
  'index.name': 'Votre nom',
  'index.nameHint': 'Tel qu’il apparaîtra aux autres participants.',
  'index.submit': 'Créer le projet',
  'index.creating': 'Création en cours…',
  'index.created': 'Le projet « {title} » est créé.',
  'index.invitesIntro': 'Partagez chaque lien avec les personnes concernées. Chaque lien donne le rôle indiqué.',
  'index.open': 'Ouvrir le projet',
  'index.errorTitle': 'Le titre est obligatoire.',
  'index.errorName': 'Votre nom est obligatoire.',

  'invite.copy': 'Copier le lien',
  'invite.copyLabel': 'Copier le lien d’invitation pour le rôle {role}',
  'invite.copied': 'Lien copié.',
  'invite.copyFailed': 'La copie a échoué : sélectionnez le lien et copiez-le à la main.',
  'invite.linkLabel': 'Lien d’invitation pour le rôle {role}',
  'invite.revoke': 'Révoquer',
  'invite.revokeLabel': 'Révoquer le lien d’invitation {role}',
  'invite.create': 'Créer un lien',
  'invite.createFor': 'Rôle du nouveau lien',
  'invite.heading': 'Liens d’invitation',
  'invite.none': 'Aucun lien actif.',
  'invite.created': 'créé le {date}',
  'invite.secretHidden': 'Le lien n’est affiché qu’à sa création : créez-en un nouveau pour le partager.',
  'invite.revoked': 'Lien révoqué.',

  'join.heading': 'Rejoindre un projet de texte',
  'join.intro': 'Vous avez reçu un lien d’invitation. Indiquez le nom sous lequel les autres participants vous verront.',
  'join.name': 'Votre nom',
  'join.submit': 'Rejoindre',
  'join.joining': 'Connexion…',
  'join.errorName': 'Votre nom est obligatoire.',
  'join.invalid': 'Ce lien d’invitation n’est pas valide ou a été révoqué.',
  'join.preview': 'Vous êtes invité·e à rédiger « {title} » avec le rôle : {role}.',

  'role.facilitator': 'Animation',
  'role.citizen': 'Citoyen·ne',
  'role.member': 'Membre',
  'role.elected': 'Élu·e',
  'role.official': 'Élu·e',
  'role.civilServant': 'Service administratif',
  'role.civil-servant': 'Service administratif',
  'role.expert': 'Expert·e',
  'role.clerk': 'Greffe',
  'role.observer': 'Observation',

  'group.citizens': 'collège des citoyens',
  'group.elected-officials': 'collège des élus',
  'group.civil-servants': 'collège administratif',

  'status.label': 'État de la connexion',
  'status.connected': 'Connecté',
  'status.connecting': 'Connexion…',
  'status.reconnecting': 'Reconnexion…',
  'status.offline': 'Hors ligne',
  'status.revoked': 'Accès révoqué',
  'status.pending.zero': 'Toutes les modifications sont enregistrées',
  'status.pending.one': '1 modification non synchronisée',
  'status.pending.many': '{n} modifications non synchronisées',
  'status.retryIn': 'nouvelle tentative dans {s} s',
  'status.retryNow': 'Réessayer maintenant',
  'status.error': 'Erreur : {message}',

  'presence.heading': 'Présents',
  'presence.you': '(vous)',
  'presence.count.one': '1 personne connectée',
  'presence.count.many': '{n} personnes connectées',
  'presence.group': 'groupe {group}',

  'bill.loading': 'Chargement du texte…',
  'bill.titleLabel': 'Titre du texte',
  'bill.preambleHeading': 'Préambule',
  'bill.preambleLabel': 'Préambule du texte',
  'bill.articlesHeading': 'Articles',
  'bill.noArticles': 'Aucun article pour le moment.',
  'bill.addArticle': 'Ajouter un article',
  'bill.article': 'Article {n}',
  'bill.headingLabel': 'Intitulé de l’article {n}',
  'bill.headingPlaceholder': 'Intitulé (facultatif)',
  'bill.bodyLabel': 'Texte de l’article {n}',
  'bill.actionsLabel': 'Actions sur l’article {n}',
  'bill.moveUp': 'Monter',
  'bill.moveUpLabel': 'Monter l’article {n} d’un rang',
  'bill.moveDown': 'Descendre',
  'bill.moveDownLabel': 'Descendre l’article {n} d’un rang',
  'bill.insertAfter': 'Insérer après',
  'bill.insertAfterLabel': 'Insérer après l’article {n} un nouvel article',
  'bill.split': 'Scinder au curseur',
  'bill.splitLabel': 'Scinder au curseur l’article {n}',
  'bill.splitHint': 'Placez d’abord le curseur dans le texte de l’article, à l’endroit où le couper.',
  'bill.merge': 'Fusionner avec le suivant',
  'bill.mergeLabel': 'Fusionner avec le suivant : l’article {next} rejoint l’article {n}',
  'bill.withdraw': 'Retirer',
  'bill.withdrawLabel': 'Retirer l’article {n}',
  'bill.withdrawConfirm': 'Retirer l’article {n} ? Son texte restera visible dans l’historique.',
  'bill.restore': 'Rétablir',
  'bill.restoreLabel': 'Rétablir l’article retiré « {heading} »',
  'bill.withdrawnHeading': 'Articles retirés ({n})',
  'bill.withdrawn': 'Retiré',
  'bill.mergedInto': 'Fusionné dans l’article {n}',
  'bill.mergedIntoWithdrawn': 'Fusionné dans un article retiré',
  'bill.untitled': 'Sans intitulé',
  'bill.readOnly': 'Lecture seule',
  'bill.readOnlyObserver': 'Vous suivez ce texte en tant qu’observateur ou observatrice : vous pouvez lire et voir les curseurs, mais pas modifier.',
  'bill.readOnlyRevoked': 'Votre accès à ce texte a été révoqué. Le texte reste affiché en lecture seule.',
  'bill.you': 'Vous êtes {name} — {role}',
  'bill.notFound': 'Ce texte est introuvable, ou vous n’y avez pas accès. Ouvrez votre lien d’invitation pour le rejoindre.',
  'bill.offlineNoCache': 'Hors ligne : ce texte n’a encore jamais été ouvert sur cet appareil.',
  'bill.announceMoved': 'Article déplacé : il est maintenant l’article {n}.',
  'bill.announceAdded': 'Article {n} ajouté.',
  'bill.announceWithdrawn': 'Article retiré.',
  'bill.announceMerged': 'Articles fusionnés.',
  'bill.announceSplit': 'Article scindé : le nouvel article {n} contient la suite du texte.',
  'bill.announceRestored': 'Article rétabli.',
  'bill.editorHelp': 'Zone de texte au format Markdown. Tab quitte la zone ; Ctrl+Z annule vos propres modifications.',

  'error.network': 'Le serveur ne répond pas. Vérifiez votre connexion et réessayez.',
  'error.generic': 'Une erreur est survenue ({status}).',
  'error.timeout': 'Le serveur a mis trop de temps à répondre.',
} as const;

export type MessageKey = keyof typeof fr;

const en: Record<MessageKey, string> = {
  'app.name': 'ParisCoDraft',
  'app.tagline': 'Writing the law together — Paris Citizens’ Assembly',
  'lang.switch': 'Langue : français',
  'lang.switchLabel': 'Switch to French',
  'skip.toMain': 'Skip to main content',

  'index.heading': 'Create a draft bill',
  'index.intro': 'Give the bill a title, a preamble if you like, and your name. You will facilitate the draft and receive one invite link per role to share.',
  'index.title': 'Bill title',
  'index.titleHint': 'For example: Proposal on urban cool islands',
  'index.preamble': 'Preamble (optional)',
  'index.preambleHint': 'Explanatory statement, in a few sentences. You can edit it later.',
  'index.name': 'Your name',
  'index.nameHint': 'As other participants will see it.',
  'index.submit': 'Create the draft',
  'index.creating': 'Creating…',
  'index.created': 'The draft “{title}” has been created.',
  'index.invitesIntro': 'Share each link with the people concerned. Each link grants the role shown.',
  'index.open': 'Open the draft',
  'index.errorTitle': 'The title is required.',
  'index.errorName': 'Your name is required.',

  'invite.copy': 'Copy link',
  'invite.copyLabel': 'Copy link: invite for the {role} role',
  'invite.copied': 'Link copied.',
  'invite.copyFailed': 'Copying failed: select the link and copy it by hand.',
  'invite.linkLabel': 'Invite link for the {role} role',
  'invite.revoke': 'Revoke',
  'invite.revokeLabel': 'Revoke the {role} invite link',
  'invite.create': 'Create a link',
  'invite.createFor': 'Role of the new link',
  'invite.heading': 'Invite links',
  'invite.none': 'No active link.',
  'invite.created': 'created on {date}',
  'invite.secretHidden': 'A link is only shown when created: create a new one to share it.',
  'invite.revoked': 'Link revoked.',

  'join.heading': 'Join a draft bill',
  'join.intro': 'You received an invite link. Enter the name other participants will see.',
  'join.name': 'Your name',
  'join.submit': 'Join',
  'join.joining': 'Joining…',
  'join.errorName': 'Your name is required.',
  'join.invalid': 'This invite link is not valid or has been revoked.',
  'join.preview': 'You are invited to draft “{title}” with the role: {role}.',

  'role.facilitator': 'Facilitator',
  'role.citizen': 'Citizen',
  'role.member': 'Member',
  'role.elected': 'Elected official',
  'role.official': 'Elected official',
  'role.civilServant': 'Civil servant',
  'role.civil-servant': 'Civil servant',
  'role.expert': 'Expert',
  'role.clerk': 'Clerk',
  'role.observer': 'Observer',

  'group.citizens': 'citizens’ group',
  'group.elected-officials': 'elected officials’ group',
  'group.civil-servants': 'civil servants’ group',

  'status.label': 'Connection status',
  'status.connected': 'Connected',
  'status.connecting': 'Connecting…',
  'status.reconnecting': 'Reconnecting…',
  'status.offline': 'Offline',
  'status.revoked': 'Access revoked',
  'status.pending.zero': 'All changes saved',
  'status.pending.one': '1 unsynchronised change',
  'status.pending.many': '{n} unsynchronised changes',
  'status.retryIn': 'retrying in {s} s',
  'status.retryNow': 'Retry now',
  'status.error': 'Error: {message}',

  'presence.heading': 'Here now',
  'presence.you': '(you)',
  'presence.count.one': '1 person connected',
  'presence.count.many': '{n} people connected',
  'presence.group': 'group {group}',

  'bill.loading': 'Loading the bill…',
  'bill.titleLabel': 'Bill title',
  'bill.preambleHeading': 'Preamble',
  'bill.preambleLabel': 'Preamble of the bill',
  'bill.articlesHeading': 'Articles',
  'bill.noArticles': 'No article yet.',
  'bill.addArticle': 'Add an article',
  'bill.article': 'Article {n}',
  'bill.headingLabel': 'Heading of article {n}',
  'bill.headingPlaceholder': 'Heading (optional)',
  'bill.bodyLabel': 'Text of article {n}',
  'bill.actionsLabel': 'Actions on article {n}',
  'bill.moveUp': 'Move up',
  'bill.moveUpLabel': 'Move up article {n} one place',
  'bill.moveDown': 'Move down',
  'bill.moveDownLabel': 'Move down article {n} one place',
  'bill.insertAfter': 'Insert after',
  'bill.insertAfterLabel': 'Insert after article {n} a new article',
  'bill.split': 'Split at cursor',
  'bill.splitLabel': 'Split at cursor article {n}',
  'bill.splitHint': 'First place the cursor in the article text where it should be cut.',
  'bill.merge': 'Merge with next',
  'bill.mergeLabel': 'Merge with next: article {next} joins article {n}',
  'bill.withdraw': 'Withdraw',
  'bill.withdrawLabel': 'Withdraw article {n}',
  'bill.withdrawConfirm': 'Withdraw article {n}? Its text stays visible in the history.',
  'bill.restore': 'Restore',
  'bill.restoreLabel': 'Restore the withdrawn article “{heading}”',
  'bill.withdrawnHeading': 'Withdrawn articles ({n})',
  'bill.withdrawn': 'Withdrawn',
  'bill.mergedInto': 'Merged into article {n}',
  'bill.mergedIntoWithdrawn': 'Merged into a withdrawn article',
  'bill.untitled': 'Untitled',
  'bill.readOnly': 'Read only',
  'bill.readOnlyObserver': 'You follow this bill as an observer: you can read it and see cursors, but not edit.',
  'bill.readOnlyRevoked': 'Your access to this bill was revoked. The text stays on screen, read only.',
  'bill.you': 'You are {name} — {role}',
  'bill.notFound': 'This bill cannot be found, or you have no access to it. Open your invite link to join it.',
  'bill.offlineNoCache': 'Offline: this bill has never been opened on this device.',
  'bill.announceMoved': 'Article moved: it is now article {n}.',
  'bill.announceAdded': 'Article {n} added.',
  'bill.announceWithdrawn': 'Article withdrawn.',
  'bill.announceMerged': 'Articles merged.',
  'bill.announceSplit': 'Article split: the new article {n} holds the rest of the text.',
  'bill.announceRestored': 'Article restored.',
  'bill.editorHelp': 'Markdown text area. Tab leaves the area; Ctrl+Z undoes your own changes.',

  'error.network': 'The server does not answer. Check your connection and try again.',
  'error.generic': 'Something went wrong ({status}).',
  'error.timeout': 'The server took too long to answer.',
};

export type Lang = 'fr' | 'en';
const tables: Record<Lang, Record<MessageKey, string>> = { fr, en };
const storageKey = 'pcd.lang';
const listeners = new Set<() => void>();

function readStoredLang(): Lang {
  try {
    const v = globalThis.localStorage?.getItem(storageKey);
    return v === 'en' ? 'en' : 'fr';
  } catch {
    return 'fr';
  }
}

let current: Lang = readStoredLang();

export function lang(): Lang {
  return current;
}

export function setLang(next: Lang): void {
  if (next === current) return;
  current = next;
  try {
    localStorage.setItem(storageKey, next);
  } catch {
    // private mode: the choice just lasts for this page
  }
  document.documentElement.lang = next;
  applyTranslations(document);
  markSwitchLanguage();
  for (const l of listeners) l();
}

/** Called again whenever the language changes, so dynamic text can be redrawn. */
export function onLangChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function t(key: MessageKey, params?: Record<string, string | number>): string {
  let s = tables[current][key] ?? fr[key] ?? key;
  if (params) {
    for (const [name, value] of Object.entries(params)) s = s.split(`{${name}}`).join(String(value));
  }
  return s;
}

export function hasKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(fr, key);
}

/** A role name for people: the table's label when known, else the raw role. */
export function roleLabel(role: string): string {
  const key = `role.${role}`;
  return hasKey(key) ? t(key) : role;
}

/** A stakeholder group for people: the table's label when known, else the raw group. */
export function groupLabel(group: string): string {
  const key = `group.${group}`;
  return hasKey(key) ? t(key) : group;
}

export function plural(n: number, one: MessageKey, many: MessageKey, zero?: MessageKey): string {
  if (n === 0 && zero) return t(zero);
  return n === 1 ? t(one, { n }) : t(many, { n });
}

/**
 * Static markup declares its strings as data-i18n (text), data-i18n-label (aria-label),
 * data-i18n-placeholder and data-i18n-title; this fills them in the current language.
 */
export function applyTranslations(root: ParentNode): void {
  for (const el of root.querySelectorAll<HTMLElement>('[data-i18n]')) {
    const key = el.dataset['i18n'];
    if (key && hasKey(key)) el.textContent = t(key);
  }
  for (const el of root.querySelectorAll<HTMLElement>('[data-i18n-label]')) {
    const key = el.dataset['i18nLabel'];
    if (key && hasKey(key)) el.setAttribute('aria-label', t(key));
  }
  for (const el of root.querySelectorAll<HTMLElement>('[data-i18n-placeholder]')) {
    const key = el.dataset['i18nPlaceholder'];
    if (key && hasKey(key)) el.setAttribute('placeholder', t(key));
  }
  for (const el of root.querySelectorAll<HTMLElement>('[data-i18n-title]')) {
    const key = el.dataset['i18nTitle'];
    if (key && hasKey(key)) el.setAttribute('title', t(key));
  }
}

// The switch is written in the language it switches to; screen readers should pronounce it so.
function markSwitchLanguage(): void {
  document.getElementById('lang-switch')?.setAttribute('lang', current === 'fr' ? 'en' : 'fr');
}

/** Wires the language switch button present on every page and translates the page once. */
export function initI18n(): void {
  document.documentElement.lang = current;
  applyTranslations(document);
  markSwitchLanguage();
  const button = document.getElementById('lang-switch');
  if (button) {
    button.addEventListener('click', () => setLang(current === 'fr' ? 'en' : 'fr'));
  }
}
