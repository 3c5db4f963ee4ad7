// Package ingest reads Parallax's input: plain text, HTML, JSONL and WARC
// files (optionally gzipped), whole directories of them, and stdin. It is
// the first stage of the pipeline: it turns bytes on disk into
// parallax.Records, one at a time, for the clean stage to describe.
//
// Walk streams records to a callback, so memory does not grow with the
// corpus: at most one record (bounded by Options.MaxRecordBytes) is held at
// a time. A record that cannot be read is reported to the callback as a
// *parallax.RecordError and the walk goes on with the next one.
//
// For text input Record.Text is the file's bytes exactly, so every span the
// later stages compute refers to the original file. For HTML (files, JSONL
// html fields, WARC responses) Record.Text is the main content extracted by
// Options.Extract (go-trafilatura by default), paragraphs separated by a
// blank line.
package ingest

// The binary WARC fixtures in testdata are written by the tests themselves.
//go:generate go test -run TestFixtures -update .
