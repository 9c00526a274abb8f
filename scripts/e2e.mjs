#!/usr/bin/env node
// Browser journeys in real Chromium: runs e2e/*.test.ts one file at a time (each starts its own office).
// Usage: npm run test:e2e [-- <file filter>]
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const root = new URL('..', import.meta.url).pathname;
const filters = process.argv.slice(2);
const files = readdirSync(`${root}e2e`).filter((f) => f.endsWith('.test.ts'))
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x))).sort().map((f) => `e2e/${f}`);
if (files.length === 0) { console.error('no browser test files matched'); process.exit(1); }
console.log(`registrum browser tests: ${files.length} files`);
const res = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', '--test-concurrency=1', ...files],
  { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'test' } });
process.exit(res.status ?? 1);
