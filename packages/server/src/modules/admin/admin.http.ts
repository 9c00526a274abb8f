// Office administration: the office clock (demo mode), the expiry sweep, journal verification and
// the law in force (procedures as data, for explainability).
import type { FastifyInstance } from 'fastify';
import { FRAMEWORKS, parseLegalDate } from '@registrum/procedures';
import type { Office } from '../../app/office.ts';
import { requireActor } from '../../app/http.ts';
import { verifyJournal } from '../../procedure-engine/journal.ts';
import { workOnce } from '../../app/worker.ts';

export async function adminRoutes(api: FastifyInstance, office: Office) {
  api.get('/admin/clock', { config: { access: 'public' }, schema: { tags: ['admin'], summary: 'The office date' } }, async () => ({
    officeDate: office.clock.today(), settable: office.clock.isSettable, offsetDays: office.clock.offset,
  }));

  api.put<{ Body: { date: string; runSweep?: boolean } }>('/admin/clock', {
    config: { access: { roles: ['admin'] } },
    schema: {
      tags: ['admin'], summary: 'Set the office date (demo mode only; forward only), then run the expiry sweep',
      body: { type: 'object', required: ['date'], additionalProperties: false, properties: { date: { type: 'string', maxLength: 10 }, runSweep: { type: 'boolean' } } },
    },
  }, async (req) => {
    const date = await office.db.tx((q) => office.clock.setDate(q, parseLegalDate(req.body.date)));
    const work = req.body.runSweep === false ? null : await workOnce(office.worker);
    return { officeDate: date, sweep: work?.sweep ?? null };
  });

  api.post('/admin/sweep', { config: { access: { roles: ['admin', 'registrar'] } }, schema: { tags: ['admin'], summary: 'Run the time-limit expiry sweep and pending jobs now' } }, async (req) => {
    return workOnce(office.worker);
  });

  api.get('/admin/journal/verify', { config: { access: { roles: ['admin'] } }, schema: { tags: ['admin'], summary: 'Verify every hash chain of the register' } }, async (req) => {
    return verifyJournal(office.db);
  });

  api.get<{ Querystring: { framework?: string } }>('/admin/calendars', {
    config: { access: 'public' },
    schema: {
      tags: ['admin'], summary: 'Every version of the office calendar (weekends and holidays): those the framework ships and those the office added',
      querystring: { type: 'object', additionalProperties: false, properties: { framework: { type: 'string', maxLength: 50 } } },
    },
  }, async (req) => ({ framework: req.query.framework ?? office.config.framework, items: office.calendars.list(req.query.framework ?? office.config.framework) }));

  api.post<{ Body: { framework?: string; version: string; effectiveFrom: string; weekendDays: number[]; holidays: string[]; note?: string } }>('/admin/calendars', {
    config: { access: { roles: ['admin'] } },
    schema: {
      tags: ['admin'], summary: 'Add a calendar version, in force from a date after today (administrators)',
      body: {
        type: 'object', required: ['version', 'effectiveFrom', 'weekendDays', 'holidays'], additionalProperties: false,
        properties: {
          framework: { type: 'string', maxLength: 50 }, version: { type: 'string', minLength: 1, maxLength: 50 },
          effectiveFrom: { type: 'string', maxLength: 10 }, weekendDays: { type: 'array', maxItems: 7, items: { type: 'integer' } },
          holidays: { type: 'array', maxItems: 2000, items: { type: 'string', maxLength: 10 } }, note: { type: 'string', maxLength: 2000 },
        },
      },
    },
  }, async (req, reply) => {
    const added = await office.calendars.add(office.db, office.clock, requireActor(req), { framework: office.config.framework, ...req.body });
    return reply.code(201).send(added);
  });

  api.get('/procedures', { config: { access: 'public' }, schema: { tags: ['law'], summary: 'The legal frameworks and procedure versions this office runs; filingFramework is the one new filings go under, officeDate the date that picks the version in force' } }, async () => ({
    filingFramework: office.config.framework,
    officeDate: office.clock.today(),
    items: FRAMEWORKS.map((f) => ({
      id: f.id, title: f.title, office: f.office, calendars: f.calendars,
      procedures: f.procedures.map((p) => ({
        right: p.right, version: p.version, effectiveFrom: p.effectiveFrom, title: p.title, statusStandard: p.statusStandard,
        states: p.states, periods: p.periods, fees: p.fees,
        acts: Object.fromEntries(Object.entries(p.acts).map(([k, a]) => [k, {
          title: a.title, legalBasis: a.legalBasis, from: a.from, performers: a.performers, within: a.within ?? null,
          opens: (a.opens ?? []).map((o) => ({ kind: o.kind, period: o.period, onExpiry: o.onExpiry })), closes: a.closes ?? [],
          fees: (a.fees ?? []).map((x) => x.code), payment: a.payment ?? null, event: typeof a.event === 'function' ? 'depends on the case' : a.event ?? null,
          automatic: !!a.automatic, payloadSchema: a.payloadSchema ?? null,
        }])),
      })),
    })),
  }));
}
