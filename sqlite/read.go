package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

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

// querier runs queries; *sql.DB and *sql.Tx are both one.
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// outletFolds returns, as a JSON array, the distinct values of
// articles.outlet_fold that contain the folded outlet s. It steps through
// the outlet index one distinct value at a time, so it costs a seek per
// outlet rather than a read of every article's entry.
func outletFolds(ctx context.Context, q querier, s string) (string, error) {
	var folds string
	err := q.QueryRowContext(ctx, `WITH RECURSIVE o(f) AS (
		SELECT min(outlet_fold) FROM articles
		UNION ALL
		SELECT (SELECT min(outlet_fold) FROM articles WHERE outlet_fold > o.f) FROM o WHERE o.f IS NOT NULL)
		SELECT json_group_array(f) FROM o WHERE instr(f, ?) > 0`, s).Scan(&folds)
	return folds, err
}

// Articles streams the matching articles in id order; Raw, Paragraphs and
// Removed only when f.WithRaw. It returns fn's first error unchanged.
func (db *DB) Articles(ctx context.Context, f parallax.ArticleFilter, fn func(*parallax.Article) error) error {
	since, until, err := parseDays(f.Since, f.Until)
	if err != nil {
		return err
	}
	var s search
	var words string // the MATCH expression
	if f.Query != "" {
		if s, err = parseSearch(f.Query); err != nil {
			return err
		}
		if err := db.Index(ctx); err != nil {
			return err
		}
		words = s.words()
	}
	// articles_fts keeps no positions: phrases, and groups of no token,
	// are checked here on the articles it yields, and pages counted here.
	recheck := f.Query != "" && (words == "" || s.hasPhrase())
	// One transaction, so the outlets looked up first and the articles
	// read after come from the same state of the file.
	tx, err := db.r.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("sqlite: articles: %w", err)
	}
	defer rollback(tx)
	var w where
	from, order, id := `articles a`, `a.id`, `a.id`
	if words != "" {
		// Driving the query from the index lets SQLite stop at the limit
		// instead of collecting every match first. A condition on +f.rowid
		// is checked on the index entry, before the article is read.
		from, order, id = `articles_fts f JOIN articles a ON a.id = f.rowid`, `f.rowid`, `+f.rowid`
		w.add(`articles_fts MATCH ?`, words)
	}
	if len(f.IDs) > 0 {
		w.add(id+` IN (SELECT value FROM json_each(?))`, idsJSON(f.IDs))
	}
	conds, ok, err := articleConds(ctx, tx, f.Outlet, since, until)
	if err != nil {
		return fmt.Errorf("sqlite: articles: %w", err)
	}
	if !ok {
		return nil
	}
	if err := w.narrow(ctx, tx, conds, id, f.Query != "", f.Limit, f.Offset); err != nil {
		return fmt.Errorf("sqlite: articles: %w", err)
	}
	cols := articleCols
	if f.WithRaw {
		cols += articleRawCols
	}
	q := `SELECT ` + cols + ` FROM ` + from + w.String() + ` ORDER BY ` + order
	skip, left := 0, 0
	if recheck {
		skip, left = f.Offset, f.Limit
	} else {
		q += w.page(f.Limit, f.Offset)
	}
	rows, err := tx.QueryContext(ctx, q, w.args...)
	if err != nil {
		return fmt.Errorf("sqlite: articles: %w", err)
	}
	defer rows.Close()
	var toks [2]tokens
	for rows.Next() {
		a, err := scanArticle(rows, f.WithRaw)
		if err != nil {
			return fmt.Errorf("sqlite: articles: %w", err)
		}
		if recheck {
			if !s.matchesColumns(toks[:], a.Title, a.Text) {
				continue
			}
			if skip > 0 {
				skip--
				continue
			}
		}
		if err := fn(a); err != nil {
			return err
		}
		if recheck && left > 0 {
			if left--; left == 0 {
				return nil
			}
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("sqlite: articles: %w", err)
	}
	return nil
}

// parseDays checks the since and until filter dates; "" stays "".
func parseDays(since, until string) (string, string, error) {
	var err error
	if since != "" {
		if since, err = parseDay("since", since); err != nil {
			return "", "", err
		}
	}
	if until != "" {
		if until, err = parseDay("until", until); err != nil {
			return "", "", err
		}
	}
	return since, until, nil
}

// articleCond is an outlet or date filter: a condition on a row of
// articles that an index answers, as written in a subquery (sub) and on
// the row a (row).
type articleCond struct {
	sub, row string
	args     []any
}

