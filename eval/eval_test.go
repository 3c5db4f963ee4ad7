package eval_test

import (
	"encoding/json"
	"strings"
	"testing"

	parallax "github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/eval"
)

func load(t *testing.T) []eval.BRATDoc {
	t.Helper()
	docs, err := eval.LoadBRAT("testdata/brat/ann", "testdata/brat/text")
	if err != nil {
		t.Fatal(err)
	}
	return docs
}

func TestLoadBRATByteOffsets(t *testing.T) {
	docs := load(t)
	if len(docs) != 2 {
		t.Fatalf("got %d docs, want 2 (one per annotator)", len(docs))
	}
	cases := []struct {
		name      string
		doc, att  int
		content   string
		source    string
		cue       string
		fragments int
	}{
		{"quoted content after multibyte text", 0, 0, "“Ça va,”", "Zoë", "said", 1},
		{"indirect content", 0, 1, "the talks failed", "Officials", "said", 1},
		{"discontinuous content", 1, 0, "“Ça va,”", "Zoë", "said", 2},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			d := docs[tc.doc]
			if d.Name != "doc1" {
				t.Fatalf("name %q", d.Name)
			}
			g := d.Attributions[tc.att]
			var content strings.Builder
			for _, c := range g.Content {
				content.WriteString(c.In(d.Text))
			}
			if content.String() != tc.content || len(g.Content) != tc.fragments {
				t.Errorf("content %q in %d fragments, want %q in %d", content.String(), len(g.Content), tc.content, tc.fragments)
			}
			if got := g.Source[0].In(d.Text); got != tc.source {
				t.Errorf("source %q, want %q", got, tc.source)
			}
			if got := g.Cue[0].In(d.Text); got != tc.cue {
				t.Errorf("cue %q, want %q", got, tc.cue)
			}
		})
	}
	if docs[0].Annotator != "ab12" || docs[1].Annotator != "cd34" {
		t.Errorf("annotators %q %q", docs[0].Annotator, docs[1].Annotator)
	}
}

func span(text, sub string) parallax.Span {
	i := strings.Index(text, sub)
	return parallax.Span{Start: i, End: i + len(sub)}
}

func TestScoreQuotes(t *testing.T) {
	docs := load(t)
	text := docs[0].Text
	cases := []struct {
		name      string
		preds     []parallax.Quote
		gotGold   int // gold found, over both annotator files (3 gold)
		correct   int
		quotedR   float64
		speakerOK int
	}{
		{"nothing predicted", nil, 0, 0, 0, 0},
		{
			name: "both found, one speaker wrong, one spurious",
			preds: []parallax.Quote{
				{Kind: parallax.Direct, Span: span(text, "Ça va,"), Speaker: parallax.Speaker{MentionSpan: span(text, "Zoë")}},
				{Kind: parallax.Indirect, Span: span(text, "talks failed"), Speaker: parallax.Speaker{MentionSpan: span(text, "Café")}},
				{Kind: parallax.Indirect, Span: span(text, "Café news")},
			},
			gotGold: 3, correct: 2 + 1, quotedR: 1, speakerOK: 2,
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			calls := 0
			r := eval.ScoreQuotes(docs, func(name, text string) []parallax.Quote {
				calls++
				return tc.preds
			})
			if calls != 1 {
				t.Errorf("predict called %d times for one article", calls)
			}
			if r.Documents != 2 || r.Gold != 3 || r.Predicted != 2*len(tc.preds) {
				t.Errorf("documents %d gold %d predicted %d", r.Documents, r.Gold, r.Predicted)
			}
			if r.GoldFound != tc.gotGold || r.PredictedCorrect != tc.correct {
				t.Errorf("found %d correct %d, want %d %d", r.GoldFound, r.PredictedCorrect, tc.gotGold, tc.correct)
			}
			if r.QuotedGold != 2 || r.QuotedRecall != tc.quotedR {
				t.Errorf("quoted gold %d recall %v, want 2 %v", r.QuotedGold, r.QuotedRecall, tc.quotedR)
			}
			if r.SpeakerCorrect != tc.speakerOK {
				t.Errorf("speaker correct %d, want %d", r.SpeakerCorrect, tc.speakerOK)
			}
			if !strings.Contains(r.Table(), "one per annotator file") {
				t.Errorf("table does not say how annotators are counted:\n%s", r.Table())
			}
			if _, err := json.Marshal(r); err != nil {
				t.Error(err)
			}
		})
	}
}
