package story_test

import (
	"strconv"
	"testing"

	"github.com/parallax-news/parallax/eval"
	"github.com/parallax-news/parallax/story"
)

// TestBASIL clusters BASIL's 300 articles (100 events × 3 outlets), added
// in published order, and scores the stories against the event labels.
func TestBASIL(t *testing.T) {
	arts := loadBASIL(t)
	docs := basilDocs(t, arts)
	c := story.New(story.Options{})
	gold, pred := map[string]string{}, map[string]string{}
	for _, d := range docs {
		a := c.Add(d)
		key := strconv.FormatInt(d.ID, 10)
		gold[key] = arts[d.ID-1].Story
		pred[key] = strconv.FormatInt(a.Story, 10)
	}
	r := eval.ScoreClusters(gold, pred)
	t.Logf("BASIL stories:\n%s", r.Table())
	if testing.Verbose() {
		// show the mistakes
		byStory := map[string][]int64{}
		for _, d := range docs {
			byStory[pred[strconv.FormatInt(d.ID, 10)]] = append(byStory[pred[strconv.FormatInt(d.ID, 10)]], d.ID)
		}
		for _, ids := range byStory {
			g := map[string]bool{}
			for _, id := range ids {
				g[arts[id-1].Story] = true
			}
			if len(g) > 1 || len(ids) < 3 {
				for _, id := range ids {
					a := arts[id-1]
					t.Logf("  pred %s: %s %s %.60q [%s]", pred[strconv.FormatInt(id, 10)], a.Published, a.Outlet[:4], a.Title, a.Story[:6])
				}
				t.Log("  --")
			}
		}
	}
	lines := map[int64]bool{}
	for _, s := range c.Stories() {
		lines[s.Storyline] = true
	}
	t.Logf("%d stories in %d storylines", c.Len(), len(lines))
	// measured: pairwise F1 0.9723, BCubed F1 0.9887
	const floor = 0.965
	if r.Pairwise.F1 < floor || r.BCubed.F1 < floor {
		t.Errorf("pairwise F1 %.4f, BCubed F1 %.4f; want ≥ %.2f", r.Pairwise.F1, r.BCubed.F1, floor)
	}
}
