package eval

import (
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	parallax "github.com/parallax-news/parallax"
)

// PRF is precision, recall and F1.
type PRF struct {
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
}

func prf(tpP, nP, tpR, nR int) PRF {
	var r PRF
	if nP > 0 {
		r.Precision = float64(tpP) / float64(nP)
	}
	if nR > 0 {
		r.Recall = float64(tpR) / float64(nR)
	}
	if r.Precision+r.Recall > 0 {
		r.F1 = 2 * r.Precision * r.Recall / (r.Precision + r.Recall)
	}
	return r
}

// QuoteKindCount counts predictions of one kind and how many of them
// overlap a gold content.
type QuoteKindCount struct {
	Predicted int `json:"predicted"`
	Matched   int `json:"matched"`
}

// QuoteReport scores predicted quotations against gold attributions.
//
// Predictions are scored as attribution relations: quotes sharing a cue
// span form one relation with several content spans, as PolNeAR
// annotates a quotation split by "he said". Overlap scores: a gold
// content counts as found when some relation's content overlaps one of
// its fragments (each gold counted once); a relation counts as correct
// when it overlaps some gold content. OverlapStrict pairs them one to one.
type QuoteReport struct {
	// Documents is the number of gold documents scored: one per annotator
	// file, so an article with three annotators counts three times.
	Documents int `json:"documents"`
	Articles  int `json:"articles"`
	Gold      int `json:"gold"`
	// Predicted counts predicted relations (quotes grouped by cue span).
	Predicted int `json:"predicted"`
	// GoldFound and PredictedCorrect are the overlap true positives.
	GoldFound        int `json:"gold_found"`
	PredictedCorrect int `json:"predicted_correct"`
	Overlap          PRF `json:"overlap"`
	// OverlapStrict pairs gold and predictions one to one (greedily, by
	// overlap): a prediction sharing its gold with another counts wrong.
	OverlapStrict PRF `json:"overlap_strict"`
	strictTP      int
	// Token is the soft score over word tokens covered by gold and
	// predicted content spans.
	Token PRF `json:"token"`
	// QuotedGold are gold contents mostly inside quotation marks;
	// QuotedFound those of them found; QuotedRecall their ratio.
	QuotedGold   int     `json:"quoted_gold"`
	QuotedFound  int     `json:"quoted_found"`
	QuotedRecall float64 `json:"quoted_recall"`
	// QuotedToken is the token-level score restricted to quoted gold:
	// recall over their tokens only.
	QuotedTokenRecall float64 `json:"quoted_token_recall"`
	// SpeakerChecked counts found gold attributions with a Source;
	// SpeakerCorrect those whose best-matching prediction's mention span
	// overlaps the gold Source. The best match is the overlapping
	// prediction whose cue overlaps the gold cue, else the one
	// overlapping the content most.
	SpeakerChecked  int     `json:"speaker_checked"`
	SpeakerCorrect  int     `json:"speaker_correct"`
	SpeakerAccuracy float64 `json:"speaker_accuracy"`
	// QuotedSpeaker* restrict the speaker score to quoted gold.
	QuotedSpeakerChecked  int     `json:"quoted_speaker_checked"`
	QuotedSpeakerCorrect  int     `json:"quoted_speaker_correct"`
	QuotedSpeakerAccuracy float64 `json:"quoted_speaker_accuracy"`
	// ByKind counts predictions per quote kind.
	ByKind map[parallax.QuoteKind]QuoteKindCount `json:"by_kind"`
}

