// Steps shared by the scenario tests: a cast of people in one office, and the few verbs a legal reviewer
// needs to read a procedure end to end ("on 2 Feb the formalities officer notifies a deficiency").
// Everything goes through the use cases (fileApplication / performAct / readCase) and the worker pass
// (office.work(), which runs the expiry sweep); SQL is used only to look at what was recorded.
import assert from 'node:assert/strict';
import { fileApplication, performAct, readCase } from '../../src/modules/cases/index.ts';
import type { Viewer } from '../../src/modules/cases/index.ts';
import { verifyJournal } from '../../src/procedure-engine/journal.ts';
import type { PaymentInput } from '../../src/procedure-engine/engine.ts';
import { testOffice, trademarkPayload, type TestOffice } from '../support/harness.ts';

export type User = Awaited<ReturnType<TestOffice['user']>>;

// ---------------------------------------------------------------------------------------------------------
// Payloads

export const eur = (amount: number): PaymentInput => ({ amount: Math.round(amount * 100), currency: 'EUR' });

/** Goods and services in the given Nice classes, one entry per class. */
export const classes = (...numbers: number[]) => numbers.map((classNumber) => ({ classNumber, terms: [`goods of class ${classNumber}`] }));

export const DEFICIENCY = { deficiencies: [{ code: 'applicant-address-missing', description: 'The address of the applicant is missing' }] };
export const GROUNDS = { grounds: [{ code: 'descriptive', explanation: 'The mark describes the goods' }] };
export const DECISION = { grounds: [{ code: 'reasoned-decision' }] };
export const OPPOSITION = {
  grounds: ['likelihood-of-confusion'],
  earlierRights: [{ markText: 'AURORA', number: 'XX-1999-000123', office: 'XX', classes: [30] }],
  statement: 'The earlier mark AURORA is identical and registered for coffee.',
};

// ---------------------------------------------------------------------------------------------------------
// The scene

export interface FiledCase { number: string; state: string; filingDate: string | null; fees: { code: string; amount: number }[] }

export interface Scene {
  office: TestOffice;
  framework: string;
  /** The applicant's representative; files the applications. */
  agent: User;
  /** Another applicant: a third party to the agent's cases (an opponent). */
  rival: User;
  formalities: User;
  examiner: User;
  registrar: User;
  /** Moves the office date forward. */
  on(date: string): Promise<void>;
  /** One worker pass (expiry sweep, jobs, seals); returns what the sweep did. */
  sweep(): Promise<{ expired: number; acted: { number: string; act: string }[] }>;
  /** Files a trademark application (by the agent, under the scene's framework unless told otherwise). */
  file(payload?: Record<string, any>, payment?: PaymentInput, opts?: { by?: User; framework?: string }): Promise<FiledCase>;
  /** Files a case of any right (payload as the API takes it), by the agent unless told otherwise; `act` picks another initial act. */
  fileRight(right: string, payload: Record<string, any>, payment?: PaymentInput, opts?: { by?: User; framework?: string; act?: string }): Promise<FiledCase>;
  act(by: User, number: string, act: string, payload?: Record<string, any>, payment?: PaymentInput): ReturnType<typeof performAct>;
  /** The case as an office user sees it (readCase). */
  read(number: string): ReturnType<typeof readCase>;
  row(number: string): Promise<CaseRowView>;
  state(number: string): Promise<string>;
  /** The most recent time limit of this kind, as stored. */
  limit(number: string, kind: string): Promise<TimeLimitStored>;
  /** Every time limit of this kind, in the order they were opened. */
  limits(number: string, kind: string): Promise<TimeLimitStored[]>;
  acts(number: string): Promise<ActStored[]>;
  fees(number: string): Promise<{ code: string; quantity: number; amount: number; paid: number; currency: string }[]>;
  /** Everything a refused act must leave untouched, for a before/after comparison. */
  snapshot(number: string): Promise<unknown>;
  /** The act is refused with `code`, and the case (and the register) is exactly as before. */
  refused(number: string, code: string, attempt: () => Promise<unknown>): Promise<void>;
  /** The filing is refused with `code` and nothing at all is recorded (no case, no act, no number used). */
  nothingFiled(code: string, attempt: () => Promise<unknown>): Promise<void>;
  /** Runs the worker and checks the whole journal verifies. */
  journalOk(): Promise<void>;
  close(): Promise<void>;
}

