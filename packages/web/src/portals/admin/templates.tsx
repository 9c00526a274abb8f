// Templates of outgoing documents: every kind the office issues in every language it issues in, and an
// editor for one of them. Saving adds a version (the server refuses a text with errors, naming each line);
// a preview is drawn as a PDF from a real case, unsigned. Documents issued earlier keep their version.
import { useRef, useState } from 'react';
import { Link } from 'wouter';
import { ApiError, api } from '../../api.ts';
import { useI18n, type I18n } from '../../i18n/index.tsx';
import { ErrorSummary, SubmitButton, TextField, useAction } from '../../ui/forms.tsx';
import { useApi } from '../../ui/data.ts';
import { languageName } from '../../ui/names.ts';
import { PanelStatus } from './shared.tsx';

interface TemplateList {
  languages: string[];
  fields: Record<string, string>;
  blocks: string[];
  maxLength: number;
  templates: { kind: string; title: string; language: string; edited: boolean; updatedAt: string | null; updatedBy: string | null }[];
}
interface Template {
  kind: string; language: string; title: string; body: string; edited: boolean; shipped: string;
  versions: { id: string; shipped: boolean; note: string | null; createdBy: string | null; createdAt: string }[];
}
interface Problem { line: number; reason: string; detail?: string }

const editHref = (kind: string, language: string) => `/templates/${encodeURIComponent(kind)}/${encodeURIComponent(language)}`;

