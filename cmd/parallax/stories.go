package main

import (
	"context"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/export"
	"github.com/parallax-news/parallax/pipeline"
	"github.com/parallax-news/parallax/report"
)

func newStoriesCmd(g *globals) *cobra.Command {
	var f parallax.StoryFilter
	var format string
	cmd := &cobra.Command{
		Use:   "stories",
		Short: "List events (stories), newest first: title, dates, outlets, article count",
		Example: `  parallax stories
  parallax stories --storyline 3 --format json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			db, err := openStore(ctx, g, true)
			if err != nil {
				return err
			}
			defer db.Close()
			t, err := newTable(cmd.OutOrStdout(), format, "id", "start", "end", "storyline", "articles", "outlets", "title")
			if err != nil {
				return err
			}
			err = db.Stories(ctx, f, func(s *parallax.Story) error {
				return t.row(export.FromStory(s), strconv.FormatInt(s.ID, 10), s.Start, s.End,
					strconv.FormatInt(s.Storyline, 10), strconv.Itoa(len(s.Articles)), strings.Join(s.Outlets, ", "), s.Title)
			})
			if err != nil {
				return err
			}
			return t.close()
		},
	}
	cmd.Flags().Int64Var(&f.Storyline, "storyline", 0, "only stories of this storyline")
	cmd.Flags().Int64Var(&f.Article, "article", 0, "only the story of this article")
	cmd.Flags().IntVar(&f.Limit, "limit", 0, "at most this many stories (0: all)")
	cmd.Flags().StringVarP(&format, "format", "f", "table", "table, json or csv")
	return cmd
}

func newStoryCmd(g *globals) *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "story ID",
		Short: "One story in full: timeline, statements with variants, coverage, framing, disagreements",
		Example: `  parallax story 12
  parallax story 12 --format json`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			id, err := strconv.ParseInt(args[0], 10, 64)
			if err != nil {
				return parallax.Errorf(parallax.EINVALID, "story id %q is not a number", args[0])
			}
			v, err := storyView(cmd.Context(), g, id)
			if err != nil {
				return err
			}
			switch format {
			case "text", "md", "markdown":
				return report.Markdown(cmd.OutOrStdout(), v)
			case "json":
				return report.JSON(cmd.OutOrStdout(), v)
			}
			return parallax.Errorf(parallax.EINVALID, "unknown format %q (want text or json)", format)
		},
	}
	cmd.Flags().StringVarP(&format, "format", "f", "text", "text (Markdown) or json")
	return cmd
}

func newReportCmd(g *globals) *cobra.Command {
	var format string
	var id int64
	cmd := &cobra.Command{
		Use:   "report --story ID",
		Short: "Write a story report: Markdown, or one self-contained HTML page that opens offline",
		Example: `  parallax report --story 12 --format html > story.html
  parallax report --story 12 --format md > story.md`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if id == 0 {
				return parallax.Errorf(parallax.EINVALID, "--story ID is required (see `parallax stories`)")
			}
			v, err := storyView(cmd.Context(), g, id)
			if err != nil {
				return err
			}
			switch format {
			case "html":
				return report.HTML(cmd.OutOrStdout(), v)
			case "md", "markdown":
				return report.Markdown(cmd.OutOrStdout(), v)
			}
			return parallax.Errorf(parallax.EINVALID, "unknown format %q (want html or md)", format)
		},
	}
	cmd.Flags().Int64Var(&id, "story", 0, "story id")
	cmd.Flags().StringVarP(&format, "format", "f", "html", "html or md")
	return cmd
}

// storyView reads story id in full, aligning its statements first when
// they are out of date.
func storyView(ctx context.Context, g *globals, id int64) (*report.View, error) {
	db, err := openStore(ctx, g, true)
	if err != nil {
		return nil, err
	}
	defer db.Close()
	if err := pipeline.NewStatements(db).Story(ctx, id); err != nil {
		if parallax.ErrorCode(err) == parallax.ENOTFOUND {
			return nil, parallax.Errorf(parallax.ENOTFOUND, "no story %d (see `parallax stories`)", id)
		}
		return nil, err
	}
	return report.Build(ctx, db, id)
}
