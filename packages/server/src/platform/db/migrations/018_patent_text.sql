-- Prior-art search: the text of each patent and utility-model application, derived from its case data
-- and from what OCR read of its description, kept current in the transaction of every act that changes
-- it (modules/prior-art indexPatentText) and when the worker has read the description (indexDescriptionText).
-- The title, abstract and claims are the case data's; the description is the text of the document
-- named by `description_sha256` once OCR has read it (NULL before, and for a PDF that needs no OCR).
CREATE TABLE patent_texts (
  case_id            uuid PRIMARY KEY REFERENCES cases(id),
  title              text,
  abstract           text,
  -- The claims as one text, a blank line between claims.
  claims             text,
  -- The IPC symbols as filed ("A61K 31/4745").
  ipc                text[] NOT NULL DEFAULT '{}',
  description_sha256 text,
  description        text,
  updated_at         timestamptz NOT NULL DEFAULT now(),
  -- What is searched: English stemming and stop words (the same configuration as every query), the
  -- title weighted A, the abstract and the claims B, the description C. Each text is cut to the length
  -- that keeps the whole within what a tsvector holds (1 MB; 16,383 word positions).
  search             tsvector GENERATED ALWAYS AS (
                       setweight(to_tsvector('english', left(coalesce(title, ''), 2000)), 'A')
                       || setweight(to_tsvector('english', left(coalesce(abstract, ''), 20000)), 'B')
                       || setweight(to_tsvector('english', left(coalesce(claims, ''), 40000)), 'B')
                       || setweight(to_tsvector('english', left(coalesce(description, ''), 100000)), 'C')
                     ) STORED
);
CREATE INDEX patent_texts_search ON patent_texts USING gin (search);
-- The applications a description belongs to, when OCR has read it.
CREATE INDEX patent_texts_description ON patent_texts (description_sha256) WHERE description_sha256 IS NOT NULL;

-- The applications already in the register, as their data and OCR's texts stand.
INSERT INTO patent_texts (case_id, title, abstract, claims, ipc, description_sha256, description)
SELECT c.id,
       left(nullif(c.data ->> 'title', ''), 2000),
       left(nullif(c.data ->> 'abstract', ''), 20000),
       left((SELECT string_agg(t.claim, E'\n\n' ORDER BY t.n)
               FROM jsonb_array_elements_text(CASE WHEN jsonb_typeof(c.data -> 'claims') = 'array' THEN c.data -> 'claims' ELSE '[]'::jsonb END)
                    WITH ORDINALITY AS t(claim, n)), 40000),
       ARRAY(SELECT s.item #>> '{}'
               FROM jsonb_array_elements(CASE WHEN jsonb_typeof(c.data -> 'ipc') = 'array' THEN c.data -> 'ipc' ELSE '[]'::jsonb END)
                    WITH ORDINALITY AS s(item, n)
              WHERE jsonb_typeof(s.item) = 'string'
              ORDER BY s.n),
       nullif(CASE WHEN jsonb_typeof(c.data -> 'description') = 'object' THEN c.data -> 'description' ->> 'sha256' END, ''),
       (SELECT left(o.text, 100000) FROM ocr_texts o
         WHERE o.status = 'done' AND o.sha256 = CASE WHEN jsonb_typeof(c.data -> 'description') = 'object' THEN c.data -> 'description' ->> 'sha256' END)
  FROM cases c
 WHERE c.right_kind IN ('patent', 'utility-model');
