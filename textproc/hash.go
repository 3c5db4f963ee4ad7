package textproc

import (
	"math/bits"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/ascii"
)

// Words are keyed by a hash of their lower-cased UTF-8 bytes, taken
// eight bytes at a time.

const (
	hashSeed = 0x243f6a8885a308d3
	hashMul  = 0x9e3779b97f4a7c15
	highBits = ascii.HighBits
)

// hashStep mixes eight bytes x into h.
func hashStep(h, x uint64) uint64 { return bits.RotateLeft64((h^x)*hashMul, 29) }

// hashEnd finishes h (MurmurHash3's finaliser).
func hashEnd(h uint64) uint64 {
	h ^= h >> 33
	h *= 0xff51afd7ed558ccd
	h ^= h >> 33
	h *= 0xc4ceb9fe1a85ec53
	h ^= h >> 33
	return h
}

// plainHash hashes the bytes of s.
func plainHash[S string | []byte](s S) uint64 {
	h := hashSeed ^ uint64(len(s))
	i := 0
	for ; len(s)-i >= 8; i += 8 {
		h = hashStep(h, ascii.Load64(s, i))
	}
	if i < len(s) {
		var x uint64
		for k := len(s) - 1; k >= i; k-- {
			x = x<<8 | uint64(s[k])
		}
		h = hashStep(h, x)
	}
	return hashEnd(h)
}

// lowerASCII8 lower-cases the ASCII capitals among eight ASCII bytes.
func lowerASCII8(x uint64) uint64 {
	// A byte's high bit is set in a when it is 'A' or more, in b when it
	// is past 'Z'; no byte carries into the next.
	a := x + 0x3f3f3f3f3f3f3f3f
	b := x + 0x2525252525252525
	return x | (a&^b&highBits)>>2
}

// foldHash returns plainHash of raw[start:end] lower-cased. It reads the
// bytes after end, when raw has them, to take a word's last bytes whole.
func foldHash(raw string, start, end int) uint64 {
	// Most words are ASCII, one to seven bytes long, eight bytes from
	// the end of raw or more.
	if n := end - start; n > 0 && n < 8 && len(raw)-start >= 8 {
		if x := ascii.Load64(raw, start) & (1<<(8*n) - 1); x&highBits == 0 {
			return hashEnd(hashStep(hashSeed^uint64(n), lowerASCII8(x)))
		}
	}
	return foldHashLong(raw, start, end)
}

// foldHashLong is foldHash for any word.
func foldHashLong(raw string, start, end int) uint64 {
	h := hashSeed ^ uint64(end-start)
	i := start
	for ; end-i >= 8; i += 8 {
		x := ascii.Load64(raw, i)
		if x&highBits != 0 {
			return foldHashRunes(raw[start:end])
		}
		h = hashStep(h, lowerASCII8(x))
	}
	if i < end {
		var x uint64
		if len(raw)-i >= 8 {
			x = ascii.Load64(raw, i) & (1<<(8*(end-i)) - 1)
		} else {
			for k := end - 1; k >= i; k-- {
				x = x<<8 | uint64(raw[k])
			}
		}
		if x&highBits != 0 {
			return foldHashRunes(raw[start:end])
		}
		h = hashStep(h, lowerASCII8(x))
	}
	return hashEnd(h)
}

// foldHashRunes is foldHash for text beyond ASCII: each rune lower-cased,
// and bytes that are not UTF-8 as they are.
func foldHashRunes(s string) uint64 {
	var buf [64]byte
	b := buf[:0]
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError {
			b = append(b, s[i:i+n]...)
		} else {
			b = utf8.AppendRune(b, unicode.ToLower(r))
		}
		i += n
	}
	return plainHash(b)
}

// hashTable maps word hashes to flags with open addressing. Keys are
// 32-bit fingerprints; with the slot index that leaves a false match on
// an absent word at odds of about one in 2^40.
type hashTable struct {
	mask uint64
	slot []hashSlot
}

// hashSlot keeps a key beside its value: one cache line per probe.
type hashSlot struct{ key, val uint32 }

func newHashTable(n int) *hashTable {
	size := 16
	for size < n*2 {
		size <<= 1
	}
	return &hashTable{mask: uint64(size - 1), slot: make([]hashSlot, size)}
}

func fingerprint(h uint64) uint32 { return uint32(h>>32) | 1 }

// or sets flags f on hash h.
func (t *hashTable) or(h uint64, f uint32) {
	fp := fingerprint(h)
	for i := h & t.mask; ; i = (i + 1) & t.mask {
		s := &t.slot[i]
		switch s.key {
		case 0:
			s.key, s.val = fp, f
			return
		case fp:
			s.val |= f
			return
		}
	}
}

// get returns the flags of hash h, 0 when absent.
func (t *hashTable) get(h uint64) uint32 {
	fp := fingerprint(h)
	for i := h & t.mask; ; i = (i + 1) & t.mask {
		switch s := t.slot[i]; s.key {
		case 0:
			return 0
		case fp:
			return s.val
		}
	}
}

// docWord is one distinct word of a text, lower-cased.
type docWord struct {
	hash      uint64
	flags     uint32 // lexicon flags
	ortho     uint32 // the model's orthographic flags, once orthoDone
	slot      uint32 // its slot in docWords.slots
	orthoDone bool
	lower     bool // the text writes it in lower case
	mid       bool // the text capitalises it inside a sentence
}

// docWords numbers the distinct words of one text by hash; it is reused
// from text to text.
type docWords struct {
	w     []docWord
	slots []int32 // open addressing: index into w plus one, 0 when free
	// Words marked lower or mid; each mark stops at maxMarks words, as a
	// full fixed-size set would (a missed word only weakens evidence).
	nLower, nMid int
}

const maxMarks = 1536

// reset empties the table.
func (t *docWords) reset() {
	for _, w := range t.w {
		t.slots[w.slot] = 0
	}
	t.w = t.w[:0]
	t.nLower, t.nMid = 0, 0
}

// id returns the index of the word with hash h, adding it with its flags
// from lex when new.
func (t *docWords) id(h uint64, lex *hashTable) int32 {
	if 2*len(t.w) >= len(t.slots) {
		t.grow()
	}
	mask := uint64(len(t.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		switch k := t.slots[i]; {
		case k == 0:
			t.w = append(t.w, docWord{hash: h, flags: lex.get(h), slot: uint32(i)})
			t.slots[i] = int32(len(t.w))
			return int32(len(t.w) - 1)
		case t.w[k-1].hash == h:
			return k - 1
		}
	}
}

// grow doubles the slots, keeping them at most half full.
func (t *docWords) grow() {
	t.slots = make([]int32, max(2*len(t.slots), 1024))
	mask := uint64(len(t.slots) - 1)
	for k := range t.w {
		i := t.w[k].hash & mask
		for t.slots[i] != 0 {
			i = (i + 1) & mask
		}
		t.slots[i] = int32(k + 1)
		t.w[k].slot = uint32(i)
	}
}

// markLower records that the text writes word id in lower case.
func (t *docWords) markLower(id int32) {
	if w := &t.w[id]; !w.lower && t.nLower < maxMarks {
		w.lower = true
		t.nLower++
	}
}

// markMid records that the text capitalises word id inside a sentence.
func (t *docWords) markMid(id int32) {
	if w := &t.w[id]; !w.mid && t.nMid < maxMarks {
		w.mid = true
		t.nMid++
	}
}
