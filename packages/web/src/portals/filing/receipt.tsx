// The filing receipt: application number, filing date accorded, fees and payment, and the hashes that
// prove what was received. Kept for the browser session; after that the case page holds the record.
import { useEffect, useRef } from 'react';
import { Link } from 'wouter';
import { useI18n } from '../../i18n/index.tsx';
import { Page } from '../../ui/Layout.tsx';
import { RECEIPT_KEY, type StoredReceipt } from './model.ts';
import { PortalNav } from './portfolio.tsx';

function readReceipt(number: string): StoredReceipt | null {
  try { const s = sessionStorage.getItem(RECEIPT_KEY(number)); return s ? JSON.parse(s) as StoredReceipt : null; } catch { return null; }
}

export function Receipt({ number }: { number: string }) {
  const i18n = useI18n();
  const r = readReceipt(number);
  const ok = useRef<HTMLDivElement>(null);
  useEffect(() => { ok.current?.focus(); }, []);
  if (!r) {
    return (
      <Page title={i18n.t('filing.receipt.title')}>
        <PortalNav />
        <p>{i18n.t('filing.receipt.gone')} <Link href={`/cases/${encodeURIComponent(number)}`}>{number}</Link></p>
      </Page>
    );
  }
  const fees = r.act?.fees ?? [];
  const charged = fees.reduce((s, f) => s + f.amount, 0);
  const currency = r.payment?.currency ?? fees[0]?.currency ?? 'EUR';
  const flagged = (r.receipt.classCheck ?? []).flatMap((g) => g.terms.filter((t) => t.status !== 'official').map((t) => ({ ...t, classNumber: g.classNumber })));
  return (
    <Page title={i18n.t('filing.receipt.title')}>
      <PortalNav />
      <div className="alert alert-ok" role="status" tabIndex={-1} ref={ok} data-testid="receipt-ok">
        {r.receipt.filingDateAccorded ? i18n.t('filing.receipt.received') : i18n.t('filing.receipt.receivedNoDate')}
      </div>
      <section className="card receipt" aria-labelledby="receipt-facts">
        <h2 id="receipt-facts">{i18n.t('filing.receipt.facts')}</h2>
        <dl className="facts">
          <dt>{i18n.t('filing.receipt.number')}</dt><dd><strong data-testid="receipt-number">{r.receipt.number}</strong></dd>
          <dt>{i18n.t('filing.receipt.right')}</dt><dd>{i18n.tx(`right.${r.right}`, r.right)}</dd>
          <dt>{i18n.t('filing.receipt.filingDate')}</dt>
          <dd data-testid="receipt-filing-date" data-date={r.receipt.filingDate ?? ''}>{r.receipt.filingDate ? i18n.date(r.receipt.filingDate) : i18n.t('filing.receipt.notAccorded')}</dd>
          <dt>{i18n.t('filing.receipt.receivedOn')}</dt><dd data-testid="receipt-received-on">{i18n.date(r.receipt.receivedOn)}</dd>
        </dl>
      </section>
      <section className="card" aria-labelledby="receipt-fees">
        <h2 id="receipt-fees">{i18n.t('filing.receipt.fees')}</h2>
        {fees.length ? (
          <table>
            <caption className="sr-only">{i18n.t('filing.receipt.fees')}</caption>
            <thead><tr><th scope="col">{i18n.t('filing.fee.item')}</th><th scope="col" className="num">{i18n.t('common.amount')}</th></tr></thead>
            <tbody>{fees.map((f, i) => <tr key={`${f.code}-${i}`}><td>{r.feeTitles?.[f.code] ? i18n.law(r.feeTitles[f.code]) : f.code}</td><td className="num">{i18n.money(f.amount, f.currency)}</td></tr>)}</tbody>
            <tfoot><tr><th scope="row">{i18n.t('filing.fee.total')}</th><td className="num" data-testid="receipt-fees-total">{i18n.money(charged, currency)}</td></tr></tfoot>
          </table>
        ) : <p className="muted">{i18n.t('common.none')}</p>}
        <p data-testid="receipt-paid">
          {r.payment ? i18n.t('filing.receipt.paid', { amount: i18n.money(r.payment.amount, r.payment.currency) }) : i18n.t('filing.receipt.notPaid')}
        </p>
      </section>
      {flagged.length ? (
        <section className="card" aria-labelledby="receipt-terms">
          <h2 id="receipt-terms">{i18n.t('filing.receipt.terms')}</h2>
          <p className="hint">{i18n.t('filing.receipt.termsIntro')}</p>
          <ul>
            {flagged.map((t, i) => (
              <li key={i}>
                {i18n.t('filing.nice.classLabel', { class: t.classNumber })}: <bdi>{t.term}</bdi> — {t.status === 'free-text'
                  ? i18n.t('filing.receipt.freeText')
                  : i18n.t('filing.receipt.otherClass', { classes: (t.officialClasses ?? []).join(', ') })}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section className="card" aria-labelledby="receipt-proof">
        <h2 id="receipt-proof">{i18n.t('filing.receipt.proof')}</h2>
        <p className="hint">{i18n.t('filing.receipt.proofIntro')}</p>
        <dl className="facts">
          <dt>{i18n.t('filing.receipt.journalHash')}</dt><dd><code className="hash" data-testid="receipt-hash">{r.receipt.journalHash}</code></dd>
          <dt>{i18n.t('filing.receipt.submissionHash')}</dt><dd><code className="hash" data-testid="receipt-submission-hash">{r.receipt.submissionHash}</code></dd>
        </dl>
      </section>
      <div className="btn-row">
        <Link href={`/cases/${encodeURIComponent(r.case.number)}`} className="btn btn-primary" data-testid="receipt-case-link">{i18n.t('filing.receipt.openCase')}</Link>
        <button type="button" className="btn btn-secondary" onClick={() => window.print()}>{i18n.t('filing.receipt.print')}</button>
        <Link href="/" className="btn btn-secondary">{i18n.t('filing.portfolio.title')}</Link>
      </div>
    </Page>
  );
}
