package story_test

import (
	"crypto/sha256"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/parallax-news/parallax/story"
)

func date(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

// fixtures: a port strike reported by three outlets, the same union and
// port striking again nine days later, and an unrelated budget vote.
var fixtureDocs = []story.Doc{
	{ID: 1, Published: date("2024-05-06"), Outlet: "Herald", Title: "Dockers walk out at Eastharbour over pay",
		Text:     "Dock workers at Eastharbour walked out on Monday after talks on pay collapsed. The Harbour Workers Union said cranes stood idle and container ships queued outside the breakwater. Union leader Sara Lind said the port operator offered a two per cent rise against inflation near six per cent.",
		Entities: []string{"eastharbour", "harbour workers union", "sara lind"}},
	{ID: 2, Published: date("2024-05-06"), Outlet: "Courier", Title: "Eastharbour strike halts container traffic",
		Text:     "Container traffic at Eastharbour stopped as dock workers went on strike over pay. Sara Lind of the Harbour Workers Union said the operator's offer of two per cent was an insult while ships queued beyond the breakwater and cranes stood idle.",
		Entities: []string{"eastharbour", "harbour workers union", "sara lind"}},
	{ID: 3, Published: date("2024-05-07"), Outlet: "Gazette", Title: "Port strike enters second day",
		Text:     "The strike by Eastharbour dock workers entered a second day with cranes idle and ships waiting at the breakwater. The Harbour Workers Union, led by Sara Lind, rejected a pay offer of two per cent.",
		Entities: []string{"eastharbour", "harbour workers union", "sara lind"}},
	{ID: 4, Published: date("2024-05-15"), Outlet: "Herald", Title: "Eastharbour dockers stage second walkout",
		Text:     "Dock workers at Eastharbour walked out again after the port operator suspended union representatives. Sara Lind of the Harbour Workers Union said the suspensions broke the truce, and container ships queued outside the breakwater once more.",
		Entities: []string{"eastharbour", "harbour workers union", "sara lind"}},
	{ID: 5, Published: date("2024-05-07"), Outlet: "Courier", Title: "Council passes budget with library cuts",
		Text:     "The city council passed its annual budget on Tuesday, closing two branch libraries and raising parking charges. Councillor Amir Haddad said the cuts were painful but unavoidable given falling grants from the national government.",
		Entities: []string{"amir haddad"}},
}

func TestClusterer(t *testing.T) {
	c := story.New(story.Options{})
	got := map[int64]story.Assignment{}
	for _, d := range fixtureDocs {
		got[d.ID] = c.Add(d)
	}
	tests := []struct {
		name            string
		a, b            int64
		sameStory, line bool
	}{
		{name: "two outlets, same day", a: 1, b: 2, sameStory: true, line: true},
		{name: "next day's follow-up", a: 1, b: 3, sameStory: true, line: true},
		{name: "the second walkout is another event of the storyline", a: 1, b: 4, line: true},
		{name: "the budget vote is unrelated", a: 1, b: 5},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			x, y := got[tc.a], got[tc.b]
			if (x.Story == y.Story) != tc.sameStory || (x.Storyline == y.Storyline) != tc.line {
				t.Errorf("%+v vs %+v: same story %v, same line %v wanted", x, y, tc.sameStory, tc.line)
			}
		})
	}
	if !got[1].New || got[2].New || got[2].Score <= 0 {
		t.Errorf("New/Score: %+v %+v", got[1], got[2])
	}
	ss := c.Stories()
	if len(ss) != 3 {
		t.Fatalf("%d stories", len(ss))
	}
	s := ss[0]
	if s.Start != "2024-05-06" || s.End != "2024-05-07" || !slices.Equal(s.Articles, []int64{1, 2, 3}) ||
		!slices.Equal(s.Outlets, []string{"Courier", "Gazette", "Herald"}) || s.Title == "" {
		t.Errorf("story 1 = %+v", s)
	}
}

