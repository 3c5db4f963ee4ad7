package report

import (
	"encoding/json"
	"io"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/compare"
	"github.com/parallax-news/parallax/export"
)

// jsonView is View in the shapes of the export contract.
type jsonView struct {
	Story          export.Story             `json:"story"`
	Storyline      []export.Story           `json:"storyline"`
	Articles       []export.Article         `json:"articles"`
	Quotes         []export.Quote           `json:"quotes"`
	Statements     []export.Statement       `json:"statements"`
	Duplicates     []parallax.Duplicate     `json:"duplicates"`
	Timeline       []parallax.TimelineGroup `json:"timeline"`
	Coverage       compare.Matrix           `json:"coverage"`
	Framing        []compare.OutletFraming  `json:"framing"`
	Contradictions []compare.Contradiction  `json:"contradictions"`
}

// Marshal returns v in the export contract's shapes (articles without their text).
func Marshal(v *View) any {
	out := jsonView{
		Story: export.FromStory(v.Story), Duplicates: v.Duplicates, Timeline: v.Timeline,
		Coverage: v.Coverage, Framing: v.Framing, Contradictions: v.Contradictions,
	}
	for _, s := range v.Storyline {
		out.Storyline = append(out.Storyline, export.FromStory(s))
	}
	for _, a := range v.Articles {
		ea := export.FromArticle(a)
		ea.Text = ""
		out.Articles = append(out.Articles, ea)
	}
	for i := range v.Quotes {
		out.Quotes = append(out.Quotes, export.FromQuote(&v.Quotes[i]))
	}
	for _, s := range v.Statements {
		out.Statements = append(out.Statements, export.FromStatement(s))
	}
	return out
}

// JSON writes v as one indented JSON object.
func JSON(w io.Writer, v *View) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(Marshal(v))
}
