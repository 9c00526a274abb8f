// Shared by the import tests: the office's import dependencies, the reference samples, and what the
// register holds (to show that a refused document or record stored nothing).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Actor } from '../../src/kernel/actor.ts';
import type { ImportDeps } from '../../src/modules/imports/index.ts';
import type { TestOffice } from '../support/harness.ts';

/** The reference samples shared beside the repository (public WIPO and USPTO documents). */
export const REFERENCE = fileURLToPath(new URL('../../../../../shared/reference', import.meta.url));
export const WIPO = `${REFERENCE}/st96/samples/wipo-annex-vii-V6_0`;
export const TSDR = `${REFERENCE}/st96/samples/uspto-tsdr-trademark`;
export const TDXF = `${REFERENCE}/uspto-tdxf`;

export const IMPORTER: Actor = { kind: 'system', name: 'Registrum (import)' };

export const depsOf = (o: TestOffice): ImportDeps => ({ db: o.db, engine: o.engine, clock: o.clock, storage: o.storage, framework: o.config.framework });

export const read = (path: string) => readFileSync(path, 'utf8');

/** How many rows the register's tables hold. */
export async function footprint(o: TestOffice) {
  const { rows } = await o.db.query<Record<string, number>>(
    `SELECT (SELECT count(*) FROM cases)::int AS cases, (SELECT count(*) FROM acts)::int AS acts, (SELECT count(*) FROM parties)::int AS parties,
            (SELECT count(*) FROM time_limits)::int AS limits, (SELECT count(*) FROM import_records)::int AS records,
            (SELECT count(*) FROM outbox)::int AS jobs, (SELECT count(*) FROM documents)::int AS documents`);
  return rows[0];
}

/** A case by number with its parties and acts. */
export async function caseByNumber(o: TestOffice, number: string) {
  const c = (await o.db.query('SELECT * FROM cases WHERE number = $1', [number])).rows[0];
  if (!c) return null;
  const parties = (await o.db.query<{ role: string; name: string; country: string | null; kind: string }>(
    'SELECT cp.role, p.name, p.country, p.kind FROM case_parties cp JOIN parties p ON p.id = cp.party_id WHERE cp.case_id = $1 ORDER BY cp.role, p.name', [c.id])).rows;
  const acts = (await o.db.query('SELECT * FROM acts WHERE case_id = $1 ORDER BY seq', [c.id])).rows;
  const limits = (await o.db.query("SELECT kind, due_on, window_opens_on, grace_ends_on, status FROM time_limits WHERE case_id = $1 AND status = 'open' ORDER BY kind", [c.id])).rows;
  return { ...c, parties, acts, limits };
}

/** Occurrences of an element (any prefix) in a document, counted on its text. */
export const countElements = (xml: string, local: string) => (xml.match(new RegExp(`<(?:[\\w.-]+:)?${local}[\\s>]`, 'g')) ?? []).length;
