package main

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"unicode/utf8"

	"github.com/parallax-news/parallax"
)

// table writes rows as aligned text, JSON (an array) or CSV, streaming.
type table struct {
	format string
	header []string
	tw     *tabwriter.Writer
	cw     *csv.Writer
	w      io.Writer
	n      int
}

func newTable(w io.Writer, format string, header ...string) (*table, error) {
	t := &table{format: format, header: header, w: w}
	switch format {
	case "table":
		t.tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		fmt.Fprintln(t.tw, strings.ToUpper(strings.Join(header, "\t")))
	case "csv":
		t.cw = csv.NewWriter(w)
		if err := t.cw.Write(header); err != nil {
			return nil, err
		}
	case "json":
		if _, err := io.WriteString(w, "["); err != nil {
			return nil, err
		}
	default:
		return nil, parallax.Errorf(parallax.EINVALID, "unknown format %q (want table, json or csv)", format)
	}
	return t, nil
}

// row writes one record: cells for table and CSV, v for JSON.
func (t *table) row(v any, cells ...string) error {
	defer func() { t.n++ }()
	switch t.format {
	case "table":
		for i, c := range cells {
			cells[i] = clip(oneLine(c), 80)
		}
		_, err := fmt.Fprintln(t.tw, strings.Join(cells, "\t"))
		return err
	case "csv":
		return t.cw.Write(cells)
	default:
		b, err := json.Marshal(v)
		if err != nil {
			return err
		}
		sep := ",\n"
		if t.n == 0 {
			sep = "\n"
		}
		_, err = io.WriteString(t.w, sep+string(b))
		return err
	}
}

func (t *table) close() error {
	switch t.format {
	case "table":
		return t.tw.Flush()
	case "csv":
		t.cw.Flush()
		return t.cw.Error()
	default:
		_, err := io.WriteString(t.w, "\n]\n")
		return err
	}
}

func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}
