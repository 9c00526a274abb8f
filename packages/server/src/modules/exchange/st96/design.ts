// Industrial designs: a dgn:DesignApplication (one per case, each of its designs a dgn:Design) of a
// DesignApplicationBag (DesignApplicationBag_V6_0.xsd).
import {
  applicationNumber, lazyCodeList, contact, date, fileName, formatCategory, isoCountry, isoLanguage, mayReferTo, NS, owners,
  partiesIn, publicationContact, publicationIdentifier, representativeBag, st3, ST96_VERSION,
} from './common.ts';
import type { ExportCase, ExportParty } from './model.ts';
import type { St96Out } from './writer.ts';

const SCHEMA = 'DesignApplicationBag_V6_0.xsd';
const applicationStatuses = lazyCodeList(SCHEMA, 'DesignApplicationCurrentStatusCategoryType');
const designStatuses = lazyCodeList(SCHEMA, 'DesignCurrentStatusCategoryType');
const designEvents = lazyCodeList(SCHEMA, 'DesignEventCategoryType');

/**
 * The Locarno edition the office classifies under (the class list in reference/locarno is that of the
 * 14th edition). ST.96 requires an edition with every Locarno classification.
 */
export const LOCARNO_EDITION = '14';

export const designDocument = {
  root: 'dgn:DesignApplicationBag',
  attrs: { 'xmlns:dgn': NS.dgn, 'xmlns:com': NS.com, 'com:st96Version': ST96_VERSION },
  body(o: St96Out, cases: readonly ExportCase[]) {
    for (const c of cases) { designApplication(o, c); o.endOfRecord(); }
  },
};

interface Design { number: number; products?: string[]; locarno?: { class: string; subclass: string }; views?: { sha256: string; title?: string; mediaType?: string }[]; description?: string }

function designApplication(o: St96Out, c: ExportCase): void {
  const d = c.data;
  const designs: Design[] = (Array.isArray(d.designs) ? d.designs : []).filter((x: any) => Number.isInteger(x?.number));
  const applicationStatus = applicationStatuses().has(c.statusCategory ?? '') ? c.statusCategory : null;
  o.each('dgn:DesignApplication', () => {
    o.leaf('com:RegistrationOfficeCode', st3(c.office) ?? c.office);
    applicationNumber(o, c);
    o.leaf('dgn:DesignApplicationLanguageCode', isoLanguage(d.language));
    o.leaf('dgn:DesignTotalQuantity', designs.length);
    o.leaf('dgn:DesignApplicationCurrentStatusCategory', applicationStatus);
    o.leaf('dgn:DesignApplicationCurrentStatusDate', applicationStatus ? c.statusDate : null);
    o.el('dgn:DesignBag', () => { for (const x of designs) design(o, c, x); });
    applicantBag(o, c);
    representativeBag(o, c);
    o.leaf('com:ApplicationDate', date(c.filingDate));
  }, { 'com:st96Version': ST96_VERSION });
}

