package zzold

import "strings"

// Stem returns the Porter2 (Snowball English) stem of a lower-case ASCII
// word; other words are returned unchanged. Written for this package from
// the published algorithm description.
func Stem(w string) string {
	if len(w) <= 2 {
		return w
	}
	for i := 0; i < len(w); i++ {
		if c := w[i]; c < 'a' || c > 'z' {
			if c != '\'' {
				return w
			}
		}
	}
	switch w {
	case "skis":
		return "ski"
	case "skies":
		return "sky"
	case "dying":
		return "die"
	case "lying":
		return "lie"
	case "tying":
		return "tie"
	case "idly":
		return "idl"
	case "gently":
		return "gentl"
	case "ugly":
		return "ugli"
	case "early":
		return "earli"
	case "only":
		return "onli"
	case "singly":
		return "singl"
	case "sky", "news", "howe", "atlas", "cosmos", "bias", "andes":
		return w
	}
	b := []byte(strings.TrimPrefix(w, "'"))
	// Mark consonantal y as Y.
	for i := range b {
		if b[i] == 'y' && (i == 0 || isV(b[i-1])) {
			b[i] = 'Y'
		}
	}
	s := &stemmer{b: b}
	s.regions()
	s.step0()
	s.step1a()
	switch string(s.b) {
	case "inning", "outing", "canning", "herring", "earring", "proceed", "exceed", "succeed":
		return string(s.b)
	}
	s.step1b()
	s.step1c()
	s.step2()
	s.step3()
	s.step4()
	s.step5()
	for i := range s.b {
		if s.b[i] == 'Y' {
			s.b[i] = 'y'
		}
	}
	return string(s.b)
}

type stemmer struct {
	b      []byte
	r1, r2 int
}

func isV(c byte) bool {
	switch c {
	case 'a', 'e', 'i', 'o', 'u', 'y':
		return true
	}
	return false
}

// regionAfter returns the index after the first non-vowel following a vowel at or after from.
func regionAfter(b []byte, from int) int {
	for i := from + 1; i < len(b); i++ {
		if !isV(b[i]) && isV(b[i-1]) {
			return i + 1
		}
	}
	return len(b)
}

func (s *stemmer) regions() {
	w := string(s.b)
	switch {
	case strings.HasPrefix(w, "gener"), strings.HasPrefix(w, "arsen"):
		s.r1 = 5
	case strings.HasPrefix(w, "commun"):
		s.r1 = 6
	default:
		s.r1 = regionAfter(s.b, 0)
	}
	if s.r1 > len(s.b) {
		s.r1 = len(s.b)
	}
	s.r2 = regionAfter(s.b, s.r1)
	if s.r1 < len(s.b) && s.r2 < s.r1 {
		s.r2 = s.r1
	}
}

func (s *stemmer) has(suf string) bool { return strings.HasSuffix(string(s.b), suf) }

// longest returns the longest of sufs that ends the word, or "".
func (s *stemmer) longest(sufs ...string) string {
	best := ""
	for _, x := range sufs {
		if len(x) > len(best) && s.has(x) {
			best = x
		}
	}
	return best
}

func (s *stemmer) replace(suf, with string) {
	s.b = append(s.b[:len(s.b)-len(suf)], with...)
}

func (s *stemmer) inR1(suf string) bool { return len(s.b)-len(suf) >= s.r1 }
func (s *stemmer) inR2(suf string) bool { return len(s.b)-len(suf) >= s.r2 }

func (s *stemmer) step0() {
	if x := s.longest("'s'", "'s", "'"); x != "" {
		s.replace(x, "")
	}
}

func hasVowel(b []byte) bool {
	for _, c := range b {
		if isV(c) {
			return true
		}
	}
	return false
}

func (s *stemmer) step1a() {
	switch x := s.longest("sses", "ied", "ies", "us", "ss", "s"); x {
	case "sses":
		s.replace(x, "ss")
	case "ied", "ies":
		if len(s.b) > 4 {
			s.replace(x, "i")
		} else {
			s.replace(x, "ie")
		}
	case "s":
		if len(s.b) >= 3 && hasVowel(s.b[:len(s.b)-2]) {
			s.replace(x, "")
		}
	}
}

func isDouble(b []byte) bool {
	n := len(b)
	if n < 2 || b[n-1] != b[n-2] {
		return false
	}
	switch b[n-1] {
	case 'b', 'd', 'f', 'g', 'm', 'n', 'p', 'r', 't':
		return true
	}
	return false
}

