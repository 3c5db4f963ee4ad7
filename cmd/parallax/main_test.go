package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/testshared"
)

// runCLI runs the command line in-process and returns its exit status and
// standard output.
func runCLI(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	root := newRootCmd()
	root.SetArgs(args)
	root.SetOut(&out)
	root.SetErr(&errb)
	root.SetIn(strings.NewReader(""))
	err := root.ExecuteContext(context.Background())
	code := exitOK
	if err != nil {
		var p *errPartial
		if errors.As(err, &p) {
			code = exitPartial
		} else {
			code = exitError
		}
		errb.WriteString(err.Error())
	}
	return code, out.String(), errb.String()
}

type exported struct {
	Articles []struct {
		ID        int64   `json:"id"`
		Source    string  `json:"source"`
		SourceID  *string `json:"source_id"`
		Outlet    string  `json:"outlet"`
		Title     string  `json:"title"`
		Published *string `json:"published"`
		Text      string  `json:"text"`
	} `json:"articles"`
	Quotes []struct {
		ID      int64  `json:"id"`
		Article int64  `json:"article"`
		Text    string `json:"text"`
		Kind    string `json:"kind"`
		Cue     string `json:"cue"`
		Speaker struct {
			Name         string `json:"name"`
			Mention      string `json:"mention"`
			MentionStart *int   `json:"mention_start"`
			MentionEnd   *int   `json:"mention_end"`
			Entity       *int64 `json:"entity"`
		} `json:"speaker"`
		SourceStart int `json:"source_start"`
		SourceEnd   int `json:"source_end"`
	} `json:"quotes"`
	Entities []struct {
		ID      int64    `json:"id"`
		Name    string   `json:"name"`
		Aliases []string `json:"aliases"`
	} `json:"entities"`
}

func exportDB(t *testing.T, db string) exported {
	t.Helper()
	code, out, errs := runCLI(t, "export", "--db", db, "--format", "json")
	if code != exitOK {
		t.Fatalf("export: exit %d: %s", code, errs)
	}
	var ex exported
	if err := json.Unmarshal([]byte(out), &ex); err != nil {
		t.Fatalf("export is not JSON: %v\n%.500s", err, out)
	}
	return ex
}

// checkOffsets asserts every quote's span in a text-file source maps back
// to its text, and every mention span to its mention.
func checkOffsets(t *testing.T, ex exported) {
	t.Helper()
	srcs := map[int64]string{}
	for _, a := range ex.Articles {
		if strings.Contains(a.Source, "#") {
			continue // a record inside a file: its text is not the file's bytes
		}
		b, err := os.ReadFile(a.Source)
		if err != nil {
			continue // HTML: the offsets refer to extracted text
		}
		if filepath.Ext(a.Source) == ".txt" {
			srcs[a.ID] = string(b)
		}
	}
	for _, q := range ex.Quotes {
		src, ok := srcs[q.Article]
		if !ok {
			continue
		}
		if q.SourceStart < 0 || q.SourceEnd > len(src) || q.SourceStart >= q.SourceEnd {
			t.Errorf("quote %d: span %d-%d outside source of %d bytes", q.ID, q.SourceStart, q.SourceEnd, len(src))
			continue
		}
		if !strings.Contains(q.Text, "\n\n") && src[q.SourceStart:q.SourceEnd] != q.Text {
			t.Errorf("quote %d: source[%d:%d] = %q, text = %q", q.ID, q.SourceStart, q.SourceEnd, src[q.SourceStart:q.SourceEnd], q.Text)
		}
		if s, e := q.Speaker.MentionStart, q.Speaker.MentionEnd; s != nil && e != nil {
			if *s < 0 || *e > len(src) || src[*s:*e] != q.Speaker.Mention {
				t.Errorf("quote %d: mention span %d-%d does not hold %q", q.ID, *s, *e, q.Speaker.Mention)
			}
		}
	}
}

