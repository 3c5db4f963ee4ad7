package httpapi

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"io/fs"
	"maps"
	"math"
	"net/http"
	"net/url"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/export"
)

//go:embed templates/*.html static/* openapi.json
var assets embed.FS

// web renders the HTML pages.
type web struct {
	s     *Server
	pages map[string]*template.Template
	// static serves the embedded stylesheet; etag is its version.
	static http.Handler
}

var funcs = template.FuncMap{
	"labelClass": labelClass,
	"pct":        func(f float64) string { return strconv.Itoa(int(f*100+0.5)) + "%" },
	"day":        day,
	"clip":       clip,
	"outletURL":  func(name string) string { return "/outlets/" + url.PathEscape(name) },
	"join":       strings.Join,
	"add":        func(a, b int) int { return a + b },
	"frac": func(n, of int) string {
		if of == 0 {
			return "0%"
		}
		return strconv.Itoa(n*100/of) + "%"
	},
	"derefID": func(p *int64) int64 {
		if p == nil {
			return 0
		}
		return *p
	},
	"deref": func(p *string) string {
		if p == nil {
			return ""
		}
		return *p
	},
}

func newWeb(s *Server) *web {
	w := &web{s: s, pages: map[string]*template.Template{}}
	base := template.Must(template.New("layout.html").Funcs(funcs).ParseFS(assets, "templates/layout.html"))
	names, err := fs.Glob(assets, "templates/*.html")
	if err != nil {
		panic(err)
	}
	for _, n := range names {
		name := strings.TrimSuffix(strings.TrimPrefix(n, "templates/"), ".html")
		if name == "layout" {
			continue
		}
		t := template.Must(template.Must(base.Clone()).ParseFS(assets, n))
		w.pages[name] = t
	}
	sub, err := fs.Sub(assets, "static")
	if err != nil {
		panic(err)
	}
	w.static = http.StripPrefix("/static/", http.FileServerFS(sub))
	return w
}

func (w *web) register(mux *http.ServeMux) {
	mux.HandleFunc("GET /{$}", w.home)
	mux.HandleFunc("GET /search", w.search)
	mux.HandleFunc("GET /stories", w.stories)
	mux.HandleFunc("GET /stories/{id}", w.story)
	mux.HandleFunc("GET /speakers/{id}", w.speaker)
	mux.HandleFunc("GET /outlets", w.outlets)
	mux.HandleFunc("GET /outlets/{name}", w.outlet)
	mux.HandleFunc("GET /articles", w.articles)
	mux.HandleFunc("GET /articles/{id}", w.article)
	mux.HandleFunc("GET /static/", func(rw http.ResponseWriter, r *http.Request) {
		rw.Header().Set("Cache-Control", "public, max-age=3600")
		w.static.ServeHTTP(rw, r)
	})
	mux.HandleFunc("GET /favicon.ico", func(rw http.ResponseWriter, r *http.Request) {
		rw.Header().Set("Cache-Control", "public, max-age=86400")
		rw.WriteHeader(http.StatusNoContent)
	})
	mux.HandleFunc("/", func(rw http.ResponseWriter, r *http.Request) {
		w.fail(rw, r, parallax.Errorf(parallax.ENOTFOUND, "there is no page at this address"))
	})
}

// pageData is what every page template receives.
type pageData struct {
	Title   string
	Nav     string
	Version string
	Q       string // the search box's text
	Data    any
}

func (w *web) render(rw http.ResponseWriter, r *http.Request, status int, name, title, nav string, data any) {
	t := w.pages[name]
	var buf bytes.Buffer
	pd := pageData{Title: title, Nav: nav, Version: w.s.opt.Version, Q: r.URL.Query().Get("q"), Data: data}
	if err := t.ExecuteTemplate(&buf, "layout.html", pd); err != nil {
		w.s.log.Error("render", "page", name, "err", err)
		http.Error(rw, "internal error", http.StatusInternalServerError)
		return
	}
	h := rw.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	rw.WriteHeader(status)
	_, _ = rw.Write(buf.Bytes())
}

// errorPage is the data of the error template.
type errorPage struct {
	Status  int
	Code    string
	Message string
}

func (w *web) fail(rw http.ResponseWriter, r *http.Request, err error) {
	if r.Context().Err() != nil && parallax.ErrorCode(err) == parallax.EINTERNAL {
		err = errTimeout
	}
	status, code, msg := statusOf(err)
	if status >= 500 {
		w.s.log.Error("page failed", "path", r.URL.Path, "err", err)
	}
	w.render(rw, r, status, "error", http.StatusText(status), "", errorPage{status, code, msg})
}

