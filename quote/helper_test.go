package quote_test

import (
	"github.com/parallax-news/parallax/internal/testshared"
	"sync"
	"testing"

	parallax "github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/quote"
	"github.com/parallax-news/parallax/textproc"
)

// sharedDir locates the shared evaluation data, skipping when it is absent.
func sharedDir(t testing.TB) string {
	t.Helper()
	return testshared.Dir(t)
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

// named is an expected quote: its kind, its text and its speaker's name.
type named struct {
	kind       parallax.QuoteKind
	text, name string
}

// checkNamed fails t unless got holds exactly want, in order.
func checkNamed(t *testing.T, got []parallax.Quote, want []named) {
	t.Helper()
	if len(got) != len(want) {
		for _, q := range got {
			t.Logf("got %s %q by %q", q.Kind, q.Text, q.Speaker.Name)
		}
		t.Fatalf("got %d quotes, want %d", len(got), len(want))
	}
	for i, w := range want {
		if q := got[i]; q.Kind != w.kind || q.Text != w.text || q.Speaker.Name != w.name {
			t.Errorf("quote %d = %s %q by %q; want %s %q by %q", i, q.Kind, q.Text, q.Speaker.Name, w.kind, w.text, w.name)
		}
	}
}
