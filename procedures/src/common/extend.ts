// An office framework is model law plus what differs. `extendProcedure` keeps everything of the base
// and replaces only the periods, fee items, states and act fields the office names.
import type { LegalDate } from './calendar.ts';
import type { ActDefinition, FeeScheduleVersion, ProcedureDefinition, StateDefinition } from './types.ts';
import type { PeriodSpec } from './calendar.ts';

export interface ProcedureOverrides {
  framework: string;
  version: string;
  effectiveFrom: LegalDate;
  title?: string;
  numberPrefix?: string;
  periods?: Record<string, PeriodSpec>;
  /** Fee schedule versions replacing the base's (fees are the office's own). */
  fees?: FeeScheduleVersion[];
  states?: Record<string, StateDefinition>;
  /** Per act: fields that replace the base act's fields; `null` removes the act. */
  acts?: Record<string, Partial<ActDefinition> | null>;
}

export function extendProcedure(base: ProcedureDefinition, o: ProcedureOverrides): ProcedureDefinition {
  const acts: Record<string, ActDefinition> = { ...base.acts };
  for (const [type, patch] of Object.entries(o.acts ?? {})) {
    if (patch === null) { delete acts[type]; continue; }
    const prev = acts[type];
    if (!prev && !isCompleteAct(patch)) throw new Error(`extendProcedure: new act ${type} needs title, legalBasis, from and performers`);
    acts[type] = { ...(prev ?? {}), ...patch } as ActDefinition;
  }
  return {
    ...base,
    framework: o.framework,
    version: o.version,
    effectiveFrom: o.effectiveFrom,
    title: o.title ?? base.title,
    numberPrefix: o.numberPrefix ?? base.numberPrefix,
    periods: { ...base.periods, ...(o.periods ?? {}) },
    fees: o.fees ?? base.fees,
    states: { ...base.states, ...(o.states ?? {}) },
    acts,
  };
}

function isCompleteAct(a: Partial<ActDefinition>): a is ActDefinition {
  return !!(a.title && a.legalBasis && a.from && a.performers);
}
