package align

import "strings"

// keyIndex is an inverted index from (speaker block, key) to the entries
// carrying that key. A speaker's blocks are the words of its key, so two
// speakers that match (same name, same surname, one name inside the
// other) share a block; entries of unknown speakers sit in block 0, which
// every query also reads. Posting lists are stored end to end (CSR), and
// each entry keeps the ids of the lists its own query reads.
type keyIndex struct {
	off   []int32 // list l is post[off[l]:off[l+1]]
	post  []int32
	qoff  []int32 // entry e's query lists are qids[qoff[e]:qoff[e+1]]
	qids  []int32
	stamp []int32 // per entry: the last query (epoch) that reached it
	epoch int32
}

// blockKey mixes a block id into a key. A collision only adds a
// candidate, which the caller screens anyway.
func blockKey(block int32, key uint64) uint64 {
	return key ^ (uint64(block)+1)*0x9E3779B97F4A7C15
}

// buildKeyIndex indexes entries 0..n-1: entry e carries keys(e) (sorted,
// without repeats) in blocks(e) (nil: unknown speaker). Entries for which
// posted(e) is false are not indexed but may still query.
func buildKeyIndex(n int, blocks func(int) []int32, keys func(int) []uint64, posted func(int) bool) *keyIndex {
	x := &keyIndex{stamp: make([]int32, n), qoff: make([]int32, n+1)}
	total := 0
	for e := range n {
		total += len(keys(e)) * (1 + len(blocks(e)))
	}
	tab := newU64Map(total)
	var count []int32
	// Pass 1: create the lists of the posted entries' (block, key) pairs.
	own := make([]int32, 0, total)
	ownOff := make([]int32, n+1)
	unknown := false // some posted entry sits in block 0
	for e := range n {
		if posted(e) {
			bs := blocks(e)
			unknown = unknown || len(bs) == 0
			for _, key := range keys(e) {
				if len(bs) == 0 {
					own = append(own, tab.add(blockKey(0, key), &count))
				}
				for _, b := range bs {
					own = append(own, tab.add(blockKey(b, key), &count))
				}
			}
		}
		ownOff[e+1] = int32(len(own))
	}
	// Pass 2: the lists each entry's query reads: those of its blocks and,
	// for a known speaker, the unknown block's.
	x.qids = make([]int32, 0, total)
	for e := range n {
		bs := blocks(e)
		if posted(e) {
			x.qids = append(x.qids, own[ownOff[e]:ownOff[e+1]]...)
		}
		for _, key := range keys(e) {
			if len(bs) > 0 && unknown {
				if l, ok := tab.get(blockKey(0, key)); ok {
					x.qids = append(x.qids, l)
				}
			}
			if posted(e) {
				continue
			}
			if len(bs) == 0 && unknown {
				if l, ok := tab.get(blockKey(0, key)); ok {
					x.qids = append(x.qids, l)
				}
			}
			for _, b := range bs {
				if l, ok := tab.get(blockKey(b, key)); ok {
					x.qids = append(x.qids, l)
				}
			}
		}
		x.qoff[e+1] = int32(len(x.qids))
	}
	// Offsets, then fill in entry order (lists come out sorted).
	x.off = make([]int32, len(count)+1)
	for l, c := range count {
		x.off[l+1] = x.off[l] + c
	}
	x.post = make([]int32, len(own))
	fill := append([]int32(nil), x.off[:len(count)]...)
	for e := range n {
		if !posted(e) {
			continue
		}
		for _, l := range own[ownOff[e]:ownOff[e+1]] {
			x.post[fill[l]] = int32(e)
			fill[l]++
		}
	}
	return x
}

// query appends to dst, once each, the indexed entries that share with
// entry e a block (or an unknown speaker) and a key whose list holds at
// most limit entries: a key that common says nothing about a match.
func (x *keyIndex) query(dst []int32, e int, limit int) []int32 {
	x.epoch++
	q := x.epoch
	for _, l := range x.qids[x.qoff[e]:x.qoff[e+1]] {
		ps := x.post[x.off[l]:x.off[l+1]]
		if len(ps) > limit {
			continue
		}
		for _, f := range ps {
			if x.stamp[f] != q {
				x.stamp[f] = q
				dst = append(dst, f)
			}
		}
	}
	return dst
}

// u64Map is an open-addressing map from uint64 to int32, for the index.
type u64Map struct {
	keys []uint64 // 0: empty (key 0 is stored as 1)
	vals []int32
	used int
}

func newU64Map(n int) *u64Map {
	size := 16
	for size < 2*n {
		size *= 2
	}
	return &u64Map{keys: make([]uint64, size), vals: make([]int32, size)}
}

func (m *u64Map) slot(k uint64) int {
	mask := uint64(len(m.keys) - 1)
	i := (k * 0x9E3779B97F4A7C15 >> 17) & mask
	for m.keys[i] != 0 && m.keys[i] != k {
		i = (i + 1) & mask
	}
	return int(i)
}

func (m *u64Map) get(k uint64) (int32, bool) {
	k = max(k, 1)
	i := m.slot(k)
	return m.vals[i], m.keys[i] == k
}

// add returns k's value, first mapping k to a new list (counted in
// *count) if it has none.
func (m *u64Map) add(k uint64, count *[]int32) int32 {
	l, ok := m.get(k)
	if !ok {
		l = int32(len(*count))
		m.put(k, l)
		*count = append(*count, 0)
	}
	(*count)[l]++
	return l
}

func (m *u64Map) put(k uint64, v int32) {
	k = max(k, 1)
	i := m.slot(k)
	if m.keys[i] == 0 {
		m.used++
	}
	m.keys[i], m.vals[i] = k, v
	if 2*m.used > len(m.keys) {
		old, oldV := m.keys, m.vals
		m.keys, m.vals, m.used = make([]uint64, 2*len(old)), make([]int32, 2*len(old)), 0
		for j, ok := range old {
			if ok != 0 {
				m.put(ok, oldV[j])
			}
		}
	}
}

// rareCap is the longest posting list a query reads for n entries: keys
// carried by more than a fifth of them (at most 200) are too common to
// propose a pair; small calls read every list.
func rareCap(n int) int {
	return max(min(n/5, 200), 64)
}

// blockIDs numbers speaker-key words for one call; 0 is reserved for
// unknown speakers.
type blockIDs map[string]int32

// blocks returns the block ids of a speaker key: one per word.
func (b blockIDs) blocks(key string) []int32 {
	if key == "" {
		return nil
	}
	var out []int32
	for w := range strings.FieldsSeq(key) {
		id, ok := b[w]
		if !ok {
			id = int32(len(b) + 1)
			b[w] = id
		}
		out = append(out, id)
	}
	return out
}

// containsWords reports whether the words of sub occur as a run in s,
// both single-space-separated.
func containsWords(s, sub string) bool {
	if sub == "" {
		return false
	}
	for off := 0; off <= len(s)-len(sub); {
		i := strings.Index(s[off:], sub)
		if i < 0 {
			return false
		}
		i += off
		if (i == 0 || s[i-1] == ' ') && (i+len(sub) == len(s) || s[i+len(sub)] == ' ') {
			return true
		}
		off = i + 1
	}
	return false
}
