// Command loadbench measures the HTTP server on loopback over a large
// store: latency percentiles of the story page and search, then a
// sustained run of many concurrent clients while an ingest runs.
//
//	go run ./httpapi/internal/loadbench -db /tmp/bench.db -articles 100000
//
// The store is built once (and reused by later runs) from the example
// corpus: each article is analysed by the real pipeline, then saved again
// and again with a paragraph of other corpus words appended and its date,
// outlet and source changed, so every copy is a distinct article with real
// quotes and entities. Every copy of the corpus's first event becomes a
// story whose statements are aligned by package align.
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/align"
	"github.com/parallax-news/parallax/httpapi"
	"github.com/parallax-news/parallax/ingest"
	"github.com/parallax-news/parallax/pipeline"
	"github.com/parallax-news/parallax/sqlite"
)

func main() {
	dbPath := flag.String("db", filepath.Join(os.TempDir(), "parallax-loadbench.db"), "store to build or reuse")
	corpus := flag.String("corpus", "examples/corpus", "example corpus directory")
	n := flag.Int("articles", 100000, "articles in the store")
	requests := flag.Int("requests", 2000, "requests per latency phase")
	searchRequests := flag.Int("search-requests", 0, "requests per search phase (default: -requests)")
	clients := flag.Int("clients", 8, "concurrent clients in the latency phases")
	loadClients := flag.Int("load-clients", 64, "concurrent clients in the load phase")
	loadFor := flag.Duration("load-for", 30*time.Second, "length of the load phase")
	noSearchLoad := flag.Bool("no-search-load", false, "leave searches out of the load phase")
	speaker := flag.String("speaker", "varsh", "speaker filter of the search + speaker phase")
	outlet := flag.String("outlet", "wire", "outlet filter of the search + outlet/date phase")
	since := flag.String("since", "2024-01-01", "since filter of the search + outlet/date phase")
	until := flag.String("until", "2024-12-31", "until filter of the search + outlet/date phase")
	flag.Parse()
	ctx := context.Background()

	db, err := sqlite.Open(ctx, *dbPath, sqlite.Options{})
	if err != nil {
		log.Fatal(err)
	}
	defer db.Close()
	words, err := build(ctx, db, *corpus, *n)
	if err != nil {
		log.Fatal(err)
	}
	st, _ := db.Stats(ctx)
	var stories []int64
	db.Stories(ctx, parallax.StoryFilter{}, func(s *parallax.Story) error { stories = append(stories, s.ID); return nil })
	fmt.Printf("store: %d articles, %d quotes, %d entities, %d outlets, %d stories\n", st.Articles, st.Quotes, st.Entities, st.Outlets, len(stories))
	if len(stories) == 0 {
		log.Fatal("no stories")
	}

	srv := httpapi.New(db, httpapi.Options{Ingest: httpapi.RunnerIngest(pipeline.Runner{Store: db, Analyzer: pipeline.NewAnalyzer()})})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		log.Fatal(err)
	}
	sctx, stop := context.WithCancel(ctx)
	done := make(chan error, 1)
	go func() { done <- srv.Serve(sctx, ln) }()
	base := "http://" + ln.Addr().String()
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 256, MaxConnsPerHost: 256}, Timeout: 30 * time.Second}

	rng := rand.New(rand.NewPCG(1, 2))
	story := func() string { return fmt.Sprintf("/stories/%d", stories[rng.IntN(len(stories))]) }
	apiStory := func() string { return fmt.Sprintf("/api/stories/%d", stories[rng.IntN(len(stories))]) }
	search := func() string { return "/api/search?q=" + url.QueryEscape(words[rng.IntN(len(words))]) }
	searchPage := func() string { return "/search?q=" + url.QueryEscape(words[rng.IntN(len(words))]) }
	filters := url.Values{"outlet": {*outlet}, "since": {*since}, "until": {*until}}.Encode()
	searchFiltered := func() string {
		return "/api/search?q=" + url.QueryEscape(words[rng.IntN(len(words))]) + "&" + filters
	}
	searchSpeaker := func() string {
		return "/api/search?q=" + url.QueryEscape(words[rng.IntN(len(words))]) + "&speaker=" + url.QueryEscape(*speaker)
	}
	var mu sync.Mutex
	next := func(f func() string) func() string {
		return func() string { mu.Lock(); defer mu.Unlock(); return f() }
	}

	if *searchRequests <= 0 {
		*searchRequests = *requests
	}
	fmt.Printf("\nlatency, %d requests per row (%d for searches), %d concurrent clients, loopback:\n", *requests, *searchRequests, *clients)
	fmt.Printf("%-34s %8s %8s %8s %8s %8s %7s\n", "endpoint", "req/s", "p50 ms", "p95 ms", "p99 ms", "max ms", "errors")
	for _, ph := range []struct {
		name   string
		path   func() string
		search bool
	}{
		{"GET /stories/{id} (HTML)", story, false},
		{"GET /api/stories/{id}", apiStory, false},
		{"GET /api/search?q=WORD", search, true},
		{"GET /search?q=WORD (HTML)", searchPage, true},
		{"GET /api/search?q&outlet&since&until", searchFiltered, true},
		{"GET /api/search?q&speaker", searchSpeaker, true},
	} {
		count := *requests
		if ph.search {
			count = *searchRequests
		}
		r := run(client, base, next(ph.path), *clients, count, 0, nil)
		r.print(ph.name)
	}

	// Load: many clients on mixed pages while articles are ingested.
	fmt.Printf("\nload: %d clients for %v on mixed reads while POST /api/articles ingests:\n", *loadClients, *loadFor)
	ingestStop := make(chan struct{})
	var ingested, ingestRecords, ingestErrs atomic.Int64
	runSeed := uint64(time.Now().UnixNano()) // new articles on every run
	var ingestWG sync.WaitGroup
	ingestWG.Add(1)
	go func() {
		defer ingestWG.Done()
		for i := 0; ; i++ {
			select {
			case <-ingestStop:
				return
			default:
			}
			body := ingestBody(words, runSeed, i)
			resp, err := client.Post(base+"/api/articles", "application/x-ndjson", bytes.NewReader(body))
			if err != nil {
				ingestErrs.Add(1)
				continue
			}
			var res httpapi.IngestResult
			json.NewDecoder(resp.Body).Decode(&res)
			resp.Body.Close()
			if resp.StatusCode != 200 {
				ingestErrs.Add(1)
			}
			ingested.Add(int64(res.Stored))
			ingestRecords.Add(int64(res.Records))
		}
	}()
	mixed := []func() string{story, apiStory, search, searchPage, searchFiltered,
		func() string { return fmt.Sprintf("/articles/%d", 1+rng.IntN(st.Articles)) },
		func() string { return fmt.Sprintf("/api/articles/%d", 1+rng.IntN(st.Articles)) },
		func() string { return "/api/quotes?limit=20&offset=" + fmt.Sprint(rng.IntN(10000)) },
		func() string { return "/" },
		func() string { return "/healthz" },
	}
	if *noSearchLoad {
		mixed = append(mixed[:2], mixed[5:]...)
	}
	pick := next(func() string {
		return mixed[rng.IntN(len(mixed))]()
	})
	byRoute := map[string]*result{}
	r := run(client, base, pick, *loadClients, 0, *loadFor, byRoute)
	close(ingestStop)
	ingestWG.Wait()
	r.print("all reads")
	names := make([]string, 0, len(byRoute))
	for k := range byRoute {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		byRoute[k].print("  " + k)
	}
	fmt.Printf("ingest during load: %d records read, %d articles stored, %d failed requests\n", ingestRecords.Load(), ingested.Load(), ingestErrs.Load())
	stop()
	if err := <-done; err != nil {
		log.Fatal(err)
	}
	if r.errors > 0 || ingestErrs.Load() > 0 {
		os.Exit(1)
	}
}

