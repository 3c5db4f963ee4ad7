package quote

import (
	"strings"
	"unicode"
	"unicode/utf8"

	parallax "github.com/parallax-news/parallax"
)

// paraInfo is a paragraph's bounds [lo, hi) and its segments [s0, s1).
type paraInfo struct{ lo, hi, s0, s1 int }

// cand is a quotation found in one paragraph before chains are merged.
type cand struct {
	kind    parallax.QuoteKind
	span    parallax.Span
	cue     parallax.Span
	spk     parallax.Span
	conf    float64
	res     parallax.Span // span to resolve the speaker by, when not spk
	chain   int           // multi-paragraph chain id, -1 for none
	carried bool
	turn    bool // a transcript's turn: "I" in it is its speaker
	post    bool // an embedded post: its signature's name is whole
}

// speaker remembered across sentences and paragraphs.
type lastSpk struct {
	spk, cue parallax.Span
	res      parallax.Span // the name resolving spk, when not spk itself
	para     int
	ok       bool
}

// run holds the per-article working state.
type run struct {
	e        *Extractor
	raw      string
	marks    []mark
	paras    []paraInfo
	resolved []resolved // finish's speakers resolved so far
	tz       tokenizer
	toks     []tok // the current paragraph's tokens
	tokEnds  []int // per paragraph: where its tokens end in tz.toks
	ends     []int
	segs     []segment
	used     []bool // per token of the current paragraph: consumed as content
	out      []cand
	last     lastSpk
	chain    []int         // chain id of each segment of the current paragraph
	res      parallax.Span // antecedent of a relative-pronoun speaker being attributed
	// titleCase is set while reading a headline in Title Case.
	titleCase bool
	// resolve and ents name the entity a span mentions (resolve may be nil).
	resolve func(parallax.Span) int
	ents    []parallax.Entity
	// transcript and interview say whether lines of the article open
	// with labels as a transcript's or an interview's do; labelsRead is
	// set once readLabels has looked.
	labelsRead, transcript, interview bool
	// turn is the speaker of the transcript's turn running in the
	// latest paragraph read, if any.
	turn lastSpk
	// lx are the article's language's words when it is read by
	// romance.go, nil for English.
	lx *romanceWords
}

// isQuotation tells a quotation from a scare quote or title: several
// words, or sentence punctuation inside.
func (r *run) isQuotation(sg segment) bool {
	words, punct := 0, false
	inWord := false
	s := r.raw[sg.in:sg.out]
	for i := 0; i < len(s); {
		c, w := rune(s[i]), 1
		if c >= utf8.RuneSelf {
			c, w = utf8.DecodeRuneInString(s[i:])
		}
		i += w
		if isWordRune(c) {
			if !inWord {
				words++
			}
			inWord = true
			continue
		}
		if c == '\'' || c == '’' || c == '-' {
			continue
		}
		inWord = false
		if c == ',' || c == '.' || c == '?' || c == '!' || c == ';' || c == ':' {
			punct = true
		}
	}
	if words >= r.e.minWords {
		return true
	}
	// Short quotes with a terminal mark: "Never!", "No, thanks."
	return punct && words >= 2
}

func (r *run) word(i int, w string) bool {
	return i >= 0 && i < len(r.toks) && r.toks[i].kind == tWord && r.toks[i].low == w
}

func (r *run) punct(i int, p string) bool {
	return i >= 0 && i < len(r.toks) && r.toks[i].kind == tPunct && r.toks[i].low == p
}

func (r *run) isQuoteTok(i int) bool {
	return i >= 0 && i < len(r.toks) && r.toks[i].kind == tQuote
}

func isAdverb(t *tok) bool {
	if t.kind != tWord || t.cap {
		return false
	}
	return (t.f&fAux != 0) || (len(t.low) > 4 && strings.HasSuffix(t.low, "ly") && !(t.f&fPron != 0)) ||
		strings.HasSuffix(t.low, "n't") || strings.HasSuffix(t.low, "n’t")
}

// adverbsBack returns the last token at or before L, not before a, that
// is not an adverb or an auxiliary.
func (r *run) adverbsBack(a, L int) int {
	for L >= a && isAdverb(&r.toks[L]) {
		L--
	}
	return L
}

// npBack scans a speaker noun phrase ending at token j (inclusive),
// not before a; it returns the first token or -1.
func (r *run) npBack(a, j int) int {
	t := &r.toks[j]
	if t.kind != tWord || ((t.f&fStop != 0) && !(t.f&fPron != 0)) {
		return -1
	}
	// "requests for", "six hours of": a phrase ending in a preposition.
	if t.f&fPrep != 0 && t.f&fPron == 0 {
		return -1
	}
	if c, ok := t.cueInfo(); ok && !t.cap && !c.noun && !(j-1 >= a && r.toks[j-1].f&fDet != 0) {
		return -1 // but "people familiar with her thinking say": a noun
	}
	if t.f&fPron != 0 {
		return j
	}
	i := j
	for n := 0; i-1 >= a && n < 8; n++ {
		p := &r.toks[i-1]
		if p.low == "&" && r.toks[i].cap && i-2 >= a && r.toks[i-2].kind == tWord && r.toks[i-2].cap {
			i -= 2 // "Karsten & Moll"
			continue
		}
		if p.kind != tWord {
			break
		}
		if p.low == "of" || p.low == "for" || p.low == "in" && i == j && numberWord(t.low) {
			// "Secretary of State John Kerry", "spokesman for the
			// campaign", "one in three"
			if i-2 >= a && r.toks[i-2].kind == tWord && !(r.toks[i-2].f&fStop != 0) && (p.low != "in" || numberWord(r.toks[i-2].low) || r.toks[i-2].low == "one") {
				i -= 2
				continue
			}
			break
		}
		if (p.f&fStop != 0) && !(p.f&fDet != 0) {
			break
		}
		if c, ok := p.cueInfo(); ok && !p.cap && !c.noun {
			break
		}
		i--
		if p.f&fDet != 0 {
			// "Pilar Esteve of the University of …": a name's phrase
			// goes on before "of the".
			if i-2 >= a && (r.word(i-1, "of") || r.word(i-1, "for")) && r.toks[i-2].kind == tWord && r.toks[i-2].cap && r.toks[i-2].f&fStop == 0 {
				i -= 2
				continue
			}
			break
		}
	}
	return i
}

// npFwd scans a speaker noun phrase starting at token i, before b; it
// returns the end token (exclusive) or -1.
func (r *run) npFwd(i, b int) int {
	if i >= b || r.toks[i].kind != tWord {
		return -1
	}
	j := i
	for n := 0; j < b && n < 10; n++ {
		t := &r.toks[j]
		if t.kind != tWord {
			break
		}
		if t.low == "of" || t.low == "for" {
			// "Secretary of State", "one of the protesters", "one of two witnesses"
			if j+1 < b && r.toks[j+1].kind == tWord && (r.toks[j+1].cap || (r.toks[j+1].f&fDet != 0) || numberWord(r.toks[j+1].low)) && j > i {
				j++
				continue
			}
			break
		}
		if (t.f&fStop != 0) && !(t.f&fDet != 0) && !((t.f&fPron != 0) && j == i) {
			break
		}
		if j > i && ((t.f&fTrail != 0) || (isAdverb(t) && !t.cap)) {
			break
		}
		if _, ok := t.cueInfo(); ok && j > i && !t.cap {
			break
		}
		if j > i && (t.low == "who" || t.low == "which") {
			break // "a handful of Democrats who point to …"
		}
		j++
		if t.f&fPron != 0 && !(quantifiers[t.low] && j < b && r.toks[j].kind == tWord && r.toks[j].f&(fStop|fPrep|fTrail) == 0) {
			break // "he", but "several observers"
		}
	}
	if j == i {
		return -1
	}
	return j
}

func (r *run) span(i, j int) parallax.Span { // tokens [i, j)
	return parallax.Span{Start: r.toks[i].s, End: r.toks[j-1].e}
}

// clauseEnd finds where an indirect content starting at token i ends,
// within the sentence ending at b.
func (r *run) clauseEnd(i, b int) int {
	for k := i; k < b; k++ {
		t := &r.toks[k]
		if t.kind == tPunct && (t.low == ";" || t.low == "(") {
			return k
		}
		// "… and demanded a summit": a second cue verb takes its own content.
		if t.kind == tWord && (t.low == "and" || t.low == "but") && k > i+1 && k+1 < b {
			x := k + 1
			for x < b && isAdverb(&r.toks[x]) {
				x++
			}
			if x >= b {
				continue
			}
			if n := &r.toks[x]; n.kind == tWord && !n.cap {
				// After a comma a form that may be a noun is the verb too:
				// "…, and rules out talks", not "… and claims of fraud".
				if c, ok := n.cueInfo(); ok && !c.part && (!c.noun || r.punct(k-1, ",") && !r.word(x+1, "of")) && c.lemma != n.low {
					return k
				}
			}
		}
		if t.kind == tPunct && (t.low == "," || t.low == "—" || t.low == "–") && k+1 < b {
			n := &r.toks[k+1]
			if c, ok := n.cueInfo(); ok && n.kind == tWord && c.part {
				return k
			}
			if n.low == "according" {
				return k
			}
			// ", Putin said." / ", he added" closing the sentence
			if e := r.npFwd(k+1, b); e > 0 && e < b {
				x := e
				for x < b && isAdverb(&r.toks[x]) {
					x++
				}
				if x >= b {
					continue
				}
				if c, ok := r.toks[x].cueInfo(); ok && r.toks[x].kind == tWord && !c.part && c.class&cueSpeech != 0 && r.trailsOff(x+1, b) {
					return k
				}
			}
		}
	}
	return b
}

