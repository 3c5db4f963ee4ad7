package parallax

import "time"

// Record is one input document as ingest reads it, before cleaning.
type Record struct {
	// Source names where the record came from: the input path, "PATH#N"
	// for the Nth record (from 1) of a JSONL or WARC file, "-" for stdin.
	Source string
	// SourceID is the record's own id field, when it had one.
	SourceID string
	// Format is the input format: "text", "html", "jsonl" or "warc".
	Format string
	// Metadata the record carried itself; empty when it carried none.
	URL, Outlet, Title, Published, Language string
	// Text is the source text every offset refers to: the file's bytes for
	// a text file, the decoded text field for JSONL, the extracted main text
	// for HTML and WARC.
	Text string
	// Page is an HTML page (UTF-8) whose extraction was left to the
	// analysis workers (ingest.Options.DeferExtract); Text is empty until
	// ingest.Complete fills it.
	Page []byte
	// Meta keeps fields of the record that Parallax has no column for.
	Meta map[string]any
}

// Article is a cleaned, described news article.
type Article struct {
	ID int64 `json:"id"`
	// Hash is BodyHash(Text); one article per distinct body.
	Hash     string `json:"-"`
	Source   string `json:"source"`
	SourceID string `json:"source_id"`
	URL      string `json:"url"`
	Outlet   string `json:"outlet"`
	Title    string `json:"title"`
	// Published is "YYYY-MM-DD" or RFC 3339; "" when unknown.
	Published string `json:"published"`
	Language  string `json:"language"`
	Dateline  string `json:"dateline"`
	Byline    string `json:"byline"`
	// Text is the cleaned body: the kept paragraphs of Raw joined by "\n\n".
	Text string `json:"text"`
	// Raw is the record's source text (Record.Text); spans index into it.
	Raw string `json:"-"`
	// RawHash is RawHash(Raw) when set: the pipeline's workers fill it, so
	// Store.Save need not hash Raw on its single writer; Save computes it
	// when empty. Stores do not read it back.
	RawHash string `json:"-"`
	// Paragraphs are the spans of Raw kept as body, in order.
	Paragraphs []Span `json:"-"`
	// TitleSpan, DateSpan and DatelineSpan locate those fields in Raw when
	// they were read from the text itself; zero otherwise.
	TitleSpan    Span `json:"-"`
	DateSpan     Span `json:"-"`
	DatelineSpan Span `json:"-"`
	// Removed are the spans of Raw dropped as boilerplate or comments,
	// with the reason for each.
	Removed []Removal      `json:"-"`
	Meta    map[string]any `json:"-"`
	// Ingested is when the article was first stored.
	Ingested time.Time `json:"-"`
}

// Removal is a span of source text the cleaner dropped, and why.
type Removal struct {
	Span   Span   `json:"span"`
	Reason string `json:"reason"` // e.g. "boilerplate", "comments", "caption", "foreign-script"
}

// PublishedTime parses Published; ok is false when it is empty or malformed.
func (a *Article) PublishedTime() (t time.Time, ok bool) {
	if a.Published == "" {
		return time.Time{}, false
	}
	if t, err := time.Parse("2006-01-02", a.Published); err == nil {
		return t, true
	}
	if t, err := time.Parse(time.RFC3339, a.Published); err == nil {
		return t, true
	}
	return time.Time{}, false
}
