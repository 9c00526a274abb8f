// Property-based tests of the public inputs properties.test.ts leaves out (fast-check, fixed seeds):
//   imports: ST.96 documents over HTTP and USPTO daily XML files, mangled, truncated, hostile, deeply
//     nested, with huge attribute values and in odd encodings; JSON-lines registers of any lines;
//   webhook subscriptions: URLs of every shape, any events, any body;
//   gazette and administration bodies: the publication calendar, issues, holiday-calendar versions,
//     fee schedules, document templates, user accounts;
//   the query strings of every list endpoint (limits, offsets, texts, dates, cursors);
//   headers: Idempotency-Key and If-None-Match.
// The rule for each: a success, or a clear 4xx problem document with a stable code; never a 5xx, never
// an exception; and a refusal leaves the register exactly as it was (a digest of its tables before and
// after). A document taken over in part stores exactly the records it reports as created.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { DomainError } from '../../src/kernel/errors.ts';
import { importRegister, importXml, fileText, stringText, type ImportReport } from '../../src/modules/imports/index.ts';
import { checkWebhookUrl } from '../../src/modules/webhooks/url-policy.ts';
import { testOffice, type TestOffice } from '../support/harness.ts';
import { client, filing, login, ok, type Client, type Res } from '../http/helpers.ts';
import { depsOf, IMPORTER, TDXF } from '../imports/support.ts';
import { inPath, mangled, text, TRICKY, value } from './arbitraries.ts';

let office: TestOffice;
let app: FastifyInstance;
let agent: Client, registrar: Client, admin: Client, examiner: Client, pub: Client;
let caseId = '', caseNumber = '', targetUserId = '', hookId = '';
let dir = '';
let digestSql = '';
const tried: Record<string, number> = {};
const started = Date.now();

const count = (what: string) => { tried[what] = (tried[what] ?? 0) + 1; };

/** The register's tables whose content a refused request must not change (logs of attempts excepted). */
const REGISTER = ['settings', 'parties', 'users', 'cases', 'case_parties', 'acts', 'journal_seals', 'time_limits', 'fees', 'payments', 'outbox',
  'documents', 'notifications', 'idempotency_keys', 'calendar_versions', 'accounts', 'account_entries', 'drafts', 'fee_schedule_versions',
  'import_records', 'gazette_issues', 'gazette_entries', 'webhook_subscriptions', 'webhook_deliveries', 'document_templates', 'counters'];

/** A digest of every row of each of the register's tables. */
async function digest(): Promise<Record<string, string>> {
  return (await office.db.query<Record<string, string>>(digestSql)).rows[0];
}

const caseCount = async () => Number((await office.db.query<{ n: string }>('SELECT count(*) AS n FROM cases')).rows[0].n);

/** The rule of every answer: no 5xx; a 4xx is a problem document with a stable code. */
function wellFormed(res: Res, what: string, kind: string) {
  count(kind);
  assert.ok(res.statusCode < 500, `${what}: ${res.statusCode} ${res.body.slice(0, 300)}`);
  if (res.statusCode >= 400) {
    assert.match(String(res.headers['content-type']), /^application\/problem\+json/, `${what}: ${res.body.slice(0, 200)}`);
    assert.match(res.json().code, /^[A-Z][A-Z0-9_]+$/, what);
  }
}

/** Sends, and checks the rule and that a refusal changed nothing stored. */
async function refusedChangesNothing(kind: string, what: string, send: () => Promise<Res>): Promise<Res> {
  const before = await digest();
  const res = await send();
  wellFormed(res, what, kind);
  if (res.statusCode >= 400) assert.deepEqual(await digest(), before, `${what}: a refusal changed the register`);
  return res;
}

const RUNS = (numRuns: number, seed = 20261205) => ({ numRuns, seed });
const show = (v: unknown) => (typeof v === 'string' ? JSON.stringify(v.slice(0, 200)) : JSON.stringify(v)?.slice(0, 300));

