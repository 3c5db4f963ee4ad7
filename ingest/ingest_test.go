package ingest_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/ingest"
)

func TestText(t *testing.T) {
	want, err := os.ReadFile("testdata/plain.txt")
	if err != nil {
		t.Fatal(err)
	}
	res := walk(t, ingest.Options{}, "testdata/plain.txt")
	if len(res.recs) != 1 || len(res.errs) != 0 {
		t.Fatalf("got %d records, errors %v", len(res.recs), res.errs)
	}
	r := res.recs[0]
	if r.Text != string(want) || r.Format != "text" || r.Source != "testdata/plain.txt" {
		t.Errorf("record = %+v", r)
	}
}

func TestJSONL(t *testing.T) {
	res := walk(t, ingest.Options{Extract: tagStrip}, "testdata/news.jsonl")
	wantOrder := []string{"#1", "#2", "#3", "!#4", "!#5", "!#6", "!#7"}
	var order []string
	for _, s := range res.order {
		order = append(order, strings.TrimPrefix(strings.Replace(s, "testdata/news.jsonl", "", 1), ""))
	}
	if !reflect.DeepEqual(order, wantOrder) {
		t.Fatalf("order = %q, want %q; errors %v", order, wantOrder, res.errs)
	}
	r1, r2, r3 := res.recs[0], res.recs[1], res.recs[2]
	want1 := &parallax.Record{Source: "testdata/news.jsonl#1", SourceID: "a1", Format: "jsonl",
		URL: "https://example.org/1", Outlet: "Example Times", Title: "One", Published: "2024-01-02",
		Language: "en", Text: "First paragraph.\n\nSecond paragraph, “quoted”.",
		Meta: map[string]any{"section": "world", "tags": []any{"a", "b"}}}
	if !reflect.DeepEqual(r1, want1) {
		t.Errorf("record 1 =\n%+v\nwant\n%+v", r1, want1)
	}
	if r2.SourceID != "42" || r2.Text != "Numbered id." ||
		r2.Meta["score"] != json.Number("12345678901234567890") {
		t.Errorf("record 2 = %+v", r2)
	}
	if _, ok := r2.Meta["extra"]; !ok {
		t.Errorf("record 2 lost the null field: %v", r2.Meta)
	}
	if r3.Text != "From html.\n\nSecond." || r3.Title != "Html title" || r3.URL != "https://example.org/h" {
		t.Errorf("record 3 (html) = %+v", r3)
	}
	wantErrs := []string{`field "text": want a string`, "json:", "no text or html field", "json: unexpected end"}
	for i, e := range res.errs {
		if e.Stage != "decode" || !strings.Contains(e.Err.Error(), wantErrs[i]) {
			t.Errorf("error %d = %v (stage %s), want %q", i, e, e.Stage, wantErrs[i])
		}
	}
}

func TestDefaultExtractor(t *testing.T) {
	res := walk(t, ingest.Options{}, "testdata/article.html")
	if len(res.recs) != 1 {
		t.Fatalf("records %d, errors %v", len(res.recs), res.errs)
	}
	r := res.recs[0]
	for _, want := range []string{
		"voted eleven to four on Wednesday night",
		"“Tonight we finally chose to act.”",
		"publish the results every quarter.",
	} {
		if !strings.Contains(r.Text, want) {
			t.Errorf("body lacks %q:\n%s", want, r.Text)
		}
	}
	for _, bad := range []string{"Subscribe today", "Related stories", "Ferry timetable",
		"basement flooded", "mark my words", "Taxes are already", "Privacy policy", "All rights reserved"} {
		if strings.Contains(r.Text, bad) {
			t.Errorf("body keeps %q:\n%s", bad, r.Text)
		}
	}
	// Paragraphs stay apart: the quote paragraph is a paragraph of its own.
	if !strings.Contains(r.Text, "storm surges.\n\n“We have spent") {
		t.Errorf("paragraphs not separated by a blank line:\n%s", r.Text)
	}
	want := parallax.Record{Source: "testdata/article.html", Format: "html",
		URL: "https://ledger.example.com/news/2024/03/14/flood-barrier-plan", Outlet: "The Coastal Ledger",
		Title: "Harbour council approves flood barrier plan", Published: "2024-03-14", Language: "en"}
	got := *r
	got.Text, got.Meta = "", nil
	if !reflect.DeepEqual(got, want) {
		t.Errorf("metadata =\n%+v\nwant\n%+v", got, want)
	}
	if r.Meta["author"] != "Mira Okonkwo" {
		t.Errorf("author = %v", r.Meta["author"])
	}
}

