// Package sqlite is the default Parallax store: one SQLite file, written
// through modernc.org/sqlite (pure Go, so the binary stays CGO-free). It
// sits at the end of the per-article pipeline, keeping each
// parallax.Analysis, and serves the corpus stages (dedup, story, align)
// and the CLI's queries.
//
// DB implements parallax.Store and parallax.CorpusStore. The file runs in
// WAL mode with one writer connection and a pool of readers, so reads
// stream while a write commits. Save writes a whole batch in one
// transaction: a failure or a cancelled context leaves none of it.
// Articles are deduplicated by body hash; entities are merged across
// articles by key. An article's quotes and mentions are packed in one row
// each. Article title and text have an FTS5 index; quote searches find
// the articles through an index of the words of their quotes, then keep
// the quotes that match. Searches take plain words, "phrases", prefix*
// and OR, never raw FTS5 syntax.
//
// The schema is versioned by the embedded migration/NNNN_name.sql files,
// applied in order at Open, one transaction each; a file written by a
// newer schema is refused.
package sqlite
