// The law of the office (GET /api/v1/procedures), loaded once per page load and shared: state titles of
// worklist lanes and of past acts, the fees an act charges. It changes only with a new release.
import { useEffect, useState } from 'react';
import { api } from '../../api.ts';
import type { CaseData, ProcedureDoc, ProceduresResponse } from './types.ts';

let pending: Promise<ProceduresResponse> | null = null;
let loaded: ProceduresResponse | null = null;

export function loadProcedures(): Promise<ProceduresResponse> {
  if (!pending) {
    pending = api<ProceduresResponse>('/procedures').then((d) => { loaded = d; return d; });
    pending.catch(() => { pending = null; }); // a failed load is tried again by the next caller
  }
  return pending;
}

/** The law, or null while it loads (callers show codes until then). */
export function useProcedures(): ProceduresResponse | null {
  const [doc, setDoc] = useState<ProceduresResponse | null>(loaded);
  useEffect(() => {
    if (loaded) return;
    let live = true;
    loadProcedures().then((d) => { if (live) setDoc(d); }).catch(() => { /* titles fall back to codes */ });
    return () => { live = false; };
  }, []);
  return doc;
}

/** The procedure version a case is pinned to. */
export function procedureOf(doc: ProceduresResponse | null, c: Pick<CaseData, 'framework' | 'right' | 'procedureVersion'>): ProcedureDoc | null {
  if (!doc) return null;
  const f = doc.items.find((x) => x.id === c.framework);
  return f?.procedures.find((p) => p.right === c.right && p.version === c.procedureVersion)
    ?? f?.procedures.find((p) => p.right === c.right) ?? null;
}

/** The English title of a state; for a worklist lane (a right and a state across frameworks) the first that has it. */
export function stateTitle(doc: ProceduresResponse | null, right: string, state: string, pinned?: ProcedureDoc | null): string {
  const own = pinned?.states[state]?.title;
  if (own) return own;
  for (const f of doc?.items ?? []) for (const p of f.procedures) if (p.right === right && p.states[state]) return p.states[state].title;
  return state;
}

/** The English title of an act of a right (for bulk acts and lanes, where no case is loaded). */
export function actTitle(doc: ProceduresResponse | null, right: string, act: string): string {
  for (const f of doc?.items ?? []) for (const p of f.procedures) if (p.right === right && p.acts[act]) return p.acts[act].title;
  return act;
}

/** The fee schedule in force on a date. */
export function feeScheduleOn(p: ProcedureDoc, date: string | undefined) {
  const sorted = [...p.fees].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
  let chosen = sorted[0];
  for (const s of sorted) if (!date || s.effectiveFrom <= date) chosen = s;
  return chosen ?? null;
}
