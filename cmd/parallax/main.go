// Command parallax reads news articles from many outlets and answers, with
// provenance down to the byte, what happened, who said what, and how each
// outlet told it.
package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"runtime/pprof"
	"syscall"

	"github.com/spf13/cobra"

	"github.com/parallax-news/parallax"
)

// Exit statuses.
const (
	exitOK      = 0
	exitError   = 1
	exitPartial = 2 // some records failed; the rest was processed
)

// errPartial marks a run in which some records failed.
type errPartial struct{ failed, total int }

func (e *errPartial) Error() string {
	return fmt.Sprintf("%d of %d records failed", e.failed, e.total)
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	os.Exit(run(ctx, os.Args[1:]))
}

func run(ctx context.Context, args []string) int {
	root := newRootCmd()
	root.SetArgs(args)
	err := root.ExecuteContext(ctx)
	var partial *errPartial
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, &partial):
		fmt.Fprintln(os.Stderr, "parallax:", err)
		return exitPartial
	default:
		if code := parallax.ErrorCode(err); code != parallax.EINTERNAL {
			fmt.Fprintln(os.Stderr, "parallax:", parallax.ErrorMessage(err))
		} else {
			fmt.Fprintln(os.Stderr, "parallax:", err)
		}
		return exitError
	}
}

// globals are the flags every command shares.
type globals struct {
	db         string
	quiet      bool
	verbose    bool
	cpuprofile string
}

func newRootCmd() *cobra.Command {
	g := &globals{}
	root := &cobra.Command{
		Use:   "parallax",
		Short: "Who said what, and how each outlet told it",
		Long: `Parallax reads news articles from many outlets (text, HTML, JSONL, WARC) and
finds who said what: direct, indirect and mixed quotes, each attributed to a
speaker and traced back to the bytes it came from. It groups articles into
events and storylines, aligns the same statement across outlets, and shows
how each outlet told it (coverage, framing, facts that disagree), on the
command line, as reports, or in a web UI. Results are kept in an embedded
SQLite database (--db, default ./parallax.db).

Exit status: 0 success, 1 error, 2 some input records failed (the rest was
processed and stored).`,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.PersistentFlags().StringVar(&g.db, "db", "parallax.db", "database file")
	root.PersistentFlags().BoolVarP(&g.quiet, "quiet", "q", false, "no progress bar or summary")
	root.PersistentFlags().BoolVarP(&g.verbose, "verbose", "v", false, "log every failed record")
	root.PersistentFlags().StringVar(&g.cpuprofile, "cpuprofile", "", "write a CPU profile to this file")
	_ = root.PersistentFlags().MarkHidden("cpuprofile")
	var prof *os.File
	root.PersistentPreRunE = func(*cobra.Command, []string) error {
		if g.cpuprofile == "" {
			return nil
		}
		f, err := os.Create(g.cpuprofile)
		if err != nil {
			return err
		}
		prof = f
		return pprof.StartCPUProfile(f)
	}
	root.PersistentPostRun = func(*cobra.Command, []string) {
		if prof != nil {
			pprof.StopCPUProfile()
			prof.Close()
		}
	}
	root.AddCommand(
		newAnalyzeCmd(g, false),
		newAnalyzeCmd(g, true),
		newArticlesCmd(g),
		newQuotesCmd(g),
		newEntitiesCmd(g),
		newExportCmd(g),
		newStoriesCmd(g),
		newStoryCmd(g),
		newReportCmd(g),
		newServeCmd(g),
		newEvalCmd(g),
		newVersionCmd(),
	)
	return root
}
