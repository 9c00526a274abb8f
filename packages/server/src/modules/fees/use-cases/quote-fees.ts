// A live quote of the fees a filing or an act will be charged: the engine's own fee rules (feesFor,
// with the schedule in force today) applied to what the form holds so far. A rule that cannot read an
// unfinished payload yet leaves its fee out of the total and names it in `pending`.
import {
  findFramework, periodTable, procedureInForce,
  type ActContext, type ActDefinition, type CaseView, type Framework, type ProcedureDefinition,
} from '@registrum/procedures';
import { DomainError, invalid } from '../../../kernel/errors.ts';
import { feesFor, initialActsOf, type FeeLine } from '../../../procedure-engine/decide.ts';
import { loadVisibleCase, type Viewer } from '../../cases/index.ts';
import type { FeesDeps } from '../deps.ts';

export interface QuoteInput { right?: string; framework?: string; act?: string; caseId?: string; payload?: Record<string, any> }

interface Quote { lines: FeeLine[]; pending: { code: string; title: string }[] }

/** The law as the engine applies it: with the holiday calendars and fee-schedule versions the office added. */
const lawOf = (deps: FeesDeps, framework: Framework): Framework => deps.engine.lawOf(framework);

function contextOf(law: Framework, procedure: ProcedureDefinition, view: CaseView, payload: Record<string, any>, today: ActContext['today']): ActContext {
  return { case: view, payload, today, calendars: law.calendars, periods: periodTable(procedure.periods, law.calendars, `procedure ${procedure.framework}/${procedure.right}`) };
}

/** Each charge on its own, so one that cannot be computed yet does not hide the others. */
function quoteAct(law: Framework, procedure: ProcedureDefinition, def: ActDefinition, ctx: ActContext, into: Quote) {
  for (const charge of def.fees ?? []) {
    try {
      const lines = feesFor(law, procedure, { ...def, fees: [charge] }, ctx);
      if (lines.some((l) => !Number.isSafeInteger(l.quantity) || !Number.isSafeInteger(l.amount))) throw new Error('not a whole quantity yet');
      into.lines.push(...lines);
    } catch {
      const title = procedure.fees.at(-1)?.items[charge.code]?.title ?? charge.code;
      into.pending.push({ code: charge.code, title });
    }
  }
}

const emptyCase = (right: ProcedureDefinition['right'], parent: CaseView['parent'] = null): CaseView =>
  ({ id: '', number: '', right, state: '', filingDate: null, data: {}, openTimeLimits: [], parent });

export async function quoteFees(deps: FeesDeps, viewer: Viewer, input: QuoteInput) {
  const today = deps.clock.today();
  const payload = input.payload ?? {};
  const quote: Quote = { lines: [], pending: [] };
  let procedure: ProcedureDefinition; let framework: Framework; let act: string;

  if (input.caseId) {
    const { c } = await loadVisibleCase(deps, viewer, input.caseId);
    ({ procedure, framework } = deps.engine.procedureOf(c));
    act = input.act!;
    const def = Object.hasOwn(procedure.acts, act) ? procedure.acts[act] : undefined;
    if (!def || def.from.length === 0) throw new DomainError('UNKNOWN_ACT', `The ${procedure.title} procedure has no act '${act}' on a case`, 404, { act, right: procedure.right });
    const law = lawOf(deps, framework);
    const ctx = contextOf(law, procedure, await deps.engine.view(deps.db, c), payload, today);
    quoteAct(law, procedure, def, ctx, quote);
    // An act that files a child proceeding (an opposition, a recordal request) pays the child's filing fees too.
    const child = def.createsChild;
    try {
      if (child && (!child.when || child.when(ctx))) {
        const childProcedure = procedureInForce(c.framework, child.right, today);
        const childDef = childProcedure?.acts[child.act];
        if (childProcedure && childDef) {
          const parent = { id: c.id, number: c.number, right: procedure.right, state: c.state, filingDate: c.filing_date, data: c.data };
          const childPayload = child.payload?.(ctx) ?? payload;
          quoteAct(law, childProcedure, childDef, contextOf(law, childProcedure, emptyCase(childProcedure.right, parent), childPayload, today), quote);
        }
      }
    } catch {
      quote.pending.push({ code: child!.act, title: def.title });
    }
  } else {
    const frameworkId = input.framework ?? deps.defaultFramework;
    const found = findFramework(frameworkId);
    if (!found) throw invalid('UNKNOWN_FRAMEWORK', `There is no legal framework '${frameworkId}'`, { framework: frameworkId });
    framework = found;
    const p = procedureInForce(frameworkId, input.right!, today);
    if (!p) throw invalid('UNKNOWN_RIGHT', `No procedure for '${input.right}' in framework '${frameworkId}'`, { right: input.right, framework: frameworkId });
    procedure = p;
    act = input.act ?? procedure.filingAct;
    const def = Object.hasOwn(procedure.acts, act) ? procedure.acts[act] : undefined;
    if (!def) throw new DomainError('UNKNOWN_ACT', `The ${procedure.title} procedure has no act '${act}'`, 404, { act, right: procedure.right });
    if (!initialActsOf(procedure).includes(act)) {
      throw invalid('NOT_AN_INITIAL_ACT', `'${def.title}' is not a way to file a ${procedure.title} case`, { act, initialActs: initialActsOf(procedure) });
    }
    const law = lawOf(deps, framework);
    quoteAct(law, procedure, def, contextOf(law, procedure, emptyCase(procedure.right), payload, today), quote);
  }

  const currency = quote.lines[0]?.currency ?? procedure.fees.at(-1)?.currency ?? framework.office.currency;
  return {
    right: procedure.right, act, officeDate: today, currency,
    total: quote.lines.reduce((s, l) => s + l.amount, 0),
    items: quote.lines.map((l) => ({ code: l.code, title: l.title, amount: l.amount, currency: l.currency, quantity: l.quantity })),
    /** false: some fee depends on what the form does not say yet (listed in `pending`); the total is then a minimum. */
    complete: quote.pending.length === 0,
    pending: quote.pending,
  };
}
