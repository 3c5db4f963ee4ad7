package ingest

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/parallax-news/parallax"
)

// Default limits used when the Options fields are zero.
const (
	DefaultMaxRecordBytes       = 8 << 20
	DefaultMaxDecompressedBytes = 1 << 30
)

// Options configure Walk. The zero value reads with the default limits,
// stdin from os.Stdin and HTML through Trafilatura.
type Options struct {
	// Stdin is read for the input "-"; nil means os.Stdin.
	Stdin io.Reader
	// MaxRecordBytes caps one record: a text or HTML file, a JSONL line, a
	// WARC record's HTTP message and its decoded body. 0 means
	// DefaultMaxRecordBytes.
	MaxRecordBytes int64
	// MaxDecompressedBytes caps the gunzipped bytes read from one file, as a
	// guard against gzip bombs. 0 means DefaultMaxDecompressedBytes; a
	// negative value disables the cap (large WARC crawls).
	MaxDecompressedBytes int64
	// Extract finds the main content of an HTML page; url is the page's
	// address when known. It must not keep html after it returns. nil means
	// Trafilatura.
	Extract func(html []byte, url string) (Extracted, error)
	// DeferExtract leaves HTML extraction to the caller: records of HTML
	// pages come with Page set and Text empty, to be finished with
	// Complete, so a pool of workers can extract in parallel.
	DeferExtract bool
	// OnSkip, when set, is told about every input left out on purpose:
	// hidden or binary-looking files in directories, WARC records that are
	// not HTML responses, non-2xx HTTP responses.
	OnSkip func(source, reason string)
}

// Extracted is what an HTML extractor finds in a page. Text has the
// paragraphs of the main content separated by a blank line.
type Extracted struct {
	Text, Title, URL, Outlet, Published, Language, Author string
}