// trailsOff reports whether tokens [i,b) hold no content of their own:
// sentence end, or an adverbial ("on Thursday", "in a statement").
func (r *run) trailsOff(i, b int) bool {
	if i >= b {
		return true
	}
	t := &r.toks[i]
	if t.kind == tPunct {
		return t.low == "." || t.low == "," || t.low == "!" || t.low == "?" || t.low == ";" || t.low == ")" || t.low == "("
	}
	if t.kind != tWord || !(t.f&fTrail != 0) {
		return false
	}
	// A longer phrase trails off too when it is a chain of prepositional
	// phrases of setting with no verb: "in a long interview with the paper
	// on Monday", but not "about the backing of …".
	clause := !settingPreps[t.low]
	for k := i; k < b; k++ {
		if tk := &r.toks[k]; r.verbish(tk) || whWords[tk.low] {
			clause = true
		}
		if r.word(k, "that") || r.isQuoteTok(k) || r.punct(k, ":") || k-i >= 7 && (clause || k-i >= 14) {
			return false
		}
		if r.punct(k, ",") {
			break // a new clause: ", noting …"
		}
	}
	return true
}

// trim drops punctuation tokens at the edges of [i,j).
func (r *run) trim(i, j int) (int, int) {
	for i < j && r.toks[i].kind == tPunct {
		i++
	}
	for j > i && r.toks[j-1].kind == tPunct {
		j--
	}
	return i, j
}

func (r *run) segSpan(ti int) parallax.Span {
	sg := r.segs[r.toks[ti].seg]
	s, e := sg.in, sg.out
	for s < e && isSpaceByte(r.raw[s]) {
		s++
	}
	for e > s && isSpaceByte(r.raw[e-1]) {
		e--
	}
	return parallax.Span{Start: s, End: e}
}

func isSpaceByte(c byte) bool { return c == ' ' || c == '\n' || c == '\t' || c == '\r' }

// addDirect records token ti (a quote token) as a direct quote.
func (r *run) addDirect(ti int, cue, spk parallax.Span, conf float64) {
	if r.used[ti] {
		return
	}
	r.used[ti] = true
	sp := r.segSpan(ti)
	if sp.Empty() || r.word(ti-1, "so-called") {
		return // "the so-called 'reform'" quotes no one
	}
	r.out = append(r.out, cand{kind: parallax.Direct, span: sp, cue: cue, spk: spk, conf: conf, chain: r.chain[r.toks[ti].seg], res: r.res})
}

// addIndirect records tokens [i,j) as indirect or mixed content.
func (r *run) addIndirect(i, j int, cue, spk parallax.Span, conf float64) bool {
	i, j = r.trim(i, j)
	if j <= i {
		return false
	}
	// A content that is one quotation is a direct quote.
	if j == i+1 && r.toks[i].kind == tQuote {
		r.addDirect(i, cue, spk, conf)
		return true
	}
	// "spoke first", "spoke briefly": one adverb says nothing.
	if j == i+1 && (isAdverb(&r.toks[i]) || ordinals[r.toks[i].low]) {
		return false
	}
	kind := parallax.Indirect
	for k := i; k < j; k++ {
		if r.toks[k].kind == tQuote {
			kind = parallax.Mixed
		}
		r.used[k] = true
	}
	r.out = append(r.out, cand{kind: kind, span: r.span(i, j), cue: cue, spk: spk, conf: conf, chain: -1, res: r.res})
	return true
}

// paragraph extracts the quotes of one paragraph.
func (r *run) paragraph(p int) {
	toks := r.toks
	if cap(r.used) < len(toks) {
		r.used = make([]bool, len(toks))
	}
	r.used = r.used[:len(toks)]
	for i := range r.used {
		r.used[i] = false
	}
	if c, post, sig := r.embed(p); post || sig {
		// An embedded post is its author's; its signature quotes no one.
		if post {
			r.out = append(r.out, c)
		}
		return
	}
	if r.turn.ok && r.turn.para == p-1 && len(toks) > 0 && (r.isTranscript() || r.isInterview()) {
		// A transcript's paragraph with no label of its own goes on
		// with the turn before it; a bracketed note ("[Applause]")
		// ends it.
		if line := r.raw[r.paras[p].lo:r.paras[p].hi]; !labelled(line) && line[0] != '[' && line[0] != '(' {
			if i, j := r.trim(0, len(toks)); i < j {
				r.out = append(r.out, r.turnCand(i, j, r.turn))
				r.turn.para = p
			}
		}
	}
	r.ends = sentenceEnds(r.ends[:0], toks, r.raw)
	r.titleCase = false
	if p == 0 {
		words, caps := 0, 0
		for _, t := range toks {
			if t.kind == tWord && len(t.low) > 3 {
				words++
				if t.cap {
					caps++
				}
			}
		}
		r.titleCase = words >= 3 && caps*4 >= words*3
	}
	a := 0
	paraSpk := lastSpk{}
	for _, b := range r.ends {
		if r.lx != nil {
			r.romanceSentence(r.lx, p, a, b, &paraSpk)
		} else {
			r.sentence(p, a, b, &paraSpk)
		}
		a = b
	}
	// Quotations left over: speaker from this paragraph or the one before.
	a = 0
	for _, b := range r.ends {
		for k := a; k < b; k++ {
			if toks[k].kind != tQuote || r.used[k] {
				continue
			}
			sg := r.segs[toks[k].seg]
			long := r.isQuotation(sg)
			opensSentence := k == a || (k == a+1 && toks[a].kind == tPunct)
			if !long && !(opensSentence && r.chain[toks[k].seg] >= 0) {
				continue
			}
			if !long && !opensSentence {
				continue
			}
			switch {
			case paraSpk.ok:
				r.res = paraSpk.res
				r.addDirect(k, paraSpk.cue, paraSpk.spk, 0.6)
			case r.last.ok && p-r.last.para <= r.e.carry:
				n := len(r.out)
				r.res = r.last.res
				r.addDirect(k, r.last.cue, r.last.spk, 0.5)
				if len(r.out) > n {
					r.out[n].carried = true
				}
			default:
				if long && opensSentence {
					r.res = parallax.Span{}
					r.addDirect(k, parallax.Span{}, parallax.Span{}, 0.3)
				}
			}
		}
		a = b
	}
	if paraSpk.ok {
		r.last = paraSpk
		r.last.para = p
	}
}

