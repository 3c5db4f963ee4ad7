package wordnet_test

import (
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/wordnet"
)

func TestLoad(t *testing.T) {
	start := time.Now()
	lemmas, synsets := wordnet.Load()
	t.Logf("loaded %d lemmas, %d synsets in %v", lemmas, synsets, time.Since(start))
	if lemmas < 140000 || synsets < 110000 {
		t.Fatalf("table too small: %d lemmas, %d synsets", lemmas, synsets)
	}
}

func TestLemma(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"regular past", "placed", "place"},
		{"irregular past", "went", "go"},
		{"plural", "missiles", "missile"},
		{"ies plural", "countries", "country"},
		{"doubled consonant", "stopped", "stop"},
		{"already lemma", "put", "put"},
		{"capitalised", "Borders", "border"},
		{"unknown word", "xyzzyq", "xyzzyq"},
		{"comparative", "bigger", "big"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := wordnet.Lemma(tc.in); got != tc.want {
				t.Errorf("Lemma(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestRelated(t *testing.T) {
	tests := []struct {
		name   string
		a, b   string
		min    float64
		max    float64
		synonm bool
	}{
		{"react respond", "react", "respond", 1, 1, true},
		{"placed put", "placed", "put", 1, 1, true},
		{"tricked fooled", "tricked", "fooled", 0.5, 1, false},
		{"fooled gulled", "fooled", "gulled", 1, 1, true},
		{"cheated swindled", "cheated", "swindled", 0.5, 1, false},
		{"tricked cheated", "tricked", "cheated", 0.5, 1, false},
		{"same word", "missile", "missiles", 1, 1, true},
		{"hypernym", "dog", "canine", 0.75, 0.75, false},
		{"unrelated", "missile", "banana", 0, 0, false},
		{"unknown", "qqzx", "missile", 0, 0, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := wordnet.Related(tc.a, tc.b)
			if got < tc.min || got > tc.max {
				t.Errorf("Related(%q, %q) = %v, want in [%v, %v]", tc.a, tc.b, got, tc.min, tc.max)
			}
			if s := wordnet.Synonyms(tc.a, tc.b); s != tc.synonm {
				t.Errorf("Synonyms(%q, %q) = %v, want %v", tc.a, tc.b, s, tc.synonm)
			}
			if r := wordnet.Related(tc.b, tc.a); r != got {
				t.Errorf("Related not symmetric: %v vs %v", got, r)
			}
		})
	}
}

func BenchmarkRelated(b *testing.B) {
	wordnet.Load()
	b.ReportAllocs()
	for b.Loop() {
		wordnet.Related("tricked", "swindled")
		wordnet.Related("placed", "deploy")
	}
}
