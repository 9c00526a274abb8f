// The blob-storage contract, held by every adapter: memory, local disk, and S3 against a real
// S3-compatible server (s3rver, in a process of its own, speaking the S3 REST protocol over HTTP).
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { S3Storage, StorageError, signV4 } from '../../src/platform/storage/s3.ts';
import { LocalDiskStorage, MemoryStorage, type BlobStorage } from '../../src/platform/storage/storage.ts';
import { loadConfig } from '../../src/app/config.ts';
import { testOffice } from '../support/harness.ts';
import { tinyPdf } from '../../src/app/demo-files.ts';
import { expectProblem, login } from '../http/helpers.ts';

const KEY = 'registrum-test';
const SECRET = randomBytes(16).toString('hex');

/** Starts an S3-compatible server on a free port; resolves with its endpoint. */
async function startS3Server(dir: string): Promise<{ endpoint: string; proc: ChildProcess }> {
  const code = `
    import S3rver from 's3rver';
    const s = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: ${JSON.stringify(dir)},
      configureBuckets: [{ name: 'documents' }] });
    const { port } = await s.run();
    // s3rver ships with its own default key pair only; the office signs with the one given here.
    const { default: AWSAccount } = await import('s3rver/lib/models/account.js');
    const account = AWSAccount.registry.get('S3RVER');
    account.createKeyPair(${JSON.stringify(KEY)}, ${JSON.stringify(SECRET)});
    process.stdout.write('PORT ' + port + '\\n');`;
  const proc = spawn(process.execPath, ['--input-type=module', '-e', code], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    proc.stdout!.on('data', (d) => { out += d; const m = /PORT (\d+)/.exec(out); if (m) resolve(Number(m[1])); });
    proc.once('exit', (c) => reject(new Error(`S3 server exited (${c})`)));
    setTimeout(() => reject(new Error('S3 server did not start')), 20_000).unref();
  });
  return { endpoint: `http://127.0.0.1:${port}`, proc };
}

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('blob storage', () => {
  let s3dir: string; let diskDir: string; let server: { endpoint: string; proc: ChildProcess };
  const adapters: Record<string, () => BlobStorage> = {};

  before(async () => {
    s3dir = mkdtempSync(join(tmpdir(), 'registrum-s3-'));
    diskDir = mkdtempSync(join(tmpdir(), 'registrum-disk-'));
    server = await startS3Server(s3dir);
    adapters.memory = () => new MemoryStorage();
    adapters['local disk'] = () => new LocalDiskStorage(diskDir);
    adapters.s3 = () => new S3Storage({ endpoint: server.endpoint, bucket: 'documents', region: 'us-east-1', accessKeyId: KEY, secretAccessKey: SECRET, prefix: 'office/' });
  });
  after(() => {
    server?.proc.kill();
    rmSync(s3dir, { recursive: true, force: true });
    rmSync(diskDir, { recursive: true, force: true });
  });

  for (const name of ['memory', 'local disk', 's3']) {
    it(`${name}: stores by SHA-256, returns the same bytes, and storing twice is the same blob`, async () => {
      const store = adapters[name]();
      const data = randomBytes(70_000);
      const a = await store.put(data);
      assert.deepEqual(a, { sha256: sha(data), size: data.length });
      assert.equal(await store.exists(a.sha256), true);
      assert.deepEqual(await store.get(a.sha256), data);
      assert.deepEqual(await store.put(Buffer.from(data)), a);
      const empty = await store.put(Buffer.alloc(0));
      assert.deepEqual(await store.get(empty.sha256), Buffer.alloc(0));
    });

    it(`${name}: unknown or malformed hashes are absent, never an error`, async () => {
      const store = adapters[name]();
      const missing = sha(randomBytes(8));
      assert.equal(await store.exists(missing), false);
      assert.equal(await store.get(missing), null);
      assert.equal(await store.get('../../etc/passwd'), null);
      assert.equal(await store.exists('ZZ'), false);
    });
  }

  it('s3: the objects are in the bucket under the prefix, keyed by their hash', async () => {
    const data = Buffer.from('a power of attorney');
    const { sha256 } = await adapters.s3().put(data);
    const files: string[] = [];
    const walk = (d: string) => { for (const f of readdirSync(d)) { const p = join(d, f); if (statSync(p).isDirectory()) walk(p); else files.push(p); } };
    walk(s3dir);
    assert.ok(files.some((f) => f.includes(join('documents', 'office', sha256.slice(0, 2), sha256.slice(2, 4), sha256))), `object key not found among ${files.length} files`);
  });

  it('s3: bytes altered in the store are refused, not served', async () => {
    const store = adapters.s3();
    const { sha256 } = await store.put(Buffer.from('registration certificate, original'));
    const files: string[] = [];
    const walk = (d: string) => { for (const f of readdirSync(d)) { const p = join(d, f); if (statSync(p).isDirectory()) walk(p); else files.push(p); } };
    walk(s3dir);
    const object = files.find((f) => f.endsWith(`${sha256}._S3rver_object`) || f.endsWith(sha256));
    assert.ok(object, 'object file of the store');
    writeFileSync(object!, 'registration certificate, forged!!!');
    await assert.rejects(store.get(sha256), (e: unknown) => e instanceof StorageError && e.s3Code === 'IntegrityMismatch');
  });

  it('s3: requests are signed exactly as AWS Signature Version 4 specifies (the published S3 example)', () => {
    // The server used above accepts any Version 4 signature, so the signing is checked against the
    // example of AWS's S3 documentation: GET /test.txt from examplebucket with a Range header.
    const auth = signV4({
      method: 'GET', path: '/test.txt', amzDate: '20130524T000000Z', region: 'us-east-1',
      headers: { host: 'examplebucket.s3.amazonaws.com', range: 'bytes=0-9', 'x-amz-content-sha256': sha(Buffer.alloc(0)), 'x-amz-date': '20130524T000000Z' },
      payloadSha: sha(Buffer.alloc(0)), accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    });
    assert.equal(auth, 'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41');
  });

  it('s3: an unknown access key is refused by the server', async () => {
    const store = new S3Storage({ endpoint: server.endpoint, bucket: 'documents', region: 'us-east-1', accessKeyId: 'nobody', secretAccessKey: SECRET });
    await assert.rejects(store.put(Buffer.from('x')), (e: unknown) => e instanceof StorageError && e.status === 403);
  });

  it('s3: an unreachable store is a StorageError, and an upload through the API is a 503 with nothing recorded', async () => {
    const dead = new S3Storage({ endpoint: 'http://127.0.0.1:9', bucket: 'documents', region: 'us-east-1', accessKeyId: KEY, secretAccessKey: SECRET });
    await assert.rejects(dead.put(Buffer.from('x')), StorageError);
    const office = await testOffice({ config: { storage: { kind: 's3', endpoint: 'http://127.0.0.1:9', bucket: 'documents', region: 'us-east-1', accessKeyId: KEY, secretAccessKey: SECRET, prefix: '' } } });
    try {
      const app = await office.http();
      await office.user('filer', 'applicant', 'Filer Ltd');
      const filer = await login(app, 'filer');
      expectProblem(await filer.raw('POST', '/api/v1/uploads', tinyPdf(['A document']), 'application/pdf'), 503, 'STORAGE_UNAVAILABLE');
    } finally { await office.shutdown(); }
  });

  it('s3: an office configured for S3 keeps uploaded documents there and serves them back', async () => {
    const office = await testOffice({ config: { storage: { kind: 's3', endpoint: server.endpoint, bucket: 'documents', region: 'us-east-1', accessKeyId: KEY, secretAccessKey: SECRET, prefix: 'office-b/' } } });
    try {
      const app = await office.http();
      await office.user('filer', 'applicant', 'Filer Ltd');
      const filer = await login(app, 'filer');
      const pdf = tinyPdf([`A document ${randomBytes(8).toString('hex')}`]);
      const up = await filer.raw('POST', '/api/v1/uploads', pdf, 'application/pdf');
      assert.equal(up.statusCode, 201, up.body);
      assert.equal(up.json().sha256, sha(pdf));
      assert.equal(office.storage instanceof S3Storage, true);
      assert.deepEqual(await office.storage.get(sha(pdf)), pdf);
    } finally { await office.shutdown(); }
  });

  it('configuration: STORAGE=s3 needs its endpoint, bucket and keys, named in the error', () => {
    assert.throws(() => loadConfig({ STORAGE: 's3', S3_ENDPOINT: 'ftp://x' }), /S3_ENDPOINT must be an http\(s\) URL[\s\S]*S3_BUCKET is required[\s\S]*S3_ACCESS_KEY_ID is required/);
    const c = loadConfig({ STORAGE: 's3', S3_ENDPOINT: 'http://127.0.0.1:9000', S3_BUCKET: 'b', S3_ACCESS_KEY_ID: 'k', S3_SECRET_ACCESS_KEY: 's' });
    assert.deepEqual(c.storage, { kind: 's3', endpoint: 'http://127.0.0.1:9000', bucket: 'b', region: 'us-east-1', accessKeyId: 'k', secretAccessKey: 's', prefix: '' });
    assert.deepEqual(loadConfig({}).storage, { kind: 'disk' });
  });
});
