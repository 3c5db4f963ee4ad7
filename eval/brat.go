package eval

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	parallax "github.com/parallax-news/parallax"
)

// BRATDoc is one annotator's attributions over one article.
type BRATDoc struct {
	// Name is the article's file name without ".txt".
	Name string
	// Annotator is the suffix of the .ann file name ("NAME_ANNOTATOR.ann").
	Annotator string
	// Text is the article text the offsets refer to.
	Text         string
	Attributions []GoldAttribution
}

// GoldAttribution is one annotated attribution relation; every span is a
// byte offset range into BRATDoc.Text. Content, Source and Cue may each be
// discontinuous (several fragments); Source is empty when not annotated.
type GoldAttribution struct {
	Content []parallax.Span
	Source  []parallax.Span
	Cue     []parallax.Span
}

// LoadBRAT reads every NAME_ANNOTATOR.ann file in annDir together with
// textDir/NAME.txt and returns one BRATDoc per .ann file, sorted by name
// and annotator. BRAT offsets count code points; they are converted to
// byte offsets into the text.
func LoadBRAT(annDir, textDir string) ([]BRATDoc, error) {
	anns, err := filepath.Glob(filepath.Join(annDir, "*.ann"))
	if err != nil {
		return nil, err
	}
	sort.Strings(anns)
	texts := map[string]string{}
	var docs []BRATDoc
	for _, ann := range anns {
		base := strings.TrimSuffix(filepath.Base(ann), ".ann")
		name, annotator := base, ""
		if i := strings.LastIndexByte(base, '_'); i > 0 {
			name, annotator = base[:i], base[i+1:]
		}
		text, ok := texts[name]
		if !ok {
			b, err := os.ReadFile(filepath.Join(textDir, name+".txt"))
			if err != nil {
				return nil, err
			}
			text = string(b)
			texts[name] = text
		}
		b, err := os.ReadFile(ann)
		if err != nil {
			return nil, err
		}
		atts, err := parseBRAT(string(b), text)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", ann, err)
		}
		docs = append(docs, BRATDoc{Name: name, Annotator: annotator, Text: text, Attributions: atts})
	}
	return docs, nil
}

// parseBRAT reads the T (text-bound) and E (event) lines of one .ann file.
// Each E line with a Content argument becomes one GoldAttribution.
func parseBRAT(ann, text string) ([]GoldAttribution, error) {
	// byteAt[i] is the byte offset of code point i; one extra entry for the end.
	byteAt := make([]int, 0, len(text)+1)
	for i := range text {
		byteAt = append(byteAt, i)
	}
	byteAt = append(byteAt, len(text))
	conv := func(cp int) (int, error) {
		if cp < 0 || cp >= len(byteAt) {
			return 0, fmt.Errorf("offset %d outside text of %d code points", cp, len(byteAt)-1)
		}
		return byteAt[cp], nil
	}

	spans := map[string][]parallax.Span{}
	var events []string
	for _, line := range strings.Split(ann, "\n") {
		line = strings.TrimRight(line, "\r")
		if line == "" {
			continue
		}
		id, rest, _ := strings.Cut(line, "\t")
		switch {
		case strings.HasPrefix(id, "T"):
			head, _, _ := strings.Cut(rest, "\t")
			_, offs, ok := strings.Cut(head, " ")
			if !ok {
				continue
			}
			var sp []parallax.Span
			for _, frag := range strings.Split(offs, ";") {
				a, b, ok := strings.Cut(strings.TrimSpace(frag), " ")
				if !ok {
					return nil, fmt.Errorf("bad offsets %q", head)
				}
				s, err1 := strconv.Atoi(a)
				e, err2 := strconv.Atoi(b)
				if err1 != nil || err2 != nil || e < s {
					return nil, fmt.Errorf("bad offsets %q", head)
				}
				bs, err := conv(s)
				if err != nil {
					return nil, err
				}
				be, err := conv(e)
				if err != nil {
					return nil, err
				}
				sp = append(sp, parallax.Span{Start: bs, End: be})
			}
			spans[id] = sp
		case strings.HasPrefix(id, "E"):
			events = append(events, rest)
		}
	}
	var out []GoldAttribution
	for _, ev := range events {
		var g GoldAttribution
		for _, arg := range strings.Fields(ev) {
			role, ref, ok := strings.Cut(arg, ":")
			if !ok {
				continue
			}
			switch role {
			case "Content":
				g.Content = append(g.Content, spans[ref]...)
			case "Source":
				g.Source = append(g.Source, spans[ref]...)
			case "Cue":
				g.Cue = append(g.Cue, spans[ref]...)
			}
		}
		if len(g.Content) > 0 {
			out = append(out, g)
		}
	}
	return out, nil
}
