package align

import (
	"github.com/parallax-news/parallax/internal/quotemarks"
	"math"
	"slices"
	"sort"
	"strings"
	"time"

	parallax "github.com/parallax-news/parallax"
)

// Item is one quote offered for alignment, with where and when it appeared.
type Item struct {
	Quote parallax.Quote
	// Outlet is carried for the caller; alignment keys on ArticleID.
	Outlet    string
	Published time.Time
	ArticleID int64
	// Position is where the quote sits in its article, 0 (top) to 1 (end).
	Position float64
	// Headline is set when the quote is in its article's headline.
	Headline bool
}

// Options tune an Aligner; zero fields take defaults.
type Options struct {
	// Threshold is the similarity at which two renderings are merged (default 0.4).
	Threshold float64
	// RepetitionGap: renderings published further apart than this are
	// different utterances of one claim (default 48h).
	RepetitionGap time.Duration
	// FirstID numbers the statements returned (FirstID, FirstID+1, …) so
	// RepetitionOf can refer to them; the store may renumber (default 1).
	FirstID int64
	// Story is copied into Statement.Story.
	Story int64
}

// Aligner groups quotes into statements. It holds no state between calls
// and is safe for concurrent use.
type Aligner struct{ opt Options }

// New returns an Aligner with opt's zero fields set to their defaults.
func New(opt Options) *Aligner {
	if opt.Threshold <= 0 {
		opt.Threshold = 0.4
	}
	if opt.RepetitionGap <= 0 {
		opt.RepetitionGap = 48 * time.Hour
	}
	if opt.FirstID == 0 {
		opt.FirstID = 1
	}
	return &Aligner{opt: opt}
}

// unit is one sentence of a direct quote, or a whole indirect or mixed
// quote: the grain at which renderings are compared.
type unit struct {
	item       int
	sent       int // sentence index within the quote
	start, end int // byte range in Quote.Text
	core       []tok
	ctx        []tok
	coreW      float64
	ctxW       float64
	keys       []uint64 // sorted stem and lemma keys of the core and context words
	coreKeys   []uint64 // sorted stem, lemma and concept keys of the core words
	nums       []string
	speaker    string
	blocks     []int32 // speaker-key word ids, for the index
	unknown    bool    // speaker unresolved
	empty      bool    // no content word
	nCore      int     // distinct content words in core
	frag       bool    // core is a mixed quote's quoted words
}

// Align groups items into statements: renderings of the same utterance of
// the same speaker across outlets. Each statement's Text is its fullest
// direct rendering; each variant carries its label and a word diff from
// that text. Statements are ordered by first publication.
func (a *Aligner) Align(items []Item) []*parallax.Statement {
	sts, _ := a.AlignSpans(items)
	return sts
}

