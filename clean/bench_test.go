package clean_test

import (
	"testing"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/clean"
)

// BenchmarkClean cleans the PolNeAR texts in turn; ns/op is per article.
func BenchmarkClean(b *testing.B) {
	_, texts := polnearTexts(b)
	recs := make([]*parallax.Record, len(texts))
	size := 0
	for i, t := range texts {
		recs[i] = &parallax.Record{Source: "bench", Text: t}
		size += len(t)
	}
	c := clean.New(clean.Options{})
	b.SetBytes(int64(size / len(texts)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := c.Clean(recs[i%len(recs)]); err != nil {
			b.Fatal(err)
		}
	}
}
