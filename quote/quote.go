package quote

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	parallax "github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/textproc"
)

// Options tune extraction; the zero value gives the defaults.
type Options struct {
	// MinWords is the fewest words a quotation without a cue needs to be
	// taken as a quote rather than a scare quote or a title (default 4).
	MinWords int
	// Carry is how many paragraphs a speaker carries over to bare
	// quotations that follow (default 2).
	Carry int
	// SpeechOnly drops beliefs and intentions ("he thinks that …") and
	// keeps speech and writing only.
	SpeechOnly bool
	// MinConfidence drops quotes whose Confidence is below it (default 0:
	// keep all, as PolNeAR annotates). Questions put to someone ("asked
	// whether …"), commitments and expectations ("agreed to …", "expects
	// it to …"), stances ("will vote for …") score 0.4 at most, as do
	// reported speech with no speaker and quotations with no cue; 0.5
	// keeps statements only.
	MinConfidence float64
}

// Extractor finds quotations. It is safe for concurrent use.
type Extractor struct {
	minWords   int
	carry      int
	speechOnly bool
	minConf    float64
	pool       sync.Pool
}

// New returns an Extractor with the given options.
func New(opt Options) *Extractor {
	e := &Extractor{minWords: opt.MinWords, carry: opt.Carry, speechOnly: opt.SpeechOnly, minConf: opt.MinConfidence}
	if e.minWords <= 0 {
		e.minWords = 4
	}
	if e.carry <= 0 {
		e.carry = 2
	}
	e.pool.New = func() any { return &run{e: e} }
	return e
}

func (e *Extractor) cueOK(c cueInfo) bool {
	return !e.speechOnly || c.class&cueBelief == 0
}

// Extract returns the quotations of d ordered by Span.Start. Spans index
// d.Raw; speakers are resolved through d.Resolve to d.Entities.
func (e *Extractor) Extract(d *textproc.Doc) []parallax.Quote {
	if d == nil {
		return nil
	}
	return e.extract(d.Raw, d.Language, d.Paragraphs, d.Resolve, d.Agrees, d.Entities)
}

// extract is Extract over plain inputs; resolve may be nil, and agrees
// (whether a pronoun may refer to an entity) then too.
func (e *Extractor) extract(raw, lang string, paras []parallax.Span, resolve func(parallax.Span) int, agrees func(parallax.Span, int) bool, ents []parallax.Entity) []parallax.Quote {
	r := e.pool.Get().(*run)
	defer e.pool.Put(r)
	r.raw = raw
	r.lx = romanceLangs[lang]
	r.resolve, r.ents, r.labelsRead = resolve, ents, false
	r.out = r.out[:0]
	r.last, r.turn = lastSpk{}, lastSpk{}

	// Pass 1: quotation segments per paragraph and multi-paragraph chains.
	pi := r.paras[:0]
	allSegs := r.segs[:0]
	for _, p := range paras {
		lo, hi := max(p.Start, 0), min(p.End, len(raw))
		if hi <= lo {
			continue
		}
		s0 := len(allSegs)
		allSegs, r.marks = scanMarks(allSegs, r.marks, raw, lo, hi)
		pi = append(pi, paraInfo{lo, hi, s0, len(allSegs)})
	}
	r.paras = pi
	r.segs = allSegs
	chain := make([]int, len(allSegs))
	for i := range chain {
		chain[i] = -1
	}
	nChains := 0
	for i := 0; i+1 < len(pi); i++ {
		if pi[i].s1 == pi[i].s0 {
			continue
		}
		last := pi[i].s1 - 1
		if allSegs[last].close >= 0 {
			continue
		}
		// The next paragraph must open with a quotation mark.
		n := pi[i+1]
		if n.s1 == n.s0 || strings.TrimLeft(raw[n.lo:allSegs[n.s0].open], " \t\r\n") != "" {
			continue
		}
		if chain[last] < 0 {
			chain[last] = nChains
			nChains++
		}
		chain[n.s0] = chain[last]
	}

	// Pass 2: tokens of every paragraph.
	tz := &r.tz
	tz.reset()
	ends := r.tokEnds[:0]
	for _, info := range pi {
		tz.paragraph(raw, info.lo, info.hi, allSegs[info.s0:info.s1])
		ends = append(ends, len(tz.toks))
	}
	tz.setLows()
	r.tokEnds = ends

	// Pass 3: attribution paragraph by paragraph.
	from := 0
	for p, info := range pi {
		r.segs = allSegs[info.s0:info.s1]
		r.chain = chain[info.s0:info.s1]
		r.toks = tz.toks[from:ends[p]]
		from = ends[p]
		r.paragraph(p)
	}
	r.segs = allSegs[:0]

	return r.finish(resolve, agrees, ents)
}

