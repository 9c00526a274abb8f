// Erasure by redaction acts (model law: ML r. 90, the file kept five years after its case ended). The
// e-mail of a representative who was replaced is erased from every act that names it, from the party and
// from the case, by a redaction act journaled in the case; journal verify still passes, with the rewritten
// act sealed before; any other change to a redacted act, putting the erased value back, or a changed hash in
// the redaction act is still caught. Where the law keeps the data the request is refused with a stable code
// and nothing changes: a current party's address in a pending case, the name of a party of a pending case or
// of a registered right, a company's name, anything within the retention period; a withdrawn application's
// private applicant is erased whole once it has passed.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { fileApplication, performAct } from '../../src/modules/cases/index.ts';
import { verifyJournal } from '../../src/procedure-engine/journal.ts';
import { actHash, redactedHashes } from '../../src/procedure-engine/hash-chain.ts';
import { testOffice, type TestOffice } from '../support/harness.ts';
import { client, expectProblem, login, ok, type Client } from '../http/helpers.ts';
import { AGENT, AGENT_EMAIL, cast, PRIVATE, type Cast } from './support.ts';

let office: TestOffice;
let app: FastifyInstance;
let people: Cast;
let registrar: Client, admin: Client, examiner: Client, agent: Client;
const n: Record<string, string> = {};
const NEW_AGENT = { kind: 'legal', name: 'Novus IP', country: 'XX', address: '1 New Street', email: 'desk@novus.example' };
const HOLDER = { kind: 'natural', name: 'Flavia Elphberg', country: 'XX', address: '1 Palace Square, Strelsau', email: 'flavia@elphberg.example' };
const WITHDRAWN = { kind: 'natural', name: 'Rudolf Rassendyll', country: 'XX', nationality: 'XX', address: '3 Tarlenheim Road\nRU-9876 Zenda', email: 'rudolf@rassendyll.example' };

const eur = (amount: number) => ({ amount: amount * 100, currency: 'EUR', method: 'bank-transfer' });
const caseRow = async (number: string) => (await office.db.query('SELECT * FROM cases WHERE number = $1', [number])).rows[0];
const partyOf = async (number: string, role: string, name: string) => (await office.db.query(
  `SELECT p.* FROM parties p WHERE p.name = $2 AND p.id IN (
     SELECT (x ->> 'partyId')::uuid FROM acts a CROSS JOIN LATERAL jsonb_array_elements(a.effects -> 'parties' -> 'added') x
      WHERE a.case_id = (SELECT id FROM cases WHERE number = $1) AND x ->> 'role' = $3)`, [number, name, role])).rows[0];
/** Everything the register holds of a case's journal, parties and data, as text. */
const everything = async (number: string) => JSON.stringify((await office.db.query(
  `SELECT (SELECT json_agg(json_build_array(a.payload, a.effects, a.hash) ORDER BY a.seq) FROM acts a WHERE a.case_id = c.id) AS acts,
          c.data, c.act_count, c.head_hash FROM cases c WHERE c.number = $1`, [number])).rows[0]);
const verify = async () => { await office.work(); return verifyJournal(office.db); };
const redact = (c: Client, number: string, party: string, fields: string[], reason = 'Request of the data subject of 2 March 2026') =>
  c.post(`/api/v1/cases/${number}/redactions`, { targets: [{ party, fields }], reason });

before(async () => {
  office = await testOffice({ startDate: '2026-03-02' });
  app = await office.http();
  people = await cast(office);
  [registrar, admin, examiner, agent] = await Promise.all(['registrar', 'admin', 'examiner', 'agent'].map((u) => login(app, u)));

  // A: a private applicant's mark, its representative replaced by a recordal.
  n.a = (await fileApplication(office.cases, people.agent, { right: 'trademark', payload: { mark: { kind: 'Word', text: 'LINDEN' }, applicant: PRIVATE, representative: AGENT, goodsServices: [{ classNumber: 30, terms: ['tea'] }] } })).body.case.number;
  const asked = await performAct(office.cases, people.agent, n.a, 'request-recordal', { kind: 'representative', representative: NEW_AGENT }, eur(100));
  await performAct(office.cases, people.formalities, asked.child!.number, 'record');
  // B: an application by a private person, withdrawn.
  n.b = (await fileApplication(office.cases, people.agent, { right: 'trademark', payload: { mark: { kind: 'Word', text: 'TARLENHEIM' }, applicant: WITHDRAWN, goodsServices: [{ classNumber: 30, terms: ['coffee'] }] } })).body.case.number;
  await performAct(office.cases, people.agent, n.b, 'withdraw', {});
  // C: a private person's mark, published (to be registered later).
  n.c = (await fileApplication(office.cases, people.agent, { right: 'trademark', payload: { mark: { kind: 'Word', text: 'ZENDA' }, applicant: HOLDER, goodsServices: [{ classNumber: 30, terms: ['coffee'] }] } })).body.case.number;
  await performAct(office.cases, people.agent, n.c, 'pay-fees', {}, eur(250));
  for (const [by, act] of [[people.formalities, 'accept-formalities'], [people.examiner, 'approve-classification'], [people.examiner, 'accept'], [people.registrar, 'publish']] as const) {
    await performAct(office.cases, by, n.c, act);
  }
  // Everything so far sealed: the acts a redaction rewrites are under a seal.
  const before = await verify();
  assert.equal(before.ok, true, JSON.stringify(before.problems));
  assert.equal(before.unsealedActs, 0);
});
after(() => office?.shutdown());

