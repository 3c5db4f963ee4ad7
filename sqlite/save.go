package sqlite

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	parallax "github.com/parallax-news/parallax"
)

// testHookArticle, when set (by tests), runs after the i-th analysis of a
// Save has been written inside the transaction.
var testHookArticle func(i int)

// Save stores the analyses in one transaction; see parallax.Store. An
// analysis whose body is already stored (or appears earlier in the batch)
// only records its (source, raw hash) pair; its result has Created false and
// only its Article.ID is set. Article.Hash is computed from Text when empty.
// A cancelled ctx or any failure rolls the whole batch back; the ids it may
// have set in the analyses then mean nothing, and a retry sets them anew.
func (db *DB) Save(ctx context.Context, as []*parallax.Analysis) ([]parallax.SaveResult, error) {
	res := make([]parallax.SaveResult, len(as))
	if len(as) == 0 {
		return res, nil
	}
	for i, a := range as {
		if a == nil {
			return nil, parallax.Errorf(parallax.EINVALID, "analysis %d is nil", i)
		}
		if a.Article.Hash == "" {
			h := sha256.Sum256([]byte(a.Article.Text))
			a.Article.Hash = hex.EncodeToString(h[:])
		}
	}
	tx, err := db.w.BeginTx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("sqlite: save: begin: %w", err)
	}
	defer rollback(tx)
	s := &saver{tx: tx, now: db.now().UTC(), deferIndex: db.deferIndex}
	defer s.close()
	if err := s.save(ctx, as, res); err != nil {
		return nil, err
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("sqlite: save: commit: %w", err)
	}
	for i, a := range as {
		if res[i].Created {
			a.Article.Ingested = s.now
		}
	}
	return res, nil
}

// saver holds one Save's transaction, statements and id counters. The
// transaction holds SQLite's write lock from its first statement, so ids
// are handed out here, max+1 onwards, without another writer racing.
type saver struct {
	tx         *sql.Tx
	now        time.Time
	deferIndex bool

	nextArticle, nextQuote, nextEntity int64

	article                             *sql.Stmt
	sources, mentions, quotes, features *bulk
	entities                            *bulk
}

func (s *saver) close() {
	if s.article != nil {
		s.article.Close()
	}
	for _, b := range []*bulk{s.sources, s.mentions, s.quotes, s.entities, s.features} {
		if b != nil {
			b.close()
		}
	}
}

const insertArticle = `INSERT INTO articles (id, hash, source, source_id, raw_hash, url, outlet, outlet_fold,
	title, published, day, language, dateline, byline, text, raw, paragraphs,
	title_start, title_end, date_start, date_end, dateline_start, dateline_end, removed, meta, ingested)
	VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`

func (s *saver) prepare(ctx context.Context) error {
	var err error
	if s.article, err = s.tx.PrepareContext(ctx, insertArticle); err != nil {
		return err
	}
	s.sources = newBulk(s.tx, `INSERT INTO sources(source, raw_hash, article) VALUES `, ` ON CONFLICT DO NOTHING`, 3)
	s.mentions = newBulk(s.tx, `INSERT INTO mentions(article, entity, spans, kinds, texts) VALUES `, ``, 5)
	s.quotes = newBulk(s.tx, `INSERT INTO quotes(id, article, ord, kind, text, span_start, span_end, cue, cue_start, cue_end,
		speaker_name, mention, mention_start, mention_end, entity, confidence, speaker_fold) VALUES `, ``, 17)
	s.entities = newBulk(s.tx, `INSERT INTO entities(id, key, name, type, titles, aliases, names_fold) VALUES `, ``, 7)
	s.features = newBulk(s.tx, `INSERT INTO features(kind, article, blob) VALUES `,
		` ON CONFLICT(kind, article) DO UPDATE SET blob = excluded.blob`, 3)
	return nil
}

