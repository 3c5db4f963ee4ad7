package clean

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Outlet evidence weights by where a name was read.
const (
	wMasthead = 1
	wFooter   = 1
	wCaption  = 2
	wDateline = 3
	// wSite is the name line opening the page above more page furniture:
	// the publisher itself, which outweighs a wire or photo agency credit.
	wSite = 4
)

// orgSuffixes are generic endings dropped when outlet names are compared
// and, unless the text itself uses the long form in running prose, when
// one is shown ("Name International" → "Name").
var orgSuffixes = []string{" news agency", " press agency", " international", " agency", " online", " newspaper", " digital"}

// corpSuffixes are company-form endings of a copyright holder
// ("Name Media Ltd" → "Name").
var corpSuffixes = []string{" ltd", " limited", " inc", " llc", " plc", " gmbh", " corp", " corporation", " co",
	" media", " publishing house", " publishing", " group", " company"}

// orgNouns are generic nouns of organisation names.
var orgNouns = wordSet("agency agence news press service wire telegraph bureau network broadcasting corporation radio television tv " +
	"media times post herald journal gazette daily weekly tribune office institute council union association " +
	"organisation organization ministry department group foundation company reports statistics")

// photoLeads open a photo credit line ("Photo: …", "Picture by …").
var photoLeads = wordSet("photo photos photograph image images picture pictures credit credits illustration")

// connectors may stand between the words an acronym abbreviates.
var connectors = wordSet("of and for the on de du des la le del di da")

// outletCand is the evidence for one outlet: the total weight and the
// forms its name was written in.
type outletCand struct {
	w     int
	forms []outletForm
}

type outletForm struct {
	name string
	w    int
}

// addOutlet records name as an outlet candidate of weight w and returns
// its comparison key, "" when name does not look like one.
func (d *doc) addOutlet(name string, w int) string {
	name = tidyOutlet(name)
	if name == "" || !nameLike(name) {
		return ""
	}
	key := outletKey(name)
	if key == "" {
		return ""
	}
	if d.outlets == nil {
		d.outlets = map[string]*outletCand{}
	}
	c := d.outlets[key]
	if c == nil {
		c = &outletCand{}
		d.outlets[key] = c
		d.order = append(d.order, key)
	}
	c.w += w
	for i := range c.forms {
		if c.forms[i].name == name {
			c.forms[i].w += w
			return key
		}
	}
	c.forms = append(c.forms, outletForm{name, w})
	return key
}

// bestOutlet returns the name and key of the heaviest candidate (the first
// seen on ties), "" when there is none.
func (d *doc) bestOutlet() (name, key string) {
	bw := 0
	for _, k := range d.order {
		if w := d.outlets[k].w; w > bw {
			key, bw = k, w
		}
	}
	if key == "" {
		return "", ""
	}
	return d.outletName(key), key
}

// outletName picks how to write the candidate under key: the longest form
// the text uses in running prose ("told Name News Agency that"), else the
// heaviest form in mixed case, without generic suffixes; an all-capitals
// masthead is title-cased unless it is one short word (an acronym).
func (d *doc) outletName(key string) string {
	c := d.outlets[key]
	prose := ""
	for _, f := range c.forms {
		if len(f.name) > len(prose) && d.proseUse(f.name) {
			prose = f.name
		}
	}
	if prose != "" {
		return prose
	}
	best := -1
	for i, f := range c.forms {
		if best < 0 {
			best = i
			continue
		}
		b := c.forms[best]
		if fc, bc := allCaps(f.name), allCaps(b.name); fc != bc {
			if !fc {
				best = i
			}
		} else if f.w > b.w {
			best = i
		}
	}
	name := stripSuffixes(c.forms[best].name, orgSuffixes)
	if allCaps(name) && (strings.Contains(name, " ") || utf8.RuneCountInString(name) >= 6) {
		// "SPUTNIK" is a word in capitals; "BBC", "TASS" are acronyms
		name = titleCase(name)
	}
	return name
}

