#!/usr/bin/env node
// npm run bench -- <name> [flags]: runs bench/<name>.ts through tsx (see bench/README.md).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';

const root = new URL('..', import.meta.url).pathname;
const [name, ...args] = process.argv.slice(2);
const available = readdirSync(`${root}bench`).filter((f) => f.endsWith('.ts')).map((f) => f.slice(0, -3));
if (!name || !/^[a-z0-9-]+$/.test(name) || !existsSync(`${root}bench/${name}.ts`)) {
  console.error(`usage: npm run bench -- <name> [flags]\n  benchmarks: ${available.join(', ')}`);
  process.exit(2);
}
const r = spawnSync(process.execPath, ['--import', 'tsx', `bench/${name}.ts`, ...args], { cwd: root, stdio: 'inherit' });
process.exit(r.status ?? 1);
