// The official gazette: the registrar compiles an issue for a date of the calendar (the cases waiting
// for a publication act, and the acts recorded since the last issue that the public must be told),
// reviews it (removes an entry), and publishes it on its date: the publication acts are performed
// through the engine, a case that can no longer be published is left out and reported, and the issue is
// frozen with its PDF (every script readable), its ST.96 XML (valid) and its JSON, content-addressed,
// anchored to the journal's latest seal. The database refuses to change a published issue; a later act
// that corrects the register is announced in the next issue.
import { ANNOUNCEABLE_ACTS, sectionOf } from '../../src/modules/gazette/sections.ts';
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { unzipSync } from 'fflate';
import type { FastifyInstance } from 'fastify';
import { validateSt96 } from '../../src/modules/exchange/index.ts';
import { testOffice, type TestOffice } from '../support/harness.ts';
import { hasPoppler, poppler } from '../support/poppler.ts';
import { client, expectProblem, login, ok, type Client } from '../http/helpers.ts';
import { cast, scene, type Cast } from './scene.ts';

let office: TestOffice;
let app: FastifyInstance;
let people: Cast;
let s: ReturnType<typeof scene>;
let registrar: Client, admin: Client, examiner: Client;
const anonymous = () => client(app, null);
const del = (c: Client, url: string) => app.inject({ method: 'DELETE', url, headers: { authorization: `Bearer ${c.token}` } });
const n: Record<string, string> = {};

const ARABIC = 'قهوة الصباح';
const CHINESE = '咖啡之光';

/** What poppler reads of the PDF (null where poppler-utils is not installed, never in CI). */
function readWith(tool: 'pdftotext' | 'pdfsig', pdf: Buffer): string | null {
  if (!hasPoppler) {
    assert.ok(!process.env.CI, 'poppler-utils is required in CI');
    return null;
  }
  return poppler(tool, pdf);
}
const pdftotext = (pdf: Buffer) => readWith('pdftotext', pdf);
const pdfsig = (pdf: Buffer) => readWith('pdfsig', pdf);

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

before(async () => {
  office = await testOffice({ startDate: '2026-03-02' }); // a Monday
  app = await office.http();
  people = await cast(office);
  s = scene(office, people);
  [registrar, admin, examiner] = await Promise.all(['registrar', 'admin', 'examiner'].map((u) => login(app, u)));

  // (a) waiting for a publication act
  n.aurora = await s.acceptedTrademark('AURORA');
  n.arabic = await s.acceptedTrademark(ARABIC);
  n.chinese = await s.acceptedTrademark(CHINESE, [30, 43]);
  n.later = await s.acceptedTrademark('NOT THIS WEEK');
  n.withdrawn = await s.acceptedTrademark('WITHDRAWN BEFORE ISSUE');
  n.gi = await s.acceptedGi();
  n.design = await s.acceptedDesign();
  n.um = await s.registeredUtilityModel();
  // (b) acts recorded before the issue: a trademark published by the registrar on the spot, then withdrawn;
  // and an application withdrawn before it was ever published (never announced).
  n.published = await s.acceptedTrademark('PUBLISHED ALREADY');
  await s.act(people.registrar, n.published, 'publish');
  await s.act(people.agent, n.published, 'withdraw', {});
  n.secret = await s.acceptedTrademark('NEVER PUBLISHED');
  await s.act(people.agent, n.secret, 'withdraw', {});
  await office.work();
});
after(() => office?.shutdown());

const entriesOf = (issue: any) => issue.sections.flatMap((x: any) => x.entries.map((e: any) => ({ ...e, section: x.section })));

test('the administrator sets the calendar; the next issue dates follow it', async () => {
  expectProblem(await registrar.put('/api/v1/gazette/calendar', { frequency: 'weekly', weekday: 3 }), 403, 'FORBIDDEN');
  expectProblem(await admin.put('/api/v1/gazette/calendar', { frequency: 'fortnightly', weekday: 3 }), 400, 'VALIDATION_FAILED');
  const cal = ok(await admin.put('/api/v1/gazette/calendar', { frequency: 'weekly', weekday: 3 }));
  assert.deepEqual(cal.nextIssues.slice(0, 3), ['2026-03-04', '2026-03-11', '2026-03-18']);
  assert.deepEqual(ok(await anonymous().get('/api/v1/gazette/calendar')).nextIssues[0], '2026-03-04');
});

