package quote_test

import (
	"os"
	"path/filepath"
	"sync"
	"testing"

	parallax "github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/quote"
	"github.com/parallax-news/parallax/textproc"
)

// sharedDir finds the shared data directory: $PARALLAX_SHARED, or a
// "shared" directory holding corpus/seeds found walking up from here.
func sharedDir(t testing.TB) string {
	t.Helper()
	if d := os.Getenv("PARALLAX_SHARED"); d != "" {
		if _, err := os.Stat(filepath.Join(d, "corpus", "seeds")); err == nil {
			return d
		}
	}
	dir, err := os.Getwd()
	if err != nil {
		t.Skip("shared data not found: ", err)
	}
	for {
		d := filepath.Join(dir, "shared")
		if _, err := os.Stat(filepath.Join(d, "corpus", "seeds")); err == nil {
			return d
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Skip("shared data (shared/corpus/seeds) not found; set PARALLAX_SHARED to run this test")
		}
		dir = parent
	}
}

// lines returns the non-empty lines of raw as paragraphs, trimmed.
func lines(raw string) []parallax.Span {
	var out []parallax.Span
	start := 0
	for i := 0; i <= len(raw); i++ {
		if i < len(raw) && raw[i] != '\n' {
			continue
		}
		s, e := start, i
		for s < e && (raw[s] == ' ' || raw[s] == '\t' || raw[s] == '\r') {
			s++
		}
		for e > s && (raw[e-1] == ' ' || raw[e-1] == '\t' || raw[e-1] == '\r') {
			e--
		}
		if e > s {
			out = append(out, parallax.Span{Start: s, End: e})
		}
		start = i + 1
	}
	return out
}

var (
	analyzerOnce sync.Once
	analyzer     *textproc.Analyzer
)

// doc analyses raw with one paragraph per non-empty line.
func doc(raw string) *textproc.Doc {
	analyzerOnce.Do(func() { analyzer = textproc.New() })
	return analyzer.Analyze(raw, lines(raw))
}

var extractor = quote.New(quote.Options{})

func extract(raw string) []parallax.Quote { return extractor.Extract(doc(raw)) }
