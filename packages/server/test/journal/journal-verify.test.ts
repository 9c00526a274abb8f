// The register as evidence: any edit, deletion or reordering made behind the application's back is
// found by `journal verify`, which names the case and the act.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { fileApplication, performAct } from '../../src/modules/cases/index.ts';
import { verifyJournal } from '../../src/procedure-engine/journal.ts';
import { testOffice, trademarkPayload, type TestOffice } from '../support/harness.ts';

describe('journal verify', () => {
  let office: TestOffice;
  let numbers: string[] = [];

  before(async () => { office = await testOffice({ startDate: '2026-03-02' }); });
  after(async () => { await office.shutdown(); });

  async function register(n: number): Promise<string[]> {
    const agent = await office.user(`agent${Math.random().toString(36).slice(2, 8)}`, 'agent', 'Agent LLP');
    const fo = await office.user(`fo${Math.random().toString(36).slice(2, 8)}`, 'formalities');
    const out: string[] = [];
    for (let i = 0; i < n; i++) {
      const r = await fileApplication(office.cases, agent, { right: 'trademark', payload: trademarkPayload({ mark: { kind: 'Word', text: `MARK ${i}` } }), payment: { amount: 250_00, currency: 'EUR' } });
      await performAct(office.cases, fo, r.body.case.number, 'accept-formalities');
      out.push(r.body.case.number);
    }
    await office.work();
    return out;
  }

  const caseId = async (number: string) => (await office.db.query<{ id: string }>('SELECT id FROM cases WHERE number = $1', [number])).rows[0].id;

  test('an untouched register verifies, with every act sealed into the office chain', async () => {
    numbers = await register(3);
    const r = await verifyJournal(office.db);
    assert.equal(r.ok, true, JSON.stringify(r.problems));
    assert.ok(r.acts >= 6);
    assert.equal(r.unsealedActs, 0);
    assert.ok(r.seals >= 1);
  });

  test('editing the payload of an act is caught and names the case and the act', async () => {
    const id = await caseId(numbers[0]);
    const before = (await office.db.query<{ payload: any }>('SELECT payload FROM acts WHERE case_id = $1 AND seq = 1', [id])).rows[0].payload;
    await office.db.query(`UPDATE acts SET payload = jsonb_set(payload, '{mark,text}', '"FORGED"') WHERE case_id = $1 AND seq = 1`, [id]);
    const r = await verifyJournal(office.db);
    assert.equal(r.ok, false);
    const p = r.problems.find((x) => x.kind === 'act-altered');
    assert.ok(p, JSON.stringify(r.problems));
    assert.equal(p.caseNumber, numbers[0]);
    assert.equal(p.seq, 1);
    await office.db.query('UPDATE acts SET payload = $2 WHERE case_id = $1 AND seq = 1', [id, JSON.stringify(before)]);
    assert.equal((await verifyJournal(office.db)).ok, true, 'restoring the original content makes it verify again');
  });

  test('back-dating an act (changing its office date) is caught', async () => {
    const id = await caseId(numbers[1]);
    await office.db.query("UPDATE acts SET office_date = '2026-01-01' WHERE case_id = $1 AND seq = 1", [id]);
    const r = await verifyJournal(office.db);
    assert.ok(r.problems.some((p) => p.kind === 'act-altered' && p.caseNumber === numbers[1]), JSON.stringify(r.problems));
    await office.db.query("UPDATE acts SET office_date = '2026-03-02' WHERE case_id = $1 AND seq = 1", [id]);
    assert.equal((await verifyJournal(office.db)).ok, true);
  });

  test('removing the last act of a case and rewinding the case to match is still caught by the office chain', async () => {
    const [n] = await register(1);
    const id = await caseId(n);
    const last = (await office.db.query<{ id: number; prev_hash: string }>('SELECT id, prev_hash FROM acts WHERE case_id = $1 ORDER BY seq DESC LIMIT 1', [id])).rows[0];
    await office.db.query('DELETE FROM outbox WHERE act_id = $1', [last.id]);
    await office.db.query('DELETE FROM documents WHERE act_id = $1', [last.id]);
    await office.db.query('DELETE FROM notifications WHERE act_id = $1', [last.id]);
    await office.db.query('DELETE FROM acts WHERE id = $1', [last.id]);
    await office.db.query("UPDATE cases SET act_count = act_count - 1, head_hash = $2, state = 'formalities' WHERE id = $1", [id, last.prev_hash]);
    const r = await verifyJournal(office.db);
    assert.equal(r.ok, false);
    assert.ok(r.problems.some((p) => p.kind === 'seal-acts-missing'), JSON.stringify(r.problems));
  });

  test('deleting a whole case with its journal is caught', async () => {
    const fresh = await testOffice({ startDate: '2026-03-02' });
    try {
      const agent = await fresh.user('agentx', 'agent', 'Agent X');
      const made: string[] = [];
      for (let i = 0; i < 3; i++) made.push((await fileApplication(fresh.cases, agent, { right: 'trademark', payload: trademarkPayload() })).body.case.number);
      await fresh.work();
      assert.equal((await verifyJournal(fresh.db)).ok, true);
      const id = (await fresh.db.query<{ id: string }>('SELECT id FROM cases WHERE number = $1', [made[1]])).rows[0].id;
      for (const t of ['outbox', 'documents', 'notifications', 'fees', 'payments', 'time_limits', 'case_parties', 'mark_search', 'image_features']) await fresh.db.query(`DELETE FROM ${t} WHERE case_id = $1`, [id]);
      await fresh.db.query('DELETE FROM acts WHERE case_id = $1', [id]);
      await fresh.db.query('DELETE FROM cases WHERE id = $1', [id]);
      const r = await verifyJournal(fresh.db);
      assert.equal(r.ok, false);
      assert.ok(r.problems.some((p) => p.kind === 'seal-acts-missing'), JSON.stringify(r.problems));
    } finally { await fresh.shutdown(); }
  });

  test('swapping the content of two acts between cases (reordering) is caught for both', async () => {
    const [a, b] = await register(2);
    const ia = await caseId(a); const ib = await caseId(b);
    const ra = (await office.db.query('SELECT payload FROM acts WHERE case_id = $1 AND seq = 1', [ia])).rows[0];
    const rb = (await office.db.query('SELECT payload FROM acts WHERE case_id = $1 AND seq = 1', [ib])).rows[0];
    await office.db.query('UPDATE acts SET payload = $2 WHERE case_id = $1 AND seq = 1', [ia, JSON.stringify(rb.payload)]);
    await office.db.query('UPDATE acts SET payload = $2 WHERE case_id = $1 AND seq = 1', [ib, JSON.stringify(ra.payload)]);
    const r = await verifyJournal(office.db);
    const named = new Set(r.problems.filter((p) => p.kind === 'act-altered').map((p) => p.caseNumber));
    // Identical demo payloads would hash the same: the test marks differ, so both must be named.
    assert.ok(named.has(a) && named.has(b), JSON.stringify(r.problems));
  });

  test('changing the current state of a case without an act is caught (projection out of step with the journal)', async () => {
    const fresh = await testOffice({ startDate: '2026-03-02' });
    try {
      const agent = await fresh.user('agenty', 'agent', 'Agent Y');
      const n = (await fileApplication(fresh.cases, agent, { right: 'trademark', payload: trademarkPayload() })).body.case.number;
      await fresh.work();
      await fresh.db.query("UPDATE cases SET head_hash = repeat('0', 64) WHERE number = $1", [n]);
      const r = await verifyJournal(fresh.db);
      assert.ok(r.problems.some((p) => p.kind === 'head-mismatch' && p.caseNumber === n), JSON.stringify(r.problems));
    } finally { await fresh.shutdown(); }
  });
});
