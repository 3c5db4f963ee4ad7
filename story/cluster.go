package story

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"sync"
	"time"

	parallax "github.com/parallax-news/parallax"
)

// Options tune a Clusterer. Zero fields take DefaultOptions' values.
type Options struct {
	// Threshold is the score from which an article joins a story.
	Threshold float64
	// LineThreshold is the similarity, regardless of dates, from which a
	// new story joins the storyline of an earlier one.
	LineThreshold float64
	// Slack and Sigma shape the time damping: an article within Slack days
	// of a story's dates is not damped; beyond, the score falls as a
	// gaussian of width Sigma days.
	Slack, Sigma float64
	// LineWindow is how many days apart two stories of a storyline may be.
	LineWindow int
	// Weights of the body-term, entity and title-term similarities, for
	// joining a story and for joining a storyline (where the main actors
	// and the headline's subject count more than the body's details).
	BodyWeight, EntityWeight, TitleWeight             float64
	LineBodyWeight, LineEntityWeight, LineTitleWeight float64
	// DocTerms and CentroidTerms bound the terms of an article's and a
	// story's vectors; Keys is how many of an article's rarest terms and
	// entities retrieve candidate stories, PostingScan how many recent
	// stories one key yields and Candidates how many stories are scored.
	DocTerms, CentroidTerms, Keys, PostingScan, Candidates int
	// TermBits sizes the hashed term table: 2^TermBits document counts.
	TermBits int
}

// DefaultOptions are the options a zero Options stands for.
var DefaultOptions = Options{
	Threshold: 0.1, LineThreshold: 0.15,
	Slack: 1, Sigma: 2, LineWindow: 120,
	BodyWeight: 0.6, EntityWeight: 0.2, TitleWeight: 0.2,
	LineBodyWeight: 0.2, LineEntityWeight: 0.4, LineTitleWeight: 0.4,
	DocTerms: 60, CentroidTerms: 100, Keys: 12, PostingScan: 48, Candidates: 10,
	TermBits: 22,
}

func (o Options) withDefaults() Options {
	d := DefaultOptions
	set := func(dst *float64, v float64) {
		if v > 0 {
			*dst = v
		}
	}
	seti := func(dst *int, v int) {
		if v > 0 {
			*dst = v
		}
	}
	set(&d.Threshold, o.Threshold)
	set(&d.LineThreshold, o.LineThreshold)
	set(&d.Slack, o.Slack)
	set(&d.Sigma, o.Sigma)
	seti(&d.LineWindow, o.LineWindow)
	set(&d.BodyWeight, o.BodyWeight)
	set(&d.EntityWeight, o.EntityWeight)
	set(&d.TitleWeight, o.TitleWeight)
	set(&d.LineBodyWeight, o.LineBodyWeight)
	set(&d.LineEntityWeight, o.LineEntityWeight)
	set(&d.LineTitleWeight, o.LineTitleWeight)
	seti(&d.DocTerms, o.DocTerms)
	seti(&d.CentroidTerms, o.CentroidTerms)
	seti(&d.Keys, o.Keys)
	seti(&d.PostingScan, o.PostingScan)
	seti(&d.Candidates, o.Candidates)
	seti(&d.TermBits, o.TermBits)
	d.TermBits = min(max(d.TermBits, 10), 30)
	return d
}

// Assignment is where Add put an article.
type Assignment struct {
	Story     int64 `json:"story"`
	New       bool  `json:"new"` // the article opened the story
	Storyline int64 `json:"storyline"`
	// Score is the article's score against the story it joined; 0 for a new story.
	Score float64 `json:"score"`
}

// vec is a sparse vector, sorted by term id.
type vec struct {
	ids []int32
	w   []float32
}

func (v vec) norm() float64 {
	var s float64
	for _, w := range v.w {
		s += float64(w) * float64(w)
	}
	return math.Sqrt(s)
}

