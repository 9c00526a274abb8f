// Parties are told of every act on their cases by e-mail, through a real SMTP server started here: once per
// act and address, with a Message-ID made from both, however often the worker runs; a server that refuses
// or cannot be reached is tried again on the office clock, every attempt recorded in the case, until the
// mail is sent or given up, and the act stands whatever happens. Reminders go out before a time limit's due
// date, once for each of REMINDER_DAYS, to the parties of the case only.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { addDays, findProcedure, type LegalDate } from '@registrum/procedures';
import { loadConfig } from '../../src/app/config.ts';
import type { Actor } from '../../src/kernel/actor.ts';
import { fileApplication, performAct } from '../../src/modules/cases/index.ts';
import { importRegister } from '../../src/modules/imports/index.ts';
import { MAIL_BACKOFF_SECONDS, MAIL_MAX_ATTEMPTS } from '../../src/modules/notifications/index.ts';
import { FileMailer } from '../../src/platform/mail/mail.ts';
import { testOffice, trademarkPayload, type TestOffice } from '../support/harness.ts';
import { hasPoppler, poppler } from '../support/poppler.ts';
import { client, expectProblem, login, ok, type Client } from '../http/helpers.ts';
import { depsOf, IMPORTER } from '../imports/support.ts';
import { mailUser, SmtpReceiver } from './support.ts';

type User = Actor & { kind: 'user' };
const DOCKET = 'docket@meridian.example';
const APPLICANT = 'legal@aurora.example';
const RIVAL = 'rival@rival.example';

const smtp = new SmtpReceiver({ user: 'registrum', pass: 's3cret word' });
let office: TestOffice;
let app: FastifyInstance;
let agent: User, rival: User, formalities: User, examiner: User, registrar: User;
let agentC: Client, rivalC: Client, formalitiesC: Client;
let first = '';

const tm = findProcedure('model-law', 'trademark', '2026.1')!;
const title = (act: string) => tm.acts[act].title;

async function file(text: string): Promise<string> {
  const payload = trademarkPayload({ mark: { kind: 'Word', text }, applicant: { kind: 'legal', name: 'Aurora Coffee Ltd', country: 'XX', address: '1 Main Street', email: APPLICANT } });
  return (await fileApplication(office.cases, agent, { right: 'trademark', payload, payment: { amount: 250_00, currency: 'EUR' } })).body.case.number;
}
const ofCase = (n: string) => smtp.received.filter((r) => r.headers['x-registrum-case'] === n);
const actId = async (n: string, type: string) => Number((await office.db.query<{ id: number }>(
  'SELECT a.id FROM acts a JOIN cases c ON c.id = a.case_id WHERE c.number = $1 AND a.type = $2 ORDER BY a.seq DESC LIMIT 1', [n, type])).rows[0].id);
const notifications = async (c: Client, n: string) => ok(await c.get(`/api/v1/cases/${encodeURIComponent(n)}/notifications`));
const stateOf = async (n: string) => (await office.db.query<{ state: string }>('SELECT state FROM cases WHERE number = $1', [n])).rows[0].state;

before(async () => {
  await smtp.start(0);
  office = await testOffice({ startDate: '2026-03-02', config: { smtpUrl: smtp.url(), mailFrom: 'Model Registry <registry@office.example>', reminderDays: [30, 7] } });
  app = await office.http();
  agent = await mailUser(office, 'agent', 'agent', 'Meridian IP LLP', DOCKET);
  rival = await mailUser(office, 'rival', 'agent', 'Rival & Co', RIVAL);
  formalities = await office.user('formalities', 'formalities');
  examiner = await office.user('examiner', 'examiner');
  registrar = await office.user('registrar', 'registrar');
  [agentC, rivalC, formalitiesC] = await Promise.all(['agent', 'rival', 'formalities'].map((u) => login(app, u)));
});
after(async () => {
  await office?.shutdown();
  await smtp.stop();
});

