// Package httpapi serves a Parallax store over HTTP: a JSON API under
// /api/ (documented by the OpenAPI file at /api/openapi.json), a
// server-rendered web UI for stories, speakers, outlets and articles, and
// the operational endpoints /healthz and /metrics.
//
// It sits on top of the pipeline: it reads through parallax.Store (and
// parallax.CorpusStore for stories and statements) and ingests new
// articles through an Options.Ingest hook, which the CLI wires to the same
// pipeline `parallax analyze` runs. Everything it shows from articles is
// untrusted: html/template escapes it, pages carry a strict
// Content-Security-Policy, and no script is ever built from data.
//
// Metrics are kept in a small registry of its own (counters and
// histograms written in the Prometheus text format); no client library is
// used.
package httpapi