// articleConds returns the outlet and date filters (since and until
// checked by parseDays) as conditions; ok is false when no outlet
// matches, so no article can pass. An article with no day passes neither
// date bound.
func articleConds(ctx context.Context, q querier, outlet, since, until string) (conds []articleCond, ok bool, err error) {
	if outlet != "" {
		folds, err := outletFolds(ctx, q, fold(outlet))
		if err != nil {
			return nil, false, err
		}
		if folds == "[]" {
			return nil, false, nil
		}
		in := `outlet_fold IN (SELECT value FROM json_each(?))`
		conds = append(conds, articleCond{in, `a.` + in, []any{folds}})
	}
	var days articleCond
	if since != "" {
		days = articleCond{`day >= ?`, `a.day >= ?`, []any{since}}
	}
	if until != "" {
		if days.sub != "" {
			days.sub, days.row = days.sub+` AND `, days.row+` AND `
		}
		days.sub, days.row, days.args = days.sub+`day <= ?`, days.row+`a.day <= ?`, append(days.args, until)
	}
	if days.sub != "" {
		conds = append(conds, days)
	}
	return conds, true, nil
}

// narrow adds conds to w. When the query is driven by another index
// (driven), a condition few articles pass (fewArticles) is added as a set
// of ids for the driving column id to be in; any other is checked on
// the row a.
func (w *where) narrow(ctx context.Context, q querier, conds []articleCond, id string, driven bool, limit, offset int) error {
	for _, c := range conds {
		if driven {
			few, err := fewArticles(ctx, q, c.sub, c.args, limit, offset)
			if err != nil {
				return err
			}
			if few {
				w.add(id+` IN (SELECT id FROM articles WHERE `+c.sub+`)`, c.args...)
				continue
			}
		}
		w.add(c.row, c.args...)
	}
	return nil
}

// fewArticles reports whether so few articles satisfy cond that, under a
// query driven by another index (full-text, or article_quotes),
// collecting their ids from cond's index costs less than reading the
// articles the query yields to test each. If k of n articles pass, a page
// ending at limit+offset reads some (limit+offset)·n/k of them, and
// reading one costs several times what collecting an id does (taken as
// eight): the ids win while k² < 8·(limit+offset)·n.
func fewArticles(ctx context.Context, q querier, cond string, args []any, limit, offset int) (bool, error) {
	var n int64
	if err := q.QueryRowContext(ctx, `SELECT coalesce(max(id), 0) FROM articles`).Scan(&n); err != nil {
		return false, err
	}
	need := n
	if limit > 0 {
		need = min(int64(limit)+int64(max(offset, 0)), n)
	}
	most := int64(math.Sqrt(8 * float64(need) * float64(n)))
	var k int64
	err := q.QueryRowContext(ctx, `SELECT count(*) FROM (SELECT 1 FROM articles WHERE `+cond+` LIMIT ?)`,
		append(slices.Clip(args), most+1)...).Scan(&k)
	return k <= most, err
}

