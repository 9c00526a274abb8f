-- E-mail to the parties of a case, and reminders of time limits about to run out.

-- A reminder of an open time limit, made when its due date is `days` office days away or less: one per
-- time limit and number of days (REMINDER_DAYS), so it is made once however often the worker looks.
CREATE TABLE deadline_reminders (
  id            uuid PRIMARY KEY,
  time_limit_id uuid NOT NULL REFERENCES time_limits(id),
  case_id       uuid NOT NULL REFERENCES cases(id),
  days          integer NOT NULL CHECK (days > 0),
  kind          text NOT NULL,
  due_on        date NOT NULL,
  -- The office date it was made on (the days actually left are due_on - office_date).
  office_date   date NOT NULL,
  created_at    timestamptz NOT NULL,
  UNIQUE (time_limit_id, days)
);
CREATE INDEX deadline_reminders_case ON deadline_reminders (case_id);
-- The users behind a party (open time limits by due date are indexed since 005).
CREATE INDEX IF NOT EXISTS users_party ON users (party_id);

-- An in-app notice tells of an act or of a reminder; a user is told of a reminder once.
ALTER TABLE notifications ADD COLUMN reminder_id uuid REFERENCES deadline_reminders(id);
CREATE UNIQUE INDEX notifications_reminder_once ON notifications (user_id, reminder_id) WHERE reminder_id IS NOT NULL;
CREATE INDEX notifications_case ON notifications (case_id);

-- Mail waiting to be sent, sent or given up, each about an act or a reminder. Made in the transaction of
-- the job or the reminder; sent by the worker outside any transaction, retried with backoff.
CREATE TABLE mail_outbox (
  id              uuid PRIMARY KEY,
  -- Derived from the act (or reminder) and the recipient: the same on every attempt.
  message_id      text NOT NULL UNIQUE,
  case_id         uuid NOT NULL REFERENCES cases(id),
  act_id          bigint REFERENCES acts(id),
  reminder_id     uuid REFERENCES deadline_reminders(id),
  recipient       text NOT NULL,
  recipient_name  text,
  user_id         uuid REFERENCES users(id),
  party_id        uuid REFERENCES parties(id),
  sender          text NOT NULL,
  subject         text NOT NULL,
  body            text NOT NULL,
  headers         jsonb NOT NULL DEFAULT '{}',
  status          text NOT NULL CHECK (status IN ('pending', 'sent', 'failed')),
  attempts        integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz,
  claimed_until   timestamptz,
  created_at      timestamptz NOT NULL,
  sent_at         timestamptz,
  -- The server's last answer, and what went wrong on the last failed attempt.
  last_response   text,
  last_error      text,
  CHECK ((act_id IS NULL) <> (reminder_id IS NULL))
);
-- An address hears of an act or a reminder once, however often its job runs.
CREATE UNIQUE INDEX mail_outbox_act_once ON mail_outbox (act_id, lower(recipient)) WHERE act_id IS NOT NULL;
CREATE UNIQUE INDEX mail_outbox_reminder_once ON mail_outbox (reminder_id, lower(recipient)) WHERE reminder_id IS NOT NULL;
CREATE INDEX mail_outbox_due ON mail_outbox (next_attempt_at) WHERE status = 'pending';
CREATE INDEX mail_outbox_case ON mail_outbox (case_id, created_at);

CREATE TABLE mail_attempts (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  mail_id      uuid NOT NULL REFERENCES mail_outbox(id) ON DELETE CASCADE,
  attempt      integer NOT NULL,
  attempted_at timestamptz NOT NULL,
  ok           boolean NOT NULL,
  response     text,
  error        text,
  duration_ms  integer NOT NULL,
  UNIQUE (mail_id, attempt)
);
