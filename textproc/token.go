package textproc

import (
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax"
)

// TokenKind classifies a token.
type TokenKind uint8

const (
	Word      TokenKind = iota + 1 // letters, with internal apostrophes and hyphens; "U.S." too
	Number                         // 1,500  3.5  1990s  10:30
	Punct                          // any other visible character; "..." and "--" as one token
	QuoteMark                      // a quotation mark of any style, ' included when it is not an apostrophe
)

func (k TokenKind) String() string {
	switch k {
	case Word:
		return "word"
	case Number:
		return "number"
	case Punct:
		return "punct"
	case QuoteMark:
		return "quote"
	}
	return "?"
}

// QuoteSide says whether a quotation mark opens or closes a quotation.
type QuoteSide int8

const (
	QuoteNone  QuoteSide = 0
	QuoteOpen  QuoteSide = 1
	QuoteClose QuoteSide = -1
)

// Token is one token of the text.
type Token struct {
	Span parallax.Span // bytes in Raw
	Kind TokenKind
	Cap  bool // starts with an upper-case letter
	// Side is set for QuoteMark tokens: whether the mark opens or closes,
	// judged from spacing, the mark's shape and the marks open before it
	// in the paragraph.
	Side QuoteSide
	// Double is set for double-style quotation marks (" “ ” « » „).
	Double bool
}

// isSpace reports whether r separates tokens.
func isSpace(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\r', '\v', '\f', 0xA0, 0x200B, 0x200C, 0x200D, 0xFEFF, 0x2028, 0x2029:
		return true
	}
	return r > 0x7f && unicode.IsSpace(r)
}

// quoteStyle reports whether r is a quotation mark, whether it is of the
// double kind, and its natural side when spacing does not tell (0: either).
func quoteStyle(r rune) (ok, double bool, side QuoteSide) {
	switch r {
	case '"', 0xFF02:
		return true, true, QuoteNone
	case '\'':
		return true, false, QuoteNone
	case '“', '„', '«', 0x201F:
		return true, true, QuoteOpen
	case '”', '»', 0x2033:
		return true, true, QuoteClose
	case '‘', '‚', '‹', 0x201B:
		return true, false, QuoteOpen
	case '’', '›':
		return true, false, QuoteClose
	}
	return false, false, QuoteNone
}

func isApos(r rune) bool { return r == '\'' || r == '’' || r == 0x02BC }

func isHyphen(r rune) bool { return r == '-' || r == 0x2010 || r == 0x2011 }

func isLetter(r rune) bool {
	if r < 0x80 {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z'
	}
	return unicode.IsLetter(r)
}

func isDigit(r rune) bool { return '0' <= r && r <= '9' }

