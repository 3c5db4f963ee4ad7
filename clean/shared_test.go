package clean_test

import (
	"github.com/parallax-news/parallax/internal/testshared"
	"sort"
	"strings"
	"testing"
	"unicode"

	"github.com/parallax-news/parallax"
)

// sharedDir locates the shared evaluation data, skipping when it is absent.
func sharedDir(t testing.TB) string {
	t.Helper()
	return testshared.Dir(t)
}

// checkInvariants asserts what every cleaned article must satisfy: spans
// in bounds and trimmed, paragraphs ordered and disjoint, Text equal to the
// joined paragraphs, and every non-space byte of Raw either kept or removed.
func checkInvariants(t testing.TB, a *parallax.Article) {
	t.Helper()
	n := len(a.Raw)
	var parts []string
	prev := 0
	for i, p := range a.Paragraphs {
		if !p.Valid(n) {
			t.Fatalf("paragraph %d %v out of bounds (len %d)", i, p, n)
		}
		if p.Start < prev {
			t.Fatalf("paragraph %d %v overlaps or precedes the previous one (end %d)", i, p, prev)
		}
		s := p.In(a.Raw)
		if strings.TrimFunc(s, isSpaceish) != s {
			t.Fatalf("paragraph %d not trimmed: %q", i, s)
		}
		parts = append(parts, s)
		prev = p.End
	}
	if a.Text != strings.Join(parts, "\n\n") {
		t.Fatalf("Text is not the joined paragraphs")
	}
	for _, sp := range []parallax.Span{a.TitleSpan, a.DateSpan, a.DatelineSpan} {
		if sp != (parallax.Span{}) && !sp.Valid(n) {
			t.Fatalf("span %v out of bounds", sp)
		}
	}
	spans := append([]parallax.Span(nil), a.Paragraphs...)
	for _, r := range a.Removed {
		if !r.Span.Valid(n) || r.Reason == "" {
			t.Fatalf("bad removal %+v", r)
		}
		spans = append(spans, r.Span)
	}
	sort.Slice(spans, func(i, j int) bool { return spans[i].Start < spans[j].Start })
	pos := 0
	for _, sp := range spans {
		if sp.Start < pos {
			t.Fatalf("kept and removed spans overlap at %v", sp)
		}
		if gap := a.Raw[pos:sp.Start]; strings.TrimFunc(gap, isSpaceish) != "" {
			t.Fatalf("text neither kept nor removed: %q", gap)
		}
		pos = sp.End
	}
	if gap := a.Raw[pos:]; strings.TrimFunc(gap, isSpaceish) != "" {
		t.Fatalf("trailing text neither kept nor removed: %q", gap)
	}
}

func isSpaceish(r rune) bool {
	return unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff' || r == '\u2060'
}