test('what a case holds of each person, and whether the law lets it be erased now', async () => {
  const view = ok(await registrar.get(`/api/v1/cases/${n.a}/personal-data`));
  const old = view.parties.find((p: any) => p.name === AGENT.name);
  assert.deepEqual([old.current, old.formerRoles], [false, ['representative']]);
  assert.deepEqual([old.fields.email.present, old.fields.email.erasable], [true, true]);
  const applicant = view.parties.find((p: any) => p.name === PRIVATE.name);
  assert.equal(applicant.current, true);
  assert.equal(applicant.fields.address.refusal.code, 'ERASURE_DATA_IN_USE');
  assert.equal(applicant.fields.name.refusal.code, 'ERASURE_REGISTER_ENTRY');
  expectProblem(await examiner.get(`/api/v1/cases/${n.a}/personal-data`), 403, 'FORBIDDEN');
  expectProblem(await agent.get(`/api/v1/cases/${n.a}/personal-data`), 403, 'FORBIDDEN');
  expectProblem(await client(app, null).get(`/api/v1/cases/${n.a}/personal-data`), 401, 'UNAUTHENTICATED');
});

test("the replaced representative's e-mail is erased from the journal, the party and the case by a redaction act; journal verify passes", async () => {
  const agentParty = await partyOf(n.a, 'representative', AGENT.name);
  assert.equal(agentParty.email, AGENT_EMAIL);
  assert.ok((await everything(n.a)).includes(AGENT_EMAIL), 'the journal names the e-mail before');
  const countBefore = (await caseRow(n.a)).act_count;
  const res = ok(await redact(registrar, n.a, agentParty.id, ['email']), 201);
  assert.equal(res.act.type, 'redact-personal-data');
  assert.deepEqual(res.acts.map((a: any) => [a.seq, a.paths]), [[1, ['payload.representative.email']]]);
  assert.deepEqual(res.parties, [{ partyId: agentParty.id, fields: ['email'], row: 'redacted' }]);

  const all = await everything(n.a);
  assert.ok(!all.includes(AGENT_EMAIL), 'the e-mail is nowhere in the journal or the case');
  assert.ok(all.includes(AGENT.address), 'only the e-mail was erased');
  assert.equal((await partyOf(n.a, 'representative', AGENT.name)).email, '[redacted]');
  const row = await caseRow(n.a);
  assert.equal(row.act_count, countBefore + 1);
  // The redaction act: journaled, by the registrar, under the law's basis, with the hash of the act it rewrote.
  const act = (await office.db.query('SELECT * FROM acts WHERE case_id = $1 AND seq = $2', [row.id, row.act_count])).rows[0];
  assert.deepEqual([act.type, act.actor_role, act.legal_basis, act.state_before, act.state_after], ['redact-personal-data', 'registrar', 'ML r. 90(2)', 'formalities', 'formalities']);
  assert.equal(act.payload.reason, 'Request of the data subject of 2 March 2026');
  const first = (await office.db.query(
    `SELECT hash, registrum_act_hash(case_id, seq, type, office_date, recorded_at, actor_id, actor_role, actor_name, legal_basis,
            state_before, state_after, payload, effects, event, prev_hash) AS now FROM acts WHERE case_id = $1 AND seq = 1`, [row.id])).rows[0];
  assert.notEqual(first.now, first.hash, 'the rewritten act no longer hashes to what it was recorded with');
  assert.equal(act.payload.acts[0].hashAfter, first.now, 'the redaction act records what it hashes to now');
  // Logged; the party's case record shows the act (staff), the public sees no payload of it.
  assert.equal((await office.db.query("SELECT count(*)::int AS n FROM privacy_requests WHERE kind = 'erasure' AND party_id = $1", [agentParty.id])).rows[0].n, 1);

  const v = await verify();
  assert.equal(v.ok, true, JSON.stringify(v.problems));
  assert.equal(v.unsealedActs, 0);
  // Asked again: nothing left to erase.
  expectProblem(await redact(registrar, n.a, agentParty.id, ['email']), 409, 'NOTHING_TO_REDACT');
  // The act is never performed through the ordinary act route.
  expectProblem(await registrar.post(`/api/v1/cases/${n.a}/acts/redact-personal-data`, {}), 403, 'ACT_NOT_PERMITTED');
});

