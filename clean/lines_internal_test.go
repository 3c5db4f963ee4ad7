package clean

import (
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/ascii"
	"github.com/parallax-news/parallax/internal/testshared"
)

// measureByRune is measure read one character at a time, as it was
// written before its eight-byte path: the reference the fast path must match.
func measureByRune(s string) feats {
	var m measurer
	m.prev, m.prev2 = ' ', ' '
	for i := 0; i < len(s); {
		i = m.step(s, i)
	}
	return m.result(s)
}

func TestMeasureEightBytes(t *testing.T) {
	texts := []string{
		"", "a", "Hello, World. Next one", "end. Start\tA\nb\rC\vD\fE", "x.  Y", "x.\tY", "x.\vY",
		"“Quoted.” Then Más allá. Ça va? Oui! Non", "1990s: 12,500 people", "ALL CAPS LINE.",
		"  leading and trailing  ", "word\u00a0word\u200bword", "Привет. Мир", "a!\nB c?\r\nD",
	}
	rng := rand.New(rand.NewSource(1))
	alphabet := []rune("aZ .!?\t\n\r\v\f,1'é—“ÀЖ")
	for n := 0; n < 2000; n++ {
		var b strings.Builder
		for k := rng.Intn(40); k > 0; k-- {
			b.WriteRune(alphabet[rng.Intn(len(alphabet))])
		}
		texts = append(texts, b.String())
	}
	if dir := testshared.Find(); dir != "" {
		files, _ := filepath.Glob(filepath.Join(dir, "eval", "polnear", "dev", "text", "*.txt"))
		for _, f := range files {
			raw, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			texts = append(texts, string(raw))
			texts = append(texts, strings.Split(string(raw), "\n")...)
		}
	}
	for _, s := range texts {
		if got, want := measure(s), measureByRune(s); got != want {
			t.Fatalf("measure(%q) = %+v, want %+v", s, got, want)
		}
	}
}

func TestAppendLowerASCII(t *testing.T) {
	rng := rand.New(rand.NewSource(2))
	alphabet := []rune("aZ@[`{ .AzÀé“Ж09")
	for n := 0; n < 2000; n++ {
		var b strings.Builder
		for k := rng.Intn(30); k > 0; k-- {
			b.WriteRune(alphabet[rng.Intn(len(alphabet))])
		}
		s := b.String()
		want := []byte("prefix")
		for i := 0; i < len(s); i++ {
			c := s[i]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			want = append(want, c)
		}
		if got := ascii.AppendLower([]byte("prefix"), s); string(got) != string(want) {
			t.Fatalf("ascii.AppendLower(%q) = %q, want %q", s, got, want)
		}
	}
}
