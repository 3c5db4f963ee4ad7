package story

import (
	"unicode"
	"unicode/utf8"
)

// stopwords are English function words and reporting verbs that say
// nothing about which happening an article reports.
var stopwords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range []string{
		"a", "about", "above", "after", "again", "against", "all", "also", "although", "am", "among", "an", "and",
		"another", "any", "are", "around", "as", "at", "be", "because", "been", "before", "being", "below",
		"between", "both", "but", "by", "can", "could", "did", "do", "does", "doing", "down", "during", "each",
		"even", "ever", "every", "few", "for", "from", "further", "had", "has", "have", "having", "he", "her",
		"here", "hers", "herself", "him", "himself", "his", "how", "however", "i", "if", "in", "into", "is", "it",
		"its", "itself", "just", "last", "least", "less", "like", "made", "make", "many", "may", "me", "might",
		"more", "most", "much", "must", "my", "myself", "near", "never", "new", "next", "no", "nor", "not", "now",
		"of", "off", "on", "once", "one", "only", "or", "other", "others", "our", "ours", "ourselves", "out",
		"over", "own", "per", "rather", "same", "say", "says", "said", "saying", "see", "seen", "she", "should",
		"since", "so", "some", "still", "such", "than", "that", "the", "their", "theirs", "them", "themselves",
		"then", "there", "these", "they", "this", "those", "though", "through", "to", "too", "told", "under",
		"until", "up", "upon", "us", "very", "was", "we", "were", "what", "when", "where", "whether", "which",
		"while", "who", "whom", "whose", "why", "will", "with", "within", "without", "would", "yet", "you",
		"your", "yours", "yourself", "two", "three", "first", "second", "year", "years", "week", "weeks",
		"day", "days", "month", "months", "time", "times", "today", "yesterday", "tomorrow", "monday",
		"tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
		"april", "june", "july", "august", "september", "october", "november", "december", "mr", "mrs",
		"ms", "dr", "get", "got", "go", "going", "went", "come", "came", "take", "took", "well", "back",
		"way", "people", "according", "added", "asked", "called", "including", "think", "know", "want",
		"really", "thing", "things", "lot", "going", "told", "tell", "statement", "news", "reported", "report",
	} {
		m[w] = true
	}
	return m
}()

// terms calls fn with each content word of text: lower-cased, possessive
// and plural s removed, stopwords, numbers and one- or two-letter words
// skipped. buf is scratch space; fn must copy the word to keep it.
func terms(text string, buf []byte, fn func(w []byte)) []byte {
	w := buf[:0]
	flush := func() {
		if len(w) >= 3 && !stopwords[string(w)] {
			fn(stem(w))
		}
		w = w[:0]
	}
	digits := false
	for i := 0; i < len(text); {
		c := rune(text[i])
		size := 1
		if c >= utf8.RuneSelf {
			c, size = utf8.DecodeRuneInString(text[i:])
		}
		i += size
		switch {
		case 'a' <= c && c <= 'z':
			w = append(w, byte(c))
		case 'A' <= c && c <= 'Z':
			w = append(w, byte(c+'a'-'A'))
		case '0' <= c && c <= '9':
			digits = true
			w = append(w, byte(c))
		case c >= utf8.RuneSelf && unicode.IsLetter(c):
			w = utf8.AppendRune(w, unicode.ToLower(c))
		case (c == '\'' || c == '’') && len(w) > 0:
			// "Russia's" → "russia": drop the possessive
			if i < len(text) && (text[i] == 's' || text[i] == 'S') && (i+1 == len(text) || !isWordByte(text[i+1])) {
				i++
			}
			if !digits {
				flush()
			}
			w, digits = w[:0], false
		default:
			if !digits {
				flush()
			}
			w, digits = w[:0], false
		}
	}
	if !digits {
		flush()
	}
	return w
}

func isWordByte(b byte) bool {
	return 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' || '0' <= b && b <= '9' || b >= utf8.RuneSelf
}

// stem strips a plural s: "guarantees" → "guarantee", not "press" or "bus".
func stem(w []byte) []byte {
	n := len(w)
	if n > 4 && w[n-1] == 's' && w[n-2] != 's' && w[n-2] != 'u' && w[n-2] != 'i' {
		if n > 5 && w[n-2] == 'e' && w[n-3] == 'i' { // "policies" → "policy"
			w = append(w[:n-3], 'y')
			return w
		}
		return w[:n-1]
	}
	return w
}
