package compare_test

import (
	"strings"
	"testing"

	parallax "github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/compare"
)

// A fictional story told by three outlets, plus a syndicated copy.
const (
	rawHarbor = `Larkwood bridge to close for repairs, mayor says

Mayor Dana Whitfield said on Monday that the Old Mill bridge will close for six weeks.

"We cannot risk anyone's safety on a structure this old," Whitfield said.

The repairs will cost 4 million dollars, the city said.

Engineer Paul Ostrander said the bridge was "sound" last year.`

	rawCourier = `Mayor snaps at critics over bridge closure

Mayor Dana Whitfield snapped at critics on Monday over the so-called "emergency" closure of the Old Mill bridge.

"We cannot risk anyone's safety," Whitfield said angrily.

The bridge will close for eight weeks and the repairs will cost 4 million dollars.

The mayor claimed that the inspection was thorough. Whitfield denied that the closure was linked to the election.`

	rawRidge = `Old Mill bridge closing

The Old Mill bridge will close for six weeks, Mayor Dana Whitfield announced.

Whitfield said the city could not risk anyone's safety on the old structure.

Critics have called the closure an "overreaction", and the alleged cracks have not been shown to the public.

"Nobody asked the residents," said Mara Quill, who leads a residents' group.

Repairs will cost about 4.2 million dollars, reportedly.`
)

func article(id int64, outlet, raw string) *parallax.Article {
	a := &parallax.Article{ID: id, Outlet: outlet, Raw: raw}
	start := 0
	for _, p := range strings.Split(raw, "\n\n") {
		sp := parallax.Span{Start: start, End: start + len(p)}
		if start == 0 {
			a.TitleSpan = sp
			a.Title = p
		}
		a.Paragraphs = append(a.Paragraphs, sp)
		start += len(p) + 2
	}
	return a
}

// quote builds a quote whose text and cue are found in the article's Raw.
func mkQuote(t *testing.T, a *parallax.Article, id int64, kind parallax.QuoteKind, text, cue, speaker string) parallax.Quote {
	t.Helper()
	i := strings.Index(a.Raw, text)
	c := strings.Index(a.Raw, cue)
	if i < 0 || c < 0 {
		t.Fatalf("quote %d: %q or cue %q not in article %d", id, text, cue, a.ID)
	}
	return parallax.Quote{ID: id, Article: a.ID, Kind: kind, Text: text,
		Span: parallax.Span{Start: i, End: i + len(text)}, Cue: cue,
		CueSpan: parallax.Span{Start: c, End: c + len(cue)},
		Speaker: parallax.Speaker{Name: speaker, EntityKey: strings.ToLower(speaker)}}
}

func fixture(t *testing.T) compare.Input {
	harbor := article(1, "Harbor Times", rawHarbor)
	courier := article(2, "Valley Courier", rawCourier)
	ridge := article(3, "Ridge Daily", rawRidge)
	wire := article(4, "Metro Wire Daily", rawHarbor)
	qs := []parallax.Quote{
		mkQuote(t, harbor, 11, parallax.Direct, "We cannot risk anyone's safety on a structure this old,", "said", "Dana Whitfield"),
		mkQuote(t, harbor, 12, parallax.Mixed, `the bridge was "sound" last year`, "said", "Paul Ostrander"),
		mkQuote(t, courier, 21, parallax.Direct, "We cannot risk anyone's safety,", "said", "Dana Whitfield"),
		mkQuote(t, courier, 22, parallax.Indirect, "the inspection was thorough", "claimed", "Dana Whitfield"),
		mkQuote(t, courier, 23, parallax.Indirect, "the closure was linked to the election", "denied", "Dana Whitfield"),
		mkQuote(t, ridge, 31, parallax.Indirect, "the city could not risk anyone's safety on the old structure", "said", "Dana Whitfield"),
		mkQuote(t, ridge, 32, parallax.Direct, "Nobody asked the residents,", "said", "Mara Quill"),
		mkQuote(t, wire, 41, parallax.Direct, "We cannot risk anyone's safety on a structure this old,", "said", "Dana Whitfield"),
	}
	// The courier's "said angrily" cue: the second "said" in its text.
	qs[2].CueSpan.Start = strings.Index(rawCourier, "said angrily")
	qs[2].CueSpan.End = qs[2].CueSpan.Start + len("said")
	sts := []*parallax.Statement{
		{ID: 1, Speaker: "Dana Whitfield", Text: qs[0].Text, Quotes: []parallax.Variant{
			{Quote: 11, Label: parallax.VariantIdentical}, {Quote: 21, Label: parallax.VariantTruncated},
			{Quote: 31, Label: parallax.VariantIndirect}, {Quote: 41, Label: parallax.VariantIdentical}}},
		{ID: 2, Speaker: "Dana Whitfield", Text: qs[4].Text, Quotes: []parallax.Variant{{Quote: 23, Label: parallax.VariantIndirect}}},
	}
	return compare.Input{
		Articles:   []*parallax.Article{harbor, courier, ridge, wire},
		Quotes:     qs,
		Statements: sts,
		Duplicates: []parallax.Duplicate{{Article: 4, Original: 1, Kind: parallax.DupSyndicated, Similarity: 1}},
	}
}