func TestBadInput(t *testing.T) {
	dir := t.TempDir()
	control := bytes.Repeat([]byte("abcdefghi\x01"), 20)
	invalid := append(bytes.Repeat([]byte("a"), 1234), 0xff, 'b')
	tests := []struct {
		name, file string
		data       []byte
		opt        ingest.Options
		wantStage  string
		wantErr    string // "" when a record is expected
		wantText   string
	}{
		{name: "NUL byte", file: "nul.txt", data: []byte("abc\x00def"), wantStage: "decode", wantErr: "binary file"},
		{name: "control bytes", file: "ctl.txt", data: control, wantStage: "decode", wantErr: "binary file"},
		{name: "a few control bytes are text", file: "fewctl.txt", data: []byte("line one\x1b[0m and two\n"), wantText: "line one\x1b[0m and two\n"},
		{name: "invalid UTF-8", file: "bad.txt", data: invalid, wantStage: "decode", wantErr: "invalid UTF-8 at byte 1234"},
		{name: "BOM kept", file: "bom.txt", data: []byte("\xef\xbb\xbfHello"), wantText: "\xef\xbb\xbfHello"},
		{name: "UTF-16", file: "u16.txt", data: []byte("\xff\xfeH\x00i\x00"), wantStage: "decode", wantErr: "UTF-16"},
		{name: "empty", file: "empty.txt", data: []byte(" \n\n"), wantStage: "decode", wantErr: "empty file"},
		{name: "over MaxRecordBytes", file: "big.txt", data: bytes.Repeat([]byte("a"), 200),
			opt: ingest.Options{MaxRecordBytes: 100}, wantStage: "read", wantErr: "file too large: 200 bytes > 100 limit"},
		{name: "gzip over MaxRecordBytes", file: "big.txt.gz", data: gz(t, bytes.Repeat([]byte("a"), 200)),
			opt: ingest.Options{MaxRecordBytes: 100}, wantStage: "read", wantErr: "file too large: over 100 byte limit"},
		{name: "gzip bomb", file: "bomb.txt.gz", data: gz(t, bytes.Repeat([]byte("a"), 100000)),
			opt: ingest.Options{MaxDecompressedBytes: 1000}, wantStage: "decode", wantErr: "gzip: decompressed size exceeds 1000 bytes"},
		{name: "gzip text", file: "ok.txt.gz", data: gz(t, []byte("Zipped text.")), wantText: "Zipped text."},
		{name: "concatenated gzip", file: "cat.txt.gz", data: append(gz(t, []byte("one ")), gz(t, []byte("two"))...), wantText: "one two"},
		{name: "corrupt gzip", file: "corrupt.txt.gz", data: append(gz(t, []byte("text"))[:12], "xxxxxxxxxxxxxxxx"...),
			wantStage: "decode", wantErr: "gzip"},
		{name: "gzip in gzip", file: "twice.gz", data: gz(t, gz(t, []byte("x"))), wantStage: "decode", wantErr: "gzip inside gzip"},
		{name: "no extension sniffed as text", file: "README", data: []byte("Just words."), wantText: "Just words."},
		{name: "html too large", file: "big.html", data: page("t", strings.Repeat("w ", 100)),
			opt: ingest.Options{MaxRecordBytes: 100}, wantStage: "read", wantErr: "file too large"},
		{name: "html without text", file: "blank.html", data: []byte("<html><body></body></html>"),
			wantStage: "decode", wantErr: "empty page"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := writeFile(t, dir, tc.file, tc.data)
			tc.opt.Extract = tagStrip
			res := walk(t, tc.opt, p)
			if tc.wantErr == "" {
				if len(res.recs) != 1 || len(res.errs) != 0 {
					t.Fatalf("records %d, errors %v", len(res.recs), res.errs)
				}
				if res.recs[0].Text != tc.wantText {
					t.Errorf("text = %q, want %q", res.recs[0].Text, tc.wantText)
				}
				return
			}
			if len(res.recs) != 0 || len(res.errs) != 1 {
				t.Fatalf("records %d, errors %v", len(res.recs), res.errs)
			}
			e := res.errs[0]
			if e.Source != p || e.Stage != tc.wantStage || !strings.Contains(e.Err.Error(), tc.wantErr) {
				t.Errorf("error = %q (stage %s), want %s: %q", e, e.Stage, tc.wantStage, tc.wantErr)
			}
		})
	}
}

