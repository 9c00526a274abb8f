// The catalogue of the personal data the office keeps: every column of every table, every field of
// every act's payload and every public field of the case data, each with its category and whether the
// law makes it public. It is the one place this is written down: the public register reduces parties
// by it (publication.ts), the subject access export reads the tables by it (use-cases/export-person.ts),
// docs/data-protection.md is generated from it, and a test reads the live schema and the procedures'
// payload schemas and fails on anything not classified here.

/** What kind of personal data a value is. */
export type Category =
  /** Who a person is: a name, a display name, a nationality. */
  | 'identity'
  /** How to reach them: an e-mail address. */
  | 'contact'
  /** Where they live or work: a postal address, a country. */
  | 'address'
  /** What singles them out without naming them: an account or party id, a user name, a subject at an identity provider. */
  | 'identifier'
  /** What proves who they are: password and token hashes, second-factor secrets. Never exported, never shown. */
  | 'credentials'
  /** Where they connect from: a client's IP address. */
  | 'network'
  /** What they did and when: sign-in events, reads, the times of their actions. */
  | 'activity'
  /** Text a person writes (or the office writes about them) that may name or describe someone. */
  | 'free-text'
  /** Not personal data. */
  | 'none';

/**
 * Whether the law makes it public: 'public' once the case is published (a party's name and country),
 * 'office-rules' as the framework's privacy rules say (a party's postal address: PrivacyRules), 'never'.
 */
export type Publicity = 'public' | 'office-rules' | 'never';

/**
 * A column as the catalogue writes it: its category, then any of the flags `public` / `office-rules`
 * (its publicity; none: never), `user` / `party` (it holds the id of an account / a party: the subject
 * access export reads the table by it), `no-export` (left out of a subject access export: it holds
 * other persons' data as well, or is the register's evidence; what it says of the subject is exported
 * otherwise). A note may follow, after a colon.
 */
type Spec = string;

export interface ColumnClass { category: Category; published: Publicity; refersTo: 'user' | 'party' | null; exported: boolean; note: string | null }

export interface TableClass {
  /** Why the office keeps it. */
  purpose: string;
  /** Who sees it. */
  who: string;
  /** How long it is kept. */
  kept: string;
  columns: Record<string, Spec>;
}

const REGISTER = 'as long as the register: the journal is permanent; personal data in it is erased by a redaction act where the law allows';
const CASE_FILE = 'with the case file (the register: permanent)';
const STAFF = 'office staff';
const PUBLIC_REGISTER = 'office staff and the parties of the case; once the case is published, anyone sees what the law makes public';

