package textproc

import (
	"unicode"
	"unicode/utf8"
)

// foldHash returns the FNV-1a hash of s lower-cased (ASCII fast path).
func foldHash(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x80 {
			// Lower-case the rune and hash its UTF-8 bytes, as the
			// lower-case key's bytes were hashed.
			r, n := utf8.DecodeRuneInString(s[i:])
			var buf [utf8.UTFMax]byte
			m := utf8.EncodeRune(buf[:], unicode.ToLower(r))
			if r == utf8.RuneError {
				m = copy(buf[:], s[i:i+n])
			}
			for _, b := range buf[:m] {
				h ^= uint64(b)
				h *= 1099511628211
			}
			i += n
			continue
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		h ^= uint64(c)
		h *= 1099511628211
		i++
	}
	return h
}

func plainHash(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

// hashTable maps word hashes to flags with open addressing. Keys are
// 32-bit fingerprints; with the slot index that leaves a false match on
// an absent word at odds of about one in 2^40.
type hashTable struct {
	mask uint64
	keys []uint32
	vals []uint32
}

func newHashTable(n int) *hashTable {
	size := 16
	for size < n*2 {
		size <<= 1
	}
	return &hashTable{mask: uint64(size - 1), keys: make([]uint32, size), vals: make([]uint32, size)}
}

func fingerprint(h uint64) uint32 { return uint32(h>>32) | 1 }

// or sets flags f on hash h.
func (t *hashTable) or(h uint64, f uint32) {
	fp := fingerprint(h)
	for i := h & t.mask; ; i = (i + 1) & t.mask {
		switch t.keys[i] {
		case 0:
			t.keys[i], t.vals[i] = fp, f
			return
		case fp:
			t.vals[i] |= f
			return
		}
	}
}

// get returns the flags of hash h, 0 when absent.
func (t *hashTable) get(h uint64) uint32 {
	fp := fingerprint(h)
	for i := h & t.mask; ; i = (i + 1) & t.mask {
		switch t.keys[i] {
		case 0:
			return 0
		case fp:
			return t.vals[i]
		}
	}
}

// wordSet64 is a small fixed-size set of word hashes for one document,
// with no allocation; when full it stops adding (a missed word only
// weakens evidence, never breaks an invariant).
type wordSet64 struct {
	n    int
	keys [2048]uint64
}

func (s *wordSet64) add(h uint64) {
	if h == 0 {
		h = 1
	}
	if s.n >= len(s.keys)*3/4 {
		return
	}
	for i := h & uint64(len(s.keys)-1); ; i = (i + 1) & uint64(len(s.keys)-1) {
		switch s.keys[i] {
		case 0:
			s.keys[i] = h
			s.n++
			return
		case h:
			return
		}
	}
}

func (s *wordSet64) has(h uint64) bool {
	if h == 0 {
		h = 1
	}
	for i := h & uint64(len(s.keys)-1); ; i = (i + 1) & uint64(len(s.keys)-1) {
		switch s.keys[i] {
		case 0:
			return false
		case h:
			return true
		}
	}
}

func (s *wordSet64) clear() {
	if s.n > 0 {
		clear(s.keys[:])
		s.n = 0
	}
}
