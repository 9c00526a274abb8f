// Geographical indications: a GITransaction (GITransaction_V6_0.xsd), the ST.96 GI document that holds
// many. Each case is a transaction body with its gin:GIApplication and, once it has legal-status events,
// a second body with them as GI records: a registration, a refusal, an objection (opposition) or a
// cancellation as the record of that name, any other event as a change record made by the office.
// Every record names the event's ST.61 category as its reason.
import { applicationNumber, lazyCodeList, contact, date, fileName, isoCountry, isoLanguage, mayReferTo, NS, owners, publicationContact, publicationIdentifier, representativeBag, st3, ST96_VERSION } from './common.ts';
import { niceClass } from './trademark.ts';
import type { ExportCase, ExportEvent } from './model.ts';
import type { St96Out } from './writer.ts';

const SCHEMA = 'GITransaction_V6_0.xsd';
const productCategories = lazyCodeList(SCHEMA, 'ProductCategoryType');
const giCategories = lazyCodeList(SCHEMA, 'GICategoryType');

export const giDocument = {
  root: 'gin:GITransaction',
  attrs: { 'xmlns:gin': NS.gin, 'xmlns:tmk': NS.tmk, 'xmlns:com': NS.com, 'com:st96Version': ST96_VERSION },
  body(o: St96Out, cases: readonly ExportCase[]) {
    for (const c of cases) {
      body(o, `${c.number}`, () => o.el('gin:GIApplication', () => giApplication(o, c), VERSION));
      const events = c.events.filter((e) => e.standard === 'ST.61');
      if (events.length) body(o, `${c.number}-events`, () => o.el('gin:GIRecordBag', () => { for (const e of events) record(o, c, e); }));
      o.endOfRecord();
    }
  },
};

const VERSION = { 'com:st96Version': ST96_VERSION };

function body(o: St96Out, id: string, data: () => void): void {
  o.each('gin:GITransactionBody', () => o.el('gin:TransactionContentBag', () => {
    o.leaf('com:TransactionIdentifier', id);
    o.leaf('com:TransactionCategory', 'Application information');
    o.leaf('com:TransactionSubCode', 'Normal');
    o.el('gin:TransactionData', data, VERSION);
  }, VERSION), VERSION);
}

const language = (c: ExportCase): string => isoLanguage(c.data.language) ?? c.officeLanguage;

/** ST.96 GIStatusCategory of the case's ST.61 status category. */
function giStatus(c: ExportCase): string | null {
  switch (c.statusCategory) {
    case null: return null;
    case 'Application published': case 'Opposition pending': return 'Published';
    case 'Registration published': case 'Revocation proceeding pending': return 'Registered';
    case 'Registration cancelled': case 'Application refused': case 'Application withdrawn': return 'Ended';
    default: return 'Filing';
  }
}

function giApplication(o: St96Out, c: ExportCase): void {
  const d = c.data;
  applicationNumber(o, c);
  o.leaf('com:ApplicationDate', date(c.filingDate));
  o.leaf('gin:ContractingPartyOriginCode', st3(c.office));
  o.el('gin:GIData', () => giData(o, c), { 'com:officeCode': st3(c.office) ?? c.office, 'com:languageCode': language(c) });
  o.el('gin:ApplicantBag', () => owners(c).forEach((p, i) => o.each('gin:Applicant', () => {
    contact(o, p, publicationContact(c));
    o.leaf('com:NationalityCode', isoCountry(p.nationality));
    o.leaf('com:ResidenceCountryCode', isoCountry(p.country));
  }, { 'com:sequenceNumber': i + 1 })));
  representativeBag(o, c);
  const specification = mayReferTo(c, 'gi-specification') ? fileName(d.specification) : null;
  if (specification) {
    o.el('com:DocumentIncludedBag', () => o.each('com:DocumentIncluded', () => {
      o.leaf('com:DocumentName', 'Product specification');
      o.leaf('com:FileName', specification);
      o.leaf('com:DocumentFormatCategory', 'PDF');
    }));
  }
}