test('where the law keeps the data, a clear refusal and nothing changes', async () => {
  const applicant = await partyOf(n.a, 'applicant', PRIVATE.name);
  const company = await partyOf(n.a, 'representative', NEW_AGENT.name);
  const holder = await partyOf(n.c, 'applicant', HOLDER.name);
  const before = [await everything(n.a), await everything(n.c)];
  const requestsBefore = (await office.db.query('SELECT count(*)::int AS n FROM privacy_requests')).rows[0].n;
  expectProblem(await redact(registrar, n.a, applicant.id, ['address']), 422, 'ERASURE_DATA_IN_USE');
  expectProblem(await redact(registrar, n.a, applicant.id, ['email', 'nationality']), 422, 'ERASURE_DATA_IN_USE');
  expectProblem(await redact(admin, n.a, applicant.id, ['name']), 422, 'ERASURE_REGISTER_ENTRY');
  expectProblem(await redact(registrar, n.a, company.id, ['name']), 422, 'ERASURE_NOT_PERSONAL_DATA');
  expectProblem(await redact(registrar, n.c, holder.id, ['name']), 422, 'ERASURE_REGISTER_ENTRY');
  expectProblem(await redact(registrar, n.c, applicant.id, ['email']), 404, 'PARTY_NOT_IN_CASE');
  expectProblem(await redact(registrar, 'TM-2099-999999', applicant.id, ['email']), 404, 'CASE_NOT_FOUND');
  // A request with an allowed field and a refused one is refused whole.
  const old = await partyOf(n.a, 'representative', AGENT.name);
  const mixed = await registrar.post(`/api/v1/cases/${n.a}/redactions`, { targets: [{ party: old.id, fields: ['address'] }, { party: applicant.id, fields: ['address'] }], reason: 'x' });
  expectProblem(mixed, 422, 'ERASURE_DATA_IN_USE');
  // Bad input: a field the register keeps (the country), no reason, not a party id.
  expectProblem(await redact(registrar, n.a, applicant.id, ['country']), 400, 'VALIDATION_FAILED');
  expectProblem(await registrar.post(`/api/v1/cases/${n.a}/redactions`, { targets: [{ party: applicant.id, fields: ['email'] }] }), 400, 'VALIDATION_FAILED');
  expectProblem(await redact(registrar, n.a, 'not-a-uuid', ['email']), 400, 'VALIDATION_FAILED');
  // Only registrars and administrators.
  expectProblem(await redact(examiner, n.a, old.id, ['address']), 403, 'FORBIDDEN');
  expectProblem(await redact(agent, n.a, old.id, ['address']), 403, 'FORBIDDEN');
  assert.deepEqual([await everything(n.a), await everything(n.c)], before, 'the refused requests changed nothing');
  assert.equal((await office.db.query('SELECT count(*)::int AS n FROM privacy_requests')).rows[0].n, requestsBefore);
});

