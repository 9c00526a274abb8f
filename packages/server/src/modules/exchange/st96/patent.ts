// Patents and utility models: a pat:PatentLegalStatus (ST.27 legal status) of a PatentLegalStatusData
// document (PatentLegalStatusData_V6_0.xsd), the ST.96 document that holds many applications. The
// bibliographic data goes where ST.27 gives it a place: the application, publication and grant
// identifications, and the data of the events (applicants, title and priorities with the filing, owners
// and inventors with the grant, the publication with its event, why the right ended with its end).
// V6_0 has no place for the IPC in this document.
import { contact, lazyCodeList, date, isoCountry, isoLanguage, NS, owners, partiesIn, publicationContact, st3, ST96_VERSION } from './common.ts';
import type { ExportCase, ExportEvent, ExportParty } from './model.ts';
import type { St96Out } from './writer.ts';

const SCHEMA = 'PatentLegalStatusData_V6_0.xsd';
const keyEvents = lazyCodeList(SCHEMA, 'KeyEventCodeType');
const detailedEvents = lazyCodeList(SCHEMA, 'DetailedEventCodeType');

export const patentDocument = {
  root: 'pat:PatentLegalStatusData',
  attrs: { 'xmlns:pat': NS.pat, 'xmlns:com': NS.com, 'com:st96Version': ST96_VERSION },
  body(o: St96Out, cases: readonly ExportCase[]) {
    for (const c of cases) { legalStatus(o, c); o.endOfRecord(); }
  },
};

/**
 * ST.27 state (A active, N not active, T terminated, U unspecified) and stage (1 filing, 2 examination,
 * 4 grant, 6 terminated) of each state of the patent and utility-model procedures.
 */
const ST27_STATES: Record<string, { state: 'A' | 'N' | 'T' | 'U'; stage: string }> = {
  incomplete: { state: 'A', stage: '1' },
  formalities: { state: 'A', stage: '1' },
  'formalities-deficient': { state: 'A', stage: '1' },
  'awaiting-examination-request': { state: 'A', stage: '2' },
  search: { state: 'A', stage: '2' },
  examination: { state: 'A', stage: '2' },
  'office-action': { state: 'A', stage: '2' },
  'grant-intended': { state: 'A', stage: '2' },
  'awaiting-grant': { state: 'A', stage: '2' },
  granted: { state: 'A', stage: '4' },
  registered: { state: 'A', stage: '4' },
  'in-force': { state: 'A', stage: '4' },
  // Lapsed but restorable: not active, and likely to end.
  lapsed: { state: 'N', stage: '6' },
  'restoration-requested': { state: 'N', stage: '6' },
  ceased: { state: 'T', stage: '6' },
  expired: { state: 'T', stage: '6' },
  surrendered: { state: 'T', stage: '6' },
  refused: { state: 'T', stage: '6' },
  withdrawn: { state: 'T', stage: '6' },
  'deemed-withdrawn': { state: 'T', stage: '6' },
  'not-accorded': { state: 'T', stage: '6' },
  converted: { state: 'T', stage: '6' },
};
const UNSPECIFIED = { state: 'U', stage: '0' } as const;
const st27State = (state: string | null) => (state ? ST27_STATES[state] ?? UNSPECIFIED : UNSPECIFIED);

/** Why an application or a right ended (ST.96 ReasonNotInForceCategory), by ST.27 detailed event. */
const NOT_IN_FORCE: Record<string, string> = {
  B11: 'Withdrawn', B12: 'Withdrawn', B15: 'Refused', H11: 'Lapsed', H13: 'Lapsed', H14: 'Expired', H15: 'Surrendered',
};

function legalStatus(o: St96Out, c: ExportCase): void {
  const d = c.data;
  const office = st3(c.office) ?? c.office;
  o.each('pat:PatentLegalStatus', () => {
    o.el('pat:ApplicationIdentification', () => {
      o.leaf('com:IPOfficeCode', office);
      o.el('com:ApplicationNumber', () => o.leaf('com:ApplicationNumberText', c.number));
      o.leaf('com:FilingLanguageCode', isoLanguage(d.language));
      o.leaf('pat:ApplicationFilingCategory', d.internationalApplication ? 'PCT' : 'National');
      o.leaf('pat:FilingDate', date(c.filingDate));
    });
    const parent = d.parentApplication ?? d.convertedFrom;
    if (parent?.number) {
      o.each('pat:RelatedApplicationIdentification', () => {
        o.leaf('com:IPOfficeCode', office);
        o.el('com:ApplicationNumber', () => o.leaf('com:ApplicationNumberText', parent.number));
        o.leaf('pat:FilingDate', date(parent.filingDate));
      });
    }
    if (date(d.publicationDate)) o.each('pat:PatentPublicationIdentification', () => publication(o, c, office));
    const grantNumber = d.patentNumber ?? d.registrationNumber;
    if (grantNumber) {
      o.each('pat:PatentGrantIdentification', () => {
        o.leaf('com:IPOfficeCode', office);
        o.leaf('pat:PatentNumber', grantNumber);
        o.leaf('pat:GrantDate', date(d.grantDate ?? d.registrationDate));
      });
    }
    o.leaf('com:IPRightKindCategory', c.right === 'utility-model' ? 'Utility model' : 'Patent for invention');
    o.el('pat:StatusEventDataBag', () => {
      const list = c.events.filter((e) => e.standard === 'ST.27');
      if (list.length) for (const e of list) statusEvent(o, c, e, office);
      else received(o, c);
    });
  });
}

