package main

import (
	"context"
	"io"
	"log/slog"
	"os"
	"sort"
	"strings"
	"sync"

	"github.com/spf13/cobra"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/compare"
	"github.com/parallax-news/parallax/httpapi"
	"github.com/parallax-news/parallax/pipeline"
	"github.com/parallax-news/parallax/report"
)

func newServeCmd(g *globals) *cobra.Command {
	var addr, token string
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Serve the JSON API and the web UI over the database",
		Long: `Serve answers the JSON API under /api/ (documented at /api/openapi.json) and
the web UI: stories with their timeline, coverage matrix and statement
variants side by side, speakers, outlets, articles with their quotes
highlighted, and full-text search. It listens on the loopback interface by
default; bound elsewhere, POST /api/articles needs --token (or
$PARALLAX_TOKEN) sent as "Authorization: Bearer TOKEN". /healthz and
/metrics (Prometheus text format) are for operations. Ctrl-C shuts it down
gracefully.`,
		Example: `  parallax serve
  parallax serve --db news.db --addr 127.0.0.1:9000`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			db, err := openStore(ctx, g, false)
			if err != nil {
				return err
			}
			defer db.Close()
			corpus, err := pipeline.OpenCorpus(ctx, db)
			if err != nil {
				return err
			}
			statements := pipeline.NewStatements(db)
			log := slog.New(slog.NewTextHandler(cmd.ErrOrStderr(), nil))
			runner := pipeline.Runner{Store: db, Analyzer: pipeline.NewAnalyzer(),
				Options: pipeline.Options{AfterSave: corpus.Add, Logger: log}}

			// Statements of changed stories are aligned in the background
			// after each ingest; a story page aligns its own on demand.
			var aligning sync.WaitGroup
			alignAll := func() {
				aligning.Add(1)
				go func() {
					defer aligning.Done()
					if err := statements.All(ctx); err != nil && ctx.Err() == nil {
						log.Warn("align statements", "err", err)
					}
				}()
			}
			defer aligning.Wait()
			alignAll()

			if token == "" {
				token = os.Getenv("PARALLAX_TOKEN")
			}
			srv := httpapi.New(db, httpapi.Options{
				Ingest: func(ctx context.Context, body io.Reader, _ string) (pipeline.Summary, error) {
					r := runner
					r.Options.Ingest.Stdin = body
					sum, err := r.Run(ctx, []string{"-"})
					if ferr := corpus.Flush(context.WithoutCancel(ctx)); ferr != nil && err == nil {
						err = ferr
					}
					alignAll()
					return sum, err
				},
				StoryPage: func(ctx context.Context, id int64) (*httpapi.StoryPage, error) {
					if err := statements.Story(ctx, id); err != nil {
						return nil, err
					}
					page, err := httpapi.BuildStoryPage(ctx, db, id)
					if err != nil {
						return nil, err
					}
					v, err := report.Build(ctx, db, id)
					if err != nil {
						return nil, err
					}
					addReport(page, v)
					return page, nil
				},
				Token:   token,
				Logger:  log,
				Version: version,
			})
			if addr == "" {
				addr = httpapi.DefaultAddr
			}
			return srv.ListenAndServe(ctx, addr)
		},
	}
	cmd.Flags().StringVar(&addr, "addr", httpapi.DefaultAddr, "address to listen on")
	cmd.Flags().StringVar(&token, "token", "", "bearer token required for writes (default $PARALLAX_TOKEN)")
	return cmd
}

// addReport adds to a story page what the report view knows beyond the
// store: the dated happenings the articles mention and the facts outlets
// give differently.
func addReport(p *httpapi.StoryPage, v *report.View) {
	for _, g := range v.Timeline {
		if g.Precision != parallax.PrecisionDay {
			continue
		}
		label := g.Text
		if len(g.Flags) > 0 {
			label += " [" + strings.Join(g.Flags, ", ") + "]"
		}
		row := httpapi.TimelineRow{Date: g.Date, Kind: "event", Label: label}
		if len(g.Articles) > 0 {
			row.Article = g.Articles[0]
			row.Outlet = v.Outlet(g.Articles[0])
		}
		p.Timeline = append(p.Timeline, row)
	}
	sort.SliceStable(p.Timeline, func(i, j int) bool { return p.Timeline[i].Date < p.Timeline[j].Date })
	for _, c := range v.Contradictions {
		claim := func(f compare.Fact) httpapi.Claim {
			ctx := ""
			if a := v.Article(f.Article); a != nil {
				ctx = f.Sentence.In(a.Raw)
			}
			return httpapi.Claim{Outlet: f.Outlet, Article: f.Article, Value: f.Text, Context: ctx}
		}
		p.Contradictions = append(p.Contradictions, httpapi.Contradiction{
			Topic: c.Unit, Claims: []httpapi.Claim{claim(c.A), claim(c.B)},
		})
	}
}
