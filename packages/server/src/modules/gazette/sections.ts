// Which acts the gazette announces, and in which section: the one place this is decided. An act is
// announced only once its case is public, from the act that published it on (earlier acts stay in the
// case's own public history). The section follows from the legal-status event the act recorded
// (acts.event: WIPO ST.61 for trademarks and geographical indications, ST.27 for patents and utility
// models, ST.87 for designs), whether the act made the case public, and, for acts whose standard has no
// event for them (a design's renewal, a recordal under ST.87), the act itself:
//
// | section        | acts                                                                                     |
// |----------------|------------------------------------------------------------------------------------------|
// | recordals      | 'enter-recordal', 'divide-out'; ST.61 'National assignment history entry' or a detailed   |
// |                | code 'recordal-*'; ST.27 R10 (except R19, a request refused) and S10                      |
// | renewals       | 'renew'; ST.61 detailed code 'renewal'                                                    |
// | registrations  | ST.61 'Registration published'; ST.27 F10 (granted), K10 (right revived), Q13 (right      |
// |                | document published); ST.87 'Registered'                                                   |
// | applications   | ST.61 'Application published'; ST.27 Q10 (Q11, Q12, Q14); any other act that made the    |
// |                | case public (e.g. a national-phase entry already published by WIPO, a designation)        |
// | lapses         | ST.61 'Application withdrawn', 'Application refused', 'Registration cancelled',           |
// |                | 'Registration surrendered'; ST.27 B10, H10, N10; ST.87 'Withdrawn', 'Expired', and        |
// |                | 'Undefined' ending as Cancelled or Rejected                                               |
// | corrections    | ST.27 P10 (document amended or corrected), Q15, Q17, Y10; 'approve-amendment'             |
// |                | (an amended specification of a geographical indication)                                   |
//
// Everything else (examination steps, fee payments, oppositions pending) is not announced, nor are the
// acts that take a record over from a previous register: what they carry was announced there.
import { FRAMEWORKS, TAKE_OVER, TAKE_OVER_UPDATE, type ProcedureDefinition, type StatusEvent } from '@registrum/procedures';

export const SECTIONS = ['applications', 'registrations', 'renewals', 'recordals', 'lapses', 'corrections'] as const;
export type Section = (typeof SECTIONS)[number];

export const SECTION_TITLES: Readonly<Record<Section, string>> = {
  applications: 'Applications published',
  registrations: 'Registrations and grants',
  renewals: 'Renewals',
  recordals: 'Recordals',
  lapses: 'Lapses, expiries, cancellations and withdrawals',
  corrections: 'Corrections and amendments',
};

/** Acts announced by their type, whatever event they record. */
const BY_ACT: Readonly<Record<string, Section>> = {
  'enter-recordal': 'recordals',
  'divide-out': 'recordals',
  renew: 'renewals',
  'approve-amendment': 'corrections',
};

const ST61: Readonly<Record<string, Section>> = {
  'Registration published': 'registrations',
  'Application published': 'applications',
  'National assignment history entry': 'recordals',
  'Application withdrawn': 'lapses',
  'Application refused': 'lapses',
  'Registration cancelled': 'lapses',
  'Registration surrendered': 'lapses',
};

const ST27: Readonly<Record<string, Section>> = {
  F10: 'registrations', K10: 'registrations', Q10: 'applications',
  R10: 'recordals', S10: 'recordals',
  B10: 'lapses', H10: 'lapses', N10: 'lapses',
  P10: 'corrections', Y10: 'corrections',
};
const ST27_DETAILED: Readonly<Record<string, Section | null>> = { Q13: 'registrations', Q15: 'corrections', Q17: 'corrections', R19: null };

const ST87: Readonly<Record<string, Section>> = { Registered: 'registrations', Withdrawn: 'lapses', Expired: 'lapses' };

export interface AnnouncedAct {
  type: string;
  event: Pick<StatusEvent, 'standard' | 'category'> & { detailedCode?: string | null; statusCategory?: string | null } | null;
  /** The act made the case public (effects.published). */
  published: boolean;
}

