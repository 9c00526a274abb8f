// An opposition is a proceeding of its own, a child case of the opposed application, with its own
// parties (opponent, and the applicant as respondent), acts, fee and decision. Its outcome is
// carried to the parent by `parentAct`, in the same transaction.
import { parseLegalDate } from '../../common/calendar.ts';
import { groundsSchema, payFees, remarksSchema } from '../../common/standard.ts';
import type { ProcedureDefinition } from '../../common/types.ts';
import { oppositionSchema } from './payloads.ts';

export const oppositionModelLaw: ProcedureDefinition = {
  framework: 'model-law',
  right: 'trademark-opposition',
  version: '2026.1',
  effectiveFrom: parseLegalDate('2000-01-01'),
  title: 'Opposition to a trademark application (model law)',
  numberPrefix: 'OP',
  statusStandard: 'ST.61',
  filingAct: 'file',
  filerRole: 'opponent',
  caseTitle: (data) => (data.earlierRights?.[0]?.markText ? `Opposition based on ${data.earlierRights[0].markText}` : 'Opposition'),
  states: {
    pending: { title: 'Opposition pending', public: true },
    'observations-invited': { title: 'Observations of the applicant invited', public: true },
    upheld: { title: 'Opposition upheld', terminal: true, public: true },
    rejected: { title: 'Opposition rejected', terminal: true, public: true },
    withdrawn: { title: 'Opposition withdrawn', terminal: true, public: true },
    closed: { title: 'Opposition closed without decision', terminal: true, public: true },
  },
  acts: {
    file: {
      title: 'Notice of opposition filed',
      legalBasis: 'ML r. 9(2)',
      from: [],
      to: 'pending',
      performers: ['third-party'],
      payloadSchema: oppositionSchema,
      fees: [{ code: 'opposition' }],
      payment: 'before',
      effects: (ctx) => ({ grounds: ctx.payload.grounds, earlierRights: ctx.payload.earlierRights, filingDate: ctx.today }),
      documents: ['opposition-receipt'],
    },
    'invite-observations': {
      title: 'Applicant invited to file observations',
      legalBasis: 'ML r. 9(3)',
      from: ['pending'],
      to: 'observations-invited',
      performers: ['examiner'],
      opens: [{ kind: 'observations', period: 'observations', onExpiry: 'observations-period-ended' }],
    },
    'file-observations': {
      title: 'Observations filed',
      legalBasis: 'ML r. 9(3)',
      from: ['observations-invited'],
      to: 'pending',
      performers: ['party:respondent'],
      within: 'observations',
      closes: ['observations'],
      payloadSchema: remarksSchema,
    },
    'observations-period-ended': {
      title: 'Period for observations ended',
      legalBasis: 'ML r. 9(3)',
      from: ['observations-invited'],
      to: 'pending',
      performers: ['system'],
      automatic: true,
    },
    uphold: {
      title: 'Opposition upheld; application refused',
      legalBasis: 'ML r. 9(5)',
      from: ['pending'],
      to: 'upheld',
      performers: ['examiner'],
      payloadSchema: groundsSchema,
      parentAct: 'opposition-upheld',
      documents: ['opposition-decision'],
    },
    reject: {
      title: 'Opposition rejected',
      legalBasis: 'ML r. 9(5)',
      from: ['pending'],
      to: 'rejected',
      performers: ['examiner'],
      payloadSchema: groundsSchema,
      parentAct: 'opposition-ended',
      documents: ['opposition-decision'],
    },
    'withdraw-opposition': {
      title: 'Opposition withdrawn',
      legalBasis: 'ML r. 9(6)',
      from: ['pending', 'observations-invited'],
      to: 'withdrawn',
      performers: ['party:opponent'],
      payloadSchema: remarksSchema,
      parentAct: 'opposition-ended',
    },
    'close-without-decision': {
      title: 'Opposition closed without decision (the application was withdrawn or refused)',
      legalBasis: 'ML r. 9(6)',
      from: ['pending', 'observations-invited'],
      to: 'closed',
      performers: ['examiner'],
      guard: (ctx) => (ctx.case.parent && ctx.case.parent.state === 'opposed'
        ? { code: 'OPPOSITION_STILL_RELEVANT', message: 'The opposed application is still pending: decide the opposition' }
        : null),
      payloadSchema: remarksSchema,
      parentAct: 'opposition-ended',
    },
    'pay-fees': payFees,
  },
  periods: {
    observations: { months: 2, citation: 'ML r. 9(3)' },
  },
  fees: [{
    effectiveFrom: parseLegalDate('2000-01-01'),
    currency: 'EUR',
    items: { opposition: { title: 'Opposition fee', amount: 320_00 } },
  }],
};
