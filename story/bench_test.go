package story_test

import (
	"fmt"
	"math/rand/v2"
	"runtime"
	"slices"
	"syscall"
	"testing"
	"time"

	"github.com/parallax-news/parallax/story"
)

func BenchmarkAnalyze(b *testing.B) {
	docs := basilDocs(b, loadBASIL(b))
	var n int64
	for _, d := range docs {
		n += int64(len(d.Text))
	}
	b.ReportAllocs()
	b.SetBytes(n / int64(len(docs)))
	i := 0
	for b.Loop() {
		story.Analyze(docs[i%len(docs)])
		i++
	}
}

// variants makes profiles from BASIL's: each a copy of one article with a
// random date in 2010–2019, its entities renamed into one of 30 casts and
// a fifth of its terms swapped for words of a 200,000-word synthetic
// vocabulary. Dates come sorted; profiles are made one at a time (as a
// pipeline would) so that the benchmark does not keep them all alive.
type variants struct {
	base  []*story.Profile
	casts [][][]story.TermCount // base → cast → entities
	vocab []string
	pick  []int // per article: base index
	dates []time.Time
	r     *rand.Rand
	terms []story.TermCount
}

func newVariants(b *testing.B, n int) *variants {
	docs := basilDocs(b, loadBASIL(b))
	v := &variants{r: rand.New(rand.NewPCG(3, 4))}
	for _, d := range docs {
		p := story.Analyze(d)
		v.base = append(v.base, p)
		var cs [][]story.TermCount
		for cast := range 30 {
			es := slices.Clone(p.Entities)
			for k := range es {
				es[k].Term = fmt.Sprintf("%s~%d", es[k].Term, cast)
			}
			cs = append(cs, es)
		}
		v.casts = append(v.casts, cs)
	}
	for i := range 200000 {
		v.vocab = append(v.vocab, fmt.Sprintf("w%d", i))
	}
	t0 := time.Date(2010, 1, 1, 0, 0, 0, 0, time.UTC)
	for range n {
		v.pick = append(v.pick, v.r.IntN(len(v.base)))
		v.dates = append(v.dates, t0.AddDate(0, 0, v.r.IntN(3650)))
	}
	slices.SortFunc(v.dates, func(a, b time.Time) int { return a.Compare(b) })
	return v
}

func (v *variants) profile(i int) *story.Profile {
	src := v.base[v.pick[i]]
	p := *src
	p.ID = int64(i + 1)
	p.Published = v.dates[i]
	p.Entities = v.casts[v.pick[i]][v.r.IntN(30)]
	// the clusterer keeps no reference to a profile's slices: reuse one
	v.terms = append(v.terms[:0], src.Terms...)
	p.Terms = v.terms
	for k := range p.Terms {
		if v.r.IntN(5) == 0 {
			p.Terms[k].Term = v.vocab[v.r.IntN(len(v.vocab))]
		}
	}
	return &p
}

// BenchmarkCluster100k adds 100,000 profiled articles and reports the
// clustering rate and the peak heap. Run with -benchtime=1x.
func BenchmarkCluster100k(b *testing.B) {
	const n = 100_000
	vs := newVariants(b, n)
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	before := ms.HeapAlloc
	b.ReportAllocs()
	b.ResetTimer()
	var peak uint64
	var stories int
	cpu0 := cpuTime()
	for range b.N {
		c := story.New(story.Options{})
		for i := range n {
			c.AddProfile(vs.profile(i))
			if i%5000 == 4999 {
				runtime.ReadMemStats(&ms)
				peak = max(peak, ms.HeapAlloc)
			}
		}
		stories = c.Len()
	}
	el := b.Elapsed().Seconds()
	b.ReportMetric(float64(n*b.N)/el, "articles/s")
	// on a shared machine wall time says little; CPU time says more
	b.ReportMetric(float64(n*b.N)/(cpuTime()-cpu0).Seconds(), "articles/cpu-s")
	b.ReportMetric(float64(peak-before)/(1<<20), "peak-MiB")
	b.ReportMetric(float64(stories), "stories")
}

// BenchmarkClusterAdd reports the cost of one Add into a clusterer
// holding the b.N articles before it (try -benchtime=20000x).
func BenchmarkClusterAdd(b *testing.B) {
	vs := newVariants(b, b.N)
	c := story.New(story.Options{})
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := cpuTime()
	for i := range b.N {
		c.AddProfile(vs.profile(i))
	}
	b.ReportMetric(float64((cpuTime()-cpu0).Nanoseconds())/float64(b.N), "cpu-ns/op")
}

// cpuTime is the process's user and system CPU time so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
