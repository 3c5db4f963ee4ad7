package ingest

import (
	"bufio"
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/parallax-news/parallax"
)

// ErrTruncated reports a WARC record whose Content-Length runs past the
// end of its input.
var ErrTruncated = errors.New("truncated record")

// errBadHeader marks a malformed WARC record header.
var errBadHeader = errors.New("bad WARC header")

// warcHeader holds the WARC named fields ingest uses.
type warcHeader struct {
	typ, targetURI, date, id, contentType string
	length                                int64
}

// warc reads the records of a WARC file. With gz set the file is gzipped
// and read one member at a time: a record that cannot be read spoils only
// its member. Without, such a record ends the file, as there is no safe
// place to start again.
func (w *walker) warc(src string, br *bufio.Reader, gz *gzipStream) error {
	n := 0
	for {
		if err := w.warcRecords(src, br, &n); err != nil {
			return err
		}
		if gz == nil {
			return nil
		}
		if !gz.nextMember() {
			if gz.trailing {
				return w.fail(recordSource(src, n+1), "decode", gz.err)
			}
			return nil
		}
		br.Reset(gz)
	}
}

// warcRecords reads records from br until it ends or a record breaks the
// framing. *n counts the records of the file. Only fn's or ctx's error is
// returned.
func (w *walker) warcRecords(src string, br *bufio.Reader, n *int) error {
	for {
		if err := w.ctx.Err(); err != nil {
			return err
		}
		h, err := readWARCHeader(br)
		if err == io.EOF {
			return nil
		}
		*n++
		rs := recordSource(src, *n)
		if err != nil {
			return w.fail(rs, headerStage(err), err)
		}
		stop, err := w.warcRecord(rs, br, h)
		if err != nil || stop {
			return err
		}
	}
}

// warcRecord reads the block of one record and emits it when it is an HTML
// page. stop is set when the block could not be read to its end.
func (w *walker) warcRecord(rs string, br *bufio.Reader, h warcHeader) (stop bool, err error) {
	// skipBlock passes over a record's block; a short one stops the file.
	skipBlock := func() (bool, error) {
		got, err := br.Discard(int(h.length))
		if err != nil {
			return true, w.fail(rs, readStage(err), truncated(err, h.length, int64(got)))
		}
		return false, nil
	}
	limit := w.opt.MaxRecordBytes
	var ht httpHead
	switch h.typ {
	case "response":
		if h.contentType != "" && !strings.HasPrefix(strings.ToLower(h.contentType), "application/http") {
			w.skip(rs, "warc response of type "+h.contentType)
			return skipBlock()
		}
		peek, _ := br.Peek(int(min(h.length, bufSize)))
		ht, err = parseHTTPHead(peek, int64(len(peek)) == h.length)
		if err != nil {
			if stop, err := skipBlock(); stop || err != nil {
				return stop, err
			}
			return false, w.fail(rs, "decode", err)
		}
		if ht.status < 200 || ht.status > 299 {
			w.skip(rs, "http status "+strconv.Itoa(ht.status))
			return skipBlock()
		}
		if !isHTMLType(ht.contentType, peek[ht.length:]) {
			w.skip(rs, "content type "+mediaType(ht.contentType))
			return skipBlock()
		}
	case "resource":
		peek, _ := br.Peek(int(min(h.length, sniffLen)))
		ht.contentType = h.contentType
		if !isHTMLType(h.contentType, peek) {
			w.skip(rs, "content type "+mediaType(h.contentType))
			return skipBlock()
		}
	default:
		w.skip(rs, "warc "+h.typ+" record")
		return skipBlock()
	}
	if h.length > limit {
		if stop, err := skipBlock(); stop || err != nil {
			return stop, err
		}
		return false, w.fail(rs, "read", &TooLargeError{What: "record", Size: h.length, Limit: limit})
	}
	if int64(cap(w.buf)) < h.length {
		w.buf = make([]byte, h.length)
	}
	block := w.buf[:h.length]
	if got, err := io.ReadFull(br, block); err != nil {
		return true, w.fail(rs, readStage(err), truncated(err, h.length, int64(got)))
	}
	body, err := w.decodeBody(block[ht.length:], ht)
	if err != nil {
		return false, w.fail(rs, "decode", err)
	}
	rec := &parallax.Record{Source: rs, Format: "warc", URL: h.targetURI, Meta: map[string]any{}}
	if h.date != "" {
		rec.Meta["warc_date"] = h.date
	}
	if h.id != "" {
		rec.Meta["warc_record_id"] = h.id
	}
	return false, w.page(rec, body, ht.contentType)
}

// truncated turns the end of input inside a block into ErrTruncated.
func truncated(err error, want, got int64) error {
	if err == io.EOF || err == io.ErrUnexpectedEOF {
		return fmt.Errorf("%w: Content-Length %d, input ends after %d bytes", ErrTruncated, want, got)
	}
	return err
}

