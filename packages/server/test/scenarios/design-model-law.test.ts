// Model-law industrial designs (ML r. 50-59) end to end: a multiple application whose views are
// uploaded first, deferment of publication and publication by the sweep at its end, registration,
// renewal of some designs in the grace period with the surcharge, the end of protection after
// 25 years, lapse when not renewed, and surrender during the deferment.
// Fees in EUR: application 230 + 115 per further design, publication 120 + 60 per further design;
// renewal 90 + 45 per further design renewed, surcharge 50 in the grace period.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eur, inOffice, type Scene } from './steps.ts';

const START = { framework: 'model-law', startDate: '2026-03-02' } as const;

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0]);
const png = (what: string) => Buffer.concat([PNG, Buffer.from(what)]);
const jpeg = (what: string) => Buffer.concat([JPEG, Buffer.from(what)]);

/** Stores the images as the uploads route does and returns their references. */
async function upload(s: Scene, ...files: Buffer[]): Promise<string[]> {
  const out: string[] = [];
  for (const f of files) out.push((await s.office.cases.storage.put(f)).sha256);
  return out;
}

/** Three chairs of Locarno class 06-01; design 1 has two views (front PNG, side JPEG). */
async function chairs(s: Scene, over: Record<string, any> = {}) {
  const [front, side, armchair, stool] = await upload(s, png('chair front'), jpeg('chair side'), png('armchair'), png('stool'));
  return {
    applicants: [{ kind: 'legal', name: 'Nordform Oy', country: 'FI', address: 'Esplanadi 1, Helsinki' }],
    designers: [{ kind: 'natural', name: 'Aino Virtanen', country: 'FI' }],
    designs: [
      { products: ['Chair'], locarno: { class: '06', subclass: '01' }, views: [{ sha256: front, title: 'front' }, { sha256: side, title: 'side' }] },
      { products: ['Armchair'], locarno: { class: '06', subclass: '01' }, views: [{ sha256: armchair, title: 'perspective' }] },
      { products: ['Stool'], locarno: { class: '06', subclass: '01' }, views: [{ sha256: stool, title: 'perspective' }], description: 'Three legs of bent birch' },
    ],
    ...over,
  };
}

/** Filed on Mon 2 Mar 2026 with its 700 EUR, formalities passed and accepted, registered on Wed 1 Jul 2026. */
async function registeredChairs(s: Scene, over: Record<string, any> = {}): Promise<string> {
  const filed = await s.fileRight('design', await chairs(s, over), eur(700));
  assert.equal(filed.state, 'formalities');
  assert.equal((await s.act(s.formalities, filed.number, 'accept-formalities')).state, 'examination');
  assert.equal((await s.act(s.examiner, filed.number, 'accept')).state, 'accepted');
  await s.on('2026-07-01');
  await s.act(s.registrar, filed.number, 'register');
  return filed.number;
}

test('a multiple application for 3 chairs filed Mon 2 Mar 2026 with its views uploaded first: filing date that day, 700 EUR, the 4 views filed on the case as PNG and JPEG, the applicant, designer and agent as parties, titled "Chair + 2 more"; a view not uploaded, a PDF as a view or an unknown Locarno class files nothing', async () => {
  await inOffice(START, async (s) => {
    const payload = await chairs(s);
    const filed = await s.fileRight('design', payload, eur(700));
    assert.deepEqual([filed.state, filed.filingDate], ['formalities', '2026-03-02']);
    assert.deepEqual(filed.fees.map((f) => [f.code, f.amount]), [['application', 230_00], ['additional-design', 230_00], ['publication', 120_00], ['publication-additional', 120_00]]);
    const c = await s.read(filed.number);
    assert.equal(c.title, 'Chair + 2 more');
    assert.equal(c.public, false, 'an application for a design is not published before registration');
    assert.deepEqual(c.documents.filter((x: any) => x.kind === 'design-view').map((x: any) => [x.title, x.media_type]).sort(), [
      ['Design 1, view 1: front', 'image/png'], ['Design 1, view 2: side', 'image/jpeg'],
      ['Design 2, view 1: perspective', 'image/png'], ['Design 3, view 1: perspective', 'image/png'],
    ]);
    assert.deepEqual(c.parties.map((p: any) => [p.role, p.name]).sort(), [['applicant', 'Nordform Oy'], ['designer', 'Aino Virtanen'], ['representative', 'Lex & Partners LLP']]);
    const row = await s.row(filed.number);
    assert.deepEqual(row.data.designs.map((x: any) => [x.number, x.products[0]]), [[1, 'Chair'], [2, 'Armchair'], [3, 'Stool']]);
    assert.equal(row.data.designs[0].views[1].mediaType, 'image/jpeg', 'the register records the type found in the bytes');

    const [pdf] = await upload(s, Buffer.from('%PDF-1.7\nnot an image'));
    const one = (views: { sha256: string; title: string }[], cls = '06') => ({ ...payload, designs: [{ products: ['Chair'], locarno: { class: cls, subclass: '01' }, views }] });
    await s.nothingFiled('UNKNOWN_UPLOAD', () => s.fileRight('design', one([{ sha256: 'e'.repeat(64), title: 'front' }])));
    await s.nothingFiled('CONTENT_TYPE_MISMATCH', () => s.fileRight('design', one([{ sha256: pdf, title: 'front' }])));
    await s.nothingFiled('UNKNOWN_LOCARNO_CLASS', () => s.fileRight('design', one(payload.designs[0].views, '33')));
    await s.journalOk();
  });
});

