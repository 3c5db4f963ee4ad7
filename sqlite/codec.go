package sqlite

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"strings"
	"time"

	parallax "github.com/parallax-news/parallax"
)

// fold lower-cases s for the case-insensitive substring filters; SQLite's
// lower() only knows ASCII, so folding happens here, on write and on query.
func fold(s string) string { return strings.ToLower(s) }

// foldNames folds a name and its aliases into one searchable column, one a
// line, so a substring filter cannot match across two of them.
func foldNames(name string, aliases []string) string {
	var b strings.Builder
	b.WriteString(fold(name))
	for _, a := range aliases {
		b.WriteByte('\n')
		b.WriteString(fold(a))
	}
	return b.String()
}

// day returns the YYYY-MM-DD date of a Published value, or nil (SQL NULL)
// when it is absent or malformed.
func day(published string) any {
	if len(published) < 10 {
		return nil
	}
	a := parallax.Article{Published: published}
	if _, ok := a.PublishedTime(); !ok {
		return nil
	}
	return published[:10]
}

// parseDay checks a filter date: "YYYY-MM-DD", or RFC 3339 whose date part
// is used.
func parseDay(field, s string) (string, error) {
	if _, err := time.Parse("2006-01-02", s); err == nil {
		return s, nil
	}
	if _, err := time.Parse(time.RFC3339, s); err == nil {
		return s[:10], nil
	}
	return "", parallax.Errorf(parallax.EINVALID, "%s %q is not a date (YYYY-MM-DD)", field, s)
}

// encodeSpans packs spans as uvarint pairs: the gap from the previous end,
// then the length. Spans out of order or overlapping fall back to absolute
// starts, flagged by a leading 1 byte.
func encodeSpans(ss []parallax.Span) []byte {
	if len(ss) == 0 {
		return nil
	}
	ordered := true
	prev := 0
	for _, s := range ss {
		if s.Start < prev || s.End < s.Start {
			ordered = false
			break
		}
		prev = s.End
	}
	b := make([]byte, 1, 1+4*len(ss))
	prev = 0
	if ordered {
		for _, s := range ss {
			b = binary.AppendUvarint(b, uint64(s.Start-prev))
			b = binary.AppendUvarint(b, uint64(s.End-s.Start))
			prev = s.End
		}
		return b
	}
	b[0] = 1
	for _, s := range ss {
		b = binary.AppendVarint(b, int64(s.Start))
		b = binary.AppendVarint(b, int64(s.End))
	}
	return b
}

var errSpans = errors.New("corrupt span blob")

// decodeSpans reverses encodeSpans.
func decodeSpans(b []byte) ([]parallax.Span, error) {
	if len(b) == 0 {
		return nil, nil
	}
	abs := b[0] == 1
	b = b[1:]
	var ss []parallax.Span
	prev := 0
	for len(b) > 0 {
		var x, y int64
		if abs {
			var n, m int
			x, n = binary.Varint(b)
			if n <= 0 {
				return nil, errSpans
			}
			y, m = binary.Varint(b[n:])
			if m <= 0 {
				return nil, errSpans
			}
			b = b[n+m:]
			ss = append(ss, parallax.Span{Start: int(x), End: int(y)})
			continue
		}
		gap, n := binary.Uvarint(b)
		if n <= 0 {
			return nil, errSpans
		}
		l, m := binary.Uvarint(b[n:])
		if m <= 0 {
			return nil, errSpans
		}
		b = b[n+m:]
		s := prev + int(gap)
		ss = append(ss, parallax.Span{Start: s, End: s + int(l)})
		prev = s + int(l)
	}
	return ss, nil
}

// jsonText marshals v for a JSON column; nil-ish values become SQL NULL.
func jsonText(v any) (any, error) {
	switch x := v.(type) {
	case map[string]any:
		if x == nil {
			return nil, nil
		}
	case []parallax.Removal:
		if x == nil {
			return nil, nil
		}
	case []parallax.DiffOp:
		if x == nil {
			return nil, nil
		}
	}
	b, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	return string(b), nil
}

// stringsJSON marshals a string list, never as null.
func stringsJSON(ss []string) string {
	if len(ss) == 0 {
		return "[]"
	}
	b := make([]byte, 0, 16*len(ss))
	b = append(b, '[')
	for i, s := range ss {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendString(b, s)
	}
	return string(append(b, ']'))
}

// unmarshalStrings reads a JSON string list; "" and "[]" give nil.
func unmarshalStrings(s string) ([]string, error) {
	if s == "" || s == "[]" {
		return nil, nil
	}
	var ss []string
	err := json.Unmarshal([]byte(s), &ss)
	return ss, err
}

// nullInt maps 0 to SQL NULL, for optional references.
func nullInt(v int64) any {
	if v == 0 {
		return nil
	}
	return v
}
