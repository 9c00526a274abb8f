// The outbox: jobs queued with an act are run after commit; one failing job neither blocks nor undoes
// the others, and is retried later with backoff.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runJobs } from '../../src/app/worker.ts';
import { fileApplication } from '../../src/modules/cases/index.ts';
import { testOffice, trademarkPayload } from '../support/harness.ts';

test('a failing job is retried later with backoff while the jobs beside it complete', async () => {
  const office = await testOffice({ startDate: '2026-03-02' });
  try {
    const agent = await office.user('jobagent', 'agent', 'Job Agent');
    for (const text of ['ALPHA', 'POISON', 'GAMMA']) {
      await fileApplication(office.cases, agent, { right: 'trademark', payload: trademarkPayload({ mark: { kind: 'Word', text } }) });
    }
    const real = office.worker.handlers['act.recorded'];
    const seen: string[] = [];
    const deps = {
      ...office.worker,
      handlers: {
        'act.recorded': async (q: any, job: any) => {
          const { rows } = await q.query('SELECT title FROM cases WHERE id = $1', [job.caseId]);
          seen.push(rows[0].title);
          if (rows[0].title === 'POISON') throw new Error('renderer crashed');
          await real(q, job);
        },
      },
    };
    assert.equal(await runJobs(deps), 3);
    const jobs = (await office.db.query<{ title: string; status: string; attempts: number; last_error: string | null; later: boolean }>(
      `SELECT c.title, o.status, o.attempts, o.last_error, o.run_after > now() AS later FROM outbox o JOIN cases c ON c.id = o.case_id ORDER BY o.id`)).rows;
    assert.deepEqual(jobs.map((j) => [j.title, j.status, j.attempts]), [['ALPHA', 'done', 1], ['POISON', 'pending', 1], ['GAMMA', 'done', 1]]);
    assert.equal(jobs[1].last_error, 'renderer crashed');
    assert.equal(jobs[1].later, true, 'the failed job waits before its next attempt');
    const docs = (await office.db.query<{ title: string }>("SELECT c.title FROM documents d JOIN cases c ON c.id = d.case_id WHERE d.kind = 'filing-receipt' ORDER BY c.title")).rows;
    assert.deepEqual(docs.map((d) => d.title), ['ALPHA', 'GAMMA'], 'the good jobs were not undone by the failing one');
    const notes = Number((await office.db.query<{ n: string }>('SELECT count(*) AS n FROM notifications')).rows[0].n);
    assert.equal(notes, 2);
    assert.equal(await runJobs(deps), 0, 'nothing is due until the backoff has passed');
  } finally { await office.shutdown(); }
});
