// Package ascii holds the byte-level helpers the text stages share: eight
// bytes at a time (SWAR) tests and lower-casing with an ASCII fast path.
package ascii

import (
	"encoding/binary"
	"strings"
	"unicode/utf8"
)

// LowBits and HighBits have the low and the high bit of each of eight
// bytes set.
const (
	LowBits  = 0x0101010101010101
	HighBits = 0x8080808080808080
)

// LowerAlnum maps the bytes of ASCII letters and digits to their lower
// case, any other byte to 0.
var LowerAlnum = func() (t [256]byte) {
	for c := byte('0'); c <= '9'; c++ {
		t[c] = c
	}
	for c := byte('a'); c <= 'z'; c++ {
		t[c] = c
		t[c-'a'+'A'] = c
	}
	return t
}()

// Load64 returns the eight bytes of s at i, little-endian.
func Load64[S string | []byte](s S, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// InRange returns the mask of the high bits of the bytes of x, all ASCII,
// in [lo, hi].
func InRange(x uint64, lo, hi byte) uint64 {
	return (x + (0x80-uint64(lo))*LowBits) &^ (x + (0x7f-uint64(hi))*LowBits) & HighBits
}

// HasZero reports whether a byte of x is zero.
func HasZero(x uint64) bool { return (x-LowBits)&^x&HighBits != 0 }

// AppendLower appends s to buf with ASCII capitals lower-cased; other
// bytes stay, so the length is unchanged.
func AppendLower(buf []byte, s string) []byte {
	n := len(buf)
	buf = append(buf, s...)
	b := buf[n:]
	i := 0
	for ; len(b)-i >= 8; i += 8 {
		x := binary.LittleEndian.Uint64(b[i:])
		// Capitals among the ASCII bytes, from their low seven bits.
		upper := InRange(x&^HighBits, 'A', 'Z') &^ x
		binary.LittleEndian.PutUint64(b[i:], x|upper>>2)
	}
	for ; i < len(b); i++ {
		if c := b[i]; 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return buf
}

// AppendToLower appends strings.ToLower(s) to buf, without that copy when
// s is ASCII.
func AppendToLower(buf []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return append(buf, strings.ToLower(s)...)
		}
	}
	return AppendLower(buf, s)
}
