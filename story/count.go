package story

import (
	"bytes"
	"encoding/binary"
	"hash/maphash"
	"math/rand/v2"
	"slices"
	"strings"
	"sync"
)

// counter counts the terms of one text. It counts words first, in an
// open-addressing hash table whose keys live in one byte arena, so that a
// repeated word costs one probe; then it folds each distinct word into its
// term, skipping stopwords and merging plurals.
type counter struct {
	arena  []byte
	ents   []entry  // distinct words (then terms), in order of first occurrence
	slots  []int32  // index+1 into ents; 0 is empty
	bits   int      // log2 len(slots)
	buf    []byte   // scratch
	keys   []uint64 // scratch for top
	eslots []int32  // scratch for entities
}

// entry is a distinct word or term: arena[off:off+n].
type entry struct {
	hash   uint64
	prefix uint64 // first 8 bytes, big-endian, zero-padded: unequal ones order terms

	off, n int
	words  int // occurrences as a word
	count  int // occurrences as a term: its own and its plurals', unless a stopword
	stop   bool
}

var counters = sync.Pool{New: func() any { return new(counter) }}

func (c *counter) term(e *entry) []byte { return c.arena[e.off : e.off+e.n] }

// index returns the index of w, of hash h, in c.ents, adding it if absent.
func (c *counter) index(w []byte, h uint64) (k int, added bool) {
	if 2*(len(c.ents)+1) > len(c.slots) {
		c.grow()
	}
	mask := uint64(len(c.slots) - 1)
	for i := slot(h, c.bits); ; i = (i + 1) & mask {
		k := int(c.slots[i]) - 1
		if k < 0 {
			c.ents = append(c.ents, entry{hash: h, off: len(c.arena), n: len(w)})
			c.arena = append(c.arena, w...)
			c.slots[i] = int32(len(c.ents))
			return len(c.ents) - 1, true
		}
		if e := &c.ents[k]; e.hash == h && bytes.Equal(c.term(e), w) {
			return k, false
		}
	}
}

func (c *counter) grow() {
	c.bits = max(c.bits+1, 10)
	c.slots = make([]int32, 1<<c.bits)
	mask := uint64(len(c.slots) - 1)
	for k := range c.ents {
		i := slot(c.ents[k].hash, c.bits)
		for c.slots[i] != 0 {
			i = (i + 1) & mask
		}
		c.slots[i] = int32(k + 1)
	}
}

// count counts the terms of text, leaving in c.ents the terms counted.
func (c *counter) count(text string) {
	s := termScanner{text: text, word: c.buf}
	for s.scan() {
		h := hashWord(s.word)
		k, added := c.index(s.word, h)
		if added {
			c.ents[k].stop = stopwords.has(s.word, h)
		}
		c.ents[k].words++
	}
	// fold the words into terms: stopwords out, plurals into the singular
	t := s.word
	for k, n := 0, len(c.ents); k < n; k++ {
		if c.ents[k].stop {
			continue
		}
		j := k
		if w := c.term(&c.ents[k]); plural(w) != 0 {
			t = stem(append(t[:0], w...))
			j, _ = c.index(t, hashWord(t))
		}
		c.ents[j].count += c.ents[k].words
	}
	c.buf = t
	// keep the terms, with their prefixes
	terms := c.ents[:0]
	for _, e := range c.ents {
		if e.count > 0 {
			var p [8]byte
			copy(p[:], c.term(&e))
			e.prefix = binary.BigEndian.Uint64(p[:])
			terms = append(terms, e)
		}
	}
	c.ents = terms
}

// before reports whether a ranks before b among the terms to keep: more
// frequent, then longer (longer words are rarer), then alphabetical.
func (c *counter) before(a, b *entry) bool {
	if a.count != b.count {
		return a.count > b.count
	}
	if a.n != b.n {
		return a.n > b.n
	}
	if a.prefix != b.prefix {
		return a.prefix < b.prefix
	}
	return bytes.Compare(c.term(a), c.term(b)) < 0
}

