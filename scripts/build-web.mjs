#!/usr/bin/env node
// Builds the web app (packages/web -> packages/web/dist) when its sources changed since the last
// build, so `npm start` always serves the current UI without rebuilding on every start.
// --force rebuilds regardless.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const web = new URL('../packages/web/', import.meta.url).pathname;
const stamp = join(web, 'dist', '.source-hash');

function files(dir, out = []) {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) files(p, out); else out.push(p);
  }
  return out;
}

const h = createHash('sha256');
for (const f of [...files(join(web, 'src')), join(web, 'index.html'), join(web, 'vite.config.ts'), join(web, 'package.json')]) {
  h.update(relative(web, f)).update('\0').update(readFileSync(f)).update('\0');
}
const hash = h.digest('hex');
const force = process.argv.includes('--force');
if (!force && existsSync(stamp) && readFileSync(stamp, 'utf8') === hash && existsSync(join(web, 'dist', 'index.html'))) {
  process.exit(0);
}
const started = Date.now();
process.stdout.write('building the web app … ');
const { build } = await import('vite');
await build({ root: web, logLevel: 'warn', configFile: join(web, 'vite.config.ts') });
// Pre-compressed copies: the server sends them to browsers that accept them (no compression per request).
for (const f of files(join(web, 'dist'))) {
  if (!/\.(js|css|html|svg|json)$/.test(f)) continue;
  const data = readFileSync(f);
  writeFileSync(`${f}.br`, brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
  writeFileSync(`${f}.gz`, gzipSync(data, { level: 9 }));
}
writeFileSync(stamp, hash);
console.log(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