export const TABLES: Record<string, TableClass> = {
  parties: {
    purpose: 'The persons and companies the register names: applicants, holders, representatives, inventors, designers, opponents, requesters, licensees, creditors (the law requires their name and address for service).',
    who: PUBLIC_REGISTER, kept: REGISTER,
    columns: {
      id: 'identifier', kind: 'none public', name: 'identity public', address: 'address office-rules', country: 'address public',
      nationality: 'identity', email: 'contact', user_id: 'identifier user', created_at: 'none',
    },
  },
  users: {
    purpose: 'Accounts of applicants, agents and office staff: to sign in and to act on cases.',
    who: 'the account holder and administrators', kept: 'while the account exists; its name stays in the acts it performed',
    columns: {
      id: 'identifier', username: 'identifier', display_name: 'identity', email: 'contact', role: 'none',
      password_hash: 'credentials', party_id: 'identifier party', active: 'none', created_at: 'activity',
    },
  },
  sessions: {
    purpose: 'Sign-in sessions and API tokens (stored only as SHA-256).',
    who: 'the account holder', kept: 'until they expire or are revoked, then as a record of access',
    columns: {
      token_hash: 'credentials', user_id: 'identifier user', kind: 'none', label: 'free-text', created_at: 'activity',
      expires_at: 'none', revoked_at: 'activity', scopes: 'none',
    },
  },
  second_factors: {
    purpose: 'The TOTP second factor of an account (secret sealed with the office secret).',
    who: 'nobody reads the secret; administrators see whether it is enrolled', kept: 'while enrolled',
    columns: { user_id: 'identifier user', secret: 'credentials', confirmed_at: 'activity', last_step: 'none', created_at: 'activity' },
  },
  recovery_codes: {
    purpose: 'One-time recovery codes of the second factor (SHA-256).',
    who: 'nobody', kept: 'while the second factor is enrolled',
    columns: { user_id: 'identifier user', code_hash: 'credentials', used_at: 'activity' },
  },
  login_throttle: {
    purpose: 'Failed sign-ins in a row per user name and per client address (lockout).',
    who: STAFF, kept: 'until a sign-in succeeds or the lock ends',
    columns: { key: 'identifier:a user name as typed, or a client address', failures: 'activity', last_failed_at: 'activity', locked_until: 'activity' },
  },
  sign_in_events: {
    purpose: 'Security record of sign-in failures, locks, unlocks and second-factor changes.',
    who: 'the account holder and administrators', kept: 'as a security record',
    columns: {
      id: 'none', at: 'activity', username: 'identifier', user_id: 'identifier user', event: 'activity', address: 'network',
      by_user: 'identifier user', method: 'activity',
    },
  },
  oidc_identities: {
    purpose: 'The identity at the office\'s identity provider that signs in to an account.',
    who: 'the account holder and administrators', kept: 'while linked',
    columns: { issuer: 'none', subject: 'identifier', user_id: 'identifier user', linked_by: 'none', linked_at: 'activity', last_sign_in_at: 'activity' },
  },
  oidc_logins: {
    purpose: 'A sign-in at the identity provider not yet come back.',
    who: 'nobody', kept: 'minutes (until it is used or expires)',
    columns: { state_hash: 'credentials', nonce: 'credentials', code_verifier: 'credentials', return_to: 'none', link_user: 'identifier user', expires_at: 'none' },
  },
  audit_events: {
    purpose: 'The audit trail: staff reads of unpublished data and administrative changes.',
    who: 'administrators', kept: 'permanently (hash-chained)',
    columns: {
      id: 'none', at: 'activity', office_date: 'none', kind: 'activity', user_id: 'identifier user', user_role: 'none', user_name: 'identity',
      case_id: 'none', case_number: 'none', method: 'none', route: 'none', url: 'activity', status: 'none',
      summary: 'free-text:the query or change, which may name the persons searched for', request_id: 'none', address: 'network',
      seq: 'none', prev_hash: 'none', hash: 'none',
    },
  },
  cases: {
    purpose: 'The register: one row per case, the projection of its journal.',
    who: PUBLIC_REGISTER, kept: REGISTER,
    columns: {
      id: 'none', number: 'none public', right_kind: 'none public', framework: 'none', procedure_version: 'none', state: 'none public',
      public: 'none', filing_date: 'none public', title: 'none public', parent_id: 'none',
      filed_by: 'identifier user', assigned_to: 'identifier user',
      data: 'identity office-rules no-export:the case data; the persons in it are classified by PUBLIC_DATA_FIELDS and published as the privacy rules say',
      currency: 'none', fees_outstanding: 'none', credit: 'none', act_count: 'none', head_hash: 'none', created_at: 'none', updated_at: 'none',
    },
  },
  case_parties: {
    purpose: 'Who takes part in a case, and in what role.',
    who: PUBLIC_REGISTER, kept: REGISTER,
    columns: { case_id: 'none', party_id: 'identifier party', role: 'none public' },
  },
  acts: {
    purpose: 'The journal: every act of every case as it was recorded (legal evidence, hash-chained).',
    who: 'office staff and the parties of the case; the public sees what happened (type, date, event), not the payloads',
    kept: REGISTER,
    columns: {
      id: 'none', case_id: 'none', seq: 'none', type: 'none public', office_date: 'none public', recorded_at: 'none',
      actor_id: 'identifier user', actor_role: 'none public', actor_name: 'identity',
      legal_basis: 'none public', state_before: 'none public', state_after: 'none public',
      payload: 'identity no-export:the act as requested; its persons are classified by PAYLOAD_PERSON_KEYS and PAYLOAD_FIELDS',
      effects: 'identity no-export:what the act did, incl. the parties it added or ended (their names)',
      event: 'none public', prev_hash: 'none', hash: 'none', seal_id: 'none',
    },
  },
  journal_seals: { purpose: 'Office seals over the journal.', who: 'anyone (the latest seal is published)', kept: 'permanently', columns: { id: 'none', prev_hash: 'none', hash: 'none', act_count: 'none', first_act: 'none', last_act: 'none', sealed_at: 'none' } },
  time_limits: {
    purpose: 'Time limits of cases.', who: PUBLIC_REGISTER, kept: CASE_FILE,
    columns: {
      id: 'none', case_id: 'none', kind: 'none', status: 'none', opened_by_act: 'none', starts_from: 'none', window_opens_on: 'none', due_on: 'none',
      grace_ends_on: 'none', expires_after: 'none', on_expiry: 'none', computation: 'none', closed_by_act: 'none', closed_on: 'none',
    },
  },
  deadline_reminders: { purpose: 'Reminders of time limits.', who: 'the parties of the case and staff', kept: CASE_FILE, columns: { id: 'none', time_limit_id: 'none', case_id: 'none', days: 'none', kind: 'none', due_on: 'none', office_date: 'none', created_at: 'none' } },
  fees: { purpose: 'Fees charged.', who: 'the parties of the case and staff', kept: CASE_FILE, columns: { id: 'none', case_id: 'none', act_id: 'none', code: 'none', title: 'none', quantity: 'none', amount: 'none', currency: 'none', paid: 'none', due_on: 'none' } },
  payments: { purpose: 'Payments received.', who: 'the parties of the case and staff', kept: CASE_FILE, columns: { id: 'none', case_id: 'none', act_id: 'none', amount: 'none', currency: 'none', method: 'none', reference: 'none', received_on: 'none' } },
  accounts: { purpose: 'Current accounts of parties with the office.', who: 'the party and staff', kept: 'while the account is used, then as accounting records', columns: { id: 'none', party_id: 'identifier party', currency: 'none', balance: 'none', entry_count: 'none', created_at: 'none', updated_at: 'none' } },
  account_entries: {
    purpose: 'The ledger of current accounts (append-only).', who: 'the party and staff', kept: 'as accounting records',
    columns: {
      id: 'none', account_id: 'none', seq: 'none', kind: 'none', amount: 'none', currency: 'none', balance_after: 'none', case_id: 'none', case_number: 'none',
      act_id: 'none', provider: 'none', provider_reference: 'none', description: 'free-text', recorded_by: 'identifier user', recorded_at: 'none', office_date: 'none',
    },
  },
  documents: {
    purpose: 'The documents of each case file (metadata; the bytes are in blob storage).',
    who: 'office staff and the parties; the public the kinds the law publishes', kept: CASE_FILE,
    columns: {
      id: 'none', case_id: 'none', act_id: 'none', kind: 'none', direction: 'none', media_type: 'none', sha256: 'none', size: 'none', title: 'none',
      created_at: 'none', language: 'none', pages: 'none', submitted_by: 'identifier user', submitter: 'identity', received_on: 'none',
      template_id: 'none', template_sha256: 'none', verification_code: 'none', signed: 'none',
    },
  },
  ocr_texts: {
    purpose: 'Text read by OCR from scanned documents (for staff search).', who: STAFF, kept: 'with the documents it was read from',
    columns: {
      sha256: 'none', media_type: 'none', status: 'none', text: 'free-text no-export:the text of a scan, which may hold names and addresses as filed',
      confidence: 'none', pages: 'none', page_results: 'none', languages: 'none', engine: 'none', note: 'none', attempts: 'none', last_error: 'none',
      next_attempt_at: 'none', claimed_until: 'none', created_at: 'none', started_at: 'none', finished_at: 'none', duration_ms: 'none',
      search: 'free-text no-export:the words of the text, for search',
    },
  },
  image_features: {
    purpose: 'The images of figurative marks and design views with the features the image search compares, kept by the database from the cases.',
    who: 'office staff; the public for published cases', kept: 'with the case file',
    columns: {
      id: 'none', case_id: 'none', sha256: 'none', kind: 'none', design: 'none', vienna: 'none public', locarno: 'none public', state: 'none', public: 'none',
      current: 'none', status: 'none', features: 'none', extractor: 'none', phash: 'none', dhash: 'none', dark_ground: 'none', width: 'none', height: 'none',
      embedding: 'none', embedder: 'none', note: 'none', attempts: 'none', last_error: 'none', next_attempt_at: 'none', claimed_until: 'none',
      computed_at: 'none', duration_ms: 'none', seq: 'none', xid: 'none',
    },
  },
  patent_texts: {
    purpose: 'The text of each patent and utility-model application (title, abstract, claims, the description as OCR read it), for prior-art search.',
    who: PUBLIC_REGISTER, kept: 'with the case; rewritten when the application\'s text changes',
    columns: {
      case_id: 'none', title: 'none public', abstract: 'none public', claims: 'none public', ipc: 'none public', description_sha256: 'none',
      description: 'free-text public no-export:the text of the description as OCR read it, which may hold names and addresses as filed; public once the application is',
      updated_at: 'none', search: 'free-text no-export:the words of the texts, for search',
    },
  },
  notifications: {
    purpose: 'Notices in the portal about acts and time limits of one\'s cases.', who: 'the account holder', kept: 'with the case file',
    columns: { id: 'none', user_id: 'identifier user', case_id: 'none', act_id: 'none', title: 'none', body: 'free-text', created_at: 'none', read_at: 'activity', reminder_id: 'none' },
  },
  mail_outbox: {
    purpose: 'E-mail to the parties of a case, and its delivery (evidence that a party was notified: kept with the address it was sent to).',
    who: 'the recipient\'s case parties and staff', kept: CASE_FILE,
    columns: {
      id: 'none', message_id: 'none', case_id: 'none', act_id: 'none', reminder_id: 'none', recipient: 'contact', recipient_name: 'identity',
      user_id: 'identifier user', party_id: 'identifier party', sender: 'none', subject: 'none', body: 'free-text', headers: 'none', status: 'none',
      attempts: 'none', next_attempt_at: 'none', claimed_until: 'none', created_at: 'none', sent_at: 'none', last_response: 'none', last_error: 'none',
    },
  },
  mail_attempts: { purpose: 'Attempts to send each e-mail.', who: STAFF, kept: 'with the e-mail', columns: { id: 'none', mail_id: 'none', attempt: 'none', attempted_at: 'none', ok: 'none', response: 'none', error: 'none', duration_ms: 'none' } },
  drafts: {
    purpose: 'Filings a user saved unfinished.', who: 'the owner (and whoever holds a share link, read-only)', kept: 'until submitted or deleted by the owner',
    columns: {
      id: 'none', owner_id: 'identifier user', right_kind: 'none', title: 'none', payload: 'identity:a filing not yet made, with the persons it names',
      revision: 'none', share_token_hash: 'credentials', shared_at: 'none', submitted_case_id: 'none', submitted_at: 'none', created_at: 'none', updated_at: 'none',
    },
  },
  idempotency_keys: {
    purpose: 'Answers to requests sent with an idempotency key (a request sent again is answered the same).', who: 'the account holder', kept: 'days',
    columns: { user_id: 'identifier user', key: 'none', request_hash: 'none', status_code: 'none', response: 'none:the answer to a filing (numbers and dates)', created_at: 'activity' },
  },
  webhook_subscriptions: {
    purpose: 'Webhook subscriptions of parties and of the office.', who: 'the owner and administrators', kept: 'while subscribed',
    columns: {
      id: 'none', owner_id: 'identifier user', scope: 'none', party_id: 'identifier party', url: 'none', secret: 'credentials', events: 'none',
      description: 'free-text', active: 'none', created_at: 'none', updated_at: 'none',
    },
  },
  webhook_deliveries: {
    purpose: 'Deliveries of webhook events (what the public or the party may see of a case).', who: 'the owner of the subscription', kept: 'days to months',
    columns: {
      id: 'none', subscription_id: 'none', event: 'none', case_id: 'none', act_id: 'none', issue_id: 'none', body: 'none', status: 'none', attempts: 'none',
      next_attempt_at: 'none', claimed_until: 'none', created_at: 'none', delivered_at: 'none', last_status: 'none', last_error: 'none',
    },
  },
  mark_search: {
    purpose: 'The words, classes and state of each trademark, kept by the database for the similar-mark search.', who: 'office staff; the public for published marks', kept: 'with the case file',
    columns: { id: 'none', case_id: 'none', mark_text: 'none public', classes: 'none', state: 'none', public: 'none', seq: 'none', xid: 'none' },
  },
  mark_watches: {
    purpose: 'Marks a user watches: published marks close to them are reported to the user.', who: 'the user', kept: 'while watched, then with what it found',
    columns: { id: 'none', user_id: 'identifier user', mark_text: 'none', classes: 'none', threshold: 'none', label: 'free-text', created_at: 'activity', ended_at: 'activity' },
  },
  mark_watch_hits: {
    purpose: 'Published marks a watch found, once each, with the reasons.', who: 'the user of the watch', kept: 'with the watch',
    columns: { watch_id: 'none', case_id: 'none', act_id: 'none', score: 'none', why: 'none', found_at: 'activity' },
  },
  webhook_attempts: { purpose: 'Attempts of each delivery.', who: 'the owner of the subscription', kept: 'with the delivery', columns: { id: 'none', delivery_id: 'none', attempt: 'none', attempted_at: 'none', ok: 'none', status_code: 'none', error: 'none', duration_ms: 'none' } },
  gazette_issues: {
    purpose: 'Official gazette issues (frozen once published: the publication is kept as published).', who: 'anyone, once published', kept: 'permanently',
    columns: {
      id: 'none', number: 'none', issue_date: 'none', status: 'none', compiled_on: 'none', compiled_at: 'none', compiled_by: 'identifier user', blocked: 'none',
      published_at: 'none', published_by: 'identifier user', seal_id: 'none', seal_hash: 'none', entry_count: 'none', files: 'none', last_error: 'none',
    },
  },
  gazette_entries: {
    purpose: 'Entries of gazette issues.', who: 'anyone, once published', kept: 'permanently',
    columns: {
      id: 'none', issue_id: 'none', seq: 'none', section: 'none', status: 'none', case_id: 'none', case_number: 'none', right_kind: 'none', title: 'none',
      act: 'none', performer: 'none', act_id: 'none', office_date: 'none', event: 'none', state_after: 'none', refusal: 'none',
    },
  },
  opendata_dumps: { purpose: 'Open-data dumps of the public register.', who: 'anyone', kept: 'as published files', columns: { id: 'none', office_date: 'none', generated_at: 'none', seal_id: 'none', seal_hash: 'none', case_count: 'none', files: 'none', requested_by: 'identifier user' } },
  import_runs: { purpose: 'Imports of a previous register.', who: STAFF, kept: 'as a record of the take-over', columns: { id: 'none', format: 'none', name: 'none', started_by: 'identifier user', started_at: 'none', finished_at: 'none', counts: 'none' } },
  import_records: { purpose: 'Records taken over, by source and content hash.', who: STAFF, kept: REGISTER, columns: { source: 'none', source_id: 'none', case_id: 'none', content_hash: 'none', run_id: 'none', imported_at: 'none' } },
  import_outcomes: { purpose: 'Records updated or refused by an import.', who: STAFF, kept: 'as a record of the take-over', columns: { run_id: 'none', seq: 'none', file: 'none', position: 'none', outcome: 'none', source: 'none', source_id: 'none', case_id: 'none', code: 'none', message: 'none' } },
  calendar_versions: { purpose: 'Office holiday calendars.', who: 'anyone', kept: 'permanently', columns: { framework: 'none', calendar_id: 'none', version: 'none', effective_from: 'none', weekend_days: 'none', holidays: 'none', note: 'free-text', created_by: 'identifier user', created_at: 'none' } },
  fee_schedule_versions: { purpose: 'Office fee schedules.', who: 'anyone', kept: 'permanently', columns: { framework: 'none', right_kind: 'none', effective_from: 'none', currency: 'none', amounts: 'none', note: 'free-text', created_by: 'identifier user', created_at: 'none' } },
  document_templates: { purpose: 'Templates of outgoing documents.', who: STAFF, kept: 'permanently', columns: { id: 'none', kind: 'none', language: 'none', body: 'none', note: 'free-text', created_by: 'identifier user', created_at: 'none' } },
  outbox: { purpose: 'Jobs after each act (documents, notices, webhooks).', who: 'nobody (the worker)', kept: 'days', columns: { id: 'none', topic: 'none', payload: 'none', case_id: 'none', act_id: 'none', status: 'none', attempts: 'none', run_after: 'none', last_error: 'none', created_at: 'none', done_at: 'none' } },
  outages: {
    purpose: 'Declared periods when the office\'s electronic services were unavailable (a legal fact it publishes; hash-chained).',
    who: 'anyone', kept: 'permanently',
    columns: {
      id: 'none', seq: 'none', starts_at: 'none', ends_at: 'none', time_zone: 'none', first_day: 'none', last_day: 'none', reason: 'none',
      channels: 'none', declared_on: 'none', declared_at: 'none', declared_by: 'identifier user', declared_by_name: 'identity',
      prev_hash: 'none', hash: 'none', extended_at: 'none',
    },
  },
  outage_effects: { purpose: 'What the extension after an outage did, case by case.', who: STAFF, kept: CASE_FILE, columns: { id: 'none', outage_id: 'none', case_id: 'none', outcome: 'none', act_id: 'none', detail: 'none', recorded_at: 'none' } },
  fallback_filings: {
    purpose: 'Filings received on paper or by e-mail during an outage and entered by staff with their date of receipt.', who: STAFF, kept: CASE_FILE,
    columns: { case_id: 'none', act_id: 'none', outage_id: 'none', received_on: 'none', channel: 'none', evidence_sha256: 'none', entered_by: 'identifier user', entered_at: 'none' },
  },
  privacy_requests: {
    purpose: 'Subject access exports and erasures: who asked, about whom, when, what they covered.', who: 'administrators', kept: 'as a record of the office\'s processing',
    columns: {
      id: 'none', kind: 'activity', party_id: 'identifier party', user_id: 'identifier user', case_id: 'none', act_id: 'none',
      requested_by: 'identifier user', at: 'activity', summary: 'none',
    },
  },
  settings: { purpose: 'Office settings (the demo clock).', who: STAFF, kept: 'permanently', columns: { key: 'none', value: 'none' } },
  counters: { purpose: 'Number series.', who: STAFF, kept: 'permanently', columns: { name: 'none', value: 'none' } },
  schema_migrations: { purpose: 'Applied migrations.', who: STAFF, kept: 'permanently', columns: { id: 'none', applied_at: 'none' } },
};

