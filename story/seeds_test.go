package story_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/parallax-news/parallax/story"
)

// seedDocs reads the five seed articles: the first line is the title, the
// rest the body; published dates are what the cleaner settles on (seed
// 003's from its dateline), and seed 002's title is its fourth line (its
// first lines are the site's banner).
func seedDocs(t *testing.T) []story.Doc {
	dir := filepath.Join(shared(t), "corpus", "seeds")
	dates := []string{"2021-12-23", "2021-12-23", "2022-02-07", "2022-02-01", "2021-12-23"}
	names := []string{"000_22dee87584047d9a.txt", "001_71f02ba6572bc027.txt", "002_85cac05fafaaeb56.txt",
		"003_20cfb5c5e8c96782.txt", "004_feae13b29c9eddcb.txt"}
	var docs []story.Doc
	for i, n := range names {
		b, err := os.ReadFile(filepath.Join(dir, n))
		if err != nil {
			t.Skipf("seed absent: %v", err)
		}
		lines := strings.SplitN(strings.TrimSpace(string(b)), "\n", 5)
		title, body := lines[0], strings.Join(lines[1:], "\n")
		if i == 2 {
			title, body = lines[3], lines[4]
		}
		pub, _ := time.Parse("2006-01-02", dates[i])
		docs = append(docs, story.Doc{ID: int64(i), Published: pub, Title: title, Text: body,
			Entities: capEntities(string(b)), Outlet: n[:3]})
	}
	return docs
}

func TestSeeds(t *testing.T) {
	docs := seedDocs(t)
	// in published order: 000, 001, 004 (23 Dec), 003 (1 Feb), 002 (7 Feb)
	order := []int{0, 1, 4, 3, 2}
	c := story.New(story.Options{})
	got := map[int64]story.Assignment{}
	for _, i := range order {
		got[docs[i].ID] = c.Add(docs[i])
		t.Logf("seed %03d → %+v", i, got[docs[i].ID])
	}
	tests := []struct {
		name      string
		a, b      int64
		sameStory bool
		sameLine  bool
	}{
		{name: "000 and 001 report the December conference", a: 0, b: 1, sameStory: true, sameLine: true},
		{name: "000 and 004 report the December conference", a: 0, b: 4, sameStory: true, sameLine: true},
		{name: "February 1 is another conference of the storyline", a: 0, b: 3, sameLine: true},
		{name: "February 7 is another conference of the storyline", a: 0, b: 2, sameLine: true},
		{name: "February 1 and 7 are two conferences", a: 3, b: 2, sameLine: true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			x, y := got[tc.a], got[tc.b]
			if (x.Story == y.Story) != tc.sameStory {
				t.Errorf("stories %d and %d, same want %v", x.Story, y.Story, tc.sameStory)
			}
			if (x.Storyline == y.Storyline) != tc.sameLine {
				t.Errorf("storylines %d and %d, same want %v", x.Storyline, y.Storyline, tc.sameLine)
			}
		})
	}
	ss := c.Stories()
	if len(ss) != 3 {
		t.Fatalf("%d stories, want 3", len(ss))
	}
	want := []struct {
		start, end string
		n          int
	}{{"2021-12-23", "2021-12-23", 3}, {"2022-02-01", "2022-02-01", 1}, {"2022-02-07", "2022-02-07", 1}}
	for i, s := range ss {
		t.Logf("story %d %q %s..%s line %d articles %v outlets %v", s.ID, s.Title, s.Start, s.End, s.Storyline, s.Articles, s.Outlets)
		if s.Start != want[i].start || s.End != want[i].end || len(s.Articles) != want[i].n || len(s.Outlets) != want[i].n {
			t.Errorf("story %d: %s..%s %d articles, want %+v", s.ID, s.Start, s.End, len(s.Articles), want[i])
		}
		if s.Title == "" {
			t.Errorf("story %d has no title", s.ID)
		}
	}
}
