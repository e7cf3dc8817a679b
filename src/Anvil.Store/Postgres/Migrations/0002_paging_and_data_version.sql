-- Anvil knowledge base, PostgreSQL, schema version 2: what the dashboard needs to answer under load.

-- A number every write transaction raises (IKnowledgeStore.DataVersion): readers key caches on it, so a document
-- ingested while the dashboard serves shows at once. One row, raised as the last statement before commit.
CREATE TABLE data_version (
    id      INTEGER PRIMARY KEY CHECK (id = 1),
    version BIGINT  NOT NULL
);
INSERT INTO data_version (id, version) VALUES (1, 0);

-- Facts of one indicator and kind, a page at a time in subject order, without sorting every match. It serves
-- what facts_indicator served (its first column), and with both SQLite's planner, lacking statistics, may pick the
-- narrower one and sort every match.
CREATE INDEX facts_indicator_kind ON facts (indicator_norm, kind, subject COLLATE "C", indicator COLLATE "C");
DROP INDEX facts_indicator;
-- The indicators with most facts and subjects, read from the index alone.
CREATE INDEX facts_indicator_subject ON facts (indicator COLLATE "C", subject);
-- The latest documents first.
CREATE INDEX documents_date ON documents (date, id);
