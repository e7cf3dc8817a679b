-- Anvil knowledge base, PostgreSQL, schema version 3: the rest of the typed fact (Anvil.Core.Facts.Fact).
-- A target and an actual, or a year-on-year and a month-on-month growth, are different figures: status and basis
-- are part of what makes two facts the same figure. Facts stored before this version read as actual, without a
-- basis, until `anvil reindex` extracts their documents again.

ALTER TABLE facts ADD COLUMN indicator_text TEXT;              -- the measure as written (Simplified), when it differs
ALTER TABLE facts ADD COLUMN value_high DOUBLE PRECISION;      -- the high end of a range (qualifier 'range')
ALTER TABLE facts ADD COLUMN status TEXT NOT NULL DEFAULT 'actual'; -- actual, target or forecast
ALTER TABLE facts ADD COLUMN basis TEXT;                       -- yoy, mom or qoq: what a change is measured against