test("a withdrawn application's private applicant: kept whole for the retention period, then erased from every act; the name of a registered right's holder is kept", async () => {
  const person = await partyOf(n.b, 'applicant', WITHDRAWN.name);
  const until = '2031-03-02';
  const early = expectProblem(await redact(registrar, n.b, person.id, ['name', 'address']), 422, 'ERASURE_RETENTION_NOT_ENDED');
  assert.equal(early.until, until);
  // The e-mail is no longer needed once the case has ended.
  assert.deepEqual(ok(await redact(registrar, n.b, person.id, ['email']), 201).acts.map((a: any) => a.paths), [['payload.applicant.email']]);

  // Meanwhile the private person's mark is registered (after the 3-month opposition period): the register keeps its holder's name.
  await office.setDate('2026-06-03');
  await office.work();
  await performAct(office.cases, people.registrar, n.c, 'register');
  const holder = await partyOf(n.c, 'applicant', HOLDER.name);
  expectProblem(await redact(registrar, n.c, holder.id, ['name']), 422, 'ERASURE_REGISTER_ENTRY');

  await office.setDate(until);
  expectProblem(await redact(registrar, n.b, person.id, ['name']), 422, 'ERASURE_RETENTION_NOT_ENDED');
  await office.setDate('2031-03-03');
  // Years later the registered right's holder is still its holder: still kept.
  expectProblem(await redact(registrar, n.c, holder.id, ['name']), 422, 'ERASURE_REGISTER_ENTRY');
  const res = ok(await redact(admin, n.b, person.id, ['name', 'address', 'nationality']), 201);
  assert.deepEqual(res.acts.map((a: any) => [a.seq, a.paths.sort()]), [[1, [
    'effects.parties.added[0].name', 'payload.applicant.address', 'payload.applicant.name', 'payload.applicant.nationality',
  ]]]);
  const all = await everything(n.b);
  for (const v of [WITHDRAWN.name, '3 Tarlenheim Road', 'RU-9876', WITHDRAWN.email]) assert.ok(!all.includes(v), `${v} is erased`);
  const row = (await office.db.query('SELECT * FROM parties WHERE id = $1', [person.id])).rows[0];
  assert.deepEqual([row.name, row.address, row.email, row.nationality, row.country], ['[redacted]', '[redacted]', '[redacted]', '[redacted]', 'XX']);
  // Two redactions of the same act: the later one's hash is the one that counts.
  const v = await verify();
  assert.equal(v.ok, true, JSON.stringify(v.problems));
  // An auditor outside the database reaches the same verdict from the exported acts (procedure-engine/hash-chain.ts).
  const exported = (await office.db.query('SELECT * FROM acts WHERE case_id = (SELECT id FROM cases WHERE number = $1) ORDER BY seq', [n.b])).rows;
  const rewritten = redactedHashes(exported);
  assert.deepEqual([...rewritten.keys()], [1]);
  for (const a of exported) assert.equal(actHash(a), rewritten.get(a.seq) ?? a.hash, `act ${a.seq}`);
  assert.notEqual(rewritten.get(1), exported[0].hash);
  // The file as staff read it shows the redaction.
  const read = ok(await registrar.get(`/api/v1/cases/${n.b}`));
  assert.equal(read.parties.find((p: any) => p.role === 'applicant').name, '[redacted]');
  assert.equal(read.acts.at(-1).type, 'redact-personal-data');
});

test('verify still catches any other change to a redacted act, the erased data put back, and a changed redaction act', async () => {
  const c = await caseRow(n.b);
  const first = (await office.db.query('SELECT id, payload FROM acts WHERE case_id = $1 AND seq = 1', [c.id])).rows[0];
  const restore = () => office.db.query('UPDATE acts SET payload = $2::jsonb WHERE id = $1', [first.id, JSON.stringify(first.payload)]);
  const problems = async () => (await verifyJournal(office.db)).problems.map((p) => [p.kind, p.caseNumber, p.seq]);

  // Another field of the redacted act changed.
  await office.db.query(`UPDATE acts SET payload = jsonb_set(payload, '{mark,text}', '"EVIL"') WHERE id = $1`, [first.id]);
  assert.deepEqual(await problems(), [['act-altered', n.b, 1]]);
  await restore();
  // A value other than the marker where the data was erased.
  await office.db.query(`UPDATE acts SET payload = jsonb_set(payload, '{applicant,address}', '"somewhere else"') WHERE id = $1`, [first.id]);
  assert.deepEqual(await problems(), [['act-altered', n.b, 1]]);
  await restore();
  // The erased data put back as it was recorded: the act hashes to its original hash again.
  const original = { ...first.payload, applicant: WITHDRAWN };
  await office.db.query(`UPDATE acts SET payload = $2::jsonb, effects = jsonb_set(effects, '{parties,added,0,name}', to_jsonb($3::text)) WHERE id = $1`,
    [first.id, JSON.stringify(original), WITHDRAWN.name]);
  const reverted = (await verifyJournal(office.db)).problems;
  assert.deepEqual(reverted.map((p) => [p.kind, p.seq]), [['redaction-reverted', 1]]);
  await office.db.query(`UPDATE acts SET payload = $2::jsonb, effects = jsonb_set(effects, '{parties,added,0,name}', '"[redacted]"') WHERE id = $1`, [first.id, JSON.stringify(first.payload)]);
  assert.deepEqual(await problems(), []);
  // The hash a redaction act recorded changed: that act no longer verifies (and what it covered neither).
  const last = (await office.db.query('SELECT id, payload FROM acts WHERE case_id = $1 AND seq = $2', [c.id, c.act_count])).rows[0];
  const forged = { ...last.payload, acts: last.payload.acts.map((a: any) => ({ ...a, hashAfter: '0'.repeat(64) })) };
  await office.db.query('UPDATE acts SET payload = $2::jsonb WHERE id = $1', [last.id, JSON.stringify(forged)]);
  assert.deepEqual((await problems()).sort(), [['act-altered', n.b, 1], ['act-altered', n.b, c.act_count]]);
  await office.db.query('UPDATE acts SET payload = $2::jsonb WHERE id = $1', [last.id, JSON.stringify(last.payload)]);
  assert.deepEqual(await problems(), []);
});