// finish merges multi-paragraph chains, resolves speakers and builds the
// Quotes in text order.
func (r *run) finish(resolve func(parallax.Span) int, agrees func(parallax.Span, int) bool, ents []parallax.Entity) []parallax.Quote {
	if len(r.out) == 0 {
		return nil
	}
	// Stable insertion sort by start (candidates are nearly ordered).
	c := r.out
	for i := 1; i < len(c); i++ {
		for j := i; j > 0 && c[j].span.Start < c[j-1].span.Start; j-- {
			c[j], c[j-1] = c[j-1], c[j]
		}
	}
	qs := make([]parallax.Quote, 0, len(c))
	lastPerson := -1           // entity of the latest speaker resolved to a person
	lastPersonAt := 0          // where that speaker was named
	lastPersonEnd := 0         // and where that mention ends
	var unnamed unnamedSpeaker // the latest person quoted without a name
	var turn parallax.Quote    // the latest transcript turn
	cache := r.resolved[:0]
	for i := 0; i < len(c); i++ {
		x := c[i]
		q := parallax.Quote{Kind: x.kind, Span: x.span, Text: r.raw[x.span.Start:x.span.End], Confidence: x.conf}
		best := x
		if x.chain >= 0 {
			// Join the paragraphs of a quotation running over several.
			var b strings.Builder
			b.WriteString(q.Text)
			for i+1 < len(c) && c[i+1].chain == x.chain {
				i++
				y := c[i]
				b.WriteString("\n\n")
				b.WriteString(r.raw[y.span.Start:y.span.End])
				q.Span.End = y.span.End
				if best.spk.Empty() || (best.carried && !y.spk.Empty() && !y.carried) {
					best = y
				}
			}
			q.Text = b.String()
			q.Confidence = best.conf
		}
		if !best.cue.Empty() {
			q.CueSpan = best.cue
			q.Cue = r.raw[best.cue.Start:best.cue.End]
		}
		if !best.spk.Empty() {
			q.Speaker.MentionSpan = best.spk
			q.Speaker.Mention = r.raw[best.spk.Start:best.spk.End]
			q.Speaker.Name = q.Speaker.Mention
			if resolve != nil {
				rs := best.spk
				if !best.res.Empty() {
					rs = best.res
				}
				// In news prose "he" and "the president" as speakers
				// mostly continue the latest named speaker; names seen
				// before resolve as they did then.
				// (Not when a name in apposition resolves it.)
				isPersonal := best.res.Empty() && personal(q.Speaker.Mention)
				// A pronoun of the other gender does not ("She skirted the
				// question from moderator John Dickerson").
				carried := isPersonal && lastPerson >= 0 && (agrees == nil || agrees(best.spk, lastPerson))
				ent := -1
				switch {
				case carried:
				case best.res.Empty() && !isPersonal && !loneName(q.Speaker.Mention) && cacheHit(cache, q.Speaker.Mention, &ent):
					// (A lone surname may name two people of a family: it
					// is resolved where it stands.)
				default:
					if best.res.Empty() {
						rs = headAfterPossessive(r.raw, rs)
					}
					ent = resolve(rs)
					if ent < 0 {
						// Try the head: the last word of the mention.
						m := q.Speaker.Mention
						if k := strings.LastIndexByte(m, ' '); k >= 0 && k+1 < len(m) && m[k+1] >= 'A' && m[k+1] <= 'Z' {
							ent = resolve(parallax.Span{Start: best.spk.Start + k + 1, End: best.spk.End})
						}
					}
					if ent < 0 || ent < len(ents) && isCaps(ents[ent].Name) {
						if e := labelEntity(q.Speaker.Mention, ents); e >= 0 {
							ent = e
						}
					}
					if best.res.Empty() && !isPersonal {
						cache = append(cache, resolved{q.Speaker.Mention, ent})
					}
				}
				if carried {
					// Another person named since the last speaker, whom
					// the document's coreference picks, takes the pronoun
					// ("Lind struck a calmer tone. “…,” she said").
					if e := resolve(rs); e >= 0 && e != lastPerson && e < len(ents) && ents[e].Type == parallax.Person &&
						namedBetween(ents[e], lastPersonEnd, best.spk.Start, q.Span) &&
						!frontedOnly(r.raw, ents[e], lastPersonAt, best.spk.Start) {
						ent = e
					} else {
						ent = lastPerson
					}
				}
				// "One woman said she had crossed it daily. “…,” she said":
				// an unnamed person quoted since the last named one takes
				// the pronoun, when its gender allows.
				byNominal := false
				if isPersonal && unnamed.at > lastPersonAt && (pronounGender(q.Speaker.Mention) != 0 && (unnamed.g == 0 || unnamed.g == pronounGender(q.Speaker.Mention)) ||
					sameHead(q.Speaker.Mention, unnamed.head)) {
					// … or "the official" after "one senior official".
					ent, byNominal = -1, true
					q.Speaker.Name = unnamed.name
				}
				if _, ok := personNoun(q.Speaker.Mention); ok && best.res.Empty() {
					ent = -1 // "a senior Ladrosan diplomat" is no one named
				}
				if ent >= 0 && ent < len(ents) && ents[ent].Type != parallax.Person && best.res.Empty() && possessedRole(q.Speaker.Mention) {
					ent = -1 // "Russia's foreign minister" is not Russia
				}
				if isPersonal && !byNominal && (ent < 0 || ent >= len(ents) || ents[ent].Type != parallax.Person || !namedBefore(ents[ent], best.spk.Start, q.Span)) {
					ent = -1
				}
				if ent < 0 && !byNominal && best.res.Empty() && !namedAfter(r.raw[best.spk.End:]) {
					if g, ok := personNoun(q.Speaker.Mention); ok {
						unnamed = unnamedSpeaker{q.Speaker.Mention, nounHead(q.Speaker.Mention), best.spk.Start, g}
					}
				}
				if ent >= 0 && ent < len(ents) && best.post && !strings.Contains(ents[ent].Name, lastWord(q.Speaker.Mention)) {
					ent = -1 // "— Ferrand Families (@…)" is not the place Ferrand
				}
				if ent >= 0 && ent < len(ents) && ents[ent].Type == parallax.Person {
					lastPerson, lastPersonAt, lastPersonEnd = ent, best.spk.Start, best.spk.End
				}
				if ent >= 0 && ent < len(ents) {
					q.Speaker.Name = ents[ent].Name
					q.Speaker.EntityKey = ents[ent].Key
				}
				if ent < 0 && !best.res.Empty() {
					q.Speaker.Name = r.raw[best.res.Start:best.res.End]
				}
			}
			if q.Speaker.EntityKey == "" {
				q.Speaker.Name = description(q.Speaker.Name)
			}
		}
		if x.turn {
			turn = q
		} else if turn.Span.Contains(q.Span) {
			switch m := q.Speaker.Mention; {
			case m == "I" || m == "We" || m == "we":
				// "I" (or "we") in a speaker's turn is that speaker.
				q.Speaker.Name, q.Speaker.EntityKey = turn.Speaker.Name, turn.Speaker.EntityKey
			case q.Speaker.EntityKey != "" && q.Speaker.EntityKey == turn.Speaker.EntityKey && best.res.Empty() && personal(m):
				// Nor do they speak of themselves as "he" or "the
				// minister": someone else is meant.
				q.Speaker.Name, q.Speaker.EntityKey = m, ""
			}
		}
		if q.Confidence >= r.e.minConf {
			qs = append(qs, q)
		}
	}
	r.resolved = cache
	return qs
}