test('the registrar compiles a draft: the publications to perform and the acts to announce, by section; the public does not see it', async () => {
  expectProblem(await examiner.post('/api/v1/gazette/issues', {}), 403, 'FORBIDDEN');
  expectProblem(await registrar.post('/api/v1/gazette/issues', { date: '2026-03-05' }), 422, 'GAZETTE_NOT_AN_ISSUE_DAY');
  const draft = ok(await registrar.post('/api/v1/gazette/issues', {}), 201);
  assert.equal(draft.status, 'draft');
  assert.equal(draft.date, '2026-03-04');
  expectProblem(await registrar.post('/api/v1/gazette/issues', {}), 409, 'GAZETTE_DRAFT_EXISTS');
  const entries = entriesOf(draft);
  const at = (num: string) => entries.filter((e: any) => e.caseNumber === num).map((e: any) => [e.section, e.act, e.status]);
  for (const k of ['aurora', 'arabic', 'chinese', 'later', 'withdrawn', 'gi']) assert.deepEqual(at(n[k]), [['applications', 'publish', 'pending']], k);
  assert.deepEqual(at(n.design), [['registrations', 'register', 'pending']]);
  assert.deepEqual(at(n.um), [['registrations', 'publish-registration', 'pending']]);
  assert.deepEqual(at(n.published), [['applications', 'publish', 'recorded'], ['lapses', 'withdraw', 'recorded']]);
  assert.deepEqual(at(n.secret), [], 'an application withdrawn before publication is never announced');

  // Nobody outside the office sees a draft.
  expectProblem(await anonymous().get(`/api/v1/gazette/issues/${draft.id}`), 404, 'GAZETTE_ISSUE_NOT_FOUND');
  assert.equal(ok(await anonymous().get('/api/v1/gazette/issues')).total, 0);
  assert.equal(ok(await registrar.get('/api/v1/gazette/issues')).items[0].status, 'draft');
});

test('review: an entry removed stays out, a recompilation brings it back; the removal is final once removed again', async () => {
  const draft = ok(await registrar.get('/api/v1/gazette/issues')).items[0];
  const full = ok(await registrar.get(`/api/v1/gazette/issues/${draft.id}`));
  const later = entriesOf(full).find((e: any) => e.caseNumber === n.later);
  const removed = ok(await del(registrar, `/api/v1/gazette/issues/${draft.id}/entries/${later.id}`));
  assert.ok(!entriesOf(removed).some((e: any) => e.caseNumber === n.later));
  const again = ok(await registrar.post(`/api/v1/gazette/issues/${draft.id}/compile`, {}));
  const back = entriesOf(again).find((e: any) => e.caseNumber === n.later);
  assert.ok(back, 'recompiled: the entry is back');
  ok(await del(registrar, `/api/v1/gazette/issues/${draft.id}/entries/${back.id}`));
  expectProblem(await del(registrar, `/api/v1/gazette/issues/${draft.id}/entries/${back.id}`), 404, 'GAZETTE_ENTRY_NOT_FOUND');
});

