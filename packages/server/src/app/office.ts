// Composition root: the one place that picks concrete adapters from the configuration and wires the
// modules. Everything else receives what it needs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findFramework } from '@registrum/procedures';
import { OfficeClock } from '../kernel/clock.ts';
import { AccessService, OidcSignIn, officeSecret } from '../modules/access/index.ts';
import { accountPayments, type AccountsDeps } from '../modules/accounts/index.ts';
import { OfficeCalendars } from '../modules/admin/calendars.ts';
import { OfficeFeeSchedules } from '../modules/admin/fee-schedules.ts';
import type { CasesDeps } from '../modules/cases/index.ts';
import { issueDocument, renderDocumentJob, type DocumentsDeps } from '../modules/documents/index.ts';
import { notifyParties, notifyPartiesJob, remindDue, sendDueMail, type MailingDeps } from '../modules/notifications/index.ts';
import { OcrReader } from '../modules/ocr/index.ts';
import { completePendingExtensions, type OutagesDeps } from '../modules/outages/index.ts';
import { DUMP_TOPIC, dumpJob, scheduleDump } from '../modules/opendata/index.ts';
import { deliverDue, enqueueActDeliveries, officeNow } from '../modules/webhooks/index.ts';
import { openDatabase, type Db } from '../platform/db/db.ts';
import { migrate } from '../platform/db/migrate.ts';
import { FileMailer, SmtpMailer, type Mailer } from '../platform/mail/mail.ts';
import { TesseractOcr } from '../platform/ocr/tesseract.ts';
import { DemoBank, type PaymentProvider } from '../platform/payments/payments.ts';
import { demoSigningKey, loadPkcs12, type OfficeSigningKey } from '../platform/signing/signing.ts';
import { S3Storage } from '../platform/storage/s3.ts';
import { LocalDiskStorage, MemoryStorage, type BlobStorage } from '../platform/storage/storage.ts';
import { ProcedureEngine } from '../procedure-engine/engine.ts';
import { ConfigError, type Config } from './config.ts';
import { OIDC_LOGIN_SECONDS } from './cookies.ts';
import type { JobHandler, WorkerDeps } from './worker.ts';
import { SearchService, watchJob } from '../modules/search/index.ts';
import { indexPatentText } from '../modules/prior-art/index.ts';
import { imageFeaturesTask } from '../modules/images/index.ts';

/**
 * After every act: its documents are rendered, then the parties are told, then its webhook deliveries are
 * made (sent later by the worker, so a subscriber never holds up or undoes an act). All idempotent.
 */
function actRecordedJob(render: ReturnType<typeof renderDocumentJob>, notify: typeof notifyPartiesJob, deliveries: JobHandler, watches: ReturnType<typeof watchJob>): JobHandler {
  return async (q, job: { caseId: string; actId: number; act: string; documents: string[] }) => {
    for (const kind of job.documents ?? []) await render(q, { kind, caseId: job.caseId, actId: job.actId });
    await notify(q, job);
    await deliveries(q, job);
    await watches(q, job);
  };
}

function readSigningKey(s: NonNullable<Config['signing']>): OfficeSigningKey {
  try {
    return loadPkcs12(readFileSync(s.p12Path), s.passphrase);
  } catch (e) {
    throw new ConfigError(`SIGNING_P12 (${s.p12Path}) cannot be used: ${(e as Error).message}`);
  }
}

export interface Office {
  config: Config;
  db: Db;
  clock: OfficeClock;
  engine: ProcedureEngine;
  /** The holiday calendar versions the office maintains (added to those its frameworks ship). */
  calendars: OfficeCalendars;
  /** The fee-schedule versions the office maintains (added to those its procedures ship). */
  feeSchedules: OfficeFeeSchedules;
  access: AccessService;
  /** Sign-in through the office's OpenID Connect provider; null when none is configured. */
  oidc: OidcSignIn | null;
  storage: BlobStorage;
  cases: CasesDeps;
  /** Declared outages of the office's electronic services, the extensions they cause, fallback filings. */
  outages: OutagesDeps;
  /** Current accounts of parties; the payment provider deposits go through. */
  accounts: AccountsDeps;
  /** The key outgoing documents are signed with (the demo office's own in demo mode, made on first use). */
  signingKey(): OfficeSigningKey;
  /** What issuing outgoing documents needs: templates, fonts, the key, the verification address. */
  documents: DocumentsDeps;
  worker: WorkerDeps;
  /** Similar-mark search: the in-memory index of this process, built on first use from the database. */
  search: SearchService;
  close(): Promise<void>;
}

export interface OfficeOptions {
  log?: WorkerDeps['log'];
  /** An already open database (tests create their own). */
  db?: Db;
  /** The real-time source of the office clock (tests start it on a chosen date). */
  now?: () => Date;
}

