// What an ST.96 export is made from: a case as the export sees it (its register data, its parties and
// its legal-status events), already reduced to what the public may see when it is a public export.
import type { LegalDate } from '@registrum/procedures';

/** The rights exported in ST.96: the cases' `right_kind` values. */
export type ExportRight = 'trademark' | 'design' | 'patent' | 'utility-model' | 'gi';
export const EXPORT_RIGHTS: readonly ExportRight[] = ['trademark', 'design', 'patent', 'utility-model', 'gi'];
export const isExportRight = (r: string): r is ExportRight => (EXPORT_RIGHTS as readonly string[]).includes(r);

export interface ExportParty {
  /** applicant, holder, representative, inventor, designer ... (the case's party roles). */
  role: string;
  kind: 'natural' | 'legal';
  name: string;
  /** Contact details: in a public export the address only where the office's law publishes it, never the e-mail or nationality. */
  address: string | null;
  email: string | null;
  nationality: string | null;
  country: string | null;
}

/** A journal act that published a legal-status event (acts.event). */
export interface ExportEvent {
  /** The act's place in the case's journal. */
  seq: number;
  act: string;
  /** The act's title in the procedure. */
  title: string;
  /** The office date the act was recorded on. */
  eventDate: LegalDate;
  /** The date the act takes effect: acts take effect on their office date. */
  effectiveDate: LegalDate;
  stateBefore: string | null;
  stateAfter: string;
  standard: 'ST.61' | 'ST.27' | 'ST.87';
  /** ST.96 MarkEventCategory, KeyEventCode or DesignEventCategory. */
  category: string;
  detailedCode: string | null;
  statusCategory: string | null;
}

export interface ExportCase {
  id: string;
  number: string;
  right: ExportRight;
  framework: string;
  procedureVersion: string;
  /** WIPO ST.3 code of the office (the framework's). */
  office: string;
  /** The office's first language (ISO 639-1): the language of what it writes where the case names none. */
  officeLanguage: string;
  state: string;
  stateTitle: string;
  /** ST.96 status category of the state (MarkCurrentStatusCategory, DesignCurrentStatusCategory ...), where the procedure gives one. */
  statusCategory: string | null;
  /** The office date on which the case reached its current state. */
  statusDate: LegalDate | null;
  public: boolean;
  /** Made for the public: data, parties and documents reduced to what the register publishes. */
  publicOnly: boolean;
  filingDate: LegalDate | null;
  /** The office date of the case's first act (its receipt). */
  receivedOn: LegalDate;
  title: string | null;
  /** The case data (in a public export: the procedure's public fields only). */
  data: Record<string, any>;
  parties: ExportParty[];
  /** Legal-status events in journal order. */
  events: ExportEvent[];
  /** Kinds of documents of the file the export may refer to; null: all of them. */
  documentKinds: ReadonlySet<string> | null;
}
