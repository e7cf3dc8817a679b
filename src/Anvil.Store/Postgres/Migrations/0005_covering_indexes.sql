-- Anvil knowledge base, PostgreSQL, schema version 5: the aggregations read indexes, not rows.
--
-- compare, timeline, the entity page and conflicts sum up every statement of a figure: its period, value, qualifier
-- and document. With those in the index the range of a figure is an index-only scan, not a heap fetch a statement.
DROP INDEX facts_figure;
CREATE INDEX facts_figure ON facts (figure_id, period_end, period, value, value_high, qualifier, document_id, span_start);
-- a document's date and key without its row (the latest of a figure's values; the order of a page of facts)
CREATE INDEX documents_dates ON documents (id) INCLUDE (date, doc_key);
