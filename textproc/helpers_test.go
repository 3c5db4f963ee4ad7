package textproc_test

import (
	"github.com/parallax-news/parallax/internal/testshared"
	"testing"

	"github.com/parallax-news/parallax"
)

type parallaxSpan = parallax.Span

// sharedDir locates the shared evaluation data, skipping when it is absent.
func sharedDir(tb testing.TB) string {
	tb.Helper()
	return testshared.Dir(tb)
}
