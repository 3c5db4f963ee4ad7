package httpapi

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"math"
	"mime"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/export"
)

// routes registers every endpoint on a new mux and wraps it.
func (s *Server) routes() http.Handler {
	mux := http.NewServeMux()
	api := func(pattern string, h func(w http.ResponseWriter, r *http.Request) (any, error)) {
		mux.HandleFunc(pattern, func(w http.ResponseWriter, r *http.Request) {
			v, err := h(w, r)
			if err != nil {
				writeError(w, r, err)
				return
			}
			writeJSON(w, http.StatusOK, v)
		})
	}
	api("GET /api/{$}", s.apiIndex)
	mux.HandleFunc("GET /api/openapi.json", s.apiOpenAPI)
	api("GET /api/stats", s.apiStats)
	api("GET /api/articles", s.apiArticles)
	api("GET /api/articles/{id}", s.apiArticle)
	api("POST /api/articles", s.apiIngest)
	api("GET /api/quotes", s.apiQuotes)
	api("GET /api/entities", s.apiEntities)
	api("GET /api/speakers/{id}", s.apiSpeaker)
	api("GET /api/outlets", s.apiOutlets)
	api("GET /api/outlets/{name}", s.apiOutlet)
	api("GET /api/stories", s.apiStories)
	api("GET /api/stories/{id}", s.apiStory)
	api("GET /api/statements", s.apiStatements)
	api("GET /api/search", s.apiSearch)
	mux.HandleFunc("/api/", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, r, &httpError{http.StatusNotFound, parallax.ENOTFOUND, "no such endpoint (see /api/openapi.json)"})
	})

	mux.HandleFunc("GET /healthz", s.healthz)
	mux.HandleFunc("GET /metrics", s.metricsHandler)
	s.web.register(mux)
	return s.wrap(mux)
}

// httpError is an error with its own status and code.
type httpError struct {
	status        int
	code, message string
}

func (e *httpError) Error() string { return e.code + ": " + e.message }

// errorBody is the JSON shape of every error response.
type errorBody struct {
	Error struct {
		Code    string `json:"code"`
		Message string `json:"message"`
	} `json:"error"`
}

// statusOf maps an error to its HTTP status, code and safe message.
func statusOf(err error) (int, string, string) {
	var he *httpError
	var mbe *http.MaxBytesError
	switch {
	case errors.As(err, &he):
		return he.status, he.code, he.message
	case errors.As(err, &mbe):
		return http.StatusRequestEntityTooLarge, "too_large", "request body larger than " + strconv.FormatInt(mbe.Limit, 10) + " bytes"
	case errors.Is(err, errTimeout):
		return http.StatusServiceUnavailable, "timeout", "the request took too long"
	}
	code := parallax.ErrorCode(err)
	status := http.StatusInternalServerError
	switch code {
	case parallax.ENOTFOUND:
		status = http.StatusNotFound
	case parallax.EINVALID:
		status = http.StatusBadRequest
	case parallax.ECONFLICT:
		status = http.StatusConflict
	}
	return status, code, parallax.ErrorMessage(err)
}

var errTimeout = errors.New("timeout")

func writeError(w http.ResponseWriter, r *http.Request, err error) {
	if r.Context().Err() != nil && parallax.ErrorCode(err) == parallax.EINTERNAL {
		err = errTimeout
	}
	status, code, msg := statusOf(err)
	var body errorBody
	body.Error.Code, body.Error.Message = code, msg
	writeJSON(w, status, body)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(true)
	if err := enc.Encode(v); err != nil {
		http.Error(w, `{"error":{"code":"internal","message":"internal error"}}`, http.StatusInternalServerError)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_, _ = w.Write(buf.Bytes())
}

func invalid(format string, args ...any) error {
	return parallax.Errorf(parallax.EINVALID, format, args...)
}

// page is a pagination request.
type page struct{ limit, offset int }

func parsePage(r *http.Request) (page, error) {
	p := page{limit: DefaultPageSize}
	q := r.URL.Query()
	if v := q.Get("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			return p, invalid("limit must be a positive integer")
		}
		p.limit = min(n, MaxPageSize)
	}
	if v := q.Get("offset"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 {
			return p, invalid("offset must be a non-negative integer")
		}
		p.offset = n
	}
	return p, nil
}

