-- The official gazette, open-data dumps of the register, and webhook subscriptions with their deliveries.

-- A gazette issue: a draft the registrar compiles and reviews, then publishes. Publishing performs the
-- publication acts of its pending entries (each in its own transaction), then freezes the issue: its
-- entries, the SHA-256 of its PDF, XML and JSON in blob storage and the journal seal it anchors to.
-- A published issue never changes again (the triggers below refuse it); a correction is a new act,
-- announced in a later issue.
CREATE TABLE gazette_issues (
  id           uuid PRIMARY KEY,
  -- 'YYYY-NN', the issue's number in its year, given when it is published.
  number       text UNIQUE,
  issue_date   date NOT NULL,
  status       text NOT NULL CHECK (status IN ('draft', 'publishing', 'published')),
  compiled_on  date NOT NULL,
  compiled_at  timestamptz NOT NULL,
  compiled_by  uuid REFERENCES users(id),
  -- Cases waiting for a publication act that could not be taken into the draft (a guard refused), for review.
  blocked      jsonb NOT NULL DEFAULT '[]',
  published_at timestamptz,
  published_by uuid REFERENCES users(id),
  seal_id      bigint,
  seal_hash    text,
  entry_count  integer,
  -- The stored formats: [{ name, mediaType, sha256, size }] (PDF, JSON, one ST.96 XML per right, the zip, its manifest).
  files        jsonb,
  -- A publication stopped after its acts were recorded (e.g. an export that did not validate): why.
  last_error   jsonb
);
-- One draft (or publication in progress) at a time: its entries are what the next issue announces.
CREATE UNIQUE INDEX gazette_one_open_issue ON gazette_issues ((true)) WHERE status <> 'published';
CREATE UNIQUE INDEX gazette_issue_date_once ON gazette_issues (issue_date) WHERE status = 'published';

CREATE TABLE gazette_entries (
  id           uuid PRIMARY KEY,
  issue_id     uuid NOT NULL REFERENCES gazette_issues(id),
  -- The entry's number in the published issue.
  seq          integer,
  -- applications | registrations | renewals | recordals | lapses | corrections (modules/gazette/sections.ts);
  -- for a pending entry, the section its act is expected to fall in.
  section      text,
  -- pending: the publication act is performed when the issue is published; recorded: the act is in the
  -- journal; left-out: the act was refused at publication (refusal says why) and the case is not in the issue.
  status       text NOT NULL CHECK (status IN ('pending', 'recorded', 'left-out')),
  case_id      uuid NOT NULL REFERENCES cases(id),
  case_number  text NOT NULL,
  right_kind   text NOT NULL,
  title        text,
  act          text NOT NULL,
  -- Who performs a pending act: the registrar who publishes, or the office ('system') for an act the law has the office perform.
  performer    text,
  act_id       bigint UNIQUE REFERENCES acts(id),
  office_date  date,
  event        jsonb,
  state_after  text,
  refusal      jsonb
);
CREATE INDEX gazette_entries_issue ON gazette_entries (issue_id, seq);

CREATE FUNCTION registrum_gazette_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    RAISE EXCEPTION '% holds published gazette issues and cannot be truncated', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF TG_TABLE_NAME = 'gazette_issues' THEN
    IF OLD.status = 'published' THEN
      RAISE EXCEPTION 'gazette issue % is published and cannot change', OLD.number USING ERRCODE = 'insufficient_privilege';
    END IF;
  ELSE
    IF EXISTS (SELECT 1 FROM gazette_issues i WHERE i.status = 'published'
                AND (i.id = CASE WHEN TG_OP = 'INSERT' THEN NEW.issue_id ELSE OLD.issue_id END
                     OR (TG_OP = 'UPDATE' AND i.id = NEW.issue_id))) THEN
      RAISE EXCEPTION 'the entries of a published gazette issue cannot change' USING ERRCODE = 'insufficient_privilege';
    END IF;
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END
$$;
CREATE TRIGGER gazette_issues_frozen BEFORE UPDATE OR DELETE ON gazette_issues
  FOR EACH ROW EXECUTE FUNCTION registrum_gazette_frozen();
