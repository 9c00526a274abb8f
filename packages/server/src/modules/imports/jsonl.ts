// A register of marks as JSON lines, one mark a line: the form an office exports its old register to
// for the migration (and the benchmark generates). A line:
//   {"number":"1000001","text":"AURORA","kind":"Word","classes":[{"classNumber":30,"terms":["coffee","tea"]}],
//    "status":"registered","filingDate":"2015-03-02","registrationDate":"2015-09-14","expiryDate":"2025-03-02",
//    "holder":{"name":"Aurora Coffee Ltd","country":"GB","address":"1 Main Street"},"image":"images/1000001.png"}
// Optional: registrationNumber, publicationDate, statusDate, representative, public, office (ST.3, default
// the office's own), history [{date, code, text}]. `status` is a state of the trademark procedure or a
// status in words (registered, published, expired ...). `terms` may be one text with the terms
// separated by semicolons. `image` is a PNG or JPEG file, relative to the file's directory.
import type { StateDefinition } from '@registrum/procedures';
import {
  clean, historyEvent, history, invalidValue, isOfficeCode, missing, niceClasses, party, rejected, sourceDate, st96MarkKind, stateFromWords,
  type Mapped, type SourceRecord,
} from './records.ts';

export const JSONL_FORMAT = 'jsonl';

/** The longest line accepted (a mark with many classes and terms stays far below it). */
export const MAX_LINE = 1024 * 1024;

export interface JsonlContext { office: string; states: Readonly<Record<string, StateDefinition>> }

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : typeof v === 'number' && Number.isFinite(v) ? String(v) : undefined);

function personOf(v: unknown, what: string) {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string') return party({ name: v });
  if (typeof v !== 'object' || Array.isArray(v)) throw invalidValue(what, JSON.stringify(v));
  const p = v as Record<string, unknown>;
  const made = party({
    name: str(p.name), address: [str(p.address)], country: str(p.country), nationality: str(p.nationality),
    email: str(p.email), natural: p.kind === 'natural',
  });
  if (!made) throw missing(`${what} name`);
  return made;
}

/** One line as a record to take over, or the reason it cannot be (line numbers count from 1). */
export function mapJsonLine(line: string, lineNo: number, ctx: JsonlContext): Mapped {
  let v: unknown;
  try { v = JSON.parse(line); } catch (e) {
    return { seq: lineNo, error: rejected('IMPORT_JSONL_SYNTAX', `Line ${lineNo} is not valid JSON: ${(e as Error).message.slice(0, 120)}`, { line: lineNo }) };
  }
  const l = (v && typeof v === 'object' && !Array.isArray(v) ? v : null) as Record<string, unknown> | null;
  const number = clean(str(l?.number), 200);
  try {
    if (!l) throw rejected('IMPORT_JSONL_SYNTAX', `Line ${lineNo} is not a JSON object`, { line: lineNo });
    return line2record(l, lineNo, ctx);
  } catch (e: any) {
    if (!e?.code) throw e;
    const office = clean(str(l?.office)) ?? ctx.office;
    return { seq: lineNo, error: e, right: 'trademark', office, ...(number ? { sourceId: number } : {}) };
  }
}

function line2record(l: Record<string, unknown>, lineNo: number, ctx: JsonlContext): SourceRecord {
  const number = clean(str(l.number), 200);
  if (!number) throw missing('number');
  const office = clean(str(l.office))?.toUpperCase() ?? ctx.office;
  if (!isOfficeCode(office)) throw invalidValue('office', l.office);
  const text = clean(str(l.text), 500);
  const kindIn = clean(str(l.kind));
  const kind = kindIn ? st96MarkKind(kindIn) : (text ? 'Word' : 'Figurative');
  if (!kind) throw invalidValue('kind of mark', kindIn);
  if (l.classes !== undefined && !Array.isArray(l.classes)) throw invalidValue('classes', JSON.stringify(l.classes));
  const raw = (l.classes as unknown[] | undefined) ?? [];
  const classes = raw.map((c) => {
    if (!c || typeof c !== 'object') throw invalidValue('class', JSON.stringify(c));
    const o = c as Record<string, unknown>;
    const n = o.classNumber ?? o.class ?? o.number;
    if (!Number.isInteger(Number(n)) || Number(n) < 1 || Number(n) > 45) throw invalidValue('Nice class', n);
    const terms = Array.isArray(o.terms) ? o.terms.map(str).filter((t): t is string => !!t) : str(o.terms) ?? str(o.goods);
    if (!terms || (Array.isArray(terms) && terms.length === 0)) throw missing(`goods or services of class ${n}`);
    return { classNumber: Number(n), text: terms };
  });
  const goodsServices = niceClasses(classes);
  const statusIn = clean(str(l.status));
  if (!statusIn) throw missing('status');
  const state = Object.hasOwn(ctx.states, statusIn) ? statusIn : stateFromWords('trademark', statusIn);
  if (!state) throw rejected('IMPORT_UNKNOWN_STATUS', `The status '${statusIn}' has no equivalent in the trademark procedure`, { status: statusIn });
  const filingDate = sourceDate(str(l.filingDate), 'filing date');
  const registrationDate = sourceDate(str(l.registrationDate), 'registration date');
  const expiryDate = sourceDate(str(l.expiryDate), 'expiry date');
  const publicationDate = sourceDate(str(l.publicationDate), 'publication date');
  const since = sourceDate(str(l.statusDate), 'status date');
  const registrationNumber = clean(str(l.registrationNumber), 100);
  const holder = personOf(l.holder, 'holder');
  if (!holder) throw missing('holder');
  const representative = personOf(l.representative, 'representative');
  if (l.public !== undefined && typeof l.public !== 'boolean') throw invalidValue('public', l.public);
  if (l.history !== undefined && !Array.isArray(l.history)) throw invalidValue('history', JSON.stringify(l.history));
  const events = ((l.history as unknown[] | undefined) ?? []).map((e) => {
    const o = (e && typeof e === 'object' ? e : {}) as Record<string, unknown>;
    const ev = historyEvent(str(o.date), str(o.code), str(o.text));
    if (!ev) throw invalidValue('history event', JSON.stringify(e));
    return ev;
  });
  const image = clean(str(l.image), 4096);
  const registered = !!(registrationDate || registrationNumber);
  return {
    seq: lineNo, right: 'trademark', office, sourceId: number, number,
    ...(image ? { imagePath: image } : {}),
    payload: {
      source: { format: 'jsonl', office, id: number, number },
      state,
      ...(since ? { since } : {}),
      public: typeof l.public === 'boolean' ? l.public : !!(publicationDate || registered || ctx.states[state]?.public),
      data: {
        mark: { kind, ...(text ? { text } : {}) },
        ...(goodsServices.length ? { goodsServices } : {}),
        ...(filingDate ? { filingDate } : {}),
        ...(registrationNumber ? { registrationNumber } : {}),
        ...(registrationDate ? { registrationDate } : {}),
        ...(expiryDate ? { expiryDate } : {}),
        ...(publicationDate ? { publicationDate } : {}),
      },
      parties: [
        { role: registered ? 'holder' : 'applicant', party: holder },
        ...(representative ? [{ role: 'representative' as const, party: representative }] : []),
      ],
      history: history(events),
    },
  };
}
