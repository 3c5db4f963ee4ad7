package parallax

// Analysis is everything the per-article stages produce for one article;
// the store saves it as a unit.
type Analysis struct {
	Article   Article
	Sentences []Span
	Entities  []Entity
	Quotes    []Quote
}
