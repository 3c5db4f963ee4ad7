package ingest

import (
	"bytes"
	"errors"
	"path/filepath"
	"strings"
	"unicode/utf8"
)

// extFormats maps file extensions to input formats.
var extFormats = map[string]string{
	".txt": "text", ".text": "text", ".md": "text",
	".html": "html", ".htm": "html", ".xhtml": "html",
	".jsonl": "jsonl", ".ndjson": "jsonl",
	".warc": "warc",
}

// skipExts are extensions of files that are never articles: media,
// archives, documents in binary formats, fonts, web assets. Directory walks
// skip them; a file named on the command line is read anyway.
var skipExts = map[string]bool{
	".png": true, ".jpg": true, ".jpeg": true, ".gif": true, ".webp": true, ".bmp": true,
	".ico": true, ".tif": true, ".tiff": true, ".svg": true, ".avif": true, ".heic": true,
	".pdf": true, ".doc": true, ".docx": true, ".xls": true, ".xlsx": true, ".ppt": true,
	".pptx": true, ".odt": true, ".epub": true,
	".zip": true, ".tar": true, ".tgz": true, ".bz2": true, ".xz": true, ".zst": true,
	".7z": true, ".rar": true, ".iso": true, ".dmg": true,
	".mp3": true, ".mp4": true, ".m4a": true, ".wav": true, ".ogg": true, ".flac": true,
	".webm": true, ".avi": true, ".mov": true, ".mkv": true,
	".woff": true, ".woff2": true, ".ttf": true, ".otf": true, ".eot": true,
	".exe": true, ".dll": true, ".so": true, ".dylib": true, ".o": true, ".a": true,
	".class": true, ".jar": true, ".pyc": true, ".wasm": true,
	".db": true, ".sqlite": true, ".sqlite3": true, ".parquet": true,
	".css": true, ".js": true, ".mjs": true, ".map": true,
}

// formatOf returns the input format a file name implies ("" to sniff) and
// whether a directory walk should skip it. A ".gz" suffix is looked
// through: "x.jsonl.gz" is JSONL.
func formatOf(name string) (format string, skip bool) {
	name = strings.ToLower(filepath.Base(name))
	if strings.HasSuffix(name, ".gz") {
		name = strings.TrimSuffix(name, ".gz")
	}
	ext := filepath.Ext(name)
	if f, ok := extFormats[ext]; ok {
		return f, false
	}
	return "", skipExts[ext]
}

// isGzip reports whether b starts with a gzip header.
func isGzip(b []byte) bool { return len(b) >= 3 && b[0] == 0x1f && b[1] == 0x8b && b[2] == 8 }

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// sniff guesses the format of an input from its first bytes.
func sniff(head []byte) string {
	b := bytes.TrimPrefix(head, utf8BOM)
	if bytes.HasPrefix(b, []byte("WARC/")) {
		return "warc"
	}
	b = bytes.TrimLeft(b, " \t\r\n")
	switch {
	case len(b) == 0:
		return "text"
	case b[0] == '{':
		return "jsonl"
	case b[0] == '<' && len(b) > 1 && (b[1] == '!' || b[1] == '?' || isASCIILetter(b[1])):
		return "html"
	}
	return "text"
}

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

// errUTF16 reports a text in UTF-16, which would otherwise look binary.
var errUTF16 = errors.New("UTF-16 text (convert it to UTF-8)")

// checkText accepts b as a text record: not binary, valid UTF-8, not
// blank. A UTF-8
// byte order mark is allowed; nothing is repaired, so offsets stay true.
func checkText(b []byte) error {
	if bytes.HasPrefix(b, []byte{0xFF, 0xFE}) || bytes.HasPrefix(b, []byte{0xFE, 0xFF}) {
		return errUTF16
	}
	if isBinary(b) {
		return ErrBinary
	}
	if i := invalidUTF8(b); i >= 0 {
		return &InvalidUTF8Error{Offset: i}
	}
	if len(bytes.TrimSpace(bytes.TrimPrefix(b, utf8BOM))) == 0 {
		return errEmpty
	}
	return nil
}

// errEmpty reports a text input with nothing but white space.
var errEmpty = errors.New("empty file")

// isBinary looks at the first 8 KB of b: a NUL byte, or more than one
// byte in twenty being a control character other than whitespace, makes
// it binary.
func isBinary(b []byte) bool {
	if len(b) > sniffLen {
		b = b[:sniffLen]
	}
	if bytes.IndexByte(b, 0) >= 0 {
		return true
	}
	ctl := 0
	for _, c := range b {
		ctl += int(isControl[c])
	}
	return ctl*20 > len(b)
}

// isControl marks the control bytes that are not white space.
var isControl = func() (t [256]uint8) {
	for c := range 0x20 {
		t[c] = 1
	}
	for _, c := range "\t\n\r\f\v" {
		t[c] = 0
	}
	t[0x7f] = 1
	return t
}()

// invalidUTF8 returns the offset of the first byte of b that is not part
// of a valid UTF-8 sequence, or -1.
func invalidUTF8(b []byte) int {
	if utf8.Valid(b) {
		return -1
	}
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return -1
}
