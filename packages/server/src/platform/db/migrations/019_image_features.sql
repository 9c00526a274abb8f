-- Image search over figurative marks and designs. One row per image a case shows (a trademark's
-- representation, each distinct view of a design), kept by the database itself from the case's projection
-- (a trigger on cases), so every way a case enters or changes the register reaches the search in the same
-- transaction: the filters (Vienna codes, Locarno classes), the state and whether the case is public.
-- The worker computes each image's features from the stored bytes outside any transaction (status, attempts
-- and retries as in ocr_texts) and writes them to every row of the same bytes; a row added later for bytes
-- already done takes their features at once. An image the case no longer shows stays with `current` false.
-- The search service reads this table into memory and follows its changes: `seq` numbers each change;
-- `xid` is the writing transaction, so a change committed after a later-numbered one is still found.
CREATE SEQUENCE image_features_seq;
CREATE TABLE image_features (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  case_id         uuid NOT NULL REFERENCES cases(id),
  sha256          text NOT NULL,
  -- mark: the representation of a trademark; design-view: a view of one or more designs of the case.
  kind            text NOT NULL CHECK (kind IN ('mark', 'design-view')),
  -- The first design (1, 2 ...) showing the view; NULL for a mark.
  design          smallint,
  -- The mark's Vienna codes as the register keeps them (no leading zeros: '26.1.1'); the designs' Locarno classes.
  vienna          text[] NOT NULL DEFAULT '{}',
  locarno         smallint[] NOT NULL DEFAULT '{}',
  state           text NOT NULL,
  public          boolean NOT NULL,
  current         boolean NOT NULL DEFAULT true,
  -- done: features computed; unsupported: bytes that are no image we read, or too large (note says why);
  -- failed: given up after the attempts (last_error).
  status          text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'done', 'failed', 'unsupported')),
  -- The compact vector the search compares (modules/images/features.ts: shape, colour), its extractor's
  -- version, the perceptual hashes (64 bits each, as signed bigint), whether the figure is light on a dark
  -- ground, and the image's size in pixels.
  features        real[],
  extractor       text,
  phash           bigint,
  dhash           bigint,
  dark_ground     boolean,
  width           integer,
  height          integer,
  -- A neural embedding, when the office configured a local model (NULL otherwise), and the model's name.
  embedding       real[],
  embedder        text,
  note            text,
  attempts        integer NOT NULL DEFAULT 0,
  last_error      text,
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  claimed_until   timestamptz,
  computed_at     timestamptz,
  duration_ms     integer,
  seq             bigint NOT NULL DEFAULT nextval('image_features_seq'),
  xid             xid8 NOT NULL DEFAULT pg_current_xact_id(),
  UNIQUE (case_id, sha256)
);
CREATE INDEX image_features_by_seq ON image_features (seq);
CREATE INDEX image_features_by_xid ON image_features (xid);
CREATE INDEX image_features_sha256 ON image_features (sha256);
CREATE INDEX image_features_due ON image_features (next_attempt_at) WHERE status = 'pending';

