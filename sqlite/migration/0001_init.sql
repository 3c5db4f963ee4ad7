-- Articles, their sources, entities, mentions and quotes, with full-text
-- indexes over article title and text and over quote text.

CREATE TABLE articles (
	id             INTEGER PRIMARY KEY,
	hash           TEXT NOT NULL UNIQUE,      -- hex SHA-256 of text
	source         TEXT NOT NULL DEFAULT '',
	source_id      TEXT NOT NULL DEFAULT '',
	raw_hash       TEXT NOT NULL DEFAULT '',  -- hex SHA-256 of raw
	url            TEXT NOT NULL DEFAULT '',
	outlet         TEXT NOT NULL DEFAULT '',
	outlet_fold    TEXT NOT NULL DEFAULT '',  -- lower-cased outlet, for substring filters
	title          TEXT NOT NULL DEFAULT '',
	published      TEXT NOT NULL DEFAULT '',
	day            TEXT,                      -- YYYY-MM-DD of published; NULL when unknown
	language       TEXT NOT NULL DEFAULT '',
	dateline       TEXT NOT NULL DEFAULT '',
	byline         TEXT NOT NULL DEFAULT '',
	text           TEXT NOT NULL DEFAULT '',
	raw            TEXT NOT NULL DEFAULT '',
	paragraphs     BLOB,                      -- uvarint (start delta, length) pairs
	title_start    INTEGER NOT NULL DEFAULT 0,
	title_end      INTEGER NOT NULL DEFAULT 0,
	date_start     INTEGER NOT NULL DEFAULT 0,
	date_end       INTEGER NOT NULL DEFAULT 0,
	dateline_start INTEGER NOT NULL DEFAULT 0,
	dateline_end   INTEGER NOT NULL DEFAULT 0,
	removed        TEXT,                      -- JSON [{span, reason}]
	meta           TEXT,                      -- JSON object
	ingested       TEXT NOT NULL              -- RFC 3339, UTC
);
CREATE INDEX articles_outlet ON articles(outlet_fold);
CREATE INDEX articles_day ON articles(day);

-- One row per (source, source text) ever saved, pointing at the article
-- its body became; a body seen from two sources has two rows.
CREATE TABLE sources (
	source   TEXT NOT NULL,
	raw_hash TEXT NOT NULL,
	article  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	PRIMARY KEY (source, raw_hash)
) WITHOUT ROWID;
CREATE INDEX sources_article ON sources(article);

CREATE VIRTUAL TABLE articles_fts USING fts5(
	title, text,
	content = 'articles', content_rowid = 'id',
	tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TABLE entities (
	id         INTEGER PRIMARY KEY,
	key        TEXT NOT NULL UNIQUE,
	name       TEXT NOT NULL DEFAULT '',
	type       TEXT NOT NULL DEFAULT '',
	titles     TEXT NOT NULL DEFAULT '[]',   -- JSON array
	aliases    TEXT NOT NULL DEFAULT '[]',   -- JSON array
	names_fold TEXT NOT NULL DEFAULT ''      -- lower-cased name and aliases, one a line
);
CREATE INDEX entities_type ON entities(type);

-- The mentions of one entity in one article, packed in one row: an
-- article names tens of entities tens of times, and a row per mention
-- would cost more to write than the article itself.
CREATE TABLE mentions (
	article INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	entity  INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
	spans   BLOB NOT NULL,   -- the mention spans, packed as articles.paragraphs
	kinds   TEXT NOT NULL,   -- JSON array, one mention kind per span
	texts   TEXT,            -- JSON array of the mention texts; NULL when each is its span of raw
	PRIMARY KEY (article, entity)
) WITHOUT ROWID;
CREATE INDEX mentions_entity ON mentions(entity);

CREATE TABLE quotes (
	id            INTEGER PRIMARY KEY,
	article       INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	ord           INTEGER NOT NULL,          -- position in the article's analysis; ids follow (article, ord)
	kind          TEXT NOT NULL DEFAULT '',
	text          TEXT NOT NULL DEFAULT '',
	span_start    INTEGER NOT NULL DEFAULT 0,
	span_end      INTEGER NOT NULL DEFAULT 0,
	cue           TEXT NOT NULL DEFAULT '',
	cue_start     INTEGER NOT NULL DEFAULT 0,
	cue_end       INTEGER NOT NULL DEFAULT 0,
	speaker_name  TEXT NOT NULL DEFAULT '',
	mention       TEXT NOT NULL DEFAULT '',
	mention_start INTEGER NOT NULL DEFAULT 0,
	mention_end   INTEGER NOT NULL DEFAULT 0,
	entity        INTEGER REFERENCES entities(id) ON DELETE SET NULL,
	confidence    REAL NOT NULL DEFAULT 0,
	speaker_fold  TEXT NOT NULL DEFAULT ''   -- lower-cased speaker name and mention
);
CREATE INDEX quotes_article ON quotes(article);
CREATE INDEX quotes_entity ON quotes(entity);

CREATE VIRTUAL TABLE quotes_fts USING fts5(
	text,
	content = 'quotes', content_rowid = 'id',
	tokenize = 'unicode61 remove_diacritics 2'
);

-- How far the full-text indexes reach: every article and quote with an
-- id up to upto is indexed. Save indexes in its own transaction unless
-- the store defers it; then the next search catches up.
CREATE TABLE fts_state (
	name TEXT PRIMARY KEY,   -- 'articles' or 'quotes'
	upto INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO fts_state(name, upto) VALUES ('articles', 0), ('quotes', 0);

-- FTS5 tuning: keep up to 8 MiB of pending terms in memory before writing
-- a segment (a 256-article batch fits), and merge segments 8 at a time.
INSERT INTO articles_fts(articles_fts, rank) VALUES ('hashsize', 8388608);
INSERT INTO articles_fts(articles_fts, rank) VALUES ('automerge', 8);
INSERT INTO quotes_fts(quotes_fts, rank) VALUES ('hashsize', 8388608);
INSERT INTO quotes_fts(quotes_fts, rank) VALUES ('automerge', 8);
