package sqlite_test

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"reflect"
	"slices"
	"testing"
	"time"

	parallax "github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/sqlite"
	"github.com/parallax-news/parallax/storetest"
)

func openTemp(t testing.TB, opt sqlite.Options) *sqlite.DB {
	t.Helper()
	db, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "parallax.db"), opt)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	return db
}

func TestConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T) parallax.Store { return openTemp(t, sqlite.Options{}) })
}

// TestConformanceDeferIndex runs the suite with full-text indexing left
// to the first search.
func TestConformanceDeferIndex(t *testing.T) {
	storetest.Run(t, func(t *testing.T) parallax.Store { return openTemp(t, sqlite.Options{DeferIndex: true}) })
}

// TestNestedReads: a read inside another's stream gets a connection of
// its own even when streams hold every idle one (it had waited forever).
func TestNestedReads(t *testing.T) {
	db := openTemp(t, sqlite.Options{Readers: 1})
	defer db.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if _, err := db.Save(ctx, storetest.Generate(7, 3, 1500, 2)); err != nil {
		t.Fatal(err)
	}
	n := 0
	err := db.Articles(ctx, parallax.ArticleFilter{}, func(a *parallax.Article) error {
		return db.Quotes(ctx, parallax.QuoteFilter{Article: a.ID}, func(*parallax.Quote) error { n++; return nil })
	})
	if err != nil || n == 0 {
		t.Fatalf("nested reads: %d quotes, %v", n, err)
	}
}

func TestInjectedClock(t *testing.T) {
	at := time.Date(2025, 2, 3, 4, 5, 6, 7, time.UTC)
	db := openTemp(t, sqlite.Options{Now: func() time.Time { return at }})
	defer db.Close()
	ctx := context.Background()
	as := storetest.Generate(3, 2, 1000, 2)
	res, err := db.Save(ctx, as)
	if err != nil {
		t.Fatal(err)
	}
	a, err := db.Article(ctx, res[1].ID)
	if err != nil {
		t.Fatal(err)
	}
	if !a.Ingested.Equal(at) || !as[1].Article.Ingested.Equal(at) {
		t.Errorf("Ingested = %v (stored), %v (analysis); want %v", a.Ingested, as[1].Article.Ingested, at)
	}
}

func TestOpenRejects(t *testing.T) {
	cases := []struct{ name, path string }{
		{"empty", ""},
		{"memory", ":memory:"},
		{"uri", "file:x.db"},
		{"query", filepath.Join(t.TempDir(), "x.db?mode=ro")},
		{"missing directory", filepath.Join(t.TempDir(), "no", "such", "dir", "x.db")},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			db, err := sqlite.Open(context.Background(), tc.path, sqlite.Options{})
			if err == nil {
				db.Close()
				t.Fatalf("Open(%q) succeeded", tc.path)
			}
		})
	}
}

// TestRawHash pins the source-text hash HasSource takes.
func TestRawHash(t *testing.T) {
	// The BLAKE2b-256 test vector of RFC 7693 (its appendix gives BLAKE2b-512).
	if got, want := parallax.RawHash("abc"), "bddd813c634239723171ef3fee98579b94964e3bb1cb3e427262c8c068d52319"; got != want {
		t.Errorf("RawHash(abc) = %s, want %s", got, want)
	}
}

func TestMentionsRoundTrip(t *testing.T) {
	db := openTemp(t, sqlite.Options{})
	defer db.Close()
	ctx := context.Background()
	as := storetest.Generate(5, 3, 1500, 3)
	// One mention whose text is not its span of raw (a resolved pronoun).
	e := &as[1].Entities[0]
	e.Mentions = append(e.Mentions, parallax.Mention{Span: parallax.Span{Start: 0, End: 3}, Text: "he", Kind: parallax.MentionPronoun})
	if _, err := db.Save(ctx, as); err != nil {
		t.Fatal(err)
	}
	type key struct{ article, entity int64 }
	want := map[key][]parallax.Mention{}
	for _, a := range as {
		for _, e := range a.Entities {
			want[key{a.Article.ID, e.ID}] = append(want[key{a.Article.ID, e.ID}], e.Mentions...)
		}
	}
	cases := []struct {
		name string
		f    sqlite.MentionFilter
		keep func(key) bool
	}{
		{"all", sqlite.MentionFilter{}, func(key) bool { return true }},
		{"article", sqlite.MentionFilter{Article: as[1].Article.ID}, func(k key) bool { return k.article == as[1].Article.ID }},
		{"entity", sqlite.MentionFilter{Entity: e.ID}, func(k key) bool { return k.entity == e.ID }},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := map[key][]parallax.Mention{}
			err := db.Mentions(ctx, tc.f, func(article, entity int64, m parallax.Mention) error {
				got[key{article, entity}] = append(got[key{article, entity}], m)
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			exp := map[key][]parallax.Mention{}
			for k, ms := range want {
				if tc.keep(k) && len(ms) > 0 {
					exp[k] = ms
				}
			}
			if len(exp) == 0 || !reflect.DeepEqual(got, exp) {
				t.Errorf("Mentions(%+v) = %v, want %v", tc.f, got, exp)
			}
		})
	}
}

