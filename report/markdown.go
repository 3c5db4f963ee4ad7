package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/compare"
)

// Markdown writes v as a Markdown report.
func Markdown(w io.Writer, v *View) error {
	b := bufio.NewWriter(w)
	p := func(format string, args ...any) { fmt.Fprintf(b, format, args...) }
	s := v.Story
	p("# %s\n\n", mdEscape(s.Title))
	p("Story %d · %s · %d articles · %s\n\n", s.ID, dateRange(s.Start, s.End), len(s.Articles), strings.Join(s.Outlets, ", "))
	if len(v.Storyline) > 1 {
		p("Storyline %d:\n\n", s.Storyline)
		for _, o := range v.Storyline {
			mark := ""
			if o.ID == s.ID {
				mark = " ← this story"
			}
			p("- %s — story %d: %s%s\n", dateRange(o.Start, o.End), o.ID, mdEscape(o.Title), mark)
		}
		p("\n")
	}

	p("## Articles\n\n| id | published | outlet | title |\n|---|---|---|---|\n")
	for _, a := range v.Articles {
		title := mdEscape(a.Title)
		for _, d := range v.Duplicates {
			if d.Article == a.ID {
				title += fmt.Sprintf(" *(%s copy of %d)*", d.Kind, d.Original)
			}
		}
		p("| %d | %s | %s | %s |\n", a.ID, a.Published, mdEscape(a.Outlet), title)
	}
	p("\n")

	if len(v.Timeline) > 0 {
		p("## Timeline\n\n")
		for _, g := range v.Timeline {
			flag := ""
			if len(g.Flags) > 0 {
				flag = " ⚠ " + strings.Join(g.Flags, ", ")
			}
			p("- **%s** — %s (articles %s)%s\n", dateRange(g.Date, g.End), mdEscape(oneLine(g.Text)), ids(g.Articles), flag)
		}
		p("\n")
	}

	if len(v.Statements) > 0 {
		p("## Statements\n\n")
		for _, st := range v.Statements {
			rep := ""
			if st.RepetitionOf != 0 {
				rep = fmt.Sprintf(" (repeats statement %d)", st.RepetitionOf)
			}
			p("### %d. %s%s\n\n> %s\n\n", st.ID, mdEscape(st.Speaker), rep, mdEscape(oneLine(st.Text)))
			for _, va := range st.Quotes {
				q := v.Quote(va.Quote)
				if q == nil {
					continue
				}
				p("- **%s** (%s, %s): %s\n", mdEscape(v.Outlet(q.Article)), va.Label, q.Kind, mdDiff(va.Diff, q.Text))
			}
			p("\n")
		}
	}

	if len(v.Coverage.Statements) > 0 {
		p("## Coverage\n\n| outlet |")
		for _, id := range v.Coverage.Statements {
			p(" %d |", id)
		}
		p("\n|---|%s\n", strings.Repeat("---|", len(v.Coverage.Statements)))
		for i, o := range v.Coverage.Outlets {
			p("| %s |", mdEscape(o))
			for _, c := range v.Coverage.Cells[i] {
				cell := string(c.Label)
				if c.Label == compare.Absent {
					cell = "·"
				}
				if c.Syndicated {
					cell += " (via copy)"
				}
				p(" %s |", cell)
			}
			p("\n")
		}
		p("\n")
	}

	if len(v.Framing) > 0 {
		p("## Framing\n\n")
		for _, f := range v.Framing {
			p("### %s\n\n", mdEscape(f.Outlet))
			var loaded []string
			for _, c := range f.Cues {
				if c.Loaded {
					loaded = append(loaded, fmt.Sprintf("%q ×%d", c.Cue, c.Count))
				}
			}
			if len(loaded) > 0 {
				p("- loaded cue verbs: %s\n", strings.Join(loaded, ", "))
			}
			if len(f.ScareQuotes) > 0 {
				p("- scare quotes: %s\n", findings(f.ScareQuotes))
			}
			if len(f.Hedges) > 0 {
				p("- hedges: %s\n", findings(f.Hedges))
			}
			var voices []string
			for _, vc := range f.Voices {
				voices = append(voices, fmt.Sprintf("%s ×%d", vc.Speaker, vc.Count))
			}
			if len(voices) > 0 {
				p("- voices: %s\n", mdEscape(strings.Join(voices, ", ")))
			}
			var only []string
			for _, vc := range f.OnlyVoices {
				only = append(only, vc.Speaker)
			}
			if len(only) > 0 {
				p("- voices no other outlet quotes: %s\n", mdEscape(strings.Join(only, ", ")))
			}
			p("\n")
		}
	}

	if len(v.Contradictions) > 0 {
		p("## Facts that disagree\n\n")
		for _, c := range v.Contradictions {
			p("- %s: **%s** says %q; **%s** says %q\n", mdEscape(c.Unit), mdEscape(c.A.Outlet), c.A.Text, mdEscape(c.B.Outlet), c.B.Text)
		}
		p("\n")
	}
	return b.Flush()
}

func findings(fs []compare.Finding) string {
	var out []string
	for _, f := range fs {
		out = append(out, fmt.Sprintf("%q", f.Text))
	}
	return strings.Join(out, ", ")
}

// mdDiff renders a variant's word diff against the canonical text: words
// the variant drops struck through, words it adds in bold.
func mdDiff(d []parallax.DiffOp, text string) string {
	if len(d) == 0 {
		return mdEscape(oneLine(text))
	}
	var b strings.Builder
	for _, op := range d {
		t := mdEscape(oneLine(op.Text))
		if t == "" {
			continue
		}
		switch op.Op {
		case "-":
			b.WriteString("~~" + t + "~~ ")
		case "+":
			b.WriteString("**" + t + "** ")
		default:
			b.WriteString(t + " ")
		}
	}
	return strings.TrimSpace(b.String())
}

var mdEscaper = strings.NewReplacer(`\`, `\\`, "|", `\|`, "*", `\*`, "_", `\_`, "`", "\\`", "<", "&lt;", ">", "&gt;", "[", `\[`, "]", `\]`, "~", `\~`)

func mdEscape(s string) string { return mdEscaper.Replace(s) }

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func dateRange(a, b string) string {
	switch {
	case a == "" && b == "":
		return "undated"
	case b == "" || a == b:
		return a
	}
	return a + " – " + b
}

func ids(xs []int64) string {
	s := make([]string, len(xs))
	for i, x := range xs {
		s[i] = fmt.Sprint(x)
	}
	return strings.Join(s, ", ")
}