func (s *saver) save(ctx context.Context, as []*parallax.Analysis, res []parallax.SaveResult) error {
	if err := s.prepare(ctx); err != nil {
		return fmt.Errorf("sqlite: save: prepare: %w", err)
	}
	err := s.tx.QueryRowContext(ctx, `SELECT
		coalesce((SELECT max(id) FROM articles), 0),
		coalesce((SELECT max(id) FROM quotes), 0),
		coalesce((SELECT max(id) FROM entities), 0)`).Scan(&s.nextArticle, &s.nextQuote, &s.nextEntity)
	if err != nil {
		return fmt.Errorf("sqlite: save: read ids: %w", err)
	}
	known, err := s.knownHashes(ctx, as)
	if err != nil {
		return fmt.Errorf("sqlite: save: look up hashes: %w", err)
	}

	// Articles first (ids, rows, source pairs), then entities, mentions
	// and quotes, then the full-text indexes.
	for i, a := range as {
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("sqlite: save: %w", err)
		}
		art := &a.Article
		rawHash := parallax.RawHash(art.Raw)
		id, dup := known[art.Hash]
		if !dup {
			s.nextArticle++
			id = s.nextArticle
			known[art.Hash] = id
			if err := s.insertArticle(ctx, id, art, rawHash); err != nil {
				return fmt.Errorf("sqlite: save article %d: %w", i, err)
			}
		}
		art.ID = id
		res[i] = parallax.SaveResult{ID: id, Created: !dup}
		if err := s.sources.add(ctx, art.Source, rawHash, id); err != nil {
			return fmt.Errorf("sqlite: save source %d: %w", i, err)
		}
		if testHookArticle != nil {
			testHookArticle(i)
		}
	}
	if err := s.sources.flush(ctx); err != nil {
		return fmt.Errorf("sqlite: save sources: %w", err)
	}

	ents, err := s.saveEntities(ctx, as, res)
	if err != nil {
		return fmt.Errorf("sqlite: save entities: %w", err)
	}
	for i, a := range as {
		if !res[i].Created {
			continue
		}
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("sqlite: save: %w", err)
		}
		if err := s.saveMentionsQuotes(ctx, a, ents); err != nil {
			return fmt.Errorf("sqlite: save quotes %d: %w", i, err)
		}
		for _, kind := range sortedKinds(a.Features) {
			if err := s.features.add(ctx, kind, a.Article.ID, a.Features[kind]); err != nil {
				return fmt.Errorf("sqlite: save features %d: %w", i, err)
			}
		}
	}
	for _, b := range []*bulk{s.mentions, s.quotes, s.features} {
		if err := b.flush(ctx); err != nil {
			return fmt.Errorf("sqlite: save quotes: %w", err)
		}
	}
	if s.deferIndex {
		return nil
	}
	if err := indexFTS(ctx, s.tx); err != nil {
		return fmt.Errorf("sqlite: save: full-text index: %w", err)
	}
	return nil
}

// indexFTS adds the articles and quotes past the fts_state marks to the
// full-text indexes and moves the marks, in tx. Each table goes in one
// INSERT … SELECT, read back from the rows just written: FTS5 flushes its
// pending terms whenever a statement opens a statement journal (as
// multi-row statements do), so indexing last, in few statements, leaves
// few segments to merge.
func indexFTS(ctx context.Context, tx *sql.Tx) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO articles_fts(rowid, title, text)
		SELECT id, title, text FROM articles WHERE id > (SELECT upto FROM fts_state WHERE name = 'articles') ORDER BY id`)
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO quotes_fts(rowid, text)
		SELECT id, text FROM quotes WHERE id > (SELECT upto FROM fts_state WHERE name = 'quotes') ORDER BY id`)
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `UPDATE fts_state SET upto = CASE name
		WHEN 'articles' THEN (SELECT coalesce(max(id), 0) FROM articles)
		ELSE (SELECT coalesce(max(id), 0) FROM quotes) END`)
	return err
}

// knownHashes maps the batch's body hashes already stored to their ids.
func (s *saver) knownHashes(ctx context.Context, as []*parallax.Analysis) (map[string]int64, error) {
	hs := make([]string, len(as))
	for i, a := range as {
		hs[i] = a.Article.Hash
	}
	b, err := json.Marshal(hs)
	if err != nil {
		return nil, err
	}
	rows, err := s.tx.QueryContext(ctx, `SELECT hash, id FROM articles WHERE hash IN (SELECT value FROM json_each(?))`, string(b))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	known := make(map[string]int64, len(as))
	for rows.Next() {
		var h string
		var id int64
		if err := rows.Scan(&h, &id); err != nil {
			return nil, err
		}
		known[h] = id
	}
	return known, rows.Err()
}

