package sqlite_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"syscall"
	"testing"
	"time"

	parallax "github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/ingest"
	"github.com/parallax-news/parallax/internal/testshared"
	"github.com/parallax-news/parallax/pipeline"
	"github.com/parallax-news/parallax/sqlite"
	"github.com/parallax-news/parallax/storetest"
)

// BenchmarkSave saves batches of 256 new articles of about 4 KB raw text
// (and as much cleaned text) with 10 quotes each, into a growing store.
func BenchmarkSave(b *testing.B) {
	b.Run("index", func(b *testing.B) { benchmarkSave(b, sqlite.Options{}) })
	b.Run("defer-index", func(b *testing.B) { benchmarkSave(b, sqlite.Options{DeferIndex: true}) })
}

func benchmarkSave(b *testing.B, opt sqlite.Options) {
	const batch = 256
	db := openTemp(b, opt)
	defer db.Close()
	ctx := context.Background()
	var bytes int64
	for _, a := range storetest.Generate(0, batch, 4096, 10) {
		bytes += int64(len(a.Article.Raw))
	}
	b.SetBytes(bytes)
	b.ReportAllocs()
	seed := uint64(1)
	articles := 0
	var cpu time.Duration
	for range b.N {
		b.StopTimer()
		as := storetest.Generate(seed, batch, 4096, 10)
		seed++
		b.StartTimer()
		c0 := cpuTime()
		res, err := db.Save(ctx, as)
		cpu += cpuTime() - c0
		if err != nil {
			b.Fatal(err)
		}
		if !res[0].Created {
			b.Fatal("batch was not new")
		}
		articles += batch
	}
	b.ReportMetric(float64(articles)/b.Elapsed().Seconds(), "articles/s")
	// On a shared machine wall time depends on the neighbours; the
	// process's CPU time per article does much less.
	b.ReportMetric(float64(articles)/cpu.Seconds(), "articles/cpu-s")
	reportIndex(b, db, articles, cpu)
}

// cpuTime is the user and system CPU time the process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkSavePolNeAR saves batches of 256 analyses built from the
// PolNeAR dev texts (about 5 KB each), each batch made distinct by a
// trailing line.
func BenchmarkSavePolNeAR(b *testing.B) {
	dir := testshared.Path(b, "eval", "polnear", "dev", "text")
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(files) == 0 {
		b.Skipf("no PolNeAR texts in %s", dir)
	}
	var texts []string
	var bytes int64
	for _, f := range files {
		t, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, string(t))
	}
	const batch = 256
	mk := func(n int) []*parallax.Analysis {
		as := make([]*parallax.Analysis, batch)
		for i := range as {
			raw := texts[i%len(texts)] + fmt.Sprintf("\n\nBatch %d item %d.", n, i)
			as[i] = storetest.Build(raw, fmt.Sprintf("polnear#%d.%d", n, i), "Outlet "+strconv.Itoa(i%7), "2016-10-0"+strconv.Itoa(1+i%9))
		}
		return as
	}
	for _, a := range mk(0) {
		bytes += int64(len(a.Article.Raw))
	}
	for _, tc := range []struct {
		name string
		opt  sqlite.Options
	}{{"index", sqlite.Options{}}, {"defer-index", sqlite.Options{DeferIndex: true}}} {
		b.Run(tc.name, func(b *testing.B) {
			db := openTemp(b, tc.opt)
			defer db.Close()
			b.SetBytes(bytes)
			b.ReportAllocs()
			var cpu time.Duration
			articles := 0
			for n := range b.N {
				b.StopTimer()
				as := mk(n + 1)
				b.StartTimer()
				c0 := cpuTime()
				if _, err := db.Save(context.Background(), as); err != nil {
					b.Fatal(err)
				}
				cpu += cpuTime() - c0
				articles += batch
			}
			b.ReportMetric(float64(articles)/b.Elapsed().Seconds(), "articles/s")
			b.ReportMetric(float64(articles)/cpu.Seconds(), "articles/cpu-s")
			reportIndex(b, db, articles, cpu)
		})
	}
}

