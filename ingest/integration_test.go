package ingest_test

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/ingest"
)

// TestSeeds walks the seed corpus: five text records, each the file's
// bytes exactly.
func TestSeeds(t *testing.T) {
	dir := filepath.Join(sharedDir(t), "corpus", "seeds")
	res := walk(t, ingest.Options{}, dir)
	if len(res.errs) != 0 || len(res.recs) != 5 {
		t.Fatalf("records %d, errors %v", len(res.recs), res.errs)
	}
	names, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	for i, r := range res.recs {
		want, err := os.ReadFile(names[i])
		if err != nil {
			t.Fatal(err)
		}
		if r.Source != names[i] || r.Format != "text" || r.Text != string(want) {
			t.Errorf("record %d: source %q format %q, text equal %v", i, r.Source, r.Format, r.Text == string(want))
		}
	}
}

// TestBASIL walks the BASIL articles and checks every record against an
// independent decoding of its line.
func TestBASIL(t *testing.T) {
	path := filepath.Join(sharedDir(t), "eval", "basil", "articles.jsonl")
	if _, err := os.Stat(path); err != nil {
		t.Skip("BASIL articles absent:", err)
	}
	res := walk(t, ingest.Options{}, path)
	if len(res.errs) != 0 || len(res.recs) != 300 {
		t.Fatalf("records %d, errors %v", len(res.recs), res.errs)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	n := 0
	for sc.Scan() {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var want map[string]any
		if err := json.Unmarshal(sc.Bytes(), &want); err != nil {
			t.Fatal(err)
		}
		r := res.recs[n]
		n++
		if r.Source != path+"#"+strconv.Itoa(n) || r.Format != "jsonl" {
			t.Errorf("record %d: source %q format %q", n, r.Source, r.Format)
		}
		for _, f := range []struct {
			name, got string
		}{
			{"id", r.SourceID}, {"url", r.URL}, {"outlet", r.Outlet}, {"title", r.Title},
			{"published", r.Published}, {"language", r.Language}, {"text", r.Text},
		} {
			if w, _ := want[f.name].(string); f.got != w {
				t.Errorf("record %d: %s = %.60q, want %.60q", n, f.name, f.got, w)
			}
		}
		for _, k := range []string{"story", "main_event"} {
			if r.Meta[k] == nil || r.Meta[k] != want[k] {
				t.Errorf("record %d: Meta[%s] = %v, want %v", n, k, r.Meta[k], want[k])
			}
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if n != 300 {
		t.Errorf("file has %d lines", n)
	}
}
