// The guided trademark filing: applicant, mark, goods and services, priority, review and payment.
// Each step checks its own fields before moving on; on submission the office's field errors are
// put back beside the fields and the form opens the step that holds the first of them.
import { useEffect, useMemo, useRef, useState } from 'react';
import { ApiError, upload } from '../../api.ts';
import { LANGS } from '../../i18n/core.ts';
import { useI18n } from '../../i18n/index.tsx';
import { errorMessage, fieldMessage, SelectField, TextArea, TextField } from '../../ui/forms.tsx';
import { useSession } from '../../ui/session.tsx';
import { useDraftAutosave, useFeeQuote } from './hooks.ts';
import {
  emptyTrademark, IMAGE_KINDS, IMAGE_LIMIT, IMAGE_REQUIRED, IMAGE_TYPES, MARK_KINDS, STEPS, stepOfPath, TEXT_KINDS,
  toFilingPayload, trademarkFromDraft, trademarkTitle, validateStep,
  type Draft, type ImageRef, type MarkKind, type Party, type StepId, type TrademarkPayload,
} from './model.ts';
import { fieldId, FilingAside, k, PartyFields, PayAndSubmit, ProblemList, useFocusOnChange, useOwnParty } from './parts.tsx';
import { NicePicker } from './nice-picker.tsx';
import { ImagePreview, TrademarkSummary, uploadedPreviews, useKindLabel } from './summary.tsx';

const P = 'tm';
const id = (path: string) => fieldId(P, path);

/** Field errors of a draft submission may be reported against the draft ('/payload/...'): same fields. */
function unwrapPayloadErrors(e: unknown): unknown {
  if (!(e instanceof ApiError) || !e.fieldErrors.some((f) => f.path.startsWith('/payload'))) return e;
  const fieldErrors = e.fieldErrors.map((f) => ({ ...f, path: f.path.replace(/^\/payload(?=\/|$)/, '') || '/' }));
  return new ApiError(e.status, e.code, e.message, fieldErrors, e.problem);
}

