package parallax

import "context"

// CorpusStore keeps what the corpus stages (dedup, stories, statements)
// derive across articles. Stores implementing Store also implement it.
type CorpusStore interface {
	// SaveFeatures keeps an opaque per-article blob for a corpus stage
	// (kind "minhash", "story", …) so its index can be rebuilt on start
	// without re-analysing articles.
	SaveFeatures(ctx context.Context, article int64, kind string, blob []byte) error
	// Features calls fn for every stored blob of kind, in article order.
	Features(ctx context.Context, kind string, fn func(article int64, blob []byte) error) error
	// Feature returns one article's blob of kind; ErrNotFound if absent.
	Feature(ctx context.Context, article int64, kind string) ([]byte, error)

	// SaveDuplicates records, all or none, that each d.Article duplicates
	// d.Original, replacing an earlier record for d.Article.
	SaveDuplicates(ctx context.Context, ds ...Duplicate) error
	Duplicates(ctx context.Context, fn func(Duplicate) error) error

	// SaveStories stores the stories, all or none: each is inserted when
	// its ID is 0 (setting it) and replaced otherwise; either way it is then
	// stale until its statements are replaced.
	SaveStories(ctx context.Context, ss ...*Story) error
	Story(ctx context.Context, id int64) (*Story, error)
	// Stories calls fn for each story, newest (by End) first.
	Stories(ctx context.Context, f StoryFilter, fn func(*Story) error) error

	// ReplaceStatements replaces the statements of a story and clears its
	// Stale mark.
	ReplaceStatements(ctx context.Context, story int64, sts []*Statement) error
	Statements(ctx context.Context, f StatementFilter, fn func(*Statement) error) error
}

// StoryFilter selects stories; zero fields match everything.
type StoryFilter struct {
	Storyline int64
	Article   int64
	Stale     bool // only stories whose statements are out of date
	Limit     int
	Offset    int
}

// StatementFilter selects statements; zero fields match everything.
type StatementFilter struct {
	Story   int64
	Speaker string
	Limit   int
	Offset  int
}
