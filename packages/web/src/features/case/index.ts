// The case page parts every portal reuses, and the law they read titles from.
export { CaseHeader, Classes, DaysLeft, Documents, Fees, MarkImage, Parties, TimeLimits, Timeline, partyRoleName, roleName, statusTone } from './components.tsx';
export type { CaseHeaderProps, CasePartProps } from './components.tsx';
export { actTitle, feeScheduleOn, loadProcedures, procedureOf, stateTitle, useProcedures } from './law.ts';
export type * from './types.ts';