// add returns a+b, keeping the limit heaviest terms, in new exact-size
// slices; it merges in the clusterer's scratch space.
func (c *Clusterer) add(a, b vec, limit int) vec {
	out := vec{ids: c.merge.ids[:0], w: c.merge.w[:0]}
	i, j := 0, 0
	for i < len(a.ids) || j < len(b.ids) {
		switch {
		case j == len(b.ids) || i < len(a.ids) && a.ids[i] < b.ids[j]:
			out.ids, out.w = append(out.ids, a.ids[i]), append(out.w, a.w[i])
			i++
		case i == len(a.ids) || a.ids[i] > b.ids[j]:
			out.ids, out.w = append(out.ids, b.ids[j]), append(out.w, b.w[j])
			j++
		default:
			out.ids, out.w = append(out.ids, a.ids[i]), append(out.w, a.w[i]+b.w[j])
			i++
			j++
		}
	}
	c.merge = out
	if len(out.ids) > limit {
		// keep the limit heaviest, in id order; ties at the cut by id
		ws := c.wbuf[:0]
		for _, w := range out.w {
			ws = append(ws, float64(w))
		}
		slices.Sort(ws)
		cut := float32(ws[len(ws)-limit])
		c.wbuf = ws
		above := 0
		for _, w := range out.w {
			if w > cut {
				above++
			}
		}
		ties := limit - above
		keep := 0
		for k := range out.ids {
			if w := out.w[k]; w > cut || w == cut && ties > 0 {
				if w == cut {
					ties--
				}
				out.ids[keep], out.w[keep] = out.ids[k], w
				keep++
			}
		}
		out.ids, out.w = out.ids[:keep], out.w[:keep]
	}
	return vec{ids: slices.Clone(out.ids), w: slices.Clone(out.w)}
}

// docVecs is an article's vectors, each of unit length.
type docVecs struct {
	body, ent, title vec
	day              int32
	keys             []int32 // retrieval keys
	keyW             []float32
}

type storyState struct {
	id, line         int64
	body, ent, title vec // sums of member vectors
	bodyN, entN      float64
	titleN           float64
	minDay, maxDay   int32
	articles         []int64
	titles           []string
	titleIDs         [][]int32
	outlets          []string
	words            []string // the opening article's top terms, for a title
}

// cand is a candidate story and its summed key weight.
type cand struct {
	s    int32
	hits float64
}

type posting struct {
	story int32 // index into stories
	day   int32
}

// Clusterer assigns articles to stories incrementally. It is safe for
// concurrent use; articles are best added in published order.
type Clusterer struct {
	mu      sync.Mutex
	opt     Options
	bits    uint // log2 of the term ids' range
	docs    int
	stories []*storyState
	post    map[int32][]posting // per retrieval key
	df      termCounts          // per term id (a bucket of the hashed term table): articles with it
	hits    []float64           // per story: the article's summed key weights
	touched []int32             // stories with hits
	wbuf    []float64
	merge   vec // scratch for add
	keyBuf  []int32
	idBuf   []int32
	keyWBuf []float32
	cands   []cand
	// scratch for vectors
	twBody, twEnts, twTitle, twKeys []tw
}

// New returns an empty clusterer.
func New(opt Options) *Clusterer {
	o := opt.withDefaults()
	return &Clusterer{opt: o, bits: uint(o.TermBits), post: map[int32][]posting{}}
}

const undated = math.MinInt32

// dayOf counts days since 1970 of t's calendar date.
func dayOf(t time.Time) int32 {
	if t.IsZero() {
		return undated
	}
	y, m, d := t.Date()
	return int32(time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() / 86400)
}

// id returns the id of a term (salt 0) or entity key (salt 1): the
// bucket its FNV-1a hash falls in. Terms sharing a bucket are counted as
// one: with the default 4M buckets and a million distinct terms, about one
// term in five shares its bucket, which only blurs a rare term's weight.
func (c *Clusterer) id(term string, salt byte) int32 {
	h := uint64(14695981039346656037)
	h = (h ^ uint64(salt)) * 1099511628211
	for i := 0; i < len(term); i++ {
		h = (h ^ uint64(term[i])) * 1099511628211
	}
	h ^= h >> 29 // fold the high bits' poor mixing into the top
	h *= 0xbf58476d1ce4e5b9
	return int32(h >> (64 - c.bits))
}

func (c *Clusterer) idf(id int32) float64 {
	return math.Log(1 + float64(c.docs)/float64(max(c.df.get(id), 1)))
}

// tw is a term id and a weight.
type tw struct {
	id int32
	w  float64
}

var logTFs = func() (t [64]float64) {
	for i := 1; i < len(t); i++ {
		t[i] = 1 + math.Log(float64(i))
	}
	return
}()