// Quotes streams the matching quotes in (article, position) order, which
// is id order (Save hands out quote ids so), with Speaker.EntityKey filled
// from the stored entity (its key never changes). The filters narrow the
// articles in SQL; each quote of those is then checked here. It returns
// fn's first error unchanged.
func (db *DB) Quotes(ctx context.Context, f parallax.QuoteFilter, fn func(*parallax.Quote) error) error {
	since, until, err := parseDays(f.Since, f.Until)
	if err != nil {
		return err
	}
	var s *search
	var words string
	if f.Query != "" {
		q, err := parseSearch(f.Query)
		if err != nil {
			return err
		}
		if err := db.Index(ctx); err != nil {
			return err
		}
		s, words = &q, q.words()
	}
	tx, err := db.r.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("sqlite: quotes: %w", err)
	}
	defer rollback(tx)
	var w where
	from, order, id := `article_quotes aq`, `aq.article`, `aq.article`
	if words != "" {
		// The articles whose quotes have the words hold the quotes that
		// may match. A condition on +f.rowid is checked on the index
		// entry, before the article's quotes are read.
		from, order, id = `quote_fts f JOIN article_quotes aq ON aq.article = f.rowid`, `f.rowid`, `+f.rowid`
		w.add(`quote_fts MATCH ?`, words)
	}
	if f.Article != 0 {
		w.add(`aq.article = ?`, f.Article)
	}
	if f.Entity != 0 {
		w.add(id+` IN (SELECT rowid FROM entity_fts WHERE entity_fts MATCH ?)`, entityMatch(f.Entity))
	}
	conds, ok, err := articleConds(ctx, tx, f.Outlet, since, until)
	if err != nil {
		return fmt.Errorf("sqlite: quotes: %w", err)
	}
	if !ok {
		return nil
	}
	// A page of quotes is taken to need as many articles. Without words,
	// a set of ids pays only when it drives the scan of article_quotes,
	// which the article or entity filter does when given.
	driven := words != "" || f.Article == 0 && f.Entity == 0
	if err := w.narrow(ctx, tx, conds, id, driven, f.Limit, f.Offset); err != nil {
		return fmt.Errorf("sqlite: quotes: %w", err)
	}
	var speakers map[int64]bool // entities named like f.Speaker
	speaker := fold(f.Speaker)
	if speaker != "" {
		if speakers, err = entitiesNamed(ctx, tx, speaker); err != nil {
			return err
		}
		// Only the articles where the speaker speaks are read: by name or
		// mention, or by entity when few entities have the name.
		switch {
		case len(speakers) == 0:
			w.add(`instr(aq.speakers, ?) > 0`, speaker)
		case len(speakers) <= maxSpeakerPatterns:
			// A quote of entity ID is packed with ",ID,\"" (its id, then
			// its key), as appendQuotes and json_array write it.
			cond, args := `(instr(aq.speakers, ?) > 0`, []any{speaker}
			for _, e := range slices.Sorted(maps.Keys(speakers)) {
				cond += ` OR instr(aq.quotes, ?) > 0`
				args = append(args, ","+strconv.FormatInt(e, 10)+`,"`)
			}
			w.add(cond+`)`, args...)
		case len(speakers) <= maxSpeakerEntities:
			w.add(`(instr(aq.speakers, ?) > 0 OR aq.article IN (SELECT rowid FROM entity_fts WHERE entity_fts MATCH ?))`,
				speaker, entityMatch(slices.Collect(maps.Keys(speakers))...))
		}
	}
	// CROSS JOIN keeps articles the inner loop: driven by a date or
	// outlet index, the query would sort every matching row before the
	// first.
	q := `SELECT aq.article, aq.first, aq.quotes, a.raw FROM ` + from +
		` CROSS JOIN articles a ON a.id = aq.article` + w.String() + ` ORDER BY ` + order
	rows, err := tx.QueryContext(ctx, q, w.args...)
	if err != nil {
		return fmt.Errorf("sqlite: quotes: %w", err)
	}
	defer rows.Close()
	skip, left := f.Offset, f.Limit
	var toks tokens
	var p packedQuote
	for rows.Next() {
		var article, first int64
		var data, raw string
		if err := rows.Scan(&article, &first, &data, &raw); err != nil {
			return fmt.Errorf("sqlite: quotes: %w", err)
		}
		// Each quote is checked on the fields the filters read and decoded
		// in full only when kept.
		r := quoteReader{s: data}
		r.expect('[')
		for i := 0; !r.next(']') && r.err == nil; i++ {
			if i > 0 {
				r.expect(',')
			}
			p.read(&r)
			var e int64
			if f.Entity != 0 || speaker != "" {
				e = r.atoi(p.entity)
			}
			switch {
			case r.err != nil,
				f.Entity != 0 && e != f.Entity,
				f.Kind != "" && r.unquote(p.kind) != string(f.Kind),
				f.MinConfidence > 0 && r.atof(p.conf) < f.MinConfidence,
				speaker != "" && !speakers[e] && !speaks(r.unquote(p.name), r.unquote(p.mention), speaker),
				s != nil && !s.matches(p.textIn(&r, raw), &toks):
				continue
			}
			if skip > 0 {
				skip--
				continue
			}
			x := p.quote(&r, article, first+int64(i), raw)
			if r.err != nil {
				break
			}
			if err := fn(&x); err != nil {
				return err
			}
			if left--; left == 0 {
				return nil
			}
		}
		if r.space(); r.err == nil && r.i < len(r.s) {
			r.fail()
		}
		if r.err != nil {
			return fmt.Errorf("sqlite: quotes of %d: %w", article, r.err)
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("sqlite: quotes: %w", err)
	}
	return nil
}

// speaks reports whether fold(name)+"\n"+fold(mention) contains speaker,
// a folded string, without building that string when it can.
func speaks(name, mention, speaker string) bool {
	if strings.IndexByte(speaker, '\n') >= 0 {
		return strings.Contains(fold(name)+"\n"+fold(mention), speaker)
	}
	return containsFolded(name, speaker) || containsFolded(mention, speaker)
}

// containsFolded reports whether fold(s) contains sub; an ASCII s is
// compared lower-cased in place.
func containsFolded(s, sub string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return strings.Contains(fold(s), sub)
		}
	}
outer:
	for i := 0; i+len(sub) <= len(s); i++ {
		for j := 0; j < len(sub); j++ {
			c := s[i+j]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			if c != sub[j] {
				continue outer
			}
		}
		return true
	}
	return false
}

// maxSpeakerPatterns bounds the entities a speaker filter looks for in
// the packed quotes; up to maxSpeakerEntities it looks them up in
// entity_fts, and with more it reads every article.
const (
	maxSpeakerPatterns = 8
	maxSpeakerEntities = 64
)

// entitiesNamed returns the entities whose name or an alias contains the
// folded string s.
func entitiesNamed(ctx context.Context, q querier, s string) (map[int64]bool, error) {
	rows, err := q.QueryContext(ctx, `SELECT id FROM entities WHERE instr(names_fold, ?) > 0`, s)
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