function publication(o: St96Out, c: ExportCase, office: string): void {
  // Published by WIPO (an international application in the national phase): WIPO's publication number
  // (or the international application's, where the publication's is not known); else the office
  // publishes the application under its own number.
  const byWipo = typeof c.data.publishedBy === 'string';
  o.leaf('com:IPOfficeCode', byWipo ? 'WO' : office);
  o.leaf('pat:PublicationNumber', byWipo ? (c.data.publishedBy !== 'WIPO' ? c.data.publishedBy : c.data.internationalApplication?.number ?? c.number) : c.number);
  o.leaf('com:PublicationDate', date(c.data.publicationDate));
}

/** A case with no legal-status event yet (received without a filing date): its receipt, as ST.27 "A00". */
function received(o: St96Out, c: ExportCase): void {
  const s = st27State(c.state);
  o.each('pat:StatusEventData', () => {
    o.el('pat:StatusEventCode', () => {
      o.leaf('com:StateCode', s.state);
      o.leaf('com:PreviousStageCode', '0');
      o.leaf('com:CurrentStageCode', s.stage);
      o.leaf('pat:KeyEventCode', 'A00');
      o.leaf('pat:DetailedEventCode', 'A00');
    });
    o.leaf('com:EventDate', c.receivedOn);
  });
}

function statusEvent(o: St96Out, c: ExportCase, e: ExportEvent, office: string): void {
  const keys = keyEvents();
  const details = detailedEvents();
  const key = keys.has(e.category) ? e.category : `${e.category[0] ?? 'W'}00`;
  const detailed = e.detailedCode && details.has(e.detailedCode) ? e.detailedCode : `${key[0]}00`;
  const before = st27State(e.stateBefore);
  const after = st27State(e.stateAfter);
  o.each('pat:StatusEventData', () => {
    o.leaf('com:StatusEventIdentifier', `${c.number}-${e.seq}`);
    o.el('pat:StatusEventCode', () => {
      o.leaf('com:StateCode', after.state);
      o.leaf('com:PreviousStageCode', e.stateBefore ? before.stage : '0');
      o.leaf('com:CurrentStageCode', after.stage);
      o.leaf('pat:KeyEventCode', keys.has(key) ? key : 'W00');
      o.leaf('pat:DetailedEventCode', details.has(detailed) ? detailed : 'W00');
      o.leaf('pat:NationalEventCode', e.act);
    });
    o.leaf('com:EventDate', e.eventDate);
    o.leaf('com:EffectiveDate', e.effectiveDate);
    eventData(o, c, e, key, detailed, office);
  });
}