func isAlnum(r rune) bool {
	if r < 0x80 {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

func isUpper(r rune) bool {
	if r < 0x80 {
		return 'A' <= r && r <= 'Z'
	}
	return unicode.IsUpper(r) || unicode.IsTitle(r)
}

func isLower(r rune) bool {
	if r < 0x80 {
		return 'a' <= r && r <= 'z'
	}
	return unicode.IsLower(r)
}

// runeAt decodes the rune at i of s (utf8.RuneError, 0 at the end).
func runeAt(s string, i int) (rune, int) {
	if i >= len(s) {
		return utf8.RuneError, 0
	}
	if c := s[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(s[i:])
}

// runeBefore decodes the rune ending at i of s.
func runeBefore(s string, i int) (rune, int) {
	if i <= 0 {
		return utf8.RuneError, 0
	}
	if c := s[i-1]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeLastRuneInString(s[:i])
}

// tokenizer scans one paragraph, raw[start:], appending to toks; raw ends
// where the paragraph does.
type tokenizer struct {
	raw        string
	start      int
	toks       []Token
	lx         *lexer // looks up each token's word
	openDouble int    // double quotations open in the paragraph
	openSingle int
}

func (t *tokenizer) scan() {
	s := t.raw
	i := t.start
	for i < len(s) {
		if c := s[i]; c == ' ' || c == '\n' {
			i++
			continue
		}
		if asciiAlnum[s[i]] && s[i] > '9' {
			i = t.word(i)
			continue
		}
		r, n := runeAt(s, i)
		if n == 0 {
			break
		}
		switch {
		case isSpace(r):
			i += n
		case isLetter(r):
			i = t.word(i)
		case isDigit(r):
			i = t.number(i)
		default:
			if ok, double, side := quoteStyle(r); ok {
				t.quote(i, n, double, side)
				i += n
				continue
			}
			j := i + n
			// "..." and "--" runs are one token.
			if r == '.' || r == '-' {
				for j < len(s) && s[j] == byte(r) {
					j++
				}
			}
			t.emit(Token{Span: parallax.Span{Start: i, End: j}, Kind: Punct})
			i = j
		}
	}
}

// word scans a word starting at i and returns where it ends.
func (t *tokenizer) word(i int) int {
	s := t.raw
	end := len(s)
	start := i
	// Most words are ASCII letters up to a space or a punctuation mark
	// that joins nothing.
	if asciiAlnum[s[i]] {
		j := i + 1
		for j < end && asciiAlnum[s[j]] {
			j++
		}
		if j == end || s[j] < utf8.RuneSelf && s[j] != '.' && s[j] != '\'' && s[j] != '-' && s[j] != '&' {
			return t.emitWord(start, j, 'A' <= s[i] && s[i] <= 'Z', true)
		}
	}
	r, n := runeAt(s, i)
	capital := isUpper(r)
	i += n
	segLen := 1      // letters in the current dot-separated segment
	initials := true // so far only single letters separated by periods
	dotted := false
	for i < end {
		// Fast path: a run of ASCII letters and digits.
		if asciiAlnum[s[i]] {
			j := i + 1
			for j < end && asciiAlnum[s[j]] {
				j++
			}
			segLen += j - i
			i = j
			if segLen > 1 {
				initials = false
			}
			continue
		}
		if c := s[i]; c < utf8.RuneSelf && c != '.' && c != '\'' && c != '-' && c != '&' {
			break // the usual end: a space or punctuation that joins nothing
		}
		r, n = runeAt(s, i)
		switch {
		case isAlnum(r):
			i += n
			segLen++
			if segLen > 1 {
				initials = false
			}
			continue
		case r == '.' && initials && segLen == 1:
			// U.S., a.m., U.S.A.: single letters separated by periods.
			r2, n2 := runeAt(s, i+1)
			if i+1 < end && isLetter(r2) {
				r3, _ := runeAt(s, i+1+n2)
				if i+1+n2 >= end || r3 == '.' {
					i += 1 + n2
					segLen = 1
					dotted = true
					continue
				}
			}
			if dotted {
				i++ // the closing period belongs to the abbreviation
			}
			return t.emitWord(start, i, capital, false)
		case isApos(r) || isHyphen(r) || r == '&':
			r2, _ := runeAt(s, i+n)
			if i+n < end && isAlnum(r2) && !(r == '&' && !isUpper(r2)) {
				if isApos(r) && !isLetter(r2) {
					break
				}
				i += n
				segLen = 2
				initials = false
				continue
			}
			// A plural possessive: "the Smiths' house", when no single
			// quotation is open that this mark could close.
			if isApos(r) && t.openSingle == 0 {
				p, _ := runeBefore(s, i)
				if p == 's' && (i+n >= end || isSpace(r2)) {
					i += n
				}
			}
		}
		break
	}
	return t.emitWord(start, i, capital, false)
}

// emitWord appends word token raw[start:end] and looks its word up;
// plain words are ASCII letters and digits only.
func (t *tokenizer) emitWord(start, end int, capital, plain bool) int {
	t.toks = append(t.toks, Token{Span: parallax.Span{Start: start, End: end}, Kind: Word, Cap: capital})
	x := t.lx
	var fl uint32
	w := t.raw[start:end]
	if !plain { // a possessive has an apostrophe
		if s, poss := stripPossessive(w); poss {
			fl |= lxPoss
			w = s
		}
	}
	if capital && allCaps(w) {
		fl |= lxAllCaps
	}
	id := x.words.id(foldHash(t.raw, start, start+len(w)), x.m.lexT)
	dw := &x.words.w[id]
	fl |= dw.flags
	if capital {
		// The model's statistics matter for capitalised words only.
		if !dw.orthoDone {
			dw.ortho, dw.orthoDone = x.m.orthoT.get(dw.hash), true
		}
		fl |= dw.ortho
	}
	x.lex = append(x.lex, fl)
	x.wid = append(x.wid, id)
	return end
}

// emit appends a token that is not a word.
func (t *tokenizer) emit(tok Token) {
	t.toks = append(t.toks, tok)
	t.lx.other()
}

// number scans 1,500 / 3.5 / 10:30 / 12/23/2021 / 1990s / 2nd.
func (t *tokenizer) number(i int) int {
	s := t.raw
	end := len(s)
	start := i
	for i < end {
		c := s[i]
		if '0' <= c && c <= '9' {
			i++
			continue
		}
		if (c == ',' || c == '.' || c == ':' || c == '/') && i+1 < end && '0' <= s[i+1] && s[i+1] <= '9' {
			i++
			continue
		}
		break
	}
	// Suffix letters: 1990s, 2nd, 5pm, 10km.
	for i < end {
		r, n := runeAt(s, i)
		if !isLetter(r) {
			break
		}
		i += n
	}
	t.emit(Token{Span: parallax.Span{Start: start, End: i}, Kind: Number})
	return i
}

// quote emits a quotation mark at i, deciding whether it opens or closes.
func (t *tokenizer) quote(i, n int, double bool, natural QuoteSide) {
	s := t.raw
	pr, pn := runeBefore(s, i)
	nr, nn := runeAt(s, i+n)
	before := i <= t.start || pn == 0 || isSpace(pr) || isOpener(pr)
	after := i+n >= len(s) || nn == 0 || isSpace(nr) || isCloser(nr)
	open := &t.openSingle
	if double {
		open = &t.openDouble
	}
	var side QuoteSide
	switch {
	case before && !after:
		side = QuoteOpen
	case after && !before:
		side = QuoteClose
	case natural == QuoteClose && *open == 0 && isLetter(nr):
		// ”It glued after a period, with nothing open: a mis-typed opener.
		side = QuoteOpen
	case natural != QuoteNone:
		side = natural
	case *open > 0:
		side = QuoteClose
	default:
		side = QuoteOpen
	}
	if side == QuoteOpen {
		*open++
	} else if *open > 0 {
		*open--
	}
	t.emit(Token{Span: parallax.Span{Start: i, End: i + n}, Kind: QuoteMark, Side: side, Double: double})
}

// isOpener: characters after which a quotation mark opens.
func isOpener(r rune) bool {
	switch r {
	case '(', '[', '{', '—', '–', '-', ':', '/', '“', '‘', '«', '„':
		return true
	}
	return false
}

// isCloser: characters before which a quotation mark closes.
func isCloser(r rune) bool {
	switch r {
	case '.', ',', ';', ':', '!', '?', ')', ']', '}', '—', '–', '…', '”', '’', '»':
		return true
	}
	return false
}

// asciiAlnum marks the ASCII letters and digits.
var asciiAlnum = func() (t [256]bool) {
	for c := 'a'; c <= 'z'; c++ {
		t[c], t[c-'a'+'A'] = true, true
	}
	for c := '0'; c <= '9'; c++ {
		t[c] = true
	}
	return
}()
