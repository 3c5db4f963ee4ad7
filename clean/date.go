package clean

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax"
)

// dtok is one token of a date scan: a run of ASCII digits ('n'), a run of
// ASCII letters ('w') or one other non-space character ('p').
type dtok struct {
	kind       byte
	start, end int
	val        int // numeric value for 'n' (capped), month number for month words
}

// tokenizeDate splits s into date tokens; spaces separate tokens and are dropped.
func tokenizeDate(s string, buf []dtok) []dtok {
	toks := buf[:0]
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			i++
		case c >= '0' && c <= '9':
			j, v := i, 0
			for j < len(s) && s[j] >= '0' && s[j] <= '9' {
				if v < 100000 {
					v = v*10 + int(s[j]-'0')
				}
				j++
			}
			toks = append(toks, dtok{'n', i, j, v})
			i = j
		case isASCIILetter(c):
			j, ascii := i, true
			for j < len(s) {
				if isASCIILetter(s[j]) {
					j++
					continue
				}
				// A letter outside ASCII goes on the word: "março", "février".
				r, n := utf8.DecodeRuneInString(s[j:])
				if r < utf8.RuneSelf || !unicode.IsLetter(r) {
					break
				}
				j += n
				ascii = false
			}
			m := 0
			if ascii {
				m = monthNumber(s[i:j])
			} else if j-i <= 12 {
				m = otherMonths[strings.ToLower(s[i:j])]
			}
			toks = append(toks, dtok{'w', i, j, m})
			i = j
		default:
			j := i + 1
			if c >= 0x80 { // skip a whole UTF-8 sequence
				for j < len(s) && s[j]&0xC0 == 0x80 {
					j++
				}
			}
			toks = append(toks, dtok{'p', i, j, int(c)})
			i = j
		}
	}
	return toks
}

func isASCIILetter(c byte) bool { return (c|0x20) >= 'a' && (c|0x20) <= 'z' }

// monthNumber returns 1–12 for an English month name or abbreviation, or
// another language's full month name in ASCII ("octubre", "mai"), 0
// otherwise.
func monthNumber(w string) int {
	if len(w) < 3 || len(w) > 10 {
		return 0
	}
	var b [10]byte
	for i := 0; i < len(w); i++ {
		b[i] = w[i] | 0x20
	}
	lw := string(b[:len(w)])
	for m, name := range monthNames {
		if lw == name || (len(lw) == 3 && lw == name[:3]) || (m == 8 && lw == "sept") {
			return m + 1
		}
	}
	return otherMonths[lw]
}

// otherMonths are the months' full names in the other languages of
// European news: German, French, Spanish, Portuguese, Italian and Dutch.
var otherMonths = func() map[string]int {
	m := map[string]int{}
	for i, names := range [12]string{
		"januar jänner janvier enero janeiro gennaio januari",
		"februar février febrero fevereiro febbraio februari",
		"märz mars marzo março maart",
		"avril abril aprile",
		"mai mayo maio maggio mei",
		"juni juin junio junho giugno",
		"juli juillet julio julho luglio",
		"août agosto augustus",
		"septembre septiembre setiembre setembro settembre",
		"oktober octobre octubre outubro ottobre",
		"novembre noviembre novembro",
		"dezember décembre diciembre dezembro dicembre",
	} {
		for _, w := range strings.Fields(names) {
			m[w] = i + 1
		}
	}
	return m
}()

var monthNames = [12]string{"january", "february", "march", "april", "may", "june",
	"july", "august", "september", "october", "november", "december"}

func daysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

func validYMD(y, m, d int) bool {
	return y >= 1800 && y <= 2199 && m >= 1 && m <= 12 && d >= 1 && d <= daysIn(y, m)
}

func fmtDate(y, m, d int) string {
	b := make([]byte, 0, 10)
	b = strconv.AppendInt(b, int64(y), 10)
	b = append(b, '-', byte('0'+m/10), byte('0'+m%10), '-', byte('0'+d/10), byte('0'+d%10))
	return string(b)
}

