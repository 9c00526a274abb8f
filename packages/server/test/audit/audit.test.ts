// The audit trail, through the HTTP API on a real database: staff reads of unpublished cases and
// documents are recorded (one event per request), reads of the public register and a party's reads
// of its own case are not; every administrative route of the route table is recorded when it
// succeeds and when it is refused, its secrets removed; commands run on the server are recorded; the
// worker chains events made concurrently into one consistent chain that the database and an outside
// reproduction agree on; journal verification names an altered or removed event.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { testOffice, usingPostgres, type TestOffice } from '../support/harness.ts';
import { client, expectProblem, filing, login, ok, tinyPng, type Client } from '../http/helpers.ts';
import { verifyJournal } from '../../src/procedure-engine/journal.ts';
import {
  auditEventHash, AUDIT_GENESIS, chainAuditTrail, commandAudit, NO_REGISTER_DATA, NOT_CHANGES, planFor, READS, recordCommand, REMOVED,
  summarise, safeUrl, admitsStaff, type AuditEventRow,
} from '../../src/modules/audit/index.ts';

let office: TestOffice;
let app: FastifyInstance;
let admin: Client, clerk: Client, examiner: Client, registrar: Client, agent: Client, stranger: Client;
const pub = () => client(app);
let hidden = { id: '', number: '', image: '' };
let published = { id: '', number: '', image: '' };
const API = '/api/v1';

const events = async (where = 'true', params: unknown[] = []) =>
  (await office.db.query<AuditEventRow>(`SELECT * FROM audit_events WHERE ${where} ORDER BY id`, params)).rows;
const lastId = async () => Number((await office.db.query<{ m: number | null }>('SELECT max(id) AS m FROM audit_events')).rows[0].m ?? 0);
const since = (id: number) => events('id > $1', [id]);
const inject = (c: Client, method: string, url: string, body?: unknown, headers: Record<string, string> = {}) =>
  app.inject({ method: method as any, url, headers: { authorization: `Bearer ${c.token}`, ...headers }, ...(body === undefined ? {} : { payload: body as any }) });

before(async () => {
  office = await testOffice({ startDate: '2026-01-05' });
  app = await office.http();
  const users: [string, any, string?][] = [['audit-admin', 'admin', 'Ada Admin'], ['audit-clerk', 'formalities', 'Cleo Clerk'], ['audit-exam', 'examiner'],
    ['audit-reg', 'registrar'], ['audit-agent', 'agent', 'Agent Audit LLP'], ['audit-stranger', 'applicant', 'Stranger Ltd']];
  for (const [u, role, party] of users) await office.user(u, role, party);
  [admin, clerk, examiner, registrar, agent, stranger] = await Promise.all(users.map(([u]) => login(app, u)));

  const img = ok(await agent.raw('POST', `${API}/uploads`, tinyPng(2, 3), 'image/png'), 201);
  const h = ok(await agent.post(`${API}/cases`, filing({ mark: { kind: 'Combined', text: 'SECRETA', image: img } })), 201);
  hidden = { id: h.case.id, number: h.case.number, image: img.sha256 };
  const img2 = ok(await agent.raw('POST', `${API}/uploads`, tinyPng(3, 3), 'image/png'), 201);
  const p = ok(await agent.post(`${API}/cases`, filing({ mark: { kind: 'Combined', text: 'PUBLICA', image: img2 } })), 201);
  published = { id: p.case.id, number: p.case.number, image: img2.sha256 };
  for (const [c, act] of [[clerk, 'accept-formalities'], [examiner, 'approve-classification'], [examiner, 'accept'], [registrar, 'publish']] as const) {
    ok(await c.post(`${API}/cases/${published.id}/acts/${act}`, {}), 201);
  }
  await office.work();
});
after(async () => { await office?.shutdown(); });