export function TrademarkFiling({ initial, onCreated }: { initial: Draft | null; onCreated: (id: string) => void }) {
  const i18n = useI18n();
  const { user } = useSession();
  const kindLabel = useKindLabel();
  const own = useOwnParty();
  const [p, setP] = useState<TrademarkPayload>(() => (initial ? trademarkFromDraft(initial.payload) : emptyTrademark(i18n.lang)));
  const [touched, setTouched] = useState(false);
  const [step, setStep] = useState<StepId>('applicant');
  const [visited, setVisited] = useState(() => new Set<StepId>(initial ? STEPS : ['applicant']));
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const [serverError, setServerError] = useState<unknown>(null);
  const headingRef = useFocusOnChange<HTMLHeadingElement>(step);
  const problemsRef = useRef<HTMLDivElement>(null);
  const [problemsTick, setProblemsTick] = useState(0);

  // A new filing starts with the filer's own details: an agent's firm as representative, an applicant as applicant.
  const prefilled = useRef(!!initial);
  useEffect(() => {
    if (prefilled.current || !own || !user) return;
    prefilled.current = true;
    setP((prev) => (user.role === 'agent'
      ? { ...prev, representative: prev.representative?.name ? prev.representative : own }
      : { ...prev, applicant: prev.applicant.name ? prev.applicant : own }));
  }, [own, user]);

  useEffect(() => { if (problemsTick) problemsRef.current?.focus(); }, [problemsTick]);

  const update = (fn: (prev: TrademarkPayload) => TrademarkPayload) => { setTouched(true); setP(fn); };
  const setParty = (role: 'applicant' | 'representative') => (party: Party) => update((prev) => ({ ...prev, [role]: party }));
  const setMark = (patch: Partial<TrademarkPayload['mark']>) => update((prev) => ({ ...prev, mark: { ...prev.mark, ...patch } }));

  const payload = useMemo(() => toFilingPayload(p), [p]);
  const title = trademarkTitle(p, kindLabel(p.mark.kind));
  const draft = useDraftAutosave({ right: 'trademark', payload: p as unknown as Record<string, any>, title, initial, enabled: touched, onCreated });
  const fee = useFeeQuote('trademark', payload);

  const errorOf = (path: string): string | undefined => {
    const key = clientErrors[path];
    if (key) return i18n.t(k(key));
    return fieldMessage(i18n, serverError, path);
  };
  const stepProblems = (s: StepId) => Object.entries(clientErrors)
    .filter(([path]) => s === 'review' || stepOfPath(path) === s)
    .map(([path, key]) => ({ path, message: i18n.t('filing.v.problem', { field: i18n.t(k(`filing.field.${fieldName(path)}`)), message: i18n.t(k(key)) }) }));

  const go = (s: StepId) => {
    setStep(s);
    setVisited((v) => new Set(v).add(s));
  };
  const index = STEPS.indexOf(step);
  const next = () => {
    const errs = validateStep(step, p);
    setClientErrors(errs);
    if (Object.keys(errs).length) { setProblemsTick((t) => t + 1); return; }
    go(STEPS[index + 1]);
  };
  const back = () => { setClientErrors({}); go(STEPS[index - 1]); };

  const validateAll = () => {
    const errs = validateStep('review', p);
    setClientErrors(errs);
    const paths = Object.keys(errs);
    if (paths.length === 0) return true;
    go(stepOfPath(paths[0]));
    setProblemsTick((t) => t + 1);
    return false;
  };
  const onSubmitError = (e: unknown) => {
    const err = unwrapPayloadErrors(e);
    setServerError(err);
    if (err instanceof ApiError && err.fieldErrors.length) {
      const first = err.fieldErrors.find((f) => f.path !== '/') ?? err.fieldErrors[0];
      if (first.path !== '/') go(stepOfPath(first.path));
    }
  };

  const stepTitle = (s: StepId) => i18n.t(k(`filing.step.${s}`));
  const problems = step === 'review' ? [] : stepProblems(step);

  return (
    <div className="filing-layout" data-testid="trademark-filing">
      <nav className="steps" aria-label={i18n.t('filing.steps')}>
        <ol>
          {STEPS.map((s, i) => (
            <li key={s} className={s === step ? 'current' : visited.has(s) ? 'visited' : ''}>
              {visited.has(s) && s !== step ? (
                <button type="button" className="btn-link" onClick={() => { setClientErrors({}); go(s); }} data-testid={`step-link-${s}`}>
                  <span className="step-no">{i18n.number(i + 1)}</span> {stepTitle(s)}
                </button>
              ) : (
                <span aria-current={s === step ? 'step' : undefined}><span className="step-no">{i18n.number(i + 1)}</span> {stepTitle(s)}</span>
              )}
            </li>
          ))}
        </ol>
      </nav>

      <div className="filing-main">
        <h2 ref={headingRef} tabIndex={-1} className="step-heading" data-testid="step-heading" data-step={step}>
          {i18n.t('filing.stepOf', { n: i18n.number(index + 1), total: i18n.number(STEPS.length) })}: {stepTitle(step)}
        </h2>
        <ProblemList problems={problems} idOf={id} headingRef={problemsRef} />
        {serverError && !(serverError instanceof ApiError && serverError.code === 'INSUFFICIENT_FUNDS') && step !== 'review'
          ? <div className="alert alert-error" role="alert" data-testid="submit-error">{errorMessage(i18n, serverError)}</div> : null}

        <form className="form" noValidate onSubmit={(e) => { e.preventDefault(); if (step !== 'review') next(); }}>
          {step === 'applicant' ? (
            <>
              <fieldset className="fieldset">
                <legend>{i18n.t('filing.applicant.legend')}</legend>
                <PartyFields value={p.applicant} onChange={setParty('applicant')} prefix={P} path="/applicant" errorOf={errorOf} requireName testid="applicant" />
              </fieldset>
              <fieldset className="fieldset">
                <legend>{i18n.t('filing.representative.legend')}</legend>
                <p className="hint">{user?.role === 'agent' ? i18n.t('filing.representative.agentHint') : i18n.t('filing.representative.optional')}</p>
                <PartyFields value={p.representative ?? { name: '' }} onChange={setParty('representative')} prefix={P} path="/representative" errorOf={errorOf} requireName={false} testid="representative" />
              </fieldset>
              <SelectField id={id('/language')} label={i18n.t('filing.language')} hint={i18n.t('filing.languageHint')} value={p.language ?? ''}
                onChange={(e) => update((prev) => ({ ...prev, language: e.target.value || undefined }))} data-testid="filing-language">
                <option value="">{i18n.t('filing.languageUnset')}</option>
                {LANGS.map((l) => <option key={l.code} value={l.code} lang={l.code}>{l.name}</option>)}
              </SelectField>
            </>
          ) : null}

          {step === 'mark' ? <MarkStep p={p} setMark={setMark} errorOf={errorOf} /> : null}

          {step === 'goods' ? (
            <NicePicker value={p.goodsServices} onChange={(gs) => update((prev) => ({ ...prev, goodsServices: gs }))} idPrefix={id('/goodsServices')}
              error={errorOf('/goodsServices')} classError={(i) => errorOf(`/goodsServices/${i}/terms`)} />
          ) : null}

          {step === 'priority' ? <PriorityStep p={p} update={update} errorOf={errorOf} /> : null}

          {step === 'review' ? (
            <>
              <p>{i18n.t('filing.review.intro')}</p>
              <TrademarkSummary p={p} onEdit={(s) => { setClientErrors({}); go(s); }} />
            </>
          ) : null}

          <div className="btn-row step-buttons">
            {index > 0 ? <button type="button" className="btn btn-secondary" onClick={back} data-testid="step-back">{i18n.t('common.back')}</button> : null}
            {step !== 'review' ? <button type="submit" className="btn btn-primary" data-testid="step-next">{i18n.t('filing.next', { step: stepTitle(STEPS[index + 1]) })}</button> : null}
          </div>
        </form>

        {step === 'review' ? (
          <PayAndSubmit right="trademark" payload={payload} quote={fee.quote} quoteCurrent={fee.current} draft={touched || draft.id ? draft : null}
            validate={validateAll} onError={onSubmitError} />
        ) : null}
      </div>

      <FilingAside fee={fee} draft={draft} shared={initial?.shared} onSaveNow={() => setTouched(true)} />
    </div>
  );
}

