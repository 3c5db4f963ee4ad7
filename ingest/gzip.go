package ingest

import (
	"bufio"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
)

// errGzip marks damaged gzip input.
var errGzip = errors.New("gzip")

// gzipStream decompresses a gzip input member by member, counting the
// bytes it inflates against a cap. With multi set it runs on through
// concatenated members like gzip(1); without, each member ends in io.EOF
// and nextMember moves on, so a WARC reader can resynchronise at member
// boundaries.
type gzipStream struct {
	src   *bufio.Reader // compressed input; a ByteReader, so members end exactly
	gz    *gzip.Reader
	limit int64 // < 0: no cap
	n     int64 // bytes inflated so far
	multi bool
	err   error // sticky: damage or the cap
	// trailing is set when the input goes on after a member with
	// something that is not gzip.
	trailing bool
}

func newGzipStream(src *bufio.Reader, limit int64) (*gzipStream, error) {
	gz, err := gzip.NewReader(src)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", errGzip, err)
	}
	gz.Multistream(false)
	return &gzipStream{src: src, gz: gz, limit: limit}, nil
}

func (g *gzipStream) Read(p []byte) (int, error) {
	for {
		if g.err != nil {
			return 0, g.err
		}
		if g.limit >= 0 && int64(len(p)) > g.limit-g.n+1 {
			p = p[:g.limit-g.n+1] // read one byte past the cap to notice it
		}
		n, err := g.gz.Read(p)
		g.n += int64(n)
		if g.limit >= 0 && g.n > g.limit {
			g.err = &DecompressedTooLargeError{Limit: g.limit}
			return 0, g.err
		}
		switch {
		case err == io.EOF && g.multi:
			if !g.nextMember() {
				return n, g.eof()
			}
			if n > 0 {
				return n, nil
			}
		case err != nil && err != io.EOF:
			g.err = fmt.Errorf("%w: %v", errGzip, err)
			return n, g.err
		default:
			return n, err
		}
	}
}

// eof is the error at the end of the stream: io.EOF, or what broke it.
func (g *gzipStream) eof() error {
	if g.err != nil {
		return g.err
	}
	return io.EOF
}

// nextMember drains what is left of the current member and starts the
// next one. It returns false at the end of the input or when the stream is
// damaged (g.err is then set).
func (g *gzipStream) nextMember() bool {
	if g.err != nil {
		return false
	}
	multi := g.multi
	g.multi = false
	_, err := io.Copy(io.Discard, g)
	g.multi = multi
	if err != nil || g.err != nil {
		return false
	}
	if err := g.gz.Reset(g.src); err != nil {
		if err != io.EOF {
			g.err = fmt.Errorf("%w: data after a member is not gzip (%v)", errGzip, err)
			g.trailing = true
		}
		return false
	}
	g.gz.Multistream(false)
	return true
}