func TestCoverage(t *testing.T) {
	in := fixture(t)
	m := compare.Coverage(in)
	if got := strings.Join(m.Outlets, "|"); got != "Harbor Times|Ridge Daily|Valley Courier" {
		t.Fatalf("outlets = %s (the syndicated copy must fold into its original)", got)
	}
	row := map[string]int{}
	for i, o := range m.Outlets {
		row[o] = i
	}
	tests := []struct {
		name      string
		outlet    string
		statement int
		want      compare.CoverageLabel
	}{
		{"original verbatim", "Harbor Times", 0, compare.Verbatim},
		{"truncated", "Valley Courier", 0, compare.Truncated},
		{"reported", "Ridge Daily", 0, compare.Reported},
		{"denial present", "Valley Courier", 1, compare.Reported},
		{"denial absent", "Ridge Daily", 1, compare.Absent},
		{"denial absent harbor", "Harbor Times", 1, compare.Absent},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := m.Cells[row[tc.outlet]][tc.statement]
			if c.Label != tc.want {
				t.Errorf("%s × statement %d = %s, want %s", tc.outlet, tc.statement, c.Label, tc.want)
			}
			if c.Label != compare.Absent && (c.Article == 0 || c.Span.Empty()) {
				t.Errorf("cell %+v lacks its article and span", c)
			}
		})
	}
	c := m.Cells[row["Harbor Times"]][0]
	if c.Syndicated || len(c.CopiedBy) != 1 || c.CopiedBy[0] != "Metro Wire Daily" {
		t.Errorf("harbor cell = %+v, want the original, copied by Metro Wire Daily", c)
	}
}

func checkFinding(t *testing.T, in compare.Input, f compare.Finding) {
	t.Helper()
	for _, a := range in.Articles {
		if a.ID == f.Article {
			if !f.Span.Valid(len(a.Raw)) || f.Span.In(a.Raw) != f.Text {
				t.Errorf("finding %+v does not map back to its article text", f)
			}
			return
		}
	}
	t.Errorf("finding %+v names an unknown article", f)
}

