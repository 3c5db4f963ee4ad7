package compare_test

import (
	"strings"
	"testing"

	parallax "github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/compare"
)

// FuzzStory checks that every finding of Framing and Facts lies inside its
// article and maps back to the text it reports.
func FuzzStory(f *testing.F) {
	f.Add(rawHarbor, rawCourier)
	f.Add(`He said the so-called "plan" cost 3 million dollars on May 4, 2020.`, `"Yes." It took “two days,” reportedly.`)
	f.Add("‘", "“x")
	f.Fuzz(func(t *testing.T, r1, r2 string) {
		in := compare.Input{Articles: []*parallax.Article{article(1, "A", r1), article(2, "B", r2)}}
		if i := strings.Index(r1, " "); i > 0 {
			in.Quotes = []parallax.Quote{{ID: 1, Article: 1, Kind: parallax.Direct, Text: r1[:i],
				Span: parallax.Span{Start: 0, End: i}, Cue: "x", CueSpan: parallax.Span{Start: i, End: i + 1},
				Speaker: parallax.Speaker{Name: "S"}}}
		}
		raws := map[int64]string{1: r1, 2: r2}
		check := func(what string, f compare.Finding) {
			raw := raws[f.Article]
			if !f.Span.Valid(len(raw)) || raw[f.Span.Start:f.Span.End] != f.Text {
				t.Fatalf("%s finding %+v does not map back", what, f)
			}
		}
		for _, fr := range compare.Framing(in) {
			for _, c := range fr.Cues {
				for _, e := range c.Examples {
					check("cue", e)
				}
			}
			for _, x := range fr.ScareQuotes {
				check("scare quote", x)
			}
			for _, x := range fr.Hedges {
				check("hedge", x)
			}
		}
		facts := compare.Facts(in)
		for _, x := range facts {
			check("fact", compare.Finding{Article: x.Article, Span: x.Span, Text: x.Text})
			if !x.Sentence.Contains(x.Span) {
				t.Fatalf("fact %+v outside its sentence", x)
			}
		}
		for _, c := range compare.Contradictions(facts) {
			if c.A.Unit != c.B.Unit || c.A.Outlet == c.B.Outlet {
				t.Fatalf("bad contradiction %+v", c)
			}
		}
		compare.Coverage(in)
	})
}
