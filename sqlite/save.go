package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unsafe"

	parallax "github.com/parallax-news/parallax"
)

// testHookArticle, when set (by tests), runs after the i-th analysis of a
// Save has been written inside the transaction.
var testHookArticle func(i int)

// Save stores the analyses in one transaction; see parallax.Store. An
// analysis whose body is already stored (or appears earlier in the batch)
// only records its (source, raw hash) pair; its result has Created false and
// only its Article.ID is set. Article.Hash is computed from Text when empty,
// and the hash of Raw when Article.RawHash is empty.
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
			a.Article.Hash = parallax.BodyHash([]byte(a.Article.Text))
		}
	}
	db.saveMu.Lock()
	defer db.saveMu.Unlock()
	tx, err := db.w.BeginTx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("sqlite: save: begin: %w", err)
	}
	defer rollback(tx)
	now := db.now().UTC()
	s := &saver{tx: tx, now: now, ingested: now.Format(time.RFC3339Nano), deferIndex: db.deferIndex}
	defer s.close()
	// The cache comes back only with a commit: after a failure it may
	// hold rows the rollback undid.
	cache := db.ents
	db.ents = entityCache{}
	s.scratch = db.scratch
	defer func() { db.scratch = s.scratch.emptied() }()
	db.caches++
	if err := s.useCache(ctx, cache, db.caches); err != nil {
		return nil, fmt.Errorf("sqlite: save: %w", err)
	}
	if err := s.save(ctx, as, res); err != nil {
		return nil, err
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("sqlite: save: commit: %w", err)
	}
	db.ents = s.cache
	db.sawSources(s.pairs)
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
	ingested   string // now as articles.ingested stores it
	deferIndex bool

	nextArticle, nextQuote, nextEntity int64

	article                                       *sql.Stmt
	sources, quotes, mentions, entities, features *bulk

	scratch
	words quoteWords
	pairs [][2]string // (source, raw hash) pairs of the batch
	cache entityCache
}

// scratch holds the buffers a Save builds its rows and documents in. A
// Save leaves them to the next (DB.scratch), which so does not grow them
// from nothing again.
type scratch struct {
	buf         []byte  // JSON being built
	ids         []int64 // entities of the article being saved
	appearances []byte  // entity_fts documents of the batch: {"article": "id id …", …}
	quoteDocs   []byte  // quote_fts documents of the batch, as appearances
}

// maxScratch bounds a buffer kept for the next Save.
const maxScratch = 16 << 20

// emptied returns the buffers emptied, without those grown past maxScratch.
func (sc scratch) emptied() scratch {
	keep := func(b []byte) []byte {
		if cap(b) > maxScratch {
			return nil
		}
		return b[:0]
	}
	return scratch{buf: keep(sc.buf), ids: sc.ids[:0], appearances: keep(sc.appearances), quoteDocs: keep(sc.quoteDocs)}
}

// entityCache holds the entities as this store's last Saves left them, by
// key, so that a Save reads back only the keys it has not met. It is good
// while no other connection has committed since: PRAGMA data_version, read
// inside the write transaction, has not changed. That count is the
// connection's own, so the cache also marks the connection it was made on
// (in its temp schema's user_version), and a new writer connection starts
// a new cache. Only Saves write entities, one at a time (DB.saveMu).
type entityCache struct {
	version int64
	conn    int64 // the mark; 0 for none
	rows    map[string]*entRow
}

// maxCachedEntities bounds the cache; past it, it starts again empty.
const maxCachedEntities = 1 << 17

// useCache takes c when the database has not changed under it since, on
// the same connection; else it starts an empty cache marked for next.
func (s *saver) useCache(ctx context.Context, c entityCache, next int64) error {
	var v, conn int64
	if err := s.tx.QueryRowContext(ctx, `PRAGMA data_version`).Scan(&v); err != nil {
		return fmt.Errorf("data version: %w", err)
	}
	if err := s.tx.QueryRowContext(ctx, `PRAGMA temp.user_version`).Scan(&conn); err != nil {
		return fmt.Errorf("connection mark: %w", err)
	}
	if c.rows != nil && c.version == v && c.conn != 0 && c.conn == conn && len(c.rows) <= maxCachedEntities {
		s.cache = c
		return nil
	}
	if _, err := s.tx.ExecContext(ctx, `PRAGMA temp.user_version = `+strconv.FormatInt(next, 10)); err != nil {
		return fmt.Errorf("connection mark: %w", err)
	}
	s.cache = entityCache{version: v, conn: next, rows: map[string]*entRow{}}
	return nil
}

