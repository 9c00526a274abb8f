// Model-law geographical indications (ML r. 60-64) end to end: an application by a group of producers
// with its specification uploaded first as a PDF, publication, an objection decided by the examiner,
// registration by the sweep's close of the objection period, amendment of the specification, and
// cancellation. Fees in EUR: application 600, objection 150, amendment 200, cancellation 300.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eur, inOffice, type Scene } from './steps.ts';

const START = { framework: 'model-law', startDate: '2026-03-02' } as const;

const pdf = (what: string) => Buffer.from(`%PDF-1.7\n% ${what}\n%%EOF\n`);

async function upload(s: Scene, data: Buffer): Promise<string> {
  return (await s.office.cases.storage.put(data)).sha256;
}

async function application(s: Scene, over: Record<string, any> = {}) {
  return {
    applicant: { name: 'Union of Mainalo Olive Growers', legalForm: 'cooperative', membersCount: 214, country: 'GR', address: 'Plateia 1, Vytina' },
    kind: 'Appellation of Origin',
    name: { text: 'Λάδι Μαινάλου', language: 'el', transliteration: 'Ladi Mainalou' },
    product: { description: 'Extra virgin olive oil of the Koroneiki and Mastoidis varieties', category: 'Oils and fats', niceClass: 29 },
    area: { description: 'The municipal units of Vytina, Levidi and Valtetsi' },
    specification: { sha256: await upload(s, pdf('specification 2026')) },
    linkToOrigin: 'Altitude of 600 to 900 m and a cold winter give the oil its low acidity and bitterness.',
    controlBody: { name: 'Hellenic Agricultural Organisation', kind: 'public-authority', country: 'GR' },
    ...over,
  };
}

test('an application filed Mon 2 Mar 2026 with its specification uploaded first: 600 EUR, the specification filed on the case as a PDF, the group as applicant, titled by the name and its transliteration; a PNG as specification or one not uploaded files nothing', async () => {
  await inOffice(START, async (s) => {
    const filed = await s.fileRight('gi', await application(s), eur(600));
    assert.deepEqual([filed.state, filed.filingDate, filed.fees.map((f) => [f.code, f.amount])], ['formalities', '2026-03-02', [['application', 600_00]]]);
    const c = await s.read(filed.number);
    assert.equal(c.title, 'Λάδι Μαινάλου (Ladi Mainalou)');
    assert.deepEqual(c.documents.filter((x: any) => x.kind === 'gi-specification').map((x: any) => [x.title, x.media_type]), [['Product specification', 'application/pdf']]);
    assert.deepEqual(c.parties.map((p: any) => [p.role, p.name]).sort(), [['applicant', 'Union of Mainalo Olive Growers'], ['representative', 'Lex & Partners LLP']]);
    const data: Record<string, any> = c.data;
    assert.deepEqual(data.applicantGroup, { legalForm: 'cooperative', membersCount: 214 });
    assert.equal(data.specification.mediaType, 'application/pdf');

    const png = await upload(s, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00]));
    await s.nothingFiled('CONTENT_TYPE_MISMATCH', async () => s.fileRight('gi', await application(s, { specification: { sha256: png } })));
    await s.nothingFiled('UNKNOWN_UPLOAD', async () => s.fileRight('gi', await application(s, { specification: { sha256: 'f'.repeat(64) } })));
    await s.journalOk();
  });
});

