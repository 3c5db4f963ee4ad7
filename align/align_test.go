package align_test

import (
	"strings"
	"testing"
	"time"

	parallax "github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/align"
)

func TestDiff(t *testing.T) {
	tests := []struct {
		name string
		a, b string
		want string
	}{
		{"equal", "We will act.", "we will act", "=we will act"},
		{"replace", "How would Americans react", "How would the Americans respond", "=How would|+the|=Americans|-react|+respond"},
		{"truncate", "We cannot risk anyone's safety on a structure this old", "We cannot risk anyone's safety", "=We cannot risk anyone's safety|-on a structure this old"},
		{"empty variant", "a b", "", "-a b"},
		{"empty canonical", "", "a b", "+a b"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, op := range align.Diff(tc.a, tc.b) {
				got = append(got, op.Op+op.Text)
			}
			if g := strings.Join(got, "|"); g != tc.want {
				t.Errorf("Diff = %s, want %s", g, tc.want)
			}
		})
	}
}

// FuzzDiff checks that a diff's kept and removed words give back a, and
// its kept and added words give back b (kept words as written in b).
func FuzzDiff(f *testing.F) {
	f.Add("How would Americans react if we placed our missiles", "How would the Americans respond if we put our missiles")
	f.Add("a b c", "c b a")
	f.Add("", "x")
	f.Fuzz(func(t *testing.T, a, b string) {
		var fromA, fromB []string
		for _, op := range align.Diff(a, b) {
			if op.Text == "" {
				t.Fatalf("empty op %+v", op)
			}
			switch op.Op {
			case "=":
				fromB = append(fromB, op.Text)
				fromA = append(fromA, strings.Fields(op.Text)...)
				continue
			case "-":
				fromA = append(fromA, strings.Fields(op.Text)...)
				continue
			case "+":
				fromB = append(fromB, op.Text)
				continue
			}
			t.Fatalf("bad op %q", op.Op)
		}
		if got, want := strings.Join(fromB, " "), strings.Join(strings.Fields(b), " "); got != want {
			t.Fatalf("kept+added = %q, want %q", got, want)
		}
		if got, want := len(fromA), len(strings.Fields(a)); got != want {
			t.Fatalf("kept+removed has %d words, a has %d", got, want)
		}
	})
}

func TestLabel(t *testing.T) {
	q := func(kind parallax.QuoteKind, text string) parallax.Quote {
		return parallax.Quote{Kind: kind, Text: text}
	}
	canon := q(parallax.Direct, "We cannot risk anyone's safety on a structure this old.")
	tests := []struct {
		name    string
		variant parallax.Quote
		want    parallax.VariantLabel
	}{
		{"identical up to case and marks", q(parallax.Direct, "we cannot risk anyone’s safety on a structure this old"), parallax.VariantIdentical},
		{"truncated", q(parallax.Direct, "We cannot risk anyone's safety,"), parallax.VariantTruncated},
		{"truncated middle", q(parallax.Direct, "risk anyone's safety on a structure"), parallax.VariantTruncated},
		{"reworded", q(parallax.Direct, "We can't risk people's safety on such an old structure."), parallax.VariantReworded},
		{"indirect", q(parallax.Indirect, "the city could not risk anyone's safety"), parallax.VariantIndirect},
		{"mixed", q(parallax.Mixed, `the city could not risk "anyone's safety"`), parallax.VariantIndirect},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := align.Label(canon, tc.variant); got != tc.want {
				t.Errorf("Label = %s, want %s", got, tc.want)
			}
		})
	}
}

type fq struct {
	id      int64
	article int64
	kind    parallax.QuoteKind
	speaker string
	day     int
	text    string
}

func items(qs []fq) []align.Item {
	var out []align.Item
	for _, q := range qs {
		out = append(out, align.Item{
			Quote: parallax.Quote{ID: q.id, Article: q.article, Kind: q.kind, Text: q.text,
				Span:    parallax.Span{Start: 0, End: len(q.text)},
				Speaker: parallax.Speaker{Name: q.speaker}},
			Outlet:    "outlet",
			ArticleID: q.article,
			Published: time.Date(2030, 3, q.day, 9, 0, 0, 0, time.UTC),
			Position:  0.3,
		})
	}
	return out
}

