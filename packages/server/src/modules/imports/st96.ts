// WIPO ST.96 documents as records of a previous register: each Trademark of a trademark document
// (TrademarkApplication, a USPTO TSDR TrademarkTransaction ...), a DesignApplication, a GIApplication,
// a PatentPublication. Read leniently by the elements' local names, so the early profiles offices
// publish (not valid against V6_0) read as well as V6_0 documents; nothing is validated against a schema.
import type { PartyData, PartyRole } from '@registrum/procedures';
import { at, deepText, find, findAll, kid, kids, parseRecord, txt, type El, type RawRecord, type XmlLimits } from './xml.ts';
import {
  clean, distinctParties, history, historyEvent, invalidValue, isOfficeCode, missing, niceClasses, optionalDate, party, rejected,
  sourceDate, st96MarkKind, stateFromWords, usptoMarkKind, usptoTrademarkState, usTrademarkExpiry,
  type Mapped, type SourceRecord,
} from './records.ts';

export const ST96_FORMAT = 'st96';

/** The elements that are one record each. */
export const ST96_RECORDS: ReadonlySet<string> = new Set(['Trademark', 'DesignApplication', 'GIApplication', 'PatentPublication']);

/** One record of an ST.96 document as a record to take over, or the reason it cannot be. */
export function mapSt96(raw: RawRecord, limits?: XmlLimits): Mapped {
  let el: El;
  try { el = parseRecord(raw.xml, limits); } catch (e: any) { return { seq: raw.index, error: e }; }
  try {
    switch (raw.name) {
      case 'Trademark': return trademark(el, raw.index);
      case 'DesignApplication': return design(el, raw.index);
      case 'GIApplication': return gi(el, raw.index);
      case 'PatentPublication': return patent(el, raw.index);
      default: throw rejected('IMPORT_UNKNOWN_DOCUMENT', `'${raw.name}' is not a record this office takes over`, { element: raw.name });
    }
  } catch (e: any) {
    if (e?.code) return { seq: raw.index, error: e, ...identify(el, raw.name) };
    throw e;
  }
}

/** What a refused record was, as far as it can be told, for the report. */
function identify(el: El, name: string): { right?: SourceRecord['right']; office?: string; sourceId?: string } {
  const right = ({ Trademark: 'trademark', DesignApplication: 'design', GIApplication: 'gi', PatentPublication: 'patent' } as const)[name as 'Trademark'];
  const sourceId = clean(txt(find(el, 'ApplicationNumberText')), 200);
  return { ...(right ? { right } : {}), ...(sourceId ? { sourceId } : {}) };
}

// ---------------------------------------------------------------------------------------------------------
// Shared pieces

function nameOf(e: El | undefined): string | undefined {
  if (!e) return undefined;
  const first = clean(txt(find(e, 'FirstName')));
  const last = clean(txt(find(e, 'LastName')));
  return clean(txt(find(e, 'EntityName'))) ?? clean(txt(find(e, 'OrganizationStandardName'))) ?? clean(txt(find(e, 'PersonFullName')))
    ?? (first || last ? [first, last].filter(Boolean).join(' ') : undefined);
}

/** A party of an ST.96 document (Applicant, Representative, Designer, Inventor ...). */
function st96Party(e: El): PartyData | undefined {
  const legal = (clean(txt(find(e, 'LegalEntityName'))) ?? '').toUpperCase();
  const natural = legal ? legal === 'INDIVIDUAL' : !!find(e, 'PersonName') && !find(e, 'OrganizationName') && !find(e, 'EntityName');
  const postal = find(e, 'PostalAddress');
  const address = postal ? [
    ...findAll(postal, 'AddressLineText').map(txt), ...findAll(postal, 'PostalAddressText').map(txt),
    txt(find(postal, 'CityName')), txt(find(postal, 'GeographicRegionName')), txt(find(postal, 'PostalCode')),
  ] : [];
  return party({
    name: nameOf(e), address, natural,
    country: txt(find(postal, 'CountryCode')) || txt(find(e, 'IncorporationCountryCode')) || txt(find(e, 'NationalityCode')),
    email: txt(find(e, 'EmailAddressText')),
  });
}

/** Those entries with the latest sequence number: the current owners where a record lists owners over time. */
function latest(entries: El[]): El[] {
  const seqs = entries.map((e) => Number(e.attrs.sequenceNumber));
  if (seqs.some((n) => !Number.isFinite(n))) return entries;
  const max = Math.max(...seqs);
  return entries.filter((_, i) => seqs[i] === max);
}

