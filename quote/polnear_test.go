package quote_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	parallax "github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/eval"
)

func loadSplit(t *testing.T, split string) []eval.BRATDoc {
	dir := filepath.Join(sharedDir(t), "eval", "polnear", split)
	docs, err := eval.LoadBRAT(filepath.Join(dir, "attributions"), filepath.Join(dir, "text"))
	if err != nil {
		t.Skip("PolNeAR not readable: ", err)
	}
	return docs
}

func predict(name, text string) []parallax.Quote { return extract(text) }

// TestPolNeARDev scores extraction on the PolNeAR dev split and holds it
// to floors a little below the figures reached.
func TestPolNeARDev(t *testing.T) {
	docs := loadSplit(t, "dev")
	r := eval.ScoreQuotes(docs, predict)
	t.Log("\n" + r.Table())
	floors := []struct {
		name      string
		got, want float64
	}{
		{"overlap F1", r.Overlap.F1, 0.825},
		{"overlap precision", r.Overlap.Precision, 0.90},
		{"one-to-one F1", r.OverlapStrict.F1, 0.735},
		{"token F1", r.Token.F1, 0.83},
		{"quoted recall", r.QuotedRecall, 0.98},
		{"speaker accuracy", r.SpeakerAccuracy, 0.85},
		{"quoted speaker accuracy", r.QuotedSpeakerAccuracy, 0.865},
	}
	for _, f := range floors {
		t.Logf("%s = %.4f (floor %.3f)", f.name, f.got, f.want)
		if f.got < f.want {
			t.Errorf("%s = %.3f, want ≥ %.3f", f.name, f.got, f.want)
		}
	}
}

// TestPolNeARTrainDump prints misses on TRAIN for tuning; run with
// PARALLAX_TUNE=1.
func TestPolNeARTrainDump(t *testing.T) {
	if os.Getenv("PARALLAX_TUNE") == "" {
		t.Skip("set PARALLAX_TUNE=1 to dump train misses")
	}
	split := os.Getenv("PARALLAX_SPLIT")
	if split == "" {
		split = "train"
	}
	docs := loadSplit(t, split)
	r := eval.ScoreQuotes(docs, predict)
	t.Log("\n" + r.Table())
	path := filepath.Join(os.TempDir(), "quote_misses.txt")
	t.Log("writing misses to ", path)
	f, _ := os.Create(path)
	defer f.Close()
	for _, d := range docs[:min(len(docs), 300)] {
		qs := extract(d.Text)
		for _, g := range d.Attributions {
			hit := eval.MatchQuote(g, qs)
			src := ""
			for _, s := range g.Source {
				src += s.In(d.Text) + " "
			}
			cue := ""
			for _, s := range g.Cue {
				cue += s.In(d.Text) + " "
			}
			ct := g.Content[0].In(d.Text)
			if hit < 0 {
				fmt.Fprintf(f, "MISS\t%s\t[%s]\t[%s]\t%.80s\n", d.Name, src, cue, ct)
			} else if len(g.Source) > 0 {
				ok := false
				for _, s := range g.Source {
					ok = ok || s.Overlaps(qs[hit].Speaker.MentionSpan)
				}
				cueOK := false
				for _, c := range g.Cue {
					cueOK = cueOK || c.Overlaps(qs[hit].CueSpan)
				}
				tag := "SPK"
				if !cueOK {
					tag = "SPKCUE"
				}
				if !ok {
					fmt.Fprintf(f, tag+"\t%s\tgold=[%s] got=[%s] cue=[%s]/[%s]\t%.80s\n", d.Name, src, qs[hit].Speaker.Mention, cue, qs[hit].Cue, ct)
				}
			}
		}
		for _, q := range qs {
			ok := false
			for _, g := range d.Attributions {
				for _, c := range g.Content {
					ok = ok || c.Overlaps(q.Span)
				}
			}
			if !ok {
				fmt.Fprintf(f, "FP\t%s\t%s\t[%s]\t[%s]\t%.80s\n", d.Name, q.Kind, q.Speaker.Mention, q.Cue, strings.ReplaceAll(q.Text, "\n", " "))
			}
		}
	}
}

// TestDebugText prints the quotes of $PARALLAX_DEBUG_TEXT (tuning aid).
func TestDebugText(t *testing.T) {
	s := os.Getenv("PARALLAX_DEBUG_TEXT")
	if s == "" {
		t.Skip("set PARALLAX_DEBUG_TEXT to print its quotes")
	}
	for _, q := range extract(s) {
		t.Logf("%s cue=%q spk=%q name=%q conf=%.2f | %s", q.Kind, q.Cue, q.Speaker.Mention, q.Speaker.Name, q.Confidence, q.Text)
	}
}