// shortSyllable reports whether b ends in a short syllable.
func shortSyllable(b []byte) bool {
	n := len(b)
	if n == 2 {
		return isV(b[0]) && !isV(b[1])
	}
	if n < 3 {
		return false
	}
	c := b[n-1]
	return !isV(b[n-3]) && isV(b[n-2]) && !isV(c) && c != 'w' && c != 'x' && c != 'Y'
}

func (s *stemmer) short() bool { return s.r1 >= len(s.b) && shortSyllable(s.b) }

func (s *stemmer) step1b() {
	x := s.longest("eed", "eedly", "ed", "edly", "ing", "ingly")
	switch x {
	case "":
		return
	case "eed", "eedly":
		if s.inR1(x) {
			s.replace(x, "ee")
		}
		return
	}
	if !hasVowel(s.b[:len(s.b)-len(x)]) {
		return
	}
	s.replace(x, "")
	switch {
	case s.has("at"), s.has("bl"), s.has("iz"):
		s.b = append(s.b, 'e')
	case isDouble(s.b):
		s.b = s.b[:len(s.b)-1]
	case s.short():
		s.b = append(s.b, 'e')
	}
}

func (s *stemmer) step1c() {
	n := len(s.b)
	if n > 2 && (s.b[n-1] == 'y' || s.b[n-1] == 'Y') && !isV(s.b[n-2]) {
		s.b[n-1] = 'i'
	}
}

var step2Rules = [][2]string{
	{"tional", "tion"}, {"enci", "ence"}, {"anci", "ance"}, {"abli", "able"}, {"entli", "ent"},
	{"izer", "ize"}, {"ization", "ize"}, {"ational", "ate"}, {"ation", "ate"}, {"ator", "ate"},
	{"alism", "al"}, {"aliti", "al"}, {"alli", "al"}, {"fulness", "ful"}, {"ousli", "ous"},
	{"ousness", "ous"}, {"iveness", "ive"}, {"iviti", "ive"}, {"biliti", "ble"}, {"bli", "ble"},
	{"ogi", "og"}, {"fulli", "ful"}, {"lessli", "less"}, {"li", ""},
}

var step3Rules = [][2]string{
	{"tional", "tion"}, {"ational", "ate"}, {"alize", "al"}, {"icate", "ic"}, {"iciti", "ic"},
	{"ical", "ic"}, {"ful", ""}, {"ness", ""}, {"ative", ""},
}

func (s *stemmer) longestRule(rules [][2]string) (string, string) {
	var bs, br string
	for _, r := range rules {
		if len(r[0]) > len(bs) && s.has(r[0]) {
			bs, br = r[0], r[1]
		}
	}
	return bs, br
}

func (s *stemmer) step2() {
	x, r := s.longestRule(step2Rules)
	if x == "" || !s.inR1(x) {
		return
	}
	switch x {
	case "ogi":
		if len(s.b) < 4 || s.b[len(s.b)-4] != 'l' {
			return
		}
	case "li":
		if len(s.b) < 3 || !strings.ContainsRune("cdeghkmnrt", rune(s.b[len(s.b)-3])) {
			return
		}
	}
	s.replace(x, r)
}

func (s *stemmer) step3() {
	x, r := s.longestRule(step3Rules)
	if x == "" || !s.inR1(x) {
		return
	}
	if x == "ative" && !s.inR2(x) {
		return
	}
	s.replace(x, r)
}

func (s *stemmer) step4() {
	x := s.longest("al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent",
		"ism", "ate", "iti", "ous", "ive", "ize", "ion")
	if x == "" || !s.inR2(x) {
		return
	}
	if x == "ion" {
		n := len(s.b) - 3
		if n < 1 || (s.b[n-1] != 's' && s.b[n-1] != 't') {
			return
		}
	}
	s.replace(x, "")
}

func (s *stemmer) step5() {
	n := len(s.b)
	if n == 0 {
		return
	}
	switch s.b[n-1] {
	case 'e':
		if s.inR2("e") || (s.inR1("e") && !shortSyllable(s.b[:n-1])) {
			s.b = s.b[:n-1]
		}
	case 'l':
		if s.inR2("l") && n >= 2 && s.b[n-2] == 'l' {
			s.b = s.b[:n-1]
		}
	}
}