function priorityClaims(list: El[]): { office: string; number: string; date: string }[] {
  const out: { office: string; number: string; date: string }[] = [];
  for (const p of list) {
    const office = clean(txt(find(p, 'PriorityCountryCode')) || txt(find(p, 'IPOfficeCode')));
    const number = clean(txt(find(p, 'ApplicationNumberText')) || txt(find(p, 'PriorityRegistrationNumber')), 50);
    const date = optionalDate(txt(find(p, 'PriorityApplicationFilingDate')) || txt(find(p, 'FilingDate')));
    if (isOfficeCode(office) && number && date) out.push({ office, number, date });
  }
  return out;
}

const required = <T>(v: T | undefined, what: string): T => { if (v === undefined || v === null || v === '') throw missing(what); return v; };

function officeOf(...candidates: (string | undefined)[]): string {
  for (const c of candidates) { const o = clean(c)?.toUpperCase(); if (isOfficeCode(o)) return o; }
  throw missing('office code (ST.3)');
}

const drop = <T extends Record<string, unknown>>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0))) as T;

function record(seq: number, right: SourceRecord['right'], office: string, sourceId: string, p: Omit<SourceRecord['payload'], 'source'>): SourceRecord {
  return { seq, right, office, sourceId, number: sourceId, payload: { source: { format: ST96_FORMAT, office, id: sourceId, number: sourceId }, ...p, data: drop(p.data) } };
}

// ---------------------------------------------------------------------------------------------------------
// Trademarks

function trademark(el: El, seq: number): SourceRecord {
  const sourceId = required(clean(txt(at(el, 'ApplicationNumber/ApplicationNumberText')), 200), 'application number');
  const office = officeOf(txt(kid(el, 'RegistrationOfficeCode')), txt(at(el, 'ApplicationNumber/IPOfficeCode')), txt(kid(el, 'FilingPlace')));
  const filingDate = sourceDate(txt(kid(el, 'ApplicationDate')), 'application date');
  const regNo = clean(txt(kid(el, 'RegistrationNumber')), 100);
  const registrationNumber = regNo && /[1-9]/.test(regNo) ? regNo : undefined;
  const registrationDate = sourceDate(txt(kid(el, 'RegistrationDate')), 'registration date');

  const statusCode = clean(txt(kid(el, 'MarkCurrentStatusCode')));
  const statusWords = clean(txt(kid(el, 'MarkCurrentStatusCategory')));
  const state = (statusCode && /^\d+$/.test(statusCode) ? usptoTrademarkState(statusCode) : stateFromWords('trademark', statusCode ?? statusWords))
    ?? stateFromWords('trademark', statusWords);
  if (!state) throw rejected('IMPORT_UNKNOWN_STATUS', `The status '${statusCode ?? statusWords ?? ''}' has no equivalent in the trademark procedure`, { status: statusCode ?? statusWords ?? null });

  const renewals = findAll(el, 'RenewalDate').length || (statusCode === '800' ? 1 : 0);
  const expiryDate = sourceDate(txt(kid(el, 'ExpiryDate')), 'expiry date')
    ?? (office === 'US' && registrationDate ? usTrademarkExpiry(registrationDate, renewals) : undefined);

  const words = find(el, 'WordMarkSpecification');
  const text = clean(txt(find(words, 'MarkVerbalElementText')), 500);
  const kind = st96MarkKind(txt(find(el, 'MarkFeatureCategory'))) ?? usptoMarkKind(txt(find(el, 'MarkFeatureCode')), !!text);
  const description = findAll(el, 'MarkDescriptionText').map((d) => clean(txt(d), 5000)).find(Boolean);
  const goodsServices = niceClasses(findAll(kid(el, 'GoodsServicesBag'), 'ClassDescription').map((cd) => ({
    classNumber: txt(kid(cd, 'ClassNumber')), text: kids(cd, 'GoodsServicesDescriptionText').map(txt),
  })));
  const publicationDate = findAll(kid(el, 'PublicationBag'), 'PublicationDate').map((d) => optionalDate(txt(d))).find(Boolean);
  const disclaimers = findAll(kid(el, 'MarkDisclaimerBag'), 'MarkDisclaimerText').map((d) => clean(txt(d), 2000)).filter((d): d is string => !!d);

  const holderRole: PartyRole = registrationNumber || registrationDate ? 'holder' : 'applicant';
  const owners = latest(kids(kid(el, 'ApplicantBag'), 'Applicant'));
  const attorney = kid(el, 'RecordAttorney') ?? kid(el, 'NationalRepresentative') ?? find(kid(el, 'RepresentativeBag'), 'Representative');
  const attorneyParty = attorney && nameOf(attorney) ? st96Party(attorney) : undefined;
  const correspondent = kid(el, 'NationalCorrespondent');
  const correspondentParty = correspondent && nameOf(correspondent) ? st96Party(correspondent) : undefined;

  const events = findAll(kid(el, 'MarkEventBag'), 'MarkEvent').map((ev) => historyEvent(
    txt(kid(ev, 'MarkEventDate')),
    txt(find(ev, 'MarkEventCode')) || txt(kid(ev, 'MarkEventCategory')),
    txt(find(ev, 'MarkEventDescriptionText')) || txt(kid(ev, 'MarkEventCategory')),
  ));
  return record(seq, 'trademark', office, sourceId, {
    state,
    ...(optionalDate(txt(kid(el, 'MarkCurrentStatusDate'))) ? { since: optionalDate(txt(kid(el, 'MarkCurrentStatusDate'))) } : {}),
    public: !!(publicationDate || registrationDate || registrationNumber),
    data: {
      mark: { kind, ...(text ? { text } : {}), ...(description ? { description } : {}) },
      goodsServices, filingDate, registrationNumber, registrationDate, expiryDate, publicationDate,
      priorityClaims: priorityClaims(findAll(kid(el, 'PriorityBag'), 'Priority')),
      disclaimers,
      markCategory: clean(txt(kid(el, 'MarkCategory')), 100),
      ...(correspondentParty ? { correspondent: correspondentParty } : {}),
    },
    parties: distinctParties([
      ...owners.map((o) => ({ role: holderRole, party: st96Party(o) })),
      { role: 'representative', party: attorneyParty },
    ]),
    history: history(events),
  });
}

