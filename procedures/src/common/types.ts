// The vocabulary in which the law of an office is written down. A procedure is data: states, acts,
// periods and fees. Where a rule needs a computation (a conditional next state, a fee quantity),
// it is a pure function of the case view, never IO.
import type { LegalDate, OfficeCalendar, PeriodSpec, PeriodTable } from './calendar.ts';

export type Right = 'trademark' | 'trademark-opposition' | 'patent' | 'utility-model' | 'design' | 'gi' | 'recordal';

/** Roles of user accounts. */
export type Role = 'applicant' | 'agent' | 'formalities' | 'examiner' | 'registrar' | 'admin';
export const ROLES: readonly Role[] = ['applicant', 'agent', 'formalities', 'examiner', 'registrar', 'admin'];
export const OFFICE_ROLES: readonly Role[] = ['formalities', 'examiner', 'registrar', 'admin'];

/**
 * Who may perform an act:
 * - 'party': an applicant or agent who is a party to the case (filer, applicant, holder, representative);
 * - 'party:<role>': only a party in that role (e.g. only the opponent withdraws an opposition);
 * - 'third-party': any applicant or agent account (e.g. an opponent);
 * - an office role;
 * - 'system': the office itself, e.g. the sweep that acts when a time limit expires.
 */
export type Performer = 'party' | `party:${PartyRole}` | 'third-party' | 'formalities' | 'examiner' | 'registrar' | 'admin' | 'system';

/** The capacity in which a party takes part in a case; `party:<role>` restricts an act to it. */
export type PartyRole =
  | 'applicant' | 'holder' | 'representative' | 'opponent' | 'respondent'
  | 'inventor' | 'designer' | 'requester' | 'licensee' | 'secured-creditor';

/** A person or company as a filing or a request names them. */
export interface PartyData {
  kind?: 'natural' | 'legal';
  name: string;
  address?: string;
  country?: string;
  nationality?: string;
  email?: string;
}

/**
 * How an act changes who takes part in the case (a transfer, a change of name, a new representative):
 * `replace` ends the links of everyone else in that role first; `remove` ends them without a successor.
 */
export type PartyChange =
  /** `transfer`: the case changes hands; the account that filed it no longer acts in it as the filer. */
  | { role: PartyRole; party: PartyData; replace?: boolean; transfer?: boolean }
  | { role: PartyRole; remove: true };