// TestFeatures rebuilds a clusterer from marshalled profiles and expects
// the same assignments as from the documents.
func TestUntitledStory(t *testing.T) {
	c := story.New(story.Options{})
	c.Add(story.Doc{ID: 1, Published: date("2024-05-06"),
		Text: "Floodwater closed the ring road and the ring road tunnel; engineers pumped the tunnel dry overnight."})
	title := c.Stories()[0].Title
	if !strings.Contains(title, "tunnel") && !strings.Contains(title, "ring") {
		t.Errorf("title %q is not made of the article's top terms", title)
	}
}

func TestFeatures(t *testing.T) {
	direct := story.New(story.Options{})
	rebuilt := story.New(story.Options{})
	for _, d := range fixtureDocs {
		blob := story.Features(d)
		p, err := story.LoadFeatures(d.ID+100, blob)
		if err != nil {
			t.Fatal(err)
		}
		if p.ID != d.ID+100 || !p.Published.Equal(d.Published) || p.Title != d.Title || p.Outlet != d.Outlet {
			t.Fatalf("profile %+v", p)
		}
		a, b := direct.Add(d), rebuilt.AddProfile(p)
		if a.Story != b.Story || a.New != b.New || a.Storyline != b.Storyline || a.Score != b.Score {
			t.Errorf("doc %d: %+v from text, %+v from features", d.ID, a, b)
		}
	}
	if _, err := story.LoadFeatures(1, []byte{1, 2, 3}); err == nil {
		t.Error("accepted a truncated blob")
	}
	undated := story.Analyze(story.Doc{ID: 9, Title: "x", Text: "words here"})
	b, _ := undated.MarshalBinary()
	var p story.Profile
	if err := p.UnmarshalBinary(b); err != nil || !p.Published.IsZero() {
		t.Errorf("undated round trip: %v %v", err, p.Published)
	}
}

// TestProfileRoundTrip checks that a profile is the same before and after
// its encoding, so a run that clusters profiles as made clusters as one
// that reads them back: a time with a zone and fractions of a second
// comes out as it is stored, in whole UTC seconds.
func TestProfileRoundTrip(t *testing.T) {
	zone := time.FixedZone("UTC-5", -5*3600)
	d := story.Doc{ID: 4, Published: time.Date(2024, 3, 9, 21, 30, 0, 500, zone), Title: " Canal vote ",
		Text: "The canal vote was delayed again by the council on Friday.", Entities: []string{"tolm council"}, Outlet: "Herald"}
	p := story.Analyze(d)
	var q story.Profile
	b, _ := p.MarshalBinary()
	if err := q.UnmarshalBinary(b); err != nil {
		t.Fatal(err)
	}
	if p.Published != q.Published || p.Published.Location() != time.UTC || p.Published.Day() != 10 {
		t.Errorf("published %v made, %v read back", p.Published, q.Published)
	}
	if !reflect.DeepEqual(p, &q) {
		t.Errorf("profile %+v made, %+v read back", p, q)
	}
}

// TestFeaturesStable pins profiles to those of the first release: stored
// profiles must keep clustering as new ones do.
func TestFeaturesStable(t *testing.T) {
	sum := func(docs []story.Doc) string {
		h := sha256.New()
		for _, d := range docs {
			h.Write(story.Features(d))
		}
		return fmt.Sprintf("%x", h.Sum(nil))
	}
	if got, want := sum(fixtureDocs), "cb04200fbbfb2ff884515b10b967175d3e613dfd3e23c27d70fcc6e23d3eddce"; got != want {
		t.Errorf("fixtures: features sha256 %s, want %s", got, want)
	}
	if got, want := sum(basilDocs(t, loadBASIL(t))), "c2d824b72b854ad7fea6a6bbd936521f4b151cf34a01cb64bfdc62d4629bc875"; got != want {
		t.Errorf("BASIL: features sha256 %s, want %s", got, want)
	}
}

func FuzzProfile(f *testing.F) {
	f.Add(story.Features(fixtureDocs[0]))
	f.Add([]byte{1, 0, 0})
	f.Fuzz(func(t *testing.T, b []byte) {
		var p story.Profile
		if p.UnmarshalBinary(b) != nil {
			return
		}
		again, _ := p.MarshalBinary()
		var q story.Profile
		if err := q.UnmarshalBinary(again); err != nil || q.Title != p.Title || len(q.Terms) != len(p.Terms) {
			t.Fatalf("re-decode: %v", err)
		}
	})
}
