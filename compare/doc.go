// Package compare is the last corpus stage: for one story it compares how
// its outlets told it. Coverage builds the outlet × statement matrix
// (verbatim, truncated, reworded, reported, absent; syndicated copies
// folded into their original's outlet). Framing lists per outlet the
// attribution verbs beyond the neutral "said" (with manner adverbs), scare
// quotes, hedges, the voices quoted and those only that outlet quotes, and
// the statements only it carries. Facts and Contradictions extract numbers
// with their units and dates, and pair different values given for the
// same thing by different outlets.
//
// Every finding carries its article id and a byte Span into Article.Raw.
// The package is pure: no I/O, no context.
package compare
