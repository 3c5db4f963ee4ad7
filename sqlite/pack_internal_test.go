package sqlite

import (
	"encoding/json"
	"math"
	"reflect"
	"strings"
	"testing"

	parallax "github.com/parallax-news/parallax"
)

func TestQuotesRoundTrip(t *testing.T) {
	raw := `Intro. "We will build it," said Ana Ruiz. She added: "Not now."`
	span := func(s string) parallax.Span {
		i := strings.Index(raw, s)
		return parallax.Span{Start: i, End: i + len(s)}
	}
	qs := []parallax.Quote{
		{Kind: parallax.Direct, Text: "We will build it,", Span: span("We will build it,"), Cue: "said", CueSpan: span("said"),
			Speaker:    parallax.Speaker{Name: "Ana Ruiz", Mention: "Ana Ruiz", MentionSpan: span("Ana Ruiz"), EntityKey: "ana ruiz", EntityID: 7},
			Confidence: 0.1 + 0.2},
		{Kind: parallax.Mixed, Text: "Not\n\nnow \"quoted\" \\ \t\x01 é 💬 \u2028", Span: span("Not now."), Cue: "added",
			Speaker: parallax.Speaker{Name: "She", Mention: "She", EntityKey: "not stored"}, Confidence: 1e-7},
		{Kind: parallax.Indirect, Text: "", Span: parallax.Span{Start: 900, End: 990}, Confidence: 1},
	}
	b, err := appendQuotes(nil, qs, raw)
	if err != nil {
		t.Fatal(err)
	}
	if !json.Valid(b) {
		t.Fatalf("appendQuotes wrote invalid JSON: %s", b)
	}
	got, err := decodeQuotes(3, 40, len(qs), string(b), raw)
	if err != nil {
		t.Fatal(err)
	}
	for i := range qs {
		qs[i].ID, qs[i].Article = int64(40+i), 3
	}
	qs[1].Speaker.EntityKey = "" // no entity id, no key
	if !reflect.DeepEqual(got, qs) {
		t.Errorf("round trip:\n got %+v\nwant %+v", got, qs)
	}
	if _, err := appendQuotes(nil, []parallax.Quote{{Confidence: math.NaN()}}, raw); err == nil {
		t.Error("a NaN confidence was written")
	}
}

// TestQuoteReaderEscapes reads the escapes SQLite's and Go's JSON writers
// use, and refuses what is not JSON.
func TestQuoteReaderEscapes(t *testing.T) {
	quote := func(text string) string {
		return `[["direct",` + text + `,0,1,"",0,0,"","",0,0,null,"",0.5]]`
	}
	for in, want := range map[string]string{
		`"a\"b\\c\/d"`:       `a"b\c/d`,
		`"\b\f\n\r\t"`:       "\b\f\n\r\t",
		`"\u00e9\u0001"`:     "é\x01",
		`"\ud83d\udcac x"`:   "💬 x",
		`"\ud83d x"`:         "\ufffd x",
		`"plain ünïcödé"`:    "plain ünïcödé",
		` "spaced" `:         "spaced",
		`"tail escape \\"  `: `tail escape \`,
	} {
		qs, err := decodeQuotes(1, 1, 1, quote(in), "")
		if err != nil || len(qs) != 1 || qs[0].Text != want {
			t.Errorf("text %s: %+v, %v; want %q", in, qs, err, want)
		}
	}
	for _, in := range []string{``, `[`, `[[]]`, `[["direct"]]`, quote(`"open`), quote(`"bad \x"`), quote(`"ctl` + "\x01" + `"`),
		quote(`"a"`) + `x`, `[["direct",null,0,1,"",0,0,"","",0,0,0,"",zz]]`, `[["direct",null,0,1,"",0,0,"","",0,0,1.5,"",1]]`} {
		if qs, err := decodeQuotes(1, 1, 1, in, ""); err == nil {
			t.Errorf("decodeQuotes(%q) = %+v, want an error", in, qs)
		}
	}
}

func FuzzQuotesRoundTrip(f *testing.F) {
	f.Add("direct", "text", "said", "Ana", "she", "ana", int64(3), 0.5, 2, 9)
	f.Add("mixed", "\"\\\x00\xff\u2028", "", "", "", "", int64(0), -0.0, 0, 0)
	f.Add("", "", "", "", "", "k", int64(math.MinInt64), math.MaxFloat64, math.MaxInt, math.MinInt)
	f.Add("indirect", "über \"x\"\n\t", "a\\b", "Zoë", "ÄRN", "zoë ärn", int64(math.MaxInt64), 1e-300, -3, 4)
	f.Fuzz(func(t *testing.T, kind, text, cue, name, mention, key string, entity int64, conf float64, start, end int) {
		if math.IsNaN(conf) || math.IsInf(conf, 0) {
			return
		}
		q := parallax.Quote{Kind: parallax.QuoteKind(kind), Text: text, Span: parallax.Span{Start: start, End: end}, Cue: cue,
			Speaker: parallax.Speaker{Name: name, Mention: mention, EntityID: entity, EntityKey: key}, Confidence: conf}
		b, err := appendQuotes(nil, []parallax.Quote{q}, text)
		if err != nil {
			t.Fatal(err)
		}
		got, err := decodeQuotes(1, 1, 1, string(b), text)
		if err != nil {
			t.Fatalf("decode %s: %v", b, err)
		}
		// Strings come back as JSON carries them: each byte of invalid
		// UTF-8 as U+FFFD.
		valid := func(s string) string {
			var b strings.Builder
			for _, r := range s {
				b.WriteRune(r)
			}
			return b.String()
		}
		want := q
		want.ID, want.Article = 1, 1
		want.Kind, want.Cue = parallax.QuoteKind(valid(kind)), valid(cue)
		want.Speaker.Name, want.Speaker.Mention = valid(name), valid(mention)
		want.Speaker.EntityKey = valid(key)
		if entity == 0 {
			want.Speaker.EntityKey = ""
		}
		if text != q.Span.In(text) {
			want.Text = valid(text)
		}
		if !reflect.DeepEqual(got, []parallax.Quote{want}) {
			t.Errorf("round trip of %s:\n got %+v\nwant %+v", b, got, want)
		}
	})
}