test('an act is mailed once to each party of the case with an address, with a Message-ID made from the act and the address', async () => {
  first = await file('NORTHWIND');
  await office.work();
  const id = await actId(first, 'file');
  const got = ofCase(first);
  assert.deepEqual(got.map((r) => r.to).sort(), [[DOCKET], [APPLICANT]], 'the agent at its account address, the applicant (no account) at its own');
  const ids = new Set<string>();
  for (const r of got) {
    assert.equal(r.from, 'registry@office.example');
    assert.equal(r.user, 'registrum', 'signed in with the credentials of SMTP_URL');
    assert.match(r.headers.from, /Model Registry <registry@office\.example>/);
    assert.equal(r.headers.subject, `${first}: ${title('file')}`);
    assert.match(r.headers['message-id'], new RegExp(`^<act-${id}\\.[0-9a-f]{20}@office\\.example>$`));
    assert.equal(r.headers['auto-submitted'], 'auto-generated');
    assert.match(r.body, new RegExp(`recorded an act on case ${first} \\(NORTHWIND\\)`));
    ids.add(r.headers['message-id']);
  }
  assert.equal(ids.size, 2, 'one message per address');
  assert.match(smtp.to(DOCKET).find((r) => r.headers['x-registrum-case'] === first)!.body, /^Dear Meridian IP LLP,/);
  assert.match(smtp.to(APPLICANT).find((r) => r.headers['x-registrum-case'] === first)!.body, /^Dear Aurora Coffee Ltd,/);
  assert.deepEqual(smtp.to(RIVAL), [], 'another agent hears nothing of the case');

  // Another pass sends nothing more; a job that runs again queues nothing twice.
  const count = smtp.received.length;
  await office.work();
  await office.db.query("UPDATE outbox SET status = 'pending', run_after = now() WHERE topic = 'act.recorded'");
  await office.work();
  assert.equal(smtp.received.length, count);
  assert.equal(Number((await office.db.query('SELECT count(*) AS n FROM mail_outbox WHERE act_id = $1', [id])).rows[0].n), 2);
});

test("a case's notifications are listed for its parties and the office, and for nobody else", async () => {
  const list = await notifications(agentC, first);
  assert.equal(list.case.number, first);
  const mails = list.mails.filter((m: any) => m.act === 'file');
  assert.deepEqual(mails.map((m: any) => m.recipient).sort(), [DOCKET, APPLICANT]);
  for (const m of mails) {
    assert.deepEqual([m.status, m.attempts, m.lastError, m.subject], ['sent', 1, null, `${first}: ${title('file')}`]);
    assert.ok(m.sentAt);
    assert.equal(m.attemptLog.length, 1);
    assert.equal(m.attemptLog[0].ok, true);
    assert.match(m.attemptLog[0].response, /^250/);
    assert.equal(smtp.received.filter((r) => r.headers['message-id'] === m.messageId).length, 1);
  }
  assert.ok(list.notices.some((n: any) => n.user.username === 'agent' && n.act === 'file'), JSON.stringify(list.notices));
  assert.deepEqual(list.reminders, []);
  assert.deepEqual((await notifications(formalitiesC, first)).mails.map((m: any) => m.id).sort(), list.mails.map((m: any) => m.id).sort());
  expectProblem(await rivalC.get(`/api/v1/cases/${first}/notifications`), 404, 'CASE_NOT_FOUND');
  expectProblem(await client(app, null).get(`/api/v1/cases/${first}/notifications`), 401, 'UNAUTHENTICATED');
  expectProblem(await agentC.get('/api/v1/cases/XX-NO-SUCH-CASE/notifications'), 404, 'CASE_NOT_FOUND');
});

