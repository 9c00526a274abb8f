// The demo office: users for every role and a few cases at different stages, all created through the
// procedure engine like real filings (so their journals verify).
import type { Role } from '@registrum/procedures';
import { actorOf, type UserRow } from '../modules/access/index.ts';
import { DEMO_OPENING_DEPOSIT, fundAccounts } from '../modules/accounts/index.ts';
import { fileApplication, performAct } from '../modules/cases/index.ts';
import { insertParty } from '../procedure-engine/journal.repository.ts';
import { seedEveryRight } from './demo-rights.ts';
import type { Office } from './office.ts';

export const DEMO_PASSWORD = 'registrum-demo';
export const DEMO_USERS: { username: string; displayName: string; role: Role; party?: { name: string; country: string; address: string; kind: 'natural' | 'legal' } }[] = [
  { username: 'admin', displayName: 'Office Administrator', role: 'admin' },
  { username: 'formalities', displayName: 'Formalities Officer', role: 'formalities' },
  { username: 'examiner', displayName: 'Trademark Examiner', role: 'examiner' },
  { username: 'registrar', displayName: 'Registrar', role: 'registrar' },
  { username: 'agent', displayName: 'Demo IP Attorneys', role: 'agent', party: { name: 'Demo IP Attorneys LLP', country: 'XX', address: '1 Register Street, Capital City', kind: 'legal' } },
  { username: 'applicant', displayName: 'Demo Foods Ltd', role: 'applicant', party: { name: 'Demo Foods Ltd', country: 'XX', address: '20 Harbour Road, Port Town', kind: 'legal' } },
  { username: 'opponent', displayName: 'Earlier Rights SA', role: 'applicant', party: { name: 'Earlier Rights SA', country: 'FR', address: '5 rue des Marques, Paris', kind: 'legal' } },
];

export async function seedDemo(office: Office): Promise<boolean> {
  const existing = await office.db.query<{ n: string }>('SELECT count(*) AS n FROM users');
  if (Number(existing.rows[0].n) > 0) return false;
  const users: Record<string, UserRow> = {};
  await office.db.tx(async (q) => {
    for (const u of DEMO_USERS) {
      const partyId = u.party ? await insertParty(q, { ...u.party, email: `${u.username}@example.org` }) : null;
      await office.access.createUser(q, { username: u.username, displayName: u.displayName, role: u.role, password: DEMO_PASSWORD, partyId, email: `${u.username}@example.org` });
    }
  });
  for (const u of (await office.access.listUsers())) users[u.username] = u;
  const agent = actorOf(users.agent);
  await fundAccounts(office.accounts, [users.agent.party_id!, users.applicant.party_id!], DEMO_OPENING_DEPOSIT, 'demo-opening-deposit');
  const applicantParty = { kind: 'legal' as const, name: 'Demo Foods Ltd', country: 'XX', address: '20 Harbour Road, Port Town' };
  const file = async (text: string, classes: [number, string[]][], paid: boolean) => {
    const r = await fileApplication(office.cases, agent, {
      right: 'trademark',
      payload: {
        mark: { kind: 'Word', text }, applicant: applicantParty, representative: { name: 'Demo IP Attorneys LLP', country: 'XX' },
        goodsServices: classes.map(([classNumber, terms]) => ({ classNumber, terms })),
      },
      payment: paid ? { amount: 250_00 + 50_00 * (classes.length - 1), currency: 'EUR', method: 'current-account' } : undefined,
    });
    return r.body.case.number as string;
  };
  const act = (user: string, n: string, type: string, payload: Record<string, any> = {}) => performAct(office.cases, actorOf(users[user]), n, type, payload);

  await file('AURORA BREW', [[30, ['coffee', 'tea']], [43, ['café services']]], true);
  const b = await file('NORTHWIND', [[9, ['computer software']]], true);
  await act('formalities', b, 'accept-formalities');
  const c = await file('SOLENA', [[3, ['soaps', 'perfumery']]], true);
  await act('formalities', c, 'accept-formalities');
  await act('examiner', c, 'approve-classification');
  await act('examiner', c, 'accept');
  await act('registrar', c, 'publish');
  await performAct(office.cases, actorOf(users.opponent), c, 'file-opposition', {
    grounds: ['likelihood-of-confusion'], earlierRights: [{ markText: 'SOLENIA', number: 'FR-4512345', office: 'FR', classes: [3] }],
    statement: 'The marks are visually and aurally similar for identical goods.',
  }, { amount: 320_00, currency: 'EUR', method: 'card' });
  const d = await file('KILIMANJARO GOLD', [[30, ['coffee']]], false);
  await act('formalities', d, 'notify-formal-deficiency', { deficiencies: [{ code: 'FEES_UNPAID', description: 'The application fee has not been paid.' }] });
  // Every other right: patents, designs, a utility model, a geographical indication and a recordal.
  await seedEveryRight(office, users);
  return true;
}
