// Package eval measures Parallax's extraction stages against annotated
// corpora. It reads gold annotations (BRAT standoff files such as PolNeAR's
// attributions), converts their offsets to byte offsets, and scores
// predicted quotations against them with overlap and token-level measures.
//
// It sits beside the pipeline, not in it: the CLI and integration tests
// run the pipeline through a predict function and hand the output here.
package eval