CREATE TRIGGER gazette_entries_frozen BEFORE INSERT OR UPDATE OR DELETE ON gazette_entries
  FOR EACH ROW EXECUTE FUNCTION registrum_gazette_frozen();
CREATE TRIGGER gazette_issues_no_truncate BEFORE TRUNCATE ON gazette_issues
  FOR EACH STATEMENT EXECUTE FUNCTION registrum_gazette_frozen();
CREATE TRIGGER gazette_entries_no_truncate BEFORE TRUNCATE ON gazette_entries
  FOR EACH STATEMENT EXECUTE FUNCTION registrum_gazette_frozen();

-- Open data: dumps of the public register, made by the worker into blob storage.
CREATE TABLE opendata_dumps (
  id           uuid PRIMARY KEY,
  office_date  date NOT NULL,
  generated_at timestamptz NOT NULL,
  seal_id      bigint,
  seal_hash    text,
  case_count   integer NOT NULL,
  -- [{ name, mediaType, sha256, size }]: the ST.96 zip, the JSON Lines (gzip) and the manifest.
  files        jsonb NOT NULL,
  requested_by uuid REFERENCES users(id)
);
CREATE INDEX opendata_dumps_latest ON opendata_dumps (generated_at DESC);

-- The change feed reads sealed acts in (seal, act) order: a seal's acts are fixed once it exists, so a
-- cursor over them never skips an act that commits late. Same columns as the index it replaces, plus the order.
DROP INDEX IF EXISTS acts_seal;
CREATE INDEX acts_seal_order ON acts (seal_id, id);

-- Webhooks: a subscriber's URL, secret (shown to it once, kept to sign deliveries) and events; 'own'
-- covers the cases its party takes part in, 'public' the published register (registered by an administrator).
CREATE TABLE webhook_subscriptions (
  id          uuid PRIMARY KEY,
  owner_id    uuid NOT NULL REFERENCES users(id),
  scope       text NOT NULL CHECK (scope IN ('own', 'public')),
  party_id    uuid REFERENCES parties(id),
  url         text NOT NULL,
  secret      text NOT NULL,
  events      text[] NOT NULL,
  description text,
  active      boolean NOT NULL DEFAULT true,
  created_at  timestamptz NOT NULL,
  updated_at  timestamptz NOT NULL
);
CREATE INDEX webhook_subscriptions_owner ON webhook_subscriptions (owner_id);
CREATE INDEX webhook_subscriptions_party ON webhook_subscriptions (party_id);

CREATE TABLE webhook_deliveries (
  id              uuid PRIMARY KEY,
  subscription_id uuid NOT NULL REFERENCES webhook_subscriptions(id) ON DELETE CASCADE,
  event           text NOT NULL,
  case_id         uuid REFERENCES cases(id),
  act_id          bigint REFERENCES acts(id),
  issue_id        uuid REFERENCES gazette_issues(id),
  -- The exact bytes sent (and signed) on every attempt.
  body            text NOT NULL,
  status          text NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
  attempts        integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz,
  claimed_until   timestamptz,
  created_at      timestamptz NOT NULL,
  delivered_at    timestamptz,
  last_status     integer,
  last_error      text
);
-- An act or an issue is delivered once per subscription and event, however often its job runs.
CREATE UNIQUE INDEX webhook_deliveries_act_once ON webhook_deliveries (subscription_id, event, act_id) WHERE act_id IS NOT NULL;
CREATE UNIQUE INDEX webhook_deliveries_issue_once ON webhook_deliveries (subscription_id, event, issue_id) WHERE issue_id IS NOT NULL;
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE status = 'pending';
CREATE INDEX webhook_deliveries_subscription ON webhook_deliveries (subscription_id, created_at DESC);

CREATE TABLE webhook_attempts (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  delivery_id  uuid NOT NULL REFERENCES webhook_deliveries(id) ON DELETE CASCADE,
  attempt      integer NOT NULL,
  attempted_at timestamptz NOT NULL,
  ok           boolean NOT NULL,
  status_code  integer,
  error        text,
  duration_ms  integer NOT NULL,
  UNIQUE (delivery_id, attempt)
);
