// Fee schedules as effective-dated data the administrator maintains, like the holiday calendars. The
// procedures ship their schedules (the law); the office adds versions that set some amounts of one
// right's schedule from a date after today (a fee already charged never changes under it). An office
// version amends the schedule in force before it: the codes it does not name keep their amounts.
// The engine charges, on the day of an act, the latest version in force of the law's and the office's
// together, and records in the act which one it used. It reads them from memory; before it records an
// act that charges fees it checks, in the same transaction, that no other process added a version.
import {
  compareDates, findFramework, isLegalDate, parseLegalDate,
  type FeeScheduleVersion, type Framework, type LegalDate, type ProcedureDefinition,
} from '@registrum/procedures';
import type { Actor } from '../../kernel/actor.ts';
import type { Clock } from '../../kernel/clock.ts';
import { DomainError, invalid } from '../../kernel/errors.ts';
import type { Db, Queryable } from '../../platform/db/db.ts';
import type { FeeScheduleSource } from '../../procedure-engine/engine.ts';
import * as repo from './fee-schedules.repository.ts';

export interface NewFeeScheduleVersion {
  framework: string;
  right: string;
  effectiveFrom: string;
  amounts: Record<string, number>;
  currency?: string;
  note?: string;
}

/** One version of a right's fee schedule, complete (every code with its amount), and where it comes from. */
export interface ScheduleEntry extends FeeScheduleVersion {
  source: 'law' | 'office';
  /** Office versions: the codes whose amounts it sets, its note, who added it and when. */
  changes?: string[];
  note?: string | null;
  createdAt?: string;
}

const key = (framework: string, right: string) => `${framework}:${right}`;

/** The schedules a framework's procedures ship for a right, one per date (as the engine picks them: the last shipped wins). */
function lawSeries(framework: Framework, right: string): ScheduleEntry[] {
  const byDate = new Map<LegalDate, FeeScheduleVersion>();
  for (const p of framework.procedures) if (p.right === right) for (const s of p.fees) byDate.set(s.effectiveFrom, s);
  return [...byDate.values()].sort((a, b) => compareDates(a.effectiveFrom, b.effectiveFrom)).map((s) => ({ ...s, source: 'law' as const }));
}

/** The schedule in force on a date in an ordered series (an office version after the law's of the same date). */
function inForceOn(series: readonly ScheduleEntry[], date: LegalDate): ScheduleEntry | null {
  let found: ScheduleEntry | null = null;
  for (const s of series) if (compareDates(s.effectiveFrom, date) <= 0) found = s;
  return found;
}

export class OfficeFeeSchedules implements FeeScheduleSource {
  private signature = '';
  /** The office date of the last look at the table (see ensureFresh). */
  private checkedOn: LegalDate | null = null;
  /** Law and office versions together, per framework and right, where the office added any. */
  private series = new Map<string, ScheduleEntry[]>();
  /** Per framework: its procedures with those series as their fee schedules. */
  private procedures = new Map<string, ProcedureDefinition[]>();

  async load(q: Queryable): Promise<void> {
    const rows = await repo.feeScheduleVersions(q);
    const signature = await repo.feeScheduleSignature(q);
    const series = new Map<string, ScheduleEntry[]>();
    for (const r of rows) {
      const framework = findFramework(r.framework);
      if (!framework || series.has(key(r.framework, r.right_kind))) continue;
      series.set(key(r.framework, r.right_kind), merge(lawSeries(framework, r.right_kind), rows.filter((x) => x.framework === r.framework && x.right_kind === r.right_kind)));
    }
    const procedures = new Map<string, ProcedureDefinition[]>();
    for (const frameworkId of new Set(rows.map((r) => r.framework))) {
      const framework = findFramework(frameworkId);
      if (!framework) continue;
      // Every version of the right gets the whole series: the engine treats them as one effective-dated series.
      procedures.set(frameworkId, framework.procedures.map((p) => {
        const s = series.get(key(frameworkId, p.right));
        return s ? { ...p, fees: s } : p;
      }));
    }
    this.series = series; this.procedures = procedures; this.signature = signature;
  }

  withOfficeFees(framework: Framework): Framework {
    const procedures = this.procedures.get(framework.id);
    return procedures ? { ...framework, procedures } : framework;
  }

  /**
   * Reloads if another process added a version since this one last looked; true if it did. With the
   * office date of the act: a version takes effect only after the day it is added, so what another
   * process adds today cannot change a fee charged today; one look per office day is enough, and the
   * acts of a busy day are not each one round trip dearer. Without a date (an administrator adding a
   * version): always a look.
   */
  async ensureFresh(q: Queryable, today?: LegalDate): Promise<boolean> {
    if (today && this.checkedOn === today) return false;
    const fresh = (await repo.feeScheduleSignature(q)) === this.signature;
    if (!fresh) await this.load(q);
    if (today) this.checkedOn = today;
    return !fresh;
  }

  /** Every version of a right's schedule, the law's and the office's, in date order. */
  seriesOf(framework: Framework, right: string): ScheduleEntry[] {
    return this.series.get(key(framework.id, right)) ?? lawSeries(framework, right);
  }