func TestAnalyzeExampleCorpus(t *testing.T) {
	db := filepath.Join(t.TempDir(), "p.db")
	corpus := filepath.Join("..", "..", "examples", "corpus")
	code, out, errs := runCLI(t, "analyze", "--db", db, corpus)
	if code != exitOK {
		t.Fatalf("analyze: exit %d\n%s\n%s", code, out, errs)
	}
	if !strings.Contains(out, "stored") {
		t.Errorf("no summary printed: %q", out)
	}
	ex := exportDB(t, db)
	if len(ex.Articles) < 6 {
		t.Errorf("%d articles stored from the example corpus, want ≥ 6", len(ex.Articles))
	}
	if len(ex.Quotes) == 0 {
		t.Fatal("no quotes found in the example corpus")
	}
	checkOffsets(t, ex)

	// Idempotent: a second run stores nothing new.
	code, out, _ = runCLI(t, "analyze", "--db", db, corpus)
	if code != exitOK || !strings.Contains(out, "stored 0 ") {
		t.Errorf("second analyze: exit %d, summary %q; want nothing stored", code, out)
	}
	if ex2 := exportDB(t, db); len(ex2.Articles) != len(ex.Articles) || len(ex2.Quotes) != len(ex.Quotes) {
		t.Errorf("second run changed the store: %d/%d articles, %d/%d quotes",
			len(ex2.Articles), len(ex.Articles), len(ex2.Quotes), len(ex.Quotes))
	}

	// NDJSON carries the same records with a type.
	code, out, _ = runCLI(t, "export", "--db", db, "--format", "ndjson")
	if code != exitOK {
		t.Fatal("ndjson export failed")
	}
	types := map[string]int{}
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var v struct{ Type string }
		if err := json.Unmarshal([]byte(line), &v); err != nil {
			t.Fatalf("ndjson line is not JSON: %q", line)
		}
		types[v.Type]++
	}
	if types["article"] != len(ex.Articles) || types["quote"] != len(ex.Quotes) || types["entity"] != len(ex.Entities) {
		t.Errorf("ndjson counts %v, json has %d articles %d quotes %d entities", types, len(ex.Articles), len(ex.Quotes), len(ex.Entities))
	}

	// Query commands answer in every format.
	for _, f := range []string{"table", "json", "csv"} {
		if code, out, errs := runCLI(t, "quotes", "--db", db, "--format", f); code != exitOK || out == "" {
			t.Errorf("quotes --format %s: exit %d, %s", f, code, errs)
		}
	}
	if code, out, _ := runCLI(t, "quotes", "--db", db, "--format", "json", "--kind", "direct"); code != exitOK {
		t.Error("quotes --kind direct failed")
	} else {
		var qs []struct{ Kind string }
		if err := json.Unmarshal([]byte(out), &qs); err != nil {
			t.Fatalf("quotes json: %v", err)
		}
		for _, q := range qs {
			if q.Kind != "direct" {
				t.Errorf("--kind direct returned a %s quote", q.Kind)
			}
		}
	}
}

func TestBadInputExitStatus(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, b []byte) {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("good.txt", []byte("Ministers agree on dam\n\nThe minister said on Monday that the dam would open. \"We are ready,\" she said.\n"))
	write("binary.txt", []byte{0x7f, 'E', 'L', 'F', 0, 0, 1, 2, 3, 0, 0, 0})
	write("bad-utf8.txt", []byte("Headline\n\nA body with a broken byte \xff\xfe here.\n"))
	write("feed.jsonl", []byte(`{"id":"a1","outlet":"Test Wire","title":"One","text":"The mayor said the bridge would reopen in May."}`+"\n"+`{"id":"a2","title":"Two","text":"trunc`))
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zeros := make([]byte, 1<<20)
	for range 64 {
		zw.Write(zeros)
	}
	zw.Close()
	write("bomb.txt.gz", gz.Bytes())

	db := filepath.Join(t.TempDir(), "p.db")
	code, out, errs := runCLI(t, "analyze", "--db", db, "--max-record-bytes", "65536", dir)
	if code != exitPartial {
		t.Fatalf("exit %d, want %d (some records failed)\nout: %s\nerr: %s", code, exitPartial, out, errs)
	}
	for _, name := range []string{"binary.txt", "bad-utf8.txt", "feed.jsonl#2", "bomb.txt.gz"} {
		if !strings.Contains(errs, name) {
			t.Errorf("no error names %s:\n%s", name, errs)
		}
	}
	ex := exportDB(t, db)
	if len(ex.Articles) != 2 {
		t.Errorf("%d articles stored, want the 2 good ones", len(ex.Articles))
	}
}

