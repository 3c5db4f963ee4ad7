package hashset

import (
	"math/rand/v2"
	"testing"
)

// The set agrees with a map over many hashes, zero and repeats among
// them, across growth and resets.
func TestSetMatchesMap(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	var s Set
	for round, n := range []int{0, 1, 5, 3000, 40, 70000, 10} {
		want := map[uint64]bool{}
		for range n {
			h := rng.Uint64N(uint64(n) + 1) // repeats and 0
			if rng.IntN(4) == 0 {
				h = rng.Uint64()
			}
			if got := s.Add(h); got != !want[h] {
				t.Fatalf("round %d: Add(%d) = %v, want %v", round, h, got, !want[h])
			}
			want[h] = true
		}
		if s.Len() != len(want) {
			t.Fatalf("round %d: Len = %d, want %d", round, s.Len(), len(want))
		}
		s.Reset(1 << 14)
		if s.Len() != 0 || s.Add(0) != true || s.Add(7) != true {
			t.Fatalf("round %d: set not empty after Reset", round)
		}
		s.Reset(1 << 14)
	}
	if len(s.slots) > 1<<14 {
		t.Errorf("Reset kept %d slots, more than 1<<14", len(s.slots))
	}
}