test('a recipient the server refuses is recorded and tried again later on the office clock; the act stands', async () => {
  smtp.refusing.add(DOCKET);
  await performAct(office.cases, formalities, first, 'accept-formalities');
  await office.work();
  assert.equal(await stateOf(first), 'classification', 'the act is recorded whatever the mail does');
  const id = await actId(first, 'accept-formalities');
  assert.equal(ofCase(first).filter((r) => r.headers['message-id'].startsWith(`<act-${id}.`)).map((r) => r.to[0]).join(), APPLICANT);

  const refused = (await notifications(agentC, first)).mails.find((m: any) => m.act === 'accept-formalities' && m.recipient === DOCKET);
  assert.deepEqual([refused.status, refused.attempts, refused.sentAt], ['pending', 1, null]);
  assert.match(refused.lastError, /^refused: 550 /);
  assert.match(refused.lastResponse, /mailbox unavailable/);
  assert.equal(refused.attemptLog[0].ok, false);
  assert.equal(Date.parse(refused.nextAttemptAt) - Date.parse(refused.attemptLog[0].at), MAIL_BACKOFF_SECONDS[0] * 1000);

  await office.work();
  assert.equal((await notifications(agentC, first)).mails.find((m: any) => m.id === refused.id).attempts, 1, 'not due yet: no attempt');

  smtp.refusing.delete(DOCKET);
  await office.setDate('2026-03-03');
  await office.work();
  const sent = (await notifications(agentC, first)).mails.find((m: any) => m.id === refused.id);
  assert.deepEqual([sent.status, sent.attempts, sent.attemptLog.map((a: any) => a.ok)], ['sent', 2, [false, true]]);
  assert.match(sent.lastError, /550/, 'the failure stays on record');
  assert.deepEqual(smtp.received.filter((r) => r.headers['message-id'] === refused.messageId).map((r) => r.to), [[DOCKET]], 'delivered once, same Message-ID');
});

test('a server that cannot be reached is recorded as such, and the mail goes out once it is back', async () => {
  const port = smtp.port;
  await smtp.stop();
  await performAct(office.cases, examiner, first, 'approve-classification');
  await office.work();
  assert.equal(await stateOf(first), 'examination');
  const waiting = (await notifications(agentC, first)).mails.filter((m: any) => m.act === 'approve-classification');
  assert.equal(waiting.length, 2);
  for (const m of waiting) {
    assert.deepEqual([m.status, m.attempts, m.lastResponse], ['pending', 1, null]);
    assert.match(m.lastError, /ECONNREFUSED|ESOCKET|ECONNECTION/);
  }
  await smtp.start(port);
  await office.setDate('2026-03-04');
  await office.work();
  const id = await actId(first, 'approve-classification');
  assert.deepEqual(ofCase(first).filter((r) => r.headers['message-id'].startsWith(`<act-${id}.`)).map((r) => r.to[0]).sort(), [DOCKET, APPLICANT]);
  assert.ok((await notifications(agentC, first)).mails.filter((m: any) => m.act === 'approve-classification').every((m: any) => m.status === 'sent' && m.attempts === 2));
});

test(`a mail refused ${MAIL_MAX_ATTEMPTS} times is marked failed and not tried again`, async () => {
  smtp.refusing.add(APPLICANT);
  try {
    await performAct(office.cases, examiner, first, 'accept');
    let day = 5;
    for (let attempt = 1; attempt <= MAIL_MAX_ATTEMPTS; attempt++) {
      if (attempt > 1) await office.setDate(`2026-03-${String(day++).padStart(2, '0')}`);
      await office.work();
      const m = (await notifications(agentC, first)).mails.find((x: any) => x.act === 'accept' && x.recipient === APPLICANT);
      assert.equal(m.attempts, attempt);
      assert.equal(m.status, attempt < MAIL_MAX_ATTEMPTS ? 'pending' : 'failed');
    }
    await office.setDate(`2026-03-${String(day++).padStart(2, '0')}`);
    await office.work();
    const m = (await notifications(agentC, first)).mails.find((x: any) => x.act === 'accept' && x.recipient === APPLICANT);
    assert.deepEqual([m.status, m.attempts, m.nextAttemptAt, m.attemptLog.length], ['failed', MAIL_MAX_ATTEMPTS, null, MAIL_MAX_ATTEMPTS]);
    assert.ok(m.attemptLog.every((a: any) => !a.ok && /550/.test(a.error)));
    assert.equal(await stateOf(first), 'accepted');
    assert.equal(ofCase(first).filter((r) => r.headers['message-id'] === m.messageId).length, 0);
  } finally { smtp.refusing.delete(APPLICANT); }
});