// ---------------------------------------------------------------------------------------------------------
// Industrial designs

function locarno(text: string | undefined): { class: string; subclass: string } | undefined {
  const m = /^(\d{1,2})\s*[-.\s]\s*(\d{1,2})$/.exec(clean(text) ?? '');
  if (!m) return undefined;
  return { class: m[1].padStart(2, '0'), subclass: m[2].padStart(2, '0') };
}

function design(el: El, seq: number): SourceRecord {
  const sourceId = required(clean(txt(at(el, 'ApplicationNumber/ApplicationNumberText')), 200), 'application number');
  const office = officeOf(txt(kid(el, 'RegistrationOfficeCode')), txt(at(el, 'ApplicationNumber/IPOfficeCode')), txt(kid(el, 'ReceivingOfficeCode')));
  const list = kids(kid(el, 'DesignBag'), 'Design');
  if (list.length === 0) throw missing('design');
  const first = list[0];
  const filingDate = sourceDate(txt(kid(el, 'ApplicationDate')) || txt(find(el, 'ApplicationDate')), 'application date');
  const designs = list.map((d, i) => {
    const products = kids(d, 'DesignTitleText').map((t) => clean(txt(t), 500)).filter((t): t is string => !!t);
    const cls = locarno(txt(find(d, 'LocarnoClassificationText')));
    if (!cls) throw invalidValue(`Locarno classification of design ${i + 1}`, txt(find(d, 'LocarnoClassificationText')));
    const description = clean(kids(d, 'DesignDescriptionText').map(txt).join(' '), 5000);
    if (products.length === 0) throw missing(`indication of the product of design ${i + 1}`);
    // The representation's files are not in the document: the views stay to be filed.
    return { number: i + 1, products, locarno: cls, views: [], ...(description ? { description } : {}) };
  });
  const status = clean(txt(kid(first, 'DesignCurrentStatusCategory')) || txt(find(el, 'DesignCurrentStatusCategory')));
  const registrationDate = sourceDate(txt(kid(first, 'RegistrationDate')), 'registration date');
  const registrationNumber = clean(txt(kid(first, 'RegistrationNumber')), 100);
  const state = stateFromWords('design', status) ?? (registrationDate ? 'registered' : null);
  if (!state) throw rejected('IMPORT_UNKNOWN_STATUS', `The status '${status ?? ''}' has no equivalent in the design procedure`, { status: status ?? null });
  const publicationDate = findAll(kid(first, 'PublicationBag'), 'PublicationDate').map((d) => optionalDate(txt(d))).find(Boolean);
  const holderRole: PartyRole = registrationDate || registrationNumber ? 'holder' : 'applicant';
  const applicants = kids(kid(el, 'ApplicantBag'), 'Applicant');
  const events = findAll(kid(el, 'DesignApplicationEventBag'), 'DesignApplicationEvent').map((ev) => historyEvent(
    txt(kid(ev, 'DesignApplicationEventDate')), txt(kid(ev, 'DesignApplicationEventCategory')), txt(kid(ev, 'CommentText')),
  ));
  return record(seq, 'design', office, sourceId, {
    state,
    ...(optionalDate(txt(kid(first, 'DesignCurrentStatusDate'))) ? { since: optionalDate(txt(kid(first, 'DesignCurrentStatusDate'))) } : {}),
    public: !!(publicationDate || state === 'registered'),
    data: {
      filingDate, designs, registrationNumber, registrationDate,
      expiryDate: sourceDate(txt(kid(first, 'ExpiryDate')), 'expiry date'),
      publicationDate,
      designsInForce: state === 'registered' || state === 'registered-deferred' ? designs.map((d) => d.number) : undefined,
      priorityClaims: priorityClaims(findAll(kid(first, 'PriorityBag'), 'Priority')),
    },
    parties: distinctParties([
      ...(applicants.length ? applicants : kids(kid(first, 'ApplicantBag'), 'Applicant')).map((a) => ({ role: holderRole, party: st96Party(a) })),
      ...findAll(el, 'Representative').slice(0, 1).map((r) => ({ role: 'representative' as const, party: st96Party(r) })),
      ...findAll(el, 'Designer').map((d) => ({ role: 'designer' as const, party: st96Party(d) })),
    ]),
    history: history(events),
  });
}

