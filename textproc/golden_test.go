package textproc_test

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// TestSeedsGolden summarises each seed's analysis (sentence count, entities
// with type, titles, aliases and mention kinds) and compares it with
// testdata/seeds.golden; run with -update to accept a change.
func TestSeedsGolden(t *testing.T) {
	dir := filepath.Join(sharedDir(t), "corpus", "seeds")
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	var b strings.Builder
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		d := analyzer.Analyze(string(raw), nil)
		fmt.Fprintf(&b, "== %s: %d paragraphs, %d sentences, %d tokens\n", filepath.Base(f), len(d.Paragraphs), len(d.Sentences), len(d.Tokens))
		for _, e := range d.Entities {
			kinds := map[string]int{}
			for _, m := range e.Mentions {
				kinds[string(m.Kind)]++
			}
			fmt.Fprintf(&b, "%s\t%s\t%q\ttitles=%q\taliases=%q\tname=%d nominal=%d pronoun=%d\n",
				e.Key, e.Type, e.Name, e.Titles, e.Aliases, kinds["name"], kinds["nominal"], kinds["pronoun"])
		}
	}
	golden := filepath.Join("testdata", "seeds.golden")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(golden, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if got := b.String(); got != string(want) {
		gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
		for i := 0; i < len(gl) || i < len(wl); i++ {
			var g, w string
			if i < len(gl) {
				g = gl[i]
			}
			if i < len(wl) {
				w = wl[i]
			}
			if g != w {
				t.Errorf("line %d differs:\n got %s\nwant %s", i+1, g, w)
				break
			}
		}
	}
}
