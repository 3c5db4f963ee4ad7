package clean

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// unit is one paragraph candidate: a non-empty line, or a block of lines
// when the text is hard-wrapped.
type unit struct {
	start, end  int // trimmed byte span in Raw
	indent      int // leading whitespace bytes of its first line
	blankBefore bool
	blankAfter  bool
	reason      string // "" while body
	nav         bool   // a navigation line near the top
	cut         int    // when > start, the body ends here and the rest is an end marker
	f           feats
}

// script classes of letters.
const (
	scLatin = iota
	scCyrillic
	scGreek
	scArabic
	scHebrew
	scCJK
	scIndic
	scOther
	nScripts
)

// feats are the shape features of a unit's text.
type feats struct {
	words      int
	capWords   int // words starting with an upper-case letter
	lowerWords int // words starting with a lower-case letter
	letters    int
	digits     int
	nonSpace   int
	script     [nScripts]int32
	main       int  // script with most letters
	first      rune // first rune
	terminal   rune // last rune after stripping closing quotes/brackets
	sentBreak  bool // an internal ". X" sentence boundary
}

// spaceRune reports characters trimmed around lines: Unicode spaces plus
// zero-width characters and the byte-order mark.
func spaceRune(r rune) bool {
	if r < 0x80 {
		return r == ' ' || r >= '\t' && r <= '\r'
	}
	return unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff' || r == '\u2060'
}

// splitUnits cuts raw into line units, or block units when wrapped.
func splitUnits(raw string) []unit {
	units := make([]unit, 0, strings.Count(raw, "\n")/2+2)
	prevBlank := true
	for ls := 0; ls <= len(raw); {
		le := indexByteFrom(raw, '\n', ls)
		s, e := trimSpan(raw, ls, le)
		if s >= e {
			if n := len(units); n > 0 {
				units[n-1].blankAfter = true
			}
			prevBlank = true
		} else {
			indent := 0
			for k := ls; k < s && (raw[k] == ' ' || raw[k] == '\t'); k++ {
				indent++
			}
			units = append(units, unit{start: s, end: e, indent: indent, blankBefore: prevBlank})
			prevBlank = false
		}
		if le >= len(raw) {
			break
		}
		ls = le + 1
	}
	if n := len(units); n > 0 {
		units[n-1].blankAfter = true
	}
	if wrapped(raw, units) {
		units = joinBlocks(units)
	}
	for i := range units {
		units[i].f = measure(raw[units[i].start:units[i].end])
	}
	return units
}

func indexByteFrom(s string, c byte, from int) int {
	for i := from; i < len(s); i++ {
		if s[i] == c {
			return i
		}
	}
	return len(s)
}

// trimSpan narrows [s,e) of raw past surrounding spaces.
func trimSpan(raw string, s, e int) (int, int) {
	for s < e {
		r, n := utf8.DecodeRuneInString(raw[s:e])
		if !spaceRune(r) {
			break
		}
		s += n
	}
	for e > s {
		r, n := utf8.DecodeLastRuneInString(raw[s:e])
		if !spaceRune(r) {
			break
		}
		e -= n
	}
	return s, e
}

// wrapped reports whether the text is hard-wrapped: most lines followed by
// another line of the same block end without sentence punctuation and no
// such line is long.
func wrapped(raw string, units []unit) bool {
	cont, open, long := 0, 0, 0
	for i := 0; i+1 < len(units); i++ {
		if units[i].blankAfter {
			continue
		}
		cont++
		n := units[i].end - units[i].start
		if n > 100 {
			return false
		}
		if n >= 50 {
			long++
		}
		if !endsSentence(lastRune(raw[units[i].start:units[i].end])) {
			open++
		}
	}
	return cont >= 3 && open*2 >= cont && long*2 >= cont
}

// joinBlocks merges units not separated by a blank line.
func joinBlocks(units []unit) []unit {
	out := units[:0]
	for i := 0; i < len(units); i++ {
		u := units[i]
		for !u.blankAfter && i+1 < len(units) {
			i++
			u.end = units[i].end
			u.blankAfter = units[i].blankAfter
		}
		out = append(out, u)
	}
	return out
}

func endsSentence(r rune) bool {
	switch r {
	case '.', '!', '?', '…', ':', '。', '！', '？':
		return true
	}
	return false
}

// closer reports closing quotes and brackets skipped when looking for the
// terminal punctuation of a line.
func closer(r rune) bool {
	switch r {
	case '"', '\'', '”', '’', '»', '›', ')', ']', '」', '』':
		return true
	}
	return false
}

