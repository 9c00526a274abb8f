// Performing an act on a case: validates the payload against the act's schema, then lets the engine
// decide and record it. Any refusal rolls the whole transaction back: the case stays as it was.
import type { Actor } from '../../../kernel/actor.ts';
import { DomainError, invalid } from '../../../kernel/errors.ts';
import { validatePayload } from '../../../kernel/validate.ts';
import type { PaymentInput } from '../../../procedure-engine/engine.ts';
import * as repo from '../cases.repository.ts';
import type { CasesDeps } from '../deps.ts';
import { checkNiceClasses } from './file-application.ts';
import { checkUploads, fileUploads } from '../media.ts';

export async function performAct(deps: CasesDeps, actor: Actor, idOrNumber: string, act: string, input: Record<string, any> = {}, payment?: PaymentInput) {
  // The office completes what a payload says of its uploads (type, size): on its own copy.
  const payload = structuredClone(input);
  if (actor.kind !== 'user') throw new DomainError('UNAUTHENTICATED', 'Sign in to act on a case', 401);
  const c = await repo.findCase(deps.db, idOrNumber);
  if (!c) throw new DomainError('CASE_NOT_FOUND', `Case ${idOrNumber} not found`, 404);
  const { procedure } = deps.engine.procedureOf(c);
  const def = Object.hasOwn(procedure.acts, act) ? procedure.acts[act] : undefined;
  if (!def || def.from.length === 0) throw new DomainError('UNKNOWN_ACT', `The ${procedure.title} procedure has no act '${act}' on a case`, 404, { act, right: procedure.right });
  if (def.automatic) throw new DomainError('ACT_NOT_PERMITTED', `'${def.title}' is performed by the office automatically`, 403, { act });
  checkNiceClasses(payload);
  validatePayload(def.payloadSchema, payload, `'${def.title}'`);
  if (act === 'pay-fees' && !payment) throw invalid('PAYMENT_REQUIRED', 'A payment of fees needs a payment (amount and currency)');
  const uploads = await checkUploads(deps.storage, def.uploads?.(payload) ?? []);
  const charge = deps.accounts.prepare(actor, payment);
  return deps.db.tx(async (q) => {
    const res = await deps.engine.perform(q, { caseId: c.id, act, payload, actor, payment: charge?.payment ?? payment });
    // The payment of an act that files a child case is the child's (the engine records it there).
    await charge?.debit(q, res.child
      ? { caseId: res.child.caseId, caseNumber: res.child.number, actId: null, description: `${def.title} (${res.child.number})` }
      : { caseId: c.id, caseNumber: c.number, actId: res.actId, description: `${def.title} (${c.number})` });
    // Documents named by an act that files a child case belong to the child's file.
    await fileUploads(q, res.child?.caseId ?? c.id, res.actId, uploads, actor);
    return res;
  });
}