test('publication deferred at filing (priority Wed 15 Oct 2025, so to Sat 15 Apr 2028): registered on Wed 1 Jul 2026 but not public; the sweep on Sun 16 Apr 2028 publishes it; renewed for designs 1 and 3 only in the grace period on Mon 2 Jun 2031 (185 EUR with the surcharge, 180 is refused); then renewed to 25 years, when the sweep of Fri 3 Mar 2051 ends the protection', async () => {
  await inOffice(START, async (s) => {
    const n = await registeredChairs(s, { deferPublication: true, priorityClaims: [{ office: 'FI', number: 'FI-D-2025-0042', date: '2025-10-15' }] });
    assert.equal(await s.state(n), 'registered-deferred');
    const deferment = await s.limit(n, 'deferment');
    assert.deepEqual([deferment.starts_from, deferment.due_on, deferment.on_expiry], ['2025-10-15', '2028-04-15', 'end-deferment']);
    let c = await s.read(n);
    assert.deepEqual([c.public, c.data.publicationDate, c.data.registrationDate, c.data.expiryDate], [false, null, '2026-07-01', '2031-03-02']);
    const renewal = await s.limit(n, 'renewal');
    assert.deepEqual([renewal.window_opens_on, renewal.due_on, renewal.grace_ends_on], ['2030-09-02', '2031-03-02', '2031-09-02']);

    await s.on('2028-04-15');
    assert.deepEqual((await s.sweep()).acted, [], 'the last day of the deferment');
    await s.on('2028-04-16');
    assert.deepEqual((await s.sweep()).acted, [{ number: n, act: 'end-deferment' }]);
    c = await s.read(n);
    assert.deepEqual([c.state, c.public, c.data.publicationDate], ['registered', true, '2028-04-16']);
    const published = (await s.acts(n)).at(-1)!;
    assert.deepEqual([published.actor_role, published.legal_basis], ['system', 'ML r. 57(3)']);

    await s.on('2031-06-02');
    await s.refused(n, 'FEE_NOT_PAID', () => s.act(s.agent, n, 'renew', { designs: [1, 3] }, eur(180)));
    const renewed = await s.act(s.agent, n, 'renew', { designs: [1, 3] }, eur(185));
    assert.deepEqual(renewed.fees.map((f) => [f.code, f.amount]), [['renewal', 90_00], ['renewal-additional', 45_00], ['renewal-surcharge', 50_00]]);
    let row = await s.row(n);
    assert.deepEqual([row.data.expiryDate, row.data.designsInForce, row.data.lapsedDesigns], ['2036-03-02', [1, 3], [{ design: 2, lastDay: '2031-03-02' }]]);
    assert.equal(row.fees_outstanding, 0);

    for (const [on, expiry] of [['2036-01-07', '2041-03-02'], ['2041-01-07', '2046-03-02'], ['2046-01-08', '2051-03-02']]) {
      await s.on(on);
      const r = await s.act(s.agent, n, 'renew', {}, eur(135));
      assert.deepEqual(r.fees.map((f) => [f.code, f.amount]), [['renewal', 90_00], ['renewal-additional', 45_00]], on);
      assert.equal((await s.row(n)).data.expiryDate, expiry);
    }
    const end = await s.limit(n, 'maximum-term');
    assert.deepEqual([end.starts_from, end.due_on, end.grace_ends_on, end.on_expiry], ['2046-03-02', '2051-03-02', null, 'expire']);
    assert.deepEqual((await s.read(n)).timeLimits.map((t) => t.kind), ['maximum-term'], 'no renewal beyond 25 years');

    await s.on('2051-03-02');
    assert.deepEqual((await s.sweep()).acted, []);
    await s.on('2051-03-03');
    assert.deepEqual((await s.sweep()).acted, [{ number: n, act: 'expire' }]);
    row = await s.row(n);
    assert.deepEqual([row.state, row.data.designsInForce], ['expired', []]);
    assert.equal((await s.read(n)).public, true, 'an expired registration stays in the public register');
    await s.journalOk();
  });
});

