-- Registrum foundation schema. The journal (acts) is the register; every other case table is a
-- projection written in the same transaction as the act that changed it.

CREATE TABLE settings (
  key   text PRIMARY KEY,
  value jsonb NOT NULL
);

CREATE TABLE parties (
  id          uuid PRIMARY KEY,
  kind        text NOT NULL DEFAULT 'legal' CHECK (kind IN ('natural', 'legal')),
  name        text NOT NULL,
  address     text,
  country     text,
  nationality text,
  email       text,
  user_id     uuid,
  created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE users (
  id            uuid PRIMARY KEY,
  username      text NOT NULL UNIQUE,
  display_name  text NOT NULL,
  email         text,
  role          text NOT NULL CHECK (role IN ('applicant', 'agent', 'formalities', 'examiner', 'registrar', 'admin')),
  password_hash text NOT NULL,
  party_id      uuid REFERENCES parties(id),
  active        boolean NOT NULL DEFAULT true,
  created_at    timestamptz NOT NULL DEFAULT now()
);
ALTER TABLE parties ADD CONSTRAINT parties_user_fk FOREIGN KEY (user_id) REFERENCES users(id);

CREATE TABLE sessions (
  token_hash text PRIMARY KEY,
  user_id    uuid NOT NULL REFERENCES users(id),
  kind       text NOT NULL DEFAULT 'session' CHECK (kind IN ('session', 'api-token')),
  label      text,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE counters (
  name  text PRIMARY KEY,
  value bigint NOT NULL
);

CREATE TABLE cases (
  id                uuid PRIMARY KEY,
  number            text NOT NULL UNIQUE,
  right_kind        text NOT NULL,
  framework         text NOT NULL,
  procedure_version text NOT NULL,
  state             text NOT NULL,
  public            boolean NOT NULL DEFAULT false,
  filing_date       date,
  title             text,
  parent_id         uuid REFERENCES cases(id),
  filed_by          uuid REFERENCES users(id),
  assigned_to       uuid REFERENCES users(id),
  data              jsonb NOT NULL DEFAULT '{}',
  currency          text NOT NULL,
  fees_outstanding  bigint NOT NULL DEFAULT 0,
  credit            bigint NOT NULL DEFAULT 0,
  act_count         integer NOT NULL DEFAULT 0,
  head_hash         text NOT NULL,
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX cases_state ON cases (right_kind, state);
CREATE INDEX cases_parent ON cases (parent_id) WHERE parent_id IS NOT NULL;
CREATE INDEX cases_filed_by ON cases (filed_by);
CREATE INDEX cases_updated ON cases (updated_at);

CREATE TABLE case_parties (
  case_id  uuid NOT NULL REFERENCES cases(id),
  party_id uuid NOT NULL REFERENCES parties(id),
  role     text NOT NULL CHECK (role IN ('applicant', 'holder', 'representative', 'opponent', 'respondent')),
  PRIMARY KEY (case_id, party_id, role)
);
CREATE INDEX case_parties_party ON case_parties (party_id);

-- The journal. Append-only: rows are never updated except for seal_id, set once by the sealer.
CREATE TABLE acts (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  case_id      uuid NOT NULL REFERENCES cases(id),
  seq          integer NOT NULL,
  type         text NOT NULL,
  office_date  date NOT NULL,
  recorded_at  timestamptz NOT NULL,
  actor_id     uuid,
  actor_role   text NOT NULL,
  actor_name   text NOT NULL,
  legal_basis  text NOT NULL,
  state_before text,
  state_after  text NOT NULL,
  payload      jsonb NOT NULL,
  effects      jsonb NOT NULL,
  event        jsonb,
  prev_hash    text NOT NULL,
  hash         text NOT NULL,
  seal_id      bigint,
  UNIQUE (case_id, seq)
);
CREATE INDEX acts_unsealed ON acts (id) WHERE seal_id IS NULL;
CREATE INDEX acts_seal ON acts (seal_id);

-- The office chain: each seal hashes the previous seal and the hashes of the acts it seals, so
-- removing or reordering whole cases breaks it even where every per-case chain still holds.
CREATE TABLE journal_seals (
  id        bigint PRIMARY KEY,
  prev_hash text NOT NULL,
  hash      text NOT NULL,
  act_count integer NOT NULL,
  first_act bigint NOT NULL,
  last_act  bigint NOT NULL,
  sealed_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE time_limits (
  id             uuid PRIMARY KEY,
  case_id        uuid NOT NULL REFERENCES cases(id),
  kind           text NOT NULL,
  status         text NOT NULL CHECK (status IN ('open', 'met', 'expired', 'closed')),
  opened_by_act  bigint NOT NULL REFERENCES acts(id),
  starts_from    date NOT NULL,
  window_opens_on date,
  due_on         date NOT NULL,
  grace_ends_on  date,
  expires_after  date NOT NULL,
  on_expiry      text NOT NULL,
  computation    jsonb NOT NULL,
  closed_by_act  bigint REFERENCES acts(id),
  closed_on      date
);
CREATE INDEX time_limits_case ON time_limits (case_id);
CREATE INDEX time_limits_open ON time_limits (expires_after) WHERE status = 'open';

CREATE TABLE fees (
  id        uuid PRIMARY KEY,
  case_id   uuid NOT NULL REFERENCES cases(id),
  act_id    bigint NOT NULL REFERENCES acts(id),
  code      text NOT NULL,
  title     text NOT NULL,
  quantity  integer NOT NULL,
  amount    bigint NOT NULL,
  currency  text NOT NULL,
  paid      bigint NOT NULL DEFAULT 0,
  due_on    date NOT NULL
);
CREATE INDEX fees_case ON fees (case_id);

CREATE TABLE payments (
  id          uuid PRIMARY KEY,
  case_id     uuid NOT NULL REFERENCES cases(id),
  act_id      bigint NOT NULL REFERENCES acts(id),
  amount      bigint NOT NULL CHECK (amount > 0),
  currency    text NOT NULL,
  method      text NOT NULL,
  reference   text,
  received_on date NOT NULL
);
CREATE INDEX payments_case ON payments (case_id);

CREATE TABLE outbox (
  id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  topic      text NOT NULL,
  payload    jsonb NOT NULL,
  case_id    uuid,
  act_id     bigint,
  status     text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'done', 'failed')),
  attempts   integer NOT NULL DEFAULT 0,
  run_after  timestamptz NOT NULL DEFAULT now(),
  last_error text,
  created_at timestamptz NOT NULL DEFAULT now(),
  done_at    timestamptz
);
CREATE INDEX outbox_pending ON outbox (run_after, id) WHERE status = 'pending';

CREATE TABLE documents (
  id          uuid PRIMARY KEY,
  case_id     uuid NOT NULL REFERENCES cases(id),
  act_id      bigint REFERENCES acts(id),
  kind        text NOT NULL,
  direction   text NOT NULL CHECK (direction IN ('incoming', 'outgoing')),
  media_type  text NOT NULL,
  sha256      text NOT NULL,
  size        bigint NOT NULL,
  title       text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  UNIQUE (case_id, act_id, kind)
);
CREATE INDEX documents_case ON documents (case_id);

CREATE TABLE notifications (
  id         uuid PRIMARY KEY,
  user_id    uuid NOT NULL REFERENCES users(id),
  case_id    uuid REFERENCES cases(id),
  act_id     bigint REFERENCES acts(id),
  title      text NOT NULL,
  body       text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  read_at    timestamptz,
  UNIQUE (user_id, act_id)
);

CREATE TABLE idempotency_keys (
  user_id      uuid NOT NULL,
  key          text NOT NULL,
  request_hash text NOT NULL,
  status_code  integer NOT NULL,
  response     jsonb NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, key)
);
