// What the register, the office and the administration show alike of the gazette and open data: the
// shapes the API answers with, a published file (its kind, size, SHA-256 and download), an entry's
// legal-status event and a section's title in the reader's language.
import { intlLocale } from '../../i18n/core.ts';
import { useI18n, type I18n } from '../../i18n/index.tsx';
import { formatSize } from '../../ui/files.ts';
import { rightName } from '../../ui/rights.ts';

/** Text of another direction (a name, an address, a number) put into a sentence: isolated, so it keeps its own order. */
export const isolate = (text: string) => `\u2068${text}\u2069`;

/** A line a page says after an action, written when shown so that it follows a change of language. */
export interface Notice { say(i18n: I18n): string }

export interface PublishedFile { name: string; mediaType: string; size: number; sha256: string; href: string }

export interface StatusEvent { standard?: string; category?: string; detailedCode?: string | null; statusCategory?: string | null }

export interface IssueEntry {
  id: string; no: number | null; section: string; status: 'pending' | 'recorded' | 'left-out';
  caseNumber: string; right: string; title: string | null; act: string; actTitle: string;
  performer?: 'registrar' | 'system' | null; officeDate: string | null; event: StatusEvent | null; stateAfter: string | null;
}

export interface Blocked { caseId: string; number: string; right: string; act: string; code: string; detail: string }

export interface IssueSummary {
  id: string; number: string | null; date: string; status: 'draft' | 'publishing' | 'published';
  compiledOn: string; compiledAt: string; publishedAt: string | null; entryCount: number | null;
  seal: { id: number; hash: string } | null; files: PublishedFile[];
}

export interface Issue extends IssueSummary {
  sections: { section: string; title: string; entries: IssueEntry[] }[];
  /** Office staff only. */
  compiledBy?: { id: string; name: string } | null;
  publishedBy?: { id: string; name: string } | null;
  blocked?: Blocked[];
  leftOut?: { id: string; caseNumber: string; right: string; act: string; code: string; detail: string }[];
  lastError?: { code?: string; [k: string]: unknown } | null;
}

export interface IssueList { total: number; limit: number; offset: number; items: IssueSummary[]; next: string | null }

export interface Calendar {
  frequency: 'weekly' | 'fortnightly' | 'monthly'; weekday: number; monthDay: number; startsOn: string | null; nextIssues: string[];
}

export interface Dump {
  id: string; officeDate: string; generatedAt: string; cases: number; seal: { id: number; hash: string } | null; files: PublishedFile[];
}

export interface OpenDataIndex {
  register: {
    description: string; schedule: { everyDays: number } | null; latest: Dump | null; recent: Dump[];
    links: { all: string; latest: string };
  };
  gazette: {
    total: number; limit: number; offset: number; next: string | null;
    items: { number: string; date: string; publishedAt: string; entries: number; sealHash: string | null; files: PublishedFile[] }[];
  };
  changes: { href: string; description: string };
  rateLimits: { anonymousPerMinute: number; signedInPerMinute: number };
}

export const SECTIONS = ['applications', 'registrations', 'renewals', 'recordals', 'lapses', 'corrections'] as const;

/** A section of an issue by its code, in the reader's language (the API's English title for a code the catalogue lacks). */
export function sectionTitle(i18n: I18n, section: string, english?: string): string {
  return i18n.tx(`pub.section.${section}`, english ?? section);
}

/** What a published file is, from the name the office gives it (gazette-2026-01.pdf, register-xx-2026-11-25.jsonl.gz ...). */
export function fileKind(i18n: I18n, name: string): string {
  const st96 = /-st96-([a-z-]+)\.xml$/.exec(name);
  if (st96) return i18n.t('pub.file.st96Right', { right: rightName(i18n, st96[1]) });
  if (/-manifest\.json$/.test(name)) return i18n.t('pub.file.manifest');
  if (/-st96\.zip$/.test(name)) return i18n.t('pub.file.st96Zip');
  if (/\.jsonl\.gz$/.test(name)) return i18n.t('pub.file.jsonl');
  if (/\.pdf$/.test(name)) return i18n.t('pub.file.pdf');
  if (/\.json$/.test(name)) return i18n.t('pub.file.json');
  if (/\.zip$/.test(name)) return i18n.t('pub.file.zip');
  return name;
}

