package pipeline

import (
	"cmp"
	"context"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"sync"

	"golang.org/x/sync/errgroup"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/align"
	"github.com/parallax-news/parallax/dedup"
	"github.com/parallax-news/parallax/story"
)

// Feature kinds the corpus stages keep per article.
const (
	FeatureMinHash = "minhash"
	FeatureStory   = "story"
)

// CorpusDB is a store that also keeps what the corpus stages derive.
type CorpusDB interface {
	parallax.Store
	parallax.CorpusStore
}

// Corpus runs the corpus stages over newly stored articles: duplicate
// detection and incremental event clustering, from the features the
// workers computed. Its indexes live in memory and are
// rebuilt from the store's features on open, so adding an article never
// re-analyses the ones stored before. Statements are aligned later, on
// demand (Statements). It is not safe for concurrent use: the runner calls
// it from its single writer.
type Corpus struct {
	db      CorpusDB
	dups    *dedup.Index
	stories *story.Clusterer

	// dirty holds the stories whose articles or statements need saving.
	dirty map[int64]bool
	// found holds the duplicates found since the last Flush. They are saved
	// with the stories: a write of its own would wait for the batch the
	// runner is saving.
	found []parallax.Duplicate
}

// OpenCorpus rebuilds the corpus indexes from what db holds.
func OpenCorpus(ctx context.Context, db CorpusDB) (*Corpus, error) {
	c := &Corpus{
		db:      db,
		dups:    dedup.NewIndex(dedup.Options{}),
		stories: story.New(story.Options{}),
		dirty:   map[int64]bool{},
	}
	stored := map[int64]bool{}
	err := db.Duplicates(ctx, func(d parallax.Duplicate) error {
		stored[d.Article] = true
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read duplicates: %w", err)
	}
	// Replaying the signatures in article order finds the duplicates
	// again: a run interrupted before saving them left them out.
	err = db.Features(ctx, FeatureMinHash, func(id int64, blob []byte) error {
		var sig dedup.Signature
		if err := sig.UnmarshalBinary(blob); err != nil {
			return fmt.Errorf("article %d: %w", id, err)
		}
		if d, ok := c.dups.Add(id, sig); ok && !stored[id] {
			c.found = append(c.found, d)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("rebuild duplicate index: %w", err)
	}
	// Replaying the profiles in article order reproduces the stories
	// exactly: clustering is deterministic in its input order.
	err = db.Features(ctx, FeatureStory, func(id int64, blob []byte) error {
		p, err := story.LoadFeatures(id, blob)
		if err != nil {
			return fmt.Errorf("article %d: %w", id, err)
		}
		c.stories.AddProfile(p)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("rebuild story index: %w", err)
	}
	// A run interrupted between saving articles and saving their stories
	// leaves stored stories behind the index: mark those storylines.
	members := map[int64]int{}
	err = db.Stories(ctx, parallax.StoryFilter{}, func(s *parallax.Story) error {
		members[s.ID] = len(s.Articles)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read stories: %w", err)
	}
	for _, s := range c.stories.Stories() {
		if n, ok := members[s.ID]; !ok || n != len(s.Articles) {
			c.dirty[s.ID] = true
		}
	}
	return c, nil
}

// Add runs the corpus stages on the articles of a saved batch that were
// newly created, from the features the workers computed. It is shaped as
// Options.AfterSave.
func (c *Corpus) Add(ctx context.Context, batch []*parallax.Analysis, res []parallax.SaveResult) error {
	for i, an := range batch {
		if !res[i].Created || an.Features == nil {
			continue
		}
		id := an.Article.ID // Save stored an.Features with the article
		f, ok := an.Decoded.(*decoded)
		if !ok {
			f = &decoded{}
			if err := f.sig.UnmarshalBinary(an.Features[FeatureMinHash]); err != nil {
				return fmt.Errorf("article %d: %w", id, err)
			}
			p, err := story.LoadFeatures(id, an.Features[FeatureStory])
			if err != nil {
				return fmt.Errorf("article %d: %w", id, err)
			}
			f.prof = p
		}
		f.prof.ID = id
		if d, ok := c.dups.Add(id, f.sig); ok {
			c.found = append(c.found, d)
		}
		c.dirty[c.stories.AddProfile(f.prof).Story] = true
	}
	return nil
}

// Flush saves the duplicates found and every changed story. The stories'
// statements are left stale, to be aligned when first needed (Statements).
func (c *Corpus) Flush(ctx context.Context) error {
	if err := c.db.SaveDuplicates(ctx, c.found...); err != nil {
		return fmt.Errorf("save duplicates: %w", err)
	}
	c.found = c.found[:0]
	if len(c.dirty) == 0 {
		return nil
	}
	var ss []*parallax.Story
	for _, s := range c.stories.Stories() {
		if c.dirty[s.ID] {
			ss = append(ss, s)
		}
	}
	if err := c.db.SaveStories(ctx, ss...); err != nil {
		return fmt.Errorf("save stories: %w", err)
	}
	clear(c.dirty)
	return nil
}

// Statements keeps the statements of a store's stories up to date. A
// story whose articles changed is stale; its quotes are aligned into
// statements when it is next asked for, and linked to the statements of
// the earlier stories of its storyline that they repeat. Aligning on
// demand keeps ingest fast: alignment costs far more per quote than any
// per-article stage, and most stories are read far less often than they
// change during a bulk ingest. It is safe for concurrent use.
type Statements struct {
	db CorpusDB
	al *align.Aligner
	mu sync.Mutex // one alignment at a time: a story is not aligned twice
}

// NewStatements returns a Statements over db.
func NewStatements(db CorpusDB) *Statements {
	return &Statements{db: db, al: align.New(align.Options{})}
}

// Story brings the statements of story id up to date, and those of the
// earlier stories of its storyline first.
func (s *Statements) Story(ctx context.Context, id int64) error {
	st, err := s.db.Story(ctx, id)
	if err != nil {
		return err
	}
	if !st.Stale {
		return nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.line(ctx, st.Storyline, st)
}

// All brings every stale story up to date, storylines in parallel.
func (s *Statements) All(ctx context.Context) error {
	lines := map[int64]*parallax.Story{} // storyline → its newest stale story
	err := s.db.Stories(ctx, parallax.StoryFilter{Stale: true}, func(st *parallax.Story) error {
		if o, ok := lines[st.Storyline]; !ok || older(o, st) < 0 {
			lines[st.Storyline] = st
		}
		return nil
	})
	if err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(runtime.GOMAXPROCS(0))
	for l, newest := range lines {
		g.Go(func() error { return s.line(gctx, l, newest) })
	}
	return g.Wait()
}

// line aligns the stale stories of storyline l up to and including
// target, oldest first; s.mu is held.
func (s *Statements) line(ctx context.Context, l int64, target *parallax.Story) error {
	var all []*parallax.Story
	if l == 0 {
		all = []*parallax.Story{target}
	} else if err := s.db.Stories(ctx, parallax.StoryFilter{Storyline: l}, func(st *parallax.Story) error {
		all = append(all, st)
		return nil
	}); err != nil {
		return err
	}
	slices.SortFunc(all, older)
	for i, st := range all {
		if older(target, st) < 0 {
			break
		}
		if st.Stale {
			if err := s.align(ctx, st, all[:i]); err != nil {
				return fmt.Errorf("story %d: %w", st.ID, err)
			}
		}
	}
	return nil
}

// older orders stories by start date, then id.
func older(a, b *parallax.Story) int {
	if a.Start != b.Start {
		return strings.Compare(a.Start, b.Start)
	}
	return cmp.Compare(a.ID, b.ID)
}

// align aligns the quotes of one story's articles into statements.
func (s *Statements) align(ctx context.Context, st *parallax.Story, earlier []*parallax.Story) error {
	var items []align.Item
	for _, id := range st.Articles {
		a, err := s.db.Article(ctx, id)
		if err != nil {
			return err
		}
		pub, _ := a.PublishedTime()
		err = s.db.Quotes(ctx, parallax.QuoteFilter{Article: id}, func(q *parallax.Quote) error {
			items = append(items, align.Item{
				Quote: *q, Outlet: a.Outlet, Published: pub, ArticleID: id,
				Position: float64(q.Span.Start) / float64(max(1, len(a.Raw))),
				Headline: !a.TitleSpan.Empty() && q.Span.Start >= a.TitleSpan.Start && q.Span.End <= a.TitleSpan.End,
			})
			return nil
		})
		if err != nil {
			return err
		}
	}
	sts := s.al.Align(items)

	// Statement ids derive from the story and the position in it: stable
	// across re-alignments and unique across stories.
	local := make(map[int64]int64, len(sts))
	for i, x := range sts {
		local[x.ID] = st.ID<<16 | int64(i+1)
	}
	for _, x := range sts {
		x.ID, x.RepetitionOf = local[x.ID], local[x.RepetitionOf]
	}
	var prev []*parallax.Statement
	for _, o := range earlier {
		err := s.db.Statements(ctx, parallax.StatementFilter{Story: o.ID}, func(x *parallax.Statement) error {
			prev = append(prev, x)
			return nil
		})
		if err != nil {
			return err
		}
	}
	s.al.LinkRepetitions(sts, prev)
	return s.db.ReplaceStatements(ctx, st.ID, sts)
}

// StoryDoc is what the event clusterer needs of an analysed article.
// Each entity counts once: weighting by mentions let one prolific actor
// pull unrelated events together (BASIL pairwise F1 0.931 against 0.97).
func StoryDoc(an *parallax.Analysis) story.Doc {
	a := &an.Article
	d := story.Doc{ID: a.ID, Title: a.Title, Text: a.Text, Outlet: a.Outlet}
	if t, ok := a.PublishedTime(); ok {
		d.Published = t
	}
	for _, e := range an.Entities {
		d.Entities = append(d.Entities, e.Key)
	}
	return d
}
