// Package report assembles a story in full — its articles, timeline,
// statements with their variants, the outlet × statement coverage matrix,
// framing per outlet and the facts outlets disagree on — and renders it as
// Markdown or as one self-contained HTML page.
//
// It reads what the corpus stages stored and recomputes the comparisons
// (package compare) on demand: they are cheap for one story and always
// reflect the current statements.
package report
