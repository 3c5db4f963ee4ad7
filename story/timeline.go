package story

import (
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	parallax "github.com/parallax-news/parallax"
)

// tok is one word or number of a sentence; s and e are byte offsets into
// the sentence.
type tok struct {
	s, e  int
	low   string
	upper bool // starts with a capital
	num   int  // value of a leading digit run, -1 without one
	nd    int  // digits in that run
}

func tokenize(s string) []tok {
	var ts []tok
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			i += n
			continue
		}
		j := i
		for j < len(s) {
			r, n := utf8.DecodeRuneInString(s[j:])
			if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
				break
			}
			j += n
		}
		t := tok{s: i, e: j, low: strings.ToLower(s[i:j]), upper: unicode.IsUpper(r), num: -1}
		for k := i; k < j && k-i < 9 && '0' <= s[k] && s[k] <= '9'; k++ {
			if t.num < 0 {
				t.num = 0
			}
			t.num = t.num*10 + int(s[k]-'0')
			t.nd++
		}
		ts = append(ts, t)
		i = j
	}
	return ts
}

var months = map[string]time.Month{
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
	"september": 9, "october": 10, "november": 11, "december": 12,
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
	"oct": 10, "nov": 11, "dec": 12,
}

var weekdays = map[string]time.Weekday{
	"sunday": 0, "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6,
}

var decades = map[string]int{
	"twenties": 1920, "thirties": 1930, "forties": 1940, "fifties": 1950, "sixties": 1960,
	"seventies": 1970, "eighties": 1980, "nineties": 1990,
}

var numberWords = map[string]int{
	"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
	"eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "several": 3, "few": 3,
}

// yearCues are words after which a four-digit number is a year.
var yearCues = map[string]bool{"in": true, "since": true, "by": true, "until": true, "till": true,
	"before": true, "after": true, "from": true, "during": true, "early": true, "late": true, "mid": true,
	"of": true, "between": true, "and": true, "to": true, "around": true, "through": true}

// monthCues are words after which a bare month name is a date.
var monthCues = map[string]bool{"in": true, "since": true, "until": true, "by": true, "early": true,
	"late": true, "mid": true, "last": true, "next": true, "this": true, "during": true, "from": true}

// futureCues mark a sentence as telling what is to come.
var futureCues = map[string]bool{"will": true, "shall": true, "ll": true, "scheduled": true,
	"upcoming": true, "plans": true, "planned": true, "planning": true, "expected": true, "due": true,
	"set": true, "tomorrow": true, "going": true, "intends": true}

// lead words joined to an expression's front
var leadWords = map[string]bool{"on": true, "in": true, "since": true, "from": true, "until": true,
	"by": true, "during": true, "earlier": true, "later": true, "early": true, "late": true, "mid": true}

type kind uint8

const (
	kExplicit kind = iota // a stated calendar date
	kWeekday              // a weekday resolved against publication
	kRelative             // yesterday, last week, …
)

type found struct {
	from, to int // token range [from, to)
	date     time.Time
	end      time.Time
	prec     string
	kind     kind
	weekday  time.Weekday
}

