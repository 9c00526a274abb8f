// Publishing an issue, on its date: first the publication acts of its pending entries, each case in a
// transaction of its own through the engine (a case that can no longer be published is left out of the
// issue with the reason, and is exactly as it was); then the journal is sealed and the issue frozen:
// its entries numbered, its PDF, ST.96 XML (validated, one bag per right) and JSON stored content-
// addressed with their SHA-256, the latest seal recorded, and the row marked published, after which
// the database refuses any change to it. A publication stopped half-way (a crash, an export that did
// not validate) is resumed by publishing again: entries already recorded are not performed twice.
import { signPdf } from '../../../platform/signing/signing.ts';
import { findProcedure } from '@registrum/procedures';
import { SYSTEM, type Actor } from '../../../kernel/actor.ts';
import { DomainError } from '../../../kernel/errors.ts';
import { DatabaseUnavailableError } from '../../../platform/db/db.ts';
import { sealJournal } from '../../../procedure-engine/journal.ts';
import { loadExportCases, st96Bag, validateSt96, type ExportCase } from '../../exchange/index.ts';
import { manifestBytes, store, zipWithManifest, type PublishedFile } from '../../opendata/index.ts';
import { enqueueGazetteDeliveries, officeNow } from '../../webhooks/index.ts';
import type { GazetteDeps } from '../deps.ts';
import * as repo from '../gazette.repository.ts';
import { RIGHT_TITLES, renderJson, renderPdf, type IssueDocument, type IssueEntry } from '../render.ts';
import { rightRank, sectionOf, sectionRank, SECTION_TITLES, SECTIONS, type Section } from '../sections.ts';

export interface PublishResult {
  id: string; number: string; performed: number; leftOut: { case: string; act: string; code: string; detail: string }[];
  /** Milliseconds spent in each step (the publication acts, sealing, the export, validation, PDF, JSON and storing, freezing). */
  timings: Record<'acts' | 'seal' | 'export' | 'validate' | 'pdf' | 'json' | 'store' | 'freeze', number>;
}

/** Links of the public API the JSON entries carry ('' = relative to the server). */
export const caseLink = (base: string, n: string) => `${base}/api/v1/cases/${encodeURIComponent(n)}`;
export const st96Link = (base: string, n: string) => `${base}/api/v1/register/${encodeURIComponent(n)}/st96.xml`;

