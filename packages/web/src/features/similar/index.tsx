// What the similar-mark search and the watches on marks show alike: a found mark with its similarity as a
// percentage and a bar, and the reasons for it in the reader's language (spelling, sound, a shared
// distinctive element, word order, meaning, another script, and how the goods and services relate).
import { Fragment, type ReactNode } from 'react';
import { Link } from 'wouter';
import { stateTitle, useProcedures } from '../case/law.ts';
import { intlLocale } from '../../i18n/core.ts';
import { useI18n, type I18n, type MessageKey } from '../../i18n/index.tsx';

export type Script = 'Latin' | 'Cyrillic' | 'Greek' | 'Arabic' | 'Han';
export type Measure = 'identical' | 'spelling' | 'sound' | 'dominant' | 'wordOrder' | 'meaning';
export type Relation = 'identical-class' | 'related-class' | 'unrelated';

/** Why a mark was found: the measures that fired (strongest first) and what each saw. */
export interface Why {
  fired: Measure[];
  spelling: number;
  sound: number;
  soundCode?: string;
  dominant?: { query: string; mark: string; similarity: number };
  wordOrder?: boolean;
  meaning?: { concept: string; query: string; mark: string };
  transliteration?: { query: Script[]; mark: Script[] };
  lookalike?: boolean;
  goods?: { relation: Relation; classes: number[] };
}

export interface SimilarHit {
  caseId: string; applicationNumber: string; markText: string | null; niceClasses: number[]; status: string;
  filingDate?: string | null; score: number; why: Why;
  /** When a watch found it. */
  foundAt?: string;
}

/** A mark or a name put into a sentence: isolated, so it keeps its own direction. */
export const isolate = (text: string) => `\u2068${text}\u2069`;

/** A score from 0 to 1 as a whole percentage in the reader's locale ("87 %", "٨٧٪"). */
export function percent(i18n: I18n, score: number): string {
  return new Intl.NumberFormat(intlLocale(i18n.lang), { style: 'percent', maximumFractionDigits: 0 }).format(Math.round(score * 100) / 100);
}

/** Nice class numbers in the reader's digits, as a list. */
export function classList(i18n: I18n, classes: readonly number[]): string {
  return classes.map((c) => i18n.number(c)).join(i18n.lang === 'ar' ? '، ' : ', ');
}

/**
 * Nice classes as a visitor types them ("9, 42", "9 42", Arabic-Indic digits, an Arabic or Chinese comma):
 * the numbers, sorted and without repeats, or null when one is not a class from 1 to 45.
 */
export function parseClasses(text: string): number[] | null {
  const ascii = text
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/[\uff10-\uff19]/g, (d) => String(d.charCodeAt(0) - 0xff10));
  const parts = ascii.split(/[\s,;\u060c\u061b\u3001\uff0c]+/).filter(Boolean);
  const out = new Set<number>();
  for (const p of parts) {
    if (!/^\d{1,2}$/.test(p)) return null;
    const n = Number(p);
    if (n < 1 || n > 45) return null;
    out.add(n);
  }
  return [...out].sort((a, b) => a - b);
}

/**
 * A message with parts that are not the reader's words (a mark, a sound code) put in as elements of their
 * own: isolated, so Latin words keep their order inside an Arabic sentence.
 */
function withParts(i18n: I18n, key: MessageKey, parts: Record<string, ReactNode>): ReactNode {
  const marker = '\u0000';
  const text = i18n.t(key, Object.fromEntries(Object.keys(parts).map((k) => [k, `${marker}${k}${marker}`])));
  return text.split(marker).map((piece, i) => (i % 2 === 1 && piece in parts ? <Fragment key={i}>{parts[piece]}</Fragment> : piece));
}

const word = (w: string) => <bdi className="reason-word">{w.toUpperCase()}</bdi>;

/** The reasons for a found mark, each a line in the reader's language, strongest first; the goods last. */
export function reasonLines(i18n: I18n, why: Why): { key: string; text: ReactNode }[] {
  const out: { key: string; text: ReactNode }[] = [];
  for (const m of why.fired) {
    switch (m) {
      case 'identical': out.push({ key: m, text: i18n.t('similar.why.identical') }); break;
      case 'spelling': out.push({ key: m, text: i18n.t('similar.why.spelling') }); break;
      case 'sound':
        out.push({ key: m, text: why.soundCode ? withParts(i18n, 'similar.why.soundCode', { code: <bdi dir="ltr" className="reason-code">{why.soundCode}</bdi> }) : i18n.t('similar.why.sound') });
        break;
      case 'dominant':
        if (!why.dominant) break;
        out.push({
          key: m,
          text: why.dominant.query === why.dominant.mark
            ? withParts(i18n, 'similar.why.dominant', { word: word(why.dominant.mark) })
            : withParts(i18n, 'similar.why.dominantPair', { query: word(why.dominant.query), mark: word(why.dominant.mark) }),
        });
        break;
      case 'wordOrder': out.push({ key: m, text: i18n.t('similar.why.wordOrder') }); break;
      case 'meaning':
        if (!why.meaning) break;
        out.push({
          key: m,
          text: withParts(i18n, 'similar.why.meaning', { concept: <bdi>{why.meaning.concept}</bdi>, query: word(why.meaning.query), mark: word(why.meaning.mark) }),
        });
        break;
    }
  }
  if (!why.fired.length) out.push({ key: 'weak', text: i18n.t('similar.why.weak') });
  if (why.lookalike) out.push({ key: 'lookalike', text: i18n.t('similar.why.lookalike') });
  const scripts = [...new Set([...(why.transliteration?.query ?? []), ...(why.transliteration?.mark ?? [])])].filter((s) => s !== 'Latin');
  if (scripts.length) {
    const names = scripts.map((s) => i18n.tx(`similar.script.${s}`, s)).join(i18n.lang === 'ar' ? '، ' : ', ');
    out.push({ key: 'transliteration', text: i18n.t('similar.why.transliteration', { scripts: names }) });
  }
  if (why.goods) {
    const { relation, classes } = why.goods;
    const many = classes.length > 1;
    const text = relation === 'identical-class' ? i18n.t(many ? 'similar.goods.sameMany' : 'similar.goods.same', { classes: classList(i18n, classes) })
      : relation === 'related-class' ? i18n.t(many ? 'similar.goods.relatedMany' : 'similar.goods.related', { classes: classList(i18n, classes) })
        : i18n.t('similar.goods.unrelated');
    out.push({ key: 'goods', text });
  }
  return out;
}