const CATEGORIES: readonly Category[] = ['identity', 'contact', 'address', 'identifier', 'credentials', 'network', 'activity', 'free-text', 'none'];

/** A column's classification (null: not in the catalogue). */
export function columnClass(table: string, column: string): ColumnClass | null {
  const spec = TABLES[table]?.columns[column];
  return spec === undefined ? null : parseSpec(spec);
}

export function parseSpec(spec: Spec): ColumnClass {
  const colon = spec.indexOf(':');
  const words = (colon < 0 ? spec : spec.slice(0, colon)).trim().split(/\s+/);
  const [category, ...flags] = words;
  if (!CATEGORIES.includes(category as Category)) throw new Error(`unknown category '${category}' in '${spec}'`);
  const unknown = flags.filter((f) => !['public', 'office-rules', 'user', 'party', 'no-export'].includes(f));
  if (unknown.length) throw new Error(`unknown flag(s) ${unknown.join(', ')} in '${spec}'`);
  return {
    category: category as Category,
    published: flags.includes('public') ? 'public' : flags.includes('office-rules') ? 'office-rules' : 'never',
    refersTo: flags.includes('user') ? 'user' : flags.includes('party') ? 'party' : null,
    exported: !flags.includes('no-export') && category !== 'credentials',
    note: colon < 0 ? null : spec.slice(colon + 1).trim(),
  };
}