func TestSeeds(t *testing.T) {
	seeds := testshared.Path(t, "corpus", "seeds")
	db := filepath.Join(t.TempDir(), "p.db")
	code, out, errs := runCLI(t, "analyze", "--db", db, seeds)
	if code != exitOK {
		t.Fatalf("analyze seeds: exit %d\n%s\n%s", code, out, errs)
	}
	ex := exportDB(t, db)
	if len(ex.Articles) != 5 {
		t.Fatalf("%d articles, want 5", len(ex.Articles))
	}
	checkOffsets(t, ex)
	byName := map[string]int{}
	for _, q := range ex.Quotes {
		byName[q.Speaker.Name]++
		for _, bad := range []string{"Putler", "kremtroll", "House Rules"} {
			if strings.Contains(q.Text, bad) {
				t.Errorf("a reader comment was taken as a quote: %q", q.Text)
			}
		}
	}
	if byName["Vladimir Putin"] < 25 {
		t.Errorf("%d quotes attributed to Vladimir Putin, want ≥ 25 (speakers: %v)", byName["Vladimir Putin"], byName)
	}
	if byName["Emmanuel Macron"] < 1 {
		t.Errorf("no quote attributed to Emmanuel Macron (speakers: %v)", byName)
	}
}

// TestQuotesDateRange lists the example corpus's quotes between two days:
// exactly those of the articles published on them, bounds included.
func TestQuotesDateRange(t *testing.T) {
	db := filepath.Join(t.TempDir(), "p.db")
	if code, out, errs := runCLI(t, "analyze", "--db", db, filepath.Join("..", "..", "examples", "corpus")); code != exitOK {
		t.Fatalf("analyze: exit %d\n%s\n%s", code, out, errs)
	}
	type row struct {
		ID        int64  `json:"id"`
		Published string `json:"published"`
	}
	list := func(args ...string) []row {
		t.Helper()
		code, out, errs := runCLI(t, append([]string{"quotes", "--db", db, "--format", "json"}, args...)...)
		if code != exitOK {
			t.Fatalf("quotes %v: exit %d: %s", args, code, errs)
		}
		var rows []row
		if err := json.Unmarshal([]byte(out), &rows); err != nil {
			t.Fatalf("quotes %v: %v", args, err)
		}
		return rows
	}
	all := list()
	for _, tc := range []struct{ since, until string }{
		{"2025-03-14", "2025-04-02"}, // days with articles on both bounds
		{"2025-04-02", ""},
		{"", "2025-03-12"},
	} {
		var want []int64
		for _, q := range all {
			d := q.Published[:min(10, len(q.Published))]
			if len(d) == 10 && (tc.since == "" || d >= tc.since) && (tc.until == "" || d <= tc.until) {
				want = append(want, q.ID)
			}
		}
		if len(want) == 0 || len(want) == len(all) {
			t.Fatalf("%s..%s selects %d of %d quotes: the corpus no longer tests it", tc.since, tc.until, len(want), len(all))
		}
		var args, got []string
		if tc.since != "" {
			args = append(args, "--since", tc.since)
		}
		if tc.until != "" {
			args = append(args, "--until", tc.until)
		}
		for _, q := range list(args...) {
			got = append(got, strconv.FormatInt(q.ID, 10))
		}
		var ws []string
		for _, id := range want {
			ws = append(ws, strconv.FormatInt(id, 10))
		}
		if strings.Join(got, ",") != strings.Join(ws, ",") {
			t.Errorf("quotes %v = %v, want %v", args, got, ws)
		}
	}
	for _, args := range [][]string{{"--since", "2025-02-30"}, {"--until", "yesterday"}} {
		code, _, errs := runCLI(t, append([]string{"quotes", "--db", db}, args...)...)
		if code != exitError || !strings.Contains(errs, "is not a date") {
			t.Errorf("quotes %v: exit %d, %q; want %d and a date error", args, code, errs, exitError)
		}
	}
}