// top returns the maxTerms terms ranked first, sorted by term, their
// text in one string.
func (c *counter) top() []TermCount {
	es := c.ents
	if len(es) > maxTerms {
		c.selectFirst(maxTerms)
		es = es[:maxTerms]
	}
	if len(es) == 0 {
		return nil
	}
	// Sort integers rather than strings: the first six bytes of each term
	// (zero padding sorts a shorter term first) with its index packed
	// below them; then whole terms where six bytes tie.
	keys := c.keys[:0]
	for i := range es {
		keys = append(keys, es[i].prefix&^0xffff|uint64(i))
	}
	slices.Sort(keys)
	for i := 0; i < len(keys); {
		j := i + 1
		for j < len(keys) && keys[j]>>16 == keys[i]>>16 {
			j++
		}
		if j-i > 1 {
			slices.SortFunc(keys[i:j], func(a, b uint64) int {
				return bytes.Compare(c.term(&es[a&0xffff]), c.term(&es[b&0xffff]))
			})
		}
		i = j
	}
	c.keys = keys
	text := c.buf[:0]
	for _, k := range keys {
		text = append(text, c.term(&es[k&0xffff])...)
	}
	c.buf = text
	all := string(text)
	out := make([]TermCount, len(keys))
	for i, k := range keys {
		e := &es[k&0xffff]
		out[i] = TermCount{all[:e.n], e.count}
		all = all[e.n:]
	}
	return out
}

// selectFirst reorders c.ents so that the first k are those ranked first,
// in no particular order. It is a quickselect with random pivots: linear
// time expected on any input.
func (c *counter) selectFirst(k int) {
	s := c.ents
	lo, hi := 0, len(s)
	for hi-lo > 1 {
		// s[:lo] rank first; partition s[lo:hi] around a random pivot
		m := lo + rand.IntN(hi-lo)
		s[m], s[hi-1] = s[hi-1], s[m]
		p := &s[hi-1]
		st := lo
		for i := lo; i < hi-1; i++ {
			if c.before(&s[i], p) {
				s[st], s[i] = s[i], s[st]
				st++
			}
		}
		s[st], s[hi-1] = s[hi-1], s[st]
		switch {
		case k < st:
			hi = st
		case k > st+1:
			lo = st + 1
		default:
			return
		}
	}
}

// entities counts the distinct trimmed keys, sorted.
func (c *counter) entities(keys []string) []TermCount {
	var out []TermCount
	bits := 4
	for 1<<bits < 2*len(keys) {
		bits++
	}
	slots := slices.Grow(c.eslots[:0], 1<<bits)[:1<<bits]
	mask := uint64(len(slots) - 1)
	for _, k := range keys {
		if k = strings.TrimSpace(k); k == "" {
			continue
		}
		for i := slot(maphash.String(entitySeed, k), bits); ; i = (i + 1) & mask {
			if j := slots[i] - 1; j < 0 {
				out = append(out, TermCount{k, 1})
				slots[i] = int32(len(out))
				break
			} else if out[j].Term == k {
				out[j].Count++
				break
			}
		}
	}
	clear(slots)
	c.eslots = slots
	slices.SortFunc(out, func(a, b TermCount) int { return strings.Compare(a.Term, b.Term) })
	return out
}

var entitySeed = maphash.MakeSeed()

// titleTerms returns the distinct terms of title, sorted.
func (c *counter) titleTerms(title string) []string {
	var ts []string
	s := termScanner{text: title, word: c.buf}
	for s.next() {
		ts = append(ts, string(s.word))
	}
	c.buf = s.word
	slices.Sort(ts)
	return slices.Compact(ts)
}

// maxKept bounds the tables a pooled counter keeps, so that one long text
// does not make every later one clear a large table.
const maxKept = 1 << 16

// release empties c and returns it to counters.
func (c *counter) release() {
	if len(c.slots) > maxKept || cap(c.eslots) > maxKept {
		*c = counter{}
	}
	clear(c.slots)
	c.arena, c.ents = c.arena[:0], c.ents[:0]
	counters.Put(c)
}