export function TemplatesSection() {
  const i18n = useI18n();
  const { data, error, loading } = useApi<TemplateList>('/admin/document-templates');
  const kinds = data ? [...new Map(data.templates.map((t) => [t.kind, t.title])).entries()] : [];
  return (
    <section aria-labelledby="tpl-h">
      <h2 id="tpl-h">{i18n.t('doc.tpl.tab')}</h2>
      <p className="hint">{i18n.t('doc.tpl.intro')}</p>
      <PanelStatus notice={null} error={error} loading={loading && !data} />
      {data ? (
        <div className="table-scroll">
          <table data-testid="tpl-table">
            <caption className="sr-only">{i18n.t('doc.tpl.tab')}</caption>
            <thead><tr>
              <th scope="col">{i18n.t('doc.tpl.document')}</th>
              {data.languages.map((l) => <th key={l} scope="col"><span lang={l}>{languageName(i18n, l)}</span></th>)}
            </tr></thead>
            <tbody>
              {kinds.map(([kind, title]) => (
                <tr key={kind} data-testid={`tpl-row-${kind}`}>
                  <th scope="row">{i18n.law(title)}</th>
                  {data.languages.map((l) => {
                    const t = data.templates.find((x) => x.kind === kind && x.language === l);
                    return (
                      <td key={l}>
                        <Link href={editHref(kind, l)} data-testid={`tpl-edit-${kind}-${l}`}>
                          {t?.edited ? <span className="badge badge-warn">{i18n.t('doc.tpl.edited')}</span> : i18n.t('doc.tpl.shipped')}
                          <span className="sr-only"> · {i18n.t('doc.tpl.editOf', { document: i18n.law(title), language: languageName(i18n, l) })}</span>
                        </Link>
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

function problemText(i18n: I18n, p: Problem) {
  return i18n.tx(`doc.tpl.problem.${p.reason}`, `${p.line}: ${p.reason}`, { line: i18n.number(p.line), detail: p.detail ?? '' });
}

export function TemplateEditor({ kind, language }: { kind: string; language: string }) {
  const i18n = useI18n();
  const list = useApi<TemplateList>('/admin/document-templates');
  const { data, error, loading, setData } = useApi<Template>(`/admin/document-templates/${encodeURIComponent(kind)}/${encodeURIComponent(language)}`);
  const [notice, setNotice] = useState<string | null>(null);
  const [problems, setProblems] = useState<Problem[]>([]);
  const text = useRef<HTMLTextAreaElement>(null);
  const url = `/admin/document-templates/${encodeURIComponent(kind)}/${encodeURIComponent(language)}`;
  const catchProblems = (e: unknown) => {
    if (e instanceof ApiError && e.code === 'TEMPLATE_INVALID' && Array.isArray(e.problem.problems)) setProblems(e.problem.problems as Problem[]);
    throw e;
  };
  const save = useAction(async (body: string | null, note: string) => {
    setNotice(null); setProblems([]);
    const saved = await api<Template>(url, { method: 'PUT', body: { body, ...(note ? { note } : {}) } }).catch(catchProblems);
    setData(saved);
    setNotice(body === null ? i18n.t('doc.tpl.resetDone') : i18n.t('doc.tpl.saved'));
  });
  const preview = useAction(async (body: string, caseNumber: string) => {
    setNotice(null); setProblems([]);
    const res = await fetch(`/api/v1${url}/preview`, {
      method: 'POST', credentials: 'same-origin', headers: { 'content-type': 'application/json', accept: 'application/pdf, application/problem+json' },
      body: JSON.stringify({ body, ...(caseNumber ? { caseNumber } : {}) }),
    });
    if (!res.ok) {
      const p = await res.json().catch(() => ({}));
      catchProblems(new ApiError(res.status, String(p.code ?? 'INTERNAL_ERROR'), String(p.detail ?? res.statusText), [], p));
    }
    window.open(URL.createObjectURL(await res.blob()), '_blank', 'noopener');
  });
  const title = data ? i18n.law(data.title) : kind;
  return (
    <section aria-labelledby="tpl-edit-h">
      <p><Link href="/templates">{i18n.t('doc.tpl.back')}</Link></p>
      <h2 id="tpl-edit-h">{i18n.t('doc.tpl.editOf', { document: title, language: languageName(i18n, language) })}</h2>
      <PanelStatus notice={notice} error={error} loading={loading && !data} />
      {data ? (
        <div className="template-editor">
          <form className="form" onSubmit={(e) => {
            e.preventDefault();
            const note = String(new FormData(e.currentTarget).get('note') ?? '').trim();
            void save.run(text.current?.value ?? '', note);
          }}>
            <ErrorSummary error={save.error ?? preview.error} />
            {problems.length ? (
              <div className="alert alert-error template-problems" role="alert" data-testid="tpl-problems">
                <strong>{i18n.t('doc.tpl.problems')}</strong>
                <ul>{problems.map((p, i) => <li key={i}>{problemText(i18n, p)}</li>)}</ul>
              </div>
            ) : null}
            <div className="field">
              <label htmlFor="tpl-body">{i18n.t('doc.tpl.text')}</label>
              <textarea id="tpl-body" ref={text} key={data.versions[0]?.id ?? 'shipped'} defaultValue={data.body} dir={language === 'ar' ? 'rtl' : 'auto'} lang={language}
                spellCheck={false} maxLength={list.data?.maxLength ?? 20000} data-testid="tpl-body" aria-invalid={problems.length > 0} />
            </div>
            <TextField name="note" label={i18n.t('doc.tpl.note')} maxLength={500} data-testid="tpl-note" />
            <div className="btn-row">
              <SubmitButton busy={save.busy} data-testid="tpl-save">{i18n.t('doc.tpl.save')}</SubmitButton>
              {data.edited ? (
                <button type="button" className="btn btn-secondary" disabled={save.busy} data-testid="tpl-reset"
                  onClick={() => { if (window.confirm(i18n.t('doc.tpl.confirmReset'))) void save.run(null, ''); }}>{i18n.t('doc.tpl.reset')}</button>
              ) : null}
            </div>
            <fieldset className="card">
              <legend>{i18n.t('doc.tpl.preview')}</legend>
              <TextField name="previewCase" id="tpl-preview-case" label={i18n.t('doc.tpl.previewCase')} hint={i18n.t('doc.tpl.previewHint')} dir="ltr" data-testid="tpl-preview-case" />
              <button type="button" className="btn btn-secondary" disabled={preview.busy} data-testid="tpl-preview"
                onClick={() => {
                  const c = (document.getElementById('tpl-preview-case') as HTMLInputElement | null)?.value.trim() ?? '';
                  void preview.run(text.current?.value ?? '', c);
                }}>{i18n.t('doc.tpl.preview')}</button>
            </fieldset>
            <h3>{i18n.t('doc.tpl.versions')}</h3>
            {data.versions.length === 0 ? <p className="muted">{i18n.t('doc.tpl.noVersions')}</p> : (
              <ol className="template-versions" data-testid="tpl-versions">
                {data.versions.map((v) => (
                  <li key={v.id}>
                    <time dateTime={v.createdAt}>{i18n.instant(v.createdAt)}</time> · {v.createdBy ?? '—'}
                    {v.shipped ? <> · {i18n.t('doc.tpl.versionShipped')}</> : null}
                    {v.note ? <> · <span dir="auto">{v.note}</span></> : null}
                  </li>
                ))}
              </ol>
            )}
          </form>
          <aside className="template-help card" aria-labelledby="tpl-help-h">
            <h3 id="tpl-help-h">{i18n.t('doc.tpl.howTo')}</h3>
            <dl>
              <dt><code dir="ltr"># … / ## …</code></dt><dd>{i18n.t('doc.tpl.howHeading')}</dd>
              <dt><code dir="ltr">- … : …</code></dt><dd>{i18n.t('doc.tpl.howRow')}</dd>
              <dt><code dir="ltr">---</code></dt><dd>{i18n.t('doc.tpl.howRule')}</dd>
              <dt><code dir="ltr">{'{{case.number}}'}</code></dt><dd>{i18n.t('doc.tpl.howField')}</dd>
            </dl>
            <p className="hint">{i18n.t('doc.tpl.howEmpty')}</p>
            <h4>{i18n.t('doc.tpl.blocks')}</h4>
            <dl>
              {(list.data?.blocks ?? []).map((b) => <div key={b}><dt><code dir="ltr">[{b}]</code></dt><dd>{i18n.tx(`doc.tpl.block.${b}`, b)}</dd></div>)}
            </dl>
            <h4>{i18n.t('doc.tpl.fields')}</h4>
            <dl data-testid="tpl-fields">
              {Object.entries(list.data?.fields ?? {}).map(([f, english]) => (
                <div key={f}><dt><code dir="ltr">{`{{${f}}}`}</code></dt><dd>{i18n.tx(`doc.field.${f}`, english)}</dd></div>
              ))}
            </dl>
          </aside>
        </div>
      ) : null}
    </section>
  );
}
