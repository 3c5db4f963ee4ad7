package clean

import (
	"net/url"
	"slices"
	"strings"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax"
)

// Memory counts, per source (outlet or URL host), in how many documents
// each normalised line occurred, so that lines a site repeats on every page
// (footers, promos, newsletter pitches) can be dropped. It is a count-min
// sketch: fixed size whatever the input, counts never under-estimated,
// rarely over-estimated. Safe for concurrent use.
//
// Additions commute, so the state after observing a set of documents does
// not depend on the order they were observed in. For results that do not
// depend on goroutine scheduling, observe the documents first (Observe, in
// any order and from any goroutines) and clean them afterwards with a
// Cleaner whose Options.Learn is false: Clean then only reads the memory.
// With Learn set, Clean observes each record after cleaning it, so the
// first documents of a source are cleaned before their repeats are known
// and results depend on processing order.
type Memory struct {
	rows [memDepth][]uint32
	mask uint64
}

const memDepth = 4

// NewMemory returns a Memory of 16*width bytes (four rows of width 32-bit
// counters); width is rounded up to a power of two, 1<<16 (1 MiB) when <= 0.
func NewMemory(width int) *Memory {
	w := 1 << 16
	if width > 0 {
		w = 1
		for w < width {
			w <<= 1
		}
	}
	m := &Memory{mask: uint64(w - 1)}
	for i := range m.rows {
		m.rows[i] = make([]uint32, w)
	}
	return m
}

// Observe counts each distinct line of rec once under rec's source key.
// Records with neither outlet nor URL have no key and are not counted.
func (m *Memory) Observe(rec *parallax.Record) {
	key := SourceKey(rec)
	if key == "" {
		return
	}
	units := splitUnits(rec.Text, nil)
	hs := make([]uint64, 0, len(units))
	for _, u := range units {
		if h, ok := lineHash(key, rec.Text[u.start:u.end]); ok {
			hs = append(hs, h)
		}
	}
	slices.Sort(hs)
	hs = slices.Compact(hs)
	for _, h := range hs {
		m.add(h)
	}
}

// Count returns the estimated number of documents of the source named by
// key (as SourceKey gives it) in which line occurred.
func (m *Memory) Count(key, line string) int {
	h, ok := lineHash(key, line)
	if !ok {
		return 0
	}
	return m.count(h)
}

func (m *Memory) add(h uint64) {
	for i := range m.rows {
		atomic.AddUint32(&m.rows[i][m.slot(h, i)], 1)
	}
}

func (m *Memory) count(h uint64) int {
	min := uint32(1<<32 - 1)
	for i := range m.rows {
		if c := atomic.LoadUint32(&m.rows[i][m.slot(h, i)]); c < min {
			min = c
		}
	}
	return int(min)
}

// slot derives row i's index from h by double hashing.
func (m *Memory) slot(h uint64, i int) uint64 {
	h2 := (h >> 32) | 1
	return (h + uint64(i)*h2*0x9E3779B97F4A7C15) & m.mask
}

// lineHash is FNV-1a over key and the line with letters lower-cased and
// runs of spaces collapsed; ok is false for lines too short or too long to
// be judged by repetition.
func lineHash(key, line string) (uint64, bool) {
	if len(line) < 4 || len(line) > 400 {
		return 0, false
	}
	h := uint64(14695981039346656037)
	for i := 0; i < len(key); i++ {
		h = (h ^ uint64(key[i])) * 1099511628211
	}
	h = (h ^ 0xff) * 1099511628211
	space := false
	for _, r := range line {
		if spaceRune(r) {
			space = true
			continue
		}
		if space {
			h = (h ^ ' ') * 1099511628211
			space = false
		}
		r = unicode.ToLower(r)
		var b [4]byte
		n := utf8.EncodeRune(b[:], r)
		for k := 0; k < n; k++ {
			h = (h ^ uint64(b[k])) * 1099511628211
		}
	}
	return h, true
}

// SourceKey names the source a record's lines are counted under: its
// outlet, else its URL host; "" when it has neither.
func SourceKey(rec *parallax.Record) string {
	if rec.Outlet != "" {
		return "o:" + strings.ToLower(strings.TrimSpace(rec.Outlet))
	}
	if h := urlHost(rec.URL); h != "" {
		return "h:" + h
	}
	return ""
}

// urlHost returns the lower-cased host of u without "www." and port.
func urlHost(u string) string {
	u = strings.TrimSpace(u)
	if u == "" {
		return ""
	}
	if !strings.Contains(u, "://") {
		u = "http://" + u
	}
	p, err := url.Parse(u)
	if err != nil {
		return ""
	}
	h := strings.ToLower(p.Hostname())
	return strings.TrimPrefix(h, "www.")
}
