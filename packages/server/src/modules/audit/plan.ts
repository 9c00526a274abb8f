// Which requests the audit trail records, decided per route from its method, address and declared
// access policy (app/policy.ts), so a new route is covered by what it declares:
// - an administrative change: any unsafe request to /admin/* or /imports/*, to a route only
//   administrators may call, or to a route administrators may call on others' behalf (alsoRoles);
//   recorded when it succeeds, and when it is refused with 403;
// - a read of unpublished data by office staff: a route that names a case (`{ case }`) or a
//   document (`{ document }`) in its policy, and the staff routes listed in READS below; recorded
//   when what was read is unpublished (personal data: always).
// Every GET route reserved to office staff must be either in READS or in NO_REGISTER_DATA: the audit
// test walks the route table and fails on one that is neither.
import { OFFICE_ROLES } from '@registrum/procedures';

/** A read of unpublished data: where the request's case or cases are found. */
export type ReadRule =
  /** The case a route parameter names (id or number); with `document`, one of its documents by SHA-256. */
  | { read: 'case'; param: string; document?: string }
  /** A stored document by SHA-256, whichever cases hold it. */
  | { read: 'document'; param: string }
  /** The case a field of the JSON body names (a template preview filled from a case). */
  | { read: 'case-in-body'; field: string }
  /** A listing: the case numbers in the answer; those not published are named in one event. */
  | { read: 'list'; cases: (answer: any) => string[] }
  /** Personal data, published or not: every staff read recorded (naming the case a parameter names, if any). */
  | { read: 'personal'; case?: string };

export interface AuditPlan { change: boolean; read: ReadRule | null }

const NONE: AuditPlan = { change: false, read: null };
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);
const API = '/api/v1';

/** Case numbers anywhere in an answer, under these keys (caseNumber, or number beside the case's other fields). */
function numbersIn(value: unknown, keys: readonly string[], out: string[] = [], depth = 0): string[] {
  if (!value || typeof value !== 'object' || depth > 6 || out.length > 2000) return out;
  if (Array.isArray(value)) { for (const v of value) numbersIn(v, keys, out, depth + 1); return out; }
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (keys.includes(k) && typeof v === 'string') out.push(v);
    else if (v && typeof v === 'object') numbersIn(v, keys, out, depth + 1);
  }
  return out;
}
const listed = (pick: (answer: any) => unknown): ReadRule => ({ read: 'list', cases: (a) => numbersIn(pick(a), ['number', 'caseNumber']) });

/** Staff reads that a route's policy alone does not reveal. */
export const READS: Record<string, ReadRule> = {
  // Lists and searches: one event naming the query and the unpublished cases the answer showed.
  [`GET ${API}/cases`]: listed((a) => a?.items),
  [`GET ${API}/worklist`]: listed((a) => a?.items),
  [`GET ${API}/documents/search`]: listed((a) => a?.items?.map((i: any) => i?.case)),
  [`POST ${API}/search/patents`]: listed((a) => a?.hits?.map((h: any) => ({ number: h?.applicationNumber }))),
  [`POST ${API}/search/trademarks`]: listed((a) => a?.hits?.map((h: any) => ({ number: h?.applicationNumber }))),
  [`POST ${API}/search/images`]: listed((a) => a?.hits?.map((h: any) => ({ number: h?.applicationNumber }))),
  [`GET ${API}/stats/dashboard`]: listed((a) => a?.expiringThisWeek),
  [`GET ${API}/gazette/issues/:ref`]: listed((a) => [a?.sections?.map((s: any) => s?.entries), a?.leftOut, a?.blocked]),
  // A case's full record for the office.
  [`GET ${API}/cases/:id/st96.xml`]: { read: 'case', param: 'id' },
  [`GET ${API}/cases/:id/st96.json`]: { read: 'case', param: 'id' },
  // The text of one document of a case: unpublished if the case is, or if the register does not publish that document.
  [`GET ${API}/cases/:id/documents/:sha256/text`]: { read: 'case', param: 'id', document: 'sha256' },
  // A template preview filled from a named case.
  [`POST ${API}/admin/document-templates/:kind/:language/preview`]: { read: 'case-in-body', field: 'caseNumber' },
  // What an outage's extension did case by case, and the filings received through a fallback channel.
  [`GET ${API}/outages/:id`]: listed((a) => a?.effects),
  [`GET ${API}/outages/:id/filings`]: listed((a) => a?.items),
  // Data protection: the persons a case names, finding a data subject, a subject-access export.
  [`GET ${API}/cases/:id/personal-data`]: { read: 'personal', case: 'id' },
  [`GET ${API}/admin/people`]: { read: 'personal' },
  [`GET ${API}/admin/people/parties/:id`]: { read: 'personal' },
  [`GET ${API}/admin/people/users/:id`]: { read: 'personal' },
};

/** Unsafe requests on administrative addresses that change nothing (a preview). */
export const NOT_CHANGES = new Set([`POST ${API}/admin/document-templates/:kind/:language/preview`]);

/** GET routes reserved to office staff that show no unpublished register data (accounts, settings, the law, the trail itself). */
export const NO_REGISTER_DATA = new Set([
  `GET ${API}/admin/users`, `GET ${API}/admin/users/:id/sign-in`, `GET ${API}/admin/journal/verify`, `GET ${API}/admin/fees`,
  `GET ${API}/admin/accounts`, `GET ${API}/admin/accounts/:id`, `GET ${API}/admin/document-templates`,
  `GET ${API}/admin/document-templates/:kind/:language`, `GET ${API}/webhooks`, `GET ${API}/admin/audit`, `GET ${API}/admin/users/:id/identities`,
]);

const ADMIN_PREFIXES = [`${API}/admin/`, `${API}/imports/`];

function rolesOf(access: unknown): string[] | null {
  return access && typeof access === 'object' && Array.isArray((access as any).roles) ? (access as any).roles : null;
}

/** Whether a change on this route is the administration's: by its address, or because only administrators (or administrators for others) may make it. */
export function isAdministrative(url: string, access: unknown): boolean {
  if (ADMIN_PREFIXES.some((p) => url.startsWith(p))) return true;
  const roles = rolesOf(access);
  if (roles && roles.length > 0 && roles.every((r) => r === 'admin')) return true;
  const also = access && typeof access === 'object' ? (access as any).alsoRoles : null;
  return Array.isArray(also) && also.includes('admin');
}

/** The audit plan of a route. */
export function planFor(method: string, url: string, access: unknown): AuditPlan {
  const m = method === 'HEAD' ? 'GET' : method;
  const key = `${m} ${url}`;
  if (!url.startsWith(`${API}/`)) return NONE;
  const explicit = READS[key];
  if (SAFE.has(m)) {
    if (explicit) return { change: false, read: explicit };
    if (access && typeof access === 'object') {
      if (typeof (access as any).case === 'string') return { change: false, read: { read: 'case', param: (access as any).case } };
      if (typeof (access as any).document === 'string') return { change: false, read: { read: 'document', param: (access as any).document } };
    }
    return NONE;
  }
  if (explicit) return { change: false, read: explicit };
  return { change: !NOT_CHANGES.has(key) && isAdministrative(url, access), read: null };
}

/** Whether a policy lets office staff in at all (so a read through it could be a staff read). */
export function admitsStaff(access: unknown): boolean {
  if (access === 'office') return true;
  const roles = rolesOf(access);
  return !!roles && roles.some((r) => (OFFICE_ROLES as readonly string[]).includes(r));
}
