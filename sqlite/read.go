package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"
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
		s, err := parseSearch(f.Query)
		if err != nil {
			return err
		}
		if err := db.Index(ctx); err != nil {
			return err
		}
		// Driving the query from the index lets SQLite stop at the limit
		// instead of collecting every match first.
		from, order = `articles_fts f JOIN articles a ON a.id = f.rowid`, `f.rowid`
		w.add(`articles_fts MATCH ?`, s.match)
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
// is id order (Save hands out quote ids so), with Speaker.EntityKey filled
// from the stored entity (its key never changes). The filters on articles
// run in SQL; the others run here, on each article's quotes. It returns
// fn's first error unchanged.
func (db *DB) Quotes(ctx context.Context, f parallax.QuoteFilter, fn func(*parallax.Quote) error) error {
	var w where
	from, order := `article_quotes aq`, `aq.article`
	if f.Article != 0 {
		w.add(`aq.article = ?`, f.Article)
	}
	if f.Entity != 0 {
		w.add(`aq.article IN (SELECT rowid FROM entity_fts WHERE entity_fts MATCH ?)`, entityMatch(f.Entity))
	}
	if f.Outlet != "" {
		w.add(`aq.article IN (SELECT id FROM articles WHERE outlet_fold IN
			(SELECT DISTINCT outlet_fold FROM articles WHERE instr(outlet_fold, ?) > 0))`, fold(f.Outlet))
	}
	var s *search
	if f.Query != "" {
		q, err := parseSearch(f.Query)
		if err != nil {
			return err
		}
		if err := db.Index(ctx); err != nil {
			return err
		}
		// The articles whose quotes have the words hold the quotes that
		// may match.
		s = &q
		if m := q.words(); m != "" {
			from, order = `quote_fts f JOIN article_quotes aq ON aq.article = f.rowid`, `f.rowid`
			w.add(`quote_fts MATCH ?`, m)
		}
	}
	var speakers map[int64]bool // entities named like f.Speaker
	speaker := fold(f.Speaker)
	if speaker != "" {
		var err error
		if speakers, err = db.entitiesNamed(ctx, speaker); err != nil {
			return err
		}
		// Only the articles where the speaker speaks are read: by name or
		// mention, or by entity when few entities have the name.
		switch {
		case len(speakers) == 0:
			w.add(`instr(aq.speakers, ?) > 0`, speaker)
		case len(speakers) <= maxSpeakerEntities:
			w.add(`(instr(aq.speakers, ?) > 0 OR aq.article IN (SELECT rowid FROM entity_fts WHERE entity_fts MATCH ?))`,
				speaker, entityMatch(slices.Collect(maps.Keys(speakers))...))
		}
	}
	q := `SELECT aq.article, aq.first, aq.n, aq.quotes, a.raw FROM ` + from +
		` JOIN articles a ON a.id = aq.article` + w.String() + ` ORDER BY ` + order
	rows, err := db.r.QueryContext(ctx, q, w.args...)
	if err != nil {
		return fmt.Errorf("sqlite: quotes: %w", err)
	}
	defer rows.Close()
	skip, left := f.Offset, f.Limit
	var toks tokens
	for rows.Next() {
		var article, first int64
		var n int
		var data, raw string
		if err := rows.Scan(&article, &first, &n, &data, &raw); err != nil {
			return fmt.Errorf("sqlite: quotes: %w", err)
		}
		qs, err := decodeQuotes(article, first, n, data, raw)
		if err != nil {
			return fmt.Errorf("sqlite: quotes of %d: %w", article, err)
		}
		for i := range qs {
			x := &qs[i]
			sp := &x.Speaker
			switch {
			case f.Entity != 0 && sp.EntityID != f.Entity,
				f.Kind != "" && x.Kind != f.Kind,
				f.MinConfidence > 0 && x.Confidence < f.MinConfidence,
				speaker != "" && !strings.Contains(fold(sp.Name)+"\n"+fold(sp.Mention), speaker) && !speakers[sp.EntityID]:
				continue
			}
			if s != nil && !s.matches(x.Text, &toks) {
				continue
			}
			if skip > 0 {
				skip--
				continue
			}
			if err := fn(x); err != nil {
				return err
			}
			if left--; left == 0 {
				return nil
			}
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("sqlite: quotes: %w", err)
	}
	return nil
}

// maxSpeakerEntities bounds the entities a speaker filter looks up in
// entity_fts; with more, it reads every article.
const maxSpeakerEntities = 64

// entitiesNamed returns the entities whose name or an alias contains the
// folded string s.
func (db *DB) entitiesNamed(ctx context.Context, s string) (map[int64]bool, error) {
	rows, err := db.r.QueryContext(ctx, `SELECT id FROM entities WHERE instr(names_fold, ?) > 0`, s)
	if err != nil {
		return nil, fmt.Errorf("sqlite: quotes: %w", err)
	}
	defer rows.Close()
	ids := map[int64]bool{}
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("sqlite: quotes: %w", err)
		}
		ids[id] = true
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: quotes: %w", err)
	}
	return ids, nil
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
		(SELECT coalesce(sum(n), 0) FROM article_quotes),
		(SELECT count(*) FROM entities),
		(SELECT count(DISTINCT outlet_fold) FROM articles WHERE outlet_fold <> '')`).
		Scan(&s.Articles, &s.Quotes, &s.Entities, &s.Outlets)
	if err != nil {
		return s, fmt.Errorf("sqlite: stats: %w", err)
	}
	return s, nil
}