test('publishing on the issue date performs the publications, leaves out a case that can no longer be published, and freezes the issue with its formats', async () => {
  const draft = ok(await registrar.get('/api/v1/gazette/issues')).items[0];
  expectProblem(await registrar.post(`/api/v1/gazette/issues/${draft.id}/publish`), 409, 'GAZETTE_DATE_NOT_TODAY');
  // Withdrawn after it was compiled: its publication is refused, nothing is recorded for it.
  await s.act(people.agent, n.withdrawn, 'withdraw', {});
  const before = (await office.db.query('SELECT count(*)::int AS n FROM acts WHERE case_id = (SELECT id FROM cases WHERE number = $1)', [n.withdrawn])).rows[0].n;
  await office.setDate('2026-03-04');
  const res = ok(await registrar.post(`/api/v1/gazette/issues/${draft.id}/publish`));
  assert.deepEqual(res.leftOut.map((x: any) => [x.case, x.code]), [[n.withdrawn, 'ACT_NOT_ALLOWED_IN_STATE']]);
  assert.equal(res.performed, 6);
  assert.equal((await office.db.query('SELECT count(*)::int AS n FROM acts WHERE case_id = (SELECT id FROM cases WHERE number = $1)', [n.withdrawn])).rows[0].n, before);

  const issue = res.issue;
  assert.equal(issue.status, 'published');
  assert.equal(issue.number, '2026-01');
  // The publication acts really happened, on the issue date, by the registrar.
  for (const [k, act, state] of [['aurora', 'publish', 'published'], ['arabic', 'publish', 'published'], ['gi', 'publish', 'published'], ['design', 'register', 'registered'], ['um', 'publish-registration', 'in-force']] as const) {
    const row = (await office.db.query(
      `SELECT c.state, c.public, a.office_date, a.actor_name FROM cases c JOIN acts a ON a.case_id = c.id AND a.seq = c.act_count WHERE c.number = $1`, [n[k]])).rows[0];
    assert.deepEqual([row.state, row.public, row.office_date, row.actor_name, (await office.db.query('SELECT type FROM acts a JOIN cases c ON c.id = a.case_id WHERE c.number = $1 ORDER BY seq DESC LIMIT 1', [n[k]])).rows[0].type], [state, true, '2026-03-04', 'Rita Registrar', act], k);
  }
  const later = (await office.db.query('SELECT state, public FROM cases WHERE number = $1', [n.later])).rows[0];
  assert.deepEqual([later.state, later.public], ['accepted', false], 'the entry taken out waits');

  // Numbered entries in section order; the seal is the journal's latest, covering the acts just recorded.
  const entries = entriesOf(issue);
  assert.deepEqual(entries.map((e: any) => e.no), entries.map((_: any, i: number) => i + 1));
  assert.deepEqual([...new Set(entries.map((e: any) => e.section))], ['applications', 'registrations', 'lapses']);
  const seal = (await office.db.query('SELECT id, hash, last_act FROM journal_seals ORDER BY id DESC LIMIT 1')).rows[0];
  assert.deepEqual(issue.seal, { id: seal.id, hash: seal.hash });
  const unsealed = (await office.db.query('SELECT count(*)::int AS n FROM acts a JOIN gazette_entries e ON e.act_id = a.id WHERE a.seal_id IS NULL')).rows[0].n;
  assert.equal(unsealed, 0, 'every act of the issue is sealed');

  // The public sees it now, and the cases published by it.
  const seen = ok(await anonymous().get(`/api/v1/gazette/issues/${issue.number}`));
  assert.equal(entriesOf(seen).length, entries.length);
  assert.ok(!('blocked' in seen) && !('leftOut' in seen), 'review details stay with the office');
  assert.equal(ok(await anonymous().get(`/api/v1/cases/${n.chinese}`)).title, CHINESE);
  expectProblem(await registrar.post(`/api/v1/gazette/issues/${issue.id}/publish`), 409, 'GAZETTE_ALREADY_PUBLISHED');
});

