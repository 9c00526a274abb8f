// Filing a new application of any right. Validates against the procedure's filing schema, stores the
// mark image content-addressed, and records the filing in one transaction. An Idempotency-Key makes a
// retried submission return the first result instead of filing twice.
import { findFramework, procedureInForce } from '@registrum/procedures';
import type { Actor } from '../../../kernel/actor.ts';
import { DomainError, invalid } from '../../../kernel/errors.ts';
import { canonicalJson, sha256 } from '../../../kernel/hash.ts';
import { validatePayload } from '../../../kernel/validate.ts';
import type { PaymentInput } from '../../../procedure-engine/engine.ts';
import * as repo from '../cases.repository.ts';
import type { CasesDeps } from '../deps.ts';
import { sniffImage } from '../media.ts';
import { checkTerms, isSt3Code } from '../reference-data.ts';

export interface FileApplicationInput {
  right: string;
  framework?: string;
  payload: Record<string, any>;
  payment?: PaymentInput;
  idempotencyKey?: string;
}

export async function fileApplication(deps: CasesDeps, actor: Actor, input: FileApplicationInput): Promise<{ status: number; body: any; replayed: boolean }> {
  if (actor.kind !== 'user') throw new DomainError('UNAUTHENTICATED', 'Sign in to file an application', 401);
  if (actor.role !== 'applicant' && actor.role !== 'agent') throw new DomainError('ACT_NOT_PERMITTED', 'Applications are filed by applicants and agents', 403);
  const framework = input.framework ?? deps.defaultFramework;
  if (!findFramework(framework)) throw invalid('UNKNOWN_FRAMEWORK', `There is no legal framework '${framework}'`, { framework });
  const procedure = procedureInForce(framework, input.right, deps.clock.today());
  if (!procedure) throw invalid('UNKNOWN_RIGHT', `No procedure for '${input.right}' in framework '${framework}'`, { right: input.right, framework });
  const payload = input.payload ?? {};
  checkNiceClasses(payload);
  validatePayload(procedure.acts[procedure.filingAct].payloadSchema, payload, 'the application');
  for (const c of payload.priorityClaims ?? []) {
    if (!isSt3Code(c.office)) throw invalid('UNKNOWN_OFFICE_CODE', `'${c.office}' is not a WIPO ST.3 office code`, { office: c.office });
  }
  if (payload.mark?.image) {
    // What the register records of the image comes from the stored bytes, not from the request.
    const sha = String(payload.mark.image.sha256);
    const data = await deps.storage.get(sha);
    if (!data) throw invalid('UNKNOWN_UPLOAD', 'The mark image was not uploaded first (POST /api/v1/uploads)', { sha256: sha });
    const mediaType = sniffImage(data);
    if (!mediaType) throw invalid('CONTENT_TYPE_MISMATCH', 'The uploaded mark image is not a PNG or JPEG image', { sha256: sha });
    payload.mark.image = { sha256: sha, mediaType, size: data.length };
  }

  const key = input.idempotencyKey;
  const requestHash = sha256(canonicalJson({ right: input.right, framework, payload, payment: input.payment ?? null }));
  // A retried key is found by the claim inside the transaction (which waits for a concurrent twin).
  try {
    return await deps.db.tx(async (q) => {
      if (key && !(await repo.claimIdempotencyKey(q, actor.id, key, requestHash))) {
        throw new RetryReplay();
      }
      const parties = [{ role: 'applicant', party: payload.applicant }];
      if (payload.representative) parties.push({ role: 'representative', party: payload.representative });
      const res = await deps.engine.file(q, { framework, right: input.right, payload, actor, payment: input.payment, parties });
      if (payload.mark?.image) {
        const img = payload.mark.image;
        await repo.insertDocument(q, { id: crypto.randomUUID(), caseId: res.caseId, actId: res.actId, kind: 'mark-image', direction: 'incoming', mediaType: img.mediaType, sha256: img.sha256, size: img.size, title: 'Representation of the mark' });
      }
      const body = {
        case: { id: res.caseId, number: res.number, state: res.state, filingDate: res.state === 'incomplete' ? null : res.officeDate },
        act: res,
        receipt: {
          number: res.number, receivedOn: res.officeDate, filingDateAccorded: res.state !== 'incomplete',
          submissionHash: requestHash, journalHash: res.hash,
          classCheck: payload.goodsServices ? checkTerms(payload.goodsServices) : [],
        },
      };
      if (key) await repo.storeIdempotentResponse(q, actor.id, key, 201, body);
      return { status: 201, body, replayed: false };
    });
  } catch (e) {
    if (!(e instanceof RetryReplay)) throw e;
    const prior = await repo.idempotentResponse(deps.db, actor.id, key!);
    if (!prior || prior.status_code === 0) throw new DomainError('IDEMPOTENCY_IN_PROGRESS', 'The same submission is still being processed', 409);
    return replay(prior, requestHash);
  }
}

class RetryReplay extends Error {}

function replay(prior: { request_hash: string; status_code: number; response: any }, requestHash: string) {
  if (prior.request_hash !== requestHash) {
    throw new DomainError('IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was used for a different submission', 422);
  }
  return { status: prior.status_code, body: prior.response, replayed: true };
}

/** An unknown Nice class gets its own code before the generic schema check. */
export function checkNiceClasses(payload: Record<string, any>) {
  for (const g of Array.isArray(payload.goodsServices) ? payload.goodsServices : []) {
    const n = g?.classNumber;
    if (typeof n === 'number' && (!Number.isInteger(n) || n < 1 || n > 45)) {
      throw invalid('UNKNOWN_NICE_CLASS', `${n} is not a class of the Nice Classification (1 to 45)`, { classNumber: n, errors: [{ path: '/goodsServices', message: `unknown Nice class ${n}`, keyword: 'nice' }] });
    }
  }
}
