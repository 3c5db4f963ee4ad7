package sqlite

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"database/sql/driver"
	"encoding/hex"
	"errors"
	"fmt"
	"math"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	parallax "github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/storetest"
)

func TestFTSQuery(t *testing.T) {
	cases := []struct {
		name, in, want string
		invalid        bool
	}{
		{name: "words", in: "flood barrier", want: `"flood" "barrier"`},
		{name: "phrase", in: `"flood barrier" vote`, want: `"flood barrier" "vote"`},
		{name: "unterminated phrase", in: `"flood barrier`, want: `"flood barrier"`},
		{name: "prefix", in: "constr*", want: `"constr"*`},
		{name: "or", in: "flood OR storm", want: `"flood" OR "storm"`},
		{name: "leading or dropped", in: "OR storm", want: `"storm"`},
		{name: "trailing or dropped", in: "storm OR", want: `"storm"`},
		{name: "lower or is a word", in: "flood or storm", want: `"flood" "or" "storm"`},
		{name: "operators are text", in: "a AND NOT NEAR(b", want: `"a" "AND" "NOT" "NEAR(b"`},
		{name: "quote inside word", in: `it"s`, want: `"it" "s"`},
		{name: "column syntax is text", in: "title:x", want: `"title:x"`},
		{name: "punctuation only dropped", in: "flood -- !!", want: `"flood"`},
		{name: "non-latin", in: "Ünal Кремль", want: `"Ünal" "Кремль"`},
		{name: "control bytes split", in: "flood\x00barrier\tvote", want: `"flood" "barrier" "vote"`},
		{name: "control bytes in phrase", in: "\"flood\x00barrier\"", want: `"flood barrier"`},
		{name: "empty", in: "   ", invalid: true},
		{name: "no words", in: `"" * - ()`, invalid: true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s, err := parseSearch(tc.in)
			if tc.invalid {
				if parallax.ErrorCode(err) != parallax.EINVALID {
					t.Fatalf("parseSearch(%q) = %q, %v; want an invalid error", tc.in, s.match, err)
				}
				return
			}
			if err != nil || s.match != tc.want {
				t.Errorf("parseSearch(%q) = %q, %v; want %q", tc.in, s.match, err, tc.want)
			}
		})
	}
}

func FuzzFTSQuery(f *testing.F) {
	for _, s := range []string{`"a b" c*`, "x OR y", `NEAR("a" "b", 3)`, `"""`, "title:x -y ^z", "\x00\xff"} {
		f.Add(s)
	}
	db, err := Open(context.Background(), filepath.Join(f.TempDir(), "fuzz.db"), Options{})
	if err != nil {
		f.Fatal(err)
	}
	f.Cleanup(func() { db.Close() })
	f.Fuzz(func(t *testing.T, q string) {
		s, err := parseSearch(q)
		if err != nil {
			if parallax.ErrorCode(err) != parallax.EINVALID {
				t.Fatalf("parseSearch(%q): %v", q, err)
			}
			return
		}
		// Whatever the input, both indexes must accept the expression.
		if w := s.words(); w != "" {
			for _, table := range []string{"articles_fts", "quote_fts"} {
				var n int
				if err := db.r.QueryRow(`SELECT count(*) FROM `+table+` WHERE `+table+` MATCH ?`, w).Scan(&n); err != nil {
					t.Fatalf("parseSearch(%q).words() = %q, which %s rejects: %v", q, w, table, err)
				}
			}
		}
	})
}

func TestSpansRoundTrip(t *testing.T) {
	cases := []struct {
		name  string
		spans []parallax.Span
	}{
		{"none", nil},
		{"one", []parallax.Span{{Start: 3, End: 9}}},
		{"ordered", []parallax.Span{{Start: 0, End: 5}, {Start: 7, End: 7}, {Start: 9, End: 4000}}},
		{"adjacent", []parallax.Span{{Start: 0, End: 5}, {Start: 5, End: 6}}},
		{"unordered", []parallax.Span{{Start: 10, End: 20}, {Start: 0, End: 5}}},
		{"overlapping", []parallax.Span{{Start: 0, End: 10}, {Start: 5, End: 15}}},
		{"reversed", []parallax.Span{{Start: 10, End: 2}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := decodeSpans(encodeSpans(tc.spans))
			if err != nil || !reflect.DeepEqual(got, tc.spans) {
				t.Errorf("round trip %v = %v, %v", tc.spans, got, err)
			}
		})
	}
	if _, err := decodeSpans([]byte{0, 0x80}); err == nil {
		t.Error("truncated blob decoded without error")
	}
}

