package textproc

import (
	"slices"
	"strings"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/internal/ascii"
)

// cand is one name mention found in the text, before alias merging.
type cand struct {
	span   parallax.Span // the mention as written, titles included, possessive not
	a, b   int           // token range of the bare name
	name   string        // the bare name, single-spaced
	alias  string        // surface form kept as an alias
	titles string        // role words written with the name
	sent   int
	subj   bool
	weak   bool // a lone word also used as a common word: kept only if it joins a stronger name
	place  string
	aff    string // a party-and-state tag's place, lower case: "iowa" for "R-Iowa"
	gender int8
	person float32
	org    float32
	loc    float32
	sure   bool // an honorific, a speech verb or the gazetteer vouches for a lone common word
	acr    int  // set to the cand's own index when a bracketed acronym follows it (the next cand), else -1
	group  int
	kept   bool
}

// entInfo is per-entity state used for nominal and pronoun resolution.
type entInfo struct {
	gender    int8
	named     bool     // gender is from a title or given name, not a pronoun
	roles     []string // role groups from titles: "president", "minister", "pm", …
	countries []string // affiliations in titles: "Russia" for "Russian President", "nordmark"
	heads     []string // descriptors seen with the name ("alliance")
	key       string   // the lower-case name
}

// finder holds the working state of entity finding for one Doc.
type finder struct {
	d            *Doc
	cands        []cand
	toks         []Token // the tokenizer's buffer
	bounds       []int   // per paragraph: its first token, and the end
	inQuote      []bool
	caps         []int     // the capitalised words
	links        []tokSent // link's words: pronouns and nominals' starts outside quotations
	narrated     []bool    // per sentence: it has words outside quotations
	lx           lexer     // the text's words
	lastSubjSent int
	runBuf       []int
	joinBuf      []byte
	// corefer's and finish's working memory
	nameRefs, extraRefs []mentionRef
	sal                 []salience
	count               []int
	// merge's working memory
	strs              []string // the entities' aliases and titles
	ends              []int
	groups            []*group
	order             []int
	bearers           []int // merge's groups sharing a surname
	byKey, byInitials map[string]int
	byEnds            map[[2]string]int
	gfree             []*group
	gused             int
	byLast, byFirst   multimap
	keyBuf            []byte // the candidates' keys
	keyEnds           []int
}

// midCap reports whether token i's word is seen capitalised inside a sentence.
func (f *finder) midCap(i int) bool { return f.lx.words.w[f.lx.wid[i]].mid }

// reset prepares a pooled finder for d.
func (f *finder) reset(d *Doc) {
	f.d = d
	f.cands = f.cands[:0]
	f.lastSubjSent = 0
	n := len(d.Tokens)
	if cap(f.inQuote) < n {
		f.inQuote = make([]bool, n+n/2)
	}
	f.inQuote = f.inQuote[:n]
	clear(f.inQuote)
}

// findEntities runs entity finding, merging and coreference with f.
func (f *finder) findEntities() {
	d := f.d
	f.scanCase()
	caps := f.caps
	// A headline in title case capitalises every word: its names are read
	// last, to be cut to the names the rest of the text knows.
	type sentCaps struct {
		si   int
		caps []int
	}
	var titled []sentCaps
	for si, s := range d.Sentences {
		k := 0
		for k < len(caps) && caps[k] < s.Last {
			k++
		}
		if k > 0 {
			if f.titleCase(si) {
				titled = append(titled, sentCaps{si, caps[:k]})
			} else {
				f.names(si, caps[:k])
			}
		}
		caps = caps[k:]
	}
	if len(titled) > 0 {
		known := f.knownNames()
		for _, t := range titled {
			f.titledNames(t.si, t.caps, known)
		}
	}
	f.merge()
	f.corefer()
	f.finish()
	f.d = nil
}

// scanCase records which words this text writes in lower case and which
// it capitalises inside sentences, which tokens lie inside quotations,
// the capitalised words, and for link the words outside quotations that
// may start a nominal or are pronouns, and the sentences with narration.
func (f *finder) scanCase() {
	d := f.d
	toks, lex, inQuote := d.Tokens, d.lex[:len(d.Tokens)], f.inQuote[:len(d.Tokens)]
	words, wid := &f.lx.words, f.lx.wid[:len(d.Tokens)]
	caps, links := f.caps[:0], f.links[:0]
	narrated := f.narrated[:0]
	depth := 0
	para := -1
	for si := range d.Sentences {
		s := &d.Sentences[si]
		if s.Para != para {
			para, depth = s.Para, 0
		}
		narr := false
		for i := s.First; i < s.Last; i++ {
			t := &toks[i]
			switch t.Kind {
			case Word:
				if t.Cap {
					caps = append(caps, i)
				}
				if t.Span.Len() >= 3 && lex[i]&(lxFunction|lxPrep|lxNonName|lxAllCaps) == 0 {
					if !t.Cap {
						words.markLower(wid[i])
					} else if i > s.First && !isStartish(d, s.First, i) {
						words.markMid(wid[i])
					}
				}
			case QuoteMark:
				if t.Double || (depth > 0 || t.Side == QuoteOpen) && !isAposLike(d, i) {
					if t.Side == QuoteOpen {
						depth++
						inQuote[i] = true
						continue
					} else if depth > 0 {
						depth--
					}
				}
			}
			inQuote[i] = depth > 0
			if t.Kind == Word && depth == 0 {
				narr = true
				if lex[i]&(lxPersPron|lxHonorific) != 0 || t.Span.Len() == 3 && lex[i]&lxFunction != 0 && strings.EqualFold(d.Raw[t.Span.Start:t.Span.End], "the") {
					links = append(links, tokSent{i, si})
				}
			}
		}
		narrated = append(narrated, narr)
	}
	for _, i := range caps {
		if words.w[wid[i]].lower {
			lex[i] |= lxDocLc
		}
	}
	f.caps, f.links, f.narrated = caps, links, narrated
}

// tokSent is a token and its sentence.
type tokSent struct{ tok, sent int }

// isAposLike reports a single mark that looks like an elided letter ('90s).
func isAposLike(d *Doc, i int) bool {
	t := &d.Tokens[i]
	return !t.Double && i+1 < len(d.Tokens) && d.Tokens[i+1].Kind == Number && d.Tokens[i+1].Span.Start == t.Span.End
}

// isStartish reports whether token i begins its sentence, allowing for
// opening quotation marks, brackets and dashes before it.
func isStartish(d *Doc, first, i int) bool {
	if i-2 >= first && d.Tokens[i-1].Kind == Punct && afterDateline(d, first, i) {
		return true
	}
	for k := first; k < i; k++ {
		t := &d.Tokens[k]
		if t.Kind == Word || t.Kind == Number {
			return false
		}
		if t.Kind == Punct {
			s := d.Raw[t.Span.Start:t.Span.End]
			if s != "(" && s != "[" && s != "-" && s != "—" && s != "–" && s != "•" && s != "*" && s != ":" {
				return false
			}
		}
	}
	return true
}