// ParseDate finds the first calendar date written in s in a common news
// form and returns it as YYYY-MM-DD with the span of s it was read from.
// Numeric forms with a four-digit year first are year-month-day; with the
// year last they are day-month-year unless only month-day-year is valid.
func ParseDate(s string) (date string, span parallax.Span, ok bool) {
	var buf [48]dtok
	toks := tokenizeDate(s, buf[:])
	y, m, d, st, en := scanDate(s, toks)
	if st < 0 {
		return "", parallax.Span{}, false
	}
	return fmtDate(y, m, d), parallax.Span{Start: st, End: en}, true
}

// scanDate returns the first full date in toks; st is -1 when none.
func scanDate(s string, t []dtok) (y, m, d, st, en int) {
	adjacent := func(i int) bool { return i+1 < len(t) && t[i].end == t[i+1].start }
	isSep := func(i int, seps string) bool {
		if i >= len(t) || t[i].kind != 'p' || t[i].end-t[i].start != 1 {
			return false
		}
		for j := 0; j < len(seps); j++ {
			if s[t[i].start] == seps[j] {
				return true
			}
		}
		return false
	}
	num := func(i, minLen, maxLen int) bool {
		return i < len(t) && t[i].kind == 'n' && t[i].end-t[i].start >= minLen && t[i].end-t[i].start <= maxLen
	}
	// skipDay passes an ordinal suffix glued to a day number and an "of".
	skipDay := func(i int) int {
		if i < len(t) && t[i].kind == 'w' && t[i].start == t[i-1].end {
			switch lower(s[t[i].start:t[i].end]) {
			case "st", "nd", "rd", "th":
				i++
			}
		}
		return i
	}
	skipPunct := func(i int) int {
		for k := 0; k < 2 && isSep(i, ".,"); k++ {
			i++
		}
		return i
	}
	for i := range t {
		switch {
		case num(i, 4, 4) && adjacent(i) && isSep(i+1, "-/.") && num(i+2, 1, 2) && adjacent(i+1) &&
			adjacent(i+2) && isSep(i+3, string(s[t[i+1].start])) && num(i+4, 1, 2) && adjacent(i+3):
			// 2022-06-21, 2022/06/21, 2022.06.21 and RFC 3339.
			if !validYMD(t[i].val, t[i+2].val, t[i+4].val) || digitBefore(s, t[i].start) || moreDigits(s, t[i+4].end) {
				continue
			}
			en = t[i+4].end
			if j := i + 5; j < len(t) && adjacent(i+4) && t[j].kind == 'w' && (s[t[j].start] == 'T' || s[t[j].start] == 't') {
				en = rfc3339TimeEnd(s, t[i+4].end)
			}
			return t[i].val, t[i+2].val, t[i+4].val, t[i].start, en
		case num(i, 1, 2) && adjacent(i) && isSep(i+1, "./-") && num(i+2, 1, 2) && adjacent(i+1) &&
			adjacent(i+2) && isSep(i+3, string(s[t[i+1].start])) && num(i+4, 4, 4) && adjacent(i+3):
			// 07.02.2022, 23/12/2021: day first unless only month first is valid.
			if digitBefore(s, t[i].start) || (i > 0 && adjacent(i-1) && isSep(i-1, "./-")) || moreDigits(s, t[i+4].end) {
				continue
			}
			a, b, yy := t[i].val, t[i+2].val, t[i+4].val
			if validYMD(yy, b, a) {
				return yy, b, a, t[i].start, t[i+4].end
			}
			if validYMD(yy, a, b) {
				return yy, a, b, t[i].start, t[i+4].end
			}
		case t[i].kind == 'w' && t[i].val > 0:
			// December 23, 2021 / Dec. 23 2021 / Dec 23rd, 2021
			j := skipPunct(i + 1)
			if num(j, 1, 2) {
				k := skipPunct(skipDay(j + 1))
				if num(k, 4, 4) && validYMD(t[k].val, t[i].val, t[j].val) {
					return t[k].val, t[i].val, t[j].val, t[i].start, t[k].end
				}
			}
		case num(i, 1, 2) && !(i > 0 && adjacent(i-1) && (t[i-1].kind == 'n' || isSep(i-1, ".:"))):
			// 23 December 2021 / 23rd of Dec., 2021 / 23. Dezember 2021 /
			// 23 de diciembre de 2021
			j := skipDay(i + 1)
			if j == i+1 && isSep(j, ".") && adjacent(i) {
				j++
			}
			if j < len(t) && t[j].kind == 'w' && dateOf(lower(s[t[j].start:t[j].end])) {
				j++
			}
			if j < len(t) && t[j].kind == 'w' && t[j].val > 0 {
				k := skipPunct(j + 1)
				if k < len(t) && t[k].kind == 'w' && dateOf(lower(s[t[k].start:t[k].end])) {
					k++
				}
				if num(k, 4, 4) && validYMD(t[k].val, t[j].val, t[i].val) {
					return t[k].val, t[j].val, t[i].val, t[i].start, t[k].end
				}
			}
		}
	}
	return 0, 0, 0, -1, -1
}

