// A filing's content as read-only text: the review step, the shared draft page, the receipt.
import { useState } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import { LANGS } from '../../i18n/core.ts';
import { markKindName } from '../../ui/names.ts';
import { enumLabel, FOUND_IN_UPLOAD, humanise, labelText } from '../../features/acts/labels.ts';
import { valueText } from '../../i18n/fields.ts';
import { type Party, type TrademarkPayload } from './model.ts';

/** A kind of mark in the reader's language (the names are shared with the case pages: ui/names.ts). */
export function useKindLabel() {
  const i18n = useI18n();
  return (kind: string) => markKindName(i18n, kind);
}

function PartyText({ p }: { p: Party | undefined }) {
  const i18n = useI18n();
  if (!p || !p.name) return <span className="muted">{i18n.t('common.none')}</span>;
  return (
    <span>
      <bdi className="party-name">{p.name}</bdi>
      {p.kind ? <span className="muted"> ({i18n.t(p.kind === 'legal' ? 'filing.party.legal' : 'filing.party.natural')})</span> : null}
      {p.address ? <><br /><bdi>{p.address}</bdi></> : null}
      {p.country ? <><br />{i18n.t('filing.party.country')}: {p.country}</> : null}
      {p.email ? <><br /><bdi>{p.email}</bdi></> : null}
    </span>
  );
}

/**
 * Images uploaded in this page session, by SHA-256: an upload not yet filed belongs to no case, so the
 * office does not serve it back; the browser's own copy shows it on the review step.
 */
export const uploadedPreviews = new Map<string, string>();

/** The mark's image, when the viewer may fetch it; otherwise what is known of the file. */
export function ImagePreview({ sha256, mediaType, size, src }: { sha256: string; mediaType?: string; size?: number; src?: string }) {
  const i18n = useI18n();
  const [failed, setFailed] = useState(false);
  if (failed && !src) {
    return <p className="muted" data-testid="mark-image-info">{i18n.t('filing.image.stored', { type: (mediaType ?? '').replace('image/', '').toUpperCase(), kb: i18n.number(Math.ceil((size ?? 0) / 1024)) })}</p>;
  }
  return <img className="mark-image-preview" src={src ?? uploadedPreviews.get(sha256) ?? `/api/v1/documents/${sha256}`} alt={i18n.t('filing.image.previewAlt')} onError={() => setFailed(true)} data-testid="mark-image-preview" />;
}

