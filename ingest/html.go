package ingest

import (
	"github.com/parallax-news/parallax"

	"bytes"
	"errors"
	"fmt"
	nurl "net/url"
	"strings"
	"unicode/utf8"

	"github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"
)

// trafilaturaOptions favour precision: no comments, no links or images,
// and the page's navigation, asides and footers pruned before extraction.
var trafilaturaOptions = trafilatura.Options{
	Focus:           trafilatura.FavorPrecision,
	ExcludeComments: true,
	PruneSelector:   "nav, aside, footer, [role=navigation], [role=complementary], [role=contentinfo]",
}

// Trafilatura is the default Options.Extract: it parses a UTF-8 page and
// extracts its main content and metadata with go-trafilatura. Text has one
// paragraph per block element, separated by "\n\n".
func Trafilatura(page []byte, url string) (Extracted, error) {
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		return Extracted{}, fmt.Errorf("parse html: %w", err)
	}
	opts := trafilaturaOptions
	if url != "" {
		if u, err := nurl.ParseRequestURI(url); err == nil {
			opts.OriginalURL = u
		}
	}
	res, err := trafilatura.ExtractDocument(doc, opts)
	if err != nil {
		return Extracted{}, fmt.Errorf("extract: %w", err)
	}
	m := res.Metadata
	x := Extracted{
		Text:     paragraphText(res.ContentNode),
		Title:    m.Title,
		URL:      m.URL,
		Outlet:   m.Sitename,
		Language: m.Language,
		Author:   m.Author,
	}
	if !m.Date.IsZero() {
		x.Published = m.Date.Format("2006-01-02")
	}
	return x, nil
}

// blockAtoms are elements that start a paragraph of their own.
var blockAtoms = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.H1: true, atom.H2: true, atom.H3: true,
	atom.H4: true, atom.H5: true, atom.H6: true, atom.Li: true, atom.Ul: true,
	atom.Ol: true, atom.Dl: true, atom.Dt: true, atom.Dd: true, atom.Blockquote: true,
	atom.Pre: true, atom.Table: true, atom.Tr: true, atom.Section: true,
	atom.Article: true, atom.Header: true, atom.Footer: true, atom.Figure: true,
	atom.Figcaption: true, atom.Hr: true, atom.Main: true, atom.Address: true,
	atom.Details: true, atom.Summary: true, atom.Body: true,
}

// paragraphText renders the text of n, one paragraph per block element,
// whitespace collapsed, paragraphs separated by a blank line and a <br>
// kept as a line break.
func paragraphText(n *html.Node) string {
	if n == nil {
		return ""
	}
	var out, para strings.Builder
	flush := func() {
		s := collapseSpace(para.String())
		para.Reset()
		if s == "" {
			return
		}
		if out.Len() > 0 {
			out.WriteString("\n\n")
		}
		out.WriteString(s)
	}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch c.Type {
			case html.TextNode:
				para.WriteString(c.Data)
			case html.ElementNode:
				switch {
				case c.DataAtom == atom.Br:
					para.WriteByte('\n')
				case c.DataAtom == atom.Script || c.DataAtom == atom.Style:
				case blockAtoms[c.DataAtom]:
					flush()
					walk(c)
					flush()
				default:
					walk(c)
					if c.DataAtom == atom.Td || c.DataAtom == atom.Th {
						para.WriteByte(' ')
					}
				}
			}
		}
	}
	walk(n)
	flush()
	return out.String()
}

// collapseSpace turns each run of white space into one space, or into a
// newline when the run holds one (from a <br>), and trims the ends.
func collapseSpace(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	run, nl := false, false
	for _, r := range s {
		switch r {
		case ' ', '\t', '\r', '\f', '\v':
			run = true
		case '\n':
			run, nl = true, true
		default:
			if run && b.Len() > 0 {
				if nl {
					b.WriteByte('\n')
				} else {
					b.WriteByte(' ')
				}
			}
			run, nl = false, false
			b.WriteRune(r)
		}
	}
	return b.String()
}

// toUTF8 returns page as UTF-8, decoding it from the charset its
// Content-Type, byte order mark or <meta> declares. Valid UTF-8 is taken
// as is; bytes that do not decode become U+FFFD (the extracted text, not
// the page, is what offsets refer to).
func toUTF8(page []byte, contentType string) []byte {
	if utf8.Valid(page) {
		return page
	}
	enc, name, _ := charset.DetermineEncoding(page, contentType)
	if name != "utf-8" {
		if out, err := enc.NewDecoder().Bytes(page); err == nil {
			return bytes.ToValidUTF8(out, []byte("\uFFFD"))
		}
	}
	return bytes.ToValidUTF8(page, []byte("\uFFFD"))
}

// errNoText reports a page with no main content.
var errNoText = errors.New("no main text found")

// page hands an HTML page on: extracted now, or deferred to Complete.
func (w *walker) page(rec *parallax.Record, page []byte, contentType string) error {
	page = toUTF8(page, contentType)
	if w.opt.DeferExtract {
		// The page may be the walker's read buffer, which the next input
		// is read into before a worker extracts this one.
		rec.Page = bytes.Clone(page)
		return w.emit(rec, nil)
	}
	if err := complete(rec, page, w.opt.Extract); err != nil {
		return w.fail(rec.Source, "decode", err)
	}
	return w.emit(rec, nil)
}

// Complete extracts the main text of a record whose Page was deferred
// (Options.DeferExtract), with opt.Extract (Trafilatura when nil), and
// fills the metadata the record lacks. It is safe for concurrent use.
func Complete(rec *parallax.Record, opt Options) error {
	if rec.Page == nil {
		return nil
	}
	if opt.Extract == nil {
		opt.Extract = Trafilatura
	}
	err := complete(rec, rec.Page, opt.Extract)
	rec.Page = nil
	return err
}

// complete runs extract on a UTF-8 page and merges what it finds into rec:
// the record's own fields win; a canonical URL that differs from the
// record's is kept in Meta.
func complete(rec *parallax.Record, page []byte, extract func([]byte, string) (Extracted, error)) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("extract: panic: %v", r)
		}
	}()
	x, err := extract(page, rec.URL)
	if err != nil {
		return err
	}
	if !utf8.ValidString(x.Text) {
		return fmt.Errorf("extracted text: %w", &InvalidUTF8Error{Offset: invalidUTF8([]byte(x.Text))})
	}
	if strings.TrimSpace(x.Text) == "" {
		return errNoText
	}
	for _, f := range []*string{&x.Title, &x.URL, &x.Outlet, &x.Published, &x.Language, &x.Author} {
		*f = strings.ToValidUTF8(strings.TrimSpace(*f), "\uFFFD")
	}
	rec.Text = x.Text
	setMeta := func(k, v string) {
		if v == "" {
			return
		}
		if rec.Meta == nil {
			rec.Meta = map[string]any{}
		}
		if _, ok := rec.Meta[k]; !ok {
			rec.Meta[k] = v
		}
	}
	if rec.URL == "" {
		rec.URL = x.URL
	} else if x.URL != "" && x.URL != rec.URL {
		setMeta("canonical_url", x.URL)
	}
	fill(&rec.Title, x.Title)
	fill(&rec.Outlet, x.Outlet)
	fill(&rec.Published, x.Published)
	fill(&rec.Language, x.Language)
	setMeta("author", x.Author)
	return nil
}
