package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	parallax "github.com/parallax-news/parallax"
)

// SaveFeatures stores or replaces the blob of kind for an article.
func (db *DB) SaveFeatures(ctx context.Context, article int64, kind string, blob []byte) error {
	if kind == "" {
		return parallax.Errorf(parallax.EINVALID, "feature kind is empty")
	}
	if blob == nil {
		blob = []byte{}
	}
	_, err := db.w.ExecContext(ctx, `INSERT INTO features(kind, article, blob) VALUES (?, ?, ?)
		ON CONFLICT(kind, article) DO UPDATE SET blob = excluded.blob`, kind, article, blob)
	if err != nil {
		return fmt.Errorf("sqlite: save features %s of %d: %w", kind, article, err)
	}
	return nil
}

// Features streams the blobs of kind in article order. It returns fn's
// first error unchanged.
func (db *DB) Features(ctx context.Context, kind string, fn func(article int64, blob []byte) error) error {
	rows, err := db.r.QueryContext(ctx, `SELECT article, blob FROM features WHERE kind = ? ORDER BY article`, kind)
	if err != nil {
		return fmt.Errorf("sqlite: features %s: %w", kind, err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var blob []byte
		if err := rows.Scan(&id, &blob); err != nil {
			return fmt.Errorf("sqlite: features %s: %w", kind, err)
		}
		if err := fn(id, blob); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("sqlite: features %s: %w", kind, err)
	}
	return nil
}

// Feature returns one article's blob of kind; parallax.ErrNotFound when
// there is none.
func (db *DB) Feature(ctx context.Context, article int64, kind string) ([]byte, error) {
	var blob []byte
	err := db.r.QueryRowContext(ctx, `SELECT blob FROM features WHERE kind = ? AND article = ?`, kind, article).Scan(&blob)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, parallax.ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("sqlite: feature %s of %d: %w", kind, article, err)
	}
	if blob == nil {
		blob = []byte{}
	}
	return blob, nil
}

