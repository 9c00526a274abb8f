// A real office for the browser journeys (and the crash test): the `registrum serve` process on its own
// embedded database (a fresh directory, demo data loaded) and a free port, serving the built web app.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('../../', import.meta.url).pathname;

export interface RunningOffice { url: string; dataDir: string; stop(): Promise<void>; log(): string }

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => { const p = (s.address() as any).port; s.close(() => resolve(p)); });
    s.on('error', reject);
  });
}

/** A `registrum serve` process with these settings on a free port (or the one given), once it answers /health. */
export async function launchServe(env: Record<string, string | undefined>, waitMs = 60_000, fixedPort?: number): Promise<{ url: string; child: ChildProcess; output(): string }> {
  const port = fixedPort ?? await freePort();
  let output = '';
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'packages/server/src/main.ts', 'serve'], {
    cwd: root, env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d) => { output += d; });
  child.stderr!.on('data', (d) => { output += d; });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + waitMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the office did not start:\n${output}`);
    try { if ((await fetch(`${url}/health`)).ok) break; } catch { /* not listening yet */ }
    if (Date.now() > deadline) { child.kill('SIGKILL'); throw new Error(`the office did not answer /health within ${waitMs / 1000} s:\n${output}`); }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { url, child, output: () => output };
}

/** `port`: when the address must be known before (PUBLIC_URL, a redirect URI registered at a provider). */
export async function startOffice(env: Record<string, string> = {}, port?: number, waitMs = 60_000): Promise<RunningOffice> {
  const dataDir = mkdtempSync(join(tmpdir(), 'registrum-e2e-'));
  const { url, child, output } = await launchServe({
    DATABASE_URL: '', DATA_DIR: dataDir, REGISTRUM_MODE: 'demo', REGISTRUM_SEED_DEMO: 'true', LOG_LEVEL: 'warn',
    WORKER_INTERVAL_MS: '200', WEB_DIR: join(root, 'packages/web/dist'), ...env,
  }, waitMs, port);
  return {
    url, dataDir, log: output,
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await new Promise((r) => { const t = setTimeout(() => { child.kill('SIGKILL'); r(null); }, 10_000); child.once('exit', () => { clearTimeout(t); r(null); }); });
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Calls the API as a demo user (for setting up what a journey does not click through). */
export async function apiAs(url: string, username: string) {
  const r = await fetch(`${url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: 'registrum-demo' }) });
  if (!r.ok) throw new Error(`login ${username}: ${r.status}`);
  const { token } = await r.json() as { token: string };
  return async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${url}/api/v1${path}`, { method, headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null };
  };
}

/**
 * A word mark in class 30 filed by the agent (paid from its current account) and taken through
 * formalities and classification, so it waits on the examiner's decision; returns its number and
 * the examiner's API.
 */
export async function trademarkBeforeExaminer(url: string, text: string, applicant: string) {
  const agent = await apiAs(url, 'agent');
  const filed = await agent('POST', '/cases', {
    right: 'trademark',
    payload: { mark: { kind: 'Word', text }, applicant: { name: applicant, country: 'XX' }, goodsServices: [{ classNumber: 30, terms: ['coffee'] }] },
    payment: { amount: 250_00, currency: 'EUR', method: 'current-account' },
  });
  if (filed.status !== 201) throw new Error(`filing ${text}: ${JSON.stringify(filed.body)}`);
  const number = filed.body.case.number as string;
  const formalities = await apiAs(url, 'formalities');
  const examiner = await apiAs(url, 'examiner');
  for (const [who, act] of [[formalities, 'accept-formalities'], [examiner, 'approve-classification']] as const) {
    const r = await who('POST', `/cases/${number}/acts/${act}`, {});
    if (r.status !== 201) throw new Error(`${act} on ${number}: ${JSON.stringify(r.body)}`);
  }
  return { number, examiner };
}
