package textproc_test

import (
	"strings"
	"testing"
	"time"
)

// TestPathological guards against super-linear time on odd input: one
// huge title-case "sentence", thousands of names and pronouns, long
// quotation-mark runs.
func TestPathological(t *testing.T) {
	tests := []struct {
		name string
		text string
	}{
		{"title case run", strings.Repeat("Alpha Says With Beta ", 3000)},
		{"names and pronouns", strings.Repeat("Ilse Varga met Tomas Brek. He said she agreed. The minister left. ", 500)},
		{"many distinct names", func() string {
			var b strings.Builder
			for i := 0; i < 2000; i++ {
				b.WriteString("Mr Q")
				b.WriteString(strings.Repeat("x", i%50+1))
				b.WriteString(" Var said. ")
			}
			return b.String()
		}()},
		{"quote marks", strings.Repeat("\"'“‘ ", 5000)},
		{"periods", strings.Repeat("A. ", 10000)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			start := time.Now()
			d := analyzer.Analyze(tc.text, nil)
			el := time.Since(start)
			checkDoc(t, d)
			// 60 KB should take well under a second even on a busy machine.
			if el > 2*time.Second {
				t.Errorf("%d bytes took %v", len(tc.text), el)
			}
			t.Logf("%d bytes: %v", len(tc.text), el)
		})
	}
}
