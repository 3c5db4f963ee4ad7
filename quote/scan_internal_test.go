package quote

import (
	"math/rand"
	"testing"

	"github.com/parallax-news/parallax/internal/ascii"
)

func TestLookup(t *testing.T) {
	for w, want := range lexicon {
		if got, _ := lookup(w, false); got != want {
			t.Errorf("lookup(%q) = %+v, want %+v", w, got, want)
		}
	}
	for _, w := range []string{"x", "putin", "saidx", "sai", "2024", "u.s"} {
		if got, _ := lookup(w, false); got.cue >= 0 || got.f != 0 {
			t.Errorf("lookup(%q) = %+v, want none", w, got)
		}
	}
	for _, tc := range []struct {
		w      string
		period bool
		abbr   bool
	}{{"mr", true, true}, {"u.s", true, true}, {"said", true, false}, {"mr", false, false}} {
		if _, abbr := lookup(tc.w, tc.period); abbr != tc.abbr {
			t.Errorf("lookup(%q, %v) abbreviation %v, want %v", tc.w, tc.period, abbr, tc.abbr)
		}
	}
}

func TestMaybeMark(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	bytes := []byte("ab \"'.,\xc2\xe2\x80\x00\x7f")
	for n := 0; n < 20000; n++ {
		var b [8]byte
		want := false
		for k := range b {
			b[k] = bytes[rng.Intn(len(bytes))]
			want = want || b[k] == '"' || b[k] == '\'' || b[k] >= 0x80
		}
		if got := maybeMark(ascii.Load64(string(b[:]), 0)); got != want {
			t.Fatalf("maybeMark(%q) = %v, want %v", b, got, want)
		}
	}
}

func TestTokenizer(t *testing.T) {
	raw := `Mr. Putin said, “We won.” The U.S. envoy's team-mates met AT&T on Nov. 3, #2. Ça va $56.5 bn.`
	segs, _ := scanMarks(nil, nil, raw, 0, len(raw))
	var tz tokenizer
	tz.paragraph(raw, 0, len(raw), segs)
	tz.setLows()
	want := []struct {
		text, low string
		kind      uint8
		cap       bool
	}{
		{"Mr.", "mr", tWord, true}, {"Putin", "putin", tWord, true}, {"said", "said", tWord, false}, {",", ",", tPunct, false},
		{"“We won.”", "", tQuote, false}, {"The", "the", tWord, true}, {"U.S.", "u.s", tWord, true}, {"envoy's", "envoy's", tWord, false},
		{"team-mates", "team-mates", tWord, false}, {"met", "met", tWord, false}, {"AT&T", "at&t", tWord, true}, {"on", "on", tWord, false},
		{"Nov", "nov", tWord, true}, {".", ".", tPunct, false}, {"3", "3", tWord, false}, {",", ",", tPunct, false},
		{"#", "#", tPunct, false}, {"2", "2", tWord, false}, {".", ".", tPunct, false}, {"Ça", "Ça", tWord, true},
		{"va", "va", tWord, false}, {"$", "$", tPunct, false}, {"56.5", "56.5", tWord, false}, {"bn", "bn", tWord, false},
		{".", ".", tPunct, false},
	}
	if len(tz.toks) != len(want) {
		t.Fatalf("%d tokens, want %d: %+v", len(tz.toks), len(want), tz.toks)
	}
	for i, w := range want {
		tk := tz.toks[i]
		if raw[tk.s:tk.e] != w.text || tk.low != w.low || tk.kind != w.kind || tk.cap != w.cap {
			t.Errorf("token %d = %q %q kind %d cap %v, want %+v", i, raw[tk.s:tk.e], tk.low, tk.kind, tk.cap, w)
		}
	}
	if c, ok := tz.toks[2].cueInfo(); !ok || c.lemma != "say" {
		t.Errorf("said: cue %+v %v", c, ok)
	}
}

// A form written "-word" in cueLemmas is no cue; the others keep the
// base form as their lemma and are no noun.
func TestExcludedCueForms(t *testing.T) {
	for _, w := range []string{"attack", "attacks", "vote", "votes", "tweet", "continue", "continues"} {
		if got, _ := lookup(w, false); got.cue >= 0 {
			t.Errorf("%q is a cue: %+v", w, cueTab[got.cue])
		}
	}
	for w, lemma := range map[string]string{"attacked": "attack", "voted": "vote", "tweeted": "tweet", "continued": "continue"} {
		got, _ := lookup(w, false)
		if got.cue < 0 {
			t.Errorf("%q is no cue", w)
			continue
		}
		if ci := cueTab[got.cue]; ci.lemma != lemma || ci.noun {
			t.Errorf("%q: lemma %q noun %v, want %q and no noun", w, ci.lemma, ci.noun, lemma)
		}
	}
}
