// A filing that reached the office through a fallback channel (post, hand delivery, e-mail, fax) while
// its electronic services were unavailable keeps the date on which the office received it (ML r. 81).
// Office staff enter it with that date, which must be a day of a declared outage, and with the filing as
// received (its scan or the message, as a PDF or an image) as evidence. The filing is the filer's own
// act, decided and recorded as of the date of receipt (its filing date, the law and fees in force then);
// the journal records who entered it, through which channel, and the evidence, which is filed on the case.
import { compareDates, isLegalDate, type LegalDate, type Role, type UploadRef } from '@registrum/procedures';
import type { Actor } from '../../../kernel/actor.ts';
import { DomainError, invalid } from '../../../kernel/errors.ts';
import type { PaymentInput } from '../../../procedure-engine/engine.ts';
import { fileApplication } from '../../cases/index.ts';
import type { OutagesDeps } from '../deps.ts';
import * as repo from '../outages.repository.ts';

export const FALLBACK_CHANNELS = ['post', 'hand-delivery', 'e-mail', 'fax'] as const;

export interface FallbackFilingInput {
  receivedOn: string;
  channel: string;
  right: string;
  framework?: string;
  act?: string;
  payload: Record<string, any>;
  /** The filing as received (uploaded first): a PDF or an image. */
  evidence: { sha256: string };
  /** The user name of the applicant's or agent's account the filing is for, if it has one. */
  filer?: string;
  payment?: PaymentInput;
  idempotencyKey?: string;
}

export async function enterFallbackFiling(deps: OutagesDeps, actor: Actor, outageId: string, input: FallbackFilingInput) {
  if (actor.kind !== 'user') throw new DomainError('UNAUTHENTICATED', 'Sign in to enter a filing', 401);
  const o = await repo.findOutage(deps.db, outageId);
  if (!o) throw new DomainError('OUTAGE_NOT_FOUND', `No outage ${outageId} was declared`, 404, { outage: outageId });
  if (!isLegalDate(input.receivedOn)) throw invalid('INVALID_DATE', `receivedOn must be a date YYYY-MM-DD (got '${String(input.receivedOn)}')`, { field: 'receivedOn' });
  const receivedOn: LegalDate = input.receivedOn;
  if (compareDates(receivedOn, o.first_day) < 0 || compareDates(receivedOn, o.last_day) > 0) {
    throw new DomainError('RECEIPT_DATE_OUTSIDE_OUTAGE', `A filing keeps its date of receipt only if it was received during the outage (${o.first_day} to ${o.last_day}); ${receivedOn} is not`, 422,
      { receivedOn, firstDay: o.first_day, lastDay: o.last_day });
  }
  if (compareDates(receivedOn, deps.clock.today()) > 0) {
    throw new DomainError('RECEIPT_DATE_IN_FUTURE', `The date of receipt ${receivedOn} is after today`, 422, { receivedOn });
  }
  let filer: (Actor & { kind: 'user' }) | null = null;
  if (input.filer !== undefined) {
    const u = await repo.filerAccount(deps.db, input.filer);
    if (!u || !u.active || (u.role !== 'applicant' && u.role !== 'agent')) {
      throw new DomainError('UNKNOWN_FILER', `'${input.filer}' is not the user name of an applicant's or agent's account`, 422, { filer: input.filer });
    }
    filer = { kind: 'user', id: u.id, role: u.role as Role, name: u.display_name, partyId: u.party_id };
  }
  const evidence: UploadRef = {
    sha256: input.evidence.sha256, kind: 'fallback-filing', title: 'Filing as received through a fallback channel',
    accept: ['application/pdf', 'image/png', 'image/jpeg', 'image/tiff'],
  };
  const record = { on: receivedOn, channel: input.channel, outage: { id: o.id, number: o.seq }, evidence: input.evidence.sha256, enteredBy: actor.name };
  return fileApplication(deps.cases, actor, {
    right: input.right, framework: input.framework, act: input.act, payload: input.payload, payment: input.payment, idempotencyKey: input.idempotencyKey,
    received: { on: receivedOn, filer, record },
    extraUploads: [evidence],
    onFiled: (q, filed) => repo.insertFallbackFiling(q, {
      caseId: filed.caseId, actId: filed.actId, outageId: o.id, receivedOn, channel: input.channel, evidence: input.evidence.sha256,
      enteredBy: actor.id, enteredAt: deps.now(),
    }),
  });
}