before(async () => {
  office = await testOffice({ startDate: '2026-03-02', config: { rateLimitAnonymous: 0, rateLimitSignedIn: 0 } });
  app = await office.http();
  await office.user('agent', 'agent', 'Fuzz IP LLP');
  await office.user('registrar', 'registrar');
  await office.user('admin', 'admin');
  await office.user('examiner', 'examiner');
  targetUserId = (await office.user('target', 'formalities')).id;
  [agent, registrar, admin, examiner] = await Promise.all(['agent', 'registrar', 'admin', 'examiner'].map((u) => login(app, u)));
  pub = client(app);
  const filed = ok(await agent.post('/api/v1/cases', filing()), 201).case;
  caseId = filed.id; caseNumber = filed.number;
  hookId = ok(await agent.post('/api/v1/webhooks', { url: 'https://docketing.example/hook', events: ['status-changed'] }), 201).id;
  const present = new Set((await office.db.query<{ table_name: string }>(
    'SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()')).rows.map((r) => r.table_name));
  const tables = REGISTER.filter((t) => present.has(t));
  assert.ok(tables.length >= 20, `the register's tables: ${tables.join(', ')}`);
  digestSql = `SELECT ${tables.map((t) => `(SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) FROM ${t} t) AS ${t}`).join(', ')}`;
  dir = mkdtempSync(join(tmpdir(), 'registrum-fuzz-inputs-'));
});

