package align_test

import (
	"strings"
	"testing"
	"time"

	parallax "github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/align"
	"github.com/parallax-news/parallax/quote"
	"github.com/parallax-news/parallax/textproc"
)

// lineParas returns the non-empty lines of raw as paragraph spans.
func lineParas(raw string) []parallax.Span {
	var out []parallax.Span
	start := 0
	for i := 0; i <= len(raw); i++ {
		if i < len(raw) && raw[i] != '\n' {
			continue
		}
		s, e := start, i
		for s < e && (raw[s] == ' ' || raw[s] == '\t') {
			s++
		}
		if e > s {
			out = append(out, parallax.Span{Start: s, End: e})
		}
		start = i + 1
	}
	return out
}

// TestSeedsWithExtractor aligns the quotes the quote stage extracts from
// three seeds reporting one press conference.
func TestSeedsWithExtractor(t *testing.T) {
	an := textproc.New()
	ex := quote.New(quote.Options{})
	day := time.Date(2021, 12, 23, 12, 0, 0, 0, time.UTC)
	var items []align.Item
	var id int64
	for k, seed := range []string{"000", "001", "004"} {
		raw := readSeed(t, seed)
		qs := ex.Extract(an.Analyze(raw, lineParas(raw)))
		for _, q := range qs {
			id++
			q.ID, q.Article = id, int64(k+1)
			items = append(items, align.Item{Quote: q, Outlet: "outlet-" + seed, Published: day,
				ArticleID: int64(k + 1), Position: float64(q.Span.Start) / float64(len(raw))})
		}
	}
	sts := align.New(align.Options{}).Align(items)
	multi := 0
	for _, st := range sts {
		arts := map[int64]bool{}
		for _, v := range st.Quotes {
			arts[items[v.Quote-1].ArticleID] = true
		}
		if len(arts) > 1 {
			multi++
			if testing.Verbose() {
				var vs []string
				for _, v := range st.Quotes {
					vs = append(vs, string(v.Label)+": "+items[v.Quote-1].Quote.Text)
				}
				t.Logf("statement %d %q\n\t%s", st.ID, st.Speaker, strings.Join(vs, "\n\t"))
			}
		}
	}
	t.Logf("%d quotes extracted, %d statements, %d carried by more than one article", len(items), len(sts), multi)
	// The quote holding each rendering of the "Americans" question.
	find := func(article int64, words string) int64 {
		for _, it := range items {
			if it.ArticleID == article && strings.Contains(it.Quote.Text, words) {
				return it.Quote.ID
			}
		}
		return 0
	}
	a := find(1, "How would Americans react")
	b := find(2, "What would the Americans think")
	c := find(3, "How would the Americans respond")
	found := []int64{}
	for _, x := range []int64{a, b, c} {
		if x != 0 {
			found = append(found, x)
		}
	}
	if len(found) < 2 {
		t.Fatalf("the extractor found %d of the three renderings; nothing to align", len(found))
	}
	for i := 0; i < len(found); i++ {
		for j := i + 1; j < len(found); j++ {
			if !together(sts, found[i], found[j]) {
				t.Errorf("quotes %d and %d (%q / %q) not aligned", found[i], found[j],
					items[found[i]-1].Quote.Text, items[found[j]-1].Quote.Text)
			}
		}
	}
}