// together reports whether quotes a and b share a statement.
func together(sts []*parallax.Statement, a, b int64) bool {
	for _, st := range sts {
		var ha, hb bool
		for _, v := range st.Quotes {
			ha = ha || v.Quote == a
			hb = hb || v.Quote == b
		}
		if ha && hb {
			return true
		}
	}
	return false
}

func TestAlignFixture(t *testing.T) {
	qs := []fq{
		{1, 10, parallax.Direct, "Dana Whitfield", 1, "We cannot risk anyone's safety on a structure this old."},
		{2, 20, parallax.Direct, "Mayor Whitfield", 1, "We cannot risk anyone's safety."},
		{3, 30, parallax.Indirect, "Dana Whitfield", 1, "the city could not risk anyone's safety on the old structure"},
		{4, 20, parallax.Direct, "Dana Whitfield", 1, "The bridge will reopen in six weeks."},
		{5, 10, parallax.Direct, "Dana Whitfield", 1, "The bridge will reopen in eight weeks."},
		{6, 30, parallax.Direct, "Mara Quill", 1, "We cannot risk anyone's safety on a structure this old."},
		{7, 40, parallax.Direct, "Whitfield", 9, "We cannot risk anyone's safety on a structure this old."},
		{8, 10, parallax.Direct, "Dana Whitfield", 1, "Nobody will cross the river until the work is done."},
		{9, 30, parallax.Direct, "Dana Whitfield", 1, "The bridge will reopen in eight weeks."},
	}
	sts := align.New(align.Options{}).Align(items(qs))
	tests := []struct {
		name string
		a, b int64
		want bool
	}{
		{"truncated rendering joins", 1, 2, true},
		{"reported rendering joins", 1, 3, true},
		{"numbers disagree", 4, 5, false},
		{"numbers agree", 5, 9, true},
		{"other speaker", 1, 6, false},
		{"same claim a week later is another statement", 1, 7, false},
		{"unrelated", 1, 8, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := together(sts, tc.a, tc.b); got != tc.want {
				t.Errorf("quotes %d and %d together = %v, want %v", tc.a, tc.b, got, tc.want)
			}
		})
	}
	// The later statement is a repetition of the earlier one.
	var first, later *parallax.Statement
	for _, st := range sts {
		for _, v := range st.Quotes {
			switch v.Quote {
			case 1:
				first = st
			case 7:
				later = st
			}
		}
	}
	if first == nil || later == nil || later.RepetitionOf != first.ID || first.RepetitionOf != 0 {
		t.Errorf("repetition link missing: first %+v later %+v", first, later)
	}
	if first != nil {
		if first.Text != qs[0].text {
			t.Errorf("canonical = %q, want the fullest direct quote", first.Text)
		}
		labels := map[int64]parallax.VariantLabel{}
		for _, v := range first.Quotes {
			labels[v.Quote] = v.Label
		}
		if labels[1] != parallax.VariantIdentical || labels[2] != parallax.VariantTruncated || labels[3] != parallax.VariantIndirect {
			t.Errorf("labels = %v", labels)
		}
	}
	ids := map[int64]bool{}
	for _, st := range sts {
		if ids[st.ID] {
			t.Errorf("duplicate statement id %d", st.ID)
		}
		ids[st.ID] = true
	}
}

// Two different quotes of one article never merge, however alike.
func TestAlignSameArticle(t *testing.T) {
	qs := []fq{
		{1, 10, parallax.Direct, "Dana Whitfield", 1, "The bridge is safe for cars but not for trucks."},
		{2, 10, parallax.Direct, "Dana Whitfield", 1, "The bridge is safe for trucks but not for cars."},
		{3, 10, parallax.Direct, "Dana Whitfield", 1, "The bridge is safe for cars"},
	}
	sts := align.New(align.Options{}).Align(items(qs))
	if together(sts, 1, 2) {
		t.Errorf("two quotes of one article merged")
	}
	if !together(sts, 1, 3) {
		t.Errorf("a quote contained in another of the same article should join it")
	}
}

