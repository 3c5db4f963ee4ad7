package compare_test

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	parallax "github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/align"
	"github.com/parallax-news/parallax/compare"
	"github.com/parallax-news/parallax/quote"
	"github.com/parallax-news/parallax/textproc"
)

type basilRow struct {
	Outlet, Title, Published, Text, Story string
}

// TestBASILPipeline runs quote extraction, alignment and comparison over
// the BASIL stories (three outlets each), checks that every finding maps
// back to its article, and reports what was found.
func TestBASILPipeline(t *testing.T) {
	if testing.Short() {
		t.Skip("long: runs the quote stage over 300 articles")
	}
	path := filepath.Join(filepath.Dir(seedDir(t)), "..", "eval", "basil", "articles.jsonl")
	f, err := os.Open(path)
	if err != nil {
		t.Skipf("BASIL not found: %v", err)
	}
	defer f.Close()
	stories := map[string][]basilRow{}
	var order []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		var r basilRow
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatal(err)
		}
		if _, ok := stories[r.Story]; !ok {
			order = append(order, r.Story)
		}
		stories[r.Story] = append(stories[r.Story], r)
	}
	an := textproc.New()
	ex := quote.New(quote.Options{})
	al := align.New(align.Options{})
	var nq, nst, cross, ncontra, nscare, nhedge int
	var alignTime time.Duration
	cues := map[string]int{}
	var id, qid int64
	for _, key := range order {
		var in compare.Input
		var items []align.Item
		for _, r := range stories[key] {
			id++
			a := article(id, r.Outlet, r.Text)
			a.Published = r.Published
			a.TitleSpan = parallax.Span{}
			in.Articles = append(in.Articles, a)
			pub, _ := a.PublishedTime()
			for _, q := range ex.Extract(an.Analyze(a.Raw, a.Paragraphs)) {
				qid++
				q.ID, q.Article = qid, id
				in.Quotes = append(in.Quotes, q)
				items = append(items, align.Item{Quote: q, Outlet: r.Outlet, Published: pub, ArticleID: id,
					Position: float64(q.Span.Start) / float64(len(a.Raw)+1)})
			}
		}
		start := time.Now()
		in.Statements = al.Align(items)
		alignTime += time.Since(start)
		nq += len(items)
		nst += len(in.Statements)
		byID := map[int64]int64{}
		for _, q := range in.Quotes {
			byID[q.ID] = q.Article
		}
		for _, st := range in.Statements {
			arts := map[int64]bool{}
			for _, v := range st.Quotes {
				arts[byID[v.Quote]] = true
			}
			if len(arts) > 1 {
				cross++
				if os.Getenv("PARALLAX_SHOW") == "statements" && cross%12 == 0 {
					var vs []string
					for _, v := range st.Quotes {
						for _, q := range in.Quotes {
							if q.ID == v.Quote {
								vs = append(vs, string(v.Label)+" ["+q.Speaker.Name+"] "+q.Text)
							}
						}
					}
					t.Logf("statement %q\n\t%s", st.Text, strings.Join(vs, "\n\t"))
				}
			}
		}
		m := compare.Coverage(in)
		if len(m.Cells) != len(m.Outlets) {
			t.Fatalf("story %s: %d rows for %d outlets", key, len(m.Cells), len(m.Outlets))
		}
		for _, fr := range compare.Framing(in) {
			for _, c := range fr.Cues {
				cues[c.Cue] += c.Count
				for _, e := range c.Examples {
					checkFinding(t, in, e)
				}
			}
			for _, x := range fr.ScareQuotes {
				checkFinding(t, in, x)
			}
			for _, x := range fr.Hedges {
				checkFinding(t, in, x)
			}
			nscare += len(fr.ScareQuotes)
			nhedge += len(fr.Hedges)
		}
		facts := compare.Facts(in)
		for _, x := range facts {
			checkFinding(t, in, compare.Finding{Article: x.Article, Span: x.Span, Text: x.Text})
		}
		cs := compare.Contradictions(facts)
		ncontra += len(cs)
		if os.Getenv("PARALLAX_SHOW") != "" {
			for _, c := range cs {
				t.Logf("%s: %q (%s) vs %q (%s) shared %v", c.Unit, c.A.Text, c.A.Outlet, c.B.Text, c.B.Outlet, c.Shared)
			}
		}
	}
	type kv struct {
		k string
		v int
	}
	var top []kv
	for k, v := range cues {
		top = append(top, kv{k, v})
	}
	sort.Slice(top, func(i, j int) bool { return top[i].v > top[j].v || top[i].v == top[j].v && top[i].k < top[j].k })
	var ts []string
	for i := 0; i < len(top) && i < 12; i++ {
		ts = append(ts, top[i].k+":"+itoa(top[i].v))
	}
	t.Logf("%d stories: %d quotes → %d statements, %d carried by more than one article; align %v total (wall)",
		len(order), nq, nst, cross, alignTime)
	t.Logf("framing: %d scare quotes, %d hedges; top non-neutral cues %s; %d contradictions", nscare, nhedge, strings.Join(ts, " "), ncontra)
	if nq > 0 && cross == 0 {
		t.Errorf("no statement aligned across outlets in %d stories", len(order))
	}
}
