package compare

import (
	"math"
	"sort"
	"strconv"
	"strings"

	parallax "github.com/parallax-news/parallax"
)

// FactKind classifies a fact.
type FactKind string

const (
	NumberFact FactKind = "number" // a count or amount with its noun: "146 million people"
	DateFact   FactKind = "date"   // "December 23", "in 1997"
)

// Fact is a number with its unit, or a date, as one outlet states it.
type Fact struct {
	Article int64         `json:"article"`
	Outlet  string        `json:"outlet"`
	Kind    FactKind      `json:"kind"`
	Span    parallax.Span `json:"span"` // the number and its unit
	Text    string        `json:"text"`
	Value   float64       `json:"value"` // dates: YYYYMMDD, with 00 for unknown parts
	// Unit is the counted noun, lower-cased and singular ("person" is not
	// merged with "people": units compare as written, less a plural s).
	Unit string `json:"unit,omitempty"`
	// Approx is set when a hedge precedes the number ("nearly", "over").
	Approx bool `json:"approx,omitempty"`
	// Subject is the nearest name before the number (after it when none
	// precedes), lower-cased: "Romney" in "Romney at 17 percent".
	Subject string `json:"subject,omitempty"`
	// Sentence is the span of the sentence stating it; Keywords the
	// content words near the number, which tell what it is about.
	Sentence parallax.Span `json:"sentence"`
	Keywords []string      `json:"keywords,omitempty"`
}

// Contradiction is two outlets giving different values for the same unit
// about the same thing: the same Subject (or none), and words near the
// numbers in common (Shared).
type Contradiction struct {
	Unit   string   `json:"unit"`
	A      Fact     `json:"a"`
	B      Fact     `json:"b"`
	Shared []string `json:"shared"`
}

var smallNumbers = map[string]float64{
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
	"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
	"seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
	"sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12, "dozens": 24, "hundreds": 200,
}