func FuzzSpans(f *testing.F) {
	f.Add([]byte{0, 1, 2, 3, 4})
	f.Add([]byte{1, 2, 3})
	f.Fuzz(func(t *testing.T, b []byte) {
		ss, err := decodeSpans(b)
		if err != nil {
			return
		}
		// What decodes re-encodes to something that decodes the same.
		again, err := decodeSpans(encodeSpans(ss))
		if err != nil || !reflect.DeepEqual(again, ss) {
			t.Fatalf("spans %v re-decode to %v, %v", ss, again, err)
		}
	})
}

func TestMigrateFromOlder(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	w, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	if err := migrate(ctx, w, 1); err != nil {
		t.Fatalf("migrate to 1: %v", err)
	}
	var n int
	if err := w.QueryRow(`SELECT count(*) FROM sqlite_master WHERE name = 'stories'`).Scan(&n); err != nil || n != 0 {
		t.Fatalf("version 1 already has stories (%d, %v)", n, err)
	}
	w.Close()

	db, err := Open(ctx, path, Options{})
	if err != nil {
		t.Fatalf("Open old database: %v", err)
	}
	defer db.Close()
	var v int
	if err := db.r.QueryRow(`SELECT max(version) FROM schema_version`).Scan(&v); err != nil || v != SchemaVersion() {
		t.Fatalf("schema version after Open = %d, %v; want %d", v, err, SchemaVersion())
	}
	if err := db.SaveStories(ctx, &parallax.Story{Title: "after migration"}); err != nil {
		t.Errorf("SaveStories on migrated database: %v", err)
	}
}

func TestOpenNewerSchemaFails(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "new.db")
	db, err := Open(ctx, path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.w.Exec(`INSERT INTO schema_version(version, name, applied) VALUES (?, 'future', 'now')`, SchemaVersion()+1); err != nil {
		t.Fatal(err)
	}
	db.Close()
	db, err = Open(ctx, path, Options{})
	if err == nil {
		db.Close()
		t.Fatal("Open of a newer schema succeeded")
	}
	if !strings.Contains(err.Error(), "newer") {
		t.Errorf("error %q does not say the schema is newer", err)
	}
}

// TestCancelMidBatch cancels a Save after half its articles are written:
// nothing of the batch may remain, and the same Save then succeeds, also
// after reopening.
func TestCancelMidBatch(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "cancel.db")
	db, err := Open(ctx, path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	first := storetest.Generate(1, 16, 2000, 4)
	if _, err := db.Save(ctx, first); err != nil {
		t.Fatal(err)
	}
	before, _ := db.Stats(ctx)

	c, cancel := context.WithCancel(ctx)
	testHookArticle = func(i int) {
		if i == 100 {
			cancel()
		}
	}
	defer func() { testHookArticle = nil }()
	_, err = db.Save(c, storetest.Generate(2, 256, 4000, 10))
	testHookArticle = nil
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled Save error = %v, want context.Canceled", err)
	}
	if after, _ := db.Stats(ctx); after != before {
		t.Fatalf("cancelled Save changed the store: %+v -> %+v", before, after)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}

	db, err = Open(ctx, path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	batch := storetest.Generate(2, 256, 4000, 10)
	res, err := db.Save(ctx, batch)
	if err != nil {
		t.Fatalf("Save after reopen: %v", err)
	}
	nq := 0
	for i, a := range batch {
		nq += len(a.Quotes)
		if !res[i].Created {
			t.Fatalf("article %d of the retried batch was already stored", i)
		}
	}
	after, _ := db.Stats(ctx)
	if after.Articles != before.Articles+len(batch) || after.Quotes != before.Quotes+nq {
		t.Errorf("after retry %+v, want %d articles and %d quotes", after, before.Articles+len(batch), before.Quotes+nq)
	}
}

