package align

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// tok is one word of a quote as the aligner compares it.
type tok struct {
	low   string // lower-cased surface form (acronyms: their letters)
	stem  string // Porter2 stem of low
	lemma string // WordNet base form of low
	name  bool   // capitalised mid-sentence, an acronym, or a capitalised run's acronym
	num   bool   // a number (digits or a number word, normalised to digits)
	stop  bool   // closed-class word; not compared
	w     float64
	// Interned ids of low, stem and lemma, set by compact.
	lowID, stemID, lemmaID int32
}

// rawTok is a word with its byte range in the text it was cut from.
type rawTok struct {
	text       string
	start, end int
	cap        bool // first letter upper-case
	acronym    bool // "US", "U.S.", "NATO"
	sentStart  bool // first word of a sentence
}

// scanWords splits s into words: letter/digit runs with inner apostrophes,
// dotted abbreviations ("U.S.") kept whole; hyphens and other marks split.
func scanWords(s string, dst []rawTok) []rawTok {
	sentStart := true
	i := 0
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !isWordRune(r) {
			if r == '.' || r == '?' || r == '!' || r == '\n' {
				sentStart = true
			}
			i += n
			continue
		}
		start := i
		j := i
		// Dotted abbreviation: "U.S.", "U.K." (capital letters each followed by '.').
		if k := dotted(s[i:]); k > 0 {
			j = i + k
		}
		if j == start {
			for j < len(s) {
				r, n := utf8.DecodeRuneInString(s[j:])
				if isWordRune(r) {
					j += n
					continue
				}
				// Inner apostrophe: "it's", "don’t".
				if (r == '\'' || r == '’') && j+n < len(s) {
					if r2, _ := utf8.DecodeRuneInString(s[j+n:]); unicode.IsLetter(r2) {
						j += n
						continue
					}
				}
				break
			}
		}
		text := s[start:j]
		first, _ := utf8.DecodeRuneInString(text)
		t := rawTok{text: text, start: start, end: j, cap: unicode.IsUpper(first), sentStart: sentStart}
		letters := strings.ReplaceAll(text, ".", "")
		if strings.Contains(text, ".") {
			t.acronym = true
		} else if utf8.RuneCountInString(letters) >= 2 && strings.ToUpper(letters) == letters && strings.ToLower(letters) != letters {
			t.acronym = true
		}
		dst = append(dst, t)
		sentStart = false
		i = j
	}
	return dst
}

