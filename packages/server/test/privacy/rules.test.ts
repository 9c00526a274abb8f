// The pure parts of data protection: who the register publishes an address of, how a person is found in
// a case's JSON (and a namesake with other particulars is not), and when the law lets a field be erased.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findFramework, parseLegalDate as d, privacyOf } from '@registrum/procedures';
import { addressPublished, erasureRefusal, publishedData, redactPerson, REDACTED, retentionEnds } from '../../src/modules/privacy/index.ts';

const ruritania = privacyOf(findFramework('ruritania'));
const modelLaw = privacyOf(findFramework('model-law'));

test("whose address each office's law publishes", () => {
  assert.deepEqual([
    addressPublished(ruritania, { kind: 'legal', role: 'applicant' }), addressPublished(ruritania, { kind: 'natural', role: 'holder' }),
    addressPublished(ruritania, { kind: 'natural', role: 'representative' }), addressPublished(modelLaw, { kind: 'legal', role: 'applicant' }),
  ], [true, false, true, false]);
  const data = { title: 'Grinder', inventors: [{ kind: 'natural', name: 'Otto', address: '7 Quiet Street', country: 'XX', email: 'o@x', nationality: 'XX', phone: '123' }] };
  assert.deepEqual(publishedData(ruritania, data), { title: 'Grinder', inventors: [{ kind: 'natural', name: 'Otto', country: 'XX' }] }, 'unclassified fields (phone) are not published either');
});

test('a person is found where the case names it, a namesake with another address is not, and only its own values are replaced', () => {
  const person = { id: 'p1', name: 'Jana Novak', address: '14 Linden Lane', email: 'jana@x', nationality: null };
  const json = {
    applicant: { name: 'Jana Novak', address: '14 Linden Lane', email: 'jana@x' },
    other: { name: 'Jana Novak', address: '2 Other Road', email: 'other@x' },
    added: [{ role: 'applicant', partyId: 'p1', name: 'Jana Novak' }],
    child: { data: { party: { name: 'Jana Novak', email: 'jana@x' } } },
    holder: 'Jana Novak',
    untouched: 'Jana Novak',
  };
  const r = redactPerson(json, person, ['name', 'email']);
  assert.deepEqual(r.paths.sort(), ['added[0].name', 'applicant.email', 'applicant.name', 'child.data.party.email', 'child.data.party.name', 'holder']);
  assert.equal(r.value.other.email, 'other@x', 'the namesake keeps its data');
  assert.equal(r.value.untouched, 'Jana Novak', 'a name is replaced as text only where the data names a holder, licensee or creditor');
  assert.equal(r.value.applicant.address, '14 Linden Lane', 'only the fields asked for');
  assert.equal(json.applicant.email, 'jana@x', 'the input is not changed');
  assert.equal(r.value.applicant.email, REDACTED);
  // Looking only (no fields): where the person is named.
  assert.deepEqual(redactPerson(json, person, []).paths.sort(), ['added[0]', 'applicant', 'child.data.party', 'holder']);
});

test('what the law keeps, field by field', () => {
  const base = { today: d('2026-03-02'), retention: { years: 5 }, endedOn: null, ended: false, conferredRight: false };
  const person = (kind: 'natural' | 'legal', current: boolean) => ({ id: 'p', kind, current });
  const code = (field: Parameters<typeof erasureRefusal>[0], f: Parameters<typeof erasureRefusal>[1]) => erasureRefusal(field, f)?.code ?? null;
  // Pending case.
  assert.equal(code('email', { ...base, party: person('natural', true) }), 'ERASURE_DATA_IN_USE');
  assert.equal(code('address', { ...base, party: person('natural', true) }), 'ERASURE_DATA_IN_USE');
  assert.equal(code('address', { ...base, party: person('natural', false) }), null, 'a former party');
  assert.equal(code('name', { ...base, party: person('natural', false) }), 'ERASURE_REGISTER_ENTRY');
  assert.equal(code('name', { ...base, party: person('legal', true) }), 'ERASURE_NOT_PERSONAL_DATA');
  // Ended on 2 Mar 2026 without a right: kept five years, to 2 Mar 2031 inclusive.
  const ended = { ...base, ended: true, endedOn: d('2026-03-02') };
  assert.equal(retentionEnds(ended), '2031-03-02');
  assert.equal(code('email', { ...ended, party: person('natural', true) }), null);
  assert.equal(code('name', { ...ended, today: d('2031-03-02'), party: person('natural', true) }), 'ERASURE_RETENTION_NOT_ENDED');
  assert.equal(code('nationality', { ...ended, today: d('2031-03-02'), party: person('natural', true) }), 'ERASURE_RETENTION_NOT_ENDED');
  assert.equal(code('name', { ...ended, today: d('2031-03-03'), party: person('natural', true) }), null);
  // A right was given: its holder's name is kept for good, its address after the retention period.
  const right = { ...ended, conferredRight: true, today: d('2040-01-01') };
  assert.equal(code('name', { ...right, party: person('natural', true) }), 'ERASURE_REGISTER_ENTRY');
  assert.equal(code('address', { ...right, party: person('natural', true) }), null);
});
