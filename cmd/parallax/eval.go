package main

import (
	"encoding/json"
	"fmt"
	"sync"

	"github.com/spf13/cobra"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/eval"
	"github.com/parallax-news/parallax/pipeline"
)

func newEvalCmd(g *globals) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "eval",
		Short: "Measure quality against annotated data",
	}
	cmd.AddCommand(newEvalQuotesCmd())
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
			out := cmd.OutOrStdout()
			if format != "json" {
				fmt.Fprint(out, rep.Table())
			}
			if format != "table" {
				b, err := json.MarshalIndent(rep, "", "  ")
				if err != nil {
					return err
				}
				fmt.Fprintln(out, string(b))
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&gold, "gold", "", "directory of BRAT .ann files")
	cmd.Flags().StringVarP(&format, "format", "f", "both", "table, json or both")
	return cmd
}