after(async () => {
  const total = Object.values(tried).reduce((a, b) => a + b, 0);
  console.log(`  ${total} inputs tried in ${((Date.now() - started) / 1000).toFixed(1)} s: ${Object.entries(tried).map(([k, n]) => `${k} ${n}`).join(', ')}`);
  await office?.shutdown();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

// --- XML --------------------------------------------------------------------------------------------

const mark = (serial: string) => `<tmk:Trademark>
  <com:ApplicationNumber><com:IPOfficeCode>US</com:IPOfficeCode><com:ApplicationNumberText>${serial}</com:ApplicationNumberText></com:ApplicationNumber>
  <com:ApplicationDate>2019-04-01</com:ApplicationDate><tmk:MarkCurrentStatusCode>630</tmk:MarkCurrentStatusCode>
  <tmk:MarkRepresentation><tmk:MarkReproduction><tmk:WordMarkSpecification><tmk:MarkVerbalElementText>MARK ${serial}</tmk:MarkVerbalElementText></tmk:WordMarkSpecification></tmk:MarkReproduction></tmk:MarkRepresentation>
  <tmk:ApplicantBag><tmk:Applicant><com:Contact><com:Name><com:EntityName>Owner ${serial}</com:EntityName></com:Name></com:Contact></tmk:Applicant></tmk:ApplicantBag>
</tmk:Trademark>`;
const st96 = (body: string, prolog = '<?xml version="1.0" encoding="UTF-8"?>') =>
  `${prolog}\n<tmk:TrademarkApplication xmlns:tmk="http://www.wipo.int/standards/XMLSchema/ST96/Trademark" xmlns:com="http://www.wipo.int/standards/XMLSchema/ST96/Common"><tmk:TrademarkBag>${body}</tmk:TrademarkBag></tmk:TrademarkApplication>`;

/** Pieces that break or abuse XML, inserted anywhere. */
const XML_BITS = ['<', '>', '&', '&amp;', '&#0;', '&#xD800;', '&#x110000;', '&undeclared;', ']]>', '<![CDATA[', '<![CDATA[x]]>', '<?pi x?>', '<?xml version="1.0"?>',
  '<!--', '-->', '<!-- -- -->', '</tmk:Trademark>', '<tmk:Trademark>', '<tmk:Trademark/>', '<a b="1" b="2"/>', '<a xmlns:x="">', '<x:y/>', '"', "'", '=',
  '\u0000', '\uFFFE', '\uFFFF', '\u0085', '\u2028', '<!DOCTYPE x>', '<!ENTITY e "e">', '<!ELEMENT a ANY>', '</', '/>', '<1a/>', '<:a/>', '<a:b:c/>'];

/** A document with one hostile thing in it, as an office's previous system (or an attacker) might send. */
const hostile = (serial: string) => fc.constantFrom(
  st96(mark(serial), '<?xml version="1.0"?>\n<!DOCTYPE tmk:TrademarkApplication [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>').replace('MARK', '&xxe; MARK'),
  st96(mark(serial), '<!DOCTYPE x [<!ENTITY % remote SYSTEM "http://127.0.0.1:1/evil.dtd"> %remote;]>'),
  st96(mark(serial), `<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY a "${'x'.repeat(100)}"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>`).replace('MARK', '&c; MARK'),
  st96(mark(serial), '<?xml version="1.0"?>\n<?xml-stylesheet type="text/xsl" href="http://127.0.0.1/x.xsl"?>'),
  st96(mark(serial).replace('</tmk:Trademark>', `<tmk:X>${'<a>'.repeat(5000)}${'</a>'.repeat(5000)}</tmk:X></tmk:Trademark>`)),
  st96(mark(serial).replace('</tmk:Trademark>', `<tmk:X>${'<a>'.repeat(300)}${'</a>'.repeat(300)}</tmk:X></tmk:Trademark>`)),
  st96(mark(serial).replace('<com:ApplicationNumberText>', `<com:ApplicationNumberText a="${'x'.repeat(600_000)}">`)),
  st96(mark(serial).replace('<com:ApplicationNumberText>', `<com:ApplicationNumberText ${Array.from({ length: 5000 }, (_, i) => `a${i}="${i}"`).join(' ')}>`)),
  st96(mark(serial).replace(`MARK ${serial}`, 'x'.repeat(600_000))),
  st96(Array.from({ length: 30 }, (_, i) => mark(`${serial}${String(i).padStart(2, '0')}`)).join('')),
  st96(mark(serial)).replace('xmlns:tmk="http://www.wipo.int/standards/XMLSchema/ST96/Trademark"', ''),
  st96(mark(serial).replace('2019-04-01', '2019-02-30')),
  st96(mark(serial).replace('2019-04-01', '')),
  st96(mark(serial).replace('630', '\u202E999')),
  st96(mark(serial).replace(`<com:ApplicationNumberText>${serial}`, '<com:ApplicationNumberText>')),
  st96(''),
  '',
  '<?xml version="1.0"?>',
  '<a/>',
  'not xml at all',
);

/** A text mangled: cut short, something inserted, a slice replaced, or an element repeated. */
function mutatedText(base: string): fc.Arbitrary<string> {
  const at = fc.integer({ min: 0, max: base.length });
  return fc.oneof(
    at.map((i) => base.slice(0, i)),
    fc.tuple(at, fc.oneof(fc.constantFrom(...XML_BITS), text, fc.array(fc.constantFrom(...XML_BITS, ...TRICKY), { minLength: 1, maxLength: 6 }).map((a) => a.join(''))))
      .map(([i, s]) => base.slice(0, i) + s + base.slice(i)),
    fc.tuple(at, fc.integer({ min: 1, max: 40 }), text).map(([i, n, s]) => base.slice(0, i) + s + base.slice(i + n)),
    fc.tuple(at, fc.integer({ min: 1, max: 200 })).map(([i, n]) => base.slice(0, i) + base.slice(i, i + n).repeat(3) + base.slice(i)),
  );
}

/** The same document in bytes a previous system might have written: other encodings, with or without a BOM, or broken UTF-8. */
function encoded(doc: string): fc.Arbitrary<{ bytes: Buffer; type: string }> {
  const latin = doc.replace('encoding="UTF-8"', 'encoding="ISO-8859-1"').replace('MARK', 'MARQUE DÉPOSÉE É');
  return fc.constantFrom(
    { bytes: Buffer.from(doc, 'utf8'), type: 'application/xml' },
    { bytes: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(doc, 'utf8')]), type: 'application/xml' },
    { bytes: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(doc.replace('UTF-8', 'UTF-16'), 'utf16le')]), type: 'application/xml' },
    { bytes: Buffer.from(doc.replace('UTF-8', 'UTF-16'), 'utf16le'), type: 'text/xml' },
    { bytes: Buffer.from(latin, 'latin1'), type: 'application/xml; charset=iso-8859-1' },
    { bytes: Buffer.from(doc.replace('UTF-8', 'EBCDIC-US'), 'utf8'), type: 'application/xml' },
    { bytes: Buffer.concat([Buffer.from(doc.slice(0, 300), 'utf8'), Buffer.from([0xc3, 0x28, 0xe2, 0x82, 0xf0, 0x9f, 0x98, 0xc0, 0xaf]), Buffer.from(doc.slice(300), 'utf8')]), type: 'application/xml' },
    { bytes: Buffer.from(doc, 'utf8'), type: 'application/xml; charset=utf-16' },
    { bytes: Buffer.from(doc, 'utf8'), type: 'text/plain' },
    { bytes: Buffer.from(doc, 'utf8'), type: 'application/json' },
  );
}

/** What an import report must say of itself: each record an outcome, refusals with a code, and exactly the created cases stored. */
function reportHolds(r: ImportReport, casesBefore: number, casesAfter: number, what: string) {
  for (const o of r.records) if (o.outcome === 'rejected') assert.match(String(o.code), /^[A-Z][A-Z0-9_]+$/, `${what}: ${JSON.stringify(o).slice(0, 300)}`);
  for (const f of r.files) if (f.error) assert.match(f.error.code, /^[A-Z][A-Z0-9_]+$/, what);
  assert.equal(casesAfter - casesBefore, r.counts.created, `${what}: cases stored ${casesAfter - casesBefore}, reported created ${r.counts.created}`);
}

