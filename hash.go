package parallax

import (
	"crypto/sha256"
	"encoding/hex"
)

// RawHash is the hex SHA-256 of a record's source text. With the source
// name it identifies a record already stored (Store.HasSource).
func RawHash(text string) string {
	h := sha256.Sum256([]byte(text))
	return hex.EncodeToString(h[:])
}
