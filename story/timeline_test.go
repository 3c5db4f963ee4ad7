package story_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	parallax "github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/story"
)

// sentences splits text at ". ", "? ", "! " and line breaks: enough for
// fixtures.
func sentences(text string) []parallax.Span {
	var out []parallax.Span
	start := 0
	emit := func(end int) {
		s, e := start, end
		for s < e && strings.ContainsRune(" \n\t", rune(text[s])) {
			s++
		}
		if s < e {
			out = append(out, parallax.Span{Start: s, End: e})
		}
		start = end
	}
	for i := 0; i < len(text); i++ {
		switch {
		case text[i] == '\n':
			emit(i)
		case strings.ContainsRune(".?!", rune(text[i])) && i+2 < len(text) && text[i+1] == ' ' &&
			!(text[i+2] >= '0' && text[i+2] <= '9'): // "Dec. 30" goes on
			emit(i + 1)
		}
	}
	emit(len(text))
	return out
}

type wantEntry struct{ expr, date, prec, end, flag string }

func TestTimeline(t *testing.T) {
	tests := []struct {
		name      string
		published string
		meta      map[string]any
		text      string
		want      []wantEntry
	}{
		{
			name: "weekdays against publication", published: "2023-03-16", // a Thursday
			text: "The council voted on Thursday. The mayor had warned on Monday that costs would rise. " +
				"The committee will meet again on Tuesday.",
			want: []wantEntry{{"on Thursday", "2023-03-16", "day", "", ""}, {"on Monday", "2023-03-13", "day", "", ""},
				{"on Tuesday", "2023-03-21", "day", "", ""}},
		},
		{
			name: "relative days weeks months years", published: "2023-03-16",
			text: "Flooding began yesterday. Talks collapsed last week. Prices rose earlier this month. " +
				"Elections are due next month. The plant closed last year. Repairs end early next year. " +
				"The bridge was shut three weeks ago.",
			want: []wantEntry{{"yesterday", "2023-03-15", "day", "", ""}, {"last week", "2023-03-06", "week", "", ""},
				{"earlier this month", "2023-03", "month", "", ""}, {"next month", "2023-04", "month", "", ""},
				{"last year", "2022", "year", "", ""}, {"early next year", "2024", "year", "", ""},
				{"three weeks ago", "2023-02-20", "week", "", ""}},
		},
		{
			name: "calendar dates, ranges, years and decades", published: "2022-02-01",
			text: "Talks were held from January 10 to 13 this year. Replies came on January 26. " +
				"The pact was signed in 1997. They made promises in the nineties and again in the 1990s. " +
				"A second round is planned in early 2023. The accord dates from December 2021. " +
				"It was ratified on 23 December 2021 and amended on Dec. 30.",
			want: []wantEntry{{"from January 10 to 13 this year", "2022-01-10", "day", "2022-01-13", ""},
				{"on January 26", "2022-01-26", "day", "", ""}, {"in 1997", "1997", "year", "", ""},
				{"in the nineties", "1990", "decade", "", ""}, {"in the 1990s", "1990", "decade", "", ""},
				{"in early 2023", "2023", "year", "", ""}, {"from December 2021", "2021-12", "month", "", ""},
				{"on 23 December 2021", "2021-12-23", "day", "", ""}, {"on Dec. 30", "2021-12-30", "day", "", ""}},
		},
		{
			name: "a weekday that contradicts the stated date", published: "2022-02-01",
			text: "Moscow, February 1 (agency) The president said Thursday that the reply ignored his concerns.",
			want: []wantEntry{{"February 1", "2022-02-01", "day", "", ""},
				{"Thursday", "2022-01-27", "day", "", "weekday-mismatch"}},
		},
		{
			name: "page date months after the news", published: "2022-02-01", meta: map[string]any{"page_date": "2022-06-21"},
			text: "The minister spoke on Tuesday. The treaty was signed in 1997.",
			want: []wantEntry{{"on Tuesday", "2022-02-01", "day", "", "page-date-after-event"}, {"in 1997", "1997", "year", "", ""}},
		},
		{
			name: "no publication date keeps only calendar dates", published: "",
			text: "The vote came on Thursday, a week after the March 3, 2021 deadline.",
			want: []wantEntry{{"March 3, 2021", "2021-03-03", "day", "", ""}},
		},
		{
			name: "words that only look like dates", published: "2022-02-01",
			text: "Protesters march on the capital. She may sign 2000 pages. He scored 1997 points.",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := &parallax.Article{ID: 7, Raw: tc.text, Published: tc.published, Meta: tc.meta}
			got := story.Timeline(a, sentences(tc.text))
			if len(got) != len(tc.want) {
				for _, e := range got {
					t.Logf("got %+v", e)
				}
				t.Fatalf("%d entries, want %d", len(got), len(tc.want))
			}
			for i, w := range tc.want {
				e := got[i]
				if e.Expr != w.expr || e.Date != w.date || e.Precision != w.prec || e.End != w.end || e.Flag != w.flag {
					t.Errorf("entry %d = %q %s %s %s %q, want %+v", i, e.Expr, e.Date, e.Precision, e.End, e.Flag, w)
				}
				if e.Span.In(a.Raw) != e.Expr || e.Article != 7 || !strings.Contains(e.Text, e.Expr) {
					t.Errorf("entry %d: span %v gives %q, text %q", i, e.Span, e.Span.In(a.Raw), e.Text)
				}
			}
		})
	}
}

