// People and cases for the data-protection tests: a private applicant and a company, represented by an
// agent who is a natural person, and a patent whose inventor is a private individual; each with a street,
// a postcode and an e-mail address the tests look for in every byte the office publishes.
import { fileApplication, performAct } from '../../src/modules/cases/index.ts';
import type { TestOffice } from '../support/harness.ts';

export type User = Awaited<ReturnType<TestOffice['user']>>;

export const PRIVATE = {
  kind: 'natural', name: 'Jana Novak', country: 'XX', nationality: 'XX',
  address: '14 Linden Lane\nRU-1234 Strelsau', email: 'jana.novak@example.net',
} as const;
export const PRIVATE_SECRETS = ['14 Linden Lane', 'RU-1234', 'jana.novak@example.net'];

export const COMPANY = { kind: 'legal', name: 'Zenda Coffee AG', country: 'XX', address: '99 Harbour Road\nRU-5678 Zenda', email: 'office@zenda.example' } as const;
export const COMPANY_STREET = '99 Harbour Road';
export const COMPANY_EMAIL = 'office@zenda.example';

/** A representative who is a natural person: its business address is published where the law publishes representatives'. */
export const AGENT = { kind: 'natural', name: 'Claire Chancery', country: 'XX', address: '5 Chancery Row, Strelsau', email: 'claire@chancery.example' } as const;
export const AGENT_STREET = '5 Chancery Row';
export const AGENT_EMAIL = 'claire@chancery.example';

export const INVENTOR = { kind: 'natural', name: 'Otto Hentzau', country: 'XX', nationality: 'XX', address: '7 Quiet Street\nRU-4321 Hofbau', email: 'otto@hentzau.example' } as const;
export const INVENTOR_SECRETS = ['7 Quiet Street', 'RU-4321', 'otto@hentzau.example'];

export interface Cast { agent: User; formalities: User; examiner: User; registrar: User; admin: User }

export async function cast(office: TestOffice): Promise<Cast> {
  return {
    agent: await office.user('agent', 'agent', 'Chancery & Co'),
    formalities: await office.user('formalities', 'formalities'),
    examiner: await office.user('examiner', 'examiner'),
    registrar: await office.user('registrar', 'registrar', 'Rita Registrar'),
    admin: await office.user('admin', 'admin'),
  };
}

const bank = (amount: number) => ({ amount, currency: 'EUR', method: 'bank-transfer', reference: 'TEST' });

/** A trademark filed by the agent for the applicant, its fees paid, accepted and waiting for publication. */
export async function acceptedTrademark(office: TestOffice, c: Cast, text: string, applicant: Record<string, unknown>, representative: Record<string, unknown> = AGENT) {
  const r = await fileApplication(office.cases, c.agent, {
    right: 'trademark', payload: { mark: { kind: 'Word', text }, applicant, representative, goodsServices: [{ classNumber: 30, terms: ['coffee'] }] },
  });
  const n = r.body.case.number as string;
  const due = (r.body.act.fees as { amount: number }[]).reduce((s, f) => s + f.amount, 0);
  await performAct(office.cases, c.agent, n, 'pay-fees', {}, bank(due));
  await performAct(office.cases, c.formalities, n, 'accept-formalities');
  await performAct(office.cases, c.examiner, n, 'approve-classification');
  await performAct(office.cases, c.examiner, n, 'accept');
  return n;
}

/** A patent application entering the national phase, already published by WIPO: public at once. */
export async function publishedPatent(office: TestOffice, c: Cast) {
  const description = { sha256: (await office.storage.put(Buffer.from('%PDF-1.7\ndescription of the grinder'))).sha256 };
  const r = await fileApplication(office.cases, c.agent, {
    right: 'patent', act: 'enter-national-phase',
    payload: {
      internationalApplication: { number: 'PCT/XX2025/000777', filingDate: '2025-02-10', publicationNumber: 'WO2025/777777', publicationDate: '2025-08-21' },
      applicants: [COMPANY], inventors: [INVENTOR], representative: AGENT,
      title: 'Conical burr coffee grinder', abstract: 'A grinder whose burrs ...', description, claims: ['1. A grinder with conical burrs.'],
    },
  });
  return r.body.case.number as string;
}
