// Package align is the corpus stage after story: within a story (and
// across a storyline, for repetitions) it groups the quotes that render
// one utterance of one speaker in different outlets into a
// parallax.Statement, picks the fullest direct rendering as canonical text,
// and labels every other rendering (identical, truncated, reworded,
// reported) with a word diff.
//
// Quotes are compared sentence by sentence (a mixed quote by its quoted
// words, with its paraphrase as context) on Porter2 stems weighted by
// rarity, WordNet synonyms and near hypernyms (internal/wordnet), names and
// numbers; a disagreement in numbers counts strongly against a match.
// Grouping is greedy, strongest pairs first, and never joins two
// renderings from one article unless one contains the other. The package
// is pure: no I/O, no context.
package align
