// What the public register shows of persons, channel by channel, under Ruritania's law (its registers
// publish the address of companies and of representatives, not of private individuals; e-mails never):
// a private applicant's street, postcode and e-mail and an inventor's appear in no byte of the case as
// anyone reads it (now and "as of"), its ST.96 export, the open-data dumps, the change feed or the
// gazette issue (PDF, XML, JSON, zip), while the company's address and the agent's business address do;
// the case's parties and the office still see everything. Under the model law (names and countries
// only), no address at all is published.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { gunzipSync } from 'node:zlib';
import { unzipSync } from 'fflate';
import type { FastifyInstance } from 'fastify';
import { validateSt96 } from '../../src/modules/exchange/index.ts';
import { testOffice, type TestOffice } from '../support/harness.ts';
import { hasPoppler, poppler } from '../support/poppler.ts';
import { client, login, ok, type Client } from '../http/helpers.ts';
import {
  acceptedTrademark, AGENT, AGENT_EMAIL, AGENT_STREET, cast, COMPANY, COMPANY_EMAIL, COMPANY_STREET, INVENTOR_SECRETS, PRIVATE,
  PRIVATE_SECRETS, publishedPatent, type Cast,
} from './support.ts';

let office: TestOffice;
let app: FastifyInstance;
let people: Cast;
let agent: Client, registrar: Client, admin: Client, examiner: Client;
const anonymous = () => client(app, null);
const n: Record<string, string> = {};

/** None of the private person's (or inventor's) particulars, and no e-mail of anyone, is in these bytes. */
function nothingPrivate(what: string, bytes: string | Buffer) {
  const text = Buffer.isBuffer(bytes) ? bytes.toString('utf8') : bytes;
  for (const secret of [...PRIVATE_SECRETS, ...INVENTOR_SECRETS, COMPANY_EMAIL, AGENT_EMAIL]) {
    assert.ok(!text.includes(secret), `${what} must not contain ${JSON.stringify(secret)}`);
  }
}

before(async () => {
  office = await testOffice({ framework: 'ruritania', startDate: '2026-03-02' }); // a Monday
  app = await office.http();
  people = await cast(office);
  [agent, registrar, admin, examiner] = await Promise.all(['agent', 'registrar', 'admin', 'examiner'].map((u) => login(app, u)));
  n.private = await acceptedTrademark(office, people, 'NOVAK ROAST', PRIVATE);
  n.company = await acceptedTrademark(office, people, 'ZENDA GOLD', COMPANY);
  n.patent = await publishedPatent(office, people);
  // The gazette of Wednesday 4 March publishes both marks.
  ok(await registrar.post('/api/v1/gazette/issues', {}), 201);
  await office.setDate('2026-03-04');
  const issue = ok(await registrar.post(`/api/v1/gazette/issues/${(ok(await registrar.get('/api/v1/gazette/issues')).items[0]).id}/publish`));
  assert.equal(issue.issue.status, 'published', JSON.stringify(issue.leftOut));
  assert.deepEqual(issue.leftOut, []);
  await office.work();
});
after(() => office?.shutdown());

test('the case as anyone reads it: a private applicant by name and country only, the company and the agent with their addresses, no e-mail', async () => {
  const priv = await anonymous().get(`/api/v1/cases/${n.private}`);
  assert.equal(priv.statusCode, 200);
  nothingPrivate('the private applicant\'s case, read by anyone', priv.body);
  const p = priv.json();
  assert.equal(p.public, true);
  const applicant = p.parties.find((x: any) => x.role === 'applicant');
  assert.deepEqual(applicant, { role: 'applicant', name: PRIVATE.name, country: 'XX' });
  const rep = p.parties.find((x: any) => x.role === 'representative');
  assert.deepEqual(rep, { role: 'representative', name: AGENT.name, country: 'XX', address: AGENT.address }, 'the agent\'s business address is published');

  const comp = await anonymous().get(`/api/v1/cases/${n.company}`);
  nothingPrivate('the company\'s case, read by anyone', comp.body);
  assert.deepEqual(comp.json().parties.find((x: any) => x.role === 'applicant'), { role: 'applicant', name: COMPANY.name, country: 'XX', address: COMPANY.address });

  // "As of" the day of publication: the same reduction.
  nothingPrivate('the case as of a date', (await anonymous().get(`/api/v1/cases/${n.private}?asOf=2026-03-04`)).body);

  // The parties of the case and the office see everything.
  for (const [who, c] of [['the filing agent', agent], ['an examiner', examiner]] as const) {
    const full = (await c.get(`/api/v1/cases/${n.private}`)).body;
    for (const secret of [...PRIVATE_SECRETS, AGENT_EMAIL]) assert.ok(full.includes(secret), `${who} sees ${secret}`);
  }
});

test("a patent's public data: the private inventor reduced to name and country, the company applicant with its address, no e-mail or nationality", async () => {
  const res = await anonymous().get(`/api/v1/cases/${n.patent}`);
  assert.equal(res.statusCode, 200);
  nothingPrivate('the patent, read by anyone', res.body);
  const c = res.json();
  assert.deepEqual(c.data.inventors, [{ kind: 'natural', name: 'Otto Hentzau', country: 'XX' }]);
  assert.deepEqual(c.data.applicants, [{ kind: 'legal', name: COMPANY.name, country: 'XX', address: COMPANY.address }]);
  const staff = (await examiner.get(`/api/v1/cases/${n.patent}`)).json();
  assert.equal(staff.data.inventors[0].email, 'otto@hentzau.example');
});