func TestMissingPath(t *testing.T) {
	res := walk(t, ingest.Options{}, "testdata/no-such-file.txt", "testdata/plain.txt")
	if len(res.errs) != 1 || len(res.recs) != 1 {
		t.Fatalf("records %d, errors %v", len(res.recs), res.errs)
	}
	if e := res.errs[0]; e.Source != "testdata/no-such-file.txt" || e.Stage != "read" || !errors.Is(e, os.ErrNotExist) {
		t.Errorf("error = %v", e)
	}
}

func TestJSONLLines(t *testing.T) {
	dir := t.TempDir()
	long := `{"id": "long", "text": "` + strings.Repeat("x", 300) + `"}`
	tests := []struct {
		name      string
		file      string
		data      []byte
		opt       ingest.Options
		wantOrder []string
		wantErr   string
	}{
		{"line too long is skipped", "long.jsonl", []byte(`{"text": "a"}` + "\n" + long + "\n" + `{"text": "b"}` + "\n"),
			ingest.Options{MaxRecordBytes: 100}, []string{"#1", "!#2", "#3"}, "line too large: over 100 byte limit"},
		{"long last line without newline", "longlast.jsonl", []byte(`{"text": "a"}` + "\n" + long),
			ingest.Options{MaxRecordBytes: 100}, []string{"#1", "!#2"}, "line too large"},
		{"invalid UTF-8", "utf.jsonl", []byte("{\"text\": \"caf\xe9\"}\n{\"text\": \"ok\"}\r\n"),
			ingest.Options{}, []string{"!#1", "#2"}, "invalid UTF-8 at byte 13"},
		{"gzipped", "z.jsonl.gz", gz(t, []byte(`{"text": "a"}`+"\n\n"+`{"text": "b"}`)),
			ingest.Options{}, []string{"#1", "#2"}, ""},
		{"sniffed", "feed", []byte("\n" + `{"text": "a"}`), ingest.Options{}, []string{"#1"}, ""},
		{"bad id", "id.jsonl", []byte(`{"id": true, "text": "a"}`), ingest.Options{}, []string{"!#1"}, "want a string or a number"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := writeFile(t, dir, tc.file, tc.data)
			res := walk(t, tc.opt, p)
			var order []string
			for _, s := range res.order {
				order = append(order, strings.Replace(s, p, "", 1))
			}
			if !reflect.DeepEqual(order, tc.wantOrder) {
				t.Fatalf("order = %q, want %q (errors %v)", order, tc.wantOrder, res.errs)
			}
			if tc.wantErr != "" && !strings.Contains(res.errs[0].Error(), tc.wantErr) {
				t.Errorf("error %q does not contain %q", res.errs[0], tc.wantErr)
			}
		})
	}
}

