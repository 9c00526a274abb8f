// The titles of the documents the office issues, by kind (the `documents` an act of the law names).
// A module of its own, free of IO, so the web client's tests can check each title has its translations.

export const DOCUMENT_TITLES: Readonly<Record<string, string>> = {
  'annuity-receipt': 'Receipt for the annual fee',
  'application-publication': 'Publication of the application',
  'cancellation-decision': 'Decision on cancellation',
  'deficiency-notice': 'Notice of deficiency',
  'examination-report': 'Examination report',
  'filing-receipt': 'Filing receipt',
  'intention-to-grant': 'Communication of the intention to grant',
  'maintenance-receipt': 'Receipt for the maintenance fee',
  'objection-receipt': 'Receipt of objection',
  'opposition-decision': 'Decision on opposition',
  'opposition-receipt': 'Receipt of opposition',
  'patent-certificate': 'Certificate of grant',
  'patent-specification': 'Patent specification',
  'priority-decision': 'Decision on the priority claim',
  'provisional-refusal': 'Provisional refusal',
  'publication-notice': 'Publication notice',
  'recordal-certificate': 'Certificate of recordal',
  'recordal-receipt': 'Receipt of request for recordal',
  'refusal-decision': 'Decision to refuse',
  'registration-certificate': 'Certificate of registration',
  'renewal-certificate': 'Certificate of renewal',
  // Not named by an act: sent before a registration expires (modules/documents, reminders).
  'renewal-reminder': 'Renewal reminder',
  'restoration-decision': 'Decision on restoration',
  'search-report': 'Search report',
  'statement-of-grant-of-protection': 'Statement of grant of protection',
  'utility-model-publication': 'Publication of the utility model',
};

/**
 * The title of a kind of document. A kind an office's own framework adds without a title here is
 * named after its code ('grant-certificate' -> 'Grant certificate') rather than left as a code.
 */
export const documentTitle = (kind: string): string => DOCUMENT_TITLES[kind] ?? codeWords(kind);

/** A code of the law as words: 'remedy-deficiency' -> 'Remedy deficiency'. */
export function codeWords(code: string): string {
  const w = code.replace(/[-_]+/g, ' ').trim().toLowerCase();
  return w.charAt(0).toUpperCase() + w.slice(1);
}