test('ST.96 imports over HTTP: mangled, truncated, hostile, deep, huge and oddly encoded documents', { timeout: 120_000 }, async () => {
  const base = st96(mark('93000001') + mark('93000002'));
  const doc = fc.oneof({ weight: 4, arbitrary: mutatedText(base) }, { weight: 2, arbitrary: fc.integer({ min: 93_100_000, max: 93_999_999 }).chain((n) => hostile(String(n))) }, { weight: 1, arbitrary: fc.constant(base) });
  const sent = fc.oneof({ weight: 3, arbitrary: doc.map((d) => ({ bytes: Buffer.from(d, 'utf8'), type: 'application/xml' })) }, { weight: 2, arbitrary: doc.chain(encoded) });
  await fc.assert(fc.asyncProperty(sent, fc.constantFrom('', '?name=fuzz', `?name=${inPath('\u202Eevil')}`, '?other=1'), async ({ bytes, type }, query) => {
    const before = await digest();
    const cases = await caseCount();
    const res = await registrar.raw('POST', `/api/v1/imports/st96${query}`, bytes, type);
    wellFormed(res, `st96 ${type} ${bytes.length} bytes ${show(bytes.toString('utf8', 0, 200))}`, 'st96');
    if (res.statusCode >= 400) assert.deepEqual(await digest(), before, `st96 ${res.json().code}: a refused document stored something`);
    else reportHolds(res.json(), cases, await caseCount(), 'st96');
  }), RUNS(80));
});

test('USPTO daily XML imports: the case file mangled, truncated, hostile; files in other encodings', { timeout: 60_000 }, async () => {
  const record = readFileSync(`${TDXF}/records/daily-na-98763166.xml`, 'utf8');
  const variant = fc.oneof(
    { weight: 4, arbitrary: mutatedText(record) },
    { weight: 1, arbitrary: fc.constantFrom(
      record.replace('<?xml', '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><?xml'),
      record.replace(/(<\?xml[^>]*\?>)/, '$1<!DOCTYPE trademark-applications-daily [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>').replace('SUVENEER', '&b;'),
      record.replace('SUVENEER', `${'<b>'.repeat(3000)}${'</b>'.repeat(3000)}`),
      record.replace('<serial-number>', `<serial-number x="${'y'.repeat(1_500_000)}">`),
      record.replaceAll('98763166', '\u202E98763166'),
    ) },
  );
  await fc.assert(fc.asyncProperty(variant, fc.constantFrom('string', 'utf8', 'latin1', 'utf16le'), async (xml, how) => {
    const before = await digest();
    const cases = await caseCount();
    let source;
    if (how === 'string') source = { name: 'daily.xml', text: () => stringText(xml, 4096) };
    else {
      const path = join(dir, `daily-${how}.xml`);
      writeFileSync(path, Buffer.from(xml, how as BufferEncoding));
      source = { name: path, text: () => fileText(path) };
    }
    count('uspto');
    const r = await importXml(depsOf(office), IMPORTER, 'uspto-tdxf', [source], { keep: 'all' });
    reportHolds(r, cases, await caseCount(), `uspto ${how} ${show(xml.slice(0, 120))}`);
    if (r.files.some((f) => f.error) && r.counts.created + r.counts.updated === 0) assert.deepEqual(await digest(), before, `uspto: a refused file stored something`);
  }), RUNS(60));
});

test('JSON-lines registers: any lines, mangled marks, broken JSON, huge lines; a refused line stores nothing', { timeout: 60_000 }, async () => {
  let n = 0;
  const good = () => ({ number: `JL-${++n}`, text: 'JSONLINE', classes: [{ classNumber: 30, terms: ['coffee'] }], status: 'registered',
    filingDate: '2015-03-02', registrationDate: '2015-09-14', expiryDate: '2030-03-02', holder: { name: 'Lines Ltd', country: 'GB', address: '1 Road' } });
  const line = fc.oneof(
    { weight: 4, arbitrary: fc.constant(null).chain(() => mangled(good())).map((v) => JSON.stringify(v)) },
    { weight: 2, arbitrary: value.map((v) => JSON.stringify(v) ?? 'undefined') },
    { weight: 2, arbitrary: text },
    { weight: 1, arbitrary: fc.constantFrom('{', '}', '[]', 'null', '"x"', '\uFEFF{}', '{"number": "1", "number": "2"}', '{"__proto__": {"admin": true}}',
      '{"constructor": {"prototype": {"x": 1}}}', `{"number": "${'9'.repeat(100_000)}"}`, '\u0000', '{"text": "\\ud800"}', JSON.stringify({ ...good(), classes: Array.from({ length: 5000 }, () => ({ classNumber: 1, terms: ['x'] })) })) },
  );
  await fc.assert(fc.asyncProperty(fc.array(line, { minLength: 1, maxLength: 12 }), fc.constantFrom('\n', '\r\n', '\n\n'), async (lines, eol) => {
    const path = join(dir, 'register.jsonl');
    writeFileSync(path, lines.join(eol));
    const cases = await caseCount();
    count('jsonl');
    const r = await importRegister(depsOf(office), IMPORTER, path, { keep: 'all', batchSize: 5 });
    reportHolds(r, cases, await caseCount(), `jsonl ${show(lines)}`);
  }), RUNS(50));
});

