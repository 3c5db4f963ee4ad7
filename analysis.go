package parallax

// Analysis is everything the per-article stages produce for one article;
// the store saves it as a unit.
type Analysis struct {
	Article   Article
	Sentences []Span
	Entities  []Entity
	Quotes    []Quote
	// Features are per-article blobs for the corpus stages, by kind
	// ("minhash", "story"), computed with the analysis so the
	// single writer only has to index them; stored as CorpusStore features.
	Features map[string][]byte
	// Decoded is Features as the stage that made them left them in
	// memory, for the corpus stages of the same run, which then need not
	// decode them; nil for an analysis read back from a store.
	Decoded any `json:"-"`
	// Prepared is what the store's Prepare made of the analysis ahead of
	// Save (see Preparer); nil when Prepare was not called.
	Prepared any `json:"-"`
}
