-- Anvil knowledge base, SQLite, schema version 7: nothing to change on SQLite.
--
-- PostgreSQL's version 7 adds the fact id to facts_figure, so a summary reads a figure's statements from the index alone.
-- A SQLite index holds the row id (the fact id) already. The version is kept in step with PostgreSQL's.
SELECT 1;
