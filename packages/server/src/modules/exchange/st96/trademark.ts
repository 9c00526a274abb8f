// Trademarks: a tmk:Trademark of a TrademarkApplication's TrademarkBag (TrademarkApplication_V6_0.xsd).
import {
  applicationNumber, lazyCodeList, contact, date, fileName, formatCategory, isoCountry, isoLanguage, mayReferTo, NS, owners,
  publicationContact, publicationIdentifier, representativeBag, st3, ST96_VERSION,
} from './common.ts';
import type { ExportCase, ExportEvent } from './model.ts';
import type { St96Out } from './writer.ts';

const SCHEMA = 'TrademarkApplication_V6_0.xsd';
const markEventCategories = lazyCodeList(SCHEMA, 'MarkEventCategoryType');
const markFeatures = lazyCodeList(SCHEMA, 'MarkFeatureCategoryType');

/** Nice classes as ST.96 writes them: two digits. */
export const niceClass = (n: unknown): string | null => (Number.isInteger(n) && (n as number) >= 1 && (n as number) <= 45 ? String(n).padStart(2, '0') : null);

export const trademarkDocument = {
  root: 'tmk:TrademarkApplication',
  attrs: { 'xmlns:tmk': NS.tmk, 'xmlns:com': NS.com, 'com:st96Version': ST96_VERSION },
  body(o: St96Out, cases: readonly ExportCase[]) {
    o.el('tmk:TrademarkBag', () => { for (const c of cases) { trademark(o, c); o.endOfRecord(); } });
  },
};

function trademark(o: St96Out, c: ExportCase): void {
  const d = c.data;
  o.each('tmk:Trademark', () => {
    o.leaf('com:RegistrationOfficeCode', st3(c.office));
    applicationNumber(o, c);
    o.leaf('com:RegistrationNumber', d.registrationNumber);
    o.leaf('com:ApplicationDate', date(c.filingDate));
    o.leaf('com:RegistrationDate', date(d.registrationDate));
    o.leaf('com:ApplicationLanguageCode', isoLanguage(d.language));
    o.leaf('com:ExpiryDate', date(d.expiryDate));
    o.leaf('tmk:MarkCurrentStatusCode', c.statusCategory);
    o.leaf('tmk:MarkCurrentStatusDate', c.statusCategory ? c.statusDate : null);
    // A designation under the Madrid Protocol: the international registration it comes from.
    if (d.international?.irNumber) {
      o.each('tmk:InternationalMarkIdentifierBag', () => o.leafEach('tmk:InternationalMarkIdentifier', d.international.irNumber, { 'com:officeCode': 'WO' }));
    }
    o.leafEach('tmk:MarkCategory', 'Trademark');
    markRepresentation(o, c);
    goodsServices(o, d.goodsServices);
    priorities(o, d.priorityClaims);
    publications(o, c);
    applicants(o, c);
    representativeBag(o, c);
    events(o, c.events);
  });
}

function markRepresentation(o: St96Out, c: ExportCase): void {
  const m = c.data.mark;
  if (!m || typeof m !== 'object') return;
  const image = mayReferTo(c, 'mark-image') ? fileName(m.image) : null;
  if (!m.text && !image) return; // nothing to reproduce: ST.96 needs the words or an image
  o.el('tmk:MarkRepresentation', () => {
    o.leaf('tmk:MarkFeatureCategory', markFeatures().has(m.kind) ? m.kind : null);
    o.el('tmk:MarkReproduction', () => {
      if (m.text) {
        o.el('tmk:WordMarkSpecification', () => {
          o.leaf('tmk:MarkVerbalElementText', m.text);
          o.leaf('tmk:MarkSignificantVerbalElementText', m.text);
          o.leaf('tmk:MarkStandardCharacterIndicator', m.kind === 'Word');
        });
      }
      if (image) {
        o.el('tmk:MarkImageBag', () => o.each('tmk:MarkImage', () => {
          o.leaf('com:FileName', image);
          o.leaf('com:ImageFormatCategory', formatCategory(m.image.mediaType));
          (Array.isArray(m.colours) ? m.colours : []).forEach((colour: string, i: number) =>
            o.leafEach('tmk:MarkImageColourClaimedText', colour, { 'com:sequenceNumber': i + 1 }));
        }));
      }
    });
    if (m.description) o.el('tmk:MarkDescriptionBag', () => o.leafEach('tmk:MarkDescriptionText', m.description));
  });
}