/** Every column that holds the id of an account or a party: the subject access export reads these tables by them. */
export function subjectLinks(): { table: string; column: string; refersTo: 'user' | 'party' }[] {
  return Object.entries(TABLES).flatMap(([table, t]) => Object.keys(t.columns).flatMap((column) => {
    const c = columnClass(table, column)!;
    return c.refersTo ? [{ table, column, refersTo: c.refersTo }] : [];
  }));
}

/** The columns of a table a subject access export shows (no credentials, nothing marked no-export). */
export function exportedColumns(table: string): string[] {
  return Object.keys(TABLES[table]?.columns ?? {}).filter((c) => columnClass(table, c)!.exported);
}

// ---------------------------------------------------------------------------------------------------------
// Payloads of acts (procedures/src: every act's payloadSchema)

/**
 * Properties of a payload whose value is a person as a filing or request names them (or a list of
 * them), wherever they appear: their fields are PERSON_FIELDS. (A path: `parties[].party` for the
 * parties of a record taken over.)
 */
export const PAYLOAD_PERSON_KEYS: readonly string[] = [
  'applicant', 'applicants', 'representative', 'inventors', 'designers', 'holder', 'opponent', 'objector', 'requester',
  'newHolder', 'newRepresentative', 'licensee', 'creditor', 'party', 'parties[].party',
];