var scales = map[string]float64{"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}

var approxWords = map[string]bool{"nearly": true, "almost": true, "about": true, "around": true, "over": true,
	"roughly": true, "approximately": true, "some": true, "than": true, "least": true, "under": true,
	"up": true, "estimated": true, "about,": true}

var months = map[string]int{"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
	"august": 8, "september": 9, "october": 10, "november": 11, "december": 12, "jan": 1, "feb": 2,
	"aug": 8, "sept": 9, "sep": 9, "oct": 10, "nov": 11, "dec": 12}

// Words that cannot be a counted noun or a keyword.
var factStop = map[string]bool{"the": true, "a": true, "an": true, "of": true, "and": true, "or": true, "in": true,
	"on": true, "at": true, "to": true, "for": true, "with": true, "by": true, "from": true, "that": true,
	"this": true, "these": true, "those": true, "is": true, "are": true, "was": true, "were": true,
	"be": true, "been": true, "has": true, "have": true, "had": true, "it": true, "its": true, "he": true,
	"she": true, "they": true, "we": true, "his": true, "her": true, "their": true, "our": true, "but": true,
	"said": true, "says": true, "than": true, "more": true, "also": true, "which": true, "who": true,
	"after": true, "before": true, "into": true, "about": true, "not": true, "will": true, "would": true,
	"there": true, "what": true, "when": true, "where": true, "other": true, "such": true, "year": true,
	"years": true, "ago": true, "last": true, "next": true, "first": true, "times": true}

type word struct {
	s  string
	lo string
	at parallax.Span
}

// Facts lists the numbers (with their units) and dates each original
// article of the story states, in article order.
func Facts(in Input) []Fact {
	s := index(in)
	var out []Fact
	for _, a := range in.Articles {
		if s.root(a.ID) != a.ID {
			continue
		}
		o := outletName(a)
		for _, body := range bodySpans(a) {
			for _, sent := range sentenceSpans(a.Raw, body) {
				var ws []word
				words(a.Raw, sent, func(w string, at parallax.Span) { ws = append(ws, word{w, lower(w), at}) })
				out = append(out, sentenceFacts(a, o, sent, ws)...)
			}
		}
	}
	return out
}

// sentenceSpans splits raw[sp] after . ? ! followed by a space and a
// capital or a quotation mark.
func sentenceSpans(raw string, sp parallax.Span) []parallax.Span {
	var out []parallax.Span
	start := sp.Start
	for i := sp.Start; i < sp.End; i++ {
		c := raw[i]
		if c != '.' && c != '?' && c != '!' {
			continue
		}
		j := i + 1
		if j+1 >= sp.End || raw[j] != ' ' {
			continue
		}
		n := raw[j+1]
		if !(n >= 'A' && n <= 'Z' || n == '"' || n == 0xE2) {
			continue
		}
		// "U.S. President": a dot after a lone capital is an abbreviation.
		if i >= 1 && raw[i-1] >= 'A' && raw[i-1] <= 'Z' && (i < 2 || raw[i-2] == '.' || raw[i-2] == ' ') {
			continue
		}
		out = append(out, parallax.Span{Start: start, End: j})
		start = j + 1
	}
	if start < sp.End {
		out = append(out, parallax.Span{Start: start, End: sp.End})
	}
	return out
}

// parseNumber reads a number word or numeral.
func parseNumber(lo string) (float64, bool) {
	if v, ok := smallNumbers[lo]; ok {
		return v, true
	}
	if i := strings.IndexByte(lo, '-'); i > 0 {
		a, ok1 := smallNumbers[lo[:i]]
		b, ok2 := smallNumbers[lo[i+1:]]
		if ok1 && ok2 && a >= 20 && b < 10 {
			return a + b, true
		}
		return 0, false
	}
	if lo == "" || lo[0] < '0' || lo[0] > '9' {
		return 0, false
	}
	v, err := strconv.ParseFloat(strings.ReplaceAll(lo, ",", ""), 64)
	return v, err == nil
}

func sentenceFacts(a *parallax.Article, outlet string, sent parallax.Span, ws []word) []Fact {
	var facts []Fact
	// window lists the content words within six words before and four
	// after ws[i:j], and the nearest name (before, else after).
	window := func(i, j int) ([]string, string) {
		var keys []string
		seen := map[string]bool{}
		subj, subjAfter := "", ""
		for k := max(0, i-6); k < min(len(ws), j+4); k++ {
			if k >= i && k < j {
				continue
			}
			w := ws[k]
			if isName(w, k) {
				if k < i {
					subj = w.lo
				} else if subjAfter == "" {
					subjAfter = w.lo
				}
			}
			if len(w.lo) >= 4 && !factStop[w.lo] && !isNumberish(w.lo) && !seen[w.lo] {
				seen[w.lo] = true
				keys = append(keys, w.lo)
			}
		}
		sort.Strings(keys)
		if subj == "" {
			subj = subjAfter
		}
		return keys, subj
	}
	for i := 0; i < len(ws); i++ {
		w := ws[i]
		// Dates: "December 23", "December 23, 2021", "23 December".
		if m, ok := months[strings.TrimSuffix(w.lo, ".")]; ok && (w.s[0] >= 'A' && w.s[0] <= 'Z') {
			end := w.at.End
			day, year := 0, 0
			k := i + 1
			if k < len(ws) {
				if d, err := strconv.Atoi(ws[k].lo); err == nil && d >= 1 && d <= 31 {
					day, end = d, ws[k].at.End
					k++
				}
			}
			if k < len(ws) {
				if y, err := strconv.Atoi(ws[k].lo); err == nil && y >= 1800 && y <= 2200 {
					year, end = y, ws[k].at.End
					k++
				}
			}
			if i > 0 && day == 0 {
				if d, err := strconv.Atoi(ws[i-1].lo); err == nil && d >= 1 && d <= 31 {
					day = d
					w.at.Start = ws[i-1].at.Start
				}
			}
			if day > 0 || year > 0 {
				sp := parallax.Span{Start: w.at.Start, End: end}
				keys, subj := window(i, k)
				facts = append(facts, Fact{Article: a.ID, Outlet: outlet, Kind: DateFact, Span: sp, Text: sp.In(a.Raw),
					Value: float64(year*10000 + m*100 + day), Subject: subj, Sentence: sent, Keywords: keys})
				i = k - 1
				continue
			}
		}
		v, ok := parseNumber(w.lo)
		if !ok {
			// A compound quantity: "five-hour", "30-day".
			if v, u, ok := compoundQuantity(w.lo); ok {
				keys, subj := window(i, i+1)
				facts = append(facts, Fact{Article: a.ID, Outlet: outlet, Kind: NumberFact, Span: w.at, Text: w.s,
					Value: v, Unit: singular(u), Approx: i > 0 && approxWords[ws[i-1].lo], Subject: subj, Sentence: sent, Keywords: keys})
			}
			continue
		}
		// A year: "in 1997", "the 1988 debate" (a count of that size is
		// written with a comma).
		if y := int(v); float64(y) == v && y >= 1800 && y <= 2200 && len(w.lo) == 4 {
			keys, subj := window(i, i+1)
			facts = append(facts, Fact{Article: a.ID, Outlet: outlet, Kind: DateFact, Span: w.at, Text: w.s,
				Value: float64(y * 10000), Subject: subj, Sentence: sent, Keywords: keys})
			continue
		}
		end := w.at.End
		k := i + 1
		for k < len(ws) {
			if sc, ok := scales[ws[k].lo]; ok {
				v *= sc
				end = ws[k].at.End
				k++
				continue
			}
			break
		}
		if k >= len(ws) {
			continue
		}
		u := ws[k]
		if factStop[u.lo] || isNumberish(u.lo) || u.s[0] >= 'A' && u.s[0] <= 'Z' || len(u.lo) < 3 {
			continue
		}
		end = u.at.End
		approx := i > 0 && approxWords[ws[i-1].lo]
		sp := parallax.Span{Start: w.at.Start, End: end}
		keys, subj := window(i, k+1)
		facts = append(facts, Fact{Article: a.ID, Outlet: outlet, Kind: NumberFact, Span: sp, Text: sp.In(a.Raw),
			Value: v, Unit: singular(u.lo), Approx: approx, Subject: subj, Sentence: sent, Keywords: keys})
		i = k
	}
	return facts
}

// isName: a capitalised word not opening the sentence, or an acronym.
func isName(w word, k int) bool {
	if w.s == "" || factStop[w.lo] || months[w.lo] > 0 {
		return false
	}
	c := w.s[0]
	if c < 'A' || c > 'Z' {
		return false
	}
	return k > 0 || len(w.s) > 1 && w.s[1] >= 'A' && w.s[1] <= 'Z'
}

func isNumberish(s string) bool {
	_, ok := parseNumber(s)
	return ok || scales[s] > 0
}

// singular drops a plural ending: "hours" → "hour", "waves" → "wave".
func singular(w string) string {
	switch {
	case strings.HasSuffix(w, "ies") && len(w) > 4:
		return w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "ss"), strings.HasSuffix(w, "us"), len(w) <= 3:
		return w
	case strings.HasSuffix(w, "s"):
		return w[:len(w)-1]
	}
	return w
}

