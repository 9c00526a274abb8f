// Every legal-status event and status category the trademark procedures emit is a value of the
// WIPO ST.96 V6_0 code lists (the official schemas are the oracle), in every framework and version.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { FRAMEWORKS, parseLegalDate, periodTable, type ActContext, type CaseView } from '../../index.ts';

const codes = (file: string) => new Set(readFileSync(new URL(`../../../../reference/st96/${file}`, import.meta.url), 'utf8')
  .split('\n').slice(1).filter(Boolean).map((l) => (l.startsWith('"') ? l.slice(1, l.indexOf('"', 1)) : l.split(',')[0])));
const eventCategories = codes('MarkEventCategory.csv');
const statusCategories = codes('MarkCurrentStatusCategory.csv');

const view = (state: string): CaseView => ({ id: 'x', number: 'TM-1', right: 'trademark', state, filingDate: null, data: { goodsServices: [{ classNumber: 1, terms: ['x'] }] }, openTimeLimits: [], parent: null });

for (const f of FRAMEWORKS) for (const p of f.procedures.filter((x) => x.statusStandard === 'ST.61')) {
  test(`${f.id} ${p.right} ${p.version}: every event is an ST.96 MarkEventCategory and every status an ST.96 MarkCurrentStatusCategory`, () => {
    for (const [type, act] of Object.entries(p.acts)) {
      const samples = typeof act.event === 'function'
        ? [act.event({ case: view('formalities'), payload: {}, today: parseLegalDate('2026-01-01'), calendars: [], periods: periodTable(p.periods, []) } as ActContext), act.event({ case: view('formalities'), payload: { goodsServices: [{ classNumber: 1, terms: ['x'] }] }, today: parseLegalDate('2026-01-01'), calendars: [], periods: periodTable(p.periods, []) } as ActContext)]
        : [act.event ?? null];
      for (const e of samples) {
        if (!e) continue;
        assert.equal(e.standard, 'ST.61', `${type}`);
        assert.ok(eventCategories.has(e.category), `${type}: '${e.category}' is not an ST.96 MarkEventCategory`);
        if (e.statusCategory) assert.ok(statusCategories.has(e.statusCategory), `${type}: '${e.statusCategory}' is not an ST.96 MarkCurrentStatusCategory`);
      }
    }
    for (const [state, s] of Object.entries(p.states)) {
      if (s.statusCategory) assert.ok(statusCategories.has(s.statusCategory), `state ${state}: '${s.statusCategory}'`);
    }
  });

  test(`${f.id} ${p.right} ${p.version}: the procedure is consistent (states reachable, periods and fees defined, expiry acts exist)`, () => {
    const fees = new Set(p.fees.flatMap((s) => Object.keys(s.items)));
    for (const [type, act] of Object.entries(p.acts)) {
      for (const s of act.from) assert.ok(s === '*' || p.states[s], `${type}: unknown from-state ${s}`);
      if (typeof act.to === 'string') assert.ok(p.states[act.to], `${type}: unknown to-state ${act.to}`);
      for (const o of act.opens ?? []) {
        for (const k of [o.period, o.windowBefore, o.grace]) if (k) assert.ok(p.periods[k], `${type}: period ${k} undefined`);
        assert.ok(p.acts[o.onExpiry], `${type}: expiry act ${o.onExpiry} undefined`);
        assert.ok(p.acts[o.onExpiry].performers.includes('system'), `${type}: expiry act ${o.onExpiry} must be performable by the system`);
      }
      for (const fc of act.fees ?? []) assert.ok(fees.has(fc.code), `${type}: fee ${fc.code} not in the schedule`);
      if (act.within) assert.ok(Object.values(p.acts).some((a) => a.opens?.some((o) => o.kind === act.within)), `${type}: no act opens time limit ${act.within}`);
    }
  });
}
