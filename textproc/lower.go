package textproc

import (
	"strings"
)

// lowerInto writes s lower-cased into buf when s is short ASCII, and
// reports success; map lookups with string(buf[:n]) then do not allocate.
func lowerInto(buf *[40]byte, s string) (int, bool) {
	if len(s) > len(buf) {
		return 0, false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 {
			return 0, false
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return len(s), true
}

// inSet reports whether lower(s) is in set, without allocating for short
// ASCII words.
func inSet(set map[string]bool, s string) bool {
	var buf [40]byte
	if n, ok := lowerInto(&buf, s); ok {
		return set[string(buf[:n])]
	}
	return set[strings.ToLower(s)]
}

// inStrMap is inSet for maps to strings.
func inStrMap[V any](set map[string]V, s string) (V, bool) {
	var buf [40]byte
	if n, ok := lowerInto(&buf, s); ok {
		v, ok := set[string(buf[:n])]
		return v, ok
	}
	v, ok := set[strings.ToLower(s)]
	return v, ok
}

// lowerBytes returns s lower-cased, in buf when s is short ASCII; map
// lookups and comparisons with string(b) then do not allocate.
func lowerBytes(buf *[40]byte, s string) []byte {
	if n, ok := lowerInto(buf, s); ok {
		return buf[:n]
	}
	return []byte(strings.ToLower(s))
}
