// Model-law registration, renewal (ML r. 11) and surrender (ML r. 13). Every mark here is filed
// Sat 31 Jan 2026 in 3 classes, published Mon 2 Feb (the 3-month opposition period ends Sat 2 May,
// extended to Mon 4 May) and registered Tue 5 May 2026: it expires on Thu 31 Jan 2036.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classes, eur, filedAndPublished, inOffice, registeredAfterOpposition, type Scene } from './steps.ts';

const START = { framework: 'model-law', startDate: '2026-01-31' } as const;

async function registeredIn3Classes(s: Scene): Promise<string> {
  const n = await filedAndPublished(s, '2026-02-02', eur(350), { goodsServices: classes(30, 35, 43) });
  assert.equal((await s.limit(n, 'opposition')).due_on, '2026-05-04');
  await registeredAfterOpposition(s, n, '2026-05-05');
  assert.equal((await s.row(n)).data.expiryDate, '2036-01-31');
  return n;
}

test('renewal on 30 Jul 2035 is too early (the window opens 31 Jul 2035: RENEWAL_WINDOW_NOT_OPEN); on 1 Aug 2035 it needs its fees paid first (FEE_NOT_PAID); with 400 EUR (renewal 300 + 2 further classes x 50, no surcharge) the registration is renewed until 31 Jan 2046', async () => {
  await inOffice(START, async (s) => {
    const n = await registeredIn3Classes(s);
    const first = await s.limit(n, 'renewal');
    assert.deepEqual([first.window_opens_on, first.due_on, first.grace_ends_on], ['2035-07-31', '2036-01-31', '2036-07-31']);

    await s.on('2035-07-30');
    await s.refused(n, 'RENEWAL_WINDOW_NOT_OPEN', () => s.act(s.agent, n, 'renew', {}, eur(400)));
    await s.on('2035-08-01');
    await s.refused(n, 'FEE_NOT_PAID', () => s.act(s.agent, n, 'renew'));
    await s.refused(n, 'FEE_NOT_PAID', () => s.act(s.agent, n, 'renew', {}, eur(399.99)));

    const renewed = await s.act(s.agent, n, 'renew', {}, eur(400));
    assert.equal(renewed.state, 'registered');
    assert.deepEqual(renewed.fees, [
      { code: 'renewal', amount: 300_00, currency: 'EUR' },
      { code: 'renewal-class', amount: 100_00, currency: 'EUR' },
    ]);
    const c = await s.row(n);
    assert.equal(c.data.expiryDate, '2046-01-31');
    assert.deepEqual(c.data.renewals, [{ on: '2035-08-01', previousExpiry: '2036-01-31' }]);
    assert.equal(c.fees_outstanding, 0);
    assert.equal(c.credit, 0);
    assert.equal((await s.acts(n)).at(-1)!.legal_basis, 'ML r. 11');
    const [old, next] = await s.limits(n, 'renewal');
    assert.deepEqual([old.due_on, old.status, old.closed_on], ['2036-01-31', 'met', '2035-08-01']);
    assert.deepEqual([next.starts_from, next.window_opens_on, next.due_on, next.grace_ends_on], ['2036-01-31', '2045-07-31', '2046-01-31', '2046-07-31']);
    const open = (await s.read(n)).timeLimits.filter((t) => t.kind === 'renewal');
    assert.equal(open.length, 1, 'the fulfilled renewal time limit is closed');
    assert.equal(open[0].dueOn, '2046-01-31');

    await s.on('2036-08-01');
    assert.deepEqual((await s.sweep()).acted, [], 'a renewed registration does not lapse');
    assert.equal(await s.state(n), 'registered');
    await s.journalOk();
  });
});

test('not renewed by its expiry on 31 Jan 2036: in the 6-month grace period (16 Mar 2036) renewal costs the 150 EUR surcharge on top, 550 EUR in all (400 EUR is refused: FEE_NOT_PAID), and still runs from the old expiry date, to 31 Jan 2046', async () => {
  await inOffice(START, async (s) => {
    const n = await registeredIn3Classes(s);
    await s.on('2036-02-01');
    assert.deepEqual((await s.sweep()).acted, [], 'nothing lapses during the grace period');
    await s.on('2036-03-16');
    await s.refused(n, 'FEE_NOT_PAID', () => s.act(s.agent, n, 'renew', {}, eur(400)));
    const renewed = await s.act(s.agent, n, 'renew', {}, eur(550));
    assert.deepEqual(renewed.fees.map((f) => [f.code, f.amount]), [['renewal', 300_00], ['renewal-class', 100_00], ['renewal-surcharge', 150_00]]);
    assert.equal((await s.row(n)).data.expiryDate, '2046-01-31');
    assert.equal((await s.limit(n, 'renewal')).due_on, '2046-01-31');
    assert.deepEqual((await s.fees(n)).filter((f) => f.code.startsWith('renewal')).map((f) => f.paid), [300_00, 100_00, 150_00]);
    await s.journalOk();
  });
});

test('not renewed by the end of the grace period on Thu 31 Jul 2036: on 1 Aug renewal is out of time (TIME_LIMIT_EXPIRED) and the sweep lapses the registration (ML r. 11(4))', async () => {
  await inOffice(START, async (s) => {
    const n = await registeredIn3Classes(s);
    await s.on('2036-07-31');
    assert.deepEqual((await s.sweep()).acted, []);
    await s.on('2036-08-01');
    await s.refused(n, 'TIME_LIMIT_EXPIRED', () => s.act(s.agent, n, 'renew', {}, eur(550)));
    assert.deepEqual((await s.sweep()).acted, [{ number: n, act: 'lapse' }]);
    assert.equal(await s.state(n), 'lapsed');
    const last = (await s.acts(n)).at(-1)!;
    assert.deepEqual([last.actor_role, last.legal_basis, last.office_date], ['system', 'ML r. 11(4)', '2036-08-01']);
    assert.equal((await s.limit(n, 'renewal')).status, 'expired');
    assert.equal((await s.read(n)).public, true, 'a lapsed registration stays in the public register');
    await s.refused(n, 'ACT_NOT_ALLOWED_IN_STATE', () => s.act(s.agent, n, 'renew', {}, eur(550)));
    await s.journalOk();
  });
});

test('the holder surrenders the registration on 1 Sep 2026 (a competitor may not: ACT_NOT_PERMITTED) -> surrendered, its renewal time limit closed; renewing it later is refused and in 2036 the sweep finds nothing to do', async () => {
  await inOffice(START, async (s) => {
    const n = await registeredIn3Classes(s);
    await s.on('2026-09-01');
    await s.refused(n, 'ACT_NOT_PERMITTED', () => s.act(s.rival, n, 'surrender', { remarks: 'not mine to give' }));
    const r = await s.act(s.agent, n, 'surrender', { remarks: 'no longer used' });
    assert.equal(r.state, 'surrendered');
    assert.equal((await s.acts(n)).at(-1)!.legal_basis, 'ML r. 13');
    assert.equal((await s.limit(n, 'renewal')).status, 'closed');
    assert.deepEqual((await s.read(n)).timeLimits, []);

    await s.on('2035-08-01');
    await s.refused(n, 'ACT_NOT_ALLOWED_IN_STATE', () => s.act(s.agent, n, 'renew', {}, eur(400)));
    await s.on('2036-08-01');
    assert.deepEqual((await s.sweep()).acted, []);
    assert.equal(await s.state(n), 'surrendered');
    await s.journalOk();
  });
});
