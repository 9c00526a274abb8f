-- Sign-in through the office's OpenID Connect provider.

-- An identity at a provider (its issuer and the subject it gives the person) signs in to one account.
-- linked_by: 'email' (first sign-in, by the provider's verified e-mail), 'provisioned' (the account was
-- made from the provider's role claim; its role follows the claim), 'self' (the account's user linked
-- it while signed in), 'admin' (an administrator linked it).
CREATE TABLE oidc_identities (
  issuer          text NOT NULL,
  subject         text NOT NULL,
  user_id         uuid NOT NULL REFERENCES users(id),
  linked_by       text NOT NULL CHECK (linked_by IN ('email', 'provisioned', 'self', 'admin')),
  linked_at       timestamptz NOT NULL DEFAULT now(),
  last_sign_in_at timestamptz,
  PRIMARY KEY (issuer, subject)
);
CREATE INDEX oidc_identities_user ON oidc_identities (user_id);

-- A sign-in started at the provider and not yet come back: found by the SHA-256 of its state (the
-- state itself is only in the browser's cookie and the provider's redirect), taken once.
CREATE TABLE oidc_logins (
  state_hash    text PRIMARY KEY,
  nonce         text NOT NULL,
  code_verifier text NOT NULL,
  return_to     text,
  link_user     uuid REFERENCES users(id),
  expires_at    timestamptz NOT NULL
);
CREATE INDEX oidc_logins_expiry ON oidc_logins (expires_at);

-- How a sign-in event came about: 'password' (the local sign-in) or 'oidc'; null for administrators' acts.
ALTER TABLE sign_in_events ADD COLUMN method text;
