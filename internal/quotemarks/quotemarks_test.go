package quotemarks_test

import (
	"testing"

	"github.com/parallax-news/parallax/internal/quotemarks"
)

func TestRanges(t *testing.T) {
	for _, c := range []struct {
		name     string
		in       string
		straight bool
		want     []string
	}{
		{"double", `the "river" and the "dam"`, false, []string{"river", "dam"}},
		{"curly", "an “invasion” now", false, []string{"invasion"}},
		{"curly opened, straight closed", "an “invasion\" now", false, []string{"invasion"}},
		{"single with apostrophe", "a ‘mayor’s plan’ today", false, []string{"mayor’s plan"}},
		{"straight single off", "the 'plan' here", false, nil},
		{"straight single on", "the 'plan' here", true, []string{"plan"}},
		{"straight apostrophe", "the mayor's 'plan'", true, []string{"plan"}},
		{"unclosed", `the "river`, false, nil},
		{"empty", `""`, false, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			var got []string
			for _, r := range quotemarks.Ranges(c.in, c.straight) {
				got = append(got, c.in[r[0]:r[1]])
			}
			if len(got) != len(c.want) {
				t.Fatalf("Ranges(%q) = %q, want %q", c.in, got, c.want)
			}
			for i := range got {
				if got[i] != c.want[i] {
					t.Errorf("Ranges(%q) = %q, want %q", c.in, got, c.want)
				}
			}
		})
	}
}
