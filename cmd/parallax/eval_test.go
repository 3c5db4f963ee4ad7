package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/testshared"
)

// jsonTail decodes the JSON object that `eval … --format json` prints.
func jsonTail(t *testing.T, out string, v any) {
	t.Helper()
	if err := json.Unmarshal([]byte(out[strings.Index(out, "{"):]), v); err != nil {
		t.Fatalf("eval output is not JSON: %v\n%.400s", err, out)
	}
}

// TestEvalQuotesPolNeARDev runs the whole per-article pipeline (clean,
// language, quotes) over PolNeAR dev and holds the figures it reaches.
func TestEvalQuotesPolNeARDev(t *testing.T) {
	ann := testshared.Path(t, "eval", "polnear", "dev", "attributions")
	text := testshared.Path(t, "eval", "polnear", "dev", "text")
	code, out, errs := runCLI(t, "eval", "quotes", "--gold", ann, text, "--format", "json")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var r struct {
		Overlap         struct{ Precision, Recall, F1 float64 }
		QuotedRecall    float64 `json:"quoted_recall"`
		SpeakerAccuracy float64 `json:"speaker_accuracy"`
	}
	jsonTail(t, out, &r)
	t.Logf("PolNeAR dev: overlap P %.3f R %.3f F1 %.3f, quoted recall %.3f, speaker %.3f",
		r.Overlap.Precision, r.Overlap.Recall, r.Overlap.F1, r.QuotedRecall, r.SpeakerAccuracy)
	for _, c := range []struct {
		name      string
		got, want float64
	}{
		{"overlap F1", r.Overlap.F1, 0.82},
		{"quoted recall", r.QuotedRecall, 0.97},
		{"speaker accuracy", r.SpeakerAccuracy, 0.85},
	} {
		if c.got < c.want {
			t.Errorf("%s %.3f, want ≥ %.3f", c.name, c.got, c.want)
		}
	}
}

// TestEvalStoriesBASIL clusters the 300 BASIL articles as a stream and
// holds the pairwise and BCubed F1 it reaches (the issue asks ≥ 0.95).
func TestEvalStoriesBASIL(t *testing.T) {
	file := testshared.Path(t, "eval", "basil", "articles.jsonl")
	code, out, errs := runCLI(t, "eval", "stories", file, "--label", "story", "--format", "json")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var r struct {
		Pairwise, BCubed struct{ Precision, Recall, F1 float64 }
	}
	jsonTail(t, out, &r)
	t.Logf("BASIL: pairwise F1 %.3f, BCubed F1 %.3f", r.Pairwise.F1, r.BCubed.F1)
	if r.Pairwise.F1 < 0.96 || r.BCubed.F1 < 0.98 {
		t.Errorf("pairwise F1 %.3f (want ≥ 0.96), BCubed F1 %.3f (want ≥ 0.98)", r.Pairwise.F1, r.BCubed.F1)
	}
}