// AlignSpans is Align, also returning for each statement the span each of
// its variants covers, in the same order as Statement.Quotes: the part of
// the quote that renders the statement, as a span of Article.Raw when the
// quote's Text is a verbatim slice of it (Quote.Span.Len() == len(Text)),
// else the quote's whole Span.
func (a *Aligner) AlignSpans(items []Item) ([]*parallax.Statement, [][]parallax.Span) {
	if len(items) == 0 {
		return nil, nil
	}
	lem := &lemmaCache{}
	in := interner{}
	units := a.units(items, lem, in, blockIDs{})
	weigh(units)
	rel := newRelCache(len(in), lem)

	// Score the candidate pairs the index yields: units of compatible
	// speakers sharing a rare core word or concept.
	type pair struct {
		i, j int
		s    float64
	}
	var pairs []pair
	idx := buildKeyIndex(len(units), func(e int) []int32 { return units[e].blocks },
		func(e int) []uint64 { return units[e].coreKeys }, func(e int) bool { return !units[e].empty })
	limit := rareCap(len(units))
	var cand []int32
	for i := range units {
		u := &units[i]
		if u.empty {
			continue
		}
		cand = idx.query(cand[:0], i, limit)
		for _, j32 := range cand {
			j := int(j32)
			v := &units[j]
			// Each pair once: from the lower index, or from the known
			// speaker's side when only one is known (an unknown speaker's
			// query reaches unknown speakers only).
			if j == i || (u.unknown == v.unknown && j < i) || (u.unknown && !v.unknown) {
				continue
			}
			if v.item == u.item {
				continue
			}
			// Screen: some word in common, and the cores alike in some word or concept.
			// A quoted fragment of a report ("accused them of having
			// 'misled' her country") may render a sentence in other words.
			if !speakersMatch(u, v) || !(shareKey(u.keys, v.keys) || u.frag || v.frag) {
				continue
			}
			lo, hi := min(i, j), max(i, j)
			s := similarity(&units[lo], &units[hi], items, rel)
			need := a.opt.Threshold
			if u.unknown || v.unknown {
				need += 0.1
			}
			if s >= need {
				pairs = append(pairs, pair{lo, hi, s})
			}
		}
	}
	sort.Slice(pairs, func(x, y int) bool {
		if pairs[x].s != pairs[y].s {
			return pairs[x].s > pairs[y].s
		}
		if pairs[x].i != pairs[y].i {
			return pairs[x].i < pairs[y].i
		}
		return pairs[x].j < pairs[y].j
	})

	// Greedy agglomeration, strongest pairs first, never joining two
	// renderings from one article unless one contains the other.
	cl := make([]int, len(units)) // unit → cluster id (its root unit)
	members := make(map[int][]int, len(units))
	for i := range units {
		cl[i] = i
		members[i] = []int{i}
	}
	best := make([]float64, len(units))
	for _, p := range pairs {
		ci, cj := cl[p.i], cl[p.j]
		if ci == cj || !a.canJoin(members[ci], members[cj], units, items) {
			continue
		}
		if len(members[ci]) < len(members[cj]) {
			ci, cj = cj, ci
		}
		for _, m := range members[cj] {
			cl[m] = ci
		}
		members[ci] = append(members[ci], members[cj]...)
		delete(members, cj)
		best[p.i] = math.Max(best[p.i], p.s)
		best[p.j] = math.Max(best[p.j], p.s)
	}

	// Units left alone that are neighbours in one quote make one statement:
	// the rest of a long quote nobody else carried.
	for i := 1; i < len(units); i++ {
		u, prev := &units[i], &units[i-1]
		if u.item != prev.item || len(members[cl[i]]) != 1 {
			continue
		}
		pc := cl[i-1]
		if ps := members[pc]; allOneItem(ps, units, u.item) {
			delete(members, cl[i])
			cl[i] = pc
			members[pc] = append(members[pc], i)
		}
	}

	var groups [][]int
	for _, ms := range members {
		sort.Ints(ms)
		groups = append(groups, a.splitByTime(ms, units, items)...)
	}
	return a.statements(groups, units, items, best)
}

func allOneItem(ms []int, units []unit, item int) bool {
	for _, m := range ms {
		if units[m].item != item {
			return false
		}
	}
	return true
}

// canJoin reports whether two clusters may merge: compatible speakers
// throughout, and no two renderings from one article, except sentences of
// one quote that are adjacent, or texts one of which contains the other.
func (a *Aligner) canJoin(x, y []int, units []unit, items []Item) bool {
	for _, i := range x {
		for _, j := range y {
			u, v := &units[i], &units[j]
			// Every two named speakers in the joined group must agree, so
			// an unresolved speaker cannot bridge two different people.
			if !speakersMatch(u, v) {
				return false
			}
			if items[u.item].ArticleID != items[v.item].ArticleID {
				continue
			}
			if u.item == v.item {
				if !adjacentIn(x, y, units, u.item) {
					return false
				}
				continue
			}
			// The same quoted words reported in one article's headline
			// and its body are one thing said.
			if u.frag && v.frag && (items[u.item].Headline || items[v.item].Headline) && sameWords(u.core, v.core) {
				continue
			}
			ti := normText(items[u.item].Quote.Text[u.start:u.end])
			tj := normText(items[v.item].Quote.Text[v.start:v.end])
			if !strings.Contains(ti, tj) && !strings.Contains(tj, ti) {
				return false
			}
		}
	}
	return true
}

