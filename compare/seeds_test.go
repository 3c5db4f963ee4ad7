package compare_test

import (
	"github.com/parallax-news/parallax/internal/testshared"
	"os"
	"path/filepath"
	"strings"
	"testing"

	parallax "github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/compare"
)

// seedDir locates the shared evaluation data, skipping when it is absent.
func seedDir(t testing.TB) string {
	t.Helper()
	return testshared.Path(t, "corpus", "seeds")
}

// seedArticle reads a seed as an article: paragraphs are its blank-line
// separated blocks, up to (not including) the block holding stop, which
// stands in for the cleaner dropping reader comments and page furniture.
func seedArticle(t testing.TB, id int64, prefix, outlet, stop string) *parallax.Article {
	m, _ := filepath.Glob(filepath.Join(seedDir(t), prefix+"_*.txt"))
	if len(m) != 1 {
		t.Skipf("seed %s not found", prefix)
	}
	b, err := os.ReadFile(m[0])
	if err != nil {
		t.Fatal(err)
	}
	raw := string(b)
	a := &parallax.Article{ID: id, Outlet: outlet, Raw: raw}
	start := 0
	for _, p := range strings.Split(raw, "\n\n") {
		if stop != "" && strings.Contains(p, stop) {
			break
		}
		if strings.TrimSpace(p) != "" {
			a.Paragraphs = append(a.Paragraphs, parallax.Span{Start: start, End: start + len(p)})
		}
		start += len(p) + 2
	}
	return a
}

// seedQuote locates a quote and its cue (the first occurrence of cue after
// the quote's start, or before it when cueBefore) in the article.
func seedQuote(t *testing.T, a *parallax.Article, id int64, kind parallax.QuoteKind, text, cue string) parallax.Quote {
	t.Helper()
	i := strings.Index(a.Raw, text)
	if i < 0 {
		t.Fatalf("quote %d not found: %q", id, text)
	}
	// Whole words only: "claimed" is not the one inside "exclaimed".
	c := -1
	for k := 0; k+len(cue) <= len(a.Raw); k++ {
		if a.Raw[k:k+len(cue)] != cue || k > 0 && isLetter(a.Raw[k-1]) || k+len(cue) < len(a.Raw) && isLetter(a.Raw[k+len(cue)]) {
			continue
		}
		if k > i {
			c = k
			break
		}
		c = k // the last one before the quote, unless one follows
	}
	if c < 0 {
		t.Fatalf("cue %q of quote %d not found", cue, id)
	}
	return parallax.Quote{ID: id, Article: a.ID, Kind: kind, Text: text,
		Span: parallax.Span{Start: i, End: i + len(text)}, Cue: cue, CueSpan: parallax.Span{Start: c, End: c + len(cue)},
		Speaker: parallax.Speaker{Name: "Vladimir Putin", EntityKey: "vladimir putin"}}
}

