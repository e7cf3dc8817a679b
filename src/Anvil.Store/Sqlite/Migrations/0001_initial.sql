-- Anvil knowledge base, SQLite, schema version 1.
-- Spans are [start, end) in code points of the document's original text. Columns ending in _norm hold the
-- Simplified, half-width, lower-cased form used for matching; the others hold what extraction gave.

CREATE TABLE documents (
    id                INTEGER PRIMARY KEY,
    doc_key           TEXT    NOT NULL,            -- the document id (file name without extension)
    sha256            TEXT    NOT NULL UNIQUE,     -- of the original text: the same content is stored once
    title             TEXT,
    date              TEXT,                        -- YYYY-MM-DD
    script            TEXT    NOT NULL,            -- Hans, Hant or mixed
    format            TEXT    NOT NULL,            -- text, markdown, html or pdf
    source_path       TEXT,
    chars             INTEGER NOT NULL,
    text              TEXT    NOT NULL,            -- the original text: reindex extracts from it again
    search_text       TEXT    NOT NULL,            -- the normalised view of the text, for search
    boilerplate       TEXT    NOT NULL,            -- JSON [[start, end], ...]
    extractor_version TEXT    NOT NULL,
    config_hash       TEXT    NOT NULL,            -- lexicons and alias rules the records were made with
    ingested_at       TEXT    NOT NULL
);
CREATE INDEX documents_doc_key ON documents (doc_key);

CREATE TABLE entities (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL,                            -- canonical, Simplified
    type TEXT NOT NULL,                            -- place, company, person, ...
    UNIQUE (name, type)
);

CREATE TABLE entity_aliases (
    entity_id  INTEGER NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
    alias      TEXT    NOT NULL,
    alias_norm TEXT    NOT NULL,
    origin     TEXT    NOT NULL,                   -- name, lexicon or user
    PRIMARY KEY (entity_id, alias)
);
CREATE INDEX entity_aliases_norm ON entity_aliases (alias_norm);

CREATE TABLE mentions (
    id             INTEGER PRIMARY KEY,
    document_id    INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    entity_id      INTEGER NOT NULL REFERENCES entities (id),
    span_start     INTEGER NOT NULL,
    span_end       INTEGER NOT NULL,
    quote          TEXT    NOT NULL,               -- as written: the surface forms of an entity are its aliases too
    quote_norm     TEXT    NOT NULL,
    extracted_name TEXT    NOT NULL                -- the name extraction gave, before merging
);
CREATE INDEX mentions_document ON mentions (document_id);
CREATE INDEX mentions_entity ON mentions (entity_id);
CREATE INDEX mentions_quote_norm ON mentions (quote_norm);

CREATE TABLE facts (
    id                INTEGER PRIMARY KEY,
    document_id       INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    span_start        INTEGER NOT NULL,
    span_end          INTEGER NOT NULL,
    quote             TEXT    NOT NULL,
    quote_norm        TEXT    NOT NULL,
    subject           TEXT    NOT NULL,
    subject_norm      TEXT    NOT NULL,
    subject_entity_id INTEGER REFERENCES entities (id),
    scope             TEXT,
    scope_norm        TEXT,
    indicator         TEXT    NOT NULL,
    indicator_norm    TEXT    NOT NULL,
    kind              TEXT    NOT NULL,
    value             REAL    NOT NULL,
    unit              TEXT    NOT NULL,
    unit_text         TEXT,
    qualifier         TEXT    NOT NULL,
    period            TEXT,
    period_start      TEXT,                        -- YYYY-MM-DD; the document's date when the period is null
    period_end        TEXT,
    source            TEXT,
    source_norm       TEXT
);
CREATE INDEX facts_document ON facts (document_id);
CREATE INDEX facts_subject ON facts (subject_norm, indicator_norm);
CREATE INDEX facts_subject_entity ON facts (subject_entity_id);
CREATE INDEX facts_indicator ON facts (indicator_norm);

CREATE TABLE relations (
    id                INTEGER PRIMARY KEY,
    document_id       INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    span_start        INTEGER NOT NULL,
    span_end          INTEGER NOT NULL,
    quote             TEXT    NOT NULL,
    subject           TEXT    NOT NULL,
    subject_entity_id INTEGER REFERENCES entities (id),
    predicate         TEXT    NOT NULL,
    object            TEXT    NOT NULL,
    object_entity_id  INTEGER REFERENCES entities (id)
);
CREATE INDEX relations_document ON relations (document_id);
CREATE INDEX relations_subject_entity ON relations (subject_entity_id);
CREATE INDEX relations_object_entity ON relations (object_entity_id);

-- Full-text search over the normalised text: the trigram tokenizer finds any substring of three characters
-- or more, which is what Chinese (no spaces between words) needs. Contentless: the text is in documents.
CREATE VIRTUAL TABLE documents_fts USING fts5 (search_text, content = '', contentless_delete = 1, tokenize = 'trigram');
