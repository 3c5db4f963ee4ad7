package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"path/filepath"
	"reflect"
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
			got, err := ftsQuery(tc.in)
			if tc.invalid {
				if parallax.ErrorCode(err) != parallax.EINVALID {
					t.Fatalf("ftsQuery(%q) = %q, %v; want an invalid error", tc.in, got, err)
				}
				return
			}
			if err != nil || got != tc.want {
				t.Errorf("ftsQuery(%q) = %q, %v; want %q", tc.in, got, err, tc.want)
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
		m, err := ftsQuery(q)
		if err != nil {
			if parallax.ErrorCode(err) != parallax.EINVALID {
				t.Fatalf("ftsQuery(%q): %v", q, err)
			}
			return
		}
		// Whatever the input, FTS5 must accept the expression.
		var n int
		if err := db.r.QueryRow(`SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?`, m).Scan(&n); err != nil {
			t.Fatalf("ftsQuery(%q) = %q, which FTS5 rejects: %v", q, m, err)
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
	if err := db.SaveStory(ctx, &parallax.Story{Title: "after migration"}); err != nil {
		t.Errorf("SaveStory on migrated database: %v", err)
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
