-- Text read by OCR from scanned PDFs and images, kept beside the stored bytes: one row per blob (by its
-- SHA-256), so a document filed in several cases is read once. The worker makes a row 'pending' when it
-- finds an incoming document without one, claims it for a while (claimed_until), reads it outside any
-- transaction and records the outcome; a failure is tried again after a pause, a few times, then 'failed'.
CREATE TABLE ocr_texts (
  sha256          text PRIMARY KEY,
  media_type      text NOT NULL,
  -- done: text read; not-needed: a PDF without page images (its text is its own); unsupported: a form
  -- of image or file that is not read (note says which); failed: given up after the attempts (last_error).
  status          text NOT NULL CHECK (status IN ('pending', 'done', 'failed', 'not-needed', 'unsupported')),
  text            text,
  -- Mean of the pages' confidences (0-100), each weighed by the characters read on it; NULL without text.
  confidence      numeric(5, 2) CHECK (confidence BETWEEN 0 AND 100),
  -- Pages of the document, and per page: [{ page, confidence, chars, note }] (note: why nothing was read).
  pages           integer,
  page_results    jsonb NOT NULL DEFAULT '[]',
  -- As Tesseract takes them ('eng+fra'), and the engine's name and version.
  languages       text,
  engine          text,
  -- Why nothing was read (not-needed, unsupported), or what of the document was not (a page's image).
  note            text,
  attempts        integer NOT NULL DEFAULT 0,
  last_error      text,
  next_attempt_at timestamptz NOT NULL,
  claimed_until   timestamptz,
  created_at      timestamptz NOT NULL,
  started_at      timestamptz,
  finished_at     timestamptz,
  duration_ms     integer,
  -- What is searched: to_tsvector('simple', text) ('simple': no stemming, the same for every language),
  -- kept so that ranking does not parse the text again; the first million characters (a tsvector is at
  -- most 1 MB).
  search          tsvector GENERATED ALWAYS AS (to_tsvector('simple', left(coalesce(text, ''), 1000000))) STORED
);
CREATE INDEX ocr_texts_due ON ocr_texts (next_attempt_at) WHERE status = 'pending';
CREATE INDEX ocr_texts_search ON ocr_texts USING gin (search);

-- Incoming documents in the order they arrive: the worker looks for new ones without reading them all.
CREATE INDEX documents_incoming_created ON documents (created_at) WHERE direction = 'incoming';
CREATE INDEX documents_sha256 ON documents (sha256);
