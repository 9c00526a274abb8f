// Starts the test identity provider (oidc-provider.mjs) as its own process and waits for its issuer
// address; used by the OIDC server tests and the browser test.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export async function spawnProvider(settings: unknown): Promise<{ issuer: string; proc: ChildProcess }> {
  const script = fileURLToPath(new URL('./oidc-provider.mjs', import.meta.url));
  const proc = spawn(process.execPath, [script, JSON.stringify(settings)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  proc.stderr!.on('data', (d) => { err += d; });
  const issuer = await new Promise<string>((resolve, reject) => {
    let out = '';
    proc.stdout!.on('data', (d) => { out += d; const m = /READY (\S+)/.exec(out); if (m) resolve(m[1]); });
    proc.once('exit', (c) => reject(new Error(`the provider exited (${c}): ${err}`)));
    setTimeout(() => reject(new Error(`the provider did not start: ${err}`)), 20_000).unref();
  });
  return { issuer, proc };
}
