package textproc_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/textproc"
)

// TestSeeds checks, on the five scraped seed articles, that the main
// speaker's mentions collapse into one entity with the full canonical name
// and that nominal references resolve to it.
func TestSeeds(t *testing.T) {
	dir := filepath.Join(sharedDir(t), "corpus", "seeds")
	tests := []struct {
		file     string
		speaker  string
		key      string
		surname  string
		nominals []string // each must resolve to the speaker
		other    string   // a second person who must stay distinct
	}{
		{file: "000_22dee87584047d9a.txt", speaker: "Vladimir Putin", key: "vladimir putin", surname: "Putin",
			nominals: []string{"The Russian president", "the president"}, other: "Joe Biden"},
		{file: "001_71f02ba6572bc027.txt", speaker: "Vladimir Putin", key: "vladimir putin", surname: "Putin",
			nominals: []string{"The Russian leader", "The Russian president"}, other: "Liz Truss"},
		{file: "002_85cac05fafaaeb56.txt", speaker: "Vladimir Putin", key: "vladimir putin", surname: "Putin",
			other: "Emmanuel Macron"},
		{file: "003_20cfb5c5e8c96782.txt", speaker: "Vladimir Putin", key: "vladimir putin", surname: "Putin",
			other: "Viktor Orban"},
		{file: "004_feae13b29c9eddcb.txt", speaker: "Vladimir Putin", key: "vladimir putin", surname: "Putin",
			nominals: []string{"the Russian leader", "The Russian leader"}, other: "Joe Biden"},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			b, err := os.ReadFile(filepath.Join(dir, tc.file))
			if err != nil {
				t.Fatal(err)
			}
			raw := string(b)
			d := analyzer.Analyze(raw, nil)
			checkDoc(t, d)
			// The main speaker is the person mentioned most.
			main, most := -1, 0
			for i, e := range d.Entities {
				if e.Type == parallax.Person && len(e.Mentions) > most {
					main, most = i, len(e.Mentions)
				}
			}
			if main < 0 {
				t.Fatal("no person found")
			}
			e := d.Entities[main]
			if e.Name != tc.speaker || e.Key != tc.key {
				t.Fatalf("main speaker = %q (%q), want %q", e.Name, e.Key, tc.speaker)
			}
			// Every mention of the surname belongs to that one entity.
			found, linked := 0, 0
			for off := 0; ; {
				i := strings.Index(raw[off:], tc.surname)
				if i < 0 {
					break
				}
				sp := parallax.Span{Start: off + i, End: off + i + len(tc.surname)}
				off = sp.End
				if d.SentenceAt(sp.Start) < 0 {
					continue // not in a paragraph
				}
				found++
				if got, _ := d.EntityAt(sp); got == main {
					linked++
				} else if got >= 0 {
					t.Errorf("%q at %d belongs to %q", tc.surname, sp.Start, d.Entities[got].Name)
				}
			}
			if linked*10 < found*9 {
				t.Errorf("only %d of %d mentions of %q linked to %q", linked, found, tc.surname, tc.speaker)
			}
			for _, n := range tc.nominals {
				i := strings.Index(raw, n+" ")
				if i < 0 {
					t.Fatalf("%q not in seed", n)
				}
				sp := parallax.Span{Start: i, End: i + len(n)}
				if got := d.Resolve(sp); got != main {
					name := "nothing"
					if got >= 0 {
						name = d.Entities[got].Name
					}
					t.Errorf("%q resolves to %s", n, name)
				}
			}
			if tc.other != "" {
				o, _ := entityNamed(t, d, tc.other)
				if o == main {
					t.Errorf("%q merged with the speaker", tc.other)
				}
			}
			// Every pronoun the analysis linked refers to a person or an organisation.
			for _, e := range d.Entities {
				for _, m := range e.Mentions {
					if m.Kind == parallax.MentionPronoun && e.Type == parallax.Location {
						t.Errorf("pronoun %q linked to place %q", m.Text, e.Name)
					}
				}
			}
		})
	}
}

// checkDoc asserts the structural invariants of an analysis.
func checkDoc(t testing.TB, d *textproc.Doc) {
	t.Helper()
	n := len(d.Raw)
	inPara := func(sp parallax.Span, p int) bool {
		return p >= 0 && p < len(d.Paragraphs) && d.Paragraphs[p].Contains(sp)
	}
	for i, p := range d.Paragraphs {
		if !p.Valid(n) || i > 0 && p.Start < d.Paragraphs[i-1].End {
			t.Fatalf("paragraph %d %v invalid", i, p)
		}
	}
	prevEnd, prevLast := 0, 0
	for i, s := range d.Sentences {
		if !s.Span.Valid(n) || !inPara(s.Span, s.Para) {
			t.Fatalf("sentence %d %v outside paragraph %d", i, s.Span, s.Para)
		}
		if s.Span.Start < prevEnd || s.First != prevLast || s.First >= s.Last || s.Last > len(d.Tokens) {
			t.Fatalf("sentence %d %+v out of order", i, s)
		}
		if d.Tokens[s.First].Span.Start != s.Span.Start || d.Tokens[s.Last-1].Span.End != s.Span.End {
			t.Fatalf("sentence %d span does not match its tokens", i)
		}
		for k := s.First; k < s.Last; k++ {
			if !s.Span.Contains(d.Tokens[k].Span) {
				t.Fatalf("token %d outside sentence %d", k, i)
			}
		}
		prevEnd, prevLast = s.Span.End, s.Last
	}
	if prevLast != len(d.Tokens) {
		t.Fatalf("%d tokens but sentences cover %d", len(d.Tokens), prevLast)
	}
	for i, tk := range d.Tokens {
		if !tk.Span.Valid(n) || i > 0 && tk.Span.Start < d.Tokens[i-1].Span.End {
			t.Fatalf("token %d %v invalid", i, tk.Span)
		}
		if strings.TrimSpace(d.Text(tk.Span)) != d.Text(tk.Span) {
			t.Fatalf("token %d %q has space", i, d.Text(tk.Span))
		}
	}
	for ei, e := range d.Entities {
		if e.Key == "" || e.Name == "" || len(e.Mentions) == 0 {
			t.Fatalf("entity %d %+v incomplete", ei, e)
		}
		for k, m := range e.Mentions {
			if !m.Span.Valid(n) || d.Text(m.Span) != m.Text || d.SentenceAt(m.Span.Start) < 0 {
				t.Fatalf("entity %q mention %+v invalid", e.Name, m)
			}
			if got, gk := d.EntityAt(m.Span); got != ei || gk != k {
				t.Fatalf("EntityAt(%q) = %d,%d, want %d,%d", m.Text, got, gk, ei, k)
			}
			if r := d.Resolve(m.Span); r != ei {
				t.Fatalf("Resolve(%q) = %d, want %d", m.Text, r, ei)
			}
		}
	}
}