/** The last segment of a pointer that names a field ('/priorityClaims/0/date' -> 'date'), for the problem list. */
function fieldName(path: string): string {
  const parts = path.split('/').filter((x) => x && !/^\d+$/.test(x));
  const last = parts.at(-1) ?? 'goodsServices';
  if (path.startsWith('/representative/')) return `representative.${last}`;
  if (last === 'terms') return 'terms';
  return last;
}

function MarkStep({ p, setMark, errorOf }: { p: TrademarkPayload; setMark: (patch: Partial<TrademarkPayload['mark']>) => void; errorOf: (path: string) => string | undefined }) {
  const i18n = useI18n();
  const kindLabel = useKindLabel();
  const kind = p.mark.kind;
  return (
    <>
      <SelectField id={id('/mark/kind')} label={i18n.t('filing.mark.kind')} required value={kind} hint={i18n.t(k(`filing.kindHint.${kindHintKey(kind)}`))}
        onChange={(e) => setMark({ kind: e.target.value as MarkKind })} error={errorOf('/mark/kind')} data-testid="mark-kind">
        {MARK_KINDS.map((m) => <option key={m} value={m}>{kindLabel(m)}</option>)}
      </SelectField>
      {TEXT_KINDS.includes(kind) ? (
        <>
          <TextField id={id('/mark/text')} label={i18n.t('filing.mark.text')} required value={p.mark.text ?? ''} dir="auto" maxLength={500}
            hint={i18n.t('filing.mark.textHint')} onChange={(e) => setMark({ text: e.target.value })} error={errorOf('/mark/text')} data-testid="mark-text" />
          {p.mark.text?.trim() ? (
            <p className="mark-preview-line"><span className="muted">{i18n.t('filing.mark.preview')}: </span><span className="mark-text mark-text-large" dir="auto" data-testid="mark-text-preview">{p.mark.text}</span></p>
          ) : null}
        </>
      ) : null}
      {IMAGE_KINDS.includes(kind) ? (
        <MarkImageField value={p.mark.image} onChange={(image) => setMark({ image })} required={IMAGE_REQUIRED.includes(kind)} error={errorOf('/mark/image')} />
      ) : null}
      {kind !== 'Word' ? (
        <>
          <TextArea id={id('/mark/description')} label={i18n.t('filing.mark.description')} value={p.mark.description ?? ''} dir="auto" maxLength={5000}
            hint={i18n.t('filing.mark.descriptionHint')} onChange={(e) => setMark({ description: e.target.value })} error={errorOf('/mark/description')} data-testid="mark-description" />
          <TextField id={id('/mark/colours')} label={i18n.t('filing.mark.colours')} value={(p.mark.colours ?? []).join(', ')} dir="auto"
            hint={i18n.t('filing.mark.coloursHint')} error={errorOf('/mark/colours')} data-testid="mark-colours"
            onChange={(e) => setMark({ colours: e.target.value.split(/[,،、，]/).map((c) => c.trimStart()) })} />
        </>
      ) : null}
    </>
  );
}

