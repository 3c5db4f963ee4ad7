package sqlite

import (
	"strings"
	"unicode"

	parallax "github.com/parallax-news/parallax"
)

// ftsQuery turns a user's search into a safe FTS5 MATCH expression. Every
// word becomes a quoted string, so FTS5 operators and punctuation in the
// input are taken as text. What it understands: "double-quoted phrases",
// a trailing * on a word for a prefix search, and OR (upper case) between
// two terms; terms are otherwise all required. A query with no letter or
// digit in it is invalid.
func ftsQuery(q string) (string, error) {
	var terms []string
	or := false
	for i := 0; i < len(q); {
		c := q[i]
		switch {
		case isSpace(c):
			i++
			continue
		case c == '"':
			j := strings.IndexByte(q[i+1:], '"')
			var phrase string
			if j < 0 {
				phrase, i = q[i+1:], len(q)
			} else {
				phrase, i = q[i+1:i+1+j], i+2+j
			}
			if hasWord(phrase) {
				terms = appendTerm(terms, quoteFTS(phrase), &or)
			}
			continue
		}
		j := i
		for j < len(q) && !isSpace(q[j]) && q[j] != '"' {
			j++
		}
		word := q[i:j]
		i = j
		if word == "OR" {
			or = len(terms) > 0
			continue
		}
		prefix := strings.HasSuffix(word, "*")
		word = strings.TrimRight(word, "*")
		if !hasWord(word) {
			continue
		}
		t := quoteFTS(word)
		if prefix {
			t += "*"
		}
		terms = appendTerm(terms, t, &or)
	}
	if len(terms) == 0 {
		return "", parallax.Errorf(parallax.EINVALID, "search %q has no words", q)
	}
	return strings.Join(terms, " "), nil
}

// appendTerm adds t, joined to the previous term by OR when one was asked for.
func appendTerm(terms []string, t string, or *bool) []string {
	if *or {
		terms = append(terms, "OR")
		*or = false
	}
	return append(terms, t)
}

// isSpace reports whether c separates terms: space and every control
// byte (FTS5 reads its query as a C string, so a NUL would end it early).
func isSpace(c byte) bool { return c <= ' ' || c == 0x7f }

// quoteFTS makes s an FTS5 string: in double quotes, inner quotes doubled,
// control bytes turned to spaces.
func quoteFTS(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('"')
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '"':
			b.WriteString(`""`)
		case isSpace(c):
			b.WriteByte(' ')
		default:
			b.WriteByte(c)
		}
	}
	b.WriteByte('"')
	return b.String()
}

func hasWord(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0
}
