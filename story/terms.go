package story

import (
	"encoding/binary"
	"math/rand/v2"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/ascii"
)

// stopwords are English function words and reporting verbs that say
// nothing about which happening an article reports.
var stopwords = newWordSet([]string{
	"a", "about", "above", "after", "again", "against", "all", "also", "although", "am", "among", "an", "and",
	"another", "any", "are", "around", "as", "at", "be", "because", "been", "before", "being", "below",
	"between", "both", "but", "by", "can", "could", "did", "do", "does", "doing", "down", "during", "each",
	"even", "ever", "every", "few", "for", "from", "further", "had", "has", "have", "having", "he", "her",
	"here", "hers", "herself", "him", "himself", "his", "how", "however", "i", "if", "in", "into", "is", "it",
	"its", "itself", "just", "last", "least", "less", "like", "made", "make", "many", "may", "me", "might",
	"more", "most", "much", "must", "my", "myself", "near", "never", "new", "next", "no", "nor", "not", "now",
	"of", "off", "on", "once", "one", "only", "or", "other", "others", "our", "ours", "ourselves", "out",
	"over", "own", "per", "rather", "same", "say", "says", "said", "saying", "see", "seen", "she", "should",
	"since", "so", "some", "still", "such", "than", "that", "the", "their", "theirs", "them", "themselves",
	"then", "there", "these", "they", "this", "those", "though", "through", "to", "too", "told", "under",
	"until", "up", "upon", "us", "very", "was", "we", "were", "what", "when", "where", "whether", "which",
	"while", "who", "whom", "whose", "why", "will", "with", "within", "without", "would", "yet", "you",
	"your", "yours", "yourself", "two", "three", "first", "second", "year", "years", "week", "weeks",
	"day", "days", "month", "months", "time", "times", "today", "yesterday", "tomorrow", "monday",
	"tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
	"april", "june", "july", "august", "september", "october", "november", "december", "mr", "mrs",
	"ms", "dr", "get", "got", "go", "going", "went", "come", "came", "take", "took", "well", "back",
	"way", "people", "according", "added", "asked", "called", "including", "think", "know", "want",
	"really", "thing", "things", "lot", "going", "told", "tell", "statement", "news", "reported", "report",
})

// wordSet is a fixed set of words: an open-addressing hash table keyed by
// hashWord, so that a word hashed once is looked up here and counted.
type wordSet struct {
	slots  []string // a power of two of them; "" is empty
	bits   int      // log2 len(slots)
	maxLen int      // of the longest word
}

func newWordSet(words []string) *wordSet {
	s := &wordSet{bits: 1}
	for 1<<s.bits < 4*len(words) {
		s.bits++
	}
	s.slots = make([]string, 1<<s.bits)
	mask := uint64(len(s.slots) - 1)
	for _, w := range words {
		s.maxLen = max(s.maxLen, len(w))
		i := slot(hashWord([]byte(w)), s.bits)
		for s.slots[i] != "" && s.slots[i] != w {
			i = (i + 1) & mask
		}
		s.slots[i] = w
	}
	return s
}

// has reports whether w, of hash h, is in s.
func (s *wordSet) has(w []byte, h uint64) bool {
	if len(w) > s.maxLen {
		return false
	}
	mask := uint64(len(s.slots) - 1)
	for i := slot(h, s.bits); s.slots[i] != ""; i = (i + 1) & mask {
		if s.slots[i] == string(w) {
			return true
		}
	}
	return false
}

// hashSeed seeds hashWord, so that no text can be written to collide in
// the tables of every run.
var hashSeed = rand.Uint64()

// hashWord hashes w eight bytes at a time.
func hashWord(w []byte) uint64 {
	h := hashSeed ^ uint64(len(w))
	for len(w) >= 8 {
		h = mix(h ^ binary.LittleEndian.Uint64(w))
		w = w[8:]
	}
	var tail uint64
	for i, b := range w {
		tail |= uint64(b) << (8 * i)
	}
	return mix(h ^ tail)
}

// mix is the finalizer of SplitMix64: every input bit affects every output bit.
func mix(z uint64) uint64 {
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

// slot is the index of hash h in a table of 2^bits slots.
func slot(h uint64, bits int) uint64 {
	return h >> (64 - bits)
}

// termScanner reads the words of a text, like a bufio.Scanner: scan
// yields each word of three bytes or more, lower-cased, without its
// possessive s, numbers skipped; next yields the content terms among them,
// plural s removed and stopwords skipped.
type termScanner struct {
	text string
	i    int
	// word is the current word or term, valid until the next call; its
	// memory is reused, and may be set before the first call.
	word []byte
}

// scan advances to the next word and reports whether there is one.
func (s *termScanner) scan() bool {
	text, i := s.text, s.i
	w := s.word[:0]
	digits := false
	for i < len(text) {
		b := text[i]
		if l := ascii.LowerAlnum[b]; l != 0 {
			// the common case: an ASCII letter or digit
			w = append(w, l)
			digits = digits || b <= '9'
			i++
			continue
		}
		c, size := rune(b), 1
		if b >= utf8.RuneSelf {
			c, size = utf8.DecodeRuneInString(text[i:])
		}
		i += size
		if c >= utf8.RuneSelf && unicode.IsLetter(c) {
			w = utf8.AppendRune(w, unicode.ToLower(c))
			continue
		}
		if (c == '\'' || c == '’') && len(w) > 0 {
			// "Russia's" → "russia": drop the possessive
			if i < len(text) && (text[i] == 's' || text[i] == 'S') && (i+1 == len(text) || !isWordByte(text[i+1])) {
				i++
			}
		}
		if !digits && len(w) >= 3 {
			s.i, s.word = i, w
			return true
		}
		w, digits = w[:0], false
	}
	s.i, s.word = i, w
	return !digits && len(w) >= 3
}

// next advances to the next term and reports whether there is one.
func (s *termScanner) next() bool {
	for s.scan() {
		if !stopwords.has(s.word, hashWord(s.word)) {
			s.word = stem(s.word)
			return true
		}
	}
	return false
}

func isWordByte(b byte) bool {
	return ascii.LowerAlnum[b] != 0 || b >= utf8.RuneSelf
}

// stem strips a plural s: "guarantees" → "guarantee", not "press" or "bus".
func stem(w []byte) []byte {
	switch n := len(w); plural(w) {
	case 1:
		return w[:n-1]
	case 3: // "policies" → "policy"
		return append(w[:n-3], 'y')
	}
	return w
}

// plural returns the length of the plural ending stem removes from w: 0,
// 1 for an s, 3 for an ies that becomes y.
func plural(w []byte) int {
	n := len(w)
	if n > 4 && w[n-1] == 's' && w[n-2] != 's' && w[n-2] != 'u' && w[n-2] != 'i' {
		if n > 5 && w[n-2] == 'e' && w[n-3] == 'i' {
			return 3
		}
		return 1
	}
	return 0
}
