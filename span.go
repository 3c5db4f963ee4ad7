package parallax

// Span is a half-open byte range [Start, End) into an article's source
// text (Article.Raw). The zero Span is empty; use Valid to tell a real span
// from an absent one.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Len returns the span's length in bytes.
func (s Span) Len() int { return s.End - s.Start }

// Empty reports whether the span covers no bytes.
func (s Span) Empty() bool { return s.End <= s.Start }

// Valid reports whether the span is non-empty and lies within a text of n bytes.
func (s Span) Valid(n int) bool { return 0 <= s.Start && s.Start < s.End && s.End <= n }

// In returns the bytes of src the span covers, or "" when it does not fit src.
func (s Span) In(src string) string {
	if !s.Valid(len(src)) {
		return ""
	}
	return src[s.Start:s.End]
}

// Contains reports whether o lies within s.
func (s Span) Contains(o Span) bool { return s.Start <= o.Start && o.End <= s.End }

// Overlaps reports whether s and o share at least one byte.
func (s Span) Overlaps(o Span) bool { return s.Start < o.End && o.Start < s.End }