export interface CaseRowView {
  id: string; number: string; state: string; framework: string; procedure_version: string; filing_date: string | null;
  data: Record<string, any>; fees_outstanding: number; credit: number; act_count: number; parent_id: string | null;
}
export interface TimeLimitStored {
  kind: string; status: string; starts_from: string; window_opens_on: string | null; due_on: string; grace_ends_on: string | null;
  expires_after: string; on_expiry: string; computation: Record<string, any>; closed_on: string | null;
}
export interface ActStored {
  seq: number; type: string; office_date: string; actor_role: string; actor_id: string | null; legal_basis: string;
  state_before: string | null; state_after: string; payload: any; effects: any;
}

let counter = 0;

/** `{ goodsServices: undefined }` means: leave the field out of the filing. */
const withoutUndefined = (o: Record<string, any>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));

export async function scene(opts: { framework: 'model-law' | 'ruritania'; startDate: string; officeFramework?: string }): Promise<Scene> {
  const office = await testOffice({ startDate: opts.startDate, framework: opts.officeFramework ?? opts.framework });
  const framework = opts.framework;
  try {
    const tag = `${process.pid.toString(36)}${(counter++).toString(36)}`;
    const agent = await office.user(`agent-${tag}`, 'agent', 'Lex & Partners LLP');
    const rival = await office.user(`rival-${tag}`, 'applicant', 'Aurora Roasters Inc');
    const formalities = await office.user(`formal-${tag}`, 'formalities');
    const examiner = await office.user(`exam-${tag}`, 'examiner');
    const registrar = await office.user(`reg-${tag}`, 'registrar');
    const viewer: Viewer = { userId: formalities.id, role: 'formalities', partyId: null };
    const caseId = async (number: string) => (await row(number)).id;
    async function row(number: string): Promise<CaseRowView> {
      const { rows } = await office.db.query<CaseRowView>('SELECT * FROM cases WHERE number = $1', [number]);
      assert.ok(rows[0], `case ${number} exists`);
      return rows[0];
    }
    const s: Scene = {
      office, framework, agent, rival, formalities, examiner, registrar,
      async on(date) { assert.equal(await office.setDate(date), date); },
      async sweep() {
        const w = await office.work();
        return { expired: w.sweep.expired, acted: w.sweep.acted.map((a) => ({ number: a.number, act: a.act })) };
      },
      async file(payload = {}, payment, opts = {}) {
        const res = await fileApplication(office.cases, opts.by ?? agent, { right: 'trademark', framework: opts.framework ?? framework, payload: withoutUndefined(trademarkPayload(payload)), payment });
        assert.equal(res.status, 201);
        return { number: res.body.case.number, state: res.body.case.state, filingDate: res.body.case.filingDate, fees: res.body.act.fees };
      },
      async fileRight(right, payload, payment, opts = {}) {
        const res = await fileApplication(office.cases, opts.by ?? agent, { right, act: opts.act, framework: opts.framework ?? framework, payload, payment });
        assert.equal(res.status, 201);
        return { number: res.body.case.number, state: res.body.case.state, filingDate: res.body.case.filingDate, fees: res.body.act.fees };
      },
      act: (by, number, act, payload = {}, payment) => performAct(office.cases, by, number, act, payload, payment),
      read: (number) => readCase(office.cases, viewer, number),
      row,
      async state(number) { return (await row(number)).state; },
      async limits(number, kind) {
        return (await office.db.query<TimeLimitStored>(
          'SELECT t.* FROM time_limits t JOIN acts a ON a.id = t.opened_by_act WHERE t.case_id = $1 AND t.kind = $2 ORDER BY a.seq',
          [await caseId(number), kind])).rows;
      },
      async limit(number, kind) {
        const all = await s.limits(number, kind);
        assert.ok(all.length > 0, `case ${number} has a time limit '${kind}'`);
        return all[all.length - 1];
      },
      async acts(number) {
        return (await office.db.query<ActStored>('SELECT * FROM acts WHERE case_id = $1 ORDER BY seq', [await caseId(number)])).rows;
      },
      async fees(number) {
        return (await office.db.query('SELECT f.code, f.quantity, f.amount, f.paid, f.currency FROM fees f JOIN acts a ON a.id = f.act_id WHERE f.case_id = $1 ORDER BY a.seq, f.code', [await caseId(number)])).rows as any;
      },
      async snapshot(number) {
        const c = await row(number);
        const q = async (sql: string) => (await office.db.query(sql, [c.id])).rows;
        return {
          case: { state: c.state, act_count: c.act_count, data: c.data, fees_outstanding: c.fees_outstanding, credit: c.credit, filing_date: c.filing_date, head: (c as any).head_hash },
          fees: await q('SELECT code, amount, paid FROM fees WHERE case_id = $1 ORDER BY id'),
          payments: await q('SELECT amount, currency FROM payments WHERE case_id = $1 ORDER BY id'),
          timeLimits: await q('SELECT kind, status, due_on FROM time_limits WHERE case_id = $1 ORDER BY id'),
          children: await q('SELECT number FROM cases WHERE parent_id = $1 ORDER BY number'),
          registerSize: (await office.db.query('SELECT count(*)::int AS n FROM cases')).rows[0].n,
          journalSize: (await office.db.query('SELECT count(*)::int AS n FROM acts')).rows[0].n,
        };
      },
      async refused(number, code, attempt) {
        const before = await s.snapshot(number);
        await assert.rejects(attempt, (e: any) => {
          assert.equal(e?.name, 'DomainError', `expected a DomainError ${code}, got ${e?.stack ?? e}`);
          assert.equal(e.code, code, e.message);
          return true;
        });
        assert.deepEqual(await s.snapshot(number), before, `a refused act (${code}) leaves case ${number} unchanged`);
      },
      async nothingFiled(code, attempt) {
        const register = async () => ({
          cases: (await office.db.query('SELECT count(*)::int AS n FROM cases')).rows[0].n,
          acts: (await office.db.query('SELECT count(*)::int AS n FROM acts')).rows[0].n,
          parties: (await office.db.query('SELECT count(*)::int AS n FROM parties')).rows[0].n,
          counters: (await office.db.query('SELECT name, value FROM counters ORDER BY name')).rows,
        });
        const before = await register();
        await assert.rejects(attempt, (e: any) => {
          assert.equal(e?.code, code, e?.stack ?? String(e));
          return true;
        });
        assert.deepEqual(await register(), before, `a refused filing (${code}) records nothing`);
      },
      async journalOk() {
        await office.work();
        const r = await verifyJournal(office.db);
        assert.equal(r.ok, true, JSON.stringify(r.problems));
        assert.equal(r.unsealedActs, 0);
      },
      close: () => office.shutdown(),
    };
    return s;
  } catch (e) {
    await office.shutdown();
    throw e;
  }
}

