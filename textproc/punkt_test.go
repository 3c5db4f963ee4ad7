package textproc_test

import (
	"testing"

	"github.com/neurosnap/sentences/english"
)

// BenchmarkPunkt measures the Punkt tokenizer this package's splitter
// replaces, on the same texts, for comparison with BenchmarkAnalyze.
func BenchmarkPunkt(b *testing.B) {
	texts := polnearTexts(b, 0)
	tok, err := english.NewSentenceTokenizer(nil)
	if err != nil {
		b.Fatal(err)
	}
	total := 0
	for _, t := range texts {
		total += len(t)
	}
	b.SetBytes(int64(total / len(texts)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		tok.Tokenize(texts[i%len(texts)])
	}
}