// afterDateline reports whether token i opens the text after a dateline
// in capitals and its dash: "VELMORA – At …", "PARIS (Wire) - In …".
func afterDateline(d *Doc, first, i int) bool {
	switch d.TokenText(i - 1) {
	case "-", "–", "—", ":":
	default:
		return false
	}
	caps, paren := 0, false
	for k := first; k < i-1; k++ {
		t := &d.Tokens[k]
		w := d.TokenText(k)
		switch {
		case w == "(":
			paren = true
		case w == ")":
			paren = false
		case paren || w == "," || w == ".":
		case t.Kind == Word && allCaps(w):
			caps++
		default:
			return false
		}
	}
	return caps > 0
}

func allCaps(w string) bool {
	if len(w) > 1 && 'a' <= w[1] && w[1] <= 'z' {
		return false // a lower-case letter second: "Putin"
	}
	n := 0
	for _, r := range w {
		if isLower(r) {
			return false
		}
		if isLetter(r) {
			n++
		}
	}
	return n >= 2
}

// word returns token i's text without a possessive ending.
func (f *finder) word(i int) string {
	t := &f.d.Tokens[i]
	w := f.d.Raw[t.Span.Start:t.Span.End]
	w, _ = stripPossessive(w)
	return w
}

// stripPossessive removes 's, ’s or a plural's final apostrophe (s', s’).
func stripPossessive(w string) (string, bool) {
	n := len(w)
	if n < 3 {
		return w, false
	}
	switch c := w[n-1]; {
	case c == 's' || c == 'S':
		if w[n-2] == '\'' {
			return w[:n-2], true
		}
		if n >= 5 && w[n-4:n-1] == "’" {
			return w[:n-4], true
		}
	case c == '\'':
		if w[n-2] == 's' || w[n-2] == 'S' {
			return w[:n-1], true
		}
	case c == 0x99 && n >= 5 && w[n-3:] == "’":
		if w[n-4] == 's' || w[n-4] == 'S' {
			return w[:n-3], true
		}
	}
	return w, false
}

// pluralPoss reports a plural possessive: "Dockers'", "Dockers’", and an
// irregular plural's "Fishermen's", "People's", "Children's".
func pluralPoss(w string) bool {
	if strings.HasSuffix(w, "s'") || strings.HasSuffix(w, "S'") || strings.HasSuffix(w, "s’") || strings.HasSuffix(w, "S’") {
		return true
	}
	stem, ok := stripPossessive(w)
	if !ok {
		return false
	}
	stem = strings.ToLower(stem)
	return strings.HasSuffix(stem, "men") || stem == "people" || stem == "children"
}

// isNameTok: a capitalised word that is not a pronoun, month or weekday.
func (f *finder) isNameTok(i int) bool {
	t := &f.d.Tokens[i]
	if t.Kind != Word || !t.Cap {
		return false
	}
	l := f.d.lex[i]
	return l&lxAllCaps != 0 || l&lxNonName == 0 || l&lxHonorific != 0
}

// titleCase reports whether sentence si is written in headline title case:
// no lower-case words but short function words ("of", "the", "to"), and
// capitalised common words ("Says", "With").
func (f *finder) titleCase(si int) bool {
	d := f.d
	s := d.Sentences[si]
	caps, common := 0, 0
	for i := s.First; i < s.Last; i++ {
		t := &d.Tokens[i]
		if t.Kind != Word {
			continue
		}
		l := d.lex[i]
		if !t.Cap {
			if t.Span.Len() > 4 || l&(lxFunction|lxPrep|lxConnector) == 0 {
				return false
			}
			continue
		}
		if t.Span.Len() >= 4 {
			caps++
		}
		if i > s.First && (l&(lxFunction|lxSpeech|lxPrep) != 0 || l&lxModelLc != 0 && l&lxModelMidUc == 0) {
			common++
		}
	}
	// A document's first line, where a headline goes, needs no common
	// word to tell ("Ted Cruz Refuses to Disavow Lindsey Graham").
	return caps >= 3 && (common >= 1 || si == 0)
}

// names finds the name runs of sentence si, whose capitalised words are caps.
func (f *finder) names(si int, caps []int) {
	d := f.d
	s := d.Sentences[si]
	tc := f.titleCase(si)
	next := s.First // the words before it are read
	for _, i := range caps {
		if i < next || !f.isNameTok(i) || tc && f.commonWord(i, false) {
			continue
		}
		end := s.Last
		if tc {
			// In a headline every word is capitalised: a common word ends a name.
			for k := i + 1; k < end; k++ {
				if f.isNameTok(k) && f.commonWord(k, false) {
					end = k
				}
			}
		}
		run, end := f.run(i, end)
		f.process(si, run, tc)
		f.runBuf = run[:0]
		next = end
	}
}