// sentence finds cues in tokens [a,b) and attributes their contents.
func (r *run) sentence(p, a, b int, ps *lastSpk) {
	toks := r.toks
	a = r.datelineEnd(a, b) // a dateline is nobody's words
	var subj parallax.Span  // the sentence's speaker once found
	sub := -1               // the comma closing an opening subordinate clause
	// Or a fronted participle clause: "After blasting the report,",
	// "Despite challenging the leader,".
	if a < b && toks[a].kind == tWord && (subordinators[toks[a].low] || r.participle(a) ||
		toks[a].f&fPrep != 0 && r.participle(a+1)) {
		for x := a + 2; x < b && x < a+40; x++ {
			if toks[x].kind == tQuote || r.punct(x, ";") {
				break
			}
			if r.punct(x, ",") {
				sub = x
				break
			}
		}
	}
	// The last cue found with a speaker, and where its block ends: a
	// participle right after it, past a comma, is its speaker's ("…, a
	// Chinese official said, adding that …").
	var prevSpk parallax.Span
	prevEnd := -1
	for k := a; k < b; k++ {
		t := &toks[k]
		if t.kind != tWord {
			continue
		}
		// "according to X"
		if t.low == "according" && r.word(k+1, "to") {
			cue := r.span(k, k+2)
			e := r.npFwd(k+2, b)
			if e < 0 {
				continue
			}
			// "according to an analysis by the Pew Research Center":
			// the author is named too.
			if (r.word(e, "by") || r.word(e, "from")) && e+1 < b {
				if e2 := r.npFwd(e+1, b); e2 > 0 {
					e = e2
				}
			}
			spk := r.span(k+2, e)
			ok := false
			if k == a || (k == a+1 && toks[a].kind == tPunct) || k-a <= 4 && r.introWord(a) && !r.hasVerb(a, k) {
				// According to X, content. "But according to X, …", "In
				// addition, according to X, …": an intro before it.
				c := e
				for c < b && !r.punct(c, ",") {
					c++
				}
				if c < b {
					ok = r.addIndirect(c+1, r.clauseEnd(c+1, b), cue, spk, 0.7)
				}
			} else if r.punct(k-1, ",") || r.punct(k-1, "—") {
				ok = r.addIndirect(a, k-1, cue, spk, 0.7)
			} else if r.isQuoteTok(k - 1) {
				r.addDirect(k-1, cue, spk, 0.8)
				ok = true
			}
			if ok {
				r.remember(ps, cue, spk, p)
			}
			k = e - 1
			continue
		}
		// "For Ada Lind of Tolm Bank, the vote marks « the end … »": a
		// person's view of what the quotation says.
		if t.low == "for" && (k == a || k == a+1 && toks[a].kind == tPunct) {
			if c := r.forView(k, b); c > 0 {
				cue, spk := r.span(k, k+1), r.span(k+1, c)
				if r.addIndirect(c+1, r.clauseEnd(c+1, b), cue, spk, 0.6) {
					r.remember(ps, cue, spk, p)
				}
				k = c
				continue
			}
		}
		r.res = parallax.Span{}
		ci, ok := t.cueInfo()
		// A cue inside an opening subordinate clause ("When a reporter
		// asked why …, she …") has its content end with that clause.
		end := b
		if sub > k {
			end = sub
		}
		// "Cruz seemed to blame the network", "is widely expected to win":
		// the writer's inference about the subject, or an expectation of
		// no one named, of what the to-clause says.
		if (t.f&fRaise != 0 && k > a || ok && ci.lemma == "expect" && !ci.part && r.beBefore(a, k)) && r.word(k+1, "to") && r.infinitive(k+2, b) {
			var spk parallax.Span
			if L := r.adverbsBack(a, k-1); t.f&fRaise != 0 && L >= a {
				// "Lind agreed and seemed to think", "Lind in an interview
				// appeared to blame": the clause's subject.
				if s := r.npBack(a, L); s > a && toks[s-1].f&(fPrep|fPron) == fPrep || conjunctions[toks[L].low] {
					spk = r.subject(a, k)
				} else if s >= 0 {
					spk = r.span(s, L+1)
				}
				if !spk.Empty() && !r.speakerLike(spk) {
					spk = parallax.Span{}
				}
			}
			r.addIndirect(k+1, r.clauseEnd(k+2, end), r.span(k, k+1), spk, weakConf)
			continue
		}
		// "Lind is eager to run", "Moss was skeptical of the plan": a
		// stance after be, on the complement that follows.
		if stanceAdjs[t.low] && r.beBefore(a, k) && k+2 < b && (r.word(k+1, "to") || r.word(k+1, "that") || r.word(k+1, "of") || r.word(k+1, "about") || r.word(k+1, "toward")) {
			s := k + 1
			if !r.word(s, "that") && !(r.word(s, "to") && r.infinitive(s+1, end)) {
				s++
			}
			var spk parallax.Span
			if L := r.adverbsBack(a, r.adverbsBack(a, k-1)-1); L >= a {
				if st := r.npBack(a, L); st >= 0 && r.speakerLike(r.span(st, L+1)) {
					spk = r.span(st, L+1)
				}
			}
			r.addIndirect(s, r.clauseEnd(s, end), r.span(k, k+1), spk, weakConf)
			continue
		}
		if !ok || !r.e.cueOK(ci) {
			continue
		}
		if k+1 < b && k > a && strings.HasSuffix(t.low, "s") && (toks[k+1].f&fBe != 0 || finiteAux[toks[k+1].low]) &&
			toks[k-1].f&fPron == 0 && !toks[k-1].cap && !r.relativeBefore(a, k) {
			// "that talks had collapsed", "his sexist remarks were": a
			// plural noun, the subject; but "who he believes will …",
			// "which the company says would …".
			continue
		}
		if t.cap && k == a && ci.lemma == "ask" && !ci.part {
			// "Asked whether he would run, …": the question, put by no
			// one named, is content of its own, not the main clause's.
			r.askedClause(k, b)
			continue
		}
		if t.cap && !(r.titleCase && k > a && toks[k-1].kind == tWord) {
			continue // "States", "Post"; but "Sanders Says He Will Run"
		}
		if ci.lemma == "ask" && !ci.part && !t.cap && !r.word(k+1, "by") && r.beBefore(a, k) {
			// "was asked whether …", "were asked about …": a question put
			// by no one named; its subject is the hearer.
			if s, weak := r.contentStart(k+1, end, ci); s >= 0 && (weak || r.word(s, "about")) {
				if r.word(s, "about") {
					s++ // "asked about the merger": as askedClause
				}
				r.addIndirect(s, r.clauseEnd(s, end), r.span(k, k+1), parallax.Span{}, weakConf)
			}
			continue
		}
		// "was asked by the host whether …", "When asked by a reporter
		// whether …": a passive with its agent names the speaker; its
		// subject is the hearer.
		passive := false
		if k > a {
			prev := &toks[k-1]
			passive = prev.kind == tWord && (prev.f&fBe != 0 || subordinators[prev.low]) && !ci.part && hearerCues[ci.lemma] && r.word(k+1, "by")
			if !passive && prev.kind == tWord && ((prev.f&fDet != 0) || (prev.f&fBe != 0 && !ci.part) || prev.low == "to" || prev.low == "'s") {
				continue
			}
		}
		if ci.noun && !r.verbSlot(a, k) {
			continue // "the president’s plans", "terrorist attacks"
		}
		if k > a && toks[k-1].kind == tQuote && (ci.noun && ci.class&cueSpeech == 0 && k-2 >= a && (toks[k-2].f&fDet != 0 || r.word(k-2, "so-called")) || !passive && r.word(k+1, "by")) {
			// A noun or a participle after a quoted name: "the 'Tolm
			// 2030' plan", "the 'pause' demanded by the union"; but "the
			// 'not there yet' comment" quotes.
			continue
		}
		if r.nominalCue(a, k, ci) {
			continue // "requests for comment", "in a statement released …"
		}
		if ci.lemma == "point" && !r.word(k+1, "out") {
			continue
		}
		// "made clear", "made it clear": make reports nothing else.
		madeClear := 0 // the words after make that join the cue
		if ci.lemma == "make" {
			if r.word(k+1, "it") {
				madeClear++
			}
			if !r.word(k+madeClear+1, "clear") {
				continue
			}
			madeClear++
		}
		if ci.lemma == "call" && k > a {
			// "a group called Citizens for Trump": a name given, not a
			// statement.
			if s := r.npBack(a, k-1); s >= 0 && (toks[s].low == "a" || toks[s].low == "an") {
				continue
			}
		}
		if k+1 < b && toks[k+1].kind == tWord && phrasalOff[toks[k+1].low] {
			continue // "called off talks", "played down": another verb ("said up to 40", "said back then" stay)
		}
		cueEnd := k + 1 + madeClear
		if ci.lemma == "point" || (ci.lemma == "call" && r.word(k+1, "for")) || (ci.lemma == "rule" && r.word(k+1, "out")) {
			cueEnd = k + 2
		}
		// "said angrily": an adverb right after the verb joins the cue.
		if cueEnd < b && toks[cueEnd].kind == tWord && !toks[cueEnd].cap && len(toks[cueEnd].low) > 4 && strings.HasSuffix(toks[cueEnd].low, "ly") && !r.word(cueEnd+1, "that") {
			cueEnd++
		}
		cue := r.span(k, cueEnd)
		// Speaker before the cue, past adverbs and auxiliaries.
		L := k - 1
		L = r.adverbsBack(a, L)
		// "The mayor two days ago said": a time phrase before the cue.
		if L-1 > a && r.word(L, "ago") {
			x := L - 1
			for x > a && toks[x].kind == tWord && (timeNouns[toks[x].low] || timeWords[toks[x].low] || numberWord(toks[x].low) || agoWords[toks[x].low]) {
				x--
			}
			L = x
			L = r.adverbsBack(a, L)
		}
		// "is suggesting": the progressive's be.
		progressive := ci.part && L > a && toks[L].kind == tWord && toks[L].f&fBe != 0
		if progressive {
			L--
			L = r.adverbsBack(a, L)
		}
		// "kept asking", "began by saying": a verb that takes the
		// participle stands between it and the subject.
		if ci.part && L > a && catenatives[toks[L].low] {
			L--
			L = r.adverbsBack(a, L)
		} else if ci.part && L-1 > a && r.word(L, "by") && catenatives[toks[L-1].low] {
			L -= 2
			L = r.adverbsBack(a, L)
		}
		// "Bolton and Gorka both denounced", "Cruz and Paul have all
		// attacked", "Republicans have long criticized": a floating
		// quantifier stands between the subject and its verb.
		for L > a && floating[toks[L].low] && toks[L-1].kind == tWord && toks[L-1].f&(fDet|fPrep) == 0 && (toks[L-1].f&fAux != 0 || !isAdverb(&toks[L-1])) &&
			!negations[toks[L-1].low] && (toks[L].low != "long" || toks[L-1].f&fAux != 0) {
			L--
			L = r.adverbsBack(a, L)
		}
		var spk parallax.Span
		blockStart, blockEnd := k, cueEnd
		inverted := false
		if passive {
			e := r.npFwd(cueEnd+1, b)
			if e < 0 {
				continue
			}
			spk, blockEnd = r.span(cueEnd+1, e), e
		}
		if L >= a && !passive {
			s := r.npBack(a, L)
			if s < 0 && r.relPronoun(a, L) {
				s = L // "polls that show": the relative pronoun is the subject
			}
			// "Beck, who has in the past described": a noun phrase after
			// a preposition is its object; the subject comes before.
			for n := 0; s > a+1 && n < 2; n++ {
				prep := &toks[s-1]
				if prep.kind != tWord || prep.f&fPrep == 0 || prep.f&fPron != 0 || prep.low == "of" || prep.low == "for" || prep.low == "to" || prep.low == "by" {
					break
				}
				L2 := s - 2
				L2 = r.adverbsBack(a, L2)
				if L2 < a {
					break
				}
				// "officials who spoke with the Post said", "dockers who
				// work at the yard said": a relative clause stands between
				// the subject and its cue.
				if w := L2 - 1; w > a && (toks[w].low == "who" || toks[w].low == "that") && !toks[L2].cap {
					if s3 := r.npBack(a, w-1); s3 >= 0 && toks[s3].f&fPron == 0 {
						s, L = s3, w-1
					}
					break
				}
				s2 := r.npBack(a, L2)
				if s2 < 0 {
					break
				}
				s, L = s2, L2
			}
			// "Republicans who have praised his candidacy warned": the
			// noun phrase before the cue is the relative clause's object.
			if s > a+2 && toks[s-1].kind == tWord && !toks[s-1].cap && r.verbish(&toks[s-1]) {
				w := s - 2
				for w > a && isAdverb(&toks[w]) {
					w--
				}
				if w > a && (toks[w].low == "who" || toks[w].low == "that") {
					if s3 := r.npBack(a, w-1); s3 >= 0 && toks[s3].f&fPron == 0 {
						s, L = s3, w-1
					}
				}
			}
			if s >= 0 {
				spk = r.span(s, L+1)
				if s == L && toks[L].f&fPron != 0 {
					// "he’s hoping": the mention is the pronoun.
					if x := strings.IndexAny(r.raw[spk.Start:spk.End], "'’"); x > 0 {
						spk.End = spk.Start + x
					}
				}
				blockStart = s
				// "…, teachers and union officials told Politico": the
				// subject runs over the coordination.
				if s-2 >= a && r.word(s-1, "and") && toks[s].f&fPron == 0 {
					if s2 := r.npBack(a, s-2); s2 >= 0 && r.punct(s2-1, ",") {
						blockStart = s2
					}
				}
				// "Barkley, who said": the mention is "who", its
				// antecedent names the speaker.
				if s == L && r.relPronoun(a, L) {
					r.relSpeaker(a, L)
				}
				// A participle after a verb's object ("put out a statement
				// saying") takes the clause's subject, not that object.
				if ci.part && !progressive && s > a && toks[s-1].kind == tWord && toks[s].f&fPron == 0 && !r.word(s-1, "with") && !r.word(s-1, "without") {
					if sub := r.clauseSubject(a, k, subj); !sub.Empty() && sub.End <= toks[s].s && r.speakerLike(sub) {
						spk = sub
					}
				}
			}
		}
		var app appositive // "Sanders, a senator from Vermont, said"
		if spk.Empty() && L >= a && (r.punct(L, ",") && !ci.part || r.punct(L, ")")) {
			app = r.appositive(a, L)
			// A sentence that opens with the name and its appositive is
			// not content before an inverted cue: "Mike Morrell, a
			// veteran of the CIA, said the approach put forward by Trump
			// is insufficient."
			// "Rep. Karl Moss (R-Tol.) said": a parenthesis before the
			// cue closes its subject, not content before an inverted cue.
			if app.plain && app.start == a || r.punct(L, ")") && !app.spk.Empty() {
				spk, blockStart, r.res = app.spk, app.start, app.res
			}
		}
		// "“…?” asked the senator", "“…,” warned Ada Lind": a cue that
		// takes a hearer inverts only right after the quotation.
		afterQuote := L >= a && (toks[L].kind == tQuote || r.punct(L, ",") && L-1 >= a && toks[L-1].kind == tQuote)
		if spk.Empty() && (L < a || toks[L].kind == tQuote || toks[L].kind == tPunct) && !ci.part && (ci.class&cueObject == 0 || afterQuote) {
			// Inverted: ", said Putin." — the NP must close the clause.
			e := r.npFwd(cueEnd, b)
			if e > 0 {
				// "said Putin", "said the senator", "said he" — not "says there’s".
				if f := &toks[cueEnd]; !f.cap && f.f&fDet == 0 && (f.f&fPron == 0 || f.low == "it") && !r.namesLater(cueEnd+1, e) {
					e = -1 // but "said former Gov. Bill Richardson"
				}
			}
			x := e
			for x > 0 && x < b && toks[x].kind == tWord && !toks[x].cap && len(toks[x].low) > 4 && strings.HasSuffix(toks[x].low, "ly") {
				x++ // "said the Russian leader angrily"
			}
			// A relative clause may follow: "said one source who spoke on …".
			if e > 0 && (r.trailsOff(x, b) || r.isQuoteTok(x) || r.punct(x, ":") || r.word(x, "who")) {
				spk = r.span(cueEnd, e)
				blockEnd = e
				inverted = true
				// "said the transport minister, Ana Ruiz, at …": the
				// name in apposition resolves the speaker.
				if n := e + 1; r.punct(e, ",") && !toks[cueEnd].cap {
					for n < b && n < e+5 && toks[n].kind == tWord && toks[n].cap {
						n++
					}
					if r.capsRun(e+1, n) && (n == b || r.punct(n, ",") || r.punct(n, ".")) {
						r.res, blockEnd = r.span(e+1, n), n
					}
				}
			}
		}
		if spk.Empty() && !app.spk.Empty() {
			spk, blockStart, r.res = app.spk, app.start, app.res
		}
		if !spk.Empty() && !r.speakerLike(spk) {
			spk = parallax.Span{}
		}

		if spk.Empty() && ci.part && sub > k {
			// The fronted clause's subject is the main clause's: "After
			// blasting the report, Beck doubled down".
			if s := r.npSubject(sub+1, b); !s.Empty() && r.speakerLike(s) {
				spk = s
			}
		}
		if spk.Empty() && ci.part && k-1 == prevEnd && r.punct(k-1, ",") {
			spk = prevSpk
		}
		// ", saying …", "and said" take the clause's subject.
		if spk.Empty() && k > a {
			if s := r.clauseSubject(a, k, subj); !s.Empty() && (s == subj || r.speakerLike(s)) {
				spk = s
			}
		}
		if spk.Empty() && ci.part && ps.ok {
			spk = ps.spk // "… , saying" after a quotation: the paragraph's speaker
		}
		// Hearer of tell/urge/warn: "told reporters", "urged the West".
		after := blockEnd
		if ci.class&cueObject != 0 && !inverted && !passive {
			if e := r.npFwd(after, b); e > 0 && !r.word(after, "that") {
				// "told me his foreman had …", "told reporters the talks
				// had …": a pronoun is the whole hearer, and a determiner
				// (not after a preposition) opens the subject of a clause
				// (but "called the audit a smear" has none).
				if toks[after].f&fPron != 0 {
					e = after + 1
				}
				for x := after + 1; x < e; x++ {
					if toks[x].f&(fDet|fPron) != 0 && toks[x-1].f&fPrep == 0 && r.hasVerb(x+1, b) {
						e = x
						break
					}
				}
				after = e
				// "asked Mills and Abedin to …": hearers joined by "and".
				if r.word(e, "and") && e+1 < b && toks[e+1].cap {
					if e2 := r.npFwd(e+1, b); e2 > 0 {
						after = e2
					}
				}
				// "asked Kasich, who is fourth in the count, to lay out …".
				if r.punct(after, ",") && (r.word(after+1, "who") || r.word(after+1, "which")) {
					for x := after + 2; x < b && x < after+30; x++ {
						if r.punct(x, ",") {
							if r.word(x+1, "to") {
								after = x + 1
							}
							break
						}
					}
				}
			}
		}
		// "asked them to …": an infinitive after the hearer is the content.
		toInf := r.word(after, "to") && r.infinitive(after+1, b)
		before := blockStart - 1
		quoteBefore := -1
		if r.isQuoteTok(before) {
			quoteBefore = before
		} else if r.punct(before, ",") && r.isQuoteTok(before-1) {
			quoteBefore = before - 1
		}
		if q := quoteBefore; q > a && (toks[q-1].kind == tWord && toks[q-1].f&(fPrep|fDet) != 0 || strings.HasSuffix(toks[q-1].low, "'s") || strings.HasSuffix(toks[q-1].low, "’s")) {
			// "In an interview on CBS's “Face the Nation,” Paul Ryan
			// (R-Wis.) said", "Sunday on Fox's “Media Buzz,” Lind said":
			// a title inside the opening phrase, no quotation.
			title := !r.titleCase && r.endsWith(q, ',') && r.titleCased(q) && !r.hasVerb(a, q)
			if title || blockStart == app.start && app.start > a {
				quoteBefore = -1
				if title {
					r.used[q] = true // no quotation left over either
				}
			}
		}
		if r.res.Empty() && !spk.Empty() {
			r.res = r.namedInApposition(spk, a, b)
		}
		found := false
		conf := 0.9
		if spk.Empty() {
			conf = 0.5
		}
		forward := true
		// “…,” Lind said after a cue whose content holds the quotation
		// ("They want to “…,” Lind said"): the quotation is hers too.
		reclaimed := quoteBefore >= 0 && r.used[quoteBefore] && !ci.part && ci.class&cueSpeech != 0 && !spk.Empty() && r.heldByEarlierCue(a, quoteBefore)
		if reclaimed {
			r.used[quoteBefore] = false
		}
		if quoteBefore >= 0 && !r.used[quoteBefore] && !ci.part {
			// “…,” Putin said — and “…,” he said, “…”
			r.addDirect(quoteBefore, cue, spk, conf)
			found = true
			for x := after; x < b; x++ {
				if toks[x].kind == tQuote && (r.punct(x-1, ",") || r.punct(x-1, ":")) {
					r.addDirect(x, cue, spk, conf)
				}
			}
			// “… ignored.” Putin said three demands …: the quotation closed
			// a sentence and the cue opens the next with its own content.
			forward = reclaimed || r.endsSentence(quoteBefore) && !r.trailsOff(after, b) && !r.isQuoteTok(after) && !r.punct(after, ",")
		}
		if forward {
			// Content after the cue: a quotation (maybe after a colon)
			// or a clause.
			x := after
			for x < b && x < after+8 && toks[x].kind != tQuote && !r.punct(x, ":") && !r.word(x, "that") && !r.word(x, "and") && !r.punct(x, ".") && !r.punct(x, ";") {
				x++
			}
			switch {
			case r.punct(x, ":") && r.isQuoteTok(x+1):
				for y := x + 1; y < b && toks[y].kind == tQuote; y++ {
					r.addDirect(y, cue, spk, conf)
				}
				found = true
			case r.punct(x, ":") && x+1 >= b:
				// "Cruz continued:" — the quotation follows in the next paragraph.
				if !spk.Empty() {
					r.remember(ps, cue, spk, p)
				}
				found = true
			case x < b && toks[x].kind == tQuote && (x == after || r.punct(x-1, ",")) && !r.partCue(after, x):
				r.addDirect(x, cue, spk, conf)
				found = true
			case r.word(after, "that") || (r.word(x, "that") && r.trailsOff(after, x) && (!r.punct(after, ",") || r.punct(x-1, ","))):
				// "said, however, that …" and "said, per a translator,
				// that …", but not "said, a policy that …".
				s := after
				if !r.word(after, "that") {
					s = x
				}
				found = r.addIndirect(s, r.clauseEnd(s+1, end), cue, spk, conf*0.8)
			case after == blockEnd && r.punct(after, ",") && !ci.part && (blockStart == a || r.punct(before, ",") && before-a <= 4 && r.introWord(a)) &&
				after+1 < b && !r.participle(after+1) && !r.verbish(&toks[after+1]) && r.words(after+1, r.clauseEnd(after+1, end)) >= 3:
				// "Still, he said, officials have to decide …": an intro
				// before the speaker is no content; the clause after the
				// cue is. Not "The plan, she said, would cost …" nor
				// "Moss said, adding that …".
				found = r.addIndirect(after+1, r.clauseEnd(after+1, end), cue, spk, conf*0.8)
			case r.word(a, "as") && sub > k && sub+1 < b && r.trailsOff(after, sub) && !ci.part:
				// "As Clyburn noted, those voters will …": the main clause
				// is what the opening one reports.
				found = r.addIndirect(sub+1, r.clauseEnd(sub+1, b), cue, spk, conf*0.8)
			case after == blockEnd && r.punct(after, ",") && !ci.part && r.punct(before, ",") && before > a && before-a <= 4 && r.npFwd(a, before) == before &&
				after+2 < b && !r.participle(after+1) && (r.verbish(&toks[after+1]) || isAdverb(&toks[after+1]) && r.verbish(&toks[after+2])):
				// "Loyalty, he noted, has long been …": the cue splits the
				// clause after its subject.
				found = r.addIndirect(a, r.clauseEnd(after+1, end), cue, spk, conf*0.8)
			case !toInf && (r.trailsOff(after, b) || inverted && r.word(after, "who")) && r.punct(before, ",") && before-a >= 2 && !ci.part &&
				!(r.adverbial(a, before) && !r.hasVerb(a, before)):
				// Content, Putin said. Content, said a source who … But
				// not an opening adverbial: "In 2008, he said …", "Three
				// days after the verdict, he spoke …".
				found = r.addIndirect(a, before, cue, spk, conf*0.8)
			case after > blockEnd && objectReports[ci.lemma] && (after >= b || clauseMarks[toks[after].low]):
				// "criticized his handling of the incident.", "cited the
				// Head Start program, the …": the object is what is
				// reported, a stance rather than a statement.
				found = r.addIndirect(blockEnd, after, cue, spk, min(conf*0.7, weakConf))
			case !toInf && r.trailsOff(after, b) && (after >= b || toks[after].kind == tPunct):
				// Nothing to attribute here.
			default:
				if !inverted && (ci.class&cueSpeech != 0 || ci.class&cueBelief != 0) {
					s, weak := r.contentStart(after, end, ci)
					if after > blockEnd && !hearerCues[ci.lemma] {
						// "praised Rubio’s positions on defence", "criticized
						// Singer and …": the object, not a hearer, is what
						// is reported.
						if s < 0 {
							s, weak = blockEnd, false
						} else if r.word(after, "and") || r.word(after, "but") {
							found = r.addIndirect(blockEnd, after, cue, spk, conf*0.7)
							s = -1
						}
					}
					if s >= 0 {
						c := conf * 0.7
						if weak {
							c = min(c, weakConf)
						}
						found = r.addIndirect(s, r.clauseEnd(s, end), cue, spk, c)
					}
				}
			}
		}
		if found && !spk.Empty() {
			if subj.Empty() {
				subj = spk
			}
			prevSpk, prevEnd = spk, blockEnd
			r.remember(ps, cue, spk, p)
		} else if !found && !spk.Empty() && !inverted && ci.class&cueSpeech != 0 && b == r.ends[len(r.ends)-1] && r.capsRun(blockStart, blockStart+1) {
			// "Moss appealed for calm in a short statement." closing a
			// paragraph: a quotation opening the next is his.
			r.remember(ps, cue, spk, p)
		}
	}
	// A question labelled with its asker: "Q (Ada Lind, The Courier): …".
	if a == 0 && p > 0 && r.word(0, "q") && r.punct(1, "(") {
		for k := 2; k+2 < b && k < 14; k++ {
			if !r.punct(k, ")") {
				continue
			}
			if r.punct(k+1, ":") && k > 2 && toks[2].cap {
				name := 3
				for name < k && !r.punct(name, ",") {
					name++
				}
				r.addTurn(k+2, b, r.span(k+1, k+2), r.span(2, name), p, ps)
				return
			}
			break
		}
	}
	// Headline style "Putin to the West: ‘…’" — a short name before a
	// colon; in a headline or a transcript ("TAPPER: …") the colon
	// attributes plain text too.
	for k := a + 1; k+1 < b && k <= a+6; k++ {
		if !r.punct(k, ":") {
			continue
		}
		if !toks[a].cap || r.used[k+1] {
			break
		}
		e := r.npFwd(a, k)
		if e < 0 {
			break
		}
		spk, cue := r.span(a, e), r.span(k, k+1)
		if r.isQuoteTok(k + 1) {
			r.addDirect(k+1, cue, spk, 0.6)
			r.remember(ps, cue, spk, p)
		} else if e == k && a == 0 && r.colonSpeaker(a, e, p == 0) {
			if p > 0 {
				r.addTurn(k+1, b, cue, spk, p, ps)
			} else if r.addIndirect(k+1, b, cue, spk, 0.5) {
				r.remember(ps, cue, spk, p)
			}
		}
		break
	}
}