func TestMergeTimeline(t *testing.T) {
	e := func(art int64, date, text string) parallax.TimelineEntry {
		return parallax.TimelineEntry{Date: date, Precision: "day", Text: text, Article: art}
	}
	entries := []parallax.TimelineEntry{
		e(1, "2022-01-26", "On January 26, the United States and NATO submitted written responses to Moscow."),
		e(2, "2022-01-26", "Washington and NATO handed Moscow their written responses on January 26."),
		e(2, "2022-01-26", "A storm closed the airport on January 26."),
		e(3, "2022-01-10", "Talks in Geneva began on January 10."),
		{Date: "2022-01-26", Precision: "day", Text: "Moscow received written responses from NATO on Wednesday.", Article: 3, Flag: "weekday-mismatch"},
	}
	gs := story.MergeTimeline(entries)
	if len(gs) != 3 {
		for _, g := range gs {
			t.Logf("%+v", g)
		}
		t.Fatalf("%d groups, want 3", len(gs))
	}
	if gs[0].Date != "2022-01-10" || len(gs[0].Entries) != 1 {
		t.Errorf("first group %+v", gs[0])
	}
	g := gs[1]
	if len(g.Entries) != 3 || len(g.Articles) != 3 || len(g.Flags) != 1 || g.Flags[0] != "weekday-mismatch" {
		t.Errorf("responses group %+v", g)
	}
	if len(gs[2].Entries) != 1 || gs[2].Articles[0] != 2 {
		t.Errorf("storm group %+v", gs[2])
	}
}

// TestTimelineSeeds reads the timelines of the five seeds with the dates
// the cleaner gives them and checks the happenings the briefs name.
func TestTimelineSeeds(t *testing.T) {
	dir := filepath.Join(shared(t), "corpus", "seeds")
	tests := []struct {
		file, published string
		meta            map[string]any
		want            []wantEntry
	}{
		{file: "000_22dee87584047d9a.txt", published: "2021-12-23", want: []wantEntry{
			{"in the nineties", "1990", "decade", "", ""}, {"In 1991", "1991", "year", "", ""},
			{"last week", "2021-12-13", "week", "", ""}, {"in early 2022", "2022", "year", "", ""}}},
		{file: "001_71f02ba6572bc027.txt", published: "2021-12-23", want: []wantEntry{
			{"December 23, 2021", "2021-12-23", "day", "", ""}, {"next month", "2022-01", "month", "", ""},
			{"in 1990", "1990", "year", "", ""}, {"Last week", "2021-12-13", "week", "", ""},
			{"earlier this month", "2021-12", "month", "", ""}, {"in the 1990s", "1990", "decade", "", ""}}},
		{file: "002_85cac05fafaaeb56.txt", published: "2022-02-07", want: []wantEntry{
			{"07.02.2022", "2022-02-07", "day", "", ""}, {"1997", "1997", "year", "", ""},
			{"on January 26", "2022-01-26", "day", "", ""}, {"in the 2019", "2019", "year", "", ""},
			{"on Monday", "2022-02-07", "day", "", ""}, {"on Tuesday", "2022-02-08", "day", "", ""}}},
		{file: "003_20cfb5c5e8c96782.txt", published: "2022-02-01", meta: map[string]any{"page_date": "2022-06-21"}, want: []wantEntry{
			{"February 1", "2022-02-01", "day", "", "page-date-after-event"},
			{"Thursday", "2022-01-27", "day", "", "weekday-mismatch,page-date-after-event"},
			{"In December 2021", "2021-12", "month", "", ""}, {"in 1997", "1997", "year", "", ""},
			{"From January 10 to 13 this year", "2022-01-10", "day", "2022-01-13", ""},
			{"On January 26", "2022-01-26", "day", "", "page-date-after-event"}}},
		{file: "004_feae13b29c9eddcb.txt", published: "2021-12-23", want: []wantEntry{
			{"on Thursday", "2021-12-23", "day", "", ""}, {"next month", "2022-01", "month", "", ""},
			{"Last week", "2021-12-13", "week", "", ""}, {"earlier this month", "2021-12", "month", "", ""},
			{"in the 1990s", "1990", "decade", "", ""}, {"in 1999", "1999", "year", "", ""},
			{"in 2014", "2014", "year", "", ""}, {"last year", "2020", "year", "", ""},
			{"early next year", "2022", "year", "", ""}}},
	}
	for _, tc := range tests {
		t.Run(tc.file[:3], func(t *testing.T) {
			b, err := os.ReadFile(filepath.Join(dir, tc.file))
			if err != nil {
				t.Skip(err)
			}
			raw := string(b)
			a := &parallax.Article{ID: 1, Raw: raw, Published: tc.published, Meta: tc.meta}
			got := story.Timeline(a, sentences(raw))
			for _, w := range tc.want {
				found := false
				for _, e := range got {
					if e.Expr == w.expr && e.Date == w.date && e.Precision == w.prec && e.End == w.end && e.Flag == w.flag {
						found = true
					}
				}
				if !found {
					t.Errorf("missing %+v", w)
				}
			}
			if t.Failed() || testing.Verbose() {
				for _, e := range got {
					t.Logf("%-24q %-10s %-6s %s %s", e.Expr, e.Date, e.Precision, e.End, e.Flag)
				}
			}
		})
	}
}

func FuzzTimeline(f *testing.F) {
	f.Add("On Thursday, January 10 to 13, 2022, in the 1990s and 07.02.2022 last week.", "2022-02-01")
	f.Add("Dec. 31 was a Friday; in early 2000 the '90s ended 3 years ago.", "")
	f.Fuzz(func(t *testing.T, text, pub string) {
		a := &parallax.Article{Raw: text, Published: pub}
		for _, e := range story.Timeline(a, []parallax.Span{{Start: 0, End: len(text)}}) {
			if !e.Span.Valid(len(text)) || e.Span.In(text) != e.Expr || e.Date == "" {
				t.Fatalf("bad entry %+v", e)
			}
		}
	})
}