func TestSeedsCompare(t *testing.T) {
	a0 := seedArticle(t, 1, "000", "outlet-000", "ePaper")
	a1 := seedArticle(t, 2, "001", "outlet-001", "Rate this item")
	a4 := seedArticle(t, 3, "004", "outlet-004", "contributed to this report")
	qs := []parallax.Quote{
		seedQuote(t, a0, 1, parallax.Direct, "Our actions will depend not on the course of negotiations", "asked"),
		seedQuote(t, a0, 2, parallax.Direct, "It is not the course of the negotiations that is important", "stressed"),
		seedQuote(t, a1, 3, parallax.Direct, "We want to ensure our security,", "said"),
		seedQuote(t, a4, 4, parallax.Direct, "Is it us who are putting missiles near the U.S. borders?", "said"),
		seedQuote(t, a4, 5, parallax.Direct, "It’s you who must give us guarantees and give them immediately", "snapped"),
		seedQuote(t, a4, 6, parallax.Direct, "How would the Americans respond if we put our missiles on the U.S. borders with Canada or Mexico?", "exclaimed"),
		seedQuote(t, a4, 7, parallax.Indirect, "Western expressions of concern about an alleged Russian invasion could be a prelude", "claimed"),
		seedQuote(t, a4, 8, parallax.Mixed, "the West had “swindled, blatantly cheated” Moscow", "charged"),
	}
	in := compare.Input{Articles: []*parallax.Article{a0, a1, a4}, Quotes: qs}
	fr := compare.Framing(in)
	by := map[string]compare.OutletFraming{}
	for _, f := range fr {
		by[f.Outlet] = f
	}
	has := func(fs []compare.Finding, text string) bool {
		for _, f := range fs {
			checkFinding(t, in, f)
			if f.Text == text {
				return true
			}
		}
		return false
	}
	cue := func(o, c string) (compare.CueCount, bool) {
		for _, x := range by[o].Cues {
			if x.Cue == c {
				return x, true
			}
		}
		return compare.CueCount{}, false
	}
	for _, c := range []string{"said angrily", "snapped", "exclaimed", "claimed", "charged"} {
		if x, ok := cue("outlet-004", c); !ok || !x.Loaded {
			t.Errorf("outlet-004: cue %q missing or not loaded: %+v", c, by["outlet-004"].Cues)
		}
	}
	if x, ok := cue("outlet-000", "stressed"); !ok || x.Loaded {
		t.Errorf("outlet-000: want unloaded non-neutral cue stressed, got %+v", by["outlet-000"].Cues)
	}
	if _, ok := cue("outlet-001", "said"); ok {
		t.Errorf("outlet-001: neutral said listed as a cue")
	}
	if !has(by["outlet-000"].ScareQuotes, "invasion") {
		t.Errorf("outlet-000 scare quotes %+v lack invasion", by["outlet-000"].ScareQuotes)
	}
	if !has(by["outlet-004"].ScareQuotes, "red line") {
		t.Errorf("outlet-004 scare quotes %+v lack red line", by["outlet-004"].ScareQuotes)
	}
	// The hedge inside the indirect quote is the speaker's, not the writer's.
	if len(by["outlet-004"].Hedges) != 0 {
		t.Errorf("outlet-004 hedges = %+v, want none outside quotes", by["outlet-004"].Hedges)
	}
	t.Logf("outlet-004 scare quotes: %d, cues: %d", len(by["outlet-004"].ScareQuotes), len(by["outlet-004"].Cues))

	facts := compare.Facts(in)
	want := map[string]string{"146 million people": "people", "five waves": "wave", "four hours": "hour", "14,000 people": "people"}
	for _, f := range facts {
		checkFinding(t, in, compare.Finding{Article: f.Article, Span: f.Span, Text: f.Text})
		if u, ok := want[f.Text]; ok {
			if f.Unit != u {
				t.Errorf("fact %q unit %q, want %q", f.Text, f.Unit, u)
			}
			if f.Text == "146 million people" && f.Value != 146e6 {
				t.Errorf("146 million = %v", f.Value)
			}
			if f.Text == "four hours" && !f.Approx {
				t.Errorf("nearly four hours not approximate")
			}
			delete(want, f.Text)
		}
	}
	if len(want) > 0 {
		t.Errorf("facts missing: %v", want)
	}
	for _, c := range compare.Contradictions(facts) {
		t.Logf("contradiction: %s %q (%s) vs %q (%s), shared %v", c.Unit, c.A.Text, c.A.Outlet, c.B.Text, c.B.Outlet, c.Shared)
		if c.Unit == "wave" {
			t.Errorf("five waves agree across outlets, yet contradicted: %+v", c)
		}
	}
}

func isLetter(b byte) bool { return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' }

func seedInput(b *testing.B) (compare.Input, int) {
	a0 := seedArticle(b, 1, "000", "outlet-000", "ePaper")
	a1 := seedArticle(b, 2, "001", "outlet-001", "Rate this item")
	a4 := seedArticle(b, 3, "004", "outlet-004", "contributed to this report")
	return compare.Input{Articles: []*parallax.Article{a0, a1, a4}}, len(a0.Raw) + len(a1.Raw) + len(a4.Raw)
}

func BenchmarkFramingSeeds(b *testing.B) {
	in, n := seedInput(b)
	b.SetBytes(int64(n))
	b.ReportAllocs()
	for b.Loop() {
		compare.Framing(in)
	}
}

func BenchmarkFactsSeeds(b *testing.B) {
	in, n := seedInput(b)
	b.SetBytes(int64(n))
	b.ReportAllocs()
	for b.Loop() {
		compare.Contradictions(compare.Facts(in))
	}
}
