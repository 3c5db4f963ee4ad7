package quote_test

import (
	"github.com/parallax-news/parallax/internal/testshared"
	"path/filepath"
	"testing"

	parallax "github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/eval"
)

func loadSplit(t *testing.T, split string) []eval.BRATDoc {
	dir := testshared.Path(t, "eval", "polnear", split)
	docs, err := eval.LoadBRAT(filepath.Join(dir, "attributions"), filepath.Join(dir, "text"))
	if err != nil {
		t.Fatal(err)
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