// lastRune is the last rune of s that is not a closing quote or bracket.
func lastRune(s string) rune {
	for len(s) > 0 {
		r, n := utf8.DecodeLastRuneInString(s)
		if !closer(r) && !spaceRune(r) {
			return r
		}
		s = s[:len(s)-n]
	}
	return 0
}

func scriptOf(r rune) int {
	switch {
	case r < 0x250:
		return scLatin
	case r >= 0x370 && r < 0x400:
		return scGreek
	case r >= 0x400 && r < 0x530:
		return scCyrillic
	case r >= 0x590 && r < 0x600:
		return scHebrew
	case r >= 0x600 && r < 0x780 || r >= 0xFB50 && r < 0xFE00 || r >= 0xFE70 && r < 0xFF00:
		return scArabic
	case r >= 0x900 && r < 0xE00:
		return scIndic
	case r >= 0x1E00 && r < 0x2000:
		return scLatin
	case r >= 0x2E80 && r < 0xA000 || r >= 0xAC00 && r < 0xD7B0 || r >= 0xF900 && r < 0xFB00 || r >= 0xFF00 && r < 0xFFF0:
		return scCJK
	}
	return scOther
}

func measure(s string) feats {
	var f feats
	// Counters live in locals so the loop keeps them in registers.
	words, capWords, lowerWords, letters, digits, nonSpace, latin := 0, 0, 0, 0, 0, 0, 0
	sentBreak, inWord := false, false
	var prev, prev2 byte = ' ', ' ' // ASCII view of the last two characters
	for i := 0; i < len(s); {
		c := s[i]
		if c < 0x80 {
			i++
			switch {
			case c == ' ' || c >= '\t' && c <= '\r':
				inWord = false
			case c|0x20 >= 'a' && c|0x20 <= 'z':
				nonSpace++
				letters++
				latin++
				upper := c <= 'Z'
				if !inWord {
					inWord = true
					words++
					if upper {
						capWords++
					} else {
						lowerWords++
					}
				}
				if upper && prev == ' ' && (prev2 == '.' || prev2 == '!' || prev2 == '?') {
					sentBreak = true
				}
			default:
				nonSpace++
				if !inWord {
					inWord = true
					words++
				}
				if c >= '0' && c <= '9' {
					digits++
				}
			}
			prev2, prev = prev, c
			if c == '\t' || c == '\n' || c == '\r' {
				prev = ' '
			}
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		if spaceRune(r) {
			inWord = false
			prev2, prev = prev, ' '
			continue
		}
		nonSpace++
		if !inWord {
			inWord = true
			words++
			if unicode.IsUpper(r) {
				capWords++
			} else if unicode.IsLower(r) {
				lowerWords++
			}
		}
		if unicode.IsLetter(r) {
			letters++
			f.script[scriptOf(r)]++
			if prev == ' ' && (prev2 == '.' || prev2 == '!' || prev2 == '?') && unicode.IsUpper(r) {
				sentBreak = true
			}
		} else if r >= '0' && r <= '9' {
			digits++
		}
		prev2, prev = prev, 0x80
	}
	f.words, f.capWords, f.lowerWords = words, capWords, lowerWords
	f.letters, f.digits, f.nonSpace = letters, digits, nonSpace
	f.script[scLatin] += int32(latin)
	f.sentBreak = sentBreak
	f.first, _ = utf8.DecodeRuneInString(s)
	for k := 1; k < nScripts; k++ {
		if f.script[k] > f.script[f.main] {
			f.main = k
		}
	}
	f.terminal = lastRune(s)
	return f
}

// lower returns s with ASCII letters lower-cased (no copy when already lower).
func lower(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if b[j] >= 'A' && b[j] <= 'Z' {
					b[j] += 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}

// words splits s on spaces into at most max words (no allocation beyond buf).
func words(s string, buf []string, max int) []string {
	out := buf[:0]
	i := 0
	for i < len(s) && len(out) < max {
		for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
			i++
		}
		j := i
		for j < len(s) && s[j] != ' ' && s[j] != '\t' {
			j++
		}
		if j > i {
			out = append(out, s[i:j])
		}
		i = j
	}
	return out
}

// trimPunct strips ASCII and common Unicode punctuation around a word.
func trimPunct(w string) string {
	for len(w) > 0 {
		r, n := utf8.DecodeRuneInString(w)
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			break
		}
		w = w[n:]
	}
	for len(w) > 0 {
		r, n := utf8.DecodeLastRuneInString(w)
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			break
		}
		w = w[:len(w)-n]
	}
	return w
}
