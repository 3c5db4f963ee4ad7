package clean

import (
	"slices"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/RadhiFadlillah/whatlanggo"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/internal/ascii"
)

// Options configure a Cleaner; the zero value gives the defaults.
type Options struct {
	// Memory, when set, gives cross-document line counts: a line seen in at
	// least RepeatThreshold documents of the same source (record outlet,
	// else URL host) is dropped as boilerplate. See Memory for ordering.
	Memory *Memory
	// RepeatThreshold is the number of documents that makes a line
	// boilerplate; 0 means 3.
	RepeatThreshold int
	// Learn makes Clean add each record to Memory after cleaning it. Results
	// then depend on the order records are cleaned in.
	Learn bool
	// DateConflictDays is how far (in days) a dateline's month and day may be
	// from the page date before the dateline wins; 0 means 14.
	DateConflictDays int
	// SkipLanguage leaves Language empty when the record has none instead
	// of detecting it.
	SkipLanguage bool
}

// Cleaner turns records into articles. It is safe for concurrent use.
type Cleaner struct {
	opt  Options
	pool sync.Pool // of *scratch
}

// scratch is the working memory of one Clean call, reused by the next.
type scratch struct {
	units []unit
	low   []byte   // doc.low before it is a string
	offs  []int    // per unit: where its text starts in low
	words []string // doc.ws's words
	text  []byte   // Article.Text before it is a string
}

// New returns a Cleaner with opt, defaults filled in.
func New(opt Options) *Cleaner {
	if opt.RepeatThreshold <= 0 {
		opt.RepeatThreshold = 3
	}
	if opt.DateConflictDays <= 0 {
		opt.DateConflictDays = 14
	}
	return &Cleaner{opt: opt}
}

// Reasons recorded in Article.Removed.
const (
	ReasonTitle       = "title"
	ReasonHeader      = "header"
	ReasonHeading     = "heading"
	ReasonBoilerplate = "boilerplate"
	ReasonCaption     = "caption"
	ReasonComments    = "comments"
	ReasonForeign     = "foreign-script"
	ReasonDate        = "date"
	ReasonDateline    = "dateline"
	ReasonByline      = "byline"
	ReasonCredit      = "credit"
	ReasonWidget      = "widget"
)

type doc struct {
	raw      string
	sc       *scratch
	low      string     // short units' text with ASCII letters lower-cased
	ws       [][]string // per short unit: its first words, lower-cased, punctuation-trimmed
	credit   [][]string // per unit: contributor names when it is a credit line
	units    []unit
	dom      int    // dominant script
	title    int    // unit index of the title, -1 if none
	variant  bool   // the title line differs from the record's title
	comments int    // first unit of the comment section, len(units) if none
	lowRaw   string // raw with ASCII letters lower-cased, made on demand
	outlets  map[string]*outletCand
	order    []string // outlet candidate keys in first-seen order
	dates    []dateAt // date lines outside the comments, in order
	first    int      // first body paragraph, -1 if none
	capDate  string
	capSpan  parallax.Span
	byline   string
	contrib  []string
}

// dateAt is a date line: its unit, date and span in Raw.
type dateAt struct {
	unit int
	date string
	span parallax.Span
}

func (d *doc) text(i int) string { return d.raw[d.units[i].start:d.units[i].end] }

// maxWords bounds the words kept per unit for the word-list rules, all of
// which apply to short lines only.
const maxWords = 21

// prepare fills low, ws and credit for the short units (at most 30
// words): the word-list rules only ever apply to those.
func (d *doc) prepare() {
	const short = 30
	lowBuf, offs := d.sc.low[:0], d.sc.offs[:0]
	for i := range d.units {
		offs = append(offs, len(lowBuf))
		if u := &d.units[i]; u.f.words <= short {
			lowBuf = ascii.AppendLower(lowBuf, d.raw[u.start:u.end])
		}
	}
	offs = append(offs, len(lowBuf))
	d.low = string(lowBuf)
	d.sc.low, d.sc.offs = lowBuf, offs
	d.ws = make([][]string, len(d.units))
	d.credit = make([][]string, len(d.units))
	buf := d.sc.words[:0]
	for i := range d.units {
		u := &d.units[i]
		if u.f.words > short {
			continue
		}
		low := d.low[offs[i]:offs[i+1]]
		start := len(buf)
		for k := 0; k < len(low) && len(buf)-start < maxWords; {
			for k < len(low) && lineSpace[low[k]] {
				k++
			}
			j := k
			for j < len(low) && !lineSpace[low[j]] {
				j++
			}
			if w := trimPunct(low[k:j]); w != "" {
				buf = append(buf, w)
			}
			k = j
		}
		d.ws[i] = buf[start:len(buf):len(buf)]
		if u.f.words <= 30 && (strings.Contains(low, " contribut") || strings.Contains(low, "reporting by")) {
			d.credit[i] = contributors(d.text(i), &u.f)
		}
	}
	d.sc.words = buf
}