func TestStdin(t *testing.T) {
	tests := []struct {
		name      string
		in        []byte
		wantOrder []string
		wantText  string
		wantFmt   string
	}{
		{"text", []byte("Plain words from a pipe.\n"), []string{"-"}, "Plain words from a pipe.\n", "text"},
		{"jsonl", []byte(`{"text": "one"}` + "\n" + `{"text": "two"}` + "\n"), []string{"-#1", "-#2"}, "one", "jsonl"},
		{"gzipped jsonl", gz(t, []byte(`{"text": "one"}`)), []string{"-#1"}, "one", "jsonl"},
		{"html", page("T", "From stdin."), []string{"-"}, "From stdin.", "html"},
		{"warc", buildWARC(t, "members", tinyWARC(t)[:3]...), []string{"-#3"},
			"Alpha one.\n\nAlpha two, with ünïcode — and dashes.", "warc"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res := walk(t, ingest.Options{Stdin: bytes.NewReader(tc.in), Extract: tagStrip}, "-")
			if !reflect.DeepEqual(res.order, tc.wantOrder) {
				t.Fatalf("order = %q, want %q (errors %v)", res.order, tc.wantOrder, res.errs)
			}
			if r := res.recs[0]; r.Text != tc.wantText || r.Format != tc.wantFmt {
				t.Errorf("record = %q (%s), want %q (%s)", r.Text, r.Format, tc.wantText, tc.wantFmt)
			}
		})
	}
}

func TestDirectory(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"b/2.txt", "b/1.md", "a.txt", ".hidden.txt", ".git/config.txt", "img.png", "c.html", "noext", "z/y.txt"} {
		data := []byte("Text of " + f + ".")
		if strings.HasSuffix(f, ".html") {
			data = page("c", "Page c.")
		}
		writeFile(t, dir, f, data)
	}
	if err := os.Symlink("..", filepath.Join(dir, "z", "loop")); err != nil {
		t.Skip("symlinks not supported:", err)
	}
	if err := os.Symlink("nowhere", filepath.Join(dir, "dangling.txt")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("a.txt", filepath.Join(dir, "link.txt")); err != nil {
		t.Fatal(err)
	}
	res := walk(t, ingest.Options{Extract: tagStrip}, dir)
	var order []string
	for _, s := range res.order {
		order = append(order, strings.Replace(s, dir+"/", "", 1))
	}
	want := []string{"a.txt", "b/1.md", "b/2.txt", "c.html", "!dangling.txt", "link.txt", "noext", "z/y.txt"}
	if !reflect.DeepEqual(order, want) {
		t.Errorf("order = %q\nwant %q", order, want)
	}
	var skipped []string
	for _, s := range res.skipped {
		skipped = append(skipped, strings.TrimPrefix(s, dir+"/"))
	}
	wantSkipped := []string{".git: hidden", ".hidden.txt: hidden", "img.png: binary extension", "z/loop: symlink loop"}
	if !reflect.DeepEqual(skipped, wantSkipped) {
		t.Errorf("skipped = %q\nwant %q", skipped, wantSkipped)
	}
	// The same file named directly is read whatever its extension.
	if res := walk(t, ingest.Options{}, filepath.Join(dir, "img.png")); len(res.recs) != 1 {
		t.Errorf("named .png file: records %d, errors %v", len(res.recs), res.errs)
	}
}

func TestStop(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"1.txt", "2.txt", "3.txt", "4.txt"} {
		writeFile(t, dir, f, []byte("text "+f))
	}
	jsonl := writeFile(t, dir, "many.jsonl", bytes.Repeat([]byte(`{"text": "x"}`+"\n"), 50))
	stop := errors.New("enough")
	tests := []struct {
		name    string
		inputs  []string
		cancel  bool
		wantErr error
		wantN   int
	}{
		{"fn error stops a directory", []string{dir}, false, stop, 2},
		{"ctx cancel stops a directory", []string{dir}, true, context.Canceled, 2},
		{"ctx cancel stops a JSONL file", []string{jsonl}, true, context.Canceled, 2},
		{"ctx cancel stops between inputs", []string{"testdata/plain.txt", "testdata/plain.txt", "testdata/plain.txt"}, true, context.Canceled, 2},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			n := 0
			err := ingest.Walk(ctx, tc.inputs, ingest.Options{}, func(r *parallax.Record, err error) error {
				n++
				if n == tc.wantN {
					if tc.cancel {
						cancel()
						return nil
					}
					return stop
				}
				return nil
			})
			if !errors.Is(err, tc.wantErr) || n != tc.wantN {
				t.Errorf("Walk = %v after %d calls, want %v after %d", err, n, tc.wantErr, tc.wantN)
			}
		})
	}
}

