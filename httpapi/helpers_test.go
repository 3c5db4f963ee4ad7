package httpapi_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/align"
	"github.com/parallax-news/parallax/httpapi"
	"github.com/parallax-news/parallax/pipeline"
	"github.com/parallax-news/parallax/sqlite"
)

// corpusDir is the example corpus the fixture store is built from.
const corpusDir = "../examples/corpus"

// expected is the part of examples/corpus/EXPECTED.json the fixture uses:
// which source files report which event.
type expected struct {
	Events []struct {
		ID      string   `json:"id"`
		Title   string   `json:"title"`
		Date    string   `json:"date"`
		Sources []string `json:"sources"`
	} `json:"events"`
}

// fixture is a store built once from the example corpus: every article
// analysed by the real pipeline, one story per event of the answer key,
// statements aligned by package align.
type fixture struct {
	db      *sqlite.DB
	stories map[string]int64 // event id → story id
	err     error
}

var (
	fixOnce sync.Once
	fix     fixture
	fixDir  string
)

func TestMain(m *testing.M) {
	code := m.Run()
	if fix.db != nil {
		fix.db.Close()
	}
	if fixDir != "" {
		os.RemoveAll(fixDir)
	}
	os.Exit(code)
}

// corpusStore returns the shared fixture store (read-only for tests).
func corpusStore(t testing.TB) (*sqlite.DB, map[string]int64) {
	t.Helper()
	fixOnce.Do(func() {
		dir, err := os.MkdirTemp("", "httpapi-fixture")
		if err != nil {
			fix.err = err
			return
		}
		fixDir = dir
		fix.db, fix.stories, fix.err = buildCorpusStore(context.Background(), filepath.Join(dir, "corpus.db"))
	})
	if fix.err != nil {
		t.Fatalf("build fixture store: %v", fix.err)
	}
	return fix.db, fix.stories
}

// corpusInputs lists the article files of the example corpus.
func corpusInputs() ([]string, error) {
	ents, err := os.ReadDir(corpusDir)
	if err != nil {
		return nil, err
	}
	var in []string
	for _, e := range ents {
		if !e.IsDir() && !strings.HasSuffix(e.Name(), ".json") && !strings.HasSuffix(e.Name(), ".md") {
			in = append(in, filepath.Join(corpusDir, e.Name()))
		}
	}
	return in, nil
}

func buildCorpusStore(ctx context.Context, path string) (*sqlite.DB, map[string]int64, error) {
	db, err := sqlite.Open(ctx, path, sqlite.Options{})
	if err != nil {
		return nil, nil, err
	}
	in, err := corpusInputs()
	if err != nil {
		return nil, nil, err
	}
	t0 := time.Now()
	r := &pipeline.Runner{Store: db, Analyzer: pipeline.NewAnalyzer()}
	if _, err := r.Run(ctx, in); err != nil {
		return nil, nil, err
	}
	if testing.Verbose() {
		fmt.Printf("fixture: analysed the corpus in %v\n", time.Since(t0))
	}
	// The answer key sits beside the corpus (or, earlier, inside it).
	b, err := os.ReadFile(filepath.Join(corpusDir, "..", "EXPECTED.json"))
	if os.IsNotExist(err) {
		b, err = os.ReadFile(filepath.Join(corpusDir, "EXPECTED.json"))
	}
	if err != nil {
		return nil, nil, err
	}
	var exp expected
	if err := json.Unmarshal(b, &exp); err != nil {
		return nil, nil, err
	}
	// Articles by source file name.
	bySource := map[string]*parallax.Article{}
	err = db.Articles(ctx, parallax.ArticleFilter{}, func(a *parallax.Article) error {
		bySource[filepath.Base(a.Source)] = a
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	stories := map[string]int64{}
	nextStatement := int64(1)
	for _, ev := range exp.Events {
		st := &parallax.Story{Title: ev.Title, Start: ev.Date, End: ev.Date}
		var items []align.Item
		outlets := map[string]bool{}
		for _, src := range ev.Sources {
			a := bySource[src]
			if a == nil {
				continue
			}
			st.Articles = append(st.Articles, a.ID)
			if !outlets[a.Outlet] {
				outlets[a.Outlet] = true
				st.Outlets = append(st.Outlets, a.Outlet)
			}
			if d := a.Published; len(d) >= 10 && d[:10] > st.End {
				st.End = d[:10]
			}
			pub, _ := a.PublishedTime()
			var qs []parallax.Quote
			if err := db.Quotes(ctx, parallax.QuoteFilter{Article: a.ID}, func(q *parallax.Quote) error {
				qs = append(qs, *q)
				return nil
			}); err != nil {
				return nil, nil, err
			}
			for _, q := range qs {
				items = append(items, align.Item{Quote: q, Outlet: a.Outlet, Published: pub, ArticleID: a.ID,
					Position: float64(q.Span.Start) / float64(max(1, len(a.Text)))})
			}
		}
		if len(st.Articles) == 0 {
			continue
		}
		if err := db.SaveStories(ctx, st); err != nil {
			return nil, nil, err
		}
		t0 := time.Now()
		sts := align.New(align.Options{Story: st.ID, FirstID: nextStatement}).Align(items)
		if testing.Verbose() {
			fmt.Printf("fixture: aligned %d quotes of %s into %d statements in %v\n", len(items), ev.ID, len(sts), time.Since(t0))
		}
		nextStatement += int64(len(sts))
		if err := db.ReplaceStatements(ctx, st.ID, sts); err != nil {
			return nil, nil, err
		}
		stories[ev.ID] = st.ID
	}
	return db, stories, nil
}

// newStore opens an empty store in a temporary directory.
func newStore(t testing.TB) *sqlite.DB {
	t.Helper()
	db, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "p.db"), sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// pipelineIngest is the real ingest: the analysis pipeline over the body.
func pipelineIngest(st parallax.Store) httpapi.IngestFunc {
	return httpapi.RunnerIngest(pipeline.Runner{Store: st, Analyzer: pipeline.NewAnalyzer(),
		Options: pipeline.Options{FlushEvery: 50 * time.Millisecond}})
}

// get fetches path from h and returns the status, headers and body.
func get(t testing.TB, h http.Handler, path string) (int, http.Header, string) {
	t.Helper()
	req := httptest.NewRequest(http.MethodGet, path, nil)
	req.Host = "127.0.0.1:8080"
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	b, _ := io.ReadAll(rec.Result().Body)
	return rec.Code, rec.Result().Header, string(b)
}

// getJSON fetches path and decodes a JSON answer into v.
func getJSON(t testing.TB, h http.Handler, path string, v any) int {
	t.Helper()
	code, hdr, body := get(t, h, path)
	if ct := hdr.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Fatalf("GET %s: Content-Type %q, body %.200s", path, ct, body)
	}
	if err := json.Unmarshal([]byte(body), v); err != nil {
		t.Fatalf("GET %s: %v in %.300s", path, err, body)
	}
	return code
}
