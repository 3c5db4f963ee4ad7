package httpapi

import (
	"context"
	"io"
	"net/http"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/export"
	"github.com/parallax-news/parallax/pipeline"
)

// RunnerIngest returns an IngestFunc running a copy of r over each request
// body, read as the input "-".
func RunnerIngest(r pipeline.Runner) IngestFunc {
	return func(ctx context.Context, body io.Reader, _ string) (pipeline.Summary, error) {
		rr := r
		rr.Options.Ingest.Stdin = body
		return rr.Run(ctx, []string{"-"})
	}
}

// SpeakerPage is everything one speaker is quoted saying, newest first.
type SpeakerPage struct {
	Entity export.Entity   `json:"entity"`
	Quotes List[QuoteItem] `json:"quotes"`
	// Total counts the speaker's quotes read (at most 5,000) that pass the
	// min_confidence, since and until filters.
	Total   int     `json:"total"`
	Outlets []Count `json:"outlets"`
	Kinds   []Count `json:"kinds"`
	Cues    []Count `json:"cues"`
	// First and Last bound the dates the speaker is quoted on.
	First string `json:"first"`
	Last  string `json:"last"`
}

// entity finds an entity by id: through the name on one of its quotes,
// or else by a scan of all entities.
func (s *Server) entity(ctx context.Context, id int64) (*parallax.Entity, error) {
	var name string
	err := s.st.Quotes(ctx, parallax.QuoteFilter{Entity: id, Limit: 1}, func(q *parallax.Quote) error {
		name = q.Speaker.Name
		return nil
	})
	if err != nil {
		return nil, err
	}
	var found *parallax.Entity
	look := func(f parallax.EntityFilter) error {
		return s.st.Entities(ctx, f, func(e *parallax.Entity) error {
			if e.ID == id {
				found = e
			}
			return nil
		})
	}
	if name != "" {
		if err := look(parallax.EntityFilter{Name: name}); err != nil {
			return nil, err
		}
	}
	if found == nil {
		if err := look(parallax.EntityFilter{}); err != nil {
			return nil, err
		}
	}
	if found == nil {
		return nil, parallax.Errorf(parallax.ENOTFOUND, "no entity %d", id)
	}
	return found, nil
}

// speakerFilter reads the filters of speaker id's page: min_confidence,
// since and until.
func speakerFilter(r *http.Request, id int64) (parallax.QuoteFilter, error) {
	f := parallax.QuoteFilter{Entity: id}
	var err error
	if f.MinConfidence, err = queryConfidence(r); err != nil {
		return f, err
	}
	f.Since, f.Until, err = queryDays(r)
	return f, err
}

// speakerPage builds the page of entity f.Entity from its quotes that
// pass f.
func (s *Server) speakerPage(r *http.Request, f parallax.QuoteFilter, p page) (*SpeakerPage, error) {
	ctx := r.Context()
	e, err := s.entity(ctx, f.Entity)
	if err != nil {
		return nil, err
	}
	var qs []*parallax.Quote
	f.Limit, f.Offset = maxScan, 0
	err = s.st.Quotes(ctx, f, func(q *parallax.Quote) error {
		qs = append(qs, q)
		return nil
	})
	if err != nil {
		return nil, err
	}
	items, err := s.quoteItems(r, qs)
	if err != nil {
		return nil, err
	}
	sort.SliceStable(items, func(i, j int) bool {
		if a, b := day(items[i].Published), day(items[j].Published); a != b {
			return a > b
		}
		return items[i].ID > items[j].ID
	})
	sp := &SpeakerPage{Entity: export.FromEntity(e), Total: len(items)}
	outlets, kinds, cues := map[string]int{}, map[string]int{}, map[string]int{}
	for _, it := range items {
		outlets[it.Outlet]++
		kinds[it.Kind]++
		if c := strings.ToLower(it.Cue); c != "" {
			cues[c]++
		}
		if d := day(it.Published); d != "" {
			if sp.First == "" || d < sp.First {
				sp.First = d
			}
			if d > sp.Last {
				sp.Last = d
			}
		}
	}
	sp.Outlets, sp.Kinds, sp.Cues = counts(outlets), counts(kinds), counts(cues)
	lo := min(p.offset, len(items))
	hi := min(p.offset+p.limit+1, len(items))
	sp.Quotes = newList(r, p, items[lo:hi])
	return sp, nil
}