/** The fields of a person. A legal person's name, address and e-mail are not personal data; they are classified as a private person's are. */
export const PERSON_FIELDS: Readonly<Record<string, Spec>> = {
  kind: 'none public',
  name: 'identity public',
  address: 'address office-rules',
  country: 'address public',
  nationality: 'identity',
  email: 'contact',
  // A group of producers applying for a geographical indication (a legal person).
  legalForm: 'none public',
  membersCount: 'none public',
};

/** Every other field of a payload, by its path ('[]' for the entries of a list). */
export const PAYLOAD_FIELDS: Readonly<Record<string, Spec>> = {
  // Free text a party or the office writes: it may name or describe a person; never published with the payload.
  remarks: 'free-text', statement: 'free-text', reasons: 'free-text', summary: 'free-text', 'grounds[].explanation': 'free-text',
  'objections[].explanation': 'free-text', 'deficiencies[].description': 'free-text', 'priorityClaims[].restoration.reasons': 'free-text',
  'security.description': 'free-text', 'history[].text': 'free-text', linkToOrigin: 'none public', abstract: 'none public',
  // The subject matter of the right.
  'mark.kind': 'none public', 'mark.text': 'none public', 'mark.description': 'none public', 'mark.colours[]': 'none public',
  'mark.image.sha256': 'none public', 'mark.image.mediaType': 'none public', 'mark.image.size': 'none public',
  'mark.viennaCodes[]': 'none public', 'data.mark.viennaCodes[]': 'none public',
  'goodsServices[].classNumber': 'none public', 'goodsServices[].terms[]': 'none public', title: 'none public', 'claims[]': 'none public', 'ipc[]': 'none public',
  'designs[]': 'none', 'designs[].products[]': 'none public', 'designs[].description': 'none public', 'designs[].locarno.class': 'none public',
  'designs[].locarno.subclass': 'none public', 'designs[].views[].sha256': 'none public', 'designs[].views[].title': 'none public',
  'designs[].views[].mediaType': 'none public', 'designs[].views[].size': 'none public',
  'corrections[].design': 'none', 'corrections[].products[]': 'none', 'corrections[].locarno.class': 'none', 'corrections[].locarno.subclass': 'none',
  deferPublication: 'none', defermentMonths: 'none', language: 'none public', requestExamination: 'none',
  'name.text': 'none public', 'name.language': 'none public', 'name.transliteration': 'none public', 'name.translation': 'none public',
  'product.description': 'none public', 'product.category': 'none public', 'product.niceClass': 'none public',
  'area.description': 'none public', 'area.boundaries.type': 'none public', 'area.boundaries.coordinates': 'none public',
  // The control body of a geographical indication: a public authority or certification body, not a person.
  'controlBody.name': 'none public', 'controlBody.kind': 'none public', 'controlBody.address': 'none public', 'controlBody.country': 'none public',
  // Documents named by their SHA-256.
  ...Object.fromEntries(['description', 'drawings', 'specification', 'report', 'evidence', 'documents[].document'].flatMap((d) =>
    ['sha256', 'mediaType', 'size', 'pages'].map((f) => [`${d}.${f}`, 'none']))),
  // Priority, earlier rights, international data, procedure codes and dates.
  'priorityClaims[].office': 'none public', 'priorityClaims[].number': 'none public', 'priorityClaims[].date': 'none public',
  'earlierRights[].markText': 'none', 'earlierRights[].number': 'none', 'earlierRights[].office': 'none', 'earlierRights[].classes[]': 'none',
  'earlierRight.office': 'none', 'earlierRight.number': 'none', 'earlierRight.text': 'none',
  'internationalApplication.number': 'none public', 'internationalApplication.filingDate': 'none public',
  'internationalApplication.publicationNumber': 'none public', 'internationalApplication.publicationDate': 'none public',
  irNumber: 'none public', irDate: 'none public', subsequentDesignationDate: 'none public', notificationDate: 'none public',
  'basicMark.office': 'none public', 'basicMark.number': 'none public',
  'grounds[]': 'none', 'grounds[].code': 'none', 'objections[].code': 'none', 'objections[].claims[]': 'none', 'deficiencies[].code': 'none',
  'citations[].document': 'none', 'citations[].category': 'none', 'citations[].claims[]': 'none',
  priorityNumber: 'none', objection: 'none', outcome: 'none', kind: 'none', of: 'none',
  'parts.classes[]': 'none', 'parts.designs[]': 'none',
  'licence.exclusive': 'none', 'licence.territory': 'none', 'licence.until': 'none', 'licence.classes[]': 'none',
  // A record taken over from a previous register (its parties are person keys: parties[].party).
  'source.format': 'none', 'source.office': 'none', 'source.id': 'none', 'source.number': 'none', state: 'none', since: 'none', public: 'none',
  'parties[].role': 'none public', 'history[].date': 'none', 'history[].code': 'none',
  'data.filingDate': 'none public', 'data.registrationDate': 'none public', 'data.expiryDate': 'none public',
  'data.mark.kind': 'none public', 'data.mark.text': 'none public', 'data.mark.description': 'none public', 'data.mark.colours[]': 'none public',
  'data.mark.image.sha256': 'none public', 'data.mark.image.mediaType': 'none public', 'data.mark.image.size': 'none public',
  'data.goodsServices[].classNumber': 'none public', 'data.goodsServices[].terms[]': 'none public',
};

