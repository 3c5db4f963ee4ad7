package ingest_test

import (
	"bytes"
	"compress/zlib"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/ingest"
)

func page(title string, paras ...string) []byte {
	var b bytes.Buffer
	b.WriteString("<!DOCTYPE html><html><head><title>" + title + "</title></head><body>")
	for _, p := range paras {
		b.WriteString("<p>" + p + "</p>")
	}
	b.WriteString("</body></html>")
	return b.Bytes()
}

func zlibBytes(t testing.TB, data []byte) []byte {
	var b bytes.Buffer
	zw := zlib.NewWriter(&b)
	zw.Write(data)
	zw.Close()
	return b.Bytes()
}

// tinyWARC is the content of testdata/tiny.warc: ten records of every
// kind ingest meets, four of them HTML pages.
func tinyWARC(t testing.TB) []warcRec {
	html := "Content-Type: text/html; charset=utf-8"
	return []warcRec{
		{typ: "warcinfo", http: []byte("software: parallax ingest test\r\nformat: WARC File Format 1.1\r\n")},
		{typ: "request", uri: "https://news.example.org/a", http: []byte("GET /a HTTP/1.1\r\nHost: news.example.org\r\n\r\n")},
		{typ: "response", uri: "https://news.example.org/a", http: httpResponse("200 OK",
			[]string{html, "Last-Modified: Wed, 13 Mar 2024 08:00:00 GMT"},
			page("First story", "Alpha one.", "Alpha two, with ünïcode — and dashes."))},
		{typ: "metadata", uri: "https://news.example.org/a", http: []byte("fetchTimeMs: 120\r\n")},
		{typ: "response", uri: "https://news.example.org/b", http: httpResponse("200 OK",
			[]string{html, "Transfer-Encoding: chunked", "Content-Encoding: gzip"},
			chunk(gz(t, page("Second story", "Bravo one.", "Bravo two.")), 17))},
		{typ: "response", uri: "https://news.example.org/logo.png", http: httpResponse("200 OK",
			[]string{"Content-Type: image/png"}, []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"))},
		{typ: "response", uri: "https://news.example.org/gone", http: httpResponse("404 Not Found",
			[]string{html}, page("Not found", "Nothing here."))},
		{typ: "response", uri: "https://news.example.org/latin", http: httpResponse("200 OK",
			[]string{"Content-Type: text/html; charset=iso-8859-1"},
			page("Caf\xe9 story", "Le caf\xe9 est ferm\xe9."))},
		{typ: "response", uri: "https://news.example.org/bad", http: []byte("garbage instead of a status line\r\n\r\n<p>x</p>")},
		{typ: "response", uri: "https://news.example.org/deflate", http: httpResponse("200 OK",
			[]string{"Content-Type: application/xhtml+xml", "Content-Encoding: deflate"},
			zlibBytes(t, page("Deflated story", "Charlie one.")))},
	}
}

// TestFixtures writes (with -update) and checks the generated WARC
// fixtures in testdata: they must hold what tinyWARC describes.
func TestFixtures(t *testing.T) {
	for _, f := range []struct{ name, mode string }{
		{"tiny.warc", "plain"},
		{"tiny.warc.gz", "members"},
	} {
		p := filepath.Join("testdata", f.name)
		want := buildWARC(t, f.mode, tinyWARC(t)...)
		if *update {
			if err := os.WriteFile(p, want, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		got, err := os.ReadFile(p)
		if err != nil {
			t.Fatalf("%v (run go test -run TestFixtures -update)", err)
		}
		if f.mode == "plain" && !bytes.Equal(got, want) {
			t.Errorf("%s is stale; run go test -run TestFixtures -update", p)
		}
	}
}

func TestWARC(t *testing.T) {
	wantOrder := []string{"#3", "#5", "#8", "!#9", "#10"}
	wantText := map[string]string{
		"#3":  "Alpha one.\n\nAlpha two, with ünïcode — and dashes.",
		"#5":  "Bravo one.\n\nBravo two.",
		"#8":  "Le café est fermé.",
		"#10": "Charlie one.",
	}
	for _, tc := range []struct{ name, path string }{
		{"plain", "testdata/tiny.warc"},
		{"gzip members", "testdata/tiny.warc.gz"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := walk(t, ingest.Options{Extract: tagStrip}, tc.path)
			var order []string
			for _, s := range res.order {
				order = append(order, strings.Replace(s, tc.path, "", 1))
			}
			if !reflect.DeepEqual(order, wantOrder) {
				t.Fatalf("order = %q, want %q", order, wantOrder)
			}
			for _, r := range res.recs {
				n := strings.TrimPrefix(r.Source, tc.path)
				if r.Text != wantText[n] {
					t.Errorf("%s: text %q, want %q", n, r.Text, wantText[n])
				}
				if r.Format != "warc" || !strings.HasPrefix(r.URL, "https://news.example.org/") {
					t.Errorf("%s: format %q url %q", n, r.Format, r.URL)
				}
				if r.Meta["warc_date"] == nil || r.Meta["warc_record_id"] == nil {
					t.Errorf("%s: meta %v lacks warc_date or warc_record_id", n, r.Meta)
				}
			}
			if got := res.recs[0].Meta["warc_date"]; got != "2024-03-14T10:03:00Z" {
				t.Errorf("warc_date = %v", got)
			}
			if got := res.recs[2].Title; got != "Café story" {
				t.Errorf("latin-1 title = %q", got)
			}
			if len(res.skipped) != 5 {
				t.Errorf("skipped %d records, want 5: %q", len(res.skipped), res.skipped)
			}
			if e := res.errs[0]; e.Stage != "decode" || !strings.Contains(e.Err.Error(), "bad HTTP status line") {
				t.Errorf("error = %v", e)
			}
		})
	}
}

// TestWARCDamage checks how far a damaged WARC is read.
func TestWARCDamage(t *testing.T) {
	good := func(s string) warcRec {
		return warcRec{typ: "response", uri: "https://x.example/" + s,
			http: httpResponse("200 OK", []string{"Content-Type: text/html"}, page(s, "Body of "+s+"."))}
	}
	short := good("short")
	short.lengthDelta = 500
	badHeader := []byte("WARC/1.1\r\nWARC-Type response\r\nContent-Length: 3\r\n\r\nabc\r\n\r\n")
	noLength := []byte("WARC/1.0\r\nWARC-Type: response\r\n\r\n")
	dir := t.TempDir()
	tests := []struct {
		name      string
		data      []byte
		ext       string
		wantOrder []string
		wantErr   string
	}{
		{"plain truncated at end", buildWARC(t, "plain", good("a"), short), ".warc",
			[]string{"#1", "!#2"}, "truncated record: Content-Length"},
		{"plain truncated stops the file", buildWARC(t, "plain", good("a"), short, good("c")), ".warc",
			// the short record swallows the next one's bytes; what is left is not a header
			[]string{"#1", "!#2"}, "truncated record"},
		{"members resync after truncation", buildWARC(t, "members", good("a"), short, good("c")), ".warc.gz",
			[]string{"#1", "!#2", "#3"}, "truncated record"},
		{"whole-file gzip truncated", buildWARC(t, "whole", good("a"), short), ".warc.gz",
			[]string{"#1", "!#2"}, "truncated record"},
		{"members resync after bad header", append(append(buildWARC(t, "members", good("a")), gz(t, badHeader)...),
			buildWARC(t, "members", good("c"))...), ".warc.gz",
			[]string{"#1", "!#2", "#3"}, "bad WARC header: field line"},
		{"plain bad header stops", append(append(buildWARC(t, "plain", good("a")), badHeader...),
			buildWARC(t, "plain", good("c"))...), ".warc",
			[]string{"#1", "!#2"}, "bad WARC header"},
		{"no content length", append(buildWARC(t, "plain", good("a")), noLength...), ".warc",
			[]string{"#1", "!#2"}, "no Content-Length"},
		{"garbage after records", append(buildWARC(t, "plain", good("a")), "junk\r\n"...), ".warc",
			[]string{"#1", "!#2"}, "version line"},
		{"header cut off", append(buildWARC(t, "plain", good("a")), "WARC/1.1\r\nWARC-Type: resp"...), ".warc",
			[]string{"#1", "!#2"}, "input ends inside the header"},
		{"sniffed without extension", buildWARC(t, "members", good("a"), good("b")), "",
			[]string{"#1", "#2"}, ""},
		{"gzip trailing garbage", append(buildWARC(t, "members", good("a")), "not gzip"...), ".warc.gz",
			[]string{"#1", "!#2"}, "not gzip"},
	}
	for i, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := writeFile(t, dir, "f"+string(rune('a'+i))+tc.ext, tc.data)
			res := walk(t, ingest.Options{Extract: tagStrip}, p)
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

func TestWARCLimits(t *testing.T) {
	big := warcRec{typ: "response", uri: "https://x.example/big",
		http: httpResponse("200 OK", []string{"Content-Type: text/html"}, page("Big", strings.Repeat("word ", 400)))}
	bomb := warcRec{typ: "response", uri: "https://x.example/bomb",
		http: httpResponse("200 OK", []string{"Content-Type: text/html", "Content-Encoding: gzip"},
			gz(t, page("Bomb", strings.Repeat("a", 100000))))}
	small := warcRec{typ: "response", uri: "https://x.example/small",
		http: httpResponse("200 OK", []string{"Content-Type: text/html"}, page("Small", "Tiny."))}
	dir := t.TempDir()
	tests := []struct {
		name    string
		data    []byte
		opt     ingest.Options
		want    []string
		wantErr string
	}{
		{"record over MaxRecordBytes", buildWARC(t, "plain", big, small), ingest.Options{MaxRecordBytes: 1000},
			[]string{"!#1", "#2"}, "record too large"},
		{"decoded body over MaxRecordBytes", buildWARC(t, "plain", bomb, small), ingest.Options{MaxRecordBytes: 10000},
			[]string{"!#1", "#2"}, "decoded body too large"},
		{"file over MaxDecompressedBytes", buildWARC(t, "members", small, big, small), ingest.Options{MaxDecompressedBytes: 2500},
			[]string{"#1", "!#2"}, "gzip: decompressed size exceeds 2500 bytes"},
	}
	for i, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ext := ".warc"
			if isGz(tc.data) {
				ext = ".warc.gz"
			}
			p := writeFile(t, dir, "l"+string(rune('a'+i))+ext, tc.data)
			tc.opt.Extract = tagStrip
			res := walk(t, tc.opt, p)
			var order []string
			for _, s := range res.order {
				order = append(order, strings.Replace(s, p, "", 1))
			}
			if !reflect.DeepEqual(order, tc.want) {
				t.Fatalf("order = %q, want %q (errors %v)", order, tc.want, res.errs)
			}
			if !strings.Contains(res.errs[0].Error(), tc.wantErr) {
				t.Errorf("error %q does not contain %q", res.errs[0], tc.wantErr)
			}
		})
	}
}

func isGz(b []byte) bool { return len(b) > 2 && b[0] == 0x1f && b[1] == 0x8b }

// TestWARCDefaultExtractor reads the article fixture from a WARC response
// with the default extractor.
func TestWARCDefaultExtractor(t *testing.T) {
	art, err := os.ReadFile("testdata/article.html")
	if err != nil {
		t.Fatal(err)
	}
	p := writeFile(t, t.TempDir(), "a.warc.gz", buildWARC(t, "members", warcRec{
		typ: "response", uri: "https://ledger.example.com/n/123?utm=x",
		http: httpResponse("200 OK", []string{"Content-Type: text/html; charset=utf-8", "Transfer-Encoding: chunked"}, chunk(art, 500)),
	}))
	res := walk(t, ingest.Options{}, p)
	if len(res.recs) != 1 {
		t.Fatalf("records %d, errors %v", len(res.recs), res.errs)
	}
	r := res.recs[0]
	if !strings.Contains(r.Text, "voted eleven to four") || strings.Contains(r.Text, "mark my words") {
		t.Errorf("text = %q", r.Text)
	}
	if r.URL != "https://ledger.example.com/n/123?utm=x" || r.Meta["canonical_url"] != "https://ledger.example.com/news/2024/03/14/flood-barrier-plan" {
		t.Errorf("url %q, canonical %v", r.URL, r.Meta["canonical_url"])
	}
	if r.Published != "2024-03-14" || r.Outlet != "The Coastal Ledger" || r.Meta["author"] != "Mira Okonkwo" {
		t.Errorf("record = %+v", r)
	}
}
