package textproc

import (
	"bytes"
	"slices"
	"sort"
	"strings"
	"unicode"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/internal/ascii"
)

// mentionRef locates one mention: entity e, index k in its Mentions.
type mentionRef struct {
	span parallax.Span
	e, k int
	tok  int // first token
	sent int
	subj bool
	kind mentionKind
}

// mentionKind indexes mentionKinds; unlike parallax.MentionKind it holds
// no pointer, so the garbage collector need not scan mentions.
type mentionKind uint8

const (
	kindName mentionKind = iota
	kindNominal
	kindPronoun
)

var mentionKinds = [...]parallax.MentionKind{kindName: parallax.MentionName, kindNominal: parallax.MentionNominal, kindPronoun: parallax.MentionPronoun}

// nominal describes "the (former) Russian leader"-like words.
type nominal struct {
	span    parallax.Span
	role    string // role group of the head, "" for an organisation head
	orgHead string // "ministry", "alliance"
	country string
	gender  int8
	end     int // token after the nominal
}

// corefer records name mentions, then links nominals and pronouns outside
// quotations, in text order, to the entities mentioned before them.
func (f *finder) corefer() {
	d := f.d
	names := f.nameRefs[:0]
	for _, c := range f.cands {
		if c.group < 0 {
			continue
		}
		names = append(names, mentionRef{span: c.span, e: c.group, tok: c.a, sent: c.sent, subj: c.subj, kind: kindName})
	}
	slices.SortStableFunc(names, func(a, b mentionRef) int { return a.span.Start - b.span.Start })
	// While links are made, the mentions so far are the names.
	d.ments = names
	extra := f.link(names)
	d.ments = make([]mentionRef, 0, len(names)+len(extra))
	a, b := 0, 0
	for a < len(names) || b < len(extra) {
		if b == len(extra) || a < len(names) && names[a].span.Start < extra[b].span.Start {
			d.ments = append(d.ments, names[a])
			a++
		} else {
			d.ments = append(d.ments, extra[b])
			b++
		}
	}
	f.nameRefs, f.extraRefs = names, extra
}

// link returns the nominal and pronoun mentions linked to entities, in
// text order; names are the name mentions.
func (f *finder) link(names []mentionRef) []mentionRef {
	d := f.d
	extra := f.extraRefs[:0]
	if len(d.Entities) == 0 {
		return extra
	}
	d.narr = make([]int32, len(d.Sentences))
	n := int32(0)
	for si, narr := range f.narrated {
		d.narr[si] = n
		if narr {
			n++ // a sentence with narration: quoted sentences do not distance a pronoun from its antecedent
		}
	}
	// Walk the text once, keeping each entity's salience up to date.
	st := f.sal[:0]
	for range d.Entities {
		st = append(st, salience{lastTok: -1, lastSent: -1})
	}
	f.sal = st
	ni := 0
	apply := func(r mentionRef) {
		x := &st[r.e]
		x.lastTok, x.lastSent, x.lastSubj = r.tok, r.sent, r.subj
		x.count++
	}
	next := 0 // the words before it are read
	for _, ts := range f.links {
		i, si := ts.tok, ts.sent
		if i < next {
			continue
		}
		for ni < len(names) && names[ni].tok < i {
			apply(names[ni])
			ni++
		}
		s := &d.Sentences[si]
		t := &d.Tokens[i]
		if d.has(i, lxPersPron) {
			if d.covered(t.Span) {
				continue
			}
			g, _ := inStrMap(personPronouns, d.TokenText(i))
			e := f.cataphor(i, si, g)
			if e < 0 {
				e = d.resolvePronoun(st, i, si, g, false)
			}
			if e >= 0 {
				subj := isStartish(d, s.First, i) || i+1 < s.Last && d.has(i+1, lxSpeech)
				r := mentionRef{span: t.Span, e: e, tok: i, sent: si, subj: subj, kind: kindPronoun}
				extra = append(extra, r)
				apply(r)
				if d.info[e].gender == 0 {
					d.info[e].gender = g
				}
			}
			continue
		}
		// An honorific or "the".
		if n, ok := d.nominalAt(i, s.Last); ok {
			if !d.covered(n.span) {
				if e := d.resolveNominal(st, n, si); e >= 0 {
					subj := isStartish(d, s.First, i) || n.end < s.Last && d.has(n.end, lxSpeech)
					r := mentionRef{span: n.span, e: e, tok: i, sent: si, subj: subj, kind: kindNominal}
					extra = append(extra, r)
					apply(r)
				}
			}
			next = n.end
		}
	}
	return extra
}