// ---- home, lists and search

type homePage struct {
	Stats    parallax.Stats
	Stories  []export.Story
	Articles []ArticleItem
	Corpus   bool
}

func (w *web) home(rw http.ResponseWriter, r *http.Request) {
	s := w.s
	hp := homePage{Corpus: s.cs != nil}
	var err error
	if hp.Stats, err = s.st.Stats(r.Context()); err != nil {
		w.fail(rw, r, err)
		return
	}
	if s.cs != nil {
		if hp.Stories, err = s.listStories(r, parallax.StoryFilter{}, page{limit: 19}); err != nil {
			w.fail(rw, r, err)
			return
		}
		hp.Stories = hp.Stories[:min(len(hp.Stories), 20)]
	}
	if len(hp.Stories) == 0 {
		if hp.Articles, err = w.recentArticles(r, 20); err != nil {
			w.fail(rw, r, err)
			return
		}
	}
	w.render(rw, r, http.StatusOK, "home", "Parallax", "home", hp)
}

// recentArticles returns the n most recently stored articles.
func (w *web) recentArticles(r *http.Request, n int) ([]ArticleItem, error) {
	st, err := w.s.st.Stats(r.Context())
	if err != nil {
		return nil, err
	}
	items, err := w.s.listArticles(r, parallax.ArticleFilter{}, page{limit: n - 1, offset: max(0, st.Articles-n)})
	if err != nil {
		return nil, err
	}
	for i, j := 0, len(items)-1; i < j; i, j = i+1, j-1 {
		items[i], items[j] = items[j], items[i]
	}
	return items, nil
}

type listPage[T any] struct {
	List  List[T]
	Query url.Values
}

func (w *web) stories(rw http.ResponseWriter, r *http.Request) {
	p, err := parsePage(r)
	if err != nil {
		w.fail(rw, r, err)
		return
	}
	items, err := w.s.listStories(r, parallax.StoryFilter{}, p)
	if err != nil {
		w.fail(rw, r, err)
		return
	}
	w.render(rw, r, http.StatusOK, "stories", "Stories", "stories", newList(r, p, items))
}

func (w *web) articles(rw http.ResponseWriter, r *http.Request) {
	p, err := parsePage(r)
	if err != nil {
		w.fail(rw, r, err)
		return
	}
	f, err := articleFilter(r)
	if err != nil {
		w.fail(rw, r, err)
		return
	}
	items, err := w.s.listArticles(r, f, p)
	if err != nil {
		w.fail(rw, r, err)
		return
	}
	w.render(rw, r, http.StatusOK, "articles", "Articles", "articles", newList(r, p, items))
}

// confidentMin is the min_confidence of the pages' "only confident
// reports" control: below it are intentions, expectations and questions.
const confidentMin = 0.5

// reportsView is a page's quote confidence control: the threshold in
// force and links to every report and to confident ones only. The links
// keep the other query parameters but start again at the first page.
type reportsView struct {
	Min            float64
	All, Confident string // hrefs
	// IsAll and IsConfident tell which link is the current choice; with
	// neither, the URL gave another threshold.
	IsAll, IsConfident bool
}

func newReportsView(r *http.Request, minConf float64) reportsView {
	link := func(v string) string {
		q := r.URL.Query()
		q.Del("offset")
		q.Del("min_confidence")
		if v != "" {
			q.Set("min_confidence", v)
		}
		if len(q) == 0 {
			return r.URL.EscapedPath()
		}
		return r.URL.EscapedPath() + "?" + q.Encode()
	}
	return reportsView{
		Min:         minConf,
		All:         link(""),
		Confident:   link(strconv.FormatFloat(confidentMin, 'g', -1, 64)),
		IsAll:       minConf == 0,
		IsConfident: minConf == confidentMin,
	}
}

type searchPage struct {
	Asked   bool
	Form    url.Values
	Result  *SearchResult
	Outlets []OutletCount
	// MinConfidence is the threshold in force; Confidence the value of
	// the form's checkbox.
	MinConfidence float64
	Confidence    string
}

