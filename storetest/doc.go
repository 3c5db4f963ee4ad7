// Package storetest is the conformance suite every parallax.Store backend
// runs (sqlite, postgres): Run exercises saving, deduplication, id
// filling, entity merging, filters, full-text search, streaming,
// cancellation and, when the store also implements parallax.CorpusStore,
// features, duplicates, stories and statements.
//
// It also builds analyses with valid spans from any text (Build) or from
// generated text (Generate), for tests and benchmarks of backends.
package storetest
