// Exchange of register data in WIPO ST.96 (V6_0): the XML documents of cases, their JSON mirror, and
// validation against the official schemas. Used by the register's export routes, the gazette and the
// open-data dumps.
export type { ExportCase, ExportEvent, ExportParty, ExportRight } from './st96/model.ts';
export { EXPORT_RIGHTS } from './st96/model.ts';
export { loadExportCases } from './use-cases/load-export-cases.ts';
export { documentRoot, st96Bag, st96Json, st96Record } from './st96/documents.ts';
export { schemaPath, ST96_SCHEMAS, St96Validator, validateSt96, type St96Validation } from './st96/validator.ts';
export { escapeXml } from './st96/writer.ts';
