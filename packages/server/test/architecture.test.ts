// The layering rules of docs/ARCHITECTURE.md, checked on the source so they cannot quietly erode.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') && !p.endsWith('.test.ts') ? [p] : [];
  });
}
const imports = (src: string) => [...src.matchAll(/(?:^|\n)\s*(?:import|export)[^'"\n]*?from\s+['"]([^'"]+)['"]/g), ...src.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1]);
const server = join(root, 'packages/server/src');
const rel = (p: string) => relative(root, p);

test('procedures/ is pure: it imports nothing that does IO or belongs to the server', () => {
  const bad: string[] = [];
  for (const f of files(join(root, 'procedures/src'))) {
    for (const i of imports(readFileSync(f, 'utf8'))) {
      if (!i.startsWith('.') || i.includes('packages/')) bad.push(`${rel(f)} imports ${i}`);
    }
  }
  assert.deepEqual(bad, []);
});

test('a module uses another module only through its index.ts', () => {
  const bad: string[] = [];
  for (const f of files(join(server, 'modules'))) {
    const own = relative(join(server, 'modules'), f).split('/')[0];
    for (const i of imports(readFileSync(f, 'utf8')).filter((x) => x.startsWith('.'))) {
      const target = resolve(dirname(f), i);
      const r = relative(join(server, 'modules'), target);
      if (r.startsWith('..')) continue;
      const [mod, ...rest] = r.split('/');
      if (mod !== own && rest.join('/') !== 'index.ts') bad.push(`${rel(f)} imports ${i}`);
    }
  }
  assert.deepEqual(bad, []);
});

test('domain layers (kernel, procedure-engine/decide) import no database, HTTP or file system', () => {
  const bad: string[] = [];
  for (const f of [...files(join(server, 'kernel')), join(server, 'procedure-engine/decide.ts')]) {
    for (const i of imports(readFileSync(f, 'utf8'))) {
      if (/^(pg|fastify|@electric-sql|node:fs|node:child_process)/.test(i) || i.includes('/platform/') || i.includes('/modules/')) {
        if (!(f.endsWith('clock.ts') && i.endsWith('platform/db/db.ts'))) bad.push(`${rel(f)} imports ${i}`);
      }
    }
  }
  assert.deepEqual(bad, []);
});

test('only app/config.ts reads process.env', () => {
  const bad = files(server).filter((f) => !f.endsWith('app/config.ts') && /process\.env/.test(readFileSync(f, 'utf8'))).map(rel);
  assert.deepEqual(bad, []);
});

test('only repositories, migrations and platform/db hold SQL that writes', () => {
  const writes = /\b(INSERT INTO|UPDATE \w+ SET|DELETE FROM)\b/;
  const allowed = (f: string) => /\.repository\.ts$/.test(f) || f.includes('/platform/db/') || f.endsWith('procedure-engine/journal.ts')
    || f.endsWith('procedure-engine/sweep.ts') || f.endsWith('app/worker.ts') || f.endsWith('kernel/clock.ts');
  const bad = files(server).filter((f) => !allowed(f) && writes.test(readFileSync(f, 'utf8'))).map(rel);
  assert.deepEqual(bad, []);
});

test('only app/office.ts picks concrete adapters', () => {
  const bad = files(server).filter((f) => !f.endsWith('app/office.ts') && !f.includes('/platform/')
    && /new (LocalDiskStorage|MemoryStorage)\(|openPglite\(|openPostgres\(/.test(readFileSync(f, 'utf8'))).map(rel);
  assert.deepEqual(bad, []);
});
