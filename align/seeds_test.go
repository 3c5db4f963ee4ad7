package align_test

import (
	"github.com/parallax-news/parallax/internal/testshared"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	parallax "github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/align"
)

// sharedDir locates the shared evaluation data, skipping when it is absent.
func sharedDir(t testing.TB) string {
	t.Helper()
	return testshared.Dir(t)
}

func readSeed(t testing.TB, prefix string) string {
	dir := filepath.Join(sharedDir(t), "corpus", "seeds")
	m, _ := filepath.Glob(filepath.Join(dir, prefix+"_*.txt"))
	if len(m) != 1 {
		t.Skipf("seed %s not found in %s", prefix, dir)
	}
	b, err := os.ReadFile(m[0])
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// seedQuote is a hand-built quote with the gold statements it renders.
type seedQuote struct {
	id    string // e.g. "000a"
	seed  string
	kind  parallax.QuoteKind
	text  string // paragraphs joined by "\n\n", as the extractor gives them
	gold  []string
	noted []string // gold statements it touches loosely: pairs on them are not scored
}

var seedQuotes = []seedQuote{
	{id: "000a", seed: "000", kind: parallax.Direct, text: "Our actions will depend not on the course of negotiations, but on the unconditional guarantees of Russian national security. We made it clear that NATO's expansion to the east is unacceptable. The US is standing with missiles on our doorstep. How would Americans react if we placed our missiles at the US border with Canada or Mexico?", gold: []string{"actions", "unacceptable", "doorstep", "americans", "uncond"}},
	{id: "000b", seed: "000", kind: parallax.Indirect, text: "the West should immediately give firm guarantees to Russia instead of just talking about them for decades", gold: []string{"immediately"}},
	{id: "000c", seed: "000", kind: parallax.Direct, text: "It is not the course of the negotiations that is important, the result is important. 'Not a single inch to the East', they told us in the nineties. So what? They tricked us. There have been five waves of NATO expansion. Missile systems are appearing in Romania and Poland. Did we come to them? They came to us", gold: []string{"tricked", "waves", "cameus"}},
	{id: "000d", seed: "000", kind: parallax.Direct, text: "In 1991, we divided our country, but this was not enough for our European partners. Even after the collapse of the USSR, we have 146 million people left, and this is too much [for them]. The Soviet Union did everything to build normal relations with the United States and the West, specialists from American services were present at our military weapons facilities, went there every day. US advisers and CIA personnel worked with the Russian government. What else did they want? Why did they support terrorist organisations in the Caucasus? What for? It was an attempt aimed at the further collapse [of Russia]", gold: []string{"terror"}},
	{id: "000e", seed: "000", kind: parallax.Indirect, text: "his future negotiations with Joe Biden will depend on the US answer to Moscow's security guarantee proposals"},
	{id: "001a", seed: "001", kind: parallax.Direct, text: "We want to ensure our security,", noted: []string{"ensure"}},
	{id: "001b", seed: "001", kind: parallax.Direct, text: "We put it straight: there must be no further expansion of NATO eastward.", noted: []string{"unacceptable"}},
	{id: "001c", seed: "001", kind: parallax.Direct, text: "Our actions will depend not on the negotiation process but on the unconditional security of Russia. Today and towards the historical perspective.\n\nIn this sense we have made it clear that any further NATO movement to the East is unacceptable, there is nothing unclear about this.\n\nWe are not deploying our missiles over at the border of the US. On the other hand, the US is deploying its missiles close to our home, on the doorstep of our house.", gold: []string{"actions", "unacceptable", "doorstep", "notdeploying"}},
	{id: "001d", seed: "001", kind: parallax.Direct, text: "What would the Americans think if we decided to come to the border between Canada and the United States, or Mexico, and simply deploy our own missiles over there?", gold: []string{"americans"}},
	{id: "001e", seed: "001", kind: parallax.Mixed, text: "NATO had \"fooled\" Russia by saying it would not expand eastwards across Europe in an agreement made in 1990", gold: []string{"tricked"}},
	{id: "001f", seed: "001", kind: parallax.Mixed, text: "since then the alliance had carried out \"five waves of expansion\" that went against that guarantee", gold: []string{"waves"}},
	{id: "001g", seed: "001", kind: parallax.Direct, text: "And you keep demanding some guarantees from us. You must give us the guarantees. It is up to you, and you must do this immediately, right now, instead of talking about this for decades.\n\nUsing this small talk, soft talk, about the need for guarantees of the security for everyone. We are not threatening anybody.", gold: []string{"immediately", "threaten"}},
	{id: "001h", seed: "001", kind: parallax.Direct, text: "Sometimes it seems to me that we live in two different worlds.\n\nYou say you will not expand and then you keep expanding. You say we will have equal guarantees for everyone on a number of international agreements, and then we see there is no equality or no equal security."},
	{id: "001i", seed: "001", kind: parallax.Direct, text: "What else did you need? Why did you have to support the terrorists in the North Caucasus and use the terrorist organisations to reach your goals and break down the Russian federation?\n\nThis is exactly what you were doing, and as a former director of the FSB I know that.", gold: []string{"terror"}},
	{id: "001j", seed: "001", kind: parallax.Mixed, text: "Western powers must provide Moscow with \"unconditional security guarantees\"", gold: []string{"uncond"}},
	{id: "001k", seed: "001", kind: parallax.Mixed, text: "the US has missiles at \"Russia's doorstep\" and the \"ball is in the West's court\" in relation to security in the region", gold: []string{"doorstep"}},
	{id: "004a", seed: "004", kind: parallax.Mixed, text: "the West on Thursday to “immediately” meet Russia’s demand for security guarantees precluding NATO’s expansion to Ukraine", noted: []string{"immediately"}},
	{id: "004b", seed: "004", kind: parallax.Direct, text: "We have clearly and precisely let them know that any further NATO expansion eastward is unacceptable,", gold: []string{"unacceptable"}},
	{id: "004c", seed: "004", kind: parallax.Direct, text: "Is it us who are putting missiles near the U.S. borders?", gold: []string{"notdeploying"}},
	{id: "004d", seed: "004", kind: parallax.Direct, text: "No, it’s the U.S. who came to our home with its missiles, they are already on the threshold of our home. Is it some excessive demand not to place any strike weapons systems near our home?", gold: []string{"doorstep"}},
	{id: "004e", seed: "004", kind: parallax.Direct, text: "It’s you who must give us guarantees and give them immediately, now, and not have idle talk about it for decades.", gold: []string{"immediately"}},
	{id: "004f", seed: "004", kind: parallax.Direct, text: "How would the Americans respond if we put our missiles on the U.S. borders with Canada or Mexico?", gold: []string{"americans"}},
	{id: "004g", seed: "004", kind: parallax.Mixed, text: "the West had “swindled, blatantly cheated” Moscow by offering verbal pledges in the 1990s not to expand NATO’s presence east and then enlarging to incorporate former Soviet bloc countries in Central and Eastern Europe and the ex-Soviet republics in the Baltics", gold: []string{"tricked"}},
	{id: "004h", seed: "004", kind: parallax.Direct, text: "It’s not us who threaten anyone,", gold: []string{"threaten"}},
	{id: "004i", seed: "004", kind: parallax.Direct, text: "Is it us who came to the U.S. or British borders or somewhere else? No, they have come to us, and now they say that Ukraine will be in NATO. Or they will just put bases and strike weapons there on a bilateral basis.", gold: []string{"cameus"}},
	{id: "004j", seed: "004", kind: parallax.Direct, text: "Should Russia live constantly looking back at what’s going on and what new weapon systems are put there?"},
	{id: "004k", seed: "004", kind: parallax.Direct, text: "We need to think about ensuring our security.", noted: []string{"ensure"}},
	{id: "004l", seed: "004", kind: parallax.Direct, text: "There is an impression that they are preparing a third military operation and warning us not to meddle,"},
}

// seedItems builds items from seedQuotes, locating each in its seed so the
// spans are real. Quote IDs are 1-based indexes into seedQuotes.
func seedItems(t testing.TB) []align.Item {
	raws := map[string]string{}
	var items []align.Item
	day := time.Date(2021, 12, 23, 12, 0, 0, 0, time.UTC)
	for i, sq := range seedQuotes {
		raw, ok := raws[sq.seed]
		if !ok {
			raw = readSeed(t, sq.seed)
			raws[sq.seed] = raw
		}
		paras := strings.Split(sq.text, "\n\n")
		start := strings.Index(raw, paras[0])
		last := paras[len(paras)-1]
		end := strings.Index(raw[max(start, 0):], last)
		if start < 0 || end < 0 {
			t.Fatalf("quote %s not found in seed %s", sq.id, sq.seed)
		}
		end += start + len(last)
		aid := int64(1 + strings.Index("000001004", sq.seed)/3)
		items = append(items, align.Item{
			Quote: parallax.Quote{
				ID: int64(i + 1), Article: aid, Kind: sq.kind, Text: sq.text,
				Span:    parallax.Span{Start: start, End: end},
				Speaker: parallax.Speaker{Name: "Vladimir Putin", EntityKey: "vladimir putin"},
			},
			Outlet:    "outlet-" + sq.seed,
			Published: day,
			ArticleID: aid,
			Position:  float64(start) / float64(len(raw)),
		})
	}
	return items
}

func intersects(a, b []string) bool {
	for _, x := range a {
		for _, y := range b {
			if x == y {
				return true
			}
		}
	}
	return false
}

// TestSeedsPairwise scores pairwise alignment of quotes across articles
// against the hand labels above and prints precision and recall.
func TestSeedsPairwise(t *testing.T) {
	items := seedItems(t)
	sts := align.New(align.Options{}).Align(items)
	together := map[[2]int]bool{}
	for _, st := range sts {
		var qs []int
		for _, v := range st.Quotes {
			qs = append(qs, int(v.Quote)-1)
		}
		sort.Ints(qs)
		for x := range qs {
			for y := x + 1; y < len(qs); y++ {
				together[[2]int{qs[x], qs[y]}] = true
			}
		}
		if testing.Verbose() && len(st.Quotes) > 1 {
			var ids []string
			for _, v := range st.Quotes {
				ids = append(ids, seedQuotes[v.Quote-1].id+":"+string(v.Label))
			}
			t.Logf("statement %d %v: %q", st.ID, ids, st.Text)
		}
	}
	var tp, fp, fn int
	for i := range seedQuotes {
		for j := i + 1; j < len(seedQuotes); j++ {
			a, b := seedQuotes[i], seedQuotes[j]
			if a.seed == b.seed {
				continue
			}
			if intersects(append(a.noted, a.gold...), b.noted) || intersects(a.noted, append(b.noted, b.gold...)) {
				continue
			}
			gold := intersects(a.gold, b.gold)
			got := together[[2]int{i, j}]
			switch {
			case gold && got:
				tp++
			case got:
				fp++
				t.Logf("false merge: %s ~ %s", a.id, b.id)
			case gold:
				fn++
				t.Logf("missed: %s ~ %s", a.id, b.id)
			}
		}
	}
	p := float64(tp) / float64(max(tp+fp, 1))
	r := float64(tp) / float64(max(tp+fn, 1))
	t.Logf("seed pairwise alignment: precision %.3f recall %.3f (tp %d fp %d fn %d)", p, r, tp, fp, fn)
	if p < 0.85 || r < 0.6 {
		t.Errorf("precision %.3f recall %.3f below 0.85/0.6", p, r)
	}
}

// TestSeedsNamedStatements checks the statements the brief names.
func TestSeedsNamedStatements(t *testing.T) {
	items := seedItems(t)
	sts := align.New(align.Options{}).Align(items)
	idx := map[string]int{}
	for i, sq := range seedQuotes {
		idx[sq.id] = i + 1
	}
	stOf := func(id string) map[int64]bool {
		out := map[int64]bool{}
		for _, st := range sts {
			for _, v := range st.Quotes {
				if int(v.Quote) == idx[id] {
					out[st.ID] = true
				}
			}
		}
		return out
	}
	share := func(a, b string) bool {
		for s := range stOf(a) {
			if stOf(b)[s] {
				return true
			}
		}
		return false
	}
	tests := []struct {
		name string
		a, b string
		want bool
	}{
		{"americans react/respond", "000a", "004f", true},
		{"americans think", "000a", "001d", true},
		{"respond vs think", "004f", "001d", true},
		{"tricked vs fooled", "000c", "001e", true},
		{"tricked vs swindled", "000c", "004g", true},
		{"fooled vs swindled", "001e", "004g", true},
		{"guarantees immediately", "001g", "004e", true},
		{"immediately vs doorstep", "004e", "001c", false},
		{"immediately vs americans", "001g", "000a", false},
		{"terrorists", "000d", "001i", true},
		{"threaten", "004h", "001g", true},
		{"americans vs terrorists", "001d", "000d", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := share(tc.a, tc.b); got != tc.want {
				t.Errorf("%s and %s in one statement = %v, want %v", tc.a, tc.b, got, tc.want)
			}
		})
	}
	// The americans statement: canonical is a direct quote, variants labelled.
	for _, st := range sts {
		if !stOf("004f")[st.ID] {
			continue
		}
		canon := 0
		for _, v := range st.Quotes {
			if v.Label != parallax.VariantReworded && v.Label != parallax.VariantIdentical && v.Label != parallax.VariantTruncated {
				t.Errorf("direct variant %d labelled %s", v.Quote, v.Label)
			}
			if v.Diff == nil {
				canon++
			}
		}
		if canon != 1 {
			t.Errorf("statement %q: %d variants without a diff, want 1 (the canonical)", st.Text, canon)
		}
	}
}