func (w *web) search(rw http.ResponseWriter, r *http.Request) {
	minConf, err := queryConfidence(r)
	if err != nil {
		w.fail(rw, r, err)
		return
	}
	sp := searchPage{Form: r.URL.Query(), MinConfidence: minConf, Confidence: strconv.FormatFloat(confidentMin, 'g', -1, 64)}
	if minConf > 0 {
		sp.Confidence = strconv.FormatFloat(minConf, 'g', -1, 64)
	}
	for _, k := range []string{"q", "speaker", "outlet", "since", "until"} {
		if strings.TrimSpace(sp.Form.Get(k)) != "" {
			sp.Asked = true
		}
	}
	if sp.Asked {
		res, err := w.s.search(r)
		if err != nil {
			w.fail(rw, r, err)
			return
		}
		sp.Result = res
	}
	title := "Search"
	if q := sp.Form.Get("q"); q != "" {
		title = q + " — Search"
	}
	w.render(rw, r, http.StatusOK, "search", title, "search", sp)
}

// ---- story

type storyView struct {
	*StoryPage
	Chart svgChart
	Days  []timelineDay
	// Rows is the matrix with the statements carried by most outlets
	// first; Shared and Single split the statements the same way. Classes
	// and titles are worked out here so the template stays cheap.
	Rows   []matrixRow
	Shared []statementView
	Single []StatementView
}

type matrixRow struct {
	Statement int64
	Speaker   string
	Text      string
	Cells     []cellView
}

type cellView struct {
	Class, Href, Title, Text string
}

type statementView struct {
	StatementView
	Variants []variantView
}

type variantView struct {
	VariantView
	Class string
	Ops   []opView
}

// opView is a run of a word diff; Class is "" for kept words.
type opView struct {
	Class, Text string
}

func labelClass(l string) string {
	switch parallax.VariantLabel(l) {
	case parallax.VariantIdentical, parallax.VariantTruncated, parallax.VariantReworded, parallax.VariantIndirect:
		return "l-" + l
	case "":
		return "l-none"
	}
	return "l-other"
}

func diffClass(op string) string {
	switch op {
	case "+":
		return "d-ins"
	case "-":
		return "d-del"
	}
	return ""
}

// timelineDay is one date of the timeline list.
type timelineDay struct {
	Date       string
	Articles   []TimelineRow
	Events     []TimelineRow
	Statements int
}

func (w *web) story(rw http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		w.fail(rw, r, err)
		return
	}
	p, err := w.s.opt.StoryPage(r.Context(), id)
	if err != nil {
		w.fail(rw, r, err)
		return
	}
	title := p.Story.Title
	if title == "" {
		title = "Story " + strconv.FormatInt(id, 10)
	}
	w.render(rw, r, http.StatusOK, "story", title, "stories", newStoryView(p))
}

func newStoryView(p *StoryPage) storyView {
	v := storyView{StoryPage: p, Chart: timelineChart(p.Timeline, p.Matrix.Outlets)}
	for _, row := range p.Timeline {
		if k := len(v.Days) - 1; k < 0 || v.Days[k].Date != row.Date {
			v.Days = append(v.Days, timelineDay{Date: row.Date})
		}
		d := &v.Days[len(v.Days)-1]
		switch row.Kind {
		case "article":
			d.Articles = append(d.Articles, row)
		case "statement":
			d.Statements++
		default:
			d.Events = append(d.Events, row)
		}
	}
	// Statements carried by more outlets come first.
	carried := map[int64]int{}
	for _, row := range p.Matrix.Rows {
		n := 0
		for _, c := range row.Cells {
			if c.Label != "" {
				n++
			}
		}
		carried[row.Statement] = n
	}
	rows := append([]MatrixRow(nil), p.Matrix.Rows...)
	sort.SliceStable(rows, func(i, j int) bool { return carried[rows[i].Statement] > carried[rows[j].Statement] })
	for _, r := range rows {
		mr := matrixRow{Statement: r.Statement, Speaker: r.Speaker, Text: clip(r.Text, 110), Cells: make([]cellView, len(r.Cells))}
		if mr.Speaker == "" {
			mr.Speaker = "unattributed"
		}
		for i, c := range r.Cells {
			cv := cellView{Class: "cell " + labelClass(c.Label), Title: "not carried", Text: "·"}
			if c.Label != "" {
				cv.Href = "#v-" + strconv.FormatInt(c.Quote, 10)
				cv.Title, cv.Text = c.Label, c.Label
				if c.Count > 1 {
					cv.Title += " (" + strconv.Itoa(c.Count) + " renderings)"
					cv.Text += " ×" + strconv.Itoa(c.Count)
				}
			}
			mr.Cells[i] = cv
		}
		v.Rows = append(v.Rows, mr)
	}
	sts := append([]StatementView(nil), p.Statements...)
	sort.SliceStable(sts, func(i, j int) bool { return carried[sts[i].ID] > carried[sts[j].ID] })
	for _, s := range sts {
		if carried[s.ID] <= 1 && len(s.Variants) <= 1 {
			v.Single = append(v.Single, s)
			continue
		}
		sv := statementView{StatementView: s}
		for _, x := range s.Variants {
			vv := variantView{VariantView: x, Class: labelClass(x.Label)}
			for _, op := range x.Diff {
				vv.Ops = append(vv.Ops, opView{diffClass(op.Op), op.Text})
			}
			sv.Variants = append(sv.Variants, vv)
		}
		v.Shared = append(v.Shared, sv)
	}
	return v
}

