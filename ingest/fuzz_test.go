package ingest_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/ingest"
)

// rawExtract returns the page bytes as its text, so the walker's own guard
// against invalid UTF-8 is what the fuzzers exercise.
func rawExtract(page []byte, url string) (ingest.Extracted, error) {
	return ingest.Extracted{Text: string(page), Title: url}, nil
}

// fuzzWalk writes data to dir/name, walks it and checks the invariants
// every input must keep: no panic, only RecordErrors naming the file,
// valid UTF-8 text. It returns the number of records and errors.
func fuzzWalk(t *testing.T, dir, name string, data []byte, opt ingest.Options) (recs, errs int) {
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	err := ingest.Walk(context.Background(), []string{p}, opt, func(r *parallax.Record, err error) error {
		if err != nil {
			var re *parallax.RecordError
			if !errors.As(err, &re) {
				t.Fatalf("error is not a RecordError: %v", err)
			}
			if !strings.HasPrefix(re.Source, p) || (re.Stage != "read" && re.Stage != "decode") {
				t.Fatalf("bad RecordError %q stage %q", re.Source, re.Stage)
			}
			errs++
			return nil
		}
		if !strings.HasPrefix(r.Source, p+"#") {
			t.Fatalf("record source %q", r.Source)
		}
		if !utf8.ValidString(r.Text) || r.Text == "" {
			t.Fatalf("record %s: text %q not valid non-empty UTF-8", r.Source, r.Text)
		}
		recs++
		return nil
	})
	if err != nil {
		t.Fatalf("Walk: %v", err)
	}
	return recs, errs
}

func FuzzWARC(f *testing.F) {
	for _, name := range []string{"testdata/tiny.warc", "testdata/tiny.warc.gz"} {
		if b, err := os.ReadFile(name); err == nil {
			f.Add(b)
			f.Add(b[:len(b)/2])
		}
	}
	f.Add([]byte("WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 30\r\n\r\nHTTP/1.1 200 OK\r\n\r\n<p>\xff\xfe</p>\r\n\r\n"))
	f.Add([]byte("WARC/1.1\r\nContent-Length: 99999999999\r\n\r\n"))
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzWalk(t, dir, "f.warc", data, ingest.Options{Extract: rawExtract, MaxRecordBytes: 1 << 16, MaxDecompressedBytes: 1 << 20})
	})
}

func FuzzJSONL(f *testing.F) {
	if b, err := os.ReadFile("testdata/news.jsonl"); err == nil {
		f.Add(b)
	}
	f.Add([]byte(`{"id": 1, "text": "a\u0000b\ud800", "x": {"y": [1, 2.5e3, null]}}` + "\n\n[]\n{"))
	f.Add([]byte("{\"html\": \"<p>caf\xc3\xa9</p>\", \"text\": \"\"}\r\n{\"text\": \"\xff\"}"))
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, data []byte) {
		const limit = 256
		recs, errs := fuzzWalk(t, dir, "f.jsonl", data, ingest.Options{Extract: rawExtract, MaxRecordBytes: limit})
		// Every non-blank line is a record or an error, unless gzip framing
		// changed what the lines are.
		if len(data) > 1 && data[0] == 0x1f && data[1] == 0x8b {
			return
		}
		lines := 0
		for _, l := range bytes.Split(data, []byte("\n")) {
			if len(bytes.TrimSpace(l)) > 0 || len(bytes.TrimSuffix(l, []byte("\r"))) > limit {
				lines++
			}
		}
		if recs+errs != lines {
			t.Fatalf("%d records + %d errors for %d non-blank lines", recs, errs, lines)
		}
	})
}