test('reminders before a due date: once at 30 and once at 7 days, none for a time limit met or not the party\'s to meet, one for a time limit found late', async () => {
  await office.setDate('2026-03-16');
  const deficiency = { deficiencies: [{ code: 'POA', description: 'The power of attorney is missing.' }] };
  const a = await file('REMIND ME');
  await performAct(office.cases, formalities, a, 'notify-formal-deficiency', deficiency);
  const b = await file('MET IN TIME');
  await performAct(office.cases, formalities, b, 'notify-formal-deficiency', deficiency);
  await performAct(office.cases, agent, b, 'remedy-deficiency', { remarks: 'Filed today.' });
  // A published mark: its opposition period is for third parties, not the applicant's to meet.
  const c = await file('OPEN TO OPPOSITION');
  await performAct(office.cases, formalities, c, 'accept-formalities');
  await performAct(office.cases, examiner, c, 'approve-classification');
  await performAct(office.cases, examiner, c, 'accept');
  await performAct(office.cases, registrar, c, 'publish');
  await office.work();

  const limit = async (n: string, kind: string) => (await office.db.query<{ due_on: LegalDate; status: string }>(
    'SELECT t.due_on, t.status FROM time_limits t JOIN cases c ON c.id = t.case_id WHERE c.number = $1 AND t.kind = $2', [n, kind])).rows[0];
  const dueA = (await limit(a, 'remedy-deficiency')).due_on;
  assert.equal((await limit(b, 'remedy-deficiency')).status, 'met');
  const reminders = async () => (await office.db.query<{ number: string; days: number }>(
    'SELECT c.number, r.days FROM deadline_reminders r JOIN cases c ON c.id = r.case_id ORDER BY r.created_at, c.number')).rows.map((r) => `${r.number}:${r.days}`);
  const reminderMails = (n: string) => ofCase(n).filter((r) => r.headers['message-id'].startsWith('<reminder-'));

  await office.setDate(addDays(dueA, -31));
  await office.work();
  assert.deepEqual(await reminders(), [], '31 days before: nothing yet');
  // Notified now, so it is first looked at when only days are left.
  const d = await file('NOTICED LATE');
  await performAct(office.cases, formalities, d, 'notify-formal-deficiency', deficiency);
  const dueD = (await limit(d, 'remedy-deficiency')).due_on;

  await office.setDate(addDays(dueA, -30));
  await office.work();
  assert.deepEqual(await reminders(), [`${a}:30`]);
  const at30 = reminderMails(a);
  assert.deepEqual(at30.map((r) => r.to[0]).sort(), [DOCKET, APPLICANT]);
  for (const r of at30) {
    assert.equal(r.headers.subject, `${a}: reminder, time limit remedy deficiency due on ${dueA}`);
    assert.match(r.headers['message-id'], /^<reminder-[0-9a-f-]{36}-30\.[0-9a-f]{20}@office\.example>$/);
    assert.ok(r.body.includes(`The time limit "remedy deficiency" on case ${a} (REMIND ME) is due in 30 days.`), r.body);
    assert.ok(r.body.includes(`It is due on ${dueA}. If it is not met by then, the office records: "${title('deem-withdrawn')}".`), r.body);
  }
  const inbox = ok(await agentC.get('/api/v1/inbox')).items.filter((n: any) => n.reminder_id);
  assert.deepEqual(inbox.map((n: any) => [n.case_number, n.reminder_kind, n.reminder_due_on, n.act_id]), [[a, 'remedy-deficiency', dueA, null]]);
  for (const part of [a, 'remedy deficiency', dueA, title('deem-withdrawn')]) assert.ok(inbox[0].body.includes(part), `${part} in ${inbox[0].body}`);

  await office.work();
  await office.setDate(addDays(dueA, -20));
  await office.work();
  assert.deepEqual(await reminders(), [`${a}:30`], 'once for 30 days, however often the worker looks');
  assert.equal(reminderMails(a).length, 2);

  await office.setDate(addDays(dueA, -7));
  await office.work();
  await office.work();
  assert.deepEqual(await reminders(), [`${a}:30`, `${a}:7`]);
  assert.deepEqual(reminderMails(a).filter((r) => r.headers['message-id'].includes('-7.')).map((r) => r.to[0]).sort(), [DOCKET, APPLICANT]);
  assert.ok(reminderMails(a).filter((r) => r.headers['message-id'].includes('-7.')).every((r) => r.body.includes('is due in 7 days')));

  // Three days before D's due date, with the opposition period of C running out too.
  await office.setDate(addDays(dueD, -3));
  const opposition = await limit(c, 'opposition');
  assert.equal(opposition.status, 'open');
  assert.ok(opposition.due_on <= addDays(dueD, 27), `the opposition period (${opposition.due_on}) is within 30 days`);
  await office.work();
  await office.work();
  assert.deepEqual(await reminders(), [`${a}:30`, `${a}:7`, `${d}:7`], 'D once, for 7 days only; B (met) and C (opposition) none');
  assert.deepEqual(reminderMails(d).map((r) => r.to[0]).sort(), [DOCKET, APPLICANT]);
  assert.ok(reminderMails(d)[0].body.includes('is due in 3 days'));
  assert.deepEqual([reminderMails(b).length, reminderMails(c).length], [0, 0]);
  assert.deepEqual(smtp.to(RIVAL), []);

  // Recorded in each case.
  const listA = await notifications(agentC, a);
  assert.deepEqual(listA.reminders.map((r: any) => [r.kind, r.dueOn, r.days]), [['remedy-deficiency', dueA, 7], ['remedy-deficiency', dueA, 30]]);
  assert.equal(listA.mails.filter((m: any) => m.reminderId && m.status === 'sent').length, 4);
  assert.ok(listA.notices.filter((n: any) => n.reminderId).every((n: any) => n.user.username === 'agent'));
  assert.deepEqual((await notifications(agentC, b)).reminders, []);
  assert.deepEqual((await notifications(formalitiesC, d)).reminders.map((r: any) => r.days), [7]);
});

