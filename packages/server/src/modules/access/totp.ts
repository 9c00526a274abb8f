// One-time passwords of authenticator apps: HOTP (RFC 4226) and TOTP (RFC 6238) with HMAC-SHA-1,
// 30-second steps and 6 digits, the parameters every common app reads from an otpauth:// URI.
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

export const STEP_SECONDS = 30;
export const DIGITS = 6;
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function base32Encode(buf: Buffer): string {
  let bits = 0, value = 0, out = '';
  for (const byte of buf) {
    value = (value << 8) | byte; bits += 8;
    while (bits >= 5) { out += ALPHABET[(value >>> (bits - 5)) & 31]; bits -= 5; }
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

export function base32Decode(text: string): Buffer {
  const clean = text.replace(/[\s=-]/g, '').toUpperCase();
  let bits = 0, value = 0; const out: number[] = [];
  for (const ch of clean) {
    const i = ALPHABET.indexOf(ch);
    if (i < 0) throw new Error('not base32');
    value = ((value << 5) | i) & 0xffff; bits += 5;
    if (bits >= 8) { out.push((value >>> (bits - 8)) & 0xff); bits -= 8; }
  }
  return Buffer.from(out);
}

/** RFC 4226: the HOTP value of a counter, `digits` long (dynamic truncation of HMAC-SHA-1). */
export function hotp(secret: Buffer, counter: number, digits = DIGITS): string {
  const msg = Buffer.alloc(8);
  msg.writeBigUInt64BE(BigInt(counter));
  const h = createHmac('sha1', secret).update(msg).digest();
  const off = h[h.length - 1] & 0x0f;
  const bin = ((h[off] & 0x7f) << 24) | (h[off + 1] << 16) | (h[off + 2] << 8) | h[off + 3];
  return String(bin % 10 ** digits).padStart(digits, '0');
}

export const stepAt = (at: Date) => Math.floor(at.getTime() / 1000 / STEP_SECONDS);

/** RFC 6238: the TOTP value at an instant. */
export const totp = (secret: Buffer, at: Date, digits = DIGITS) => hotp(secret, stepAt(at), digits);

/**
 * The time step a code belongs to, looking one step either side of now (clock drift, a code typed as
 * it changed), or null. Steps not after `lastStep` are not looked at: a code is accepted once.
 */
export function matchStep(secret: Buffer, code: string, at: Date, lastStep = -1): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const now = stepAt(at);
  let found: number | null = null;
  for (const step of [now - 1, now, now + 1]) {
    if (step <= lastStep) continue;
    // Every candidate is compared, so the time taken does not say which one matched.
    if (timingSafeEqual(Buffer.from(hotp(secret, step)), Buffer.from(code)) && found === null) found = step;
  }
  return found;
}

export const newSecret = () => randomBytes(20);

/** The address an authenticator app reads (from the QR code): issuer and account name, the secret in base32. */
export function otpauthUri(issuer: string, account: string, secret: Buffer): string {
  const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(account)}`;
  return `otpauth://totp/${label}?secret=${base32Encode(secret)}&issuer=${encodeURIComponent(issuer)}&algorithm=SHA1&digits=${DIGITS}&period=${STEP_SECONDS}`;
}

/**
 * Seals second-factor secrets with AES-256-GCM under a key derived from the office secret, bound to the
 * account (additional data), so a copy of the database alone reveals no secret and a sealed secret
 * moved to another account does not open.
 */
export class SecretBox {
  private readonly key: Buffer;
  constructor(officeSecret: Buffer) {
    this.key = Buffer.from(hkdfSync('sha256', officeSecret, 'registrum', 'second-factor secret v1', 32));
  }
  seal(secret: Buffer, userId: string): string {
    const iv = randomBytes(12);
    const c = createCipheriv('aes-256-gcm', this.key, iv);
    c.setAAD(Buffer.from(userId));
    const body = Buffer.concat([c.update(secret), c.final()]);
    return `v1:${Buffer.concat([iv, c.getAuthTag(), body]).toString('base64url')}`;
  }
  open(sealed: string, userId: string): Buffer {
    if (!sealed.startsWith('v1:')) throw new Error('unknown sealing');
    const raw = Buffer.from(sealed.slice(3), 'base64url');
    const d = createDecipheriv('aes-256-gcm', this.key, raw.subarray(0, 12));
    d.setAAD(Buffer.from(userId));
    d.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([d.update(raw.subarray(28)), d.final()]);
  }
}

const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** A recovery code: 12 letters and digits without look-alikes, grouped in fours (about 59 bits). */
export function newRecoveryCode(): string {
  const chars = Array.from({ length: 12 }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]).join('');
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8)}`;
}

/** As typed: spaces, dashes and case do not matter. */
export const normaliseRecoveryCode = (code: string) => code.replace(/[\s-]/g, '').toLowerCase();
