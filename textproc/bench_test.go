package textproc_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/parallax-news/parallax/textproc"
)

// polnearTexts returns up to n PolNeAR dev texts, or skips.
func polnearTexts(tb testing.TB, n int) []string {
	tb.Helper()
	dir := sharedDir(tb)
	files, _ := filepath.Glob(filepath.Join(dir, "eval", "polnear", "dev", "text", "*.txt"))
	if len(files) == 0 {
		tb.Skip("PolNeAR dev texts not found under " + dir)
	}
	var out []string
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		out = append(out, string(b))
		if n > 0 && len(out) == n {
			break
		}
	}
	return out
}

func BenchmarkAnalyze(b *testing.B) {
	texts := polnearTexts(b, 0)
	paras := make([][]parallaxSpan, len(texts))
	total := 0
	for i, t := range texts {
		paras[i] = textproc.Paragraphs(t)
		total += len(t)
	}
	a := textproc.New()
	b.SetBytes(int64(total / len(texts)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		k := i % len(texts)
		a.Analyze(texts[k], paras[k])
	}
}