func TestDeferExtract(t *testing.T) {
	page := []byte(`<html><head><title>Bridge reopens</title></head><body><nav>Home | News</nav>
<article><h1>Bridge reopens</h1><p>The mayor said on Monday that the old bridge would reopen to traffic in May after two years of repairs.</p>
<p>"We kept our promise," she told reporters at the riverside ceremony, where hundreds of residents gathered.</p></article>
<footer>Copyright</footer></body></html>`)
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "a.html"), page, 0o644); err != nil {
		t.Fatal(err)
	}
	collect := func(opt ingest.Options) *parallax.Record {
		var got *parallax.Record
		err := ingest.Walk(context.Background(), []string{dir}, opt, func(rec *parallax.Record, err error) error {
			if err != nil {
				t.Fatal(err)
			}
			got = rec
			return nil
		})
		if err != nil || got == nil {
			t.Fatalf("walk: %v, record %v", err, got)
		}
		return got
	}
	now := collect(ingest.Options{})
	later := collect(ingest.Options{DeferExtract: true})
	if later.Text != "" || later.Page == nil {
		t.Fatalf("deferred record: text %q, page %d bytes; want no text and the page", later.Text, len(later.Page))
	}
	if err := ingest.Complete(later, ingest.Options{}); err != nil {
		t.Fatal(err)
	}
	if later.Page != nil || later.Text != now.Text || later.Title != now.Title {
		t.Errorf("Complete gave text %q title %q; extracting at once gave %q, %q", later.Text, later.Title, now.Text, now.Title)
	}
}

// TestDeferExtractKeepsPage: a deferred page is the record's own, not the
// walker's read buffer, which the files after it are read into (a page
// read before a smaller page was stored with the later page's text).
func TestDeferExtractKeepsPage(t *testing.T) {
	dir := t.TempDir()
	pageA := `<html><body><article><h1>Ferry fares rise</h1><p>The ferry company said on Friday that fares would rise by a tenth in July, citing fuel.</p></article></body></html>`
	pageB := `<html><body><article><h1>Dam</h1><p>Inspectors found cracks in the dam.</p></article></body></html>`
	files := map[string]string{"a.html": pageA, "b.txt": "A short text file.\n", "c.html": pageB}
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var pagesKept [][]byte
	err := ingest.Walk(context.Background(), []string{dir}, ingest.Options{DeferExtract: true}, func(rec *parallax.Record, err error) error {
		if err != nil {
			t.Fatal(err)
		}
		if rec.Page != nil {
			pagesKept = append(pagesKept, rec.Page) // read after the walk, as the workers do
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(pagesKept) != 2 || string(pagesKept[0]) != pageA || string(pagesKept[1]) != pageB {
		t.Errorf("deferred pages after the walk:\n%q\nwant a.html then c.html as read", pagesKept)
	}
}

// A pipe that sends one short record and stays open has it read at once:
// the format is told from the first bytes, not after more input.
func TestShortRecordOnOpenPipe(t *testing.T) {
	pr, pw := io.Pipe()
	defer pw.Close()
	got := make(chan *parallax.Record, 1)
	go ingest.Walk(context.Background(), []string{"-"}, ingest.Options{Stdin: pr}, func(rec *parallax.Record, err error) error {
		if err == nil {
			got <- rec
		}
		return nil
	})
	if _, err := io.WriteString(pw, `{"text":"x"}`+"\n"); err != nil {
		t.Fatal(err)
	}
	select {
	case rec := <-got:
		if rec.Text != "x" {
			t.Errorf("record text %q", rec.Text)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("a 13-byte record on an open pipe was not read")
	}
}
