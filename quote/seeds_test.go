package quote_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	parallax "github.com/parallax-news/parallax"
)

func seed(t *testing.T, prefix string) string {
	t.Helper()
	m, _ := filepath.Glob(filepath.Join(sharedDir(t), "corpus", "seeds", prefix+"_*.txt"))
	if len(m) != 1 {
		t.Skipf("seed %s not found", prefix)
	}
	b, err := os.ReadFile(m[0])
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestSeeds checks quotations of the real scraped seed articles: the
// quote is found, of the right kind, and attributed to the right person.
func TestSeeds(t *testing.T) {
	cases := []struct {
		name    string
		seed    string
		prefix  string // the quote's text starts with this
		kind    parallax.QuoteKind
		mention string // speaker mention as written
		speaker string // resolved speaker name contains this
	}{
		{"headline single quotes", "004", "It is not us who threaten anyone", parallax.Direct, "Putin", "Putin"},
		{"exclaimed, pronoun", "004", "How would the Americans respond", parallax.Direct, "he", "Putin"},
		{"snapped in response with colon", "004", "It’s you who must give us guarantees", parallax.Direct, "Putin", "Putin"},
		{"said angrily", "004", "Is it us who are putting missiles", parallax.Direct, "Putin", "Putin"},
		{"second sentence after the cue", "004", "No, it’s the U.S. who came to our home", parallax.Direct, "Putin", "Putin"},
		{"inverted indirect", "004", "Russia can’t keep living in anticipation", parallax.Indirect, "Putin", "Putin"},
		{"nominal speaker", "004", "that the West had “swindled, blatantly cheated”", parallax.Mixed, "The Russian leader", "Putin"},
		{"mixed with fooled", "001", "that NATO had \"fooled\" Russia", parallax.Mixed, "Mr Putin", "Putin"},
		{"headline mixed with fooled", "001", "NATO 'fooled' Russia", parallax.Mixed, "Putin", "Putin"},
		{"quote over paragraphs", "001", "Our actions will depend not on the negotiation process", parallax.Direct, "Mr Putin", "Putin"},
		{"continued", "001", "What would the Americans think", parallax.Direct, "The Russian president", "Putin"},
		{"replied", "001", "You say you will not expand", parallax.Direct, "Mr Putin", "Putin"},
		{"Macron", "002", "It is imperative to develop new mechanisms", parallax.Direct, "French President Emmanuel Macron", "Macron"},
		{"Macron indirect", "002", "The Minsk agreements remain the basis", parallax.Indirect, "Macron", "Macron"},
		{"Putin in the Macron press conference", "002", "It is precisely these central concerns of ours", parallax.Direct, "Putin", "Putin"},
		{"asked, pronoun", "000", "Our actions will depend not on the course of negotiations", parallax.Direct, "he", "Putin"},
		{"the president stressed", "000", "It is not the course of the negotiations that is important", parallax.Direct, "the president", "Putin"},
		{"glued quotation marks", "003", "It is now clear that Russia’s principled concerns", parallax.Direct, "Mr Putin", "Putin"},
	}
	cache := map[string][]parallax.Quote{}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			qs, ok := cache[tc.seed]
			if !ok {
				qs = extract(seed(t, tc.seed))
				cache[tc.seed] = qs
			}
			for _, q := range qs {
				if !strings.HasPrefix(q.Text, tc.prefix) {
					continue
				}
				if q.Kind != tc.kind || q.Speaker.Mention != tc.mention || !strings.Contains(q.Speaker.Name, tc.speaker) {
					t.Errorf("%s %q: speaker %q (%q), want %s by %q (%q)", q.Kind, q.Text, q.Speaker.Mention, q.Speaker.Name, tc.kind, tc.mention, tc.speaker)
				}
				return
			}
			t.Errorf("no quote starting %q", tc.prefix)
		})
	}
}

// TestSeedsNoScareQuotes: a quoted single word ("invasion") is never a
// quotation of its own.
func TestSeedsNoScareQuotes(t *testing.T) {
	for _, s := range []string{"000", "001", "002", "003", "004"} {
		for _, q := range extract(seed(t, s)) {
			if q.Kind == parallax.Direct && !strings.ContainsAny(strings.TrimSpace(q.Text), " \n") {
				t.Errorf("seed %s: one-word direct quote %q", s, q.Text)
			}
		}
	}
}
