package pipeline

import (
	"context"
	"errors"
	"log/slog"
	"runtime"
	"sync"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/ingest"
)

// minEager is the fewest records the writer saves before a batch is full.
const minEager = 64

// Defaults for Options.
const (
	DefaultBatchSize  = 256
	DefaultFlushEvery = 500 * time.Millisecond
)

// Options configure a Runner. The zero value means defaults.
type Options struct {
	// Workers analysing records; 0 means GOMAXPROCS.
	Workers int
	// BatchSize is the number of articles saved per transaction.
	BatchSize int
	// FlushEvery bounds how long a partial batch waits before it is saved.
	FlushEvery time.Duration
	// Ingest configures the readers.
	Ingest ingest.Options
	// Progress, when set, is called after every saved batch.
	Progress func(Summary)
	// OnError, when set, is called for every record that failed.
	OnError func(*parallax.RecordError)
	// AfterSave, when set, is called with every saved batch and its
	// results, one batch at a time in save order: the hook for corpus
	// stages. It runs on its own goroutine, while the next batch is saved.
	AfterSave func(ctx context.Context, batch []*parallax.Analysis, res []parallax.SaveResult) error
	Logger    *slog.Logger
}

// Summary counts what a run did.
type Summary struct {
	Records    int           `json:"records"`    // records read, failed ones included
	Stored     int           `json:"stored"`     // new articles saved
	Duplicates int           `json:"duplicates"` // records whose body was already stored
	Unchanged  int           `json:"unchanged"`  // records skipped: same source and text already stored
	Failed     int           `json:"failed"`     // records that failed
	Quotes     int           `json:"quotes"`     // quotes in new articles
	Elapsed    time.Duration `json:"elapsed_ns"` // wall time so far
	Errors     []string      `json:"errors,omitempty"`
}

// Rate returns records per second.
func (s Summary) Rate() float64 {
	if s.Elapsed <= 0 {
		return 0
	}
	return float64(s.Records) / s.Elapsed.Seconds()
}

// MaxErrors bounds the errors a Summary keeps; all are counted.
const MaxErrors = 1000

// Runner reads inputs, analyses every record and saves the results.
type Runner struct {
	Store    parallax.Store
	Analyzer *Analyzer
	Options  Options
}

type item struct {
	seq     int
	rec     *parallax.Record
	rawHash string
	an      *parallax.Analysis
	skip    bool // already stored from this source
	err     *parallax.RecordError
}