// labelEntity is the one person whose surname a transcript's label in
// capitals gives ("MINISTER VARLEY" for Edmund Varley), or -1.
func labelEntity(m string, ents []parallax.Entity) int {
	if !isCaps(m) {
		return -1
	}
	last := m[strings.LastIndexByte(m, ' ')+1:]
	found := -1
	for i := range ents {
		e := &ents[i]
		if e.Type != parallax.Person || isCaps(e.Name) {
			continue
		}
		if n := e.Name; strings.EqualFold(n[strings.LastIndexByte(n, ' ')+1:], last) {
			if found >= 0 {
				return -1
			}
			found = i
		}
	}
	return found
}

// loneName reports a mention of one capitalised word: a surname, which
// two people of a family may share.
func loneName(m string) bool {
	return m != "" && strings.IndexByte(m, ' ') < 0 && m[0] >= 'A' && m[0] <= 'Z' && !isCaps(m) && !pronouns[strings.ToLower(m)]
}

// isCaps reports whether s has letters, all of them capitals.
func isCaps(s string) bool { return strings.ToUpper(s) == s && strings.ToLower(s) != s }

// description is an unnamed speaker's name without the article that
// introduces them: "a senior official" and "one senior official" are both
// "senior official".
func description(m string) string {
	i := strings.IndexByte(m, ' ')
	if i < 0 || i+1 >= len(m) {
		return m
	}
	if w := strings.ToLower(m[:i]); !indefinite[w] && !indefinites[w] {
		return m
	}
	if r, _ := utf8.DecodeRuneInString(m[i+1:]); unicode.IsUpper(r) {
		if _, ok := personNoun(m); !ok {
			return m // "An Nguyen" is a name
		}
	}
	m = m[i+1:]
	// "one senior official involved": a participle cut off from its
	// phrase (not one with its complement: "those killed in …").
	if anyIn(strings.Fields(strings.ToLower(m)), headEnds) {
		return m
	}
	for j := strings.LastIndexByte(m, ' '); j > 0 && strings.HasSuffix(m, "ed"); j = strings.LastIndexByte(m, ' ') {
		m = m[:j]
	}
	return m
}