func BenchmarkAlignSeeds200(b *testing.B) {
	base := seedItems(b)
	// 200 quotes: the seed quotes repeated over fictional articles.
	var items []align.Item
	for k := 0; len(items) < 200; k++ {
		for _, it := range base {
			if len(items) == 200 {
				break
			}
			it.ArticleID += int64(10 * k)
			it.Quote.ID = int64(len(items) + 1)
			items = append(items, it)
		}
	}
	n := 0
	for _, it := range items {
		n += len(it.Quote.Text)
	}
	a := align.New(align.Options{})
	b.SetBytes(int64(n))
	b.ReportAllocs()
	for b.Loop() {
		a.Align(items)
	}
}

// TestSeedsSpans checks that AlignSpans locates each canonical rendering
// in its seed's source text.
func TestSeedsSpans(t *testing.T) {
	items := seedItems(t)
	raws := map[int64]string{}
	for _, sq := range seedQuotes {
		raws[int64(1+strings.Index("000001004", sq.seed)/3)] = readSeed(t, sq.seed)
	}
	sts, spans := align.New(align.Options{}).AlignSpans(items)
	checked := 0
	for i, st := range sts {
		for k, v := range st.Quotes {
			it := items[v.Quote-1]
			raw := raws[it.ArticleID]
			sp := spans[i][k]
			if !sp.Valid(len(raw)) || !it.Quote.Span.Contains(sp) {
				t.Fatalf("statement %d variant %d: span %+v outside quote span %+v", st.ID, v.Quote, sp, it.Quote.Span)
			}
			if v.Diff == nil && it.Quote.Span.Len() == len(it.Quote.Text) {
				checked++
				if got := sp.In(raw); got != st.Text {
					t.Errorf("statement %d: canonical span reads %q, want %q", st.ID, got, st.Text)
				}
			}
		}
	}
	if checked == 0 {
		t.Fatal("no canonical rendering was checked")
	}
}
