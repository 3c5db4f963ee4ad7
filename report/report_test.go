package report_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/pipeline"
	"github.com/parallax-news/parallax/report"
	"github.com/parallax-news/parallax/sqlite"
)

// buildStore analyses the example corpus plus one hostile article into a
// fresh store and returns it with the id of the first event's story.
func buildStore(t *testing.T) (*sqlite.DB, int64) {
	t.Helper()
	ctx := context.Background()
	dir := t.TempDir()
	corpus := filepath.Join("..", "examples", "corpus")
	ents, err := os.ReadDir(corpus)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range ents {
		b, err := os.ReadFile(filepath.Join(corpus, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, e.Name()), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	hostile := "Dam <script>alert(1)</script> talks resume\n\nMarch 12, 2025\n\n" +
		"DRAVSK — Morvania's prime minister, Ilena Varsh, accused Pelsor on Wednesday of breaking the 2019 accord over the Kessel Gorge Dam. " +
		"\"<img src=x onerror=alert(2)> They deceived us,\" Ms Varsh said at the press conference in Dravsk.\n"
	if err := os.WriteFile(filepath.Join(dir, "99_hostile.txt"), []byte(hostile), 0o644); err != nil {
		t.Fatal(err)
	}
	db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "p.db"), sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	corp, err := pipeline.OpenCorpus(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	r := &pipeline.Runner{Store: db, Analyzer: pipeline.NewAnalyzer(), Options: pipeline.Options{AfterSave: corp.Add}}
	if _, err := r.Run(ctx, []string{dir}); err != nil {
		t.Fatal(err)
	}
	if err := corp.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	var story int64
	if err := db.Stories(ctx, parallax.StoryFilter{Article: 1}, func(s *parallax.Story) error {
		story = s.ID
		return nil
	}); err != nil || story == 0 {
		t.Fatalf("no story for article 1: %v", err)
	}
	if err := pipeline.NewStatements(db).Story(ctx, story); err != nil {
		t.Fatal(err)
	}
	return db, story
}

func TestReports(t *testing.T) {
	db, id := buildStore(t)
	v, err := report.Build(context.Background(), db, id)
	if err != nil {
		t.Fatal(err)
	}
	if len(v.Articles) < 3 || len(v.Statements) == 0 || len(v.Coverage.Outlets) < 3 || len(v.Timeline) == 0 {
		t.Fatalf("thin view: %d articles, %d statements, %d outlets, %d timeline entries",
			len(v.Articles), len(v.Statements), len(v.Coverage.Outlets), len(v.Timeline))
	}

	var html bytes.Buffer
	if err := report.HTML(&html, v); err != nil {
		t.Fatal(err)
	}
	page := html.String()
	for _, want := range []string{"<svg", "Coverage: outlet × statement", "Statements", "Content-Security-Policy"} {
		if !strings.Contains(page, want) {
			t.Errorf("HTML report lacks %q", want)
		}
	}
	// Article text is data: no markup from it may reach the page.
	for _, bad := range []string{"<script", "<img"} {
		if strings.Contains(strings.ToLower(page), bad) {
			t.Errorf("HTML report contains the tag %q from article text", bad)
		}
	}
	if !strings.Contains(page, "&lt;img src=x onerror=alert(2)&gt;") && !strings.Contains(page, "&lt;script&gt;") {
		t.Error("the hostile article's text is not shown, escaped, in the report")
	}
	if strings.Contains(page, "http://") && strings.Contains(page, "src=\"http") {
		t.Error("HTML report fetches something")
	}

	var md bytes.Buffer
	if err := report.Markdown(&md, v); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(md.String(), "# ") || !strings.Contains(md.String(), "## Statements") {
		t.Errorf("Markdown report:\n%.400s", md.String())
	}

	var js bytes.Buffer
	if err := report.JSON(&js, v); err != nil {
		t.Fatal(err)
	}
	var back struct {
		Story      struct{ ID int64 }
		Statements []struct{ Quotes []struct{ Label string } }
	}
	if err := json.Unmarshal(js.Bytes(), &back); err != nil || back.Story.ID != id || len(back.Statements) != len(v.Statements) {
		t.Errorf("JSON report: %v, story %d, %d statements", err, back.Story.ID, len(back.Statements))
	}
}
