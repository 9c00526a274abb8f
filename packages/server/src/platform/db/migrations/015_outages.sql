-- Periods when the office's electronic services were unavailable (ML r. 80, 81; modules/outages).

-- A declared period is a legal fact the office publishes: it is never changed or removed. Each
-- declaration is chained to the one before it (hash of its content and the previous hash, computed by
-- the database, registrum_outage_hash), and `registrum journal verify` re-derives the chain.
-- first_day and last_day are the office dates the period overlaps; declared_on the office date of the
-- declaration (a time limit ends no earlier than the first working day after it, r. 80(2)).
-- extended_at: when the extension for every case it affects was complete (until then the expiry sweep
-- holds the time limits ending in it).
CREATE TABLE outages (
  id               uuid PRIMARY KEY,
  seq              integer NOT NULL UNIQUE,
  starts_at        timestamptz NOT NULL,
  ends_at          timestamptz NOT NULL,
  time_zone        text NOT NULL,
  first_day        date NOT NULL,
  last_day         date NOT NULL,
  reason           text NOT NULL,
  channels         text[] NOT NULL,
  declared_on      date NOT NULL,
  declared_at      timestamptz NOT NULL,
  declared_by      uuid REFERENCES users(id),
  declared_by_name text NOT NULL,
  prev_hash        text NOT NULL,
  hash             text NOT NULL,
  extended_at      timestamptz,
  CHECK (ends_at > starts_at),
  CHECK (last_day >= first_day)
);
CREATE INDEX outages_days ON outages (first_day, last_day);

CREATE FUNCTION registrum_outage_hash(o outages) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT encode(sha256(convert_to(o.prev_hash || E'\n' || jsonb_build_object(
    'id', o.id, 'seq', o.seq,
    'startsAt', to_char(o.starts_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
    'endsAt', to_char(o.ends_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
    'timeZone', o.time_zone, 'firstDay', to_char(o.first_day, 'YYYY-MM-DD'), 'lastDay', to_char(o.last_day, 'YYYY-MM-DD'),
    'reason', o.reason, 'channels', to_jsonb(o.channels), 'declaredOn', to_char(o.declared_on, 'YYYY-MM-DD'),
    'declaredAt', to_char(o.declared_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
    'declaredBy', o.declared_by, 'declaredByName', o.declared_by_name
  )::text, 'UTF8')), 'hex')
$$;

CREATE FUNCTION registrum_outages_genesis() RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT encode(sha256(convert_to('registrum:outages', 'UTF8')), 'hex')
$$;

-- The next number, the link to the previous declaration and the hash are the database's, not the caller's.
CREATE FUNCTION registrum_outage_chain() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE last outages;
BEGIN
  SELECT * INTO last FROM outages ORDER BY seq DESC LIMIT 1;
  NEW.seq := coalesce(last.seq, 0) + 1;
  NEW.prev_hash := coalesce(last.hash, registrum_outages_genesis());
  NEW.hash := registrum_outage_hash(NEW);
  RETURN NEW;
END
$$;
CREATE TRIGGER outages_chain BEFORE INSERT ON outages FOR EACH ROW EXECUTE FUNCTION registrum_outage_chain();

CREATE FUNCTION registrum_outage_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND (to_jsonb(NEW) - 'extended_at') = (to_jsonb(OLD) - 'extended_at') THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'a declared period of unavailability cannot be changed or removed' USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER outages_frozen BEFORE UPDATE OR DELETE ON outages FOR EACH ROW EXECUTE FUNCTION registrum_outage_frozen();
CREATE TRIGGER outages_no_truncate BEFORE TRUNCATE ON outages FOR EACH STATEMENT EXECUTE FUNCTION registrum_outage_frozen();

-- What the extension did, case by case: each time limit extended or reinstated (with the act that did
-- it), and each one it could not reinstate because the case had moved on (for the office to review).
-- A run that stopped halfway and runs again adds only what is missing.
CREATE TABLE outage_effects (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  outage_id   uuid NOT NULL REFERENCES outages(id),
  case_id     uuid NOT NULL REFERENCES cases(id),
  outcome     text NOT NULL CHECK (outcome IN ('extended', 'reinstated', 'review')),
  act_id      bigint UNIQUE REFERENCES acts(id),
  detail      jsonb NOT NULL,
  recorded_at timestamptz NOT NULL,
  CHECK ((outcome = 'review') = (act_id IS NULL))
);
CREATE INDEX outage_effects_outage ON outage_effects (outage_id, id);
CREATE UNIQUE INDEX outage_effects_review ON outage_effects (outage_id, case_id) WHERE outcome = 'review';

-- Filings received through a fallback channel during a declared period (post, hand delivery, e-mail,
-- fax) and entered by office staff with the date of receipt as their date (r. 81).
CREATE TABLE fallback_filings (
  case_id         uuid PRIMARY KEY REFERENCES cases(id),
  act_id          bigint NOT NULL REFERENCES acts(id),
  outage_id       uuid NOT NULL REFERENCES outages(id),
  received_on     date NOT NULL,
  channel         text NOT NULL,
  evidence_sha256 text NOT NULL,
  entered_by      uuid NOT NULL REFERENCES users(id),
  entered_at      timestamptz NOT NULL
);
CREATE INDEX fallback_filings_outage ON fallback_filings (outage_id, received_on);

-- A time limit given later last days is kept as it stood, with this status, beside its successor.
ALTER TABLE time_limits DROP CONSTRAINT time_limits_status_check;
ALTER TABLE time_limits ADD CONSTRAINT time_limits_status_check CHECK (status IN ('open', 'met', 'expired', 'closed', 'extended'));
