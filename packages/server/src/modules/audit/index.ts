// The audit trail: who read unpublished data and who changed the office's administration, one
// hash-chained, append-only event per request (see recorder.ts, plan.ts, chain.ts).
export { AUDIT_KINDS, type AuditKind, type AuditEventRow } from './audit.repository.ts';
export { planFor, isAdministrative, admitsStaff, READS, NO_REGISTER_DATA, NOT_CHANGES, type AuditPlan, type ReadRule } from './plan.ts';
export { summarise, changeSummary, isSecretName, safeUrl, REMOVED } from './summary.ts';
export { registerAudit, recordCommand, commandAudit, type AuditDeps } from './recorder.ts';
export { chainAuditTrail, verifyAuditTrail, auditEventHash, AUDIT_GENESIS, type AuditProblem, type AuditCounts } from './chain.ts';
export { listAuditEvents, presentEvent, type AuditQuery } from './use-cases/list-events.ts';
export { auditRoutes } from './audit.http.ts';
