// Data protection: the catalogue of the personal data the office keeps (classification.ts), what the
// register publishes of a person (publication.ts, used by every public channel), subject access
// exports, and erasure by redaction acts that keep the journal verifiable.
export {
  TABLES, PAYLOAD_PERSON_KEYS, PERSON_FIELDS, PAYLOAD_FIELDS, PUBLIC_DATA_FIELDS, RIGHT_CONFERRED_FIELDS, ERASABLE_FIELDS,
  columnClass, payloadFieldClass, parseSpec, subjectLinks, exportedColumns, type Category, type ColumnClass, type ErasableField, type Publicity,
} from './classification.ts';
export { addressPublished, publishedData, publishedPerson, privacyRulesOf } from './publication.ts';
export { REDACTED, redactPerson, namesPerson, type PersonValues } from './redaction.ts';
export { erasureRefusal, retentionEnds } from './erasure-policy.ts';
export { redactPersonalData, personalDataOfCase, type PrivacyDeps, type RedactionRequest } from './use-cases/redact.ts';
export { exportPerson, findPeople } from './use-cases/export-person.ts';
export { catalogueMarkdown } from './catalogue-doc.ts';
