// Package export writes what a store holds in the documented export
// contract: one JSON object with "articles", "quotes", "entities",
// "stories" and "statements" arrays, or the same records as NDJSON lines
// with a "type" field. Output is streamed: memory does not grow with the
// store.
//
// The record shapes are the contract other tools and the evaluation read;
// change them only by adding fields.
package export
