package story

// termCounts counts articles per term id. The ids are buckets of a 4M
// hashed range, but a corpus uses a fraction of them: an open-addressing
// table of the ids met keeps the counts together, so counting stays in
// cache, and memory grows with the corpus, not with the hash range.
type termCounts struct {
	slots []termCount // power-of-two length, at most half full
	n     int
}

type termCount struct {
	id1 int32 // id + 1; 0 when free
	n   int32
}

// get returns the count of id.
func (t *termCounts) get(id int32) int32 {
	if len(t.slots) == 0 {
		return 0
	}
	mask := uint32(len(t.slots) - 1)
	for i := slotOf(id) & mask; ; i = (i + 1) & mask {
		switch s := t.slots[i]; s.id1 {
		case id + 1:
			return s.n
		case 0:
			return 0
		}
	}
}

// inc adds one to the count of id.
func (t *termCounts) inc(id int32) {
	if 2*(t.n+1) > len(t.slots) {
		t.grow()
	}
	mask := uint32(len(t.slots) - 1)
	for i := slotOf(id) & mask; ; i = (i + 1) & mask {
		s := &t.slots[i]
		switch s.id1 {
		case id + 1:
			s.n++
			return
		case 0:
			s.id1, s.n = id+1, 1
			t.n++
			return
		}
	}
}

func (t *termCounts) grow() {
	old := t.slots
	t.slots = make([]termCount, max(2*len(old), 1<<12))
	mask := uint32(len(t.slots) - 1)
	for _, s := range old {
		if s.id1 == 0 {
			continue
		}
		i := slotOf(s.id1-1) & mask
		for t.slots[i].id1 != 0 {
			i = (i + 1) & mask
		}
		t.slots[i] = s
	}
}

// slotOf spreads an id over the table; ids are hash bits already, but
// their low bits are the hash's least mixed.
func slotOf(id int32) uint32 { return uint32(id) * 0x9e3779b1 >> 7 }
