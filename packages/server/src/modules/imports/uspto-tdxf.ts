// The USPTO trademark daily XML ("trademark-applications-daily", DTD v2.0): one <case-file> per
// application, in files of hundreds of megabytes. Its DTD comes inline (a DOCTYPE with an internal
// subset and no entity declaration), which is accepted for this format; an external DTD is never read.
import type { PartyRole } from '@registrum/procedures';
import { find, findAll, kid, parseRecord, txt, type El, type RawRecord, type XmlLimits } from './xml.ts';
import {
  clean, distinctParties, history, historyEvent, missing, niceClasses, optionalDate, party, rejected, sourceDate,
  usptoMarkKind, usptoTrademarkState, usTrademarkExpiry, type Mapped, type SourceRecord,
} from './records.ts';

export const TDXF_FORMAT = 'uspto-tdxf';
export const TDXF_RECORDS: ReadonlySet<string> = new Set(['case-file']);

const T = (e: El | undefined) => clean(txt(e)) === 'T';

/** One case file as a record to take over, or the reason it cannot be. */
export function mapTdxf(raw: RawRecord, limits?: XmlLimits): Mapped {
  let el: El;
  try { el = parseRecord(raw.xml, limits); } catch (e: any) { return { seq: raw.index, error: e }; }
  try {
    return caseFile(el, raw.index);
  } catch (e: any) {
    if (e?.code) return { seq: raw.index, error: e, right: 'trademark', office: 'US', ...(clean(txt(kid(el, 'serial-number'))) ? { sourceId: clean(txt(kid(el, 'serial-number'))) } : {}) };
    throw e;
  }
}

/** Statements of a case file by their type code: GS0161 goods and services of class 016, DM description of the mark, D1 disclaimer ... */
const statements = (el: El, prefix: string) => findAll(kid(el, 'case-file-statements'), 'case-file-statement')
  .filter((s) => (clean(txt(kid(s, 'type-code'))) ?? '').startsWith(prefix));