/** The reasons as a list, with the spelling and sound measures beneath. */
export function Reasons({ why }: { why: Why }) {
  const i18n = useI18n();
  return (
    <>
      <ul className="reasons" data-testid="similar-reasons">
        {reasonLines(i18n, why).map((r) => <li key={r.key} data-reason={r.key}>{r.text}</li>)}
      </ul>
      <div className="hint">{i18n.t('similar.why.measures', { spelling: percent(i18n, why.spelling), sound: percent(i18n, why.sound) })}</div>
    </>
  );
}

/** The similarity as text and as a bar beside it (the bar repeats the text for the eye). */
export function ScoreBar({ score }: { score: number }) {
  const i18n = useI18n();
  const level = score >= 0.85 ? 'high' : score >= 0.7 ? 'medium' : 'low';
  return (
    <span className="score" data-score={score}>
      <span className="score-text" data-testid="similar-score">{percent(i18n, score)}</span>
      <span className={`score-bar score-${level}`} aria-hidden="true"><span style={{ inlineSize: `${Math.round(Math.max(0, Math.min(1, score)) * 100)}%` }} /></span>
    </span>
  );
}

/** A trademark's state as its title in the reader's language, with a colour hint beside the words. */
export function MarkStatus({ state }: { state: string }) {
  const i18n = useI18n();
  const law = useProcedures();
  const tone = /refus|reject|laps|withdraw|expir|revo|invalid|surrend|cancel/.test(state) ? 'badge-bad' : /^registered/.test(state) ? 'badge-ok' : '';
  return <span className={`badge ${tone}`}>{i18n.law(stateTitle(law, 'trademark', state))}</span>;
}

/** The found marks, most similar first; `caseHref` says where a number leads (the register or the office). */
export function HitsTable({ hits, caption, caseHref, found, busy }: {
  hits: SimilarHit[]; caption: string; caseHref(h: SimilarHit): string; found?: boolean; busy?: boolean;
}) {
  const i18n = useI18n();
  return (
    <div className="table-scroll">
      <table className="similar-results" data-testid="similar-table" aria-busy={busy || undefined}>
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{i18n.t('similar.col.number')}</th>
            <th scope="col">{i18n.t('similar.col.mark')}</th>
            <th scope="col">{i18n.t('similar.col.classes')}</th>
            <th scope="col">{i18n.t('similar.col.status')}</th>
            <th scope="col">{i18n.t('similar.col.score')}</th>
            <th scope="col">{i18n.t('similar.col.reasons')}</th>
            {found ? <th scope="col">{i18n.t('similar.col.found')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {hits.map((h) => (
            <tr key={h.caseId} data-testid={`similar-row-${h.applicationNumber}`}>
              <th scope="row"><Link href={caseHref(h)} className="case-number" data-testid="similar-case-link">{h.applicationNumber}</Link></th>
              <td>{h.markText ? <span className="mark-text" dir="auto" data-testid="similar-mark">{h.markText}</span> : <span className="muted">{i18n.t('similar.noText')}</span>}</td>
              <td>{h.niceClasses.length ? classList(i18n, h.niceClasses) : '—'}</td>
              <td><MarkStatus state={h.status} /></td>
              <td><ScoreBar score={h.score} /></td>
              <td><Reasons why={h.why} /></td>
              {found ? <td>{i18n.instant(h.foundAt)}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The address of a similar-mark search, absolute so it works from any portal. */
export function similarHref(c: { text?: string; classes?: readonly number[] | string; dead?: boolean }): string {
  const classes = typeof c.classes === 'string' ? c.classes.trim() : (c.classes ?? []).join(',');
  const p = new URLSearchParams();
  if (c.text?.trim()) p.set('text', c.text.trim());
  if (classes) p.set('classes', classes);
  if (c.dead) p.set('dead', '1');
  // Commas between class numbers stay readable in the address.
  const s = p.toString().replace(/%2C/gi, ',');
  return `~/register/similar${s ? `?${s}` : ''}`;
}
