// What the register publishes of a person: the fields the catalogue marks public, and the postal
// address where the framework's privacy rules publish it for that person. Used by every public channel
// (a case as anyone sees it, the ST.96 export of public cases, the open-data dumps and the gazette,
// which are made from that export), so they cannot disagree. Pure.
import { findFramework, privacyOf, type PrivacyRules } from '@registrum/procedures';
import { PERSON_FIELDS, PUBLIC_DATA_FIELDS, parseSpec } from './classification.ts';

/** A person as stored or named in a payload: its kind, name and contact details. */
export interface PersonLike { kind?: string | null; name?: string | null; address?: string | null; country?: string | null; email?: string | null; nationality?: string | null; [k: string]: unknown }

/** The privacy rules of the framework a case is under (the framework's, or the default when it has none). */
export const privacyRulesOf = (framework: string): PrivacyRules => privacyOf(findFramework(framework));

/** Whether the register publishes this person's postal address (a representative's is its business address). */
export function addressPublished(rules: PrivacyRules, p: { kind?: string | null; role?: string | null }): boolean {
  if (p.role === 'representative') return rules.publishAddressesOf.includes('representatives');
  return rules.publishAddressesOf.includes(p.kind === 'natural' ? 'natural-persons' : 'legal-persons');
}

const published = Object.fromEntries(Object.entries(PERSON_FIELDS).map(([k, spec]) => [k, parseSpec(spec).published]));

/**
 * The person as the public sees it: each field the catalogue marks public, the address if the rules
 * publish it for this person (`role`: the capacity in which the person is named), nothing else.
 * Fields not in the catalogue are left out (a new field is private until it is classified).
 */
export function publishedPerson<P extends PersonLike>(rules: PrivacyRules, p: P, role?: string | null): Partial<P> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(p)) {
    const how = published[k];
    if (how === 'public' || (how === 'office-rules' && addressPublished(rules, { kind: p.kind, role }))) out[k] = v;
  }
  return out as Partial<P>;
}

/** The public fields of a case's data with the persons in them reduced to what the register publishes. */
export function publishedData(rules: PrivacyRules, data: Record<string, any>): Record<string, any> {
  const out: Record<string, any> = {};
  for (const [k, v] of Object.entries(data)) {
    // A person field holds the applicants or inventors of a patent (roles as their key says).
    if (PUBLIC_DATA_FIELDS[k] === 'persons') {
      const role = k === 'inventors' ? 'inventor' : 'applicant';
      out[k] = Array.isArray(v) ? v.map((p) => (p && typeof p === 'object' ? publishedPerson(rules, p, role) : p))
        : v && typeof v === 'object' ? publishedPerson(rules, v, role) : v;
    } else {
      out[k] = v;
    }
  }
  return out;
}
