package httpapi

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/parallax-news/parallax"
)

func TestSegments(t *testing.T) {
	raw := "Intro line.\n\n\"We will stay,\" said Mayor Ana Ruiz.\n\nShe added that «the bridge» was safe."
	para := func(s string) parallax.Span {
		i := strings.Index(raw, s)
		return parallax.Span{Start: i, End: i + len(s)}
	}
	span := func(s string) parallax.Span { return para(s) }
	p1 := para("Intro line.")
	p2 := para("\"We will stay,\" said Mayor Ana Ruiz.")
	p3 := para("She added that «the bridge» was safe.")
	tests := []struct {
		name   string
		quotes []*parallax.Quote
		links  map[int64]string
		want   [][]string // "class:text" per segment, per paragraph
	}{
		{"no quotes", nil, nil, [][]string{{":Intro line."}, {":\"We will stay,\" said Mayor Ana Ruiz."}, {":She added that «the bridge» was safe."}}},
		{"direct quote with cue and speaker", []*parallax.Quote{{ID: 7, Kind: parallax.Direct, Span: span("We will stay,"), CueSpan: span("said"),
			Speaker: parallax.Speaker{Name: "Ana Ruiz", MentionSpan: span("Mayor Ana Ruiz"), EntityID: 3}}},
			map[int64]string{7: "/stories/1#st-2"},
			[][]string{{":Intro line."}, {":\"", "q-direct:We will stay,", ":\" ", "cue:said", ": ", "who:Mayor Ana Ruiz", ":."}, {":She added that «the bridge» was safe."}}},
		{"mention inside an indirect quote wins", []*parallax.Quote{{ID: 8, Kind: parallax.Indirect, Span: span("that «the bridge» was safe"),
			Speaker: parallax.Speaker{Name: "bridge", MentionSpan: span("bridge")}}},
			nil,
			[][]string{{":Intro line."}, {":\"We will stay,\" said Mayor Ana Ruiz."}, {":She added ", "q-indirect:that «the ", "who:bridge", "q-indirect:» was safe", ":."}}},
		{"spans out of range or splitting a character are dropped", []*parallax.Quote{
			{ID: 9, Kind: parallax.Direct, Span: parallax.Span{Start: 5, End: len(raw) + 10}},
			{ID: 10, Kind: parallax.Direct, Span: parallax.Span{Start: strings.Index(raw, "«") + 1, End: p3.End}}},
			nil,
			[][]string{{":Intro line."}, {":\"We will stay,\" said Mayor Ana Ruiz."}, {":She added that «the bridge» was safe."}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := &parallax.Article{Raw: raw, Paragraphs: []parallax.Span{p1, p2, p3}}
			got := segments(a, tc.quotes, tc.links)
			if len(got) != len(tc.want) {
				t.Fatalf("%d paragraphs, want %d", len(got), len(tc.want))
			}
			for i, segs := range got {
				var s []string
				for _, g := range segs {
					s = append(s, g.Class+":"+g.Text)
				}
				if strings.Join(s, "|") != strings.Join(tc.want[i], "|") {
					t.Errorf("paragraph %d:\n got %q\nwant %q", i, s, tc.want[i])
				}
			}
			if tc.links != nil {
				for _, segs := range got {
					for _, g := range segs {
						if g.Class == "q-direct" && g.Href != tc.links[7] {
							t.Errorf("quote links to %q", g.Href)
						}
						if g.Class == "who" && g.Href != "/speakers/3" {
							t.Errorf("speaker links to %q", g.Href)
						}
					}
				}
			}
		})
	}
}

// FuzzSegments checks that the segments of a paragraph always spell out
// the paragraph exactly, whatever the spans, and never split a character.
func FuzzSegments(f *testing.F) {
	f.Add("\"Yes,\" she said. «Non», il a dit.", 1, 5, 7, 15, 0, 33)
	f.Add("ab", 0, 1, 1, 2, 0, 2)
	f.Add("héllo wörld", 1, 2, 3, 9, 0, 12)
	f.Fuzz(func(t *testing.T, raw string, qs, qe, ms, me, ps, pe int) {
		if !utf8.ValidString(raw) {
			return
		}
		q := &parallax.Quote{ID: 1, Kind: parallax.Mixed, Span: parallax.Span{Start: qs, End: qe},
			CueSpan: parallax.Span{Start: ms, End: qe}, Speaker: parallax.Speaker{MentionSpan: parallax.Span{Start: ms, End: me}, EntityID: 2}}
		p := parallax.Span{Start: ps, End: pe}
		a := &parallax.Article{Raw: raw, Paragraphs: []parallax.Span{p}}
		got := segments(a, []*parallax.Quote{q}, nil)
		if !p.Valid(len(raw)) || !utf8.ValidString(raw[p.Start:p.End]) {
			if len(got) != 0 {
				t.Fatalf("invalid paragraph %v gave %d paragraphs", p, len(got))
			}
			return
		}
		if len(got) != 1 {
			t.Fatalf("%d paragraphs", len(got))
		}
		var b strings.Builder
		for _, s := range got[0] {
			if s.Text == "" {
				t.Fatal("empty segment")
			}
			if !utf8.ValidString(s.Text) {
				t.Fatalf("segment %q splits a character", s.Text)
			}
			b.WriteString(s.Text)
		}
		if b.String() != raw[p.Start:p.End] {
			t.Fatalf("segments spell %q, want %q", b.String(), raw[p.Start:p.End])
		}
	})
}