test('the route table: every staff read and every administrative change has its audit plan, and every name in the plan is a route', async () => {
  const routes = app.routePolicies;
  const keys = new Set(routes.map((r) => `${r.method} ${r.url}`));
  const unplanned: string[] = [];
  for (const r of routes) {
    const plan = planFor(r.method, r.url, r.access);
    const key = `${r.method} ${r.url}`;
    // A GET only office staff may call shows register data unless it is said not to.
    if (r.method === 'GET' && admitsStaff(r.access) && !plan.read && !NO_REGISTER_DATA.has(key)) unplanned.push(`${key}: a staff read with no audit plan (add it to READS or NO_REGISTER_DATA in modules/audit/plan.ts)`);
    const access = r.access as any;
    if (typeof access === 'object' && ('case' in access || 'document' in access) && r.method === 'GET' && !plan.read) unplanned.push(`${key}: a case or document read not audited`);
    if (r.method !== 'GET' && r.url.startsWith(`${API}/admin/`) && !plan.change && !NOT_CHANGES.has(key)) unplanned.push(`${key}: an administrative change not audited`);
    if (r.method !== 'GET' && Array.isArray(access?.roles) && access.roles.every((x: string) => x === 'admin') && !plan.change && !NOT_CHANGES.has(key)) unplanned.push(`${key}: an administrators' change not audited`);
  }
  assert.deepEqual(unplanned, []);
  const stale = [...Object.keys(READS), ...NO_REGISTER_DATA, ...NOT_CHANGES].filter((k) => !keys.has(k));
  assert.deepEqual(stale, [], 'the audit plan names routes that no longer exist');
  // The plan itself: reads of a case route are reads; POSTs to it are not changes of the administration.
  assert.deepEqual(planFor('GET', `${API}/cases/:id`, { case: 'id' }), { change: false, read: { read: 'case', param: 'id' } });
  assert.deepEqual(planFor('POST', `${API}/cases/:id/acts/:act`, { case: 'id', signedIn: true }), { change: false, read: null });
  assert.deepEqual(planFor('POST', `${API}/imports/st96`, { roles: ['registrar', 'admin'] }), { change: true, read: null });
  assert.deepEqual(planFor('GET', `${API}/admin/users`, { roles: ['admin'] }), { change: false, read: null });
});

test('a staff read of an unpublished case is recorded once per request; public reads, reads of published cases and a party\'s own reads are not', async () => {
  let mark = await lastId();
  const caseUrl = `${API}/cases/${hidden.id}`;
  ok(await clerk.get(caseUrl));
  let got = await since(mark);
  assert.equal(got.length, 1, 'one event for one request');
  const e = got[0];
  assert.equal(e.kind, 'read-unpublished');
  assert.deepEqual([e.user_role, e.user_name, e.case_id, e.case_number, e.method, e.route, e.url, e.status],
    ['formalities', 'Cleo Clerk', hidden.id, hidden.number, 'GET', `${API}/cases/:id`, caseUrl, 200]);
  assert.ok(e.request_id && e.address, 'the request id and address are kept');
  assert.equal(e.seq, null, 'not chained until the worker passes');

  // By number, the journal, "as of", the time limits, a document and its text, the ST.96 record, the notifications.
  mark = await lastId();
  const reads = [
    `${API}/cases/${hidden.number}`, `${caseUrl}/acts`, `${caseUrl}?asOf=2026-01-05`, `${caseUrl}/time-limits`, `${API}/documents/${hidden.image}`,
    `${caseUrl}/documents/${hidden.image}/text`, `${caseUrl}/st96.xml`, `${caseUrl}/st96.json`, `${caseUrl}/notifications`,
  ];
  for (const url of reads) assert.ok((await examiner.get(url)).statusCode < 400, url);
  got = await since(mark);
  assert.deepEqual(got.map((x) => x.url), reads);
  assert.ok(got.every((x) => x.kind === 'read-unpublished' && x.case_number === hidden.number && x.user_role === 'examiner'));
  assert.deepEqual(got[2].summary, { query: { asOf: '2026-01-05' } });
  assert.deepEqual(got[4].summary, { document: hidden.image });

  // Not recorded: the public and a stranger reading the published case, staff reading it or its published image,
  // the filing agent reading its own unpublished case, reads that find nothing.
  mark = await lastId();
  ok(await pub().get(`${API}/cases/${published.id}`));
  ok(await stranger.get(`${API}/cases/${published.number}`));
  ok(await clerk.get(`${API}/cases/${published.id}`));
  assert.equal((await clerk.get(`${API}/documents/${published.image}`)).statusCode, 200);
  ok(await agent.get(caseUrl));
  ok(await agent.get(`${caseUrl}/acts`));
  assert.equal((await agent.get(`${API}/documents/${hidden.image}`)).statusCode, 200);
  expectProblem(await clerk.get(`${API}/cases/TM-1999-000001`), 404, 'CASE_NOT_FOUND');
  expectProblem(await stranger.get(caseUrl), 404, 'CASE_NOT_FOUND');
  ok(await pub().get(`${API}/cases?limit=50`));
  assert.deepEqual(await since(mark), []);

  // Personal data is read on the record even of a published case.
  mark = await lastId();
  ok(await registrar.get(`${API}/cases/${published.number}/personal-data`));
  ok(await registrar.get(`${API}/admin/people?q=Agent`));
  got = await since(mark);
  assert.deepEqual(got.map((x) => [x.kind, x.route, x.case_number]), [
    ['read-unpublished', `${API}/cases/:id/personal-data`, published.number], ['read-unpublished', `${API}/admin/people`, null]]);
  assert.deepEqual(got[1].summary, { query: { q: 'Agent' } });
});