// addTurn records a transcript's or an interview's turn from token i:
// the speaker's own words, to the paragraph's end. Its later sentences
// (after b, where the first ends) are still read for the speech they
// report.
func (r *run) addTurn(i, b int, cue, spk parallax.Span, p int, ps *lastSpk) {
	i, j := r.trim(i, len(r.toks))
	if i >= b {
		return
	}
	for x := i; x < b; x++ {
		r.used[x] = true
	}
	r.turn = lastSpk{spk: spk, cue: cue, res: r.res, para: p, ok: true}
	r.out = append(r.out, r.turnCand(i, j, r.turn))
	r.remember(ps, cue, spk, p)
}

// turnCand is tokens [i,j) as speaker t's turn.
func (r *run) turnCand(i, j int, t lastSpk) cand {
	return cand{kind: parallax.Direct, span: r.span(i, j), cue: t.cue, spk: t.spk, conf: 0.5, chain: -1, res: t.res, turn: true}
}

// namedInApposition returns the name set between commas right after a
// nominal speaker ("The prosecutor, Rafael Quintero, arrived early and
// said …"), or an empty span: the name resolves the speaker.
func (r *run) namedInApposition(spk parallax.Span, a, b int) parallax.Span {
	toks := r.toks
	i := a
	for i < b && toks[i].s < spk.Start {
		i++
	}
	if i >= b || toks[i].s != spk.Start || toks[i].kind != tWord || toks[i].f&fDet == 0 && toks[i].cap {
		return parallax.Span{}
	}
	j := i
	for j < b && toks[j].e <= spk.End {
		j++
	}
	if !r.punct(j, ",") {
		return parallax.Span{}
	}
	n := j + 1
	for n < b && n < j+6 && toks[n].kind == tWord && toks[n].cap {
		n++
	}
	if r.capsRun(j+1, n) && n-j-1 >= 2 && r.punct(n, ",") {
		return r.span(j+1, n)
	}
	return parallax.Span{}
}

