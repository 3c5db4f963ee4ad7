// Package parallax holds the domain of Parallax: the records read from
// input, the articles cleaned from them, the entities and quotations found
// in them, the stories and statements built across them, and the Store
// interface that keeps them.
//
// The package imports nothing of the project's own. Pipeline stages live
// in sibling packages (ingest, clean, textproc, quote, dedup, story, align,
// compare), storage adapters in sqlite and postgres, and cmd/parallax wires
// them together.
//
// Every extracted thing carries a Span: byte offsets into the source text
// of the record it came from (Article.Raw), so it can be checked against
// the words it was taken from.
package parallax