// logTF damps a count: 1 + ln n.
func logTF(n float64) float64 {
	if i := int(n); i >= 1 && i < len(logTFs) && float64(i) == n {
		return logTFs[i]
	}
	return 1 + math.Log(n)
}

// vectors counts p into the document frequencies and weighs its terms.
func (c *Clusterer) vectors(p *Profile) docVecs {
	c.docs++
	v := docVecs{day: dayOf(p.Published)}
	// Count each distinct term once in df: body terms and entities are
	// distinct already; a title term counts only when the body lacks it.
	body := c.twBody[:0]
	sorted := c.idBuf[:0]
	for _, t := range p.Terms {
		id := c.id(t.Term, 0)
		c.df.inc(id)
		body = append(body, tw{id, float64(t.Count)})
		sorted = append(sorted, id)
	}
	slices.Sort(sorted)
	c.idBuf = sorted
	tids := make([]int32, 0, len(p.TitleTerms))
	for _, t := range p.TitleTerms {
		id := c.id(t, 0)
		tids = append(tids, id)
		if _, in := slices.BinarySearch(sorted, id); !in {
			c.df.inc(id)
		}
	}
	ents := c.twEnts[:0]
	for _, e := range p.Entities {
		id := c.id(e.Term, 1)
		c.df.inc(id)
		ents = append(ents, tw{id, float64(e.Count)})
	}
	weigh := func(xs []tw, limit int) vec {
		for i := range xs {
			xs[i].w = logTF(xs[i].w) * c.idf(xs[i].id)
		}
		if len(xs) > limit {
			// keep the limit heaviest: find the cut on the weights alone
			ws := c.wbuf[:0]
			for _, x := range xs {
				ws = append(ws, x.w)
			}
			slices.Sort(ws)
			cut := ws[len(ws)-limit]
			c.wbuf = ws
			kept := 0
			for _, x := range xs {
				if x.w > cut {
					xs[kept] = x
					kept++
				}
			}
			for _, x := range xs {
				if x.w == cut && kept < limit {
					xs[kept] = x
					kept++
				}
			}
			xs = xs[:kept]
		}
		slices.SortFunc(xs, func(a, b tw) int { return cmp.Compare(a.id, b.id) })
		var n float64
		for _, x := range xs {
			n += x.w * x.w
		}
		n = math.Sqrt(n)
		out := vec{ids: make([]int32, len(xs)), w: make([]float32, len(xs))}
		for i, x := range xs {
			out.ids[i], out.w[i] = x.id, float32(x.w/n)
		}
		return out
	}
	v.body = weigh(body, c.opt.DocTerms)
	v.ent = weigh(ents, 24)
	tt := c.twTitle[:0]
	for _, id := range tids {
		tt = append(tt, tw{id, 1})
	}
	v.title = weigh(tt, 24)

	// Keys: the heaviest (rarest, most repeated) body terms, every entity
	// and title term, each weighted by its idf.
	ks := c.twKeys[:0]
	for i, id := range v.body.ids {
		ks = append(ks, tw{id, float64(v.body.w[i])})
	}
	slices.SortFunc(ks, func(a, b tw) int { return cmp.Compare(b.w, a.w) })
	ks = ks[:min(len(ks), c.opt.Keys)]
	for i := range ks {
		ks[i].w = c.idf(ks[i].id)
	}
	for _, id := range v.ent.ids {
		ks = append(ks, tw{id, c.idf(id)})
	}
	for _, id := range v.title.ids {
		ks = append(ks, tw{id, c.idf(id)})
	}
	slices.SortFunc(ks, func(a, b tw) int { return cmp.Compare(a.id, b.id) })
	ks = slices.CompactFunc(ks, func(a, b tw) bool { return a.id == b.id })
	v.keys, v.keyW = c.keyBuf[:0], c.keyWBuf[:0]
	for _, k := range ks {
		v.keys = append(v.keys, k.id)
		v.keyW = append(v.keyW, float32(k.w))
	}
	c.twBody, c.twEnts, c.twTitle, c.twKeys = body[:0], ents[:0], tt[:0], ks[:0]
	c.keyBuf, c.keyWBuf = v.keys[:0], v.keyW[:0]
	return v
}

// Add assigns d to a story.
func (c *Clusterer) Add(d Doc) Assignment { return c.AddProfile(Analyze(d)) }

