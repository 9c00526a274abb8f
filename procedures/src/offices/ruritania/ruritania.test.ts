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