test('a register taken over is not announced by mail, but its time limits are reminded like any other', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'registrum-takeover-'));
  try {
    const today = office.clock.today();
    const expiry = addDays(today, 17);
    writeFileSync(join(dir, 'register.jsonl'), `${JSON.stringify({
      number: '1000001', text: 'HARBOUR', kind: 'Word', classes: [{ classNumber: 30, terms: ['coffee'] }], status: 'registered',
      filingDate: '2016-01-04', registrationDate: '2016-07-01', expiryDate: expiry,
      holder: { name: 'Harbour Roasters Ltd', country: 'GB', address: '1 Quay', email: 'owner@harbour.example' },
    })}\n`);
    const r = await importRegister(depsOf(office), IMPORTER, join(dir, 'register.jsonl'), { keep: 'all' });
    assert.equal(r.counts.created, 1);
    await office.work();
    const n = (await office.db.query<{ number: string }>("SELECT number FROM cases WHERE data->'takenOver'->>'number' = '1000001' OR number = '1000001'")).rows[0].number;
    const got = ofCase(n);
    assert.deepEqual(got.map((m) => [m.to[0], m.headers.subject]), [['owner@harbour.example', `${n}: reminder, time limit renewal due on ${expiry}`]],
      'no mail about the take-over itself; one reminder, for the smallest number of days that fits (17 left: 30)');
    const renewal = (await office.db.query<{ on_expiry: string }>("SELECT t.on_expiry FROM time_limits t JOIN cases c ON c.id = t.case_id WHERE c.number = $1 AND t.kind = 'renewal'", [n])).rows[0];
    assert.ok(got[0].body.includes(`If it is not met by then, the office records: "${title(renewal.on_expiry)}".`), got[0].body);
    // The first reminder of a renewal also issues the renewal reminder, a signed document of the case.
    const docs = (await office.db.query<{ sha256: string; verification_code: string; signed: boolean }>(
      "SELECT d.sha256, d.verification_code, d.signed FROM documents d JOIN cases c ON c.id = d.case_id WHERE c.number = $1 AND d.kind = 'renewal-reminder'", [n])).rows;
    assert.equal(docs.length, 1);
    assert.ok(docs[0].signed && docs[0].verification_code);
    await office.work();
    assert.equal((await office.db.query("SELECT 1 FROM documents WHERE kind = 'renewal-reminder'")).rows.length, 1, 'issued once');
    if (hasPoppler) {
      const text = poppler('pdftotext', (await office.storage.get(docs[0].sha256))!).replace(/\s+/g, ' ');
      assert.ok(text.includes(`expires on ${expiry}. Renew it before that date`), text);
    }
  } finally { rmSync(dir, { recursive: true, force: true }); }
});