/** One tmk:GoodsServices per Nice class: its classification, its terms as filed and each term on its own. */
export function goodsServices(o: St96Out, list: unknown): void {
  const classes = (Array.isArray(list) ? list : []).filter((g: any) => niceClass(g?.classNumber) && Array.isArray(g.terms) && g.terms.length);
  if (!classes.length) return;
  o.el('tmk:GoodsServicesBag', () => {
    for (const g of classes) {
      const cls = niceClass(g.classNumber);
      o.each('tmk:GoodsServices', () => {
        o.el('tmk:GoodsServicesClassificationBag', () => o.each('tmk:GoodsServicesClassification', () => {
          o.leaf('tmk:ClassificationKindCode', 'Nice');
          o.leaf('tmk:ClassNumber', cls);
        }));
        o.el('tmk:ClassDescriptionBag', () => o.each('tmk:ClassDescription', () => {
          o.leaf('tmk:ClassNumber', cls);
          o.leafEach('tmk:GoodsServicesDescriptionText', g.terms.join('; '), { 'com:sequenceNumber': 1 });
          o.el('tmk:ClassificationTermBag', () => {
            for (const term of g.terms) o.each('tmk:ClassificationTerm', () => o.leaf('tmk:ClassificationTermText', term));
          });
        }));
      });
    }
  });
}

function priorities(o: St96Out, claims: unknown): void {
  const list = (Array.isArray(claims) ? claims : []).filter((p: any) => st3(p?.office) && date(p.date));
  if (!list.length) return;
  o.el('tmk:PriorityBag', () => {
    for (const p of list) {
      o.each('tmk:Priority', () => {
        o.leaf('com:PriorityCountryCode', p.office);
        if (p.number) o.el('com:ApplicationNumber', () => o.leaf('com:ApplicationNumberText', p.number));
        o.leaf('com:PriorityApplicationFilingDate', p.date);
        o.leaf('com:PriorityStatusCategory', 'Claimed');
      });
    }
  });
}

function publications(o: St96Out, c: ExportCase): void {
  const list = [
    { on: date(c.data.publicationDate), section: 'Applications publishing for opposition' },
    { on: date(c.data.registrationDate), section: 'Registrations publishing' },
  ].filter((p) => p.on);
  if (!list.length) return;
  o.el('tmk:PublicationBag', () => {
    for (const p of list) {
      o.each('tmk:Publication', () => {
        o.leaf('com:PublicationIdentifier', publicationIdentifier(c, p.on!));
        o.leaf('tmk:PublicationSectionCategory', p.section);
        o.leaf('com:PublicationDate', p.on);
      });
    }
  });
}

function applicants(o: St96Out, c: ExportCase): void {
  const list = owners(c);
  if (!list.length) return;
  o.el('tmk:ApplicantBag', () => list.forEach((p, i) => o.each('tmk:Applicant', () => {
    contact(o, p, publicationContact(c));
    o.leaf('com:NationalityCode', isoCountry(p.nationality));
  }, { 'com:sequenceNumber': i + 1 })));
}

function events(o: St96Out, list: readonly ExportEvent[]): void {
  const marks = list.filter((e) => e.standard === 'ST.61');
  if (!marks.length) return;
  o.el('tmk:MarkEventBag', () => {
    for (const e of marks) {
      o.each('tmk:MarkEvent', () => {
        // A category the schema does not list (an office's own event) is a national prosecution entry.
        o.leaf('tmk:MarkEventCategory', markEventCategories().has(e.category) ? e.category : 'National prosecution history entry');
        o.el('tmk:NationalMarkEvent', () => {
          o.leaf('tmk:MarkEventCode', e.detailedCode ?? e.act);
          o.leafEach('tmk:MarkEventDescriptionText', e.title);
          o.leaf('tmk:MarkEventEntryNumber', e.seq);
        });
        o.leaf('tmk:MarkEventDate', e.eventDate);
      });
    }
  });
}