// sameWords reports whether a and b hold the same words in order.
func sameWords(a, b []tok) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].lowID != b[i].lowID {
			return false
		}
	}
	return true
}

// adjacentIn reports whether the sentences of item in x ∪ y form one run.
func adjacentIn(x, y []int, units []unit, item int) bool {
	var ss []int
	for _, g := range [][]int{x, y} {
		for _, m := range g {
			if units[m].item == item {
				ss = append(ss, units[m].sent)
			}
		}
	}
	sort.Ints(ss)
	for k := 1; k < len(ss); k++ {
		if ss[k] != ss[k-1]+1 {
			return false
		}
	}
	return true
}

// splitByTime cuts a group where consecutive renderings (by publication)
// lie more than RepetitionGap apart.
func (a *Aligner) splitByTime(ms []int, units []unit, items []Item) [][]int {
	sorted := append([]int(nil), ms...)
	sort.SliceStable(sorted, func(x, y int) bool {
		return items[units[sorted[x]].item].Published.Before(items[units[sorted[y]].item].Published)
	})
	var out [][]int
	var cur []int
	var last time.Time
	for _, m := range sorted {
		t := items[units[m].item].Published
		if len(cur) > 0 && !t.IsZero() && !last.IsZero() && t.Sub(last) > a.opt.RepetitionGap {
			out = append(out, cur)
			cur = nil
		}
		cur = append(cur, m)
		if !t.IsZero() {
			last = t
		}
	}
	return append(out, cur)
}

