// The words for codes of the law that every portal shows: kinds of time limit, kinds of mark, titles
// of documents on the file. One place, so the office, the filing portal, the register and the
// dashboard name a thing alike in every language (a test checks the catalogue covers the law).
import type { I18n } from '../i18n/index.tsx';

/** 'complete-filing' -> 'Complete filing': only for a code no catalogue has (an office's own addition). */
export function codeWords(code: string): string {
  const words = code.replace(/[-_]+/g, ' ').replace(/([a-z0-9])([A-Z])/g, '$1 $2').trim().toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A kind of time limit ('opposition', 'renewal') as its name. */
export function timeLimitName(i18n: I18n, kind: string): string {
  return i18n.tx(`timeLimit.${kind}`, i18n.law(codeWords(kind)));
}

/** ST.96 MarkFeatureCategory values, as the trademark payload names them, and their catalogue keys. */
export const MARK_KIND_KEY = {
  Word: 'word', 'Stylized characters': 'stylized', Figurative: 'figurative', Combined: 'combined', 'Three dimensional': 'threeD',
  Colour: 'colour', Sound: 'sound', Hologram: 'hologram', Motion: 'motion', Multimedia: 'multimedia', Position: 'position', Other: 'other',
} as const;

/** A kind of mark ('Word', 'Three dimensional') as its name. */
export function markKindName(i18n: I18n, kind: string): string {
  const key = (MARK_KIND_KEY as Record<string, string>)[kind];
  return key ? i18n.tx(`markKind.${key}`, kind) : i18n.law(kind);
}

/**
 * The title of a view of a design as the procedure composes it, "Design 2, view 1: Front": its last
 * part is the applicant's own words, so it cannot be a title of the law; the rest is translated here.
 */
export const DESIGN_VIEW_TITLE = /^Design (\d+), view (\d+): (.*)$/s;

/** A document's title (an outgoing document, an upload the law names) in the reader's language. */
export function documentTitle(i18n: I18n, doc: { kind: string; title: string }): string {
  const view = doc.kind === 'design-view' ? DESIGN_VIEW_TITLE.exec(doc.title) : null;
  if (view) return i18n.t('document.designView', { design: i18n.number(+view[1]), view: i18n.number(+view[2]), title: view[3] });
  return i18n.law(doc.title);
}

/**
 * The forms in which the law composes a case's title, by right, where the filing gives none of its own
 * words (procedures' `caseTitle`): stored in English with the case (it is searched), translated when
 * shown. The rest of a title is what the applicant wrote (a mark, a product) and stays as it is; the
 * forms apply to their right only, so a mark that happens to read like one is left alone.
 */
export const CASE_TITLE_FORMS = {
  trademark: { figurative: /^\(figurative mark\)$/ },
  'trademark-opposition': { opposition: /^Opposition based on (.+)$/s, bare: /^Opposition$/ },
  recordal: { recordal: /^Recordal: (.+)$/, bare: /^Recordal$/ },
  design: { more: /^(.+) \+ (\d+) more$/s },
} as const;

/** A case's title in the reader's language (see CASE_TITLE_FORMS). */
export function caseTitleText(i18n: I18n, right: string, title: string): string {
  const f = CASE_TITLE_FORMS;
  let m: RegExpExecArray | null;
  switch (right) {
    case 'trademark':
      return f.trademark.figurative.test(title) ? i18n.t('caseTitle.figurative') : title;
    case 'trademark-opposition':
      if ((m = f['trademark-opposition'].opposition.exec(title))) return i18n.t('caseTitle.opposition', { mark: m[1] });
      return f['trademark-opposition'].bare.test(title) ? i18n.t('right.opposition') : title;
    case 'recordal':
      if ((m = f.recordal.recordal.exec(title))) {
        return i18n.t('caseTitle.recordal', { kind: i18n.tx(`recordalKind.${m[1].replace(/ /g, '-')}`, m[1]) });
      }
      return f.recordal.bare.test(title) ? i18n.t('right.recordal') : title;
    case 'design':
      return (m = f.design.more.exec(title)) ? i18n.t('caseTitle.more', { title: m[1], count: i18n.number(+m[2]) }) : title;
    default:
      return title;
  }
}

/** A language code ('ar', 'fr') as its name in the reader's language. */
export function languageName(i18n: I18n, code: string | null | undefined): string {
  if (!code) return '—';
  try { return new Intl.DisplayNames([i18n.lang], { type: 'language' }).of(code) ?? code; } catch { return code; }
}
