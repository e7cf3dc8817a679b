-- Anvil knowledge base, SQLite, schema version 5: the aggregations read indexes, not rows.
--
-- compare, timeline, the entity page and conflicts sum up every statement of a figure: its period, value, qualifier
-- and document. With those in the index the range of a figure is read in order from a few pages; through the table
-- each statement was a page of its own (a place with 50,000 statements read 1.3 s, now 0.03 s).
DROP INDEX facts_figure;
CREATE INDEX facts_figure ON facts (figure_id, period_end, period, value, value_high, qualifier, document_id);
-- a document's date without its row: a row holds the whole text, so reading the date through it reads a page a document
CREATE INDEX documents_dates ON documents (id, date);