test('a list or search by staff that shows unpublished cases is one event naming the query and those cases', async () => {
  let mark = await lastId();
  const list = ok(await clerk.get(`${API}/worklist?limit=100`));
  assert.ok(list.items.some((c: any) => c.number === hidden.number));
  let got = await since(mark);
  assert.equal(got.length, 1);
  assert.equal(got[0].kind, 'read-unpublished');
  assert.deepEqual(got[0].summary.query, { limit: 100 });
  assert.ok((got[0].summary.cases as string[]).includes(hidden.number));
  assert.ok(!(got[0].summary.cases as string[]).includes(published.number), 'published cases are not named');
  assert.equal(got[0].summary.count, (got[0].summary.cases as string[]).length);

  mark = await lastId();
  ok(await examiner.get(`${API}/cases?q=SECRETA`));
  got = await since(mark);
  assert.equal(got.length, 1);
  assert.deepEqual([got[0].case_number, got[0].summary.query, got[0].summary.cases], [hidden.number, { q: 'SECRETA' }, [hidden.number]]);

  // Staff searching only the published register, and the public listing: nothing unpublished was shown.
  mark = await lastId();
  ok(await examiner.get(`${API}/cases?q=PUBLICA`));
  ok(await pub().get(`${API}/cases?q=SECRETA`));
  assert.deepEqual(await since(mark), []);
});

// ---- administrative changes ----

const SECRET_PASSWORD = 'Sup3r-secret-passw0rd';
const OTHER_PASSWORD = 'An0ther-secret-passw0rd';
const xmlDoc = (serial: string) => `<?xml version="1.0" encoding="UTF-8"?>
<ns2:TrademarkTransaction xmlns:ns1="http://www.wipo.int/standards/XMLSchema/ST96/Common" xmlns:ns2="http://www.wipo.int/standards/XMLSchema/ST96/Trademark">
<ns2:TrademarkTransactionBody><ns2:TransactionContentBag><ns2:TransactionData><ns2:TrademarkBag><ns2:Trademark>
  <ns1:ApplicationNumber><ns1:IPOfficeCode>US</ns1:IPOfficeCode><ns1:ApplicationNumberText>${serial}</ns1:ApplicationNumberText></ns1:ApplicationNumber>
  <ns2:ApplicationDate>2019-04-01</ns2:ApplicationDate><ns1:RegistrationNumber>6000001</ns1:RegistrationNumber><ns1:RegistrationDate>2020-01-07</ns1:RegistrationDate><ns2:MarkCurrentStatusCode>700</ns2:MarkCurrentStatusCode>
  <ns2:MarkRepresentation><ns2:MarkReproduction><ns2:WordMarkSpecification><ns2:MarkVerbalElementText>MARK ${serial}</ns2:MarkVerbalElementText></ns2:WordMarkSpecification></ns2:MarkReproduction></ns2:MarkRepresentation>
  <ns2:GoodsServicesBag><ns2:GoodsServices><ns2:ClassDescriptionBag><ns2:ClassDescription><ns2:ClassNumber>030</ns2:ClassNumber>
    <ns2:GoodsServicesDescriptionText>Coffee; tea</ns2:GoodsServicesDescriptionText></ns2:ClassDescription></ns2:ClassDescriptionBag></ns2:GoodsServices></ns2:GoodsServicesBag>
  <ns2:ApplicantBag><ns2:Applicant><ns1:Contact><ns1:Name><ns1:EntityName>Owner ${serial}</ns1:EntityName></ns1:Name></ns1:Contact></ns2:Applicant></ns2:ApplicantBag>
</ns2:Trademark></ns2:TrademarkBag></ns2:TransactionData></ns2:TransactionContentBag></ns2:TrademarkTransactionBody>
</ns2:TrademarkTransaction>`;

interface Sample {
  /** The request that makes the change (the address with its parameters filled), its body and content type. */
  make(): Promise<{ url: string; body?: unknown; type?: string }>;
  status: number;
  /** The code this office refuses the change with (a feature it is not configured for): refused, nothing recorded. */
  refusedHere?: string;
  /** Secrets the request carried or the answer showed, which the trail must not hold. */
  secrets?: string[];
  /** What the event's summary must say. */
  check?(summary: any): void;
}

let newUserId = '';
let webhookId = '';
let shownSecret = '';
const templateRef = async () => {
  const t = ok(await admin.get(`${API}/admin/document-templates`)).templates[0] as { kind: string; language: string };
  return t;
};

