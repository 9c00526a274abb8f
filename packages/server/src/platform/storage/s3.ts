// Content-addressed blobs on S3-compatible object storage (AWS S3, MinIO, Ceph, Garage ...), spoken
// directly over HTTP with AWS Signature Version 4, path-style addressing. The object key is the
// SHA-256 of the bytes, and the SHA-256 is also the signed payload hash, so the store refuses a
// body altered in transit; what comes back is hashed again before anyone sees it.
import { createHash, createHmac } from 'node:crypto';
import type { BlobStorage } from './storage.ts';

export interface S3Settings {
  /** e.g. https://s3.eu-west-1.amazonaws.com or http://127.0.0.1:9000 */
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Key prefix inside the bucket, e.g. 'registrum/' (default none). */
  prefix?: string;
}

/** A failure of the object store: the operation did not happen (the caller's transaction rolls back). */
export class StorageError extends Error {
  constructor(message: string, readonly status?: number, readonly s3Code?: string) { super(message); }
}

const HEX64 = /^[0-9a-f]{64}$/;
const EMPTY_SHA = createHash('sha256').update('').digest('hex');

const hmac = (key: Buffer | string, data: string) => createHmac('sha256', key).update(data, 'utf8').digest();
const hex = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');
/** RFC 3986 encoding of one path segment, as SigV4 wants it. */
const encodeSegment = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * The Authorization header of an AWS Signature Version 4 request to S3 (no query string). `headers`
 * are the signed headers, lower-case names, `host` and `x-amz-date` among them; `path` is already
 * URI-encoded; `amzDate` is e.g. 20130524T000000Z.
 */
export function signV4(r: { method: string; path: string; headers: Record<string, string>; payloadSha: string; amzDate: string; region: string; accessKeyId: string; secretAccessKey: string }): string {
  const day = r.amzDate.slice(0, 8);
  const names = Object.keys(r.headers).sort();
  const canonical = [r.method, r.path, '', ...names.map((n) => `${n}:${r.headers[n].trim()}`), '', names.join(';'), r.payloadSha].join('\n');
  const scope = `${day}/${r.region}/s3/aws4_request`;
  const toSign = ['AWS4-HMAC-SHA256', r.amzDate, scope, hex(canonical)].join('\n');
  const signingKey = hmac(hmac(hmac(hmac(`AWS4${r.secretAccessKey}`, day), r.region), 's3'), 'aws4_request');
  const signature = createHmac('sha256', signingKey).update(toSign, 'utf8').digest('hex');
  return `AWS4-HMAC-SHA256 Credential=${r.accessKeyId}/${scope},SignedHeaders=${names.join(';')},Signature=${signature}`;
}

export class S3Storage implements BlobStorage {
  private readonly base: URL;
  private readonly prefix: string;

  constructor(private readonly s: S3Settings) {
    this.base = new URL(s.endpoint);
    if (!/^https?:$/.test(this.base.protocol)) throw new StorageError(`S3 endpoint must be http(s): ${s.endpoint}`);
    this.prefix = s.prefix ?? '';
  }

  private key(sha: string) { return `${this.prefix}${sha.slice(0, 2)}/${sha.slice(2, 4)}/${sha}`; }

  /** One signed request. `payloadSha` is the hex SHA-256 of the body (the empty body's for none). */
  private async request(method: 'GET' | 'HEAD' | 'PUT', key: string, body?: Buffer, payloadSha = EMPTY_SHA): Promise<Response> {
    const basePath = this.base.pathname.replace(/\/+$/, '');
    const path = `${basePath}/${encodeSegment(this.s.bucket)}/${key.split('/').map(encodeSegment).join('/')}`;
    const now = new Date();
    const amzDate = now.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, ''); // 20261121T093000Z
    const headers: Record<string, string> = {
      host: this.base.host,
      'x-amz-content-sha256': payloadSha,
      'x-amz-date': amzDate,
      ...(body ? { 'content-length': String(body.length), 'content-type': 'application/octet-stream' } : {}),
    };
    const authorization = signV4({ method, path, headers, payloadSha, amzDate, region: this.s.region, accessKeyId: this.s.accessKeyId, secretAccessKey: this.s.secretAccessKey });
    const { host: _host, ...sent } = headers;
    const url = new URL(path, this.base);
    try {
      return await fetch(url, {
        method,
        headers: { ...sent, authorization },
        body: body ? new Blob([new Uint8Array(body)]) : undefined,
        signal: AbortSignal.timeout(60_000),
      });
    } catch (e) {
      throw new StorageError(`object store unreachable at ${this.base.origin}: ${(e as Error).message}`);
    }
  }

  private async fail(op: string, res: Response): Promise<never> {
    const text = await res.text().catch(() => '');
    const code = /<Code>([^<]+)<\/Code>/.exec(text)?.[1];
    throw new StorageError(`object store refused ${op}: HTTP ${res.status}${code ? ` ${code}` : ''}`, res.status, code);
  }

  async put(data: Buffer) {
    const sha256 = hex(data);
    if (!(await this.exists(sha256))) {
      const res = await this.request('PUT', this.key(sha256), data, sha256);
      if (!res.ok) await this.fail(`storing ${sha256}`, res);
      await res.arrayBuffer();
    }
    return { sha256, size: data.length };
  }

  async get(sha256: string) {
    if (!HEX64.test(sha256)) return null;
    const res = await this.request('GET', this.key(sha256));
    if (res.status === 404) { await res.arrayBuffer(); return null; }
    if (!res.ok) await this.fail(`reading ${sha256}`, res);
    const data = Buffer.from(await res.arrayBuffer());
    // The key is the content's hash: bytes that do not hash to it were altered in the store.
    if (hex(data) !== sha256) throw new StorageError(`object ${sha256} in the store does not match its hash: refusing altered content`, 500, 'IntegrityMismatch');
    return data;
  }

  async exists(sha256: string) {
    if (!HEX64.test(sha256)) return false;
    const res = await this.request('HEAD', this.key(sha256));
    await res.arrayBuffer();
    if (res.status === 404) return false;
    if (!res.ok) await this.fail(`looking up ${sha256}`, res);
    return true;
  }
}