/** A document the payload refers to by the SHA-256 of an earlier upload (POST /api/v1/uploads). */
export interface UploadRef {
  sha256: string;
  /** Document kind recorded in the case file (mark-image, design-view, specification, drawing ...). */
  kind: string;
  title: string;
  /** Media types the office accepts for it, judged from the stored bytes. */
  accept: readonly ('image/png' | 'image/jpeg' | 'image/tiff' | 'application/pdf' | 'application/xml' | 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')[];
  /** The payload object that names the upload: the office completes it with the media type and size it found. */
  at?: Record<string, any>;
}

export interface Money { amount: number; currency: string }

export interface TimeLimitView {
  kind: string;
  /** The event the period ran from (the engine always gives it; a hand-made view in a test may leave it out). */
  startsFrom?: LegalDate;
  dueOn: LegalDate;
  windowOpensOn: LegalDate | null;
  graceEndsOn: LegalDate | null;
}

/** What a rule may look at: the case projection, never the database. */
export interface CaseView {
  id: string;
  number: string;
  right: Right;
  state: string;
  filingDate: LegalDate | null;
  data: Record<string, any>;
  openTimeLimits: TimeLimitView[];
  /** Time limits that passed unmet (so a late act is told it is late, not that nothing is open). */
  expiredTimeLimits?: TimeLimitView[];
  parent: { id: string; number: string; right: Right; state: string; filingDate?: LegalDate | null; data: Record<string, any> } | null;
  /** The parties of the case by role (for rules that look at who holds it). */
  parties?: { role: PartyRole; name: string }[];
}

export interface ActContext {
  case: CaseView;
  payload: Record<string, any>;
  today: LegalDate;
  /** The office calendars of the framework (working days, e.g. when a fee paid late bears a surcharge). */
  calendars: OfficeCalendar[];
  /**
   * The procedure's periods with the office framework's overrides, for periods a rule computes itself
   * (the priority year, national-phase entry): computed exactly as a time limit of the period is.
   */
  periods: PeriodTable;
}

export interface Refusal { code: string; message: string; details?: Record<string, unknown> }

export interface FeeCharge {
  /** The fee item (with `codeFor`: the item schedules are checked for and the law in force lists). */
  code: string;
  /**
   * Where the item depends on the case (e.g. another application fee for a collective mark): the item
   * charged instead of `code`. It must be in the schedule in force, like `code`.
   */
  codeFor?: (ctx: ActContext) => string;
  quantity?: (ctx: ActContext) => number;
  /** The fee falls due only if this holds (e.g. a surcharge after the due date). */
  when?: (ctx: ActContext) => boolean;
}

export interface TimeLimitOpening {
  kind: string;
  /** Key into the procedure's `periods`, so an office framework overrides the length, not the act. */
  period: string;
  /** The event the period runs from; the act's office date when absent. */
  from?: (ctx: ActContext) => LegalDate;
  /**
   * A shorter length the party chose (a deferment of publication for less than the longest the law
   * allows): the time limit runs for it instead; `period` stays the longest, which the act's guard enforces.
   * Null: the whole period.
   */
  requestedLength?: (ctx: ActContext) => PeriodSpec | null;
  /** Key into `periods`: the window opens this long before the due date (e.g. renewal). */
  windowBefore?: string;
  /** Key into `periods`: a grace period after the due date, usually with a surcharge. */
  grace?: string;
  /** The act the office performs when the time limit (and any grace) has passed unfulfilled. */
  onExpiry: string;
  /** The time limit opens only if this holds. */
  when?: (ctx: ActContext) => boolean;
}

/** A legal-status event in a WIPO standard (ST.61 trademarks, ST.27 patents, ST.87 designs). */
export interface StatusEvent {
  standard: 'ST.61' | 'ST.27' | 'ST.87';
  /** ST.96 MarkEventCategory / KeyEventCode / DesignEventCategory value. */
  category: string;
  /** The status category the case is in after the event (ST.96 MarkCurrentStatusCategory ...). */
  statusCategory?: string;
  detailedCode?: string;
}

export interface ActDefinition {
  title: string;
  legalBasis: string;
  /** States in which the act may be performed. */
  from: readonly string[];
  /** The state after the act; absent = unchanged. */
  to?: string | ((ctx: ActContext) => string);
  performers: readonly Performer[];
  /** Preconditions beyond the state; returns a refusal or null. */
  guard?: (ctx: ActContext) => Refusal | null;
  /** The act must be done while this time limit is open (before due date, or within grace). */
  within?: string;
  opens?: readonly TimeLimitOpening[];
  /** Time-limit kinds this act fulfils or ends. */
  closes?: readonly string[];
  fees?: readonly FeeCharge[];
  /** 'before': the act is refused unless the fees it triggers are covered by payments. */
  payment?: 'before' | 'later';
  /**
   * The act publishes the case (an application published, a registration made known): the case is public
   * from this act on, and the act's effects record it, so an "as of" read before its date shows the case
   * unpublished. A function where it depends on the case (a design registered while its publication is
   * deferred is not published). What the public then sees is the procedure's `publicFields`.
   */
  publishes?: boolean | ((ctx: ActContext) => boolean);
  /** Projection fields the act sets (pure). */
  effects?: (ctx: ActContext) => Record<string, unknown>;
  /** The legal-status event the act publishes; a function where it depends on the case. */
  event?: StatusEvent | ((ctx: ActContext) => StatusEvent | null);
  /** Documents the office issues as a result (rendered by a background job). */
  documents?: readonly string[];
  /** JSON schema of the act's payload (the API validates against it). */
  payloadSchema?: Record<string, unknown>;
  /**
   * Filing a child case: a proceeding of its own (an opposition, a recordal request) or a new case that
   * derives from this one (a divisional application, a conversion, the part of a registration transferred).
   * `act` is one of the child procedure's initial acts; the act's payload becomes the child's filing payload.
   */
  createsChild?: ChildFiling;
  /**
   * On a child case: the act then performed on the parent in the same transaction, with the payload
   * `{ child: { right, caseId, number, act, data } }` (the child's data after its act).
   */
  parentAct?: string;
  /** How the act changes the parties of the case (recorded in the act, so the history shows it). */
  parties?: (ctx: ActContext) => PartyChange[];
  /** Uploaded documents the payload refers to: checked to exist, typed from their bytes, filed on the case. */
  uploads?: (payload: Record<string, any>) => UploadRef[];
  /** Hidden from the act buttons of the UI (system acts). */
  automatic?: boolean;
  /**
   * false: an office role may perform it when asked (a request received on paper, a notification from
   * WIPO), but a case in its `from` states is not waiting for it: it puts no case on a worklist.
   * A list of states: only cases in those of its `from` states are waiting for it.
   */
  worklist?: false | readonly string[];
  /**
   * Time limits the act gives later last days (an extension because the office was unavailable, see
   * common/outage.ts): the engine ends each as it stood and opens it again with the new dates.
   */
  extendsTimeLimits?: (ctx: ActContext) => TimeLimitExtension[];
}

/**
 * A time limit moved to later last days. It is named as the case has it: open, or ended by the act
 * `closedByAct` (expired unmet, or closed when that act ended the case) and so reinstated. The engine
 * marks that row 'extended' and opens a new one with the new dates and `reason` added to how it was
 * computed, so the journal and an "as of" read keep both.
 */
export interface TimeLimitExtension {
  kind: string;
  dueOn: LegalDate;
  graceEndsOn: LegalDate | null;
  status: 'open' | 'expired' | 'closed' | 'met';
  closedByAct?: number;
  newDueOn: LegalDate;
  newGraceEndsOn: LegalDate | null;
  /** Why and how the new dates were computed (kept with the time limit and shown with it). */
  reason: Record<string, unknown>;
}

export interface ChildFiling {
  right: Right;
  act: string;
  /** The child is filed only if this holds (e.g. a transfer of only some classes splits the case). */
  when?: (ctx: ActContext) => boolean;
  /** Parties of the child: from payload fields (`{ opponent: 'opponent' }`) and from the parent's roles. */
  parties?: { fromPayload?: Record<string, PartyRole>; fromParent?: Partial<Record<PartyRole, PartyRole>> };
  /** The payload of the child's initial act, when not the act's own payload. */
  payload?: (ctx: ActContext) => Record<string, any>;
  /** Open time limits of the parent (by kind) the child takes over with their dates (e.g. the renewal of a divided registration). */
  inheritTimeLimits?: readonly string[];
}

export interface StateDefinition {
  title: string;
  terminal?: boolean;
  /**
   * Every case in this state is public, whatever act brought it there (an opposition, public from its
   * filing; a designation WIPO has published). Otherwise a case becomes public by the act that publishes
   * it (`ActDefinition.publishes`). Either way it stays public.
   */
  public?: boolean;
  statusCategory?: string;
}

export interface FeeScheduleVersion {
  effectiveFrom: LegalDate;
  currency: string;
  items: Record<string, { title: string; amount: number }>;
}

export interface ProcedureDefinition {
  framework: string;
  right: Right;
  version: string;
  /** The first date a new filing uses this version; earlier cases keep the version they pinned. */
  effectiveFrom: LegalDate;
  title: string;
  numberPrefix: string;
  statusStandard: StatusEvent['standard'];
  filingAct: string;
  /**
   * Other acts that create a case of this procedure: a divisional application, national-phase entry of
   * an international application, a designation received from WIPO, a conversion. Like the filing act
   * they have `from: []`; the ones reached through a parent's `createsChild` run with the parent in view.
   */
  initialActs?: readonly string[];
  /** The role in which the filer's own party takes part when the filing does not name it (default applicant; an agent is the representative). */
  filerRole?: PartyRole;
  /**
   * The case data the public register shows once the case is public (the rest — remarks, internal
   * notes, fee bookkeeping — stays with the parties and the office).
   */
  publicFields?: readonly string[];
  /**
   * Kinds of documents on the file anyone may download once the case is public: what the publication
   * contains (the representation of the mark, the views, the description as published), never the rest.
   */
  publicDocuments?: readonly string[];
  /** What lists and the register show as the case's title (the mark, the title of the invention ...). */
  caseTitle?: (data: Record<string, any>) => string | null;
  states: Record<string, StateDefinition>;
  acts: Record<string, ActDefinition>;
  periods: Record<string, PeriodSpec>;
  fees: FeeScheduleVersion[];
}

export interface OfficeInfo {
  code: string;        // WIPO ST.3 code, e.g. 'XX'
  name: string;
  timeZone: string;    // IANA zone: office dates are calendar dates there
  currency: string;
  languages: string[];
}

export interface Framework {
  id: string;
  title: string;
  office: OfficeInfo;
  calendars: OfficeCalendar[];
  /** Every version of every procedure this framework has had. */
  procedures: ProcedureDefinition[];
  /** What the law makes public of the persons the register names, and what it lets the office erase (common/privacy.ts). */
  privacy?: PrivacyRules;
}

/** Whose postal address the register publishes: see PrivacyRules.publishAddressesOf. */
export type AddressPublication = 'legal-persons' | 'natural-persons' | 'representatives';

/**
 * Data protection as the law of an office has it. The public register (a case as anyone sees it, the
 * ST.96 export, the open-data dumps, the gazette) names the parties with their name and country; it
 * adds the postal address of the persons listed in `publishAddressesOf` (a representative's is its
 * business address, whatever its kind). E-mail addresses and nationalities are never published.
 */
export interface PrivacyRules {
  publishAddressesOf: readonly AddressPublication[];
  /** Erasure of personal data by a redaction act (added to every procedure of the framework). */
  erasure: {
    /** The redaction act's legal basis; `byRight`: where the law of a right says it in its own words. */
    legalBasis: string;
    byRight?: Partial<Record<Right, string>>;
    /**
     * How long the file of a case that has ended is kept whole: from the act that ended it. Only then
     * may the name of a private applicant of a case that gave no right, or the address of a party
     * still named in it, be erased.
     */
    retention: PeriodSpec;
  };
}

export type { LegalDate, OfficeCalendar, PeriodSpec, PeriodTable };
