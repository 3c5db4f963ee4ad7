-- An article's quotes and mentions are written and read together, so they
-- are stored together: one row each per article, in JSON, instead of a row
-- per quote and per (article, entity) with their indexes, and a full-text
-- index of the words of each article's quotes takes the place of one over
-- every quote. entity_fts says where each entity appears.

-- Quote ids run from first to first + n - 1 in order; Save hands them out
-- in article order. Each quote is an array: kind, text (null when it is
-- the span's text of articles.raw), span start, span end, cue, cue start,
-- cue end, speaker name, mention, mention start, mention end, entity id
-- (0 when none), entity key ('' when none), confidence; spans are byte
-- offsets into raw. speakers has, for each quote, its lower-cased speaker
-- name and mention, all one a line, for speaker filters to skip articles.
CREATE TABLE article_quotes (
	article  INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
	first    INTEGER NOT NULL,
	n        INTEGER NOT NULL,
	speakers TEXT NOT NULL,
	quotes   TEXT NOT NULL
);
CREATE INDEX article_quotes_n ON article_quotes(n); -- counts quotes without reading them

INSERT INTO article_quotes(article, first, n, speakers, quotes)
	SELECT q.article, min(q.id), count(*), group_concat(q.speaker_fold, char(10) ORDER BY q.ord), json_group_array(json_array(
		q.kind, q.text, q.span_start, q.span_end, q.cue, q.cue_start, q.cue_end,
		q.speaker_name, q.mention, q.mention_start, q.mention_end,
		coalesce(q.entity, 0), coalesce((SELECT e.key FROM entities e WHERE e.id = q.entity), ''),
		q.confidence) ORDER BY q.ord)
	FROM quotes q GROUP BY q.article;

-- One element per entity, by entity id: e entity id, s the mention spans
-- in hex (packed as articles.paragraphs), k their kinds, t their texts
-- (null when each is its span of raw).
CREATE TABLE article_mentions (
	article  INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
	mentions TEXT NOT NULL
);

INSERT INTO article_mentions(article, mentions)
	SELECT article, json_group_array(json_object(
		'e', entity, 's', hex(spans), 'k', json(kinds), 't', json(texts)) ORDER BY entity)
	FROM mentions GROUP BY article;

-- Where each entity appears (mentioned or quoting): an FTS5 index over one
-- document per article, its entity ids. A posting list per entity costs a
-- fraction of what a row per (entity, article) pair costs to write.
CREATE VIRTUAL TABLE entity_fts USING fts5(
	entities,
	content = '', columnsize = 0, detail = none,
	tokenize = 'ascii'
);
INSERT INTO entity_fts(entity_fts, rank) VALUES ('hashsize', 8388608);
INSERT INTO entity_fts(entity_fts, rank) VALUES ('automerge', 8);
INSERT INTO entity_fts(rowid, entities)
	SELECT article, group_concat(entity, ' ') FROM (
		SELECT entity, article FROM mentions
		UNION SELECT entity, article FROM quotes WHERE entity IS NOT NULL)
	GROUP BY article;

-- Variants keep their quote ids, now without a table to reference; the
-- new table must replace the old before quotes goes, or dropping quotes
-- would cascade to it.
CREATE TABLE statement_quotes_new (
	statement INTEGER NOT NULL REFERENCES statements(id) ON DELETE CASCADE,
	ord       INTEGER NOT NULL,
	quote     INTEGER NOT NULL,         -- a quote id (article_quotes)
	label     TEXT NOT NULL DEFAULT '',
	score     REAL NOT NULL DEFAULT 0,
	diff      TEXT,                     -- JSON [{op, text}]
	PRIMARY KEY (statement, ord)
) WITHOUT ROWID;
INSERT INTO statement_quotes_new SELECT statement, ord, quote, label, score, diff FROM statement_quotes;
DROP TABLE statement_quotes;
ALTER TABLE statement_quotes_new RENAME TO statement_quotes;
CREATE INDEX statement_quotes_quote ON statement_quotes(quote);

-- Quote search finds the articles whose quotes have the words it looks
-- for in quote_fts, one document per article: the words of its quotes, as
-- Parallax folds them (see tokens.split), so ascii splits them back. Index
-- fills it for the articles past the 'quotes' mark of fts_state, which now
-- counts articles.
CREATE VIRTUAL TABLE quote_fts USING fts5(
	words,
	content = '', columnsize = 0, detail = none,
	tokenize = 'ascii'
);
INSERT INTO quote_fts(quote_fts, rank) VALUES ('hashsize', 8388608);
INSERT INTO quote_fts(quote_fts, rank) VALUES ('automerge', 8);
DROP TABLE quotes_fts;
UPDATE fts_state SET upto = 0 WHERE name = 'quotes';

-- Nothing ranks matches, so articles_fts keeps no token counts: it is
-- made again, over every article.
DROP TABLE articles_fts;
CREATE VIRTUAL TABLE articles_fts USING fts5(
	title, text,
	content = 'articles', content_rowid = 'id',
	tokenize = 'unicode61 remove_diacritics 2',
	columnsize = 0
);
INSERT INTO articles_fts(articles_fts, rank) VALUES ('hashsize', 8388608);
INSERT INTO articles_fts(articles_fts, rank) VALUES ('automerge', 8);
INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');
UPDATE fts_state SET upto = (SELECT coalesce(max(id), 0) FROM articles) WHERE name = 'articles';
DROP TABLE quotes;
DROP TABLE mentions;

-- Three types over every entity make an index that filters nothing.
DROP INDEX entities_type;