// AddProfile assigns the article p profiles to a story; it is how a
// clusterer is rebuilt from stored features.
func (c *Clusterer) AddProfile(p *Profile) Assignment {
	c.mu.Lock()
	defer c.mu.Unlock()
	v := c.vectors(p)

	// Candidates: stories sharing keys, within the storyline window,
	// ranked by the summed idf of shared keys.
	for len(c.hits) < len(c.stories) {
		c.hits = append(c.hits, 0)
	}
	c.touched = c.touched[:0]
	for i, k := range v.keys {
		ps := c.post[k]
		for j, n := len(ps)-1, 0; j >= 0 && n < c.opt.PostingScan; j, n = j-1, n+1 {
			if v.day != undated && ps[j].day != undated && abs32(ps[j].day-v.day) > int32(c.opt.LineWindow) {
				continue
			}
			s := ps[j].story
			if c.hits[s] == 0 {
				c.touched = append(c.touched, s)
			}
			c.hits[s] += float64(v.keyW[i])
		}
	}
	cands := c.cands[:0]
	for _, s := range c.touched {
		cands = append(cands, cand{s, c.hits[s]})
		c.hits[s] = 0
	}
	slices.SortFunc(cands, func(a, b cand) int {
		if a.hits != b.hits {
			return cmp.Compare(b.hits, a.hits)
		}
		return cmp.Compare(a.s, b.s)
	})
	c.cands = cands
	cands = cands[:min(len(cands), c.opt.Candidates)]

	eventW := [3]float64{c.opt.BodyWeight, c.opt.EntityWeight, c.opt.TitleWeight}
	lineW := [3]float64{c.opt.LineBodyWeight, c.opt.LineEntityWeight, c.opt.LineTitleWeight}
	best, bestScore := int32(-1), 0.0
	line, lineSim := int32(-1), 0.0
	for _, cd := range cands {
		st := c.stories[cd.s]
		ps := c.parts(&v, st)
		if ls := ps.combine(lineW); ls >= c.opt.LineThreshold && ls > lineSim {
			line, lineSim = cd.s, ls
		}
		score := ps.combine(eventW) * c.damping(v.day, st)
		if score > bestScore || score == bestScore && best >= 0 && cd.s < best {
			best, bestScore = cd.s, score
		}
	}
	a := Assignment{}
	var st *storyState
	if best >= 0 && bestScore >= c.opt.Threshold {
		st = c.stories[best]
		a.Score = bestScore
	} else {
		st = &storyState{id: int64(len(c.stories) + 1), minDay: undated, maxDay: undated, words: c.topWords(p, &v)}
		st.line = st.id
		if line >= 0 {
			st.line = c.stories[line].line
		}
		c.stories = append(c.stories, st)
		a.New = true
	}
	c.join(st, &v, p)
	a.Story, a.Storyline = st.id, st.line
	return a
}

func abs32(x int32) int32 {
	if x < 0 {
		return -x
	}
	return x
}

// parts are an article's cosine similarities to a story's body, entity
// and title centroids; a negative part is missing on either side.
type parts [3]float64

func (c *Clusterer) parts(v *docVecs, st *storyState) parts {
	cos := func(d, cent vec, n float64) float64 {
		if len(d.ids) == 0 {
			return -1
		}
		if len(cent.ids) == 0 || n == 0 {
			return 0
		}
		return dot(d, cent) / n
	}
	return parts{cos(v.body, st.body, st.bodyN), cos(v.ent, st.ent, st.entN), cos(v.title, st.title, st.titleN)}
}

// dot is the dot product of two sparse vectors sorted by id.
func dot(a, b vec) float64 {
	var s float32
	i, j := 0, 0
	for i < len(a.ids) && j < len(b.ids) {
		x, y := a.ids[i], b.ids[j]
		if x == y {
			s += a.w[i] * b.w[j]
		}
		if x <= y {
			i++
		}
		if y <= x {
			j++
		}
	}
	return float64(s)
}

// combine weighs the parts; a part the article lacks does not count.
func (p parts) combine(w [3]float64) float64 {
	var s, n float64
	for i, x := range p {
		if x >= 0 {
			s += w[i] * x
			n += w[i]
		}
	}
	if n == 0 {
		return 0
	}
	return s / n
}

