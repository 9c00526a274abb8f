// The parts of a case page, shared by the office, the filing portal and the public register. Each takes
// the case as GET /api/v1/cases/{id} returns it to the reader; an anonymous reader receives fewer
// fields, and a part with nothing to show renders nothing.
import { useState, type ReactNode } from 'react';
import { Link } from 'wouter';
import { useI18n, type I18n } from '../../i18n/index.tsx';
import { formatSize } from '../../ui/files.ts';
import { caseTitleText, codeWords, documentTitle, languageName, markKindName, timeLimitName } from '../../ui/names.ts';
import { ExtensionNote } from '../outages/index.tsx';
import { rightName } from '../../ui/rights.ts';
import { procedureOf, stateTitle, useProcedures } from './law.ts';
import type { CaseAct, CaseData, CaseDocument } from './types.ts';
import { DocumentText, mayHaveText } from './dossier.tsx';

type Level = 2 | 3;
export interface CasePartProps {
  case: CaseData;
  /** Heading level of the part (2 on a case page, 3 when nested in a section). */
  level?: Level;
}

function Section({ id, title, level = 2, actions, children, testid }: { id: string; title: string; level?: Level; actions?: ReactNode; children: ReactNode; testid?: string }) {
  const H = level === 2 ? 'h2' : 'h3';
  return (
    <section className="case-part card" aria-labelledby={id} data-testid={testid}>
      <div className="case-part-head"><H id={id}>{title}</H>{actions}</div>
      {children}
    </section>
  );
}

const docUrl = (sha: string) => `/api/v1/documents/${sha}`;

/** The status badge's tone: ended rights in red, rights in force in green, the rest neutral. */
export function statusTone(text: string | null | undefined): string {
  const t = (text ?? '').toLowerCase();
  if (/refus|withdraw|lapse|surrender|expir|invalid|revok|cancel|ceas|abandon|rejected/.test(t)) return 'badge badge-bad';
  if (/registered|granted|recorded|in force|renewed/.test(t)) return 'badge badge-ok';
  return 'badge';
}

export function roleName(i18n: I18n, role: string): string {
  return i18n.tx(`role.${role}`, codeWords(role));
}

export function partyRoleName(i18n: I18n, role: string): string {
  return i18n.tx(`office.partyRole.${role}`, codeWords(role));
}

export interface CaseHeaderProps extends CasePartProps {
  /** Where a related case opens (parent, children); no links without it. */
  caseHref?: (idOrNumber: string) => string;
}

export function CaseHeader({ case: c, caseHref }: CaseHeaderProps) {
  const i18n = useI18n();
  const status = c.statusCategory;
  return (
    <div className="case-header card" data-testid="case-header">
      <dl className="facts">
        <dt>{i18n.t('office.case.number')}</dt><dd data-testid="case-number">{c.number}</dd>
        <dt>{i18n.t('office.case.right')}</dt><dd>{rightName(i18n, c.right)}</dd>
        {c.title ? <><dt>{i18n.t('office.worklist.titleCol')}</dt><dd><span className="mark-text" dir="auto">{caseTitleText(i18n, c.right, c.title)}</span></dd></> : null}
        <dt>{i18n.t('office.case.state')}</dt>
        <dd data-testid="case-state" data-state={c.state}>
          {i18n.law(c.stateTitle)}
          {/* The status category often repeats the state's own title ('Opposition pending'): shown only when it adds to it. */}
          {status && status !== c.stateTitle ? <> <span className={statusTone(status)}>{i18n.law(status)}</span></> : null}
        </dd>
        <dt>{i18n.t('office.case.filingDate')}</dt><dd>{i18n.date(c.filingDate)}</dd>
        <dt>{i18n.t('common.status')}</dt><dd>{c.public ? i18n.t('office.case.published') : i18n.t('office.case.notPublished')}</dd>
        {c.parentId ? (
          <><dt>{i18n.t('office.case.parent')}</dt><dd>{caseHref ? <Link href={caseHref(c.parentId)}>{c.parentId}</Link> : c.parentId}</dd></>
        ) : null}
        {c.children?.length ? (
          <><dt>{i18n.t('office.case.children')}</dt><dd>
            <ul className="inline-list">
              {c.children.map((k) => (
                <li key={k.id}>{caseHref ? <Link href={caseHref(k.number)}>{k.number}</Link> : k.number} <span className="muted">({rightName(i18n, k.right_kind)})</span></li>
              ))}
            </ul>
          </dd></>
        ) : null}
      </dl>
      {c.asOf ? <p className="alert alert-info">{i18n.t('office.case.asOf', { date: i18n.date(c.asOf) })}</p> : null}
      {c.officeDate && !c.asOf ? <p className="hint">{i18n.t('office.case.officeDate', { date: i18n.date(c.officeDate) })}</p> : null}
    </div>
  );
}

