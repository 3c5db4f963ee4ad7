// Package quote finds who said what in an analysed article: direct
// quotations in any quotation-mark style (including quotes running over
// several paragraphs), indirect (reported) speech and beliefs introduced
// by a cue ("said", "told reporters", "according to", "believes"), and
// mixed quotes (reported speech holding a quoted fragment). Each quote
// gets its cue, the speaker's mention as written and, through the
// document's coreference (textproc.Doc.Resolve), the entity it names.
//
// It sits after textproc in the pipeline and before dedup/story/align.
// Extraction is pure and allocation-light: one pass of a hand-written
// scanner over each paragraph, no regular expressions.
package quote