// reportIndex times the full-text catch-up a deferred store owes after the
// benchmark, off the clock, and reports the CPU rate with it included.
func reportIndex(b *testing.B, db *sqlite.DB, articles int, cpu time.Duration) {
	b.StopTimer()
	c0 := cpuTime()
	if err := db.Index(context.Background()); err != nil {
		b.Fatal(err)
	}
	cpu += cpuTime() - c0
	b.ReportMetric(float64(articles)/cpu.Seconds(), "indexed-articles/cpu-s")
}

var analyzed struct {
	once sync.Once
	as   []*parallax.Analysis
	err  error
}

// polnearAnalyses returns the PolNeAR train texts as the pipeline analyses
// them, with the hashes its workers fill; computed once per process.
func polnearAnalyses(b *testing.B) []*parallax.Analysis {
	dir := testshared.Path(b, "eval", "polnear", "train", "text")
	analyzed.once.Do(func() {
		an := pipeline.NewAnalyzer()
		analyzed.err = ingest.Walk(context.Background(), []string{dir}, ingest.Options{}, func(rec *parallax.Record, err error) error {
			if err != nil {
				return err
			}
			a, err := an.Analyze(rec)
			if err != nil {
				return err
			}
			a.Article.RawHash = parallax.RawHash(a.Article.Raw)
			analyzed.as = append(analyzed.as, a)
			return nil
		})
	})
	if analyzed.err != nil {
		b.Fatal(analyzed.err)
	}
	if len(analyzed.as) == 0 {
		b.Skipf("no PolNeAR texts in %s", dir)
	}
	return analyzed.as
}

// BenchmarkSaveAnalyzed saves the 840 PolNeAR train articles, analysed by
// the pipeline before the timer, into a new store in batches of 256, as
// `parallax analyze` does. One op is the whole corpus.
func BenchmarkSaveAnalyzed(b *testing.B) {
	as := polnearAnalyses(b)
	var bytes int64
	for _, a := range as {
		bytes += int64(len(a.Article.Raw))
	}
	for _, tc := range []struct {
		name string
		opt  sqlite.Options
	}{{"index", sqlite.Options{}}, {"defer-index", sqlite.Options{DeferIndex: true}}} {
		b.Run(tc.name, func(b *testing.B) {
			b.SetBytes(bytes)
			b.ReportAllocs()
			var cpu, closing time.Duration
			articles := 0
			for range b.N {
				b.StopTimer()
				resetIDs(as)
				db := openTemp(b, tc.opt)
				b.StartTimer()
				c0 := cpuTime()
				for i := 0; i < len(as); i += pipeline.DefaultBatchSize {
					if _, err := db.Save(context.Background(), as[i:min(i+pipeline.DefaultBatchSize, len(as))]); err != nil {
						b.Fatal(err)
					}
				}
				cpu += cpuTime() - c0
				articles += len(as)
				b.StopTimer()
				c0 = cpuTime()
				if err := db.Close(); err != nil {
					b.Fatal(err)
				}
				closing += cpuTime() - c0
			}
			b.ReportMetric(float64(articles)/b.Elapsed().Seconds(), "articles/s")
			b.ReportMetric(float64(articles)/cpu.Seconds(), "articles/cpu-s")
			// With Close: the last WAL checkpoint and, deferred, the index.
			b.ReportMetric(float64(articles)/(cpu+closing).Seconds(), "closed-articles/cpu-s")
		})
	}
}

// resetIDs clears what an earlier Save set in the analyses.
func resetIDs(as []*parallax.Analysis) {
	for _, a := range as {
		a.Article.ID = 0
		for j := range a.Entities {
			a.Entities[j].ID = 0
		}
		for j := range a.Quotes {
			q := &a.Quotes[j]
			q.ID, q.Article, q.Speaker.EntityID = 0, 0, 0
		}
	}
}
