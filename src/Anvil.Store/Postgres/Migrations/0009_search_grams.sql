-- Anvil knowledge base, PostgreSQL, schema version 9: search by trigram codes the client computes.
--
-- pg_trgm made the server find every document's trigrams (lower-casing and hashing each, about a third of writing a
-- document) and insert each into a GIN index of trigrams: on news-like text that was most of PostgreSQL's ingest
-- (3.7 million index entries for 20 MB). Now the writer sends each document's distinct trigrams of its normalised
-- text as integer codes, and a plain GIN index of that array (which a bulk load builds once at its end, as it does
-- the indexes of facts and mentions) finds the candidates; ILIKE over search_text still decides. A code is three
-- consecutive code points a, b, c (Latin capitals as small letters, since ILIKE decides in any case) mixed as ((a * 40503 + b) * 40503 + c) modulo 2^32, read as a signed integer
-- (PostgresSearchGrams): several trigrams may share one, which only lets a few more candidates through.
ALTER TABLE documents ADD COLUMN search_grams INTEGER[] NOT NULL DEFAULT '{}';

-- (each character beside the next two by lead(): indexing an array of text by position walks it from its start every
-- time, which took minutes for 50 documents)
CREATE FUNCTION pg_temp.anvil_search_grams(t TEXT) RETURNS INTEGER[] LANGUAGE sql IMMUTABLE AS $$
    SELECT COALESCE(array_agg(DISTINCT (CASE WHEN h >= 2147483648 THEN h - 4294967296 ELSE h END)::INTEGER), '{}')
    FROM (SELECT (((a * 40503 + b) % 4294967296) * 40503 + c) % 4294967296 AS h
          FROM (SELECT ascii(u.ch)::BIGINT AS a, lead(ascii(u.ch)) OVER w AS b, lead(ascii(u.ch), 2) OVER w AS c
                FROM unnest(string_to_array(translate(t, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz'), NULL)) WITH ORDINALITY AS u (ch, n) WINDOW w AS (ORDER BY u.n)) s
          WHERE c IS NOT NULL) g
$$;
UPDATE documents SET search_grams = pg_temp.anvil_search_grams(search_text);
DROP FUNCTION pg_temp.anvil_search_grams(TEXT);
ALTER TABLE documents ALTER COLUMN search_grams DROP DEFAULT;

DROP INDEX documents_search_trgm;
CREATE INDEX documents_search_grams ON documents USING gin (search_grams);
