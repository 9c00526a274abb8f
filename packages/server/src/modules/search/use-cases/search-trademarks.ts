// Similar-mark search: the marks of the register most likely to be confused with a given word mark, for
// its goods and services, each with the reasons. Candidates come from the in-memory index; each is then
// compared in full (spelling, sound, dominant element, meaning, transliteration) and weighed by the
// relation between the classes. The public and applicants see published marks; office staff all.
import { DomainError } from '../../../kernel/errors.ts';
import { isOffice, type Viewer } from '../../cases/index.ts';
import type { SearchService } from '../search-service.ts';
import * as repo from '../search.repository.ts';
import { compareMarks, prepareMark, type Why } from '../similarity/compare.ts';

export interface TrademarkSearch {
  text: string;
  niceClasses?: number[];
  limit?: number;
  /** Also refused, withdrawn, lapsed and surrendered marks (default: only those still standing). */
  includeDead?: boolean;
  /** Only marks in these states. */
  statuses?: string[];
  /** Only hits scoring at least this much. */
  minScore?: number;
}

export interface TrademarkHit {
  caseId: string; applicationNumber: string; markText: string | null; niceClasses: number[]; status: string;
  filingDate: string | null; score: number; why: Why;
}

/** How many candidates are compared in full for a result of `limit` hits. */
const candidatesFor = (limit: number) => Math.max(500, limit * 8);

export async function searchTrademarks(service: SearchService, viewer: Viewer, s: TrademarkSearch) {
  const limit = Math.min(Math.max(s.limit ?? 50, 1), 200);
  const query = prepareMark(s.text, service.lex, service.scripts);
  if (!query.fused) {
    throw new DomainError('SEARCH_TEXT_EMPTY', 'The text to search has no letters or digits', 422, { field: 'text' });
  }
  const classes = [...new Set(s.niceClasses ?? [])];
  const index = await service.ready();
  const readings = [query.latin];
  if (query.lookalike) readings.push(query.lookalike);
  const staff = isOffice(viewer);
  const candidates = index.candidates(readings, candidatesFor(limit), { publicOnly: !staff, liveOnly: !s.includeDead && !s.statuses?.length });
  const lex = service.lex;
  const ranked = candidates.map(({ doc }) => {
    const latin = index.latin[doc]!;
    // The stored reading is Latin already; the mark keeps the scripts it was written in (for why.transliteration).
    const mark = prepareMark(latin, lex, undefined, index.scriptsOf(doc));
    const markClasses = index.classesOf(doc);
    return { doc, markClasses, ...compareMarks(query, mark, { query: classes, mark: markClasses, lex }) };
  }).filter((r) => r.score >= (s.minScore ?? 0)).sort((a, b) => b.score - a.score || a.doc - b.doc);

  // The cases as they stand now, read from the database: the state a hit shows is never stale, and a
  // case the index still holds as public but that is not (a correction) is left out for the public.
  const out: TrademarkHit[] = [];
  const wanted = s.statuses?.length ? new Set(s.statuses) : null;
  for (let from = 0; from < ranked.length && out.length < limit; from += limit) {
    const slice = ranked.slice(from, from + limit);
    const cases = await repo.hitCases(service.db, slice.map((r) => index.caseIdOf(r.doc)));
    for (const r of slice) {
      const c = cases.get(index.caseIdOf(r.doc));
      if (!c || (!staff && !c.public) || (wanted && !wanted.has(c.state))) continue;
      out.push({
        caseId: c.id, applicationNumber: c.number, markText: c.mark_text, niceClasses: c.classes, status: c.state,
        filingDate: c.filing_date, score: r.score, why: r.why,
      });
      if (out.length >= limit) break;
    }
  }
  return { hits: out, query: { latin: query.latin, scripts: query.scripts, niceClasses: classes } };
}
