// The office secret second-factor secrets are sealed with: SECOND_FACTOR_KEY when set, else a random
// key made once in DATA_DIR/secrets (readable by the server's user only), never in the database.
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function officeSecret(configured: string | null, dataDir: string): Buffer {
  if (configured) return Buffer.from(configured, 'utf8');
  // An office in memory (tests) keeps its secret for as long as it runs.
  if (dataDir === 'memory://') return randomBytes(32);
  const dir = join(dataDir, 'secrets');
  const file = join(dir, 'second-factor.key');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  try {
    writeFileSync(file, randomBytes(32).toString('hex'), { flag: 'wx', mode: 0o600 });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  }
  const key = Buffer.from(readFileSync(file, 'utf8').trim(), 'hex');
  if (key.length < 32) throw new Error(`${file} does not hold a key of 32 bytes`);
  return key;
}