// Timeline returns the dated happenings a's sentences mention, their dates
// resolved against a's publication date, in text order. Sentences are
// spans of a.Raw. Expressions relative to publication are skipped when the
// article has no publication date.
func Timeline(a *parallax.Article, sentences []parallax.Span) []parallax.TimelineEntry {
	pub, hasPub := a.PublishedTime()
	if hasPub {
		pub = time.Date(pub.Year(), pub.Month(), pub.Day(), 0, 0, 0, 0, time.UTC)
	}
	var page time.Time
	if v, ok := a.Meta["page_date"].(string); ok && len(v) >= 10 {
		page, _ = time.Parse("2006-01-02", v[:10])
	}
	var out []parallax.TimelineEntry
	for _, sp := range sentences {
		text := sp.In(a.Raw)
		if text == "" {
			continue
		}
		ts := tokenize(text)
		future := false
		for i, t := range ts {
			if futureCues[t.low] && (t.low != "set" && t.low != "due" && t.low != "expected" && t.low != "going" || i+1 < len(ts) && ts[i+1].low == "to") {
				future = true
			}
		}
		fs := scan(text, ts, pub, hasPub, future)
		// the calendar dates stated in this sentence, for weekday checks
		var stated []time.Time
		for _, f := range fs {
			if f.kind == kExplicit && f.prec == parallax.PrecisionDay {
				stated = append(stated, f.date)
			}
		}
		for _, f := range fs {
			from, to := ts[f.from].s, ts[f.to-1].e
			e := parallax.TimelineEntry{
				Date: format(f.date, f.prec), Precision: f.prec,
				Text: strings.TrimSpace(text), Expr: text[from:to],
				Span: parallax.Span{Start: sp.Start + from, End: sp.Start + to}, Article: a.ID,
			}
			if !f.end.IsZero() {
				e.End = format(f.end, f.prec)
			}
			var flags []string
			if f.kind == kWeekday {
				for _, d := range stated {
					if d.Weekday() != f.weekday {
						flags = append(flags, parallax.FlagWeekdayMismatch)
						break
					}
				}
			}
			if !page.IsZero() && hasPub && (f.prec == parallax.PrecisionDay || f.prec == parallax.PrecisionWeek) &&
				absDays(f.date.Sub(pub)) <= 14 && page.Sub(f.date) > 30*24*time.Hour {
				flags = append(flags, parallax.FlagPageDateAfter)
			}
			e.Flag = strings.Join(flags, ",")
			out = append(out, e)
		}
	}
	return out
}

func absDays(d time.Duration) int {
	n := int(d / (24 * time.Hour))
	if n < 0 {
		return -n
	}
	return n
}

func format(t time.Time, prec string) string {
	switch prec {
	case parallax.PrecisionDay, parallax.PrecisionWeek:
		return t.Format("2006-01-02")
	case parallax.PrecisionMonth:
		return t.Format("2006-01")
	default:
		return fmt.Sprintf("%04d", t.Year())
	}
}

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func validDay(y int, m time.Month, d int) bool {
	return d >= 1 && d <= 31 && day(y, m, d).Month() == m
}

// monday returns the Monday starting t's week.
func monday(t time.Time) time.Time {
	return t.AddDate(0, 0, -((int(t.Weekday()) + 6) % 7))
}