// --- webhooks ---------------------------------------------------------------------------------------

const urls = fc.oneof(
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
  fc.constantFrom('https://docketing.example/hook', 'http://127.0.0.1:9/x', 'http://[::1]/', 'http://[::ffff:127.0.0.1]/', 'http://0x7f.1/', 'http://2130706433/',
    'http://169.254.169.254/latest/meta-data/', 'https://user:pw@docketing.example/', 'javascript:alert(1)', 'file:///etc/passwd', 'data:text/plain,hi',
    'ftp://docketing.example/', 'https://例子.测试/路径', 'https://xn--fsqu00a.xn--0zwm56d/', 'https://docketing.example:99999/', 'https://docketing.example:0/',
    'https://a..b/', 'https://-a-.example/', 'https://docketing.example/%zz', ' https://docketing.example/ ', 'https://docketing.example\\@evil.example/',
    'https:docketing.example', '//docketing.example/x', 'https://', 'https://.', 'http://localhost/', 'https://intranet.internal/', `https://docketing.example/${'a'.repeat(5000)}`,
    'HTTPS://DOCKETING.EXAMPLE/', 'https://docketing.example/\u202Eexe.txt', 'https://docketing.example/\u0000'),
  text,
);
const events = fc.oneof(
  fc.subarray(['status-changed', 'time-limit-opened', 'case-published', 'gazette-issue-published']),
  fc.array(fc.oneof(fc.constantFrom('status-changed', 'STATUS-CHANGED', 'status-changed ', '*', ''), text), { maxLength: 5 }),
  value,
);