export function TrademarkSummary({ p, headingLevel = 3, onEdit }: { p: TrademarkPayload; headingLevel?: 2 | 3; onEdit?: (step: 'applicant' | 'mark' | 'goods' | 'priority') => void }) {
  const i18n = useI18n();
  const kindLabel = useKindLabel();
  const H = (`h${headingLevel}`) as 'h2' | 'h3';
  const edit = (step: 'applicant' | 'mark' | 'goods' | 'priority', label: string) => (onEdit
    ? <button type="button" className="btn-link" onClick={() => onEdit(step)} data-testid={`review-edit-${step}`}>{i18n.t('filing.review.change')}<span className="sr-only">: {label}</span></button>
    : null);
  const gs = p.goodsServices.filter((g) => g.terms.length > 0).sort((a, b) => a.classNumber - b.classNumber);
  const langName = LANGS.find((l) => l.code === p.language)?.name;
  return (
    <div className="summary" data-testid="filing-summary">
      <section className="summary-part">
        <div className="summary-head"><H>{i18n.t('filing.step.applicant')}</H>{edit('applicant', i18n.t('filing.step.applicant'))}</div>
        <dl className="facts">
          <dt>{i18n.t('filing.applicant.legend')}</dt><dd><PartyText p={p.applicant} /></dd>
          <dt>{i18n.t('filing.representative.legend')}</dt><dd><PartyText p={p.representative} /></dd>
          {langName ? <><dt>{i18n.t('filing.language')}</dt><dd lang={p.language}>{langName}</dd></> : null}
        </dl>
      </section>
      <section className="summary-part">
        <div className="summary-head"><H>{i18n.t('filing.step.mark')}</H>{edit('mark', i18n.t('filing.step.mark'))}</div>
        <dl className="facts">
          <dt>{i18n.t('filing.mark.kind')}</dt><dd>{kindLabel(p.mark.kind)}</dd>
          {p.mark.text ? <><dt>{i18n.t('filing.mark.text')}</dt><dd><span className="mark-text" dir="auto" data-testid="summary-mark-text">{p.mark.text}</span></dd></> : null}
          {p.mark.image ? <><dt>{i18n.t('filing.mark.image')}</dt><dd><ImagePreview {...p.mark.image} /></dd></> : null}
          {p.mark.description ? <><dt>{i18n.t('filing.mark.description')}</dt><dd dir="auto" className="plain-text">{p.mark.description}</dd></> : null}
          {p.mark.colours?.length ? <><dt>{i18n.t('filing.mark.colours')}</dt><dd dir="auto">{p.mark.colours.join(', ')}</dd></> : null}
        </dl>
      </section>
      <section className="summary-part">
        <div className="summary-head"><H>{i18n.t('filing.step.goods')}</H>{edit('goods', i18n.t('filing.step.goods'))}</div>
        {gs.length === 0 ? <p className="muted">{i18n.t('filing.nice.noneChosen')}</p> : (
          <dl className="facts">
            {gs.map((g) => (
              <div key={g.classNumber} className="facts-row">
                <dt>{i18n.t('filing.nice.classLabel', { class: g.classNumber })}</dt>
                <dd><bdi>{g.terms.join('; ')}</bdi></dd>
              </div>
            ))}
          </dl>
        )}
      </section>
      <section className="summary-part">
        <div className="summary-head"><H>{i18n.t('filing.step.priority')}</H>{edit('priority', i18n.t('filing.step.priority'))}</div>
        {p.priorityClaims.length === 0 ? <p className="muted">{i18n.t('filing.priority.none')}</p> : (
          <ul>
            {p.priorityClaims.map((c, i) => (
              <li key={i}>{i18n.t('filing.priority.line', { office: c.office, number: c.number, date: i18n.date(c.date) })}</li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

/**
 * Any other right's payload, as nested facts (the shared page of a patent or design draft), in the words
 * of the filing form: labels and enumerated values as features/acts/labels.ts names them. `field` is the
 * property the value belongs to (for an entry of a list, the list's), the context of a value's words.
 */
export function GenericSummary({ value, field = '' }: { value: unknown; field?: string }) {
  const i18n = useI18n();
  if (value === null || value === undefined || value === '') return <span className="muted">—</span>;
  if (Array.isArray(value)) {
    if (value.length === 0) return <span className="muted">—</span>;
    return <ol className="generic-list">{value.map((v, i) => <li key={i}><GenericSummary value={v} field={field} /></li>)}</ol>;
  }
  if (typeof value === 'object') {
    const o = value as Record<string, unknown>;
    const isDocument = (x: unknown) => !!x && typeof x === 'object' && typeof (x as Record<string, unknown>).sha256 === 'string';
    // An uploaded document reads as its type and size; what the applicant wrote beside it (a view's title, a page count) follows.
    const rest = isDocument(o) ? Object.entries(o).filter(([k]) => k !== 'sha256' && !FOUND_IN_UPLOAD.has(k)) : Object.entries(o);
    const doc = isDocument(o)
      ? <span>{i18n.t('filing.generic.document', { type: String(o.mediaType ?? '').split('/').pop()?.toUpperCase() ?? '', kb: i18n.number(Math.ceil(Number(o.size ?? 0) / 1024)) })}</span>
      : null;
    if (doc && rest.length === 0) return doc;
    return (
      <>
        {doc}
        <dl className="facts">
          {rest.map(([key, v]) => (
            <div key={key} className="facts-row"><dt>{labelText(i18n, humanise(key), isDocument(v))}</dt><dd><GenericSummary value={v} field={key} /></dd></div>
          ))}
        </dl>
      </>
    );
  }
  if (typeof value === 'boolean') return <span>{i18n.t(value ? 'common.yes' : 'common.no')}</span>;
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return <span>{i18n.date(value)}</span>;
  // An enumerated value the forms name in words; anything else is the applicant's own text or a number.
  if (typeof value === 'string' && valueText(i18n.lang, field, value) !== undefined) return <span>{enumLabel(i18n, field, value)}</span>;
  return <bdi className="plain-text">{String(value)}</bdi>;
}