// scan finds the temporal expressions of one sentence.
func scan(text string, ts []tok, pub time.Time, hasPub, future bool) []found {
	var fs []found
	low := func(i int) string {
		if i < 0 || i >= len(ts) {
			return ""
		}
		return ts[i].low
	}
	// gap is the text between tokens i and i+1
	gap := func(i int) string {
		if i+1 >= len(ts) {
			return ""
		}
		return text[ts[i].e:ts[i+1].s]
	}
	isYear := func(i int) bool {
		return i < len(ts) && ts[i].nd == 4 && len(ts[i].low) == 4 && ts[i].num >= 1800 && ts[i].num <= 2100
	}
	isDayNum := func(i int) bool {
		if i >= len(ts) || ts[i].nd == 0 || ts[i].nd > 2 || ts[i].num < 1 || ts[i].num > 31 {
			return false
		}
		suf := ts[i].low[ts[i].nd:]
		return suf == "" || suf == "st" || suf == "nd" || suf == "rd" || suf == "th"
	}
	month := func(i int) (time.Month, bool) {
		if i >= len(ts) || !ts[i].upper {
			return 0, false
		}
		m, ok := months[ts[i].low]
		if ok && len(ts[i].low) <= 4 && ts[i].low != "june" && ts[i].low != "july" {
			// an abbreviation must carry its period, or be "May"
			if ts[i].low != "may" && !strings.HasPrefix(gap(i), ".") {
				return 0, false
			}
		}
		return m, ok
	}
	// resolveMD places month m day d in a year near publication.
	resolveMD := func(m time.Month, d int) (time.Time, bool) {
		if !hasPub {
			return time.Time{}, false
		}
		y := pub.Year()
		if !validDay(y, m, d) && !validDay(y-1, m, d) {
			return time.Time{}, false
		}
		t := day(y, m, d)
		switch {
		case !future && t.After(pub.AddDate(0, 0, 7)):
			t = day(y-1, m, d)
		case future && t.Before(pub.AddDate(0, 0, -7)):
			t = day(y+1, m, d)
		}
		return t, true
	}
	for i := 0; i < len(ts); i++ {
		var f found
		ok := false
		l := ts[i].low
		switch {
		// 07.02.2022, 23/12/2021, 2021-12-23
		case ts[i].nd == len(l) && ts[i].nd >= 1 && i+2 < len(ts) && ts[i+1].nd == len(ts[i+1].low) &&
			ts[i+2].nd == len(ts[i+2].low) && len(gap(i)) == 1 && gap(i) == gap(i+1) && strings.Contains("./-", gap(i)):
			a, b, c := ts[i].num, ts[i+1].num, ts[i+2].num
			var y, m, d int
			switch {
			case ts[i].nd == 4:
				y, m, d = a, b, c
			case ts[i+2].nd == 4 && (gap(i) == "." || a > 12):
				y, m, d = c, b, a
			case ts[i+2].nd == 4:
				y, m, d = c, a, b
			}
			if y >= 1800 && m >= 1 && m <= 12 && validDay(y, time.Month(m), d) {
				f = found{from: i, to: i + 3, date: day(y, time.Month(m), d), prec: parallax.PrecisionDay}
				ok = true
			}
		// Month Day[, Year][ to Day]; Month Year; in Month
		case func() bool { _, ok := month(i); return ok }():
			m, _ := month(i)
			switch {
			case isDayNum(i + 1):
				d := ts[i+1].num
				j := i + 2
				endDay := 0
				if j+1 < len(ts) && isDayNum(j+1) && (low(j) == "to" || low(j) == "through" || low(j) == "and" || low(j) == "until") {
					endDay, j = ts[j+1].num, j+2
				} else if isDayNum(j) && (strings.TrimSpace(gap(j-1)) == "-" || strings.TrimSpace(gap(j-1)) == "–") {
					endDay, j = ts[j].num, j+1
				}
				var t time.Time
				if isYear(j) && validDay(ts[j].num, m, d) {
					t, ok = day(ts[j].num, m, d), true
					j++
				} else if low(j) == "this" && low(j+1) == "year" && hasPub && validDay(pub.Year(), m, d) {
					t, ok = day(pub.Year(), m, d), true
					j += 2
				} else {
					t, ok = resolveMD(m, d)
				}
				if ok {
					f = found{from: i, to: j, date: t, prec: parallax.PrecisionDay}
					if endDay > d && validDay(t.Year(), m, endDay) {
						f.end = day(t.Year(), m, endDay)
					}
				}
			case isYear(i + 1):
				f, ok = found{from: i, to: i + 2, date: day(ts[i+1].num, m, 1), prec: parallax.PrecisionMonth}, true
			case monthCues[low(i-1)] && ts[i].low != "may" && hasPub:
				y := pub.Year()
				switch {
				case low(i-1) == "last":
					if m >= pub.Month() {
						y--
					}
				case low(i-1) == "next":
					if m <= pub.Month() {
						y++
					}
				case low(i-1) == "this":
				case future && m < pub.Month():
					y++
				case !future && m > pub.Month():
					y--
				}
				f, ok = found{from: i, to: i + 1, date: day(y, m, 1), prec: parallax.PrecisionMonth}, true
				if low(i-1) == "last" || low(i-1) == "next" || low(i-1) == "this" {
					f.from = i - 1
				}
			}
		// 23 December 2021
		case isDayNum(i) && func() bool { _, ok := month(i + 1); return ok }():
			m, _ := month(i + 1)
			d := ts[i].num
			if isYear(i+2) && validDay(ts[i+2].num, m, d) {
				f, ok = found{from: i, to: i + 3, date: day(ts[i+2].num, m, d), prec: parallax.PrecisionDay}, true
			} else if t, good := resolveMD(m, d); good {
				f, ok = found{from: i, to: i + 2, date: t, prec: parallax.PrecisionDay}, true
			}
		// in 1997; in the 2019 strategy
		case isYear(i) && (yearCues[low(i-1)] || low(i-1) == "the" && low(i-2) == "in"):
			f, ok = found{from: i, to: i + 1, date: day(ts[i].num, 1, 1), prec: parallax.PrecisionYear}, true
			if low(i-1) == "the" {
				f.from = i - 1
			}
		// the 1990s, the '90s, the nineties
		case ts[i].nd >= 2 && l == l[:ts[i].nd]+"s" && (ts[i].nd == 4 && ts[i].num%10 == 0 || ts[i].nd == 2 && ts[i].num%10 == 0):
			y := ts[i].num
			if ts[i].nd == 2 {
				y += 1900
			}
			f, ok = found{from: i, to: i + 1, date: day(y, 1, 1), prec: parallax.PrecisionDecade}, true
			if low(i-1) == "the" {
				f.from = i - 1
			}
		case decades[l] != 0 && low(i-1) == "the":
			f, ok = found{from: i - 1, to: i + 1, date: day(decades[l], 1, 1), prec: parallax.PrecisionDecade}, true
		case !hasPub:
		case l == "yesterday" || l == "today" || l == "tonight" || l == "tomorrow":
			off := map[string]int{"yesterday": -1, "tomorrow": 1}[l]
			f, ok = found{from: i, to: i + 1, date: pub.AddDate(0, 0, off), prec: parallax.PrecisionDay, kind: kRelative}, true
		case l == "last" && low(i+1) == "night":
			f, ok = found{from: i, to: i + 2, date: pub.AddDate(0, 0, -1), prec: parallax.PrecisionDay, kind: kRelative}, true
		// last/this/next week, month, year, weekday
		case (l == "last" || l == "this" || l == "next" || l == "past") && i+1 < len(ts):
			n := map[string]int{"last": -1, "past": -1, "next": 1}[l]
			switch u := low(i + 1); {
			case u == "week":
				f, ok = found{from: i, to: i + 2, date: monday(pub).AddDate(0, 0, 7*n), prec: parallax.PrecisionWeek, kind: kRelative}, true
			case u == "month":
				first := day(pub.Year(), pub.Month(), 1)
				f, ok = found{from: i, to: i + 2, date: first.AddDate(0, n, 0), prec: parallax.PrecisionMonth, kind: kRelative}, true
			case u == "year":
				f, ok = found{from: i, to: i + 2, date: day(pub.Year()+n, 1, 1), prec: parallax.PrecisionYear, kind: kRelative}, true
			case ts[i+1].upper && (weekdays[u] != 0 || u == "sunday"):
				wd := weekdays[u]
				back := (int(pub.Weekday()) - int(wd) + 7) % 7
				var t time.Time
				switch l {
				case "next":
					t = pub.AddDate(0, 0, (int(wd)-int(pub.Weekday())+7)%7)
					if !t.After(pub) {
						t = t.AddDate(0, 0, 7)
					}
				case "this":
					t = pub.AddDate(0, 0, -back)
					if future {
						t = pub.AddDate(0, 0, (int(wd)-int(pub.Weekday())+7)%7)
					}
				default:
					if back == 0 {
						back = 7
					}
					t = pub.AddDate(0, 0, -back)
				}
				f, ok = found{from: i, to: i + 2, date: t, prec: parallax.PrecisionDay, kind: kWeekday, weekday: wd}, true
			}
		// three weeks ago
		case (ts[i].nd > 0 && ts[i].nd == len(l) || numberWords[l] != 0) && low(i+2) == "ago":
			n := ts[i].num
			if ts[i].nd == 0 {
				n = numberWords[l]
			}
			switch strings.TrimSuffix(low(i+1), "s") {
			case "day":
				f, ok = found{date: pub.AddDate(0, 0, -n), prec: parallax.PrecisionDay}, true
			case "week":
				f, ok = found{date: monday(pub.AddDate(0, 0, -7*n)), prec: parallax.PrecisionWeek}, true
			case "month":
				f, ok = found{date: day(pub.Year(), pub.Month(), 1).AddDate(0, -n, 0), prec: parallax.PrecisionMonth}, true
			case "year":
				f, ok = found{date: day(pub.Year()-n, 1, 1), prec: parallax.PrecisionYear}, true
			}
			f.from, f.to, f.kind = i, i+3, kRelative
		// on Thursday
		case ts[i].upper && (weekdays[l] != 0 || l == "sunday"):
			wd := weekdays[l]
			var t time.Time
			if future {
				t = pub.AddDate(0, 0, (int(wd)-int(pub.Weekday())+7)%7)
			} else {
				t = pub.AddDate(0, 0, -((int(pub.Weekday()) - int(wd) + 7) % 7))
			}
			f, ok = found{from: i, to: i + 1, date: t, prec: parallax.PrecisionDay, kind: kWeekday, weekday: wd}, true
		}
		if !ok {
			continue
		}
		// "early 2022", "earlier this month", "on Thursday": take the lead word
		if f.from > 0 && leadWords[low(f.from-1)] {
			f.from--
			switch low(f.from) {
			case "early", "late", "mid", "earlier", "later":
				if f.from > 0 && (low(f.from-1) == "in" || low(f.from-1) == "on") {
					f.from--
				}
			}
		}
		fs = append(fs, f)
		i = f.to - 1
	}
	return fs
}

