package httpapi

import (
	"context"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/export"
)

// StoryPage is a story in full: what the story page and
// GET /api/stories/{id} show. Options.StoryPage fills it; by default it is
// built from the store's story, statements and quotes.
type StoryPage struct {
	Story    export.Story   `json:"story"`
	Articles []StoryArticle `json:"articles"`
	// Timeline lists the dated happenings of the story, oldest first.
	Timeline []TimelineRow `json:"timeline"`
	// Matrix says, for each statement, how each outlet rendered it.
	Matrix     Matrix          `json:"matrix"`
	Statements []StatementView `json:"statements"`
	// Framing describes how each outlet told the story.
	Framing []Framing `json:"framing"`
	// Contradictions are facts the outlets give differently.
	Contradictions []Contradiction `json:"contradictions"`
}

// StoryArticle is one article of a story, without its text.
type StoryArticle struct {
	ID        int64  `json:"id"`
	Outlet    string `json:"outlet"`
	Title     string `json:"title"`
	Published string `json:"published"`
	URL       string `json:"url"`
	Dateline  string `json:"dateline"`
}

// TimelineRow is one dated entry of a story's timeline.
type TimelineRow struct {
	Date string `json:"date"` // "YYYY-MM-DD"
	// Kind is "article" (an outlet published) or "event" (a dated happening).
	Kind    string `json:"kind"`
	Label   string `json:"label"`
	Outlet  string `json:"outlet,omitempty"`
	Article int64  `json:"article,omitempty"`
	// Statement is the statement first reported on this date, if any.
	Statement int64 `json:"statement,omitempty"`
}

// Matrix is the outlet × statement coverage table.
type Matrix struct {
	Outlets []string    `json:"outlets"`
	Rows    []MatrixRow `json:"rows"`
}

// MatrixRow is one statement across the outlets.
type MatrixRow struct {
	Statement int64  `json:"statement"`
	Speaker   string `json:"speaker"`
	Text      string `json:"text"`
	// Cells has one cell per Matrix.Outlets entry, in the same order.
	Cells []Cell `json:"cells"`
}

// Cell says how one outlet rendered one statement; Label is "" when the
// outlet does not carry it.
type Cell struct {
	Label string `json:"label"`
	Quote int64  `json:"quote,omitempty"`
	Count int    `json:"count,omitempty"`
}

// StatementView is a statement with its renderings side by side.
type StatementView struct {
	ID           int64         `json:"id"`
	Speaker      string        `json:"speaker"`
	Entity       int64         `json:"entity,omitempty"`
	Text         string        `json:"text"`
	RepetitionOf int64         `json:"repetition_of,omitempty"`
	Variants     []VariantView `json:"variants"`
}

// VariantView is one quote's rendering of a statement, with the word diff
// from the canonical text.
type VariantView struct {
	Quote     int64             `json:"quote"`
	Article   int64             `json:"article"`
	Outlet    string            `json:"outlet"`
	Published string            `json:"published"`
	Label     string            `json:"label"`
	Score     float64           `json:"score"`
	Kind      string            `json:"kind"`
	Cue       string            `json:"cue"`
	Text      string            `json:"text"`
	Diff      []parallax.DiffOp `json:"diff"`
}

// Framing is how one outlet told a story.
type Framing struct {
	Outlet   string   `json:"outlet"`
	Articles int      `json:"articles"`
	Titles   []string `json:"titles"`
	Quotes   int      `json:"quotes"`
	Direct   int      `json:"direct"`
	Indirect int      `json:"indirect"`
	Mixed    int      `json:"mixed"`
	// Cues counts the attributing verbs and phrases the outlet used.
	Cues []Count `json:"cues"`
	// Speakers counts whom the outlet quoted.
	Speakers []Count `json:"speakers"`
	// Exclusive are speakers only this outlet quoted in the story.
	Exclusive []string `json:"exclusive"`
	// Statements counts the story's statements the outlet carries.
	Statements int `json:"statements"`
}

// Count is a value and how often it occurs.
type Count struct {
	Value string `json:"value"`
	N     int    `json:"n"`
}

// Contradiction is a fact the outlets give differently.
type Contradiction struct {
	Topic  string  `json:"topic"`
	Claims []Claim `json:"claims"`
}

