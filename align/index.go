package align

import "strings"

// keyIndex is an inverted index from (speaker block, key) to the entries
// carrying that key. A speaker's blocks are the words of its key, so two
// speakers that match (same name, same surname, one name inside the
// other) share a block; entries of unknown speakers sit in block 0, which
// every query also reads. Posting lists are stored end to end (CSR).
type keyIndex struct {
	ids   map[uint64]int32 // blockKey → list id
	off   []int32          // list l is post[off[l]:off[l+1]]
	post  []int32
	stamp []int32 // per entry: the last query (epoch) that reached it
	epoch int32
}

// blockKey mixes a block id into a key. A collision only adds a
// candidate, which the caller screens anyway.
func blockKey(block int32, key uint64) uint64 {
	return key ^ (uint64(block)+1)*0x9E3779B97F4A7C15
}

// buildKeyIndex indexes entries 0..n-1; entry e carries keys(e) (sorted,
// without repeats) in blocks(e) (nil: unknown speaker); skip(e) leaves
// an entry out.
func buildKeyIndex(n int, blocks func(int) []int32, keys func(int) []uint64, skip func(int) bool) *keyIndex {
	x := &keyIndex{stamp: make([]int32, n)}
	total := 0
	for e := range n {
		if !skip(e) {
			total += len(keys(e)) * max(1, len(blocks(e)))
		}
	}
	x.ids = make(map[uint64]int32, total/2)
	// Pass 1: list ids per (entry, block, key), and list sizes.
	lists := make([]int32, 0, total)
	var count []int32
	each := func(e int, f func(bk uint64)) {
		bs := blocks(e)
		for _, key := range keys(e) {
			if len(bs) == 0 {
				f(blockKey(0, key))
			}
			for _, b := range bs {
				f(blockKey(b, key))
			}
		}
	}
	for e := range n {
		if skip(e) {
			continue
		}
		each(e, func(bk uint64) {
			l, ok := x.ids[bk]
			if !ok {
				l = int32(len(count))
				x.ids[bk] = l
				count = append(count, 0)
			}
			count[l]++
			lists = append(lists, l)
		})
	}
	// Pass 2: offsets, then fill in entry order (lists come out sorted).
	x.off = make([]int32, len(count)+1)
	for l, c := range count {
		x.off[l+1] = x.off[l] + c
	}
	x.post = make([]int32, len(lists))
	fill := append([]int32(nil), x.off[:len(count)]...)
	k := 0
	for e := range n {
		if skip(e) {
			continue
		}
		each(e, func(uint64) {
			l := lists[k]
			k++
			x.post[fill[l]] = int32(e)
			fill[l]++
		})
	}
	return x
}

// query appends to dst, once each, the entries that share with the given
// blocks (and the unknown-speaker block) one of keys whose list holds at
// most limit entries: a key that common says nothing about a match.
func (x *keyIndex) query(dst []int32, blocks []int32, keys []uint64, limit int) []int32 {
	x.epoch++
	q := x.epoch
	scan := func(b int32) {
		for _, key := range keys {
			l, ok := x.ids[blockKey(b, key)]
			if !ok {
				continue
			}
			ps := x.post[x.off[l]:x.off[l+1]]
			if len(ps) > limit {
				continue
			}
			for _, e := range ps {
				if x.stamp[e] != q {
					x.stamp[e] = q
					dst = append(dst, e)
				}
			}
		}
	}
	scan(0)
	for _, b := range blocks {
		scan(b)
	}
	return dst
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
