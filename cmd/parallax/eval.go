package main

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/spf13/cobra"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/eval"
	"github.com/parallax-news/parallax/ingest"
	"github.com/parallax-news/parallax/pipeline"
	"github.com/parallax-news/parallax/story"
)

func newEvalCmd(g *globals) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "eval",
		Short: "Measure quality against annotated data",
	}
	cmd.AddCommand(newEvalQuotesCmd(), newEvalStoriesCmd())
	return cmd
}

func newEvalQuotesCmd() *cobra.Command {
	var gold, format string
	cmd := &cobra.Command{
		Use:   "quotes --gold ANNOTATION_DIR TEXT_DIR",
		Short: "Score quote extraction against BRAT standoff attributions (PolNeAR format)",
		Long: `Eval quotes runs the per-article pipeline (clean, language, quotes) over every
text in TEXT_DIR that has annotations in ANNOTATION_DIR (NAME_ANNOTATOR.ann)
and scores the quotes found against them: precision, recall and F1 of content
spans by overlap and by token, recall of the directly quoted subset, and the
accuracy of the speaker mention. An article with several annotators is
scored once against each of them. Nothing is stored.`,
		Example: `  parallax eval quotes --gold ../shared/eval/polnear/dev/attributions ../shared/eval/polnear/dev/text`,
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if gold == "" {
				return parallax.Errorf(parallax.EINVALID, "--gold ANNOTATION_DIR is required")
			}
			docs, err := eval.LoadBRAT(gold, args[0])
			if err != nil {
				return err
			}
			if len(docs) == 0 {
				return parallax.Errorf(parallax.EINVALID, "no annotated texts found in %s and %s", gold, args[0])
			}
			an := pipeline.NewAnalyzer()
			var mu sync.Mutex
			memo := map[string][]parallax.Quote{}
			predict := func(name, text string) []parallax.Quote {
				mu.Lock()
				defer mu.Unlock()
				if qs, ok := memo[name]; ok {
					return qs
				}
				res, err := an.Analyze(&parallax.Record{Source: name, Format: "text", Text: text})
				var qs []parallax.Quote
				if err == nil {
					qs = res.Quotes
				}
				memo[name] = qs
				return qs
			}
			rep := eval.ScoreQuotes(docs, predict)
			if err := printReport(cmd.OutOrStdout(), format, rep.Table(), rep); err != nil {
				return err
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&gold, "gold", "", "directory of BRAT .ann files")
	cmd.Flags().StringVarP(&format, "format", "f", "both", "table, json or both")
	return cmd
}

func newEvalStoriesCmd() *cobra.Command {
	var label, format string
	cmd := &cobra.Command{
		Use:   "stories FILE.jsonl --label FIELD",
		Short: "Score event clustering against a label field of a JSONL file (pairwise and BCubed)",
		Long: `Eval stories runs the per-article pipeline and the event clusterer over the
records of a JSONL file, adding them in order of publication as a news
stream would arrive, and compares the stories found with the value of the
--label field of each record: pairwise and BCubed precision, recall and F1.
Nothing is stored.`,
		Example: `  parallax eval stories ../shared/eval/basil/articles.jsonl --label story`,
		Args:    cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			an := pipeline.NewAnalyzer()
			type item struct {
				key     string
				profile *story.Profile
			}
			var items []item
			gold := map[string]string{}
			var failed int
			err := ingest.Walk(ctx, args, ingest.Options{}, func(rec *parallax.Record, err error) error {
				if err != nil {
					failed++
					fmt.Fprintln(cmd.ErrOrStderr(), "skipped:", err)
					return nil
				}
				lv, ok := rec.Meta[label]
				if !ok {
					failed++
					fmt.Fprintf(cmd.ErrOrStderr(), "skipped: %s: no %q field\n", rec.Source, label)
					return nil
				}
				res, err := an.Analyze(rec)
				if err != nil {
					failed++
					fmt.Fprintln(cmd.ErrOrStderr(), "skipped:", err)
					return nil
				}
				key := rec.Source
				gold[key] = fmt.Sprint(lv)
				doc := pipeline.StoryDoc(res)
				doc.ID = int64(len(items) + 1)
				items = append(items, item{key: key, profile: story.Analyze(doc)})
				return nil
			})
			if err != nil {
				return err
			}
			if len(items) == 0 {
				return parallax.Errorf(parallax.EINVALID, "no records with a %q field in %s", label, strings.Join(args, " "))
			}
			sort.SliceStable(items, func(i, j int) bool { return items[i].profile.Published.Before(items[j].profile.Published) })
			cl := story.New(story.Options{})
			pred := map[string]string{}
			for _, it := range items {
				a := cl.AddProfile(it.profile)
				pred[it.key] = strconv.FormatInt(a.Story, 10)
			}
			rep := eval.ScoreClusters(gold, pred)
			if err := printReport(cmd.OutOrStdout(), format, rep.Table(), rep); err != nil {
				return err
			}
			if failed > 0 {
				return &errPartial{failed: failed, total: failed + len(items)}
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&label, "label", "story", "the record field holding the true event")
	cmd.Flags().StringVarP(&format, "format", "f", "both", "table, json or both")
	return cmd
}

// printReport prints an evaluation as a table, as JSON, or both.
func printReport(w io.Writer, format, table string, rep any) error {
	if format != "json" {
		fmt.Fprint(w, table)
	}
	if format != "table" {
		b, err := json.MarshalIndent(rep, "", "  ")
		if err != nil {
			return err
		}
		fmt.Fprintln(w, string(b))
	}
	return nil
}
