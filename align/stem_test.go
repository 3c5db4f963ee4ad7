package align_test

import (
	"testing"

	"github.com/parallax-news/parallax/align"
)

// Expected stems are from the published Porter2 sample vocabulary.
func TestStem(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"ed", "consigned", "consign"},
		{"ment", "consignment", "consign"},
		{"ency", "consistency", "consist"},
		{"ently", "consistently", "consist"},
		{"ation", "consolation", "consol"},
		{"atory", "consolatory", "consolatori"},
		{"ate", "consolidated", "consolid"},
		{"ingly", "consolingly", "consol"},
		{"uous", "conspicuously", "conspicu"},
		{"acy", "conspiracy", "conspiraci"},
		{"ator", "conspirators", "conspir"},
		{"able", "constable", "constabl"},
		{"ancy", "constancy", "constanc"},
		{"eries", "knackeries", "knackeri"},
		{"doubled", "knitting", "knit"},
		{"er kept", "knocker", "knocker"},
		{"ives", "knives", "knive"},
		{"ly", "knightly", "knight"},
		{"gener", "generously", "generous"},
		{"ies short", "ties", "tie"},
		{"ies long", "cries", "cri"},
		{"run", "running", "run"},
		{"hope", "hoped", "hope"},
		{"exception", "skies", "sky"},
		{"short", "us", "us"},
		{"tional", "national", "nation"},
		{"non-ascii", "café", "café"},
		{"missiles", "missiles", "missil"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := align.Stem(tc.in); got != tc.want {
				t.Errorf("Stem(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}