// writeV3 stores analyses as schema version 3 laid them out: a row per
// quote and per (article, entity) of mentions, and full-text indexes over
// both, as the Save of that version did. Ids follow the batch order.
// newV3 makes a version 3 store holding as; it returns its path and a
// connection to it, for the caller to add to and close.
func newV3(t *testing.T, as []*parallax.Analysis) (string, *sql.DB) {
	t.Helper()
	path, w := atVersion(t, 3)
	writeV3(t, w, as)
	return path, w
}

// atVersion returns the path of a new store migrated to schema version
// v only, and a connection to it.
func atVersion(t *testing.T, v int) (string, *sql.DB) {
	t.Helper()
	path := filepath.Join(t.TempDir(), fmt.Sprintf("v%d.db", v))
	w, err := sql.Open("sqlite", path+"?_pragma=foreign_keys(1)")
	if err != nil {
		t.Fatal(err)
	}
	if err := migrate(context.Background(), w, v); err != nil {
		t.Fatal(err)
	}
	return path, w
}

// upgrade closes w, a connection to the store at path at schema version
// v, and opens the store, which migrates it; the test closes it.
func upgrade(t *testing.T, w *sql.DB, path string, v int) *DB {
	t.Helper()
	w.Close()
	db, err := Open(context.Background(), path, Options{})
	if err != nil {
		t.Fatalf("Open version %d: %v", v, err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func writeV3(t *testing.T, w *sql.DB, as []*parallax.Analysis) {
	t.Helper()
	exec := func(q string, args ...any) {
		t.Helper()
		if _, err := w.Exec(q, args...); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	keys := map[string]int64{}
	var qid int64
	for i, a := range as {
		art := &a.Article
		art.ID = int64(i + 1)
		exec(`INSERT INTO articles(id, hash, source, raw_hash, outlet, outlet_fold, title, published, day, text, raw, paragraphs, ingested)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '2024-01-01T00:00:00Z')`,
			art.ID, art.Hash, art.Source, parallax.RawHash(art.Raw), art.Outlet, fold(art.Outlet), art.Title, art.Published,
			day(art.Published), art.Text, art.Raw, encodeSpans(art.Paragraphs))
		for j := range a.Entities {
			e := &a.Entities[j]
			if keys[e.Key] == 0 {
				keys[e.Key] = int64(len(keys) + 1)
				exec(`INSERT INTO entities(id, key, name, type, aliases, names_fold) VALUES (?, ?, ?, ?, ?, ?)`,
					keys[e.Key], e.Key, e.Name, string(e.Type), stringsJSON(e.Aliases), foldNames(e.Name, e.Aliases))
			}
			e.ID = keys[e.Key]
			kinds := make([]string, len(e.Mentions))
			spans := make([]parallax.Span, len(e.Mentions))
			for k, m := range e.Mentions {
				kinds[k], spans[k] = string(m.Kind), m.Span
			}
			exec(`INSERT INTO mentions(article, entity, spans, kinds) VALUES (?, ?, ?, ?)`, art.ID, e.ID, encodeSpans(spans), stringsJSON(kinds))
		}
		for j := range a.Quotes {
			q := &a.Quotes[j]
			qid++
			q.ID, q.Article, q.Speaker.EntityID = qid, art.ID, keys[q.Speaker.EntityKey]
			sp := q.Speaker
			exec(`INSERT INTO quotes(id, article, ord, kind, text, span_start, span_end, cue, cue_start, cue_end,
				speaker_name, mention, mention_start, mention_end, entity, confidence, speaker_fold)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
				q.ID, art.ID, j, string(q.Kind), q.Text, q.Span.Start, q.Span.End, q.Cue, q.CueSpan.Start, q.CueSpan.End,
				sp.Name, sp.Mention, sp.MentionSpan.Start, sp.MentionSpan.End, nullInt(sp.EntityID), q.Confidence,
				fold(sp.Name)+"\n"+fold(sp.Mention))
		}
	}
	exec(`INSERT INTO articles_fts(rowid, title, text) SELECT id, title, text FROM articles`)
	exec(`INSERT INTO quotes_fts(rowid, text) SELECT id, text FROM quotes`)
	exec(`UPDATE fts_state SET upto = CASE name WHEN 'articles' THEN (SELECT max(id) FROM articles) ELSE (SELECT max(id) FROM quotes) END`)
}

// TestMigratePacked opens a version 3 store holding articles, quotes,
// mentions and a statement: after the migration every query answers as
// before, and saving goes on where the old ids stopped.
func TestMigratePacked(t *testing.T) {
	ctx := context.Background()
	as := storetest.Generate(9, 6, 2500, 5)
	// A text of its own, with what SQLite's JSON escapes.
	as[0].Quotes[0].Text = "Not \"this\" \\ \n\t\x01 é 💬"
	path, w := newV3(t, as)
	quote := as[1].Quotes[2]
	for _, q := range []string{
		`INSERT INTO stories(id, title) VALUES (1, 'story')`,
		`INSERT INTO statements(id, story, ord, text) VALUES (1, 1, 0, 'said')`,
	} {
		if _, err := w.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := w.Exec(`INSERT INTO statement_quotes(statement, ord, quote, label) VALUES (1, 0, ?, 'original')`, quote.ID); err != nil {
		t.Fatal(err)
	}
	db := upgrade(t, w, path, 3)
	var want []parallax.Quote
	var nq int
	for _, a := range as {
		want = append(want, a.Quotes...)
		nq += len(a.Quotes)
	}
	collect := func(f parallax.QuoteFilter) []parallax.Quote {
		t.Helper()
		var got []parallax.Quote
		if err := db.Quotes(ctx, f, func(q *parallax.Quote) error { got = append(got, *q); return nil }); err != nil {
			t.Fatal(err)
		}
		return got
	}
	if got := collect(parallax.QuoteFilter{}); !reflect.DeepEqual(got, want) {
		t.Errorf("quotes after migration:\n got %+v\nwant %+v", got, want)
	}
	words := strings.Fields(quote.Text)
	for _, q := range collect(parallax.QuoteFilter{Query: `"` + words[0] + " " + words[1] + `"`}) {
		if !strings.Contains(strings.ToLower(q.Text), strings.ToLower(words[0]+" "+words[1])) {
			t.Errorf("search for %q found %q", words[:2], q.Text)
		}
	}
	hits := 0
	err := db.Articles(ctx, parallax.ArticleFilter{Query: words[0]}, func(a *parallax.Article) error {
		hits++
		return nil
	})
	if err != nil || hits == 0 {
		t.Errorf("article search for %q after migration: %d hits, %v", words[0], hits, err)
	}
	if got := collect(parallax.QuoteFilter{Speaker: quote.Speaker.Name}); !slices.ContainsFunc(got, func(q parallax.Quote) bool { return q.ID == quote.ID }) {
		t.Errorf("speaker filter %q after migration misses quote %d", quote.Speaker.Name, quote.ID)
	}
	if got := collect(parallax.QuoteFilter{Entity: quote.Speaker.EntityID}); len(got) == 0 {
		t.Errorf("no quotes of entity %d after migration", quote.Speaker.EntityID)
	}
	var mentions int
	e := as[2].Entities[0]
	err = db.Mentions(ctx, MentionFilter{Article: as[2].Article.ID, Entity: e.ID}, func(_, _ int64, m parallax.Mention) error {
		if m != e.Mentions[mentions] {
			t.Errorf("mention %d = %+v, want %+v", mentions, m, e.Mentions[mentions])
		}
		mentions++
		return nil
	})
	if err != nil || mentions != len(e.Mentions) {
		t.Errorf("%d mentions of %q after migration (%v), want %d", mentions, e.Key, err, len(e.Mentions))
	}
	st, err := db.Stats(ctx)
	if err != nil || st.Articles != len(as) || st.Quotes != nq {
		t.Errorf("Stats = %+v, %v; want %d articles, %d quotes", st, err, len(as), nq)
	}
	var variants []int64
	err = db.Statements(ctx, parallax.StatementFilter{Story: 1}, func(s *parallax.Statement) error {
		for _, v := range s.Quotes {
			variants = append(variants, v.Quote)
		}
		return nil
	})
	if err != nil || !slices.Equal(variants, []int64{quote.ID}) {
		t.Errorf("statement variants = %v, %v; want [%d]", variants, err, quote.ID)
	}
	next := storetest.Generate(10, 1, 2000, 3)
	if _, err := db.Save(ctx, next); err != nil {
		t.Fatal(err)
	}
	if got := next[0].Quotes[0].ID; got != int64(nq+1) {
		t.Errorf("first quote saved after migration has id %d, want %d", got, nq+1)
	}
	var problems int
	if err := db.r.QueryRow(`SELECT count(*) FROM pragma_foreign_key_check`).Scan(&problems); err != nil || problems != 0 {
		t.Errorf("foreign key check: %d problems, %v", problems, err)
	}
}

// TestMigrateHashes upgrades a schema-4 store, which hashed with
// SHA-256: bodies and source texts are rehashed, so body dedup and resume
// keep working; a source pair whose text is not its article's keeps its
// old hash.
func TestMigrateHashes(t *testing.T) {
	ctx := context.Background()
	path, w := atVersion(t, 4)
	sha := func(s string) string {
		h := sha256.Sum256([]byte(s))
		return hex.EncodeToString(h[:])
	}
	as := storetest.Generate(3, 2, 1500, 1)
	for i, a := range as {
		art := &a.Article
		for _, q := range []string{
			`INSERT INTO articles(id, hash, source, raw_hash, outlet, outlet_fold, title, text, raw, ingested)
				VALUES (?1, ?2, ?3, ?4, 'Wire', 'wire', 'title', ?5, ?6, '2024-01-01T00:00:00Z')`,
			`INSERT INTO sources(source, raw_hash, article) VALUES (?3, ?4, ?1)`,
		} {
			if _, err := w.Exec(q, i+1, sha(art.Text), art.Source, sha(art.Raw), art.Text, art.Raw); err != nil {
				t.Fatal(err)
			}
		}
	}
	// A mirror whose text differed but cleaned to the first article's body.
	mirror := sha("mirror text")
	if _, err := w.Exec(`INSERT INTO sources(source, raw_hash, article) VALUES ('mirror.html', ?, 1)`, mirror); err != nil {
		t.Fatal(err)
	}
	db := upgrade(t, w, path, 4)
	for i, a := range as {
		var hash, raw string
		if err := db.r.QueryRow(`SELECT hash, raw_hash FROM articles WHERE id = ?`, i+1).Scan(&hash, &raw); err != nil {
			t.Fatal(err)
		}
		if want := parallax.BodyHash([]byte(a.Article.Text)); hash != want {
			t.Errorf("article %d: hash %s, want %s", i+1, hash, want)
		}
		if want := parallax.RawHash(a.Article.Raw); raw != want {
			t.Errorf("article %d: raw_hash %s, want %s", i+1, raw, want)
		}
		if ok, err := db.HasSource(ctx, a.Article.Source, parallax.RawHash(a.Article.Raw)); !ok || err != nil {
			t.Errorf("HasSource(%s) after migration = %v, %v", a.Article.Source, ok, err)
		}
	}
	if ok, err := db.HasSource(ctx, "mirror.html", mirror); !ok || err != nil {
		t.Errorf("mirror pair lost its old hash: %v, %v", ok, err)
	}
	// The same body saved again is recognised as stored.
	again := storetest.Generate(3, 2, 1500, 1)[1]
	again.Article.Hash = ""
	res, err := db.Save(ctx, []*parallax.Analysis{again})
	if err != nil || res[0].Created || res[0].ID != 2 {
		t.Errorf("saving a stored body after migration: %+v, %v; want article 2, not created", res, err)
	}
}

// TestEntityCache checks that the entities a Save remembers never stand in
// for what the database holds: after another connection's write, and
// after a Save that was rolled back.
func TestEntityCache(t *testing.T) {
	ctx := context.Background()
	open := opener(t, filepath.Join(t.TempDir(), "cache.db"))
	a, b := open(), open()
	n := 0
	mk := func(alias string) *parallax.Analysis {
		n++
		raw := fmt.Sprintf("Petrova spoke for the %d time about the harbour plan.", n)
		an := storetest.Build(raw, fmt.Sprintf("a%d.txt", n), "Outlet", "2024-01-01")
		an.Entities = []parallax.Entity{{Key: "nadia petrova", Name: "Petrova", Type: parallax.Person,
			Aliases:  []string{alias},
			Mentions: []parallax.Mention{{Span: parallax.Span{Start: 0, End: 7}, Text: "Petrova", Kind: parallax.MentionName}}}}
		return an
	}
	save := func(db *DB, alias string) {
		t.Helper()
		if _, err := db.Save(ctx, []*parallax.Analysis{mk(alias)}); err != nil {
			t.Fatal(err)
		}
	}
	save(a, "Petrova")
	save(b, "Ms Petrova") // a's cache no longer holds the stored aliases
	save(a, "Nadia Petrova")

	// A quote the store refuses fails the Save after its entities merged.
	bad := mk("Rolled Back")
	bad.Quotes = []parallax.Quote{{Kind: parallax.Indirect, Text: "spoke", Span: parallax.Span{Start: 8, End: 13},
		Confidence: math.NaN()}}
	if _, err := a.Save(ctx, []*parallax.Analysis{bad}); err == nil {
		t.Fatal("Save of a NaN confidence succeeded")
	}
	save(a, "N. Petrova")

	// A new writer connection (database/sql drops one a cancelled
	// statement interrupted) counts data versions afresh: the cache made
	// on the old one is not used.
	before := a.ents.conn
	c, err := a.w.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	_ = c.Raw(func(any) error { return driver.ErrBadConn })
	c.Close()
	// Let the new connection's count match the old one's, as it may.
	if err := a.w.QueryRowContext(ctx, `PRAGMA data_version`).Scan(&a.ents.version); err != nil {
		t.Fatal(err)
	}
	save(a, "Nadia P.")
	if a.ents.conn == before {
		t.Error("the entity cache outlived its connection")
	}

	var aliases []string
	err = b.Entities(ctx, parallax.EntityFilter{}, func(e *parallax.Entity) error {
		aliases = append(aliases, e.Aliases...)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(aliases)
	if want := []string{"Ms Petrova", "N. Petrova", "Nadia P.", "Nadia Petrova", "Petrova"}; !slices.Equal(aliases, want) {
		t.Errorf("stored aliases %q, want %q", aliases, want)
	}
}

// TestMigrateFTSDetail opens a version 5 store, whose articles_fts keeps
// token positions: the index is made again without them, and word and
// phrase searches find what they found before.
func TestMigrateFTSDetail(t *testing.T) {
	ctx := context.Background()
	path, w := atVersion(t, 5)
	texts := []string{"The flood barrier held overnight.", "A barrier against the flood was planned.", "Nothing here."}
	for i, text := range texts {
		if _, err := w.Exec(`INSERT INTO articles(id, hash, source, raw_hash, outlet, outlet_fold, title, text, raw, ingested)
			VALUES (?1, ?2, ?3, ?2, 'Wire', 'wire', 'Storm', ?4, ?4, '2024-01-01T00:00:00Z')`,
			i+1, fmt.Sprint("h", i), fmt.Sprint("a", i, ".txt"), text); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := w.Exec(`INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')`); err != nil {
		t.Fatal(err)
	}
	if _, err := w.Exec(`UPDATE fts_state SET upto = 3 WHERE name = 'articles'`); err != nil {
		t.Fatal(err)
	}
	db := upgrade(t, w, path, 5)
	var detail int
	if err := db.r.QueryRow(`SELECT count(*) FROM sqlite_master WHERE name = 'articles_fts' AND sql LIKE '%detail = none%'`).Scan(&detail); err != nil || detail != 1 {
		t.Fatalf("articles_fts after migration: detail none %d, %v", detail, err)
	}
	if _, err := db.w.Exec(`INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')`); err != nil {
		t.Errorf("integrity-check: %v", err)
	}
	for q, want := range map[string][]int64{
		"flood":             {1, 2},
		`"flood barrier"`:   {1},
		`"barrier flood"`:   nil,
		"storm nothing":     {3},
		`"storm the flood"`: nil,
	} {
		var got []int64
		err := db.Articles(ctx, parallax.ArticleFilter{Query: q}, func(a *parallax.Article) error {
			got = append(got, a.ID)
			return nil
		})
		if err != nil || !slices.Equal(got, want) {
			t.Errorf("search %s = %v, %v; want %v", q, got, err, want)
		}
	}
}
