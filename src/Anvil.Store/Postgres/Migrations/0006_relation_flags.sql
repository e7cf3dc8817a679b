-- Anvil knowledge base, PostgreSQL, schema version 6: relations a reader has flagged as wrong on the dashboard.

-- A flag names the relation by what it states and where (document, span, subject, predicate, object), not by its
-- row id: reindexing a document replaces its relations with new ids, and a relation extracted again keeps its flag.
CREATE TABLE relation_flags (
    document_id BIGINT  NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    span_start  INTEGER NOT NULL,
    span_end    INTEGER NOT NULL,
    subject     TEXT    NOT NULL,
    predicate   TEXT    NOT NULL,
    object      TEXT    NOT NULL,
    flagged_at  TEXT    NOT NULL,
    PRIMARY KEY (document_id, span_start, span_end, subject, predicate, object)
);
