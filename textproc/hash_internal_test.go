package textproc

import (
	"math/rand"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/ascii"
)

// lowerRunes lower-cases s rune by rune, keeping bytes that are not UTF-8.
func lowerRunes(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError {
			b.WriteString(s[i : i+n])
		} else {
			b.WriteRune(unicode.ToLower(r))
		}
		i += n
	}
	return b.String()
}

func TestFoldHash(t *testing.T) {
	words := []string{"a", "Putin", "PUTIN", "putin", "said", "Vice-President", "U.S.", "Ümit", "ÇA", "naïve",
		"abcdefgh", "ABCDEFGHI", "internationalisation", "Zz@[`{", "bad\xffbyte", "日本"}
	rng := rand.New(rand.NewSource(1))
	alphabet := []rune("aZqQ09'-.éÉЖж")
	for n := 0; n < 500; n++ {
		var b strings.Builder
		for k := 1 + rng.Intn(20); k > 0; k-- {
			b.WriteRune(alphabet[rng.Intn(len(alphabet))])
		}
		words = append(words, b.String())
	}
	for _, w := range words {
		want := plainHash(lowerRunes(w))
		// The word alone, and inside a longer text whose bytes after it
		// foldHash may read.
		if got := foldHash(w, 0, len(w)); got != want {
			t.Errorf("foldHash(%q) = %x, want %x", w, got, want)
		}
		raw := "x " + w + " and more text after"
		if got := foldHash(raw, 2, 2+len(w)); got != want {
			t.Errorf("foldHash(%q in text) = %x, want %x", w, got, want)
		}
	}
	if plainHash("said") == plainHash("says") || plainHash("a") == plainHash("") {
		t.Error("distinct words share a hash")
	}
}

func TestDocWords(t *testing.T) {
	lex := newHashTable(1)
	lex.or(plainHash("said"), lxSpeech)
	var dw docWords
	for round := 0; round < 2; round++ {
		dw.reset()
		ids := map[uint64]int32{}
		for i := 0; i < 5000; i++ {
			h := plainHash(strings.Repeat("w", i%2000+1))
			id := dw.id(h, lex)
			if prev, ok := ids[h]; ok && prev != id {
				t.Fatalf("word %d: id %d, earlier %d", i, id, prev)
			}
			ids[h] = id
			if dw.w[id].hash != h {
				t.Fatalf("word %d: hash %x, want %x", i, dw.w[id].hash, h)
			}
		}
		if len(dw.w) != 2000 {
			t.Fatalf("%d words, want 2000", len(dw.w))
		}
		if id := dw.id(plainHash("said"), lex); dw.w[id].flags != lxSpeech {
			t.Errorf("flags of said = %b", dw.w[id].flags)
		}
	}
	// Marks stop at maxMarks words, as a full fixed-size set would.
	dw.reset()
	for i := 0; i < maxMarks+10; i++ {
		dw.markLower(dw.id(uint64(i+1), lex))
	}
	dw.markLower(0) // marked already
	if dw.nLower != maxMarks || !dw.w[0].lower || dw.w[maxMarks].lower {
		t.Errorf("nLower %d, first %v, past the limit %v", dw.nLower, dw.w[0].lower, dw.w[maxMarks].lower)
	}
}

func TestMultimap(t *testing.T) {
	var m multimap
	for round := 0; round < 2; round++ {
		m.reset()
		m.add("smith", 1)
		m.add("jones", 2)
		m.add("smith", 3)
		if got := m.get("smith"); len(got) != 2 || got[0] != 1 || got[1] != 3 {
			t.Errorf("smith: %v", got)
		}
		if got := m.get("brown"); got != nil {
			t.Errorf("brown: %v", got)
		}
	}
}

func TestLowering(t *testing.T) {
	for _, s := range []string{"", "abc", "ABC Def", "Ümit ÇA", "bad\xffByte", strings.Repeat("X", 50)} {
		if got := string(ascii.AppendToLower([]byte("k:"), s)); got != "k:"+strings.ToLower(s) {
			t.Errorf("ascii.AppendToLower(%q) = %q", s, got)
		}
		var buf [40]byte
		if got := string(lowerBytes(&buf, s)); got != strings.ToLower(s) {
			t.Errorf("lowerBytes(%q) = %q", s, got)
		}
	}
}