// Clean cleans one record. It reads nothing but rec (and the Memory, when
// configured) and returns an error only for a nil record.
func (c *Cleaner) Clean(rec *parallax.Record) (*parallax.Article, error) {
	if rec == nil {
		return nil, parallax.Errorf(parallax.EINVALID, "clean: nil record")
	}
	raw := rec.Text
	sc, _ := c.pool.Get().(*scratch)
	if sc == nil {
		sc = new(scratch)
	}
	defer c.release(sc)
	d := &doc{raw: raw, first: -1, sc: sc}
	d.units = splitUnits(raw, sc.units)
	sc.units = d.units
	d.dom = dominantScript(d.units)
	d.prepare()
	a := &parallax.Article{
		Source: rec.Source, SourceID: rec.SourceID, URL: rec.URL, Raw: raw,
	}
	meta := map[string]any{}
	for k, v := range rec.Meta {
		meta[k] = v
	}

	d.title = d.findTitle(rec.Title)
	d.comments = d.findComments()
	d.classify(c, SourceKey(rec))
	d.structure()
	dl, dlUnit := d.findDateline()
	d.markEnd()

	// Title.
	a.Title = strings.TrimSpace(rec.Title)
	if d.title >= 0 && d.variant {
		meta["text_title"], _, _ = titlePart(d.text(d.title))
	} else if d.title >= 0 {
		u := d.units[d.title]
		a.TitleSpan = parallax.Span{Start: u.start, End: u.end}
		if a.Title == "" {
			t, off, sites := titlePart(d.text(d.title))
			a.Title = t
			a.TitleSpan = parallax.Span{Start: u.start + off, End: u.start + off + len(t)}
			for _, s := range sites {
				d.addOutlet(s, wMasthead)
			}
		}
	}

	// Dateline, byline.
	agencyKey := ""
	if dlUnit >= 0 {
		base := d.units[dlUnit].start
		a.Dateline = dl.place
		if allCaps(dl.place) || allCaps(strings.SplitN(dl.place, ",", 2)[0]) {
			a.Dateline = titleCase(dl.place)
		}
		a.DatelineSpan = parallax.Span{Start: base + dl.start, End: base + dl.end}
		if dl.agency != "" {
			// "(ABC)": the agency under the name the text spells out.
			agency := dl.agency
			if exp := d.expandAcronym(agency); exp != "" {
				agency = exp
			}
			if key := d.addOutlet(agency, wDateline); key != "" {
				agencyKey = key
			}
			meta["dateline_agency"] = dl.agency
		}
		if d.byline == "" && dl.reporter != "" {
			d.byline = dl.reporter
		}
	}
	if d.byline == "" {
		// The page's or the record's author when the text names none
		// (an HTML meta or JSON-LD author, a JSONL "author" field).
		for _, k := range []string{"author", "byline"} {
			if v, ok := meta[k].(string); ok {
				v = strings.TrimSpace(v)
				if bylineName(v) == "" {
					v = "By " + v
				}
				if d.byline = bylineName(v); d.byline != "" {
					break
				}
			}
		}
	}
	a.Byline = d.byline
	if len(d.contrib) > 0 {
		meta["contributors"] = d.contrib
	}

	// Outlet.
	a.Outlet = strings.TrimSpace(rec.Outlet)
	outKey := outletKey(a.Outlet)
	if a.Outlet == "" {
		a.Outlet, outKey = d.bestOutlet()
	}
	if a.Outlet == "" {
		a.Outlet = urlHost(rec.URL)
	}
	// A dateline agency other than the publisher: a wire story re-published.
	if agencyKey != "" && outKey != "" && agencyKey != outKey {
		meta["wire"] = d.outletName(agencyKey)
	}

	// Published.
	c.published(a, rec, d, dl, dlUnit, meta)

	// Body.
	a.Paragraphs = make([]parallax.Span, 0, len(d.units))
	size := 0
	for i, u := range d.units {
		if i >= d.comments {
			break
		}
		if u.reason == "" {
			e := d.keptEnd(&u)
			a.Paragraphs = append(a.Paragraphs, parallax.Span{Start: u.start, End: e})
			size += e - u.start + 2
		}
	}
	text := slices.Grow(sc.text[:0], size)
	for i, p := range a.Paragraphs {
		if i > 0 {
			text = append(text, "\n\n"...)
		}
		text = append(text, raw[p.Start:p.End]...)
	}
	sc.text = text
	a.Text = string(text)
	a.Hash = parallax.BodyHash(text)
	a.Removed = d.removed()

	// Language.
	a.Language = normLang(rec.Language)
	if a.Language == "" && !c.opt.SkipLanguage {
		a.Language = detectLanguage(a.Text, d.dom)
	}
	if len(meta) > 0 {
		a.Meta = meta
	}
	if c.opt.Learn && c.opt.Memory != nil {
		c.opt.Memory.Observe(rec)
	}
	return a, nil
}

