// Data protection, the same act under every right: personal data the law no longer requires the office
// to keep (the e-mail of a representative who has stopped acting, the address of a holder who has
// since transferred the right, the name of a private applicant of an application withdrawn years ago)
// is erased on request by a redaction act of the office. The act is journaled in the case like any
// other; what it erases and why is its payload (written by the office's privacy module, which also
// decides whether the law allows the erasure), so it has no form of its own and no one performs it
// through the ordinary act route. What the register publishes of persons is the framework's
// `privacy` rules (see PrivacyRules in types.ts).
import { ANY_STATE } from './standard.ts';
import type { ActDefinition, Framework, PrivacyRules, ProcedureDefinition, Right } from './types.ts';

export const REDACT_PERSONAL_DATA = 'redact-personal-data';

/** Where a framework says nothing: names and countries only, and a file kept five years after its case ended. */
export const DEFAULT_PRIVACY: PrivacyRules = {
  publishAddressesOf: [],
  erasure: { legalBasis: 'Data protection (erasure of personal data no longer required)', retention: { years: 5 } },
};

export const privacyOf = (framework: Pick<Framework, 'privacy'> | undefined): PrivacyRules => framework?.privacy ?? DEFAULT_PRIVACY;

export function redactionAct(rules: PrivacyRules, right?: Right): ActDefinition {
  return {
    title: 'Personal data erased',
    legalBasis: (right && rules.erasure.byRight?.[right]) ?? rules.erasure.legalBasis,
    from: [ANY_STATE],
    performers: ['registrar', 'admin'],
    // Performed through the privacy module (POST /cases/{id}/redactions), never as an ordinary act.
    automatic: true,
    worklist: false,
  };
}

/** The framework with the redaction act in every procedure, under the framework's legal basis. */
export function withRedaction(framework: Framework): Framework {
  const rules = privacyOf(framework);
  return {
    ...framework,
    procedures: framework.procedures.map((p): ProcedureDefinition => ({ ...p, acts: { ...p.acts, [REDACT_PERSONAL_DATA]: redactionAct(rules, p.right) } })),
  };
}
