package quote

import (
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/ascii"
)

// segment is one quotation-mark pair inside a paragraph: open and close
// are the byte offsets of the marks (close == -1 when the paragraph ends
// before a closing mark), in and out the content boundaries.
type segment struct {
	open, close int // mark positions; close -1 when unclosed
	in, out     int // content [in, out)
	single      bool
}

// mark classes
const (
	mNone = iota
	mDouble
	mSingle
)

// markAt classifies the rune at s[i]: its class, its glyph bias
// (+1 opener, -1 closer, 0 either) and its width.
func markAt(s string, i int) (class, bias, w int) {
	c := s[i]
	if c == '"' {
		return mDouble, 0, 1
	}
	if c == '\'' {
		// Two apostrophes stand for a double mark in some archives ('').
		if i+1 < len(s) && s[i+1] == '\'' {
			return mDouble, 0, 2
		}
		return mSingle, 0, 1
	}
	if c < 0x80 {
		return mNone, 0, 1
	}
	r, w := utf8.DecodeRuneInString(s[i:])
	switch r {
	case '“', '„', '«', '‟':
		return mDouble, 1, w
	case '”', '»':
		return mDouble, -1, w
	case '‘', '‚', '‹', '‛':
		return mSingle, 1, w
	case '’', '›':
		return mSingle, -1, w
	}
	return mNone, 0, w
}

func runeBefore(s string, i, lo int) rune {
	if i <= lo {
		return ' '
	}
	r, _ := utf8.DecodeLastRuneInString(s[lo:i])
	return r
}

func runeAfter(s string, i, hi int) rune {
	if i >= hi {
		return ' '
	}
	r, _ := utf8.DecodeRuneInString(s[i:hi])
	return r
}

// openSide reports whether the rune before a mark lets it open a quote.
func openSide(r rune) bool {
	return unicode.IsSpace(r) || r == '(' || r == '[' || r == '—' || r == '–' || r == '-' || r == '/' || r == ':' || r == '{'
}

// flank tells whether a mark at [i,i+w) within [lo,hi) can open (+1),
// close (-1) or either (0) judging by its neighbours.
func flank(s string, i, w, lo, hi int) int {
	b, a := runeBefore(s, i, lo), runeAfter(s, i+w, hi)
	// A mark before a comma or a full stop closes, even after a space
	// (« … », as French typography spaces it).
	canOpen := openSide(b) && !unicode.IsSpace(a) && !closePunct(a)
	canClose := !unicode.IsSpace(b) && (unicode.IsSpace(a) || unicode.IsPunct(a) || a == ' ')
	switch {
	case canOpen && !canClose:
		return 1
	case canClose && !canOpen:
		return -1
	}
	return 0
}

// closePunct reports punctuation that follows a quotation, never starts one.
func closePunct(r rune) bool {
	switch r {
	case ',', '.', ';', ':', '!', '?', ')', ']', '}':
		return true
	}
	return false
}

// markByte flags the bytes that can start a quotation mark: '"', '\”,
// and the lead bytes of « » (0xC2) and the typographic marks (0xE2).
var markByte = [256]bool{'"': true, '\'': true, 0xC2: true, 0xE2: true}

// maybeMark reports whether a byte of x is '"', '\” or beyond ASCII, a
// superset of markByte.
func maybeMark(x uint64) bool {
	return x&ascii.HighBits != 0 || ascii.HasZero(x^'"'*ascii.LowBits) || ascii.HasZero(x^'\''*ascii.LowBits)
}

// mark is one quotation mark found in a paragraph.
type mark struct {
	pos, w int
	class  int
	bias   int
}