// release returns sc to the pool, keeping no strings alive.
func (c *Cleaner) release(sc *scratch) {
	clear(sc.words)
	c.pool.Put(sc)
}

// published fills Published and DateSpan: the record's date, else a date
// line near the top, else a caption date; a dateline's month and day win
// over a page date more than DateConflictDays away.
func (c *Cleaner) published(a *parallax.Article, rec *parallax.Record, d *doc, dl dateline, dlUnit int, meta map[string]any) {
	page, span := "", parallax.Span{}
	if p := strings.TrimSpace(rec.Published); p != "" {
		if _, err := time.Parse("2006-01-02", p); err == nil {
			page = p
		} else if _, err := time.Parse(time.RFC3339, p); err == nil {
			page = p
		} else if dd, _, ok := ParseDate(p); ok {
			page = dd
		} else {
			meta["published_raw"] = p
		}
	}
	fromRecord := page != ""
	if page == "" {
		page, span = d.pageDate()
		if page == "" {
			page, span = d.capDate, d.capSpan
		}
	}
	a.Published, a.DateSpan = page, span
	if dlUnit < 0 || dl.month == 0 || page == "" {
		return
	}
	pt, err := time.Parse("2006-01-02", page[:min(10, len(page))])
	if err != nil {
		return
	}
	y := pt.Year()
	if dl.day > daysIn(y, dl.month) {
		return
	}
	dt := time.Date(y, time.Month(dl.month), dl.day, 0, 0, 0, 0, time.UTC)
	if dt.After(pt) {
		y--
		if dl.day > daysIn(y, dl.month) {
			return
		}
		dt = time.Date(y, time.Month(dl.month), dl.day, 0, 0, 0, 0, time.UTC)
	}
	meta["dateline_date"] = dt.Format("2006-01-02")
	if pt.Sub(dt) <= time.Duration(c.opt.DateConflictDays)*24*time.Hour {
		return
	}
	meta["date_conflict"] = true
	if fromRecord {
		return
	}
	meta["page_date"] = page
	a.Published = dt.Format("2006-01-02")
	base := d.units[dlUnit].start
	a.DateSpan = parallax.Span{Start: base + dl.start, End: base + dl.end}
}

// pageDate is the first date line between the title and the body (the
// article's own, not a page header's date of the day), else the first
// above the body, else the first one at all.
func (d *doc) pageDate() (string, parallax.Span) {
	if d.title >= 0 {
		for _, x := range d.dates {
			if x.unit > d.title && (d.first < 0 || x.unit < d.first) {
				return x.date, x.span
			}
		}
	}
	for _, x := range d.dates {
		if d.first < 0 || x.unit < d.first {
			return x.date, x.span
		}
	}
	if len(d.dates) > 0 {
		return d.dates[0].date, d.dates[0].span
	}
	return "", parallax.Span{}
}

// dominantScript is the script with most letters in the document.
func dominantScript(units []unit) int {
	var n [nScripts]int
	for i := range units {
		for k, c := range units[i].f.script {
			n[k] += int(c)
		}
	}
	best := 0
	for k := range n {
		if n[k] > n[best] {
			best = k
		}
	}
	return best
}

