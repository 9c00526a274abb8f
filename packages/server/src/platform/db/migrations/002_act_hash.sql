-- The hash of a journal act, computed by the database from the stored values themselves: sha256 of
-- PostgreSQL's canonical jsonb text of an array of the act's fields. jsonb renders keys in a fixed
-- order, so the same stored act always gives the same bytes, and verification needs no round trip
-- of the data through the application. procedure-engine/hash-chain.ts reproduces it outside the
-- database (for auditors); a test holds the two equal.
CREATE FUNCTION registrum_act_hash(
  p_case uuid, p_seq integer, p_type text, p_office_date date, p_recorded_at timestamptz, p_actor_id uuid,
  p_actor_role text, p_actor_name text, p_legal_basis text, p_state_before text, p_state_after text,
  p_payload jsonb, p_effects jsonb, p_event jsonb, p_prev text
) RETURNS text LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT encode(sha256(convert_to(jsonb_build_array(
    1, p_case::text, p_seq, p_type, to_char(p_office_date, 'YYYY-MM-DD'),
    (extract(epoch FROM p_recorded_at) * 1000000)::bigint, p_actor_id::text, p_actor_role, p_actor_name,
    p_legal_basis, p_state_before, p_state_after, p_payload, p_effects, p_event, p_prev
  )::text, 'UTF8')), 'hex')
$$;

CREATE FUNCTION registrum_genesis_hash(p_case uuid) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT encode(sha256(convert_to('registrum:case:' || p_case::text, 'UTF8')), 'hex')
$$;
