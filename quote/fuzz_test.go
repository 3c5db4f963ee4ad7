package quote_test

import (
	"strings"
	"testing"
)

func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"Headline\n\n“We will respond,” Putin said. “Today.\n\n“Tomorrow.”",
		"„Wir wollen keinen Krieg“, sagte er. «Non», dit-il. ‚Ja‘",
		"''Good news,'' said Mr. Smith. 'Bad' news, he said.",
		"”Opened wrong,\" he said: \"unclosed",
		"a \" b “ c ” d ‘ e ’ f « g » h",
		"Putin to the West: ‘It is not us’\n\nAccording to the ministry, talks begin.",
		"\"\n\"\n\"",
		"said said said, according to",
		"«Es grave», añadió, y el ministro aseguró que habrá cambios. Según la Guardia Civil, no.",
		"— Name (@handle) March 4, 2025\n\nMINISTER LIND: Good afternoon.\n\nQ (Ada Lind, The Courier): Why?",
	} {
		f.Add(s)
	}
	// The input's length picks the language it is read in.
	langs := []string{"", "es", "pt", "fr", "it"}
	f.Fuzz(func(t *testing.T, raw string) {
		d := doc(raw)
		d.Language = langs[len(raw)%len(langs)]
		qs := extractor.Extract(d)
		for i, q := range qs {
			if !q.Span.Valid(len(raw)) {
				t.Fatalf("quote %d span %v out of bounds (%d)", i, q.Span, len(raw))
			}
			if i > 0 && q.Span.Start < qs[i-1].Span.Start {
				t.Fatalf("quotes not ordered by start")
			}
			if !strings.Contains(q.Text, "\n\n") && q.Text != raw[q.Span.Start:q.Span.End] {
				t.Fatalf("quote %d text %q != Raw[Span] %q", i, q.Text, raw[q.Span.Start:q.Span.End])
			}
			if !q.Speaker.MentionSpan.Empty() {
				if !q.Speaker.MentionSpan.Valid(len(raw)) {
					t.Fatalf("mention span %v out of bounds", q.Speaker.MentionSpan)
				}
				if raw[q.Speaker.MentionSpan.Start:q.Speaker.MentionSpan.End] != q.Speaker.Mention {
					t.Fatalf("mention %q != Raw[MentionSpan]", q.Speaker.Mention)
				}
			}
			if !q.CueSpan.Empty() && (!q.CueSpan.Valid(len(raw)) || raw[q.CueSpan.Start:q.CueSpan.End] != q.Cue) {
				t.Fatalf("cue %q does not match its span %v", q.Cue, q.CueSpan)
			}
			if q.Confidence < 0 || q.Confidence > 1 {
				t.Fatalf("confidence %v outside [0,1]", q.Confidence)
			}
		}
	})
}
