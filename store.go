package parallax

import "context"

// Preparer is implemented by a Store that can do part of Save's work on
// one analysis without the database. Prepare is safe for concurrent use;
// a caller with several goroutines calls it on each analysis before
// Save, which runs one at a time, so that Save has less to do. The
// analysis must not change between the two calls.
type Preparer interface {
	Prepare(*Analysis)
}

// Store keeps analyses and answers queries over them. Implementations
// (sqlite, postgres) are safe for concurrent use.
type Store interface {
	// Save stores analyses in one transaction: either all of them are
	// stored or none. An analysis whose article body (Article.Hash) is
	// already stored is not stored again; its result has Created false and
	// the existing ID. Save sets Article.ID, Quote.ID, Quote.Article and
	// Speaker.EntityID, Entity.ID in the analyses it stores, and keeps
	// Analysis.Features as the article's CorpusStore features.
	Save(ctx context.Context, as []*Analysis) ([]SaveResult, error)

	// HasSource reports whether a record with this source name and source
	// text hash was already stored, so a re-run can skip it cheaply. It may
	// miss a record another process stored meanwhile: analysed again, its
	// body is still stored once.
	HasSource(ctx context.Context, source, rawHash string) (bool, error)

	// Article returns one article with its Raw text; ErrNotFound if absent.
	Article(ctx context.Context, id int64) (*Article, error)
	// Articles calls fn for each matching article, in id order, streaming.
	Articles(ctx context.Context, f ArticleFilter, fn func(*Article) error) error
	// Quotes calls fn for each matching quote, in (article, position) order.
	Quotes(ctx context.Context, f QuoteFilter, fn func(*Quote) error) error
	// Entities calls fn for each matching entity, by id.
	Entities(ctx context.Context, f EntityFilter, fn func(*Entity) error) error
	// Stats counts what is stored.
	Stats(ctx context.Context) (Stats, error)

	Close() error
}

// SaveResult is the outcome of saving one analysis.
type SaveResult struct {
	ID      int64
	Created bool
}

// ArticleFilter selects articles; zero fields match everything.
type ArticleFilter struct {
	IDs    []int64
	Outlet string // case-insensitive substring
	Since  string // published on or after, "YYYY-MM-DD"
	Until  string // published on or before
	Query  string // full-text query
	// WithRaw asks for Article.Raw and Paragraphs to be filled.
	WithRaw bool
	Limit   int
	Offset  int
}

// QuoteFilter selects quotes; zero fields match everything.
type QuoteFilter struct {
	Article int64
	Speaker string // case-insensitive substring of the speaker's name or mention
	Entity  int64
	Outlet  string
	// Since and Until bound, inclusively, the day the quote's article was
	// published ("YYYY-MM-DD", as ArticleFilter's); with either set, the
	// quotes of undated articles are left out. A malformed date is an
	// EINVALID error.
	Since string
	Until string
	Kind  QuoteKind
	// MinConfidence leaves out quotes less confident than this.
	MinConfidence float64
	Query         string // full-text query over quote text
	Limit         int
	Offset        int
}

// EntityFilter selects entities; zero fields match everything.
type EntityFilter struct {
	Name string // case-insensitive substring of name or alias
	Type EntityType
	// Limit and Offset page through the result.
	Limit  int
	Offset int
}

// Stats counts stored items.
type Stats struct {
	Articles int `json:"articles"`
	Quotes   int `json:"quotes"`
	Entities int `json:"entities"`
	Outlets  int `json:"outlets"`
}
