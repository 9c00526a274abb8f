// Subject access: office staff produce everything the office holds about a person, as JSON. For an
// applicant's account: the account (never its password hash), its party, the cases it takes part in
// with its roles and where their journals name it, its sign-in events, its notifications and sessions
// (never a token hash); for a party without an account: the party, its cases (also those it no longer
// takes part in) and the mail sent to it. Every export is logged; only registrars and administrators
// may make one; an unknown person is a 404.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { fileApplication, performAct } from '../../src/modules/cases/index.ts';
import { testOffice, type TestOffice } from '../support/harness.ts';
import { client, expectProblem, login, ok, PASSWORD, type Client } from '../http/helpers.ts';
import { AGENT, AGENT_EMAIL, cast, PRIVATE, type Cast } from './support.ts';

let office: TestOffice;
let app: FastifyInstance;
let people: Cast;
let registrar: Client, admin: Client, examiner: Client, applicant: Client;
const n: Record<string, string> = {};
let applicantUser: Awaited<ReturnType<TestOffice['user']>>;

before(async () => {
  office = await testOffice({ startDate: '2026-03-02' });
  app = await office.http();
  people = await cast(office);
  // A private applicant with an account of her own, who files herself with an agent named as representative.
  applicantUser = await office.user('jana', 'applicant', PRIVATE.name);
  await office.db.query('UPDATE users SET email = $2 WHERE id = $1', [applicantUser.id, 'jana.account@example.net']);
  [registrar, admin, examiner, applicant] = await Promise.all(['registrar', 'admin', 'examiner', 'jana'].map((u) => login(app, u)));
  // A failed sign-in: a sign-in event of hers.
  assert.equal((await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'jana', password: `${PASSWORD}-wrong` } })).statusCode, 401);
  n.tm = (await fileApplication(office.cases, applicantUser, {
    right: 'trademark', payload: { mark: { kind: 'Word', text: 'NOVAK' }, applicant: PRIVATE, representative: AGENT, goodsServices: [{ classNumber: 30, terms: ['tea'] }] },
  })).body.case.number;
  await performAct(office.cases, people.formalities, n.tm, 'notify-formal-deficiency', { deficiencies: [{ code: 'fees-unpaid' }] });
  await office.work(); // documents, notices in the portal, mail to the parties
});
after(() => office?.shutdown());

test("an applicant's account: everything, with her party, cases, sign-in events and notices; never a password or token hash; logged", async () => {
  const res = await registrar.get(`/api/v1/admin/people/users/${applicantUser.id}`);
  const out = ok(res);
  assert.match(String(res.headers['content-disposition']), /^attachment; filename="subject-access-user-/);
  const text = res.body;
  assert.equal(out.format, 'registrum-subject-access/1');
  assert.deepEqual(out.subject, { kind: 'user', id: applicantUser.id });
  const account = out.accounts[0];
  assert.equal(account.user.username, 'jana');
  assert.equal(account.user.email, 'jana.account@example.net');
  assert.ok(!('password_hash' in account.user));
  // The hashes of her password, her sessions and API tokens are nowhere in the export.
  const secrets = (await office.db.query('SELECT password_hash FROM users WHERE id = $1 UNION ALL SELECT token_hash FROM sessions WHERE user_id = $1', [applicantUser.id])).rows.map((r: any) => r.password_hash ?? r.token_hash);
  assert.ok(secrets.length >= 2);
  for (const s of secrets) assert.ok(!text.includes(s), 'no credential in the export');
  // Sessions (without their hash), sign-in events, notices, the acts she performed, the cases she filed.
  assert.ok(account.records.sessions?.[0].rows.length >= 1);
  assert.ok(account.records.sessions[0].rows.every((r: any) => !('token_hash' in r)));
  const events = account.records.sign_in_events.flatMap((t: any) => t.rows);
  assert.ok(events.some((e: any) => e.event && e.user_id === applicantUser.id), JSON.stringify(events));
  assert.ok(account.records.notifications[0].rows.some((r: any) => r.case_id), 'her notices');
  assert.ok(account.records.acts[0].rows.some((r: any) => r.type === 'file' && !('payload' in r)), 'acts she performed, without their payloads');
  assert.ok(account.records.cases.some((t: any) => t.by === 'filed_by' && t.rows.some((r: any) => r.number === n.tm && !('data' in r))));
  // Her own party (the account's), and the cases it takes part in.
  assert.equal(out.party.party.id, applicantUser.partyId);
  const logged = (await office.db.query("SELECT * FROM privacy_requests WHERE kind = 'export' AND user_id = $1", [applicantUser.id])).rows;
  assert.equal(logged.length, 1);
  assert.equal(logged[0].requested_by, people.registrar.id);
  assert.ok(logged[0].summary.records > 0);
});

test('a party without an account (the private applicant as filed): the party, its cases with its role, where the journal names it, the mail sent to it', async () => {
  const party = (await office.db.query(
    `SELECT p.id FROM parties p JOIN case_parties cp ON cp.party_id = p.id JOIN cases c ON c.id = cp.case_id
      WHERE c.number = $1 AND cp.role = 'applicant' AND p.name = $2`, [n.tm, PRIVATE.name])).rows[0];
  const out = ok(await admin.get(`/api/v1/admin/people/parties/${party.id}`));
  assert.deepEqual([out.party.party.name, out.party.party.address, out.party.party.email], [PRIVATE.name, PRIVATE.address, PRIVATE.email]);
  const tm = out.party.cases.find((c: any) => c.number === n.tm);
  assert.deepEqual([tm.roles, tm.current], [['applicant'], true]);
  assert.deepEqual(tm.journal.find((j: any) => j.seq === 1).paths.sort(), ['effects.parties.added[0]', 'payload.applicant']);
  assert.ok(!JSON.stringify(out).includes(AGENT_EMAIL), "the representative's particulars are not hers");
  // The office wrote to her at her address (she has no account): that mail is hers.
  assert.ok((out.party.records.mail_outbox ?? []).flatMap((t: any) => t.rows).some((m: any) => m.recipient === PRIVATE.email), JSON.stringify(out.party.records));
  assert.deepEqual(out.accounts, []);
  assert.equal((await office.db.query("SELECT count(*)::int AS n FROM privacy_requests WHERE kind = 'export' AND party_id = $1", [party.id])).rows[0].n, 1);
});

test('finding the person, and who may: registrars and administrators; unknown people are a 404', async () => {
  const found = ok(await registrar.get('/api/v1/admin/people?q=novak'));
  assert.ok(found.parties.some((p: any) => p.name === PRIVATE.name) && found.users.some((u: any) => u.username === 'jana'));
  expectProblem(await registrar.get('/api/v1/admin/people?q=n'), 400, 'VALIDATION_FAILED');
  expectProblem(await registrar.get('/api/v1/admin/people/users/00000000-0000-4000-8000-000000000000'), 404, 'PERSON_NOT_FOUND');
  expectProblem(await registrar.get('/api/v1/admin/people/parties/not-an-id'), 404, 'PERSON_NOT_FOUND');
  expectProblem(await examiner.get(`/api/v1/admin/people/users/${applicantUser.id}`), 403, 'FORBIDDEN');
  expectProblem(await applicant.get(`/api/v1/admin/people/users/${applicantUser.id}`), 403, 'FORBIDDEN');
  expectProblem(await client(app, null).get('/api/v1/admin/people?q=novak'), 401, 'UNAUTHENTICATED');
  const before = (await office.db.query('SELECT count(*)::int AS n FROM privacy_requests')).rows[0].n;
  assert.equal(before, 2, 'refused and unknown requests are not logged as exports');
});