// ScoreQuotes runs predict once per distinct article and scores its
// output against every gold document (micro-averaged over annotator files).
func ScoreQuotes(gold []BRATDoc, predict func(name, text string) []parallax.Quote) QuoteReport {
	r := QuoteReport{ByKind: map[parallax.QuoteKind]QuoteKindCount{}}
	cache := map[string][]parallax.Quote{}
	var tokTP, tokP, tokG, qTokG, qTokTP int
	for _, doc := range gold {
		preds, ok := cache[doc.Name]
		if !ok {
			preds = predict(doc.Name, doc.Text)
			cache[doc.Name] = preds
			r.Articles++
		}
		r.Documents++
		r.Gold += len(doc.Attributions)
		rels := relations(preds)
		r.Predicted += len(rels)

		predUsed := make([]bool, len(rels))
		for _, g := range doc.Attributions {
			quoted := isQuoted(doc.Text, g.Content)
			if quoted {
				r.QuotedGold++
			}
			best := matchRel(g, rels)
			if best < 0 {
				continue
			}
			r.GoldFound++
			if quoted {
				r.QuotedFound++
			}
			if len(g.Source) > 0 {
				r.SpeakerChecked++
				ok := false
				for _, s := range g.Source {
					if s.Overlaps(rels[best].mention) {
						ok = true
					}
				}
				if ok {
					r.SpeakerCorrect++
				}
				if quoted {
					r.QuotedSpeakerChecked++
					if ok {
						r.QuotedSpeakerCorrect++
					}
				}
			}
		}
		// One-to-one pairing for the strict score.
		// First pairs whose cues agree, then the rest by overlap.
		taken := make([]bool, len(rels))
		paired := make([]bool, len(doc.Attributions))
		for pass := 0; pass < 2; pass++ {
			for gi, g := range doc.Attributions {
				if paired[gi] {
					continue
				}
				best, bestOv := -1, 0
				for i, p := range rels {
					if taken[i] {
						continue
					}
					cue, ov := p.agree(g)
					if pass == 0 && !cue {
						continue
					}
					if ov > bestOv {
						best, bestOv = i, ov
					}
				}
				if best >= 0 {
					taken[best], paired[gi] = true, true
					r.strictTP++
				}
			}
		}
		for i, p := range rels {
			for _, g := range doc.Attributions {
				if _, ov := p.agree(g); ov > 0 {
					predUsed[i] = true
				}
			}
			k := r.ByKind[p.kind]
			k.Predicted++
			if predUsed[i] {
				k.Matched++
				r.PredictedCorrect++
			}
			r.ByKind[p.kind] = k
		}

		// Token-level soft scores over word tokens.
		n := len(doc.Text)
		gmask := make([]byte, n) // 1 gold, 2 quoted gold
		for _, g := range doc.Attributions {
			v := byte(1)
			if isQuoted(doc.Text, g.Content) {
				v = 2
			}
			for _, c := range g.Content {
				for i := max(c.Start, 0); i < min(c.End, n); i++ {
					if gmask[i] < v {
						gmask[i] = v
					}
				}
			}
		}
		pmask := make([]bool, n)
		for _, p := range preds {
			for i := max(p.Span.Start, 0); i < min(p.Span.End, n); i++ {
				pmask[i] = true
			}
		}
		forWords(doc.Text, func(s, e int) {
			g, p := gmask[s] > 0, pmask[s]
			if g {
				tokG++
			}
			if p {
				tokP++
			}
			if g && p {
				tokTP++
			}
			if gmask[s] == 2 {
				qTokG++
				if p {
					qTokTP++
				}
			}
		})
	}
	r.Overlap = prf(r.PredictedCorrect, r.Predicted, r.GoldFound, r.Gold)
	r.Token = prf(tokTP, tokP, tokTP, tokG)
	r.OverlapStrict = prf(r.strictTP, r.Predicted, r.strictTP, r.Gold)
	r.QuotedRecall = ratio(r.QuotedFound, r.QuotedGold)
	r.QuotedTokenRecall = ratio(qTokTP, qTokG)
	r.SpeakerAccuracy = ratio(r.SpeakerCorrect, r.SpeakerChecked)
	r.QuotedSpeakerAccuracy = ratio(r.QuotedSpeakerCorrect, r.QuotedSpeakerChecked)
	return r
}

// rel is one predicted attribution relation: the quotes sharing a cue
// ("“A,” he said. “B.”" is one relation with two content spans, as
// PolNeAR annotates it).
type rel struct {
	spans   []parallax.Span
	cue     parallax.Span
	mention parallax.Span
	kind    parallax.QuoteKind
}

// relations groups quotes by their cue span; quotes without a cue stand alone.
func relations(qs []parallax.Quote) []rel {
	var out []rel
	byCue := map[parallax.Span]int{}
	for _, q := range qs {
		if !q.CueSpan.Empty() {
			if i, ok := byCue[q.CueSpan]; ok {
				out[i].spans = append(out[i].spans, q.Span)
				continue
			}
			byCue[q.CueSpan] = len(out)
		}
		out = append(out, rel{spans: []parallax.Span{q.Span}, cue: q.CueSpan, mention: q.Speaker.MentionSpan, kind: q.Kind})
	}
	return out
}

// agree tells whether p's cue overlaps g's and how many content bytes
// they share.
func (p rel) agree(g GoldAttribution) (cue bool, ov int) {
	for _, c := range g.Cue {
		cue = cue || c.Overlaps(p.cue)
	}
	for _, c := range g.Content {
		for _, s := range p.spans {
			ov += overlap(c, s)
		}
	}
	return cue, ov
}

func matchRel(g GoldAttribution, rels []rel) int {
	best, bestOv, bestCue := -1, 0, false
	for i, p := range rels {
		cue, ov := p.agree(g)
		if ov == 0 {
			continue
		}
		if (cue && !bestCue) || (cue == bestCue && ov > bestOv) {
			best, bestOv, bestCue = i, ov, cue
		}
	}
	return best
}

