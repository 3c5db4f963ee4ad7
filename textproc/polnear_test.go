package textproc_test

import (
	"bufio"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/parallax-news/parallax"
)

// source is one PolNeAR attribution source mention, in byte offsets.
type source struct {
	span parallax.Span
	text string
}

// polnearSources reads the Source annotations of one .ann file and maps
// their code-point offsets to byte offsets of raw.
func polnearSources(t *testing.T, path, raw string) []source {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	// Code point index → byte offset.
	byteAt := make([]int, 0, len(raw)+1)
	for i := range raw {
		byteAt = append(byteAt, i)
	}
	byteAt = append(byteAt, len(raw))
	var out []source
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Split(sc.Text(), "\t")
		if len(fields) < 3 || !strings.HasPrefix(fields[1], "Source ") {
			continue
		}
		rng := strings.Fields(strings.Split(strings.TrimPrefix(fields[1], "Source "), ";")[0])
		if len(rng) != 2 {
			continue
		}
		a, err1 := strconv.Atoi(rng[0])
		b, err2 := strconv.Atoi(rng[1])
		if err1 != nil || err2 != nil || a < 0 || b >= len(byteAt) || a >= b {
			continue
		}
		out = append(out, source{span: parallax.Span{Start: byteAt[a], End: byteAt[b]}, text: fields[2]})
	}
	return out
}

// TestPolNeARSources resolves PolNeAR's annotated attribution sources
// ("Trump", "the candidate", "he") with Resolve and reports how many land
// on an entity, by mention kind. Names must mostly resolve to an entity
// whose name contains the source's last word; pronouns "he"/"she" to a
// person. SHOWMISS=1 lists the sources that miss.
func TestPolNeARSources(t *testing.T) {
	dir := filepath.Join(sharedDir(t), "eval", "polnear", "dev")
	anns, _ := filepath.Glob(filepath.Join(dir, "attributions", "*.ann"))
	if len(anns) == 0 {
		t.Skip("no PolNeAR dev attributions")
	}
	type tally struct{ n, resolved, right int }
	var names, pronouns, nominals tally
	seen := map[string]bool{}
	for _, ann := range anns {
		base := filepath.Base(ann)
		name := base[:strings.LastIndexByte(base, '_')]
		if seen[name] {
			continue // one annotator per article
		}
		seen[name] = true
		b, err := os.ReadFile(filepath.Join(dir, "text", name+".txt"))
		if err != nil || !utf8.Valid(b) {
			continue
		}
		raw := string(b)
		d := analyzer.Analyze(raw, nil)
		for _, s := range polnearSources(t, ann, raw) {
			if raw[s.span.Start:s.span.End] != s.text {
				t.Fatalf("%s: offsets map to %q, annotation says %q", name, raw[s.span.Start:s.span.End], s.text)
			}
			words := strings.Fields(s.text)
			if len(words) == 0 || len(words) > 4 {
				continue
			}
			e := d.Resolve(s.span)
			lw := strings.ToLower(s.text)
			switch {
			case lw == "he" || lw == "she":
				pronouns.n++
				if e >= 0 {
					pronouns.resolved++
					if d.Entities[e].Type == parallax.Person {
						pronouns.right++
					}
				}
			case strings.HasPrefix(lw, "the "):
				nominals.n++
				if e >= 0 {
					nominals.resolved++
					if os.Getenv("SHOWMISS") != "" {
						t.Logf("NOM %q -> %q", s.text, d.Entities[e].Name)
					}
				} else if os.Getenv("SHOWMISS") != "" {
					t.Logf("NOMMISS %q", s.text)
				}
			case s.text[0] >= 'A' && s.text[0] <= 'Z' && len(words) <= 3:
				names.n++
				if e >= 0 {
					names.resolved++
					last := strings.TrimSuffix(strings.TrimSuffix(words[len(words)-1], "'s"), "’s")
					if strings.Contains(strings.ToLower(d.Entities[e].Name), strings.ToLower(last)) {
						names.right++
					} else if os.Getenv("SHOWMISS") != "" {
						t.Logf("WRONG %q -> %q", s.text, d.Entities[e].Name)
					}
				} else if os.Getenv("SHOWMISS") != "" {
					t.Logf("MISS %q", s.text)
				}
			}
		}
	}
	pct := func(a, b int) float64 {
		if b == 0 {
			return 0
		}
		return 100 * float64(a) / float64(b)
	}
	t.Logf("names: %d, resolved %.1f%%, to the right name %.1f%%", names.n, pct(names.resolved, names.n), pct(names.right, names.n))
	t.Logf("he/she: %d, resolved %.1f%%, to a person %.1f%%", pronouns.n, pct(pronouns.resolved, pronouns.n), pct(pronouns.right, pronouns.n))
	t.Logf("the-nominals: %d, resolved %.1f%%", nominals.n, pct(nominals.resolved, nominals.n))
	if pct(names.right, names.n) < 75 {
		t.Errorf("only %.1f%% of name sources resolve to their entity", pct(names.right, names.n))
	}
	if pct(pronouns.right, pronouns.n) < 75 {
		t.Errorf("only %.1f%% of he/she sources resolve to a person", pct(pronouns.right, pronouns.n))
	}
}
