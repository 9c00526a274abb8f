-- The office back office, the administrator's fee schedules and the public register search.

-- Fee-schedule versions the administrator adds to those a framework's procedures ship. A version sets
-- the amounts of some fee codes of one right from a date on; the codes it does not name keep the
-- amounts of the schedule in force before it. Versions are never changed or removed.
CREATE TABLE fee_schedule_versions (
  framework      text NOT NULL,
  right_kind     text NOT NULL,
  effective_from date NOT NULL,
  currency       text NOT NULL,
  amounts        jsonb NOT NULL,
  note           text,
  created_by     uuid REFERENCES users(id),
  created_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (framework, right_kind, effective_from)
);

-- Dashboard: filings per week (a case's first act), registrations and grants by act type and date,
-- and open time limits by due date.
CREATE INDEX acts_first_by_date ON acts (office_date) WHERE seq = 1;
CREATE INDEX acts_type_date ON acts (type, office_date);
CREATE INDEX time_limits_open_due ON time_limits (due_on) WHERE status = 'open';

-- Worklists: "mine".
CREATE INDEX cases_assigned ON cases (assigned_to) WHERE assigned_to IS NOT NULL;

-- Register search. Number prefixes and case-folded title and name prefixes use btree pattern indexes
-- (on both PostgreSQL and PGlite); Nice classes a GIN index on the goods and services.
CREATE INDEX cases_number_prefix ON cases (number text_pattern_ops);
CREATE INDEX cases_title_lower ON cases (lower(title) text_pattern_ops);
CREATE INDEX cases_goods_services ON cases USING gin ((data -> 'goodsServices') jsonb_path_ops);
CREATE INDEX parties_name_lower ON parties (lower(name) text_pattern_ops);

-- Substring search ("contains") is served by trigram indexes where pg_trgm can be installed (PostgreSQL
-- with contrib; PGlite does not ship it loaded). Without it the same queries run, by scanning.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm') THEN
    BEGIN
      CREATE EXTENSION IF NOT EXISTS pg_trgm;
      EXECUTE 'CREATE INDEX cases_title_trgm ON cases USING gin (lower(title) gin_trgm_ops)';
      EXECUTE 'CREATE INDEX parties_name_trgm ON parties USING gin (lower(name) gin_trgm_ops)';
    EXCEPTION WHEN insufficient_privilege THEN
      RAISE NOTICE 'pg_trgm not installed (insufficient privilege): register substring search runs without trigram indexes';
    END;
  END IF;
END
$$;