// MergeTimeline groups entries of several articles that give the same date
// to the same happening (their sentences share enough content words), in
// date order.
func MergeTimeline(entries []parallax.TimelineEntry) []parallax.TimelineGroup {
	type group struct {
		g     parallax.TimelineGroup
		words map[string]bool
	}
	var gs []*group
	for _, e := range entries {
		ws := contentWords(e.Text)
		var best *group
		bestSim := 0.0
		for _, g := range gs {
			if g.g.Date != e.Date || g.g.Precision != e.Precision || g.g.End != e.End {
				continue
			}
			if s := overlap(ws, g.words); s > bestSim {
				best, bestSim = g, s
			}
		}
		if best == nil || bestSim < 0.2 {
			best = &group{g: parallax.TimelineGroup{Date: e.Date, Precision: e.Precision, End: e.End, Text: e.Text},
				words: map[string]bool{}}
			gs = append(gs, best)
		}
		best.g.Entries = append(best.g.Entries, e)
		if !slices.Contains(best.g.Articles, e.Article) {
			best.g.Articles = append(best.g.Articles, e.Article)
		}
		for f := range strings.SplitSeq(e.Flag, ",") {
			if f != "" && !slices.Contains(best.g.Flags, f) {
				best.g.Flags = append(best.g.Flags, f)
			}
		}
		for w := range ws {
			best.words[w] = true
		}
	}
	out := make([]parallax.TimelineGroup, len(gs))
	for i, g := range gs {
		slices.Sort(g.g.Articles)
		out[i] = g.g
	}
	slices.SortStableFunc(out, func(a, b parallax.TimelineGroup) int { return strings.Compare(a.Date, b.Date) })
	return out
}

func contentWords(s string) map[string]bool {
	ws := map[string]bool{}
	sc := termScanner{text: s}
	for sc.next() {
		ws[string(sc.word)] = true
	}
	return ws
}

// overlap is the share of the smaller word set found in the larger.
func overlap(a, b map[string]bool) float64 {
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(a) == 0 {
		return 0
	}
	n := 0
	for w := range a {
		if b[w] {
			n++
		}
	}
	return float64(n) / float64(len(a))
}