// findTitle returns the unit holding the title: the record's title when
// the text repeats it near the top, else the first headline-shaped line
// there after the last navigation line (mastheads, taglines and menus come
// before the headline); -1 when none.
func (d *doc) findTitle(recTitle string) int {
	limit, lastNav := d.markNav()
	if recTitle = strings.TrimSpace(recTitle); recTitle != "" {
		want := normKey(recTitle)
		for i := 0; i < limit; i++ {
			got := normKey(d.text(i))
			if got == want || len(got) > 10 && len(want) > 10 && (strings.Contains(got, want) && len(want)*5 >= len(got)*4 || strings.Contains(want, got) && len(got)*5 >= len(want)*4) {
				return i
			}
			if d.units[i].f.bodyLike() && d.units[i].f.words > 35 {
				break
			}
		}
		// The text has its own (variant) headline, if any.
		d.variant = true
	}
	if lastNav >= 0 {
		// the headline is between the navigation and the first prose
		if i := d.headline(lastNav+1, limit, 1); i >= 0 {
			return i
		}
	}
	return d.headline(0, limit, 2)
}

// headline returns the first headline-shaped unit in [from, limit) before
// maxProse prose paragraphs (or a long one), -1 if none. A short all-capitals first line followed
// by more page furniture is a masthead and is taken only when nothing
// else qualifies.
func (d *doc) headline(from, limit, maxProse int) int {
	prose, masthead, link, lastLink := 0, -1, -1, -1
	glued := false // unit i-1 is navigation or a link line, with no blank line after it
	if from > 0 {
		glued = d.units[from-1].nav && !d.units[from-1].blankAfter
	}
	button := false // unit i-1 is a consent notice with no blank line after it
	for i := from; i < limit; i++ {
		u := &d.units[i]
		s := d.text(i)
		wasGlued := glued
		glued = u.nav && !u.blankAfter
		wasButton := button
		button = consentNotice(d.ws[i]) && !u.blankAfter
		if wasButton && u.f.words <= 4 {
			continue // its button: "OK, got it"
		}
		// A first line may end in a period (some sources add one to every
		// headline), unless the record's own title is elsewhere.
		allowPeriod := i == 0 && !d.variant && (u.blankAfter || u.f.terminal != '.' || i+1 < len(d.units) && d.units[i+1].f.words > u.f.words) ||
			u.f.sentBreak && u.f.words <= 12 && u.blankBefore && u.blankAfter && d.bylineWithin(i, 3) // "It did not fail. We failed it."
		if !u.nav && (i == 0 || u.f.words >= 3) && headlineShaped(s, &u.f, allowPeriod) && !widgetLine(s, &u.f, d.ws[i]) && !postedLine(s, d.ws[i]) {
			if dl, ok := parseDateline(s); !ok || dl.rest >= len(s) || !u.f.bodyLike() {
				if i == 0 && u.f.words <= 4 && allCaps(s) && i+1 < len(d.units) && !d.units[i+1].f.bodyLike() {
					masthead = i
					continue
				}
				// A short link text hanging under a menu ("Skip to …")
				// yields to a headline set right on its byline or date,
				// unless that line follows it directly (then it is a deck).
				if wasGlued && (linkText(&u.f) || !d.onByline(i)) {
					if link < 0 {
						link = i
					}
					lastLink = i
					glued = !u.blankAfter
					continue
				}
				// (A headline set right on its byline under a link line is
				// that link's deck.)
				if link >= 0 && (lastLink == i-1 && d.onByline(i) || !d.bylineWithin(i, 3)) {
					return link
				}
				return i
			}
		}
		if u.f.bodyLike() && !widgetLine(s, &u.f, d.ws[i]) {
			if prose++; prose >= maxProse || u.f.words > 35 {
				break
			}
		}
	}
	if link >= 0 {
		return link
	}
	return masthead
}

// onByline reports a unit followed, with no blank line between, by a
// byline or date line.
func (d *doc) onByline(i int) bool {
	if i+1 >= len(d.units) || d.units[i].blankAfter {
		return false
	}
	return d.bylineOrDate(i + 1)
}

// bylineOrDate reports whether unit k is a byline or a date line.
func (d *doc) bylineOrDate(k int) bool {
	s := d.text(k)
	return bylineName(s) != "" || isDateLine(s, &d.units[k].f)
}

// bylineWithin reports whether one of the n units after i is a byline or
// a date line.
func (d *doc) bylineWithin(i, n int) bool {
	for k := i + 1; k <= i+n && k < len(d.units); k++ {
		if d.bylineOrDate(k) {
			return true
		}
	}
	return false
}

