// Filing a patent, utility model, design or geographical indication: the form is drawn from the filing
// act's payload schema in the law in force, with the same draft, fee, payment and receipt as a trademark.
import { useMemo, useState } from 'react';
import { ApiError } from '../../api.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useApi } from '../../ui/data.ts';
import { Loading } from '../../ui/Layout.tsx';
import { ErrorSummary } from '../../ui/forms.tsx';
import { emptyValue, payloadOf, SchemaForm, type JsonSchema } from '../../features/acts/SchemaForm.tsx';
import { useDraftAutosave, useFeeQuote } from './hooks.ts';
import type { Draft } from './model.ts';
import { FilingAside, PayAndSubmit } from './parts.tsx';

interface ProcedureInfo { right: string; version: string; effectiveFrom: string; title: string; acts: Record<string, { payloadSchema: JsonSchema | null }> }
interface ProceduresResponse { filingFramework?: string; officeDate?: string; items: { id: string; procedures: ProcedureInfo[] }[] }

/** The filing act's schema of the procedure in force on the office date in the framework new filings go under. */
export function useFilingSchema(right: string): { schema: JsonSchema | null; loading: boolean; error: unknown } {
  const res = useApi<ProceduresResponse>('/procedures');
  const schema = useMemo(() => {
    const items = res.data?.items ?? [];
    const fw = items.find((f) => f.id === res.data?.filingFramework && f.procedures.some((p) => p.right === right))
      ?? items.find((f) => f.procedures.some((p) => p.right === right));
    if (!fw) return null;
    const today = res.data?.officeDate ?? new Date().toISOString().slice(0, 10);
    const versions = fw.procedures.filter((p) => p.right === right).sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
    const inForce = versions.filter((p) => p.effectiveFrom <= today).at(-1) ?? versions.at(-1);
    return inForce?.acts.file?.payloadSchema ?? null;
  }, [res.data, right]);
  return { schema, loading: res.loading, error: res.error };
}

const titleOf = (payload: Record<string, any>, fallback: string): string => {
  for (const key of ['title', 'name', 'productName', 'denomination']) {
    const v = payload?.[key];
    if (typeof v === 'string' && v.trim()) return v.trim();
  }
  const first = payload?.designs?.[0]?.product ?? payload?.designs?.[0]?.title;
  return typeof first === 'string' && first.trim() ? first.trim() : fallback;
};

export function GenericFiling({ right, initial, onCreated }: { right: string; initial: Draft | null; onCreated: (id: string) => void }) {
  const i18n = useI18n();
  const { schema, loading, error } = useFilingSchema(right);
  if (loading) return <Loading />;
  if (error) return <ErrorSummary error={error} />;
  if (!schema) return <p className="alert alert-error" role="alert">{i18n.t('filing.generic.noSchema')}</p>;
  return <GenericForm right={right} schema={schema} initial={initial} onCreated={onCreated} />;
}

function GenericForm({ right, schema, initial, onCreated }: { right: string; schema: JsonSchema; initial: Draft | null; onCreated: (id: string) => void }) {
  const i18n = useI18n();
  const [value, setValue] = useState<Record<string, any>>(() => (initial?.payload as Record<string, any>) ?? emptyValue(schema) ?? {});
  const [touched, setTouched] = useState(false);
  const [uploading, setUploading] = useState(false);
  const [serverError, setServerError] = useState<unknown>(null);
  const payload = useMemo(() => payloadOf(schema, value), [schema, value]);
  const title = titleOf(payload, i18n.tx(`right.${right}`, right));
  const draft = useDraftAutosave({ right, payload: value, title, initial, enabled: touched, onCreated });
  const fee = useFeeQuote(right, payload);

  const onError = (e: unknown) => {
    // Errors against the draft ('/payload/...') name the same fields as a direct filing.
    if (e instanceof ApiError && e.fieldErrors.some((f) => f.path.startsWith('/payload'))) {
      setServerError(new ApiError(e.status, e.code, e.message, e.fieldErrors.map((f) => ({ ...f, path: f.path.replace(/^\/payload(?=\/|$)/, '') || '/' })), e.problem));
    } else setServerError(e);
    // The first field the office refused is where the user goes.
    setTimeout(() => (document.querySelector('.generic-filing [aria-invalid="true"]') as HTMLElement | null)?.focus(), 0);
  };

  return (
    <div className="filing-layout generic-filing" data-testid={`filing-${right}`}>
      <div className="filing-main">
        <h2>{i18n.t('filing.generic.details')}</h2>
        <p className="hint">{i18n.t('filing.generic.intro')}</p>
        <form className="form" noValidate onSubmit={(e) => e.preventDefault()}>
          <SchemaForm schema={schema} value={value} onChange={(v) => { setTouched(true); setValue(v); }} error={serverError} onBusyChange={setUploading} />
        </form>
        <PayAndSubmit right={right} payload={payload} quote={fee.quote} quoteCurrent={fee.current && !uploading}
          draft={touched || draft.id ? draft : null} validate={() => !uploading} onError={onError} />
      </div>
      <FilingAside fee={fee} draft={draft} shared={initial?.shared} onSaveNow={() => setTouched(true)} />
    </div>
  );
}