  /** For each right and procedure version of the framework: the schedule in force on `today` and the whole history. */
  list(frameworkId: string, today: LegalDate) {
    const framework = findFramework(frameworkId);
    if (!framework) throw new DomainError('UNKNOWN_FRAMEWORK', `There is no legal framework '${frameworkId}'`, 404, { framework: frameworkId });
    return framework.procedures.map((p) => {
      const history = this.seriesOf(framework, p.right);
      const current = inForceOn(history, today);
      return {
        right: p.right, version: p.version, procedureEffectiveFrom: p.effectiveFrom, title: p.title,
        inForce: current ? present(current, current) : null,
        history: history.map((s) => present(s, current)),
      };
    });
  }

  async add(db: Db, clock: Clock, actor: Actor, v: NewFeeScheduleVersion) {
    const framework = findFramework(v.framework);
    if (!framework) throw invalid('UNKNOWN_FRAMEWORK', `There is no legal framework '${v.framework}'`, { framework: v.framework });
    if (!framework.procedures.some((p) => p.right === v.right)) {
      throw invalid('UNKNOWN_RIGHT', `The framework '${v.framework}' has no procedure for '${v.right}'`, { right: v.right, rights: [...new Set(framework.procedures.map((p) => p.right))] });
    }
    if (!isLegalDate(v.effectiveFrom)) throw invalid('INVALID_DATE', `'${v.effectiveFrom}' is not a date (YYYY-MM-DD)`, { effectiveFrom: v.effectiveFrom });
    const from = parseLegalDate(v.effectiveFrom);
    const today = clock.today();
    if (compareDates(from, today) <= 0) {
      throw invalid('FEE_SCHEDULE_NOT_IN_FUTURE', `A new fee schedule takes effect after today (${today}): fees already charged keep the schedule they were charged under`, { effectiveFrom: from, today });
    }
    return db.tx(async (q) => {
      await this.ensureFresh(q);
      const series = this.seriesOf(framework, v.right);
      const clash = series.find((s) => s.effectiveFrom === from);
      if (clash) {
        throw new DomainError('FEE_SCHEDULE_EXISTS', `A ${clash.source === 'law' ? 'schedule of the law' : 'fee schedule version'} for ${v.right} takes effect on ${from} already`, 409, { effectiveFrom: from, source: clash.source });
      }
      // The version amends the schedule that would otherwise be in force on its date.
      const base = inForceOn(series, from);
      const known = Object.keys(base?.items ?? {});
      const unknown = Object.keys(v.amounts).filter((c) => !known.includes(c));
      if (unknown.length) {
        throw invalid('UNKNOWN_FEE_CODE', `The ${v.right} fee schedule has no fee ${unknown.map((c) => `'${c}'`).join(', ')}`, { unknown, known });
      }
      const currency = base?.currency ?? framework.office.currency;
      // Cases record their fees and payments in one currency: a version changes amounts, not the currency.
      if (v.currency !== undefined && v.currency !== currency) {
        throw invalid('CURRENCY_MISMATCH', `Fees for ${v.right} are in ${currency}; a new version cannot change the currency`, { currency });
      }
      const inserted = await repo.insertFeeScheduleVersion(q, {
        framework: framework.id, right: v.right, effectiveFrom: from, currency, amounts: v.amounts, note: v.note ?? null,
        createdBy: actor.kind === 'user' ? actor.id : null,
      });
      if (!inserted) throw new DomainError('FEE_SCHEDULE_EXISTS', `A fee schedule version for ${v.right} takes effect on ${from} already`, 409, { effectiveFrom: from, source: 'office' });
      await this.load(q);
      const added = this.seriesOf(framework, v.right).find((s) => s.source === 'office' && s.effectiveFrom === from)!;
      return { framework: framework.id, right: v.right, ...present(added, null) };
    });
  }
}

/** Law and office versions in one series; each office version completes the one in force before it. */
function merge(law: ScheduleEntry[], office: repo.FeeScheduleVersionRow[]): ScheduleEntry[] {
  const out: ScheduleEntry[] = [];
  const pending = [...law];
  for (const r of [...office].sort((a, b) => compareDates(a.effective_from, b.effective_from))) {
    while (pending.length && compareDates(pending[0].effectiveFrom, r.effective_from) <= 0) out.push(pending.shift()!);
    const base = out.at(-1);
    const items: FeeScheduleVersion['items'] = { ...(base?.items ?? {}) };
    for (const [code, amount] of Object.entries(r.amounts)) items[code] = { title: items[code]?.title ?? code, amount: Number(amount) };
    out.push({ effectiveFrom: r.effective_from, currency: r.currency, items, source: 'office', changes: Object.keys(r.amounts).sort(), note: r.note, createdAt: r.created_at });
  }
  return [...out, ...pending];
}

function present(s: ScheduleEntry, current: ScheduleEntry | null) {
  return {
    effectiveFrom: s.effectiveFrom, source: s.source, currency: s.currency, inForce: s === current,
    items: Object.fromEntries(Object.entries(s.items).map(([code, i]) => [code, { title: i.title, amount: i.amount }])),
    ...(s.source === 'office' ? { changes: s.changes ?? [], note: s.note ?? null, createdAt: s.createdAt ?? null } : {}),
  };
}
