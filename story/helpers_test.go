package story_test

import (
	"bufio"
	"encoding/json"
	"github.com/parallax-news/parallax/internal/testshared"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax/story"
)

// shared locates the shared evaluation data, skipping when it is absent.
func shared(t testing.TB) string {
	t.Helper()
	return testshared.Dir(t)
}

type basilArticle struct {
	ID, Outlet, Title, Published, Text, Story string
}

func loadBASIL(t testing.TB) []basilArticle {
	t.Helper()
	f, err := os.Open(filepath.Join(shared(t), "eval", "basil", "articles.jsonl"))
	if err != nil {
		t.Skipf("BASIL absent: %v", err)
	}
	defer f.Close()
	var out []basilArticle
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		var a basilArticle
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			t.Fatal(err)
		}
		out = append(out, a)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

func day(t testing.TB, s string) time.Time {
	t.Helper()
	if s == "" {
		return time.Time{}
	}
	d, err := time.Parse("2006-01-02", s[:min(len(s), 10)])
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// honorifics are title words dropped from the front of a name.
var honorifics = map[string]bool{"mr": true, "mrs": true, "ms": true, "dr": true, "rep": true, "sen": true,
	"president": true, "gov": true, "governor": true, "senator": true, "representative": true, "the": true,
	"minister": true, "prime": true, "secretary": true, "chairman": true, "speaker": true, "former": true}

// capEntities is a stand-in entity finder for tests: runs of capitalised
// words not opening a sentence, lower-cased, title words dropped; a run of
// several words also yields its last word ("Steele" for "Michael Steele").
func capEntities(text string) []string {
	var out []string
	var run []string
	flush := func() {
		for len(run) > 0 && honorifics[run[0]] {
			run = run[1:]
		}
		if len(run) > 0 {
			out = append(out, strings.Join(run, " "))
			if len(run) > 1 {
				out = append(out, run[len(run)-1])
			}
		}
		run = run[:0]
	}
	sentenceStart := true
	for _, w := range strings.Fields(text) {
		core := strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		core = strings.TrimSuffix(strings.TrimSuffix(core, "'s"), "’s")
		r, _ := utf8.DecodeRuneInString(core)
		caps := core != "" && unicode.IsUpper(r) && !sentenceStart
		if caps {
			run = append(run, strings.ToLower(core))
		} else if len(run) > 0 {
			flush()
		}
		last, _ := utf8.DecodeLastRuneInString(w)
		sentenceStart = strings.ContainsRune(".!?\"”", last) || w == "—"
		if caps && last != utf8.RuneError && strings.ContainsRune(",;:.!?)”\"", last) {
			flush()
		}
	}
	flush()
	return out
}

func basilDocs(t testing.TB, arts []basilArticle) []story.Doc {
	docs := make([]story.Doc, len(arts))
	for i, a := range arts {
		docs[i] = story.Doc{ID: int64(i + 1), Published: day(t, a.Published), Title: a.Title, Text: a.Text,
			Entities: capEntities(a.Title + ".\n\n" + a.Text), Outlet: a.Outlet}
	}
	// in published order; ties in file order
	slices.SortStableFunc(docs, func(a, b story.Doc) int { return a.Published.Compare(b.Published) })
	return docs
}
