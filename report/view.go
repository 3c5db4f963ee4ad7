package report

import (
	"context"
	"fmt"
	"slices"
	"sync"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/compare"
	"github.com/parallax-news/parallax/story"
	"github.com/parallax-news/parallax/textproc"
)

// Store is what Build reads.
type Store interface {
	parallax.Store
	parallax.CorpusStore
}

// View is one story in full.
type View struct {
	Story      *parallax.Story
	Storyline  []*parallax.Story // the story's storyline, oldest first, itself included
	Articles   []*parallax.Article
	Quotes     []parallax.Quote
	Statements []*parallax.Statement
	Duplicates []parallax.Duplicate
	Timeline   []parallax.TimelineGroup

	Coverage       compare.Matrix
	Framing        []compare.OutletFraming
	Contradictions []compare.Contradiction

	article map[int64]*parallax.Article
	quote   map[int64]*parallax.Quote
}

// Article returns the story's article with id, or nil.
func (v *View) Article(id int64) *parallax.Article { return v.article[id] }

// Quote returns the story's quote with id, or nil.
func (v *View) Quote(id int64) *parallax.Quote { return v.quote[id] }

// Outlet returns the outlet of article id, or "".
func (v *View) Outlet(id int64) string {
	if a := v.article[id]; a != nil {
		return a.Outlet
	}
	return ""
}

// Statement returns the statement with id, or nil.
func (v *View) Statement(id int64) *parallax.Statement {
	for _, s := range v.Statements {
		if s.ID == id {
			return s
		}
	}
	return nil
}

// Build reads story id and everything about it from st.
func Build(ctx context.Context, st Store, id int64) (*View, error) {
	s, err := st.Story(ctx, id)
	if err != nil {
		return nil, err
	}
	v := &View{Story: s, article: map[int64]*parallax.Article{}, quote: map[int64]*parallax.Quote{}}
	if s.Storyline != 0 {
		err := st.Stories(ctx, parallax.StoryFilter{Storyline: s.Storyline}, func(o *parallax.Story) error {
			v.Storyline = append(v.Storyline, o)
			return nil
		})
		if err != nil {
			return nil, err
		}
		slices.Reverse(v.Storyline) // the store lists newest first
	}
	var entries []parallax.TimelineEntry
	for _, aid := range s.Articles {
		a, err := st.Article(ctx, aid)
		if err != nil {
			return nil, fmt.Errorf("article %d: %w", aid, err)
		}
		v.Articles = append(v.Articles, a)
		v.article[aid] = a
		if err := st.Quotes(ctx, parallax.QuoteFilter{Article: aid}, func(q *parallax.Quote) error {
			v.Quotes = append(v.Quotes, *q)
			return nil
		}); err != nil {
			return nil, err
		}
		entries = append(entries, Timeline(a)...)
	}
	for i := range v.Quotes {
		v.quote[v.Quotes[i].ID] = &v.Quotes[i]
	}
	if err := st.Statements(ctx, parallax.StatementFilter{Story: id}, func(s *parallax.Statement) error {
		v.Statements = append(v.Statements, s)
		return nil
	}); err != nil {
		return nil, err
	}
	if err := st.Duplicates(ctx, func(d parallax.Duplicate) error {
		if v.article[d.Article] != nil {
			v.Duplicates = append(v.Duplicates, d)
		}
		return nil
	}); err != nil {
		return nil, err
	}
	v.Timeline = story.MergeTimeline(entries)

	in := compare.Input{Articles: v.Articles, Quotes: v.Quotes, Statements: v.Statements, Duplicates: v.Duplicates}
	v.Coverage = compare.Coverage(in)
	v.Framing = compare.Framing(in)
	v.Contradictions = compare.Contradictions(compare.Facts(in))
	return v, nil
}

// sentencer splits articles into sentences for timelines; loaded once.
var sentencer = sync.OnceValue(textproc.New)

// Timeline returns the dated happenings article a mentions, resolved
// against its publication date. It is computed when a story is read, not
// at ingest: few articles are ever shown, and all are ingested.
func Timeline(a *parallax.Article) []parallax.TimelineEntry {
	doc := sentencer().Analyze(a.Raw, a.Paragraphs)
	sents := make([]parallax.Span, len(doc.Sentences))
	for i, s := range doc.Sentences {
		sents[i] = s.Span
	}
	es := story.Timeline(a, sents)
	for i := range es {
		es[i].Article = a.ID
	}
	return es
}
