package export

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"

	"github.com/parallax-news/parallax"
)

// Format names an output format.
type Format string

const (
	JSON   Format = "json"   // one object with an array per record type
	NDJSON Format = "ndjson" // one record per line, with a "type" field
)

// Write streams everything s holds to w in format f. Stories and
// statements are written when s also implements parallax.CorpusStore.
func Write(ctx context.Context, w io.Writer, s parallax.Store, f Format) error {
	if f != JSON && f != NDJSON {
		return parallax.Errorf(parallax.EINVALID, "unknown export format %q (want json or ndjson)", f)
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	e := &encoder{w: bw, f: f}
	if f == JSON {
		e.raw("{")
	}
	sections := []struct {
		name string
		each func(emit func(any) error) error
	}{
		{"articles", func(emit func(any) error) error {
			return s.Articles(ctx, parallax.ArticleFilter{}, func(a *parallax.Article) error { return emit(FromArticle(a)) })
		}},
		{"quotes", func(emit func(any) error) error {
			return s.Quotes(ctx, parallax.QuoteFilter{}, func(q *parallax.Quote) error { return emit(FromQuote(q)) })
		}},
		{"entities", func(emit func(any) error) error {
			return s.Entities(ctx, parallax.EntityFilter{}, func(en *parallax.Entity) error { return emit(FromEntity(en)) })
		}},
	}
	if cs, ok := s.(parallax.CorpusStore); ok {
		sections = append(sections,
			struct {
				name string
				each func(emit func(any) error) error
			}{"stories", func(emit func(any) error) error {
				return cs.Stories(ctx, parallax.StoryFilter{}, func(st *parallax.Story) error { return emit(FromStory(st)) })
			}},
			struct {
				name string
				each func(emit func(any) error) error
			}{"statements", func(emit func(any) error) error {
				return cs.Statements(ctx, parallax.StatementFilter{}, func(st *parallax.Statement) error { return emit(FromStatement(st)) })
			}},
		)
	}
	for i, sec := range sections {
		if err := e.section(i, sec.name, sec.each); err != nil {
			return fmt.Errorf("export %s: %w", sec.name, err)
		}
	}
	if f == JSON {
		e.raw("}\n")
	}
	if e.err != nil {
		return e.err
	}
	return bw.Flush()
}

// typeNames maps a section to the "type" of its NDJSON lines.
var typeNames = map[string]string{
	"articles": "article", "quotes": "quote", "entities": "entity",
	"stories": "story", "statements": "statement",
}

type encoder struct {
	w   *bufio.Writer
	f   Format
	err error
}

func (e *encoder) raw(s string) {
	if e.err == nil {
		_, e.err = e.w.WriteString(s)
	}
}

func (e *encoder) section(i int, name string, each func(emit func(any) error) error) error {
	if e.f == JSON {
		if i > 0 {
			e.raw(",")
		}
		e.raw("\n" + `"` + name + `": [`)
	}
	n := 0
	err := each(func(v any) error {
		b, err := json.Marshal(v)
		if err != nil {
			return err
		}
		if e.f == JSON {
			if n > 0 {
				e.raw(",")
			}
			e.raw("\n")
			e.raw(string(b))
		} else {
			// Prefix the object with its type: {"type":"quote",...}
			e.raw(`{"type":"` + typeNames[name] + `",`)
			e.raw(string(b[1:]))
			e.raw("\n")
		}
		n++
		return e.err
	})
	if err != nil {
		return err
	}
	if e.f == JSON {
		e.raw("\n]")
	}
	return e.err
}
