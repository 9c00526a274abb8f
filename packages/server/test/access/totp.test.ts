// One-time passwords against the published test vectors: RFC 4226 (HOTP), RFC 6238 (TOTP, SHA-1) and
// RFC 4648 (base32); the ±1 step window, replay, and the sealing of secrets.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { base32Decode, base32Encode, hotp, matchStep, otpauthUri, SecretBox, stepAt, totp } from '../../src/modules/access/totp.ts';

const SECRET = Buffer.from('12345678901234567890', 'ascii');

test('HOTP: the ten values of RFC 4226 appendix D', () => {
  const expected = ['755224', '287082', '359152', '969429', '338314', '254676', '287922', '162583', '399871', '520489'];
  assert.deepEqual(expected.map((_, i) => hotp(SECRET, i)), expected);
});

test('TOTP: the SHA-1 values of RFC 6238 appendix B (8 digits), and their 6-digit ends', () => {
  const vectors: [number, string][] = [[59, '94287082'], [1111111109, '07081804'], [1111111111, '14050471'],
    [1234567890, '89005924'], [2000000000, '69279037'], [20000000000, '65353130']];
  for (const [t, code] of vectors) {
    const at = new Date(t * 1000);
    assert.equal(totp(SECRET, at, 8), code, `T=${t}`);
    assert.equal(totp(SECRET, at), code.slice(2), `T=${t}, 6 digits`);
  }
  assert.equal(stepAt(new Date(1111111109 * 1000)), 0x23523ec);
});

test('base32 (RFC 4648 vectors, without padding) both ways', () => {
  const vectors: [string, string][] = [['', ''], ['f', 'MY'], ['fo', 'MZXQ'], ['foo', 'MZXW6'], ['foob', 'MZXW6YQ'], ['fooba', 'MZXW6YTB'], ['foobar', 'MZXW6YTBOI']];
  for (const [plain, enc] of vectors) {
    assert.equal(base32Encode(Buffer.from(plain)), enc);
    assert.equal(base32Decode(enc).toString(), plain);
  }
  assert.equal(base32Decode('mzxw 6ytb-oi====').toString(), 'foobar', 'spaces, dashes, padding and case are forgiven');
  assert.throws(() => base32Decode('MZ1W'));
});

test('a code is accepted one step either side of now, not two; never at or before the last step accepted', () => {
  const at = new Date(1_700_000_015_000);
  const now = stepAt(at);
  assert.equal(matchStep(SECRET, hotp(SECRET, now), at), now);
  assert.equal(matchStep(SECRET, hotp(SECRET, now - 1), at), now - 1);
  assert.equal(matchStep(SECRET, hotp(SECRET, now + 1), at), now + 1);
  assert.equal(matchStep(SECRET, hotp(SECRET, now - 2), at), null);
  assert.equal(matchStep(SECRET, hotp(SECRET, now + 2), at), null);
  assert.equal(matchStep(SECRET, hotp(SECRET, now), at, now), null, 'the same step again: replay');
  assert.equal(matchStep(SECRET, hotp(SECRET, now - 1), at, now), null, 'an older step after a newer one');
  assert.equal(matchStep(SECRET, hotp(SECRET, now + 1), at, now), now + 1);
  for (const bad of ['', '12345', '1234567', 'abcdef', ' 123456']) assert.equal(matchStep(SECRET, bad, at), null, bad);
});

test('otpauth:// address carries issuer, account and the base32 secret', () => {
  const uri = new URL(otpauthUri('Model Office', 'agent', SECRET));
  assert.equal(uri.protocol, 'otpauth:');
  assert.equal(uri.host, 'totp');
  assert.equal(decodeURIComponent(uri.pathname), '/Model Office:agent');
  assert.equal(uri.searchParams.get('secret'), base32Encode(SECRET));
  assert.equal(uri.searchParams.get('issuer'), 'Model Office');
  assert.equal(uri.searchParams.get('digits'), '6');
  assert.equal(uri.searchParams.get('period'), '30');
});

test('a sealed secret opens only with the same office secret and for the same account', () => {
  const box = new SecretBox(Buffer.from('office secret one, long enough to use'));
  const sealed = box.seal(SECRET, 'user-a');
  assert.ok(!sealed.includes(base32Encode(SECRET)) && !sealed.includes(SECRET.toString('hex')));
  assert.notEqual(box.seal(SECRET, 'user-a'), sealed, 'a fresh nonce each time');
  assert.deepEqual(box.open(sealed, 'user-a'), SECRET);
  assert.throws(() => box.open(sealed, 'user-b'));
  assert.throws(() => new SecretBox(Buffer.from('another office secret, long enough')).open(sealed, 'user-a'));
});