// Saving analyses made ready by Prepare (as the runner does in its
// workers) stores what saving them unprepared does: the same quotes are
// found by the same searches.
func TestPrepare(t *testing.T) {
	ctx := context.Background()
	raws := []string{
		"Dam talks stall\n\nMinister Ilse Brandt said: \"The Müller canal will reopen in May, not before.\"\n\nOstland's envoy Karl Moss replied, \"No canal reopens without the joint study.\"",
		"Canal row\n\nIlse Brandt told reporters: \"We were deceived once; we will not be deceived again.\"",
	}
	var dbs [2]*sqlite.DB
	for k := range dbs {
		dbs[k] = openTemp(t, sqlite.Options{})
		for i, raw := range raws {
			a := storetest.Build(raw, fmt.Sprintf("p%d.txt", i), "Wire", "2030-03-0"+fmt.Sprint(i+1))
			if k == 1 {
				dbs[k].Prepare(a)
				if a.Prepared == nil {
					t.Fatal("Prepare left Prepared nil")
				}
			}
			if _, err := dbs[k].Save(ctx, []*parallax.Analysis{a}); err != nil {
				t.Fatal(err)
			}
		}
	}
	for _, q := range []string{"canal", "muller", "deceived", "joint study", "reopen*", "canal OR deceived"} {
		var got [2][]string
		for k, db := range dbs {
			err := db.Quotes(ctx, parallax.QuoteFilter{Query: q}, func(x *parallax.Quote) error {
				got[k] = append(got[k], fmt.Sprint(x.ID, x.Text))
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
		}
		if len(got[0]) == 0 || !slices.Equal(got[0], got[1]) {
			t.Errorf("search %q: unprepared %q, prepared %q", q, got[0], got[1])
		}
	}
	for _, q := range []string{"canal", "dam talks", "muller", "ostland s envoy", "reopen*", "row OR stall"} {
		var got [2][]int64
		for k, db := range dbs {
			err := db.Articles(ctx, parallax.ArticleFilter{Query: q}, func(a *parallax.Article) error {
				got[k] = append(got[k], a.ID)
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
		}
		if len(got[0]) == 0 || !slices.Equal(got[0], got[1]) {
			t.Errorf("article search %q: unprepared %v, prepared %v", q, got[0], got[1])
		}
	}
}

// A Save that indexes first indexes what an earlier deferred Save left,
// then its own batch: each article is in the index once, before any
// search catches up.
func TestDeferredThenIndexed(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "parallax.db")
	raws := []string{
		"Dam talks stall\n\nThe Ostland canal stays shut, Minister Ilse Brandt said on Monday.",
		"Canal row\n\nThe Ostland canal reopens in May, envoy Karl Moss told reporters.",
	}
	for i, opt := range []sqlite.Options{{DeferIndex: true}, {}} {
		db, err := sqlite.Open(ctx, path, opt)
		if err != nil {
			t.Fatal(err)
		}
		a := storetest.Build(raws[i], fmt.Sprintf("d%d.txt", i), "Wire", "2030-03-01")
		if _, err := db.Save(ctx, []*parallax.Analysis{a}); err != nil {
			t.Fatal(err)
		}
		if err := db.Close(); err != nil {
			t.Fatal(err)
		}
	}
	raw, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	for q, want := range map[string]int{"ostland": 2, "stall": 1, "reopens": 1, "brandt": 1} {
		var n int
		if err := raw.QueryRow(`SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?`, q).Scan(&n); err != nil {
			t.Fatal(err)
		}
		if n != want {
			t.Errorf("articles_fts has %q in %d documents, want %d", q, n, want)
		}
	}
}
