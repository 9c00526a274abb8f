// Open data: what the office publishes for reuse. The register dumps (the latest and recent ones), the
// files of the gazette's issues, each with its size and SHA-256; the change feed and the API
// documentation; the rate limits the API applies.
import { Link } from 'wouter';
import { FileTable, SealHash, type Dump, type OpenDataIndex } from '../../features/publication/index.tsx';
import { useI18n, type I18n } from '../../i18n/index.tsx';
import { ErrorSummary } from '../../ui/forms.tsx';
import { Loading, Page } from '../../ui/Layout.tsx';
import { useApi } from '../../ui/data.ts';
import { issueHref } from './gazette.tsx';
import { RegisterNav } from './nav.tsx';

/** Files of the latest dump by their kind: addresses that stay the same from one dump to the next. */
const STABLE = ['st96.zip', 'jsonl.gz', 'manifest.json'] as const;

export default function OpenDataPage() {
  const i18n = useI18n();
  const { data, error, loading } = useApi<OpenDataIndex>('/open-data');
  return (
    <Page title={i18n.t('pub.open.title')} actions={<RegisterNav current="open-data" />}>
      <p className="register-intro">{i18n.t('pub.open.intro')}</p>
      <ErrorSummary error={error} />
      {loading && !data ? <Loading /> : null}
      {data ? (
        <>
          <section aria-labelledby="open-register-h" data-testid="open-register">
            <h2 id="open-register-h">{i18n.t('pub.open.register')}</h2>
            <p>{i18n.t('pub.open.registerIntro')}</p>
            <p className="hint">
              {data.register.schedule ? i18n.t('pub.open.schedule', { days: i18n.number(data.register.schedule.everyDays) }) : i18n.t('pub.open.onRequest')}
            </p>
            {data.register.latest ? (
              <>
                <DumpCard dump={data.register.latest} heading={i18n.t('pub.open.latest')} testid="open-latest" />
                <h3>{i18n.t('pub.open.stable')}</h3>
                <p className="hint">{i18n.t('pub.open.stableHint')}</p>
                <ul className="stable-links">
                  {STABLE.map((k) => {
                    const href = `${data.register.links.latest}/files/${k}`;
                    return <li key={k}><a href={href}><code dir="ltr">{href}</code></a></li>;
                  })}
                </ul>
              </>
            ) : <p className="muted" data-testid="open-no-dump">{i18n.t('pub.open.noDump')}</p>}
            {data.register.recent.length > 1 ? (
              <>
                <h3>{i18n.t('pub.open.recent')}</h3>
                {data.register.recent.slice(1).map((d) => (
                  <details key={d.id} className="admin-schedule" data-testid={`open-dump-${d.id}`}>
                    <summary>{i18n.t('pub.dump.summary', { date: i18n.date(d.officeDate), cases: i18n.number(d.cases) })}</summary>
                    <FileTable files={d.files} caption={i18n.t('pub.dump.summary', { date: i18n.date(d.officeDate), cases: i18n.number(d.cases) })} testid={`open-dump-files-${d.id}`} />
                  </details>
                ))}
              </>
            ) : null}
          </section>

          <section aria-labelledby="open-gazette-h" data-testid="open-gazette">
            <h2 id="open-gazette-h">{i18n.t('pub.open.gazette')}</h2>
            <p>{i18n.t('pub.open.gazetteIntro')}</p>
            {data.gazette.items.length === 0 ? <p className="muted">{i18n.t('pub.gazette.none')}</p> : null}
            {data.gazette.items.map((g) => (
              <div key={g.number} className="card" data-testid={`open-issue-${g.number}`}>
                <h3 className="card-head">
                  <Link href={issueHref(g.number)}>{i18n.t('pub.issue.title', { number: g.number })}</Link>
                  <span className="muted"> · <time dateTime={g.date}>{i18n.date(g.date)}</time> · {i18n.t('pub.issue.entryCount', { count: i18n.number(g.entries) })}</span>
                </h3>
                <FileTable files={g.files} caption={i18n.t('pub.issue.title', { number: g.number })} testid={`open-issue-files-${g.number}`} />
              </div>
            ))}
            {data.gazette.total > data.gazette.items.length ? (
              <p><Link href="~/register/gazette">{i18n.t('pub.open.allIssues', { total: i18n.number(data.gazette.total) })}</Link></p>
            ) : null}
          </section>

          <section aria-labelledby="open-api-h">
            <h2 id="open-api-h">{i18n.t('pub.open.api')}</h2>
            <dl className="facts">
              <dt>{i18n.t('pub.open.changes')}</dt>
              <dd>
                <a href={data.changes.href} data-testid="open-changes"><code dir="ltr">{data.changes.href}</code></a>
                <p className="hint">{i18n.t('pub.open.changesHint')}</p>
              </dd>
              <dt>{i18n.t('pub.open.docs')}</dt>
              <dd>
                <a href="/docs" data-testid="open-docs"><code dir="ltr">/docs</code></a>
                <p className="hint">{i18n.t('pub.open.docsHint')}</p>
              </dd>
              <dt>{i18n.t('pub.open.st96')}</dt>
              <dd>
                <code dir="ltr">{'/api/v1/register/{number}/st96.xml'}</code>{' · '}<code dir="ltr">{'/api/v1/register/{number}/st96.json'}</code>
                <p className="hint">{i18n.t('pub.open.st96Hint')}</p>
              </dd>
            </dl>
          </section>

          <section aria-labelledby="open-limits-h" data-testid="open-limits">
            <h2 id="open-limits-h">{i18n.t('pub.open.limits')}</h2>
            <dl className="facts">
              <dt>{i18n.t('pub.open.anonymous')}</dt>
              <dd data-testid="open-limit-anonymous">{limit(i18n, data.rateLimits.anonymousPerMinute)}</dd>
              <dt>{i18n.t('pub.open.signedIn')}</dt>
              <dd data-testid="open-limit-signed-in">{limit(i18n, data.rateLimits.signedInPerMinute)}</dd>
            </dl>
            <p className="hint">{i18n.t('pub.open.limitsHint')}</p>
          </section>
        </>
      ) : null}
    </Page>
  );
}

const limit = (i18n: I18n, n: number) => (n > 0 ? i18n.t('pub.open.perMinute', { n: i18n.number(n) }) : i18n.t('pub.open.noLimit'));

function DumpCard({ dump, heading, testid }: { dump: Dump; heading: string; testid: string }) {
  const i18n = useI18n();
  return (
    <div className="card" data-testid={testid}>
      <h3 className="card-head">{heading}</h3>
      <dl className="facts">
        <dt>{i18n.t('pub.dump.date')}</dt><dd><time dateTime={dump.officeDate}>{i18n.date(dump.officeDate)}</time></dd>
        <dt>{i18n.t('pub.dump.generatedAt')}</dt><dd>{i18n.instant(dump.generatedAt)}</dd>
        <dt>{i18n.t('pub.dump.cases')}</dt><dd>{i18n.number(dump.cases)}</dd>
        <dt>{i18n.t('pub.seal.title')}</dt><dd><SealHash seal={dump.seal} testid={`${testid}-seal`} /></dd>
      </dl>
      <FileTable files={dump.files} caption={heading} testid={`${testid}-files`} />
    </div>
  );
}