// damping is 1 for an article dated within Slack days of the story's
// dates, then falls as a gaussian of the further distance.
func (c *Clusterer) damping(day int32, st *storyState) float64 {
	if day == undated || st.minDay == undated {
		return 1
	}
	var dist float64
	switch {
	case day < st.minDay:
		dist = float64(st.minDay - day)
	case day > st.maxDay:
		dist = float64(day - st.maxDay)
	}
	dist = max(0, dist-c.opt.Slack)
	return math.Exp(-dist * dist / (2 * c.opt.Sigma * c.opt.Sigma))
}

func (c *Clusterer) join(st *storyState, v *docVecs, p *Profile) {
	idx := int32(st.id - 1)
	st.body = c.add(st.body, v.body, c.opt.CentroidTerms)
	st.ent = c.add(st.ent, v.ent, c.opt.CentroidTerms/2)
	st.title = c.add(st.title, v.title, c.opt.CentroidTerms/2)
	st.bodyN, st.entN, st.titleN = st.body.norm(), st.ent.norm(), st.title.norm()
	if v.day != undated {
		if st.minDay == undated || v.day < st.minDay {
			st.minDay = v.day
		}
		if st.maxDay == undated || v.day > st.maxDay {
			st.maxDay = v.day
		}
	}
	st.articles = append(st.articles, p.ID)
	st.titles = append(st.titles, p.Title)
	st.titleIDs = append(st.titleIDs, v.title.ids)
	if p.Outlet != "" && !slices.Contains(st.outlets, p.Outlet) {
		st.outlets = append(st.outlets, p.Outlet)
	}
	for _, k := range v.keys {
		ps := c.post[k]
		if n := len(ps); n > 0 && ps[n-1].story == idx {
			if v.day > ps[n-1].day {
				ps[n-1].day = v.day
			}
			continue
		}
		c.post[k] = append(ps, posting{story: idx, day: v.day})
	}
}

// Len returns the number of stories.
func (c *Clusterer) Len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.stories)
}

// Stories returns the stories so far, by id, with generated titles.
func (c *Clusterer) Stories() []*parallax.Story {
	c.mu.Lock()
	defer c.mu.Unlock()
	out := make([]*parallax.Story, 0, len(c.stories))
	for _, st := range c.stories {
		s := &parallax.Story{
			ID: st.id, Storyline: st.line, Title: c.title(st),
			Articles: slices.Clone(st.articles), Outlets: slices.Clone(st.outlets),
		}
		slices.Sort(s.Outlets)
		if st.minDay != undated {
			s.Start = time.Unix(int64(st.minDay)*86400, 0).UTC().Format("2006-01-02")
			s.End = time.Unix(int64(st.maxDay)*86400, 0).UTC().Format("2006-01-02")
		}
		out = append(out, s)
	}
	return out
}

// title is the title of the member article whose title terms are most
// central to the story's; failing titles, the story's top terms.
func (c *Clusterer) title(st *storyState) string {
	best, bestScore := -1, -1.0
	for i, ids := range st.titleIDs {
		if st.titles[i] == "" {
			continue
		}
		var s, n float64
		for _, id := range ids {
			w := c.idf(id)
			n += w * w
			if j, ok := slices.BinarySearch(st.title.ids, id); ok {
				s += w * float64(st.title.w[j])
			}
		}
		if n > 0 {
			s /= math.Sqrt(n)
		}
		if s > bestScore {
			best, bestScore = i, s
		}
	}
	if best >= 0 {
		return st.titles[best]
	}
	return joinWords(st.words)
}

// topWords returns the five heaviest body terms of an article, as written
// in its profile.
func (c *Clusterer) topWords(p *Profile, v *docVecs) []string {
	order := make([]int, len(v.body.ids))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int { return cmp.Compare(v.body.w[b], v.body.w[a]) })
	order = order[:min(len(order), 5)]
	words := make([]string, len(order))
	for _, t := range p.Terms {
		id := c.id(t.Term, 0)
		for k, i := range order {
			if v.body.ids[i] == id && words[k] == "" {
				// a copy: a profile's terms may share one string
				words[k] = strings.Clone(t.Term)
			}
		}
	}
	return slices.DeleteFunc(words, func(w string) bool { return w == "" })
}

func joinWords(ws []string) string {
	s := ""
	for i, w := range ws {
		if i > 0 {
			s += ", "
		}
		s += w
	}
	return s
}
