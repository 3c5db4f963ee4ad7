// Package align is the corpus stage after story: within a story it
// groups the quotes that render one utterance of one speaker in
// different outlets into a parallax.Statement, picks the fullest direct
// rendering as canonical text, and labels every other rendering
// (identical, truncated, reworded, reported) with a word diff; across the
// stories of a storyline, LinkRepetitions marks a later statement that
// repeats an earlier one.
//
// Quotes are compared sentence by sentence (a mixed quote by its quoted
// words, with its paraphrase as context) on Porter2 stems weighted by
// rarity, WordNet synonyms and near hypernyms (internal/wordnet), names and
// numbers; a disagreement in numbers counts strongly against a match.
// Only pairs proposed by an inverted index are scored: units are indexed
// by speaker block (the words of the speaker's name; unknown speakers in a
// block every query reads) and by their core words' stems, lemmas and
// WordNet concepts, and a pair must share a block and a key carried by few
// units. Grouping is greedy, strongest pairs first, and never joins two
// renderings from one article unless one contains the other.
//
// The package does no I/O and takes no context. Word analyses (stems,
// lemmas, WordNet concepts and relatedness) are memoised in a bounded,
// process-wide lexicon shared by all Aligners, since stories are
// re-aligned as articles join them.
package align
