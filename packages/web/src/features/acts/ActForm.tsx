// Recording one act on a case: its payload form (or a confirmation when it takes none), a payment when
// the act charges fees, one request that cannot be sent twice, and the office's refusal in the user's language.
import { useMemo, useState, type FormEvent } from 'react';
import { api } from '../../api.ts';
import { useI18n } from '../../i18n/index.tsx';
import { ErrorSummary, SelectField, SubmitButton, TextField, useAction } from '../../ui/forms.tsx';
import { useSession } from '../../ui/session.tsx';
import { feeScheduleOn, procedureOf, useProcedures } from '../case/law.ts';
import type { AvailableAct, CaseData } from '../case/types.ts';
import { emptyValue, hasFields, payloadOf, SchemaForm } from './SchemaForm.tsx';

export interface ActResult { caseId: string; number: string; actId: number; seq: number; act: string; state: string; officeDate: string }

const METHODS = ['current-account', 'bank-transfer', 'card', 'cash', 'other'] as const;

const minorDigits = (currency: string) => new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;

export interface ActFormProps {
  case: CaseData;
  act: AvailableAct;
  onDone(result: ActResult): void;
  onCancel?(): void;
}

export function ActForm({ case: c, act, onDone, onCancel }: ActFormProps) {
  const i18n = useI18n();
  const { user } = useSession();
  const law = useProcedures();
  const schema = act.payloadSchema;
  const withFields = hasFields(schema);
  const [value, setValue] = useState<Record<string, any>>(() => (withFields ? emptyValue(schema!) ?? {} : {}));
  const [uploading, setUploading] = useState(false);

  // What the act charges, from the fee schedule in force: a starting amount the payer may correct
  // (a fee counted per class or per claim is charged by the office on the actual count).
  const proc = procedureOf(law, c);
  const defn = proc?.acts[act.type];
  const isPayment = act.type === 'pay-fees';
  const schedule = proc ? feeScheduleOn(proc, c.officeDate) : null;
  const currency = c.fees?.currency ?? schedule?.currency ?? 'EUR';
  const estimate = useMemo(() => {
    if (isPayment) return c.fees?.outstanding ?? 0;
    return (defn?.fees ?? []).reduce((sum, code) => sum + (schedule?.items[code]?.amount ?? 0), 0);
  }, [isPayment, defn, schedule, c.fees]);
  const hasFees = isPayment || (defn?.fees.length ?? 0) > 0;
  const isParty = user?.role === 'applicant' || user?.role === 'agent';
  const [pay, setPay] = useState<boolean | null>(null);
  const paying = pay ?? (isPayment || isParty || defn?.payment === 'before');
  const [amount, setAmount] = useState<string | null>(null);
  const shownAmount = amount ?? (estimate > 0 ? (estimate / 10 ** minorDigits(currency)).toFixed(minorDigits(currency)) : '');
  const [method, setMethod] = useState<string>(isParty ? 'current-account' : 'bank-transfer');
  const [reference, setReference] = useState('');

  const { run, busy, error } = useAction(async () => {
    const body: Record<string, unknown> = { payload: withFields ? payloadOf(schema, value) : {} };
    if (hasFees && paying && shownAmount !== '') {
      body.payment = {
        amount: Math.round(Number(shownAmount) * 10 ** minorDigits(currency)), currency, method,
        ...(reference.trim() ? { reference: reference.trim() } : {}),
      };
    }
    const res = await api<ActResult>(`/cases/${encodeURIComponent(c.number)}/acts/${encodeURIComponent(act.type)}`, { method: 'POST', body });
    onDone(res);
    return res;
  });

  const submit = (e: FormEvent) => { e.preventDefault(); if (!uploading) void run(); };

  return (
    <form className="form act-form" onSubmit={submit} noValidate data-testid={`act-form-${act.type}`}>
      <p className="hint">{i18n.t('office.act.legalBasis', { basis: i18n.law(act.legalBasis) })}</p>
      <ErrorSummary error={error} />
      {withFields
        ? <SchemaForm schema={schema!} value={value} onChange={setValue} error={error} disabled={busy} onBusyChange={setUploading} />
        : <p>{i18n.t('office.act.confirm', { title: i18n.law(act.title), number: c.number })}</p>}
      {hasFees ? (
        <fieldset className="schema-group act-payment">
          <legend>{i18n.t('office.act.payment')}</legend>
          {isPayment
            ? <p>{i18n.t('office.act.outstanding', { amount: i18n.money(c.fees?.outstanding ?? 0, currency) })}</p>
            : estimate > 0 ? <p>{i18n.t('office.act.feesDue', { amount: i18n.money(estimate, currency) })}</p> : null}
          {!isPayment ? (
            <div className="field field-check">
              <label><input type="checkbox" checked={paying} onChange={(e) => setPay(e.target.checked)} data-testid="act-pay" /> {i18n.t('office.act.includePayment')}</label>
            </div>
          ) : null}
          {paying ? (
            <>
              <TextField label={i18n.t('office.act.amount', { currency })} type="number" inputMode="decimal" min={0}
                step={1 / 10 ** minorDigits(currency)} value={shownAmount} onChange={(e) => setAmount(e.target.value)}
                required={isPayment} disabled={busy} data-testid="act-amount" />
              <SelectField label={i18n.t('office.act.method')} value={method} onChange={(e) => setMethod(e.target.value)} disabled={busy} data-testid="act-method">
                {METHODS.map((m) => <option key={m} value={m}>{i18n.t(`office.method.${m}`)}</option>)}
              </SelectField>
              <TextField label={i18n.t('office.act.reference')} value={reference} maxLength={200} onChange={(e) => setReference(e.target.value)} disabled={busy} />
            </>
          ) : null}
        </fieldset>
      ) : null}
      {uploading ? <p className="hint" role="status">{i18n.t('office.act.waitUploads')}</p> : null}
      <div className="btn-row">
        <SubmitButton busy={busy} disabled={uploading} data-testid="act-submit">{i18n.law(act.title)}</SubmitButton>
        {onCancel ? <button type="button" className="btn btn-secondary" onClick={onCancel} data-testid="act-cancel">{i18n.t('common.cancel')}</button> : null}
      </div>
    </form>
  );
}
