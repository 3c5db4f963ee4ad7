// Package hashset provides a set of 64-bit hashes, for telling apart the
// words or shingles of one text: open addressing with linear probing, which
// for these sizes costs a fraction of a map and empties in one clear.
package hashset

import "math/rand/v2"

// Set is a set of 64-bit hashes; the zero Set is empty and ready.
type Set struct {
	slots []uint64 // 0 marks an empty slot, so a zero hash is kept aside
	bits  int      // log2 len(slots)
	n     int
	zero  bool
}

// slotFactor, odd and random, places hashes in a Set (by the top bits of
// their product), so that no text can be written to make them collide.
var slotFactor = rand.Uint64() | 1

func (t *Set) slot(s uint64) uint64 { return (s * slotFactor) >> (64 - t.bits) }

// Add inserts s and reports whether it was new.
func (t *Set) Add(s uint64) bool {
	if s == 0 {
		if t.zero {
			return false
		}
		t.zero = true
		t.n++
		return true
	}
	if 2*(t.n+1) > len(t.slots) {
		t.grow()
	}
	mask := uint64(len(t.slots) - 1)
	for i := t.slot(s); ; i = (i + 1) & mask {
		switch t.slots[i] {
		case s:
			return false
		case 0:
			t.slots[i] = s
			t.n++
			return true
		}
	}
}

// Len returns how many hashes the set holds.
func (t *Set) Len() int { return t.n }

// Reset empties the set. It keeps the set's memory for the next text
// unless that has grown past maxSlots slots, so that one long text does
// not make every later one clear a large table.
func (t *Set) Reset(maxSlots int) {
	if len(t.slots) > maxSlots {
		*t = Set{}
		return
	}
	clear(t.slots)
	t.n, t.zero = 0, false
}

func (t *Set) grow() {
	old := t.slots
	t.bits = max(t.bits+1, 10)
	t.slots = make([]uint64, 1<<t.bits)
	mask := uint64(len(t.slots) - 1)
	for _, s := range old {
		if s == 0 {
			continue
		}
		i := t.slot(s)
		for t.slots[i] != 0 {
			i = (i + 1) & mask
		}
		t.slots[i] = s
	}
}