// Contradictions pairs facts of different outlets that count the same
// unit about the same thing with different values: their subjects agree
// (or one is unknown) and at least two words near the numbers are shared.
// Approximate figures within 25% of each other, and a whole number
// against the same figure unrounded, do not contradict.
func Contradictions(facts []Fact) []Contradiction {
	var out []Contradiction
	for i := range facts {
		for j := i + 1; j < len(facts); j++ {
			a, b := facts[i], facts[j]
			if a.Kind != NumberFact || b.Kind != NumberFact || a.Unit != b.Unit || a.Outlet == b.Outlet || a.Value == b.Value {
				continue
			}
			if (a.Approx || b.Approx) && math.Abs(a.Value-b.Value) <= 0.25*math.Max(a.Value, b.Value) {
				continue
			}
			// "36 percent" is "35.7 percent" rounded.
			if rounded(a.Value, b.Value) || rounded(b.Value, a.Value) {
				continue
			}
			if a.Subject != b.Subject && a.Subject != "" && b.Subject != "" {
				continue
			}
			shared := sharedKeys(a.Keywords, b.Keywords, a.Unit)
			if len(shared) < 2 {
				continue
			}
			out = append(out, Contradiction{Unit: a.Unit, A: a, B: b, Shared: shared})
		}
	}
	return out
}

// rounded reports whether whole number a is b rounded.
func rounded(a, b float64) bool { return a == math.Trunc(a) && b != math.Trunc(b) && math.Abs(a-b) < 1 }

func sharedKeys(a, b []string, unit string) []string {
	var out []string
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] == b[j]:
			if singular(a[i]) != unit {
				out = append(out, a[i])
			}
			i++
			j++
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return out
}

// compoundQuantity reads a hyphenated number and unit ("five-hour",
// "30-day"); ok is false for anything else.
func compoundQuantity(lo string) (v float64, unit string, ok bool) {
	j := strings.IndexByte(lo, '-')
	if _, whole := parseNumber(lo); j <= 0 || whole {
		return 0, "", false
	}
	if v, ok = parseNumber(lo[:j]); !ok {
		return 0, "", false
	}
	unit = lo[j+1:]
	if len(unit) < 3 || factStop[unit] {
		return 0, "", false
	}
	for _, r := range unit {
		if r < 'a' || r > 'z' {
			return 0, "", false
		}
	}
	return v, unit, true
}
