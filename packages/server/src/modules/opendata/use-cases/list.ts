// What open data the office offers: the register dumps and the gazette issues, each file with its size,
// SHA-256 and address; and the change feed. Files are immutable (content-addressed); 'latest' follows
// the newest dump.
import { DomainError } from '../../../kernel/errors.ts';
import type { Queryable } from '../../../platform/db/db.ts';
import type { PublishedFile } from '../bundle.ts';
import * as repo from '../opendata.repository.ts';

const dumpHref = (id: string, f: PublishedFile) => `/api/v1/open-data/dumps/${id}/files/${encodeURIComponent(f.name)}`;

export function presentDump(d: repo.DumpRow) {
  return {
    id: d.id, officeDate: d.office_date, generatedAt: d.generated_at, cases: d.case_count,
    seal: d.seal_id !== null && d.seal_hash ? { id: d.seal_id, hash: d.seal_hash } : null,
    files: d.files.map((f) => ({ ...f, href: dumpHref(d.id, f) })),
  };
}

export async function listDumps(q: Queryable, f: { limit?: number; offset?: number }) {
  const limit = Math.min(Math.max(f.limit ?? 20, 1), 100);
  const offset = Math.max(f.offset ?? 0, 0);
  const { rows, total } = await repo.listDumps(q, limit, offset);
  return { total, limit, offset, items: rows.map(presentDump), next: offset + limit < total ? `/api/v1/open-data/dumps?limit=${limit}&offset=${offset + limit}` : null };
}

export async function openDataIndex(q: Queryable, opts: { rateLimits: { anonymousPerMinute: number; signedInPerMinute: number }; dumpEveryDays: number; issues?: { limit?: number; offset?: number } }) {
  const dumps = await repo.listDumps(q, 10, 0);
  const limit = Math.min(Math.max(opts.issues?.limit ?? 20, 1), 100);
  const offset = Math.max(opts.issues?.offset ?? 0, 0);
  const issues = await repo.publishedIssues(q, limit, offset);
  return {
    register: {
      description: 'The whole public register: WIPO ST.96 XML (one bag document per right per chunk of cases) in a zip with manifest.json, and JSON Lines (one case a line, gzip); SHA-256 of every file in the manifest',
      schedule: opts.dumpEveryDays > 0 ? { everyDays: opts.dumpEveryDays } : null,
      latest: dumps.rows[0] ? presentDump(dumps.rows[0]) : null,
      recent: dumps.rows.map(presentDump),
      links: { all: '/api/v1/open-data/dumps', latest: '/api/v1/open-data/dumps/latest' },
    },
    gazette: {
      total: issues.total, limit, offset,
      items: issues.rows.map((i) => ({
        number: i.number, date: i.issue_date, publishedAt: i.published_at, entries: i.entry_count, sealHash: i.seal_hash,
        files: (i.files ?? []).map((f) => ({ ...f, href: `/api/v1/gazette/issues/${i.number}/files/${encodeURIComponent(f.name)}` })),
      })),
      next: offset + limit < issues.total ? `/api/v1/open-data?limit=${limit}&offset=${offset + limit}` : null,
    },
    changes: { href: '/api/v1/changes', description: 'acts of public cases in journal order, by cursor' },
    rateLimits: opts.rateLimits,
  };
}

export async function dumpFile(q: Queryable, ref: string, name: string): Promise<{ dump: repo.DumpRow; file: PublishedFile }> {
  const dump = await repo.getDump(q, ref);
  // Besides its full name, a file is found by its kind ('st96.zip', 'jsonl.gz', 'manifest.json'): a stable address for the latest dump.
  const file = dump?.files.find((f) => f.name === name) ?? dump?.files.find((f) => f.name.endsWith(`-${name}`) || f.name.endsWith(`.${name}`));
  if (!dump || !file) throw new DomainError('OPEN_DATA_FILE_NOT_FOUND', `No open-data file ${name} in dump ${ref}`, 404);
  return { dump, file };
}

export async function readDump(q: Queryable, ref: string) {
  const dump = await repo.getDump(q, ref);
  if (!dump) throw new DomainError('OPEN_DATA_FILE_NOT_FOUND', `No register dump ${ref}`, 404);
  return presentDump(dump);
}
