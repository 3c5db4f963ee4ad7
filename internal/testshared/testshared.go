// Package testshared locates the shared evaluation data (../shared: the
// seed articles, PolNeAR, BASIL) for integration tests.
//
// Tests call Dir and are skipped with a clear message when the data is
// absent, so a fresh clone passes; with PARALLAX_REQUIRE_SHARED=1 (as CI
// sets it) absence is a failure instead. PARALLAX_SHARED names the
// directory explicitly.
package testshared

import (
	"os"
	"path/filepath"
	"testing"
)

// Find returns the shared data directory, or "" when there is none.
func Find() string {
	if d := os.Getenv("PARALLAX_SHARED"); d != "" {
		if isShared(d) {
			return d
		}
		return ""
	}
	wd, err := os.Getwd()
	if err != nil {
		return ""
	}
	for d := wd; ; d = filepath.Dir(d) {
		if c := filepath.Join(d, "shared"); isShared(c) {
			return c
		}
		if filepath.Dir(d) == d {
			return ""
		}
	}
}

func isShared(d string) bool {
	st, err := os.Stat(filepath.Join(d, "corpus", "seeds"))
	return err == nil && st.IsDir()
}

// Dir returns the shared data directory, skipping tb when it is absent (or
// failing it when PARALLAX_REQUIRE_SHARED=1).
func Dir(tb testing.TB) string {
	tb.Helper()
	d := Find()
	if d == "" {
		msg := "shared evaluation data not found (looked for shared/corpus/seeds above the working directory; set PARALLAX_SHARED)"
		if os.Getenv("PARALLAX_REQUIRE_SHARED") == "1" {
			tb.Fatal(msg)
		}
		tb.Skip(msg)
	}
	return d
}

// Path returns a path inside the shared data directory, skipping tb when
// the directory or the path is absent.
func Path(tb testing.TB, elem ...string) string {
	tb.Helper()
	p := filepath.Join(append([]string{Dir(tb)}, elem...)...)
	if _, err := os.Stat(p); err != nil {
		msg := "shared data lacks " + p
		if os.Getenv("PARALLAX_REQUIRE_SHARED") == "1" {
			tb.Fatal(msg)
		}
		tb.Skip(msg)
	}
	return p
}
