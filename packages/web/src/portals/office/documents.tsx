// Search of the text read from scanned documents (OCR), for office staff: words, "a phrase", OR, -word.
// Each hit names its case and document, with the passage found and the confidence of the reading.
import { Link, useLocation, useSearch } from 'wouter';
import { useI18n } from '../../i18n/index.tsx';
import { useApi } from '../../ui/data.ts';
import { ErrorSummary, SubmitButton, TextField } from '../../ui/forms.tsx';
import { Loading, Page } from '../../ui/Layout.tsx';
import { documentTitle } from '../../ui/names.ts';

interface Hit {
  case: { id: string; number: string; title: string | null; state: string };
  document: { kind: string; title: string; sha256: string };
  confidence: number | null; snippet: string;
}

/** The snippet with the words found (marked **…** by the server) emphasised. */
function Snippet({ text }: { text: string }) {
  return <>{text.split(/\*\*(.+?)\*\*/).map((part, i) => (i % 2 ? <mark key={i}>{part}</mark> : part))}</>;
}

export function DocumentSearchPage() {
  const i18n = useI18n();
  const [, navigate] = useLocation();
  const q = new URLSearchParams(useSearch()).get('q')?.trim() ?? '';
  const { data, error, loading } = useApi<{ items: Hit[] }>(q ? `/documents/search?q=${encodeURIComponent(q)}&limit=50` : null);
  return (
    <Page title={i18n.t('doc.search.title')}>
      <p className="hint">{i18n.t('doc.search.intro')}</p>
      <form role="search" className="form search-form" onSubmit={(e) => {
        e.preventDefault();
        const v = String(new FormData(e.currentTarget).get('q') ?? '').trim();
        navigate(v ? `/documents?q=${encodeURIComponent(v)}` : '/documents');
      }}>
        <TextField key={q} name="q" type="search" label={i18n.t('doc.search.query')} hint={i18n.t('doc.search.hint')} defaultValue={q} data-testid="doc-search-q" />
        <SubmitButton busy={loading} data-testid="doc-search-submit">{i18n.t('doc.search.submit')}</SubmitButton>
      </form>
      <ErrorSummary error={error} />
      {loading && !data ? <Loading /> : null}
      {data && q ? (
        data.items.length === 0 ? <p className="muted" data-testid="doc-search-none">{i18n.t('doc.search.none')}</p> : (
          <ol className="doc-search-hits" data-testid="doc-search-hits">
            {data.items.map((h) => (
              <li key={`${h.case.id}-${h.document.sha256}`} className="card">
                <h2 className="card-head"><Link href={`/cases/${encodeURIComponent(h.case.number)}`}>{h.case.number}</Link>
                  {h.case.title ? <span className="muted" dir="auto"> · {h.case.title}</span> : null}</h2>
                <p>{documentTitle(i18n, h.document)}{h.confidence !== null ? <span className="muted"> · {i18n.t('doc.ocr.confidence', { value: i18n.number(Math.round(h.confidence)) })}</span> : null}</p>
                <blockquote dir="auto"><Snippet text={h.snippet} /></blockquote>
              </li>
            ))}
          </ol>
        )
      ) : null}
    </Page>
  );
}