test('configuration: SMTP_URL, MAIL_FROM and REMINDER_DAYS are checked, a bad value stops the start naming it', () => {
  const base = { REGISTRUM_MODE: 'demo', DATA_DIR: 'memory://' };
  const c = loadConfig(base);
  assert.deepEqual([c.smtpUrl, c.mailFrom, c.reminderDays], [null, 'registry@xx.example', [30, 7]]);
  const set = loadConfig({ ...base, SMTP_URL: 'smtps://u:p@mail.example.org:465', MAIL_FROM: 'Office <office@example.org>', REMINDER_DAYS: '7, 60,30' });
  assert.deepEqual([set.smtpUrl, set.mailFrom, set.reminderDays], ['smtps://u:p@mail.example.org:465', 'Office <office@example.org>', [60, 30, 7]]);
  assert.deepEqual(loadConfig({ ...base, REMINDER_DAYS: '0' }).reminderDays, []);
  assert.deepEqual(loadConfig({ ...base, REMINDER_DAYS: '' }).reminderDays, []);
  assert.throws(() => loadConfig({ ...base, SMTP_URL: 'http://user:hunter2@mail.example.org' }), (e: Error) => /SMTP_URL must be/.test(e.message) && !e.message.includes('hunter2'));
  assert.throws(() => loadConfig({ ...base, MAIL_FROM: 'not an address' }), /MAIL_FROM must be/);
  for (const bad of ['30,x', '-7', '30,0', '1.5']) assert.throws(() => loadConfig({ ...base, REMINDER_DAYS: bad }), /REMINDER_DAYS must be/, bad);
});

test('without an SMTP server, the demo office writes each mail as a .eml file to look at', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'registrum-mail-'));
  try {
    const mailer = new FileMailer(dir);
    const message = { to: 'someone@example.org', from: 'registry@xx.example', subject: 'XX-1: Application filed', text: 'Dear someone,\n\nHello.', messageId: '<act-1.abc@xx.example>', headers: { 'X-Registrum-Case': 'XX-1' } };
    assert.equal((await mailer.send(message)).accepted, true);
    await mailer.send(message);
    assert.deepEqual(readdirSync(dir), ['act-1.abc@xx.example.eml'], 'a resend replaces the file');
    const eml = readFileSync(join(dir, 'act-1.abc@xx.example.eml'), 'utf8');
    for (const h of ['Message-ID: <act-1.abc@xx.example>', 'Subject: XX-1: Application filed', 'To: someone@example.org', 'X-Registrum-Case: XX-1']) assert.ok(eml.includes(h), h);
  } finally { rmSync(dir, { recursive: true, force: true }); }

  // The demo office in memory: the mail is made and recorded as sent, kept in memory.
  const demo = await testOffice({ startDate: '2026-03-02' });
  try {
    const who = await mailUser(demo, 'demoagent', 'agent', 'Demo Agent', 'demo@agent.example');
    const r = await fileApplication(demo.cases, who, { right: 'trademark', payload: trademarkPayload() });
    await demo.work();
    const list = ok(await (await login(await demo.http(), 'demoagent')).get(`/api/v1/cases/${r.body.case.number}/notifications`));
    assert.deepEqual(list.mails.map((m: any) => [m.recipient, m.status, m.lastResponse]), [['demo@agent.example', 'sent', 'kept in memory']]);
  } finally { await demo.shutdown(); }
});

