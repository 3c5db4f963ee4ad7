// Package clean turns an ingested parallax.Record into a parallax.Article:
// it keeps the article's body paragraphs (as byte spans of the record's
// text) and reads its title, outlet, publication date, dateline, byline
// and language, dropping page furniture (mastheads, navigation, share and
// log-in widgets, captions, crossheads, footers) and reader comments.
//
// It sits between ingest and textproc in the pipeline. Cleaning is pure
// and per record; the only state shared across records is an optional
// Memory of lines a source repeats on many pages.
//
// The title is looked for after the page's navigation (menus, "A | B"
// lists, breadcrumbs). The outlet is weighed from where names are read —
// the masthead opening the page, dateline agencies (acronyms spelled out
// from the text), photo and copyright credits, footers — and a dateline
// agency other than the publisher is kept as Meta["wire"].
//
// Everything is decided from general signals — line shape, punctuation,
// position, script, capitalisation and repetition — never from strings
// known to occur on particular sites.
package clean