// cataphor links a pronoun in an opening clause to the subject of the
// main clause that follows: "Asked whether he would run, Smith said …".
func (f *finder) cataphor(i, si int, g int8) int {
	d := f.d
	s := d.Sentences[si]
	if isStartish(d, s.First, i) {
		return -1
	}
	// The pronoun must come before the sentence's first comma.
	comma := -1
	for k := s.First; k < s.Last; k++ {
		if d.Tokens[k].Kind == Punct && d.Raw[d.Tokens[k].Span.Start] == ',' {
			comma = k
			break
		}
	}
	if comma < 0 || comma < i {
		return -1
	}
	// Opening clauses start with a participle or a subordinator, not a name.
	if d.Tokens[s.First].Kind != Word || d.lex[s.First]&(lxFunction|lxSpeech) == 0 && !strings.HasSuffix(d.TokenText(s.First), "ing") {
		return -1
	}
	for _, r := range d.ments {
		if r.sent != si || r.tok <= comma || r.kind != kindName {
			continue
		}
		if r.sent > si {
			break
		}
		end := d.TokenAt(r.span.End - 1)
		if end >= 0 && end+1 < s.Last && d.has(end+1, lxSpeech) && d.Entities[r.e].Type == parallax.Person {
			if eg := d.info[r.e].gender; eg != 0 && eg != g {
				return -1
			}
			return r.e
		}
		return -1
	}
	return -1
}

// covered reports whether sp overlaps a recorded mention.
func (d *Doc) covered(sp parallax.Span) bool {
	e, _ := d.EntityAt(sp)
	return e >= 0
}

// finish fills each entity's Mentions from d.ments.
func (f *finder) finish() {
	d := f.d
	// One backing array, cut into each entity's share.
	count := f.count[:0]
	for range d.Entities {
		count = append(count, 0)
	}
	f.count = count
	for _, r := range d.ments {
		count[r.e]++
	}
	all := make([]parallax.Mention, len(d.ments))
	off := 0
	for e := range d.Entities {
		d.Entities[e].Mentions = all[off : off : off+count[e]]
		off += count[e]
	}
	for i := range d.ments {
		r := &d.ments[i]
		e := &d.Entities[r.e]
		r.k = len(e.Mentions)
		e.Mentions = append(e.Mentions, parallax.Mention{Span: r.span, Text: d.Raw[r.span.Start:r.span.End], Kind: mentionKinds[r.kind]})
	}
}

// salience is an entity's state as of some point in the text.
type salience struct {
	lastTok, lastSent int
	lastSubj          bool
	count             int
}

// before returns every entity's salience from the mentions before token
// tok, measured to the last of them.
func (d *Doc) before(tok int) []salience { return d.salience(tok, false) }

// after is before for a mention the text explains later (a headline's):
// the mentions from tok on, measured to the first of them.
func (d *Doc) after(tok int) []salience { return d.salience(tok, true) }

func (d *Doc) salience(tok int, after bool) []salience {
	st := make([]salience, 0, len(d.Entities))
	for range d.Entities {
		st = append(st, salience{lastTok: -1, lastSent: -1})
	}
	for _, r := range d.ments {
		if !after && r.tok >= tok {
			break
		}
		if after && r.tok < tok {
			continue
		}
		s := &st[r.e]
		if !after || s.count == 0 {
			s.lastTok, s.lastSent, s.lastSubj = r.tok, r.sent, r.subj
		}
		s.count++
	}
	return st
}

// resolvePronoun links a he/she (gender g) or they/it (plural) pronoun at
// token tok of sentence si to the most salient compatible entity
// mentioned in the preceding sentences, or -1.
func (d *Doc) resolvePronoun(st []salience, tok, si int, g int8, plural bool) int {
	best, bestScore := -1, float32(-1e9)
	for e, s := range st {
		if s.count == 0 {
			continue
		}
		typ := d.Entities[e].Type
		if plural {
			if typ != parallax.Organization {
				continue
			}
		} else if typ != parallax.Person {
			continue
		}
		dist := d.dist(s.lastSent, si)
		if dist > 3 || plural && dist > 1 {
			continue // "it" and "they" look back one sentence only
		}
		score := 10 - 2.5*float32(dist)
		if s.lastSubj {
			score += 2
		}
		c := s.count
		if c > 10 {
			c = 10
		}
		score += 0.3 * float32(c)
		if !plural {
			switch eg := d.info[e].gender; {
			case eg == g:
				score += 2
			case eg != 0:
				continue
			}
		}
		if score > bestScore {
			best, bestScore = e, score
		}
	}
	return best
}

