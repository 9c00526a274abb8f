// Filing a new case of any right, by its filing act or another initial act (national-phase entry, a
// designation received from WIPO). Validates against the act's schema, checks the uploads the payload
// refers to, and records the filing in one transaction. An Idempotency-Key makes a
// retried submission return the first result instead of filing twice.
import { FRAMEWORKS, findFramework, procedureInForce, type UploadRef } from '@registrum/procedures';
import type { Actor } from '../../../kernel/actor.ts';
import { DomainError, invalid } from '../../../kernel/errors.ts';
import { canonicalJson, sha256 } from '../../../kernel/hash.ts';
import { validatePayload } from '../../../kernel/validate.ts';
import { initialActsOf } from '../../../procedure-engine/decide.ts';
import type { Queryable } from '../../../platform/db/db.ts';
import type { FileRequest, PaymentInput } from '../../../procedure-engine/engine.ts';
import * as repo from '../cases.repository.ts';
import type { CasesDeps } from '../deps.ts';
import { checkUploads, fileUploads } from '../media.ts';
import { checkTerms, isSt3Code } from '../reference-data.ts';

export interface FileApplicationInput {
  right: string;
  framework?: string;
  /** The initial act when not the ordinary filing (e.g. 'enter-national-phase', 'receive-designation'). */
  act?: string;
  payload: Record<string, any>;
  payment?: PaymentInput;
  idempotencyKey?: string;
  /** Runs in the filing's transaction once the case is filed (a draft is marked submitted with it). */
  onFiled?: (q: Queryable, filed: { caseId: string; number: string; actId: number }) => Promise<void>;
  /**
   * A filing received through a fallback channel while the office's electronic services were unavailable,
   * entered by office staff (modules/outages): filed under the law in force on the date of receipt, as of that date.
   */
  received?: FileRequest['received'];
  /** Documents filed with it beyond those its act names (the filing as received, for one entered by the office). */
  extraUploads?: UploadRef[];
}

export async function fileApplication(deps: CasesDeps, actor: Actor, input: FileApplicationInput): Promise<{ status: number; body: any; replayed: boolean }> {
  if (actor.kind !== 'user') throw new DomainError('UNAUTHENTICATED', 'Sign in to file an application', 401);
  const framework = input.framework ?? deps.defaultFramework;
  if (!findFramework(framework)) throw invalid('UNKNOWN_FRAMEWORK', `There is no legal framework '${framework}'`, { framework });
  const procedure = procedureInForce(framework, input.right, input.received?.on ?? deps.clock.today());
  if (!procedure) throw invalid('UNKNOWN_RIGHT', `No procedure for '${input.right}' in framework '${framework}'`, { right: input.right, framework });
  const act = input.act ?? procedure.filingAct;
  const def = Object.hasOwn(procedure.acts, act) ? procedure.acts[act] : undefined;
  if (!def) throw new DomainError('UNKNOWN_ACT', `The ${procedure.title} procedure has no act '${act}'`, 404, { act, right: input.right });
  // Acts that only a parent case can start (a divisional, a conversion) are performed on the parent.
  const initialActs = initialActsOf(procedure);
  if (!initialActs.includes(act) || isChildOnly(procedure.right, act)) {
    throw invalid('NOT_AN_INITIAL_ACT', `'${def.title}' is not a way to file a ${procedure.title} case here`, { act, initialActs: initialActs.filter((a) => !isChildOnly(procedure.right, a)) });
  }
  const payload = structuredClone(input.payload ?? {});
  checkNiceClasses(payload);
  validatePayload(def.payloadSchema, payload, act === procedure.filingAct ? 'the application' : `'${def.title}'`);
  for (const c of payload.priorityClaims ?? []) {
    if (!isSt3Code(c.office)) throw invalid('UNKNOWN_OFFICE_CODE', `'${c.office}' is not a WIPO ST.3 office code`, { office: c.office });
  }
  const uploads = await checkUploads(deps.storage, [...(def.uploads?.(payload) ?? []), ...(input.extraUploads ?? [])]);
  const charge = deps.accounts.prepare(actor, input.payment);

  const key = input.idempotencyKey;
  const requestHash = sha256(canonicalJson({
    right: input.right, framework, act: input.act ?? null, payload, payment: input.payment ?? null,
    ...(input.received ? { received: input.received.record, filer: input.received.filer?.id ?? null } : {}),
  }));
  // A retried key is found by the claim inside the transaction (which waits for a concurrent twin).
  try {
    return await deps.db.tx(async (q) => {
      if (key && !(await repo.claimIdempotencyKey(q, actor.id, key, requestHash))) {
        throw new RetryReplay();
      }
      const res = await deps.engine.file(q, {
        framework, right: input.right, act, payload, actor, payment: charge?.payment ?? input.payment, received: input.received,
        // Before the number is taken (its lock is held to the commit): the documents and the debit, which
        // names the case by id (the statement shows its number).
        beforeNumber: async (tq, c) => {
          await fileUploads(tq, c.caseId, c.actId, uploads, actor);
          await charge?.debit(tq, { caseId: c.caseId, caseNumber: null, actId: c.actId, description: def.title });
        },
      });
      await input.onFiled?.(q, { caseId: res.caseId, number: res.number, actId: res.actId });
      const body = {
        case: { id: res.caseId, number: res.number, state: res.state, filingDate: res.filingDate },
        act: res,
        receipt: {
          number: res.number, receivedOn: res.officeDate, filingDateAccorded: res.filingDate !== null, filingDate: res.filingDate,
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

/** Initial acts that some act reaches through `createsChild` (they need a parent), as 'right:act'; the law is fixed at start. */
const CHILD_ONLY = new Set(FRAMEWORKS.flatMap((f) => f.procedures.flatMap((p) => Object.values(p.acts)
  .flatMap((a) => (a.createsChild ? [`${a.createsChild.right}:${a.createsChild.act}`] : [])))));

const isChildOnly = (right: string, act: string) => CHILD_ONLY.has(`${right}:${act}`);

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