// dotted returns the length of a dotted abbreviation ("U.S.") opening s, or 0.
func dotted(s string) int {
	k := 0
	for k+1 < len(s) && s[k] >= 'A' && s[k] <= 'Z' && s[k+1] == '.' {
		k += 2
	}
	if k < 4 || k < len(s) && isWordRune(rune(s[k])) {
		return 0
	}
	return k
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// tokens turns the words of s into compared tokens, adding for each run
// of two or more capitalised words its acronym ("United States" → "us").
func tokens(s string, dst []tok, lem *lemmaCache) []tok {
	raws := scanWords(s, nil)
	run := 0
	var acr strings.Builder
	flush := func() {
		if run >= 2 {
			a := strings.ToLower(acr.String())
			dst = append(dst, tok{low: a, stem: a, lemma: a, name: true})
		}
		run = 0
		acr.Reset()
	}
	for _, r := range raws {
		low := strings.ToLower(r.text)
		if r.acronym {
			low = strings.ReplaceAll(low, ".", "")
		}
		t := tok{low: low}
		if v, ok := numberWord(low); ok {
			t.num, t.low = true, v
		}
		t.stop = !r.acronym && !t.num && isStop(low)
		t.name = r.acronym || (r.cap && !r.sentStart && !t.stop)
		if r.cap && !t.stop && !t.num {
			acr.WriteString(string([]rune(r.text)[:1]))
			run++
		} else if !(t.stop && run > 0 && (low == "of" || low == "and")) {
			flush()
		}
		if r.acronym {
			flush()
		}
		if t.stop {
			dst = append(dst, t)
			continue
		}
		if t.num || r.acronym {
			t.stem, t.lemma = t.low, t.low
		} else {
			t.stem, t.lemma = lem.get(low)
		}
		dst = append(dst, t)
	}
	flush()
	return dst
}

// lemmaCache holds the words met in one call, so the shared lexicon
// is consulted once per word.
type lemmaCache struct{ m map[string]*wordInfo }

func (c *lemmaCache) info(w string) *wordInfo {
	if c.m == nil {
		c.m = map[string]*wordInfo{}
	}
	i, ok := c.m[w]
	if !ok {
		i = lookupWord(w)
		c.m[w] = i
	}
	return i
}

func (c *lemmaCache) get(w string) (stem, lemma string) {
	i := c.info(w)
	return i.stem, i.lemma
}

var numberWords = map[string]string{
	"one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7",
	"eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12", "thirteen": "13",
	"fourteen": "14", "fifteen": "15", "sixteen": "16", "seventeen": "17", "eighteen": "18",
	"nineteen": "19", "twenty": "20", "thirty": "30", "forty": "40", "fifty": "50", "sixty": "60",
	"seventy": "70", "eighty": "80", "ninety": "90", "hundred": "100", "thousand": "1000",
	"million": "1000000", "billion": "1000000000", "dozen": "12",
}

// numberWord reports whether w is a number, and its digits.
func numberWord(w string) (string, bool) {
	if v, ok := numberWords[w]; ok {
		return v, true
	}
	if w == "" || w[0] < '0' || w[0] > '9' {
		return "", false
	}
	for i := 0; i < len(w); i++ {
		if (w[i] < '0' || w[i] > '9') && w[i] != ',' {
			// "1990s", "5th": a number with a suffix stays a number.
			return w, true
		}
	}
	return strings.ReplaceAll(w, ",", ""), true
}

// Closed-class English words and light verbs that carry no claim.
var stopWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`a an the and or but nor so yet if then than that this these those
	there here where when while which who whom whose what why how as at by for from in into of off on
	onto out over to up upon with within without about above across after against along among around
	before behind below beneath beside between beyond during except inside near since through
	throughout till toward towards under until via
	i me my mine myself we us our ours ourselves you your yours yourself yourselves he him his himself
	she her hers herself it its itself they them their theirs themselves one ones someone something
	anyone anything everyone everything nobody nothing
	be am is are was were been being have has had having do does did doing done will would shall
	should can could may might must ought let lets get gets got
	not no yes very just also too even only still already again ever never now well really quite
	rather simply some any all each every both either neither such own same other another more most
	much many few less least lot lots
	say says said saying tell tells told ask asks asked
	s t d ll m re ve it's i'm we're they're you're he's she's that's don't doesn't didn't isn't
	aren't wasn't weren't won't can't cannot couldn't wouldn't shouldn't haven't hasn't hadn't
	mr mrs ms dr`) {
		m[w] = true
	}
	return m
}()

func isStop(w string) bool {
	if stopWords[w] {
		return true
	}
	// Curly apostrophes: "it’s" is "it's".
	if strings.Contains(w, "’") {
		return stopWords[strings.ReplaceAll(w, "’", "'")]
	}
	return false
}

// sentences splits s into sentence ranges: after . ? ! (and any closing
// marks) followed by space, and at blank lines.
func sentences(s string) [][2]int {
	var out [][2]int
	start := 0
	emit := func(end int) {
		a, b := start, end
		for a < b && isSpaceOrMark(s[a]) {
			a++
		}
		for b > a && (s[b-1] == ' ' || s[b-1] == '\n' || s[b-1] == '\t') {
			b--
		}
		if b > a {
			out = append(out, [2]int{a, b})
		}
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '\n' && i+1 < len(s) && s[i+1] == '\n' {
			emit(i)
			start = i + 2
			i++
			continue
		}
		if c != '.' && c != '?' && c != '!' {
			continue
		}
		j := i + 1
		for j < len(s) && (s[j] == '"' || s[j] == '\'' || s[j] == ')') {
			j++
		}
		for _, m := range []string{"”", "’"} {
			if strings.HasPrefix(s[j:], m) {
				j += len(m)
			}
		}
		if j >= len(s) || s[j] != ' ' && s[j] != '\n' {
			continue
		}
		// "U.S. border": a dot after a single capital is an abbreviation.
		if c == '.' && i >= 1 && s[i-1] >= 'A' && s[i-1] <= 'Z' && (i == 1 || s[i-2] == '.' || s[i-2] == ' ') {
			if k := j + 1; k < len(s) && s[k] >= 'a' && s[k] <= 'z' {
				continue
			}
		}
		if c == '.' && i >= 2 && isTitleAbbrev(s[:i]) {
			continue
		}
		emit(j)
		start = j
	}
	emit(len(s))
	return out
}

func isSpaceOrMark(c byte) bool { return c == ' ' || c == '\n' || c == '\t' }

func isTitleAbbrev(before string) bool {
	k := strings.LastIndexByte(before, ' ')
	w := before[k+1:]
	switch w {
	case "Mr", "Mrs", "Ms", "Dr", "St", "Gen", "Sen", "Rep", "Gov", "Prof", "No", "vs":
		return true
	}
	return false
}
