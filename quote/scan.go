package quote

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/ascii"
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
	if uint32(r) < utf8.RuneSelf {
		return asciiClass[r] == aWord || asciiClass[r] == aUpper
	}
	return wordRuneBeyondASCII(r)
}

func wordRuneBeyondASCII(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// tokenizer tokenizes the paragraphs of one article.
type tokenizer struct {
	toks []tok
	// The lower-cased forms of words with capitals, end to end, and
	// where each goes; setLows makes them one string.
	lows []byte
	fix  []lowered
}

// lowered is the lower-cased form of token tok: lows[start:end].
type lowered struct{ tok, start, end int }

func (t *tokenizer) reset() {
	t.toks, t.lows, t.fix = t.toks[:0], t.lows[:0], t.fix[:0]
}

// setLows fills in the lower-cased form of the words with capitals.
func (t *tokenizer) setLows() {
	if len(t.fix) == 0 {
		return
	}
	lows := string(t.lows)
	for _, x := range t.fix {
		t.toks[x.tok].low = lows[x.start:x.end]
	}
}

// ASCII classes: white space, punctuation, capitals, and lower-case
// letters and digits (aWord).
const (
	aWord = iota
	aSpace
	aPunct
	aUpper
)

var asciiClass = func() (t [128]uint8) {
	for c := range t {
		switch {
		case c >= 'A' && c <= 'Z':
			t[c] = aUpper
		case c >= 'a' && c <= 'z' || c >= '0' && c <= '9':
			t[c] = aWord
		case unicode.IsSpace(rune(c)):
			t[c] = aSpace
		default:
			t[c] = aPunct
		}
	}
	return
}()

// wordByte marks the ASCII lower-case letters and digits, which continue
// a word whatever comes next.
var wordByte = func() (t [256]bool) {
	for c := 'a'; c <= 'z'; c++ {
		t[c] = true
	}
	for c := '0'; c <= '9'; c++ {
		t[c] = true
	}
	return
}()

// endsWord marks the ASCII bytes that end a word whatever follows: not
// letters or digits, nor joiners ('.', '\”, '-', '&').
var endsWord = func() (t [256]bool) {
	for c := range 128 {
		t[c] = asciiClass[c] == aSpace || asciiClass[c] == aPunct && !strings.ContainsRune(".'-&", rune(c))
	}
	return
}()

// paragraph appends the tokens of all[lo:hi]; segs are the paragraph's
// quotation segments ordered by opening mark. Words with capitals have
// their lower-cased form (low) once setLows has run.
func (t *tokenizer) paragraph(all string, lo, hi int, segs []segment) {
	raw := all[:hi]
	si := 0
	next := hi // where segs[si] opens
	if len(segs) > 0 {
		next = segs[0].open
	}
	for i := lo; i < len(raw); {
		c := raw[i]
		if c == ' ' {
			i++
			continue
		}
		if i >= next {
			for si < len(segs) && segs[si].open < i {
				si++
			}
			next = hi
			if si < len(segs) {
				next = segs[si].open
			}
			if next == i {
				i = t.quotation(all, hi, i, si, segs[si])
				si++
				next = hi
				if si < len(segs) {
					next = segs[si].open
				}
				continue
			}
		}
		if c >= utf8.RuneSelf {
			i = t.beyondASCII(raw, i)
			continue
		}
		switch cl := asciiClass[c]; cl {
		case aSpace:
			i++
		case aPunct:
			t.toks = append(t.toks, tok{s: i, e: i + 1, kind: tPunct, low: raw[i : i+1], cue: -1})
			i++
		default:
			i = t.word(raw, i, 1, cl == aUpper)
		}
	}
}

// quotation appends the token of segment si, sg, opening at i, and
// returns where it ends: its closing mark, else the paragraph's end hi.
func (t *tokenizer) quotation(all string, hi, i, si int, sg segment) int {
	end := hi
	if sg.close >= 0 {
		_, _, w := markAt(all, sg.close)
		end = sg.close + w
	}
	t.toks = append(t.toks, tok{s: i, e: end, kind: tQuote, seg: si, cue: -1})
	return end
}

// beyondASCII reads the token of raw starting with the rune at i, beyond
// ASCII, and returns where the next starts.
func (t *tokenizer) beyondASCII(raw string, i int) int {
	r, w := utf8.DecodeRuneInString(raw[i:])
	if unicode.IsSpace(r) {
		return i + w
	}
	if !isWordRune(r) {
		t.toks = append(t.toks, tok{s: i, e: i + w, kind: tPunct, low: raw[i : i+w], cue: -1})
		return i + w
	}
	return t.word(raw, i, w, unicode.IsUpper(r))
}

// word appends the word starting at i of raw, its first rune w bytes
// wide and a capital when upper, and returns where it ends.
func (t *tokenizer) word(raw string, i, w int, upper bool) int {
	j, anyUpper := i+w, upper
	for j < len(raw) && wordByte[raw[j]] {
		j++
	}
	// A comma between groups of digits is inside the number: "1,200".
	for isDigit(raw[i]) && j+3 < len(raw) && raw[j] == ',' && isDigit(raw[j-1]) &&
		isDigit(raw[j+1]) && isDigit(raw[j+2]) && isDigit(raw[j+3]) && (j+4 == len(raw) || !isDigit(raw[j+4])) {
		j += 4
	}
	if j < len(raw) && !endsWord[raw[j]] {
		var more bool
		j, more = wordEnd(raw, i, j)
		anyUpper = anyUpper || more
	}
	low := raw[i:j]
	period := j < len(raw) && raw[j] == '.'
	var wi wordInfo
	var abbr bool
	if anyUpper {
		start := len(t.lows)
		t.lows = ascii.AppendLower(t.lows, low)
		t.fix = append(t.fix, lowered{tok: len(t.toks), start: start, end: len(t.lows)})
		low = "" // set by setLows
		wi, abbr = lookup(string(t.lows[start:]), period)
	} else {
		wi, abbr = lookup(low, period)
	}
	// A trailing period belongs to abbreviations: Mr., U.S., single initials.
	if period && (abbr || j-i == 1 && upper) {
		j++
	}
	t.toks = append(t.toks, tok{s: i, e: j, kind: tWord, low: low, cap: upper, f: wi.f, cue: wi.cue})
	return j
}

// wordEnd returns where the word starting at i, its first rune ending at
// j, ends in raw, and whether it has capitals after the first rune.
func wordEnd(raw string, i, j int) (int, bool) {
	anyUpper := false
	for j < len(raw) {
		c := raw[j]
		if wordByte[c] {
			j++
			continue
		}
		if c < 0x80 {
			if c >= 'A' && c <= 'Z' {
				anyUpper = true
				j++
				continue
			}
			// internal joiners: U.S, don't, well-known, AT&T
			if (c == '.' || c == '\'' || c == '-' || c == '&') && j+1 < len(raw) {
				nr, _ := utf8.DecodeRuneInString(raw[j+1:])
				// A period joins only initials ("U.S", "H.W") and digits
				// ("56.5"), not sentences glued without a space
				// ("reply.Mr").
				decimal := c == '.' && isDigit(raw[j-1]) && isDigit(raw[j+1])
				if isWordRune(nr) && (decimal || !(c == '.' && (unicode.IsLower(nr) || !initial(raw, i, j)))) {
					j++
					continue
				}
			}
			break
		}
		r2, w2 := utf8.DecodeRuneInString(raw[j:])
		if isWordRune(r2) {
			if unicode.IsUpper(r2) {
				anyUpper = true
			}
			j += w2
			continue
		}
		if r2 == '’' && j+w2 < len(raw) {
			nr, _ := utf8.DecodeRuneInString(raw[j+w2:])
			if unicode.IsLetter(nr) {
				j += w2
				continue
			}
		}
		break
	}
	return j, anyUpper
}

// sentenceEnds returns, for tokens toks, the indices where sentences end
// (exclusive), appended to dst.
func sentenceEnds(dst []int, toks []tok, raw string) []int {
	for i := 0; i < len(toks); i++ {
		t := &toks[i]
		// A quotation that closes on a period, then a capital: “… a
		// liar.” However, he …
		if t.kind == tQuote && i+1 < len(toks) && toks[i+1].kind == tWord && toks[i+1].cap && closesSentence(raw[t.s:t.e]) {
			dst = append(dst, i+1)
			continue
		}
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
		n := &toks[j]
		digit := n.kind == tWord && n.low[0] >= '0' && n.low[0] <= '9'
		if digit && j == i+1 && i > 0 && monthAbbrs[toks[i-1].low] {
			continue // "on Jan. 12"
		}
		if n.cap || n.kind == tQuote || digit {
			dst = append(dst, j)
			i = j - 1
		}
	}
	return append(dst, len(toks))
}

// monthAbbrs are months abbreviated before a day: "Jan. 12".
var monthAbbrs = set("jan feb mar apr jun jul aug sep sept oct nov dec")

// initial reports whether raw[i:j] ends in a one-letter piece ("U", "U.S").
func initial(raw string, i, j int) bool {
	k := j - 1
	for k > i && raw[k-1] != '.' {
		k--
	}
	return j-k == 1
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// closesSentence reports whether a quotation's text ends with a sentence's
// end inside its closing marks: “… a liar.”
func closesSentence(q string) bool {
	q = strings.TrimRightFunc(q, func(r rune) bool {
		return unicode.Is(unicode.Pf, r) || unicode.Is(unicode.Pi, r) || unicode.Is(unicode.Pe, r) || r == '"' || r == '\'' || r == '»'
	})
	return strings.HasSuffix(q, ".") || strings.HasSuffix(q, "!") || strings.HasSuffix(q, "?")
}