// svgChart is the story timeline drawn as an inline SVG: one lane per
// outlet, a dot per day an outlet published, and a diamond with a count
// for the statements it was first to report that day.
type svgChart struct {
	W, H, Left int
	Lanes      []svgLane
	Marks      []svgMark
	Ticks      []svgTick
	Empty      bool
}

type svgLane struct {
	Y     int
	Label string
}

// svgMark is what one outlet did on one day.
type svgMark struct {
	X, Y       int
	Articles   int
	Statements int
	Title      string
	Href       string
}

type svgTick struct {
	X      int
	Label  string
	Anchor string
}

func timelineChart(rows []TimelineRow, outlets []string) svgChart {
	const left, right, top, lane = 170, 90, 36, 32
	c := svgChart{W: 960, Left: left}
	if len(rows) == 0 {
		c.Empty = true
		return c
	}
	lanes := map[string]int{}
	laneOf := func(o string) int {
		if i, ok := lanes[o]; ok {
			return i
		}
		lanes[o] = len(c.Lanes)
		c.Lanes = append(c.Lanes, svgLane{Y: top + len(c.Lanes)*lane, Label: clip(o, 24)})
		return lanes[o]
	}
	for _, o := range outlets {
		laneOf(o)
	}
	first, last := rows[0].Date, rows[0].Date
	for _, r := range rows {
		first, last = min(first, r.Date), max(last, r.Date)
	}
	t0, err0 := time.Parse("2006-01-02", first)
	t1, err1 := time.Parse("2006-01-02", last)
	days := 0.0
	if err0 == nil && err1 == nil {
		days = t1.Sub(t0).Hours() / 24
	}
	width := float64(c.W - left - right)
	xOf := func(d string) int {
		t, err := time.Parse("2006-01-02", d)
		if err != nil || days == 0 {
			return left + int(width/2)
		}
		return left + int(t.Sub(t0).Hours()/24/days*width)
	}
	marks := map[[2]int]int{} // (x, lane) → index in c.Marks
	for _, r := range rows {
		l := laneOf(r.Outlet)
		x := xOf(r.Date)
		k := [2]int{x, l}
		i, ok := marks[k]
		if !ok {
			i = len(c.Marks)
			marks[k] = i
			c.Marks = append(c.Marks, svgMark{X: x, Y: c.Lanes[l].Y})
		}
		m := &c.Marks[i]
		if r.Kind == "statement" {
			m.Statements++
		} else {
			m.Articles++
			if m.Href == "" && r.Article != 0 {
				m.Href = "/articles/" + strconv.FormatInt(r.Article, 10)
			}
		}
	}
	for i := range c.Marks {
		m := &c.Marks[i]
		var d string
		for _, r := range rows {
			if xOf(r.Date) == m.X && c.Lanes[laneOf(r.Outlet)].Y == m.Y {
				d = r.Date
				break
			}
		}
		m.Title = fmt.Sprintf("%s · %s: %d article(s), %d statement(s) first reported", d, c.Lanes[(m.Y-top)/lane].Label, m.Articles, m.Statements)
		if m.Href == "" {
			m.Href = "#statements"
		}
	}
	c.H = top + len(c.Lanes)*lane
	// Ticks on whole days, about six of them, and the last day.
	if days == 0 {
		c.Ticks = []svgTick{{xOf(first), first, "middle"}}
	} else {
		step := max(1, int(math.Ceil(days/6)))
		for k := 0; float64(k) <= days; k += step {
			d := t0.AddDate(0, 0, k).Format("2006-01-02")
			if float64(k) > days-float64(step)/2 && d != last {
				break // too close to the last day's tick
			}
			c.Ticks = append(c.Ticks, svgTick{xOf(d), d, "middle"})
		}
		if c.Ticks[len(c.Ticks)-1].Label != last {
			c.Ticks = append(c.Ticks, svgTick{xOf(last), last, "middle"})
		}
	}
	return c
}