test('an objection to design 2 on Wed 15 Apr 2026 left unanswered: on Tue 16 Jun the sweep refuses design 2 alone; designs 1 and 3 are registered and published on Wed 1 Jul 2026; not renewed by the end of the grace period (Tue 2 Sep 2031), renewal is out of time and the sweep lets it lapse', async () => {
  await inOffice(START, async (s) => {
    const { number: n } = await s.fileRight('design', await chairs(s), eur(700));
    await s.act(s.formalities, n, 'accept-formalities');
    await s.on('2026-04-15');
    await s.act(s.examiner, n, 'raise-objection', { grounds: [{ code: 'not-a-design', explanation: 'the armchair is shown only as a photograph of a room' }], designs: [2] });
    assert.equal((await s.limit(n, 'objection-response')).due_on, '2026-06-15');
    await s.on('2026-06-16');
    assert.deepEqual((await s.sweep()).acted, [{ number: n, act: 'refuse-for-no-response' }]);
    assert.deepEqual([await s.state(n), (await s.row(n)).data.refusedDesigns], ['examination', [2]]);
    await s.act(s.examiner, n, 'accept');
    await s.on('2026-07-01');
    assert.equal((await s.act(s.registrar, n, 'register')).state, 'registered');
    const c = await s.read(n);
    const data: Record<string, any> = c.data;
    assert.deepEqual([c.public, data.publicationDate, data.designsInForce], [true, '2026-07-01', [1, 3]]);

    await s.on('2031-09-02');
    assert.deepEqual((await s.sweep()).acted, []);
    await s.on('2031-09-03');
    await s.refused(n, 'TIME_LIMIT_EXPIRED', () => s.act(s.agent, n, 'renew', {}, eur(185)));
    assert.deepEqual((await s.sweep()).acted, [{ number: n, act: 'lapse' }]);
    const row = await s.row(n);
    assert.deepEqual([row.state, row.data.lapsedDesigns], ['lapsed', [{ design: 1, lastDay: '2031-03-02' }, { design: 3, lastDay: '2031-03-02' }]]);
    await s.journalOk();
  });
});

test('a registration surrendered while its publication is deferred is never published: surrendered on Mon 4 Jan 2027, not public, and the end of the deferment (Sat 2 Sep 2028) does nothing', async () => {
  await inOffice(START, async (s) => {
    const n = await registeredChairs(s, { deferPublication: true });
    assert.equal((await s.limit(n, 'deferment')).due_on, '2028-09-02');
    await s.on('2027-01-04');
    await s.refused(n, 'ACT_NOT_PERMITTED', () => s.act(s.rival, n, 'surrender', { remarks: 'not mine' }));
    assert.equal((await s.act(s.agent, n, 'surrender', { remarks: 'the line was discontinued' })).state, 'surrendered');
    assert.equal((await s.read(n)).public, false);
    await s.on('2028-09-03');
    assert.deepEqual((await s.sweep()).acted, []);
    assert.equal((await s.read(n)).public, false);
    await s.journalOk();
  });
});
