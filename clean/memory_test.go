package clean_test

import (
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/clean"
)

// page builds the n-th invented article of a site whose every page ends
// with the same promotional sentence.
func page(n int, url string) *parallax.Record {
	text := fmt.Sprintf(`Story Number %d Makes Headlines

Reporters covered event number %d on Monday, and officials said the outcome was expected by most observers.

A second paragraph of story %d adds detail about the people involved and what they said afterwards.

Get our morning briefing delivered to your inbox every weekday.
`, n, n, n)
	return &parallax.Record{Source: fmt.Sprint("page", n), URL: url, Text: text}
}

const promo = "Get our morning briefing delivered to your inbox every weekday."

func TestMemoryRepeatedLines(t *testing.T) {
	tests := []struct {
		name     string
		observed int    // pages of the site observed before cleaning
		url      string // URL of the cleaned page
		dropped  bool
	}{
		{name: "below threshold", observed: 2, url: "https://www.site.example/a", dropped: false},
		{name: "at threshold", observed: 3, url: "https://www.site.example/a", dropped: true},
		{name: "other host", observed: 5, url: "https://other.example/a", dropped: false},
		{name: "www is the same host", observed: 3, url: "http://site.example/b", dropped: true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := clean.NewMemory(1 << 12)
			for i := 0; i < tc.observed; i++ {
				m.Observe(page(i, "https://www.site.example/p"))
			}
			key := clean.SourceKey(&parallax.Record{URL: "https://www.site.example/p"})
			if got := m.Count(key, promo); got < tc.observed {
				t.Errorf("Count = %d, want at least %d", got, tc.observed)
			}
			c := clean.New(clean.Options{Memory: m})
			a, err := c.Clean(page(100, tc.url))
			if err != nil {
				t.Fatal(err)
			}
			checkInvariants(t, a)
			if got := !strings.Contains(a.Text, promo); got != tc.dropped {
				t.Errorf("promo dropped = %v, want %v (count %d)", got, tc.dropped, m.Count(clean.SourceKey(&parallax.Record{URL: "https://site.example/"}), promo))
			}
			if len(a.Paragraphs) < 2 {
				t.Errorf("body lost: %q", a.Text)
			}
		})
	}
}

// TestMemoryOrderIndependent observes the same pages from many goroutines
// and checks the cleaned results equal those of a sequential run.
func TestMemoryOrderIndependent(t *testing.T) {
	pages := make([]*parallax.Record, 40)
	for i := range pages {
		pages[i] = page(i, "https://site.example/x")
	}
	clean1 := func(parallel bool) []string {
		m := clean.NewMemory(0)
		if parallel {
			var wg sync.WaitGroup
			for _, p := range pages {
				wg.Add(1)
				go func() { defer wg.Done(); m.Observe(p) }()
			}
			wg.Wait()
		} else {
			for i := len(pages) - 1; i >= 0; i-- {
				m.Observe(pages[i])
			}
		}
		c := clean.New(clean.Options{Memory: m})
		out := make([]string, len(pages))
		var wg sync.WaitGroup
		for i, p := range pages {
			wg.Add(1)
			go func() {
				defer wg.Done()
				a, err := c.Clean(p)
				if err != nil {
					t.Error(err)
					return
				}
				out[i] = a.Hash
			}()
		}
		wg.Wait()
		return out
	}
	seq, par := clean1(false), clean1(true)
	for i := range seq {
		if seq[i] != par[i] {
			t.Fatalf("page %d cleaned differently in parallel", i)
		}
	}
}

func TestMemoryLearn(t *testing.T) {
	m := clean.NewMemory(1 << 10)
	c := clean.New(clean.Options{Memory: m, Learn: true, RepeatThreshold: 2})
	var kept []bool
	for i := 0; i < 4; i++ {
		a, err := c.Clean(page(i, "https://site.example/p"))
		if err != nil {
			t.Fatal(err)
		}
		kept = append(kept, strings.Contains(a.Text, promo))
	}
	want := []bool{true, true, false, false}
	for i := range want {
		if kept[i] != want[i] {
			t.Fatalf("promo kept per page = %v, want %v", kept, want)
		}
	}
}