// statements turns unit groups into parallax.Statements.
func (a *Aligner) statements(groups [][]int, units []unit, items []Item, best []float64) ([]*parallax.Statement, [][]parallax.Span) {
	type built struct {
		st    *parallax.Statement
		spans []parallax.Span
		first time.Time
		order [2]int // first item, first sentence: a stable tiebreak
		root  int    // group index before splitting by time, for repetitions
	}
	var bs []built
	for _, g := range groups {
		// One variant per quote: the run of its sentences in the group.
		byItem := map[int][2]int{}
		var itemsIn []int
		for _, m := range g {
			u := &units[m]
			r, ok := byItem[u.item]
			if !ok {
				itemsIn = append(itemsIn, u.item)
				r = [2]int{u.start, u.end}
			}
			r[0] = min(r[0], u.start)
			r[1] = max(r[1], u.end)
			byItem[u.item] = r
		}
		sort.Ints(itemsIn)
		// Canonical: the fullest direct rendering.
		canon := -1
		for _, it := range itemsIn {
			r := byItem[it]
			if canon < 0 {
				canon = it
				continue
			}
			cr := byItem[canon]
			cd := items[canon].Quote.Kind == parallax.Direct
			d := items[it].Quote.Kind == parallax.Direct
			if d && !cd || d == cd && r[1]-r[0] > cr[1]-cr[0] {
				canon = it
			}
		}
		cr := byItem[canon]
		cq := items[canon].Quote
		cq.Text = cq.Text[cr[0]:cr[1]]
		st := &parallax.Statement{Story: a.opt.Story, Text: cq.Text}
		var first time.Time
		var spans []parallax.Span
		for _, it := range itemsIn {
			r := byItem[it]
			q := items[it].Quote
			q.Text = q.Text[r[0]:r[1]]
			v := parallax.Variant{Quote: q.ID, Label: Label(cq, q)}
			if it == canon {
				v.Score = 1
			} else {
				for _, m := range g {
					if units[m].item == it {
						v.Score = math.Max(v.Score, best[m])
					}
				}
				v.Score = math.Round(v.Score*1000) / 1000
				v.Diff = Diff(cq.Text, q.Text)
			}
			st.Quotes = append(st.Quotes, v)
			qs := items[it].Quote.Span
			if qs.Len() == len(items[it].Quote.Text) {
				qs = parallax.Span{Start: qs.Start + r[0], End: qs.Start + r[1]}
			}
			spans = append(spans, qs)
			if p := items[it].Published; !p.IsZero() && (first.IsZero() || p.Before(first)) {
				first = p
			}
		}
		st.Speaker = speakerName(itemsIn, items)
		bs = append(bs, built{st: st, spans: spans, first: first, order: [2]int{units[g[0]].item, units[g[0]].sent}})
	}
	sort.SliceStable(bs, func(x, y int) bool {
		if !bs[x].first.Equal(bs[y].first) {
			return bs[x].first.Before(bs[y].first)
		}
		return bs[x].order[0] < bs[y].order[0] || bs[x].order[0] == bs[y].order[0] && bs[x].order[1] < bs[y].order[1]
	})
	out := make([]*parallax.Statement, len(bs))
	outSpans := make([][]parallax.Span, len(bs))
	for i := range bs {
		bs[i].st.ID = a.opt.FirstID + int64(i)
		out[i] = bs[i].st
		outSpans[i] = bs[i].spans
	}
	// A later statement saying what an earlier one of the same speaker
	// said (its canonical text close enough), more than RepetitionGap
	// before, is a repetition of it.
	canon, rel := canonUnits(out)
	found := a.repeats(canon, len(out), func(i, j int) bool {
		return j < i && !bs[j].first.IsZero() && bs[i].first.After(bs[j].first.Add(a.opt.RepetitionGap))
	}, rel)
	for i, j := range found {
		if j >= 0 {
			out[i].RepetitionOf = out[j].ID
		}
	}
	return out, outSpans
}

// speakerName picks the name most renderings give, preferring resolved ones.
func speakerName(its []int, items []Item) string {
	count := map[string]int{}
	bestName, bestN := "", 0
	for _, it := range its {
		sp := items[it].Quote.Speaker
		n := sp.Name
		if n == "" {
			continue
		}
		w := 1
		if sp.EntityKey != "" {
			w = 3
		}
		count[n] += w
		if count[n] > bestN || count[n] == bestN && len(n) > len(bestName) {
			bestName, bestN = n, count[n]
		}
	}
	return bestName
}

