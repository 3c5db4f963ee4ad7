package quote_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/parallax-news/parallax/quote"
	"github.com/parallax-news/parallax/textproc"
)

// BenchmarkExtract measures Extract alone over analysed PolNeAR dev texts.
func BenchmarkExtract(b *testing.B) {
	files, _ := filepath.Glob(filepath.Join(sharedDir(b), "eval", "polnear", "dev", "text", "*.txt"))
	if len(files) == 0 {
		b.Skip("PolNeAR dev texts not found")
	}
	var docs []*textproc.Doc
	size := 0
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, doc(string(raw)))
		size += len(raw)
	}
	e := quote.New(quote.Options{})
	b.SetBytes(int64(size / len(docs)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		e.Extract(docs[i%len(docs)])
	}
}