// ---- speaker, outlets

// speakerView is a speaker's page with its confidence and date controls.
type speakerView struct {
	*SpeakerPage
	Reports reportsView
	Dates   datesView
}

// datesView is a page's date control: a form for since and until that
// keeps the other query parameters but starts again at the first page,
// and a link to every date.
type datesView struct {
	Action       string // the page's path
	Since, Until string
	Keep         []hiddenField
	AllDates     string // href; "" when no date is set
}

type hiddenField struct{ Name, Value string }

func newDatesView(r *http.Request, since, until string) datesView {
	q := r.URL.Query()
	q.Del("offset")
	q.Del("since")
	q.Del("until")
	d := datesView{Action: r.URL.EscapedPath(), Since: since, Until: until}
	for _, k := range slices.Sorted(maps.Keys(q)) {
		for _, v := range q[k] {
			d.Keep = append(d.Keep, hiddenField{k, v})
		}
	}
	if since != "" || until != "" {
		d.AllDates = d.Action
		if len(q) > 0 {
			d.AllDates += "?" + q.Encode()
		}
	}
	return d
}

func (w *web) speaker(rw http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		w.fail(rw, r, err)
		return
	}
	p, err := parsePage(r)
	if err != nil {
		w.fail(rw, r, err)
		return
	}
	f, err := speakerFilter(r, id)
	if err != nil {
		w.fail(rw, r, err)
		return
	}
	sp, err := w.s.speakerPage(r, f, p)
	if err != nil {
		w.fail(rw, r, err)
		return
	}
	w.render(rw, r, http.StatusOK, "speaker", sp.Entity.Name, "",
		speakerView{sp, newReportsView(r, f.MinConfidence), newDatesView(r, f.Since, f.Until)})
}

func (w *web) outlets(rw http.ResponseWriter, r *http.Request) {
	list, err := w.s.outletList(r.Context())
	if err != nil {
		w.fail(rw, r, err)
		return
	}
	w.render(rw, r, http.StatusOK, "outlets", "Outlets", "outlets", list)
}

func (w *web) outlet(rw http.ResponseWriter, r *http.Request) {
	name := strings.TrimSpace(r.PathValue("name"))
	p, err := parsePage(r)
	if err != nil {
		w.fail(rw, r, err)
		return
	}
	if name == "" {
		w.fail(rw, r, invalid("outlet name is empty"))
		return
	}
	op, err := w.s.outletPage(r, name, p)
	if err != nil {
		w.fail(rw, r, err)
		return
	}
	w.render(rw, r, http.StatusOK, "outlet", name, "outlets", op)
}

// ---- article

type articleView struct {
	Article    *parallax.Article
	URL        string
	Paragraphs [][]segment
	Quotes     []articleQuote
	Stories    []export.Story
	Removed    int
	// Reports filters the quotes listed and highlighted.
	Reports reportsView
}

type articleQuote struct {
	Q    *parallax.Quote
	Link string // the statement it renders, or ""
}

// segment is a run of article text and how to mark it.
type segment struct {
	Text  string
	Class string // "", "q-direct", "q-indirect", "q-mixed", "cue", "who"
	Href  string
	Title string
	ID    string
}