/** Acts never announced, whatever they record. */
const NOT_ANNOUNCED: ReadonlySet<string> = new Set([TAKE_OVER, TAKE_OVER_UPDATE]);

/** The section an act is announced in, or null: not announced. */
export function sectionOf(a: AnnouncedAct): Section | null {
  if (NOT_ANNOUNCED.has(a.type)) return null;
  if (Object.hasOwn(BY_ACT, a.type)) return BY_ACT[a.type];
  const e = a.event;
  let section: Section | null = null;
  if (e?.standard === 'ST.61') {
    if (e.detailedCode === 'renewal') section = 'renewals';
    else if (e.detailedCode?.startsWith('recordal-')) section = 'recordals';
    else section = ST61[e.category] ?? null;
  } else if (e?.standard === 'ST.27') {
    section = e.detailedCode && Object.hasOwn(ST27_DETAILED, e.detailedCode) ? ST27_DETAILED[e.detailedCode] : ST27[e.category] ?? null;
  } else if (e?.standard === 'ST.87') {
    section = ST87[e.category] ?? (e.category === 'Undefined' && (e.statusCategory === 'Cancelled' || e.statusCategory === 'Rejected') ? 'lapses' : null);
  }
  // An act that made the case public is announced even where its event says nothing more.
  return section ?? (a.published ? 'applications' : null);
}

export const sectionRank = (s: string) => { const i = (SECTIONS as readonly string[]).indexOf(s); return i < 0 ? SECTIONS.length : i; };

/** The order of rights within a section. */
const RIGHT_ORDER = ['trademark', 'gi', 'design', 'patent', 'utility-model'];
export const rightRank = (r: string) => { const i = RIGHT_ORDER.indexOf(r); return i < 0 ? RIGHT_ORDER.length : i; };

/**
 * Act types that may be announced (in any procedure of any framework): those with a status event, those
 * that publish, and those announced by type. The gazette looks for announced acts among these only.
 */
export const ANNOUNCEABLE_ACTS: readonly string[] = [...new Set(FRAMEWORKS.flatMap((f) => f.procedures.flatMap((p) =>
  Object.entries(p.acts).filter(([type, a]) => !NOT_ANNOUNCED.has(type)).filter(([type, a]) => a.event !== undefined || a.publishes !== undefined || Object.hasOwn(BY_ACT, type)).map(([type]) => type))))].sort();

/** A publication act the gazette performs when it publishes: the registrar's, or one the law has the office perform when due. */
export interface PublicationAct { act: string; by: 'registrar' | 'system' }

/**
 * The publication acts of a procedure: acts that publish the case and that the registrar performs from
 * a worklist state (a trademark application accepted, a registration to make), by state; and acts the
 * office performs itself when a time limit falls due (a patent application at 18 months), by the act.
 */
export function publicationActs(p: ProcedureDefinition): { byState: Map<string, PublicationAct>; onExpiry: Set<string> } {
  const byState = new Map<string, PublicationAct>();
  const onExpiry = new Set<string>();
  for (const [type, a] of Object.entries(p.acts)) {
    if (!a.publishes || a.from.length === 0) continue;
    if (a.automatic) {
      if (a.performers.includes('system')) onExpiry.add(type);
      continue;
    }
    if (!a.performers.includes('registrar') || a.worklist === false) continue;
    for (const s of a.worklist ?? a.from) if (s !== '*' && !byState.has(s)) byState.set(s, { act: type, by: 'registrar' });
  }
  return { byState, onExpiry };
}

/** Every (right, state) in which some procedure has a registrar's publication act, and every act performed on expiry that publishes. */
export function publicationLanes(): { lanes: { right: string; state: string }[]; onExpiry: string[] } {
  const lanes = new Map<string, { right: string; state: string }>();
  const onExpiry = new Set<string>();
  for (const f of FRAMEWORKS) for (const p of f.procedures) {
    const pa = publicationActs(p);
    for (const s of pa.byState.keys()) lanes.set(`${p.right}:${s}`, { right: p.right, state: s });
    for (const a of pa.onExpiry) onExpiry.add(a);
  }
  return { lanes: [...lanes.values()], onExpiry: [...onExpiry].sort() };
}