// TestPolNeAR runs the dev texts: sane sentence counts and lengths, the
// invariants, and the time per article.
func TestPolNeAR(t *testing.T) {
	texts := polnearTexts(t, 0)
	words, sents, long := 0, 0, 0
	for _, raw := range texts {
		d := analyzer.Analyze(raw, nil)
		checkDoc(t, d)
		if len(d.Sentences) < len(d.Paragraphs) {
			t.Errorf("%d sentences in %d paragraphs", len(d.Sentences), len(d.Paragraphs))
		}
		for _, s := range d.Sentences {
			w := 0
			for k := s.First; k < s.Last; k++ {
				if d.Tokens[k].Kind == textproc.Word {
					w++
				}
			}
			words += w
			if w > 80 {
				long++
			}
		}
		sents += len(d.Sentences)
	}
	avg := float64(words) / float64(sents)
	t.Logf("%d texts, %d sentences, %.1f words per sentence, %d over 80 words", len(texts), sents, avg, long)
	if avg < 10 || avg > 35 {
		t.Errorf("average sentence length %.1f words is not news prose", avg)
	}
	if long*100 > sents {
		t.Errorf("%d of %d sentences over 80 words: missed boundaries", long, sents)
	}
	if testing.Short() {
		return
	}
	start := time.Now()
	const rounds = 3
	for r := 0; r < rounds; r++ {
		for _, raw := range texts {
			analyzer.Analyze(raw, nil)
		}
	}
	per := time.Since(start) / time.Duration(rounds*len(texts))
	t.Logf("%v per article (wall clock, machine shared)", per)
}

func FuzzAnalyze(f *testing.F) {
	f.Add("Russian President Vladimir Putin said: “No.” He left.\n\nThe Russian leader, Mr. Putin, didn't.", 3, 40)
	f.Add("“It is clear.”Mr Varga said the U.S. agreed.’ ‘x' \"", 0, 0)
	f.Add("NATO.In the end the alliance (NATO) won. She said so, 'they' agreed...", 5, 60)
	f.Add("\u00a0Élise\u2019s \xff\xfe «bon» 1,5.3 A. B. C. Mr.", 1, 9)
	f.Fuzz(func(t *testing.T, raw string, a, b int) {
		var paras []parallax.Span
		if a != 0 || b != 0 {
			// A paragraph given by the caller, possibly out of bounds.
			paras = []parallax.Span{{Start: a, End: b}, {Start: b, End: len(raw)}}
		}
		d := analyzer.Analyze(raw, paras)
		checkDoc(t, d)
		for pos := -1; pos <= len(raw); pos += 1 + len(raw)/16 {
			if s := d.SentenceAt(pos); s >= 0 && !d.Sentences[s].Span.Contains(parallax.Span{Start: pos, End: pos}) {
				t.Fatalf("SentenceAt(%d) = %d", pos, s)
			}
			for _, l := range []int{1, 2, 5, 20} {
				sp := parallax.Span{Start: pos, End: pos + l}
				if e := d.Resolve(sp); e < -1 || e >= len(d.Entities) {
					t.Fatalf("Resolve = %d", e)
				}
				if e, m := d.EntityAt(sp); e >= len(d.Entities) || e >= 0 && m >= len(d.Entities[e].Mentions) {
					t.Fatalf("EntityAt = %d, %d", e, m)
				}
			}
		}
	})
}

// TestConcurrent runs Analyze from several goroutines on one Analyzer and
// checks each result equals the sequential one (the Analyzer pools its
// working memory).
func TestConcurrent(t *testing.T) {
	texts := []string{fixtureVarga, fixtureRussia, "The U.S. and the United States are one. US troops left."}
	summary := func(d *textproc.Doc) string {
		var b strings.Builder
		for _, e := range d.Entities {
			b.WriteString(e.Key)
			for _, m := range e.Mentions {
				b.WriteString("|" + m.Text)
			}
			b.WriteByte('\n')
		}
		return b.String()
	}
	want := make([]string, len(texts))
	for i, s := range texts {
		want[i] = summary(analyzer.Analyze(s, nil))
	}
	errs := make(chan string, 64)
	done := make(chan bool)
	for g := 0; g < 4; g++ {
		go func(g int) {
			for r := 0; r < 50; r++ {
				i := (g + r) % len(texts)
				if got := summary(analyzer.Analyze(texts[i], nil)); got != want[i] {
					errs <- got
				}
			}
			done <- true
		}(g)
	}
	for g := 0; g < 4; g++ {
		<-done
	}
	close(errs)
	for e := range errs {
		t.Errorf("concurrent result differs:\n%s", e)
	}
}
