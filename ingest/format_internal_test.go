package ingest

import (
	"math/rand/v2"
	"testing"
)

// isBinaryByRule is isBinary's rule written out byte by byte.
func isBinaryByRule(b []byte) bool {
	if len(b) > sniffLen {
		b = b[:sniffLen]
	}
	ctl := 0
	for _, c := range b {
		switch {
		case c == 0:
			return true
		case c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v', c == 0x7f:
			ctl++
		}
	}
	return ctl*20 > len(b)
}

func TestIsBinary(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	seen := map[bool]int{}
	for n := range 3000 {
		b := make([]byte, rng.IntN(2*sniffLen))
		for i := range b {
			b[i] = byte(' ' + rng.IntN(95)) // printable text …
			if rng.IntN(100) < n%12 {       // … with control bytes at 0–11 %
				b[i] = byte(1 + rng.IntN(0x1f))
			}
			switch rng.IntN(200000) {
			case 0:
				b[i] = 0
			case 1:
				b[i] = 0x7f
			}
		}
		got, want := isBinary(b), isBinaryByRule(b)
		if got != want {
			t.Fatalf("case %d (%d bytes): isBinary = %v, want %v", n, len(b), got, want)
		}
		seen[got]++
	}
	if seen[true] < 100 || seen[false] < 100 {
		t.Errorf("cases binary/text = %d/%d: the test does not reach both", seen[true], seen[false])
	}
}