/** A successful request for every administrative change of the route table; a new one without a sample fails the test below. */
const SAMPLES: Record<string, Sample> = {
  [`POST ${API}/admin/users`]: {
    make: async () => ({ url: `${API}/admin/users`, body: { username: 'audit.newbie', displayName: 'New Bie', role: 'examiner', password: SECRET_PASSWORD } }),
    status: 201, secrets: [SECRET_PASSWORD],
    check: (s) => { assert.equal(s.body.password, REMOVED); assert.equal(s.body.username, 'audit.newbie'); assert.match(s.result.id, /^[0-9a-f-]{36}$/); newUserId = s.result.id; },
  },
  [`PATCH ${API}/admin/users/:id`]: {
    make: async () => ({ url: `${API}/admin/users/${newUserId}`, body: { displayName: 'New Name', password: OTHER_PASSWORD } }),
    status: 200, secrets: [OTHER_PASSWORD],
    check: (s) => { assert.deepEqual(s.body, { displayName: 'New Name', password: REMOVED }); assert.deepEqual(s.params, { id: newUserId }); },
  },
  [`POST ${API}/admin/users/:id/unlock`]: { make: async () => ({ url: `${API}/admin/users/${newUserId}/unlock` }), status: 200, check: (s) => assert.deepEqual(s.params, { id: newUserId }) },
  [`DELETE ${API}/admin/users/:id/second-factor`]: { make: async () => ({ url: `${API}/admin/users/${newUserId}/second-factor` }), status: 200 },
  [`PUT ${API}/admin/clock`]: { make: async () => ({ url: `${API}/admin/clock`, body: { date: '2026-01-06', runSweep: false } }), status: 200, check: (s) => assert.equal(s.body.date, '2026-01-06') },
  [`POST ${API}/admin/sweep`]: { make: async () => ({ url: `${API}/admin/sweep` }), status: 200 },
  [`POST ${API}/admin/calendars`]: {
    make: async () => ({ url: `${API}/admin/calendars`, body: { version: 'audit-2027', effectiveFrom: '2027-01-01', weekendDays: [0, 6], holidays: ['2027-01-01'] } }),
    status: 201, check: (s) => assert.deepEqual(s.body.holidays, ['2027-01-01']),
  },
  [`POST ${API}/admin/fees`]: {
    make: async () => ({ url: `${API}/admin/fees`, body: { right: 'trademark', effectiveFrom: '2027-01-01', amounts: { application: 300_00 }, note: 'audit' } }),
    status: 201, check: (s) => assert.deepEqual(s.body.amounts, { application: 300_00 }),
  },
  [`PUT ${API}/admin/document-templates/:kind/:language`]: {
    make: async () => {
      const t = await templateRef();
      const shipped = ok(await admin.get(`${API}/admin/document-templates/${t.kind}/${t.language}`)).shipped as string;
      return { url: `${API}/admin/document-templates/${t.kind}/${t.language}`, body: { body: `${shipped}\n`, note: 'audit test' } };
    },
    status: 200, check: (s) => { assert.equal(s.body.note, 'audit test'); assert.ok(typeof s.body.body === 'string' || (s.body.body.chars > 500 && /^[0-9a-f]{64}$/.test(s.body.body.sha256))); },
  },
  [`POST ${API}/admin/accounts/:id/deposits`]: {
    make: async () => ({ url: `${API}/admin/accounts/${ok(await agent.get(`${API}/account`)).id}/deposits`, body: { amount: 100_00, currency: 'EUR', reference: 'AUDIT-1' } }),
    status: 201, check: (s) => assert.deepEqual(s.body, { amount: 100_00, currency: 'EUR', reference: 'AUDIT-1' }),
  },
  [`PUT ${API}/gazette/calendar`]: { make: async () => ({ url: `${API}/gazette/calendar`, body: { frequency: 'weekly', weekday: 4 } }), status: 200, check: (s) => assert.equal(s.body.weekday, 4) },
  [`POST ${API}/open-data/dumps`]: { make: async () => ({ url: `${API}/open-data/dumps` }), status: 202 },
  [`POST ${API}/imports/st96`]: {
    make: async () => ({ url: `${API}/imports/st96?name=audit.xml`, body: xmlDoc('93000001'), type: 'application/xml' }),
    status: 200, check: (s) => { assert.deepEqual(s.query, { name: 'audit.xml' }); assert.equal(s.body.chars, xmlDoc('93000001').length); assert.match(s.result.runId, /\S/); },
  },
  [`PATCH ${API}/webhooks/:id`]: { make: async () => ({ url: `${API}/webhooks/${webhookId}`, body: { description: 'checked by the office' } }), status: 200 },
  [`POST ${API}/webhooks/:id/secret`]: {
    make: async () => ({ url: `${API}/webhooks/${webhookId}/secret` }), status: 200,
    check: (s) => assert.equal(s.result?.secret, undefined, 'a secret shown once is not kept'),
  },
  [`POST ${API}/webhooks/:id/ping`]: { make: async () => ({ url: `${API}/webhooks/${webhookId}/ping` }), status: 202 },
  [`DELETE ${API}/webhooks/:id`]: { make: async () => ({ url: `${API}/webhooks/${webhookId}` }), status: 204 },
  // No identity provider in this office: the route refuses, and a refused change is not recorded.
  [`POST ${API}/admin/users/:id/identities`]: { make: async () => ({ url: `${API}/admin/users/${newUserId}/identities`, body: { subject: 'sub-1' } }), status: 404, refusedHere: 'OIDC_NOT_CONFIGURED' },
  [`DELETE ${API}/admin/users/:id/identities`]: { make: async () => ({ url: `${API}/admin/users/${newUserId}/identities` }), status: 404, refusedHere: 'OIDC_NOT_CONFIGURED' },
};
const ORDER = Object.keys(SAMPLES);