export function Timeline({ case: c, level }: CasePartProps) {
  const i18n = useI18n();
  const law = useProcedures();
  const proc = procedureOf(law, c);
  const [newestFirst, setNewestFirst] = useState(true);
  const acts: CaseAct[] = c.acts ?? [];
  if (!c.acts) return null;
  const ordered = [...acts].sort((a, b) => (newestFirst ? b.seq - a.seq : a.seq - b.seq));
  const st = (s: string) => i18n.law(stateTitle(law, c.right, s, proc));
  const toggle = (
    <fieldset className="segmented">
      <legend className="sr-only">{i18n.t('office.timeline.order')}</legend>
      {[true, false].map((v) => (
        <label key={String(v)} className={newestFirst === v ? 'on' : ''}>
          <input type="radio" name={`timeline-order-${c.id}`} checked={newestFirst === v} onChange={() => setNewestFirst(v)} data-testid={v ? 'timeline-newest' : 'timeline-oldest'} />
          {v ? i18n.t('office.timeline.newestFirst') : i18n.t('office.timeline.oldestFirst')}
        </label>
      ))}
    </fieldset>
  );
  return (
    <Section id="case-timeline" title={i18n.t('office.timeline.heading')} level={level} actions={acts.length > 1 ? toggle : null} testid="case-timeline">
      {acts.length === 0 ? <p className="muted">{i18n.t('office.timeline.none')}</p> : (
        <ol className="timeline" reversed={newestFirst || undefined}>
          {ordered.map((a) => (
            <li key={a.id} data-testid={`act-entry-${a.seq}`}>
              <div className="timeline-title"><strong>{i18n.law(a.title)}</strong> <span className="muted">{i18n.date(a.officeDate)}</span></div>
              <dl className="facts facts-compact">
                <dt>{i18n.t('office.timeline.by')}</dt>
                <dd>{a.actor.name ? <>{a.actor.name} · </> : null}{roleName(i18n, a.actor.role)}</dd>
                {a.legalBasis ? <><dt>{i18n.t('office.timeline.basis')}</dt><dd>{i18n.law(a.legalBasis)}</dd></> : null}
                <dt>{i18n.t('office.timeline.state')}</dt>
                <dd>
                  {a.stateBefore ? st(a.stateBefore) : i18n.t('office.timeline.newCase')}
                  {a.stateBefore !== a.stateAfter ? <> <span aria-hidden="true" className="arrow">→</span><span className="sr-only">:</span> {st(a.stateAfter)}</> : null}
                </dd>
              </dl>
              {a.recordedAt ? <div className="hint">{i18n.t('office.timeline.recorded', { when: i18n.instant(a.recordedAt) })}</div> : null}
            </li>
          ))}
        </ol>
      )}
    </Section>
  );
}

