package parallax

// DupKind says how an article duplicates another.
type DupKind string

const (
	DupExact      DupKind = "exact"      // same cleaned body
	DupNear       DupKind = "near"       // nearly the same body
	DupSyndicated DupKind = "syndicated" // a wire story re-posted, possibly trimmed or re-headlined
)

// Duplicate links an article to the earlier one it copies.
type Duplicate struct {
	Article    int64   `json:"article"`
	Original   int64   `json:"original"`
	Kind       DupKind `json:"kind"`
	Similarity float64 `json:"similarity"`
}

// Story is one event: the articles reporting the same happening.
type Story struct {
	ID    int64  `json:"id"`
	Title string `json:"title"`
	// Start and End bound the event's dates, "YYYY-MM-DD".
	Start     string   `json:"start"`
	End       string   `json:"end"`
	Storyline int64    `json:"storyline"`
	Articles  []int64  `json:"articles"`
	Outlets   []string `json:"outlets"`
	// Stale is set by the store when the story changed after its
	// statements were last replaced.
	Stale bool `json:"-"`
}

// VariantLabel says how one quote renders a statement's canonical text.
type VariantLabel string

const (
	VariantIdentical VariantLabel = "identical"
	VariantTruncated VariantLabel = "truncated"
	VariantReworded  VariantLabel = "reworded"
	VariantIndirect  VariantLabel = "reported"
)

// DiffOp is one step of a word-level diff from a canonical text to a variant.
type DiffOp struct {
	Op   string `json:"op"` // "=", "-", "+"
	Text string `json:"text"`
}

// Variant is one quote's rendering of a statement.
type Variant struct {
	Quote int64        `json:"quote"`
	Label VariantLabel `json:"label"`
	Score float64      `json:"score"`
	Diff  []DiffOp     `json:"diff,omitempty"`
}

// Statement is one utterance of one speaker, as rendered by the quotes of
// one or more articles.
type Statement struct {
	ID      int64  `json:"id"`
	Story   int64  `json:"story"`
	Speaker string `json:"speaker"`
	// Text is the canonical rendering: the fullest direct quote.
	Text   string    `json:"text"`
	Quotes []Variant `json:"quotes"`
	// RepetitionOf links a claim repeated on a later day to the earlier statement.
	RepetitionOf int64 `json:"repetition_of,omitempty"`
}