export async function openOffice(config: Config, opts: OfficeOptions = {}): Promise<Office> {
  const log = opts.log ?? { error: (o: unknown, m?: string) => console.error(m, o), info: () => {} };
  const database = opts.db ?? await openDatabase({
    databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: config.databasePoolSize,
    readUrl: config.databaseReadUrl, connectTimeoutMs: config.databaseConnectTimeoutMs,
  });
  try {
    await migrate(database);
    const framework = findFramework(config.framework)!;
    const clock = new OfficeClock(framework.office.timeZone, config.mode === 'demo', opts.now);
    await clock.load(database);
    const calendars = new OfficeCalendars();
    await calendars.load(database);
    const feeSchedules = new OfficeFeeSchedules();
    await feeSchedules.load(database);
    // The patent text the prior-art search reads is kept with each act that changes it.
    const engine = new ProcedureEngine(clock, calendars, feeSchedules, [indexPatentText]);
    const storage: BlobStorage = config.storage.kind === 's3' ? new S3Storage(config.storage)
      : config.dataDir === 'memory://' ? new MemoryStorage() : new LocalDiskStorage(join(config.dataDir, 'documents'));
    // A configured key is read now, so a wrong file or passphrase stops the start.
    let key: OfficeSigningKey | null = config.signing ? readSigningKey(config.signing) : null;
    const signingKey = () => (key ??= demoSigningKey(config.dataDir === 'memory://' ? null : join(config.dataDir, 'signing', 'demo-office.p12'), framework.office.name, framework.office.code));
    // Printed on every outgoing document: where anyone checks it.
    const verifyBase = `${config.publicUrl ?? `http://${config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host}:${config.port}`}/verify`;
    const documents: DocumentsDeps = { storage, engine, signingKey, office: framework.office, verifyBase };
    const access = new AccessService(database, config.sessionDays, {
      maxFailures: config.loginMaxFailures, lockMinutes: config.loginLockMinutes,
      officeSecret: officeSecret(config.secondFactorKey, config.dataDir), issuer: framework.office.name,
      staffPasswordSignIn: config.staffPasswordSignIn,
    });
    const oidc = config.oidc ? new OidcSignIn(database, access, { ...config.oidc, allowHttp: config.mode === 'demo', loginSeconds: OIDC_LOGIN_SECONDS }) : null;
    // Deposits go through the demo bank in demo mode; production has no provider until a bank adapter is configured.
    const provider: PaymentProvider | null = config.mode === 'demo' ? new DemoBank() : null;
    const accounts: AccountsDeps = { db: database, clock, currency: framework.office.currency, provider };
    const cases: CasesDeps = { db: database, engine, clock, storage, defaultFramework: config.framework, accounts: accountPayments(accounts) };
    const outages: OutagesDeps = { db: database, engine, clock, timeZone: framework.office.timeZone, now: () => officeNow(clock), cases };
    // E-mail through the configured SMTP server; the demo office without one keeps each message as a .eml file to look at.
    const mailer: Mailer | null = config.smtpUrl ? new SmtpMailer(config.smtpUrl)
      : config.mode === 'demo' ? new FileMailer(config.dataDir === 'memory://' ? null : join(config.dataDir, 'mail')) : null;
    const mailing: MailingDeps | null = mailer ? { from: config.mailFrom, office: framework.office.name, publicUrl: config.publicUrl, clock } : null;
    // Scanned documents are read by the worker; the engine starts on the first one.
    const ocr = config.ocr.enabled ? new OcrReader({ db: database, storage, engine: new TesseractOcr({ languages: config.ocr.languages }), now: () => officeNow(clock) }) : null;
    // Similar-mark search: the index is built on the first search; watches are compared with each publication by the worker.
    const search = new SearchService(database, {
      scripts: config.search.scripts, refreshMs: config.search.refreshMs,
      lexicon: { languages: config.search.languages, concepts: config.search.concepts ?? undefined, weakWords: config.search.weakWords ?? undefined, relatedClasses: config.search.relatedClasses ?? undefined },
    });
    const worker: WorkerDeps = {
      db: database, engine, clock, log,
      handlers: {
        'act.recorded': actRecordedJob(renderDocumentJob(documents), notifyParties(mailing), async (q, job) => { await enqueueActDeliveries(q, job, officeNow(clock), config.publicUrl ?? ''); }, watchJob(search)),
        [DUMP_TOPIC]: dumpJob({ storage, clock, office: { code: framework.office.code }, chunk: config.openDataChunk }),
      },
      periodic: [
        { name: 'webhook deliveries', run: () => deliverDue({ db: database, clock, production: config.mode === 'production', timeoutMs: config.webhookTimeoutMs }) },
        { name: 'open-data dump schedule', run: () => scheduleDump(database, clock, config.openDataDumpDays) },
        ...(ocr ? [{ name: 'ocr', run: () => ocr.run(worker.log) }] : []),
        { name: 'image features', run: () => imageFeaturesTask({ db: database, storage }, worker.log) },
        // An outage's extension that stopped halfway (a crash) is completed; the sweep holds its time limits until then.
        { name: 'outage extensions', run: () => completePendingExtensions(outages) },
        { name: 'deadline reminders', run: () => remindDue({ db: database, clock, days: config.reminderDays, office: framework.office.name, mail: mailing, issue: (q, job) => issueDocument(documents, q, job) }) },
        ...(mailer ? [{ name: 'mail', run: () => sendDueMail({ db: database, clock, mailer }) }] : []),
      ],
    };
    // The database (or its replica) going away and coming back is logged once each way, by whoever logs for
    // the worker (the HTTP server's log when serving); the requests meanwhile are answered 503, not logged one by one.
    database.onAvailability((c) => (c.available
      ? worker.log.info({ database: c.role, downForMs: c.downForMs }, `${c.role === 'replica' ? 'read replica' : 'database'} reachable again`)
      : worker.log.error({ database: c.role, reason: c.reason }, `${c.role === 'replica' ? 'read replica unavailable: reads go to the primary' : 'database unavailable: requests are answered 503 until it is back'}`)));
    return { config, db: database, clock, engine, calendars, feeSchedules, access, oidc, storage, cases, outages, accounts, signingKey, documents, worker, search, close: async () => { await ocr?.close(); await database.close(); } };
  } catch (e) {
    await database.close().catch(() => {});
    throw e;
  }
}
