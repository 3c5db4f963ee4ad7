// Package pipeline runs the per-article stages over a stream of input
// records and saves the results in batches.
//
// It sits between ingest and the store: records are read one at a time,
// analysed by a bounded pool of workers (clean → textproc → quote), put
// back in input order, and saved in transactions of Options.BatchSize
// articles. Memory stays bounded by the number of records in flight, not
// by the size of the corpus. A record that fails is reported and skipped;
// the rest goes on.
package pipeline