func TestFraming(t *testing.T) {
	in := fixture(t)
	fr := compare.Framing(in)
	by := map[string]compare.OutletFraming{}
	for _, f := range fr {
		by[f.Outlet] = f
	}
	if len(fr) != 3 {
		t.Fatalf("got %d outlets, want 3 (copy folded)", len(fr))
	}
	cues := func(o string) map[string]compare.CueCount {
		m := map[string]compare.CueCount{}
		for _, c := range by[o].Cues {
			m[c.Cue] = c
			for _, e := range c.Examples {
				checkFinding(t, in, e)
			}
		}
		return m
	}
	texts := func(fs []compare.Finding) string {
		var s []string
		for _, f := range fs {
			checkFinding(t, in, f)
			s = append(s, f.Text)
		}
		return strings.Join(s, "|")
	}
	tests := []struct {
		name string
		got  string
		want string
	}{
		{"courier loaded cue with adverb", boolStr(cues("Valley Courier")["said angrily"].Loaded), "true"},
		{"courier claimed loaded", boolStr(cues("Valley Courier")["claimed"].Loaded), "true"},
		{"courier denied is a cue, not loaded", boolStr(cues("Valley Courier")["denied"].Count == 1 && !cues("Valley Courier")["denied"].Loaded), "true"},
		{"harbor has only neutral cues", boolStr(len(by["Harbor Times"].Cues) == 0), "true"},
		{"courier scare quote", texts(by["Valley Courier"].ScareQuotes), "emergency"},
		{"ridge scare quote", texts(by["Ridge Daily"].ScareQuotes), "overreaction"},
		{"harbor attributed fragment is no scare quote", texts(by["Harbor Times"].ScareQuotes), ""},
		{"courier hedge", texts(by["Valley Courier"].Hedges), `so-called "emergency" closure`},
		{"ridge hedges", texts(by["Ridge Daily"].Hedges), "alleged cracks have|reportedly"},
		{"ridge only voice", voices(by["Ridge Daily"].OnlyVoices), "Mara Quill:1"},
		{"harbor only voice", voices(by["Harbor Times"].OnlyVoices), "Paul Ostrander:1"},
		{"courier voices", voices(by["Valley Courier"].Voices), "Dana Whitfield:3"},
		{"courier exclusive denial", texts(by["Valley Courier"].Exclusive), "the closure was linked to the election"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if tc.got != tc.want {
				t.Errorf("got %q, want %q", tc.got, tc.want)
			}
		})
	}
}

func boolStr(b bool) string {
	if b {
		return "true"
	}
	return "false"
}

func voices(v []compare.VoiceCount) string {
	var s []string
	for _, x := range v {
		s = append(s, x.Speaker+":"+itoa(x.Count))
	}
	return strings.Join(s, "|")
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + itoa(n%10)
}

func TestFactsAndContradictions(t *testing.T) {
	in := fixture(t)
	facts := compare.Facts(in)
	var got []string
	for _, f := range facts {
		checkFinding(t, in, compare.Finding{Article: f.Article, Span: f.Span, Text: f.Text})
		if f.Article == 4 {
			t.Errorf("fact from the syndicated copy: %+v", f)
		}
		got = append(got, f.Outlet+":"+f.Text+"="+f.Unit)
	}
	want := []string{
		"Harbor Times:six weeks=week", "Harbor Times:4 million dollars=dollar",
		"Valley Courier:eight weeks=week", "Valley Courier:4 million dollars=dollar",
		"Ridge Daily:six weeks=week", "Ridge Daily:4.2 million dollars=dollar",
	}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("facts:\n got %v\nwant %v", got, want)
	}
	cs := compare.Contradictions(facts)
	var cg []string
	for _, c := range cs {
		cg = append(cg, c.A.Outlet+"/"+c.B.Outlet+":"+c.Unit)
	}
	// Six vs eight weeks contradicts twice; 4 vs about 4.2 million does not.
	if w := "Harbor Times/Valley Courier:week|Valley Courier/Ridge Daily:week"; strings.Join(cg, "|") != w {
		t.Errorf("contradictions = %v, want %s", cg, w)
	}
}

func TestContradictionRules(t *testing.T) {
	tests := []struct {
		name   string
		a, b   string
		contra bool
	}{
		{"different durations", "The hearing on the budget lasted four hours on Monday.", "The hearing on the budget lasted six hours on Monday.", true},
		{"approximate and close", "The hearing on the budget lasted nearly four hours.", "The hearing on the budget lasted 4.5 hours.", false},
		{"different subjects", "In the poll Lindqvist leads with 21 percent of likely voters.", "In the poll Okafor leads with 17 percent of likely voters.", false},
		{"rounded", "The tax rate on the income was 36 percent last year.", "The tax rate on the income was 35.7 percent last year.", false},
		{"unrelated sentences", "Police arrested six people.", "The hearing on the budget lasted four people.", false},
		{"same value", "Officials counted 146 million people in the census.", "Officials counted 146 million people in the census.", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			in := compare.Input{Articles: []*parallax.Article{article(1, "A", "Title\n\n"+tc.a), article(2, "B", "Title\n\n"+tc.b)}}
			cs := compare.Contradictions(compare.Facts(in))
			if got := len(cs) > 0; got != tc.contra {
				t.Errorf("contradiction = %v (%+v), want %v", got, cs, tc.contra)
			}
		})
	}
}
