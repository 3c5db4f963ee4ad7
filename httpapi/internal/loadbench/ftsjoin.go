package main

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/sqlite"
)

// ftsJoinStore answers full-text filters the way -fts-join asks: it finds
// the matching ids with a join on the FTS table (which SQLite can stop at
// the LIMIT) and reads those rows through the store. Everything else goes
// to the store unchanged. It measures what the API would serve if the
// sqlite package's queries took that shape; it handles the filters the
// benchmark sends (query, outlet, dates, speaker) and no others.
type ftsJoinStore struct {
	*sqlite.DB
	raw *sql.DB
}

func newFTSJoinStore(db *sqlite.DB, path string) (*ftsJoinStore, error) {
	raw, err := sql.Open("sqlite", path+"?_query_only=1&_busy_timeout=5000")
	if err != nil {
		return nil, err
	}
	raw.SetMaxOpenConns(4)
	return &ftsJoinStore{DB: db, raw: raw}, nil
}

// match quotes every word, as the store does for a plain query.
func match(q string) string {
	var terms []string
	for _, w := range strings.Fields(q) {
		terms = append(terms, `"`+strings.ReplaceAll(strings.Trim(w, `"*`), `"`, `""`)+`"`)
	}
	return strings.Join(terms, " ")
}

func (s *ftsJoinStore) ids(ctx context.Context, query string, args ...any) ([]int64, error) {
	rows, err := s.raw.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

func (s *ftsJoinStore) Articles(ctx context.Context, f parallax.ArticleFilter, fn func(*parallax.Article) error) error {
	if f.Query == "" || len(f.IDs) > 0 {
		return s.DB.Articles(ctx, f, fn)
	}
	q := `SELECT a.id FROM articles_fts f JOIN articles a ON a.id = f.rowid WHERE articles_fts MATCH ?`
	args := []any{match(f.Query)}
	if f.Outlet != "" {
		q += ` AND instr(a.outlet_fold, ?) > 0`
		args = append(args, strings.ToLower(f.Outlet))
	}
	if f.Since != "" {
		q += ` AND a.day >= ?`
		args = append(args, f.Since)
	}
	if f.Until != "" {
		q += ` AND a.day <= ?`
		args = append(args, f.Until)
	}
	q += ` ORDER BY f.rowid LIMIT ? OFFSET ?`
	args = append(args, max(f.Limit, 1), f.Offset)
	ids, err := s.ids(ctx, q, args...)
	if err != nil || len(ids) == 0 {
		return err
	}
	return s.DB.Articles(ctx, parallax.ArticleFilter{IDs: ids, WithRaw: f.WithRaw}, fn)
}

func (s *ftsJoinStore) Quotes(ctx context.Context, f parallax.QuoteFilter, fn func(*parallax.Quote) error) error {
	if f.Query == "" || f.Article != 0 || f.Entity != 0 || f.Kind != "" {
		return s.DB.Quotes(ctx, f, fn)
	}
	q := `SELECT q.id, q.article FROM quotes_fts f JOIN quotes q ON q.id = f.rowid WHERE quotes_fts MATCH ?`
	args := []any{match(f.Query)}
	if f.Speaker != "" {
		q += ` AND instr(q.speaker_fold, ?) > 0`
		args = append(args, strings.ToLower(f.Speaker))
	}
	if f.Outlet != "" {
		q += ` AND q.article IN (SELECT id FROM articles WHERE instr(outlet_fold, ?) > 0)`
		args = append(args, strings.ToLower(f.Outlet))
	}
	q += ` ORDER BY f.rowid LIMIT ? OFFSET ?`
	args = append(args, max(f.Limit, 1), f.Offset)
	rows, err := s.raw.QueryContext(ctx, q, args...)
	if err != nil {
		return fmt.Errorf("fts join: %w", err)
	}
	want := map[int64]bool{}
	var arts []int64
	for rows.Next() {
		var id, art int64
		if err := rows.Scan(&id, &art); err != nil {
			rows.Close()
			return err
		}
		if len(arts) == 0 || arts[len(arts)-1] != art {
			arts = append(arts, art)
		}
		want[id] = true
	}
	rows.Close()
	// The quotes are read back through the store, article by article.
	for _, a := range arts {
		err := s.DB.Quotes(ctx, parallax.QuoteFilter{Article: a}, func(q *parallax.Quote) error {
			if want[q.ID] {
				return fn(q)
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	return nil
}