export async function publishIssue(deps: GazetteDeps & { publicUrl: string }, actor: Actor & { kind: 'user' }, ref: string): Promise<PublishResult> {
  const issue = await deps.db.tx(async (q) => {
    const i = await repo.findIssue(q, ref, true);
    if (!i) throw new DomainError('GAZETTE_ISSUE_NOT_FOUND', `No gazette issue ${ref}`, 404);
    if (i.status === 'published') throw new DomainError('GAZETTE_ALREADY_PUBLISHED', `Issue ${i.number} is already published; a correction is a new act, announced in a later issue`, 409, { number: i.number });
    const today = deps.clock.today();
    // A publication interrupted on its date may be finished later; a draft is published on its date only.
    if (i.issue_date !== today && i.status === 'draft') {
      throw new DomainError('GAZETTE_DATE_NOT_TODAY', `The issue of ${i.issue_date} is published on that date (today is ${today}); recompile it for another date`, 409, { date: i.issue_date, today });
    }
    if (i.status === 'draft') await repo.setPublishing(q, i.id);
    return { ...i, late: i.issue_date !== today };
  });

  const timings: PublishResult['timings'] = { acts: 0, seal: 0, export: 0, validate: 0, pdf: 0, json: 0, store: 0, freeze: 0 };
  let t0 = performance.now();
  const lap = (k: keyof PublishResult['timings']) => { const t = performance.now(); timings[k] += t - t0; t0 = t; };

  // 1. The publication acts, each case in its own transaction (on PostgreSQL a few at a time: they lock different cases).
  let performed = 0;
  const pending = (await repo.entriesOf(deps.db, issue.id)).filter((x) => x.status === 'pending');
  const perform = async (e: (typeof pending)[number]) => {
    if (issue.late) {
      // Finishing after the issue date: what was not published on that date is not in this issue.
      await deps.db.tx((q) => repo.markLeftOut(q, e.id, { code: 'GAZETTE_DATE_NOT_TODAY', detail: `Not published on the issue date ${issue.issue_date}; it waits for a later issue` }));
      return;
    }
    try {
      const done = await deps.db.tx(async (q) => {
        if (await repo.entryStatus(q, e.id) !== 'pending') return false; // another publication of the same issue took it
        const res = await deps.engine.perform(q, { caseId: e.case_id, act: e.act, payload: {}, actor: e.performer === 'system' ? SYSTEM : actor });
        const act = await repo.actOf(q, res.actId);
        await repo.markRecorded(q, e.id, { actId: act.id, section: sectionOf({ type: act.type, event: act.event, published: act.published }), officeDate: act.office_date, event: act.event, stateAfter: act.state_after });
        return true;
      });
      if (done) performed++;
    } catch (err) {
      // Without the database nothing can be left out either: the issue stays being published, to be finished later.
      if (err instanceof DatabaseUnavailableError) throw err;
      const refusal = err instanceof DomainError ? { code: err.code, detail: err.message } : { code: 'INTERNAL_ERROR', detail: 'An unexpected error occurred; nothing was recorded for this case' };
      if (!(err instanceof DomainError)) deps.log.error({ err, case: e.case_number }, 'gazette: publication act failed unexpectedly');
      await deps.db.tx((q) => repo.markLeftOut(q, e.id, refusal));
    }
  };
  const queue = [...pending];
  const lanes = deps.db.kind === 'postgres' ? 4 : 1;
  await Promise.all(Array.from({ length: Math.min(lanes, queue.length) }, async () => { for (let e = queue.shift(); e; e = queue.shift()) await perform(e); }));

  lap('acts');
  // 2. The journal sealed up to the acts just recorded: the issue names the seal that anchors it.
  for (let i = 0; i < 100 && await sealJournal(deps.db); i++);
  const seal = await repo.latestSeal(deps.db);
  lap('seal');

  // 3. The entries in the issue's order, with their cases as the public export shows them.
  const all = await repo.entriesOf(deps.db, issue.id);
  const recorded = all.filter((e) => e.status === 'recorded' && e.section && (SECTIONS as readonly string[]).includes(e.section));
  recorded.sort((a, b) => sectionRank(a.section!) - sectionRank(b.section!) || rightRank(a.right_kind) - rightRank(b.right_kind)
    || a.case_number.localeCompare(b.case_number) || (a.act_id ?? 0) - (b.act_id ?? 0));
  const exports = new Map<string, ExportCase>();
  for (const c of await loadExportCases(deps.db, [...new Set(recorded.map((e) => e.case_id))], { publicOnly: true })) exports.set(c.id, c);

  // 4. The ST.96 XML: one bag per right, each valid against the schemas, or the issue is not published.
  const bags = st96Bag([...new Set(recorded.map((e) => exports.get(e.case_id)).filter((c): c is ExportCase => !!c))]);
  lap('export');
  for (const bag of bags) {
    const v = validateSt96(bag.xml);
    if (!v.valid) {
      const details = { right: bag.right, errors: v.errors.slice(0, 20) };
      await deps.db.tx((q) => repo.setLastError(q, issue.id, { code: 'GAZETTE_XML_INVALID', ...details }));
      throw new DomainError('GAZETTE_XML_INVALID', `The ST.96 XML of the ${RIGHT_TITLES[bag.right] ?? bag.right} entries does not validate; the issue is not published (its publication acts are recorded). Publish again once the export is corrected.`, 422, details);
    }
  }

  lap('validate');
  // 5. The formats, stored content-addressed; the number is the next of the issue's year.
  const number = await repo.nextNumber(deps.db, issue.issue_date.slice(0, 4));
  const publishedAt = deps.clock.now();
  const entries: IssueEntry[] = recorded.map((e, i) => ({
    no: i + 1, section: e.section as Section, caseNumber: e.case_number, right: e.right_kind, title: e.title, act: e.act,
    actTitle: findProcedure(e.framework, e.right_kind, e.procedure_version)?.acts[e.act]?.title ?? e.act,
    officeDate: e.office_date ?? issue.issue_date, event: e.event, stateAfter: e.state_after ?? '', export: exports.get(e.case_id) ?? null,
  }));
  const doc: IssueDocument = {
    office: deps.office, number, date: issue.issue_date, publishedAt, seal,
    sections: SECTIONS.map((s) => ({ section: s, title: SECTION_TITLES[s], entries: entries.filter((e) => e.section === s) })),
  };
  const files = await storeFormats(deps, doc, bags, lap);

  // 6. Frozen.
  await deps.db.tx(async (q) => {
    const i = await repo.findIssue(q, issue.id, true);
    if (i?.status !== 'publishing') return; // a concurrent publication of the same issue finished first
    if (await repo.nextNumber(q, issue.issue_date.slice(0, 4)) !== number) throw new DomainError('GAZETTE_NUMBER_TAKEN', `Issue number ${number} was taken meanwhile; publish again`, 409);
    await repo.freeze(q, issue.id, { number, publishedAt, publishedBy: actor.id, sealId: seal?.id ?? null, sealHash: seal?.hash ?? null, files, order: recorded.map((e) => e.id) });
    await enqueueGazetteDeliveries(q, { id: issue.id, number, date: issue.issue_date, entries: recorded.length, link: `${deps.publicUrl}/api/v1/gazette/issues/${number}` }, officeNow(deps.clock));
  });
  lap('freeze');
  const leftOut = all.filter((e) => e.status === 'left-out').map((e) => ({ case: e.case_number, act: e.act, code: e.refusal?.code ?? 'INTERNAL_ERROR', detail: e.refusal?.detail ?? '' }));
  return { id: issue.id, number, performed, leftOut, timings: Object.fromEntries(Object.entries(timings).map(([k, v]) => [k, Math.round(v)])) as PublishResult['timings'] };
}

