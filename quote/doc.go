// Package quote finds who said what in an analysed article: direct
// quotations in any quotation-mark style (including quotes running over
// several paragraphs), indirect (reported) speech and beliefs introduced
// by a cue ("said", "told reporters", "according to", "believes"), and
// mixed quotes (reported speech holding a quoted fragment). Words that
// are a speaker's own without quotation marks are direct quotes too: a
// transcript's or an interview's turn ("GRANT: …", "Mara Quist: …", to
// the paragraph's end) and a post embedded with its signature ("… — Name
// (@handle) date"). Articles in Spanish, Portuguese, French and Italian
// (Doc.Language) are read in their own words: the cue after a quotation
// ("«…», dijo la ministra, Ana Ruiz"), "X afirmó que …", "Según X, …".
// Each quote
// gets its cue, the speaker's mention as written and, through the
// document's coreference (textproc.Doc.Resolve), the entity it names.
//
// Reported content is a clause, a that/whether/wh-clause or a quotation:
// a bare prepositional phrase after a cue ("spoke to reporters", "did not
// respond to requests for comment") is no report, and a speaker is a noun
// phrase, never one ending in a preposition ("three days of talks"). Items
// PolNeAR annotates that are no statements — questions put to someone,
// commitments, expectations, stances — are kept with Confidence ≤ 0.4;
// Options.MinConfidence 0.5 keeps statements only.
//
// It sits after textproc in the pipeline and before dedup/story/align.
// Extraction is pure and allocation-light: one pass of a hand-written
// scanner over each paragraph, no regular expressions.
package quote