test('every administrative change of the route table is recorded when it succeeds, with its secrets removed', async () => {
  const changes = app.routePolicies.filter((r) => planFor(r.method, r.url, r.access).change).map((r) => `${r.method} ${r.url}`);
  const missing = changes.filter((k) => !SAMPLES[k]);
  assert.deepEqual(missing, [], 'administrative routes without a sample here: add one, so that their recording is tested');
  assert.deepEqual(ORDER.filter((k) => !changes.includes(k)), [], 'samples of routes that are not administrative changes');

  webhookId = ok(await agent.post(`${API}/webhooks`, { url: 'http://127.0.0.1:9/hook', events: ['status-changed'] }), 201).id;
  for (const key of ORDER) {
    const sample = SAMPLES[key];
    const [method] = key.split(' ');
    const { url, body, type } = await sample.make();
    const mark = await lastId();
    const res = type ? await inject(admin, method, url, body, { 'content-type': type }) : await inject(admin, method, url, body);
    assert.equal(res.statusCode, sample.status, `${key}: ${res.body.slice(0, 300)}`);
    if (key === `POST ${API}/webhooks/:id/secret`) shownSecret = res.json().secret;
    const got = await since(mark);
    if (sample.refusedHere) {
      expectProblem(res, sample.status, sample.refusedHere);
      assert.deepEqual(got, [], `${key}: a refused change is not recorded`);
      continue;
    }
    const e = got.find((x) => x.kind === 'admin-change');
    assert.ok(e, `${key} was not recorded`);
    assert.equal(got.filter((x) => x.kind === 'admin-change').length, 1, `${key}: one event`);
    assert.deepEqual([`${e.method} ${e.route}`, e.status, e.user_role, e.user_name], [key, sample.status, 'admin', 'Ada Admin']);
    const text = JSON.stringify(e);
    for (const secret of [...(sample.secrets ?? []), ...(shownSecret ? [shownSecret] : []), admin.token!]) assert.ok(!text.includes(secret), `${key}: a secret in the trail`);
    sample.check?.(e.summary);
  }
  // The passwords set are nowhere in the trail, in any form of the text.
  const all = (await office.db.query<{ t: string }>('SELECT string_agg(to_jsonb(a)::text, E\'\\n\') AS t FROM audit_events a')).rows[0].t;
  for (const secret of [SECRET_PASSWORD, OTHER_PASSWORD, shownSecret]) assert.ok(!all.includes(secret));
});

test('a refused attempt at an administrative change is recorded with the refusal; a refused body is not a change', async () => {
  const changes = app.routePolicies.filter((r) => planFor(r.method, r.url, r.access).change);
  let refused = 0;
  for (const r of changes) {
    // The examiner may call none of them, except where the policy also admits the owner of a resource it does not own (answered as not found).
    const url = r.url.replace(/:([A-Za-z0-9_]+)/g, (_m, p) => (p === 'id' ? '00000000-0000-4000-8000-000000000000' : 'x'));
    const mark = await lastId();
    const res = await inject(examiner, r.method, url, r.method === 'DELETE' ? undefined : {});
    const got = await since(mark);
    if (res.statusCode !== 403) { assert.deepEqual(got.filter((x) => x.kind.startsWith('admin')), [], `${r.method} ${r.url}: ${res.statusCode} is no change`); continue; }
    refused++;
    assert.equal(got.length, 1, `${r.method} ${r.url}: one event for the refusal`);
    assert.deepEqual([got[0].kind, got[0].user_role, got[0].status, got[0].summary.refused], ['admin-denied', 'examiner', 403, 'FORBIDDEN']);
  }
  assert.ok(refused >= 12, `${refused} refusals recorded`);
  // An administrator's change refused for its body changed nothing: not recorded.
  const mark = await lastId();
  expectProblem(await admin.post(`${API}/admin/calendars`, { version: 'x', effectiveFrom: '2020-01-01', weekendDays: [0, 6], holidays: [] }), 400, 'CALENDAR_NOT_IN_FUTURE');
  expectProblem(await admin.post(`${API}/admin/users`, { username: 'x' }), 400, 'VALIDATION_FAILED');
  assert.deepEqual(await since(mark), []);
});

