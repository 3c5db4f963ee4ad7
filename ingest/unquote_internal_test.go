package ingest

import (
	"encoding/json"
	"testing"
	"unicode/utf8"
)

// FuzzUnquote checks the JSON string decoder against encoding/json on
// the strings encoding/json accepts.
func FuzzUnquote(f *testing.F) {
	for _, s := range []string{`"plain"`, `"a\nb\t\"c\" \\ \/"`, `"\u00e9\u4e2d"`, `"\ud83d\ude00"`,
		`"\ud800x"`, `"\udc00\ud800"`, `"\ud800\u0041"`, `"\ud800\\"`, `"“quoted”"`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var want string
		// Lines are checked for UTF-8 before decoding, so only valid input comes here.
		if !utf8.Valid(data) || len(data) < 2 || data[0] != '"' || data[len(data)-1] != '"' || json.Unmarshal(data, &want) != nil {
			return
		}
		if got := unquote(data); got != want {
			t.Fatalf("unquote(%s) = %q, want %q", data, got, want)
		}
	})
}
