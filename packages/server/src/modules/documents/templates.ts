// The template language of outgoing documents: plain lines an administrator can read and edit, with no
// code in them. Free of IO, so the admin page's checks and the renderer use the same rules.
//
//   # Heading            ## Sub-heading            ---  a rule           (blank line) a gap
//   - Label: {{field}}   a labelled row            [image]  [goods]  [submitted]   a block
//   any other line       a paragraph
//
// {{field}} is replaced by a value of the case or act (FIELDS). A line whose fields are all empty is
// left out, so one template serves cases with and without, say, a registration date.
import { DomainError } from '../../kernel/errors.ts';

/** The fields a template may use, with what each holds (shown to the administrator who edits templates). */
export const FIELDS = {
  'office.name': 'The office\'s name',
  'office.code': 'The office\'s WIPO ST.3 code',
  'document.title': 'The title of the document, in its language',
  'document.date': 'The date of issue (the office date of the act)',
  'document.code': 'The verification code printed on the document',
  'document.verifyUrl': 'Where anyone can check the document',
  'case.number': 'The application or registration number',
  'case.right': 'The kind of right, in the document\'s language',
  'case.title': 'The mark, the title of the invention or design, the name of the indication',
  'case.status': 'The status of the case after the act',
  'case.filingDate': 'The filing date',
  'case.registrationDate': 'The date of registration or grant',
  'case.expiryDate': 'The date the registration expires',
  'case.applicants': 'The applicants or holders',
  'case.representative': 'The representative',
  'case.classes': 'The Nice or Locarno classes',
  'act.title': 'The act this document records, in the document\'s language',
  'act.date': 'The office date of the act',
  'act.number': 'The number of the act in the case\'s journal',
  'act.legalBasis': 'The provision of the law the act rests on',
  'act.remarks': 'The grounds, remarks or deficiencies the act states',
  'timeLimit.title': 'The time limit the act opens, in the document\'s language',
  'timeLimit.dueOn': 'The date that time limit ends',
  'journal.actHash': 'The hash of the act\'s journal entry',
} as const;

export type Field = keyof typeof FIELDS;

/** Blocks drawn from the case rather than written out: the mark or design image, the goods and services, the hashes of what was submitted. */
export const BLOCKS = ['image', 'goods', 'submitted'] as const;
export type BlockName = typeof BLOCKS[number];

export type Line =
  | { t: 'h1' | 'h2' | 'p'; parts: Part[] }
  | { t: 'row'; label: Part[]; value: Part[] }
  | { t: 'rule' } | { t: 'gap' } | { t: 'block'; name: BlockName };

type Part = string | { field: Field };

export type Rendered =
  | { t: 'h1' | 'h2' | 'p'; text: string }
  | { t: 'row'; label: string; value: string }
  | { t: 'rule' } | { t: 'gap' } | { t: 'block'; name: BlockName };

export const MAX_TEMPLATE_LENGTH = 20_000;
const MAX_LINES = 400;

export interface TemplateProblem { line: number; reason: 'unknown-field' | 'unclosed-field' | 'unknown-block' | 'too-long' | 'empty'; detail?: string }

/** The problems of a template text, each with its line (1-based); none = the template can be used. */
export function checkTemplate(text: string): TemplateProblem[] {
  try { parseTemplate(text); return []; } catch (e) {
    if (e instanceof TemplateSyntaxError) return e.problems;
    throw e;
  }
}

class TemplateSyntaxError extends Error { constructor(readonly problems: TemplateProblem[]) { super('template'); } }

/** Parses a template; throws DomainError TEMPLATE_INVALID naming every problem and its line. */
export function parseTemplateOrThrow(text: string): Line[] {
  try { return parseTemplate(text); } catch (e) {
    if (!(e instanceof TemplateSyntaxError)) throw e;
    const first = e.problems[0];
    throw new DomainError('TEMPLATE_INVALID', `The template cannot be used: line ${first.line}: ${first.reason}${first.detail ? ` (${first.detail})` : ''}`, 400, { problems: e.problems });
  }
}