-- The images a case shows: the trademark's representation with its Vienna codes, or each distinct view of
-- its designs with the Locarno classes of the designs showing it.
CREATE FUNCTION registrum_case_images(p_right text, p_data jsonb)
RETURNS TABLE (sha256 text, kind text, design smallint, vienna text[], locarno smallint[]) LANGUAGE sql IMMUTABLE AS $$
  SELECT p_data #>> '{mark,image,sha256}', 'mark', NULL::smallint,
         ARRAY(SELECT DISTINCT regexp_replace(btrim(v), '(^|\.)0+([0-9])', '\1\2', 'g')
                 FROM jsonb_array_elements_text(CASE WHEN jsonb_typeof(p_data #> '{mark,viennaCodes}') = 'array' THEN p_data #> '{mark,viennaCodes}' ELSE '[]'::jsonb END) AS v
                WHERE v ~ '^\s*[0-9]{1,2}(\.[0-9]{1,2}){0,2}\s*$' ORDER BY 1),
         '{}'::smallint[]
   WHERE p_right = 'trademark' AND (p_data #>> '{mark,image,sha256}') ~ '^[0-9a-f]{64}$'
  UNION ALL
  SELECT v.sha, 'design-view', min(v.num)::smallint, '{}'::text[],
         coalesce(array_agg(DISTINCT v.cls ORDER BY v.cls) FILTER (WHERE v.cls IS NOT NULL), '{}')
    FROM (SELECT w ->> 'sha256' AS sha,
                 CASE WHEN (d ->> 'number') ~ '^[0-9]{1,4}$' THEN (d ->> 'number')::smallint END AS num,
                 CASE WHEN (d #>> '{locarno,class}') ~ '^[0-9]{2}$' THEN (d #>> '{locarno,class}')::smallint END AS cls
            FROM jsonb_array_elements(CASE WHEN p_right = 'design' AND jsonb_typeof(p_data -> 'designs') = 'array' THEN p_data -> 'designs' ELSE '[]'::jsonb END) AS d,
                 jsonb_array_elements(CASE WHEN jsonb_typeof(d -> 'views') = 'array' THEN d -> 'views' ELSE '[]'::jsonb END) AS w) v
   WHERE v.sha ~ '^[0-9a-f]{64}$'
   GROUP BY v.sha
$$;

-- Brings a case's rows in line with what it shows now; features already computed for the same bytes are taken.
CREATE FUNCTION registrum_sync_case_images(p_case uuid, p_right text, p_data jsonb, p_state text, p_public boolean) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  UPDATE image_features f SET current = false, state = $4, public = $5, seq = nextval('image_features_seq'), xid = pg_current_xact_id()
   WHERE f.case_id = $1 AND f.current AND f.sha256 NOT IN (SELECT i.sha256 FROM registrum_case_images($2, $3) i);
  UPDATE image_features f SET kind = i.kind, design = i.design, vienna = i.vienna, locarno = i.locarno, state = $4, public = $5, current = true,
         seq = nextval('image_features_seq'), xid = pg_current_xact_id()
    FROM registrum_case_images($2, $3) i
   WHERE f.case_id = $1 AND f.sha256 = i.sha256
     AND (NOT f.current OR f.kind <> i.kind OR f.design IS DISTINCT FROM i.design OR f.vienna <> i.vienna OR f.locarno <> i.locarno
          OR f.state <> $4 OR f.public <> $5);
  INSERT INTO image_features (case_id, sha256, kind, design, vienna, locarno, state, public, status, features, extractor, phash, dhash, dark_ground,
                              width, height, embedding, embedder, note, computed_at)
  SELECT $1, i.sha256, i.kind, i.design, i.vienna, i.locarno, $4, $5, coalesce(d.status, 'pending'), d.features, d.extractor, d.phash, d.dhash,
         d.dark_ground, d.width, d.height, d.embedding, d.embedder, d.note, d.computed_at
    FROM registrum_case_images($2, $3) i
    LEFT JOIN LATERAL (SELECT * FROM image_features x WHERE x.sha256 = i.sha256 AND x.status IN ('done', 'unsupported') ORDER BY x.computed_at DESC LIMIT 1) d ON true
   WHERE NOT EXISTS (SELECT 1 FROM image_features f WHERE f.case_id = $1 AND f.sha256 = i.sha256);
END
$$;

CREATE FUNCTION registrum_image_features() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.state = NEW.state AND OLD.public = NEW.public
     AND (OLD.data -> 'mark') IS NOT DISTINCT FROM (NEW.data -> 'mark')
     AND (OLD.data -> 'designs') IS NOT DISTINCT FROM (NEW.data -> 'designs') THEN
    RETURN NULL;
  END IF;
  PERFORM registrum_sync_case_images(NEW.id, NEW.right_kind, NEW.data, NEW.state, NEW.public);
  RETURN NULL;
END
$$;

CREATE TRIGGER cases_image_features AFTER INSERT OR UPDATE ON cases
  FOR EACH ROW WHEN (NEW.right_kind IN ('trademark', 'design')) EXECUTE FUNCTION registrum_image_features();

SELECT registrum_sync_case_images(id, right_kind, data, state, public) FROM cases WHERE right_kind IN ('trademark', 'design') ORDER BY created_at, id;
