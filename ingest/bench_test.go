package ingest_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/ingest"
)

// benchWalk walks inputs b.N times; size is their total bytes.
func benchWalk(b *testing.B, opt ingest.Options, size int64, inputs ...string) {
	b.SetBytes(size)
	b.ReportAllocs()
	b.ResetTimer()
	n := 0
	for b.Loop() {
		err := ingest.Walk(context.Background(), inputs, opt, func(r *parallax.Record, err error) error {
			if err != nil {
				b.Fatal(err)
			}
			n++
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "records/s")
}

func fileSize(b *testing.B, paths ...string) int64 {
	var n int64
	for _, p := range paths {
		fi, err := os.Stat(p)
		if err != nil {
			b.Fatal(err)
		}
		n += fi.Size()
	}
	return n
}

func BenchmarkJSONL(b *testing.B) {
	path := filepath.Join(sharedDir(b), "eval", "basil", "articles.jsonl")
	benchWalk(b, ingest.Options{}, fileSize(b, path), path)
}

func BenchmarkText(b *testing.B) {
	dir := filepath.Join(sharedDir(b), "corpus", "seeds")
	names, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	benchWalk(b, ingest.Options{}, fileSize(b, names...), dir)
}

// benchWARC generates a WARC of 200 HTML responses, each between request
// and metadata records like a crawler writes them.
func benchWARC(b *testing.B, mode, name string) string {
	var recs []warcRec
	para := "The council voted on Wednesday to build a movable barrier across the estuary, ending a decade of argument over the old town."
	for i := range 200 {
		uri := "https://news.example.org/story/" + string(rune('a'+i%26))
		recs = append(recs,
			warcRec{typ: "request", uri: uri, http: []byte("GET / HTTP/1.1\r\nHost: news.example.org\r\n\r\n")},
			warcRec{typ: "response", uri: uri, http: httpResponse("200 OK",
				[]string{"Content-Type: text/html; charset=utf-8", "Content-Encoding: gzip"},
				gz(b, page("Story", para, para, para, para, para, para, para, para, para, para, para, para)))},
			warcRec{typ: "metadata", uri: uri, http: []byte("fetchTimeMs: 120\r\n")})
	}
	return writeFile(b, b.TempDir(), name, buildWARC(b, mode, recs...))
}

func BenchmarkWARC(b *testing.B) {
	for _, mode := range []struct{ name, mode, file string }{
		{"plain", "plain", "bench.warc"},
		{"gzip-members", "members", "bench.warc.gz"},
	} {
		b.Run(mode.name, func(b *testing.B) {
			p := benchWARC(b, mode.mode, mode.file)
			benchWalk(b, ingest.Options{Extract: tagStrip}, fileSize(b, p), p)
		})
	}
}

// BenchmarkTrafilatura measures the default extractor on the article
// fixture.
func BenchmarkTrafilatura(b *testing.B) {
	page, err := os.ReadFile("testdata/article.html")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(page)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ingest.Trafilatura(page, ""); err != nil {
			b.Fatal(err)
		}
	}
}