// forView returns the comma closing "For <someone>," at token k when
// the sentence goes on to quote them: the phrase names a person ("For
// Ada Lind of Tolm Bank") or a role or source ("For the minister", "For
// many economists"), not a time or a purpose ("For years", "For now").
// It returns -1 otherwise.
func (r *run) forView(k, b int) int {
	toks := r.toks
	c := k + 1
	for c < b && c < k+12 && !r.punct(c, ",") {
		if toks[c].kind != tWord && toks[c].low != "&" {
			return -1
		}
		c++
	}
	if c >= b || c == k+1 || !r.punct(c, ",") {
		return -1
	}
	// The rest says something in its own words before it quotes, and
	// names no other source: not "For Lind, “…,” said Moss", "For Lind,
	// on the other hand, “…”", "For Lind, according to Moss, …", "For
	// the party, a 'golden opportunity'".
	q0 := -1
	for q := c + 1; q < b; q++ {
		if q0 < 0 && r.isQuoteTok(q) {
			q0 = q
		}
		if ci, ok := toks[q].cueInfo(); ok && !ci.noun && ci.class&cueSpeech != 0 || toks[q].low == "according" {
			return -1
		}
	}
	words := 0
	for q := c + 1; q < q0; q++ {
		if toks[q].kind == tWord {
			words++
		}
	}
	if q0 < 0 || words < 2 || r.punct(q0-1, ",") {
		return -1
	}
	first, head := &toks[k+1], strings.TrimSuffix(toks[c-1].low, "s")
	if first.cap && !months[first.low] && !timeWords[first.low] && first.f&(fDet|fPron|fStop) == 0 {
		return c
	}
	if first.f&fDet != 0 && (roleNouns[head] || sourceNouns[head]) {
		return c
	}
	return -1
}

// heldByEarlierCue reports whether quote token ti lies in the content of
// a cue before it in the sentence from a.
func (r *run) heldByEarlierCue(a, ti int) bool {
	sp := r.segSpan(ti)
	for i := len(r.out) - 1; i >= 0 && r.out[i].cue.Start >= r.toks[a].s; i-- {
		if c := &r.out[i]; !c.cue.Empty() && c.cue.End <= sp.Start && c.span.Start <= sp.Start && sp.End <= c.span.End {
			return true
		}
	}
	return false
}

// partCue reports whether tokens [i,j) hold a participle cue, which takes
// what follows as its own: "Spicer said, adding, “…”".
func (r *run) partCue(i, j int) bool {
	for k := i; k < j; k++ {
		if c, ok := r.toks[k].cueInfo(); ok && r.toks[k].kind == tWord && c.part {
			return true
		}
	}
	return false
}

