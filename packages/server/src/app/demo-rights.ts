// The demo cases of the rights other than trademark applications: a patent application awaiting the
// request for search and examination, a published one (a PCT national-phase entry, whose international
// publication stands for the national one), a registered multiple design with its views, a utility
// model in force, a published geographical indication with its specification, and a transfer of a trademark
// awaiting examination. Filed and taken forward through the use cases, as the parties and the office would,
// with fees paid by bank transfer; documents are stored first, as the uploads route does.
import { addMonths, procedureInForce, type LegalDate } from '@registrum/procedures';
import { actorOf, type UserRow } from '../modules/access/index.ts';
import { fileApplication, performAct } from '../modules/cases/index.ts';
import { solidPng, tinyPdf } from './demo-files.ts';
import type { Office } from './office.ts';

export async function seedEveryRight(office: Office, users: Record<string, UserRow>): Promise<void> {
  const agent = actorOf(users.agent);
  const today = office.clock.today();
  const defaultFramework = office.cases.defaultFramework;
  // A national framework may not run every right (Ruritania has trademarks and patents): the others are
  // filed under the model law the office also carries.
  const frameworkFor = (right: string) => (procedureInForce(defaultFramework, right, today) ? defaultFramework : 'model-law');
  const store = async (bytes: Buffer) => ({ sha256: (await office.storage.put(bytes)).sha256 });
  const bank = (amount: number) => ({ amount, currency: 'EUR', method: 'bank-transfer', reference: 'DEMO-BANK-TRANSFER' });
  const act = (user: string, n: string, type: string, payload: Record<string, any> = {}) => performAct(office.cases, actorOf(users[user]), n, type, payload);

  /** Files as the agent, then pays what the filing charged by bank transfer, as a payment on the case. */
  const fileAndPay = async (right: string, payload: Record<string, any>, initialAct?: string): Promise<string> => {
    const r = await fileApplication(office.cases, agent, { right, framework: frameworkFor(right), act: initialAct, payload });
    const n = r.body.case.number as string;
    const due = (r.body.act.fees as { amount: number }[]).reduce((s, f) => s + f.amount, 0);
    if (due > 0) await performAct(office.cases, agent, n, 'pay-fees', {}, bank(due));
    return n;
  };

  const applicant = { kind: 'legal' as const, name: 'Demo Foods Ltd', country: 'XX', address: '20 Harbour Road, Port Town' };
  const inventor = { kind: 'natural' as const, name: 'Mira Castell', country: 'XX' };
  const claims = ['1. A capsule for brewing coffee, having a filter wall of compressed plant fibre.', '2. The capsule of claim 1, in which the lid is sealed by starch adhesive.'];

  // A patent application past the formalities, awaiting the request for search and examination (ML r. 25).
  const patent = await fileAndPay('patent', {
    applicants: [applicant], inventors: [inventor], title: 'Compostable coffee capsule',
    abstract: 'A coffee capsule whose filter wall is compressed plant fibre, compostable with its grounds.',
    description: await store(tinyPdf(['Compostable coffee capsule', '', 'Description', 'The capsule has a filter wall of compressed plant fibre ...'])),
    claims, ipc: ['B65D 85/804'],
  });
  await act('formalities', patent, 'accept-formalities');

  // A published patent application: an international application entering the national phase 20 months
  // after its filing, published by WIPO at 18 months (ML r. 36; PCT art. 22, 29).
  const internationalFilingDate: LegalDate = addMonths(today, -20);
  await fileAndPay('patent', {
    applicants: [applicant], inventors: [inventor], title: 'Cold-brew extraction vessel',
    abstract: 'A vessel that extracts coffee in cold water under slight vacuum.',
    description: await store(tinyPdf(['Cold-brew extraction vessel', '', 'Description (translation of the international application)'])),
    claims: ['1. A vessel for cold extraction of coffee, comprising a vacuum lid.'],
    internationalApplication: {
      number: `PCT/XX${internationalFilingDate.slice(0, 4)}/000042`, filingDate: internationalFilingDate,
      publicationNumber: `WO${addMonths(internationalFilingDate, 18).slice(0, 4)}/004242`, publicationDate: addMonths(internationalFilingDate, 18),
    },
  }, 'enter-national-phase');

  // A registered design application with two designs, one view each (ML r. 51, 57).
  const view = async (rgb: [number, number, number]) => ({ ...(await store(solidPng(64, 48, rgb))), title: 'front view' });
  const design = await fileAndPay('design', {
    applicants: [applicant], designers: [{ kind: 'natural', name: 'Lea Marin', country: 'XX' }],
    designs: [
      { products: ['Coffee cups'], locarno: { class: '07', subclass: '01' }, views: [await view([196, 120, 64])] },
      { products: ['Saucers'], locarno: { class: '07', subclass: '01' }, views: [await view([90, 60, 40])] },
    ],
  });
  await act('formalities', design, 'accept-formalities');
  await act('examiner', design, 'accept');
  await act('registrar', design, 'register');

  // A utility model, registered without substantive examination and published (ML r. 41, 42).
  const utilityModel = await fileAndPay('utility-model', {
    applicants: [applicant], inventors: [inventor], title: 'Milk frothing whisk with magnetic drive',
    abstract: 'A whisk driven through the jug wall by a magnet.',
    description: await store(tinyPdf(['Milk frothing whisk with magnetic drive', '', 'Description'])),
    claims: ['1. A frothing whisk driven by a magnet outside the jug.'],
  });
  await act('registrar', utilityModel, 'register');
  await act('registrar', utilityModel, 'publish-registration');

  // A geographical indication with its product specification, published for objections (ML r. 60-63).
  const gi = await fileAndPay('gi', {
    applicant: { name: 'Port Town Coffee Growers Association', legalForm: 'association', membersCount: 38, country: 'XX', address: '3 Market Square, Port Town' },
    kind: 'Geographical Indication',
    name: { text: 'Port Town Highland Coffee', language: 'en' },
    product: { description: 'Arabica green coffee beans grown above 900 m', category: 'Coffee', niceClass: 30 },
    area: { description: 'The highland districts above Port Town, above 900 m altitude' },
    specification: await store(tinyPdf(['Port Town Highland Coffee', '', 'Product specification', 'Variety, altitude, harvest by hand, wet processing ...'])),
    linkToOrigin: 'Volcanic soil and cool nights above 900 m give the beans their high acidity.',
    controlBody: { name: 'Port Town Agricultural Inspectorate', kind: 'public-authority', country: 'XX' },
  });
  await act('formalities', gi, 'accept-formalities');
  await act('examiner', gi, 'accept');
  await act('registrar', gi, 'publish');

  // A request to record the transfer of a trademark, awaiting examination (ML r. 70, 71). The mark is
  // published: it cannot be registered before its 3-month opposition period ends (ML r. 9, 10), and the
  // demo office starts on today's date.
  const mark = await fileAndPay('trademark', {
    mark: { kind: 'Word', text: 'HARBOUR ROAST' }, applicant, representative: { name: 'Demo IP Attorneys LLP', country: 'XX' },
    goodsServices: [{ classNumber: 30, terms: ['coffee'] }],
  });
  await act('formalities', mark, 'accept-formalities');
  await act('examiner', mark, 'approve-classification');
  await act('examiner', mark, 'accept');
  await act('registrar', mark, 'publish');
  const recordal = procedureInForce(frameworkFor('recordal'), 'recordal', today)!;
  const recordalFee = recordal.fees.at(-1)!.items.recordal.amount;
  await performAct(office.cases, agent, mark, 'request-recordal', {
    kind: 'transfer',
    newHolder: { kind: 'legal', name: 'Harbour Roasters SA', country: 'XX', address: '8 Quay Street, Port Town' },
    evidence: await store(tinyPdf(['Deed of assignment', '', 'Demo Foods Ltd assigns the trademark HARBOUR ROAST to Harbour Roasters SA.'])),
  }, bank(recordalFee));
}
