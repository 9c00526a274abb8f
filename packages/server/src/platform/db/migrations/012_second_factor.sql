-- Sign-in security: a TOTP second factor with recovery codes, lockout after repeated failures, a
-- record of sign-in events, and scopes of API tokens.

-- The authenticator secret, sealed with a key derived from the office secret (not in the database).
-- confirmed_at null = enrolment started, not yet in force. last_step: the latest TOTP time step
-- accepted, so a code is accepted once.
CREATE TABLE second_factors (
  user_id      uuid PRIMARY KEY REFERENCES users(id),
  secret       text NOT NULL,
  confirmed_at timestamptz,
  last_step    bigint NOT NULL DEFAULT 0,
  created_at   timestamptz NOT NULL
);

-- One-time recovery codes, stored as SHA-256 hashes.
CREATE TABLE recovery_codes (
  user_id   uuid NOT NULL REFERENCES users(id),
  code_hash text NOT NULL,
  used_at   timestamptz,
  PRIMARY KEY (user_id, code_hash)
);

-- Failures in a row per user name as typed (known or not, so a lockout says nothing of who exists)
-- and per client address; a lock holds until locked_until.
CREATE TABLE login_throttle (
  key            text PRIMARY KEY,
  failures       integer NOT NULL DEFAULT 0,
  last_failed_at timestamptz NOT NULL,
  locked_until   timestamptz
);
CREATE INDEX login_throttle_last ON login_throttle (last_failed_at);

-- Every sign-in failure, lockout, unlock and change of the second factor (never a password or code).
CREATE TABLE sign_in_events (
  id       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at       timestamptz NOT NULL,
  username text NOT NULL,
  user_id  uuid REFERENCES users(id),
  event    text NOT NULL,
  address  text,
  by_user  uuid REFERENCES users(id)
);
CREATE INDEX sign_in_events_user ON sign_in_events (user_id, at);
CREATE INDEX sign_in_events_username ON sign_in_events (username, at);

-- What an API token may do; null = everything its user may (sign-in sessions, and tokens made before scopes).
ALTER TABLE sessions ADD COLUMN scopes text[];
