-- Anvil knowledge base, SQLite, schema version 4: a million facts in a quarter of the space, aggregated in the store.
--
-- A figure is what a fact states without its value: subject (and the entity it was linked to), scope, indicator,
-- kind, unit, status and basis. Thousands of facts state a few hundred figures, so the names live once in figures
-- and a fact holds its figure's id, its value, qualifier, period and where it was stated. Statements of one figure
-- are then one index range (facts_figure), which is what compare, timeline and conflicts aggregate over.
-- A fact's quote and a mention's quote are the document's text at their spans (substr counts code points, as
-- spans do), so they are not stored again; a fact keeps its folded quote only where folding changes it.
-- Periods are day numbers (yyyymmdd). The normalised text lives only in the full-text index (search_text is '').

CREATE TABLE figures (
    id                INTEGER PRIMARY KEY,
    figure_key        TEXT    NOT NULL UNIQUE,     -- the fields below joined by U+001F: what makes two figures one
    subject           TEXT    NOT NULL,
    subject_norm      TEXT    NOT NULL,
    subject_entity_id INTEGER REFERENCES entities (id),
    scope             TEXT,
    scope_norm        TEXT,
    indicator         TEXT    NOT NULL,
    indicator_norm    TEXT    NOT NULL,
    kind              TEXT    NOT NULL,
    unit              TEXT    NOT NULL,
    status            TEXT    NOT NULL,
    basis             TEXT
);
CREATE INDEX figures_subject ON figures (subject_norm);
CREATE INDEX figures_subject_entity ON figures (subject_entity_id);
CREATE INDEX figures_indicator ON figures (indicator_norm, kind);

INSERT INTO figures (figure_key, subject, subject_norm, subject_entity_id, scope, scope_norm, indicator, indicator_norm, kind, unit, status, basis)
SELECT DISTINCT subject || char(31) || COALESCE(subject_entity_id, '') || char(31) || COALESCE(scope, '') || char(31) || indicator || char(31) ||
                kind || char(31) || unit || char(31) || status || char(31) || COALESCE(basis, ''),
       subject, subject_norm, subject_entity_id, scope, scope_norm, indicator, indicator_norm, kind, unit, status, basis
FROM facts;

CREATE TABLE facts_compact (
    id             INTEGER PRIMARY KEY,
    document_id    INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    figure_id      INTEGER NOT NULL REFERENCES figures (id),
    span_start     INTEGER NOT NULL,
    span_end       INTEGER NOT NULL,
    quote_norm     TEXT,                           -- the quote folded for matching, only where that changes it
    value          REAL    NOT NULL,
    value_high     REAL,
    qualifier      TEXT    NOT NULL,
    unit_text      TEXT,
    indicator_text TEXT,
    period         TEXT,
    period_start   INTEGER,                        -- yyyymmdd; the document's date when the period is null
    period_end     INTEGER,
    source         TEXT,
    source_norm    TEXT
);
INSERT INTO facts_compact (id, document_id, figure_id, span_start, span_end, quote_norm, value, value_high, qualifier, unit_text, indicator_text,
                           period, period_start, period_end, source, source_norm)
SELECT f.id, f.document_id, g.id, f.span_start, f.span_end, CASE WHEN f.quote_norm = f.quote THEN NULL ELSE f.quote_norm END,
       f.value, f.value_high, f.qualifier, f.unit_text, f.indicator_text, f.period,
       CAST(replace(f.period_start, '-', '') AS INTEGER), CAST(replace(f.period_end, '-', '') AS INTEGER), f.source, f.source_norm
FROM facts f
JOIN figures g ON g.figure_key = f.subject || char(31) || COALESCE(f.subject_entity_id, '') || char(31) || COALESCE(f.scope, '') || char(31) ||
                                 f.indicator || char(31) || f.kind || char(31) || f.unit || char(31) || f.status || char(31) || COALESCE(f.basis, '');
DROP TABLE facts;
ALTER TABLE facts_compact RENAME TO facts;
CREATE INDEX facts_document ON facts (document_id);
-- every statement of a figure, period by period: compare, timeline, conflicts and the entity page aggregate this range
CREATE INDEX facts_figure ON facts (figure_id, period_end, value);

-- the forms documents write an entity in, with how many mentions use each (entity lookup by surface form, aliases)
CREATE TABLE entity_forms (
    entity_id INTEGER NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
    form      TEXT    NOT NULL,
    form_norm TEXT    NOT NULL,
    mentions  INTEGER NOT NULL,
    PRIMARY KEY (entity_id, form)
);
CREATE INDEX entity_forms_norm ON entity_forms (form_norm);
INSERT INTO entity_forms (entity_id, form, form_norm, mentions)
SELECT entity_id, quote, MIN(quote_norm), COUNT(*) FROM mentions GROUP BY entity_id, quote;

CREATE TABLE mentions_compact (
    id          INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    entity_id   INTEGER NOT NULL REFERENCES entities (id),
    span_start  INTEGER NOT NULL,
    span_end    INTEGER NOT NULL
);
INSERT INTO mentions_compact (id, document_id, entity_id, span_start, span_end)
SELECT id, document_id, entity_id, span_start, span_end FROM mentions;
DROP TABLE mentions;
ALTER TABLE mentions_compact RENAME TO mentions;
CREATE INDEX mentions_document ON mentions (document_id);
CREATE INDEX mentions_entity ON mentions (entity_id, document_id);

UPDATE documents SET search_text = '';