const kindHintKey = (kind: MarkKind) => (kind === 'Word' ? 'word' : TEXT_KINDS.includes(kind) ? 'textImage' : IMAGE_REQUIRED.includes(kind) ? 'image' : 'other');

/** Picks, checks (type, size) and uploads the mark's image, with a preview of what was chosen. */
function MarkImageField({ value, onChange, required, error }: { value: ImageRef | undefined; onChange: (v: ImageRef | undefined) => void; required: boolean; error?: string }) {
  const i18n = useI18n();
  const inputId = id('/mark/image');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const fileRef = useRef<HTMLInputElement>(null);

  const pick = async (file: File | undefined) => {
    setProblem(null);
    if (!file) return;
    if (!IMAGE_TYPES.includes(file.type)) { setProblem(i18n.t('filing.image.type')); return; }
    if (file.size > IMAGE_LIMIT) { setProblem(i18n.t('filing.image.tooLarge', { mb: i18n.number(IMAGE_LIMIT / 1024 / 1024) })); return; }
    setBusy(true);
    try {
      const ref = await upload(file);
      if (!uploadedPreviews.has(ref.sha256)) uploadedPreviews.set(ref.sha256, URL.createObjectURL(file));
      onChange({ sha256: ref.sha256, mediaType: ref.mediaType, size: ref.size });
    } catch (e) {
      setProblem(errorMessage(i18n, e));
    } finally {
      setBusy(false);
      if (fileRef.current) fileRef.current.value = '';
    }
  };
  const shown = problem ?? error;
  const hintId = `${inputId}-hint`; const errId = `${inputId}-error`;
  return (
    <div className={`field${shown ? ' field-invalid' : ''}`}>
      <label htmlFor={inputId}>{i18n.t(value ? 'filing.image.replace' : 'filing.mark.image')}{required ? <span className="req" aria-hidden="true"> *</span> : null}</label>
      <input ref={fileRef} id={inputId} type="file" accept={IMAGE_TYPES.join(',')} data-testid="mark-image" disabled={busy}
        aria-invalid={shown ? true : undefined} aria-required={required || undefined} aria-describedby={[hintId, shown ? errId : ''].filter(Boolean).join(' ')}
        onChange={(e) => void pick(e.target.files?.[0])} />
      <div className="hint" id={hintId}>{i18n.t('filing.image.hint', { mb: i18n.number(IMAGE_LIMIT / 1024 / 1024) })}</div>
      {busy ? <p role="status" className="muted">{i18n.t('filing.image.uploading')}</p> : null}
      {shown ? <div className="field-error" id={errId} role="alert" data-testid="mark-image-error">{shown}</div> : null}
      {value ? (
        <div className="mark-image-box">
          <ImagePreview key={value.sha256} {...value} />
          <button type="button" className="btn btn-danger btn-small" data-testid="mark-image-remove" onClick={() => onChange(undefined)}>{i18n.t('filing.image.remove')}</button>
        </div>
      ) : null}
    </div>
  );
}

