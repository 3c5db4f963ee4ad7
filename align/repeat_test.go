package align_test

import (
	"fmt"
	"testing"

	parallax "github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/align"
)

func stmt(id int64, speaker, text string) *parallax.Statement {
	return &parallax.Statement{ID: id, Speaker: speaker, Text: text}
}

// earlierStatements is a press conference: two claims of the mayor, one
// of a councillor saying much the same as the mayor's first.
func earlierStatements() []*parallax.Statement {
	return []*parallax.Statement{
		stmt(1, "Dana Whitfield", "The city will build a new bridge over the river before next spring."),
		stmt(2, "Dana Whitfield", "Property taxes will not rise above 2 percent this year."),
		stmt(3, "Mara Quill", "A new bridge over the river will be finished before next spring."),
	}
}

func TestLinkRepetitions(t *testing.T) {
	tests := []struct {
		name  string
		later *parallax.Statement
		want  int64
	}{
		{"same claim a week later in other words",
			stmt(101, "Mayor Whitfield", "Before next spring we will have constructed a new bridge across the river."), 1},
		{"second claim repeated", stmt(102, "Dana Whitfield", "This year property taxes will not go above 2 percent."), 2},
		{"different claim of the same speaker",
			stmt(103, "Dana Whitfield", "Parking fees in the old town will double in March."), 0},
		{"same claim by another speaker links to that speaker",
			stmt(104, "Mara Quill", "The new bridge across the river will be completed before next spring."), 3},
		{"same words, unrelated speaker", stmt(105, "Tom Ardent", "The city will build a new bridge over the river before next spring."), 0},
		{"unknown speaker is not linked", stmt(106, "", "The city will build a new bridge over the river before next spring."), 0},
		{"numbers disagree", stmt(107, "Dana Whitfield", "Property taxes will rise by 5 percent this year."), 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			earlier := earlierStatements()
			align.New(align.Options{}).LinkRepetitions([]*parallax.Statement{tc.later}, earlier)
			if tc.later.RepetitionOf != tc.want {
				t.Errorf("RepetitionOf = %d, want %d", tc.later.RepetitionOf, tc.want)
			}
			for _, e := range earlier {
				if e.RepetitionOf != 0 {
					t.Errorf("earlier statement %d modified", e.ID)
				}
			}
		})
	}
}

// A statement already linked keeps its link; nothing breaks on empty input.
func TestLinkRepetitionsKeepsLinks(t *testing.T) {
	a := align.New(align.Options{})
	later := stmt(101, "Dana Whitfield", "Property taxes will not rise above 2 percent this year.")
	later.RepetitionOf = 50
	a.LinkRepetitions([]*parallax.Statement{later}, earlierStatements())
	if later.RepetitionOf != 50 {
		t.Errorf("existing link overwritten: %d", later.RepetitionOf)
	}
	a.LinkRepetitions(nil, earlierStatements())
	a.LinkRepetitions([]*parallax.Statement{stmt(1, "A", "x")}, nil)
}

// fillerStatements makes n statements of one speaker from a small
// vocabulary, so that its common words are carried by many of them.
func fillerStatements(n int, speaker string, firstID int64) []*parallax.Statement {
	subj := []string{"The council", "Our office", "The agency", "The department", "The committee"}
	verb := []string{"will review", "has approved", "must publish", "plans to expand", "cannot delay"}
	obj := []string{"the budget", "the housing plan", "the transit report", "the hiring rules", "the school program"}
	var out []*parallax.Statement
	for i := range n {
		text := fmt.Sprintf("%s %s %s for district %d.", subj[i%5], verb[(i/5)%5], obj[(i/25)%5], i)
		out = append(out, stmt(firstID+int64(i), speaker, text))
	}
	return out
}

// Many earlier statements of the same speaker, sharing common words, do
// not hide a true repetition nor invent one.
func TestLinkRepetitionsManyEarlier(t *testing.T) {
	earlier := append(fillerStatements(2000, "Dana Whitfield", 1000), earlierStatements()...)
	later := []*parallax.Statement{
		stmt(101, "Mayor Whitfield", "Before next spring we will have constructed a new bridge across the river."),
		stmt(102, "Dana Whitfield", "Parking fees in the old town will double in March."),
	}
	align.New(align.Options{}).LinkRepetitions(later, earlier)
	if later[0].RepetitionOf != 1 {
		t.Errorf("repetition: RepetitionOf = %d, want 1", later[0].RepetitionOf)
	}
	if later[1].RepetitionOf != 0 {
		t.Errorf("new claim linked to %d", later[1].RepetitionOf)
	}
}

func BenchmarkLinkRepetitions(b *testing.B) {
	earlier := append(fillerStatements(5000, "Dana Whitfield", 1000), earlierStatements()...)
	later := fillerStatements(100, "Dana Whitfield", 10000)
	a := align.New(align.Options{})
	b.ReportAllocs()
	for b.Loop() {
		for _, st := range later {
			st.RepetitionOf = 0
		}
		a.LinkRepetitions(later, earlier)
	}
}