function giData(o: St96Out, c: ExportCase): void {
  const d = c.data;
  const lang = language(c);
  if (date(c.filingDate)) {
    applicationNumber(o, c);
    o.leaf('com:ApplicationDate', c.filingDate);
  }
  if (d.registrationNumber) {
    o.leaf('com:RegistrationNumber', d.registrationNumber);
    o.leaf('com:RegistrationDate', date(d.registrationDate));
  }
  o.el('gin:GINameBag', () => {
    o.leafEach('gin:GINameText', d.name?.text ?? c.title ?? c.number, { 'com:languageCode': isoLanguage(d.name?.language), 'com:sequenceNumber': 1 });
    o.leafEach('gin:GINameTransliterationText', d.name?.transliteration, { 'com:sequenceNumber': 1 });
    o.leafEach('gin:GINameTranslationText', d.name?.translation, { 'com:sequenceNumber': 1 });
  });
  const product = d.product ?? {};
  o.el('gin:ProductIndicationBag', () => {
    o.each('tmk:GoodsServices', () => o.el('tmk:GoodsServicesClassificationBag', () => o.each('tmk:GoodsServicesClassification', () => {
      const cls = niceClass(product.niceClass);
      // Without a Nice class the product is classified as the office describes it.
      o.leaf('tmk:ClassificationKindCode', cls ? 'Nice' : 'Domestic');
      o.leaf('tmk:ClassNumber', cls);
      o.leaf('tmk:ClassTitleText', cls ? null : product.description);
    })));
    o.leafEach('gin:ProductCategory', productCategories().has(product.category) ? product.category : null);
  });
  o.el('gin:FeatureDescriptionBag', () => o.each('gin:FeatureDescription', () =>
    o.leaf('gin:FeatureDescriptionText', product.description ?? c.title ?? c.number, { 'com:languageCode': lang })));
  o.el('gin:GeographicRegionDescriptionBag', () => {
    o.each('gin:GeographicRegionDescription', () =>
      o.leafEach('gin:GeographicRegionDescriptionText', d.area?.description ?? c.title ?? c.number, { 'com:languageCode': lang, 'com:sequenceNumber': 1 }));
    o.leaf('gin:CausalInteractionText', d.linkToOrigin, { 'com:languageCode': lang });
  });
  o.leaf('gin:GICategory', giCategories().has(d.kind) ? d.kind : 'Geographical Indication');
  if (date(d.publicationDate)) {
    o.el('gin:GIPublicationBag', () => o.each('gin:GIPublication', () => {
      o.leaf('com:PublicationIdentifier', publicationIdentifier(c, d.publicationDate));
      o.leaf('com:PublicationDate', d.publicationDate);
    }));
  }
  const status = giStatus(c);
  o.leaf('gin:GIStatusCategory', status);
  o.leaf('gin:WithdrawalDate', c.statusCategory === 'Application withdrawn' ? c.statusDate : null);
}

/** One legal-status event as a GI record. */
function record(o: St96Out, c: ExportCase, e: ExportEvent): void {
  const lang = language(c);
  const basic = () => {
    o.leaf('gin:GIReferenceIdentifier', c.number);
    o.leaf('com:RecordEventDate', e.eventDate);
    o.leaf('com:RecordIdentifier', `${c.number}-${e.seq}`);
    o.leaf('gin:GIRecordReasonText', e.category);
  };
  const attrs = { 'com:officeCode': st3(c.office), 'com:languageCode': lang };
  o.each('gin:GIRecord', () => {
    switch (e.category) {
      case 'Registration published':
        o.el('gin:GIRegistrationRecord', () => {
          basic();
          o.leaf('com:RegistrationNumber', c.data.registrationNumber ?? c.number);
          o.leaf('com:RegistrationDate', date(c.data.registrationDate) ?? e.eventDate);
        }, attrs);
        return;
      case 'Application refused':
        o.el('gin:GIRefusalRecord', () => { basic(); o.leaf('gin:RefusalCategory', 'Total'); }, attrs);
        return;
      case 'Opposition pending':
        o.el('gin:GIOppositionRecord', basic, attrs);
        return;
      case 'Registration cancelled':
        o.el('gin:GICancellationRecord', () => {
          basic();
          o.leaf('gin:CancellationDate', e.effectiveDate);
          o.leaf('gin:CancellationCategory', 'Full');
          o.leaf('tmk:FactDecisionText', e.title, { 'com:languageCode': lang });
        }, attrs);
        return;
      default:
        o.el('gin:GIChangeRecord', () => {
          basic();
          o.leaf('gin:ChangeRecordCategory', 'Other changes');
          o.leaf('gin:ChangeSourceCategory', 'Office');
          o.leaf('tmk:FactDecisionText', e.title, { 'com:languageCode': lang });
        }, attrs);
    }
  });
}
