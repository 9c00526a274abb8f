// Test harness: a real office on a real database. PGlite in memory by default; with DATABASE_URL set,
// a fresh PostgreSQL database per test file (created here, dropped at the end).
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { FastifyInstance } from 'fastify';
import { parseLegalDate, type LegalDate, type Role } from '@registrum/procedures';
import { loadConfig, type Config } from '../../src/app/config.ts';
import { buildHttp } from '../../src/app/http.ts';
import { openOffice, type Office } from '../../src/app/office.ts';
import { workOnce } from '../../src/app/worker.ts';
import { actorOf } from '../../src/modules/access/index.ts';
import type { Actor } from '../../src/kernel/actor.ts';
import { openPostgres, type Db } from '../../src/platform/db/db.ts';
import { insertParty } from '../../src/procedure-engine/journal.repository.ts';

export interface TestOffice extends Office {
  /** Moves the office date forward (and runs nothing else). */
  setDate(d: string): Promise<LegalDate>;
  /** Runs one worker pass: expiry sweep, jobs, seals. */
  work(): ReturnType<typeof workOnce>;
  /** Creates a user (with a party for applicants and agents) and returns its actor. */
  user(username: string, role: Role, partyName?: string): Promise<Actor & { kind: 'user' }>;
  http(): Promise<FastifyInstance>;
  shutdown(): Promise<void>;
}

export const usingPostgres = () => !!process.env.DATABASE_URL;

async function freshPostgres(): Promise<{ db: Db; drop: () => Promise<void> }> {
  const url = new URL(process.env.DATABASE_URL!);
  const name = `t_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url.toString() });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const dbUrl = new URL(url.toString()); dbUrl.pathname = `/${name}`;
  const db = await openPostgres(dbUrl.toString(), 10);
  return {
    db,
    drop: async () => {
      const c = new pg.Client({ connectionString: url.toString() });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
}

/** An office whose real-time clock starts on `startDate` (the office date can then only move forward). */
export async function testOffice(opts: { startDate?: string; framework?: string; config?: Partial<Config> } = {}): Promise<TestOffice> {
  const config: Config = {
    ...loadConfig({ REGISTRUM_MODE: 'demo', DATA_DIR: 'memory://', LOG_LEVEL: 'silent', REGISTRUM_FRAMEWORK: opts.framework ?? 'model-law' }),
    ...opts.config,
  };
  let db: Db | undefined; let drop = async () => {};
  if (usingPostgres()) ({ db, drop } = await freshPostgres());
  const start = new Date(`${parseLegalDate(opts.startDate ?? '2026-01-05')}T09:00:00Z`);
  const office = await openOffice(config, { log: { error: () => {}, info: () => {} }, db, now: () => start });
  const clock = office.clock;
  let app: FastifyInstance | undefined;
  return Object.assign(office, {
    setDate: (d: string) => office.db.tx((q) => clock.setDate(q, parseLegalDate(d))),
    work: () => workOnce(office.worker),
    async user(username: string, role: Role, partyName?: string) {
      const id = await office.db.tx(async (q) => {
        const partyId = role === 'applicant' || role === 'agent' ? await insertParty(q, { name: partyName ?? username, country: 'XX' }) : null;
        return office.access.createUser(q, { username, displayName: partyName ?? username, role, password: 'test-password', partyId });
      });
      const u = (await office.access.listUsers()).find((x) => x.id === id)!;
      return actorOf(u) as Actor & { kind: 'user' };
    },
    async http() {
      app ??= await buildHttp(office);
      return app;
    },
    async shutdown() {
      await app?.close();
      await office.close();
      await drop();
    },
  });
}

/** A trademark filing payload with sensible defaults. */
export function trademarkPayload(over: Record<string, any> = {}) {
  return {
    mark: { kind: 'Word', text: 'AURORA' },
    applicant: { kind: 'legal', name: 'Aurora Coffee Ltd', country: 'XX', address: '1 Main Street' },
    goodsServices: [{ classNumber: 30, terms: ['coffee'] }],
    ...over,
  };
}