// ---------------------------------------------------------------------------------------------------------
// Geographical indications

function gi(el: El, seq: number): SourceRecord {
  const data = kid(el, 'GIData') ?? el;
  const sourceId = required(clean(txt(at(data, 'ApplicationNumber/ApplicationNumberText')), 200), 'application number');
  const office = officeOf(data.attrs.officeCode, txt(find(data, 'IPOfficeCode')), el.attrs.officeCode);
  const nameEl = find(data, 'GINameText');
  const name = required(clean(txt(nameEl), 300), 'name of the geographical indication');
  const translation = clean(txt(find(data, 'GINameTranslationText')), 300);
  const language = clean(nameEl?.attrs.languageCode ?? data.attrs.languageCode);
  const registrationDate = sourceDate(txt(find(data, 'RegistrationDate')), 'registration date');
  const registrationNumber = clean(txt(find(data, 'RegistrationNumber')), 100);
  const publicationDate = findAll(find(data, 'GIPublicationBag'), 'PublicationDate').map((d) => optionalDate(txt(d))).find(Boolean);
  const status = clean(txt(find(data, 'GIStatusCategory')) || txt(find(el, 'GICurrentStatusCategory')));
  const state = stateFromWords('gi', status) ?? (registrationDate || registrationNumber ? 'registered' : publicationDate ? 'published' : 'examination');
  const classes = findAll(find(data, 'ProductIndicationBag'), 'ClassNumber').map((c) => Number(txt(c))).filter((n) => Number.isInteger(n) && n >= 1 && n <= 45);
  const product = clean(deepText(find(data, 'FeatureDescriptionBag')) || deepText(find(data, 'ProductIndicationBag')), 5000);
  const area = clean(findAll(find(data, 'GeographicRegionDescriptionBag'), 'GeographicRegionDescriptionText').map(txt).join('; '), 20_000);
  // A published indication's objection period ran from its publication.
  const since = state === 'published' ? publicationDate : undefined;
  return record(seq, 'gi', office, sourceId, {
    state,
    ...(since ? { since } : {}),
    public: !!(publicationDate || registrationDate),
    data: {
      filingDate: sourceDate(txt(find(data, 'ApplicationDate')), 'application date'),
      kind: clean(txt(find(data, 'GICategory')), 100),
      name: drop({ text: name, language: language && /^[a-z]{2,3}$/.test(language) ? language : undefined, translation }),
      product: product || classes.length ? drop({ description: product, niceClasses: classes }) : undefined,
      area: area ? { description: area } : undefined,
      publicationDate, registrationDate, registrationNumber,
      authorizedUsers: findAll(el, 'AuthorizedUser').map((u) => nameOf(u)).filter((n): n is string => !!n),
    },
    parties: distinctParties([
      ...kids(kid(el, 'ApplicantBag'), 'Applicant').map((a) => ({ role: 'applicant' as const, party: st96Party(a) })),
      ...findAll(el, 'Representative').slice(0, 1).map((r) => ({ role: 'representative' as const, party: st96Party(r) })),
    ]),
    history: history(findAll(el, 'GIEvent').map((ev) => historyEvent(txt(find(ev, 'EventDate')) || txt(find(ev, 'Date')), txt(find(ev, 'EventCategory')), deepText(ev)))),
  });
}