// proseUse reports whether form occurs in raw after a lower-case word on
// the same line: the text naming the organisation in a sentence.
func (d *doc) proseUse(form string) bool {
	raw := d.raw
	for i, n := 0, 0; n < 8; n++ {
		j := strings.Index(raw[i:], form)
		if j < 0 {
			return false
		}
		j += i
		k := j
		for k > 0 && raw[k-1] == ' ' {
			k--
		}
		if k < j {
			ws := k
			for ws > 0 && raw[ws-1] != ' ' && raw[ws-1] != '\n' && raw[ws-1] != '\t' {
				ws--
			}
			if r, _ := utf8.DecodeRuneInString(raw[ws:k]); unicode.IsLower(r) {
				if l, _ := utf8.DecodeLastRuneInString(raw[ws:k]); unicode.IsLetter(l) {
					return true
				}
			}
		}
		i = j + len(form)
	}
	return false
}

// tidyOutlet collapses spaces and trims punctuation and trailing years
// around a name ("© Name 2025" → "Name").
func tidyOutlet(s string) string {
	fs := strings.Fields(s)
	for len(fs) > 0 && isYearish(strings.Trim(fs[len(fs)-1], ",.;:()")) {
		fs = fs[:len(fs)-1]
	}
	if len(fs) > 2 && initialsOf(fs[0], fs[1:]) {
		fs = fs[1:] // "MZ Mitteleuropa Zeitung": the acronym goes
	}
	s = strings.Join(fs, " ")
	return strings.Trim(s, " -–—|,.:;()[]©")
}

// initialsOf reports whether acr, in capitals, spells the initials of the
// capitalised words of ws ("ALP", "Agence Latine de Presse").
func initialsOf(acr string, ws []string) bool {
	if len(acr) < 2 || len(acr) > 6 || !allCaps(acr) {
		return false
	}
	n := 0
	for _, w := range ws {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) {
			continue
		}
		if n >= len(acr) || rune(acr[n]) != r {
			return false
		}
		n++
	}
	return n == len(acr)
}

// isYearish reports a year or year range ("2025", "1994–2025").
func isYearish(w string) bool {
	if w == "" {
		return false
	}
	for _, r := range w {
		if !(r >= '0' && r <= '9' || r == '-' || r == '–') {
			return false
		}
	}
	return len(w) >= 4
}

// outletKey is the form names are compared in: lower-cased, without a
// leading "the" and generic suffixes.
func outletKey(name string) string {
	k := strings.ToLower(stripSuffixes(name, orgSuffixes)) // "L'ÉCHO" is "l'écho"
	if strings.HasPrefix(k, "the ") && len(k) > 5 {
		k = k[4:]
	}
	return k
}

// stripSuffixes removes the suffixes (lower-case, with a leading space)
// from the end of s as long as something is left.
func stripSuffixes(s string, sufs []string) string {
	for changed := true; changed; {
		changed = false
		ls := lower(s)
		for _, suf := range sufs {
			if strings.HasSuffix(ls, suf) && len(s) > len(suf)+1 {
				s = strings.TrimRight(s[:len(s)-len(suf)], " ,")
				changed = true
				break
			}
		}
	}
	return s
}

// mentions counts the occurrences of name in the text, ignoring ASCII case.
func (d *doc) mentions(name string) int {
	if d.lowRaw == "" {
		d.lowRaw = lower(d.raw)
	}
	return strings.Count(d.lowRaw, lower(name))
}

