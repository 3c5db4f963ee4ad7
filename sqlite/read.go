package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	parallax "github.com/parallax-news/parallax"
)

// where collects the conditions and arguments of a filtered query.
type where struct {
	conds []string
	args  []any
}

func (w *where) add(cond string, args ...any) {
	w.conds = append(w.conds, cond)
	w.args = append(w.args, args...)
}

func (w *where) String() string {
	if len(w.conds) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(w.conds, " AND ")
}

// page appends LIMIT and OFFSET clauses.
func (w *where) page(limit, offset int) string {
	switch {
	case limit > 0:
		w.args = append(w.args, limit, max(offset, 0))
		return " LIMIT ? OFFSET ?"
	case offset > 0:
		w.args = append(w.args, offset)
		return " LIMIT -1 OFFSET ?"
	}
	return ""
}

func idsJSON(ids []int64) string {
	b, _ := json.Marshal(ids) // []int64 always marshals
	return string(b)
}

const articleCols = `a.id, a.hash, a.source, a.source_id, a.url, a.outlet, a.title, a.published, a.language,
	a.dateline, a.byline, a.text, a.title_start, a.title_end, a.date_start, a.date_end,
	a.dateline_start, a.dateline_end, a.meta, a.ingested`

const articleRawCols = `, a.raw, a.paragraphs, a.removed`

// scanArticle reads a row of articleCols (and articleRawCols when withRaw).
func scanArticle(rows interface{ Scan(...any) error }, withRaw bool) (*parallax.Article, error) {
	a := &parallax.Article{}
	var meta, removed sql.NullString
	var ingested string
	var paragraphs []byte
	dst := []any{&a.ID, &a.Hash, &a.Source, &a.SourceID, &a.URL, &a.Outlet, &a.Title, &a.Published, &a.Language,
		&a.Dateline, &a.Byline, &a.Text, &a.TitleSpan.Start, &a.TitleSpan.End, &a.DateSpan.Start, &a.DateSpan.End,
		&a.DatelineSpan.Start, &a.DatelineSpan.End, &meta, &ingested}
	if withRaw {
		dst = append(dst, &a.Raw, &paragraphs, &removed)
	}
	if err := rows.Scan(dst...); err != nil {
		return nil, err
	}
	var err error
	if a.Ingested, err = time.Parse(time.RFC3339Nano, ingested); err != nil {
		return nil, fmt.Errorf("article %d ingested: %w", a.ID, err)
	}
	if meta.Valid {
		if err := json.Unmarshal([]byte(meta.String), &a.Meta); err != nil {
			return nil, fmt.Errorf("article %d meta: %w", a.ID, err)
		}
	}
	if withRaw {
		if a.Paragraphs, err = decodeSpans(paragraphs); err != nil {
			return nil, fmt.Errorf("article %d paragraphs: %w", a.ID, err)
		}
		if removed.Valid {
			if err := json.Unmarshal([]byte(removed.String), &a.Removed); err != nil {
				return nil, fmt.Errorf("article %d removed: %w", a.ID, err)
			}
		}
	}
	return a, nil
}

// Article returns one article with Raw, Paragraphs and Removed filled;
// parallax.ErrNotFound when there is none with this id.
func (db *DB) Article(ctx context.Context, id int64) (*parallax.Article, error) {
	row := db.r.QueryRowContext(ctx, `SELECT `+articleCols+articleRawCols+` FROM articles a WHERE a.id = ?`, id)
	a, err := scanArticle(row, true)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, parallax.ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("sqlite: article %d: %w", id, err)
	}
	return a, nil
}