// scanMarks appends to dst the quotation segments of the paragraph
// s[lo:hi]. Double marks pair first; single marks pair only outside
// double-quoted text (or around it, British style). marks is scratch.
func scanMarks(dst []segment, marks []mark, s string, lo, hi int) ([]segment, []mark) {
	marks = marks[:0]
	for i := lo; i < hi; i++ {
		// Eight bytes at a time past text with no byte that can start a mark.
		for hi-i >= 8 && !maybeMark(ascii.Load64(s, i)) {
			i += 8
		}
		if i >= hi {
			break
		}
		if !markByte[s[i]] {
			continue
		}
		class, bias, w := markAt(s[:hi], i)
		if class != mNone {
			marks = append(marks, mark{i, w, class, bias})
			i += w - 1
		}
	}
	if len(marks) == 0 {
		return dst, marks
	}
	start := len(dst)
	openAt, openW, openBias := -1, 0, 0
	for _, m := range marks {
		if m.class != mDouble {
			continue
		}
		i, w, bias := m.pos, m.w, m.bias
		f := flank(s, i, w, lo, hi)
		if openAt < 0 {
			// Opening: a mark that can open, or an ambiguous one whose
			// glyph is not a closer; a closer glued to the next word
			// (".”It is") opens too.
			if f == 1 || (f == 0 && bias >= 0) || (f == 0 && glued(s, i, w, lo, hi)) {
				openAt, openW, openBias = i, w, bias
			}
		} else if f == 1 && (openBias == 0 || bias != -openBias) {
			// A clear opener while open: the earlier quote never closed.
			// (A closing glyph after an opening one, « … » or “ … ”,
			// closes whatever its neighbours say.)
			dst = append(dst, segment{open: openAt, close: -1, in: openAt + openW, out: i})
			openAt, openW, openBias = i, w, bias
		} else {
			dst = append(dst, segment{open: openAt, close: i, in: openAt + openW, out: i})
			openAt = -1
		}
	}
	if openAt >= 0 {
		dst = append(dst, segment{open: openAt, close: -1, in: openAt + openW, out: hi})
	}
	doubles := dst[start:]

	// Single marks outside double quotes.
	insideDouble := func(i int) bool {
		for _, d := range doubles {
			if i >= d.open && i <= d.out {
				return true
			}
		}
		return false
	}
	openAt = -1
	var singles []segment
	for _, m := range marks {
		if m.class != mSingle || insideDouble(m.pos) {
			continue
		}
		i, w, bias := m.pos, m.w, m.bias
		b, a := runeBefore(s, i, lo), runeAfter(s, i+w, hi)
		if openAt < 0 {
			// Opener: after space or bracket, before a letter, not a digit ('90s).
			if openSide(b) && (unicode.IsLetter(a) || a == '"' || a == '“') && bias >= 0 {
				openAt, openW = i, w
			}
		} else if !unicode.IsSpace(b) && !unicode.IsLetter(a) && !unicode.IsDigit(a) && bias <= 0 {
			// Closer: not an apostrophe inside a word.
			singles = append(singles, segment{open: openAt, close: i, in: openAt + openW, out: i, single: true})
			openAt = -1
		}
	}
	if len(singles) == 0 {
		return dst, marks
	}
	// Merge: drop doubles nested inside singles, keep order by position.
	merged := make([]segment, 0, len(doubles)+len(singles))
	for _, d := range doubles {
		nested := false
		for _, sg := range singles {
			if d.open > sg.open && d.out <= sg.out {
				nested = true
			}
		}
		if !nested {
			merged = append(merged, d)
		}
	}
	merged = append(merged, singles...)
	for i := 1; i < len(merged); i++ {
		for j := i; j > 0 && merged[j].open < merged[j-1].open; j-- {
			merged[j], merged[j-1] = merged[j-1], merged[j]
		}
	}
	return append(dst[:start], merged...), marks
}

// glued reports a mark squeezed between a sentence's end and the next
// word with no space (".”It is"): it opens a quotation.
func glued(s string, i, w, lo, hi int) bool {
	b, a := runeBefore(s, i, lo), runeAfter(s, i+w, hi)
	return (b == '.' || b == ',' || b == ';' || b == '?' || b == '!') && unicode.IsUpper(a)
}