test('the ST.96 export of public cases: valid, the company and the agent with their postal address, the private applicant by name and country', async () => {
  for (const number of [n.private, n.company, n.patent]) {
    const xml = await anonymous().get(`/api/v1/register/${number}/st96.xml`);
    assert.equal(xml.statusCode, 200);
    nothingPrivate(`ST.96 XML of ${number}`, xml.body);
    // A published address is a contact with its postal address: still valid ST.96 (libxml2 takes seconds a document).
    if (number !== n.private) assert.deepEqual(validateSt96(xml.body).errors, [], number);
    nothingPrivate(`ST.96 JSON of ${number}`, (await anonymous().get(`/api/v1/register/${number}/st96.json`)).body);
  }
  const company = (await anonymous().get(`/api/v1/register/${n.company}/st96.xml`)).body;
  assert.ok(company.includes(COMPANY_STREET) && company.includes('RU-5678 Zenda'), 'the company\'s address is published');
  assert.ok(company.includes(AGENT_STREET), 'the agent\'s business address is published');
  const priv = (await anonymous().get(`/api/v1/register/${n.private}/st96.xml`)).body;
  assert.match(priv, /<com:PublicationContact>\s*<com:Name>\s*<com:PersonName>\s*<com:PersonFullName>Jana Novak</);
  // The patent's applicant (the inventors come with the grant).
  const patent = (await anonymous().get(`/api/v1/register/${n.patent}/st96.xml`)).body;
  assert.ok(patent.includes(COMPANY.name) && patent.includes(COMPANY_STREET), patent);
  // The office's own export has everything.
  const full = (await examiner.get(`/api/v1/cases/${n.private}/st96.xml`)).body;
  assert.ok(full.includes('14 Linden Lane') && full.includes('jana.novak@example.net'));
});

test('the open-data dump (ST.96 zip and JSON Lines): the same', async () => {
  ok(await admin.post('/api/v1/open-data/dumps'), 202);
  await office.work();
  const zip = await anonymous().get('/api/v1/open-data/dumps/latest/files/st96.zip');
  assert.equal(zip.statusCode, 200);
  const entries = unzipSync(new Uint8Array(zip.rawPayload));
  const xml = Object.entries(entries).filter(([name]) => name.endsWith('.xml')).map(([, b]) => Buffer.from(b).toString('utf8')).join('\n');
  assert.ok(xml.includes('NOVAK ROAST') && xml.includes('Conical burr coffee grinder'), 'the dump holds the cases');
  nothingPrivate('the ST.96 dump', xml);
  assert.ok(xml.includes(COMPANY_STREET) && xml.includes(AGENT_STREET));
  const lines = gunzipSync((await anonymous().get('/api/v1/open-data/dumps/latest/files/jsonl.gz')).rawPayload).toString('utf8');
  assert.ok(lines.includes('Jana Novak'));
  nothingPrivate('the JSON Lines dump', lines);
  assert.ok(lines.includes(COMPANY_STREET));
});

test('the change feed: acts of public cases, no particulars of anyone', async () => {
  const feed = await anonymous().get('/api/v1/changes?limit=500');
  assert.equal(feed.statusCode, 200);
  assert.ok(feed.json().items.some((i: any) => i.case?.number === n.private || i.caseNumber === n.private || JSON.stringify(i).includes(n.private)), 'the feed has the case');
  nothingPrivate('the change feed', feed.body);
});

test('the gazette issue (PDF, ST.96 XML, JSON, zip): the same', async () => {
  const issue = ok(await anonymous().get('/api/v1/gazette/issues/2026-01'));
  let sawCompany = false;
  for (const f of issue.files) {
    const res = await anonymous().get(f.href);
    assert.equal(res.statusCode, 200, f.name);
    let text: string;
    if (f.name.endsWith('.pdf')) {
      if (!hasPoppler) { assert.ok(!process.env.CI, 'poppler-utils is required in CI'); continue; }
      text = poppler('pdftotext', res.rawPayload);
      assert.ok(text.includes('NOVAK ROAST') && text.includes('Jana Novak'), 'the PDF names the private applicant');
    } else if (f.name.endsWith('.zip')) {
      text = Object.values(unzipSync(new Uint8Array(res.rawPayload))).map((b) => Buffer.from(b).toString('utf8')).join('\n');
    } else {
      text = res.body;
    }
    nothingPrivate(`the gazette's ${f.name}`, text);
    if (text.includes(COMPANY_STREET)) sawCompany = true;
    if (f.name.endsWith('-trademark.xml')) assert.deepEqual(validateSt96(text).errors, [], f.name);
  }
  assert.ok(sawCompany, "the company's address is in the gazette");
});

test('under the model law the register names every party by name and country only', async () => {
  const m = await testOffice({ startDate: '2026-03-02' });
  try {
    const c = await cast(m);
    const number = await acceptedTrademark(m, c, 'MODEL ROAST', COMPANY);
    const { performAct } = await import('../../src/modules/cases/index.ts');
    await performAct(m.cases, c.registrar, number, 'publish');
    const mapp = await m.http();
    const res = await client(mapp, null).get(`/api/v1/cases/${number}`);
    assert.equal(res.statusCode, 200);
    assert.ok(!res.body.includes(COMPANY_STREET) && !res.body.includes(AGENT_STREET) && !res.body.includes('@'), res.body);
    assert.deepEqual(res.json().parties.map((p: any) => Object.keys(p).sort()), [['country', 'name', 'role'], ['country', 'name', 'role']]);
    const xml = (await client(mapp, null).get(`/api/v1/register/${number}/st96.xml`)).body;
    assert.ok(!xml.includes(COMPANY_STREET) && !xml.includes(AGENT_STREET));
  } finally {
    await m.shutdown();
  }
});
