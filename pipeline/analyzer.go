package pipeline

import (
	"fmt"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/clean"
	"github.com/parallax-news/parallax/dedup"
	"github.com/parallax-news/parallax/ingest"
	"github.com/parallax-news/parallax/quote"
	"github.com/parallax-news/parallax/story"
	"github.com/parallax-news/parallax/textproc"
)

// Analyzer runs the per-article stages on one record. It is safe for
// concurrent use.
type Analyzer struct {
	Cleaner *clean.Cleaner
	Text    *textproc.Analyzer
	Quotes  *quote.Extractor
	// Dups computes duplicate signatures (its index stays empty here).
	Dups *dedup.Index
	// Quoteless skips the language and quote stages (ingest only).
	Quoteless bool
}

// NewAnalyzer returns an Analyzer with every stage at its defaults.
func NewAnalyzer() *Analyzer {
	return &Analyzer{
		Cleaner: clean.New(clean.Options{}),
		Text:    textproc.New(),
		Quotes:  quote.New(quote.Options{}),
		Dups:    dedup.NewIndex(dedup.Options{}),
	}
}

// Analyze cleans rec and, unless Quoteless, finds its sentences, entities
// and quotes. The error, if any, is a *parallax.RecordError.
func (a *Analyzer) Analyze(rec *parallax.Record) (an *parallax.Analysis, err error) {
	defer func() {
		// A stage bug must cost one record, not the run.
		if r := recover(); r != nil {
			an, err = nil, &parallax.RecordError{Source: rec.Source, Stage: "analyze", Err: fmt.Errorf("internal error: %v", r)}
		}
	}()
	if rec.Page != nil {
		if err := ingest.Complete(rec, ingest.Options{}); err != nil {
			return nil, &parallax.RecordError{Source: rec.Source, Stage: "decode", Err: err}
		}
	}
	art, err := a.Cleaner.Clean(rec)
	if err != nil {
		return nil, &parallax.RecordError{Source: rec.Source, Stage: "clean", Err: err}
	}
	if len(art.Paragraphs) == 0 {
		return nil, &parallax.RecordError{Source: rec.Source, Stage: "clean", Err: errEmpty}
	}
	an = &parallax.Analysis{Article: *art}
	if !a.Quoteless {
		paras := art.Paragraphs
		if t := art.TitleSpan; !t.Empty() && t.End <= paras[0].Start {
			paras = append([]parallax.Span{t}, paras...)
		}
		doc := a.Text.Analyze(art.Raw, paras)
		doc.Language = art.Language
		an.Sentences = make([]parallax.Span, len(doc.Sentences))
		for i, s := range doc.Sentences {
			an.Sentences[i] = s.Span
		}
		an.Entities = doc.Entities
		an.Quotes = a.Quotes.Extract(doc)
		doc.Release()
	}
	if err := a.features(an); err != nil {
		return nil, &parallax.RecordError{Source: rec.Source, Stage: "analyze", Err: err}
	}
	return an, nil
}

// features computes what the corpus stages keep of an article: its
// duplicate signature and its clustering profile, encoded in Features and
// as they are in Decoded.
func (a *Analyzer) features(an *parallax.Analysis) error {
	f := &decoded{sig: a.Dups.Signature(an.Article.Text), prof: story.Analyze(StoryDoc(an))}
	sig, err := f.sig.MarshalBinary()
	if err != nil {
		return err
	}
	prof, err := f.prof.MarshalBinary()
	if err != nil {
		return err
	}
	an.Features = map[string][]byte{FeatureMinHash: sig, FeatureStory: prof}
	an.Decoded = f
	return nil
}

// decoded is an analysis's features in memory (Analysis.Decoded).
type decoded struct {
	sig  dedup.Signature
	prof *story.Profile
}

var errEmpty = fmt.Errorf("no article text left after cleaning")
