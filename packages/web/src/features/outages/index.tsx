// Declared outages of the office's electronic services (GET /api/v1/outages), shared by the register's
// public list and the office's page, and the note an extended time limit carries on the case page.
import type { ReactNode } from 'react';
import { useI18n, type I18n } from '../../i18n/index.tsx';

export interface OutageEffect { caseId: string; number: string; outcome: 'extended' | 'reinstated' | 'review'; actId: number | null; detail: any; recordedAt: string }

export interface Outage {
  id: string; number: number; startsAt: string; endsAt: string; timeZone: string;
  /** The same instants as the office's wall-clock time ('YYYY-MM-DDTHH:mm'). */
  local: { startsAt: string; endsAt: string };
  firstDay: string; lastDay: string; reason: string; channels: string[]; declaredOn: string; declaredAt: string; declaredBy?: string;
  extension: { complete: boolean; completedAt: string | null; counts?: { extended: number; reinstated: number; review: number } };
  prevHash: string; hash: string;
  /** Office staff only: what the extension did, case by case. */
  effects?: OutageEffect[];
}

export interface OutageList { timeZone: string; items: Outage[] }

/** An office wall-clock time, its date in the reader's language. */
export const wallClock = (i18n: I18n, wall: string): string => {
  const [date, time] = wall.split('T');
  return `${i18n.date(date)} ${time ?? ''}`.trim();
};

export const dayRange = (i18n: I18n, first: string, last: string): string =>
  (first === last ? i18n.date(first) : i18n.t('outage.range', { from: i18n.date(first), to: i18n.date(last) }));

export const channelName = (i18n: I18n, channel: string): string => i18n.tx(`outage.channel.${channel}`, channel);

/** The declared outages, latest first; `action` adds a last column (the office's link to the details). */
export function OutageTable({ items, caption, action }: { items: Outage[]; caption: string; action?: (o: Outage) => ReactNode }) {
  const i18n = useI18n();
  return (
    <div className="table-scroll">
      <table data-testid="outages-table">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{i18n.t('outage.col.number')}</th>
            <th scope="col">{i18n.t('outage.col.period')}</th>
            <th scope="col">{i18n.t('outage.col.days')}</th>
            <th scope="col">{i18n.t('outage.col.channels')}</th>
            <th scope="col">{i18n.t('outage.col.reason')}</th>
            <th scope="col">{i18n.t('outage.col.declared')}</th>
            {action ? <th scope="col"><span className="sr-only">{i18n.t('outage.col.details')}</span></th> : null}
          </tr>
        </thead>
        <tbody>
          {items.map((o) => (
            <tr key={o.id} data-testid={`outage-${o.number}`}>
              <th scope="row">{i18n.number(o.number)}</th>
              <td>{i18n.t('outage.range', { from: wallClock(i18n, o.local.startsAt), to: wallClock(i18n, o.local.endsAt) })}</td>
              <td>{dayRange(i18n, o.firstDay, o.lastDay)}</td>
              <td>{o.channels.map((c) => channelName(i18n, c)).join(', ')}</td>
              <td dir="auto">{o.reason}</td>
              <td><time dateTime={o.declaredOn}>{i18n.date(o.declaredOn)}</time></td>
              {action ? <td>{action(o)}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** How a time limit's computation records an extension (see the server's outages module). */
export interface LimitExtension {
  outage: { id: string; firstDay: string; lastDay: string };
  previousDueOn: string; previousGraceEndsOn: string | null; dueOn: string; graceEndsOn: string | null;
  reinstated?: { act: string };
}

/** The latest extension of a time limit for an outage, in words: from which date, and why. */
export function ExtensionNote({ computation, testid }: { computation?: Record<string, any> | null; testid?: string }) {
  const i18n = useI18n();
  const ext = (computation?.extensions as LimitExtension[] | undefined)?.at(-1);
  if (!ext?.outage?.firstDay) return null;
  const days = dayRange(i18n, ext.outage.firstDay, ext.outage.lastDay);
  const from = ext.reinstated
    ? ext.previousGraceEndsOn ?? ext.previousDueOn
    : ext.dueOn !== ext.previousDueOn ? ext.previousDueOn : ext.previousGraceEndsOn ?? ext.previousDueOn;
  return (
    <div className="hint" data-testid={testid}>
      {i18n.t(ext.reinstated ? 'outage.limit.reinstated' : 'outage.limit.extended', { from: i18n.date(from), days })}
    </div>
  );
}
