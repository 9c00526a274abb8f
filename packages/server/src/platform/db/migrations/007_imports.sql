-- Records taken over from a previous register. Each source record (an application number in the
-- register of an office, for one right) becomes one case, created by its 'take-over' act; what was
-- imported is remembered by its content hash, so importing the same file again changes nothing and
-- a changed record is recorded as one 'take-over-update' act.

CREATE TABLE import_runs (
  id          uuid PRIMARY KEY,
  format      text NOT NULL,
  -- The file(s) or request imported, as named by whoever started the run.
  name        text,
  started_by  uuid REFERENCES users(id),
  started_at  timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz,
  -- created / updated / unchanged / rejected, and the file-level error if the run was refused.
  counts      jsonb NOT NULL DEFAULT '{}'
);

-- source: '<office>:<right>' (e.g. 'US:trademark'); source_id: the record's number there.
CREATE TABLE import_records (
  source       text NOT NULL,
  source_id    text NOT NULL,
  case_id      uuid NOT NULL UNIQUE REFERENCES cases(id),
  content_hash text NOT NULL,
  run_id       uuid REFERENCES import_runs(id),
  imported_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (source, source_id)
);

-- What needs looking at after a run: the records updated and those refused, with their stable code.
-- (A created record is in import_records with the run's id; an unchanged one changed nothing.)
CREATE TABLE import_outcomes (
  run_id    uuid NOT NULL REFERENCES import_runs(id),
  seq       integer NOT NULL,
  -- Where the record is: the file, and its position there (the record's number, or the line).
  file      text,
  position  integer NOT NULL,
  outcome   text NOT NULL CHECK (outcome IN ('updated', 'rejected')),
  source    text,
  source_id text,
  case_id   uuid REFERENCES cases(id),
  code      text,
  message   text,
  PRIMARY KEY (run_id, seq)
);