// creditOutlet returns the organisation in a photo or copyright credit
// ("© Person / Outlet", "Photo: Outlet/Person"), "" for other credits
// ("Source: …" under a chart names no publisher): of the name-like parts,
// the one the text mentions most, a name already seen as an outlet
// counting extra; on ties the last part, as credits usually end with the
// agency.
func (d *doc) creditOutlet(s string, ws []string) string {
	switch {
	case copyrightSign(s):
		s = s[strings.IndexRune(s, '©')+len("©"):]
	case len(ws) > 0 && photoLeads[ws[0]]:
		if i := strings.IndexByte(s, ':'); i > 0 && i < 20 {
			s = s[i+1:]
		} else if i := strings.Index(lower(s), " by "); i > 0 && i < 24 {
			s = s[i+4:]
		}
	default:
		return ""
	}
	best, bs := "", -1
	for _, part := range strings.FieldsFunc(s, func(r rune) bool { return r == '/' || r == '|' || r == ',' || r == ';' }) {
		part = tidyOutlet(part)
		if part == "" || !nameLike(part) {
			continue
		}
		score := min(d.mentions(part), 5)
		if _, ok := d.outlets[outletKey(part)]; ok {
			score += 2
		}
		if anyIn(lw(part), agencyWords) {
			score++
		}
		if score >= bs {
			best, bs = part, score
		}
	}
	return best
}

// rightsHolder returns the holder named in a copyright line ("© 2025 Name
// Media Ltd. All rights reserved." → "Name"), "" if none.
func rightsHolder(s string) string {
	i := strings.IndexRune(s, '©')
	if i >= 0 {
		i += len("©")
	} else if j := strings.Index(lower(s), "copyright"); j >= 0 {
		i = j + len("copyright")
	} else if j := strings.Index(lower(s), "(c)"); j >= 0 {
		i = j + len("(c)")
	} else {
		return ""
	}
	var buf [12]string
	var out []string
	for _, w := range words(s[i:], buf[:], 12) {
		t := strings.Trim(w, ",.;:()")
		if len(out) == 0 && (isYearish(t) || t == "" || lower(t) == "c") {
			continue
		}
		r, _ := utf8.DecodeRuneInString(t)
		if !unicode.IsUpper(r) && t != "&" && !(len(out) > 0 && connectors[lower(t)]) || len(out) == 6 {
			break
		}
		out = append(out, t)
		if strings.HasSuffix(w, ".") || strings.HasSuffix(w, ",") {
			break
		}
	}
	for len(out) > 0 && connectors[lower(out[len(out)-1])] {
		out = out[:len(out)-1]
	}
	return stripSuffixes(strings.Join(out, " "), corpSuffixes)
}

// expandAcronym finds in the text the capitalised words an all-capitals
// acronym abbreviates ("ABC" → "Alpha Beta Company"), "" when absent. The
// words must name an organisation: a generic organisation noun among them,
// or a name already seen as an outlet.
func (d *doc) expandAcronym(a string) string {
	if len(a) < 2 || len(a) > 6 {
		return ""
	}
	for i := 0; i < len(a); i++ {
		if a[i] < 'A' || a[i] > 'Z' {
			return ""
		}
	}
	raw := d.raw
	for i := strings.IndexByte(raw, a[0]); i >= 0; {
		if i == 0 || !isWordByte(raw[i-1]) {
			// an organisation's name, not a person's that shares the initials
			if e := matchInitials(raw, i, a); e > 0 && (anyIn(lw(raw[i:e]), orgNouns) || d.outlets[outletKey(raw[i:e])] != nil) {
				return raw[i:e]
			}
		}
		j := strings.IndexByte(raw[i+1:], a[0])
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return ""
}

func isWordByte(c byte) bool { return c >= 0x80 || isASCIILetter(c) || c >= '0' && c <= '9' }

// matchInitials matches words from s[i:] whose initials spell a, with
// connectors allowed between them; it returns where the last word ends, -1
// when they do not match.
func matchInitials(s string, i int, a string) int {
	k := 0
	for pos := i; ; {
		j := pos
		for j < len(s) && isWordByte(s[j]) {
			j++
		}
		w := s[pos:j]
		switch {
		case len(w) >= 2 && w[0] == a[k] && hasLowerASCII(w[1:]):
			k++
			if k == len(a) {
				return j
			}
		case k > 0 && connectors[lower(w)]:
		default:
			return -1
		}
		if j >= len(s) || s[j] != ' ' && s[j] != '-' {
			return -1
		}
		pos = j + 1
	}
}

func hasLowerASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 'a' && s[i] <= 'z' {
			return true
		}
	}
	return false
}
