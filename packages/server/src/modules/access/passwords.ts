import argon2 from 'argon2';

export const hashPassword = (pw: string) => argon2.hash(pw, { type: argon2.argon2id });
export const verifyPassword = async (hash: string, pw: string) => {
  try { return await argon2.verify(hash, pw); } catch { return false; }
};