// indefinite are the English articles that introduce someone unnamed
// (romance.go's indefinites are the other languages').
var indefinite = set("a an one another")

// unnamedSpeaker is a person quoted without a name: "one woman".
type unnamedSpeaker struct {
	name, head string
	at         int
	g          int8 // 1 male, 2 female, 0 either
}

// personNoun reports whether mention m introduces an unnamed person ("One
// woman", "a resident") and its gender when the noun tells it.
func personNoun(m string) (int8, bool) {
	i := strings.IndexByte(m, ' ')
	if i < 0 {
		return 0, false
	}
	if !indefinite[strings.ToLower(m[:i])] { // "the woman" mostly names someone named before
		return 0, false
	}
	head := nounHead(m)
	if g, ok := gendered[head]; ok {
		return g, true
	}
	return 0, personHeads[head]
}

// nounHead is the last word of a nominal mention less the past
// participles after it, lower-cased: "official" of "One senior official
// involved".
func nounHead(m string) string {
	w := strings.Fields(strings.ToLower(m))
	for i, x := range w {
		if i > 0 && headEnds[x] {
			w = w[:i] // "a document provided by …": the head comes before
			break
		}
	}
	for len(w) > 1 && strings.HasSuffix(w[len(w)-1], "ed") {
		w = w[:len(w)-1]
	}
	if len(w) == 0 {
		return ""
	}
	return w[len(w)-1]
}

// possessedRole reports a mention "X's <role in lower case>": "Vellmouth's
// former water chief", "the company's spokeswoman".
func possessedRole(m string) bool {
	k := max(strings.LastIndex(m, "'s "), strings.LastIndex(m, "’s "))
	if k < 0 {
		return false
	}
	rest := m[strings.IndexByte(m[k:], ' ')+k+1:]
	if rest == "" || rest[0] < 'a' || rest[0] > 'z' {
		return false
	}
	h := nounHead(rest)
	return roleNouns[h] || personHeads[h]
}

// headEnds are words a noun phrase's head comes before.
var headEnds = set("by of from for with at in on who that which whose")

// sameHead reports whether m is "the" before the noun head.
func sameHead(m, head string) bool {
	return head != "" && len(m) > 4 && strings.EqualFold(m[:4], "the ") && nounHead(m) == head
}

var gendered = map[string]int8{"woman": 2, "mother": 2, "wife": 2, "daughter": 2, "girl": 2, "sister": 2, "grandmother": 2,
	"spokeswoman": 2, "chairwoman": 2, "businesswoman": 2, "man": 1, "father": 1, "husband": 1, "son": 1, "boy": 1,
	"brother": 1, "grandfather": 1, "spokesman": 1, "chairman": 1, "businessman": 1}

var personHeads = set("resident witness voter worker neighbour neighbor passenger driver student teacher nurse doctor survivor relative parent shopper customer trader farmer engineer " +
	"official diplomat source officer analyst expert lawyer activist protester fisherman skipper")

