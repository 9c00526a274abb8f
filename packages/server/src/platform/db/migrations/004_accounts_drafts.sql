-- Current accounts: a party's prepaid account with the office, from which fees are paid as filings
-- and acts happen, and its ledger. And drafts: filings a user saves unfinished and resumes.

-- One account per party, in one currency. The balance is the sum of the account's entries; it is
-- changed only by the statement that appends an entry (accounts.repository.ts postEntry), never below 0.
CREATE TABLE accounts (
  id          uuid PRIMARY KEY,
  party_id    uuid NOT NULL UNIQUE REFERENCES parties(id),
  currency    text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  balance     bigint NOT NULL DEFAULT 0 CHECK (balance >= 0),
  entry_count integer NOT NULL DEFAULT 0,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now()
);

-- The ledger. Append-only (the trigger below refuses any change): a correction is a new entry.
-- Amounts are signed minor units: a debit is negative, a deposit or a refund positive.
CREATE TABLE account_entries (
  id                 uuid PRIMARY KEY,
  account_id         uuid NOT NULL REFERENCES accounts(id),
  seq                integer NOT NULL,
  kind               text NOT NULL CHECK (kind IN ('deposit', 'debit', 'refund')),
  amount             bigint NOT NULL CHECK (amount <> 0 AND (kind = 'debit') = (amount < 0)),
  currency           text NOT NULL,
  balance_after      bigint NOT NULL CHECK (balance_after >= 0),
  case_id            uuid REFERENCES cases(id),
  case_number        text,
  act_id             bigint REFERENCES acts(id),
  provider           text,
  provider_reference text,
  description        text NOT NULL,
  recorded_by        uuid REFERENCES users(id),
  recorded_at        timestamptz NOT NULL,
  office_date        date NOT NULL,
  UNIQUE (account_id, seq)
);
-- A provider's confirmation (or a bank transfer the office books) is credited once, however often it arrives.
CREATE UNIQUE INDEX account_entries_provider_once ON account_entries (account_id, provider, provider_reference) WHERE provider_reference IS NOT NULL;
CREATE INDEX account_entries_date ON account_entries (account_id, office_date);

CREATE FUNCTION registrum_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER account_entries_append_only BEFORE UPDATE OR DELETE ON account_entries
  FOR EACH ROW EXECUTE FUNCTION registrum_refuse_change();

-- Drafts belong to the user who saved them. A share link's token is stored only as its SHA-256.
CREATE TABLE drafts (
  id                uuid PRIMARY KEY,
  owner_id          uuid NOT NULL REFERENCES users(id),
  right_kind        text NOT NULL,
  title             text,
  payload           jsonb NOT NULL,
  -- Counts saves: a submission files the revision it read, or nothing (a save in between wins).
  revision          integer NOT NULL DEFAULT 1,
  share_token_hash  text UNIQUE,
  shared_at         timestamptz,
  submitted_case_id uuid REFERENCES cases(id),
  submitted_at      timestamptz,
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX drafts_owner ON drafts (owner_id, updated_at DESC);