// affiliationWord reports whether the word at i can name a people or
// a country before a title ("Morvanian", "Nordmark") rather than be a
// given name ("Steve King", "John Major").
func (f *finder) affiliationWord(i int) bool {
	d := f.d
	if d.has(i, lxGiven) {
		return false
	}
	if d.has(i, lxDemonym|lxCountry) {
		return true
	}
	w := strings.ToLower(f.word(i))
	for _, suf := range []string{"an", "ese", "ish", "ic"} {
		if len(w) > len(suf)+3 && strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// maxNameWords bounds the words of a name looked for in a title-case run.
const maxNameWords = 8

// knownNames returns the names and aliases found so far, and each one's
// last word, lower-cased.
func (f *finder) knownNames() map[string]bool {
	known := map[string]bool{}
	for i := range f.cands {
		c := &f.cands[i]
		for _, n := range []string{c.name, c.alias} {
			n = strings.ToLower(n)
			known[n] = true
			if k := strings.LastIndexByte(n, ' '); k >= 0 {
				known[n[k+1:]] = true
			}
		}
	}
	return known
}

// titledNames reads the names of a title-case sentence ("Sanders Slams
// Clinton Over Wall Street Speeches"), where capitals do not mark names:
// of each run of capitalised words it keeps the longest leading part that
// is a name the text knows, and drops words no name starts with.
func (f *finder) titledNames(si int, caps []int, known map[string]bool) {
	d := f.d
	s := d.Sentences[si]
	next := s.First
	for _, i := range caps {
		if i < next || !f.isNameTok(i) {
			continue
		}
		run, _ := f.run(i, min(s.Last, i+maxNameWords))
		best := 0
		for n := len(run); n > 0; n-- {
			name, _ := stripPossessive(strings.ToLower(f.joined(run[:n])))
			if known[name] {
				best = n
				break
			}
		}
		if best == 0 {
			f.runBuf = run[:0]
			continue
		}
		keep := append([]int(nil), run[:best]...)
		f.runBuf = run[:0]
		f.process(si, keep, false)
		next = keep[best-1] + 1
	}
}

// run collects the tokens of a name run starting at i: capitalised words,
// joined by connectors ("of", "bin") and by the period of an abbreviated
// title ("Mr. Putin"); a possessive ends it. It returns the run's name
// tokens and the index after the run.
func (f *finder) run(i, last int) ([]int, int) {
	d := f.d
	run := f.runBuf[:0]
	j := i
	for j < last {
		if f.isNameTok(j) {
			run = append(run, j)
			t := &d.Tokens[j]
			w := d.Raw[t.Span.Start:t.Span.End]
			if _, poss := stripPossessive(w); poss {
				j++
				// But a plural possessive before an organisation word
				// is inside the name: "the Dockers' Federation" (not
				// "Breitbart News' Dr Thomas Williams").
				if !pluralPoss(w) || j >= last || !d.Tokens[j].Cap || !f.isNameTok(j) || !d.has(j, lxOrgWord) {
					break
				}
				continue
			}
			j++
			if j < last && d.Tokens[j].Span.Start == t.Span.End && d.Raw[d.Tokens[j].Span.Start] == '.' && d.Tokens[j].Span.Len() == 1 {
				if d.lex[j-1]&(lxTitleAbbr|lxHonorific) != 0 {
					j++ // Mr. Putin
				} else if len(run) > 1 && len(w) == 1 && j+1 < last && f.isNameTok(j+1) {
					j++ // a middle initial: Donald J. Trump
				}
			}
			continue
		}
		if len(run) > 0 && j+1 < last && d.Tokens[j].Kind == Word && !d.Tokens[j].Cap && f.isNameTok(j+1) && d.has(j, lxConnector) {
			run = append(run, j)
			j++
			continue
		}
		// "Karsten & Moll", "Procter & Gamble": a firm's name
		if len(run) > 0 && j+1 < last && d.TokenText(j) == "&" && d.Tokens[j+1].Cap && f.isNameTok(j+1) {
			run = append(run, j)
			j++
			continue
		}
		break
	}
	for len(run) > 0 && !d.Tokens[run[len(run)-1]].Cap {
		run = run[:len(run)-1]
	}
	return run, j
}

// personShaped reports whether name tokens look like a person's full
// name: a known given name first, or two words the lexicon has no other
// use for (no organisation, place, role, title or common word) and no
// place.
func (f *finder) personShaped(name []int) bool {
	d := f.d
	const other = lxOrgWord | lxGeo | lxRoleHead | lxRoleMod | lxHonorific | lxPlace | lxCountry | lxDemonym | lxTitleAbbr
	for _, k := range name {
		if d.lex[k]&other != 0 || d.Tokens[k].Kind != Word {
			return false
		}
	}
	if _, ok := inStrMap(places, f.joined(name)); ok {
		return false
	}
	if d.has(name[0], lxGiven) {
		return true
	}
	// Without a known given name, neither word may be a common word
	// ("Communications Workers of America").
	return len(name) == 2 && d.lex[name[0]]&(lxModelLc|lxDocLc) == 0 && d.lex[name[1]]&(lxModelLc|lxDocLc) == 0
}

// process classifies one name run and records its candidates.
func (f *finder) process(si int, run []int, tc bool) {
	d := f.d
	s := d.Sentences[si]
	// Drop common words capitalised only because they start the sentence
	// (or every word of a headline): "The", "Asked", "Speaking".
	for len(run) > 0 {
		i := run[0]
		// Or a descriptor before a given name: "Retiree Ruth Calloway".
		// (Not in a place's or body's name: "Mount Grace Hospital".)
		descriptor := len(run) >= 3 && d.has(run[1], lxGiven) && !d.has(i, lxGiven|lxHonorific|lxRoleHead) &&
			!d.has(run[len(run)-1], lxOrgWord) && !placePrefixes[strings.ToLower(d.TokenText(i))]
		if !(tc || isStartish(d, s.First, i)) || !f.commonWord(i, len(run) > 1) && !descriptor {
			break
		}
		if len(run) > 1 {
			if _, ok := inStrMap(places, f.joined(run[:2])); ok {
				break // "New Jersey"
			}
		}
		run = run[1:]
		for len(run) > 0 && !d.Tokens[run[0]].Cap {
			run = run[1:]
		}
	}
	if len(run) == 0 {
		return
	}
	// A hyphenated compound of places ("Russia-Ukraine relations") names
	// each place.
	if len(run) == 1 {
		w := f.word(run[0])
		if strings.ContainsAny(w, "-") {
			if _, ok := inStrMap(places, w); !ok {
				f.compound(si, run[0], w)
				return
			}
		}
	}
	// A full name before "of" is a person of the rest: "Ada Lind of
	// Karsten Bank", not an organisation called so.
	for k := 2; k+1 < len(run) && k <= 3; k++ {
		if strings.EqualFold(d.TokenText(run[k]), "of") && f.personShaped(run[:k]) {
			f.process(si, run[:k], false)
			f.process(si, run[k+1:], false)
			return
		}
	}
	// An organisation followed by a place ("… Press Agency Lisbon") is two names.
	for k := 1; k < len(run); k++ {
		if d.has(run[k-1], lxOrgWord) {
			if p, ok := inStrMap(places, f.joined(run[k:])); ok && p.name != "" {
				f.process(si, run[:k], false)
				f.process(si, run[k:], false)
				return
			}
		}
	}
	// A place after a preposition, then a full name ("the mayor of Tolm
	// Karl Moss"), is two names.
	// A place the gazetteer lacks counts when a role comes before the
	// preposition and a given name after the place ("the mayor of
	// Calveira Rafael Ortuño").
	if len(run) >= 3 && run[0] > 0 && d.has(run[0]-1, lxPrep) && d.lex[run[1]]&(lxHonorific|lxRoleHead|lxRoleMod) == 0 &&
		!f.hasOrgWord(run) && (f.knownPlace(run[0]) ||
		run[0] > 1 && d.has(run[0]-2, lxRoleHead) && d.has(run[1], lxGiven) && !d.has(run[0], lxGiven)) {
		f.process(si, run[:1], false)
		f.process(si, run[1:], false)
		return
	}
	// Leading role words: "Russian President", "Foreign Secretary", "Mr".
	p, hasRole := 0, false
	var gender int8
	titleEnd := 0
	if run[0] > 0 && d.Tokens[run[0]-1].Kind == Number && strings.EqualFold(f.word(run[0]), "pm") {
		run = run[1:] // "8 PM Eastern Time": a time, not a title
		if len(run) == 0 {
			return
		}
	}
	for p < len(run) {
		l := d.lex[run[p]]
		if p > 0 && p == len(run)-1 && d.lex[run[p-1]]&lxHonorific != 0 && !honorificHead(f.word(run[p])) {
			break // "Mr. King": after an honorific, a surname that is also a title
		}
		if l&(lxHonorific|lxRoleHead) != 0 && !(l&lxRoleHead != 0 && l&lxHonorific == 0 && !d.Tokens[run[p]].Cap) {
			hasRole = true
			w := strings.TrimSuffix(f.word(run[p]), ".")
			if g, ok := inStrMap(honorifics, w); ok {
				gender = g
			} else if g, ok := inStrMap(genderedRoles, w); ok {
				gender = g
			}
		} else if l&(lxRoleMod|lxCountry) == 0 && !(p > 0 && l&lxConnector != 0) {
			break
		}
		p++
		if hasRole {
			titleEnd = p
		}
	}
	if !hasRole {
		// An affiliation the gazetteer does not know before the title:
		// "Nordmark Prime Minister Ilse Varga".
		for h := 1; h+1 < len(run); h++ {
			l := d.lex[run[h]]
			if l&lxRoleHead == 0 || !d.Tokens[run[h]].Cap {
				continue
			}
			k := h + 1
			for k < len(run) && d.lex[run[k]]&(lxRoleMod|lxRoleHead) != 0 {
				k++
			}
			if k < len(run) && !f.hasOrgWord(run[k:]) {
				hasRole, titleEnd = true, k
				if g, ok := inStrMap(genderedRoles, f.word(run[h])); ok {
					gender = g
				}
			}
			break
		}
	}
	if !hasRole && len(run) == 2 && d.lex[run[1]]&lxRoleHead != 0 && d.Tokens[run[1]].Cap && f.affiliationWord(run[0]) {
		return // "Morvanian PM", "Nordmark President": a title, no name
	}
	if !hasRole && p > 0 && len(run)-p >= 2 {
		// A party or nationality before a full name: "Republican Jane Doe".
		ok := d.has(run[p], lxGiven)
		for k := 0; k < p && ok; k++ {
			ok = d.has(run[k], lxDemonym) || inSet(partyWords, f.word(run[k]))
		}
		if ok && !f.hasOrgWord(run[p:]) {
			hasRole, titleEnd = true, p
		}
	}
	if hasRole && titleEnd > 0 && d.has(run[titleEnd-1], lxConnector) {
		return // "President of Nordmark": a title, read as a nominal later
	}
	name := run
	titles := ""
	if hasRole {
		name = run[titleEnd:]
		for len(name) > 0 && !d.Tokens[name[0]].Cap {
			name = name[1:]
		}
		if len(name) > 0 && f.hasOrgWord(name) {
			name = run // "General Motors"
		} else {
			titles = f.text(run[:titleEnd])
		}
	}
	if len(name) == 0 {
		return // a title without a name: read as a nominal later
	}
	if len(name) == 1 && (d.has(name[0], lxDemonym|lxParty) || pluralIn(f, name[0], lxDemonym, demonyms)) {
		return // "Russian", "Americans", "Republican": an adjective or a people, not a name
	}
	// "Prime Minister Ilse Varga of Nordmark": a titled person of a place.
	var of []int
	if titles != "" {
		for k := 1; k+1 < len(name); k++ {
			if strings.EqualFold(d.TokenText(name[k]), "of") {
				of = name[k+1:]
				name = name[:k]
				break
			}
		}
	}
	c := cand{sent: si, acr: -1, gender: gender, titles: titles}
	c.a, c.b = name[0], name[len(name)-1]+1
	c.span = parallax.Span{Start: d.Tokens[run[0]].Span.Start, End: f.nameEnd(name[len(name)-1])}
	c.name = f.joined(name)
	c.alias = c.name
	if titleEnd == 1 && len(name) == len(run)-1 {
		c.alias = f.joined(run) // "Mr Putin", "President Putin"
	}
	f.evidence(&c, run, name, hasRole)
	if len(of) > 0 {
		if pl := f.joined(of); pl != "" {
			c.titles += " of " + pl
		}
	}
	f.cands = append(f.cands, c)
	if len(of) > 0 {
		f.process(si, of, false)
		f.cands[len(f.cands)-1].loc += 1
	}
}

// compound records the places named in a hyphenated word.
func (f *finder) compound(si, i int, w string) {
	t := &f.d.Tokens[i]
	off := t.Span.Start
	for len(w) > 0 {
		k := strings.IndexAny(w, "-")
		part := w
		if k >= 0 {
			part = w[:k]
		}
		if p, ok := inStrMap(places, part); ok && len(part) > 1 {
			c := cand{sent: si, acr: -1, name: part, alias: part, place: p.name, loc: 3}
			c.a, c.b = i, i+1
			c.span = parallax.Span{Start: off, End: off + len(part)}
			f.cands = append(f.cands, c)
		}
		if k < 0 {
			break
		}
		off += k + 1
		w = w[k+1:]
	}
}

// commonWord reports whether a capitalised word at a sentence start is a
// common word rather than a name: the model or this text has it in lower
// case, and (for the first word of a longer run) it is not also written
// capitalised mid-sentence.
func (f *finder) commonWord(i int, longer bool) bool {
	l := f.d.lex[i]
	if l&(lxHonorific|lxCountry|lxRoleHead|lxPlace) != 0 {
		return false
	}
	if l&(lxStarter|lxFunction) != 0 {
		return true
	}
	if l&lxAllCaps != 0 || l&(lxModelLc|lxDocLc) == 0 {
		return false
	}
	if longer && (f.midCap(i) || l&lxModelMidUc != 0 && l&lxDocLc == 0) {
		return false
	}
	return true
}

// geoWords end the names of places.
var geoWords = wordSet(`peninsula sea ocean river lake mountains mountain island islands valley bay gulf
strait straits desert canal coast region province county district oblast territory plateau basin delta`)

// functionWords are closed-class words that start sentences.
var functionWords = wordSet(`the a an this that these those it its there here what which who whom whose
when where why how if but and or so yet for nor as at by in on of to from with after before during since
until while although though because unless whether once then also still even just only not no yes all
both each every some any many much more most few several such other another last next first new asked
speaking according meanwhile however moreover furthermore instead indeed despite amid among well
now later earlier again
según segundo selon secondo laut para pour durante tras après desde depuis dans sin sem sans ayer hoy ontem hoje hier
ieri oggi pero mais também también aussi anche además cuando quando quand mientras enquanto pendant`)

// joined returns the words of tokens run, possessive removed, single-spaced.
func (f *finder) joined(run []int) string {
	if len(run) == 1 {
		return f.word(run[0])
	}
	// Usually the words are separated by single spaces in the text.
	d := f.d
	single := true
	for k := 1; k < len(run); k++ {
		a, b := d.Tokens[run[k-1]].Span, d.Tokens[run[k]].Span
		if b.Start != a.End+1 || d.Raw[a.End] != ' ' || d.lex[run[k-1]]&lxPoss != 0 && !pluralPoss(d.Raw[a.Start:a.End]) {
			single = false
			break
		}
	}
	if single {
		return d.Raw[d.Tokens[run[0]].Span.Start:f.nameEnd(run[len(run)-1])]
	}
	b := f.joinBuf[:0]
	for k, i := range run {
		if k > 0 {
			b = append(b, ' ')
		}
		w := f.word(i)
		b = append(b, w...)
		if k+1 < len(run) && len(w) == 1 && i+1 < len(d.Tokens) && d.Tokens[i+1].Span.Start == d.Tokens[i].Span.End && d.Raw[d.Tokens[i+1].Span.Start] == '.' {
			b = append(b, '.') // a middle initial keeps its period: "Donald J. Trump"
		}
	}
	f.joinBuf = b
	return string(b)
}

// text returns the source text of tokens run[0]..run[last], single-spaced.
func (f *finder) text(run []int) string {
	d := f.d
	s := d.Raw[d.Tokens[run[0]].Span.Start:d.Tokens[run[len(run)-1]].Span.End]
	if strings.ContainsAny(s, "\n\t\u00a0") || strings.Contains(s, "  ") {
		s = strings.Join(strings.Fields(s), " ")
	}
	return s
}

// nameEnd returns the end of token i without a possessive.
func (f *finder) nameEnd(i int) int {
	t := &f.d.Tokens[i]
	w, _ := stripPossessive(f.d.Raw[t.Span.Start:t.Span.End])
	return t.Span.Start + len(w)
}

// knownPlace reports whether the word at i is a place: in the gazetteer,
// or named alone as one earlier in the text.
func (f *finder) knownPlace(i int) bool {
	w := f.word(i)
	if p, ok := inStrMap(places, w); ok && p.name != "" {
		return true
	}
	for k := range f.cands {
		if c := &f.cands[k]; c.b-c.a == 1 && c.name == w && c.loc > c.person && c.loc > c.org {
			return true
		}
	}
	return false
}

func (f *finder) hasOrgWord(run []int) bool {
	for _, i := range run {
		if f.d.has(i, lxOrgWord) {
			return true
		}
	}
	return false
}

// evidence weighs the cues to a candidate's type.
func (f *finder) evidence(c *cand, run, name []int, hasRole bool) {
	d := f.d
	s := d.Sentences[c.sent]
	// A one-word name the lexicon does not flag as a place is none.
	if len(name) > 1 || d.has(name[0], lxPlace) {
		if p, ok := inStrMap(places, c.name); ok {
			c.place = p.name
			c.loc += 3
		}
	}
	acronym := len(name) == 1 && allCaps(c.name) && len(c.name) <= 7
	if acronym && c.place == "" {
		c.org += 3
	}
	if c.place == "" && f.hasOrgWord(name) {
		c.org += 3
	}
	for _, k := range name {
		if d.TokenText(k) == "&" {
			c.org += 3
			break
		}
	}
	if c.place == "" && len(name) >= 2 && d.has(name[len(name)-1], lxGeo) {
		c.loc += 3 // "Crimean Peninsula", "Red Sea"
	}
	if hasRole && c.org == 0 {
		c.person += 3
	}
	last := run[len(run)-1]
	next := last + 1
	if next < s.Last && d.Tokens[next].Kind == Punct && d.Raw[d.Tokens[next].Span.Start] == '.' && d.Tokens[next].Span.Start == d.Tokens[last].Span.End {
		next++ // "J. Smith."
	}
	speech := next < s.Last && d.has(next, lxSpeech)
	if !speech && run[0] > s.First {
		// "…," said Smith.
		prev := d.Tokens[run[0]-1]
		if prev.Kind == Word && d.has(run[0]-1, lxSpeech) && (next >= s.Last || d.Tokens[next].Kind != Word) {
			speech = true
		}
	}
	if speech && c.org == 0 && c.place == "" {
		c.person += 2
		c.sure = true
	}
	if c.place != "" || acronym || c.gender != 0 && c.titles != "" && d.has(run[0], lxHonorific) {
		c.sure = true
	}
	if len(name) == 1 && !isStartish(d, s.First, name[0]) {
		// An institution capitalised mid-sentence ("Congress", "the
		// Senate"), or a party's members ("Republicans").
		if d.has(name[0], lxOrgWord) {
			c.sure = true
		} else if f.isParty(name[0]) {
			c.org += 3
			c.sure = true
		}
	}
	if len(name) >= 2 {
		if d.has(name[0], lxGiven) && c.org == 0 {
			if g, ok := inStrMap(givenNames, f.word(name[0])); ok {
				c.person += 2
				if c.gender == 0 {
					c.gender = g
				}
			}
		}
		shape := len(name) <= 3
		for _, i := range name {
			if !d.Tokens[i].Cap || d.has(i, lxModelLc|lxDocLc|lxCountry|lxAllCaps) {
				shape = false
				break
			}
		}
		if shape && c.org == 0 && c.place == "" {
			c.person += 1
		}
	}
	if run[0] > s.First {
		prev := run[0] - 1
		// "in Tolm", "to Tolm"; not "according to Quintero".
		if d.has(prev, lxPlacePrep) && c.person == 0 && c.org == 0 && !(prev > s.First && strings.EqualFold(d.TokenText(prev-1), "according")) {
			c.loc += 1
		}
	}
	if len(name) == 1 {
		if c.place == "" && !acronym && d.has(name[0], lxModelLc|lxDocLc) {
			c.weak = true
		}
	}
	// Subject: the first name of its sentence, not after a preposition.
	c.subj = f.lastSubjSent != c.sent+1
	f.lastSubjSent = c.sent + 1
	if run[0] > s.First && d.has(run[0]-1, lxPrep) {
		c.subj = false
	}
	if speech {
		c.subj = true
	}
	// An acronym in brackets after a name: "North Atlantic Treaty Organization (NATO)".
	if next+2 < s.Last && d.TokenText(next) == "(" && d.TokenText(next+2) == ")" && allCaps(d.TokenText(next+1)) {
		c.acr = len(f.cands) // linked when the acronym is processed
	}
	// A relative named after the kin word: "whose daughter Efua", "his
	// son, Tomas,". The word says a person is named, and tells a gender
	// a pronoun must agree with.
	if c.gender == 0 && c.org == 0 && c.place == "" && run[0] > s.First {
		k := run[0] - 1
		if d.TokenText(k) == "," && k > s.First {
			k--
		}
		if g, ok := kinGender[strings.ToLower(d.TokenText(k))]; ok && !d.Tokens[k].Cap {
			c.gender = g
			c.person += 2
		}
	}
	// A role noun written in lower case before the name: "Finance Ministry spokesman Ada Lind".
	if c.titles == "" && run[0] > s.First {
		prev := run[0] - 1
		if t := &d.Tokens[prev]; t.Kind == Word && !t.Cap {
			if d.has(prev, lxRoleHead) && c.org == 0 && c.place == "" {
				from := prev
				for from > s.First && from > prev-3 {
					t := &d.Tokens[from-1]
					w := d.TokenText(from - 1)
					if t.Kind != Word || d.has(from-1, lxFunction|lxPrep) || !t.Cap && !d.has(from-1, lxRoleMod|lxNomMod|lxDemonym|lxCountry) {
						break
					}
					if _, poss := stripPossessive(w); poss {
						break
					}
					from--
				}
				c.titles = f.text([]int{from, prev})
				c.person += 2
				if g, ok := inStrMap(genderedRoles, d.TokenText(prev)); ok && c.gender == 0 {
					c.gender = g
				}
			}
		}
	}
	// A descriptor after an organisation's name: "the NATO alliance".
	if c.org > 0 && next < s.Last && d.Tokens[next].Kind == Word && !d.Tokens[next].Cap && d.has(next, lxOrgHead) {
		c.titles = strings.ToLower(d.TokenText(next))
	}
	// An appositive role: "Ada Lind, the head of the city.s water board,".
	if c.titles == "" && c.org == 0 && c.place == "" && next+2 < s.Last && d.TokenText(next) == "," {
		k := next + 1
		if w := d.TokenText(k); strings.EqualFold(w, "the") || strings.EqualFold(w, "a") || strings.EqualFold(w, "an") {
			k++
		}
		from := k
		for k < s.Last && k < from+4 && d.Tokens[k].Kind == Word && (d.lex[k]&(lxRoleHead|lxRoleMod|lxNomMod|lxCountry) != 0 || d.Tokens[k].Cap && d.lex[k]&lxFunction == 0) {
			if d.lex[k]&lxRoleHead != 0 && !(k+1 < s.Last && d.lex[k+1]&lxRoleHead != 0) {
				c.titles = f.text([]int{from, k})
				c.person += 2
				if g, ok := inStrMap(genderedRoles, d.TokenText(k)); ok && c.gender == 0 {
					c.gender = g
				}
				break
			}
			k++
		}
	}
	// A party-and-state tag after the name: "Sen. Joni Ernst, R-Iowa,".
	if c.org == 0 && c.place == "" && next+1 < s.Last && d.TokenText(next) == "," {
		if w := d.TokenText(next + 1); len(w) > 3 && w[1] == '-' && strings.IndexByte("RDI", w[0]) >= 0 {
			if p, ok := inStrMap(places, strings.TrimSuffix(w[2:], ".")); ok && !p.country {
				c.aff = strings.ToLower(p.name)
				c.person++
			}
		}
	}
	// A role in apposition before the name: "The mayor of Calveira, Karl
	// Moss,", "the country's finance minister, Ada Lind".
	if c.titles == "" && c.org == 0 && c.place == "" && run[0]-2 >= s.First && d.TokenText(run[0]-1) == "," {
		if from, role, to, ok := f.rolePhraseBefore(s.First, run[0]-1); ok {
			c.titles = f.text([]int{from, to})
			c.person += 2
			if g, ok := inStrMap(genderedRoles, d.TokenText(role)); ok && c.gender == 0 {
				c.gender = g
			}
		}
	}
}

// rolePhraseBefore finds a definite role phrase ending just before token
// end (a comma): "the mayor of Calveira", "the party's leader". It returns
// the phrase's first token after its determiner, the role noun and the
// phrase's last token.
func (f *finder) rolePhraseBefore(first, end int) (start, role, last int, ok bool) {
	d := f.d
	k := end - 1
	// an "of" complement of capitalised words: "of Calveira", "of the Port Authority"
	for j := k; j > first && j > k-5; j-- {
		if !strings.EqualFold(d.TokenText(j), "of") {
			// "of Calveira", "of the port authority"
			if t := &d.Tokens[j]; t.Kind != Word || !t.Cap && d.has(j, lxFunction|lxPrep) && !strings.EqualFold(d.TokenText(j), "the") {
				break
			}
			continue
		}
		if j < k {
			k = j - 1
		}
		break
	}
	if k < first || d.Tokens[k].Kind != Word || d.Tokens[k].Cap && k > first || !d.has(k, lxRoleHead) {
		return 0, 0, 0, false
	}
	// modifiers back to a determiner: "the", "its", a possessive name
	j := k - 1
	for ; j >= first && j > k-4; j-- {
		t := &d.Tokens[j]
		if t.Kind != Word {
			return 0, 0, 0, false
		}
		w := d.TokenText(j)
		if strings.EqualFold(w, "the") || strings.EqualFold(w, "its") || strings.EqualFold(w, "their") {
			return j + 1, k, end - 1, true
		}
		if _, poss := stripPossessive(w); poss {
			return j + 1, k, end - 1, true
		}
		// modifiers: "finance", "opposition", "Velmora", "former"
		if !d.has(j, lxRoleMod|lxNomMod|lxDemonym|lxCountry|lxRoleHead) && (d.has(j, lxFunction|lxPrep) || k-j > 2) {
			return 0, 0, 0, false
		}
	}
	return 0, 0, 0, false
}

// bearer picks, of groups hs sharing a surname, the one a candidate with
// a gender (from an honorific or a kin word) refers to: of those its
// gender does not rule out ("Mrs. Clinton" is not her husband), the one
// named in full most often, of those the first named.
func (f *finder) bearer(ci int, hs []int, groups []*group) int {
	c := &f.cands[ci]
	best, bestN, bestFirst := -1, 0, 0
	for _, hi := range hs {
		var g int8
		n, first := 0, -1
		for _, m := range groups[hi].members {
			mc := &f.cands[m]
			if g == 0 {
				g = mc.gender
			}
			if strings.IndexByte(mc.name, ' ') < 0 {
				continue // a lone word given to it before counts for nothing
			}
			n++
			if first < 0 || mc.span.Start < first {
				first = mc.span.Start
			}
		}
		if c.gender != 0 && g != 0 && g != c.gender {
			continue
		}
		if best < 0 || n > bestN || n == bestN && first < bestFirst {
			best, bestN, bestFirst = hi, n, first
		}
	}
	if best < 0 {
		return hs[0]
	}
	return best
}

// group is a set of candidates merged into one entity.
type group struct {
	members []int
	key     string // lower-case fullest name, single-spaced
	nw      int    // words in key
	name    string
	first   int // first mention position
	dead    bool
	into    int // merged into this group when dead
}

// first and last return the first and last words of the group's name.
func (g *group) firstWord() string {
	if i := strings.IndexByte(g.key, ' '); i >= 0 {
		return g.key[:i]
	}
	return g.key
}

func (g *group) lastWord() string { return g.key[strings.LastIndexByte(g.key, ' ')+1:] }

// newGroup takes a group from f's free list, or makes one.
func (f *finder) newGroup(key, name string) *group {
	var g *group
	if f.gused < len(f.gfree) {
		g = f.gfree[f.gused]
		*g = group{members: g.members[:0]}
	} else {
		g = &group{}
		f.gfree = append(f.gfree, g)
	}
	f.gused++
	g.key, g.name, g.into = key, name, -1
	g.nw = strings.Count(key, " ") + 1
	return g
}

// merge groups candidates into entities: same name; a surname or first
// name joins the full name; an acronym joins its expansion.
func (f *finder) merge() {
	d := f.d
	f.initMaps()
	groups := f.groups[:0]
	byKey := f.byKey
	// The candidates' keys, lower-cased into one string.
	buf, ends := f.keyBuf[:0], f.keyEnds[:0]
	for ci := range f.cands {
		buf = ascii.AppendToLower(buf, f.cands[ci].keyName())
		ends = append(ends, len(buf))
	}
	keys := string(buf)
	f.keyBuf, f.keyEnds = buf, ends
	for ci := range f.cands {
		c := &f.cands[ci]
		key := keys[:ends[ci]]
		if ci > 0 {
			key = keys[ends[ci-1]:ends[ci]]
		}
		g, ok := byKey[key]
		if !ok {
			g = len(groups)
			byKey[key] = g
			groups = append(groups, f.newGroup(key, c.keyName()))
		}
		groups[g].members = append(groups[g].members, ci)
		c.group = g
	}
	evid := func(g *group) (p, o, l float32) {
		for _, ci := range g.members {
			c := &f.cands[ci]
			p += c.person
			o += c.org
			l += c.loc
		}
		return
	}
	join := func(from, to int) {
		gf, gt := groups[from], groups[to]
		gt.members = append(gt.members, gf.members...)
		gf.members = gf.members[:0]
		gf.dead, gf.into = true, to
		if gf.nw > gt.nw {
			gt.key, gt.nw, gt.name = gf.key, gf.nw, gf.name
		}
	}
	// Multi-word names that may be people, by last and by first word.
	byLast, byFirst, byEnds, byInitials := &f.byLast, &f.byFirst, f.byEnds, f.byInitials
	acronyms := false
	for gi, g := range groups {
		if g.nw < 2 {
			if allCaps(g.name) {
				acronyms = true
			}
			continue
		}
		p, o, l := evid(g)
		if o <= p && l <= p {
			byLast.add(g.lastWord(), gi)
			if p > 0 {
				byFirst.add(g.firstWord(), gi)
			}
		}
	}
	if acronyms {
		for gi, g := range groups {
			if g.nw >= 2 {
				byInitials[initials(g.key)] = gi
			}
		}
	}
	// A lone word joins the full name whose surname (or, when only one
	// person has it, first name) it is.
	for gi, g := range groups {
		if g.dead || g.nw != 1 {
			continue
		}
		p, o, l := evid(g)
		if o > p || l > p && l > 0 {
			continue
		}
		w := g.key
		bearers := f.bearers[:0]
		for _, hi := range byLast.get(w) {
			if h := groups[hi]; !h.dead && !slices.Contains(bearers, hi) {
				if p, _, _ := evid(h); p > 0 {
					bearers = append(bearers, hi)
				}
			}
		}
		f.bearers = bearers
		if len(bearers) >= 2 {
			// People who share the surname ("Hillary Clinton" and her
			// husband): a mention with a gender of its own (an honorific:
			// "Mrs. Clinton"; a kin word) is the one its gender fits;
			// the others go on as below.
			kept := g.members[:0]
			for _, ci := range g.members {
				if f.cands[ci].gender == 0 {
					kept = append(kept, ci)
					continue
				}
				to := f.bearer(ci, bearers, groups)
				groups[to].members = append(groups[to].members, ci)
				f.cands[ci].group = to
			}
			g.members = kept
			if len(kept) == 0 {
				g.dead, g.into = true, bearers[0]
				continue
			}
		}
		best, bestN := -1, 0
		for _, hi := range byLast.get(w) {
			if h := groups[hi]; !h.dead && len(h.members) > bestN {
				best, bestN = hi, len(h.members)
			}
		}
		if first := byFirst.get(w); best < 0 && len(first) == 1 && !groups[first[0]].dead {
			best = first[0]
		}
		if best >= 0 {
			join(gi, best)
		}
	}
	// "Joseph Biden" and "Joseph R. Biden": the same first and last words;
	// the longer name absorbs the shorter.
	order := f.order[:0]
	for gi, g := range groups {
		if g.nw >= 2 {
			order = append(order, gi)
		}
	}
	slices.SortStableFunc(order, func(a, b int) int { return groups[b].nw - groups[a].nw })
	for _, gi := range order {
		g := groups[gi]
		if g.dead {
			continue
		}
		k := [2]string{g.firstWord(), g.lastWord()}
		if hi, ok := byEnds[k]; ok && hi != gi && !groups[hi].dead {
			join(gi, hi)
			continue
		}
		byEnds[k] = gi
	}
	// Acronyms and their expansions.
	for gi, g := range groups {
		if g.dead || g.nw != 1 || !allCaps(g.name) {
			continue
		}
		if hi, ok := byInitials[g.key]; ok && hi != gi && !groups[hi].dead && groups[hi].nw >= 2 {
			join(gi, hi)
		}
	}
	for ci := range f.cands {
		c := &f.cands[ci]
		if c.acr >= 0 && c.acr+1 < len(f.cands) && allCaps(f.cands[c.acr+1].name) {
			a := f.cands[c.acr+1].group
			for groups[a].dead {
				a = groups[a].into
			}
			h := c.group
			for groups[h].dead {
				h = groups[h].into
			}
			if a != h && groups[a].nw == 1 {
				join(a, h)
			}
		}
	}
	// Build entities in order of first mention.
	order = order[:0]
	for gi, g := range groups {
		if g.dead || len(g.members) == 0 {
			continue
		}
		first := f.cands[g.members[0]].span.Start
		for _, ci := range g.members {
			if s := f.cands[ci].span.Start; s < first {
				first = s
			}
		}
		g.first = first
		order = append(order, gi)
	}
	slices.SortStableFunc(order, func(a, b int) int { return groups[a].first - groups[b].first })
	d.Entities = make([]parallax.Entity, 0, len(order))
	d.info = make([]entInfo, 0, len(order))
	// Each entity's aliases, then its titles, go to strs; ends has where
	// both end.
	strs, ends := f.strs[:0], f.ends[:0]
	for _, gi := range order {
		g := groups[gi]
		p, o, l := evid(g)
		weak, strong := true, false
		for _, ci := range g.members {
			c := &f.cands[ci]
			if !c.weak {
				weak = false
			}
			if c.sure {
				strong = true
			}
		}
		var typ parallax.EntityType
		switch {
		case p >= o && p >= l && p > 0:
			typ = parallax.Person
		case o >= l && o > 0:
			typ = parallax.Organization
		case l > 0:
			typ = parallax.Location
		}
		if typ == "" && (weak || len(g.members) < 2) {
			continue
		}
		if weak && !strong {
			continue
		}
		if typ == "" {
			typ = parallax.Organization
		}
		e := parallax.Entity{Name: g.name, Type: typ}
		e.Key = g.key
		var info entInfo
		ei := len(d.Entities)
		from := len(strs)
		for _, ci := range g.members {
			c := &f.cands[ci]
			c.group, c.kept = ei, true
			strs = addDistinctFrom(strs, from, c.alias)
			if c.alias != c.name {
				strs = addDistinctFrom(strs, from, c.name)
			}
			if c.gender != 0 && info.gender == 0 {
				info.gender, info.named = c.gender, true
			}
			if c.aff != "" {
				info.countries = addDistinct(info.countries, c.aff)
			}
		}
		mid := len(strs)
		for _, ci := range g.members {
			// A title seen before adds no roles.
			if c := &f.cands[ci]; c.titles != "" && !slices.Contains(strs[mid:], c.titles) {
				strs = append(strs, c.titles)
				info.addRoles(c.titles)
			}
		}
		ends = append(ends, mid, len(strs))
		info.key = g.key
		d.Entities = append(d.Entities, e)
		d.info = append(d.info, info)
	}
	// One backing array holds every entity's aliases and titles.
	all := make([]string, len(strs))
	copy(all, strs)
	from := 0
	for ei := range d.Entities {
		mid, end := ends[2*ei], ends[2*ei+1]
		e := &d.Entities[ei]
		e.Aliases = all[from:mid:mid]
		if end > mid {
			e.Titles = all[mid:end:end]
		}
		from = end
	}
	clear(strs) // the pool keeps no strings alive
	f.strs, f.ends = strs[:0], ends[:0]
	f.groups, f.order = groups[:0], order[:0]
	f.gused = 0
	// Candidates of dropped groups get group -1.
	for ci := range f.cands {
		if !f.cands[ci].kept {
			f.cands[ci].group = -1
		}
	}
}

// initials returns the first letters of the words of a lower-case name,
// connectors skipped: "north atlantic treaty organization" → "nato".
func initials(key string) string {
	var buf [16]byte
	n := 0
	for len(key) > 0 && n < len(buf) {
		w := key
		if i := strings.IndexByte(key, ' '); i >= 0 {
			w, key = key[:i], key[i+1:]
		} else {
			key = ""
		}
		if w == "" || connectors[w] || w == "and" || w == "for" || w == "the" {
			continue
		}
		buf[n] = w[0]
		n++
	}
	return string(buf[:n])
}

func addDistinct(list []string, s string) []string { return addDistinctFrom(list, 0, s) }

// addDistinctFrom appends s to list unless list[from:] holds it.
func addDistinctFrom(list []string, from int, s string) []string {
	for _, x := range list[from:] {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

// addRoles records the role groups and countries a title names.
func (in *entInfo) addRoles(title string) {
	prime, vice := false, false
	var buf [40]byte
	for w := range strings.FieldsSeq(title) {
		w = strings.TrimSuffix(w, ".")
		lw := lowerBytes(&buf, w)
		prime = prime || string(lw) == "prime"
		vice = vice || string(lw) == "vice" || string(lw) == "deputy"
		g, role := roleHeads[string(lw)]
		if role {
			if vice {
				g = "vice"
			}
			in.roles = addDistinct(in.roles, g)
			if g == "minister" && prime {
				in.roles = addDistinct(in.roles, "pm")
				in.roles = addDistinct(in.roles, "leader")
			}
		}
		c := countryOf(w)
		if c != "" {
			in.countries = addDistinct(in.countries, c)
		}
		if orgWords[string(lw)] || orgHeads[string(lw)] {
			in.heads = addDistinct(in.heads, string(lw))
		}
		if !role && !roleMods[string(lw)] && !connectors[string(lw)] && !isHonorificWord(string(lw)) && c == "" {
			if r, _ := runeAt(w, 0); isUpper(r) {
				in.countries = addDistinct(in.countries, string(lw)) // an affiliation the gazetteer lacks
			}
		}
	}
}

// pluralIn reports whether word token i is the plural of a word in set
// ("Americans", "Democrats"); flag is set's lexicon flag, which rules out
// most words before the map lookup.
func pluralIn[V any](f *finder, i int, flag uint32, set map[string]V) bool {
	w := f.word(i)
	n := len(w)
	if n < 4 || w[n-1] != 's' && w[n-1] != 'S' {
		return false
	}
	start := f.d.Tokens[i].Span.Start
	if f.d.m.lexT.get(foldHash(f.d.Raw, start, start+n-1))&flag == 0 {
		return false
	}
	_, ok := inStrMap(set, w[:n-1])
	return ok
}

func isHonorificWord(w string) bool {
	_, ok := honorifics[w]
	return ok
}

// initMaps makes or empties merge's maps.
func (f *finder) initMaps() {
	if f.byKey == nil {
		f.byKey = make(map[string]int, 64)
		f.byEnds = make(map[[2]string]int, 32)
		f.byInitials = make(map[string]int, 32)
	} else {
		clear(f.byKey)
		clear(f.byEnds)
		clear(f.byInitials)
	}
	f.byLast.reset()
	f.byFirst.reset()
}

// keyName is the name a candidate's key is made from: the place's
// canonical name, else the name as written.
func (c *cand) keyName() string {
	if c.place != "" {
		return c.place
	}
	return c.name
}

// multimap maps strings to lists of ints, reusing its lists from text to
// text.
type multimap struct {
	index map[string]int // into lists
	lists [][]int
	n     int // lists in use
}

// reset empties m.
func (m *multimap) reset() {
	if m.index == nil {
		m.index = make(map[string]int, 32)
	}
	clear(m.index)
	m.n = 0
}

// add appends v to the list of k.
func (m *multimap) add(k string, v int) {
	li, ok := m.index[k]
	if !ok {
		li = m.n
		m.n++
		if li == len(m.lists) {
			m.lists = append(m.lists, nil)
		}
		m.lists[li] = m.lists[li][:0]
		m.index[k] = li
	}
	m.lists[li] = append(m.lists[li], v)
}

// get returns the list of k, nil when there is none.
func (m *multimap) get(k string) []int {
	if li, ok := m.index[k]; ok {
		return m.lists[li]
	}
	return nil
}

// partyWords name political affiliations written before a name.
var partyWords = wordSet(`republican democrat democratic gop conservative liberal labour labor socialist
communist green independent tory`)

// honorificHeads may follow an honorific as a form of address: "Mr.
// President", "Madam Speaker"; other role words after one are surnames
// ("Mr. King").
var honorificHeads = wordSet(`president vice-president speaker chairman chairwoman chair secretary
ambassador mayor governor minister senator commissioner justice prime`)

func honorificHead(w string) bool { return inSet(honorificHeads, strings.TrimSuffix(w, ".")) }

// isParty reports whether word token i is a party word or its plural:
// "Republican", "Democrats".
func (f *finder) isParty(i int) bool {
	return f.d.has(i, lxParty) && inSet(partyWords, f.word(i)) || pluralIn(f, i, lxParty, partyWords)
}