// appositive is the speaker of a cue after a name and its appositive:
// "Sanders, a senator from Vermont, said", "Sen. Bernie Sanders (I-Vt.)
// said". plain is set when the appositive has no verb of its own but in
// a relative clause ("a veteran of the CIA who retired in 2013").
type appositive struct {
	spk   parallax.Span
	start int           // the speaker's first token
	res   parallax.Span // a name in the appositive, when it names the speaker
	plain bool
}

// appositive finds the speaker of a cue after the comma or parenthesis at
// L, in the sentence from a.
func (r *run) appositive(a, L int) appositive {
	toks := r.toks
	var app appositive
	open := ","
	if toks[L].low == ")" {
		open = "("
	}
	// The appositive may hold commas of its own ("a salesman from
	// Sumter, South Carolina,"): prefer the leftmost comma that
	// opens one (a determiner, "who", a number) after a name.
	first := true
	for m := L - 1; m > a && m > L-40; m-- {
		if toks[m].kind == tQuote || r.punct(m, ".") && open == "," || r.punct(m, ";") {
			break // but "(D-Nev.)" holds a period
		}
		if !r.punct(m, open) {
			continue
		}
		opens := open == "(" || (m+1 < L && toks[m+1].kind == tWord && (toks[m+1].f&fDet != 0 || toks[m+1].low == "who" || toks[m+1].low == "which" || (toks[m+1].low[0] >= '0' && toks[m+1].low[0] <= '9') || r.participle(m+1)))
		if first || opens {
			// "Sanders, meanwhile, who sits …, said": an adverb between
			// commas is no subject; the name is before it.
			if s := r.npBack(a, m-1); s == m-1 && s-1 > a && r.punct(s-1, ",") && introWords[toks[s].low] {
				m = s - 1
			}
			if s := r.npBack(a, m-1); s >= 0 {
				if !first && !app.spk.Empty() && !r.namesLater(s, m) && toks[s].f&fPron == 0 {
					// "…in times of crisis, a spokeswoman, Anna White,
					// said": past a speaker, a phrase that names no one
					// is the content's.
					break
				}
				app = appositive{spk: r.span(s, m), start: s, res: app.res, plain: r.verbless(m+1, L)}
				// "Nordmark's finance minister, Ada Lind, said", "The
				// opposition leader, Bruno Castellan, said": the name in
				// the appositive resolves the speaker.
				if open == "," && (!toks[s].cap || toks[s].f&fDet != 0) || strings.ContainsAny(r.raw[toks[s].s:toks[m-1].e], "'’") {
					if r.capsRun(m+1, L) {
						app.res = r.span(m+1, L)
					}
				}
			}
			first = false
		}
		if open == "(" {
			break
		}
	}
	return app
}

// verbless reports whether tokens [i,j) have no verb outside a relative
// clause.
func (r *run) verbless(i, j int) bool {
	for k := i; k < j; k++ {
		t := &r.toks[k]
		if t.kind == tWord && (t.low == "who" || t.low == "which" || t.low == "that") {
			return true
		}
		if r.verbish(t) {
			return false
		}
	}
	return true
}

// titleCased reports whether the first word of quote token ti and its
// words longer than three letters open with a capital, as a title's do:
// “Meet the Press,”, not “a lightweight,”.
func (r *run) titleCased(ti int) bool {
	sg := r.segs[r.toks[ti].seg]
	s := r.raw[sg.in:sg.out]
	start, n := -1, 0
	for i := 0; i <= len(s); {
		c, w := rune(' '), 1
		if i < len(s) {
			c, w = utf8.DecodeRuneInString(s[i:])
		}
		if isWordRune(c) || c == '\'' || c == '’' {
			if start < 0 {
				start = i
			}
		} else if start >= 0 {
			if first, _ := utf8.DecodeRuneInString(s[start:]); (n == 0 || i-start > 3) && !unicode.IsUpper(first) {
				return false
			}
			start, n = -1, n+1
		}
		i += w
	}
	return n > 0
}

// relativeBefore reports a relative word two to four tokens before k,
// with the subject of the clause it opens between ("which the company
// says").
func (r *run) relativeBefore(a, k int) bool {
	for x := k - 2; x >= a && x >= k-4; x-- {
		switch r.toks[x].low {
		case "which", "that", "who", "whom":
			return true
		}
	}
	return false
}

// adverbial reports whether tokens [a,e) open with a phrase of place or
// time: a preposition first ("In 2008"), or within the first words a
// preposition of place or time ("Outside the court", "Three days after
// the verdict").
func (r *run) adverbial(a, e int) bool {
	if r.introWord(a) && r.toks[a].f&fPrep != 0 {
		return true
	}
	for k := a; k < e && k < a+4; k++ {
		if t := &r.toks[k]; t.kind == tWord && placeTimePreps[t.low] {
			return true
		}
	}
	return false
}

// hasVerb reports whether tokens [i,j) hold a word that marks a clause.
func (r *run) hasVerb(i, j int) bool {
	for k := i; k < j; k++ {
		if r.verbish(&r.toks[k]) {
			return true
		}
	}
	return false
}

// colonSpeaker reports whether tokens [a,e), before a colon that opens a
// paragraph, name who says the rest: a transcript's speaker in capitals
// whose label opens another paragraph too ("TAPPER: …"), or a person,
// organisation or country the article names elsewhere ("Rubio: …",
// "Mexico: …"). A label is not: "BYLINE:", "The Latest:", "Q:".
func (r *run) colonSpeaker(a, e int, headline bool) bool {
	sp := r.span(a, e)
	w := r.raw[sp.Start:sp.End]
	if w == "Q" || w == "A" {
		return r.isInterview()
	}
	if utf8.RuneCountInString(w) < 2 {
		return false
	}
	if i := strings.IndexByte(w, ' '); i > 0 && determiners[strings.ToLower(w[:i])] {
		return false
	}
	if r.allCaps(a, e) {
		if headline && r.isTranscript() {
			// A transcript's "TRANSCRIPT: …" names no one.
			return labelEntity(w, r.ents) >= 0 || r.namedAgain(sp) && !isCaps(r.ents[r.resolve(sp)].Name)
		}
		return r.isTranscript()
	}
	// A headline's "Poll: …", "IG report: …", "Insiders: …": a source
	// of news or a role, named or not.
	head := strings.TrimSuffix(r.toks[e-1].low, "s")
	source := sourceNouns[head] || roleNouns[head]
	if headline && source {
		return true
	}
	// A name heads a speaker, or a source or camp after one: another
	// common noun is a topic ("Tolm strike: mayor pleads for talks").
	if t := &r.toks[e-1]; t.kind == tWord && !t.cap && e-1 > a && !source && !campNouns[head] {
		return false
	}
	return r.namedAgain(sp)
}

// isTranscript reports whether two or more lines of the article open with
// a label in capitals and a colon ("TAPPER:", "LIND:"), as a transcript's
// do.
func (r *run) isTranscript() bool {
	r.readLabels()
	return r.transcript
}

// isInterview reports whether lines of the article open with "Q:" and
// "A:", two or more each, as an interview's questions and answers do.
func (r *run) isInterview() bool {
	r.readLabels()
	return r.interview
}

// readLabels counts, once per article, the lines that open with a label.
func (r *run) readLabels() {
	if r.labelsRead {
		return
	}
	r.labelsRead = true
	caps, q, a := 0, 0, 0
	for line := range strings.Lines(r.raw) {
		line = strings.TrimLeft(line, " \t")
		switch {
		case strings.HasPrefix(line, "Q:"):
			q++
		case strings.HasPrefix(line, "A:"):
			a++
		case capsLabel(line):
			caps++
		}
	}
	r.transcript, r.interview = caps >= 2, q >= 2 && a >= 2
}