func (w *web) article(rw http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	id, err := pathID(r)
	if err != nil {
		w.fail(rw, r, err)
		return
	}
	minConf, err := queryConfidence(r)
	if err != nil {
		w.fail(rw, r, err)
		return
	}
	a, err := w.s.st.Article(ctx, id)
	if err != nil {
		w.fail(rw, r, err)
		return
	}
	var qs []*parallax.Quote
	err = w.s.st.Quotes(ctx, parallax.QuoteFilter{Article: id, MinConfidence: minConf}, func(q *parallax.Quote) error { qs = append(qs, q); return nil })
	if err != nil {
		w.fail(rw, r, err)
		return
	}
	av := articleView{Article: a, Removed: len(a.Removed), Reports: newReportsView(r, minConf)}
	if u, err := url.Parse(a.URL); err == nil && (u.Scheme == "http" || u.Scheme == "https") {
		av.URL = a.URL
	}
	links := map[int64]string{}
	if w.s.cs != nil {
		err = w.s.cs.Stories(ctx, parallax.StoryFilter{Article: id}, func(st *parallax.Story) error {
			av.Stories = append(av.Stories, export.FromStory(st))
			return nil
		})
		if err == nil {
			for _, st := range av.Stories {
				err = w.s.cs.Statements(ctx, parallax.StatementFilter{Story: st.ID}, func(x *parallax.Statement) error {
					for _, v := range x.Quotes {
						links[v.Quote] = fmt.Sprintf("/stories/%d#st-%d", st.ID, x.ID)
					}
					return nil
				})
				if err != nil {
					break
				}
			}
		}
		if err != nil {
			w.fail(rw, r, err)
			return
		}
	}
	for _, q := range qs {
		av.Quotes = append(av.Quotes, articleQuote{Q: q, Link: links[q.ID]})
	}
	av.Paragraphs = segments(a, qs, links)
	title := a.Title
	if title == "" {
		title = "Article " + strconv.FormatInt(id, 10)
	}
	w.render(rw, r, http.StatusOK, "article", title, "articles", av)
}

// mark is a span of an article to highlight.
type mark struct {
	span parallax.Span
	rank int // higher wins where marks overlap
	seg  segment
}

// segments cuts the article's kept paragraphs into runs of plain text,
// quotes, cues and speaker mentions. Overlapping marks resolve to the
// innermost kind (mention over cue over quote).
func segments(a *parallax.Article, qs []*parallax.Quote, links map[int64]string) [][]segment {
	raw := a.Raw
	paras := a.Paragraphs
	if len(paras) == 0 && raw != "" {
		paras = []parallax.Span{{Start: 0, End: len(raw)}}
	}
	var marks []mark
	for _, q := range qs {
		qid := "q" + strconv.FormatInt(q.ID, 10)
		href := links[q.ID]
		if href == "" {
			href = "#" + qid + "-row"
		}
		title := string(q.Kind) + " quote"
		if q.Speaker.Name != "" {
			title += " · " + q.Speaker.Name
		}
		marks = append(marks, mark{q.Span, 1, segment{Class: "q-" + string(q.Kind), Href: href, Title: title}})
		marks = append(marks, mark{q.CueSpan, 2, segment{Class: "cue", Title: "attribution cue"}})
		who := segment{Class: "who", Title: "speaker: " + q.Speaker.Name}
		if q.Speaker.EntityID != 0 {
			who.Href = "/speakers/" + strconv.FormatInt(q.Speaker.EntityID, 10)
		}
		marks = append(marks, mark{q.Speaker.MentionSpan, 3, who})
	}
	// Drop spans that do not fit the text or cut a character in two.
	valid := marks[:0]
	for _, m := range marks {
		if m.span.Valid(len(raw)) && runeBoundary(raw, m.span.Start) && runeBoundary(raw, m.span.End) {
			valid = append(valid, m)
		}
	}
	marks = valid
	out := make([][]segment, 0, len(paras))
	for _, p := range paras {
		if !p.Valid(len(raw)) || !runeBoundary(raw, p.Start) || !runeBoundary(raw, p.End) {
			continue
		}
		cuts := []int{p.Start, p.End}
		for _, m := range marks {
			if m.span.Overlaps(p) {
				cuts = append(cuts, max(m.span.Start, p.Start), min(m.span.End, p.End))
			}
		}
		sort.Ints(cuts)
		var segs []segment
		for i := 0; i+1 < len(cuts); i++ {
			lo, hi := cuts[i], cuts[i+1]
			if lo == hi {
				continue
			}
			best := -1
			for j, m := range marks {
				if m.span.Start <= lo && hi <= m.span.End && (best < 0 || m.rank > marks[best].rank) {
					best = j
				}
			}
			seg := segment{Text: raw[lo:hi]}
			if best >= 0 {
				seg = marks[best].seg
				seg.Text = raw[lo:hi]
			}
			if k := len(segs) - 1; k >= 0 && segs[k].Class == seg.Class && segs[k].Href == seg.Href && segs[k].Title == seg.Title {
				segs[k].Text += seg.Text
				continue
			}
			segs = append(segs, seg)
		}
		out = append(out, segs)
	}
	return out
}

func runeBoundary(s string, i int) bool {
	return i == len(s) || utf8.RuneStart(s[i])
}