test('published Wed 15 Apr 2026, objected to on Mon 4 May (150 EUR first) and the objection rejected on Mon 1 Jun; the sweep of Thu 16 Jul closes the objection period (last day Wed 15 Jul) and the name is registered on Mon 20 Jul 2026 for an unlimited time', async () => {
  await inOffice(START, async (s) => {
    const { number: n } = await s.fileRight('gi', await application(s), eur(600));
    await s.act(s.formalities, n, 'accept-formalities');
    await s.act(s.examiner, n, 'accept');
    await s.on('2026-04-15');
    assert.equal((await s.act(s.registrar, n, 'publish')).state, 'published');
    assert.equal((await s.read(n)).public, true);
    assert.equal((await s.limit(n, 'objection')).due_on, '2026-07-15');

    await s.on('2026-05-04');
    const objection = { objector: { name: 'Aurora Olive Trading Ltd', country: 'XX' }, grounds: ['generic-name'], statement: 'The name is used for any oil of Arcadia.' };
    await s.refused(n, 'FEE_NOT_PAID', () => s.act(s.rival, n, 'file-objection', objection));
    const filed = await s.act(s.rival, n, 'file-objection', objection, eur(150));
    assert.deepEqual([filed.state, filed.fees.map((f) => [f.code, f.amount])], ['opposed', [['objection', 150_00]]]);
    assert.deepEqual((await s.row(n)).data.objections.map((o: any) => [o.number, o.objector, o.status]), [[1, 'Aurora Olive Trading Ltd', 'pending']]);
    assert.ok((await s.read(n)).parties.some((p: any) => p.role === 'opponent' && p.name === 'Aurora Olive Trading Ltd'));
    await s.refused(n, 'ACT_NOT_PERMITTED', () => s.act(s.rival, n, 'withdraw', { remarks: 'not theirs to withdraw' }));

    await s.on('2026-06-01');
    await s.act(s.agent, n, 'reply-to-objection', { objection: 1, remarks: 'Oil of other areas is sold as "Arcadian oil", never under this name.' });
    assert.equal((await s.act(s.examiner, n, 'decide-objection', { objection: 1, outcome: 'rejected', reasons: 'not generic' })).state, 'published');

    await s.on('2026-07-15');
    assert.deepEqual((await s.sweep()).acted, []);
    await s.on('2026-07-16');
    assert.deepEqual((await s.sweep()).acted, [{ number: n, act: 'close-objection-period' }]);
    await s.refused(n, 'ACT_NOT_ALLOWED_IN_STATE', () => s.act(s.rival, n, 'file-objection', objection, eur(150)));
    await s.on('2026-07-20');
    assert.equal((await s.act(s.registrar, n, 'register')).state, 'registered');
    const c = await s.read(n);
    assert.deepEqual([c.data.registrationDate, c.timeLimits], ['2026-07-20', []]);
    assert.equal((await s.acts(n)).at(-1)!.legal_basis, 'ML r. 63(4)');
    await s.journalOk();
  });
});

test('after registration: an amendment of the specification (200 EUR first) is entered on Mon 1 Mar 2027; a request for cancellation by a competitor (300 EUR first) is rejected on Thu 1 Jun 2028; the office then cancels the registration on its own motion on Mon 8 Jan 2029 and it stays in the public register', async () => {
  await inOffice(START, async (s) => {
    const { number: n } = await s.fileRight('gi', await application(s), eur(600));
    await s.act(s.formalities, n, 'accept-formalities');
    await s.act(s.examiner, n, 'accept');
    await s.on('2026-04-15');
    await s.act(s.registrar, n, 'publish');
    await s.on('2026-07-16');
    await s.sweep();
    await s.act(s.registrar, n, 'register');

    await s.on('2027-01-04');
    const amended = await upload(s, pdf('specification 2027'));
    const request = { specification: { sha256: amended }, summary: 'Tripoli added to the area', area: { description: 'Vytina, Levidi, Valtetsi and Tripoli' } };
    await s.refused(n, 'FEE_NOT_PAID', () => s.act(s.agent, n, 'request-amendment', request));
    assert.equal((await s.act(s.agent, n, 'request-amendment', request, eur(200))).state, 'amendment-pending');
    await s.on('2027-03-01');
    assert.equal((await s.act(s.examiner, n, 'approve-amendment', { reasons: 'the extension is substantiated' })).state, 'registered');
    let row = await s.row(n);
    assert.deepEqual([row.data.specification.sha256, row.data.area.description, row.data.amendments.map((a: any) => a.outcome)], [amended, 'Vytina, Levidi, Valtetsi and Tripoli', ['approved']]);
    const docs = (await s.read(n)).documents.filter((x: any) => x.kind === 'gi-specification').map((x: any) => [x.title, x.sha256]).sort();
    assert.deepEqual(docs.map(([t]: any) => t), ['Amended product specification', 'Product specification']);

    await s.on('2028-02-01');
    const cancellation = { requester: { name: 'Aurora Olive Trading Ltd' }, grounds: ['specification-not-met'], statement: 'Oil pressed in Argos is sold under the name.' };
    assert.equal((await s.act(s.rival, n, 'request-cancellation', cancellation, eur(300))).state, 'cancellation-pending');
    await s.on('2028-06-01');
    assert.equal((await s.act(s.examiner, n, 'reject-cancellation', { reasons: 'not proven' })).state, 'registered');
    await s.on('2029-01-08');
    await s.refused(n, 'ACT_NOT_PERMITTED', () => s.act(s.agent, n, 'cancel', { grounds: [{ code: 'specification-not-met' }] }));
    assert.equal((await s.act(s.examiner, n, 'cancel', { grounds: [{ code: 'control-body-withdrawn' }] })).state, 'cancelled');
    row = await s.row(n);
    assert.deepEqual([row.state, row.data.cancellationDate], ['cancelled', '2029-01-08']);
    assert.equal((await s.read(n)).public, true);
    await s.journalOk();
  });
});
