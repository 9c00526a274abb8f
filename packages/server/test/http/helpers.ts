// Helpers of the HTTP-level tests: a thin client over fastify.inject, problem-document checks,
// tiny images built in memory and a seeded PRNG. Everything goes through the public API.
import assert from 'node:assert/strict';
import { deflateSync } from 'node:zlib';
import { mulberry32 } from '../support/prng.ts';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';

export const PASSWORD = 'test-password';
export type Res = LightMyRequestResponse;

/** A client bound to one bearer token (or none: the public). */
export function client(app: FastifyInstance, token?: string | null) {
  const auth = (h: Record<string, string> = {}): Record<string, string> => (token ? { authorization: `Bearer ${token}`, ...h } : h);
  return {
    token,
    get: (url: string, headers?: Record<string, string>) => app.inject({ method: 'GET', url, headers: auth(headers) }),
    post: (url: string, body?: unknown, headers?: Record<string, string>) =>
      app.inject({ method: 'POST', url, headers: auth(headers), ...(body === undefined ? {} : { payload: body as any }) }),
    put: (url: string, body?: unknown, headers?: Record<string, string>) =>
      app.inject({ method: 'PUT', url, headers: auth(headers), ...(body === undefined ? {} : { payload: body as any }) }),
    /** Sends a raw body with an explicit content type. */
    raw: (method: 'POST' | 'PUT', url: string, body: string | Buffer, contentType: string, headers?: Record<string, string>) =>
      app.inject({ method, url, headers: auth({ 'content-type': contentType, ...headers }), payload: body }),
  };
}
export type Client = ReturnType<typeof client>;

export async function login(app: FastifyInstance, username: string, password = PASSWORD): Promise<Client> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
  assert.equal(res.statusCode, 200, `login ${username}: ${res.body}`);
  const token = res.json().token;
  assert.equal(typeof token, 'string');
  return client(app, token);
}

/** Asserts an RFC 9457 problem document with this status and stable code; returns it. */
export function expectProblem(res: Res, status: number, code: string): Record<string, any> {
  assert.equal(res.statusCode, status, `expected ${status} ${code}, got ${res.statusCode}: ${res.body.slice(0, 500)}`);
  assert.match(String(res.headers['content-type']), /^application\/problem\+json/, `content type of ${code}`);
  const p = res.json();
  assert.equal(p.code, code, `code: ${res.body.slice(0, 500)}`);
  assert.equal(p.status, status);
  assert.equal(typeof p.detail, 'string');
  assert.ok(p.detail.length > 0, 'a problem has a detail');
  assert.equal(typeof p.type, 'string');
  return p;
}

/** Asserts a success status; returns the parsed body. */
export function ok(res: Res, status = 200): any {
  assert.equal(res.statusCode, status, `expected ${status}, got ${res.statusCode}: ${res.body.slice(0, 800)}`);
  return res.json();
}

// --- images -------------------------------------------------------------------------------------

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

/** A valid width x height RGB PNG of one colour. */
export function tinyPng(width = 2, height = 2, rgb: [number, number, number] = [200, 30, 30]): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0); ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; ihdr[9] = 2; ihdr[10] = 0; ihdr[11] = 0; ihdr[12] = 0;
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: width }, () => rgb).flat())]);
  const raw = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** The first bytes of a JFIF file: enough to be recognised as JPEG by its magic number. */
export function jpegBytes(): Buffer {
  return Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0xff, 0xd9]);
}

// --- filings ------------------------------------------------------------------------------------

export function filing(over: Record<string, any> = {}, payment: Record<string, any> | null = { amount: 250_00, currency: 'EUR' }) {
  return {
    right: 'trademark',
    payload: {
      mark: { kind: 'Word', text: 'AURORA' },
      applicant: { kind: 'legal', name: 'Aurora Coffee Ltd', country: 'XX', address: '1 Main Street', email: 'legal@aurora.example' },
      goodsServices: [{ classNumber: 30, terms: ['coffee'] }],
      ...over,
    },
    ...(payment ? { payment } : {}),
  };
}

export const opposition = (markText = 'AURORA') => ({
  grounds: ['likelihood-of-confusion'],
  earlierRights: [{ markText, number: 'XX-1999-1', office: 'XX', classes: [30] }],
});

// --- randomness ---------------------------------------------------------------------------------

/** mulberry32: a small deterministic PRNG, so a failing fuzz case can be reproduced from its seed. */
export function prng(seed: number) {
  const next = mulberry32(seed);
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)];
  return { next, int, pick };
}
