package parallax

// QuoteKind classifies a quotation.
type QuoteKind string

const (
	// Direct: the speaker's words inside quotation marks.
	Direct QuoteKind = "direct"
	// Indirect: reported speech with no quotation marks ("he said that …").
	Indirect QuoteKind = "indirect"
	// Mixed: reported speech containing a quoted fragment.
	Mixed QuoteKind = "mixed"
)

// Quote is one attributed statement in an article.
type Quote struct {
	ID      int64     `json:"id"`
	Article int64     `json:"article"`
	Kind    QuoteKind `json:"kind"`
	// Text is the quoted content as written (for a direct quote running over
	// several paragraphs, the paragraphs' contents joined by "\n\n").
	Text string `json:"text"`
	// Span covers the content in Article.Raw; for a multi-paragraph quote it
	// runs from the first opening mark's content to the last closing one.
	Span Span `json:"span"`
	// Cue is the attributing verb or phrase ("said", "according to"), as written.
	Cue     string  `json:"cue"`
	CueSpan Span    `json:"cue_span"`
	Speaker Speaker `json:"speaker"`
	// Confidence in [0,1] of the extraction and attribution.
	Confidence float64 `json:"confidence"`
}

// Speaker is who a quote is attributed to.
type Speaker struct {
	// Name is the resolved canonical name ("Vladimir Putin"), or the
	// mention itself when it could not be resolved to a named entity.
	Name string `json:"name"`
	// Mention is the words naming the speaker where the quote is attributed
	// ("he", "the Russian leader", "Mr Putin"), and MentionSpan where.
	Mention     string `json:"mention"`
	MentionSpan Span   `json:"mention_span"`
	// EntityKey is the Entity.Key within the analysis; EntityID the stored id.
	EntityKey string `json:"entity_key"`
	EntityID  int64  `json:"entity"`
}
