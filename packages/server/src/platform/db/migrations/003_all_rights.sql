-- Every IP right under one engine: the parties recordals and the other rights bring in, and the
-- holiday calendars an administrator maintains (effective-dated versions added to those a framework ships).

ALTER TABLE case_parties DROP CONSTRAINT case_parties_role_check;
ALTER TABLE case_parties ADD CONSTRAINT case_parties_role_check CHECK (role IN (
  'applicant', 'holder', 'representative', 'opponent', 'respondent',
  'inventor', 'designer', 'requester', 'licensee', 'secured-creditor'));

CREATE TABLE calendar_versions (
  framework      text NOT NULL,
  calendar_id    text NOT NULL,
  version        text NOT NULL,
  effective_from date NOT NULL,
  weekend_days   smallint[] NOT NULL,
  holidays       date[] NOT NULL,
  note           text,
  created_by     uuid REFERENCES users(id),
  created_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (framework, version)
);

-- An act may bring several documents of one kind (the views of a design): incoming documents are
-- unique per act by content and title; an outgoing document stays one per act and kind (its job is
-- idempotent on that).
ALTER TABLE documents DROP CONSTRAINT documents_case_id_act_id_kind_key;
CREATE UNIQUE INDEX documents_outgoing_once ON documents (case_id, act_id, kind) WHERE direction = 'outgoing';
CREATE UNIQUE INDEX documents_incoming_once ON documents (case_id, act_id, sha256, title) WHERE direction = 'incoming';