// Run processes inputs until they are exhausted or ctx is done. Every
// batch saved before an interruption stays saved; a re-run skips the
// records already stored. The returned error is nil when only some records
// failed: Summary.Failed says how many.
func (r *Runner) Run(ctx context.Context, inputs []string) (Summary, error) {
	opt := r.Options
	workers := opt.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	batchSize := opt.BatchSize
	if batchSize <= 0 {
		batchSize = DefaultBatchSize
	}
	flushEvery := opt.FlushEvery
	if flushEvery <= 0 {
		flushEvery = DefaultFlushEvery
	}
	log := opt.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}

	start := time.Now()
	var sum Summary
	// inflight bounds the records between reading and the batch, so the
	// reorder buffer cannot grow with the corpus; it holds two batches, so
	// workers keep going while one is saved.
	inflight := make(chan struct{}, 2*batchSize+workers*4)
	todo := make(chan *item, workers*2)
	// done holds every record in flight, so workers never wait while the
	// writer saves a batch.
	done := make(chan *item, cap(inflight))

	// turns bounds the goroutines analysing, saving or running the corpus
	// hook at once to the workers: while the writer saves, one worker
	// waits. Without it, the writer gets a third of two cores, falls behind
	// by the whole in-flight window, and saves that alone after the workers
	// have finished.
	turns := make(chan struct{}, workers)
	writerTurn := workers >= 2

	g, gctx := errgroup.WithContext(ctx)

	// Reader: one record at a time, numbered in input order.
	g.Go(func() error {
		defer close(todo)
		seq := 0
		// HTML is extracted by the workers, in parallel, not by the reader.
		iopt := opt.Ingest
		iopt.DeferExtract = true
		return ingest.Walk(gctx, inputs, iopt, func(rec *parallax.Record, err error) error {
			it := &item{seq: seq, rec: rec}
			seq++
			if err != nil {
				var re *parallax.RecordError
				if !errors.As(err, &re) {
					re = &parallax.RecordError{Source: "?", Stage: "read", Err: err}
				}
				it.err = re
			}
			select {
			case inflight <- struct{}{}:
			case <-gctx.Done():
				return gctx.Err()
			}
			select {
			case todo <- it:
				return nil
			case <-gctx.Done():
				return gctx.Err()
			}
		})
	})

	// Workers: the per-article stages.
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		g.Go(func() error {
			defer wg.Done()
			for it := range todo {
				if it.err == nil {
					turns <- struct{}{}
					r.work(gctx, it)
					<-turns
				}
				select {
				case done <- it:
				case <-gctx.Done():
					return gctx.Err()
				}
			}
			return nil
		})
	}
	go func() { wg.Wait(); close(done) }()

	// Corpus hook: runs on saved batches in order, overlapping the save of
	// the next one. The channel holds one batch, so memory stays bounded.
	type saved struct {
		batch []*parallax.Analysis
		res   []parallax.SaveResult
	}
	var after chan saved
	if opt.AfterSave != nil {
		after = make(chan saved, 1)
		g.Go(func() error {
			for s := range after {
				if writerTurn {
					turns <- struct{}{}
				}
				err := opt.AfterSave(gctx, s.batch, s.res)
				if writerTurn {
					<-turns
				}
				if err != nil {
					return err
				}
			}
			return nil
		})
	}

	// Writer: restore input order, save in batches.
	g.Go(func() error {
		if after != nil {
			defer close(after)
		}
		pending := map[int]*item{}
		next := 0
		var batch []*parallax.Analysis
		// wait runs from the first record of a partial batch: a batch is
		// saved when full, or flushEvery after it was started.
		wait := time.NewTimer(flushEvery)
		wait.Stop()
		defer wait.Stop()

		// limit starts small and doubles with every save up to batchSize:
		// the writer, which sets the pace, starts early instead of idling
		// until the workers have filled a whole batch.
		limit := max(batchSize/8, 1)
		// writerBound: the last save ended with half a batch waiting, so
		// the workers outpace the writer. Only then does a writer that has
		// caught up save before its batch is full: when the workers are
		// the slower, the smaller saves would only cost more.
		writerBound := false
		flush := func() error {
			limit = min(2*limit, batchSize)
			var res []parallax.SaveResult
			if len(batch) > 0 {
				if writerTurn {
					turns <- struct{}{}
				}
				var err error
				res, err = r.Store.Save(gctx, batch)
				if writerTurn {
					<-turns
				}
				if err != nil && gctx.Err() == nil {
					// One bad analysis must not cost the batch: save one
					// by one and report the ones the store refuses.
					batch, res, err = r.saveEach(gctx, batch, func(e *parallax.RecordError) {
						sum.Failed++
						if len(sum.Errors) < MaxErrors {
							sum.Errors = append(sum.Errors, e.Error())
						}
						log.Warn("record failed", "source", e.Source, "stage", e.Stage, "err", e.Err)
						if opt.OnError != nil {
							opt.OnError(e)
						}
					})
				}
				if err != nil {
					return err
				}
				for i, rs := range res {
					if rs.Created {
						sum.Stored++
						sum.Quotes += len(batch[i].Quotes)
					} else {
						sum.Duplicates++
					}
				}
			}
			writerBound = len(done) >= limit/2
			sum.Elapsed = time.Since(start)
			if opt.Progress != nil {
				opt.Progress(sum)
			}
			if after != nil && len(batch) > 0 {
				select {
				case after <- saved{batch, res}:
				case <-gctx.Done():
					return gctx.Err()
				}
			}
			batch = nil // the hook may still hold the old one
			wait.Stop()
			return nil
		}
		accept := func(it *item) {
			sum.Records++
			switch {
			case it.err != nil:
				sum.Failed++
				if len(sum.Errors) < MaxErrors {
					sum.Errors = append(sum.Errors, it.err.Error())
				}
				log.Warn("record failed", "source", it.err.Source, "stage", it.err.Stage, "err", it.err.Err)
				if opt.OnError != nil {
					opt.OnError(it.err)
				}
			case it.skip:
				sum.Unchanged++
			default:
				if len(batch) == 0 {
					wait.Reset(flushEvery)
				}
				batch = append(batch, it.an)
			}
			<-inflight
		}
		for {
			select {
			case it, ok := <-done:
				if !ok {
					return flush()
				}
				pending[it.seq] = it
				for {
					it, ok := pending[next]
					if !ok {
						break
					}
					delete(pending, next)
					next++
					accept(it)
					if len(batch) >= limit {
						if err := flush(); err != nil {
							return err
						}
					}
				}
				// Caught up with the workers, with half a batch in hand:
				// save it now rather than idle until the batch fills. A
				// transaction of 128 costs ≈ 15 ms more per 256 articles
				// than one of 256; a bound writer's idle gaps cost more.
				if writerBound && len(done) == 0 && len(pending) == 0 && len(batch) >= max(limit/2, minEager) {
					if err := flush(); err != nil {
						return err
					}
				}
			case <-wait.C:
				if err := flush(); err != nil {
					return err
				}
			case <-gctx.Done():
				return gctx.Err()
			}
		}
	})

	err := g.Wait()
	sum.Elapsed = time.Since(start)
	return sum, err
}