// ---------------------------------------------------------------------------------------------------------
// Patents

function ipcSymbol(c: El): string | undefined {
  const [section, klass, sub, main, group] = ['Section', 'Class', 'Subclass', 'MainGroup', 'Subgroup'].map((n) => clean(txt(kid(c, n))) ?? '');
  const s = `${section}${klass.padStart(2, '0')}${sub} ${main}/${group.padStart(2, '0')}`;
  return /^[A-H][0-9]{2}[A-Z] [0-9]{1,4}\/[0-9]{2,6}$/.test(s) ? s : undefined;
}

function patent(el: El, seq: number): SourceRecord {
  const bib = kid(el, 'BibliographicData') ?? el;
  const app = kid(bib, 'ApplicationIdentification');
  const sourceId = required(clean(txt(at(app, 'ApplicationNumber/ApplicationNumberText')), 200), 'application number');
  const office = officeOf(txt(kid(app, 'IPOfficeCode')), txt(kid(el, 'IPOfficeCode')));
  const pub = kid(bib, 'PatentPublicationIdentification');
  const kindCode = clean(txt(kid(pub, 'PatentDocumentKindCode'))) ?? '';
  const publicationDate = sourceDate(txt(kid(pub, 'PublicationDate')), 'publication date');
  const granted = /^[BCEP]/.test(kindCode);
  const title = clean(txt(find(kid(bib, 'InventionTitleBag'), 'InventionTitle')) || txt(find(bib, 'InventionTitle')), 500);
  const claims = findAll(kid(el, 'Claims'), 'Claim').map((c) => clean(deepText(c), 50_000)).filter((c): c is string => !!c).slice(0, 500);
  const abstract = clean(deepText(find(el, 'Abstract')), 10_000);
  const ipc = [...new Set(findAll(bib, 'IPCRClassification').map(ipcSymbol).filter((s): s is string => !!s))].slice(0, 100);
  const parties = kid(bib, 'PartyBag');
  const applicants = findAll(kid(parties, 'ApplicantBag'), 'Applicant').map(st96Party);
  const inventors = findAll(kid(parties, 'InventorBag'), 'Inventor').map(st96Party);
  const assignees = findAll(kid(parties, 'AssigneeBag'), 'Assignee').map(st96Party);
  const practitioner = find(kid(parties, 'RegisteredPractitionerBag'), 'RegisteredPractitioner') ?? find(parties, 'Representative');
  const earlier = findAll(find(bib, 'RelatedPublication'), 'PublicationDate').map((d) => optionalDate(txt(d))).find(Boolean);
  const number = clean(txt(kid(pub, 'PublicationNumber')), 100);
  return record(seq, 'patent', office, sourceId, {
    state: granted ? 'granted' : 'examination',
    public: true,
    data: {
      filingDate: sourceDate(txt(kid(app, 'FilingDate')), 'filing date'),
      title,
      abstract,
      claims,
      ipc,
      applicants: applicants.filter(Boolean),
      inventors: inventors.filter(Boolean),
      priorityClaims: priorityClaims(findAll(kid(bib, 'PriorityClaimBag'), 'PriorityClaim')),
      publicationDate: granted ? earlier ?? publicationDate : publicationDate,
      publicationNumber: granted ? undefined : number,
      ...(granted ? { grantDate: publicationDate, grantPublicationDate: publicationDate, patentNumber: number, documentKind: kindCode } : { documentKind: kindCode || undefined }),
    },
    parties: distinctParties([
      ...applicants.map((p) => ({ role: 'applicant' as const, party: p })),
      ...(granted ? assignees.map((p) => ({ role: 'holder' as const, party: p })) : []),
      ...inventors.map((p) => ({ role: 'inventor' as const, party: p ? { ...p, kind: 'natural' as const } : p })),
      { role: 'representative', party: practitioner ? st96Party(practitioner) : undefined },
    ]),
    history: [],
  });
}