// nominalAt reads a nominal mention starting at token i ("the former
// Russian leader", "Mr. President"), if there is one.
func (d *Doc) nominalAt(i, last int) (nominal, bool) {
	var n nominal
	t := &d.Tokens[i]
	w := d.Raw[t.Span.Start:t.Span.End]
	k := i + 1
	if !strings.EqualFold(w, "the") {
		// "Mr. President", "Madam Speaker".
		if !d.has(i, lxHonorific) || !t.Cap {
			return n, false
		}
		if k < last && d.TokenText(k) == "." {
			k++
		}
		if k >= last {
			return n, false
		}
		hw, _ := stripPossessive(d.TokenText(k))
		g, ok := inStrMap(roleHeads, hw)
		if !ok || !d.Tokens[k].Cap || !honorificHead(hw) {
			return n, false
		}
		n.role = g
		n.span = parallax.Span{Start: t.Span.Start, End: d.Tokens[k].Span.Start + len(hw)}
		n.end = k + 1
		return n, true
	}
	return d.nominalRun(i, k, last)
}

// nominalRun reads a nominal's modifiers and its role or organisation
// head from token k on; its span starts at token i.
func (d *Doc) nominalRun(i, k, last int) (nominal, bool) {
	var n nominal
	t := &d.Tokens[i]
	vice := false
	prime := false
	for ; k < last && k < i+6; k++ {
		tk := d.Tokens[k]
		if tk.Kind != Word {
			return n, false
		}
		hw, _ := stripPossessive(d.Raw[tk.Span.Start:tk.Span.End])
		l := d.lex[k]
		if l&lxRoleHead != 0 && !(l&lxRoleMod != 0 && k+1 < last && isHeadTok(d, k+1)) {
			g, _ := inStrMap(roleHeads, hw)
			n.role = g
			if vice && g != "vice" {
				n.role = "vice"
			} else if prime && g == "minister" {
				n.role = "pm"
			}
			if gg, ok := inStrMap(genderedRoles, hw); ok {
				n.gender = gg
			}
		} else if l&lxOrgHead != 0 && !(k+1 < last && isHeadTok(d, k+1)) {
			n.orgHead = strings.ToLower(hw)
		} else if l&(lxNomMod|lxRoleMod) != 0 {
			vice = vice || strings.EqualFold(hw, "vice") || strings.EqualFold(hw, "deputy")
			prime = prime || strings.EqualFold(hw, "prime")
			continue
		} else if l&lxCountry != 0 && countryOf(hw) != "" {
			n.country = countryOf(hw)
			continue
		} else if tk.Cap && d.lex[k]&(lxNonName|lxFunction) == 0 && n.country == "" {
			n.country = strings.ToLower(hw) // an affiliation: "the Nordmark leader"
			continue
		} else {
			return n, false
		}
		n.span = parallax.Span{Start: t.Span.Start, End: tk.Span.Start + len(hw)}
		n.end = k + 1
		// Not a title before a name: "the Russian President Vladimir Putin".
		if k+1 < last {
			nx := d.Tokens[k+1]
			if nx.Kind == Word && nx.Cap && nx.Span.Start > tk.Span.End && len(hw) == tk.Span.Len() {
				if !d.has(k+1, lxNonName|lxSpeech) {
					return n, false
				}
			}
			// "the president of France"
			if k+2 < last && strings.EqualFold(d.TokenText(k+1), "of") {
				if c := countryOf(d.TokenText(k + 2)); c != "" && n.country == "" {
					n.country = c
				}
			}
		}
		return n, true
	}
	return n, false
}

// isHeadTok: token k is a role or organisation head noun.
func isHeadTok(d *Doc, k int) bool {
	if d.Tokens[k].Kind != Word {
		return false
	}
	return d.has(k, lxRoleHead|lxOrgHead)
}