// markNav flags the navigation lines near the top of the page — menus
// of one- or two-word lines, "A | B | C" lists, "A › B" breadcrumbs — and
// returns how far the title search reaches (12 units plus the menu lines)
// and the last navigation unit before the prose, -1 if none.
func (d *doc) markNav() (limit, last int) {
	limit, last = min(len(d.units), 12), -1
	run, prose := 0, 0
	frozen := false // a headline and its byline or date are behind: later menus are share buttons
	for i := 0; i < limit; i++ {
		u := &d.units[i]
		s := d.text(i)
		if menuItem(s, &u.f) {
			run++
			if run >= 3 {
				for k := i - run + 1; k <= i; k++ {
					d.units[k].nav = true
				}
				if !frozen {
					last = i
				}
				limit = min(len(d.units), limit+1, 40)
			}
		} else {
			run = 0
			if navLine(s, &u.f) {
				u.nav = true
				if !frozen {
					last = i
				}
				limit = min(len(d.units), limit+1, 40)
			} else if !frozen && u.f.words <= 10 && (bylineName(s) != "" || isDateLine(s, &u.f)) {
				frozen = d.headlineBetween(last+1, i)
			}
		}
		if u.f.bodyLike() {
			if prose++; prose >= 2 || u.f.words > 35 {
				break
			}
		}
	}
	return limit, last
}

// isDateLine reports whether dateLine accepts s.
func isDateLine(s string, f *feats) bool {
	_, _, ok := dateLine(s, f)
	return ok
}

// headlineBetween reports a headline-shaped line of three or more words
// in units [from, to).
func (d *doc) headlineBetween(from, to int) bool {
	for k := max(from, 0); k < to; k++ {
		if u := &d.units[k]; !u.nav && u.f.words >= 3 && headlineShaped(d.text(k), &u.f, false) {
			return true
		}
	}
	return false
}

