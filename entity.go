package parallax

// EntityType is the class of a named entity.
type EntityType string

const (
	Person       EntityType = "person"
	Organization EntityType = "organization"
	Location     EntityType = "location"
)

// MentionKind tells how an entity is mentioned.
type MentionKind string

const (
	MentionName    MentionKind = "name"    // "Vladimir Putin", "Mr Putin", "Putin"
	MentionNominal MentionKind = "nominal" // "the Russian leader", "the president"
	MentionPronoun MentionKind = "pronoun" // "he", "she", "they"
)

// Mention is one place an entity is referred to in an article.
type Mention struct {
	Span Span        `json:"span"`
	Text string      `json:"text"`
	Kind MentionKind `json:"kind"`
}

// Entity is a person, organisation or place, with the aliases and mentions
// that refer to it. Within one analysis an entity is identified by Key;
// across the store by ID.
type Entity struct {
	ID int64 `json:"id"`
	// Key is the normalised canonical name, e.g. "vladimir putin"; the same
	// key in two articles is the same entity.
	Key string `json:"key"`
	// Name is the fullest name seen, e.g. "Vladimir Putin".
	Name string     `json:"name"`
	Type EntityType `json:"type"`
	// Titles are role words seen with the name ("President", "Russian leader").
	Titles []string `json:"titles,omitempty"`
	// Aliases are the distinct surface forms seen ("Mr Putin", "Putin").
	Aliases  []string  `json:"aliases"`
	Mentions []Mention `json:"mentions,omitempty"`
}