function caseFile(el: El, seq: number): SourceRecord {
  const serial = clean(txt(kid(el, 'serial-number')), 200);
  if (!serial) throw missing('serial number');
  const h = kid(el, 'case-file-header');
  const filingDate = sourceDate(txt(kid(h, 'filing-date')), 'filing date');
  const registrationDate = sourceDate(txt(kid(h, 'registration-date')), 'registration date');
  const regNo = clean(txt(kid(el, 'registration-number')), 100);
  const registrationNumber = regNo && /[1-9]/.test(regNo) ? regNo : undefined;
  const status = clean(txt(kid(h, 'status-code')));
  const state = usptoTrademarkState(status);
  if (!state) throw rejected('IMPORT_UNKNOWN_STATUS', `The USPTO status code '${status ?? ''}' has no equivalent in the trademark procedure`, { status: status ?? null });
  const renewalDate = sourceDate(txt(kid(h, 'renewal-date')), 'renewal date');
  const expiryDate = renewalDate ? usTrademarkExpiry(renewalDate, 0) : usTrademarkExpiry(registrationDate, 0);
  const text = clean(txt(kid(h, 'mark-identification')), 500);
  const standard = T(kid(h, 'standard-characters-claimed-in'));
  const drawing = clean(txt(kid(h, 'mark-drawing-code')));
  const kind = standard ? 'Word' : usptoMarkKind(drawing, !!text);
  const description = clean(statements(el, 'DM').map((s) => txt(kid(s, 'text'))).join(' '), 5000);
  const colourClaim = clean(statements(el, 'CC').map((s) => txt(kid(s, 'text'))).join(' '), 5000);
  // Goods and services: statements GS<class><n>; the classifications say which Nice classes the case has.
  const goodsServices = niceClasses(statements(el, 'GS').map((s) => ({
    classNumber: (clean(txt(kid(s, 'type-code'))) ?? '').slice(2, 5), text: txt(kid(s, 'text')),
  })));
  const publicationDate = optionalDate(txt(kid(h, 'published-for-opposition-date')));
  const classes = findAll(kid(el, 'classifications'), 'classification');
  const firstUse = classes.map((c) => ({
    classNumber: Number(txt(kid(c, 'international-code'))),
    anywhere: optionalDate(txt(kid(c, 'first-use-anywhere-date'))),
    commerce: optionalDate(txt(kid(c, 'first-use-in-commerce-date'))),
  })).filter((c) => Number.isInteger(c.classNumber) && c.classNumber >= 1 && c.classNumber <= 45 && (c.anywhere || c.commerce));

  const owners = findAll(kid(el, 'case-file-owners'), 'case-file-owner');
  // Party types: 10 original applicant, 20 owner at publication, 30 original registrant, 31... later owners.
  const typeOf = (o: El) => Number(clean(txt(kid(o, 'party-type'))) ?? NaN);
  const latestType = Math.max(...owners.map(typeOf).filter(Number.isFinite));
  const current = Number.isFinite(latestType) ? owners.filter((o) => typeOf(o) === latestType) : owners;
  const holderRole: PartyRole = registrationNumber || registrationDate ? 'holder' : 'applicant';
  const ownerParty = (o: El) => party({
    name: txt(kid(o, 'party-name')),
    address: [txt(kid(o, 'address-1')), txt(kid(o, 'address-2')), txt(kid(o, 'city')), txt(kid(o, 'state')), txt(kid(o, 'postcode'))],
    country: txt(kid(o, 'country')) || txt(find(kid(o, 'nationality'), 'country')),
    nationality: txt(find(kid(o, 'nationality'), 'country')),
    // Legal entity type 01: an individual.
    natural: clean(txt(kid(o, 'legal-entity-type-code'))) === '01',
  });
  const attorney = party({ name: txt(kid(h, 'attorney-name')) });
  const c = kid(el, 'correspondent');
  const correspondent = c ? party({ name: txt(kid(c, 'address-1')), address: ['address-2', 'address-3', 'address-4', 'address-5'].map((n) => txt(kid(c, n))) }) : undefined;
  const events = findAll(kid(el, 'case-file-event-statements'), 'case-file-event-statement')
    .map((ev) => historyEvent(txt(kid(ev, 'date')), txt(kid(ev, 'code')), txt(kid(ev, 'description-text'))));

  const data = Object.fromEntries(Object.entries({
    mark: { kind, ...(text ? { text } : {}), ...(description ? { description } : {}) },
    goodsServices: goodsServices.length ? goodsServices : undefined,
    filingDate, registrationNumber, registrationDate, expiryDate, publicationDate,
    colourClaim,
    disclaimers: statements(el, 'D0').map((s) => clean(txt(kid(s, 'text')), 2000)).filter(Boolean),
    firstUse: firstUse.length ? firstUse.map((f) => Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined))) : undefined,
    markCategory: T(kid(h, 'service-mark-in')) ? 'Service mark' : T(kid(h, 'certification-mark-in')) ? 'Certification mark'
      : T(kid(h, 'collective-membership-mark-in')) ? 'Collective membership mark' : T(kid(h, 'collective-trademark-in')) || T(kid(h, 'collective-service-mark-in')) ? 'Collective mark' : 'Trademark',
    ...(correspondent ? { correspondent } : {}),
  }).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0)));

  const since = optionalDate(txt(kid(h, 'status-date')));
  return {
    seq, right: 'trademark', office: 'US', sourceId: serial, number: serial,
    payload: {
      source: { format: TDXF_FORMAT, office: 'US', id: serial, number: serial },
      state,
      ...(since ? { since } : {}),
      public: !!(publicationDate || registrationDate || registrationNumber),
      data,
      parties: distinctParties([
        ...current.map((o) => ({ role: holderRole, party: ownerParty(o) })),
        { role: 'representative', party: attorney },
      ]),
      history: history(events),
    },
  };
}

