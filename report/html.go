package report

import (
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"sort"
	"strings"
	"time"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/compare"
)

//go:embed report.html.tmpl
var htmlSource string

var htmlTmpl = template.Must(template.New("report").Funcs(template.FuncMap{
	"daterange": dateRange,
	"oneline":   oneLine,
	"join":      strings.Join,
}).Parse(htmlSource))

// HTML writes v as one self-contained HTML page: inline CSS, an inline SVG
// timeline, no scripts, nothing fetched. Every text from an article is
// escaped by html/template.
func HTML(w io.Writer, v *View) error {
	return htmlTmpl.Execute(w, newPage(v))
}

// page is the data the HTML template renders.
type page struct {
	V          *View
	Generated  string
	Axis       svgAxis
	Statements []stmtRow
	Matrix     matrix
}

type svgAxis struct {
	Width, Height int
	Ticks         []svgTick
	Points        []svgPoint
}

type svgTick struct {
	X     int
	Label string
}

type svgPoint struct {
	X, Y  int
	R     int
	Label string
	Flag  bool
}

type stmtRow struct {
	S        *parallax.Statement
	Variants []variantRow
}

type variantRow struct {
	Outlet  string
	Label   string
	Kind    string
	Article int64
	Words   []parallax.DiffOp
}

// matrix is the coverage table turned for reading: one row per statement
// (most widely carried first), one column per outlet.
type matrix struct {
	Outlets []string
	Rows    []matrixRow
}

type matrixRow struct {
	ID      int64
	Speaker string
	Text    string
	Carried int
	Cells   []compare.Cell
}

func newMatrix(v *View) matrix {
	m := matrix{Outlets: v.Coverage.Outlets}
	for j, id := range v.Coverage.Statements {
		row := matrixRow{ID: id}
		if st := v.Statement(id); st != nil {
			row.Speaker, row.Text = st.Speaker, clipText(oneLine(st.Text), 90)
		}
		for i := range v.Coverage.Outlets {
			c := v.Coverage.Cells[i][j]
			row.Cells = append(row.Cells, c)
			if c.Label != compare.Absent {
				row.Carried++
			}
		}
		m.Rows = append(m.Rows, row)
	}
	sort.SliceStable(m.Rows, func(a, b int) bool { return m.Rows[a].Carried > m.Rows[b].Carried })
	return m
}

func newPage(v *View) *page {
	p := &page{V: v, Generated: time.Now().UTC().Format(time.RFC3339)}
	p.Axis = timelineSVG(v.Timeline)
	for _, st := range v.Statements {
		row := stmtRow{S: st}
		for _, va := range st.Quotes {
			q := v.Quote(va.Quote)
			if q == nil {
				continue
			}
			words := va.Diff
			if len(words) == 0 {
				words = []parallax.DiffOp{{Op: "=", Text: q.Text}}
			}
			row.Variants = append(row.Variants, variantRow{
				Outlet: v.Outlet(q.Article), Label: string(va.Label), Kind: string(q.Kind), Article: q.Article, Words: words,
			})
		}
		p.Statements = append(p.Statements, row)
	}
	p.Matrix = newMatrix(v)
	return p
}

// timelineSVG lays the timeline groups out on a horizontal date axis.
func timelineSVG(groups []parallax.TimelineGroup) svgAxis {
	ax := svgAxis{Width: 900, Height: 120}
	var days []float64
	var keep []parallax.TimelineGroup
	for _, g := range groups {
		t, ok := parseLoose(g.Date)
		if !ok {
			continue
		}
		days = append(days, float64(t.Unix())/86400)
		keep = append(keep, g)
	}
	if len(keep) == 0 {
		ax.Height = 0
		return ax
	}
	lo, hi := days[0], days[0]
	for _, d := range days {
		lo, hi = min(lo, d), max(hi, d)
	}
	if hi-lo < 1 {
		lo, hi = lo-1, hi+1
	}
	const left, right = 40, 40
	x := func(d float64) int { return left + int((d-lo)/(hi-lo)*float64(ax.Width-left-right)) }
	used := map[int]int{}
	for i, g := range keep {
		px := x(days[i])
		lane := used[px/24]
		used[px/24]++
		ax.Points = append(ax.Points, svgPoint{
			X: px, Y: 50 - min(lane, 3)*12, R: 4 + min(len(g.Articles), 6),
			Label: fmt.Sprintf("%s — %s (%d articles)", dateRange(g.Date, g.End), clipText(oneLine(g.Text), 140), len(g.Articles)),
			Flag:  len(g.Flags) > 0,
		})
	}
	for i := 0; i <= 4; i++ {
		d := lo + (hi-lo)*float64(i)/4
		ax.Ticks = append(ax.Ticks, svgTick{X: x(d), Label: time.Unix(int64(d*86400), 0).UTC().Format("2006-01-02")})
	}
	return ax
}

func parseLoose(s string) (time.Time, bool) {
	for _, layout := range []string{"2006-01-02", "2006-01", "2006"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

func clipText(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