func (s *saver) insertArticle(ctx context.Context, id int64, a *parallax.Article, rawHash string) error {
	var paragraphs any
	if p := encodeSpans(a.Paragraphs); p != nil {
		paragraphs = p
	}
	removed, err := jsonText(a.Removed)
	if err != nil {
		return fmt.Errorf("encode removed: %w", err)
	}
	meta, err := jsonText(a.Meta)
	if err != nil {
		return fmt.Errorf("encode meta: %w", err)
	}
	_, err = s.article.ExecContext(ctx, id, a.Hash, a.Source, a.SourceID, rawHash, a.URL, a.Outlet, fold(a.Outlet),
		a.Title, a.Published, day(a.Published), a.Language, a.Dateline, a.Byline, a.Text, a.Raw, paragraphs,
		a.TitleSpan.Start, a.TitleSpan.End, a.DateSpan.Start, a.DateSpan.End, a.DatelineSpan.Start, a.DatelineSpan.End,
		removed, meta, s.now.Format(time.RFC3339Nano))
	return err
}

// entRow is an entity as the batch leaves it.
type entRow struct {
	id              int64
	key, name, typ  string
	titles, aliases []string
	stored, changed bool
}

// entityKey is the key an entity is stored under: its Key, or its folded
// name when an upstream stage left Key empty.
func entityKey(e *parallax.Entity) string {
	if e.Key != "" {
		return e.Key
	}
	return strings.Join(strings.Fields(fold(e.Name)), " ")
}

// saveEntities merges the entities of the created analyses with the stored
// ones by key (union of titles and aliases, fullest name), writes new and
// changed rows, and sets Entity.ID. It returns the batch's entities by key,
// including stored entities that quotes name as speakers.
func (s *saver) saveEntities(ctx context.Context, as []*parallax.Analysis, res []parallax.SaveResult) (map[string]*entRow, error) {
	var keys []string
	seen := map[string]bool{}
	for i, a := range as {
		if !res[i].Created {
			continue
		}
		for j := range a.Entities {
			if k := entityKey(&a.Entities[j]); k != "" && !seen[k] {
				seen[k] = true
				keys = append(keys, k)
			}
		}
		for j := range a.Quotes {
			if k := a.Quotes[j].Speaker.EntityKey; k != "" && !seen[k] {
				seen[k] = true
				keys = append(keys, k)
			}
		}
	}
	ents := make(map[string]*entRow, len(keys))
	if len(keys) == 0 {
		return ents, nil
	}
	if err := s.loadEntities(ctx, keys, ents); err != nil {
		return nil, err
	}
	var created []*entRow
	for i, a := range as {
		if !res[i].Created {
			continue
		}
		for j := range a.Entities {
			e := &a.Entities[j]
			k := entityKey(e)
			if k == "" {
				continue
			}
			r := ents[k]
			if r == nil {
				s.nextEntity++
				r = &entRow{id: s.nextEntity, key: k, name: e.Name, typ: string(e.Type)}
				ents[k] = r
				created = append(created, r)
			}
			r.merge(e)
			e.ID = r.id
		}
	}
	for _, r := range created {
		if err := s.entities.add(ctx, r.id, r.key, r.name, r.typ, stringsJSON(r.titles), stringsJSON(r.aliases),
			foldNames(r.name, r.aliases)); err != nil {
			return nil, err
		}
	}
	if err := s.entities.flush(ctx); err != nil {
		return nil, err
	}
	var update *sql.Stmt
	for _, k := range keys {
		r := ents[k]
		if r == nil || !r.stored || !r.changed {
			continue
		}
		if update == nil {
			st, err := s.tx.PrepareContext(ctx, `UPDATE entities SET name = ?, type = ?, titles = ?, aliases = ?, names_fold = ? WHERE id = ?`)
			if err != nil {
				return nil, err
			}
			defer st.Close()
			update = st
		}
		if _, err := update.ExecContext(ctx, r.name, r.typ, stringsJSON(r.titles), stringsJSON(r.aliases),
			foldNames(r.name, r.aliases), r.id); err != nil {
			return nil, err
		}
	}
	return ents, nil
}

// loadEntities reads the stored entities among keys into ents.
func (s *saver) loadEntities(ctx context.Context, keys []string, ents map[string]*entRow) error {
	b, err := json.Marshal(keys)
	if err != nil {
		return err
	}
	rows, err := s.tx.QueryContext(ctx, `SELECT id, key, name, type, titles, aliases FROM entities
		WHERE key IN (SELECT value FROM json_each(?))`, string(b))
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		r := &entRow{stored: true}
		var titles, aliases string
		if err := rows.Scan(&r.id, &r.key, &r.name, &r.typ, &titles, &aliases); err != nil {
			return err
		}
		if r.titles, err = unmarshalStrings(titles); err != nil {
			return fmt.Errorf("entity %d titles: %w", r.id, err)
		}
		if r.aliases, err = unmarshalStrings(aliases); err != nil {
			return fmt.Errorf("entity %d aliases: %w", r.id, err)
		}
		ents[r.key] = r
	}
	return rows.Err()
}

