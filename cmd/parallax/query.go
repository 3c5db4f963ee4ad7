package main

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/export"
	"github.com/parallax-news/parallax/pipeline"
)

func newQuotesCmd(g *globals) *cobra.Command {
	var f parallax.QuoteFilter
	var kind, format string
	cmd := &cobra.Command{
		Use:   "quotes",
		Short: "List who said what, with outlet, date and source span",
		Example: `  parallax quotes --speaker putin
  parallax quotes --speaker putin --since 2022-01-01 --until 2022-02-07
  parallax quotes --outlet sputnik --kind direct --format csv
  parallax quotes --article 12 --format json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			db, err := openStore(ctx, g, true)
			if err != nil {
				return err
			}
			defer db.Close()
			if kind != "" {
				switch k := parallax.QuoteKind(kind); k {
				case parallax.Direct, parallax.Indirect, parallax.Mixed:
					f.Kind = k
				default:
					return parallax.Errorf(parallax.EINVALID, "unknown kind %q (want direct, indirect or mixed)", kind)
				}
			}
			t, err := newTable(cmd.OutOrStdout(), format, "id", "speaker", "kind", "cue", "outlet", "published", "quote", "source")
			if err != nil {
				return err
			}
			// Articles are looked up once each for outlet, date and source.
			arts := map[int64]*parallax.Article{}
			err = db.Quotes(ctx, f, func(q *parallax.Quote) error {
				a, ok := arts[q.Article]
				if !ok {
					if a, err = db.Article(ctx, q.Article); err != nil {
						return err
					}
					a.Raw, a.Text = "", ""
					arts[q.Article] = a
				}
				type row struct {
					export.Quote
					Outlet    string `json:"outlet"`
					Published string `json:"published"`
					Source    string `json:"source"`
				}
				src := fmt.Sprintf("%s@%d-%d", a.Source, q.Span.Start, q.Span.End)
				return t.row(row{export.FromQuote(q), a.Outlet, a.Published, a.Source},
					strconv.FormatInt(q.ID, 10), q.Speaker.Name, string(q.Kind), q.Cue, a.Outlet, a.Published, q.Text, src)
			})
			if err != nil {
				return err
			}
			return t.close()
		},
	}
	cmd.Flags().StringVar(&f.Speaker, "speaker", "", "speaker name or mention contains this (case-insensitive)")
	cmd.Flags().StringVar(&f.Outlet, "outlet", "", "outlet contains this (case-insensitive)")
	dateFlags(cmd, &f.Since, &f.Until)
	cmd.Flags().Int64Var(&f.Article, "article", 0, "only quotes of this article id")
	cmd.Flags().StringVar(&kind, "kind", "", "direct, indirect or mixed")
	cmd.Flags().StringVar(&f.Query, "search", "", "full-text search in the quote text")
	cmd.Flags().IntVar(&f.Limit, "limit", 0, "at most this many quotes (0: all)")
	cmd.Flags().Float64Var(&f.MinConfidence, "min-confidence", 0, "only quotes at least this confident (0.5 leaves out intentions, expectations and questions)")
	cmd.Flags().StringVarP(&format, "format", "f", "table", "table, json or csv")
	return cmd
}

func newArticlesCmd(g *globals) *cobra.Command {
	var f parallax.ArticleFilter
	var format string
	cmd := &cobra.Command{
		Use:   "articles",
		Short: "List stored articles",
		Example: `  parallax articles
  parallax articles --outlet xinhua --since 2022-01-01 --format json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			db, err := openStore(ctx, g, true)
			if err != nil {
				return err
			}
			defer db.Close()
			t, err := newTable(cmd.OutOrStdout(), format, "id", "published", "outlet", "dateline", "title", "source")
			if err != nil {
				return err
			}
			err = db.Articles(ctx, f, func(a *parallax.Article) error {
				return t.row(export.FromArticle(a), strconv.FormatInt(a.ID, 10), a.Published, a.Outlet, a.Dateline, a.Title, a.Source)
			})
			if err != nil {
				return err
			}
			return t.close()
		},
	}
	cmd.Flags().StringVar(&f.Outlet, "outlet", "", "outlet contains this (case-insensitive)")
	dateFlags(cmd, &f.Since, &f.Until)
	cmd.Flags().StringVar(&f.Query, "search", "", "full-text search in title and text")
	cmd.Flags().IntVar(&f.Limit, "limit", 0, "at most this many articles (0: all)")
	cmd.Flags().StringVarP(&format, "format", "f", "table", "table, json or csv")
	return cmd
}

func newEntitiesCmd(g *globals) *cobra.Command {
	var f parallax.EntityFilter
	var typ, format string
	cmd := &cobra.Command{
		Use:   "entities",
		Short: "List people, organisations and places, with their aliases",
		Example: `  parallax entities --type person
  parallax entities --name putin --format json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			db, err := openStore(ctx, g, true)
			if err != nil {
				return err
			}
			defer db.Close()
			f.Type = parallax.EntityType(typ)
			t, err := newTable(cmd.OutOrStdout(), format, "id", "type", "name", "aliases")
			if err != nil {
				return err
			}
			err = db.Entities(ctx, f, func(e *parallax.Entity) error {
				return t.row(export.FromEntity(e), strconv.FormatInt(e.ID, 10), string(e.Type), e.Name, strings.Join(e.Aliases, "; "))
			})
			if err != nil {
				return err
			}
			return t.close()
		},
	}
	cmd.Flags().StringVar(&f.Name, "name", "", "name or alias contains this (case-insensitive)")
	cmd.Flags().StringVar(&typ, "type", "", "person, organization or location")
	cmd.Flags().IntVar(&f.Limit, "limit", 0, "at most this many entities (0: all)")
	cmd.Flags().StringVarP(&format, "format", "f", "table", "table, json or csv")
	return cmd
}

func newExportCmd(g *globals) *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "export",
		Short: "Write everything stored as JSON or NDJSON (the documented export contract)",
		Long: `Export prints one JSON object {"articles": [...], "quotes": [...],
"entities": [...], "stories": [...], "statements": [...]} (--format json), or
the same records one per line with a "type" field (--format ndjson). Every
*_start/*_end is a byte offset into the record's source text. See README.md.`,
		Example: `  parallax export --format json > out.json
  parallax export --format ndjson | grep '"type":"quote"'`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			db, err := openStore(ctx, g, true)
			if err != nil {
				return err
			}
			defer db.Close()
			// Statements of stories changed since they were last aligned
			// are aligned first, so the export is complete.
			if err := pipeline.NewStatements(db).All(ctx); err != nil {
				return fmt.Errorf("align statements: %w", err)
			}
			return export.Write(ctx, cmd.OutOrStdout(), db, export.Format(format))
		},
	}
	cmd.Flags().StringVarP(&format, "format", "f", "json", "json or ndjson")
	return cmd
}

// dateFlags adds --since and --until, the published-day range of a list.
func dateFlags(cmd *cobra.Command, since, until *string) {
	cmd.Flags().StringVar(since, "since", "", "published on or after YYYY-MM-DD")
	cmd.Flags().StringVar(until, "until", "", "published on or before YYYY-MM-DD")
}
