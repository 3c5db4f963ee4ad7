package clean_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/clean"
)

// polnearTexts returns the PolNeAR train and dev texts, skipping when absent.
func polnearTexts(t testing.TB) (names, texts []string) {
	t.Helper()
	base := filepath.Join(sharedDir(t), "eval", "polnear")
	for _, split := range []string{"train", "dev"} {
		fs, err := filepath.Glob(filepath.Join(base, split, "text", "*.txt"))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range fs {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			names = append(names, filepath.Base(f))
			texts = append(texts, string(b))
		}
	}
	if len(texts) == 0 {
		t.Skip("no PolNeAR texts under " + base)
	}
	return names, texts
}

func nonSpace(s string) int {
	n := 0
	for _, r := range s {
		if !unicode.IsSpace(r) {
			n++
		}
	}
	return n
}

// TestPolNeAR cleans the PolNeAR texts, which are already clean articles
// with the headline on the first line: the title must be that line and
// almost all body characters must be kept.
func TestPolNeAR(t *testing.T) {
	names, texts := polnearTexts(t)
	c := clean.New(clean.Options{})
	total, kept, badTitle := 0, 0, 0
	for i, text := range texts {
		a, err := c.Clean(&parallax.Record{Source: names[i], Text: text})
		if err != nil {
			t.Fatal(err)
		}
		checkInvariants(t, a)
		head, body, _ := strings.Cut(text, "\n")
		if want := strings.TrimSpace(head); a.Title != want {
			badTitle++
			t.Errorf("%s: Title = %q, want %q", names[i], a.Title, want)
		}
		total += nonSpace(body)
		kept += nonSpace(a.Text)
	}
	frac := float64(kept) / float64(total)
	t.Logf("PolNeAR: %d texts, %d titles wrong, body characters kept %.2f%% (%d of %d non-space)",
		len(texts), badTitle, 100*frac, kept, total)
	if len(texts) != 924 {
		t.Errorf("read %d PolNeAR texts, want 924", len(texts))
	}
	if frac < 0.99 {
		t.Errorf("kept %.4f of body characters, want >= 0.99", frac)
	}
}
