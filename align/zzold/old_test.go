package zzold_test
import ("testing";"time";"syscall";"runtime";"os";"path/filepath";"sort";"strings";"fmt"
 parallax "github.com/parallax-news/parallax"
 "github.com/parallax-news/parallax/align/zzold"
 "github.com/parallax-news/parallax/align"
 "github.com/parallax-news/parallax/quote"
 "github.com/parallax-news/parallax/textproc")
func cpu() time.Duration { var r syscall.Rusage; syscall.Getrusage(0,&r); return time.Duration(r.Utime.Nano()+r.Stime.Nano()) }
func lineParas(raw string) []parallax.Span {
	var out []parallax.Span
	start := 0
	for i := 0; i <= len(raw); i++ {
		if i < len(raw) && raw[i] != '\n' { continue }
		s, e := start, i
		for s < e && (raw[s] == ' ' || raw[s] == '\t') { s++ }
		if e > s { out = append(out, parallax.Span{Start: s, End: e}) }
		start = i + 1
	}
	return out
}
func TestCompare(t *testing.T){
	names, _ := filepath.Glob("/work/shared/eval/polnear/train/text/*.txt")
	date := func(p string) string { f := strings.SplitN(filepath.Base(p), "_", 3); return f[1] }
	sort.Slice(names, func(i, j int) bool { if di, dj := date(names[i]), date(names[j]); di != dj { return di < dj }; return names[i] < names[j] })
	an := textproc.New(); ex := quote.New(quote.Options{})
	for _, start := range []int{0, 200, 400, 600} {
	var items []zzold.Item
	var nitems []align.Item
	for k, p := range names[start:] {
		if len(items) >= 1000 { break }
		b, _ := os.ReadFile(p); raw := string(b)
		pub, _ := time.Parse("2006-01-02", date(p))
		for _, q := range ex.Extract(an.Analyze(raw, lineParas(raw))) {
			if len(items) >= 1000 { break }
			q.ID, q.Article = int64(len(items)+1), int64(k+1)
			items = append(items, zzold.Item{Quote: q, Published: pub, ArticleID: int64(k + 1), Position: float64(q.Span.Start) / float64(max(1, len(raw)))})
			nitems = append(nitems, align.Item{Quote: q, Published: pub, ArticleID: int64(k + 1), Position: float64(q.Span.Start) / float64(max(1, len(raw)))})
		}
	}
	key := func(sts []*parallax.Statement) map[string]bool {
		m := map[string]bool{}
		for _, st := range sts { s := ""; for _, v := range st.Quotes { s += fmt.Sprint(v.Quote, ":", v.Label, ":", v.Score, ",") }; m[s+" "+st.Text] = true }
		return m
	}
	oa, na := zzold.New(zzold.Options{}), align.New(align.Options{})
	oa.Align(items); na.Align(nitems)
	runtime.GC(); c0 := cpu()
	os := oa.Align(items)
	c1 := cpu()
	runtime.GC(); c2 := cpu()
	ns := na.Align(nitems)
	c3 := cpu()
	o, n := key(os), key(ns)
	diff := 0
	for k := range o { if !n[k] { diff++; t.Logf("only old: %.200s", k) } }
	for k := range n { if !o[k] { diff++; t.Logf("only new: %.200s", k) } }
	t.Logf("start %d: %d vs %d statements, %d differ; cpu old %v new %v", start, len(o), len(n), diff, c1-c0, c3-c2)
	}
}