// units cuts the items into comparison units.
func (a *Aligner) units(items []Item, lem *lemmaCache, in interner, bl blockIDs) []unit {
	var us []unit
	cc := &conceptCache{lem: lem}
	for i := range items {
		q := &items[i].Quote
		sp := speakerKey(q.Speaker.EntityKey)
		if sp == "" {
			sp = speakerKey(q.Speaker.Name)
		}
		blocks := bl.blocks(sp)
		var whole []tok
		var spans [][2]int
		var sentToks [][]tok // each sentence of a direct quote, tokenised once
		if q.Kind == parallax.Direct {
			spans = sentences(q.Text)
			for _, sp2 := range spans {
				sentToks = append(sentToks, tokens(q.Text[sp2[0]:sp2[1]], nil, lem))
			}
		} else {
			whole = tokens(q.Text, nil, lem)
		}
		if len(spans) == 0 {
			spans = [][2]int{{0, len(q.Text)}}
			if q.Kind == parallax.Direct {
				sentToks = [][]tok{tokens(q.Text, nil, lem)}
			}
		}
		for k, sp2 := range spans {
			u := unit{item: i, sent: k, start: sp2[0], end: sp2[1], speaker: sp, blocks: blocks, unknown: sp == ""}
			switch {
			case q.Kind == parallax.Direct:
				u.core = sentToks[k]
				// Context: the sentence with its neighbours in the quote
				// (the sentence itself when it stands alone).
				if len(spans) > 1 {
					lo, hi := max(k-1, 0), min(k+2, len(spans))
					u.ctx = make([]tok, 0, 64)
					for _, ts := range sentToks[lo:hi] {
						u.ctx = append(u.ctx, ts...)
					}
				}
			case q.Kind == parallax.Mixed:
				// The quoted words are the speaker's; the paraphrase is context.
				for _, f := range quotemarks.Ranges(q.Text, false) {
					u.core = tokens(q.Text[f[0]:f[1]], u.core, lem)
					u.frag = true
				}
				if len(u.core) == 0 {
					u.core = whole
				}
				u.ctx = whole
			default:
				u.core, u.ctx = whole, whole
			}
			if u.ctx == nil || sameList(u.ctx, u.core) {
				// One word list: similarity then scores it once.
				u.core = compact(u.core, in)
				u.ctx = u.core
			} else {
				u.core, u.ctx = compact(u.core, in), compact(u.ctx, in)
			}
			u.empty = true
			for _, t := range u.core {
				if !t.stop {
					u.empty = false
					if t.num {
						u.nums = append(u.nums, t.low)
					}
				}
			}
			u.keys = wordKeys(nil, u.core, u.ctx, nil)
			u.coreKeys = wordKeys(nil, u.core, nil, cc)
			us = append(us, u)
		}
	}
	return us
}

// interner numbers strings for one Align call.
type interner map[string]int32

func (in interner) id(s string) int32 {
	if v, ok := in[s]; ok {
		return v
	}
	v := int32(len(in))
	in[s] = v
	return v
}

// compact keeps the content words of ts, one per stem, and numbers them.
func compact(ts []tok, in interner) []tok {
	out := make([]tok, 0, len(ts))
	for _, t := range ts {
		if t.stop {
			continue
		}
		t.stemID = in.id(t.stem)
		dup := false
		for _, o := range out {
			if o.stemID == t.stemID {
				dup = true
				break
			}
		}
		if dup {
			continue
		}
		t.lowID, t.lemmaID = in.id(t.low), in.id(t.lemma)
		out = append(out, t)
	}
	return out
}

// wordKeys lists, sorted and without repeats, the hashed stems and
// lemmas of the words of core and ctx and, when cc is given, the WordNet
// concepts of core's words (synsets and the synsets one link up), so two
// units can be screened and indexed for a possible match.
func wordKeys(dst []uint64, core, ctx []tok, cc *conceptCache) []uint64 {
	for _, ts := range [2][]tok{core, ctx} {
		for _, t := range ts {
			dst = append(dst, hashString(t.stem), hashString(t.lemma))
		}
	}
	if cc != nil {
		for k := range core {
			if t := &core[k]; !t.name && !t.num {
				for _, c := range cc.get(t) {
					dst = append(dst, uint64(c)|1<<63)
				}
			}
		}
	}
	slices.Sort(dst)
	return slices.Compact(dst)
}

// conceptCache memoises WordNet concepts by interned word id for one call.
type conceptCache struct {
	lem *lemmaCache
	c   [][]int32
	ok  []bool
}

func (cc *conceptCache) get(t *tok) []int32 {
	id := int(t.lowID)
	for id >= len(cc.c) {
		cc.c = append(cc.c, nil)
		cc.ok = append(cc.ok, false)
	}
	if !cc.ok[id] {
		cc.c[id] = cc.lem.info(t.low).getConcepts(t.low)
		cc.ok[id] = true
	}
	return cc.c[id]
}

func hashString(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h &^ (1 << 63)
}

func shareKey(a, b []uint64) bool {
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] == b[j]:
			return true
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return false
}