// headerStage names the stage of a header failure.
func headerStage(err error) string {
	if errors.Is(err, errBadHeader) {
		return "decode"
	}
	return readStage(err)
}

// maxHeaderLines bounds a WARC header block.
const maxHeaderLines = 512

// readWARCHeader reads the version line and named fields of the next
// record, skipping blank lines before it. It returns io.EOF when the input
// ends before another record starts.
func readWARCHeader(br *bufio.Reader) (h warcHeader, err error) {
	var line []byte
	for {
		line, err = br.ReadSlice('\n')
		if len(bytes.TrimSpace(line)) > 0 {
			break
		}
		if err != nil {
			if err == io.EOF {
				return h, io.EOF
			}
			return h, headerErr(err)
		}
	}
	if err != nil {
		return h, headerErr(err)
	}
	if !bytes.HasPrefix(line, []byte("WARC/")) {
		return h, fmt.Errorf("%w: version line %q", errBadHeader, clip(line))
	}
	h.length = -1
	for i := 0; ; i++ {
		line, err = br.ReadSlice('\n')
		if err != nil {
			return h, headerErr(err)
		}
		line = bytes.TrimRight(line, "\r\n")
		if len(line) == 0 {
			break
		}
		if i == maxHeaderLines {
			return h, fmt.Errorf("%w: more than %d fields", errBadHeader, maxHeaderLines)
		}
		if line[0] == ' ' || line[0] == '\t' {
			continue // continuation of a field ingest does not use
		}
		name, value, ok := bytes.Cut(line, []byte(":"))
		if !ok || len(name) == 0 {
			return h, fmt.Errorf("%w: field line %q", errBadHeader, clip(line))
		}
		name, value = bytes.TrimSpace(name), bytes.TrimSpace(value)
		switch {
		case bytes.EqualFold(name, []byte("WARC-Type")):
			h.typ = strings.ToLower(string(value))
		case bytes.EqualFold(name, []byte("WARC-Target-URI")):
			h.targetURI = string(bytes.TrimSuffix(bytes.TrimPrefix(value, []byte("<")), []byte(">")))
		case bytes.EqualFold(name, []byte("WARC-Date")):
			h.date = string(value)
		case bytes.EqualFold(name, []byte("WARC-Record-ID")):
			h.id = string(value)
		case bytes.EqualFold(name, []byte("Content-Type")):
			h.contentType = string(value)
		case bytes.EqualFold(name, []byte("Content-Length")):
			n, err := strconv.ParseInt(string(value), 10, 64)
			if err != nil || n < 0 {
				return h, fmt.Errorf("%w: Content-Length %q", errBadHeader, value)
			}
			h.length = n
		}
	}
	if h.length < 0 {
		return h, fmt.Errorf("%w: no Content-Length", errBadHeader)
	}
	return h, nil
}

// headerErr describes a failure to read a header line.
func headerErr(err error) error {
	switch err {
	case io.EOF, io.ErrUnexpectedEOF:
		return fmt.Errorf("%w: input ends inside the header", ErrTruncated)
	case bufio.ErrBufferFull:
		return fmt.Errorf("%w: header line longer than %d bytes", errBadHeader, bufSize)
	}
	return err
}

// clip shortens a line quoted in an error.
func clip(b []byte) []byte {
	b = bytes.TrimRight(b, "\r\n")
	if len(b) > 60 {
		return b[:60]
	}
	return b
}

// httpHead is the part of an HTTP response head ingest uses.
type httpHead struct {
	status                                    int
	contentType, transferEnc, contentEncoding string
	length                                    int // bytes of the head, blank line included
}

// parseHTTPHead parses the status line and headers at the start of b.
// whole is true when b is the entire message, so a head without a
// blank line ends with it.
func parseHTTPHead(b []byte, whole bool) (h httpHead, err error) {
	end := bytes.Index(b, []byte("\r\n\r\n"))
	switch {
	case end >= 0:
		h.length = end + 4
	case bytes.Index(b, []byte("\n\n")) >= 0:
		end = bytes.Index(b, []byte("\n\n"))
		h.length = end + 2
	case whole:
		end, h.length = len(b), len(b)
	default:
		return h, fmt.Errorf("bad HTTP response: no end of header in the first %d bytes", len(b))
	}
	lines := strings.Split(string(b[:end]), "\n")
	status := strings.Fields(lines[0])
	if len(status) < 2 || !strings.HasPrefix(status[0], "HTTP/") {
		return h, fmt.Errorf("bad HTTP status line %q", clip([]byte(lines[0])))
	}
	if h.status, err = strconv.Atoi(status[1]); err != nil {
		return h, fmt.Errorf("bad HTTP status line %q", clip([]byte(lines[0])))
	}
	for _, l := range lines[1:] {
		name, value, ok := strings.Cut(l, ":")
		if !ok {
			continue
		}
		value = strings.TrimSpace(value)
		switch strings.ToLower(strings.TrimSpace(name)) {
		case "content-type":
			h.contentType = value
		case "transfer-encoding":
			h.transferEnc = strings.ToLower(value)
		case "content-encoding":
			h.contentEncoding = strings.ToLower(value)
		}
	}
	return h, nil
}

