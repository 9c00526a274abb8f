-- The public register searches only published cases, so its costly indexes (trigrams of titles, the
-- Nice classes of the goods and services) cover only those: a filing, never public when made, writes
-- no entry in them, and the filing path stays as lean as before the register search existed. The
-- trigram index on every party's name goes: a party row is written with each filing, and a holder
-- search (a contains-match on the names of a published case's holders) reaches the names through the
-- published cases it is limited to.
DROP INDEX IF EXISTS cases_goods_services;
CREATE INDEX cases_goods_services_public ON cases USING gin ((data -> 'goodsServices') jsonb_path_ops) WHERE public;
DROP INDEX IF EXISTS parties_name_trgm;
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
    EXECUTE 'DROP INDEX IF EXISTS cases_title_trgm';
    EXECUTE 'CREATE INDEX cases_title_trgm_public ON cases USING gin (lower(title) gin_trgm_ops) WHERE public';
  END IF;
END
$$;
