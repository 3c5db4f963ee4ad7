package storetest

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"unicode"
	"unicode/utf8"

	parallax "github.com/parallax-news/parallax"
)

// Build makes an analysis of raw as the pipeline would shape one, by simple
// generic signals: paragraphs are the non-blank blocks between blank lines,
// entities are runs of two or more capitalised words (keyed by their
// lower-cased form, the last word an alias), quotes are the spans between
// double quotation marks (straight or curly), attributed to the nearest
// entity mentioned before them. Every span is a valid byte range of raw.
func Build(raw, source, outlet, published string) *parallax.Analysis {
	a := &parallax.Analysis{}
	art := &a.Article
	art.Source, art.Outlet, art.Published, art.Raw = source, outlet, published, raw
	art.Language = "en"
	var paras []string
	for off := 0; off < len(raw); {
		// skip blank lines
		for off < len(raw) && (raw[off] == '\n' || raw[off] == '\r' || raw[off] == ' ') {
			off++
		}
		if off >= len(raw) {
			break
		}
		end := strings.Index(raw[off:], "\n\n")
		if end < 0 {
			end = len(raw)
		} else {
			end += off
		}
		s := parallax.Span{Start: off, End: off + len(strings.TrimRight(raw[off:end], " \r\n"))}
		if !s.Empty() {
			art.Paragraphs = append(art.Paragraphs, s)
			paras = append(paras, s.In(raw))
		}
		off = end
	}
	if len(art.Paragraphs) > 0 {
		art.Title = paras[0]
		art.TitleSpan = art.Paragraphs[0]
		if len(art.Paragraphs) > 1 {
			art.Paragraphs = art.Paragraphs[1:]
			paras = paras[1:]
		}
	}
	art.Text = strings.Join(paras, "\n\n")
	art.Hash = parallax.BodyHash([]byte(art.Text))
	if len(art.Paragraphs) > 0 && art.Paragraphs[0].Start > 0 {
		art.Removed = []parallax.Removal{{Span: parallax.Span{Start: 0, End: art.Paragraphs[0].Start}, Reason: "header"}}
	}

	ents := map[string]int{}
	type seen struct {
		span parallax.Span
		key  string
	}
	var mentions []seen
	for _, run := range capitalRuns(raw) {
		name := run.In(raw)
		key := strings.ToLower(name)
		i, ok := ents[key]
		if !ok {
			i = len(a.Entities)
			ents[key] = i
			last := name[strings.LastIndexByte(name, ' ')+1:]
			a.Entities = append(a.Entities, parallax.Entity{Key: key, Name: name, Type: parallax.Person,
				Aliases: []string{name, last}})
		}
		e := &a.Entities[i]
		e.Mentions = append(e.Mentions, parallax.Mention{Span: run, Text: name, Kind: parallax.MentionName})
		mentions = append(mentions, seen{run, key})
	}
	for _, q := range quoteSpans(raw) {
		quote := parallax.Quote{Kind: parallax.Direct, Text: q.In(raw), Span: q, Confidence: 0.75}
		// the nearest mention before the quote speaks it
		for k := len(mentions) - 1; k >= 0; k-- {
			if mentions[k].span.End <= q.Start {
				m := mentions[k]
				e := a.Entities[ents[m.key]]
				quote.Speaker = parallax.Speaker{Name: e.Name, Mention: m.span.In(raw), MentionSpan: m.span, EntityKey: m.key}
				break
			}
		}
		if i := strings.Index(raw[q.End:min(len(raw), q.End+40)], "said"); i >= 0 {
			quote.Cue = "said"
			quote.CueSpan = parallax.Span{Start: q.End + i, End: q.End + i + 4}
		} else {
			quote.Confidence = 0.4 // no cue found
		}
		a.Quotes = append(a.Quotes, quote)
	}
	return a
}

// capitalRuns finds runs of two or more capitalised words within a line.
func capitalRuns(s string) []parallax.Span {
	var out []parallax.Span
	start, words, end := -1, 0, 0
	flush := func() {
		if words >= 2 {
			out = append(out, parallax.Span{Start: start, End: end})
		}
		start, words = -1, 0
	}
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsLetter(r) {
			if r != ' ' || i+1 >= len(s) {
				flush()
			} else if next, _ := utf8.DecodeRuneInString(s[i+1:]); !unicode.IsUpper(next) {
				flush()
			}
			i += n
			continue
		}
		j := i
		for j < len(s) {
			r2, m := utf8.DecodeRuneInString(s[j:])
			if !unicode.IsLetter(r2) {
				break
			}
			j += m
		}
		if unicode.IsUpper(r) && j-i > 1 {
			if start < 0 {
				start = i
			}
			words++
			end = j
		} else {
			flush()
		}
		i = j
	}
	flush()
	return out
}

// quoteSpans finds the contents of double-quoted passages of 3 or more words.
func quoteSpans(s string) []parallax.Span {
	var out []parallax.Span
	open := -1
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '\n' && i+1 < len(s) && s[i+1] == '\n':
			open = -1
		case r == '“' || (r == '"' && open < 0):
			open = i + n
		case (r == '”' || r == '"') && open >= 0:
			if sp := (parallax.Span{Start: open, End: i}); len(strings.Fields(sp.In(s))) >= 3 {
				out = append(out, sp)
			}
			open = -1
		}
		i += n
	}
	return out
}

// Generate makes n analyses of generated text, each of about size bytes
// of raw text (more when the quotes need it) with quotes direct quotes,
// spread over five outlets and thirty days; the same seed gives the same
// analyses. Names and words are made of random letters.
func Generate(seed uint64, n, size, quotes int) []*parallax.Analysis {
	rng := rand.New(rand.NewPCG(seed, 7))
	word := func() string {
		b := make([]byte, 2+rng.IntN(8))
		for i := range b {
			b[i] = byte('a' + rng.IntN(26))
		}
		return string(b)
	}
	vocab := make([]string, 3000)
	for i := range vocab {
		vocab[i] = word()
	}
	title := func(w string) string { return strings.ToUpper(w[:1]) + w[1:] }
	people := make([]string, 200)
	for i := range people {
		people[i] = title(word()) + " " + title(word())
	}
	outlets := []string{"Alpha Daily", "Beta Times", "Gamma Wire", "Delta Post", "Epsilon News"}
	sentence := func(b *strings.Builder) {
		k := 8 + rng.IntN(12)
		for i := range k {
			w := vocab[int(rng.ExpFloat64()*300)%len(vocab)]
			if i == 0 {
				w = title(w)
			}
			b.WriteString(w)
			if i < k-1 {
				b.WriteByte(' ')
			}
		}
		b.WriteString(". ")
	}
	out := make([]*parallax.Analysis, n)
	for i := range out {
		var b strings.Builder
		b.WriteString(title(word()) + " " + word() + " " + word() + " " + word() + "\n\n")
		qn := 0
		for b.Len() < size || qn < quotes {
			for range 3 {
				sentence(&b)
			}
			if qn < quotes {
				p := people[rng.IntN(len(people))]
				b.WriteString(p + " spoke. \"")
				sentence(&b)
				b.WriteString("\" said the official. ")
				qn++
			}
			b.WriteString("\n\n")
		}
		day := fmt.Sprintf("2024-03-%02d", 1+i%30)
		out[i] = Build(b.String(), fmt.Sprintf("gen-%d-%d", seed, i), outlets[i%len(outlets)], day)
	}
	return out
}
