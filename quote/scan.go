package quote

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

const (
	tWord = iota
	tPunct
	tQuote
)

// tok is one token of a paragraph: a word, a punctuation rune, or a whole
// quotation-mark segment (seg indexes the paragraph's segments).
type tok struct {
	s, e int
	low  string // lower-cased word; the punctuation itself for tPunct
	kind uint8
	cap  bool
	f    uint16 // closed-class flags of the word (fAux, fDet, …)
	cue  int16  // index into cueTab, -1 when not a cue
	seg  int
}

// cueInfo returns the cue entry of the word, if it is one.
func (t tok) cueInfo() (cueInfo, bool) {
	if t.cue < 0 {
		return cueInfo{}, false
	}
	return cueTab[t.cue], true
}

func (t tok) lemma() string {
	c, _ := t.cueInfo()
	return c.lemma
}

func isWordRune(r rune) bool {
	if r < 0x80 {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// tokenize appends the tokens of raw[lo:hi] to dst; segs are the
// paragraph's quotation segments ordered by opening mark. lowRaw is raw
// with ASCII letters lower-cased (same length), so that lower-cased words
// are slices of it rather than new strings.
func tokenize(dst []tok, raw, lowRaw string, lo, hi int, segs []segment) []tok {
	si := 0
	for i := lo; i < hi; {
		for si < len(segs) && segs[si].open < i {
			si++
		}
		if si < len(segs) && segs[si].open == i {
			sg := segs[si]
			end := hi
			if sg.close >= 0 {
				_, _, w := markAt(raw, sg.close)
				end = sg.close + w
			}
			dst = append(dst, tok{s: i, e: end, kind: tQuote, seg: si, cue: -1})
			i = end
			si++
			continue
		}
		c := raw[i]
		if c == ' ' || c == '\n' || c == '\t' || c == '\r' {
			i++
			continue
		}
		r, w := rune(c), 1
		if c >= 0x80 {
			r, w = utf8.DecodeRuneInString(raw[i:hi])
		}
		if unicode.IsSpace(r) {
			i += w
			continue
		}
		if !isWordRune(r) {
			dst = append(dst, tok{s: i, e: i + w, kind: tPunct, low: raw[i : i+w], cue: -1})
			i += w
			continue
		}
		j := i + w
		upper := unicode.IsUpper(r)
		anyUpper := upper
		for j < hi {
			c := raw[j]
			if c < 0x80 {
				if c >= 'a' && c <= 'z' || c >= '0' && c <= '9' {
					j++
					continue
				}
				if c >= 'A' && c <= 'Z' {
					anyUpper = true
					j++
					continue
				}
				// internal joiners: U.S, don't, well-known, AT&T
				if (c == '.' || c == '\'' || c == '-' || c == '&') && j+1 < hi {
					nr, _ := utf8.DecodeRuneInString(raw[j+1 : hi])
					// A period joins only initials ("U.S", "H.W"), not
					// sentences glued without a space ("reply.Mr").
					if isWordRune(nr) && !(c == '.' && (unicode.IsLower(nr) || !initial(raw, i, j))) {
						j++
						continue
					}
				}
				break
			}
			r2, w2 := utf8.DecodeRuneInString(raw[j:hi])
			if isWordRune(r2) {
				if unicode.IsUpper(r2) {
					anyUpper = true
				}
				j += w2
				continue
			}
			if r2 == '’' && j+w2 < hi {
				nr, _ := utf8.DecodeRuneInString(raw[j+w2 : hi])
				if unicode.IsLetter(nr) {
					j += w2
					continue
				}
			}
			break
		}
		low := raw[i:j]
		if anyUpper {
			low = lowRaw[i:j]
		}
		// A trailing period belongs to abbreviations: Mr., U.S., single initials.
		if j < hi && raw[j] == '.' {
			if titleAbbr[low] || (j-i == 1 && upper) || strings.IndexByte(low, '.') > 0 {
				j++
			}
		}
		wi, _ := lookup(low)
		dst = append(dst, tok{s: i, e: j, kind: tWord, low: low, cap: upper, f: wi.f, cue: wi.cue})
		i = j
	}
	return dst
}

// sentenceEnds returns, for tokens toks, the indices where sentences end
// (exclusive), appended to dst.
func sentenceEnds(dst []int, toks []tok) []int {
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if t.kind != tPunct {
			continue
		}
		if t.low != "." && t.low != "!" && t.low != "?" && t.low != "…" {
			continue
		}
		// Swallow closing punctuation runs (".)", "?!").
		j := i + 1
		for j < len(toks) && toks[j].kind == tPunct && (toks[j].low == ")" || toks[j].low == "." || toks[j].low == "!" || toks[j].low == "?") {
			j++
		}
		if j >= len(toks) {
			break
		}
		n := toks[j]
		if n.cap || n.kind == tQuote || (n.kind == tWord && n.low[0] >= '0' && n.low[0] <= '9') {
			dst = append(dst, j)
			i = j - 1
		}
	}
	return append(dst, len(toks))
}

// initial reports whether raw[i:j] ends in a one-letter piece ("U", "U.S").
func initial(raw string, i, j int) bool {
	k := j - 1
	for k > i && raw[k-1] != '.' {
		k--
	}
	return j-k == 1
}

// lowerASCII returns s with ASCII capitals lower-cased; other bytes stay,
// so offsets are unchanged.
func lowerASCII(buf []byte, s string) ([]byte, string) {
	buf = append(buf[:0], s...)
	for i, c := range buf {
		if c >= 'A' && c <= 'Z' {
			buf[i] = c + 32
		}
	}
	return buf, string(buf)
}