test('the files of the issue: SHA-256 as stored, a real PDF with every script, valid ST.96 XML per right, JSON with ST.96 data, a zip with its manifest', async () => {
  const issue = ok(await anonymous().get('/api/v1/gazette/issues/2026-01'));
  const names = issue.files.map((f: any) => f.name).sort();
  assert.deepEqual(names, ['gazette-2026-01-manifest.json', 'gazette-2026-01-st96-design.xml', 'gazette-2026-01-st96-gi.xml', 'gazette-2026-01-st96-trademark.xml',
    'gazette-2026-01-st96-utility-model.xml', 'gazette-2026-01.json', 'gazette-2026-01.pdf', 'gazette-2026-01.zip']);
  const files: Record<string, Buffer> = {};
  for (const f of issue.files) {
    const res = await anonymous().get(f.href);
    assert.equal(res.statusCode, 200, f.name);
    assert.equal(res.headers.etag, `"${f.sha256}"`);
    assert.equal(res.headers['x-checksum-sha256'], f.sha256);
    assert.equal(Number(res.headers['content-length']), f.size);
    assert.equal(sha(res.rawPayload), f.sha256, `${f.name}: the bytes are those listed`);
    files[f.name] = res.rawPayload;
    assert.equal((await anonymous().get(f.href, { 'if-none-match': `"${f.sha256}"` })).statusCode, 304);
  }
  const pdf = files['gazette-2026-01.pdf'];
  assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
  const text = pdftotext(pdf);
  if (text !== null) {
    for (const word of ['Official Gazette', 'Applications published', 'Registrations and grants', n.aurora, 'AURORA', CHINESE, 'قهوة', 'الصباح', issue.seal.hash]) {
      assert.ok(text.includes(word), `the PDF's text has ${word}`);
    }
  }
  const sig = pdfsig(pdf);
  if (sig !== null) {
    assert.match(sig, /Signature Validation: Signature is Valid\./, sig);
    assert.match(sig, /Total document signed/);
  }
  for (const right of ['trademark', 'gi', 'design', 'utility-model']) {
    const v = validateSt96(files[`gazette-2026-01-st96-${right}.xml`].toString('utf8'));
    assert.deepEqual(v.errors, [], right);
  }
  assert.ok(files['gazette-2026-01-st96-trademark.xml'].toString('utf8').includes(ARABIC));
  const json = JSON.parse(files['gazette-2026-01.json'].toString('utf8'));
  assert.equal(json.issue.number, '2026-01');
  assert.equal(json.seal.hash, issue.seal.hash);
  const jsonEntries = json.sections.flatMap((x: any) => x.entries);
  assert.equal(jsonEntries.length, entriesOf(issue).length);
  const chinese = jsonEntries.find((e: any) => e.caseNumber === n.chinese);
  assert.equal(chinese.event.category, 'Application published');
  assert.ok(chinese.st96 && JSON.stringify(chinese.st96).includes(CHINESE), 'each entry carries its ST.96 data');
  const zip = unzipSync(files['gazette-2026-01.zip']);
  const manifest = JSON.parse(Buffer.from(zip['manifest.json']).toString('utf8'));
  assert.equal(manifest.seal.hash, issue.seal.hash);
  for (const f of manifest.files) assert.equal(sha(Buffer.from(zip[f.name])), f.sha256, `${f.name} in the zip matches its manifest`);
  assert.deepEqual(manifest.files.map((f: any) => f.name).sort(), names.filter((x: string) => !/zip$|manifest/.test(x)).sort());
});

test('the database refuses any change to a published issue and its entries', async () => {
  const issue = (await office.db.query("SELECT id FROM gazette_issues WHERE number = '2026-01'")).rows[0];
  // Each statement in its own transaction, as the office's code would run it.
  const refused = (sql: string, params: unknown[], why: RegExp) => assert.rejects(office.db.tx((q) => q.query(sql, params)), why, sql);
  await refused("UPDATE gazette_issues SET issue_date = '2026-03-05' WHERE id = $1", [issue.id], /published and cannot change/);
  await refused('DELETE FROM gazette_issues WHERE id = $1', [issue.id], /published and cannot change/);
  await refused("UPDATE gazette_entries SET section = 'corrections' WHERE issue_id = $1", [issue.id], /cannot change/);
  await refused('DELETE FROM gazette_entries WHERE issue_id = $1', [issue.id], /cannot change/);
  await refused('INSERT INTO gazette_entries (id, issue_id, status, case_id, case_number, right_kind, act) SELECT gen_random_uuid(), issue_id, status, case_id, case_number, right_kind, act FROM gazette_entries WHERE issue_id = $1 LIMIT 1', [issue.id], /cannot change/);
  await refused('TRUNCATE gazette_entries', [], /cannot be truncated/);
  const after = (await office.db.query('SELECT count(*)::int AS n, count(*) FILTER (WHERE section = $2)::int AS c FROM gazette_entries WHERE issue_id = $1', [issue.id, 'corrections'])).rows[0];
  assert.deepEqual([after.n > 0, after.c], [true, 0]);
});

