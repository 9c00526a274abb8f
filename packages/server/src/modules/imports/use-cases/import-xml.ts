// Importing XML documents (WIPO ST.96, the USPTO trademark daily XML): each document is first read
// through once without keeping anything, which refuses a hostile or malformed document before any of
// its records is stored and counts its records; then it is read again, record by record, each record
// taken over in a transaction of its own.
import type { Actor } from '../../../kernel/actor.ts';
import { DomainError } from '../../../kernel/errors.ts';
import { rejected, type Mapped } from '../records.ts';
import { mapSt96, ST96_FORMAT, ST96_RECORDS } from '../st96.ts';
import { mapTdxf, TDXF_FORMAT, TDXF_RECORDS } from '../uspto-tdxf.ts';
import { checkDocument, scanRecords, XML_LIMITS, type RawRecord, type XmlLimits } from '../xml.ts';
import { ImportRun, type ImportDeps, type ImportOptions, type ImportReport } from './import-records.ts';

export type XmlFormat = typeof ST96_FORMAT | typeof TDXF_FORMAT;

const FORMATS: Record<XmlFormat, { records: ReadonlySet<string>; map: (r: RawRecord, l: XmlLimits) => Mapped; doctype: XmlLimits['doctype'] }> = {
  [ST96_FORMAT]: { records: ST96_RECORDS, map: mapSt96, doctype: 'none' },
  [TDXF_FORMAT]: { records: TDXF_RECORDS, map: mapTdxf, doctype: 'internal' },
};

/** A document to import: its name (for the report) and its text, which can be read more than once. */
export interface XmlSource { name: string; text: () => AsyncIterable<string> }

export async function importXml(
  deps: ImportDeps, actor: Actor, format: XmlFormat, sources: XmlSource[],
  opts: ImportOptions & { limits?: Partial<XmlLimits> } = {},
): Promise<ImportReport> {
  const f = FORMATS[format];
  const limits: XmlLimits = { ...XML_LIMITS, doctype: f.doctype, ...opts.limits };
  const run = await new ImportRun(deps, actor, format, { ...opts, name: opts.name ?? sources.map((s) => s.name).join(', ').slice(0, 500) }).start();
  for (const src of sources) {
    let total: number;
    try {
      const summary = await checkDocument(src.text(), f.records, limits);
      if (summary.records === 0) {
        throw rejected('IMPORT_NO_RECORDS', `The document (${summary.root}) holds no record of the kinds this import takes over (${[...f.records].join(', ')})`, { root: summary.root });
      }
      total = summary.records;
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      run.addFile({ name: src.name, records: 0, error: { code: e.code, message: e.message, details: e.details } });
      continue;
    }
    let n = 0;
    try {
      for await (const raw of scanRecords(src.text(), f.records, limits)) {
        await run.record(f.map(raw, limits), src.name);
        n++;
        run.progress(src.name, total);
      }
      run.addFile({ name: src.name, records: n });
    } catch (e) {
      // The document changed between the two readings: what was read is kept, the rest is reported.
      if (!(e instanceof DomainError)) throw e;
      run.addFile({ name: src.name, records: n, error: { code: e.code, message: e.message, details: e.details } });
    }
  }
  return run.finish();
}
