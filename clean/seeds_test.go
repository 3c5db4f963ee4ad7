package clean_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/clean"
)

// TestSeeds cleans the five scraped seed articles and checks what must
// hold on each: title, outlet, date, dateline, and that page furniture and
// comments are gone while body lines stay.
func TestSeeds(t *testing.T) {
	dir := filepath.Join(sharedDir(t), "corpus", "seeds")
	tests := []struct {
		name       string
		file       string
		title      string
		outlet     string
		published  string
		dateline   string
		byline     string
		meta       map[string]any
		gone       []string // lines that must not be in Text
		kept       []string // lines that must be in Text
		once       []string // lines that must be in Text exactly once
		removedFor map[string]string
	}{
		{
			name:   "epaper with footer masthead",
			file:   "000_22dee87584047d9a.txt",
			title:  "NATO expansion to the East is unacceptable for Russia, Putin says",
			outlet: "Nawaiwaqt",
			gone:   []string{"ePaper", "NATO expansion to the East is unacceptable for Russia, Putin says"},
			kept: []string{
				"The Russian president stressed that national security",
				"He reiterated that the West should immediately give firm guarantees",
				"\"It is not the course of the negotiations that is important",
				"the first round of security talks between Moscow and Washington regarding the proposals is set to take place in early 2022.",
			},
		},
		{
			name:      "radio site with crossheads and footer",
			file:      "001_71f02ba6572bc027.txt",
			title:     "Russia doesn't want conflict with Ukraine but the West must provide 'unconditional security guarantees', Putin says",
			published: "2021-12-23",
			gone: []string{
				"Putin says NATO 'fooled' Russia and keeps expanding",
				"Russia-Ukraine border: What is happening and will tensions lead to war?",
				"Russian leader says West has supported terrorists",
				"Putin says Russia is not preparing to invade Ukraine",
				"Rate this item", "(0 votes)", "HOW TO LISTEN", "103.5 & 105.3FM", "Mobile Apps", "Smart Speaker",
				"December 23, 2021",
			},
			kept: []string{
				"Russia has denied it is preparing a military advance.",
				// a quote running over three paragraphs stays whole and in order
				"Today and towards the historical perspective.\n\n\"In this sense we have made it clear that any further NATO movement to the East is unacceptable, there is nothing unclear about this.\n\n\"We are not deploying our missiles",
				"Mr Putin later said that NATO had \"fooled\" Russia",
			},
			removedFor: map[string]string{
				"Putin says NATO 'fooled' Russia and keeps expanding": "heading",
			},
		},
		{
			name:      "news agency page with tagline, captions and login prompt",
			file:      "002_85cac05fafaaeb56.txt",
			title:     "Putin: Russia's Key Security Concerns Ignored by US, NATO",
			outlet:    "Sputnik",
			published: "2022-02-07",
			dateline:  "Moscow",
			gone: []string{
				"Sputnik International, 1920",
				"The latest news and stories from Russia",
				"Go to the mediabank",
				"Macron and Putin - ",
				"Europe Can Be Drawn Into War If Ukraine Tries to Return Crimea as NATO Member",
				"NATO Trying to Lecture Russia",
				"Macron: New Mechanisms Needed to Ensure Stability in Europe",
				"To participate in the discussion", "log in or register", "Заголовок",
			},
			kept: []string{
				"MOSCOW, (Sputnik) - Russia's key concerns regarding security guarantees were ignored",
				"Putin noted that the military potential of NATO and Russia was, however, incomparable.",
				"The talks between the presidents of Russia and France lasted a little over five hours.",
			},
		},
		{
			name:      "translated agency copy with a wrong page date",
			file:      "003_20cfb5c5e8c96782.txt",
			title:     "Putin: US and NATO’s response to Russia’s security guarantee proposal ignores Russia’s principled concerns",
			outlet:    "Xinhua",
			published: "2022-02-01",
			dateline:  "Moscow",
			byline:    "Hu Xiaoguang",
			meta:      map[string]any{"page_date": "2022-06-21", "date_conflict": true},
			gone:      []string{"2022-06-21 0 By"},
			kept: []string{
				"(reporter Hu Xiaoguang)Russian President Vladimir Putin said Thursday",
				"formally submitted their written responses to the Russian side on security assurances.",
			},
		},
		{
			name:     "blog repost with a reader comment thread",
			file:     "004_feae13b29c9eddcb.txt",
			title:    "Putin to the West: ‘It is not us who threaten anyone’",
			dateline: "Moscow",
			meta:     map[string]any{"contributors": []string{"Yuras Karmanau"}},
			gone: []string{
				"Well Putler", "Liked by", "The Mail has a piece today", "Here are a couple of the emails",
				"MailOnline", "There is a pattern emerging", "Leave a Reply", "WordPress.com", "Akismet",
				"Connecting to %s", "contributed to this report",
			},
			kept: []string{
				"MOSCOW — Russian President Vladimir Putin urged the West on Thursday",
				"“It’s not us who threaten anyone,” Putin said.",
				"describing it as a mistake and part of efforts by Washington to contain China’s growing might.",
			},
			once: []string{"“How would the Americans respond if we put our missiles on the U.S. borders with Canada or Mexico?” he exclaimed."},
		},
	}
	c := clean.New(clean.Options{})
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			b, err := os.ReadFile(filepath.Join(dir, tc.file))
			if err != nil {
				t.Fatal(err)
			}
			a, err := c.Clean(&parallax.Record{Source: tc.file, Format: "text", Text: string(b)})
			if err != nil {
				t.Fatal(err)
			}
			checkInvariants(t, a)
			if a.Title != tc.title {
				t.Errorf("Title = %q, want %q", a.Title, tc.title)
			}
			if a.TitleSpan.In(a.Raw) != tc.title {
				t.Errorf("TitleSpan covers %q", a.TitleSpan.In(a.Raw))
			}
			if a.Outlet != tc.outlet {
				t.Errorf("Outlet = %q, want %q", a.Outlet, tc.outlet)
			}
			if a.Published != tc.published {
				t.Errorf("Published = %q, want %q", a.Published, tc.published)
			}
			if tc.published != "" && a.DateSpan.Empty() {
				t.Errorf("no DateSpan for %q", a.Published)
			}
			if a.Dateline != tc.dateline {
				t.Errorf("Dateline = %q, want %q", a.Dateline, tc.dateline)
			}
			if tc.dateline != "" && !strings.EqualFold(firstWord(a.DatelineSpan.In(a.Raw), tc.dateline), tc.dateline) {
				t.Errorf("DatelineSpan covers %q", a.DatelineSpan.In(a.Raw))
			}
			if a.Byline != tc.byline {
				t.Errorf("Byline = %q, want %q", a.Byline, tc.byline)
			}
			if a.Language != "en" {
				t.Errorf("Language = %q, want en", a.Language)
			}
			for k, want := range tc.meta {
				got := a.Meta[k]
				if ws, ok := want.([]string); ok {
					gs, _ := got.([]string)
					if strings.Join(gs, "|") != strings.Join(ws, "|") {
						t.Errorf("Meta[%s] = %v, want %v", k, got, want)
					}
				} else if got != want {
					t.Errorf("Meta[%s] = %v, want %v", k, got, want)
				}
			}
			for _, s := range tc.gone {
				if strings.Contains(a.Text, s) {
					t.Errorf("Text still contains %q", s)
				}
			}
			for _, s := range tc.kept {
				if !strings.Contains(a.Text, s) {
					t.Errorf("Text lost %q", s)
				}
			}
			for _, s := range tc.once {
				if n := strings.Count(a.Text, s); n != 1 {
					t.Errorf("Text has %q %d times, want 1", s, n)
				}
			}
			for line, reason := range tc.removedFor {
				if got := reasonFor(a, line); got != reason {
					t.Errorf("%q removed as %q, want %q", line, got, reason)
				}
			}
			if strings.Contains(tc.name, "comment") && reasonFor(a, "Well Putler") != "comments" {
				t.Errorf("comment thread not removed as comments")
			}
		})
	}
}

// firstWord returns the word of s equal (ignoring case) to w, or s's first word.
func firstWord(s, w string) string {
	for _, f := range strings.Fields(s) {
		if strings.EqualFold(strings.Trim(f, ",()"), w) {
			return w
		}
	}
	return s
}

// reasonFor returns the reason of the removal covering the first
// occurrence of s in Raw, "" when s is kept or absent.
func reasonFor(a *parallax.Article, s string) string {
	i := strings.Index(a.Raw, s)
	if i < 0 {
		return ""
	}
	sp := parallax.Span{Start: i, End: i + len(s)}
	for _, r := range a.Removed {
		if r.Span.Contains(sp) {
			return r.Reason
		}
	}
	return ""
}