// OutletPage is what one outlet covers, whom it quotes and how it
// attributes.
type OutletPage struct {
	Outlet   string            `json:"outlet"`
	Articles List[ArticleItem] `json:"articles"`
	Stories  []export.Story    `json:"stories"`
	// Quotes counts the outlet's quotes read (at most 5,000).
	Quotes   int            `json:"quotes"`
	Speakers []SpeakerCount `json:"speakers"`
	Cues     []Count        `json:"cues"`
	Kinds    []Count        `json:"kinds"`
	// Named is the share of quotes attributed to a named entity rather
	// than to an unresolved mention ("officials", "a source").
	Named float64 `json:"named"`
}

// SpeakerCount is how often a speaker is quoted.
type SpeakerCount struct {
	Name   string `json:"name"`
	Entity int64  `json:"entity,omitempty"`
	N      int    `json:"n"`
}

func (s *Server) outletPage(r *http.Request, name string, p page) (*OutletPage, error) {
	ctx := r.Context()
	op := &OutletPage{Outlet: name, Stories: []export.Story{}}
	arts, err := s.listArticles(r, parallax.ArticleFilter{Outlet: name}, p)
	if err != nil {
		return nil, err
	}
	op.Articles = newList(r, p, arts)

	var qs []*parallax.Quote
	err = s.st.Quotes(ctx, parallax.QuoteFilter{Outlet: name, Limit: maxScan}, func(q *parallax.Quote) error {
		qs = append(qs, q)
		return nil
	})
	if err != nil {
		return nil, err
	}
	type key struct {
		name string
		id   int64
	}
	speakers, cues, kinds := map[key]int{}, map[string]int{}, map[string]int{}
	named := 0
	for _, q := range qs {
		op.Quotes++
		speakers[key{q.Speaker.Name, q.Speaker.EntityID}]++
		kinds[string(q.Kind)]++
		if c := strings.ToLower(q.Cue); c != "" {
			cues[c]++
		}
		if q.Speaker.EntityID != 0 {
			named++
		}
	}
	if op.Quotes > 0 {
		op.Named = float64(named) / float64(op.Quotes)
	}
	for k, n := range speakers {
		op.Speakers = append(op.Speakers, SpeakerCount{Name: k.name, Entity: k.id, N: n})
	}
	sort.Slice(op.Speakers, func(i, j int) bool {
		if op.Speakers[i].N != op.Speakers[j].N {
			return op.Speakers[i].N > op.Speakers[j].N
		}
		return op.Speakers[i].Name < op.Speakers[j].Name
	})
	if len(op.Speakers) > 50 {
		op.Speakers = op.Speakers[:50]
	}
	if op.Speakers == nil {
		op.Speakers = []SpeakerCount{}
	}
	op.Cues, op.Kinds = counts(cues), counts(kinds)

	// Recent stories the outlet is part of.
	if s.cs != nil {
		err = s.cs.Stories(ctx, parallax.StoryFilter{Limit: 500}, func(st *parallax.Story) error {
			if len(op.Stories) < 20 && hasFold(st.Outlets, name) {
				op.Stories = append(op.Stories, export.FromStory(st))
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return op, nil
}

func hasFold(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}

// OutletCount is an outlet and how many articles the store holds from it.
type OutletCount struct {
	Name     string `json:"name"`
	Articles int    `json:"articles"`
}

// OutletCounter is implemented by stores that count articles per outlet
// themselves; others are scanned once and cached until the next ingest.
type OutletCounter interface {
	OutletCounts(ctx context.Context) (map[string]int, error)
}

type outletCache struct {
	mu   sync.Mutex
	gen  int64
	at   time.Time
	list []OutletCount
}

// outletList lists outlets by article count.
func (s *Server) outletList(ctx context.Context) ([]OutletCount, error) {
	c := &s.outlets
	c.mu.Lock()
	defer c.mu.Unlock()
	gen := s.gen.Load()
	if c.list != nil && c.gen == gen && time.Since(c.at) < 5*time.Minute {
		return c.list, nil
	}
	var m map[string]int
	if oc, ok := s.st.(OutletCounter); ok {
		var err error
		if m, err = oc.OutletCounts(ctx); err != nil {
			return nil, err
		}
	} else {
		m = map[string]int{}
		err := s.st.Articles(ctx, parallax.ArticleFilter{}, func(a *parallax.Article) error {
			m[a.Outlet]++
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	list := make([]OutletCount, 0, len(m))
	for name, n := range m {
		if name != "" {
			list = append(list, OutletCount{name, n})
		}
	}
	sort.Slice(list, func(i, j int) bool {
		if list[i].Articles != list[j].Articles {
			return list[i].Articles > list[j].Articles
		}
		return list[i].Name < list[j].Name
	})
	c.list, c.gen, c.at = list, gen, time.Now()
	return list, nil
}
