package ascii

import (
	"math/rand/v2"
	"strings"
	"testing"
)

func TestLower(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	alphabet := []string{"a", "Z", "M", "q", " ", "@", "[", "`", "{", "0", "\x7f", "\x00", "É", "ß", "İ", "Ǆ"}
	for range 2000 {
		var b strings.Builder
		for range rng.IntN(40) {
			b.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		s := b.String()
		var want []byte
		for i := 0; i < len(s); i++ {
			c := s[i]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			want = append(want, c)
		}
		if got := AppendLower([]byte("pre"), s); string(got) != "pre"+string(want) {
			t.Fatalf("AppendLower(%q) = %q, want %q", s, got[3:], want)
		}
		if got := AppendToLower([]byte("pre"), s); string(got) != "pre"+strings.ToLower(s) {
			t.Fatalf("AppendToLower(%q) = %q, want %q", s, got[3:], strings.ToLower(s))
		}
	}
}

func TestSWAR(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for range 5000 {
		var b [8]byte
		for i := range b {
			b[i] = byte(rng.IntN(0x80))
		}
		x := Load64(string(b[:]), 0)
		if x != Load64(b[:], 0) {
			t.Fatal("Load64 differs between string and bytes")
		}
		lo, hi := byte(rng.IntN(0x80)), byte(rng.IntN(0x80))
		var mask uint64
		zero := false
		for i, c := range b {
			if lo <= c && c <= hi {
				mask |= 0x80 << (8 * i)
			}
			zero = zero || c == 0
		}
		if got := InRange(x, lo, hi); got != mask {
			t.Fatalf("InRange(%q, %d, %d) = %x, want %x", b, lo, hi, got, mask)
		}
		if HasZero(x) != zero {
			t.Fatalf("HasZero(%q) = %v", b, !zero)
		}
	}
}

func TestLowerAlnum(t *testing.T) {
	for c := range 256 {
		want := byte(0)
		switch {
		case '0' <= c && c <= '9', 'a' <= c && c <= 'z':
			want = byte(c)
		case 'A' <= c && c <= 'Z':
			want = byte(c) + 'a' - 'A'
		}
		if LowerAlnum[c] != want {
			t.Errorf("LowerAlnum[%q] = %q, want %q", rune(c), LowerAlnum[c], want)
		}
	}
}
