// The official gazette: issues on the office's calendar, compiled, reviewed and published by the
// registrar; each published issue frozen with its PDF, ST.96 XML and JSON (see sections.ts for what is
// announced where).
import { findFramework } from '@registrum/procedures';
import type { Office } from '../../app/office.ts';
import type { GazetteDeps } from './deps.ts';

export type { GazetteDeps } from './deps.ts';
export { SECTIONS, SECTION_TITLES, sectionOf, type Section } from './sections.ts';
export { DEFAULT_CALENDAR, isIssueDay, nextIssueDates, type GazetteCalendar } from './calendar.ts';
export { compileIssue, recompileIssue, removeEntry, discardIssue } from './use-cases/compile.ts';
export { publishIssue, type PublishResult } from './use-cases/publish.ts';
export { listIssues, readIssue, issueFile, readCalendar, setCalendar, calendarSchema } from './use-cases/read.ts';
export { renderPdf, type IssueDocument } from './render.ts';

/** What the gazette needs of the office. */
export function gazetteDeps(office: Pick<Office, 'db' | 'engine' | 'clock' | 'storage' | 'config' | 'worker' | 'signingKey'>): GazetteDeps & { publicUrl: string } {
  const framework = findFramework(office.config.framework)!;
  return {
    db: office.db, engine: office.engine, clock: office.clock, storage: office.storage,
    office: { code: framework.office.code, name: framework.office.name },
    log: office.worker.log, publicUrl: office.config.publicUrl ?? '', signingKey: office.signingKey,
  };
}