test('18 months on: the next issue publishes the patent application that fell due, as the office; a later amendment is announced as a correction in the issue after', async () => {
  // Filed now, published by the gazette once its 18 months are over.
  await office.setDate('2026-03-05');
  const patent = await s.patentInExamination();
  await office.setDate('2027-09-08'); // a Wednesday after the 18 months ended (Thu 2 Sep 2027) ...
  // ... no worker pass in between: the gazette performs the publication, as the expiry sweep would have.
  const second = ok(await registrar.post('/api/v1/gazette/issues', {}), 201);
  assert.equal(second.date, '2027-09-08');
  const at = (issue: any, num: string) => entriesOf(issue).filter((e: any) => e.caseNumber === num).map((e: any) => [e.section, e.act, e.status]);
  assert.deepEqual(at(second, patent), [['applications', 'publish-application', 'pending']]);
  assert.deepEqual(at(second, n.later), [['applications', 'publish', 'pending']], 'the entry taken out of the first issue comes in this one');
  assert.ok(!entriesOf(second).some((e: any) => e.caseNumber === n.aurora && e.act === 'publish'), 'an act announced once is not announced again');
  const published = ok(await registrar.post(`/api/v1/gazette/issues/${second.id}/publish`));
  assert.equal(published.issue.number, '2027-01');
  const pub = (await office.db.query("SELECT a.type, a.actor_role, c.public FROM acts a JOIN cases c ON c.id = a.case_id WHERE c.number = $1 AND a.type = 'publish-application'", [patent])).rows;
  assert.deepEqual(pub, [{ type: 'publish-application', actor_role: 'system', public: true }], 'performed as the office, as the law has it');

  // The applicant amends the claims of the published application: a correction of what was published.
  await s.act(people.agent, patent, 'amend-claims', { claims: ['1. A coffee roaster with a fluid bed of heated air.'] });
  await office.setDate('2027-09-15');
  const third = ok(await registrar.post('/api/v1/gazette/issues', {}), 201);
  const corr = entriesOf(third).filter((e: any) => e.section === 'corrections');
  assert.deepEqual(corr.map((e: any) => [e.caseNumber, e.act, e.event.category, e.event.detailedCode]), [[patent, 'amend-claims', 'P10', 'P13']]);
  const frozen = ok(await anonymous().get('/api/v1/gazette/issues/2027-01'));
  assert.ok(!entriesOf(frozen).some((e: any) => e.act === 'amend-claims'), 'the published issue is not edited');
  // Only one draft: discarded, it can be compiled again.
  assert.equal((await del(registrar, `/api/v1/gazette/issues/${third.id}`)).statusCode, 204);
  n.late = await s.acceptedTrademark('LATE ROAST');
  const again = ok(await registrar.post('/api/v1/gazette/issues', {}), 201);
  assert.deepEqual(entriesOf(again).filter((e: any) => e.caseNumber === n.late).map((e: any) => e.status), ['pending']);
});

test('a publication interrupted on its date is finished later: what was not published on the issue date is left out, never dated otherwise', async () => {
  const draft = ok(await registrar.get('/api/v1/gazette/issues')).items.find((i: any) => i.status === 'draft');
  assert.equal(draft.date, '2027-09-15');
  // As if the process stopped right after it began publishing on the issue date.
  await office.db.tx((q) => q.query("UPDATE gazette_issues SET status = 'publishing' WHERE id = $1", [draft.id]));
  await office.setDate('2027-09-16');
  expectProblem(await registrar.post(`/api/v1/gazette/issues/${draft.id}/compile`, {}), 409, 'GAZETTE_NOT_A_DRAFT');
  const res = ok(await registrar.post(`/api/v1/gazette/issues/${draft.id}/publish`));
  assert.deepEqual(res.leftOut.map((x: any) => [x.case, x.code]), [[n.late, 'GAZETTE_DATE_NOT_TODAY']]);
  assert.equal(res.performed, 0);
  assert.equal(res.issue.date, '2027-09-15');
  assert.deepEqual(entriesOf(res.issue).map((e: any) => [e.section, e.act]), [['corrections', 'amend-claims']]);
  const late = (await office.db.query('SELECT state, public FROM cases WHERE number = $1', [n.late])).rows[0];
  assert.deepEqual([late.state, late.public], ['accepted', false]);
});

test('records taken over from a previous register are not announced, whatever status they carry', () => {
  const published = { standard: 'ST.61' as const, category: 'Application published' };
  assert.equal(sectionOf({ type: 'publish', event: published, published: true }), 'applications');
  for (const type of ['take-over', 'take-over-update']) {
    assert.equal(sectionOf({ type, event: published, published: true }), null, type);
    assert.equal(sectionOf({ type, event: null, published: true }), null, type);
    assert.ok(!ANNOUNCEABLE_ACTS.includes(type), `${type} is not looked for`);
  }
});
