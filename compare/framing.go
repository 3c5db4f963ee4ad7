package compare

import (
	"github.com/parallax-news/parallax/internal/quotemarks"
	"sort"
	"strings"

	parallax "github.com/parallax-news/parallax"
)

// CueCount is one attributing verb an outlet used beyond the neutral
// "said/says/told", with how often and where.
type CueCount struct {
	// Cue is the verb, lower-cased, with its manner adverb when one
	// stands next to it ("said angrily").
	Cue string `json:"cue"`
	// Loaded marks verbs or adverbs that judge the speaker or the claim
	// ("claimed", "admitted", "snapped", any manner adverb).
	Loaded   bool      `json:"loaded"`
	Count    int       `json:"count"`
	Examples []Finding `json:"examples"`
}

// VoiceCount is a speaker and how many quotes an outlet gives them.
type VoiceCount struct {
	Speaker string `json:"speaker"`
	Count   int    `json:"count"`
}

// OutletFraming is how one outlet tells the story.
type OutletFraming struct {
	Outlet   string     `json:"outlet"`
	Articles []int64    `json:"articles"`
	Cues     []CueCount `json:"cues"`
	// ScareQuotes are short quoted fragments carrying no speaker or cue
	// (an "invasion").
	ScareQuotes []Finding `json:"scare_quotes"`
	// Hedges are distancing words outside quotes ("alleged", "so-called").
	Hedges []Finding    `json:"hedges"`
	Voices []VoiceCount `json:"voices"`
	// OnlyVoices are speakers no other outlet of the story quotes.
	OnlyVoices []VoiceCount `json:"only_voices"`
	// Exclusive are statements only this outlet carries (a denial others
	// omit), located at this outlet's rendering.
	Exclusive []Finding `json:"exclusive"`
}

// Neutral attribution verbs: no framing in them.
var neutralCues = map[string]bool{
	"say": true, "says": true, "said": true, "saying": true, "tell": true, "tells": true, "told": true,
	"according to": true, "added": true, "adds": true, "stated": true, "states": true, "noted": true,
	"asked": true, "replied": true, "answered": true, "wrote": true, "writes": true, "explained": true,
	"continued": true, "announced": true, "reported": true, "speaking": true,
}

// Attribution verbs that judge the speaker or the claim.
var loadedCues = map[string]bool{
	"claim": true, "claims": true, "claimed": true, "admit": true, "admits": true, "admitted": true,
	"snap": true, "snaps": true, "snapped": true, "insist": true, "insists": true, "insisted": true,
	"concede": true, "conceded": true, "concedes": true, "boast": true, "boasted": true, "boasts": true,
	"allege": true, "alleged": true, "alleges": true, "charged": true, "charges": true, "lashed": true,
	"ranted": true, "complained": true, "complains": true, "exclaimed": true, "exclaims": true,
	"fumed": true, "shouted": true, "shrieked": true, "scoffed": true, "sneered": true, "bragged": true,
	"confessed": true, "conceding": true, "grumbled": true, "whined": true, "raged": true, "barked": true,
	"retorted": true, "blasted": true, "slammed": true, "mocked": true, "purported": true,
}

// Auxiliaries stripped from the front of a cue ("has said" → "said").
var auxiliaries = map[string]bool{"has": true, "have": true, "had": true, "was": true, "is": true, "were": true, "are": true, "will": true, "would": true, "also": true, "then": true, "later": true}

// Hedging words that distance the writer from a claim.
var hedgeWords = map[string]bool{
	"alleged": true, "allegedly": true, "so-called": true, "purported": true, "purportedly": true,
	"reportedly": true, "supposed": true, "supposedly": true, "claimed": true, "apparent": true,
	"apparently": true, "ostensibly": true, "ostensible": true, "self-styled": true, "self-proclaimed": true,
}

// cueVerb normalises a cue: lower-cased, auxiliaries off the front.
func cueVerb(cue string) string {
	f := strings.Fields(lower(cue))
	for len(f) > 1 && auxiliaries[f[0]] {
		f = f[1:]
	}
	return strings.Join(f, " ")
}

// mannerAdverb returns a "-ly" word right after or right before the cue
// ("said angrily", "angrily said") and its span.
func mannerAdverb(raw string, cue parallax.Span) (string, parallax.Span) {
	if !cue.Valid(len(raw)) {
		return "", parallax.Span{}
	}
	// After: skip spaces.
	i := cue.End
	for i < len(raw) && raw[i] == ' ' {
		i++
	}
	j := i
	for j < len(raw) && (raw[j] >= 'a' && raw[j] <= 'z') {
		j++
	}
	if w := raw[i:j]; isManner(w) {
		return w, parallax.Span{Start: i, End: j}
	}
	// Before.
	k := cue.Start
	for k > 0 && raw[k-1] == ' ' {
		k--
	}
	l := k
	for l > 0 && raw[l-1] >= 'a' && raw[l-1] <= 'z' {
		l--
	}
	if w := raw[l:k]; isManner(w) {
		return w, parallax.Span{Start: l, End: k}
	}
	return "", parallax.Span{}
}