test('webhook subscriptions: URLs of every shape, any events, any body; production refuses every internal address', { timeout: 60_000 }, async () => {
  const body = fc.oneof(
    { weight: 3, arbitrary: fc.record({ url: urls, events, scope: fc.oneof(fc.constantFrom('own', 'public'), text), description: text }, { requiredKeys: ['url', 'events'] }) },
    { weight: 2, arbitrary: mangled({ url: 'https://docketing.example/new', events: ['status-changed'], scope: 'own', description: 'Docketing' }) },
    { weight: 1, arbitrary: value },
  );
  await fc.assert(fc.asyncProperty(body, async (b) => {
    const res = await refusedChangesNothing('webhooks', `webhook ${show(b)}`, () => agent.post('/api/v1/webhooks', b ?? {}));
    if (res.statusCode === 201) {
      const made = ok(await agent.get(`/api/v1/webhooks/${res.json().id}`));
      assert.equal(typeof made.url, 'string');
      assert.ok((await app.inject({ method: 'DELETE', url: `/api/v1/webhooks/${made.id}`, headers: { authorization: `Bearer ${agent.token}` } })).statusCode < 300);
    }
  }), RUNS(140));
  const patch = fc.oneof(mangled({ url: 'https://docketing.example/other', events: ['case-published'], description: null, active: false }), value);
  await fc.assert(fc.asyncProperty(patch, fc.oneof({ weight: 4, arbitrary: fc.constant(hookId) }, { weight: 1, arbitrary: text }), async (b, id) => {
    await refusedChangesNothing('webhooks', `webhook patch ${show(b)}`, () => app.inject({
      method: 'PATCH', url: `/api/v1/webhooks/${inPath(id) || 'x'}`, headers: { authorization: `Bearer ${agent.token}` }, payload: b === undefined ? {} : b as any,
    }));
  }), RUNS(80));
  // The production rule, on its own: a URL is refused with a code, or it is https to a public name.
  await fc.assert(fc.property(urls, (u) => {
    count('webhook URLs (production)');
    let accepted: string;
    try { accepted = checkWebhookUrl(u, true); } catch (e) {
      assert.ok(e instanceof DomainError, `${show(u)}: ${e}`);
      assert.match(e.code, /^WEBHOOK_URL_/);
      return;
    }
    const parsed = new URL(accepted);
    assert.equal(parsed.protocol, 'https:', show(u));
    assert.ok(!parsed.username && !parsed.password, show(u));
    assert.doesNotMatch(parsed.hostname, /^(localhost|127\.|10\.|192\.168\.|169\.254\.|\[|0x|\d+$)|\.(internal|local|localhost)$/i, `${show(u)} reaches the office's network`);
  }), RUNS(400));
});

// --- gazette and administration -----------------------------------------------------------------

const dates = fc.oneof(fc.constantFrom('2026-03-02', '2026-12-31', '2027-01-01', '2027-02-29', '2026-02-30', '2026-13-01', '0000-01-01', '9999-12-31', '2026-3-2', '20270101',
  '2027-01-01T00:00:00Z', '+2027-01-01', '', '2027-01-01\u0000', '٢٠٢٧-٠١-٠١'), text);

test('gazette and administration bodies: calendars, issues, holiday calendars, fee schedules, templates, users', { timeout: 90_000 }, async () => {
  const put = (c: Client, url: string, b: unknown) => app.inject({ method: 'PUT', url, headers: { authorization: `Bearer ${c.token}` }, payload: b as any });
  const patch = (c: Client, url: string, b: unknown) => app.inject({ method: 'PATCH', url, headers: { authorization: `Bearer ${c.token}` }, payload: b as any });
  const withDates = <T extends Record<string, unknown>>(base: T, keys: (keyof T)[]) => fc.oneof(
    { weight: 3, arbitrary: mangled(base) },
    { weight: 2, arbitrary: fc.tuple(...keys.map(() => dates)).map((ds) => ({ ...base, ...Object.fromEntries(keys.map((k, i) => [k, ds[i]])) })) },
    { weight: 1, arbitrary: value },
  );
  // The gazette's publication calendar (administrator) and a new issue (registrar).
  await fc.assert(fc.asyncProperty(withDates({ frequency: 'fortnightly', weekday: 4, startsOn: '2026-03-05', monthDay: 15 } as Record<string, unknown>, ['startsOn']), async (b) => {
    await refusedChangesNothing('gazette', `gazette calendar ${show(b)}`, () => put(admin, '/api/v1/gazette/calendar', b ?? {}));
  }), RUNS(60));
  await fc.assert(fc.asyncProperty(withDates({ date: '2026-03-05', extraordinary: true } as Record<string, unknown>, ['date']), async (b) => {
    const res = await refusedChangesNothing('gazette', `gazette issue ${show(b)}`, () => registrar.post('/api/v1/gazette/issues', b ?? {}));
    if (res.statusCode === 201) assert.ok((await app.inject({ method: 'DELETE', url: `/api/v1/gazette/issues/${res.json().id}`, headers: { authorization: `Bearer ${registrar.token}` } })).statusCode < 300);
  }), RUNS(40));
  // Holiday calendars and fee schedules (administrators).
  await fc.assert(fc.asyncProperty(withDates({ version: 'F-1', effectiveFrom: '2027-01-01', weekendDays: [6, 7], holidays: ['2027-01-01', '2027-12-25'], note: 'fuzz' } as Record<string, unknown>, ['effectiveFrom']), async (b) => {
    await refusedChangesNothing('admin', `calendar ${show(b)}`, () => admin.post('/api/v1/admin/calendars', b ?? {}));
  }), RUNS(60));
  await fc.assert(fc.asyncProperty(withDates({ right: 'trademark', effectiveFrom: '2027-01-01', amounts: { 'filing-fee': 300_00, 'class-fee': 50_00 }, currency: 'EUR', note: 'fuzz' } as Record<string, unknown>, ['effectiveFrom']), async (b) => {
    await refusedChangesNothing('admin', `fee schedule ${show(b)}`, () => admin.post('/api/v1/admin/fees', b ?? {}));
  }), RUNS(60));
  // Document templates: the shipped text mangled, under kinds and languages good and bad.
  const list = ok(await admin.get('/api/v1/admin/document-templates'));
  const { kind, language } = list.templates[0] as { kind: string; language: string };
  const shipped = ok(await admin.get(`/api/v1/admin/document-templates/${kind}/${language}`)).shipped as string;
  const where = fc.oneof({ weight: 4, arbitrary: fc.constant([kind, language]) }, { weight: 1, arbitrary: fc.tuple(fc.oneof(fc.constantFrom(kind, 'receipt', 'KIND', '../etc'), text), fc.oneof(fc.constantFrom(language, 'xx', 'EN', 'e'), text)) });
  const templateBody = fc.oneof(
    { weight: 3, arbitrary: mutatedText(shipped).map((b) => ({ body: b, note: 'fuzz' })) },
    { weight: 1, arbitrary: fc.record({ body: fc.oneof(text, fc.constant(null), fc.constantFrom('{{', '{{case.number', '{{#each}}', '{{/if}}', `${'{{#if case.number}}'.repeat(500)}`, 'x'.repeat(200_001))), note: text }, { requiredKeys: ['body'] }) },
    { weight: 1, arbitrary: value },
  );
  await fc.assert(fc.asyncProperty(where, templateBody, fc.boolean(), async ([k, l], b, preview) => {
    const url = `/api/v1/admin/document-templates/${inPath(k) || 'x'}/${inPath(l) || 'x'}`;
    await refusedChangesNothing('admin', `template ${k}/${l} ${show(b)}`, () => (preview ? admin.post(`${url}/preview`, b ?? {}) : put(admin, url, b ?? {})));
  }), RUNS(80));
  // User accounts: made, and changed (never the administrator's own, which the API refuses anyway).
  await fc.assert(fc.asyncProperty(mangled({ username: 'fuzz.user', displayName: 'Fuzz User', email: 'fuzz@example.test', role: 'examiner', password: 'long-enough-pass' }), async (b) => {
    await refusedChangesNothing('admin', `user ${show(b)}`, () => admin.post('/api/v1/admin/users', b ?? {}));
  }), RUNS(60));
  await fc.assert(fc.asyncProperty(fc.oneof(mangled({ displayName: 'Target', role: 'formalities', active: true, password: 'another-long-pass' }), value),
    fc.oneof({ weight: 4, arbitrary: fc.constant(targetUserId) }, { weight: 1, arbitrary: text }), async (b, id) => {
      await refusedChangesNothing('admin', `user patch ${show(b)}`, () => patch(admin, `/api/v1/admin/users/${inPath(id) || 'x'}`, b ?? {}));
    }), RUNS(60));
});

// --- query strings and headers ----------------------------------------------------------------------

/** Values a query parameter may be sent with. */
const odd = fc.oneof(
  fc.constantFrom('', '0', '-1', '1', '1.5', '1e3', '0x10', 'NaN', 'Infinity', '-0', '9'.repeat(30), 'true', 'null', '[]', '{}', '2026-03-02', '2026-02-30', '9999-99-99',
    '2026-03-02T00:00:00Z', 'MTIz', 'eyJzZWFsIjotMX0', '0:0', '999999999999:1', '-1:-1', 'a:b', '%', '%zz', '\u202E', "' OR 1=1 --", 'trademark', 'registered'),
  text,
);
const LISTS: [() => Client, string, string[]][] = [
  [() => pub, '/api/v1/cases', ['q', 'limit', 'offset', 'state', 'right', 'holder', 'classNumber', 'number', 'mine']],
  [() => examiner, '/api/v1/worklist', ['q', 'limit', 'offset', 'state', 'right', 'mine']],
  [() => pub, '/api/v1/changes', ['since', 'limit', 'right', 'event']],
  [() => pub, '/api/v1/gazette/issues', ['year', 'limit', 'offset']],
  [() => pub, '/api/v1/open-data', ['limit', 'offset']],
  [() => pub, '/api/v1/open-data/dumps', ['limit', 'offset']],
  [() => pub, '/api/v1/reference/nice/terms', ['q', 'classNumber', 'limit']],
  [() => agent, '/api/v1/portfolio', ['q', 'right', 'limit', 'offset']],
  [() => agent, '/api/v1/account/statement', ['from', 'to', 'limit', 'offset']],
  [() => admin, '/api/v1/admin/accounts', ['q', 'limit', 'offset']],
  [() => examiner, '/api/v1/documents/search', ['q', 'limit']],
  [() => admin, '/api/v1/stats/dashboard', ['weeks']],
  [() => admin, '/api/v1/admin/calendars', ['framework']],
  [() => admin, '/api/v1/admin/fees', ['framework']],
  [() => agent, '/api/v1/webhooks/HOOK/deliveries', ['status', 'limit', 'offset']],
  [() => agent, '/api/v1/cases/CASE/notifications', ['limit']],
  [() => agent, '/api/v1/cases/CASE', ['asOf']],
];

test('query strings of every list endpoint: odd limits, offsets, texts, dates and cursors', { timeout: 60_000 }, async () => {
  const raw = fc.constantFrom('limit', 'limit=', '=1', '&&&', 'limit=1&limit=2', 'limit[]=1', 'limit[a]=1', 'q=%', 'q=%E0%A4%A', 'offset=1&offset=x', '?', '#', 'a=b=c');
  const query = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...LISTS.keys()).chain((i) => fc.tuple(fc.constant(i), fc.array(fc.tuple(fc.constantFrom(...LISTS[i][2], 'x'), odd), { maxLength: 5 }).map((ps) =>
      ps.map(([k, v]) => `${encodeURIComponent(k)}=${inPath(v)}`).join('&')))) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...LISTS.keys()), raw) },
  );
  // A first reading may set up what a reader has (an applicant's current account is opened on first sight): once, before.
  for (const [who, path] of LISTS) await who().get(path.replace('HOOK', hookId).replace('CASE', caseId));
  const before = await digest();
  await fc.assert(fc.asyncProperty(query, async ([i, qs]) => {
    const [who, path] = LISTS[i];
    const url = `${path.replace('HOOK', hookId).replace('CASE', caseId)}?${qs}`;
    wellFormed(await who().get(url), `GET ${url.slice(0, 300)}`, 'query strings');
  }), RUNS(260));
  assert.deepEqual(await digest(), before, 'reading changed the register');
});