export function TimeLimits({ case: c, level }: CasePartProps) {
  const i18n = useI18n();
  if (!c.timeLimits) return null;
  const limits = [...c.timeLimits].sort((a, b) => a.dueOn.localeCompare(b.dueOn));
  return (
    <Section id="case-time-limits" title={i18n.t('office.limits.heading')} level={level} testid="case-time-limits">
      {limits.length === 0 ? <p className="muted">{i18n.t('office.limits.none')}</p> : (
        <table>
          <thead><tr>
            <th scope="col">{i18n.t('office.limits.kind')}</th>
            <th scope="col">{i18n.t('office.limits.due')}</th>
            <th scope="col">{i18n.t('office.limits.left')}</th>
            <th scope="col">{i18n.t('office.limits.basis')}</th>
          </tr></thead>
          <tbody>
            {limits.map((t) => (
              <tr key={`${t.kind}-${t.dueOn}`} data-testid={`time-limit-${t.kind}`}>
                <th scope="row">{timeLimitName(i18n, t.kind)}</th>
                <td>
                  {i18n.date(t.dueOn)}
                  {t.windowOpensOn ? <div className="hint">{i18n.t('office.limits.windowOpens', { date: i18n.date(t.windowOpensOn) })}</div> : null}
                  {t.graceEndsOn ? <div className="hint">{i18n.t('office.limits.grace', { date: i18n.date(t.graceEndsOn) })}</div> : null}
                  <ExtensionNote computation={t.computation} testid={`time-limit-${t.kind}-extended`} />
                </td>
                <td><DaysLeft days={t.daysLeft} inGrace={t.inGrace} /></td>
                <td>{t.citation ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Section>
  );
}

export function DaysLeft({ days, inGrace }: { days: number; inGrace?: boolean }) {
  const i18n = useI18n();
  if (days < 0) {
    return (
      <>
        <span className="badge badge-bad">{i18n.t('common.overdue', { days: i18n.number(-days) })}</span>
        {inGrace ? <> <span className="badge badge-warn">{i18n.t('office.limits.inGrace')}</span></> : null}
      </>
    );
  }
  if (days === 0) return <span className="badge badge-warn">{i18n.t('office.limits.dueToday')}</span>;
  return <span className={days <= 14 ? 'badge badge-warn' : 'badge'}>{i18n.t('common.daysLeft', { days: i18n.number(days) })}</span>;
}

/**
 * The case file's documents by title. No column for the kind: an outgoing document's title is its
 * kind named, and an upload's title says what the law asks for ('Search report' for a 'report').
 */
export function Documents({ case: c, level }: CasePartProps) {
  const i18n = useI18n();
  if (!c.documents) return null;
  return (
    <Section id="case-documents" title={i18n.t('office.docs.heading')} level={level} testid="case-documents">
      {c.documents.length === 0 ? <p className="muted">{i18n.t('office.docs.none')}</p> : (
        <table>
          <thead><tr>
            <th scope="col">{i18n.t('office.docs.title')}</th>
            {c.documents.some((d) => d.direction) ? <th scope="col">{i18n.t('office.docs.direction')}</th> : null}
            {c.documents.some((d) => d.created_at) ? <th scope="col">{i18n.t('office.docs.date')}</th> : null}
            {c.documents.some((d) => hasDetails(d) || mayHaveText(d)) ? <th scope="col">{i18n.t('doc.meta.details')}</th> : null}
            <th scope="col"><span className="sr-only">{i18n.t('common.download')}</span></th>
          </tr></thead>
          <tbody>
            {c.documents.map((d) => {
              const title = documentTitle(i18n, d);
              return (
                <tr key={d.id ?? d.sha256} data-testid={`doc-${d.sha256.slice(0, 12)}`}>
                  <th scope="row">{title}</th>
                  {c.documents!.some((x) => x.direction) ? <td>{d.direction === 'outgoing' ? i18n.t('office.docs.outgoing') : d.direction ? i18n.t('office.docs.incoming') : ''}</td> : null}
                  {c.documents!.some((x) => x.created_at) ? <td>{d.created_at ? i18n.instant(d.created_at) : ''}</td> : null}
                  {c.documents!.some((x) => hasDetails(x) || mayHaveText(x)) ? <td><DocumentDetails doc={d} />{mayHaveText(d) && c.id ? <DocumentText caseId={c.id} doc={d} /> : null}</td> : null}
                  <td>
                    <a href={docUrl(d.sha256)} target="_blank" rel="noopener" aria-label={i18n.t('office.docs.downloadOf', { title })}>{i18n.t('common.download')}</a>
                    {d.size ? <span className="muted"> · {formatSize(i18n, d.size)}</span> : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </Section>
  );
}

const hasDetails = (d: CaseDocument) => !!(d.received_on || d.submitter || d.pages || d.language || d.verification_code);

/** What the case file records of a document: receipt date and submitter, pages, language, and the code to check an outgoing one. */
function DocumentDetails({ doc: d }: { doc: CaseDocument }) {
  const i18n = useI18n();
  return (
    <dl className="facts facts-compact">
      {d.received_on ? <><dt>{i18n.t('doc.meta.receivedOn')}</dt><dd><time dateTime={d.received_on}>{i18n.date(d.received_on)}</time></dd></> : null}
      {d.submitter ? <><dt>{i18n.t('doc.meta.submitter')}</dt><dd dir="auto">{d.submitter}</dd></> : null}
      {d.pages ? <><dt>{i18n.t('doc.meta.pages')}</dt><dd>{i18n.number(d.pages)}</dd></> : null}
      {d.language ? <><dt>{i18n.t('doc.meta.language')}</dt><dd>{languageName(i18n, d.language)}</dd></> : null}
      {d.verification_code ? (
        <><dt>{i18n.t('doc.meta.code')}</dt>
          <dd><a href={`/verify/${d.verification_code}`} aria-label={i18n.t('doc.meta.check', { code: d.verification_code })} data-testid={`doc-code-${d.sha256.slice(0, 12)}`}><code dir="ltr">{d.verification_code}</code></a></dd></>
      ) : null}
    </dl>
  );
}

export function Parties({ case: c, level }: CasePartProps) {
  const i18n = useI18n();
  if (!c.parties?.length) return null;
  const has = (k: 'address' | 'email' | 'country') => c.parties!.some((p) => p[k]);
  return (
    <Section id="case-parties" title={i18n.t('office.parties.heading')} level={level} testid="case-parties">
      <table>
        <thead><tr>
          <th scope="col">{i18n.t('office.parties.role')}</th>
          <th scope="col">{i18n.t('office.parties.name')}</th>
          {has('country') ? <th scope="col">{i18n.t('office.parties.country')}</th> : null}
          {has('address') ? <th scope="col">{i18n.t('office.parties.address')}</th> : null}
          {has('email') ? <th scope="col">{i18n.t('office.parties.email')}</th> : null}
        </tr></thead>
        <tbody>
          {c.parties.map((p, i) => (
            <tr key={p.id ?? `${p.role}-${i}`}>
              <td>{partyRoleName(i18n, p.role)}</td>
              <th scope="row"><span dir="auto">{p.name}</span></th>
              {has('country') ? <td>{p.country ?? ''}</td> : null}
              {has('address') ? <td><span dir="auto">{p.address ?? ''}</span></td> : null}
              {has('email') ? <td>{p.email ?? ''}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </Section>
  );
}

/**
 * What the right covers: Nice classes and terms (trademarks), designs with Locarno class and products,
 * claims and IPC symbols (patents, utility models); whatever of these the case data holds.
 */
export function Classes({ case: c, level }: CasePartProps) {
  const i18n = useI18n();
  const d = c.data ?? {};
  const goods: { classNumber: number; terms?: string[] }[] = Array.isArray(d.goodsServices) ? d.goodsServices : [];
  const designs: any[] = Array.isArray(d.designs) ? d.designs : [];
  const claims: string[] = Array.isArray(d.claims) ? d.claims.filter((x: unknown) => typeof x === 'string') : [];
  const ipc: string[] = Array.isArray(d.ipc) ? d.ipc : [];
  if (!goods.length && !designs.length && !claims.length && !ipc.length) return null;
  return (
    <>
      {goods.length ? (
        <Section id="case-goods" title={i18n.t('office.classes.goods')} level={level} testid="case-classes">
          <table>
            <thead><tr><th scope="col">{i18n.t('office.classes.class')}</th><th scope="col">{i18n.t('office.classes.terms')}</th></tr></thead>
            <tbody>
              {[...goods].sort((a, b) => a.classNumber - b.classNumber).map((g) => (
                <tr key={g.classNumber}><th scope="row">{i18n.number(g.classNumber)}</th><td dir="auto">{(g.terms ?? []).join('; ')}</td></tr>
              ))}
            </tbody>
          </table>
        </Section>
      ) : null}
      {designs.length ? (
        <Section id="case-designs" title={i18n.t('office.classes.designs')} level={level} testid="case-designs">
          <table>
            <thead><tr><th scope="col">#</th><th scope="col">{i18n.t('office.classes.locarno')}</th><th scope="col">{i18n.t('office.classes.products')}</th></tr></thead>
            <tbody>
              {designs.map((x, i) => (
                <tr key={x.number ?? i}>
                  <th scope="row">{i18n.t('office.classes.design', { n: i18n.number(x.number ?? i + 1) })}</th>
                  <td>{x.locarno ? `${x.locarno.class}-${x.locarno.subclass}` : '—'}</td>
                  <td dir="auto">{Array.isArray(x.products) ? x.products.join('; ') : ''}{x.description ? <div className="hint">{x.description}</div> : null}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Section>
      ) : null}
      {claims.length || ipc.length ? (
        <Section id="case-claims" title={i18n.t('office.claims.heading')} level={level} testid="case-claims">
          {ipc.length ? <p><strong>{i18n.t('office.claims.ipc')}:</strong> {ipc.join(', ')}</p> : null}
          {claims.length ? <ol className="claims">{claims.map((t, i) => <li key={i} dir="auto">{t}</li>)}</ol> : null}
        </Section>
      ) : null}
    </>
  );
}

/** The mark image or the views of the designs, from the case data, else from the documents of those kinds. */
export function MarkImage({ case: c, level }: CasePartProps) {
  const i18n = useI18n();
  const d = c.data ?? {};
  const mark = d.mark as { kind?: string; text?: string; image?: { sha256: string }; colours?: string[]; description?: string } | undefined;
  const views: { sha: string; title: string }[] = [];
  if (Array.isArray(d.designs)) {
    d.designs.forEach((x: any, i: number) => (x.views ?? []).forEach((v: any) => {
      if (v?.sha256) views.push({ sha: v.sha256, title: `${i18n.t('office.classes.design', { n: i18n.number(x.number ?? i + 1) })} · ${v.title ?? ''}` });
    }));
  }
  const imageSha = mark?.image?.sha256 ?? c.documents?.find((x) => x.kind === 'mark-image')?.sha256;
  if (!views.length) for (const x of c.documents ?? []) if (x.kind === 'design-view') views.push({ sha: x.sha256, title: documentTitle(i18n, x) });
  if (!mark && !imageSha && !views.length) return null;
  const markText = mark?.text ?? c.title ?? '';
  return (
    <Section id="case-mark" title={views.length && !mark ? i18n.t('office.mark.views') : i18n.t('office.mark.heading')} level={level} testid="case-mark">
      {mark ? (
        <dl className="facts">
          {mark.kind ? <><dt>{i18n.t('office.mark.kind')}</dt><dd>{markKindName(i18n, mark.kind)}</dd></> : null}
          {mark.text ? <><dt>{i18n.t('office.worklist.titleCol')}</dt><dd><span className="mark-text mark-big" dir="auto">{mark.text}</span></dd></> : null}
          {mark.colours?.length ? <><dt>{i18n.t('office.mark.colours')}</dt><dd>{mark.colours.join(', ')}</dd></> : null}
          {mark.description ? <><dt>{i18n.t('office.mark.description')}</dt><dd dir="auto">{mark.description}</dd></> : null}
        </dl>
      ) : null}
      {imageSha ? (
        <figure className="mark-figure">
          <img src={docUrl(imageSha)} alt={i18n.t('office.mark.image', { text: markText })} data-testid="mark-image" />
        </figure>
      ) : null}
      {views.length ? (
        <div className="view-grid">
          {views.map((v) => (
            <figure key={v.sha} className="mark-figure">
              <img src={docUrl(v.sha)} alt={v.title} loading="lazy" />
              <figcaption>{v.title}</figcaption>
            </figure>
          ))}
        </div>
      ) : null}
    </Section>
  );
}

export function Fees({ case: c, level }: CasePartProps) {
  const i18n = useI18n();
  const f = c.fees;
  if (!f) return null;
  const cur = f.currency;
  return (
    <Section id="case-fees" title={i18n.t('office.fees.heading')} level={level} testid="case-fees">
      <dl className="facts">
        <dt>{i18n.t('office.fees.outstanding')}</dt>
        <dd><span className={f.outstanding > 0 ? 'badge badge-warn' : 'badge badge-ok'} data-testid="fees-outstanding">{i18n.money(f.outstanding, cur)}</span></dd>
        {f.credit ? <><dt>{i18n.t('office.fees.credit')}</dt><dd>{i18n.money(f.credit, cur)}</dd></> : null}
      </dl>
      {f.items.length === 0 ? <p className="muted">{i18n.t('office.fees.none')}</p> : (
        <table>
          <thead><tr>
            <th scope="col">{i18n.t('office.fees.item')}</th>
            <th scope="col" className="num">{i18n.t('office.fees.quantity')}</th>
            <th scope="col" className="num">{i18n.t('office.fees.amount')}</th>
            <th scope="col" className="num">{i18n.t('office.fees.paid')}</th>
            <th scope="col">{i18n.t('office.fees.due')}</th>
          </tr></thead>
          <tbody>
            {f.items.map((x) => (
              <tr key={x.id}>
                <th scope="row">{i18n.law(x.title)}</th>
                <td className="num">{i18n.number(x.quantity)}</td>
                <td className="num">{i18n.money(x.amount, x.currency)}</td>
                <td className="num">{i18n.money(x.paid, x.currency)}</td>
                <td>{i18n.date(x.due_on)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {f.payments.length ? (
        <>
          {level === 3 ? <h4>{i18n.t('office.fees.payments')}</h4> : <h3>{i18n.t('office.fees.payments')}</h3>}
          <table>
            <thead><tr>
              <th scope="col">{i18n.t('office.fees.received')}</th>
              <th scope="col" className="num">{i18n.t('office.fees.amount')}</th>
              <th scope="col">{i18n.t('office.fees.method')}</th>
              <th scope="col">{i18n.t('office.fees.reference')}</th>
            </tr></thead>
            <tbody>
              {f.payments.map((p) => (
                <tr key={p.id}>
                  <th scope="row">{i18n.date(p.received_on)}</th>
                  <td className="num">{i18n.money(p.amount, p.currency)}</td>
                  <td>{p.method ? i18n.tx(`office.method.${p.method}`, p.method) : '—'}</td>
                  <td>{p.reference ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </Section>
  );
}