// Adverbs in -ly that are about time or degree, not manner.
var notManner = map[string]bool{"only": true, "early": true, "daily": true, "weekly": true, "monthly": true,
	"yearly": true, "recently": true, "reportedly": true, "previously": true, "finally": true, "early;": true,
	"likely": true, "family": true, "reply": true, "july": true, "italy": true, "fully": true, "really": true,
	"currently": true, "initially": true, "originally": true, "subsequently": true, "separately": true,
	"publicly": true, "repeatedly": true, "briefly": true, "firstly": true, "lastly": true, "also": true,
	"apply": true, "supply": true, "rally": true, "ally": true, "belly": true, "bully": true}

func isManner(w string) bool { return len(w) > 4 && strings.HasSuffix(w, "ly") && !notManner[w] }

// Framing describes, per outlet, the cue verbs, scare quotes, hedges and
// voices of its articles in the story.
func Framing(in Input) []OutletFraming {
	s := index(in)
	byOutlet := map[string]*OutletFraming{}
	get := func(o string) *OutletFraming {
		f := byOutlet[o]
		if f == nil {
			f = &OutletFraming{Outlet: o}
			byOutlet[o] = f
		}
		return f
	}
	// Quotes per article, for cue and voice counts and to tell quoted text.
	quotesOf := map[int64][]*parallax.Quote{}
	for i := range in.Quotes {
		q := &in.Quotes[i]
		quotesOf[q.Article] = append(quotesOf[q.Article], q)
	}
	voiceOutlets := map[string]map[string]int{} // speaker → outlet → count
	for _, a := range in.Articles {
		// Copies are folded into their original: skip them here.
		if s.root(a.ID) != a.ID {
			continue
		}
		o := outletName(a)
		f := get(o)
		f.Articles = append(f.Articles, a.ID)
		cues := map[string]*CueCount{}
		for _, q := range quotesOf[a.ID] {
			if sp := speakerOf(q); sp != "" {
				if voiceOutlets[sp] == nil {
					voiceOutlets[sp] = map[string]int{}
				}
				voiceOutlets[sp][o]++
			}
			v := cueVerb(q.Cue)
			if v == "" {
				continue
			}
			adv, advSpan := mannerAdverb(a.Raw, q.CueSpan)
			if neutralCues[v] && adv == "" {
				continue
			}
			key := v
			span := q.CueSpan
			if adv != "" {
				if advSpan.Start > q.CueSpan.Start {
					key = v + " " + adv
					span.End = advSpan.End
				} else {
					key = adv + " " + v
					span.Start = advSpan.Start
				}
			}
			c := cues[key]
			if c == nil {
				c = &CueCount{Cue: key, Loaded: adv != "" || loadedCues[lastWord(v)]}
				cues[key] = c
			}
			c.Count++
			if len(c.Examples) < 3 {
				c.Examples = append(c.Examples, Finding{Article: a.ID, Span: span, Text: span.In(a.Raw)})
			}
		}
		for _, c := range cues {
			f.Cues = mergeCue(f.Cues, *c)
		}
		f.ScareQuotes = append(f.ScareQuotes, scareQuotes(a, quotesOf[a.ID])...)
		f.Hedges = append(f.Hedges, hedges(a, quotesOf[a.ID])...)
	}
	// Voices, and those only one outlet quotes.
	for sp, outs := range voiceOutlets {
		for o, n := range outs {
			f := get(o)
			f.Voices = append(f.Voices, VoiceCount{Speaker: sp, Count: n})
			if len(outs) == 1 && len(s.outlets) > 1 {
				f.OnlyVoices = append(f.OnlyVoices, VoiceCount{Speaker: sp, Count: n})
			}
		}
	}
	// Statements carried by one outlet only.
	if len(s.outlets) > 1 {
		for _, st := range in.Statements {
			outs := map[string]*parallax.Quote{}
			for _, v := range st.Quotes {
				if q := s.quotes[v.Quote]; q != nil {
					o := s.outletOf(q.Article)
					if outs[o] == nil {
						outs[o] = q
					}
				}
			}
			if len(outs) != 1 {
				continue
			}
			for o, q := range outs {
				txt := st.Text
				if a := s.articles[q.Article]; a != nil && q.Span.Valid(len(a.Raw)) {
					txt = q.Span.In(a.Raw)
				}
				get(o).Exclusive = append(get(o).Exclusive, Finding{Article: q.Article, Span: q.Span, Text: txt})
			}
		}
	}
	out := make([]OutletFraming, 0, len(byOutlet))
	for _, f := range byOutlet {
		sortVoices(f.Voices)
		sortVoices(f.OnlyVoices)
		sort.Slice(f.Cues, func(i, j int) bool {
			if f.Cues[i].Count != f.Cues[j].Count {
				return f.Cues[i].Count > f.Cues[j].Count
			}
			return f.Cues[i].Cue < f.Cues[j].Cue
		})
		out = append(out, *f)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Outlet < out[j].Outlet })
	return out
}

