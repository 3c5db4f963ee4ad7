package story

import (
	"cmp"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// TestTopTerms checks the counter against counting the scanner's terms in
// a map and sorting them all: same terms, counts and cut.
func TestTopTerms(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	vocab := []string{"policy", "policies", "Policies", "guarantee", "guarantees", "press", "bus", "the", "said",
		"Russia's", "russia", "wills", "will", "covid19", "2024", "été", "Été", "naïve", "ab", "a’s"}
	for n := range 300 {
		var sb strings.Builder
		for range r.IntN(4000) {
			if r.IntN(3) == 0 {
				sb.WriteString(vocab[r.IntN(len(vocab))])
			} else { // a long tail of rarer words
				for range 3 + r.IntN(n%12+1) {
					sb.WriteByte(byte('a' + r.IntN(6)))
				}
			}
			sb.WriteString([]string{" ", ", ", ". ", "\n", "—", "'"}[r.IntN(6)])
		}
		text := sb.String()
		counts := map[string]int{}
		s := termScanner{text: text}
		for s.next() {
			counts[string(s.word)]++
		}
		var want []TermCount
		for w, c := range counts {
			want = append(want, TermCount{w, c})
		}
		slices.SortFunc(want, func(a, b TermCount) int {
			return cmp.Or(b.Count-a.Count, len(b.Term)-len(a.Term), strings.Compare(a.Term, b.Term))
		})
		want = want[:min(len(want), maxTerms)]
		slices.SortFunc(want, func(a, b TermCount) int { return strings.Compare(a.Term, b.Term) })
		if len(want) == 0 {
			want = nil
		}
		if got := Analyze(Doc{Text: text}).Terms; !reflect.DeepEqual(got, want) {
			t.Fatalf("text %d: got %d terms %v\nwant %d %v", n, len(got), got, len(want), want)
		}
	}
}

func TestStopwords(t *testing.T) {
	for w, want := range map[string]bool{"the": true, "themselves": true, "going": true, "policy": false, "them": true, "thes": false, "": false} {
		if got := stopwords.has([]byte(w), hashWord([]byte(w))); got != want {
			t.Errorf("%q: stopword %v", w, got)
		}
	}
}

func TestEntities(t *testing.T) {
	keys := []string{"trump", " clinton", "", "trump", "  ", "comey", "clinton\n", "trump"}
	want := []TermCount{{"clinton", 2}, {"comey", 1}, {"trump", 3}}
	if got := new(counter).entities(keys); !reflect.DeepEqual(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
	if got := new(counter).entities([]string{" "}); got != nil {
		t.Errorf("blank keys: %v", got)
	}
}
