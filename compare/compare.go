package compare

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	parallax "github.com/parallax-news/parallax"
)

// Input is one story: its articles (with Raw), their quotes, the
// statements aligned from them and the duplicate links among the articles.
type Input struct {
	Articles   []*parallax.Article
	Quotes     []parallax.Quote
	Statements []*parallax.Statement
	Duplicates []parallax.Duplicate
}

// Finding locates one observation in an article's source text.
type Finding struct {
	Article int64         `json:"article"`
	Span    parallax.Span `json:"span"`
	Text    string        `json:"text"`
}

// story indexes an Input.
type story struct {
	in       Input
	articles map[int64]*parallax.Article
	quotes   map[int64]*parallax.Quote
	original map[int64]int64 // duplicate article → the article it copies (transitively)
	outlets  []string        // outlets of original articles, sorted
}

func index(in Input) *story {
	s := &story{in: in, articles: map[int64]*parallax.Article{}, quotes: map[int64]*parallax.Quote{}, original: map[int64]int64{}}
	for _, a := range in.Articles {
		s.articles[a.ID] = a
	}
	for i := range in.Quotes {
		s.quotes[in.Quotes[i].ID] = &in.Quotes[i]
	}
	for _, d := range in.Duplicates {
		s.original[d.Article] = d.Original
	}
	seen := map[string]bool{}
	for _, a := range in.Articles {
		if o := s.outletOf(a.ID); !seen[o] {
			seen[o] = true
			s.outlets = append(s.outlets, o)
		}
	}
	sort.Strings(s.outlets)
	return s
}

// root follows duplicate links to the first article.
func (s *story) root(id int64) int64 {
	for k := 0; k < 32; k++ {
		o, ok := s.original[id]
		if !ok || o == id {
			break
		}
		id = o
	}
	return id
}

// outletOf is the outlet an article counts for: its original's, when it
// is a copy.
func (s *story) outletOf(id int64) string {
	if a := s.articles[s.root(id)]; a != nil {
		return outletName(a)
	}
	if a := s.articles[id]; a != nil {
		return outletName(a)
	}
	return ""
}

func outletName(a *parallax.Article) string {
	if a.Outlet != "" {
		return a.Outlet
	}
	return "(unknown outlet)"
}

// CoverageLabel says how an outlet carries a statement.
type CoverageLabel string

const (
	Verbatim  CoverageLabel = "verbatim"
	Reworded  CoverageLabel = "reworded"
	Reported  CoverageLabel = "reported"
	Truncated CoverageLabel = "truncated"
	Absent    CoverageLabel = "absent"
)

// rank orders labels from fullest to absent.
var rank = map[CoverageLabel]int{Verbatim: 4, Truncated: 3, Reworded: 2, Reported: 1, Absent: 0}

// Cell is how one outlet carries one statement, with the quote that does.
type Cell struct {
	Label   CoverageLabel `json:"label"`
	Quote   int64         `json:"quote,omitempty"`
	Article int64         `json:"article,omitempty"`
	Span    parallax.Span `json:"span"`
	// Syndicated is true when the outlet carries it only through a copy
	// of another article; CopiedBy lists outlets whose copies were folded in.
	Syndicated bool     `json:"syndicated,omitempty"`
	CopiedBy   []string `json:"copied_by,omitempty"`
}

// Matrix is outlet × statement coverage: Cells[i][j] is how Outlets[i]
// carries Statements[j].
type Matrix struct {
	Outlets    []string `json:"outlets"`
	Statements []int64  `json:"statements"`
	Cells      [][]Cell `json:"cells"`
}

func coverageLabel(l parallax.VariantLabel) CoverageLabel {
	switch l {
	case parallax.VariantIdentical:
		return Verbatim
	case parallax.VariantTruncated:
		return Truncated
	case parallax.VariantReworded:
		return Reworded
	case parallax.VariantIndirect:
		return Reported
	}
	return Reworded
}

// Coverage builds the outlet × statement matrix. A syndicated or
// duplicate copy is folded into its original's outlet (counted once) and
// marked with the copying outlet.
func Coverage(in Input) Matrix {
	s := index(in)
	m := Matrix{Outlets: s.outlets}
	row := map[string]int{}
	for i, o := range s.outlets {
		row[o] = i
	}
	m.Cells = make([][]Cell, len(s.outlets))
	for _, st := range in.Statements {
		m.Statements = append(m.Statements, st.ID)
	}
	for i := range m.Cells {
		m.Cells[i] = make([]Cell, len(in.Statements))
		for j := range m.Cells[i] {
			m.Cells[i][j].Label = Absent
		}
	}
	for j, st := range in.Statements {
		for _, v := range st.Quotes {
			q := s.quotes[v.Quote]
			if q == nil {
				continue
			}
			o := s.outletOf(q.Article)
			i, ok := row[o]
			if !ok {
				continue
			}
			c := &m.Cells[i][j]
			copied := s.root(q.Article) != q.Article
			if copied {
				if a := s.articles[q.Article]; a != nil && outletName(a) != o {
					c.CopiedBy = appendUnique(c.CopiedBy, outletName(a))
				}
			}
			l := coverageLabel(v.Label)
			better := rank[l] > rank[c.Label] || rank[l] == rank[c.Label] && c.Syndicated && !copied
			if better {
				c.Label, c.Quote, c.Article, c.Span, c.Syndicated = l, q.ID, q.Article, q.Span, copied
			}
		}
	}
	return m
}

func appendUnique(xs []string, x string) []string {
	for _, y := range xs {
		if y == x {
			return xs
		}
	}
	return append(xs, x)
}

// bodySpans are the spans of an article's text to scan: its title and
// paragraphs, or the whole source when no paragraphs are known.
func bodySpans(a *parallax.Article) []parallax.Span {
	var out []parallax.Span
	if a.TitleSpan.Valid(len(a.Raw)) {
		out = append(out, a.TitleSpan)
	}
	if len(a.Paragraphs) == 0 {
		return append(out, parallax.Span{Start: 0, End: len(a.Raw)})
	}
	for _, p := range a.Paragraphs {
		if p.Valid(len(a.Raw)) && !p.Overlaps(a.TitleSpan) {
			out = append(out, p)
		}
	}
	return out
}

// words yields the words of raw[sp] with their byte spans: letter and
// digit runs, keeping inner hyphens, apostrophes, and the commas and dots
// of numbers ("so-called", "14,000", "3.5").
func words(raw string, sp parallax.Span, fn func(w string, at parallax.Span)) {
	i := sp.Start
	for i < sp.End {
		r, n := utf8.DecodeRuneInString(raw[i:])
		if !isWordRune(r) {
			i += n
			continue
		}
		j := i
		for j < sp.End {
			r, n := utf8.DecodeRuneInString(raw[j:])
			if isWordRune(r) {
				j += n
				continue
			}
			if (r == '-' || r == '\'' || r == '’' || r == ',' || r == '.') && j+n < sp.End {
				r2, _ := utf8.DecodeRuneInString(raw[j+n:])
				r1, _ := utf8.DecodeLastRuneInString(raw[i:j])
				digits := unicode.IsDigit(r1) && unicode.IsDigit(r2)
				if (r == '-' || r == '\'' || r == '’') && isWordRune(r2) || digits {
					j += n
					continue
				}
			}
			break
		}
		fn(raw[i:j], parallax.Span{Start: i, End: j})
		i = j
	}
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func lower(s string) string { return strings.ToLower(s) }