function design(o: St96Out, c: ExportCase, x: Design): void {
  const d = c.data;
  const refused = Array.isArray(d.refusedDesigns) && d.refusedDesigns.includes(x.number);
  const lapsed = (Array.isArray(d.lapsedDesigns) ? d.lapsedDesigns : []).find((l: any) => l?.design === x.number);
  const status = refused ? 'Rejected' : lapsed ? 'Expired' : c.statusCategory;
  o.each('dgn:Design', () => {
    o.leaf('dgn:DesignIdentifier', String(x.number));
    o.leaf('com:RegistrationNumber', refused ? null : d.registrationNumber);
    o.leaf('com:RegistrationDate', refused ? null : date(d.registrationDate));
    o.leaf('dgn:DesignTitleText', (x.products ?? []).join('; '));
    if (x.description) o.leafEach('dgn:DesignDescriptionText', x.description, { 'com:sequenceNumber': 1 });
    o.leaf('dgn:PublicationDefermentIndicator', typeof d.deferPublication === 'boolean' ? d.deferPublication : null);
    o.leaf('dgn:DefermentPeriod', d.deferPublication === true && Number.isInteger(d.defermentMonths) ? d.defermentMonths : null, { 'com:periodCategory': 'In month' });
    o.leaf('com:ExpiryDate', refused ? null : date(lapsed ? lapsed.lastDay : d.expiryDate));
    o.leaf('dgn:DesignCurrentStatusCategory', status && designStatuses().has(status) ? status : null);
    o.leaf('dgn:DesignCurrentStatusDate', status && designStatuses().has(status) ? c.statusDate : null);
    views(o, c, x);
    o.el('com:DesignClassificationBag', () => o.el('com:LocarnoClassificationBag', () => {
      o.leaf('com:LocarnoClassificationEdition', LOCARNO_EDITION);
      o.each('com:LocarnoClassification', () => {
        o.leaf('com:LocarnoClass', x.locarno?.class ?? '');
        if (x.locarno?.subclass) {
          o.each('com:LocarnoSubclassBag', () => {
            o.leaf('com:LocarnoSubclass', x.locarno!.subclass);
            o.leaf('com:LocarnoSubclassProductIndicationText', (x.products ?? []).join('; '), { 'com:sequenceNumber': 1 });
          });
        }
      });
    }));
    priorities(o, d.priorityClaims);
    if (date(d.publicationDate)) {
      o.el('dgn:PublicationBag', () => o.each('dgn:Publication', () => {
        o.leaf('com:PublicationIdentifier', publicationIdentifier(c, d.publicationDate));
        o.leaf('dgn:DesignPublicationCategory', 'PostRegistration publication');
        o.leaf('com:PublicationDate', d.publicationDate);
      }));
    }
    applicantBag(o, c);
    representativeBag(o, c);
    const designers = partiesIn(c, 'designer');
    if (designers.length) {
      o.el('dgn:DesignerBag', () => designers.forEach((p, i) => o.each('dgn:Designer', () => {
        o.leaf('com:NationalityCode', isoCountry(p.nationality));
        contact(o, p, publicationContact(c));
      }, { 'com:sequenceNumber': i + 1 })));
    }
    const events = c.events.filter((e) => e.standard === 'ST.87' && designEvents().has(e.category));
    if (events.length) {
      o.el('dgn:DesignEventBag', () => {
        for (const e of events) {
          o.each('dgn:DesignEvent', () => {
            o.leaf('dgn:DesignEventCategory', e.category);
            o.leaf('com:CommentText', e.title, { 'com:sequenceNumber': e.seq });
            o.leaf('dgn:DesignEventDate', e.eventDate);
          });
        }
      });
    }
  });
}

function views(o: St96Out, c: ExportCase, x: Design): void {
  if (!mayReferTo(c, 'design-view')) return;
  const list = (x.views ?? []).map((v, i) => ({ v, i, file: fileName(v) })).filter((v) => v.file);
  if (!list.length) return;
  o.el('dgn:DesignRepresentationBag', () => o.each('dgn:DesignRepresentation', () => o.el('dgn:ViewBag', () => {
    for (const { v, i, file } of list) {
      o.each('dgn:View', () => {
        o.leaf('com:FileName', file);
        o.leaf('dgn:ViewIdentifier', `${x.number}.${i + 1}`);
        o.leaf('dgn:ViewFileFormatCategory', formatCategory(v.mediaType));
        o.leaf('com:Caption', v.title);
      });
    }
  })));
}

function priorities(o: St96Out, claims: unknown): void {
  const list = (Array.isArray(claims) ? claims : []).filter((p: any) => st3(p?.office) && date(p.date));
  if (!list.length) return;
  o.el('dgn:PriorityBag', () => {
    for (const p of list) {
      o.each('dgn:Priority', () => {
        o.leaf('com:PriorityCountryCode', p.office);
        if (p.number) o.el('com:ApplicationNumber', () => o.leaf('com:ApplicationNumberText', p.number));
        o.leaf('com:PriorityApplicationFilingDate', p.date);
        o.leaf('com:PriorityStatusCategory', 'Claimed');
      });
    }
  });
}

/** The applicants (required by ST.96 for the application and for each design). */
function applicantBag(o: St96Out, c: ExportCase): void {
  const list: ExportParty[] = owners(c);
  o.el('dgn:ApplicantBag', () => list.forEach((p, i) => o.each('dgn:Applicant', () => {
    o.leaf('com:NationalityCode', isoCountry(p.nationality));
    contact(o, p, publicationContact(c));
  }, { 'com:sequenceNumber': i + 1 })));
}
