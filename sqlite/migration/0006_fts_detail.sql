-- articles_fts keeps no token positions: Articles checks a phrase on the
-- texts the index yields for its words, and every Save writes a third
-- less to the index.
DROP TABLE articles_fts;
CREATE VIRTUAL TABLE articles_fts USING fts5(
	title, text,
	content = 'articles', content_rowid = 'id',
	tokenize = 'unicode61 remove_diacritics 2',
	columnsize = 0, detail = none
);
INSERT INTO articles_fts(articles_fts, rank) VALUES ('hashsize', 8388608);
INSERT INTO articles_fts(articles_fts, rank) VALUES ('automerge', 8);
INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');
UPDATE fts_state SET upto = (SELECT coalesce(max(id), 0) FROM articles) WHERE name = 'articles';