// merge folds e into r: the fuller name (more words, then more bytes), the
// first known type, and the union of titles and aliases in first-seen order.
func (r *entRow) merge(e *parallax.Entity) {
	if fuller(e.Name, r.name) {
		r.name = e.Name
		r.changed = true
	}
	if r.typ == "" && e.Type != "" {
		r.typ = string(e.Type)
		r.changed = true
	}
	var ch bool
	r.titles, ch = union(r.titles, e.Titles)
	r.changed = r.changed || ch
	r.aliases, ch = union(r.aliases, e.Aliases)
	r.changed = r.changed || ch
}

// fuller reports whether name a is fuller than b.
func fuller(a, b string) bool {
	na, nb := len(strings.Fields(a)), len(strings.Fields(b))
	if na != nb {
		return na > nb
	}
	return len(a) > len(b)
}

// union appends to dst the strings of src it lacks.
func union(dst, src []string) ([]string, bool) {
	changed := false
outer:
	for _, s := range src {
		if s == "" {
			continue
		}
		for _, d := range dst {
			if d == s {
				continue outer
			}
		}
		dst = append(dst, s)
		changed = true
	}
	return dst, changed
}

// saveMentionsQuotes buffers the mentions and quotes of a created analysis
// and sets Quote.ID, Quote.Article and Speaker.EntityID.
func (s *saver) saveMentionsQuotes(ctx context.Context, a *parallax.Analysis, ents map[string]*entRow) error {
	art := a.Article.ID
	if err := s.saveMentions(ctx, a); err != nil {
		return err
	}
	for j := range a.Quotes {
		q := &a.Quotes[j]
		s.nextQuote++
		q.ID = s.nextQuote
		q.Article = art
		q.Speaker.EntityID = 0
		if r := ents[q.Speaker.EntityKey]; r != nil && q.Speaker.EntityKey != "" {
			q.Speaker.EntityID = r.id
		}
		sp := q.Speaker
		err := s.quotes.add(ctx, q.ID, art, j, string(q.Kind), q.Text, q.Span.Start, q.Span.End,
			q.Cue, q.CueSpan.Start, q.CueSpan.End, sp.Name, sp.Mention, sp.MentionSpan.Start, sp.MentionSpan.End,
			nullInt(sp.EntityID), q.Confidence, fold(sp.Name)+"\n"+fold(sp.Mention))
		if err != nil {
			return err
		}
	}
	return nil
}

// saveMentions buffers one row per entity of a created analysis, packing
// its mentions; entities listed twice under one key share the row.
func (s *saver) saveMentions(ctx context.Context, a *parallax.Analysis) error {
	var byID map[int64][]parallax.Mention
	var order []int64
	for j := range a.Entities {
		e := &a.Entities[j]
		if e.ID == 0 || len(e.Mentions) == 0 {
			continue
		}
		if byID == nil {
			byID = make(map[int64][]parallax.Mention, len(a.Entities))
		}
		if _, ok := byID[e.ID]; !ok {
			order = append(order, e.ID)
		}
		byID[e.ID] = append(byID[e.ID], e.Mentions...)
	}
	raw := a.Article.Raw
	for _, id := range order {
		ms := byID[id]
		spans := make([]parallax.Span, len(ms))
		kinds := make([]string, len(ms))
		own := false
		for k, m := range ms {
			spans[k], kinds[k] = m.Span, string(m.Kind)
			own = own || m.Text != m.Span.In(raw)
		}
		var texts any
		if own {
			ts := make([]string, len(ms))
			for k, m := range ms {
				ts[k] = m.Text
			}
			texts = stringsJSON(ts)
		}
		if err := s.mentions.add(ctx, a.Article.ID, id, encodeSpans(spans), stringsJSON(kinds), texts); err != nil {
			return err
		}
	}
	return nil
}

// HasSource reports whether a record with this source name and source text
// hash (RawHash of Record.Text) was already saved.
func (db *DB) HasSource(ctx context.Context, source, rawHash string) (bool, error) {
	var one int
	err := db.r.QueryRowContext(ctx, `SELECT 1 FROM sources WHERE source = ? AND raw_hash = ?`, source, rawHash).Scan(&one)
	if err == sql.ErrNoRows {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("sqlite: has source: %w", err)
	}
	return true, nil
}

// sortedKinds returns the feature kinds of m in order, so saves are deterministic.
func sortedKinds(m map[string][]byte) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}
