package parallax

import (
	"encoding/hex"
	"unsafe"

	"golang.org/x/crypto/blake2b"
)

// RawHash is the hex BLAKE2b-256 of a record's source text. With the
// source name it identifies a record already stored (Store.HasSource).
func RawHash(text string) string {
	return BodyHash(unsafe.Slice(unsafe.StringData(text), len(text)))
}

// BodyHash is the hex BLAKE2b-256 of an article's cleaned text
// (Article.Hash): one article per distinct body. BLAKE2b rather than
// SHA-256 because it takes a quarter of the time on CPUs without SHA
// instructions, and these hashes are taken twice for every record.
func BodyHash(text []byte) string {
	h := blake2b.Sum256(text)
	return hex.EncodeToString(h[:])
}
