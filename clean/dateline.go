package clean

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// dateline is what parseDateline reads at the start of a paragraph.
type dateline struct {
	place      string // as written ("PARIS", "Kyiv, Ukraine")
	agency     string // "(Agency)" or an agency name before the place
	reporter   string // "(reporter Name)"
	month, day int
	start, end int  // the dateline expression in the paragraph, without the separator
	rest       int  // where the paragraph's own text starts
	sep        rune // the separator after the dateline, 0 if none
}

// parseDateline reads a dateline opening s:
//
//	PLACE —                      (capitals, then a dash)
//	PLACE, Region (Agency) —
//	Place (Agency) -
//	[Agency Name] Place, Month Day [(reporter Name)]
func parseDateline(s string) (dateline, bool) {
	var d dateline
	type word struct{ s, e int }
	var ws [8]word
	n, i := 0, 0
	caps := true
	for n < len(ws) {
		j := i
		for j < len(s) && s[j] != ' ' && s[j] != ',' && s[j] != '(' && s[j] != ':' {
			r, sz := utf8.DecodeRuneInString(s[j:])
			if r == '—' || r == '–' || r == '―' || (r == '-' && (j+1 >= len(s) || s[j+1] == ' ' || s[j+1] == '-')) {
				break
			}
			j += sz
		}
		if j == i {
			break
		}
		w := s[i:j]
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) || monthNumber(strings.TrimRight(w, ".")) > 0 && n > 0 {
			break
		}
		if !allCaps(w) && !(len(w) <= 3 && strings.HasSuffix(w, ".")) {
			caps = false
		}
		ws[n] = word{i, j}
		n++
		i = j
		if i < len(s) && s[i] == ' ' {
			i++
		} else {
			break
		}
	}
	if n == 0 {
		return d, false
	}
	placeStart, placeEnd := ws[0].s, ws[n-1].e
	// Split "Agency Name Place" on the last agency word.
	if !caps {
		cut := -1
		for k := 0; k < n-1; k++ {
			if agencyWords[lower(trimPunct(s[ws[k].s:ws[k].e]))] {
				cut = k
			}
		}
		if cut >= 0 {
			d.agency = s[ws[0].s:ws[cut].e]
			placeStart = ws[cut+1].s
		}
	}
	if countWords(s[placeStart:placeEnd]) > 4 {
		return d, false
	}
	d.start, d.end = ws[0].s, placeEnd
	i = placeEnd
	sep := false
	for steps := 0; steps < 4 && i < len(s); steps++ {
		k := i
		for k < len(s) && s[k] == ' ' {
			k++
		}
		switch {
		case k < len(s) && s[k] == ',':
			k++
			for k < len(s) && s[k] == ' ' {
				k++
			}
			if m, dd, sz := monthDay(s[k:]); sz > 0 {
				d.month, d.day = m, dd
				d.end, i = k+sz, k+sz
				continue
			}
			// ", Region" after a capitals place.
			if caps && d.month == 0 {
				if e := regionEnd(s, k); e > k {
					placeEnd, d.end, i = e, e, e
					continue
				}
			}
			i = k
		case k < len(s) && s[k] == '(':
			e := strings.IndexByte(s[k:], ')')
			if e < 0 || e > 60 {
				return d, false
			}
			inner := strings.TrimSpace(s[k+1 : k+e])
			li := lower(inner)
			switch {
			case strings.HasPrefix(li, "reporter") || strings.HasPrefix(li, "by ") || strings.HasPrefix(li, "reported by") || strings.HasPrefix(li, "correspondent"):
				name := inner[strings.IndexByte(inner+" ", ' '):]
				if strings.HasPrefix(li, "reported by") {
					name = inner[len("reported by"):]
				}
				d.reporter = strings.TrimSpace(strings.TrimLeft(name, " :"))
			default:
				r, _ := utf8.DecodeRuneInString(inner)
				if !unicode.IsUpper(r) || countWords(inner) > 5 {
					return d, false
				}
				d.agency = inner
			}
			d.end, i = k+e+1, k+e+1
		default:
			if k < len(s) {
				r, sz := utf8.DecodeRuneInString(s[k:])
				if r == '—' || r == '–' || r == '―' || r == '-' {
					k += sz
					for k < len(s) && s[k] == '-' {
						k++
					}
					if k < len(s) {
						sep, d.sep = true, r
						for k < len(s) && s[k] == ' ' {
							k++
						}
						i = k
					}
				}
			}
			steps = 4
		}
	}
	d.place = strings.TrimSpace(s[placeStart:placeEnd])
	d.rest = i
	if d.rest <= d.end {
		d.rest = d.end
	}
	switch {
	case caps && !sep && d.month == 0 && strings.TrimSpace(s[d.end:]) == "" && strings.Contains(s[:d.end], ", "):
		// a dateline alone on its line: "CITY, Region" (a lone capitalised
		// word is more often a section label)
	case sep && (caps || d.agency != ""):
	case sep && n == 1 && slashPlaces(s[d.start:placeEnd]):
		// "Place/Place –": filed in the first
	case d.month > 0 && (d.reporter != "" || d.agency != "" || caps || sep):
	default:
		return d, false
	}
	if j := strings.IndexByte(d.place, '/'); j > 0 && !caps {
		d.place = d.place[:j]
	}
	if d.place == "" || !sep && d.month == 0 && !(caps && strings.TrimSpace(s[d.end:]) == "" && strings.Contains(s[:d.end], ", ")) {
		return d, false
	}
	return d, true
}

// slashPlaces reports "Name/Name": capitalised names joined by slashes.
func slashPlaces(w string) bool {
	if strings.Count(w, "/") != 1 {
		return false
	}
	for _, p := range strings.Split(w, "/") {
		r, _ := utf8.DecodeRuneInString(p)
		if len(p) < 3 || !unicode.IsUpper(r) || allCaps(p) {
			return false
		}
	}
	return true
}

// regionEnd reads one to three capitalised words from k ("Ukraine",
// "Calif.") and returns where they end; k when there are none.
func regionEnd(s string, k int) int {
	e, n := k, 0
	for n < 3 && e < len(s) {
		r, _ := utf8.DecodeRuneInString(s[e:])
		if !unicode.IsUpper(r) {
			break
		}
		j := e
		for j < len(s) && s[j] != ' ' && s[j] != '(' && s[j] != ',' {
			j++
		}
		w := s[e:j]
		if allCaps(w) && len(w) > 3 || monthNumber(strings.TrimRight(w, ".")) > 0 {
			break
		}
		e, n = j, n+1
		if j+1 < len(s) && s[j] == ' ' {
			r2, _ := utf8.DecodeRuneInString(s[j+1:])
			if unicode.IsUpper(r2) && r2 != '—' {
				e = j + 1
				continue
			}
		}
		break
	}
	for e > k && s[e-1] == ' ' {
		e--
	}
	return e
}

func countWords(s string) int { return len(strings.Fields(s)) }
