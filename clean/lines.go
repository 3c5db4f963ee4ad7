package clean

import (
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/ascii"
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

// splitUnits cuts raw into line units, or block units when wrapped,
// appending them to units[:0].
func splitUnits(raw string, units []unit) []unit {
	units = units[:0]
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

// indexByteFrom returns the index of the first c in s from from on, or len(s).
func indexByteFrom(s string, c byte, from int) int {
	if i := strings.IndexByte(s[from:], c); i >= 0 {
		return from + i
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
// another line of the same block end without sentence punctuation, no
// such line is long, and few end early, where the next line's first word
// would still have fitted (a page's header or comment rows do).
func wrapped(raw string, units []unit) bool {
	cont, open, long, width := 0, 0, 0, 0
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
		width = max(width, utf8.RuneCountInString(raw[units[i].start:units[i].end]))
		if !endsSentence(lastRune(raw[units[i].start:units[i].end])) {
			open++
		}
	}
	if cont < 3 || open*2 < cont || long*2 < cont {
		return false
	}
	early := 0
	for i := 0; i+1 < len(units); i++ {
		if units[i].blankAfter {
			continue
		}
		n := utf8.RuneCountInString(raw[units[i].start:units[i].end])
		next := raw[units[i+1].start:units[i+1].end]
		if k := strings.IndexFunc(next, spaceRune); k >= 0 {
			next = next[:k]
		}
		if n+1+utf8.RuneCountInString(next) < width-2 {
			early++
		}
	}
	return early*4 <= cont
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

// measure returns the shape features of a unit's text.
func measure(s string) feats {
	var m measurer
	m.prev, m.prev2 = ' ', ' '
	for i := 0; i < len(s); {
		// Eight printable ASCII characters at once.
		if len(s)-i >= 8 {
			if x := ascii.Load64(s, i); x&ascii.HighBits == 0 && ascii.InRange(x, 0, 0x1f) == 0 {
				m.printable8(x)
				i += 8
				continue
			}
		}
		i = m.step(s, i)
	}
	return m.result(s)
}

// result is what m counted over s.
func (m *measurer) result(s string) feats {
	f := m.f
	f.script[scLatin] += int32(m.latin)
	f.first, _ = utf8.DecodeRuneInString(s)
	for k := 1; k < nScripts; k++ {
		if f.script[k] > f.script[f.main] {
			f.main = k
		}
	}
	f.terminal = lastRune(s)
	return f
}

// measurer counts a text's features as measure reads it.
type measurer struct {
	f           feats
	latin       int  // ASCII letters
	inWord      bool // the last character was not a space
	prev, prev2 byte // the last two characters: ' ' for a space, tab or line break, 0x80 for others beyond ASCII
}

// step reads the character at i of s and returns where the next starts.
func (m *measurer) step(s string, i int) int {
	f := &m.f
	c := s[i]
	if c < utf8.RuneSelf {
		switch {
		case c == ' ' || c >= '\t' && c <= '\r':
			m.inWord = false
		case c|0x20 >= 'a' && c|0x20 <= 'z':
			f.nonSpace++
			f.letters++
			m.latin++
			upper := c <= 'Z'
			if !m.inWord {
				m.inWord = true
				f.words++
				if upper {
					f.capWords++
				} else {
					f.lowerWords++
				}
			}
			if upper && m.prev == ' ' && (m.prev2 == '.' || m.prev2 == '!' || m.prev2 == '?') {
				f.sentBreak = true
			}
		default:
			f.nonSpace++
			if !m.inWord {
				m.inWord = true
				f.words++
			}
			if c >= '0' && c <= '9' {
				f.digits++
			}
		}
		m.prev2, m.prev = m.prev, c
		if c == '\t' || c == '\n' || c == '\r' {
			m.prev = ' '
		}
		return i + 1
	}
	r, n := utf8.DecodeRuneInString(s[i:])
	if spaceRune(r) {
		m.inWord = false
		m.prev2, m.prev = m.prev, ' '
		return i + n
	}
	f.nonSpace++
	if !m.inWord {
		m.inWord = true
		f.words++
		if unicode.IsUpper(r) {
			f.capWords++
		} else if unicode.IsLower(r) {
			f.lowerWords++
		}
	}
	if unicode.IsLetter(r) {
		f.letters++
		f.script[scriptOf(r)]++
		if m.prev == ' ' && (m.prev2 == '.' || m.prev2 == '!' || m.prev2 == '?') && unicode.IsUpper(r) {
			f.sentBreak = true
		}
	} else if r >= '0' && r <= '9' {
		f.digits++
	}
	m.prev2, m.prev = m.prev, 0x80
	return i + n
}

// printable8 reads eight printable ASCII characters, x, as step would one
// by one.
func (m *measurer) printable8(x uint64) {
	f := &m.f
	space := ascii.InRange(x, ' ', ' ')
	letter := ascii.InRange(x|0x2020202020202020, 'a', 'z')
	upper := ascii.InRange(x, 'A', 'Z')
	f.nonSpace += 8 - bits.OnesCount64(space)
	n := bits.OnesCount64(letter)
	f.letters += n
	m.latin += n
	if digit := ascii.InRange(x, '0', '9'); digit != 0 {
		f.digits += bits.OnesCount64(digit)
	}
	// A word starts at a character that is not a space after one that is.
	after := space<<8 | ascii.HighBits>>56
	if m.inWord {
		after = space << 8
	}
	if start := after &^ space; start != 0 {
		f.words += bits.OnesCount64(start)
		f.capWords += bits.OnesCount64(start & upper)
		f.lowerWords += bits.OnesCount64(start & letter &^ upper)
	}
	if !f.sentBreak && upper != 0 {
		// A capital after a space after . ! or ?
		sp := space << 8
		if m.prev == ' ' {
			sp |= 0x80
		}
		term := (ascii.InRange(x, '.', '.') | ascii.InRange(x, '!', '!') | ascii.InRange(x, '?', '?')) << 16
		if isTerm(m.prev2) {
			term |= 0x80
		}
		if isTerm(m.prev) {
			term |= 0x8000
		}
		f.sentBreak = upper&sp&term != 0
	}
	m.inWord = space>>56 == 0
	m.prev2, m.prev = byte(x>>48), byte(x>>56)
}

func isTerm(c byte) bool { return c == '.' || c == '!' || c == '?' }

// lineSpace marks the spaces that separate words on a line.
var lineSpace = [256]bool{' ': true, '\t': true, '\n': true, '\r': true}

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