// List is a page of results; Next is the URL of the following page, or
// null on the last one.
type List[T any] struct {
	Items  []T     `json:"items"`
	Limit  int     `json:"limit"`
	Offset int     `json:"offset"`
	Next   *string `json:"next"`
}

// newList trims items fetched with limit+1 to a page and links the next.
func newList[T any](r *http.Request, p page, items []T) List[T] {
	l := List[T]{Items: items, Limit: p.limit, Offset: p.offset}
	if len(items) > p.limit {
		l.Items = items[:p.limit]
		q := r.URL.Query()
		q.Set("limit", strconv.Itoa(p.limit))
		q.Set("offset", strconv.Itoa(p.offset+p.limit))
		next := r.URL.Path + "?" + q.Encode()
		l.Next = &next
	}
	if l.Items == nil {
		l.Items = []T{}
	}
	return l
}

func pathID(r *http.Request) (int64, error) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		return 0, invalid("id must be a positive integer")
	}
	return id, nil
}

func queryInt(r *http.Request, name string) (int64, error) {
	v := r.URL.Query().Get(name)
	if v == "" {
		return 0, nil
	}
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil || n < 0 {
		return 0, invalid("%s must be a non-negative integer", name)
	}
	return n, nil
}

func queryDay(r *http.Request, name string) (string, error) {
	v := strings.TrimSpace(r.URL.Query().Get(name))
	if v == "" {
		return "", nil
	}
	if _, err := time.Parse("2006-01-02", v); err != nil {
		return "", invalid("%s must be a date YYYY-MM-DD", name)
	}
	return v, nil
}

// queryDays reads the since and until dates.
func queryDays(r *http.Request) (since, until string, err error) {
	if since, err = queryDay(r, "since"); err != nil {
		return "", "", err
	}
	if until, err = queryDay(r, "until"); err != nil {
		return "", "", err
	}
	return since, until, nil
}

// queryConfidence reads min_confidence, a number from 0 to 1; absent is 0
// (every quote).
func queryConfidence(r *http.Request) (float64, error) {
	v := strings.TrimSpace(r.URL.Query().Get("min_confidence"))
	if v == "" {
		return 0, nil
	}
	x, err := strconv.ParseFloat(v, 64)
	if err != nil || math.IsNaN(x) || x < 0 || x > 1 {
		return 0, invalid("min_confidence must be a number from 0 to 1")
	}
	return x, nil
}

func (s *Server) corpus() (parallax.CorpusStore, error) {
	if s.cs == nil {
		return nil, parallax.Errorf(parallax.ENOTFOUND, "this store keeps no stories")
	}
	return s.cs, nil
}

// ---- handlers

func (s *Server) apiIndex(w http.ResponseWriter, r *http.Request) (any, error) {
	return map[string]any{
		"name":    "parallax",
		"version": s.opt.Version,
		"openapi": "/api/openapi.json",
		"endpoints": []string{"/api/stats", "/api/articles", "/api/quotes", "/api/entities", "/api/speakers/{id}",
			"/api/outlets", "/api/outlets/{name}", "/api/stories", "/api/stories/{id}", "/api/statements", "/api/search"},
	}, nil
}