func TestAlignEmpty(t *testing.T) {
	if sts := align.New(align.Options{}).Align(nil); len(sts) != 0 {
		t.Errorf("Align(nil) = %v", sts)
	}
}

// FuzzAlign checks Align's invariants on arbitrary quote texts: every
// quote lands in some statement, variants name given quotes once per
// statement, and the canonical text is part of one of its quotes.
func FuzzAlign(f *testing.F) {
	f.Add("We cannot risk anyone's safety. The bridge will close.", "We cannot risk anyone’s safety,", "the U.S. said \"no\" twice")
	f.Add("", "?!.", "\n\n\"")
	f.Fuzz(func(t *testing.T, x, y, z string) {
		qs := []fq{
			{1, 10, parallax.Direct, "A B", 1, x},
			{2, 20, parallax.Direct, "B", 1, y},
			{3, 30, parallax.Mixed, "A B", 2, z},
			{4, 10, parallax.Indirect, "", 5, y},
		}
		its := items(qs)
		sts, spans := align.New(align.Options{}).AlignSpans(its)
		if len(spans) != len(sts) {
			t.Fatalf("%d span lists for %d statements", len(spans), len(sts))
		}
		seen := map[int64]bool{}
		for i, st := range sts {
			if len(spans[i]) != len(st.Quotes) {
				t.Fatalf("statement %d: %d spans for %d variants", st.ID, len(spans[i]), len(st.Quotes))
			}
			in := map[int64]bool{}
			canonFound := false
			for k, v := range st.Quotes {
				if v.Quote < 1 || v.Quote > 4 || in[v.Quote] {
					t.Fatalf("statement %d: bad or repeated variant %d", st.ID, v.Quote)
				}
				in[v.Quote] = true
				seen[v.Quote] = true
				q := its[v.Quote-1].Quote
				if !spans[i][k].Valid(len(q.Text)+1) && q.Text != "" {
					t.Fatalf("span %+v outside quote of %d bytes", spans[i][k], len(q.Text))
				}
				if strings.Contains(q.Text, st.Text) {
					canonFound = true
				}
			}
			if !canonFound {
				t.Fatalf("canonical %q not in any of its quotes", st.Text)
			}
		}
		for _, q := range qs {
			if strings.TrimSpace(q.text) != "" && !seen[q.id] {
				// A quote with no words may fall out; one with text must not.
				words := strings.FieldsFunc(q.text, func(r rune) bool { return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') })
				if len(words) > 0 {
					t.Fatalf("quote %d (%q) in no statement", q.id, q.text)
				}
			}
		}
	})
}

// A report that quotes one word of a statement ("accused them of having
// 'misled' her country") renders it in other words, with no word in
// common; the same quoted word in an article's headline and body is one
// thing said.
func TestAlignQuotedFragment(t *testing.T) {
	qs := []fq{
		{1, 10, parallax.Direct, "Ilse Brandt", 1, "They deceived us."},
		{2, 20, parallax.Mixed, "Ilse Brandt", 1, `of having "misled" her country over the canal`},
		{3, 20, parallax.Mixed, "Ilse Brandt", 1, `Harbour board "misled" Tolm`},
		{4, 30, parallax.Direct, "Ilse Brandt", 1, "The canal will reopen in May."},
		{5, 40, parallax.Mixed, "Ilse Brandt", 1, `the delay on the canal was "unacceptable"`},
		{6, 40, parallax.Mixed, "Ilse Brandt", 1, `the council's silence over the budget was "unacceptable"`},
	}
	its := items(qs)
	its[2].Headline = true
	sts := align.New(align.Options{}).Align(its)
	if !together(sts, 1, 2) {
		t.Errorf("the quoted word did not join the statement it renders")
	}
	if !together(sts, 2, 3) {
		t.Errorf("one article's headline and body quoting the same word did not join")
	}
	if together(sts, 1, 4) || together(sts, 2, 4) {
		t.Errorf("an unrelated statement joined")
	}
	if together(sts, 5, 6) {
		t.Errorf("one word quoted twice in one article's body joined two statements")
	}
}
