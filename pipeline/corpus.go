package pipeline

import (
	"context"
	"fmt"
	"slices"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/align"
	"github.com/parallax-news/parallax/dedup"
	"github.com/parallax-news/parallax/story"
)

// Feature kinds the corpus stages keep per article.
const (
	FeatureMinHash  = "minhash"
	FeatureStory    = "story"
	FeatureTimeline = "timeline"
)

// CorpusDB is a store that also keeps what the corpus stages derive.
type CorpusDB interface {
	parallax.Store
	parallax.CorpusStore
}

// Corpus runs the corpus stages over newly stored articles: duplicate
// detection, incremental event clustering, timelines, and statement
// alignment for the storylines that changed. Its indexes live in memory
// and are rebuilt from the store's features on open, so adding an article
// never re-analyses the ones stored before. It is not safe for concurrent
// use: the runner calls it from its single writer.
type Corpus struct {
	db      CorpusDB
	dups    *dedup.Index
	stories *story.Clusterer
	aligner *align.Aligner

	// dirty holds the storylines whose stories or statements need saving.
	dirty map[int64]bool
}

// OpenCorpus rebuilds the corpus indexes from what db holds.
func OpenCorpus(ctx context.Context, db CorpusDB) (*Corpus, error) {
	c := &Corpus{
		db:      db,
		dups:    dedup.NewIndex(dedup.Options{}),
		stories: story.New(story.Options{}),
		aligner: align.New(align.Options{}),
		dirty:   map[int64]bool{},
	}
	err := db.Features(ctx, FeatureMinHash, func(id int64, blob []byte) error {
		var sig dedup.Signature
		if err := sig.UnmarshalBinary(blob); err != nil {
			return fmt.Errorf("article %d: %w", id, err)
		}
		c.dups.Add(id, sig)
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
	stored := map[int64]int{}
	err = db.Stories(ctx, parallax.StoryFilter{}, func(s *parallax.Story) error {
		stored[s.ID] = len(s.Articles)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read stories: %w", err)
	}
	for _, s := range c.stories.Stories() {
		if n, ok := stored[s.ID]; !ok || n != len(s.Articles) {
			c.dirty[s.Storyline] = true
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
		var sig dedup.Signature
		if err := sig.UnmarshalBinary(an.Features[FeatureMinHash]); err != nil {
			return fmt.Errorf("article %d: %w", id, err)
		}
		if d, ok := c.dups.Add(id, sig); ok {
			if err := c.db.SaveDuplicate(ctx, d); err != nil {
				return err
			}
		}
		p, err := story.LoadFeatures(id, an.Features[FeatureStory])
		if err != nil {
			return fmt.Errorf("article %d: %w", id, err)
		}
		c.dirty[c.stories.AddProfile(p).Storyline] = true
	}
	return nil
}

// Flush saves the stories of every changed storyline and re-aligns their
// statements.
func (c *Corpus) Flush(ctx context.Context) error {
	if len(c.dirty) == 0 {
		return nil
	}
	byLine := map[int64][]*parallax.Story{}
	for _, s := range c.stories.Stories() {
		if c.dirty[s.Storyline] {
			byLine[s.Storyline] = append(byLine[s.Storyline], s)
		}
	}
	lines := make([]int64, 0, len(byLine))
	for l := range byLine {
		lines = append(lines, l)
	}
	slices.Sort(lines)
	for _, l := range lines {
		if err := c.flushLine(ctx, byLine[l]); err != nil {
			return fmt.Errorf("storyline %d: %w", l, err)
		}
		delete(c.dirty, l)
	}
	return nil
}

// flushLine saves one storyline's stories and aligns the quotes of all
// of them together, so a claim repeated at a later event is linked to its
// first utterance.
func (c *Corpus) flushLine(ctx context.Context, stories []*parallax.Story) error {
	storyOf := map[int64]int64{}
	var items []align.Item
	for _, s := range stories {
		if err := c.db.SaveStory(ctx, s); err != nil {
			return err
		}
		for _, id := range s.Articles {
			storyOf[id] = s.ID
			a, err := c.db.Article(ctx, id)
			if err != nil {
				return err
			}
			pub, _ := a.PublishedTime()
			var qs []*parallax.Quote
			if err := c.db.Quotes(ctx, parallax.QuoteFilter{Article: id}, func(q *parallax.Quote) error {
				qs = append(qs, q)
				return nil
			}); err != nil {
				return err
			}
			for _, q := range qs {
				items = append(items, align.Item{
					Quote: *q, Outlet: a.Outlet, Published: pub, ArticleID: id,
					Position: float64(q.Span.Start) / float64(max(1, len(a.Raw))),
				})
			}
		}
	}
	sts := c.aligner.Align(items)

	// Statement ids are derived from the story and the position in it,
	// so they are stable across re-alignments and unique across stories.
	quoteArticle := map[int64]int64{}
	for _, it := range items {
		quoteArticle[it.Quote.ID] = it.ArticleID
	}
	perStory := map[int64][]*parallax.Statement{}
	local := map[int64]int64{} // aligner's id → stored id
	for _, st := range sts {
		if len(st.Quotes) == 0 {
			continue
		}
		sid := storyOf[quoteArticle[st.Quotes[0].Quote]]
		perStory[sid] = append(perStory[sid], st)
		n := int64(len(perStory[sid]))
		local[st.ID] = sid<<16 | n
	}
	for _, st := range sts {
		st.ID = local[st.ID]
		st.RepetitionOf = local[st.RepetitionOf]
	}
	for _, s := range stories {
		if err := c.db.ReplaceStatements(ctx, s.ID, perStory[s.ID]); err != nil {
			return err
		}
	}
	return nil
}

// StoryDoc is what the event clusterer needs of an analysed article:
// entities count once per mention, so the main actors weigh most.
func StoryDoc(an *parallax.Analysis) story.Doc {
	a := &an.Article
	d := story.Doc{ID: a.ID, Title: a.Title, Text: a.Text, Outlet: a.Outlet}
	if t, ok := a.PublishedTime(); ok {
		d.Published = t
	}
	for _, e := range an.Entities {
		for range max(1, len(e.Mentions)) {
			d.Entities = append(d.Entities, e.Key)
		}
	}
	return d
}