// Claim is one outlet's version of a disputed fact.
type Claim struct {
	Outlet  string `json:"outlet"`
	Article int64  `json:"article,omitempty"`
	Quote   int64  `json:"quote,omitempty"`
	Value   string `json:"value"`
	Context string `json:"context"`
}

// BuildStoryPage builds a story's page from what the store holds: the
// story, its articles, their quotes and the story's statements. It is the
// default for Options.StoryPage.
func BuildStoryPage(ctx context.Context, st parallax.Store, id int64) (*StoryPage, error) {
	cs, ok := st.(parallax.CorpusStore)
	if !ok {
		return nil, parallax.Errorf(parallax.ENOTFOUND, "this store keeps no stories")
	}
	s, err := cs.Story(ctx, id)
	if err != nil {
		return nil, err
	}
	p := &StoryPage{Story: export.FromStory(s)}

	// Articles and their quotes.
	arts := map[int64]*StoryArticle{}
	if len(s.Articles) > 0 {
		err = st.Articles(ctx, parallax.ArticleFilter{IDs: s.Articles}, func(a *parallax.Article) error {
			sa := StoryArticle{ID: a.ID, Outlet: outletLabel(a), Title: a.Title, Published: a.Published, URL: a.URL, Dateline: a.Dateline}
			p.Articles = append(p.Articles, sa)
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	sort.SliceStable(p.Articles, func(i, j int) bool {
		if a, b := day(p.Articles[i].Published), day(p.Articles[j].Published); a != b {
			return a < b
		}
		return p.Articles[i].ID < p.Articles[j].ID
	})
	for i := range p.Articles {
		arts[p.Articles[i].ID] = &p.Articles[i]
	}
	quotes := map[int64]*parallax.Quote{}
	var byArticle [][]*parallax.Quote
	for _, a := range p.Articles {
		var qs []*parallax.Quote
		err := st.Quotes(ctx, parallax.QuoteFilter{Article: a.ID}, func(q *parallax.Quote) error {
			quotes[q.ID] = q
			qs = append(qs, q)
			return nil
		})
		if err != nil {
			return nil, err
		}
		byArticle = append(byArticle, qs)
	}

	// Statements and their variants.
	var sts []*parallax.Statement
	err = cs.Statements(ctx, parallax.StatementFilter{Story: id}, func(x *parallax.Statement) error {
		sts = append(sts, x)
		return nil
	})
	if err != nil {
		return nil, err
	}
	for _, x := range sts {
		sv := StatementView{ID: x.ID, Speaker: x.Speaker, Text: x.Text, RepetitionOf: x.RepetitionOf}
		for _, v := range x.Quotes {
			vv := VariantView{Quote: v.Quote, Label: string(v.Label), Score: v.Score, Diff: v.Diff}
			if q := quotes[v.Quote]; q != nil {
				vv.Article, vv.Kind, vv.Cue, vv.Text = q.Article, string(q.Kind), q.Cue, q.Text
				if sv.Entity == 0 {
					sv.Entity = q.Speaker.EntityID
				}
				if a := arts[q.Article]; a != nil {
					vv.Outlet, vv.Published = a.Outlet, a.Published
				}
			}
			if vv.Diff == nil {
				vv.Diff = []parallax.DiffOp{}
			}
			sv.Variants = append(sv.Variants, vv)
		}
		p.Statements = append(p.Statements, sv)
	}

	p.Matrix = buildMatrix(s.Outlets, p.Articles, p.Statements)
	p.Timeline = buildTimeline(p.Articles, p.Statements)
	p.Framing = buildFraming(p.Matrix.Outlets, p.Articles, byArticle, p.Statements)
	p.Contradictions = numberContradictions(p.Statements)
	p.normalize()
	return p, nil
}

// outletLabel names an article's outlet, falling back to its site's host
// or its id so it still gets a column when the cleaner found no outlet.
func outletLabel(a *parallax.Article) string {
	if a.Outlet != "" {
		return a.Outlet
	}
	if u, err := url.Parse(a.URL); err == nil && u.Host != "" {
		return u.Host
	}
	return "article " + strconv.FormatInt(a.ID, 10)
}

// normalize replaces nil slices with empty ones so the JSON has arrays.
func (p *StoryPage) normalize() {
	if p.Articles == nil {
		p.Articles = []StoryArticle{}
	}
	if p.Timeline == nil {
		p.Timeline = []TimelineRow{}
	}
	if p.Matrix.Outlets == nil {
		p.Matrix.Outlets = []string{}
	}
	if p.Matrix.Rows == nil {
		p.Matrix.Rows = []MatrixRow{}
	}
	if p.Statements == nil {
		p.Statements = []StatementView{}
	}
	for i := range p.Statements {
		if p.Statements[i].Variants == nil {
			p.Statements[i].Variants = []VariantView{}
		}
	}
	if p.Framing == nil {
		p.Framing = []Framing{}
	}
	if p.Contradictions == nil {
		p.Contradictions = []Contradiction{}
	}
}

// day returns the "YYYY-MM-DD" part of a published date, or "".
func day(published string) string {
	if len(published) >= 10 {
		return published[:10]
	}
	return ""
}

// labelRank orders variant labels from the most to the least faithful.
func labelRank(l string) int {
	switch parallax.VariantLabel(l) {
	case parallax.VariantIdentical:
		return 0
	case parallax.VariantTruncated:
		return 1
	case parallax.VariantReworded:
		return 2
	case parallax.VariantIndirect:
		return 3
	}
	return 4
}

func buildMatrix(storyOutlets []string, arts []StoryArticle, sts []StatementView) Matrix {
	seen := map[string]bool{}
	var outlets []string
	add := func(o string) {
		if o != "" && !seen[o] {
			seen[o] = true
			outlets = append(outlets, o)
		}
	}
	// Outlets in the order they first published.
	for _, a := range arts {
		add(a.Outlet)
	}
	for _, o := range storyOutlets {
		add(o)
	}
	idx := map[string]int{}
	for i, o := range outlets {
		idx[o] = i
	}
	m := Matrix{Outlets: outlets}
	for _, s := range sts {
		row := MatrixRow{Statement: s.ID, Speaker: s.Speaker, Text: s.Text, Cells: make([]Cell, len(outlets))}
		for _, v := range s.Variants {
			i, ok := idx[v.Outlet]
			if !ok {
				continue
			}
			c := &row.Cells[i]
			c.Count++
			if c.Label == "" || labelRank(v.Label) < labelRank(c.Label) {
				c.Label, c.Quote = v.Label, v.Quote
			}
		}
		m.Rows = append(m.Rows, row)
	}
	return m
}

func buildTimeline(arts []StoryArticle, sts []StatementView) []TimelineRow {
	var rows []TimelineRow
	for _, a := range arts {
		d := day(a.Published)
		if d == "" {
			continue
		}
		rows = append(rows, TimelineRow{Date: d, Kind: "article", Label: a.Title, Outlet: a.Outlet, Article: a.ID})
	}
	// Each statement is placed on the first day an outlet reported it.
	for _, s := range sts {
		first := TimelineRow{}
		for _, v := range s.Variants {
			d := day(v.Published)
			if d != "" && (first.Date == "" || d < first.Date) {
				first = TimelineRow{Date: d, Kind: "statement", Outlet: v.Outlet, Article: v.Article}
			}
		}
		if first.Date == "" {
			continue
		}
		first.Statement = s.ID
		first.Label = s.Speaker + ": " + clip(s.Text, 90)
		rows = append(rows, first)
	}
	sort.SliceStable(rows, func(i, j int) bool {
		if rows[i].Date != rows[j].Date {
			return rows[i].Date < rows[j].Date
		}
		return rows[i].Kind < rows[j].Kind
	})
	return rows
}

func buildFraming(outlets []string, arts []StoryArticle, byArticle [][]*parallax.Quote, sts []StatementView) []Framing {
	fr := make([]Framing, len(outlets))
	idx := map[string]int{}
	for i, o := range outlets {
		fr[i].Outlet = o
		idx[o] = i
	}
	cues := make([]map[string]int, len(outlets))
	speakers := make([]map[string]int, len(outlets))
	quotedBy := map[string]map[int]bool{}
	for ai, a := range arts {
		i, ok := idx[a.Outlet]
		if !ok {
			continue
		}
		f := &fr[i]
		f.Articles++
		if a.Title != "" {
			f.Titles = append(f.Titles, a.Title)
		}
		if cues[i] == nil {
			cues[i], speakers[i] = map[string]int{}, map[string]int{}
		}
		for _, q := range byArticle[ai] {
			f.Quotes++
			switch q.Kind {
			case parallax.Direct:
				f.Direct++
			case parallax.Indirect:
				f.Indirect++
			case parallax.Mixed:
				f.Mixed++
			}
			if c := strings.ToLower(strings.TrimSpace(q.Cue)); c != "" {
				cues[i][c]++
			}
			if n := q.Speaker.Name; n != "" {
				speakers[i][n]++
				if quotedBy[n] == nil {
					quotedBy[n] = map[int]bool{}
				}
				quotedBy[n][i] = true
			}
		}
	}
	for _, s := range sts {
		carried := map[int]bool{}
		for _, v := range s.Variants {
			if i, ok := idx[v.Outlet]; ok {
				carried[i] = true
			}
		}
		for i := range carried {
			fr[i].Statements++
		}
	}
	for i := range fr {
		fr[i].Cues = counts(cues[i])
		fr[i].Speakers = counts(speakers[i])
		for _, c := range fr[i].Speakers {
			if len(quotedBy[c.Value]) == 1 && len(outlets) > 1 {
				fr[i].Exclusive = append(fr[i].Exclusive, c.Value)
			}
		}
		if fr[i].Titles == nil {
			fr[i].Titles = []string{}
		}
		if fr[i].Exclusive == nil {
			fr[i].Exclusive = []string{}
		}
	}
	return fr
}

// counts turns a tally into a list, most frequent first.
func counts(m map[string]int) []Count {
	out := make([]Count, 0, len(m))
	for v, n := range m {
		out = append(out, Count{v, n})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].N != out[j].N {
			return out[i].N > out[j].N
		}
		return out[i].Value < out[j].Value
	})
	return out
}

// numberContradictions finds statements whose renderings give different
// numbers: a variant's diff removes a figure of the canonical text and
// adds another.
func numberContradictions(sts []StatementView) []Contradiction {
	var out []Contradiction
	for _, s := range sts {
		canon := numbers(s.Text)
		if len(canon) == 0 {
			continue
		}
		var claims []Claim
		for _, v := range s.Variants {
			var removed, added []string
			for _, op := range v.Diff {
				switch op.Op {
				case "-":
					removed = append(removed, numbers(op.Text)...)
				case "+":
					added = append(added, numbers(op.Text)...)
				}
			}
			if len(removed) > 0 && len(added) > 0 {
				claims = append(claims, Claim{Outlet: v.Outlet, Article: v.Article, Quote: v.Quote, Value: strings.Join(added, ", "), Context: clip(v.Text, 160)})
			}
		}
		if len(claims) == 0 {
			continue
		}
		// The canonical rendering's figures are the other side.
		for _, v := range s.Variants {
			if v.Label == string(parallax.VariantIdentical) {
				claims = append([]Claim{{Outlet: v.Outlet, Article: v.Article, Quote: v.Quote, Value: strings.Join(canon, ", "), Context: clip(s.Text, 160)}}, claims...)
				break
			}
		}
		out = append(out, Contradiction{Topic: s.Speaker + ": " + clip(s.Text, 80), Claims: claims})
	}
	return out
}

// numbers returns the words of s that carry a digit, trimmed of edge
// punctuation.
func numbers(s string) []string {
	var out []string
	for _, w := range strings.Fields(s) {
		w = strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		if strings.IndexFunc(w, unicode.IsDigit) >= 0 {
			out = append(out, w)
		}
	}
	return out
}

// clip shortens s to about n bytes at a word boundary, adding "…".
func clip(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) <= n {
		return s
	}
	cut := strings.LastIndexByte(s[:n], ' ')
	if cut < n/2 {
		cut = n
		for cut > 0 && !isRuneStart(s[cut]) {
			cut--
		}
	}
	return s[:cut] + "…"
}

func isRuneStart(b byte) bool { return b&0xC0 != 0x80 }
