// The catalogue of personal data is complete: every column of the live schema (after every migration),
// every field of every act's payload schema in every framework and every public field of the case data
// is classified in modules/privacy/classification.ts, every column that refers to an account or a party
// is read by the subject access export, and docs/data-protection.md shows the catalogue as it is. A new
// column, payload field or public field without its classification fails here, saying what to add.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { FRAMEWORKS } from '@registrum/procedures';
import {
  PAYLOAD_FIELDS, PERSON_FIELDS, PUBLIC_DATA_FIELDS, TABLES, catalogueMarkdown, columnClass, payloadFieldClass, subjectLinks,
} from '../../src/modules/privacy/index.ts';
import { BEGIN, END } from '../../src/modules/privacy/catalogue-doc.ts';
import { testOffice, type TestOffice } from '../support/harness.ts';

let office: TestOffice;
before(async () => { office = await testOffice(); });
after(() => office?.shutdown());

const CATALOGUE = 'packages/server/src/modules/privacy/classification.ts';

test('every column of every table of the live schema is classified (and the catalogue names no column the schema lacks)', async () => {
  const { rows } = await office.db.query<{ table_name: string; column_name: string }>(
    `SELECT c.table_name, c.column_name FROM information_schema.columns c JOIN information_schema.tables t USING (table_schema, table_name)
      WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE' ORDER BY c.table_name, c.ordinal_position`);
  assert.ok(rows.length > 200 && rows.some((r) => r.table_name === 'privacy_requests'), `the schema was read (${rows.length} columns)`);
  const missing = rows.filter((r) => !columnClass(r.table_name, r.column_name)).map((r) => `${r.table_name}.${r.column_name}`);
  assert.deepEqual(missing, [], `classify these columns in TABLES of ${CATALOGUE} (a category such as 'identity', 'contact', 'address', 'identifier user', 'credentials' or 'none'; a new table also needs its purpose, who sees it and how long it is kept), then run npx tsx packages/server/src/modules/privacy/catalogue-doc.ts:\n  ${missing.join('\n  ')}`);
  const live = new Set(rows.map((r) => `${r.table_name}.${r.column_name}`));
  const stale = Object.entries(TABLES).flatMap(([t, c]) => Object.keys(c.columns).map((k) => `${t}.${k}`)).filter((k) => !live.has(k));
  assert.deepEqual(stale, [], `${CATALOGUE} classifies columns the schema does not have: remove them`);
});

test('every column that refers to an account or a party (a foreign key to users or parties) is marked, so the subject access export reads it', async () => {
  const { rows } = await office.db.query<{ table_name: string; column_name: string; target: string }>(
    `SELECT ch.relname AS table_name, a.attname AS column_name, pa.relname AS target
       FROM pg_constraint c JOIN pg_class ch ON ch.oid = c.conrelid JOIN pg_class pa ON pa.oid = c.confrelid
       CROSS JOIN LATERAL unnest(c.conkey) k(attnum) JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum
      WHERE c.contype = 'f' AND c.connamespace = current_schema()::regnamespace AND pa.relname IN ('users', 'parties')`);
  assert.ok(rows.length > 20, 'the foreign keys were read');
  const links = new Set(subjectLinks().map((l) => `${l.table}.${l.column}->${l.refersTo === 'user' ? 'users' : 'parties'}`));
  const unmarked = rows.map((r) => `${r.table_name}.${r.column_name}->${r.target}`).filter((k) => !links.has(k));
  assert.deepEqual(unmarked, [], `mark these columns 'identifier user' or 'identifier party' in ${CATALOGUE}`);
  // Columns that name an account without a foreign key are marked too: who performed an act, who was audited.
  for (const k of ['acts.actor_id->users', 'audit_events.user_id->users']) assert.ok(links.has(k), k);
  // Credentials are never exported.
  for (const [t, c] of [['users', 'password_hash'], ['sessions', 'token_hash'], ['second_factors', 'secret'], ['recovery_codes', 'code_hash'], ['webhook_subscriptions', 'secret']]) {
    assert.deepEqual([columnClass(t, c)?.category, columnClass(t, c)?.exported], ['credentials', false], `${t}.${c}`);
  }
});

/** Every leaf of a JSON schema, as a path ('applicants[].address'). */
function leaves(s: any, path: string, out: string[]) {
  if (!s || typeof s !== 'object') return out;
  if (s.type === 'object' && s.properties && Object.keys(s.properties).length) {
    for (const [k, v] of Object.entries(s.properties)) leaves(v, path ? `${path}.${k}` : k, out);
  } else if (s.type === 'array' && s.items) {
    leaves(s.items, `${path}[]`, out);
  } else if (path) {
    out.push(path);
  }
  return out;
}

test('every field of every act payload of every framework is classified', () => {
  const where = new Map<string, string>();
  for (const f of FRAMEWORKS) for (const p of f.procedures) for (const [act, d] of Object.entries(p.acts)) {
    for (const path of leaves(d.payloadSchema, '', [])) if (!where.has(path)) where.set(path, `${f.id}/${p.right} ${p.version} act ${act}`);
  }
  assert.ok(where.size > 150, `the payload schemas were walked (${where.size} fields)`);
  const missing = [...where].filter(([path]) => !payloadFieldClass(path)).map(([path, w]) => `${path} (${w})`);
  assert.deepEqual(missing, [], `classify these payload fields in PAYLOAD_FIELDS of ${CATALOGUE} (or, for a person, name its key in PAYLOAD_PERSON_KEYS):\n  ${missing.join('\n  ')}`);
  // A person's fields: what the register may publish, what never.
  assert.equal(payloadFieldClass('applicant.email')?.published, 'never');
  assert.equal(payloadFieldClass('inventors[].address')?.published, 'office-rules');
  assert.equal(payloadFieldClass('newHolder.name')?.published, 'public');
  assert.equal(payloadFieldClass('remarks')?.category, 'free-text');
  const unused = Object.keys(PAYLOAD_FIELDS).filter((k) => !where.has(k));
  assert.deepEqual(unused, [], 'PAYLOAD_FIELDS classifies fields no payload has: remove them');
  assert.ok(Object.keys(PERSON_FIELDS).includes('email'));
});

test('every public field of the case data of every procedure is classified', () => {
  const missing = new Set<string>();
  for (const f of FRAMEWORKS) for (const p of f.procedures) for (const k of p.publicFields ?? []) if (!(k in PUBLIC_DATA_FIELDS)) missing.add(`${k} (${f.id}/${p.right} ${p.version})`);
  assert.deepEqual([...missing], [], `classify these public fields in PUBLIC_DATA_FIELDS of ${CATALOGUE}: 'persons' when they hold persons, 'names' for names as text, else 'none'`);
});

test('docs/data-protection.md shows the catalogue as it is', () => {
  const page = readFileSync(new URL('../../../../docs/data-protection.md', import.meta.url), 'utf8');
  const b = page.indexOf(BEGIN); const e = page.indexOf(END);
  assert.ok(b >= 0 && e > b, 'the page has its catalogue markers');
  assert.equal(page.slice(b, e + END.length), catalogueMarkdown(), 'run npx tsx packages/server/src/modules/privacy/catalogue-doc.ts to write the catalogue into docs/data-protection.md');
});
