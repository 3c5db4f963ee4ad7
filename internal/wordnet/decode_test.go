package wordnet

import (
	"syscall"
	"testing"
	"time"
)

func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// TestDecode decodes the embedded table afresh and reports its cost in
// CPU time (wall time on a shared machine says little).
func TestDecode(t *testing.T) {
	c0, w0 := cpuTime(), time.Now()
	tb, err := decode(tableGz)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("decoded %d KB table: %v CPU, %v wall", len(tableGz)/1024, cpuTime()-c0, time.Since(w0))
	if len(tb.lemmas) == 0 || len(tb.kids) != len(tb.relOff)-1 {
		t.Fatalf("bad table: %d lemmas, %d kids for %d synsets", len(tb.lemmas), len(tb.kids), len(tb.relOff)-1)
	}
	// Corrupt input is an error, not a panic.
	if _, err := decode(tableGz[:len(tableGz)/2]); err == nil {
		t.Error("truncated table decoded without error")
	}
}

func BenchmarkDecode(b *testing.B) {
	b.SetBytes(int64(len(tableGz)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := decode(tableGz); err != nil {
			b.Fatal(err)
		}
	}
}