// Articles streams the matching articles in id order; Raw, Paragraphs and
// Removed only when f.WithRaw. It returns fn's first error unchanged.
func (db *DB) Articles(ctx context.Context, f parallax.ArticleFilter, fn func(*parallax.Article) error) error {
	var w where
	from, order := `articles a`, `a.id`
	if len(f.IDs) > 0 {
		w.add(`a.id IN (SELECT value FROM json_each(?))`, idsJSON(f.IDs))
	}
	if f.Outlet != "" {
		// The distinct outlets are few: match them on the index, then
		// look the articles up by outlet.
		w.add(`a.outlet_fold IN (SELECT DISTINCT outlet_fold FROM articles WHERE instr(outlet_fold, ?) > 0)`, fold(f.Outlet))
	}
	if f.Since != "" {
		d, err := parseDay("since", f.Since)
		if err != nil {
			return err
		}
		w.add(`a.day >= ?`, d)
	}
	if f.Until != "" {
		d, err := parseDay("until", f.Until)
		if err != nil {
			return err
		}
		w.add(`a.day <= ?`, d)
	}
	if f.Query != "" {
		m, err := ftsQuery(f.Query)
		if err != nil {
			return err
		}
		if err := db.Index(ctx); err != nil {
			return err
		}
		// Driving the query from the index lets SQLite stop at the limit
		// instead of collecting every match first.
		from, order = `articles_fts f JOIN articles a ON a.id = f.rowid`, `f.rowid`
		w.add(`articles_fts MATCH ?`, m)
	}
	cols := articleCols
	if f.WithRaw {
		cols += articleRawCols
	}
	q := `SELECT ` + cols + ` FROM ` + from + w.String() + ` ORDER BY ` + order + w.page(f.Limit, f.Offset)
	rows, err := db.r.QueryContext(ctx, q, w.args...)
	if err != nil {
		return fmt.Errorf("sqlite: articles: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		a, err := scanArticle(rows, f.WithRaw)
		if err != nil {
			return fmt.Errorf("sqlite: articles: %w", err)
		}
		if err := fn(a); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("sqlite: articles: %w", err)
	}
	return nil
}

// Quotes streams the matching quotes in (article, position) order, which
// is id order (Save hands out quote ids so), with
// Speaker.EntityKey filled from the stored entity. It returns fn's first
// error unchanged.
func (db *DB) Quotes(ctx context.Context, f parallax.QuoteFilter, fn func(*parallax.Quote) error) error {
	var w where
	from, order := `quotes q LEFT JOIN entities e ON e.id = q.entity`, `q.id`
	if f.Article != 0 {
		w.add(`q.article = ?`, f.Article)
	}
	if f.Speaker != "" {
		s := fold(f.Speaker)
		w.add(`(instr(q.speaker_fold, ?) > 0 OR q.entity IN (SELECT id FROM entities WHERE instr(names_fold, ?) > 0))`, s, s)
	}
	if f.Entity != 0 {
		w.add(`q.entity = ?`, f.Entity)
	}
	if f.Outlet != "" {
		w.add(`q.article IN (SELECT id FROM articles WHERE outlet_fold IN
			(SELECT DISTINCT outlet_fold FROM articles WHERE instr(outlet_fold, ?) > 0))`, fold(f.Outlet))
	}
	if f.Kind != "" {
		w.add(`q.kind = ?`, string(f.Kind))
	}
	if f.MinConfidence > 0 {
		w.add(`q.confidence >= ?`, f.MinConfidence)
	}
	if f.Query != "" {
		m, err := ftsQuery(f.Query)
		if err != nil {
			return err
		}
		if err := db.Index(ctx); err != nil {
			return err
		}
		from, order = `quotes_fts f JOIN quotes q ON q.id = f.rowid LEFT JOIN entities e ON e.id = q.entity`, `f.rowid`
		w.add(`quotes_fts MATCH ?`, m)
	}
	q := `SELECT q.id, q.article, q.kind, q.text, q.span_start, q.span_end, q.cue, q.cue_start, q.cue_end,
		q.speaker_name, q.mention, q.mention_start, q.mention_end, coalesce(q.entity, 0), coalesce(e.key, ''), q.confidence
		FROM ` + from + w.String() + ` ORDER BY ` + order + w.page(f.Limit, f.Offset)
	rows, err := db.r.QueryContext(ctx, q, w.args...)
	if err != nil {
		return fmt.Errorf("sqlite: quotes: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		x := &parallax.Quote{}
		sp := &x.Speaker
		var kind string
		if err := rows.Scan(&x.ID, &x.Article, &kind, &x.Text, &x.Span.Start, &x.Span.End, &x.Cue, &x.CueSpan.Start,
			&x.CueSpan.End, &sp.Name, &sp.Mention, &sp.MentionSpan.Start, &sp.MentionSpan.End, &sp.EntityID,
			&sp.EntityKey, &x.Confidence); err != nil {
			return fmt.Errorf("sqlite: quotes: %w", err)
		}
		x.Kind = parallax.QuoteKind(kind)
		if err := fn(x); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("sqlite: quotes: %w", err)
	}
	return nil
}

// Entities streams the matching entities by id, without Mentions. It
// returns fn's first error unchanged.
func (db *DB) Entities(ctx context.Context, f parallax.EntityFilter, fn func(*parallax.Entity) error) error {
	var w where
	if f.Name != "" {
		w.add(`instr(names_fold, ?) > 0`, fold(f.Name))
	}
	if f.Type != "" {
		w.add(`type = ?`, string(f.Type))
	}
	q := `SELECT id, key, name, type, titles, aliases FROM entities` + w.String() + ` ORDER BY id` + w.page(f.Limit, f.Offset)
	rows, err := db.r.QueryContext(ctx, q, w.args...)
	if err != nil {
		return fmt.Errorf("sqlite: entities: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		e := &parallax.Entity{}
		var typ, titles, aliases string
		if err := rows.Scan(&e.ID, &e.Key, &e.Name, &typ, &titles, &aliases); err != nil {
			return fmt.Errorf("sqlite: entities: %w", err)
		}
		e.Type = parallax.EntityType(typ)
		if e.Titles, err = unmarshalStrings(titles); err != nil {
			return fmt.Errorf("sqlite: entity %d titles: %w", e.ID, err)
		}
		if e.Aliases, err = unmarshalStrings(aliases); err != nil {
			return fmt.Errorf("sqlite: entity %d aliases: %w", e.ID, err)
		}
		if err := fn(e); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("sqlite: entities: %w", err)
	}
	return nil
}

// Stats counts stored articles, quotes, entities and distinct outlets.
func (db *DB) Stats(ctx context.Context) (parallax.Stats, error) {
	var s parallax.Stats
	err := db.r.QueryRowContext(ctx, `SELECT
		(SELECT count(*) FROM articles),
		(SELECT count(*) FROM quotes),
		(SELECT count(*) FROM entities),
		(SELECT count(DISTINCT outlet_fold) FROM articles WHERE outlet_fold <> '')`).
		Scan(&s.Articles, &s.Quotes, &s.Entities, &s.Outlets)
	if err != nil {
		return s, fmt.Errorf("sqlite: stats: %w", err)
	}
	return s, nil
}
