-- Data protection: what staff did with the personal data of a person, beyond the journal. A subject
-- access export (everything the office holds about a party or an account) and an erasure (a redaction
-- act, journaled in its case) each leave a row here: who asked for it, about whom, when, and what it
-- covered. The rows name the person by id only; they are kept as long as the office's records of
-- its own processing are.
CREATE TABLE privacy_requests (
  id           uuid PRIMARY KEY,
  kind         text NOT NULL CHECK (kind IN ('export', 'erasure')),
  party_id     uuid REFERENCES parties(id),
  user_id      uuid REFERENCES users(id),
  case_id      uuid REFERENCES cases(id),
  act_id       bigint REFERENCES acts(id),
  requested_by uuid NOT NULL REFERENCES users(id),
  at           timestamptz NOT NULL,
  -- What was exported (counts of records by kind) or erased (the fields per party, the acts rewritten).
  summary      jsonb NOT NULL DEFAULT '{}',
  CHECK (party_id IS NOT NULL OR user_id IS NOT NULL)
);
CREATE INDEX privacy_requests_party ON privacy_requests (party_id, at) WHERE party_id IS NOT NULL;
CREATE INDEX privacy_requests_user ON privacy_requests (user_id, at) WHERE user_id IS NOT NULL;

-- A redaction act lists the acts of its case it rewrote, each with the hash of its content after the
-- redaction: journal verify accepts a rewritten act whose content hashes to the value the latest
-- redaction of it recorded. The index finds those acts without reading the journal.
CREATE INDEX acts_redactions ON acts (case_id, seq) WHERE type = 'redact-personal-data';
