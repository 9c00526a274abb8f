// Recording: hooks on every API request, deciding from the route's audit plan (plan.ts) whether the
// request is a staff read of unpublished data or an administrative change, and writing one event per
// request just before the answer leaves. A read whose event cannot be written is refused (503
// AUDIT_UNAVAILABLE: nothing unpublished leaves unrecorded); a change already made is answered as made
// and the failure logged. Commands run on the server (`registrum import`, `users add` ...) are
// recorded too, by recordCommand.
import { hostname, userInfo } from 'node:os';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { findProcedure, OFFICE_ROLES, type LegalDate } from '@registrum/procedures';
import { DomainError } from '../../kernel/errors.ts';
import type { Queryable } from '../../platform/db/db.ts';
import { publicDocumentKinds } from '../cases/index.ts';
import * as repo from './audit.repository.ts';
import { planFor, type AuditPlan, type ReadRule } from './plan.ts';
import { changeSummary, commandLine, safeUrl, summarise } from './summary.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The answer as the handler returned it (before serialisation), kept for the audit event of a list or a change. */
    auditAnswer?: unknown;
    /** Set once the request's audit event is decided, so an error answer sent after it does not record twice. */
    auditDone?: boolean;
  }
}

export interface AuditDeps { db: Queryable; clock: { today(): LegalDate } }

const isStaff = (role: string) => (OFFICE_ROLES as readonly string[]).includes(role);
const MAX_LISTED = 500;

/** The stable code of a problem answer (what refused a request). */
function codeOf(payload: unknown): string | null {
  if (typeof payload !== 'string' || payload.length > 20_000) return null;
  try { const p = JSON.parse(payload); return typeof p?.code === 'string' ? p.code : null; } catch { return null; }
}

/** Whether the register publishes this document of this case (a published case, a kind its procedure publishes). */
function isPublished(d: repo.CaseFacts & { kind: string }): boolean {
  if (!d.public) return false;
  const procedure = findProcedure(d.framework, d.right_kind, d.procedure_version);
  return !!procedure && publicDocumentKinds(procedure).has(d.kind);
}

const text = (x: unknown): string | null => (typeof x === 'string' && x.length > 0 && x.length <= 200 ? x : null);

export function registerAudit(app: FastifyInstance, deps: AuditDeps) {
  const plans = new Map<string, AuditPlan>();
  const planOf = (req: FastifyRequest): AuditPlan | null => {
    const url = req.routeOptions?.url;
    if (!url) return null;
    const key = `${req.method} ${url}`;
    let plan = plans.get(key);
    if (!plan) plans.set(key, (plan = planFor(req.method, url, req.routeOptions.config?.access)));
    return plan;
  };

  app.addHook('preSerialization', async (req, _reply, payload) => {
    const plan = planOf(req);
    if (plan && (plan.change || plan.read?.read === 'list')) req.auditAnswer = payload;
    return payload;
  });

  app.addHook('onSend', async (req, reply, payload) => {
    if (req.auditDone) return payload;
    const plan = planOf(req);
    const user = req.user;
    if (!plan || (!plan.change && !plan.read) || !user) return payload;
    req.auditDone = true;
    const status = reply.statusCode;
    const base = {
      officeDate: deps.clock.today(), userId: user.id, userRole: user.role, userName: user.display_name,
      method: req.method, route: req.routeOptions.url!, url: safeUrl(req.url), status, requestId: req.id, address: req.ip,
    };
    if (plan.change) {
      if (status >= 400 && status !== 403) return payload;
      try {
        await repo.insertEvent(deps.db, status === 403
          ? { ...base, kind: 'admin-denied', summary: { ...changeSummary({ params: req.params }), refused: codeOf(payload) } }
          : { ...base, kind: 'admin-change', summary: changeSummary(req, req.auditAnswer) });
      } catch (err) {
        req.log.error({ err, audit: { ...base, kind: status === 403 ? 'admin-denied' : 'admin-change' } }, 'administrative change not recorded in the audit trail');
      }
      return payload;
    }
    if (status >= 400 || !isStaff(user.role)) return payload;
    try {
      await recordRead(deps.db, plan.read!, req, { ...base, kind: 'read-unpublished' as const });
    } catch (err) {
      req.log.error({ err }, 'staff read not recorded in the audit trail');
      throw new DomainError('AUDIT_UNAVAILABLE', 'The audit trail could not record this read, so nothing is shown; try again shortly', 503);
    }
    return payload;
  });
}