test('commands run on the server are recorded by the account that ran them, secrets removed', async () => {
  assert.deepEqual(commandAudit(['journal', 'verify']), null);
  assert.deepEqual(commandAudit(['serve']), null);
  const mark = await lastId();
  assert.equal(await recordCommand({ db: office.db, clock: office.clock }, ['users', 'add', 'ops.user', 'admin', SECRET_PASSWORD, 'Ops', 'User']), true);
  assert.equal(await recordCommand({ db: office.db, clock: office.clock }, ['import', 'st96', '/data/old-register']), true);
  assert.equal(await recordCommand({ db: office.db, clock: office.clock }, ['backup', '/backups/office.tar']), true);
  assert.equal(await recordCommand({ db: office.db, clock: office.clock }, ['journal', 'verify']), false);
  const got = await since(mark);
  assert.deepEqual(got.map((e) => [e.kind, e.method, e.route, e.url, e.user_role, e.user_id]), [
    ['admin-change', 'CLI', 'registrum users add', `users add ops.user admin ${REMOVED} Ops User`, 'operator', null],
    ['admin-change', 'CLI', 'registrum import st96', 'import st96 /data/old-register', 'operator', null],
    ['read-unpublished', 'CLI', 'registrum backup', 'backup /backups/office.tar', 'operator', null],
  ]);
  assert.ok(got.every((e) => e.user_name.length > 0 && e.address));
});

