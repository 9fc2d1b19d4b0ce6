-- govnews_extract batch output: the relational layout every database target shares.
--
-- One row in `articles` per input document (ok or failed), one row in `mentions` per extracted
-- mention. Written in PostgreSQL's dialect; the SQLite and DuckDB sinks read this same file and
-- store NUMERIC as TEXT (exact decimal strings such as '34935900' or '57.1': neither has an exact
-- arbitrary-precision type) and, in SQLite, DATE as ISO TEXT and BOOLEAN as 0/1.
-- Query it with e.g.  SELECT doc_id, CAST(value AS NUMERIC) FROM mentions WHERE type = 'money';

CREATE TABLE IF NOT EXISTS articles (
    doc_id      TEXT PRIMARY KEY,    -- path relative to the input, archive.zip/member, JSON id or file#line
    source      TEXT NOT NULL,       -- where the document was read from, as given on the command line
    digest      TEXT NOT NULL,       -- sha1 of the raw input: a rerun skips documents already stored unchanged
    status      TEXT NOT NULL,       -- 'ok' or 'failed'
    error       TEXT,                -- why it failed (NULL when ok)
    title       TEXT,                -- from the page metadata or the JSON title field
    published   DATE,                -- from the page metadata, the JSON date field or a YYYY-MM-DD file name
    n_chars     INTEGER NOT NULL,    -- length of text in code points (0 when failed)
    n_mentions  INTEGER NOT NULL,    -- rows of this document in mentions
    warnings    TEXT NOT NULL,       -- JSON array of non-fatal problems, e.g. undecodable bytes replaced
    text        TEXT                 -- the decoded text; mentions.start/end index into it (NULL when failed)
);

CREATE TABLE IF NOT EXISTS mentions (
    doc_id          TEXT NOT NULL,   -- articles.doc_id
    idx             INTEGER NOT NULL, -- position in the article's mentions (ordered by start)
    type            TEXT NOT NULL,   -- money, percent, multiple, count, quantity, date, programme, org, place, person
    start           INTEGER NOT NULL, -- code-point offset into articles.text
    "end"           INTEGER NOT NULL, -- one past the last code point
    text            TEXT NOT NULL,   -- the mention without layout whitespace
    sentence        INTEGER NOT NULL,
    rule            TEXT NOT NULL,
    value           NUMERIC,         -- money, percent, multiple, count, quantity: exact, in base units
    value_max       NUMERIC,         -- upper end of a range
    approx          TEXT,            -- about, more_than, at_least, less_than, at_most
    currency        TEXT,            -- money: ISO 4217
    unit            TEXT,            -- money, percent, quantity
    factor          NUMERIC,         -- multiple: final / base
    classifier      TEXT,            -- count
    counted         TEXT,            -- count
    date_value      TEXT,            -- date: ISO-like partial string (2020, 2020-05, 2020-Q1)
    date_value_max  TEXT,            -- date: end of a range
    relative        BOOLEAN,         -- date
    name            TEXT,            -- programme, org, place, person
    kind            TEXT,            -- programme
    full_name       TEXT,            -- place
    province        TEXT,            -- place
    title           TEXT,            -- person: the post printed next to the name
    extra           TEXT,            -- JSON object of any further model fields without a column
    PRIMARY KEY (doc_id, idx)
);

CREATE INDEX IF NOT EXISTS mentions_type ON mentions (type);
