package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/debug"
	"time"

	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/pipeline"
)

func newAnalyzeCmd(g *globals, ingestOnly bool) *cobra.Command {
	var workers, batch int
	var maxBytes int64
	var stats, alignNow bool
	cmd := &cobra.Command{
		Use:   "analyze PATH...",
		Short: "Ingest articles and find who said what",
		Long: `Analyze reads articles from files, directories (recursively) or - (stdin),
cleans them, finds their entities and quotes, and stores everything in the
database. Plain text, HTML, JSONL (one article per line) and WARC (.warc,
.warc.gz) are recognised by extension or content.

Re-running over the same inputs is cheap: records already stored are
skipped, and an article body stored once is never stored twice.`,
		Example: `  parallax analyze ./articles/
  parallax analyze crawl.warc.gz --db news.db
  cat feed.jsonl | parallax analyze -`,
		Args: cobra.MinimumNArgs(1),
	}
	if ingestOnly {
		cmd.Use = "ingest PATH..."
		cmd.Short = "Ingest and clean articles without finding quotes"
		cmd.Long = `Ingest reads and cleans articles like analyze, and stores them without the
language and quote stages. Use analyze for the whole job.`
		cmd.Example = `  parallax ingest ./articles/`
	}
	cmd.Flags().IntVar(&workers, "workers", 0, "analysis workers (default: number of CPUs)")
	cmd.Flags().IntVar(&batch, "batch", pipeline.DefaultBatchSize, "articles saved per transaction")
	cmd.Flags().Int64Var(&maxBytes, "max-record-bytes", 0, "largest record accepted, in bytes (default 8 MiB)")
	cmd.Flags().BoolVar(&stats, "stats", false, "end with a line of throughput and peak memory")
	cmd.Flags().BoolVar(&alignNow, "align", false, "align the statements of changed stories now, not when first viewed or exported")
	cmd.RunE = func(cmd *cobra.Command, args []string) error {
		ctx := cmd.Context()
		tuneGC()
		// The language models load while the store opens.
		analyzer := make(chan *pipeline.Analyzer, 1)
		go func() { analyzer <- pipeline.NewAnalyzer() }()
		db, err := openStore(ctx, g, false)
		if err != nil {
			return err
		}
		defer db.Close()

		if workers <= 0 {
			workers = runtime.GOMAXPROCS(0)
		}
		an := <-analyzer
		an.Quoteless = ingestOnly
		corpus, err := pipeline.OpenCorpus(ctx, db)
		if err != nil {
			return err
		}
		stderr := cmd.ErrOrStderr()
		bar := newBar(stderr, g.quiet)
		r := &pipeline.Runner{Store: db, Analyzer: an, Options: pipeline.Options{
			Workers:   workers,
			BatchSize: batch,
			Progress:  bar.update,
			AfterSave: corpus.Add,
		}}
		r.Options.Ingest.Stdin = cmd.InOrStdin()
		r.Options.Ingest.MaxRecordBytes = maxBytes
		if g.verbose {
			r.Options.OnError = func(e *parallax.RecordError) { bar.println(e.Error()) }
		}
		start, cpu0 := time.Now(), cpuTime()
		sum, err := r.Run(ctx, args)
		perArticle := sum.Elapsed
		// Stories of what was saved are saved too, even after Ctrl-C.
		if ferr := corpus.Flush(context.WithoutCancel(ctx)); ferr != nil && err == nil {
			err = ferr
		}
		if alignNow && err == nil {
			if aerr := pipeline.NewStatements(db).All(ctx); aerr != nil {
				err = fmt.Errorf("align statements: %w", aerr)
			}
		}
		sum.Elapsed = time.Since(start)
		bar.finish()
		if !g.quiet {
			printSummary(cmd.OutOrStdout(), stderr, sum, g.verbose)
		}
		if stats {
			cpu := cpuTime() - cpu0
			fmt.Fprintf(cmd.OutOrStdout(), "stats: %d records in %.3fs = %.0f records/s (per-article stages and store %.3fs, stories and statements %.3fs), %d workers, CPU %.3fs (%.2f cores), peak RSS %.0f MB\n",
				sum.Records, sum.Elapsed.Seconds(), sum.Rate(), perArticle.Seconds(), (sum.Elapsed - perArticle).Seconds(),
				r.Options.Workers, cpu.Seconds(), cpu.Seconds()/sum.Elapsed.Seconds(), float64(peakRSS())/(1<<20))
		}
		if err != nil {
			if ctx.Err() != nil {
				return fmt.Errorf("interrupted after %d records (%d stored); run again to resume", sum.Records, sum.Stored)
			}
			return err
		}
		if sum.Failed > 0 {
			return &errPartial{failed: sum.Failed, total: sum.Records}
		}
		return nil
	}
	return cmd
}

// tuneGC trades memory for CPU in a bulk run, unless GOGC or GOMEMLIMIT
// say otherwise: the heap may grow to eleven times the live data (the
// PolNeAR train run then needs no collection after start-up; at five
// times it needs one, ≈ 70 ms of CPU), and the collector works harder past
// 320 MiB, which leaves room for SQLite's memory (outside Go's heap) in
// 500 MB however long the run.
func tuneGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(1000)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(320 << 20)
	}
}

func printSummary(out, errw io.Writer, s pipeline.Summary, verbose bool) {
	fmt.Fprintf(out, "records %d  stored %d  duplicates %d  unchanged %d  failed %d  quotes %d  in %s (%.0f records/s)\n",
		s.Records, s.Stored, s.Duplicates, s.Unchanged, s.Failed, s.Quotes,
		s.Elapsed.Round(time.Millisecond), s.Rate())
	if verbose || len(s.Errors) == 0 {
		return
	}
	const show = 20
	for i, e := range s.Errors {
		if i == show {
			fmt.Fprintf(errw, "… and %d more failed records (use -v to see all)\n", s.Failed-show)
			break
		}
		fmt.Fprintln(errw, "failed:", e)
	}
}

// bar draws progress on a terminal and stays silent in a pipe.
type bar struct {
	pb *progressbar.ProgressBar
}

func newBar(w io.Writer, quiet bool) *bar {
	f, ok := w.(*os.File)
	if quiet || !ok || !term.IsTerminal(int(f.Fd())) {
		return &bar{}
	}
	return &bar{pb: progressbar.NewOptions64(-1,
		progressbar.OptionSetWriter(w),
		progressbar.OptionSetDescription("analyzing"),
		progressbar.OptionShowCount(),
		progressbar.OptionShowIts(),
		progressbar.OptionSetItsString("records"),
		progressbar.OptionThrottle(100*time.Millisecond),
		progressbar.OptionClearOnFinish(),
	)}
}

func (b *bar) update(s pipeline.Summary) {
	if b.pb != nil {
		_ = b.pb.Set(s.Records)
	}
}

func (b *bar) println(msg string) {
	if b.pb != nil {
		_ = b.pb.Clear()
	}
	fmt.Fprintln(os.Stderr, msg)
}

func (b *bar) finish() {
	if b.pb != nil {
		_ = b.pb.Finish()
	}
}