// SaveDuplicates records, in one transaction, that each d.Article
// duplicates d.Original, replacing an earlier record for d.Article.
func (db *DB) SaveDuplicates(ctx context.Context, ds ...parallax.Duplicate) error {
	if len(ds) == 0 {
		return nil
	}
	tx, err := db.w.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("sqlite: save duplicates: begin: %w", err)
	}
	defer rollback(tx)
	st, err := tx.PrepareContext(ctx, `INSERT INTO duplicates(article, original, kind, similarity) VALUES (?, ?, ?, ?)
		ON CONFLICT(article) DO UPDATE SET original = excluded.original, kind = excluded.kind, similarity = excluded.similarity`)
	if err != nil {
		return fmt.Errorf("sqlite: save duplicates: %w", err)
	}
	defer st.Close()
	for _, d := range ds {
		if _, err := st.ExecContext(ctx, d.Article, d.Original, string(d.Kind), d.Similarity); err != nil {
			return fmt.Errorf("sqlite: save duplicate %d of %d: %w", d.Article, d.Original, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("sqlite: save duplicates: commit: %w", err)
	}
	return nil
}

// Duplicates streams the duplicate records in article order. It returns
// fn's first error unchanged.
func (db *DB) Duplicates(ctx context.Context, fn func(parallax.Duplicate) error) error {
	rows, err := db.r.QueryContext(ctx, `SELECT article, original, kind, similarity FROM duplicates ORDER BY article`)
	if err != nil {
		return fmt.Errorf("sqlite: duplicates: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var d parallax.Duplicate
		var kind string
		if err := rows.Scan(&d.Article, &d.Original, &kind, &d.Similarity); err != nil {
			return fmt.Errorf("sqlite: duplicates: %w", err)
		}
		d.Kind = parallax.DupKind(kind)
		if err := fn(d); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("sqlite: duplicates: %w", err)
	}
	return nil
}

// SaveStories stores the stories in one transaction; see
// parallax.CorpusStore.
func (db *DB) SaveStories(ctx context.Context, ss ...*parallax.Story) error {
	if len(ss) == 0 {
		return nil
	}
	tx, err := db.w.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("sqlite: save stories: begin: %w", err)
	}
	defer rollback(tx)
	insert, err := tx.PrepareContext(ctx, `INSERT INTO stories(title, start_day, end_day, storyline, outlets) VALUES (?, ?, ?, ?, ?)`)
	if err != nil {
		return fmt.Errorf("sqlite: save stories: %w", err)
	}
	defer insert.Close()
	upsert, err := tx.PrepareContext(ctx, `INSERT INTO stories(id, title, start_day, end_day, storyline, outlets) VALUES (?, ?, ?, ?, ?, ?)
		ON CONFLICT(id) DO UPDATE SET title = excluded.title, start_day = excluded.start_day,
		end_day = excluded.end_day, storyline = excluded.storyline, outlets = excluded.outlets, stale = 1`)
	if err != nil {
		return fmt.Errorf("sqlite: save stories: %w", err)
	}
	defer upsert.Close()
	unlink, err := tx.PrepareContext(ctx, `DELETE FROM story_articles WHERE story = ?`)
	if err != nil {
		return fmt.Errorf("sqlite: save stories: %w", err)
	}
	defer unlink.Close()
	members := newBulk(tx, `INSERT INTO story_articles(story, ord, article) VALUES `, ``, 3)
	defer members.close()

	ids := make([]int64, len(ss))
	for i, s := range ss {
		outlets := stringsJSON(s.Outlets)
		id := s.ID
		if id == 0 {
			r, err := insert.ExecContext(ctx, s.Title, s.Start, s.End, s.Storyline, outlets)
			if err != nil {
				return fmt.Errorf("sqlite: save story: %w", err)
			}
			if id, err = r.LastInsertId(); err != nil {
				return fmt.Errorf("sqlite: save story: %w", err)
			}
		} else {
			if _, err := upsert.ExecContext(ctx, id, s.Title, s.Start, s.End, s.Storyline, outlets); err != nil {
				return fmt.Errorf("sqlite: save story %d: %w", id, err)
			}
			if _, err := unlink.ExecContext(ctx, id); err != nil {
				return fmt.Errorf("sqlite: save story %d: %w", id, err)
			}
		}
		for k, a := range s.Articles {
			if err := members.add(ctx, id, k, a); err != nil {
				return fmt.Errorf("sqlite: save story %d articles: %w", id, err)
			}
		}
		ids[i] = id
	}
	if err := members.flush(ctx); err != nil {
		return fmt.Errorf("sqlite: save story articles: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("sqlite: save stories: commit: %w", err)
	}
	for i, s := range ss {
		s.ID, s.Stale = ids[i], true
	}
	return nil
}

// Story returns one story with its articles; parallax.ErrNotFound when
// there is none with this id.
func (db *DB) Story(ctx context.Context, id int64) (*parallax.Story, error) {
	var s *parallax.Story
	err := db.stories(ctx, `s.id = ?`, []any{id}, 0, 0, func(x *parallax.Story) error {
		s = x
		return nil
	})
	if err != nil {
		return nil, err
	}
	if s == nil {
		return nil, parallax.ErrNotFound
	}
	return s, nil
}

// Stories streams the matching stories, newest (by End, then id) first.
// It returns fn's first error unchanged.
func (db *DB) Stories(ctx context.Context, f parallax.StoryFilter, fn func(*parallax.Story) error) error {
	var w where
	if f.Storyline != 0 {
		w.add(`s.storyline = ?`, f.Storyline)
	}
	if f.Article != 0 {
		w.add(`s.id IN (SELECT story FROM story_articles WHERE article = ?)`, f.Article)
	}
	if f.Stale {
		w.add(`s.stale = ?`, 1)
	}
	cond := ""
	if len(w.conds) > 0 {
		cond = w.String()[len(" WHERE "):]
	}
	return db.stories(ctx, cond, w.args, f.Limit, f.Offset, fn)
}

// stories streams stories matching cond with their articles, joined in one
// query and grouped here.
func (db *DB) stories(ctx context.Context, cond string, args []any, limit, offset int, fn func(*parallax.Story) error) error {
	w := where{args: args}
	if cond != "" {
		w.conds = []string{cond}
	}
	inner := `SELECT s.id, s.title, s.start_day, s.end_day, s.storyline, s.outlets, s.stale FROM stories s` + w.String() +
		` ORDER BY s.end_day DESC, s.id DESC` + w.page(limit, offset)
	q := `SELECT s.id, s.title, s.start_day, s.end_day, s.storyline, s.outlets, s.stale, sa.article
		FROM (` + inner + `) s LEFT JOIN story_articles sa ON sa.story = s.id
		ORDER BY s.end_day DESC, s.id DESC, sa.ord`
	rows, err := db.r.QueryContext(ctx, q, w.args...)
	if err != nil {
		return fmt.Errorf("sqlite: stories: %w", err)
	}
	defer rows.Close()
	var cur *parallax.Story
	for rows.Next() {
		var s parallax.Story
		var outlets string
		var article sql.NullInt64
		if err := rows.Scan(&s.ID, &s.Title, &s.Start, &s.End, &s.Storyline, &outlets, &s.Stale, &article); err != nil {
			return fmt.Errorf("sqlite: stories: %w", err)
		}
		if cur == nil || cur.ID != s.ID {
			if cur != nil {
				if err := fn(cur); err != nil {
					return err
				}
			}
			cur = &s
			if cur.Outlets, err = unmarshalStrings(outlets); err != nil {
				return fmt.Errorf("sqlite: story %d outlets: %w", s.ID, err)
			}
		}
		if article.Valid {
			cur.Articles = append(cur.Articles, article.Int64)
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("sqlite: stories: %w", err)
	}
	if cur != nil {
		return fn(cur)
	}
	return nil
}

// ReplaceStatements replaces the statements of a story with sts, setting
// their Story and, for those with ID 0, ID. A statement with an ID keeps
// it, so links to it (RepetitionOf) survive a rebuild.
func (db *DB) ReplaceStatements(ctx context.Context, story int64, sts []*parallax.Statement) error {
	tx, err := db.w.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("sqlite: replace statements: begin: %w", err)
	}
	defer rollback(tx)
	var one int
	err = tx.QueryRowContext(ctx, `SELECT 1 FROM stories WHERE id = ?`, story).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return parallax.ErrNotFound
	}
	if err != nil {
		return fmt.Errorf("sqlite: replace statements of %d: %w", story, err)
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM statements WHERE story = ?`, story); err != nil {
		return fmt.Errorf("sqlite: replace statements of %d: %w", story, err)
	}
	if _, err := tx.ExecContext(ctx, `UPDATE stories SET stale = 0 WHERE id = ?`, story); err != nil {
		return fmt.Errorf("sqlite: replace statements of %d: %w", story, err)
	}
	ins, err := tx.PrepareContext(ctx, `INSERT INTO statements(id, story, ord, speaker, speaker_fold, text, repetition_of)
		VALUES (?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return fmt.Errorf("sqlite: replace statements of %d: %w", story, err)
	}
	defer ins.Close()
	vars := newBulk(tx, `INSERT INTO statement_quotes(statement, ord, quote, label, score, diff) VALUES `, ``, 6)
	defer vars.close()
	ids := make([]int64, len(sts))
	for i, st := range sts {
		r, err := ins.ExecContext(ctx, nullInt(st.ID), story, i, st.Speaker, fold(st.Speaker), st.Text, nullInt(st.RepetitionOf))
		if err != nil {
			return fmt.Errorf("sqlite: replace statements of %d: statement %d: %w", story, i, err)
		}
		if ids[i], err = r.LastInsertId(); err != nil {
			return fmt.Errorf("sqlite: replace statements of %d: %w", story, err)
		}
		for j, v := range st.Quotes {
			diff, err := jsonText(v.Diff)
			if err != nil {
				return fmt.Errorf("sqlite: replace statements of %d: diff: %w", story, err)
			}
			if err := vars.add(ctx, ids[i], j, v.Quote, string(v.Label), v.Score, diff); err != nil {
				return fmt.Errorf("sqlite: replace statements of %d: variants: %w", story, err)
			}
		}
	}
	if err := vars.flush(ctx); err != nil {
		return fmt.Errorf("sqlite: replace statements of %d: variants: %w", story, err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("sqlite: replace statements of %d: commit: %w", story, err)
	}
	for i, st := range sts {
		st.ID, st.Story = ids[i], story
	}
	return nil
}

// Statements streams the matching statements, by story and position, with
// their variants. It returns fn's first error unchanged.
func (db *DB) Statements(ctx context.Context, f parallax.StatementFilter, fn func(*parallax.Statement) error) error {
	var w where
	if f.Story != 0 {
		w.add(`story = ?`, f.Story)
	}
	if f.Speaker != "" {
		w.add(`instr(speaker_fold, ?) > 0`, fold(f.Speaker))
	}
	inner := `SELECT id, story, ord, speaker, text, coalesce(repetition_of, 0) AS rep FROM statements` + w.String() +
		` ORDER BY story, ord` + w.page(f.Limit, f.Offset)
	q := `SELECT s.id, s.story, s.speaker, s.text, s.rep, sq.quote, sq.label, sq.score, sq.diff
		FROM (` + inner + `) s LEFT JOIN statement_quotes sq ON sq.statement = s.id
		ORDER BY s.story, s.ord, sq.ord`
	rows, err := db.r.QueryContext(ctx, q, w.args...)
	if err != nil {
		return fmt.Errorf("sqlite: statements: %w", err)
	}
	defer rows.Close()
	var cur *parallax.Statement
	for rows.Next() {
		var s parallax.Statement
		var quote sql.NullInt64
		var label, diff sql.NullString
		var score sql.NullFloat64
		if err := rows.Scan(&s.ID, &s.Story, &s.Speaker, &s.Text, &s.RepetitionOf, &quote, &label, &score, &diff); err != nil {
			return fmt.Errorf("sqlite: statements: %w", err)
		}
		if cur == nil || cur.ID != s.ID {
			if cur != nil {
				if err := fn(cur); err != nil {
					return err
				}
			}
			cur = &s
		}
		if quote.Valid {
			v := parallax.Variant{Quote: quote.Int64, Label: parallax.VariantLabel(label.String), Score: score.Float64}
			if diff.Valid {
				if err := json.Unmarshal([]byte(diff.String), &v.Diff); err != nil {
					return fmt.Errorf("sqlite: statement %d diff: %w", s.ID, err)
				}
			}
			cur.Quotes = append(cur.Quotes, v)
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("sqlite: statements: %w", err)
	}
	if cur != nil {
		return fn(cur)
	}
	return nil
}