// Walk reads every input (a file, a directory walked recursively in
// lexical order skipping hidden entries, or "-" for Options.Stdin) and
// calls fn once per record. A record that cannot be read is passed as
// (nil, *parallax.RecordError) naming the record and the stage ("read" or
// "decode"), and the walk goes on. A non-nil error returned by fn stops the
// walk and is returned; so is ctx's error once ctx is done (checked between
// records).
func Walk(ctx context.Context, inputs []string, opt Options, fn func(*parallax.Record, error) error) error {
	w := newWalker(ctx, opt, fn)
	for _, in := range inputs {
		if err := ctx.Err(); err != nil {
			return err
		}
		var err error
		if in == "-" {
			err = w.stream("-", "", w.fileReader(w.opt.Stdin), -1, false)
		} else {
			err = w.path(in, nil, true)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// walker carries the state of one Walk: options and reusable buffers.
type walker struct {
	ctx context.Context
	opt Options
	fn  func(*parallax.Record, error) error

	fbuf *bufio.Reader // over the open file or stdin
	buf  []byte        // whole text/HTML files, WARC blocks
	line []byte        // JSONL lines
	body []byte        // decoded HTTP bodies
	// bodyGz inflates gzipped HTTP bodies.
	bodyGz *gzip.Reader
}

// bufSize is the read buffer size; WARC and HTTP header blocks must fit in it.
const bufSize = 64 << 10

func newWalker(ctx context.Context, opt Options, fn func(*parallax.Record, error) error) *walker {
	if opt.Stdin == nil {
		opt.Stdin = os.Stdin
	}
	if opt.MaxRecordBytes <= 0 {
		opt.MaxRecordBytes = DefaultMaxRecordBytes
	}
	if opt.MaxDecompressedBytes == 0 {
		opt.MaxDecompressedBytes = DefaultMaxDecompressedBytes
	}
	if opt.Extract == nil {
		opt.Extract = Trafilatura
	}
	return &walker{ctx: ctx, opt: opt, fn: fn}
}

// emit hands one record or error to fn, unless ctx is done.
func (w *walker) emit(rec *parallax.Record, err error) error {
	if e := w.ctx.Err(); e != nil {
		return e
	}
	return w.fn(rec, err)
}

// fail reports a RecordError for source.
func (w *walker) fail(source, stage string, err error) error {
	return w.emit(nil, &parallax.RecordError{Source: source, Stage: stage, Err: err})
}

func (w *walker) skip(source, reason string) {
	if w.opt.OnSkip != nil {
		w.opt.OnSkip(source, reason)
	}
}

func (w *walker) fileReader(r io.Reader) *bufio.Reader {
	if w.fbuf == nil {
		w.fbuf = bufio.NewReaderSize(r, bufSize)
	} else {
		w.fbuf.Reset(r)
	}
	return w.fbuf
}

// path reads one named input. explicit is true for inputs the user named,
// which are read whatever their extension.
func (w *walker) path(p string, ancestors []os.FileInfo, explicit bool) error {
	fi, err := os.Stat(p)
	if err != nil {
		return w.fail(p, "read", pathErr(err))
	}
	switch {
	case fi.IsDir():
		return w.dir(p, fi, ancestors)
	case fi.Mode().IsRegular():
		return w.file(p, fi.Size())
	case explicit:
		// A named pipe or device the user named: read it as a stream.
		return w.file(p, -1)
	}
	w.skip(p, "not a regular file")
	return nil
}

// dir walks a directory in lexical order. ancestors are the directories
// above it, so a symlink back up the tree is not followed again.
func (w *walker) dir(p string, fi os.FileInfo, ancestors []os.FileInfo) error {
	for _, a := range ancestors {
		if os.SameFile(a, fi) {
			w.skip(p, "symlink loop")
			return nil
		}
	}
	entries, err := os.ReadDir(p) // sorted by name
	if err != nil {
		return w.fail(p, "read", pathErr(err))
	}
	anc := append(ancestors[:len(ancestors):len(ancestors)], fi)
	for _, e := range entries {
		if err := w.ctx.Err(); err != nil {
			return err
		}
		name := e.Name()
		child := filepath.Join(p, name)
		if strings.HasPrefix(name, ".") {
			w.skip(child, "hidden")
			continue
		}
		if e.IsDir() {
			cfi, err := e.Info()
			if err != nil {
				if err := w.fail(child, "read", pathErr(err)); err != nil {
					return err
				}
				continue
			}
			if err := w.dir(child, cfi, anc); err != nil {
				return err
			}
			continue
		}
		if _, skip := formatOf(name); skip {
			w.skip(child, "binary extension")
			continue
		}
		if e.Type()&fs.ModeSymlink != 0 {
			if err := w.path(child, anc, false); err != nil {
				return err
			}
			continue
		}
		if !e.Type().IsRegular() {
			w.skip(child, "not a regular file")
			continue
		}
		cfi, err := e.Info()
		if err != nil {
			if err := w.fail(child, "read", pathErr(err)); err != nil {
				return err
			}
			continue
		}
		if err := w.file(child, cfi.Size()); err != nil {
			return err
		}
	}
	return nil
}

// file opens and reads one file; size is -1 when unknown.
func (w *walker) file(p string, size int64) error {
	f, err := os.Open(p)
	if err != nil {
		return w.fail(p, "read", pathErr(err))
	}
	defer f.Close()
	format, _ := formatOf(p)
	return w.stream(p, format, w.fileReader(f), size, false)
}

// sniffLen is how much of an input is looked at to guess its format.
const sniffLen = 8 << 10

// peekHead returns the start of br that tells its format, waiting for no
// more input than that takes: a stream that sends one short record and
// stays open (a pipe from a feed) is read at once, not after sniffLen
// bytes. It returns what is buffered, up to sniffLen, once that holds the
// first bytes past any byte order mark and white space, or all the input.
func peekHead(br *bufio.Reader) ([]byte, error) {
	n := 1
	for {
		head, err := br.Peek(n)
		if err != nil {
			return head, err
		}
		if b := br.Buffered(); b > n {
			head, _ = br.Peek(min(b, sniffLen))
		}
		if len(head) >= sniffLen || tellsFormat(head) {
			return head, nil
		}
		n = min(len(head)+1, sniffLen)
	}
}

// tellsFormat reports whether head is long enough for sniff and isGzip.
func tellsFormat(head []byte) bool {
	b := bytes.TrimPrefix(head, utf8BOM)
	return len(b) >= len("WARC/") && len(bytes.TrimLeft(b, " \t\r\n")) >= 2
}

// stream reads one input of the given format ("" to sniff) from br. size
// is the input's length when known, -1 otherwise. gzipped is true inside a
// gzip stream, where a second layer of gzip is refused.
func (w *walker) stream(src, format string, br *bufio.Reader, size int64, gzipped bool) error {
	head, err := peekHead(br)
	if err != nil && err != io.EOF && !errors.Is(err, bufio.ErrBufferFull) {
		return w.fail(src, readStage(err), err)
	}
	if isGzip(head) {
		if gzipped {
			return w.fail(src, "decode", errors.New("gzip inside gzip"))
		}
		return w.gzip(src, format, br)
	}
	if format == "" {
		format = sniff(head)
	}
	switch format {
	case "html":
		return w.htmlFile(src, br, size)
	case "jsonl":
		return w.jsonl(src, br)
	case "warc":
		return w.warc(src, br, nil)
	}
	return w.text(src, br, size)
}

// gzip decompresses an input through a capped reader. WARC files are read
// member by member so a damaged record member does not lose the rest.
func (w *walker) gzip(src, format string, br *bufio.Reader) error {
	gz, err := newGzipStream(br, w.opt.MaxDecompressedBytes)
	if err != nil {
		return w.fail(src, "decode", err)
	}
	inner := bufio.NewReaderSize(gz, bufSize)
	if format == "" {
		head, err := peekHead(inner)
		if err != nil && err != io.EOF && !errors.Is(err, bufio.ErrBufferFull) {
			return w.fail(src, readStage(err), err)
		}
		if isGzip(head) {
			return w.fail(src, "decode", errors.New("gzip inside gzip"))
		}
		format = sniff(head)
	}
	if format == "warc" {
		return w.warc(src, inner, gz)
	}
	gz.multi = true
	return w.stream(src, format, inner, -1, true)
}

// readAll reads a whole text or HTML input of at most MaxRecordBytes into
// w.buf. size is its length when known (-1 otherwise), checked before
// anything is read.
func (w *walker) readAll(r io.Reader, size int64) ([]byte, error) {
	limit := w.opt.MaxRecordBytes
	if size > limit {
		return nil, &TooLargeError{What: "file", Size: size, Limit: limit}
	}
	if size >= 0 && int64(cap(w.buf)) <= size {
		w.buf = make([]byte, 0, size+1) // +1 so EOF is seen without growing
	}
	b, err := readInto(r, w.buf[:0], limit)
	w.buf = b[:0]
	if err != nil {
		return nil, err
	}
	return b, nil
}

// text reads a plain text input as one record whose Text is its bytes.
func (w *walker) text(src string, br *bufio.Reader, size int64) error {
	b, err := w.readAll(br, size)
	if err != nil {
		return w.fail(src, readStage(err), err)
	}
	if err := checkText(b); err != nil {
		return w.fail(src, "decode", err)
	}
	return w.emit(&parallax.Record{Source: src, Format: "text", Text: string(b)}, nil)
}

// htmlFile reads an HTML input and extracts its main content.
func (w *walker) htmlFile(src string, br *bufio.Reader, size int64) error {
	b, err := w.readAll(br, size)
	if err != nil {
		return w.fail(src, readStage(err), err)
	}
	if isBinary(b) {
		return w.fail(src, "decode", ErrBinary)
	}
	return w.page(&parallax.Record{Source: src, Format: "html"}, b, "")
}

// readStage names the stage of a read failure: limits broken by
// decompression are decoding failures, the rest reading failures.
func readStage(err error) string {
	var d *DecompressedTooLargeError
	if errors.As(err, &d) || errors.Is(err, errGzip) {
		return "decode"
	}
	return "read"
}

// pathErr drops the path from an *fs.PathError: the RecordError names it.
func pathErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// recordSource names the nth record of a multi-record input.
func recordSource(src string, n int) string { return src + "#" + strconv.Itoa(n) }

// ErrBinary reports an input that is not text.
var ErrBinary = errors.New("binary file")

// TooLargeError reports an input over a size limit. Size is -1 when the
// input was cut off at the limit without knowing its full length.
type TooLargeError struct {
	What        string // "file", "line", "record", "body"
	Size, Limit int64
}

func (e *TooLargeError) Error() string {
	if e.Size < 0 {
		return fmt.Sprintf("%s too large: over %d byte limit", e.What, e.Limit)
	}
	return fmt.Sprintf("%s too large: %d bytes > %d limit", e.What, e.Size, e.Limit)
}

// InvalidUTF8Error reports the first byte of an input that is not UTF-8.
type InvalidUTF8Error struct{ Offset int }

func (e *InvalidUTF8Error) Error() string {
	return fmt.Sprintf("invalid UTF-8 at byte %d", e.Offset)
}

// DecompressedTooLargeError reports a gzip stream that inflates past
// Options.MaxDecompressedBytes.
type DecompressedTooLargeError struct{ Limit int64 }

func (e *DecompressedTooLargeError) Error() string {
	return fmt.Sprintf("gzip: decompressed size exceeds %d bytes", e.Limit)
}
