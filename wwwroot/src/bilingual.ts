// A bilingual bill in the Y.Doc (docs/document-model.md, "Bilingual bills"), as Drafting's BillLanguages and
// ClauseReview read it: root map `bill`, key `languages` = "fr,en" (primary first); the primary text in each
// clause's `heading`/`body`, the other in `heading.en`/`body.en`; `reviewed` holds the texts last confirmed aligned.
// The "to review" flags are computed from the document alone, so every replica shows the same ones.

import type * as Y from 'yjs';
import type { ClauseView } from './bill';
import { hasKey, t } from './i18n';

/**
 * "Français et Anglais" for a bilingual bill, '' for a monolingual one: what stances and the vote cover (their
 * hashes take both texts; a bill's languages are declared once, when it is created).
 */
export function coveredLanguages(doc: Y.Doc): string {
  const raw = doc.getMap('bill').get('languages');
  const languages = parseLanguages(typeof raw === 'string' ? raw : undefined);
  return languages.length > 1 ? t('bilingual.and', { first: languageName(languages[0]!), second: languageName(languages[1]!) }) : '';
}

/** The name of a language code in the page's language ("Français", "English"), or the code. */
export function languageName(code: string): string {
  const key = `lang.name.${code}`;
  return hasKey(key) ? t(key) : code;
}

/** The languages a bill may be written in (ISO 639-1), as the server accepts them. */
export const supportedLanguages = ['fr', 'en', 'de', 'es', 'it', 'nl', 'pt'] as const;
export type BillLanguage = (typeof supportedLanguages)[number];

export function parseLanguages(raw: string | undefined): string[] {
  if (!raw) return [];
  const codes = raw.split(',');
  const ok = codes.length === 2 && codes[0] !== codes[1] && codes.every((c) => (supportedLanguages as readonly string[]).includes(c));
  return ok ? codes : [];
}

export function headingKey(languages: string[], language: string): string {
  return languages.length === 0 || language === languages[0] ? 'heading' : `heading.${language}`;
}

export function bodyKey(languages: string[], language: string): string {
  return languages.length === 0 || language === languages[0] ? 'body' : `body.${language}`;
}

export interface LanguageText { heading: string; body: string }

/** One language's review state: `against` is the language whose text changed since the last confirmation. */
export interface LanguageReview {
  language: string;
  toReview: boolean;
  against?: string;
  was?: LanguageText;
  now?: LanguageText;
}

export function textIn(clause: ClauseView, languages: string[], language: string): LanguageText {
  if (language === languages[0]) return { heading: clause.heading.toString(), body: clause.body.toString() };
  const t = clause.translations.get(language);
  return t ? { heading: t.heading.toString(), body: t.body.toString() } : { heading: '', body: '' };
}

function reviewedTexts(map: Y.Map<unknown>): Record<string, LanguageText> | undefined {
  const raw = map.get('reviewed');
  if (typeof raw !== 'string') return undefined;
  try {
    const parsed = JSON.parse(raw) as unknown;
    if (!parsed || typeof parsed !== 'object') return undefined;
    for (const v of Object.values(parsed as Record<string, unknown>)) {
      const t = v as Partial<LanguageText> | null;
      if (!t || typeof t.heading !== 'string' || typeof t.body !== 'string') return undefined;
    }
    return parsed as Record<string, LanguageText>;
  } catch {
    return undefined;
  }
}

const same = (a: LanguageText, b: LanguageText) => a.heading === b.heading && a.body === b.body;

/** As ClauseReview.Of on the server: a language is to review when another one's text changed since the last confirmation. */
export function reviewOf(clause: ClauseView, languages: string[]): LanguageReview[] {
  if (languages.length < 2) return [];
  const reviewed = reviewedTexts(clause.map);
  const empty: LanguageText = { heading: '', body: '' };
  const changed = languages.filter((l) => !same(textIn(clause, languages, l), reviewed?.[l] ?? empty));
  return languages.map((language) => {
    const against = changed.find((c) => c !== language);
    return against === undefined
      ? { language, toReview: false }
      : { language, toReview: true, against, was: reviewed?.[against] ?? empty, now: textIn(clause, languages, against) };
  });
}

/** A translator confirms the clause's texts say the same thing: their current wording becomes the aligned one. */
export function confirmAligned(clause: ClauseView, languages: string[]): void {
  const texts: Record<string, LanguageText> = {};
  for (const l of languages) texts[l] = textIn(clause, languages, l);
  clause.map.set('reviewed', JSON.stringify(texts));
}

/** The text ClauseTextHash hashes for a bilingual clause: primary heading and body, then each translation by code. */
export function hashedText(clause: ClauseView): string {
  let s = clause.heading.toString() + '\n\u001f\n' + clause.body.toString();
  for (const language of [...clause.translations.keys()].sort()) {
    const t = clause.translations.get(language)!;
    s += '\n\u001e\n' + language + '\n\u001f\n' + t.heading.toString() + '\n\u001f\n' + t.body.toString();
  }
  return s;
}
