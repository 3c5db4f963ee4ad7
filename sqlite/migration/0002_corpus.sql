-- What the corpus stages derive across articles: feature blobs,
-- duplicates, stories and the statements aligned within them.

CREATE TABLE features (
	kind    TEXT NOT NULL,
	article INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	blob    BLOB NOT NULL,
	PRIMARY KEY (kind, article)
) WITHOUT ROWID;
CREATE INDEX features_article ON features(article);

CREATE TABLE duplicates (
	article    INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
	original   INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	kind       TEXT NOT NULL DEFAULT '',
	similarity REAL NOT NULL DEFAULT 0
);
CREATE INDEX duplicates_original ON duplicates(original);

CREATE TABLE stories (
	id        INTEGER PRIMARY KEY,
	title     TEXT NOT NULL DEFAULT '',
	start_day TEXT NOT NULL DEFAULT '',
	end_day   TEXT NOT NULL DEFAULT '',
	storyline INTEGER NOT NULL DEFAULT 0,
	outlets   TEXT NOT NULL DEFAULT '[]'    -- JSON array
);
CREATE INDEX stories_end ON stories(end_day, id);
CREATE INDEX stories_storyline ON stories(storyline);

CREATE TABLE story_articles (
	story   INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
	ord     INTEGER NOT NULL,
	article INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	PRIMARY KEY (story, ord)
) WITHOUT ROWID;
CREATE INDEX story_articles_article ON story_articles(article);

CREATE TABLE statements (
	id            INTEGER PRIMARY KEY,
	story         INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
	ord           INTEGER NOT NULL,
	speaker       TEXT NOT NULL DEFAULT '',
	speaker_fold  TEXT NOT NULL DEFAULT '',
	text          TEXT NOT NULL DEFAULT '',
	repetition_of INTEGER               -- a statement id; not enforced, it may be replaced
);
CREATE INDEX statements_story ON statements(story, ord);
CREATE INDEX statements_repetition ON statements(repetition_of);

CREATE TABLE statement_quotes (
	statement INTEGER NOT NULL REFERENCES statements(id) ON DELETE CASCADE,
	ord       INTEGER NOT NULL,
	quote     INTEGER NOT NULL REFERENCES quotes(id) ON DELETE CASCADE,
	label     TEXT NOT NULL DEFAULT '',
	score     REAL NOT NULL DEFAULT 0,
	diff      TEXT,                     -- JSON [{op, text}]
	PRIMARY KEY (statement, ord)
) WITHOUT ROWID;
CREATE INDEX statement_quotes_quote ON statement_quotes(quote);