/** A payload field's classification by its path (null: not classified). */
export function payloadFieldClass(path: string): ColumnClass | null {
  const direct = PAYLOAD_FIELDS[path];
  if (direct !== undefined) return parseSpec(direct);
  const dot = path.lastIndexOf('.');
  if (dot < 0) return null;
  const holder = path.slice(0, dot).replace(/\[\]$/, '');
  const field = path.slice(dot + 1);
  return PAYLOAD_PERSON_KEYS.includes(holder) && PERSON_FIELDS[field] !== undefined ? parseSpec(PERSON_FIELDS[field]) : null;
}

// ---------------------------------------------------------------------------------------------------------
// Case data the register publishes (each procedure's publicFields)

/**
 * What a public field of the case data holds: 'persons' (a person or a list of persons, with
 * PERSON_FIELDS: reduced for the public as the privacy rules say), 'names' (names of persons as text,
 * published as they are: the holder, the licensees), 'none' (no personal data).
 */
export const PUBLIC_DATA_FIELDS: Readonly<Record<string, 'persons' | 'names' | 'none'>> = {
  applicants: 'persons', inventors: 'persons',
  holder: 'names', licences: 'names',
  abstract: 'none', applicantGroup: 'none', area: 'none', claims: 'none', controlBody: 'none', convertedFrom: 'none', description: 'none',
  designs: 'none', designsInForce: 'none', dividedFrom: 'none', drawings: 'none', expiryDate: 'none', filingDate: 'none', goodsServices: 'none',
  grantDate: 'none', grantPublicationDate: 'none', international: 'none', internationalApplication: 'none', ipc: 'none', kind: 'none', language: 'none',
  lapsedDesigns: 'none', linkToOrigin: 'none', mark: 'none', name: 'none', parentApplication: 'none', patentNumber: 'none', priorityClaims: 'none',
  product: 'none', protectedOn: 'none', publicationDate: 'none', publishedBy: 'none', recordals: 'none', registrationDate: 'none',
  registrationNumber: 'none', specification: 'none', title: 'none',
};

/** Case data fields that, once set, show the case gave a right (a registration, a grant, protection of a designation). */
export const RIGHT_CONFERRED_FIELDS: readonly string[] = ['registrationDate', 'grantDate', 'protectedOn'];

/** The person fields an erasure may redact (a party's country stays: the register publishes it). */
export const ERASABLE_FIELDS = ['name', 'address', 'email', 'nationality'] as const;
export type ErasableField = typeof ERASABLE_FIELDS[number];
