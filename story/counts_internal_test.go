package story

import (
	"math/rand/v2"
	"testing"
)

// TestTermCounts checks the table against a map over ids of the whole
// range, through several growths.
func TestTermCounts(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	var tc termCounts
	want := map[int32]int32{}
	for i := range 200_000 {
		id := rng.Int32N(1 << 22)
		if i%3 == 0 && len(want) > 0 {
			id = rng.Int32N(64) // repeats
		}
		tc.inc(id)
		want[id]++
	}
	if tc.n != len(want) {
		t.Fatalf("%d ids counted, want %d", tc.n, len(want))
	}
	for id, n := range want {
		if got := tc.get(id); got != n {
			t.Fatalf("get(%d) = %d, want %d", id, got, n)
		}
	}
	for range 1000 {
		id := rng.Int32N(1 << 22)
		if got := tc.get(id); got != want[id] {
			t.Fatalf("get(%d) = %d, want %d", id, got, want[id])
		}
	}
	var empty termCounts
	if empty.get(7) != 0 {
		t.Fatal("empty table counts an id")
	}
}
