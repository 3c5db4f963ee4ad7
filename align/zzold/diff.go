package zzold

import (
	"strings"
	"unicode"

	parallax "github.com/parallax-news/parallax"
)

// normWord lower-cases w and strips the punctuation around it, folding
// curly apostrophes and dotted abbreviations ("U.S." → "us").
func normWord(w string) string {
	w = strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	w = strings.ReplaceAll(w, "’", "'")
	w = strings.ReplaceAll(w, ".", "")
	return strings.ToLower(w)
}

// normWords returns the normalised words of s, empty ones dropped.
func normWords(s string) []string {
	f := strings.Fields(s)
	out := f[:0:0]
	for _, w := range f {
		if n := normWord(w); n != "" {
			out = append(out, n)
		}
	}
	return out
}

// normText is s's normalised words joined by single spaces.
func normText(s string) string { return strings.Join(normWords(s), " ") }

// Diff returns a word-level diff turning a into b: runs of kept ("="),
// removed ("-") and added ("+") words, compared case- and
// punctuation-insensitively and shown as written (kept runs as in b).
func Diff(a, b string) []parallax.DiffOp {
	wa, wb := strings.Fields(a), strings.Fields(b)
	na, nb := make([]string, len(wa)), make([]string, len(wb))
	for i, w := range wa {
		na[i] = normWord(w)
	}
	for i, w := range wb {
		nb[i] = normWord(w)
	}
	// LCS table over suffixes.
	n, m := len(wa), len(wb)
	l := make([]int32, (n+1)*(m+1))
	at := func(i, j int) int32 { return l[i*(m+1)+j] }
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if na[i] == nb[j] {
				l[i*(m+1)+j] = at(i+1, j+1) + 1
			} else {
				l[i*(m+1)+j] = max(at(i+1, j), at(i, j+1))
			}
		}
	}
	var ops []parallax.DiffOp
	push := func(op, w string) {
		if k := len(ops) - 1; k >= 0 && ops[k].Op == op {
			ops[k].Text += " " + w
			return
		}
		ops = append(ops, parallax.DiffOp{Op: op, Text: w})
	}
	i, j := 0, 0
	for i < n || j < m {
		switch {
		case i < n && j < m && na[i] == nb[j]:
			push("=", wb[j])
			i++
			j++
		case i < n && (j == m || at(i+1, j) >= at(i, j+1)):
			push("-", wa[i])
			i++
		default:
			push("+", wb[j])
			j++
		}
	}
	return ops
}

// Label says how variant renders canonical: identical when their
// normalised words are equal, truncated when one's words are a contiguous
// run of the other's, reworded for another direct quote, reported for an
// indirect or mixed one.
func Label(canonical, variant parallax.Quote) parallax.VariantLabel {
	if variant.Kind != parallax.Direct && variant.Kind != "" {
		return parallax.VariantIndirect
	}
	a, b := normWords(canonical.Text), normWords(variant.Text)
	if equalWords(a, b) {
		return parallax.VariantIdentical
	}
	if containsRun(a, b) || containsRun(b, a) {
		return parallax.VariantTruncated
	}
	return parallax.VariantReworded
}

func equalWords(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// containsRun reports whether sub occurs as a contiguous run in s.
func containsRun(s, sub []string) bool {
	if len(sub) == 0 || len(sub) > len(s) {
		return false
	}
outer:
	for i := 0; i+len(sub) <= len(s); i++ {
		for k := range sub {
			if s[i+k] != sub[k] {
				continue outer
			}
		}
		return true
	}
	return false
}