// resolveNominal links a nominal at token tok of sentence si to the
// entity it most likely names: a person whose titles match the head (and
// the country, when the nominal names one), or an organisation whose name
// or descriptor contains the head.
func (d *Doc) resolveNominal(st []salience, n nominal, si int) int {
	best, bestScore := -1, float32(0)
	for e, s := range st {
		if s.count == 0 {
			continue
		}
		in := &d.info[e]
		ent := &d.Entities[e]
		score := float32(0)
		if n.orgHead != "" {
			if ent.Type != parallax.Organization {
				continue
			}
			switch {
			case hasWord(in.key, n.orgHead) || contains(in.heads, n.orgHead):
				score = 10
			case d.dist(s.lastSent, si) <= 1 && genericOrgHeads[n.orgHead]:
				score = 3 // "the alliance" just after an organisation's name
			default:
				continue
			}
		} else {
			if ent.Type != parallax.Person {
				continue
			}
			switch {
			case roleMatch(in.roles, n.role):
				score = 10
			case len(in.roles) == 0 || candidateFor(in.roles, n.role):
				score = 4
			default:
				continue
			}
			if n.country != "" && len(in.countries) > 0 {
				switch {
				case affiliated(in.countries, n.country):
					score += 5
				case anyPlace(in.countries):
					continue
				}
				// A party alone says nothing of a place: "the Vermont
				// senator" may be the "Democratic candidate".
			}
			if n.gender != 0 && in.gender != 0 && n.gender != in.gender {
				continue
			}
		}
		dist := float32(d.dist(s.lastSent, si))
		if dist < 0 {
			dist = -dist // first named after the nominal: a headline's
		}
		if dist > 20 {
			dist = 20
		}
		score -= 0.3 * dist
		c := s.count
		if c > 10 {
			c = 10
		}
		score += 0.2 * float32(c)
		if s.lastSubj {
			score += 0.5
		}
		if score > bestScore {
			best, bestScore = e, score
		}
	}
	return best
}