// MatchQuote returns the index of the prediction that best matches g, or
// -1 when none overlaps its content. The best match overlaps the content
// most, preferring one whose cue overlaps the gold cue (the same relation).
func MatchQuote(g GoldAttribution, preds []parallax.Quote) int {
	best, bestOv, bestCue := -1, 0, false
	for i, p := range preds {
		ov := 0
		for _, c := range g.Content {
			ov += overlap(c, p.Span)
		}
		if ov == 0 {
			continue
		}
		cue := false
		for _, c := range g.Cue {
			cue = cue || c.Overlaps(p.CueSpan)
		}
		if (cue && !bestCue) || (cue == bestCue && ov > bestOv) {
			best, bestOv, bestCue = i, ov, cue
		}
	}
	return best
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func overlap(a, b parallax.Span) int {
	s, e := max(a.Start, b.Start), min(a.End, b.End)
	if e > s {
		return e - s
	}
	return 0
}

// forWords calls fn with the byte range of each run of letters or digits.
func forWords(text string, fn func(s, e int)) {
	start := -1
	for i, r := range text {
		w := unicode.IsLetter(r) || unicode.IsDigit(r)
		if w && start < 0 {
			start = i
		} else if !w && start >= 0 {
			fn(start, i)
			start = -1
		}
	}
	if start >= 0 {
		fn(start, len(text))
	}
}

// isQuoted reports whether most letters of a content lie inside quotation
// marks. Marks are read within the content itself (PolNeAR includes them):
// double marks toggle a quoted state, typographic openers open it and
// closers close it.
func isQuoted(text string, content []parallax.Span) bool {
	in, total := 0, 0
	inside := false // carried across fragments: "“A …" + "… B,”"
	for _, c := range content {
		if !c.Valid(len(text)) {
			continue
		}
		s := text[c.Start:c.End]
		for i := 0; i < len(s); {
			r, w := utf8.DecodeRuneInString(s[i:])
			i += w
			switch r {
			case '"':
				inside = !inside
			case '“', '«', '„':
				inside = true
			case '”', '»':
				inside = false
			default:
				if unicode.IsLetter(r) {
					total++
					if inside {
						in++
					}
				}
			}
		}
	}
	return total > 0 && 2*in > total
}

// Table renders the report as a plain-text table.
func (r QuoteReport) Table() string {
	var b strings.Builder
	fmt.Fprintf(&b, "quotation attribution: %d gold documents (one per annotator file, micro-averaged) over %d articles\n", r.Documents, r.Articles)
	fmt.Fprintf(&b, "%-34s %9s %9s %9s %8s\n", "measure", "precision", "recall", "F1", "n")
	row := func(name string, p PRF, n string) {
		fmt.Fprintf(&b, "%-34s %9.3f %9.3f %9.3f %8s\n", name, p.Precision, p.Recall, p.F1, n)
	}
	row("content overlap (all)", r.Overlap, fmt.Sprintf("%d/%d", r.Gold, r.Predicted))
	row("content overlap, one-to-one (all)", r.OverlapStrict, "")
	row("content tokens (all, soft)", r.Token, "")
	fmt.Fprintf(&b, "%-34s %9s %9.3f %9s %8d\n", "content overlap (quoted subset)", "", r.QuotedRecall, "", r.QuotedGold)
	fmt.Fprintf(&b, "%-34s %9s %9.3f %9s %8s\n", "content tokens (quoted subset)", "", r.QuotedTokenRecall, "", "")
	fmt.Fprintf(&b, "%-34s %9.3f %9s %9s %8d\n", "speaker mention accuracy (all)", r.SpeakerAccuracy, "", "", r.SpeakerChecked)
	fmt.Fprintf(&b, "%-34s %9.3f %9s %9s %8d\n", "speaker mention accuracy (quoted)", r.QuotedSpeakerAccuracy, "", "", r.QuotedSpeakerChecked)
	kinds := make([]string, 0, len(r.ByKind))
	for k := range r.ByKind {
		kinds = append(kinds, string(k))
	}
	sort.Strings(kinds)
	for _, k := range kinds {
		c := r.ByKind[parallax.QuoteKind(k)]
		fmt.Fprintf(&b, "%-34s %9.3f %9s %9s %8d\n", "predicted "+k, ratio(c.Matched, c.Predicted), "", "", c.Predicted)
	}
	b.WriteString("predictions are relations: quotes sharing a cue span count as one (PolNeAR's discontinuous content).\n")
	b.WriteString("overlap: a gold content is found when a predicted content overlaps it (each gold once); a relation\n")
	b.WriteString("is correct when it overlaps some gold content; one-to-one pairs relations and gold (cue agreement first).\n")
	b.WriteString("quoted subset: gold contents with most letters inside quotation marks. speaker: the best-matching\n")
	b.WriteString("relation's mention span overlaps the gold Source (over found gold that has a Source).\n")
	return b.String()
}
