package ingest_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"flag"
	"fmt"
	"github.com/parallax-news/parallax/internal/testshared"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/ingest"
)

var update = flag.Bool("update", false, "rewrite the generated fixtures in testdata")

// result is what one Walk produced, in order.
type result struct {
	recs    []*parallax.Record
	errs    []*parallax.RecordError
	order   []string // sources of records and errors, in the order seen
	skipped []string
}

// walk runs ingest.Walk and collects everything it reports. Any error that
// is not a RecordError fails the test.
func walk(t testing.TB, opt ingest.Options, inputs ...string) result {
	t.Helper()
	var res result
	opt.OnSkip = func(source, reason string) { res.skipped = append(res.skipped, source+": "+reason) }
	err := ingest.Walk(context.Background(), inputs, opt, func(r *parallax.Record, err error) error {
		if err != nil {
			var re *parallax.RecordError
			if !errors.As(err, &re) {
				t.Fatalf("error is not a RecordError: %T %v", err, err)
			}
			res.errs = append(res.errs, re)
			res.order = append(res.order, "!"+re.Source)
			return nil
		}
		res.recs = append(res.recs, r)
		res.order = append(res.order, r.Source)
		return nil
	})
	if err != nil {
		t.Fatalf("Walk: %v", err)
	}
	return res
}

// tagStrip is the test extractor: it keeps the text of a page outside its
// tags, one paragraph per <p>, and the <title>. Parsing tests use it so
// they do not depend on Trafilatura's judgement.
func tagStrip(page []byte, url string) (ingest.Extracted, error) {
	var x ingest.Extracted
	x.URL = url
	s := string(page)
	if i := strings.Index(s, "<title>"); i >= 0 {
		if j := strings.Index(s[i:], "</title>"); j >= 0 {
			x.Title = s[i+len("<title>") : i+j]
			s = s[:i] + s[i+j+len("</title>"):]
		}
	}
	var paras []string
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != '<' {
			b.WriteByte(s[i])
			continue
		}
		j := strings.IndexByte(s[i:], '>')
		if j < 0 {
			break
		}
		if tag := strings.ToLower(s[i : i+j+1]); tag == "<p>" || tag == "</p>" {
			if t := strings.Join(strings.Fields(b.String()), " "); t != "" {
				paras = append(paras, t)
			}
			b.Reset()
		}
		i += j
	}
	if t := strings.Join(strings.Fields(b.String()), " "); t != "" {
		paras = append(paras, t)
	}
	x.Text = strings.Join(paras, "\n\n")
	if x.Text == "" {
		return x, errors.New("empty page")
	}
	return x, nil
}

// writeFile writes data to dir/name, creating directories.
func writeFile(t testing.TB, dir, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func gz(t testing.TB, data []byte) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	if _, err := zw.Write(data); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// warcRec is one record for the WARC builder.
type warcRec struct {
	typ, uri string
	// http is the HTTP message of a response record (or the block of any
	// other record).
	http []byte
	// lengthDelta is added to the Content-Length written, to make a record
	// that claims more bytes than it has.
	lengthDelta int
}

// warcRecord renders one WARC/1.1 record.
func (r warcRec) bytes(i int) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "WARC/1.1\r\nWARC-Type: %s\r\n", r.typ)
	fmt.Fprintf(&b, "WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-%012d>\r\n", i)
	fmt.Fprintf(&b, "WARC-Date: 2024-03-14T10:%02d:00Z\r\n", i%60)
	if r.uri != "" {
		fmt.Fprintf(&b, "WARC-Target-URI: %s\r\n", r.uri)
	}
	switch r.typ {
	case "response":
		b.WriteString("Content-Type: application/http; msgtype=response\r\n")
	case "request":
		b.WriteString("Content-Type: application/http; msgtype=request\r\n")
	case "warcinfo":
		b.WriteString("Content-Type: application/warc-fields\r\n")
	}
	fmt.Fprintf(&b, "Content-Length: %d\r\n\r\n", len(r.http)+r.lengthDelta)
	b.Write(r.http)
	b.WriteString("\r\n\r\n")
	return b.Bytes()
}

// buildWARC renders records as a WARC file: plain, one gzip member per
// record ("members") or one gzip stream for the whole file ("whole").
func buildWARC(t testing.TB, mode string, recs ...warcRec) []byte {
	t.Helper()
	var out bytes.Buffer
	var all bytes.Buffer
	for i, r := range recs {
		rb := r.bytes(i + 1)
		switch mode {
		case "members":
			out.Write(gz(t, rb))
		default:
			all.Write(rb)
		}
	}
	switch mode {
	case "plain":
		return all.Bytes()
	case "whole":
		return gz(t, all.Bytes())
	}
	return out.Bytes()
}

// httpResponse renders an HTTP/1.1 response with the given headers.
func httpResponse(status string, headers []string, body []byte) []byte {
	var b bytes.Buffer
	b.WriteString("HTTP/1.1 " + status + "\r\n")
	for _, h := range headers {
		b.WriteString(h + "\r\n")
	}
	b.WriteString("\r\n")
	b.Write(body)
	return b.Bytes()
}

// chunk renders body in chunked transfer encoding, in pieces of n bytes.
func chunk(body []byte, n int) []byte {
	var b bytes.Buffer
	for len(body) > 0 {
		k := min(n, len(body))
		fmt.Fprintf(&b, "%x\r\n", k)
		b.Write(body[:k])
		b.WriteString("\r\n")
		body = body[k:]
	}
	b.WriteString("0\r\n\r\n")
	return b.Bytes()
}

// sharedDir locates the shared evaluation data, skipping when it is absent.
func sharedDir(t testing.TB) string {
	t.Helper()
	return testshared.Dir(t)
}
