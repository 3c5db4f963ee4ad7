// Package quotemarks finds the stretches of a short text that stand inside
// quotation marks: the quoted words of a mixed quote, or a scare-quoted
// term. The quote stage has its own, paragraph-aware scanner; this one
// serves the corpus stages that look inside a single quote or sentence.
package quotemarks

import (
	"unicode"
	"unicode/utf8"
)

// Ranges returns the byte ranges of s inside "…", “…” and ‘…’ (and '…'
// when straightSingle is set, opened only after a space or "(" at the
// start of a word). A ’ or ' followed by a letter or digit is an
// apostrophe, not a closing mark; an unclosed mark yields nothing.
func Ranges(s string, straightSingle bool) [][2]int {
	var out [][2]int
	open := -1
	var closer rune
	for i, r := range s {
		if open < 0 {
			switch r {
			case '"':
				open, closer = i+1, '"'
			case '“':
				open, closer = i+len("“"), '”'
			case '‘':
				open, closer = i+len("‘"), '’'
			case '\'':
				if straightSingle && (i == 0 || s[i-1] == ' ' || s[i-1] == '(') {
					open, closer = i+1, '\''
				}
			}
			continue
		}
		if r == closer || closer == '”' && r == '"' {
			if closer == '’' || closer == '\'' {
				if j := i + utf8.RuneLen(r); j < len(s) {
					if r2, _ := utf8.DecodeRuneInString(s[j:]); unicode.IsLetter(r2) || unicode.IsDigit(r2) {
						continue
					}
				}
			}
			if i > open {
				out = append(out, [2]int{open, i})
			}
			open = -1
		}
	}
	return out
}