type ReadBase = Omit<repo.NewAuditEvent, 'summary' | 'caseId' | 'caseNumber'>;

async function recordRead(db: Queryable, rule: ReadRule, req: FastifyRequest, base: ReadBase): Promise<void> {
  const params = (req.params ?? {}) as Record<string, unknown>;
  const query = req.query && typeof req.query === 'object' && Object.keys(req.query).length ? { query: summarise(req.query) } : {};
  switch (rule.read) {
    case 'case': {
      const ref = text(params[rule.param]);
      if (!ref) return;
      if (!rule.document) { await repo.insertCaseReadIfUnpublished(db, ref, { ...base, summary: query }); return; }
      const c = await repo.caseFacts(db, ref);
      const sha = text(params[rule.document]);
      if (!c || !sha) return;
      const docs = await repo.documentHolders(db, sha, c.id);
      if (c.public && docs.length > 0 && docs.every(isPublished)) return;
      await repo.insertEvent(db, { ...base, caseId: c.id, caseNumber: c.number, summary: { ...query, document: sha } });
      return;
    }
    case 'document': {
      const sha = text(params[rule.param]);
      if (!sha) return;
      const hidden = (await repo.documentHolders(db, sha)).filter((d) => !isPublished(d));
      if (hidden.length === 0) return;
      const cases = [...new Set(hidden.map((d) => d.number))];
      await repo.insertEvent(db, { ...base, caseId: hidden[0].id, caseNumber: hidden[0].number, summary: { document: sha, ...(cases.length > 1 ? { cases } : {}) } });
      return;
    }
    case 'case-in-body': {
      const ref = text((req.body as Record<string, unknown> | null)?.[rule.field]);
      if (ref) await repo.insertCaseReadIfUnpublished(db, ref, { ...base, summary: { params: summarise(params) } });
      return;
    }
    case 'personal': {
      const c = rule.case ? await repo.caseFacts(db, text(params[rule.case]) ?? '') : undefined;
      const named = Object.keys(params).length ? { params: summarise(params) } : {};
      await repo.insertEvent(db, { ...base, caseId: c?.id ?? null, caseNumber: c?.number ?? null, summary: { ...query, ...named } });
      return;
    }
    case 'list': {
      let numbers: string[] = [];
      try { numbers = rule.cases(req.auditAnswer); } catch { numbers = []; }
      const hidden = await repo.unpublishedOf(db, numbers.slice(0, 5_000));
      if (hidden.length === 0) return;
      const one = hidden.length === 1 ? hidden[0] : null;
      await repo.insertEvent(db, {
        ...base, caseId: one?.id ?? null, caseNumber: one?.number ?? null,
        summary: { ...query, count: hidden.length, cases: hidden.slice(0, MAX_LISTED).map((c) => c.number) },
      });
      return;
    }
  }
}

/** What a command of the `registrum` program records: its kind, its name, and the positions of secrets in its arguments. */
export function commandAudit(argv: string[]): { kind: repo.AuditKind; route: string; secrets: number[] } | null {
  const [cmd, sub] = argv;
  const change = (route: string, secrets: number[] = []) => ({ kind: 'admin-change' as const, route: `registrum ${route}`, secrets });
  if (cmd === 'import') return change(['st96', 'uspto', 'register'].includes(sub) ? `import ${sub}` : 'import');
  if (cmd === 'sweep') return change('sweep');
  if (cmd === 'clock' && sub === 'set') return change('clock set');
  if (cmd === 'opendata' && sub === 'dump') return change('opendata dump');
  if (cmd === 'users' && sub === 'add') return change('users add', [4]);
  if (cmd === 'backup') return { kind: 'read-unpublished', route: 'registrum backup', secrets: [] };
  return null;
}

/** Records a command run on the server: by the operating-system account that ran it, on this host. */
export async function recordCommand(deps: AuditDeps, argv: string[]): Promise<boolean> {
  const audit = commandAudit(argv);
  if (!audit) return false;
  let who = 'unknown';
  try { who = userInfo().username; } catch { /* no such account in this container */ }
  await repo.insertEvent(deps.db, {
    officeDate: deps.clock.today(), kind: audit.kind, userId: null, userRole: 'operator', userName: who,
    method: 'CLI', route: audit.route, url: commandLine(argv, audit.secrets), status: null, summary: {}, address: hostname(),
  });
  return true;
}
