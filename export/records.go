package export

import "github.com/parallax-news/parallax"

// Article is the exported shape of an article.
type Article struct {
	ID        int64   `json:"id"`
	Source    string  `json:"source"`
	SourceID  *string `json:"source_id"`
	URL       string  `json:"url"`
	Outlet    string  `json:"outlet"`
	Title     string  `json:"title"`
	Published *string `json:"published"`
	Language  string  `json:"language"`
	Dateline  string  `json:"dateline"`
	Byline    string  `json:"byline,omitempty"`
	Text      string  `json:"text"`
}

// Speaker is the exported shape of a quote's speaker. Offsets are bytes
// into the record's source text; null when no mention was found.
type Speaker struct {
	Name         string `json:"name"`
	Mention      string `json:"mention"`
	MentionStart *int   `json:"mention_start"`
	MentionEnd   *int   `json:"mention_end"`
	Entity       *int64 `json:"entity"`
}

// Quote is the exported shape of a quote.
type Quote struct {
	ID          int64   `json:"id"`
	Article     int64   `json:"article"`
	Text        string  `json:"text"`
	Kind        string  `json:"kind"`
	Cue         string  `json:"cue"`
	CueStart    *int    `json:"cue_start"`
	CueEnd      *int    `json:"cue_end"`
	Speaker     Speaker `json:"speaker"`
	SourceStart int     `json:"source_start"`
	SourceEnd   int     `json:"source_end"`
	Confidence  float64 `json:"confidence"`
}

// Entity is the exported shape of an entity.
type Entity struct {
	ID      int64    `json:"id"`
	Name    string   `json:"name"`
	Kind    string   `json:"kind"` // person, organization, location ("type" names the record in NDJSON)
	Titles  []string `json:"titles"`
	Aliases []string `json:"aliases"`
}

// Story is the exported shape of a story.
type Story struct {
	ID        int64    `json:"id"`
	Title     string   `json:"title"`
	Start     string   `json:"start"`
	End       string   `json:"end"`
	Storyline int64    `json:"storyline"`
	Articles  []int64  `json:"articles"`
	Outlets   []string `json:"outlets"`
}

// Variant is one quote of a statement, with its label.
type Variant struct {
	Quote int64             `json:"quote"`
	Label string            `json:"label"`
	Score float64           `json:"score"`
	Diff  []parallax.DiffOp `json:"diff,omitempty"`
}

// Statement is the exported shape of a statement.
type Statement struct {
	ID           int64     `json:"id"`
	Story        int64     `json:"story"`
	Speaker      string    `json:"speaker"`
	Text         string    `json:"text"`
	Quotes       []Variant `json:"quotes"`
	RepetitionOf *int64    `json:"repetition_of"`
}

func strPtr(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func spanPtrs(sp parallax.Span) (*int, *int) {
	if sp.Empty() {
		return nil, nil
	}
	s, e := sp.Start, sp.End
	return &s, &e
}

// FromArticle converts an article to its exported shape.
func FromArticle(a *parallax.Article) Article {
	return Article{
		ID: a.ID, Source: a.Source, SourceID: strPtr(a.SourceID), URL: a.URL, Outlet: a.Outlet,
		Title: a.Title, Published: strPtr(a.Published), Language: a.Language, Dateline: a.Dateline,
		Byline: a.Byline, Text: a.Text,
	}
}

// FromQuote converts a quote to its exported shape.
func FromQuote(q *parallax.Quote) Quote {
	out := Quote{
		ID: q.ID, Article: q.Article, Text: q.Text, Kind: string(q.Kind), Cue: q.Cue,
		SourceStart: q.Span.Start, SourceEnd: q.Span.End, Confidence: q.Confidence,
		Speaker: Speaker{Name: q.Speaker.Name, Mention: q.Speaker.Mention},
	}
	out.CueStart, out.CueEnd = spanPtrs(q.CueSpan)
	out.Speaker.MentionStart, out.Speaker.MentionEnd = spanPtrs(q.Speaker.MentionSpan)
	if q.Speaker.EntityID != 0 {
		id := q.Speaker.EntityID
		out.Speaker.Entity = &id
	}
	return out
}

// FromEntity converts an entity to its exported shape.
func FromEntity(e *parallax.Entity) Entity {
	out := Entity{ID: e.ID, Name: e.Name, Kind: string(e.Type), Titles: e.Titles, Aliases: e.Aliases}
	if out.Titles == nil {
		out.Titles = []string{}
	}
	if out.Aliases == nil {
		out.Aliases = []string{}
	}
	return out
}

// FromStory converts a story to its exported shape.
func FromStory(s *parallax.Story) Story {
	out := Story{ID: s.ID, Title: s.Title, Start: s.Start, End: s.End, Storyline: s.Storyline, Articles: s.Articles, Outlets: s.Outlets}
	if out.Articles == nil {
		out.Articles = []int64{}
	}
	if out.Outlets == nil {
		out.Outlets = []string{}
	}
	return out
}

// FromStatement converts a statement to its exported shape.
func FromStatement(s *parallax.Statement) Statement {
	out := Statement{ID: s.ID, Story: s.Story, Speaker: s.Speaker, Text: s.Text, Quotes: make([]Variant, len(s.Quotes))}
	for i, v := range s.Quotes {
		out.Quotes[i] = Variant{Quote: v.Quote, Label: string(v.Label), Score: v.Score, Diff: v.Diff}
	}
	if s.RepetitionOf != 0 {
		r := s.RepetitionOf
		out.RepetitionOf = &r
	}
	return out
}