// namedAfter reports whether the text after a mention names it: "a
// worker named Antonio Arroyo", "a resident, Ana Ruiz,".
func namedAfter(rest string) bool {
	for _, p := range []string{" named ", " called ", ", "} {
		if r, ok := strings.CutPrefix(rest, p); ok && r != "" && r[0] >= 'A' && r[0] <= 'Z' {
			return true
		}
	}
	return false
}

// pronounGender is 1 for he, 2 for she, 0 otherwise.
func pronounGender(m string) int8 {
	switch strings.ToLower(m) {
	case "he", "him":
		return 1
	case "she", "her":
		return 2
	}
	return 0
}

// personal reports whether a speaker mention must refer to a person: a
// singular personal pronoun or a definite role description ("the Russian
// leader", "the president").
func personal(m string) bool {
	switch m {
	case "he", "He", "she", "She", "him", "her", "I":
		return true
	}
	if !strings.HasPrefix(m, "the ") && !strings.HasPrefix(m, "The ") {
		return false
	}
	return roleNouns[m[strings.LastIndexByte(m, ' ')+1:]]
}

// namedBefore reports whether e is mentioned by name before pos outside
// the quote's own content (a speaker is not named in their own words).
func namedBefore(e parallax.Entity, pos int, content parallax.Span) bool {
	for _, m := range e.Mentions {
		if m.Span.Start >= pos {
			break
		}
		if m.Kind == parallax.MentionName && !content.Contains(m.Span) {
			return true
		}
	}
	return false
}

// resolved remembers the entity a speaker mention resolved to.
type resolved struct {
	mention string
	ent     int
}

func cacheHit(c []resolved, m string, ent *int) bool {
	for _, x := range c {
		if x.mention == m {
			*ent = x.ent
			return true
		}
	}
	return false
}

// namedBetween reports whether e is named in [from, to) outside content.
func namedBetween(e parallax.Entity, from, to int, content parallax.Span) bool {
	for _, m := range e.Mentions {
		if m.Span.Start >= to {
			break
		}
		if m.Span.Start >= from && m.Kind == parallax.MentionName && !content.Contains(m.Span) {
			return true
		}
	}
	return false
}

// frontedOnly reports whether every naming of e in [from, pos) lies in an
// adverbial phrase fronted in the pronoun's own sentence ("At talks with
// the mayor Ada Lind, he recalled …"): a name there does not
// take over the sentence's subject pronoun.
func frontedOnly(raw string, e parallax.Entity, from, pos int) bool {
	start := pos
	for start > 0 && !strings.ContainsRune(".!?\n", rune(raw[start-1])) {
		start--
	}
	comma := strings.LastIndexByte(raw[start:pos], ',')
	if comma < 0 {
		return false
	}
	comma += start
	first := strings.TrimLeft(raw[start:pos], " \t\"“‘'")
	if k := strings.IndexAny(first, " ,"); k > 0 {
		first = first[:k]
	}
	if !prepositions[strings.ToLower(first)] && !strings.HasSuffix(first, "ing") && !strings.HasSuffix(first, "ed") {
		return false
	}
	seen := false
	for _, m := range e.Mentions {
		if m.Span.Start < from || m.Span.Start >= pos || m.Kind != parallax.MentionName {
			continue
		}
		if m.Span.Start < start || m.Span.End > comma {
			return false
		}
		seen = true
	}
	return seen
}

// headAfterPossessive narrows a mention such as "Nordmark's Prime Minister
// Ilse Varga" to the capitalised words after the last possessive, which
// name the speaker; other mentions come back unchanged.
func headAfterPossessive(raw string, sp parallax.Span) parallax.Span {
	m := raw[sp.Start:sp.End]
	k := max(strings.LastIndex(m, "'s "), strings.LastIndex(m, "’s "))
	if k < 0 || strings.Contains(m[:k], " of ") {
		return sp // "Ada Lind of the Fishermen's Union": the head comes first
	}
	k = strings.IndexByte(m[k:], ' ') + k + 1
	if k >= len(m) || m[k] < 'A' || m[k] > 'Z' {
		return sp
	}
	return parallax.Span{Start: sp.Start + k, End: sp.End}
}

// anyIn reports whether a word of ws is in set.
func anyIn(ws []string, set map[string]bool) bool {
	for _, w := range ws {
		if set[w] {
			return true
		}
	}
	return false
}