func (s *saver) close() {
	if s.article != nil {
		s.article.Close()
	}
	for _, b := range []*bulk{s.sources, s.quotes, s.mentions, s.entities, s.features} {
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
	s.quotes = newBulk(s.tx, `INSERT INTO article_quotes(article, first, n, speakers, quotes) VALUES `, ``, 5)
	s.mentions = newBulk(s.tx, `INSERT INTO article_mentions(article, mentions) VALUES `, ``, 2)
	s.entities = newBulk(s.tx, `INSERT INTO entities(id, key, name, type, titles, aliases, names_fold) VALUES `, ``, 7)
	s.features = newBulk(s.tx, `INSERT INTO features(kind, article, blob) VALUES `,
		` ON CONFLICT(kind, article) DO UPDATE SET blob = excluded.blob`, 3)
	return nil
}

func (s *saver) save(ctx context.Context, as []*parallax.Analysis, res []parallax.SaveResult) error {
	if err := s.prepare(ctx); err != nil {
		return fmt.Errorf("sqlite: save: prepare: %w", err)
	}
	// Quote ids grow with article ids, so the last article's are the highest.
	err := s.tx.QueryRowContext(ctx, `SELECT
		coalesce((SELECT max(id) FROM articles), 0),
		coalesce((SELECT first + n - 1 FROM article_quotes ORDER BY article DESC LIMIT 1), 0),
		coalesce((SELECT max(id) FROM entities), 0)`).Scan(&s.nextArticle, &s.nextQuote, &s.nextEntity)
	if err != nil {
		return fmt.Errorf("sqlite: save: read ids: %w", err)
	}
	known, err := s.knownHashes(ctx, as)
	if err != nil {
		return fmt.Errorf("sqlite: save: look up hashes: %w", err)
	}
	if !s.deferIndex {
		// Quotes an earlier deferred Save left unindexed are read back;
		// the batch's are indexed from the analyses, at the end.
		if err := indexQuotes(ctx, s.tx); err != nil {
			return fmt.Errorf("sqlite: save: full-text index: %w", err)
		}
	}

	// Articles first (ids, rows, source pairs), then entities, mentions
	// and quotes, then the entity and full-text indexes.
	for i, a := range as {
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("sqlite: save: %w", err)
		}
		art := &a.Article
		rawHash := art.RawHash
		if rawHash == "" {
			rawHash = parallax.RawHash(art.Raw)
		}
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
		s.pairs = append(s.pairs, [2]string{art.Source, rawHash})
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
	for _, b := range []*bulk{s.quotes, s.mentions, s.features} {
		if err := b.flush(ctx); err != nil {
			return fmt.Errorf("sqlite: save quotes: %w", err)
		}
	}
	// The entities' appearances go last but for articles_fts, in one
	// statement: FTS5 flushes its pending terms at every statement that
	// opens a statement journal, so the batch makes one segment.
	if len(s.appearances) > 0 {
		s.appearances = append(s.appearances, '}')
		if _, err := s.tx.ExecContext(ctx, `INSERT INTO entity_fts(rowid, entities)
			SELECT CAST(key AS INTEGER), value FROM json_each(?)`, unsafe.String(&s.appearances[0], len(s.appearances))); err != nil {
			return fmt.Errorf("sqlite: save entity index: %w", err)
		}
	}
	if s.deferIndex {
		return nil
	}
	if err := s.index(ctx); err != nil {
		return fmt.Errorf("sqlite: save: full-text index: %w", err)
	}
	return nil
}

// index adds the batch to the full-text indexes: the quote documents made
// from its analyses, then its articles. Past Saves left none behind:
// save caught up before writing.
func (s *saver) index(ctx context.Context) error {
	if len(s.quoteDocs) > 0 {
		if err := insertQuoteDocs(ctx, s.tx, append(s.quoteDocs, '}')); err != nil {
			return err
		}
	}
	if _, err := s.tx.ExecContext(ctx, `UPDATE fts_state SET upto = ? WHERE name = 'quotes'`, s.nextArticle); err != nil {
		return err
	}
	return indexArticles(ctx, s.tx)
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
		removed, meta, s.ingested)
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
	var missing []string
	for _, k := range keys {
		if r := s.cache.rows[k]; r != nil {
			ents[k] = r
		} else {
			missing = append(missing, k)
		}
	}
	if len(missing) > 0 {
		if err := s.loadEntities(ctx, missing, ents); err != nil {
			return nil, err
		}
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
	for k, r := range ents {
		r.stored, r.changed = true, false
		s.cache.rows[k] = r
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
	na, nb := words(a), words(b)
	if na != nb {
		return na > nb
	}
	return len(a) > len(b)
}

// words counts the words of s as strings.Fields splits them.
func words(s string) int {
	n, in := 0, false
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
			in = false
		case !in:
			in = true
			n++
		}
	}
	return n
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

// saveMentionsQuotes buffers the quotes, mentions and entity appearances
// of a created analysis and sets Quote.ID, Quote.Article and
// Speaker.EntityID.
func (s *saver) saveMentionsQuotes(ctx context.Context, a *parallax.Analysis, ents map[string]*entRow) error {
	art, raw := a.Article.ID, a.Article.Raw
	ms := mentionsByEntity(a)
	ids := s.ids[:0]
	for _, em := range ms {
		ids = append(ids, em.entity)
	}
	if len(ms) > 0 {
		s.buf = appendMentions(s.buf[:0], ms, raw)
		if err := s.mentions.add(ctx, art, string(s.buf)); err != nil {
			return err
		}
	}
	if len(a.Quotes) > 0 {
		first := s.nextQuote + 1
		for j := range a.Quotes {
			q := &a.Quotes[j]
			s.nextQuote++
			q.ID = s.nextQuote
			q.Article = art
			q.Speaker.EntityID = 0
			if r := ents[q.Speaker.EntityKey]; r != nil && q.Speaker.EntityKey != "" {
				q.Speaker.EntityID = r.id
			}
			if id := q.Speaker.EntityID; id != 0 && !slices.Contains(ids, id) {
				ids = append(ids, id)
			}
		}
		var err error
		if s.buf, err = appendQuotes(s.buf[:0], a.Quotes, raw); err != nil {
			return err
		}
		if !s.deferIndex {
			if p, ok := a.Prepared.(*prepared); ok {
				s.quoteDocs = append(openDoc(s.quoteDocs, art), p.quoteWords...)
				s.quoteDocs = append(s.quoteDocs, '"')
			} else {
				s.quoteDocs = s.words.appendDoc(s.quoteDocs, art, a.Quotes)
			}
		}
		quotes := string(s.buf)
		s.buf = appendSpeakers(s.buf[:0], a.Quotes)
		if err := s.quotes.add(ctx, art, first, len(a.Quotes), string(s.buf), quotes); err != nil {
			return err
		}
	}
	s.ids = ids
	s.appear(art, ids)
	return nil
}

// appear adds to the batch's entity_fts documents the one of an article:
// the ids of the entities it mentions or quotes.
func (s *saver) appear(article int64, ids []int64) {
	if len(ids) == 0 {
		return
	}
	sep := byte(',')
	if len(s.appearances) == 0 {
		sep = '{'
	}
	s.appearances = append(s.appearances, sep, '"')
	s.appearances = strconv.AppendInt(s.appearances, article, 10)
	s.appearances = append(s.appearances, `":"`...)
	for i, id := range ids {
		if i > 0 {
			s.appearances = append(s.appearances, ' ')
		}
		s.appearances = strconv.AppendInt(s.appearances, id, 10)
	}
	s.appearances = append(s.appearances, '"')
}

// HasSource reports whether a record with this source name and source text
// hash (RawHash of Record.Text) was already saved. It asks SQLite only
// when the filter of stored pairs (seenFilter) may hold the pair, so a
// pair another process stored after the filter was built reads as new.
func (db *DB) HasSource(ctx context.Context, source, rawHash string) (bool, error) {
	f, err := db.filter(ctx)
	if err != nil {
		return false, err
	}
	if !f.mayHave(source, rawHash) {
		return false, nil
	}
	var one int
	err = db.hasSource.QueryRowContext(ctx, source, rawHash).Scan(&one)
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