// labelled reports whether a transcript's line opens with a speaker's
// label: "Q:", "GRANT:", "Ada Lind:", "Q (Ada Lind, The Courier):".
func labelled(line string) bool {
	i := strings.IndexByte(line, ':')
	if i <= 0 || i > 80 {
		return false
	}
	label := line[:i]
	if j := strings.IndexByte(label, '('); j > 0 && strings.HasSuffix(label, ")") {
		label = strings.TrimSpace(label[:j])
	}
	words := strings.Fields(label)
	if len(words) == 0 || len(words) > 4 {
		return false
	}
	for _, w := range words {
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// capsLabel reports whether line opens with a word or two in capitals and
// a colon.
func capsLabel(line string) bool {
	line = strings.TrimLeft(line, " \t")
	letters := 0
	for i := 0; i < len(line) && i < 40; i++ {
		switch c := line[i]; {
		case c >= 'A' && c <= 'Z':
			letters++
		case c == ' ' || c == '.' || c == '\'' || c == '-':
		case c == ':':
			return letters >= 2
		default:
			return false
		}
	}
	return false
}

// allCaps reports whether the words of tokens [i,j) are all capitals.
func (r *run) allCaps(i, j int) bool {
	for k := i; k < j; k++ {
		t := &r.toks[k]
		if t.kind != tWord {
			continue
		}
		w := r.raw[t.s:t.e]
		if len(w) < 2 || strings.ToUpper(w) != w {
			return false
		}
	}
	return true
}

// endsSentence reports whether quote token ti ends with a period.
func (r *run) endsSentence(ti int) bool { return r.endsWith(ti, '.') }

// endsWith reports whether quote token ti ends with the mark c.
func (r *run) endsWith(ti int, c byte) bool {
	sg := r.segs[r.toks[ti].seg]
	e := sg.out
	for e > sg.in && isSpaceByte(r.raw[e-1]) {
		e--
	}
	return e > sg.in && r.raw[e-1] == c
}

// beBefore reports whether a form of be, past adverbs, stands before
// token k: "is widely expected".
func (r *run) beBefore(a, k int) bool {
	L := r.adverbsBack(a, k-1)
	return L >= a && r.toks[L].kind == tWord && r.toks[L].f&fBe != 0
}

// askedClause records the question of a sentence opening with "Asked"
// at k, up to the comma closing its clause: "Asked on Monday whether he
// would run, …", "Asked about the merger, …". Its speaker is the agent
// of "Asked by the host …", else no one.
func (r *run) askedClause(k, b int) {
	x := k + 1
	var spk parallax.Span
	if r.word(x, "by") {
		if e := r.npFwd(x+1, b); e > 0 {
			spk, x = r.span(x+1, e), e
		}
	}
	end := -1
	for y := x; y < b && y < x+40 && end < 0; y++ {
		if r.punct(y, ",") {
			end = y
		} else if r.isQuoteTok(y) && r.endsWith(y, ',') {
			end = y + 1 // whether he “has the integrity to serve,”
		}
	}
	for y := x; y < end; y++ {
		t := &r.toks[y]
		if t.kind != tWord {
			continue
		}
		if t.low == "about" {
			r.addIndirect(y+1, end, r.span(k, k+1), spk, weakConf) // "Asked about the merger"
			return
		}
		if whWords[t.low] || t.low == "to" && r.infinitive(y+1, end) || y == x && t.f&fDet != 0 {
			r.addIndirect(y, end, r.span(k, k+1), spk, weakConf)
			return
		}
	}
}

// clauseSubject is the subject of the clause holding the cue at k: the
// relative pronoun of "Lind, who came out and endorsed …", else the
// sentence's speaker so far (subj), else the subject of [a,k).
func (r *run) clauseSubject(a, k int, subj parallax.Span) parallax.Span {
	for x := k - 1; x >= a && x > k-25; x-- {
		t := &r.toks[x]
		if t.kind != tWord {
			break // a comma or a dash may close the relative clause
		}
		if r.relPronoun(a, x) {
			return r.relSpeaker(a, x)
		}
		if subordinators[t.low] || t.f&fPron != 0 {
			break // another clause's subject
		}
	}
	if !subj.Empty() {
		return subj
	}
	return r.subject(a, k)
}

// relSpeaker returns the relative pronoun at w as a speaker mention and
// sets r.res to its antecedent, which names the speaker.
func (r *run) relSpeaker(a, w int) parallax.Span {
	ante := w - 1
	if r.punct(ante, ",") {
		ante--
	}
	if ante >= a {
		if s := r.npBack(a, ante); s >= 0 {
			r.res = r.span(s, ante+1)
		}
	}
	return r.span(w, w+1)
}

// relPronoun reports whether token w opens a relative clause: "who",
// "which" or "that" after a noun or a comma ("polls that show", "Lind,
// who said"), not the complementizer of "said that".
func (r *run) relPronoun(a, w int) bool {
	t := &r.toks[w]
	if t.kind != tWord || t.low != "who" && t.low != "which" && t.low != "that" || w <= a {
		return false
	}
	p := &r.toks[w-1]
	if p.kind == tPunct {
		return p.low == "," && t.low != "that"
	}
	return p.kind == tWord && p.f&(fStop|fPrep|fAux|fDet) == 0 && !r.verbish(p)
}

// speakerLike rejects noun phrases that cannot be speakers: a lone
// date word, a number, a capitalised dateline ("WASHINGTON").
func (r *run) speakerLike(sp parallax.Span) bool {
	w := r.raw[sp.Start:sp.End]
	if k := strings.LastIndexByte(w, ' '); k >= 0 {
		// "at the time said", "a few minutes later said": a time phrase.
		last := w[k+1:]
		return !(timeWords[last] || timeNouns[last])
	}
	lw := strings.ToLower(w)

	if trailOpen[lw] || months[lw] || determiners[lw] && !standalone[lw] {
		return false // "at the time", "The"; but "Some have suggested"
	}
	if lw == w && !pronouns[lw] && (strings.HasSuffix(lw, "ed") || strings.HasSuffix(lw, "ing")) {
		return false // "stoked", "having"
	}
	letters, upper := 0, 0
	for _, c := range w {
		if unicode.IsLetter(c) {
			letters++
			if unicode.IsUpper(c) {
				upper++
			}
		}
	}
	if letters == 0 {
		// "43 said": poll counts speak; punctuation does not.
		return strings.IndexAny(w, "0123456789") >= 0
	}
	return !(letters > 4 && upper == letters)
}

// namesLater reports whether tokens [i,j) hold a capitalised word or a
// role noun: a noun phrase that names or describes a person.
func (r *run) namesLater(i, j int) bool {
	for k := i; k < j; k++ {
		if t := &r.toks[k]; t.kind == tWord && (t.cap || roleNouns[t.low]) {
			return true
		}
	}
	return false
}

// namedAgain reports whether sp names an entity the article names
// elsewhere too, as a speaker in a headline or transcript is in the text
// under it.
func (r *run) namedAgain(sp parallax.Span) bool {
	if r.resolve == nil {
		return false
	}
	e := r.resolve(sp)
	if e < 0 || e >= len(r.ents) {
		return false
	}
	for _, m := range r.ents[e].Mentions {
		if !m.Span.Overlaps(sp) {
			return true
		}
	}
	return false
}

// verbSlot reports whether a word that may be a noun or a verb, at k,
// follows something that can be its subject.
func (r *run) verbSlot(a, k int) bool {
	L := k - 1
	for L >= a && isAdverb(&r.toks[L]) {
		L--
	}
	if L < a {
		return false
	}
	p := &r.toks[L]
	if p.kind == tQuote {
		return true
	}
	if p.kind != tWord {
		return r.punct(L, ",") || r.punct(L, ")")
	}
	if strings.HasSuffix(p.low, "'s") || strings.HasSuffix(p.low, "’s") {
		return false
	}
	if L == k-1 && (p.f&fPrep != 0 || particles[p.low]) {
		return false // "calls for talks", "rules out talks": a noun
	}
	if !p.cap && !(p.f&fPron != 0) && L == k-1 {
		// "a video call": a singular determiner cannot take a base form.
		if c := &r.toks[k]; c.lemma() == c.low && L-1 >= a && (r.toks[L-1].low == "a" || r.toks[L-1].low == "an" || r.toks[L-1].low == "this" || r.toks[L-1].low == "every" || r.toks[L-1].low == "each") {
			return false
		}
	}
	return true
}

// introWord reports whether a sentence-initial word, at i, opens an
// adverbial rather than the subject.
func (r *run) introWord(i int) bool {
	t := &r.toks[i]
	if t.kind != tWord || t.low == "" {
		return false
	}
	if t.f&(fTrail|fStop|fAux) != 0 && t.f&fPron == 0 && t.f&fDet == 0 {
		return true
	}
	if introWords[t.low] || timeNouns[t.low] || timeWords[t.low] {
		return true // "Hours later,", "Monday night,"
	}
	if i+1 < len(r.toks) && r.toks[i+1].kind == tWord && r.toks[i+1].cap {
		return false // "Carly Fiorina": a name, whatever its ending
	}
	l := t.low
	return strings.HasSuffix(l, "ing") || strings.HasSuffix(l, "ed") || (len(l) > 4 && strings.HasSuffix(l, "ly")) || (l[0] >= '0' && l[0] <= '9')
}

// subject guesses the subject of the clause [a,k): the noun phrase at its
// start, after an introductory phrase closed by a comma.
func (r *run) subject(a, k int) parallax.Span {
	i := r.datelineEnd(a, k)
	// Introductory phrases closed by commas: "Throughout the 2000s,",
	// "Instead,", "Speaking on Monday,", "On Thursday, after remaining
	// neutral,".
	for n := 0; n < 3 && i < k && r.toks[i].kind == tWord && (r.introWord(i) || n > 0 && r.toks[i].f&fPrep != 0); n++ {
		// "On Tuesday she doubled down": a time phrase without a comma.
		if e := r.timePP(i, k); e > i && e < k && r.toks[e].kind == tWord && (r.toks[e].f&fPron != 0 || r.toks[e].cap) {
			i = e
			break
		}
		if t := &r.toks[i]; conjunctions[t.low] || t.f&fAux != 0 {
			// "Then she shattered party norms, pledging …", "And even
			// Obama tried …": the subject follows at once.
			x := i + 1
			for x < k && x < i+3 && r.toks[x].kind == tWord && (r.toks[x].f&fAux != 0 || focusWords[r.toks[x].low]) && !r.toks[x].cap {
				x++
			}
			if x < k && r.toks[x].kind == tWord && (r.toks[x].f&fPron != 0 || r.toks[x].cap) {
				i = x
				break
			}
		}
		x := i
		for x < k && x < i+15 && !r.punct(x, ",") {
			x++
		}
		if x < k && r.punct(x, ",") {
			i = x + 1
		} else {
			if conjunctions[r.toks[i].low] {
				i++ // "But Sanders is suggesting …"
			}
			break
		}
	}
	for i < k && r.toks[i].kind != tWord {
		i++
	}
	return r.npSubject(i, k)
}

// npSubject is the noun phrase opening at token i, before k, up to its
// verb: "Karl Moss" of "Karl Moss changed his mind".
func (r *run) npSubject(i, k int) parallax.Span {
	e := r.npFwd(i, k)
	if e < 0 {
		return parallax.Span{}
	}
	for j := i + 1; j < e; j++ {
		// Not an adjective after a determiner: "the retired general".
		if r.verbish(&r.toks[j]) && r.toks[j-1].f&fDet == 0 {
			e = j
			break
		}
	}
	return r.span(i, e)
}

// words counts the word tokens of [i,j).
func (r *run) words(i, j int) int {
	n := 0
	for k := i; k < j; k++ {
		if r.toks[k].kind == tWord {
			n++
		}
	}
	return n
}

// participle reports whether token i is a lower-case -ing word.
func (r *run) participle(i int) bool {
	if i >= len(r.toks) {
		return false
	}
	t := &r.toks[i]
	return t.kind == tWord && !t.cap && len(t.low) > 4 && strings.HasSuffix(t.low, "ing")
}

// datelineEnd returns the token after a dateline opening tokens [a,b)
// ("WASHINGTON (Reuters) -", "Dec 29 -"), or a when there is none.
func (r *run) datelineEnd(a, b int) int {
	for x := a + 1; x < b && x < a+12; x++ {
		if t := &r.toks[x]; t.kind == tQuote || r.punct(x, ".") || t.kind == tWord && !t.cap && !isDigit(t.low[0]) {
			break
		}
		if (r.punct(x, "—") || r.punct(x, "–") || r.punct(x, "-")) && r.datelineLike(a, x) {
			return x + 1
		}
	}
	return a
}

// datelineLike reports whether tokens [a,x) before a dash read as a
// dateline: a place ("WASHINGTON", "Moscow, Russia"), a date ("Dec 29")
// or a credit in parentheses ("(Reuters)"), not a clause ("Rubio flipped
// his choice on the spot –").
func (r *run) datelineLike(a, x int) bool {
	if x == a {
		return false
	}
	if r.allCaps(a, x) || r.punct(x-1, ")") {
		return true
	}
	place := x-a <= 4
	for k := a; k < x; k++ {
		t := &r.toks[k]
		if t.kind == tWord && (months[t.low] || t.low[0] >= '0' && t.low[0] <= '9') {
			return true
		}
		if t.kind == tWord && !t.cap || t.kind != tWord && !r.punct(k, ",") {
			place = false
		}
	}
	return place
}

func (r *run) remember(ps *lastSpk, cue, spk parallax.Span, p int) {
	if spk.Empty() {
		return
	}
	*ps = lastSpk{spk: spk, cue: cue, res: r.res, para: p, ok: true}
}

// weakConf is the confidence given to attributions PolNeAR counts but
// that report no statement: questions put to someone ("asked whether
// …"), intentions and commitments ("agreed to …", "expects it to …").
// Callers wanting statements only keep quotes above it (see Options).
const weakConf = 0.4

// nominalCue reports whether the cue word at k is a noun or a participle
// modifying a noun rather than the verb of a clause: after a preposition
// ("requests for comment", "three days of talks"), heading a phrase inside
// a prepositional one ("in a statement released …"), or after a bare
// lower-case word that cannot be a subject ("resume talks").
func (r *run) nominalCue(a, k int, ci cueInfo) bool {
	t := &r.toks[k]
	ed := strings.HasSuffix(t.low, "ed")
	if !ci.noun && !ed {
		return false
	}
	L := k - 1
	for L >= a && isAdverb(&r.toks[L]) {
		L--
	}
	if L < a || r.toks[L].kind != tWord {
		return false
	}
	p := &r.toks[L]
	if p.f&fPrep != 0 && p.f&fPron == 0 {
		// "in favor of", "in support of" name a stance, which PolNeAR
		// counts as an attribution.
		return ci.noun && !(p.low == "in" && k+1 < len(r.toks) && r.toks[k+1].low == "of")
	}
	s := r.npBack(a, L)
	if s < 0 {
		return false
	}
	// "in a statement released during …": a participle after a phrase
	// governed by a preposition (not "of": "both of his senators
	// supported"), followed by an adverbial rather than an object.
	if !ci.noun && r.toks[s].f&fDet != 0 && s > a && r.toks[s-1].kind == tWord && r.toks[s-1].f&fPrep != 0 && r.toks[s-1].f&fPron == 0 && r.toks[s-1].low != "of" &&
		(k+1 >= len(r.toks) || r.toks[k+1].kind == tPunct || r.toks[k+1].f&(fPrep|fTrail) != 0) {
		return true
	}
	// A plural noun cue after a bare word that cannot be its subject.
	return ci.noun && s == L && !p.cap && p.f&(fPron|fAux) == 0 && t.low != ci.lemma &&
		!strings.HasSuffix(p.low, "s") && !strings.ContainsAny(p.low, "'’")
}

// contentStart returns where the content after a cue begins, given the
// first token i after the cue (and its hearer), or -1 when what follows is
// no content. Reported content is a clause, a that- or wh-clause or a
// quotation; a prepositional phrase ("to reporters", "for several
// minutes", "on Wednesday evening") is an adverbial, unless a that-clause
// follows it in the same clause ("said in an interview on Monday that …")
// or a verb shows a clause inside it. A long verbless phrase is kept
// after cues other than speak/respond-type ones, where PolNeAR mostly
// annotates it ("called on Congress …"); "of"/"about" phrases are the
// topic ("accused him of …"). weak marks questions, intentions and stances.
func (r *run) contentStart(i, b int, ci cueInfo) (start int, weak bool) {
	if i >= b {
		return -1, false
	}
	t := &r.toks[i]
	if t.kind != tWord {
		return i, false
	}
	if ci.lemma == "ask" && whWords[t.low] {
		return i, true // a question put to someone
	}
	if t.low == "on" && r.word(i+1, "condition") {
		return -1, false // "spoke on condition of anonymity": how, not what
	}
	if t.f&fPrep == 0 || t.f&fPron != 0 {
		return i, ci.class&cueBelief != 0 && r.infinitiveNear(i, b)
	}
	if t.low == "to" && !ppCues[ci.lemma] && r.infinitive(i+1, b) {
		return i, true // "vowed to …", "agreed to …": a commitment
	}
	if (t.low == "of" || t.low == "about") && !ppCues[ci.lemma] || (t.low == "to" && ci.lemma == "refer") {
		return i, false // "accused him of …", "warned about …", "referring to …"
	}
	if ci.class&cueBelief != 0 {
		return i, true // "will vote for …": a stance PolNeAR counts
	}
	// A leading time adverbial ("on Wednesday to create …"): the content
	// follows it.
	if x := r.timePP(i, b); x > i {
		if s, weak := r.contentStart(x, b, ci); s >= 0 {
			return s, weak
		}
		return -1, false
	}
	for x := i + 1; x < b && x < i+25; x++ {
		tk := &r.toks[x]
		if tk.kind == tQuote || (tk.kind == tPunct && (tk.low == "," || tk.low == ";" || tk.low == ":" || tk.low == "(")) {
			break
		}
		if tk.kind == tWord && tk.low == "that" {
			return x, false
		}
		if tk.kind == tWord && tk.low == "to" && r.infinitive(x+1, b) {
			return i, false // "called on the governor to resign"
		}
		// A determiner right after a noun opens the verb's object or
		// clause ("rejected from the start the alleged breach", "said in
		// March the plan would …"): the content starts there.
		if p := &r.toks[x-1]; tk.f&fDet != 0 && p.kind == tWord && p.f&(fDet|fPrep|fStop) == 0 {
			return x, false
		}
	}
	e := r.clauseEnd(i, b)
	words, verb := 0, false
	for x := i + 1; x < e; x++ {
		if r.toks[x].kind == tWord {
			words++
		}
		if r.verbish(&r.toks[x]) {
			verb = true
		}
	}
	if verb || (!ppCues[ci.lemma] && words > 6) {
		return i, false
	}
	return -1, false
}

// infinitive reports whether token i can be the verb of a to-infinitive:
// a lower-case word that is no determiner, pronoun, number or plural noun
// ("to build", not "to reporters", "to the", "to 2027").
func (r *run) infinitive(i, b int) bool {
	if i >= b {
		return false
	}
	t := &r.toks[i]
	if t.kind != tWord || t.cap || t.f&(fDet|fPron|fPrep) != 0 {
		return false
	}
	switch t.low {
	case "him", "them", "us", "me":
		return false
	}
	if c := t.low[0]; c >= '0' && c <= '9' {
		return false
	}
	return !strings.HasSuffix(t.low, "s") || strings.HasSuffix(t.low, "ss")
}

// infinitiveNear reports an object and a to-infinitive opening the
// content ("expects it to reach …", "wants him to run").
func (r *run) infinitiveNear(i, b int) bool {
	for x := i + 1; x < b && x < i+5; x++ {
		t := &r.toks[x]
		if t.kind != tWord || t.low == "that" {
			return false
		}
		if t.low == "to" {
			return r.infinitive(x+1, b)
		}
	}
	return false
}

// verbish reports a token that marks a clause: a form of be, have or a
// modal, a past form, a cue verb or a quotation.
func (r *run) verbish(t *tok) bool {
	if t.kind == tQuote {
		return true
	}
	if t.kind != tWord || t.cap {
		return false
	}
	if t.f&(fAux|fBe) != 0 || (t.cue >= 0 && !cueTab[t.cue].noun) {
		return true
	}
	switch t.low {
	case "is", "are", "was", "were", "will", "would", "can", "could", "should", "may", "might", "must", "has", "have", "had":
		return true
	}
	return len(t.low) > 4 && strings.HasSuffix(t.low, "ed") || irregularPast[t.low]
}

// timePP returns the end of a time adverbial opening at i ("on
// Wednesday", "in late May", "last week"), or i when there is none.
func (r *run) timePP(i, b int) int {
	if i >= b || r.toks[i].kind != tWord || r.toks[i].f&fPrep == 0 {
		return i
	}
	for x := i + 1; x < b && x <= i+3; x++ {
		t := &r.toks[x]
		if t.kind != tWord {
			return i
		}
		if timeWords[t.low] || months[t.low] {
			for x+1 < b && r.toks[x+1].kind == tWord && timeWords[r.toks[x+1].low] {
				x++ // "Wednesday evening"
			}
			return x + 1
		}
	}
	return i
}

// capsRun reports whether tokens [i,j) are one to four capitalised words.
func (r *run) capsRun(i, j int) bool {
	if j <= i || j-i > 4 {
		return false
	}
	for k := i; k < j; k++ {
		if t := &r.toks[k]; t.kind != tWord || !t.cap {
			return false
		}
	}
	return true
}