func (s *Server) apiOpenAPI(w http.ResponseWriter, r *http.Request) {
	b, err := assets.ReadFile("openapi.json")
	if err != nil {
		writeError(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "public, max-age=300")
	_, _ = w.Write(b)
}

func (s *Server) apiStats(w http.ResponseWriter, r *http.Request) (any, error) {
	st, err := s.st.Stats(r.Context())
	if err != nil {
		return nil, err
	}
	return st, nil
}

// articleFilter reads the article filters shared by the list and search.
func articleFilter(r *http.Request) (parallax.ArticleFilter, error) {
	q := r.URL.Query()
	f := parallax.ArticleFilter{Outlet: strings.TrimSpace(q.Get("outlet"))}
	var err error
	if f.Since, f.Until, err = queryDays(r); err != nil {
		return f, err
	}
	f.Query = strings.TrimSpace(q.Get("q"))
	return f, nil
}

// ArticleItem is an article in a list: the export shape without the text.
type ArticleItem struct {
	export.Article
	Text string `json:"text,omitempty"`
}

func (s *Server) listArticles(r *http.Request, f parallax.ArticleFilter, p page) ([]ArticleItem, error) {
	f.Limit, f.Offset = p.limit+1, p.offset
	var out []ArticleItem
	err := s.st.Articles(r.Context(), f, func(a *parallax.Article) error {
		e := export.FromArticle(a)
		e.Text = ""
		out = append(out, ArticleItem{Article: e})
		return nil
	})
	return out, err
}

func (s *Server) apiArticles(w http.ResponseWriter, r *http.Request) (any, error) {
	p, err := parsePage(r)
	if err != nil {
		return nil, err
	}
	f, err := articleFilter(r)
	if err != nil {
		return nil, err
	}
	items, err := s.listArticles(r, f, p)
	if err != nil {
		return nil, err
	}
	return newList(r, p, items), nil
}

// ArticleDetail is one article with its quotes and stories.
type ArticleDetail struct {
	Article export.Article `json:"article"`
	Quotes  []export.Quote `json:"quotes"`
	Stories []export.Story `json:"stories"`
}

func (s *Server) apiArticle(w http.ResponseWriter, r *http.Request) (any, error) {
	id, err := pathID(r)
	if err != nil {
		return nil, err
	}
	minConf, err := queryConfidence(r)
	if err != nil {
		return nil, err
	}
	a, err := s.st.Article(r.Context(), id)
	if err != nil {
		return nil, err
	}
	d := ArticleDetail{Article: export.FromArticle(a), Quotes: []export.Quote{}, Stories: []export.Story{}}
	err = s.st.Quotes(r.Context(), parallax.QuoteFilter{Article: id, MinConfidence: minConf}, func(q *parallax.Quote) error {
		d.Quotes = append(d.Quotes, export.FromQuote(q))
		return nil
	})
	if err != nil {
		return nil, err
	}
	if s.cs != nil {
		err = s.cs.Stories(r.Context(), parallax.StoryFilter{Article: id}, func(st *parallax.Story) error {
			d.Stories = append(d.Stories, export.FromStory(st))
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return d, nil
}

// QuoteItem is a quote with the outlet, date and title of its article.
type QuoteItem struct {
	export.Quote
	Outlet    string `json:"outlet"`
	Published string `json:"published"`
	Title     string `json:"title"`
}

func quoteFilter(r *http.Request) (parallax.QuoteFilter, error) {
	q := r.URL.Query()
	f := parallax.QuoteFilter{
		Speaker: strings.TrimSpace(q.Get("speaker")),
		Outlet:  strings.TrimSpace(q.Get("outlet")),
		Query:   strings.TrimSpace(q.Get("q")),
	}
	var err error
	if f.Article, err = queryInt(r, "article"); err != nil {
		return f, err
	}
	if f.Entity, err = queryInt(r, "entity"); err != nil {
		return f, err
	}
	if f.MinConfidence, err = queryConfidence(r); err != nil {
		return f, err
	}
	if f.Since, f.Until, err = queryDays(r); err != nil {
		return f, err
	}
	switch k := parallax.QuoteKind(q.Get("kind")); k {
	case "", parallax.Direct, parallax.Indirect, parallax.Mixed:
		f.Kind = k
	default:
		return f, invalid("kind must be direct, indirect or mixed")
	}
	return f, nil
}

// maxScan bounds the quotes a speaker or outlet page reads.
const maxScan = 5000

// listQuotes returns up to p.limit+1 quotes matching f, with their
// articles' outlet, date and title.
func (s *Server) listQuotes(r *http.Request, f parallax.QuoteFilter, p page) ([]QuoteItem, error) {
	f.Limit, f.Offset = p.limit+1, p.offset
	var qs []*parallax.Quote
	if err := s.st.Quotes(r.Context(), f, func(q *parallax.Quote) error { qs = append(qs, q); return nil }); err != nil {
		return nil, err
	}
	return s.quoteItems(r, qs)
}

// quoteItems adds article context to quotes, reading the articles in one query.
func (s *Server) quoteItems(r *http.Request, qs []*parallax.Quote) ([]QuoteItem, error) {
	arts, err := s.articleHeads(r, qs)
	if err != nil {
		return nil, err
	}
	out := make([]QuoteItem, 0, len(qs))
	for _, q := range qs {
		it := QuoteItem{Quote: export.FromQuote(q)}
		if a := arts[q.Article]; a != nil {
			it.Outlet, it.Published, it.Title = a.Outlet, a.Published, a.Title
		}
		out = append(out, it)
	}
	return out, nil
}

// articleHeads reads the articles of qs, without their text.
func (s *Server) articleHeads(r *http.Request, qs []*parallax.Quote) (map[int64]*parallax.Article, error) {
	arts := map[int64]*parallax.Article{}
	var ids []int64
	for _, q := range qs {
		if _, ok := arts[q.Article]; !ok {
			arts[q.Article] = nil
			ids = append(ids, q.Article)
		}
	}
	if len(ids) == 0 {
		return arts, nil
	}
	err := s.st.Articles(r.Context(), parallax.ArticleFilter{IDs: ids}, func(a *parallax.Article) error {
		a.Text, a.Raw = "", ""
		arts[a.ID] = a
		return nil
	})
	return arts, err
}

func (s *Server) apiQuotes(w http.ResponseWriter, r *http.Request) (any, error) {
	p, err := parsePage(r)
	if err != nil {
		return nil, err
	}
	f, err := quoteFilter(r)
	if err != nil {
		return nil, err
	}
	items, err := s.listQuotes(r, f, p)
	if err != nil {
		return nil, err
	}
	return newList(r, p, items), nil
}

func (s *Server) apiEntities(w http.ResponseWriter, r *http.Request) (any, error) {
	p, err := parsePage(r)
	if err != nil {
		return nil, err
	}
	q := r.URL.Query()
	f := parallax.EntityFilter{Name: strings.TrimSpace(q.Get("name")), Type: parallax.EntityType(q.Get("type"))}
	switch f.Type {
	case "", parallax.Person, parallax.Organization, parallax.Location:
	default:
		return nil, invalid("type must be person, organization or location")
	}
	f.Limit, f.Offset = p.limit+1, p.offset
	var items []export.Entity
	err = s.st.Entities(r.Context(), f, func(e *parallax.Entity) error {
		items = append(items, export.FromEntity(e))
		return nil
	})
	if err != nil {
		return nil, err
	}
	return newList(r, p, items), nil
}

func (s *Server) apiSpeaker(w http.ResponseWriter, r *http.Request) (any, error) {
	id, err := pathID(r)
	if err != nil {
		return nil, err
	}
	p, err := parsePage(r)
	if err != nil {
		return nil, err
	}
	f, err := speakerFilter(r, id)
	if err != nil {
		return nil, err
	}
	return s.speakerPage(r, f, p)
}

func (s *Server) apiOutlets(w http.ResponseWriter, r *http.Request) (any, error) {
	outs, err := s.outletList(r.Context())
	if err != nil {
		return nil, err
	}
	return map[string]any{"items": outs}, nil
}

func (s *Server) apiOutlet(w http.ResponseWriter, r *http.Request) (any, error) {
	name := strings.TrimSpace(r.PathValue("name"))
	if name == "" {
		return nil, invalid("outlet name is empty")
	}
	p, err := parsePage(r)
	if err != nil {
		return nil, err
	}
	return s.outletPage(r, name, p)
}

func (s *Server) listStories(r *http.Request, f parallax.StoryFilter, p page) ([]export.Story, error) {
	cs, err := s.corpus()
	if err != nil {
		return nil, err
	}
	f.Limit, f.Offset = p.limit+1, p.offset
	var items []export.Story
	err = cs.Stories(r.Context(), f, func(st *parallax.Story) error {
		items = append(items, export.FromStory(st))
		return nil
	})
	return items, err
}

func (s *Server) apiStories(w http.ResponseWriter, r *http.Request) (any, error) {
	p, err := parsePage(r)
	if err != nil {
		return nil, err
	}
	var f parallax.StoryFilter
	if f.Storyline, err = queryInt(r, "storyline"); err != nil {
		return nil, err
	}
	if f.Article, err = queryInt(r, "article"); err != nil {
		return nil, err
	}
	items, err := s.listStories(r, f, p)
	if err != nil {
		return nil, err
	}
	return newList(r, p, items), nil
}

func (s *Server) apiStory(w http.ResponseWriter, r *http.Request) (any, error) {
	id, err := pathID(r)
	if err != nil {
		return nil, err
	}
	return s.opt.StoryPage(r.Context(), id)
}

func (s *Server) apiStatements(w http.ResponseWriter, r *http.Request) (any, error) {
	cs, err := s.corpus()
	if err != nil {
		return nil, err
	}
	p, err := parsePage(r)
	if err != nil {
		return nil, err
	}
	f := parallax.StatementFilter{Speaker: strings.TrimSpace(r.URL.Query().Get("speaker"))}
	if f.Story, err = queryInt(r, "story"); err != nil {
		return nil, err
	}
	f.Limit, f.Offset = p.limit+1, p.offset
	var items []export.Statement
	err = cs.Statements(r.Context(), f, func(st *parallax.Statement) error {
		items = append(items, export.FromStatement(st))
		return nil
	})
	if err != nil {
		return nil, err
	}
	return newList(r, p, items), nil
}

// SearchResult is what GET /api/search answers: a page of matching
// articles and a page of matching quotes.
type SearchResult struct {
	Query    string            `json:"query"`
	Articles List[ArticleItem] `json:"articles"`
	Quotes   List[QuoteItem]   `json:"quotes"`
}

func (s *Server) search(r *http.Request) (*SearchResult, error) {
	p, err := parsePage(r)
	if err != nil {
		return nil, err
	}
	q := r.URL.Query()
	af, err := articleFilter(r)
	if err != nil {
		return nil, err
	}
	qf, err := quoteFilter(r)
	if err != nil {
		return nil, err
	}
	if af.Query == "" && af.Outlet == "" && qf.Speaker == "" && qf.Entity == 0 && af.Since == "" && af.Until == "" {
		return nil, invalid("give a query (q) or a filter (speaker, outlet, since, until)")
	}
	select {
	case s.searches <- struct{}{}:
		defer func() { <-s.searches }()
	case <-r.Context().Done():
		return nil, r.Context().Err()
	}
	res := &SearchResult{Query: q.Get("q")}
	// A speaker filter narrows the quotes; articles are then left out.
	var arts []ArticleItem
	if qf.Speaker == "" && qf.Entity == 0 {
		if arts, err = s.listArticles(r, af, p); err != nil {
			return nil, err
		}
	}
	res.Articles = newList(r, p, arts)
	res.Articles.Next = nil
	quotes, err := s.listQuotes(r, qf, p)
	if err != nil {
		return nil, err
	}
	res.Quotes = newList(r, p, quotes)
	if res.Articles.Items != nil && len(arts) > p.limit || res.Quotes.Next != nil {
		// One next link serves both lists.
		res.Articles.Next = res.Quotes.Next
		if res.Articles.Next == nil {
			nq := r.URL.Query()
			nq.Set("limit", strconv.Itoa(p.limit))
			nq.Set("offset", strconv.Itoa(p.offset+p.limit))
			next := r.URL.Path + "?" + nq.Encode()
			res.Articles.Next = &next
		}
	}
	return res, nil
}

func (s *Server) apiSearch(w http.ResponseWriter, r *http.Request) (any, error) {
	return s.search(r)
}

// ---- ingest

// ingestFormat maps a request's Content-Type to how its body is read.
func ingestFormat(r *http.Request) (string, error) {
	ct := r.Header.Get("Content-Type")
	mt, _, err := mime.ParseMediaType(ct)
	if err != nil {
		return "", &httpError{http.StatusUnsupportedMediaType, "unsupported_media_type", "send Content-Type application/json or application/x-ndjson"}
	}
	switch mt {
	case "application/json":
		return "json", nil
	case "application/x-ndjson", "application/jsonl", "application/x-jsonlines", "application/jsonlines":
		return "jsonl", nil
	}
	return "", &httpError{http.StatusUnsupportedMediaType, "unsupported_media_type", "send Content-Type application/json or application/x-ndjson"}
}

// IngestResult is what POST /api/articles answers.
type IngestResult struct {
	Records    int      `json:"records"`
	Stored     int      `json:"stored"`
	Duplicates int      `json:"duplicates"`
	Unchanged  int      `json:"unchanged"`
	Failed     int      `json:"failed"`
	Quotes     int      `json:"quotes"`
	ElapsedMS  float64  `json:"elapsed_ms"`
	Errors     []string `json:"errors"`
}

func (s *Server) apiIngest(w http.ResponseWriter, r *http.Request) (any, error) {
	if err := s.authorizeWrite(r); err != nil {
		return nil, err
	}
	if s.opt.Ingest == nil {
		return nil, &httpError{http.StatusNotImplemented, "not_implemented", "this server does not ingest"}
	}
	format, err := ingestFormat(r)
	if err != nil {
		return nil, err
	}
	body, err := io.ReadAll(r.Body)
	if err != nil {
		return nil, err
	}
	if format == "json" {
		if body, err = jsonToLines(body); err != nil {
			return nil, err
		}
	} else if err := checkLines(body); err != nil {
		return nil, err
	}
	if len(bytes.TrimSpace(body)) == 0 {
		return nil, invalid("the body holds no article")
	}
	s.ingestMu.Lock()
	defer s.ingestMu.Unlock()
	s.metrics.ingests.Add(1)
	sum, err := s.opt.Ingest(r.Context(), bytes.NewReader(body), "jsonl")
	s.gen.Add(1)
	s.metrics.ingestRecords.Add(uint64(sum.Records))
	s.metrics.ingestStored.Add(uint64(sum.Stored))
	if err != nil {
		s.metrics.ingestFailed.Add(1)
		return nil, err
	}
	res := IngestResult{Records: sum.Records, Stored: sum.Stored, Duplicates: sum.Duplicates, Unchanged: sum.Unchanged,
		Failed: sum.Failed, Quotes: sum.Quotes, ElapsedMS: float64(sum.Elapsed.Microseconds()) / 1000, Errors: sum.Errors}
	if res.Errors == nil {
		res.Errors = []string{}
	}
	return res, nil
}

// jsonToLines turns a JSON object, or an array of objects, into JSONL.
func jsonToLines(body []byte) ([]byte, error) {
	body = bytes.TrimSpace(body)
	var objs []json.RawMessage
	switch {
	case len(body) == 0:
		return nil, invalid("empty body")
	case body[0] == '[':
		if err := json.Unmarshal(body, &objs); err != nil {
			return nil, invalid("body is not a JSON array of articles: %v", err)
		}
	case body[0] == '{':
		objs = []json.RawMessage{body}
	default:
		return nil, invalid("body must be a JSON object or an array of objects")
	}
	var out bytes.Buffer
	for i, o := range objs {
		o = bytes.TrimSpace(o)
		if len(o) == 0 || o[0] != '{' {
			return nil, invalid("item %d is not a JSON object", i)
		}
		if err := json.Compact(&out, o); err != nil {
			return nil, invalid("item %d: %v", i, err)
		}
		out.WriteByte('\n')
	}
	return out.Bytes(), nil
}

// checkLines makes sure every non-blank JSONL line starts an object, so
// the pipeline never sniffs the body as another format.
func checkLines(body []byte) error {
	for i, line := range bytes.Split(body, []byte("\n")) {
		line = bytes.TrimSpace(line)
		if len(line) > 0 && line[0] != '{' {
			return invalid("line %d is not a JSON object", i+1)
		}
	}
	return nil
}

// ---- operations

func (s *Server) healthz(w http.ResponseWriter, r *http.Request) {
	st, err := s.st.Stats(r.Context())
	if err != nil {
		writeJSON(w, http.StatusServiceUnavailable, map[string]any{"status": "unavailable", "error": "store unavailable"})
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{
		"status": "ok", "version": s.opt.Version, "uptime_s": int64(time.Since(s.started).Seconds()), "store": st,
	})
}

func (s *Server) metricsHandler(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	_ = s.metrics.write(w, s.started)
}

// escapePath escapes a value for use as one path segment.
func escapePath(s string) string { return url.PathEscape(s) }
