package textproc

import (
	"sort"
	"sync"

	"github.com/parallax-news/parallax"
)

// Sentence is one sentence of a paragraph.
type Sentence struct {
	Span        parallax.Span
	Para        int // index into Doc.Paragraphs
	First, Last int // token index range [First, Last)
}

// Doc is the analysis of one article's text.
type Doc struct {
	Raw        string
	Paragraphs []parallax.Span
	Sentences  []Sentence
	Tokens     []Token
	// Entities with their mentions (names, nominals, pronouns), resolved
	// within the article. Mentions are in text order.
	Entities []parallax.Entity
	// Language is the article's language (ISO 639-1) when the caller
	// knows it; later stages read the text by it.
	Language string

	// ments are all entity mentions in text order, for EntityAt and Resolve.
	ments  []mentionRef
	info   []entInfo
	narr   []int32  // per sentence: sentences with narration before it
	lex    []uint32 // per token: lexical flags
	m      *model
	arrays *sync.Pool // where Release hands Tokens and lex back
}

// arrays are a Doc's token and flag arrays, kept for the next Doc.
type arrays struct {
	toks []Token
	lex  []uint32
}

// Release hands the Doc's token arrays back to its Analyzer for the next
// article; d must not be used after. Calling it is optional.
func (d *Doc) Release() {
	if d.arrays == nil {
		return
	}
	d.arrays.Put(&arrays{toks: d.Tokens[:0], lex: d.lex[:0]})
	d.Tokens, d.lex, d.arrays = nil, nil, nil
}

// Analyzer analyses article text. It is safe for concurrent use.
type Analyzer struct {
	m      *model
	pool   sync.Pool // of *finder: per-article working memory
	arrays sync.Pool // of *arrays: released Docs' token arrays
}

// New returns an Analyzer; the Punkt English model is decoded once per
// process, on the first call.
func New() *Analyzer {
	return &Analyzer{m: loadModel(), pool: sync.Pool{New: func() any { return new(finder) }}}
}

// Analyze splits raw's paragraphs into sentences and tokens and finds the
// entities mentioned. Only bytes inside paras are read; when paras is nil
// the paragraphs are raw's blank-line separated blocks. Paragraph spans
// that are out of bounds, empty or overlap an earlier one are dropped.
func (a *Analyzer) Analyze(raw string, paras []parallax.Span) *Doc {
	if paras == nil {
		paras = Paragraphs(raw)
	}
	d := &Doc{Raw: raw, m: a.m}
	d.Paragraphs = make([]parallax.Span, 0, len(paras))
	last, size := 0, 0
	for _, p := range paras {
		if !p.Valid(len(raw)) || p.Start < last {
			continue
		}
		d.Paragraphs = append(d.Paragraphs, p)
		last = p.End
		size += p.Len()
	}
	// News prose averages a sentence per 120 bytes.
	d.Sentences = make([]Sentence, 0, size/100+4)
	f := a.pool.Get().(*finder)
	f.lx.reset(a.m)
	toks := f.toks[:0]
	bounds := append(f.bounds[:0], 0)
	for _, p := range d.Paragraphs {
		// The tokenizer sees nothing past the paragraph, not even the rest of a rune.
		t := tokenizer{raw: raw[:p.End], start: p.Start, toks: toks, lx: &f.lx}
		t.scan()
		toks = t.toks
		bounds = append(bounds, len(toks))
	}
	// Tokens and flags are made in the finder's buffers, then copied into
	// the arrays of a released Doc, or new ones (make and copy together
	// skip zeroing the new array).
	if b, ok := a.arrays.Get().(*arrays); ok {
		d.Tokens, d.lex = append(b.toks, toks...), append(b.lex, f.lx.lex...)
	} else {
		d.Tokens = make([]Token, len(toks))
		copy(d.Tokens, toks)
		d.lex = make([]uint32, len(f.lx.lex))
		copy(d.lex, f.lx.lex)
	}
	d.arrays = &a.arrays
	f.toks, f.bounds = toks, bounds
	f.reset(d)
	for pi := range d.Paragraphs {
		d.split(pi, bounds[pi], bounds[pi+1])
	}
	f.findEntities()
	a.pool.Put(f)
	return d
}

// Paragraphs returns the blank-line separated blocks of raw, trimmed of
// surrounding white space.
func Paragraphs(raw string) []parallax.Span {
	var out []parallax.Span
	i := 0
	for i < len(raw) {
		// Skip white space to the block start.
		for i < len(raw) && (raw[i] == ' ' || raw[i] == '\t' || raw[i] == '\n' || raw[i] == '\r') {
			i++
		}
		if i >= len(raw) {
			break
		}
		start := i
		end := len(raw)
		for j := i; j < len(raw); j++ {
			if raw[j] != '\n' {
				continue
			}
			k := j + 1
			for k < len(raw) && (raw[k] == ' ' || raw[k] == '\t' || raw[k] == '\r') {
				k++
			}
			if k < len(raw) && raw[k] == '\n' {
				end = j
				break
			}
		}
		e := end
		for e > start && (raw[e-1] == ' ' || raw[e-1] == '\t' || raw[e-1] == '\r' || raw[e-1] == '\n') {
			e--
		}
		if e > start {
			out = append(out, parallax.Span{Start: start, End: e})
		}
		i = end
	}
	return out
}

// Text returns the bytes of Raw that sp covers ("" when out of bounds).
func (d *Doc) Text(sp parallax.Span) string { return sp.In(d.Raw) }

// SentenceAt returns the index of the sentence containing byte pos, or -1.
func (d *Doc) SentenceAt(pos int) int {
	i := sort.Search(len(d.Sentences), func(i int) bool { return d.Sentences[i].Span.End > pos })
	if i < len(d.Sentences) && d.Sentences[i].Span.Start <= pos {
		return i
	}
	return -1
}

// TokenAt returns the index of the token containing byte pos, or -1.
func (d *Doc) TokenAt(pos int) int {
	i := sort.Search(len(d.Tokens), func(i int) bool { return d.Tokens[i].Span.End > pos })
	if i < len(d.Tokens) && d.Tokens[i].Span.Start <= pos {
		return i
	}
	return -1
}

// TokenText returns the text of token i.
func (d *Doc) TokenText(i int) string { return d.Raw[d.Tokens[i].Span.Start:d.Tokens[i].Span.End] }
