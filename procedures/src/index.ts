// The law as data: every framework Registrum ships, and how a case finds its procedure.
import { compareDates, type LegalDate } from './common/calendar.ts';
import type { Framework, ProcedureDefinition, Right } from './common/types.ts';
import { modelLaw } from './model-law/index.ts';
import { ruritania } from './offices/ruritania/index.ts';
import { withRedaction } from './common/privacy.ts';

export * from './common/types.ts';
export * from './common/calendar.ts';
export { extendProcedure } from './common/extend.ts';
export { ANY_STATE } from './common/standard.ts';
export { TAKE_OVER, TAKE_OVER_UPDATE } from './common/takeover.ts';
export { REDACT_PERSONAL_DATA, DEFAULT_PRIVACY, privacyOf } from './common/privacy.ts';
export { VIENNA_CATEGORIES, VIENNA_DIVISIONS, normaliseViennaCode, viennaCodeProblem } from './model-law/trademark/vienna.ts';
export { LOCARNO_CLASSES, isLocarnoClass } from './model-law/design/locarno.ts';
export {
  EXTEND_FOR_OUTAGE, REINSTATE_AFTER_OUTAGE, extendTimeLimit, isUnavailable, nextAvailableDay, partyTimeLimitKinds,
  type DeclaredOutage, type OutageDays, type OutageInput,
} from './common/outage.ts';

// Every framework's procedures take the redaction act of personal data under its own legal basis (common/privacy.ts).
export const FRAMEWORKS: readonly Framework[] = [modelLaw, ruritania].map(withRedaction);

export function findFramework(id: string): Framework | undefined {
  return FRAMEWORKS.find((f) => f.id === id);
}

/** The exact version a case pinned at filing. */
export function findProcedure(framework: string, right: string, version: string): ProcedureDefinition | undefined {
  return findFramework(framework)?.procedures.find((p) => p.right === right && p.version === version);
}

/** The version a new filing on `date` is made under: the latest in force on that date. */
export function procedureInForce(framework: string, right: string, date: LegalDate): ProcedureDefinition | undefined {
  const candidates = (findFramework(framework)?.procedures ?? [])
    .filter((p) => p.right === right && compareDates(p.effectiveFrom, date) <= 0)
    .sort((a, b) => compareDates(a.effectiveFrom, b.effectiveFrom));
  return candidates.at(-1);
}

/**
 * The states in which a case of a right no longer stands in anyone's way: those some version of its
 * procedure ends a case in, and no version keeps it alive in (searches leave them out unless asked).
 */
export function endingStates(right: string): ReadonlySet<string> {
  const dead = new Set<string>();
  const live = new Set<string>();
  for (const f of FRAMEWORKS) for (const p of f.procedures) {
    if (p.right !== right) continue;
    for (const [name, s] of Object.entries(p.states)) (s.terminal ? dead : live).add(name);
  }
  for (const s of live) dead.delete(s);
  return dead;
}