/** The files of an issue or a dump: each with its size, its SHA-256 (to check what was received) and its download. */
export function FileTable({ files, caption, testid }: { files: PublishedFile[]; caption: string; testid: string }) {
  const i18n = useI18n();
  if (files.length === 0) return <p className="muted" data-testid={`${testid}-none`}>{i18n.t('pub.files.none')}</p>;
  return (
    <div className="table-scroll">
      <table className="file-table" data-testid={testid}>
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{i18n.t('pub.files.kind')}</th>
            <th scope="col">{i18n.t('pub.files.name')}</th>
            <th scope="col" className="num">{i18n.t('pub.files.size')}</th>
            <th scope="col">{i18n.t('pub.files.sha256')}</th>
          </tr>
        </thead>
        <tbody>
          {files.map((f) => {
            const kind = fileKind(i18n, f.name);
            return (
              <tr key={f.name} data-testid={`file-${f.name}`}>
                <th scope="row">{kind}</th>
                <td>
                  <a href={f.href} download={f.name} className="file-name" data-testid={`download-${f.name}`}
                    aria-label={i18n.t('pub.files.downloadOf', { kind, name: f.name })}>{f.name}</a>
                </td>
                <td className="num nowrap">{formatSize(i18n, f.size)}</td>
                <td><code className="hash" data-testid={`sha256-${f.name}`}>{f.sha256}</code></td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/**
 * The legal-status event an entry records, as its standard names it: a WIPO code (ST.27 'F10') stays as
 * written; a category the standard words (ST.61 'Application published') is read in the reader's language.
 */
export function EventCode({ event }: { event: StatusEvent | null }) {
  const i18n = useI18n();
  if (!event?.standard) return <span className="muted">—</span>;
  const worded = (c: string) => /\s/.test(c) || /^[A-Z][a-z]+$/.test(c);
  const show = (c: string) => (worded(c) ? <span>{i18n.law(c)}</span> : <code dir="ltr">{c}</code>);
  const main = event.detailedCode || event.category || '';
  const broader = event.detailedCode && event.category && event.category !== event.detailedCode ? event.category : null;
  return (
    <span className="event-code" data-testid="entry-event">
      <span className="event-standard">{event.standard}</span>{' '}{show(main)}
      {broader ? <span className="muted"> ({show(broader)})</span> : null}
    </span>
  );
}

/** The seal hash of the journal an issue or a dump was made from: the value that anchors the register. */
export function SealHash({ seal, testid }: { seal: { id: number; hash: string } | null; testid: string }) {
  const i18n = useI18n();
  if (!seal) return <span className="muted">{i18n.t('pub.seal.none')}</span>;
  return (
    <>
      <code className="hash" data-testid={testid}>{seal.hash}</code>
      <span className="hint"> {i18n.t('pub.seal.number', { id: i18n.number(seal.id) })}</span>
    </>
  );
}

/** How often the gazette appears, in words ("Every Wednesday", "Monthly, on day 1"). */
export function calendarText(i18n: I18n, c: Pick<Calendar, 'frequency' | 'weekday' | 'monthDay'>): string {
  if (c.frequency === 'monthly') return i18n.t('pub.calendar.monthlyOn', { day: i18n.number(c.monthDay) });
  const day = isoWeekdayName(i18n, c.weekday);
  return i18n.t(c.frequency === 'weekly' ? 'pub.calendar.weeklyOn' : 'pub.calendar.fortnightlyOn', { day });
}

/** The name of an ISO weekday (1 = Monday ... 7 = Sunday) in the reader's language. */
export function isoWeekdayName(i18n: I18n, d: number): string {
  // 2024-01-01 was a Monday.
  return new Intl.DateTimeFormat(intlLocale(i18n.lang), { weekday: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, d)));
}