// weigh sets each content word's weight by its rarity over the units
// (inverse document frequency), names and numbers counting extra.
func weigh(units []unit) {
	df := map[string]int{}
	for i := range units {
		seen := map[string]bool{}
		for _, ts := range [][]tok{units[i].core, units[i].ctx} {
			for _, t := range ts {
				if !t.stop && !seen[t.stem] {
					seen[t.stem] = true
					df[t.stem]++
				}
			}
		}
	}
	n := float64(len(units))
	for i := range units {
		for _, ts := range [][]tok{units[i].core, units[i].ctx} {
			for k := range ts {
				t := &ts[k]
				if t.stop {
					continue
				}
				t.w = math.Log(1 + (n+1)/(float64(df[t.stem])+0.5))
				if t.name || t.num {
					t.w *= 1.5
				} else if len(t.low) > 5 && strings.HasSuffix(t.low, "ly") {
					// Manner adverbs ("blatantly", "clearly") colour a claim more than they make it.
					t.w *= 0.3
				}
			}
		}
		units[i].coreW, units[i].nCore = total(units[i].core)
		units[i].ctxW, _ = total(units[i].ctx)
	}
}

// total sums the weights of the (distinct) content words, and counts them.
func total(ts []tok) (float64, int) {
	s := 0.0
	for _, t := range ts {
		s += t.w
	}
	return s, len(ts)
}

// relCache gives WordNet relatedness of two words of one call, through
// their shared lexicon entries (looked up once per word id).
type relCache struct {
	lem  *lemmaCache
	info []*wordInfo // by word id; nil: not yet looked up
	none []bool      // by word id: no WordNet sense at all
}

func newRelCache(vocab int, lem *lemmaCache) *relCache {
	return &relCache{lem: lem, info: make([]*wordInfo, vocab), none: make([]bool, vocab)}
}

// word returns t's lexicon entry, or nil when it has no WordNet sense.
func (c *relCache) word(t *tok) *wordInfo {
	id := int(t.lowID)
	if id >= len(c.info) || c.none[id] {
		return nil
	}
	if w := c.info[id]; w != nil {
		return w
	}
	w := c.lem.info(t.low)
	if w.profile(t.low) == nil {
		c.none[id] = true
		return nil
	}
	c.info[id] = w
	return w
}

func (c *relCache) get(x, y *tok) float64 {
	wx := c.word(x)
	if wx == nil {
		return 0
	}
	wy := c.word(y)
	if wy == nil {
		return 0
	}
	return relatedWords(wx, wy)
}

// wordScore is how well word x matches word y: 1 for the same stem or
// lemma, 0.7 for a shared long stem prefix ("expansion"/"expand"), a
// WordNet relation by its score (from 0.5), else 0. Names match names
// only, numbers only exactly.
func wordScore(x, y *tok, rel *relCache) float64 {
	switch {
	case x.stemID == y.stemID || x.lemmaID == y.lemmaID:
		return 1
	case x.num || y.num || x.name != y.name:
		return 0
	case prefixMatch(x.stem, y.stem):
		return 0.7
	case !x.name:
		if s := rel.get(x, y); s >= 0.5 {
			return s
		}
	}
	return 0
}

// coverages returns the weight of a's words matched in b over a's total,
// and of b's in a, scoring each word pair once; plain is set when some
// word other than a name or number matched.
func coverages(a, b []tok, totalA, totalB float64, rel *relCache, colBest []float64) (ca, cb float64, plain bool) {
	if totalA == 0 || totalB == 0 {
		return 0, 0, false
	}
	colBest = colBest[:0]
	for range b {
		colBest = append(colBest, 0)
	}
	ma := 0.0
	for i := range a {
		x := &a[i]
		rowBest := 0.0
		for j := range b {
			s := wordScore(x, &b[j], rel)
			if s > rowBest {
				rowBest = s
			}
			if s > colBest[j] {
				colBest[j] = s
			}
		}
		ma += rowBest * x.w
		if rowBest > 0 && !x.name && !x.num {
			plain = true
		}
	}
	mb := 0.0
	for j := range b {
		mb += colBest[j] * b[j].w
	}
	return ma / totalA, mb / totalB, plain
}

