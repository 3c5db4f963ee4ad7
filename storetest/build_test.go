package storetest_test

import (
	"strings"
	"testing"

	parallax "github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/storetest"
)

// checkSpans fails t unless every span of a lies in Raw and covers the
// text it claims.
func checkSpans(t *testing.T, a *parallax.Analysis) {
	t.Helper()
	raw := a.Article.Raw
	var paras []string
	for _, p := range a.Article.Paragraphs {
		if !p.Valid(len(raw)) {
			t.Fatalf("paragraph %v outside raw of %d bytes", p, len(raw))
		}
		paras = append(paras, p.In(raw))
	}
	if got := strings.Join(paras, "\n\n"); got != a.Article.Text {
		t.Errorf("Text is not the paragraphs joined:\n%q\n%q", a.Article.Text, got)
	}
	for _, e := range a.Entities {
		for _, m := range e.Mentions {
			if m.Span.In(raw) != m.Text || m.Text == "" {
				t.Errorf("mention %q at %v covers %q", m.Text, m.Span, m.Span.In(raw))
			}
		}
	}
	for _, q := range a.Quotes {
		if q.Span.In(raw) != q.Text || q.Text == "" {
			t.Errorf("quote %q at %v covers %q", q.Text, q.Span, q.Span.In(raw))
		}
		if q.Cue != "" && q.CueSpan.In(raw) != q.Cue {
			t.Errorf("cue %q at %v covers %q", q.Cue, q.CueSpan, q.CueSpan.In(raw))
		}
		if q.Speaker.Mention != "" && q.Speaker.MentionSpan.In(raw) != q.Speaker.Mention {
			t.Errorf("speaker mention %q at %v covers %q", q.Speaker.Mention, q.Speaker.MentionSpan, q.Speaker.MentionSpan.In(raw))
		}
	}
}

func TestBuild(t *testing.T) {
	cases := []struct {
		name             string
		raw              string
		entities, quotes int
	}{
		{"straight quotes", "Title here\n\nJane Roe spoke. \"We will build it now,\" she said.", 1, 1},
		{"curly quotes", "T\n\nJohn Smith: “Nothing was decided today at all,” said an aide.", 1, 1},
		{"short quote ignored", "T\n\nJane Roe said \"no\" twice.", 1, 0},
		{"quote across blank line ignored", "T\n\n\"Start of it\n\nend of it now\" said.", 0, 0},
		{"empty", "", 0, 0},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			a := storetest.Build(tc.raw, "s", "o", "2024-01-01")
			checkSpans(t, a)
			if len(a.Entities) != tc.entities || len(a.Quotes) != tc.quotes {
				t.Errorf("%d entities, %d quotes; want %d, %d", len(a.Entities), len(a.Quotes), tc.entities, tc.quotes)
			}
		})
	}
}

func TestGenerate(t *testing.T) {
	as := storetest.Generate(9, 20, 3000, 8)
	again := storetest.Generate(9, 20, 3000, 8)
	hashes := map[string]bool{}
	for i, a := range as {
		checkSpans(t, a)
		if len(a.Article.Raw) < 3000 || len(a.Quotes) != 8 {
			t.Errorf("analysis %d: %d bytes, %d quotes", i, len(a.Article.Raw), len(a.Quotes))
		}
		if a.Article.Hash != again[i].Article.Hash {
			t.Errorf("analysis %d differs between runs with one seed", i)
		}
		hashes[a.Article.Hash] = true
	}
	if len(hashes) != len(as) {
		t.Errorf("%d distinct bodies in %d analyses", len(hashes), len(as))
	}
}

func FuzzBuild(f *testing.F) {
	f.Add("Title\n\nAnna Berg said: \"this is a quote\" and “another one here” too.")
	f.Add("“unclosed quote Mark Twain")
	f.Add("\n\n\n")
	f.Fuzz(func(t *testing.T, raw string) {
		checkSpans(t, storetest.Build(raw, "s", "o", ""))
	})
}
