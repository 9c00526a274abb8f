// Production mode needs the office's signing key: benchmarks make a throwaway PKCS#12 file for it.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeDemoPkcs12 } from '../../packages/server/src/platform/signing/signing.ts';

/** Writes a new signing key into `dir`; returns the settings that name it. */
export function benchSigningKey(dir: string): { SIGNING_P12: string; SIGNING_P12_PASSPHRASE: string } {
  const path = join(dir, 'bench-office.p12');
  writeFileSync(path, makeDemoPkcs12('Benchmark Office', 'XX', 'bench'));
  return { SIGNING_P12: path, SIGNING_P12_PASSPHRASE: 'bench' };
}