// normKey lower-cases s and keeps only letters and digits, single-spaced.
func normKey(s string) string {
	var b strings.Builder
	space := false
	for _, r := range strings.ToLower(s) {
		if r < utf8.RuneSelf && !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9') || r == '’' || r == '‘' || r == '“' || r == '”' {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// findComments returns the first unit of a reader-comment section, or
// len(units). It needs some article prose before it.
func (d *doc) findComments() int {
	n := len(d.units)
	body, indented := 0, 0
	for i := range d.units {
		if i != d.title && d.units[i].f.bodyLike() {
			body++
			if d.units[i].indent > 0 {
				indented++
			}
		}
	}
	bodyIndented := indented*2 > body
	// later[i] counts the post counters and time stamps from unit i on.
	later := make([]int, n+1)
	for i := n - 1; i >= 0; i-- {
		later[i] = later[i+1]
		if ws := d.ws[i]; engagementLine(&d.units[i].f, ws) || timeAgoLine(&d.units[i].f, ws) {
			later[i]++
		}
	}
	seen, ended := 0, false
	for i := d.title + 1; i < n; i++ {
		u := &d.units[i]
		s := d.text(i)
		ws := d.ws[i]
		if seen >= 2 {
			switch {
			case replyHeading(&u.f, ws):
				return i
			case numberedPost(s) && (u.indent > 0 && !bodyIndented || later[i] > 0 || ended):
				return i
			case ended && u.indent > 0 && !bodyIndented:
				return i
			case ended && u.f.words >= 5 && firstPerson(lw(s)):
				// forum voice after the article's closing credit
				return i
			case (engagementLine(&u.f, ws) || timeAgoLine(&u.f, ws)) && (later[i] >= 2 || ended || i*10 >= n*7):
				// One counter in mid-article may belong to an embedded
				// post; a series of them, or one near the end, is a thread.
				return d.postStart(i)
			}
		}
		if u.f.bodyLike() {
			seen++
		}
		if d.credit[i] != nil {
			ended = true
		}
	}
	return n
}

// postStart walks back from a post's counter line over the post it
// belongs to: the paragraph above, and above that any paragraphs in a
// first-person forum voice or indented unlike the body.
func (d *doc) postStart(i int) int {
	j := i
	if j-1 > d.title && d.credit[j-1] == nil {
		j--
	}
	for j-1 > d.title {
		u := &d.units[j-1]
		if d.credit[j-1] != nil || !(u.indent > 0 || firstPerson(lw(d.text(j-1)))) {
			break
		}
		j--
	}
	return j
}

// classify gives units their line-level reasons: header lines above the
// title, dates, bylines, captions, stray scripts, widgets, credits and
// lines repeated across the source's documents.
func (d *doc) classify(c *Cleaner, key string) {
	if d.title >= 0 {
		d.units[d.title].reason = ReasonTitle
	}
	// The page's own footer may follow its comments.
	for i := d.comments; i < len(d.units); i++ {
		if u := &d.units[i]; rightsLine(&u.f, d.ws[i]) || u.f.first == '©' && !strings.Contains(d.text(i), "/") {
			d.addOutlet(rightsHolder(d.text(i)), wFooter)
		}
	}
	var credits []int // photo and copyright credit lines
	for i := 0; i < d.comments; i++ {
		u := &d.units[i]
		if i == d.title {
			continue
		}
		s := d.text(i)
		ws := d.ws[i]
		if dd, sp, ok := dateLine(s, &u.f); ok {
			u.reason = ReasonDate
			d.dates = append(d.dates, dateAt{i, dd, parallax.Span{Start: u.start + sp[0], End: u.start + sp[1]}})
			continue
		}
		if head, name, ok := postedBy(s, ws); ok {
			// "Posted on <date> by name": the page date and its author.
			hf := measure(head)
			if dd, sp, ok := dateLine(head, &hf); ok {
				u.reason = ReasonDate
				d.dates = append(d.dates, dateAt{i, dd, parallax.Span{Start: u.start + sp[0], End: u.start + sp[1]}})
				if d.byline == "" {
					d.byline = name
				}
				continue
			}
		}
		if name := bylineName(s); name != "" {
			u.reason = ReasonByline
			// "By Name, Agency Name": the agency is an outlet signal.
			if j := strings.LastIndex(name, ", "); j > 0 && anyIn(lw(name[j+2:]), agencyWords) {
				d.addOutlet(name[j+2:], wCaption)
				name = name[:j]
			} else if j > 0 && (hasLowerWord(name[j+2:]) || pressRoles[lastWord(name[j+2:])]) && !strings.HasPrefix(name[j+2:], "and ") {
				// "By Name, Europe correspondent", "By Name, City Hall
				// Reporter": a role, not a name
				name = name[:j]
			}
			if d.byline == "" {
				d.byline = name
			}
			continue
		}
		if dd, sp, src, ok := captionDate(s, &u.f); ok {
			u.reason = ReasonCaption
			if d.capDate == "" {
				d.capDate, d.capSpan = dd, parallax.Span{Start: u.start + sp[0], End: u.start + sp[1]}
			}
			d.addOutlet(src, wCaption)
			continue
		}
		if rightsLine(&u.f, ws) {
			u.reason = ReasonBoilerplate
			d.addOutlet(rightsHolder(s), wFooter)
			continue
		}
		if captionLine(s, &u.f, ws) {
			u.reason = ReasonCaption
			credits = append(credits, i)
			if name := d.creditOutlet(s, ws); name != "" {
				d.addOutlet(name, wCaption)
			}
			continue
		}
		if u.f.letters >= 3 && u.f.main != d.dom && int(u.f.script[u.f.main])*2 > u.f.letters {
			u.reason = ReasonForeign
			continue
		}
		if widgetLine(s, &u.f, ws) || i != d.title && menuTail(s) {
			u.reason = ReasonWidget
			continue
		}
		if names := d.credit[i]; names != nil {
			u.reason = ReasonCredit
			d.contrib = append(d.contrib, names...)
			continue
		}
		if d.title >= 0 && i < d.title {
			u.reason = ReasonHeader
			head, tagline := s, false
			for _, dash := range [...]string{" — ", " – ", " - "} {
				// "NAME — the blog about …": a name before its tagline
				if j := strings.Index(head, dash); j > 0 && countWords(head[:j]) <= 4 {
					head, tagline = head[:j], true
					break
				}
			}
			if (u.f.words <= 6 || tagline) && !u.f.sentenceEnd() && !u.nav {
				if j := strings.IndexAny(head, ",|·"); j >= 0 {
					head = head[:j]
				}
				w := wMasthead
				if i == 0 && d.title >= 2 {
					// a name line above a tagline or menu: the site's masthead
					w = wSite
				}
				d.addOutlet(head, w)
			}
			continue
		}
		if c.opt.Memory != nil && key != "" && u.f.words <= 40 {
			if c.opt.Memory.Count(key, s) >= c.opt.RepeatThreshold {
				u.reason = ReasonBoilerplate
			}
		}
	}
	// A caption sits right above or below its photo credit, with no blank
	// line between.
	for _, i := range credits {
		for _, j := range [2]int{i - 1, i + 1} {
			if j <= d.title || j >= d.comments || d.units[j].reason != "" {
				continue
			}
			if (j < i && d.units[j].blankAfter) || (j > i && d.units[i].blankAfter) {
				continue
			}
			// Undated, the pair must stand alone between blank lines.
			alone := d.units[min(i, j)].blankBefore && d.units[max(i, j)].blankAfter
			if photoCaption(d.text(j), &d.units[j].f) || alone && captionSentence(d.text(j), &d.units[j].f) {
				d.units[j].reason = ReasonCaption
			}
		}
	}
	// A question to the reader above a widget ("Rate this story?" over
	// the stars) is part of it.
	for i := d.comments - 2; i >= 0; i-- {
		if u := &d.units[i]; u.reason == "" && d.units[i+1].reason == ReasonWidget && readerPrompt(&u.f, d.ws[i]) {
			u.reason = ReasonWidget
		}
	}
}

// markEnd cuts a wire end marker ("(end)") off the last body paragraph.
func (d *doc) markEnd() {
	for i := d.comments - 1; i >= 0; i-- {
		u := &d.units[i]
		if u.reason != "" {
			continue
		}
		if k := endMarker(d.text(i)); k > 0 {
			u.cut = u.start + k
		}
		return
	}
}

// keptEnd is where the body text of unit u ends: before an end marker.
func (d *doc) keptEnd(u *unit) int {
	if u.cut <= u.start {
		return u.end
	}
	_, e := trimSpan(d.raw, u.start, u.cut)
	return e
}

// structure applies the reasons that depend on position: short lines
// without sentence shape before the first body paragraph are header,
// between body paragraphs heading, after the last one footer.
func (d *doc) structure() {
	// An advertisement's copy set right under its label.
	for i := 0; i+1 < d.comments; i++ {
		if ws := d.ws[i]; len(ws) == 1 && adWords[ws[0]] && !d.units[i].blankAfter && d.units[i+1].reason == "" && d.units[i+1].f.words <= 30 {
			d.units[i+1].reason = ReasonWidget
		}
	}
	first, last := -1, -1
	for i := 0; i < d.comments; i++ {
		if u := &d.units[i]; u.reason == "" && u.f.bodyLike() {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	d.first = first
	if first < 0 {
		return
	}
	for i := 0; i < d.comments; i++ {
		u := &d.units[i]
		if u.reason != "" || u.f.bodyLike() && !(i > first && i < last && u.f.terminal == '?') {
			continue
		}
		s := d.text(i)
		if i > first && postSignature(s) {
			continue // "— Name (@handle) date" signs the post above it
		}
		switch {
		case i < first:
			if !u.f.sentenceEnd() && u.f.words <= 25 {
				u.reason = ReasonHeader
			}
		case i > last:
			// footer: no sentence shape, a bare name or handle, or a short
			// line of capitalised words only ("Our Policies: The Trust Code.")
			if !u.f.sentenceEnd() || u.f.words < 3 && (u.f.capWords == u.f.words || strings.IndexByte(s, '@') >= 0) ||
				u.f.words <= 10 && u.f.lowerWords == 0 && u.f.capWords >= 3 && u.f.terminal != '?' && !isOpenQuote(u.f.first) {
				u.reason = ReasonBoilerplate
				if j := lastSep(s); j > 0 && u.f.words <= 6 {
					for _, part := range []string{s[j:], s[:j]} {
						part = strings.Trim(part, " -–—|")
						if r, _ := utf8.DecodeRuneInString(part); r >= 'A' && r <= 'Z' || r > utf8.RuneSelf {
							d.addOutlet(part, wFooter)
							break
						}
					}
				}
			}
		default:
			// A paragraph continuing a quotation left open above is body.
			if headingShaped(s, &u.f) && i > first && !(isOpenQuote(u.f.first) && quoteOpen(d.prevBody(i))) {
				u.reason = ReasonHeading
			}
		}
	}
	d.listRest(first)
}

// listRest removes what is left of a list once most of it is gone: in a
// run of three or more lines with no blank line between, after the first
// body paragraph, with no prose and at most a third of it kept, the kept
// lines go too ("Read more:" links, one of them a question).
func (d *doc) listRest(first int) {
	for i := first + 1; i < d.comments; {
		j, kept, prose, reason := i, 0, false, ""
		for ; j < d.comments; j++ {
			u := &d.units[j]
			if u.reason == "" {
				kept++
				prose = prose || u.f.bodyLike() && u.f.terminal != '?' // a linked headline may ask
			} else if reason == "" {
				reason = u.reason
			}
			if u.blankAfter {
				j++
				break
			}
		}
		if n := j - i; n >= 3 && kept > 0 && (kept*3 <= n && !prose || n >= 4 && kept*2 <= n && d.formBlock(i, j)) {
			for k := i; k < j; k++ {
				if u := &d.units[k]; u.reason == "" {
					u.reason = reason
				} else {
					reason = u.reason
				}
			}
		}
		i = j
	}
}

// formBlock reports whether units [i,j) are a sign-up or log-in box: the
// lines removed from it are widgets, and the lines left quote no one
// ("Sign up to …", a blurb, "Enter your email", a privacy note).
func (d *doc) formBlock(i, j int) bool {
	for k := i; k < j; k++ {
		u := &d.units[k]
		if u.reason != "" && u.reason != ReasonWidget {
			return false
		}
		if u.reason == "" && strings.ContainsFunc(d.text(k), isOpenQuote) {
			return false
		}
	}
	return true
}

// prevBody returns the text of the nearest body unit before i, "" if none.
func (d *doc) prevBody(i int) string {
	for j := i - 1; j >= 0; j-- {
		if d.units[j].reason == "" {
			return d.text(j)
		}
	}
	return ""
}

// quoteOpen reports whether s ends inside a quotation: more curly opening
// than closing double quotes, or an odd number of straight ones.
func quoteOpen(s string) bool {
	open, straight := 0, 0
	for _, r := range s {
		switch r {
		case '“', '«', '„':
			open++
		case '”', '»':
			open--
		case '"':
			straight++
		}
	}
	return open > 0 || straight%2 == 1
}

// findDateline looks for a dateline at the start of the first three body
// paragraphs; a paragraph that is nothing but a dateline is removed.
func (d *doc) findDateline() (dateline, int) {
	seen := 0
	for i := 0; i < d.comments && seen < 3; i++ {
		u := &d.units[i]
		if u.reason == ReasonHeader && i > d.title && (d.first < 0 || i < d.first) {
			// a dateline alone on its line above the body
			if dl, ok := parseDateline(d.text(i)); ok && strings.TrimSpace(d.text(i)[dl.rest:]) == "" {
				u.reason = ReasonDateline
				return dl, i
			}
		}
		if u.reason != "" {
			continue
		}
		seen++
		s := d.text(i)
		if dl, ok := parseDateline(s); ok {
			if strings.TrimSpace(s[dl.rest:]) == "" {
				u.reason = ReasonDateline
			}
			return dl, i
		}
	}
	return dateline{}, -1
}

// removed lists the dropped units; the comment section is one span.
func (d *doc) removed() []parallax.Removal {
	var out []parallax.Removal
	for i := 0; i < d.comments; i++ {
		u := &d.units[i]
		if u.reason == "" {
			if u.cut > u.start {
				out = append(out, parallax.Removal{Span: parallax.Span{Start: u.cut, End: u.end}, Reason: ReasonBoilerplate})
			}
			continue
		}
		if n := len(out); n > 0 && out[n-1].Reason == u.reason && u.reason != ReasonTitle && onlySpace(d.raw[out[n-1].Span.End:u.start]) {
			out[n-1].Span.End = u.end
			continue
		}
		out = append(out, parallax.Removal{Span: parallax.Span{Start: u.start, End: u.end}, Reason: u.reason})
	}
	if d.comments < len(d.units) {
		out = append(out, parallax.Removal{
			Span:   parallax.Span{Start: d.units[d.comments].start, End: d.units[len(d.units)-1].end},
			Reason: ReasonComments,
		})
	}
	return out
}

func onlySpace(s string) bool {
	for _, r := range s {
		if !spaceRune(r) {
			return false
		}
	}
	return true
}

// normLang reduces a record's language tag to its ISO 639-1 part ("en-GB" → "en").
func normLang(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	if i := strings.IndexAny(s, "-_"); i > 0 {
		s = s[:i]
	}
	if len(s) == 3 {
		if l := whatlanggo.CodeToLang(s); l.Iso6391() != "" {
			return l.Iso6391()
		}
	}
	return s
}
