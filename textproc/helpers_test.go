package textproc_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/parallax-news/parallax"
)

type parallaxSpan = parallax.Span

// sharedDir locates /work/shared: $PARALLAX_SHARED, or a "shared" directory
// holding corpus/seeds found walking up from the working directory. It
// skips the test when there is none.
func sharedDir(tb testing.TB) string {
	tb.Helper()
	if d := os.Getenv("PARALLAX_SHARED"); d != "" {
		if _, err := os.Stat(filepath.Join(d, "corpus", "seeds")); err == nil {
			return d
		}
	}
	dir, err := os.Getwd()
	if err != nil {
		tb.Skip("no working directory")
	}
	for {
		c := filepath.Join(dir, "shared")
		if _, err := os.Stat(filepath.Join(c, "corpus", "seeds")); err == nil {
			return c
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			tb.Skip("shared data (shared/corpus/seeds) not found; set PARALLAX_SHARED to run this test")
		}
		dir = parent
	}
}