func lastWord(s string) string {
	if i := strings.LastIndexByte(s, ' '); i >= 0 {
		return s[i+1:]
	}
	return s
}

func mergeCue(cs []CueCount, c CueCount) []CueCount {
	for i := range cs {
		if cs[i].Cue == c.Cue {
			cs[i].Count += c.Count
			for _, e := range c.Examples {
				if len(cs[i].Examples) < 3 {
					cs[i].Examples = append(cs[i].Examples, e)
				}
			}
			return cs
		}
	}
	return append(cs, c)
}

func sortVoices(v []VoiceCount) {
	sort.Slice(v, func(i, j int) bool {
		if v[i].Count != v[j].Count {
			return v[i].Count > v[j].Count
		}
		return v[i].Speaker < v[j].Speaker
	})
}

func speakerOf(q *parallax.Quote) string {
	if q.Speaker.Name != "" {
		return q.Speaker.Name
	}
	return q.Speaker.Mention
}

// inQuote reports whether sp lies inside one of the quotes' spans.
func inQuote(sp parallax.Span, qs []*parallax.Quote) bool {
	for _, q := range qs {
		if q.Span.Contains(sp) || q.Span.Overlaps(sp) && q.Kind == parallax.Direct {
			return true
		}
	}
	return false
}

// isCue reports whether sp overlaps a quote's cue ("the mayor claimed").
func isCue(sp parallax.Span, qs []*parallax.Quote) bool {
	for _, q := range qs {
		if q.CueSpan.Overlaps(sp) {
			return true
		}
	}
	return false
}

// scareQuotes finds quoted fragments of at most three words that no
// extracted quote covers: quotation marks the writer puts around a word.
func scareQuotes(a *parallax.Article, qs []*parallax.Quote) []Finding {
	var out []Finding
	for _, sp := range bodySpans(a) {
		text := a.Raw[sp.Start:sp.End]
		for _, f := range quotemarks.Ranges(text, true) {
			fs := parallax.Span{Start: sp.Start + f[0], End: sp.Start + f[1]}
			frag := a.Raw[fs.Start:fs.End]
			n := 0
			words(a.Raw, fs, func(string, parallax.Span) { n++ })
			if n == 0 || n > 3 || inQuote(fs, qs) {
				continue
			}
			// A capitalised fragment ending a sentence is a short quote
			// ("Never."), not a scare quote; trailing commas and dots of
			// a lower-case fragment ("red line.") are typography.
			t := strings.TrimRight(frag, " .,;:!?")
			if len(t) < len(frag) && frag[0] >= 'A' && frag[0] <= 'Z' {
				continue
			}
			fs.End = fs.Start + len(t)
			frag = t
			out = append(out, Finding{Article: a.ID, Span: fs, Text: frag})
		}
	}
	return out
}

// hedges finds hedging words outside quotes, with the words they qualify.
func hedges(a *parallax.Article, qs []*parallax.Quote) []Finding {
	var out []Finding
	for _, sp := range bodySpans(a) {
		type w struct {
			s  string
			at parallax.Span
		}
		var ws []w
		words(a.Raw, sp, func(s string, at parallax.Span) { ws = append(ws, w{s, at}) })
		for i, x := range ws {
			if !hedgeWords[lower(x.s)] || inQuote(x.at, qs) || isCue(x.at, qs) {
				continue
			}
			end := x.at.End
			// Show the hedge with the next two words ("alleged Russian invasion").
			for k := i + 1; k < len(ws) && k <= i+2; k++ {
				end = ws[k].at.End
			}
			span := parallax.Span{Start: x.at.Start, End: end}
			out = append(out, Finding{Article: a.ID, Span: span, Text: span.In(a.Raw)})
		}
	}
	return out
}
