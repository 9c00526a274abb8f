// The act hash the database computes can be reproduced outside it from the exported act alone, so
// an auditor can check the register without trusting the application or its database.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileApplication, performAct } from '../../src/modules/cases/index.ts';
import { actHash, genesisHash, jsonbText } from '../../src/procedure-engine/hash-chain.ts';
import { testOffice, trademarkPayload } from '../support/harness.ts';

test('jsonb text form: keys by length then bytes, ", " and ": " separators, JSON string escapes', () => {
  assert.equal(jsonbText({ b: 1, aa: [1, 'x'], a: { z: 'é\n', y: null }, n: 0.1 }), '{"a": {"y": null, "z": "é\\n"}, "b": 1, "n": 0.1, "aa": [1, "x"]}');
  assert.equal(jsonbText({ 'é': 1, z: 2 }), '{"z": 2, "é": 1}', 'é is two bytes in UTF-8, so it sorts after z');
});

test('every act hash in the journal equals the one recomputed outside the database, and each chain starts at the case genesis', async () => {
  const office = await testOffice({ startDate: '2026-02-02' });
  try {
    const agent = await office.user('hashagent', 'agent', 'Ägent & Söhne — 代理');
    const fo = await office.user('hashfo', 'formalities');
    const r = await fileApplication(office.cases, agent, {
      right: 'trademark',
      payload: trademarkPayload({ mark: { kind: 'Word', text: 'ÉCLAIR « 東京 » "quoted" \\ back\tslash' }, goodsServices: [{ classNumber: 30, terms: ['coffee', 'tea'] }, { classNumber: 43, terms: ['café services'] }] }),
      payment: { amount: 300_00, currency: 'EUR', reference: 'line\nbreak' },
    });
    await performAct(office.cases, fo, r.body.case.number, 'notify-formal-deficiency', { deficiencies: [{ code: 'POA', description: 'Power of attorney missing — «ü»' }] });
    const acts = (await office.db.query('SELECT * FROM acts ORDER BY id')).rows;
    assert.ok(acts.length >= 2);
    for (const a of acts) assert.equal(actHash(a), a.hash, `act ${a.seq} of ${a.case_id}`);
    assert.equal(acts[0].prev_hash, genesisHash(acts[0].case_id));
    assert.equal(acts[1].prev_hash, acts[0].hash);
  } finally { await office.shutdown(); }
});
