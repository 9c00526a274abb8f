import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findProcedure } from '../../index.ts';

test('every Ruritanian trademark act cites the Ruritania Trade Marks Act, not the model law it extends', () => {
  for (const version of ['2026.1', '2027.1']) {
    const p = findProcedure('ruritania', 'trademark', version)!;
    const stray = Object.entries(p.acts).filter(([, a]) => !a.legalBasis.startsWith('RTMA')).map(([t]) => t);
    assert.deepEqual(stray, [], `${version}: acts citing another law`);
  }
});

test('every Ruritanian patent act cites the Ruritania Patents Act (recordals included)', () => {
  const p = findProcedure('ruritania', 'patent', '2026.1');
  assert.ok(p, 'Ruritania runs patents');
  const stray = Object.entries(p.acts).filter(([, a]) => !a.legalBasis.startsWith('RPA')).map(([t]) => t);
  assert.deepEqual(stray, [], 'acts citing another law');
});
