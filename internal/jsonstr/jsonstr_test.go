package jsonstr

import (
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestUnquote(t *testing.T) {
	for _, lit := range []string{
		`""`, `"plain"`, `"a\"b\\c\/d"`, `"\b\f\n\r\t"`, `"caf\u00e9"`,
		`"\ud83d\ude00 grin"`, `"lone \ud83d here"`, `"lone \ude00"`, `"\ud83d\u0041"`,
	} {
		var want string
		if err := json.Unmarshal([]byte(lit), &want); err != nil {
			t.Fatal(err)
		}
		got, ok := Unquote(lit)
		if !ok || got != want {
			t.Errorf("Unquote(%s) = %q, %v; want %q", lit, got, ok, want)
		}
	}
	for _, lit := range []string{``, `"`, `x"`, `"a\"`, `"\x"`, `"\u12"`, `"\u12g4"`, "\"tab\there\"", `"a"b"`} {
		if got, ok := Unquote(lit); ok {
			t.Errorf("Unquote(%s) = %q, true; want false", lit, got)
		}
	}
}

func FuzzUnquote(f *testing.F) {
	for _, s := range []string{`"plain"`, `"a\nb\t\"c\" \\ \/"`, `"\u00e9\u4e2d"`, `"\ud83d\ude00"`,
		`"\ud800x"`, `"\udc00\ud800"`, `"\ud800\u0041"`, `"\ud800\\"`, `"“quoted”"`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, lit string) {
		if !utf8.ValidString(lit) || strings.Trim(lit, " \t\r\n") != lit {
			return // Unquote keeps such bytes, and takes no white space around
		}
		var want string
		err := json.Unmarshal([]byte(lit), &want)
		got, ok := Unquote(lit)
		if (err == nil) != ok || ok && got != want {
			t.Errorf("Unquote(%q) = %q, %v; encoding/json: %q, %v", lit, got, ok, want, err)
		}
	})
}