function PriorityStep({ p, update, errorOf }: { p: TrademarkPayload; update: (fn: (prev: TrademarkPayload) => TrademarkPayload) => void; errorOf: (path: string) => string | undefined }) {
  const i18n = useI18n();
  const set = (i: number, patch: Partial<TrademarkPayload['priorityClaims'][number]>) =>
    update((prev) => ({ ...prev, priorityClaims: prev.priorityClaims.map((c, j) => (j === i ? { ...c, ...patch } : c)) }));
  const add = () => {
    update((prev) => ({ ...prev, priorityClaims: [...prev.priorityClaims, { office: '', number: '', date: '' }] }));
    const n = p.priorityClaims.length;
    setTimeout(() => document.getElementById(id(`/priorityClaims/${n}/office`))?.focus(), 0);
  };
  const remove = (i: number) => update((prev) => ({ ...prev, priorityClaims: prev.priorityClaims.filter((_, j) => j !== i) }));
  return (
    <>
      <p className="hint">{i18n.t('filing.priority.intro')}</p>
      {p.priorityClaims.length === 0 ? <p className="muted">{i18n.t('filing.priority.none')}</p> : null}
      {p.priorityClaims.map((c, i) => (
        <fieldset className="fieldset" key={i} data-testid={`priority-${i}`}>
          <legend>{i18n.t('filing.priority.claim', { n: i18n.number(i + 1) })}</legend>
          <div className="field-row">
            <TextField id={id(`/priorityClaims/${i}/office`)} label={i18n.t('filing.priority.office')} required value={c.office} dir="ltr" maxLength={2} className="input-code"
              hint={i18n.t('filing.party.countryHint')} onChange={(e) => set(i, { office: e.target.value.toUpperCase() })} error={errorOf(`/priorityClaims/${i}/office`)} data-testid={`priority-office-${i}`} />
            <TextField id={id(`/priorityClaims/${i}/number`)} label={i18n.t('filing.priority.number')} required value={c.number} dir="ltr" maxLength={50}
              onChange={(e) => set(i, { number: e.target.value })} error={errorOf(`/priorityClaims/${i}/number`)} data-testid={`priority-number-${i}`} />
            <TextField id={id(`/priorityClaims/${i}/date`)} type="date" label={i18n.t('filing.priority.date')} required value={c.date}
              onChange={(e) => set(i, { date: e.target.value })} error={errorOf(`/priorityClaims/${i}/date`)} data-testid={`priority-date-${i}`} />
          </div>
          <button type="button" className="btn btn-danger btn-small" onClick={() => remove(i)} data-testid={`priority-remove-${i}`}>
            {i18n.t('filing.priority.remove', { n: i18n.number(i + 1) })}
          </button>
        </fieldset>
      ))}
      <div className="btn-row">
        <button type="button" className="btn btn-secondary" onClick={add} data-testid="priority-add" disabled={p.priorityClaims.length >= 20}>{i18n.t('filing.priority.add')}</button>
      </div>
    </>
  );
}