async function storeFormats(deps: GazetteDeps & { publicUrl: string }, doc: IssueDocument, bags: { right: string; xml: string }[], lap: (k: 'pdf' | 'json' | 'store') => void): Promise<PublishedFile[]> {
  const base = `gazette-${doc.number}`;
  // The issue as read is signed by the office (PAdES), so a copy passed on can be checked against it.
  const pdf = await signPdf(await renderPdf(doc), deps.signingKey(), { reason: `Official gazette ${doc.number} of ${doc.date}`, name: doc.office.name });
  lap('pdf');
  const json = renderJson(doc, { caseOf: (n) => caseLink(deps.publicUrl, n), st96Of: (n) => st96Link(deps.publicUrl, n) });
  lap('json');
  const parts = [
    { name: `${base}.pdf`, mediaType: 'application/pdf', data: pdf },
    { name: `${base}.json`, mediaType: 'application/json', data: json },
    ...bags.map((b) => ({ name: `${base}-st96-${b.right}.xml`, mediaType: 'application/xml', data: Buffer.from(b.xml, 'utf8') })),
  ];
  const { zip, manifest } = zipWithManifest(parts, {
    format: 'registrum-manifest/1', subject: { kind: 'gazette-issue', office: doc.office.code, number: doc.number, date: doc.date },
    generatedAt: doc.publishedAt.toISOString(), seal: doc.seal,
  });
  const out: PublishedFile[] = [];
  for (const p of parts) out.push(await store(deps.storage, p.name, p.mediaType, p.data));
  out.push(await store(deps.storage, `${base}-manifest.json`, 'application/json', manifestBytes(manifest)));
  out.push(await store(deps.storage, `${base}.zip`, 'application/zip', zip));
  lap('store');
  return out;
}

