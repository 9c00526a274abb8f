-- The audit trail: every read of unpublished data by office staff and every administrative change
-- (or refused attempt at one), one row per request. Append-only: a row is inserted unchained (no
-- lock, so concurrent requests never wait for each other), and the worker chains the pending rows
-- in one pass: each chained row gets the next position (seq) and hashes its own content with the
-- hash of the row before it. A trigger refuses any other change, any removal and TRUNCATE.
-- modules/audit/chain.ts reproduces the hash outside the database, for auditors.
CREATE TABLE audit_events (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at          timestamptz NOT NULL DEFAULT date_trunc('milliseconds', clock_timestamp()),
  office_date date NOT NULL,
  kind        text NOT NULL CHECK (kind IN ('read-unpublished', 'admin-change', 'admin-denied')),
  -- Who: the account (none for a command run on the server), its role and name at the time.
  user_id     uuid,
  user_role   text NOT NULL,
  user_name   text NOT NULL,
  -- What: the case read or concerned (lists name theirs in summary.cases), the request, the outcome.
  case_id     uuid,
  case_number text,
  method      text NOT NULL,
  route       text NOT NULL,
  url         text NOT NULL,
  status      integer,
  -- The query or the change, secrets removed (never a password, second-factor secret, code or token).
  summary     jsonb NOT NULL DEFAULT '{}',
  request_id  text,
  address     text,
  -- The chain, set once by the worker.
  seq         bigint UNIQUE,
  prev_hash   text,
  hash        text,
  CHECK ((seq IS NULL) = (prev_hash IS NULL) AND (seq IS NULL) = (hash IS NULL))
);
CREATE INDEX audit_events_pending ON audit_events (id) WHERE seq IS NULL;
CREATE INDEX audit_events_date ON audit_events (office_date, id);
CREATE INDEX audit_events_user ON audit_events (user_id, id);
CREATE INDEX audit_events_case ON audit_events (case_number, id);

CREATE FUNCTION registrum_audit_genesis() RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT encode(sha256(convert_to('registrum:audit-chain', 'UTF8')), 'hex')
$$;

-- sha256 of PostgreSQL's canonical jsonb text of an array of the event's fields, its position and
-- the previous event's hash (the same construction as an act's hash, migration 002).
CREATE FUNCTION registrum_audit_hash(
  p_seq bigint, p_id bigint, p_at timestamptz, p_office_date date, p_kind text, p_user_id uuid, p_user_role text,
  p_user_name text, p_case_id uuid, p_case_number text, p_method text, p_route text, p_url text, p_status integer,
  p_summary jsonb, p_request_id text, p_address text, p_prev text
) RETURNS text LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT encode(sha256(convert_to(jsonb_build_array(
    'audit', 1, p_seq, p_id, (extract(epoch FROM p_at) * 1000000)::bigint, to_char(p_office_date, 'YYYY-MM-DD'), p_kind,
    p_user_id::text, p_user_role, p_user_name, p_case_id::text, p_case_number, p_method, p_route, p_url, p_status,
    p_summary, p_request_id, p_address, p_prev
  )::text, 'UTF8')), 'hex')
$$;

-- Chains up to p_max pending events in id order after the last chained one; returns how many.
-- One caller at a time (the worker holds an advisory lock; the unique seq refuses a second chain).
CREATE FUNCTION registrum_audit_chain(p_max integer) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  v_seq bigint;
  v_prev text;
  v_hash text;
  e audit_events;
  n integer := 0;
BEGIN
  SELECT seq, hash INTO v_seq, v_prev FROM audit_events WHERE seq IS NOT NULL ORDER BY seq DESC LIMIT 1;
  v_seq := coalesce(v_seq, 0);
  v_prev := coalesce(v_prev, registrum_audit_genesis());
  FOR e IN SELECT * FROM audit_events WHERE seq IS NULL ORDER BY id LIMIT p_max FOR UPDATE LOOP
    v_seq := v_seq + 1;
    v_hash := registrum_audit_hash(v_seq, e.id, e.at, e.office_date, e.kind, e.user_id, e.user_role, e.user_name, e.case_id,
      e.case_number, e.method, e.route, e.url, e.status, e.summary, e.request_id, e.address, v_prev);
    UPDATE audit_events SET seq = v_seq, prev_hash = v_prev, hash = v_hash WHERE id = e.id;
    v_prev := v_hash;
    n := n + 1;
  END LOOP;
  RETURN n;
END $$;

-- Inserted unchained; chained once, with the right hash, linked to the event before it; never
-- changed otherwise, never deleted, never truncated.
CREATE FUNCTION registrum_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF NEW.seq IS NOT NULL OR NEW.prev_hash IS NOT NULL OR NEW.hash IS NOT NULL THEN
      RAISE EXCEPTION 'audit events are inserted unchained; the office chains them' USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
  END IF;
  IF TG_OP = 'UPDATE' AND OLD.seq IS NULL AND NEW.seq IS NOT NULL
     AND ROW(NEW.id, NEW.at, NEW.office_date, NEW.kind, NEW.user_id, NEW.user_role, NEW.user_name, NEW.case_id, NEW.case_number,
             NEW.method, NEW.route, NEW.url, NEW.status, NEW.summary, NEW.request_id, NEW.address)
         IS NOT DISTINCT FROM
         ROW(OLD.id, OLD.at, OLD.office_date, OLD.kind, OLD.user_id, OLD.user_role, OLD.user_name, OLD.case_id, OLD.case_number,
             OLD.method, OLD.route, OLD.url, OLD.status, OLD.summary, OLD.request_id, OLD.address)
     AND NEW.prev_hash = (CASE WHEN NEW.seq = 1 THEN registrum_audit_genesis()
                               ELSE (SELECT p.hash FROM audit_events p WHERE p.seq = NEW.seq - 1) END)
     AND NEW.hash = registrum_audit_hash(NEW.seq, NEW.id, NEW.at, NEW.office_date, NEW.kind, NEW.user_id, NEW.user_role,
           NEW.user_name, NEW.case_id, NEW.case_number, NEW.method, NEW.route, NEW.url, NEW.status, NEW.summary,
           NEW.request_id, NEW.address, NEW.prev_hash) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'audit events are never changed or removed' USING ERRCODE = 'insufficient_privilege';
END $$;

CREATE TRIGGER audit_events_append_only BEFORE INSERT OR UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION registrum_audit_append_only();
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION registrum_audit_append_only();