function eventData(o: St96Out, c: ExportCase, e: ExportEvent, key: string, detailed: string, office: string): void {
  const d = c.data;
  const pub = publicationContact(c);
  switch (key) {
    case 'A10':
      o.el('pat:ApplicationFilingEventData', () => {
        o.leaf('com:CommentText', e.title, { 'com:sequenceNumber': 1 });
        const applicants = partiesIn(c, 'applicant', 'holder');
        if (applicants.length) o.el('pat:ApplicantBag', () => applicants.forEach((p, i) => o.each('pat:Applicant', () => applicant(o, p, pub), { 'com:sequenceNumber': i + 1 })));
        inventionTitle(o, c);
        priorityClaims(c).forEach((p, i) => o.each('pat:PriorityApplicationIdentification', () => priority(o, p), { 'com:sequenceNumber': i + 1 }));
        const ia = d.internationalApplication;
        if (ia?.number && date(ia.filingDate)) {
          o.el('pat:InternationalFilingData', () => {
            o.el('pat:ApplicationIdentification', () => {
              o.leaf('com:IPOfficeCode', 'WO');
              o.el('com:ApplicationNumber', () => o.leaf('com:ApplicationNumberText', ia.number));
              o.leaf('pat:FilingDate', ia.filingDate);
            });
            o.leaf('pat:NationalStageFilingDate', e.eventDate);
          });
        }
      });
      return;
    case 'B10':
      o.el('pat:ApplicationDiscontinuationEventData', () => {
        o.leaf('com:CommentText', e.title, { 'com:sequenceNumber': 1 });
        o.leaf('com:ReasonNotInForceCategory', NOT_IN_FORCE[detailed] ?? 'Discontinued');
        o.leaf('com:NotInForceDate', e.effectiveDate);
      });
      return;
    case 'F10':
      o.el('pat:IPRightGrantEventData', () => {
        o.leaf('com:CommentText', e.title, { 'com:sequenceNumber': 1 });
        const list = owners(c);
        if (list.length) o.el('pat:OwnerBag', () => list.forEach((p, i) => o.each('pat:Owner', () => contact(o, p, pub), { 'com:sequenceNumber': i + 1 })));
        inventionTitle(o, c);
        const claims = priorityClaims(c);
        if (claims.length) o.el('pat:PriorityApplicationIdentificationBag', () => claims.forEach((p, i) => o.each('pat:PriorityApplicationIdentification', () => priority(o, p), { 'com:sequenceNumber': i + 1 })));
        inventorBag(o, c);
      });
      return;
    case 'H10':
      o.el('pat:IPRightCessationEventData', () => {
        o.leaf('com:CommentText', e.title, { 'com:sequenceNumber': 1 });
        o.leaf('com:ReasonNotInForceCategory', NOT_IN_FORCE[detailed] ?? 'Terminated');
        o.leaf('com:NotInForceDate', e.effectiveDate);
        o.leaf('com:ExpiryDate', detailed === 'H14' ? date(d.expiryDate) : null);
      });
      return;
    case 'Q10':
      o.el('pat:DocumentPublicationEventData', () => {
        o.leaf('com:CommentText', e.title, { 'com:sequenceNumber': 1 });
        if (date(d.publicationDate)) o.el('pat:PatentPublicationIdentification', () => publication(o, c, office));
      });
      return;
    default: {
      // Other events: the event data element of their category, with what happened in words.
      const element = EVENT_DATA[key[0]];
      if (element) o.el(element, () => o.leaf('com:CommentText', e.title, { 'com:sequenceNumber': 1 }));
      else o.el('pat:OtherEventData', () => o.leaf('pat:NationalEventDescriptionText', e.title));
    }
  }
}

/** The event data element of each ST.27 category (the letter of its key event). */
const EVENT_DATA: Record<string, string> = {
  C: 'pat:ApplicationRevivalEventData', D: 'pat:SearchExaminationEventData', E: 'pat:PreGrantReviewRequestEventData',
  G: 'pat:ProtectionBeyondIPRightTermEventData', K: 'pat:IPRightRevivalEventData', L: 'pat:IPRightReviewRequestEventData',
  M: 'pat:IPRightMaintenanceEventData', N: 'pat:PermanentTerminationEventData', P: 'pat:DocumentModificationEventData',
  R: 'pat:PartyChangeEventData', S: 'pat:LicensingInformationEventData', T: 'pat:AdministrativeProcedureAdjustmentEventData',
  U: 'pat:PaymentEventData', V: 'pat:AppealEventData', Y: 'pat:CorrectionEventData',
};

function applicant(o: St96Out, p: ExportParty, pub: boolean): void {
  contact(o, p, pub);
  o.leaf('com:NationalityCode', isoCountry(p.nationality));
  o.leaf('com:ResidenceCountryCode', isoCountry(p.country));
}

function inventorBag(o: St96Out, c: ExportCase): void {
  const inventors = partiesIn(c, 'inventor');
  if (!inventors.length) return;
  o.el('pat:InventorBag', () => inventors.forEach((p, i) => o.each('pat:Inventor', () => {
    contact(o, p, publicationContact(c));
    o.leaf('com:NationalityCode', isoCountry(p.nationality));
  }, { 'com:sequenceNumber': i + 1 })));
}

function inventionTitle(o: St96Out, c: ExportCase): void {
  const title = c.data.title;
  if (typeof title === 'string' && title) o.leaf('pat:InventionTitle', title, { 'com:languageCode': isoLanguage(c.data.language) });
}

/** The priority claims that count (a claim whose restoration was refused is lost). */
const priorityClaims = (c: ExportCase): { office: string; number: string; date: string }[] =>
  (Array.isArray(c.data.priorityClaims) ? c.data.priorityClaims : [])
    .filter((p: any) => st3(p?.office) && p.number && date(p.date) && p.restoration?.status !== 'refused');

function priority(o: St96Out, p: { office: string; number: string; date: string }): void {
  o.leaf('com:IPOfficeCode', p.office);
  o.el('com:ApplicationNumber', () => o.leaf('com:ApplicationNumberText', p.number));
  o.leaf('pat:FilingDate', p.date);
}