func prefixMatch(a, b string) bool {
	if len(a) < 4 || len(b) < 4 || a[0] != b[0] || a[1] != b[1] {
		return false
	}
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	short := min(len(a), len(b))
	return n >= 5 && float64(n) >= 0.75*float64(short) || n >= 4 && n == short
}

// similarity scores two units in [0,1]: word overlap of their cores and
// contexts, penalised when both give numbers and none agree, and when the
// cores share only names.
func similarity(u, v *unit, items []Item, rel *relCache) float64 {
	var buf [64]float64
	cu, cv, plain := coverages(u.core, v.core, u.coreW, v.coreW, rel, buf[:0])
	core := math.Sqrt(cu * cv)
	if u.frag || v.frag {
		// A mixed quote's few quoted words render part of an utterance,
		// like a truncated quote: how much of either side is found matters.
		core = 0.5*core + 0.5*math.Max(cu, cv)
	}
	xu, xv := cu, cv
	if !sameList(u.ctx, u.core) || !sameList(v.ctx, v.core) {
		xu, xv, _ = coverages(u.ctx, v.ctx, u.ctxW, v.ctxW, rel, buf[:0])
	}
	ctx := math.Sqrt(xu * xv)
	s := 0.65*core + 0.35*ctx
	// A long sentence that matches well stands on its own; a short one
	// needs its context to agree too.
	if core > s && u.nCore >= 3 && v.nCore >= 3 {
		s = core
	}
	if len(u.nums) > 0 && len(v.nums) > 0 && !shareString(u.nums, v.nums) {
		s *= 0.3
	}
	// Names alone ("General Flynn") do not make two sentences one.
	if !plain {
		s *= 0.5
	}
	if items != nil {
		// Renderings at a similar depth in their articles are a little likelier.
		d := math.Abs(items[u.item].Position - items[v.item].Position)
		s += 0.03 * (1 - d)
	}
	return math.Min(s, 1)
}

// sameList reports whether a and b are the same slice.
func sameList(a, b []tok) bool { return len(a) == len(b) && (len(a) == 0 || &a[0] == &b[0]) }

func shareString(a, b []string) bool {
	for _, x := range a {
		for _, y := range b {
			if x == y {
				return true
			}
		}
	}
	return false
}

func lastField(s string) string {
	if i := strings.LastIndexByte(s, ' '); i >= 0 {
		return s[i+1:]
	}
	return s
}

// Speaker keys: lower-case name without titles.
var speakerTitles = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "sir": true, "president": true, "minister": true,
	"prime": true, "secretary": true, "general": true, "senator": true, "sen": true, "rep": true,
	"governor": true, "gov": true, "chancellor": true, "foreign": true, "defence": true, "defense": true,
	"the": true, "former": true, "spokesman": true, "spokeswoman": true, "spokesperson": true,
}

var pronouns = map[string]bool{"he": true, "she": true, "they": true, "it": true, "i": true, "we": true, "you": true}

func speakerKey(name string) string {
	f := strings.Fields(strings.ToLower(strings.ReplaceAll(name, ".", "")))
	var keep []string
	for _, w := range f {
		if !speakerTitles[w] {
			keep = append(keep, w)
		}
	}
	if len(keep) == 1 && pronouns[keep[0]] {
		return ""
	}
	return strings.Join(keep, " ")
}

// speakersMatch: equal keys, one name's words inside the other's, or the
// same surname; an unresolved speaker matches anyone.
func speakersMatch(u, v *unit) bool {
	if u.unknown || v.unknown || u.speaker == v.speaker {
		return true
	}
	return lastField(u.speaker) == lastField(v.speaker) || containsWords(u.speaker, v.speaker) ||
		containsWords(v.speaker, u.speaker)
}