test('summaries keep the shape of a change, never a secret, at any depth, and digest what is large', () => {
  const s = summarise({
    password: 'p', nested: { clientSecret: 'c', list: [{ token: 't', code: '123456', keep: 'yes' }] }, apiKey: 'k', 'new-password': 'n',
    text: 'x'.repeat(600), bytes: Buffer.from('abc'), many: Array.from({ length: 250 }, (_, i) => i),
  }) as any;
  assert.deepEqual([s.password, s.nested.clientSecret, s.nested.list[0].token, s.nested.list[0].code, s.nested.list[0].keep, s.apiKey, s['new-password']],
    [REMOVED, REMOVED, REMOVED, REMOVED, 'yes', REMOVED, REMOVED]);
  assert.equal(s.text.chars, 600);
  assert.deepEqual(s.bytes, { bytes: 3, sha256: 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad' });
  assert.deepEqual([s.many.items.length, s.many.total], [200, 250]);
  assert.equal(safeUrl('/api/v1/x?q=coffee&token=abc&Pass_Word=p&code'), `/api/v1/x?q=coffee&token=${encodeURIComponent(REMOVED)}&Pass_Word=${encodeURIComponent(REMOVED)}&code`);
  assert.equal(safeUrl('/api/v1/cases/TM-1'), '/api/v1/cases/TM-1');
});

// ---- reading the trail ----

test('GET /admin/audit: administrators list the trail newest first, filtered by user, case, kind and office dates, a page at a time', async () => {
  const all = ok(await admin.get(`${API}/admin/audit?limit=200`));
  assert.equal(all.total, Number((await office.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_events')).rows[0].n));
  assert.ok(all.items.length > 10);
  assert.ok(all.items.every((e: any, i: number) => i === 0 || e.id < all.items[i - 1].id), 'newest first');

  const clerkId = ok(await clerk.get(`${API}/auth/me`)).id;
  const mine = ok(await admin.get(`${API}/admin/audit?user=${clerkId}&limit=200`));
  assert.ok(mine.total > 0 && mine.items.every((e: any) => e.user.id === clerkId && e.user.name === 'Cleo Clerk'));

  // By case, by number or id: the reads of that case and the lists that showed it.
  const byNumber = ok(await admin.get(`${API}/admin/audit?case=${hidden.number}&limit=200`));
  const byId = ok(await admin.get(`${API}/admin/audit?case=${hidden.id}&limit=200`));
  assert.deepEqual(byId.items.map((e: any) => e.id), byNumber.items.map((e: any) => e.id));
  assert.ok(byNumber.items.some((e: any) => e.route === `${API}/worklist` && (e.summary.cases as string[]).includes(hidden.number)), 'a list that showed the case');
  assert.ok(byNumber.items.every((e: any) => e.case?.number === hidden.number || (e.summary.cases as string[]).includes(hidden.number)));

  const denied = ok(await admin.get(`${API}/admin/audit?kind=admin-denied&limit=200`));
  assert.ok(denied.total > 0 && denied.items.every((e: any) => e.kind === 'admin-denied'));

  // The office date moved to 2026-01-06 in the change test: events before and after it.
  const first = ok(await admin.get(`${API}/admin/audit?to=2026-01-05&limit=200`));
  const second = ok(await admin.get(`${API}/admin/audit?from=2026-01-06&to=2026-01-06&limit=200`));
  assert.ok(first.total > 0 && second.total > 0);
  assert.equal(first.total + second.total, all.total);
  assert.ok(first.items.every((e: any) => e.officeDate === '2026-01-05') && second.items.every((e: any) => e.officeDate === '2026-01-06'));

  const page1 = ok(await admin.get(`${API}/admin/audit?limit=5`));
  const page2 = ok(await admin.get(`${API}/admin/audit?limit=5&offset=5`));
  assert.deepEqual([page1.items.length, page2.items.length, page1.total], [5, 5, all.total]);
  assert.ok(page2.items[0].id < page1.items[4].id);

  expectProblem(await admin.get(`${API}/admin/audit?from=2026-02-01&to=2026-01-01`), 400, 'AUDIT_RANGE_INVALID');
  expectProblem(await admin.get(`${API}/admin/audit?kind=everything`), 400, 'VALIDATION_FAILED');
  expectProblem(await admin.get(`${API}/admin/audit?user=not-a-uuid`), 400, 'VALIDATION_FAILED');
  expectProblem(await admin.get(`${API}/admin/audit?from=2026-02-30`), 400, 'VALIDATION_FAILED');
  expectProblem(await admin.get(`${API}/admin/audit?limit=1000`), 400, 'VALIDATION_FAILED');
  expectProblem(await clerk.get(`${API}/admin/audit`), 403, 'FORBIDDEN');
  expectProblem(await pub().get(`${API}/admin/audit`), 401, 'UNAUTHENTICATED');
});

// ---- the chain ----

test('events made by concurrent requests and chained by competing passes form one consistent chain', async () => {
  await office.work();
  const mark = await lastId();
  const readers = [clerk, examiner, registrar, admin];
  const n = 48;
  // Reads of unpublished cases, all at once, while chaining passes run among them.
  const reads = Array.from({ length: n }, (_, i) => readers[i % readers.length].get(`${API}/cases/${i % 2 ? hidden.id : hidden.number}/acts`));
  const passes = Array.from({ length: 4 }, () => chainAuditTrail(office.db));
  const answers = await Promise.all(reads);
  await Promise.all(passes);
  assert.ok(answers.every((r) => r.statusCode === 200));
  await office.work();
  const got = await since(mark);
  assert.equal(got.length, n, 'one event per request');
  assert.equal(new Set(got.map((e) => e.request_id)).size, n);
  const chain = (await office.db.query<AuditEventRow>('SELECT * FROM audit_events ORDER BY seq')).rows;
  assert.ok(chain.every((e) => e.seq !== null), 'everything chained');
  chain.forEach((e, i) => {
    assert.equal(Number(e.seq), i + 1, 'positions from 1 without a gap');
    assert.equal(e.prev_hash, i === 0 ? AUDIT_GENESIS : chain[i - 1].hash, `event ${e.seq} links to the one before it`);
  });
  const report = await verifyJournal(office.db);
  assert.equal(report.ok, true, JSON.stringify(report.problems));
  assert.deepEqual([report.audit.events, report.audit.chained, report.audit.unchained, report.audit.headSeq, report.audit.headHash],
    [chain.length, chain.length, 0, chain.length, chain[chain.length - 1].hash]);
});

test('the hash of every event is reproduced outside the database, and the trigger keeps events as they were chained', async () => {
  // An event with text in several scripts and nested values, to hold the two hash computations equal.
  const mark = await lastId();
  await inject(examiner, 'PUT', `${API}/gazette/calendar`, { frequency: 'weekly', weekday: 2 });
  await office.db.query(`INSERT INTO audit_events (office_date, kind, user_role, user_name, method, route, url, status, summary)
    VALUES ('2026-01-06', 'admin-change', 'operator', 'Zoë ☃', 'CLI', 'registrum test', 'x', null, $1::jsonb)`,
  [JSON.stringify({ a: { 'ключ': [1, 2.5, true, null, 'tab\there'], b: 'é' }, longer_key: -3, '': 'empty' })]);
  assert.ok((await since(mark)).length >= 2);
  await office.work();
  const chain = (await office.db.query<AuditEventRow>('SELECT * FROM audit_events ORDER BY seq')).rows;
  const mismatched = chain.filter((e) => auditEventHash({ ...e, seq: Number(e.seq), prev_hash: e.prev_hash! }) !== e.hash).map((e) => e.seq);
  assert.deepEqual(mismatched, []);

  const target = chain[Math.floor(chain.length / 2)];
  for (const sql of [`UPDATE audit_events SET user_name = 'someone else' WHERE id = ${target.id}`, `DELETE FROM audit_events WHERE id = ${target.id}`,
    'TRUNCATE audit_events', `UPDATE audit_events SET seq = NULL, prev_hash = NULL, hash = NULL WHERE id = ${target.id}`,
    `INSERT INTO audit_events (office_date, kind, user_role, user_name, method, route, url, seq, prev_hash, hash) VALUES ('2026-01-06', 'admin-change', 'x', 'x', 'x', 'x', 'x', 999999, 'a', 'b')`]) {
    await assert.rejects(office.db.query(sql), /never changed or removed|inserted unchained/, sql);
  }
  assert.equal((await verifyJournal(office.db)).ok, true);
});

test('a staff read whose event cannot be written is refused; a change already made is answered as made', async () => {
  await office.db.query('ALTER TABLE audit_events RENAME TO audit_events_away');
  try {
    expectProblem(await clerk.get(`${API}/cases/${hidden.id}`), 503, 'AUDIT_UNAVAILABLE');
    ok(await pub().get(`${API}/cases/${published.id}`)); // nothing to record: answered
    ok(await admin.put(`${API}/gazette/calendar`, { frequency: 'weekly', weekday: 5 }));
    assert.equal(ok(await pub().get(`${API}/gazette/calendar`)).weekday, 5);
  } finally {
    await office.db.query('ALTER TABLE audit_events_away RENAME TO audit_events');
  }
  ok(await clerk.get(`${API}/cases/${hidden.id}`));
});

// ---- tampering (last: it leaves the trail broken) ----

/** Runs SQL as the database's owner would, with the append-only trigger switched off. */
async function asSuperuser(sql: string) {
  await office.db.tx(async (q) => {
    await q.query('ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only');
    await q.query(sql);
    await q.query('ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only');
  });
}

test('journal verify names an event altered behind the trigger\'s back, through the API too', async () => {
  await office.work();
  const chain = (await office.db.query<AuditEventRow>('SELECT * FROM audit_events ORDER BY seq')).rows;
  const target = chain[5];
  await asSuperuser(`UPDATE audit_events SET user_name = 'Nobody', summary = '{}' WHERE id = ${target.id}`);
  let report = await verifyJournal(office.db);
  assert.equal(report.ok, false);
  assert.deepEqual(report.problems.map((p) => [p.kind, p.eventSeq, p.eventId]), [['audit-altered', Number(target.seq), Number(target.id)]]);
  const viaApi = ok(await admin.get(`${API}/admin/journal/verify`));
  assert.equal(viaApi.ok, false);
  assert.equal(viaApi.problems[0].kind, 'audit-altered');
  assert.equal(viaApi.problems[0].eventSeq, Number(target.seq));

  // The hash rewritten to match the new content: the next event no longer links to it.
  await asSuperuser(`UPDATE audit_events SET hash = registrum_audit_hash(seq, id, at, office_date, kind, user_id, user_role, user_name, case_id,
    case_number, method, route, url, status, summary, request_id, address, prev_hash) WHERE id = ${target.id}`);
  report = await verifyJournal(office.db);
  assert.deepEqual(report.problems.map((p) => [p.kind, p.eventSeq]), [['audit-chain-broken', Number(target.seq) + 1]]);
  assert.match(report.problems[0].message, new RegExp(`event ${target.seq} was altered or replaced`));
  // Put back as it was: the chain holds again.
  await asSuperuser(`UPDATE audit_events SET user_name = ${lit(target.user_name)}, summary = ${lit(JSON.stringify(target.summary))}::jsonb, hash = ${lit(target.hash!)} WHERE id = ${target.id}`);
  assert.equal((await verifyJournal(office.db)).ok, true);
});

const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;

test('journal verify names an event removed from the middle of the chain, and the first of several', async () => {
  const chain = (await office.db.query<AuditEventRow>('SELECT * FROM audit_events ORDER BY seq')).rows;
  const middle = chain[Math.floor(chain.length / 2)];
  await asSuperuser(`DELETE FROM audit_events WHERE id = ${middle.id}`);
  let report = await verifyJournal(office.db);
  assert.equal(report.ok, false);
  assert.deepEqual(report.problems.map((p) => [p.kind, p.eventSeq]), [['audit-missing', Number(middle.seq)]]);
  assert.match(report.problems[0].message, new RegExp(`audit event ${middle.seq} was removed`));
  assert.equal(report.audit.events, chain.length - 1);

  const early = chain[2];
  await asSuperuser(`DELETE FROM audit_events WHERE id IN (${early.id}, ${chain[3].id})`);
  report = await verifyJournal(office.db);
  assert.deepEqual(report.problems.map((p) => [p.kind, p.eventSeq]), [['audit-missing', Number(early.seq)], ['audit-missing', Number(middle.seq)]]);
  assert.match(report.problems[0].message, new RegExp(`events ${early.seq} to ${Number(early.seq) + 1} were removed`));
  // New events still chain after the head, and the holes stay reported.
  ok(await clerk.get(`${API}/cases/${hidden.id}`));
  await office.work();
  report = await verifyJournal(office.db);
  assert.equal(report.problems.length, 2);
  assert.equal(report.audit.unchained, 0);
});

test('on PostgreSQL, two chainers at once never make two chains', { skip: !usingPostgres() && 'PGlite has one connection' }, async () => {
  const before = Number((await office.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_events WHERE seq IS NOT NULL')).rows[0].n);
  await Promise.all(Array.from({ length: 30 }, (_, i) => (i % 3 === 0 ? chainAuditTrail(office.db) : examiner.get(`${API}/cases/${hidden.id}`))));
  await office.work();
  const { rows } = await office.db.query<{ n: number; max: number; dup: number }>(
    'SELECT count(*)::int AS n, max(seq)::int AS max, (count(*) - count(DISTINCT seq))::int AS dup FROM audit_events WHERE seq IS NOT NULL');
  assert.equal(rows[0].dup, 0);
  assert.ok(rows[0].n >= before + 20);
});
