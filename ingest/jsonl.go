package ingest

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/internal/jsonstr"
)

// jsonl reads one article per line. Blank lines are skipped; the Nth
// non-blank line is record src#N. A bad line is reported and the next one
// read; a read failure ends the file.
func (w *walker) jsonl(src string, br *bufio.Reader) error {
	limit := w.opt.MaxRecordBytes
	n := 0
	for {
		if err := w.ctx.Err(); err != nil {
			return err
		}
		line, tooLong, err := readLine(br, &w.line, limit)
		if tooLong || len(bytes.TrimSpace(line)) > 0 {
			n++
			rs := recordSource(src, n)
			switch {
			case err != nil && err != io.EOF:
				return w.fail(rs, readStage(err), err)
			case tooLong:
				if e := w.fail(rs, "read", &TooLargeError{What: "line", Size: -1, Limit: limit}); e != nil {
					return e
				}
			default:
				rec, derr := w.decodeJSONL(rs, line)
				if derr != nil {
					rec, derr = nil, &parallax.RecordError{Source: rs, Stage: "decode", Err: derr}
				}
				if e := w.emit(rec, derr); e != nil {
					return e
				}
			}
		} else if err != nil && err != io.EOF {
			return w.fail(recordSource(src, n+1), readStage(err), err)
		}
		if err != nil {
			return nil
		}
	}
}

// readLine reads the next line into *buf, without its line ending. A line
// longer than limit is read to its end but not kept: tooLong is set and
// line is empty. err is io.EOF after the last line.
func readLine(br *bufio.Reader, buf *[]byte, limit int64) (line []byte, tooLong bool, err error) {
	b := (*buf)[:0]
	for {
		frag, e := br.ReadSlice('\n')
		if !tooLong {
			if int64(len(b)+len(frag)) > limit+2 { // +2 for "\r\n"
				tooLong, b = true, b[:0]
			} else {
				b = append(b, frag...)
			}
		}
		if e == bufio.ErrBufferFull {
			continue
		}
		err = e
		break
	}
	*buf = b[:0]
	b = bytes.TrimSuffix(b, []byte("\n"))
	b = bytes.TrimSuffix(b, []byte("\r"))
	if int64(len(b)) > limit {
		tooLong, b = true, nil
	}
	if err == io.EOF && (len(b) > 0 || tooLong) {
		// The last line had no newline: return it now and io.EOF next time.
		err = nil
	}
	return b, tooLong, err
}

// decodeJSONL turns one JSON object into a record: the known fields go to
// their Record fields, the others to Meta.
func (w *walker) decodeJSONL(src string, line []byte) (*parallax.Record, error) {
	// encoding/json would quietly replace invalid UTF-8; refuse it instead.
	if i := invalidUTF8(line); i >= 0 {
		return nil, &InvalidUTF8Error{Offset: i}
	}
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(line, &fields); err != nil {
		return nil, fmt.Errorf("json: %w", err)
	}
	if fields == nil {
		return nil, errors.New("json: not an object")
	}
	rec := &parallax.Record{Source: src, Format: "jsonl"}
	var text, page string
	for _, f := range []struct {
		name string
		dst  *string
	}{
		{"url", &rec.URL}, {"outlet", &rec.Outlet}, {"title", &rec.Title},
		{"published", &rec.Published}, {"language", &rec.Language},
		{"text", &text}, {"html", &page},
	} {
		v, ok := fields[f.name]
		if !ok {
			continue
		}
		delete(fields, f.name)
		if err := jsonString(v, f.dst); err != nil {
			return nil, fmt.Errorf("field %q: %w", f.name, err)
		}
	}
	if v, ok := fields["id"]; ok {
		delete(fields, "id")
		id, err := jsonID(v)
		if err != nil {
			return nil, fmt.Errorf("field \"id\": %w", err)
		}
		rec.SourceID = id
	}
	for k, v := range fields {
		x, err := jsonValue(v)
		if err != nil {
			return nil, fmt.Errorf("field %q: %w", k, err)
		}
		if rec.Meta == nil {
			rec.Meta = make(map[string]any, len(fields))
		}
		rec.Meta[k] = x
	}
	switch {
	case text != "":
		rec.Text = text
	case page != "":
		if w.opt.DeferExtract {
			rec.Page = []byte(page)
		} else if err := complete(rec, []byte(page), w.opt.Extract); err != nil {
			return nil, fmt.Errorf("field \"html\": %w", err)
		}
	default:
		return nil, errors.New("no text or html field")
	}
	return rec, nil
}

// fill sets *dst to v unless it already has a value.
func fill(dst *string, v string) {
	if *dst == "" {
		*dst = v
	}
}

var errNotString = errors.New("want a string")

// jsonString decodes a JSON string (or null, as "") into dst.
func jsonString(v json.RawMessage, dst *string) error {
	v = bytes.TrimSpace(v)
	switch {
	case len(v) == 0 || string(v) == "null":
		return nil
	case v[0] != '"':
		return errNotString
	}
	*dst, _ = jsonstr.Unquote(string(v)) // encoding/json has validated it
	return nil
}

// jsonValue decodes any JSON value for Record.Meta, numbers as json.Number.
func jsonValue(v json.RawMessage) (any, error) {
	v = bytes.TrimSpace(v)
	if len(v) == 0 {
		return nil, nil
	}
	switch c := v[0]; {
	case c == '"':
		u, _ := jsonstr.Unquote(string(v)) // encoding/json has validated it
		return u, nil
	case c == '-' || ('0' <= c && c <= '9'):
		return json.Number(v), nil
	case c == 'n':
		return nil, nil
	case c == 't' || c == 'f':
		return c == 't', nil
	}
	d := json.NewDecoder(bytes.NewReader(v))
	d.UseNumber()
	var x any
	err := d.Decode(&x)
	return x, err
}

// jsonID decodes an id given as a string or a number.
func jsonID(v json.RawMessage) (string, error) {
	v = bytes.TrimSpace(v)
	switch {
	case len(v) == 0 || string(v) == "null":
		return "", nil
	case v[0] == '"':
		u, _ := jsonstr.Unquote(string(v)) // encoding/json has validated it
		return u, nil
	case v[0] == '-' || ('0' <= v[0] && v[0] <= '9'):
		return string(v), nil
	}
	return "", errors.New("want a string or a number")
}
