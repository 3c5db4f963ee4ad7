// Package dedup finds articles that copy an earlier one: exact copies (the
// same cleaned body up to case, spacing and punctuation), near duplicates
// (MinHash Jaccard over word shingles at or above a threshold) and
// syndicated copies (a wire story re-posted trimmed, re-headlined or with
// text appended: most of the shorter body is contained in the longer one).
//
// It sits after the per-article stages (clean, textproc, quote) and before
// story clustering. Signature is pure and cheap (one pass over the body);
// Index keeps signatures in memory and finds candidates through LSH bands,
// never by comparing all pairs. Signatures marshal to a compact blob so
// the store can keep them as features and the index can be rebuilt on
// start without re-reading articles.
package dedup