/** Runs a scenario in a fresh office of its own, always shutting it down. */
export async function inOffice(opts: Parameters<typeof scene>[0], body: (s: Scene) => Promise<void>): Promise<void> {
  const s = await scene(opts);
  try { await body(s); } finally { await s.close(); }
}

// ---------------------------------------------------------------------------------------------------------
// Longer walks through the procedure, for scenarios about what comes after

/** From 'formalities' (fees paid) to 'accepted', on the current office date. */
export async function examineAndAccept(s: Scene, number: string): Promise<void> {
  assert.equal((await s.act(s.formalities, number, 'accept-formalities')).state, 'classification');
  assert.equal((await s.act(s.examiner, number, 'approve-classification')).state, 'examination');
  assert.equal((await s.act(s.examiner, number, 'accept')).state, 'accepted');
}

/** Files (fees paid in full) and takes the application to publication on `publishOn`. */
export async function filedAndPublished(s: Scene, publishOn: string, payment: PaymentInput, payload: Record<string, any> = {}): Promise<string> {
  const { number } = await s.file(payload, payment);
  await examineAndAccept(s, number);
  await s.on(publishOn);
  assert.equal((await s.act(s.registrar, number, 'publish')).state, 'published');
  return number;
}

/** Opposition period over (sweep on `sweepOn`) and the mark registered on that day. */
export async function registeredAfterOpposition(s: Scene, number: string, sweepOn: string): Promise<void> {
  await s.on(sweepOn);
  const swept = await s.sweep();
  assert.ok(swept.acted.some((a) => a.number === number && a.act === 'close-opposition-period'), JSON.stringify(swept));
  assert.equal(await s.state(number), 'awaiting-registration');
  assert.equal((await s.act(s.registrar, number, 'register')).state, 'registered');
}