// saveEach saves a batch one analysis at a time, reporting each one the
// store refuses through fail; it returns the analyses saved and their
// results, or an error when the store fails for all of them alike.
func (r *Runner) saveEach(ctx context.Context, batch []*parallax.Analysis, fail func(*parallax.RecordError)) ([]*parallax.Analysis, []parallax.SaveResult, error) {
	var saved []*parallax.Analysis
	var results []parallax.SaveResult
	var last error
	for _, an := range batch {
		res, err := r.Store.Save(ctx, []*parallax.Analysis{an})
		if err != nil {
			if ctx.Err() != nil {
				return nil, nil, ctx.Err()
			}
			last = err
			fail(&parallax.RecordError{Source: an.Article.Source, Stage: "store", Err: err})
			continue
		}
		saved = append(saved, an)
		results = append(results, res[0])
	}
	if len(saved) == 0 && len(batch) > 1 {
		return nil, nil, last // the store itself is failing
	}
	return saved, results, nil
}

func (r *Runner) work(ctx context.Context, it *item) {
	if it.rec.Page != nil {
		if err := ingest.Complete(it.rec, r.Options.Ingest); err != nil {
			it.err = &parallax.RecordError{Source: it.rec.Source, Stage: "decode", Err: err}
			return
		}
	}
	it.rawHash = parallax.RawHash(it.rec.Text)
	seen, err := r.Store.HasSource(ctx, it.rec.Source, it.rawHash)
	if err == nil && seen {
		it.skip = true
		return
	}
	an, err := r.Analyzer.Analyze(it.rec)
	if err != nil {
		var re *parallax.RecordError
		if !errors.As(err, &re) {
			re = &parallax.RecordError{Source: it.rec.Source, Stage: "analyze", Err: err}
		}
		it.err = re
		return
	}
	an.Article.RawHash = it.rawHash // spares the writer hashing it again
	if p, ok := r.Store.(parallax.Preparer); ok {
		p.Prepare(an) // the store's own encoding, here in parallel
	}
	it.an = an
	it.rec = nil // the analysis holds what is needed
}
