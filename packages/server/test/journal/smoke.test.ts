import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileApplication, performAct } from '../../src/modules/cases/index.ts';
import { testOffice, trademarkPayload } from '../support/harness.ts';

test('a filed application is in the register with its filing date and a verified journal', async () => {
  const office = await testOffice({ startDate: '2026-01-31' });
  try {
    const agent = await office.user('agent1', 'agent', 'Agent One LLP');
    const res = await fileApplication(office.cases, agent, { right: 'trademark', payload: trademarkPayload(), payment: { amount: 250_00, currency: 'EUR' } });
    assert.equal(res.status, 201);
    assert.equal(res.body.case.filingDate, '2026-01-31');
    const fo = await office.user('formal1', 'formalities');
    const r = await performAct(office.cases, fo, res.body.case.number, 'accept-formalities');
    assert.equal(r.state, 'classification');
    const w = await office.work();
    assert.equal(w.sealed, 2);
  } finally { await office.shutdown(); }
});