/** Header values as HTTP carries them: visible ASCII, spaces and tabs, and bytes of Latin-1. */
const headerValue = fc.oneof(
  fc.string({ unit: fc.oneof(fc.integer({ min: 0x20, max: 0x7e }), fc.constantFrom(0x09, 0xa0, 0xe9, 0xff)).map((c) => String.fromCharCode(c)), maxLength: 60 }),
  fc.constantFrom('', ' ', '\t', 'x'.repeat(200), 'x'.repeat(201), 'x'.repeat(8000), '*', 'W/"x"', '"x"', 'W/', '""', '"', ',,,', '*, "x"', 'W/"x", W/"y"'),
);

test('headers: any Idempotency-Key files once or is refused; any If-None-Match is a 200 or a 304 for the current version', { timeout: 60_000 }, async () => {
  await fc.assert(fc.asyncProperty(headerValue, fc.boolean(), async (key, same) => {
    const body = filing({ mark: { kind: 'Word', text: `IDEMPOTENT ${same ? 'SAME' : key.length}` } });
    const cases = await caseCount();
    const first = await refusedChangesNothing('headers', `idempotency-key ${show(key)}`, () => agent.post('/api/v1/cases', body, { 'idempotency-key': key }));
    if (first.statusCode >= 400) return;
    const again = await agent.post('/api/v1/cases', body, { 'idempotency-key': key });
    wellFormed(again, `idempotency-key again ${show(key)}`, 'headers');
    assert.ok(again.statusCode < 300, `the same request again: ${again.statusCode} ${again.body.slice(0, 200)}`);
    assert.equal(again.json().case.number, first.json().case.number, 'the same key gives the same case');
    assert.ok(await caseCount() <= cases + 1, 'filed at most once');
  }), RUNS(80));
  const targets = [`/api/v1/cases/${caseNumber}`, '/api/v1/cases?limit=2', '/api/v1/changes', '/api/v1/gazette/calendar', '/api/v1/reference/nice/classes'];
  const etags = new Map<string, string>();
  for (const t of targets) etags.set(t, String((await agent.get(t)).headers.etag ?? ''));
  await fc.assert(fc.asyncProperty(fc.constantFrom(...targets), headerValue, fc.constantFrom('alone', 'with-etag', 'weak'), async (t, v, how) => {
    const etag = etags.get(t)!;
    const inm = how === 'alone' || !etag ? v : how === 'with-etag' ? `${v}, ${etag}` : `W/${etag}`;
    const res = await agent.get(t, { 'if-none-match': inm });
    wellFormed(res, `if-none-match ${show(inm)} on ${t}`, 'headers');
    assert.ok([200, 304].includes(res.statusCode), `${t} ${show(inm)}: ${res.statusCode}`);
    if (res.statusCode === 304) assert.ok(inm.includes('*') || (etag && inm.includes(etag.replace(/^W\//, ''))), `304 without the current ETag: ${show(inm)}`);
  }), RUNS(150));
});
