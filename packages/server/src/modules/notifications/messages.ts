// What the office writes to the parties, in English: pure, from the facts and the case's pinned law.
import { createHash } from 'node:crypto';
import { FRAMEWORKS, findProcedure } from '@registrum/procedures';
import type { PersonRow } from './notifications.repository.ts';

export interface Recipient { address: string; name: string; userId: string | null; partyId: string | null }

// One address, nothing around it: what a party typed may be anything.
const ADDRESS = /^[^\s@<>(),;:"[\]\\]+@[^\s@<>(),;:"[\]\\]+\.[^\s@<>(),;:"[\]\\.]+$/;
const PARTY_ROLES = new Set(['applicant', 'agent']);

/** Who is told in the portal: the applicants' and agents' accounts behind the case (office staff that filed it are not a party). */
export function noticeUsers(people: PersonRow[]): string[] {
  return [...new Set(people.filter((p) => p.user_id && p.active && PARTY_ROLES.has(p.role ?? '')).map((p) => p.user_id!))];
}

/**
 * Who is e-mailed: those accounts at their address, and parties no account stands behind at their own;
 * an address once, the account's name before a party's.
 */
export function mailRecipients(people: PersonRow[]): Recipient[] {
  const seen = new Map<string, Recipient>();
  const users = people.filter((p) => p.user_id && p.active && PARTY_ROLES.has(p.role ?? ''));
  const parties = people.filter((p) => !p.user_id && p.party_id);
  for (const p of [...users, ...parties]) {
    const address = p.email?.trim() ?? '';
    if (!ADDRESS.test(address) || address.length > 254) continue;
    const key = address.toLowerCase();
    if (!seen.has(key)) seen.set(key, { address, name: p.name, userId: p.user_id, partyId: p.user_id ? null : p.party_id });
  }
  return [...seen.values()];
}

/** '<act-41.5f2c...@xx.example>': from what the mail is about and the address, so a job run twice makes the same message. */
export function messageId(about: string, address: string, from: string): string {
  const domain = /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? 'registrum.invalid';
  const h = createHash('sha256').update(`${about}\n${address.toLowerCase()}`).digest('hex').slice(0, 20);
  return `<${about}.${h}@${domain}>`;
}

/** 'remedy-deficiency' -> 'remedy deficiency'. */
const words = (code: string) => code.replace(/[-_]+/g, ' ');

function actTitle(c: { framework: string; right_kind: string; procedure_version: string }, act: string): string {
  return findProcedure(c.framework, c.right_kind, c.procedure_version)?.acts[act]?.title ?? words(act);
}

function stateTitle(c: { framework: string; right_kind: string; procedure_version: string }, state: string): string {
  return findProcedure(c.framework, c.right_kind, c.procedure_version)?.states[state]?.title ?? words(state);
}

/**
 * The kinds of time limit a party can meet, per procedure version: some act of the party closes them.
 * Periods that run for the office or third parties (opposition, publication by the office, the term of
 * a right) are not the party's to meet, and get no reminder.
 */
export const MEETABLE = FRAMEWORKS.flatMap((f) => f.procedures.flatMap((p) => {
  const kinds = new Set<string>();
  for (const a of Object.values(p.acts)) {
    if (a.performers.some((x) => x === 'party' || x.startsWith('party:'))) for (const k of a.closes ?? []) kinds.add(k);
  }
  return [...kinds].map((kind) => ({ framework: f.id, right: p.right as string, version: p.version, kind }));
}));

interface CaseFacts { number: string; title: string | null; framework: string; right_kind: string; procedure_version: string }
const caseName = (c: CaseFacts) => `${c.number}${c.title ? ` (${c.title})` : ''}`;

function expiryLine(c: CaseFacts, t: { dueOn: string; graceEndsOn?: string | null; onExpiry: string }): string {
  return `It is due on ${t.dueOn}${t.graceEndsOn ? `, with a grace period until ${t.graceEndsOn}` : ''}. `
    + `If it is not met by then, the office records: "${actTitle(c, t.onExpiry)}".`;
}

const FOOTER = (office: string, link: string | null) => [
  ...(link ? ['', `The case file: ${link}`] : []),
  '', '--', `${office}`, 'You receive this message as a party to the case or its representative. Sent automatically; replies are not read.',
];

export function caseLink(publicUrl: string | null, number: string): string | null {
  return publicUrl ? `${publicUrl}/portal/cases/${encodeURIComponent(number)}` : null;
}

/** The mail about an act: what was recorded, the state it left the case in, the time limits it opened. */
export function actMail(a: CaseFacts & { type: string; office_date: string; state_before: string | null; state_after: string; opened: any[] | null },
  to: Recipient, office: string, link: string | null): { subject: string; text: string } {
  const title = actTitle(a, a.type);
  const lines = [
    `Dear ${to.name},`, '',
    `${office} recorded an act on case ${caseName(a)}:`, '',
    `  ${title}`, `  Office date: ${a.office_date}`,
    ...(a.state_before !== a.state_after ? [`  The case is now: ${stateTitle(a, a.state_after)}`] : []),
  ];
  for (const t of Array.isArray(a.opened) ? a.opened : []) {
    lines.push('', `A time limit was opened: ${words(String(t.kind))}. ${expiryLine(a, { dueOn: t.dueOn, graceEndsOn: t.graceEndsOn, onExpiry: t.onExpiry })}`);
  }
  return { subject: `${a.number}: ${title}`, text: [...lines, ...FOOTER(office, link)].join('\n') };
}

/** The reminder of a time limit: the case, the kind, the due date, the days left and what happens on expiry. */
export function reminderTexts(r: CaseFacts & { kind: string; due_on: string; grace_ends_on: string | null; on_expiry: string }, daysLeft: number,
  office: string, link: string | null) {
  const kind = words(r.kind);
  const left = daysLeft === 0 ? 'today' : daysLeft === 1 ? 'tomorrow' : `in ${daysLeft} days`;
  const summary = `The time limit "${kind}" on case ${caseName(r)} is due ${left}. ${expiryLine(r, { dueOn: r.due_on, graceEndsOn: r.grace_ends_on, onExpiry: r.on_expiry })}`;
  return {
    title: `${r.number}: reminder, ${kind} due on ${r.due_on}`,
    body: summary,
    mail: (to: Recipient) => ({
      subject: `${r.number}: reminder, time limit ${kind} due on ${r.due_on}`,
      text: [`Dear ${to.name},`, '', `This is a reminder from ${office}.`, '', summary, ...FOOTER(office, link)].join('\n'),
    }),
  };
}
