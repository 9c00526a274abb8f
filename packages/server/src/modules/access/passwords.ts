// Password hashes: argon2id (prebuilt binaries shipped as npm packages, nothing compiled at install).
import { hash, verify } from '@node-rs/argon2';

// algorithm 2 = Argon2id (the package's Algorithm enum is a const enum, not importable as a value here).
const OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export const hashPassword = (pw: string) => hash(pw, OPTIONS);
export const verifyPassword = async (digest: string, pw: string) => {
  try { return await verify(digest, pw); } catch { return false; }
};