// dateOf reports whether w joins a date's parts: "23rd of May", "23 de
// mayo de 2021".
func dateOf(w string) bool { return w == "of" || w == "de" || w == "del" }

func digitBefore(s string, i int) bool { return i > 0 && s[i-1] >= '0' && s[i-1] <= '9' }

// moreDigits reports a ".5", "/7" or "-3" right after position i: the
// numbers are part of a longer dotted or slashed sequence.
func moreDigits(s string, i int) bool {
	return i+1 < len(s) && (s[i] == '.' || s[i] == '/' || s[i] == '-') && s[i+1] >= '0' && s[i+1] <= '9'
}

// rfc3339TimeEnd extends a date ending at i over a following "Thh:mm[:ss[.f]][Z|±hh:mm]".
func rfc3339TimeEnd(s string, i int) int {
	j := i + 1 // past 'T'
	k := j
	for k < len(s) && (s[k] >= '0' && s[k] <= '9' || s[k] == ':' || s[k] == '.') {
		k++
	}
	if k == j {
		return i
	}
	if k < len(s) && (s[k] == 'Z' || s[k] == 'z') {
		return k + 1
	}
	if k < len(s) && (s[k] == '+' || s[k] == '-') {
		m := k + 1
		for m < len(s) && (s[m] >= '0' && s[m] <= '9' || s[m] == ':') {
			m++
		}
		if m > k+1 {
			return m
		}
	}
	return k
}

// monthDay reads "February 1", "Feb. 1" or "1 February" at the start of s
// (after spaces); n is the number of bytes consumed, 0 when none.
func monthDay(s string) (m, d, n int) {
	var buf [8]dtok
	cut := s
	if len(cut) > 40 {
		cut = cut[:40]
	}
	t := tokenizeDate(cut, buf[:])
	if len(t) < 2 || t[0].start > 2 {
		return 0, 0, 0
	}
	if t[0].kind == 'w' && t[0].val > 0 {
		j := 1
		if t[j].kind == 'p' && s[t[j].start] == '.' {
			j++
		}
		if j < len(t) && t[j].kind == 'n' && t[j].end-t[j].start <= 2 && t[j].val >= 1 && t[j].val <= daysIn(2000, t[0].val) {
			end := t[j].end
			if j+1 < len(t) && t[j+1].kind == 'w' && t[j+1].start == end {
				switch lower(s[t[j+1].start:t[j+1].end]) {
				case "st", "nd", "rd", "th":
					end = t[j+1].end
				}
			}
			return t[0].val, t[j].val, end
		}
	}
	if t[0].kind == 'n' && t[0].end-t[0].start <= 2 && t[1].kind == 'w' && t[1].val > 0 && t[0].val >= 1 && t[0].val <= daysIn(2000, t[1].val) {
		return t[1].val, t[0].val, t[1].end
	}
	return 0, 0, 0
}
