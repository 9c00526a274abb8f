// The shapes the API returns for a case (GET /api/v1/cases/{id}) and the law (GET /api/v1/procedures).
// Fields an anonymous reader does not receive are optional: components render only what is present.
import type { JsonSchema } from '../acts/SchemaForm.tsx';

export interface AvailableAct { type: string; title: string; legalBasis: string; payloadSchema: JsonSchema | null }

export interface CaseAct {
  id: number; seq: number; type: string; title: string; officeDate: string; recordedAt?: string;
  actor: { id?: string; role: string; name?: string };
  legalBasis: string; stateBefore: string | null; stateAfter: string;
  payload?: Record<string, any>; effects?: Record<string, any>; event?: Record<string, any> | null;
  hash?: string; sealed?: boolean;
}

export interface CaseTimeLimit {
  kind: string; startsFrom?: string; windowOpensOn: string | null; dueOn: string; graceEndsOn: string | null;
  daysLeft: number; inGrace: boolean; onExpiry?: string; citation?: string | null;
  /** How the dates were computed (an extension for an outage included). */
  computation?: Record<string, any> | null;
}

export interface CaseDocument {
  id?: string; kind: string; direction?: string; media_type?: string; sha256: string; size?: number; title: string; act_id?: number; created_at?: string;
  /** What the case file records of it (absent for documents filed before these were kept). */
  language?: string | null; pages?: number | null; submitter?: string | null; received_on?: string | null; verification_code?: string | null; signed?: boolean;
}

export interface CaseParty { id?: string; role: string; kind?: string; name: string; address?: string | null; country?: string | null; email?: string | null }

export interface CaseFees {
  outstanding: number; credit: number; currency: string;
  items: { id: string; code: string; title: string; quantity: number; amount: number; currency: string; paid: number; due_on: string | null; act: string }[];
  payments: { id: string; amount: number; currency: string; method: string | null; reference: string | null; received_on: string }[];
}

export interface CaseData {
  id: string; number: string; right: string; framework: string; procedureVersion: string;
  state: string; stateTitle: string; statusCategory: string | null; title: string | null;
  filingDate: string | null; public: boolean; parentId: string | null; updatedAt?: string;
  asOf?: string | null; officeDate?: string;
  data?: Record<string, any>;
  parties?: CaseParty[];
  timeLimits?: CaseTimeLimit[];
  acts?: CaseAct[];
  fees?: CaseFees | null;
  documents?: CaseDocument[];
  children?: { id: string; number: string; right_kind: string; state: string }[];
  availableActs?: AvailableAct[];
}

export interface ProcedureAct {
  title: string; legalBasis: string; from: string[]; performers: string[]; fees: string[]; payment: 'before' | 'later' | null;
  automatic: boolean; payloadSchema: JsonSchema | null;
}

export interface ProcedureDoc {
  right: string; version: string; effectiveFrom: string; title: string;
  states: Record<string, { title: string; terminal?: boolean; public?: boolean; statusCategory?: string }>;
  acts: Record<string, ProcedureAct>;
  fees: { effectiveFrom: string; currency: string; items: Record<string, { title: string; amount: number }> }[];
}

export interface FrameworkDoc { id: string; title: string; office: { code: string; name: string; currency: string }; procedures: ProcedureDoc[] }
export interface ProceduresResponse { items: FrameworkDoc[] }
