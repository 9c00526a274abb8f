-- The electronic dossier: what the office records of each document, the templates of the documents it
-- issues, and the verification codes printed on them.

-- Metadata of every document in a case file. For an incoming document: the language it is in, its pages,
-- who submitted it and the legal date of receipt (the office date of the act it came with). For an
-- outgoing one: the language it was issued in, its pages, the office's template version it was made from
-- (NULL: the template the product ships), the SHA-256 of that template's text, and the verification code
-- printed on it. Rows from before this migration keep NULLs (not known).
ALTER TABLE documents
  ADD COLUMN language          text,
  ADD COLUMN pages             integer,
  ADD COLUMN submitted_by      uuid REFERENCES users(id),
  ADD COLUMN submitter         text,
  ADD COLUMN received_on       date,
  ADD COLUMN template_id       bigint,
  ADD COLUMN template_sha256   text,
  ADD COLUMN verification_code text,
  ADD COLUMN signed            boolean NOT NULL DEFAULT false;
CREATE UNIQUE INDEX documents_verification_code ON documents (verification_code) WHERE verification_code IS NOT NULL;

-- Versions of the office's templates of outgoing documents, per kind and language. The newest version of
-- a (kind, language) is in force; older ones stay, so every issued document names the text it came from.
-- A version with a NULL body returns to the template the product ships.
CREATE TABLE document_templates (
  id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kind       text NOT NULL,
  language   text NOT NULL,
  body       text,
  note       text,
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX document_templates_kind ON document_templates (kind, language, id DESC);
ALTER TABLE documents ADD CONSTRAINT documents_template_fk FOREIGN KEY (template_id) REFERENCES document_templates(id);

-- Template versions are evidence of what a document said: they are never changed or removed.
CREATE FUNCTION registrum_template_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'document template versions are never changed (add a new version)';
END $$;
CREATE TRIGGER document_templates_frozen BEFORE UPDATE OR DELETE ON document_templates
  FOR EACH ROW EXECUTE FUNCTION registrum_template_frozen();