// mediaType returns the lower-case media type of a Content-Type value.
func mediaType(ct string) string {
	mt, _, _ := strings.Cut(ct, ";")
	return strings.ToLower(strings.TrimSpace(mt))
}

// isHTMLType reports whether a payload is an HTML page, by its Content-Type
// or, when there is none, by how its body starts.
func isHTMLType(ct string, body []byte) bool {
	switch mediaType(ct) {
	case "text/html", "application/xhtml+xml":
		return true
	case "":
		return sniff(body) == "html"
	}
	return false
}

// decodeBody undoes the transfer and content encodings of an HTTP body.
// Either is left alone when the body does not look encoded: some archivers
// store bodies decoded but keep the original headers.
func (w *walker) decodeBody(body []byte, h httpHead) ([]byte, error) {
	if strings.Contains(h.transferEnc, "chunked") {
		body = dechunk(body)
	}
	ce := strings.TrimSpace(h.contentEncoding)
	if i := strings.LastIndexByte(ce, ','); i >= 0 {
		ce = strings.TrimSpace(ce[i+1:])
	}
	var r io.Reader
	switch ce {
	case "", "identity", "none":
		return body, nil
	case "gzip", "x-gzip":
		if !isGzip(body) {
			return body, nil
		}
		// One gzip.Reader serves every body: its inflater is large.
		var err error
		if w.bodyGz == nil {
			w.bodyGz, err = gzip.NewReader(bytes.NewReader(body))
		} else {
			err = w.bodyGz.Reset(bytes.NewReader(body))
		}
		if err != nil {
			return nil, fmt.Errorf("gzip body: %w", err)
		}
		r = w.bodyGz
	case "deflate":
		if len(body) >= 2 && body[0]&0x0f == 8 && (uint(body[0])<<8|uint(body[1]))%31 == 0 {
			zr, err := zlib.NewReader(bytes.NewReader(body))
			if err != nil {
				return nil, fmt.Errorf("deflate body: %w", err)
			}
			r = zr
		} else {
			r = flate.NewReader(bytes.NewReader(body))
		}
	default:
		return nil, fmt.Errorf("unsupported Content-Encoding %q", ce)
	}
	out, err := readInto(r, w.body[:0], w.opt.MaxRecordBytes)
	w.body = out[:0]
	// A body cut short by the crawler still has a usable beginning.
	if err == io.ErrUnexpectedEOF && len(out) > 0 {
		err = nil
	}
	if err != nil {
		var tl *TooLargeError
		if errors.As(err, &tl) {
			tl.What = "decoded body"
			return nil, err
		}
		return nil, fmt.Errorf("%s body: %w", ce, err)
	}
	return out, nil
}

// readInto reads r to its end into dst, growing it, and fails with a
// TooLargeError when r holds more than limit bytes.
func readInto(r io.Reader, dst []byte, limit int64) ([]byte, error) {
	lr := io.LimitReader(r, limit+1)
	for {
		if len(dst) == cap(dst) {
			dst = append(dst, 0)[:len(dst)]
		}
		n, err := lr.Read(dst[len(dst):cap(dst)])
		dst = dst[:len(dst)+n]
		if err == io.EOF {
			break
		}
		if err != nil {
			return dst, err
		}
	}
	if int64(len(dst)) > limit {
		return dst, &TooLargeError{What: "file", Size: -1, Limit: limit}
	}
	return dst, nil
}

// dechunk undoes chunked transfer encoding in place. It is lenient: a body
// that does not start with a chunk size is returned as it is, and a body
// cut off inside a chunk keeps what it has.
func dechunk(b []byte) []byte {
	out := b[:0]
	for i := 0; i < len(b); {
		j := bytes.IndexByte(b[i:], '\n')
		if j < 0 {
			break
		}
		sizeField, _, _ := bytes.Cut(bytes.TrimSpace(b[i:i+j]), []byte(";"))
		size, err := strconv.ParseUint(string(bytes.TrimSpace(sizeField)), 16, 31)
		if err != nil {
			if i == 0 {
				return b
			}
			break
		}
		i += j + 1
		if size == 0 {
			break
		}
		end := min(i+int(size), len(b))
		out = append(out, b[i:end]...) // never overtakes i: the size line was skipped
		i = end
		if bytes.HasPrefix(b[i:], []byte("\r\n")) {
			i += 2
		} else if bytes.HasPrefix(b[i:], []byte("\n")) {
			i++
		}
	}
	return out
}
