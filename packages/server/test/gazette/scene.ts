// Cases of several rights taken to the point where the gazette publishes them, through the use cases
// (as the parties and the office would), with the fees paid by bank transfer.
import { fileApplication, performAct } from '../../src/modules/cases/index.ts';
import { solidPng, tinyPdf } from '../../src/app/demo-files.ts';
import type { TestOffice } from '../support/harness.ts';

export type User = Awaited<ReturnType<TestOffice['user']>>;

export interface Cast { agent: User; formalities: User; examiner: User; registrar: User; admin: User }

export async function cast(office: TestOffice, agentName = 'Meridian IP LLP'): Promise<Cast> {
  return {
    agent: await office.user('agent', 'agent', agentName),
    formalities: await office.user('formalities', 'formalities'),
    examiner: await office.user('examiner', 'examiner'),
    registrar: await office.user('registrar', 'registrar', 'Rita Registrar'),
    admin: await office.user('admin', 'admin'),
  };
}

export function scene(office: TestOffice, c: Cast) {
  const bank = (amount: number) => ({ amount, currency: 'EUR', method: 'bank-transfer', reference: 'TEST-TRANSFER' });
  const act = (by: User, n: string, type: string, payload: Record<string, any> = {}) => performAct(office.cases, by, n, type, payload);
  const store = async (bytes: Buffer) => ({ sha256: (await office.storage.put(bytes)).sha256 });
  const applicant = { kind: 'legal' as const, name: 'Aurora Roasters SA', country: 'XX', address: '1 Quay Street' };

  async function fileAndPay(right: string, payload: Record<string, any>, by: User = c.agent, initialAct?: string): Promise<string> {
    const r = await fileApplication(office.cases, by, { right, framework: 'model-law', act: initialAct, payload });
    const n = r.body.case.number as string;
    const due = (r.body.act.fees as { amount: number }[]).reduce((s, f) => s + f.amount, 0);
    if (due > 0) await performAct(office.cases, by, n, 'pay-fees', {}, bank(due));
    return n;
  }

  return {
    act, store, fileAndPay,
    /** A trademark application accepted and waiting for publication. */
    async acceptedTrademark(text: string, classes = [30]) {
      const n = await fileAndPay('trademark', { mark: { kind: 'Word', text }, applicant, goodsServices: classes.map((classNumber) => ({ classNumber, terms: ['coffee'] })) });
      await act(c.formalities, n, 'accept-formalities');
      await act(c.examiner, n, 'approve-classification');
      await act(c.examiner, n, 'accept');
      return n;
    },
    /** A geographical indication accepted and waiting for publication. */
    async acceptedGi(name = 'Port Town Highland Coffee') {
      const n = await fileAndPay('gi', {
        applicant: { name: 'Port Town Coffee Growers Association', legalForm: 'association', membersCount: 38, country: 'XX', address: '3 Market Square' },
        kind: 'Geographical Indication', name: { text: name, language: 'en' },
        product: { description: 'Arabica green coffee beans grown above 900 m', category: 'Coffee', niceClass: 30 },
        area: { description: 'The highland districts above Port Town' },
        specification: await store(tinyPdf([name, 'Product specification'])),
        linkToOrigin: 'Volcanic soil and cool nights give the beans their acidity.',
        controlBody: { name: 'Port Town Agricultural Inspectorate', kind: 'public-authority', country: 'XX' },
      });
      await act(c.formalities, n, 'accept-formalities');
      await act(c.examiner, n, 'accept');
      return n;
    },
    /** A design application accepted and waiting for registration (which publishes it). */
    async acceptedDesign(products = ['Coffee cups']) {
      const n = await fileAndPay('design', {
        applicants: [applicant], designers: [{ kind: 'natural', name: 'Lea Marin', country: 'XX' }],
        designs: [{ products, locarno: { class: '07', subclass: '01' }, views: [{ ...(await store(solidPng(32, 24, [196, 120, 64]))), title: 'front view' }] }],
      });
      await act(c.formalities, n, 'accept-formalities');
      await act(c.examiner, n, 'accept');
      return n;
    },
    /** A utility model registered and waiting for the publication of its registration. */
    async registeredUtilityModel(title = 'Milk frothing whisk with magnetic drive') {
      const n = await fileAndPay('utility-model', {
        applicants: [applicant], inventors: [{ kind: 'natural', name: 'Mira Castell', country: 'XX' }], title,
        abstract: 'A whisk driven through the jug wall by a magnet.',
        description: await store(tinyPdf([title, 'Description'])), claims: ['1. A frothing whisk driven by a magnet outside the jug.'],
      });
      await act(c.registrar, n, 'register');
      return n;
    },
    /** A patent application with its search report, in examination (published by the office at 18 months). */
    async patentInExamination(title = 'Fluid-bed coffee roaster') {
      const n = await fileAndPay('patent', {
        applicants: [applicant], inventors: [{ kind: 'natural', name: 'Ada Brewer', country: 'XX' }], title,
        abstract: 'A roaster in which the beans float on heated air.', description: await store(tinyPdf([title, 'Description'])),
        claims: ['1. A coffee roaster with a fluid bed.'], requestExamination: true,
      });
      await act(c.formalities, n, 'accept-formalities');
      await act(c.examiner, n, 'issue-search-report', { report: await store(tinyPdf(['Search report'])), citations: [{ document: 'US 2019/0123456 A1', category: 'X', claims: [1] }] });
      return n;
    },
  };
}