export function parseTemplate(text: string): Line[] {
  const problems: TemplateProblem[] = [];
  if (text.length > MAX_TEMPLATE_LENGTH) throw new TemplateSyntaxError([{ line: 1, reason: 'too-long', detail: `at most ${MAX_TEMPLATE_LENGTH} characters` }]);
  const raw = text.replace(/\r\n?/g, '\n').split('\n');
  if (raw.length > MAX_LINES) throw new TemplateSyntaxError([{ line: MAX_LINES + 1, reason: 'too-long', detail: `at most ${MAX_LINES} lines` }]);
  const out: Line[] = [];
  raw.forEach((src, i) => {
    const line = i + 1;
    const s = src.trim();
    const parts = (t: string) => parseParts(t, line, problems);
    if (!s) out.push({ t: 'gap' });
    else if (s === '---') out.push({ t: 'rule' });
    else if (s.startsWith('## ')) out.push({ t: 'h2', parts: parts(s.slice(3)) });
    else if (s.startsWith('# ')) out.push({ t: 'h1', parts: parts(s.slice(2)) });
    else if (/^\[[^\]]*\]$/.test(s)) {
      const name = s.slice(1, -1).trim();
      if ((BLOCKS as readonly string[]).includes(name)) out.push({ t: 'block', name: name as BlockName });
      else problems.push({ line, reason: 'unknown-block', detail: name });
    } else if (s.startsWith('- ')) {
      const body = s.slice(2);
      const at = body.search(/[:：]/);
      if (at < 0) out.push({ t: 'row', label: [], value: parts(body.trim()) });
      else out.push({ t: 'row', label: parts(body.slice(0, at).trim()), value: parts(body.slice(at + 1).trim()) });
    } else out.push({ t: 'p', parts: parts(s) });
  });
  if (!out.some((l) => l.t !== 'gap')) problems.push({ line: 1, reason: 'empty' });
  if (problems.length) throw new TemplateSyntaxError(problems);
  return out;
}

function parseParts(s: string, line: number, problems: TemplateProblem[]): Part[] {
  const parts: Part[] = [];
  let rest = s;
  while (rest) {
    const open = rest.indexOf('{{');
    const stray = rest.indexOf('}}');
    if (stray >= 0 && (open < 0 || stray < open)) { problems.push({ line, reason: 'unclosed-field', detail: rest.slice(0, stray + 2) }); return parts; }
    if (open < 0) { parts.push(rest); break; }
    if (open > 0) parts.push(rest.slice(0, open));
    const close = rest.indexOf('}}', open + 2);
    if (close < 0) { problems.push({ line, reason: 'unclosed-field', detail: rest.slice(open) }); return parts; }
    const name = rest.slice(open + 2, close).trim();
    if (name in FIELDS) parts.push({ field: name as Field });
    else problems.push({ line, reason: 'unknown-field', detail: name });
    rest = rest.slice(close + 2);
  }
  return parts;
}

/** Fills a parsed template. A line with fields that are all empty is left out; gaps do not pile up. */
export function fillTemplate(lines: readonly Line[], values: Partial<Record<Field, string | null | undefined>>): Rendered[] {
  const out: Rendered[] = [];
  const fill = (parts: Part[]) => {
    let fields = 0; let filled = 0;
    const text = parts.map((p) => {
      if (typeof p === 'string') return p;
      fields++;
      const v = values[p.field];
      if (v) filled++;
      return v ?? '';
    }).join('');
    return { text: text.replace(/\s+/g, ' ').trim(), empty: fields > 0 && filled === 0 };
  };
  for (const l of lines) {
    if (l.t === 'gap') { if (out.length && out[out.length - 1].t !== 'gap') out.push(l); continue; }
    if (l.t === 'rule' || l.t === 'block') { out.push(l); continue; }
    if (l.t === 'row') {
      const label = fill(l.label); const value = fill(l.value);
      if (!value.empty && value.text) out.push({ t: 'row', label: label.text, value: value.text });
      continue;
    }
    const r = fill(l.parts);
    if (!r.empty && r.text) out.push({ t: l.t, text: r.text });
  }
  while (out.length && out[out.length - 1].t === 'gap') out.pop();
  return out;
}