// result is the outcome of a phase.
type result struct {
	lat      []time.Duration
	errors   int
	elapsed  time.Duration
	firstErr string
}

func (r *result) print(name string) {
	if len(r.lat) == 0 {
		fmt.Printf("%-34s no requests\n", name)
		return
	}
	sort.Slice(r.lat, func(i, j int) bool { return r.lat[i] < r.lat[j] })
	pct := func(p float64) float64 {
		i := int(p*float64(len(r.lat))+0.5) - 1
		return float64(r.lat[min(max(i, 0), len(r.lat)-1)].Microseconds()) / 1000
	}
	rate := 0.0
	if r.elapsed > 0 {
		rate = float64(len(r.lat)) / r.elapsed.Seconds()
	}
	fmt.Printf("%-34s %8.0f %8.1f %8.1f %8.1f %8.1f %7d\n", name, rate, pct(0.50), pct(0.95), pct(0.99), pct(1), r.errors)
	if r.firstErr != "" {
		fmt.Printf("    first error: %s\n", r.firstErr)
	}
}

// run sends requests from c clients: count of them in all, or as many as
// fit in d. byRoute, when set, also collects latencies per path kind.
func run(client *http.Client, base string, path func() string, c, count int, d time.Duration, byRoute map[string]*result) *result {
	var mu sync.Mutex
	res := &result{}
	var sent atomic.Int64
	deadline := time.Now().Add(d)
	start := time.Now()
	var wg sync.WaitGroup
	for range c {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				if count > 0 && sent.Add(1) > int64(count) {
					return
				}
				if d > 0 && time.Now().After(deadline) {
					return
				}
				p := path()
				t0 := time.Now()
				err := fetch(client, base+p)
				lat := time.Since(t0)
				mu.Lock()
				res.lat = append(res.lat, lat)
				if err != nil {
					res.errors++
					if res.firstErr == "" {
						res.firstErr = p + ": " + err.Error()
					}
				}
				if byRoute != nil {
					k := routeOf(p)
					if byRoute[k] == nil {
						byRoute[k] = &result{}
					}
					byRoute[k].lat = append(byRoute[k].lat, lat)
					if err != nil {
						byRoute[k].errors++
					}
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	res.elapsed = time.Since(start)
	if byRoute != nil {
		for _, r := range byRoute {
			r.elapsed = res.elapsed
		}
	}
	return res
}

// routeOf names a request path by its shape: "/api/stories/{id}".
func routeOf(p string) string {
	if i := strings.IndexByte(p, '?'); i >= 0 {
		p = p[:i]
	}
	parts := strings.Split(p, "/")
	for i, s := range parts {
		if s != "" && strings.Trim(s, "0123456789") == "" {
			parts[i] = "{id}"
		}
	}
	return strings.Join(parts, "/")
}

func fetch(client *http.Client, u string) error {
	resp, err := client.Get(u)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if _, err := io.Copy(io.Discard, resp.Body); err != nil {
		return err
	}
	if resp.StatusCode != 200 {
		return fmt.Errorf("status %d", resp.StatusCode)
	}
	return nil
}

// ingestBody is a JSONL batch of 8 new articles made of corpus words.
func ingestBody(words []string, seed uint64, batch int) []byte {
	var b bytes.Buffer
	rng := rand.New(rand.NewPCG(seed, uint64(batch)))
	for i := range 8 {
		var text strings.Builder
		for p := range 4 {
			for range 40 {
				text.WriteString(words[rng.IntN(len(words))])
				text.WriteByte(' ')
			}
			fmt.Fprintf(&text, "\n\n\"We will not accept %s,\" said Minister Arlen Dovic on day %d.\n\n", words[rng.IntN(len(words))], p)
		}
		line, _ := json.Marshal(map[string]string{
			"id": fmt.Sprintf("load-%d-%d-%d", seed, batch, i), "outlet": "Load Wire", "title": fmt.Sprintf("Load article %d-%d", batch, i),
			"published": "2025-06-01", "text": text.String(),
		})
		b.Write(line)
		b.WriteByte('\n')
	}
	return b.Bytes()
}

// template is the example corpus analysed once.
type template struct {
	ans    []*parallax.Analysis
	event  []int // indexes of ans in the first event (one story per copy)
	stmts  []*parallax.Statement
	qindex map[int64][2]int // template quote id → (analysis index, quote ordinal)
}

// build fills db up to n articles and returns the vocabulary used for searches.
func build(ctx context.Context, db *sqlite.DB, corpus string, n int) ([]string, error) {
	tpl, err := analyse(ctx, corpus)
	if err != nil {
		return nil, err
	}
	words := vocabulary(tpl.ans)
	st, err := db.Stats(ctx)
	if err != nil {
		return nil, err
	}
	if st.Articles >= n {
		return words, nil
	}
	fmt.Printf("building a store of %d articles from %d templates…\n", n, len(tpl.ans))
	t0 := time.Now()
	rng := rand.New(rand.NewPCG(42, uint64(st.Articles)))
	day0 := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	const copiesPerSave = 32
	for copyN := st.Articles / len(tpl.ans); st.Articles < n; {
		var batch []*parallax.Analysis
		first := copyN
		for range copiesPerSave {
			for i, a := range tpl.ans {
				batch = append(batch, variant(a, copyN, i, day0, words, rng))
			}
			copyN++
		}
		if _, err := db.Save(ctx, batch); err != nil {
			return nil, err
		}
		// One story per copy of the first event, its statements remapped
		// to the copy's quotes.
		for c := range copyN - first {
			copyAns := batch[c*len(tpl.ans) : (c+1)*len(tpl.ans)]
			s := &parallax.Story{Title: fmt.Sprintf("%s (%d)", copyAns[tpl.event[0]].Article.Title, first+c)}
			for _, i := range tpl.event {
				a := copyAns[i].Article
				s.Articles = append(s.Articles, a.ID)
				if !contains(s.Outlets, a.Outlet) {
					s.Outlets = append(s.Outlets, a.Outlet)
				}
				d := a.Published[:10]
				if s.Start == "" || d < s.Start {
					s.Start = d
				}
				s.End = max(s.End, d)
			}
			if err := db.SaveStories(ctx, s); err != nil {
				return nil, err
			}
			var sts []*parallax.Statement
			for _, t := range tpl.stmts {
				x := &parallax.Statement{Story: s.ID, Speaker: t.Speaker, Text: t.Text}
				for _, v := range t.Quotes {
					at := tpl.qindex[v.Quote]
					v.Quote = copyAns[at[0]].Quotes[at[1]].ID
					x.Quotes = append(x.Quotes, v)
				}
				sts = append(sts, x)
			}
			if err := db.ReplaceStatements(ctx, s.ID, sts); err != nil {
				return nil, err
			}
		}
		st.Articles += len(batch)
		if copyN%320 == 0 {
			fmt.Printf("  %d articles, %.0f/s\n", st.Articles, float64(st.Articles)/time.Since(t0).Seconds())
		}
	}
	fmt.Printf("built in %v\n", time.Since(t0).Round(time.Second))
	return words, nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// variant copies a template analysis as copy number c: new source, date
// and outlet, and a paragraph of corpus words appended after the body so
// the text (and its hash) differs while every span stays valid.
func variant(a *parallax.Analysis, c, i int, day0 time.Time, words []string, rng *rand.Rand) *parallax.Analysis {
	v := &parallax.Analysis{Article: a.Article, Sentences: a.Sentences, Entities: a.Entities}
	art := &v.Article
	art.ID, art.Hash = 0, ""
	art.Source = fmt.Sprintf("bench/%d/%s", c, filepath.Base(a.Article.Source))
	outlet := art.Outlet
	if outlet == "" {
		outlet = "Unnamed"
	}
	art.Outlet = fmt.Sprintf("%s %d", outlet, c%40)
	art.Published = day0.AddDate(0, 0, c%1800).Format("2006-01-02")
	var extra strings.Builder
	extra.WriteString("\n\n")
	for range 60 {
		extra.WriteString(words[rng.IntN(len(words))])
		extra.WriteByte(' ')
	}
	start := len(art.Raw) + 2
	art.Raw += extra.String()
	art.Text += extra.String()
	art.Paragraphs = append(append([]parallax.Span(nil), art.Paragraphs...), parallax.Span{Start: start, End: len(art.Raw)})
	v.Quotes = make([]parallax.Quote, len(a.Quotes))
	copy(v.Quotes, a.Quotes)
	for j := range v.Quotes {
		v.Quotes[j].ID, v.Quotes[j].Article = 0, 0
	}
	v.Entities = make([]parallax.Entity, len(a.Entities))
	copy(v.Entities, a.Entities)
	for j := range v.Entities {
		v.Entities[j].ID = 0
	}
	_ = i
	return v
}

// analyse runs the pipeline's per-article stages over the corpus and
// aligns the quotes of its first event (the four articles dated like the
// most articles) into statements.
func analyse(ctx context.Context, corpus string) (*template, error) {
	an := pipeline.NewAnalyzer()
	tpl := &template{qindex: map[int64][2]int{}}
	err := ingest.Walk(ctx, []string{corpus}, ingest.Options{}, func(rec *parallax.Record, err error) error {
		if err != nil {
			return nil // the answer key and other non-articles
		}
		a, err := an.Analyze(rec)
		if err != nil {
			return nil
		}
		tpl.ans = append(tpl.ans, a)
		return nil
	})
	if err != nil {
		return nil, err
	}
	if len(tpl.ans) == 0 {
		return nil, errors.New("no article in " + corpus)
	}
	// The first event: the most common publication day.
	byDay := map[string][]int{}
	for i, a := range tpl.ans {
		if len(a.Article.Published) >= 10 {
			d := a.Article.Published[:10]
			byDay[d] = append(byDay[d], i)
		}
	}
	for _, idx := range byDay {
		if len(idx) > len(tpl.event) {
			tpl.event = idx
		}
	}
	var items []align.Item
	id := int64(1)
	for _, i := range tpl.event {
		a := tpl.ans[i]
		pub, _ := a.Article.PublishedTime()
		for j := range a.Quotes {
			q := a.Quotes[j]
			q.ID = id
			tpl.qindex[id] = [2]int{i, j}
			id++
			items = append(items, align.Item{Quote: q, Outlet: a.Article.Outlet, Published: pub, ArticleID: int64(i + 1)})
		}
	}
	tpl.stmts = align.New(align.Options{}).Align(items)
	return tpl, nil
}

// vocabulary lists the distinct longer words of the corpus, for searches
// and filler text.
func vocabulary(ans []*parallax.Analysis) []string {
	seen := map[string]bool{}
	var out []string
	for _, a := range ans {
		for _, w := range strings.Fields(a.Article.Text) {
			w = strings.ToLower(strings.Trim(w, ".,;:!?\"'()[]«»‘’“”—–-"))
			if len(w) >= 5 && strings.IndexFunc(w, func(r rune) bool { return !('a' <= r && r <= 'z') }) < 0 && !seen[w] {
				seen[w] = true
				out = append(out, w)
			}
		}
	}
	sort.Strings(out)
	return out
}
