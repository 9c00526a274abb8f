// The demo office carries a case of every right, made through the engine like real filings: its journal
// verifies, its documents are real PDFs and PNGs, and what the public sees follows publication.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inflateSync } from 'node:zlib';
import { crc32, solidPng, tinyPdf } from '../../src/app/demo-files.ts';
import { seedDemo } from '../../src/app/demo.ts';
import { readCase } from '../../src/modules/cases/index.ts';
import { verifyJournal } from '../../src/procedure-engine/journal.ts';
import { testOffice, type TestOffice } from '../support/harness.ts';

const RIGHTS = ['design', 'gi', 'patent', 'recordal', 'trademark', 'trademark-opposition', 'utility-model'];

async function cases(office: TestOffice) {
  return (await office.db.query<{ number: string; right_kind: string; framework: string; state: string; public: boolean; data: any; id: string }>(
    'SELECT id, number, right_kind, framework, state, public, data FROM cases ORDER BY number')).rows;
}

async function documents(office: TestOffice, caseId: string) {
  return (await office.db.query<{ kind: string; media_type: string; sha256: string }>("SELECT kind, media_type, sha256 FROM documents WHERE case_id = $1 AND direction = 'incoming' ORDER BY title", [caseId])).rows;
}

test('the demo office (model law) has a case of every right at a telling stage, and `journal verify` passes on it', async () => {
  const office = await testOffice({ startDate: '2026-03-02' });
  try {
    assert.equal(await seedDemo(office), true);
    const all = await cases(office);
    assert.deepEqual([...new Set(all.map((c) => c.right_kind))].sort(), RIGHTS);
    const of = (right: string) => all.filter((c) => c.right_kind === right);

    const [pending, published] = of('patent');
    assert.deepEqual([pending.state, pending.public, pending.data.title], ['awaiting-examination-request', false, 'Compostable coffee capsule']);
    assert.deepEqual((await documents(office, pending.id)).map((d) => [d.kind, d.media_type]), [['description', 'application/pdf']]);
    assert.deepEqual([published.public, published.data.publicationDate, published.data.internationalApplication.filingDate], [true, '2026-01-02', '2024-07-02']);

    const [design] = of('design');
    assert.deepEqual([design.state, design.public, design.data.designs.length], ['registered', true, 2]);
    assert.deepEqual((await documents(office, design.id)).map((d) => [d.kind, d.media_type]), [['design-view', 'image/png'], ['design-view', 'image/png']]);
    const [um] = of('utility-model');
    assert.deepEqual([um.state, um.public], ['in-force', true]);
    const [gi] = of('gi');
    assert.deepEqual([gi.state, gi.public], ['published', true]);
    assert.deepEqual((await documents(office, gi.id)).map((d) => [d.kind, d.media_type]), [['gi-specification', 'application/pdf']]);
    const [recordal] = of('recordal');
    assert.deepEqual([recordal.state, recordal.data.kind], ['requested', 'transfer']);
    assert.deepEqual((await documents(office, recordal.id)).map((d) => [d.kind, d.media_type]), [['recordal-evidence', 'application/pdf']]);
    const payments = (await office.db.query<{ method: string }>('SELECT DISTINCT p.method FROM payments p JOIN cases c ON c.id = p.case_id WHERE c.right_kind <> $1', ['trademark'])).rows;
    assert.ok(payments.every((p) => p.method === 'bank-transfer' || p.method === 'card'), JSON.stringify(payments));

    // What the public sees of the demo: the published cases only.
    const seen = await readCase(office.cases, null, published.number);
    assert.equal(seen.data.title, 'Cold-brew extraction vessel');
    await assert.rejects(readCase(office.cases, null, pending.number), (e: any) => e.code === 'CASE_NOT_FOUND');

    await office.work();
    const journal = await verifyJournal(office.db);
    assert.equal(journal.ok, true, JSON.stringify(journal.problems));
    assert.equal(journal.unsealedActs, 0);
    assert.equal(await seedDemo(office), false, 'seeded once');
  } finally {
    await office.shutdown();
  }
});

test('under Ruritania the demo files its patents under the Patents Act and the rights Ruritania does not run under the model law', async () => {
  const office = await testOffice({ startDate: '2026-03-02', framework: 'ruritania' });
  try {
    await seedDemo(office);
    const all = await cases(office);
    assert.deepEqual([...new Set(all.map((c) => c.right_kind))].sort(), RIGHTS);
    assert.deepEqual([...new Set(all.filter((c) => c.right_kind === 'patent').map((c) => c.framework))], ['ruritania']);
    assert.deepEqual([...new Set(all.filter((c) => ['design', 'gi', 'utility-model'].includes(c.right_kind)).map((c) => c.framework))], ['model-law']);
    await office.work();
    assert.equal((await verifyJournal(office.db)).ok, true);
  } finally {
    await office.shutdown();
  }
});

test('the demo documents are well formed: the PDF\'s cross-reference table points at its objects, the PNG\'s chunks carry their CRC and its pixels inflate to the size its header gives', () => {
  const pdf = tinyPdf(['Deed (of assignment)', 'Müller']).toString('latin1');
  const start = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(pdf)![1]);
  assert.ok(pdf.startsWith('xref\n0 6\n', start));
  const offsets = pdf.slice(start).split('\n').slice(3, 8).map((l) => Number(l.slice(0, 10)));
  offsets.forEach((o, i) => assert.ok(pdf.startsWith(`${i + 1} 0 obj`, o), `object ${i + 1} at ${o}`));
  assert.match(pdf, /\(Deed \\\(of assignment\\\)\) Tj/);
  assert.match(pdf, /\(M\?ller\) Tj/, 'non-ASCII text is not written into a Type 1 font string');

  const png = solidPng(3, 2, [255, 0, 0]);
  assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const chunks: { type: string; data: Buffer }[] = [];
  for (let at = 8; at < png.length;) {
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    const data = png.subarray(at + 8, at + 8 + length);
    assert.equal(png.readUInt32BE(at + 8 + length), crc32(png.subarray(at + 4, at + 8 + length)), `CRC of ${type}`);
    chunks.push({ type, data });
    at += 12 + length;
  }
  assert.deepEqual(chunks.map((c) => c.type), ['IHDR', 'IDAT', 'IEND']);
  assert.deepEqual([chunks[0].data.readUInt32BE(0), chunks[0].data.readUInt32BE(4), chunks[0].data[8], chunks[0].data[9]], [3, 2, 8, 2]);
  assert.deepEqual([...inflateSync(chunks[1].data)], [0, 255, 0, 0, 255, 0, 0, 255, 0, 0, 0, 255, 0, 0, 255, 0, 0, 255, 0, 0]);
  assert.equal(crc32(Buffer.from('123456789')), 0xcbf43926, 'the standard CRC-32 check value');
});
