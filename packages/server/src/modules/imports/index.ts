// Taking over the register of a previous system: ST.96 documents, the USPTO trademark daily XML and a
// register of marks as JSON lines. Every record becomes a case by its 'take-over' act (procedures/src/
// common/takeover.ts); importing the same records again changes nothing.
export { importXml, type XmlFormat, type XmlSource } from './use-cases/import-xml.ts';
export { importRegister, type RegisterImportOptions } from './use-cases/import-register.ts';
export { ImportRun, numberRule, type ImportDeps, type ImportReport, type RecordOutcome, type Outcome } from './use-cases/import-records.ts';
export { importCommand, IMPORT_HELP } from './imports.cli.ts';
export { importsRoutes } from './imports.http.ts';
export { fileText, stringText, XML_LIMITS, type XmlLimits } from './xml.ts';
