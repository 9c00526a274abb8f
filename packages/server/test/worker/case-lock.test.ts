// The engine's lock on a case and the worker: an act on a case waits for another act on it, never for
// the worker's batch that is filing the documents and notices of an earlier act of the same case (that
// batch refers to the case and holds it until it commits, rendering and signing meanwhile).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runJobs } from '../../src/app/worker.ts';
import { fileApplication, performAct } from '../../src/modules/cases/index.ts';
import { testOffice, trademarkPayload, usingPostgres } from '../support/harness.ts';

const skip = !usingPostgres() && 'PGlite has one connection: transactions cannot overlap';

/** Settles with 'done' when p does within ms, else with 'waiting' (p keeps running). */
const within = (p: Promise<unknown>, ms: number) => Promise.race([p.then(() => 'done' as const), new Promise<'waiting'>((ok) => setTimeout(ok, ms, 'waiting'))]);

function gate() {
  let open!: () => void;
  const opened = new Promise<void>((ok) => { open = ok; });
  return { open, opened };
}

test('an act on a case does not wait for the worker batch filing the documents of its previous act (PostgreSQL)', { skip, timeout: 60_000 }, async () => {
  const office = await testOffice({ startDate: '2026-03-02' });
  try {
    const agent = await office.user('lockagent', 'agent', 'Lock Agent LLP');
    const officer = await office.user('lockofficer', 'formalities');
    const filed = await fileApplication(office.cases, agent, { right: 'trademark', payload: trademarkPayload({ mark: { kind: 'Word', text: 'LOCKSTEP' } }), payment: { amount: 250_00, currency: 'EUR' } });
    const caseId = filed.body.case.id as string;
    // The worker's batch: the real job (the filing receipt and the notices, rows that refer to the case),
    // then held open, as while the next job of the batch is rendered.
    const held = gate(); const inside = gate();
    const real = office.worker.handlers['act.recorded'];
    const batch = runJobs({ ...office.worker, handlers: { 'act.recorded': async (q, job) => { await real(q, job); inside.open(); await held.opened; } } });
    await inside.opened;
    const act = performAct(office.cases, officer, caseId, 'accept-formalities');
    const state = await within(act, 5000);
    held.open();
    await batch;
    await act;
    assert.equal(state, 'done', 'the act was recorded while the worker batch was still open');
    const { rows } = await office.db.query<{ state: string; n: number }>("SELECT c.state, (SELECT count(*)::int FROM documents d WHERE d.case_id = c.id AND d.kind = 'filing-receipt') AS n FROM cases c WHERE c.id = $1", [caseId]);
    assert.deepEqual(rows[0], { state: 'classification', n: 1 }, 'both committed: the act and the filing receipt');
  } finally { await office.shutdown(); }
});

test('two acts on one case still wait for each other: the second sees what the first did (PostgreSQL)', { skip, timeout: 60_000 }, async () => {
  const office = await testOffice({ startDate: '2026-03-02' });
  try {
    const agent = await office.user('lockagent2', 'agent', 'Lock Agent LLP');
    const officer = await office.user('lockofficer2', 'formalities');
    const examiner = await office.user('lockexaminer2', 'examiner');
    const filed = await fileApplication(office.cases, agent, { right: 'trademark', payload: trademarkPayload({ mark: { kind: 'Word', text: 'QUEUED' } }), payment: { amount: 250_00, currency: 'EUR' } });
    const caseId = filed.body.case.id as string;
    const held = gate(); const inside = gate();
    const first = office.db.tx(async (q) => {
      await office.engine.perform(q, { caseId, act: 'accept-formalities', payload: {}, actor: officer });
      inside.open();
      await held.opened;
    });
    await inside.opened;
    // Approving the classification needs the state the first act leads to: it can only succeed after it.
    const second = performAct(office.cases, examiner, caseId, 'approve-classification');
    const state = await within(second, 1500);
    held.open();
    await first;
    const res = await second;
    assert.equal(state, 'waiting', 'the second act waited for the first to commit');
    assert.equal(res.state, 'examination');
    const acts = (await office.db.query<{ type: string }>('SELECT type FROM acts WHERE case_id = $1 ORDER BY seq', [caseId])).rows.map((r) => r.type);
    assert.deepEqual(acts, ['file', 'accept-formalities', 'approve-classification']);
  } finally { await office.shutdown(); }
});