// roleMatch reports whether an entity with role groups roles can be
// called by a nominal of role group r.
func roleMatch(roles []string, r string) bool {
	if r == "leader" {
		for _, x := range roles {
			if x == "leader" || x == "president" || x == "pm" {
				return true
			}
		}
		return false
	}
	if r == "chief" {
		// "the head", "the chief": any leading role.
		for _, x := range roles {
			if x == "chief" || x == "director" || x == "chair" || x == "executive" || x == "leader" {
				return true
			}
		}
		return false
	}
	return contains(roles, r)
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// EntityAt returns the entity with a mention overlapping sp and the index
// of that mention in the entity's Mentions, or -1, -1.
func (d *Doc) EntityAt(sp parallax.Span) (ent int, m int) {
	// Mentions are in text order and do not overlap one another.
	i := sort.Search(len(d.ments), func(i int) bool { return d.ments[i].span.End > sp.Start })
	for ; i < len(d.ments) && d.ments[i].span.Start < sp.End; i++ {
		if d.ments[i].span.Overlaps(sp) {
			return d.ments[i].e, d.ments[i].k
		}
	}
	return -1, -1
}

// headEntity returns the entity of the mention heading sp, an English
// noun phrase: its last ("Sky's Moscow correspondent Diana Magnay")
// before a prepositional phrase or a participle ("Gov. Ada Lind of
// Tolm", "a group backing Lind"), or -1.
func (d *Doc) headEntity(sp parallax.Span) int {
	i := sort.Search(len(d.ments), func(i int) bool { return d.ments[i].span.End > sp.Start })
	// A name in the phrase outranks a nominal the coreference linked
	// ("the president of France Emmanuel Macron"), unless it only names
	// what modifies the nominal ("the attorney general of New York").
	head, nominal, modifier := -1, -1, false
	for ; i < len(d.ments) && d.ments[i].span.Start < sp.End; i++ {
		if d.ments[i].kind == kindNominal {
			if nominal < 0 && head < 0 {
				nominal = i
			}
			continue
		}
		if head >= 0 && postModifies(d.Raw[d.ments[head].span.End:d.ments[i].span.Start]) {
			break
		}
		if d.placeBeforeRole(d.ments[i], sp) {
			continue // "the Vermont senator" is no place
		}
		modifier = head < 0 && nominal >= 0 && postModifies(d.Raw[d.ments[nominal].span.End:d.ments[i].span.Start])
		head = i
	}
	if head < 0 || modifier {
		head = nominal
	}
	if head < 0 {
		return -1
	}
	return d.ments[head].e
}

// placeBeforeRole reports whether m names a place that modifies a role
// noun after it inside sp: "Vermont" in "the Vermont senator".
func (d *Doc) placeBeforeRole(m mentionRef, sp parallax.Span) bool {
	if m.e < 0 || m.e >= len(d.Entities) || d.Entities[m.e].Type != parallax.Location || m.span.End >= sp.End {
		return false
	}
	k := d.TokenAt(m.span.End)
	if k < 0 {
		k = sort.Search(len(d.Tokens), func(i int) bool { return d.Tokens[i].Span.Start >= m.span.End })
	}
	return k < len(d.Tokens) && d.Tokens[k].Span.Start < sp.End && d.Tokens[k].Kind == Word && !d.Tokens[k].Cap && d.has(k, lxRoleHead)
}

// postModifies reports whether s, between two mentions in a noun phrase,
// opens a phrase that modifies the first: a preposition, a participle or
// a relative pronoun.
func postModifies(s string) bool {
	for w := range strings.FieldsFuncSeq(s, func(r rune) bool { return !unicode.IsLetter(r) }) {
		if prepositions[w] || w == "who" || w == "that" || w == "which" || len(w) > 4 && strings.HasSuffix(w, "ing") {
			return true
		}
	}
	return false
}

// Agrees reports whether entity e may be what the personal mention at sp
// refers to: for a pronoun ("he", "she"), its gender, when a title or
// given name tells it, is the pronoun's; for a role nominal ("the
// minister"), the entity's titles, when it has any, fit the role. Any
// other mention agrees.
func (d *Doc) Agrees(sp parallax.Span, e int) bool {
	if !sp.Valid(len(d.Raw)) || e < 0 || e >= len(d.info) {
		return true
	}
	in := &d.info[e]
	g, ok := inStrMap(personPronouns, strings.TrimSpace(d.Text(sp)))
	if ok {
		return g == 0 || !in.named || in.gender == g
	}
	tok := d.TokenAt(sp.Start)
	si := d.SentenceAt(sp.Start)
	if tok < 0 || si < 0 {
		return true
	}
	n, ok := d.nominalAt(tok, d.Sentences[si].Last)
	if !ok || n.span.End < sp.End {
		// Past a possessive the last word heads the phrase: "the
		// congressman's spokesman", "the People's Alliance leader".
		n, ok = nominal{}, false
		if last := d.TokenAt(sp.End - 1); last > tok && d.Tokens[last].Kind == Word && !d.Tokens[last].Cap && d.has(last, lxRoleHead) {
			hw := d.TokenText(last)
			n.role, _ = inStrMap(roleHeads, hw)
			n.gender, _ = inStrMap(genderedRoles, hw)
			ok = strings.ContainsAny(d.Raw[sp.Start:d.Tokens[last].Span.Start], "'’")
		}
	}
	if !ok || n.role == "" {
		return true // not a role nominal
	}
	if n.gender != 0 && in.named && in.gender != 0 && n.gender != in.gender {
		return false
	}
	return genericRoles[n.role] || len(in.roles) == 0 || roleMatch(in.roles, n.role) || candidateFor(in.roles, n.role)
}

// genericRoles go with any title: "the official", "the candidate" (a
// senator may be one).
var genericRoles = map[string]bool{"official": true, "chief": true, "candidate": true}

// candidateFor reports whether a person with roles, a candidate among
// them, may hold the elected office r: "the Vermont senator" may be the
// "Democratic presidential candidate".
func candidateFor(roles []string, r string) bool {
	return electedRoles[r] && contains(roles, "candidate")
}

var electedRoles = map[string]bool{"president": true, "senator": true, "governor": true, "mayor": true, "lawmaker": true,
	"leader": true, "pm": true, "vice": true, "speaker": true, "secretary": true, "minister": true}

// anyPlace reports whether affiliations name a country or a place the
// gazetteer knows ("iowa" in "R-Iowa"), not only a party.
func anyPlace(affs []string) bool {
	for _, a := range affs {
		if a == "" {
			continue
		}
		if a[0] >= 'A' && a[0] <= 'Z' {
			return true // the gazetteer's country names are capitalised
		}
		if _, ok := inStrMap(places, a); ok {
			return true
		}
	}
	return false
}

// Resolve maps a speaker mention span (a name "Mr Putin", a nominal "the
// Russian leader", "the president", a pronoun "he"/"she"/"they") to the
// entity it refers to: an index into d.Entities, or -1. Spans Analyze
// already linked answer directly; others are read afresh: pronouns and
// nominals go to the most recent compatible person (or organisation for
// "it"/"they" and "the ministry"-like nominals) before the span, salience
// (subject position, recency, frequency) breaking ties; names go to the
// entity with that name, alias or surname.
func (d *Doc) Resolve(mention parallax.Span) int {
	if !mention.Valid(len(d.Raw)) || len(d.Entities) == 0 {
		return -1
	}
	if e := d.headEntity(mention); e >= 0 {
		return e
	}
	tok := d.TokenAt(mention.Start)
	if tok < 0 {
		tok = sort.Search(len(d.Tokens), func(i int) bool { return d.Tokens[i].Span.Start >= mention.Start })
		if tok >= len(d.Tokens) || d.Tokens[tok].Span.Start >= mention.End {
			return -1
		}
	}
	si := d.SentenceAt(d.Tokens[tok].Span.Start)
	if si < 0 {
		return -1
	}
	last := d.Sentences[si].Last
	text := strings.TrimSpace(d.Text(mention))
	if g, ok := inStrMap(personPronouns, text); ok {
		return d.resolvePronoun(d.before(tok), tok, si, g, false)
	}
	if inSet(pluralPronouns, text) {
		return d.resolvePronoun(d.before(tok), tok, si, 0, true)
	}
	// A nominal: find "the …" inside the span.
	for i := tok; i < last && d.Tokens[i].Span.Start < mention.End; i++ {
		if n, ok := d.nominalAt(i, last); ok {
			return d.resolveNominal(d.before(tok), n, si)
		}
	}
	if e := d.byName(text); e >= 0 {
		return e
	}
	// A headline's nominal goes without "the" ("Morvanian PM accuses …")
	// and names a person the story under it introduces.
	if si == 0 && d.Tokens[tok].Cap {
		if n, ok := d.nominalRun(tok, tok, last); ok && n.role != "" && n.span.End == mention.End {
			return d.resolveNominal(d.after(tok), n, si)
		}
	}
	return -1
}

// byName finds the entity a written name refers to: by key or alias, and
// else by its last word as a surname.
func (d *Doc) byName(text string) int {
	var wbuf [16]string
	words := wbuf[:0]
	for w := range strings.FieldsSeq(text) {
		words = append(words, w)
	}
	// Drop honorifics and role words in front.
	for len(words) > 1 {
		w := strings.TrimSuffix(words[0], ".")
		_, h := inStrMap(honorifics, w)
		_, r := inStrMap(roleHeads, w)
		if !h && !r && !inSet(roleMods, w) && countryOf(w) == "" && !strings.EqualFold(w, "the") {
			break
		}
		words = words[1:]
	}
	if len(words) == 0 {
		return -1
	}
	words[len(words)-1], _ = stripPossessive(words[len(words)-1])
	// The key: the words lower-cased and single-spaced.
	var kbuf [64]byte
	key := kbuf[:0]
	for i, w := range words {
		if i > 0 {
			key = append(key, ' ')
		}
		key = ascii.AppendToLower(key, w)
	}
	for e := range d.Entities {
		ent := &d.Entities[e]
		if ent.Key == string(key) {
			return e
		}
		for _, a := range ent.Aliases {
			if strings.EqualFold(a, string(key)) {
				return e
			}
		}
	}
	lastw := key[bytes.LastIndexByte(key, ' ')+1:]
	for e := range d.Entities {
		ent := &d.Entities[e]
		if ent.Type != parallax.Person {
			continue
		}
		// Its key ends with a space and the last word.
		k := ent.Key
		if n := len(k) - len(lastw); n > 0 && k[n-1] == ' ' && k[n:] == string(lastw) {
			return e
		}
	}
	return -1
}

// dist is the number of sentences with narration from sentence a to b.
func (d *Doc) dist(a, b int) int {
	if a < 0 || b < 0 || a >= len(d.narr) || b >= len(d.narr) {
		return b - a
	}
	return int(d.narr[b] - d.narr[a])
}

// genericOrgHeads may stand for an organisation named just before.
var genericOrgHeads = wordSet(`alliance bloc organization organisation group agency body coalition union`)

// affiliated reports whether an entity with affiliations affs (canonical
// countries, lower-case other names) matches a nominal's modifier c:
// equal, or the same stem ("nordmark" / "nordmarkian").
func affiliated(affs []string, c string) bool {
	for _, a := range affs {
		if a == c {
			return true
		}
		la, lc := strings.ToLower(a), strings.ToLower(c)
		if len(la) >= 4 && len(lc) >= 4 && (strings.HasPrefix(lc, la) || strings.HasPrefix(la, lc)) {
			return true
		}
	}
	return false
}

// hasWord reports whether the space-separated words of s include w.
func hasWord(s, w string) bool {
	for len(s) > 0 {
		i := strings.IndexByte(s, ' ')
		if i < 0 {
			return s == w
		}
		if s[:i] == w {
			return true
		}
		s = s[i+1:]
	}
	return false
}
