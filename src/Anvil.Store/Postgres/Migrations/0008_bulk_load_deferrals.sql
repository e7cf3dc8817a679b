-- Anvil knowledge base, PostgreSQL, schema version 8: what a bulk load set aside, to be restored at its end.
--
-- A bulk load into an empty knowledge base writes facts and mentions without their secondary indexes and foreign keys
-- (each row checked against its document, figure and entity cost the server more than writing it) and builds them once
-- at the end: a sort per index and one validating join per key. Their definitions wait here, written in the transaction
-- that dropped them, so a load that stops before its end leaves them for the next open of the knowledge base, and
-- several workers loading at once restore them once, when the last of them is done. A later migration that changes
-- these indexes must restore what waits here first.
CREATE TABLE deferred_definitions (
    name       TEXT PRIMARY KEY,                   -- the index's or the constraint's name
    table_name TEXT NOT NULL,
    kind       TEXT NOT NULL,                      -- index or foreign key
    definition TEXT NOT NULL                       -- pg_get_indexdef, or pg_get_constraintdef for ALTER TABLE ... ADD CONSTRAINT
);
