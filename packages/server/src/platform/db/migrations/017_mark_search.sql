-- Similar-mark search. Each trademark's words, classes, state and publicity, kept by the database itself
-- from the case's projection (a trigger on cases), so every way a mark enters or changes the register
-- (a filing, an act, a bulk take-over, a transfer dividing a case) reaches the search in the same
-- transaction. The search service reads this table into memory, computes its keys there, and follows
-- its changes: `seq` numbers each change; `xid` is the writing transaction, so a change committed
-- after a later-numbered one is still found (modules/search/search.repository.ts).
CREATE SEQUENCE mark_search_seq;
CREATE TABLE mark_search (
  id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  case_id    uuid NOT NULL UNIQUE REFERENCES cases(id),
  mark_text  text,
  classes    smallint[] NOT NULL DEFAULT '{}',
  state      text NOT NULL,
  public     boolean NOT NULL,
  seq        bigint NOT NULL DEFAULT nextval('mark_search_seq'),
  xid        xid8 NOT NULL DEFAULT pg_current_xact_id()
);
CREATE INDEX mark_search_by_seq ON mark_search (seq);
CREATE INDEX mark_search_by_xid ON mark_search (xid);

CREATE FUNCTION registrum_mark_classes(gs jsonb) RETURNS smallint[] LANGUAGE sql IMMUTABLE AS $$
  SELECT coalesce(array_agg(DISTINCT (g ->> 'classNumber')::smallint ORDER BY (g ->> 'classNumber')::smallint), '{}')
    FROM jsonb_array_elements(CASE WHEN jsonb_typeof(gs) = 'array' THEN gs ELSE '[]'::jsonb END) AS g
   WHERE (g ->> 'classNumber') ~ '^[0-9]{1,2}$'
$$;

CREATE FUNCTION registrum_mark_search() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.state = NEW.state AND OLD.public = NEW.public
     AND (OLD.data -> 'mark') IS NOT DISTINCT FROM (NEW.data -> 'mark')
     AND (OLD.data -> 'goodsServices') IS NOT DISTINCT FROM (NEW.data -> 'goodsServices') THEN
    RETURN NULL;
  END IF;
  -- An update first: an insert that conflicted would still use up a row number, and the search keeps its rows by number.
  UPDATE mark_search
     SET mark_text = NEW.data #>> '{mark,text}', classes = registrum_mark_classes(NEW.data -> 'goodsServices'), state = NEW.state,
         public = NEW.public, seq = nextval('mark_search_seq'), xid = pg_current_xact_id()
   WHERE case_id = NEW.id;
  IF NOT FOUND THEN
    INSERT INTO mark_search (case_id, mark_text, classes, state, public)
    VALUES (NEW.id, NEW.data #>> '{mark,text}', registrum_mark_classes(NEW.data -> 'goodsServices'), NEW.state, NEW.public);
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER cases_mark_search AFTER INSERT OR UPDATE ON cases
  FOR EACH ROW WHEN (NEW.right_kind = 'trademark') EXECUTE FUNCTION registrum_mark_search();

INSERT INTO mark_search (case_id, mark_text, classes, state, public)
SELECT id, data #>> '{mark,text}', registrum_mark_classes(data -> 'goodsServices'), state, public
  FROM cases WHERE right_kind = 'trademark' ORDER BY created_at, id;

-- Watches: a user asks to be told when a newly published mark comes close to one of theirs.
CREATE TABLE mark_watches (
  id          uuid PRIMARY KEY,
  user_id     uuid NOT NULL REFERENCES users(id),
  mark_text   text NOT NULL,
  classes     smallint[] NOT NULL DEFAULT '{}',
  threshold   real NOT NULL CHECK (threshold > 0 AND threshold <= 1),
  label       text,
  created_at  timestamptz NOT NULL DEFAULT now(),
  ended_at    timestamptz
);
CREATE INDEX mark_watches_user ON mark_watches (user_id);
-- What a watch found: one row per watch and published mark, so a watcher is told once.
CREATE TABLE mark_watch_hits (
  watch_id    uuid NOT NULL REFERENCES mark_watches(id),
  case_id     uuid NOT NULL REFERENCES cases(id),
  act_id      bigint NOT NULL,
  score       real NOT NULL,
  why         jsonb NOT NULL,
  found_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (watch_id, case_id)
);
