package sqlite

import (
	"cmp"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	parallax "github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/internal/ascii"
	"github.com/parallax-news/parallax/internal/jsonstr"
)

// An article's quotes and mentions are kept in one JSON row each
// (article_quotes, article_mentions; migration 0004 documents the shape).
// Save writes them with the appenders below, which cost a fraction of
// encoding/json on the single writer. Quotes, read on every page that
// shows an article or a search, decode with quoteReader; mentions with
// encoding/json.

// storedMention is one element of article_mentions.mentions: the mentions
// of one entity.
type storedMention struct {
	Entity int64    `json:"e"`
	Spans  string   `json:"s"` // encodeSpans, in hex
	Kinds  []string `json:"k"`
	Texts  []string `json:"t"` // nil: each is its span of raw
}

// appendQuotes appends qs, quotes of an article whose source text is raw,
// as article_quotes.quotes; Speaker.EntityID must be set.
func appendQuotes(b []byte, qs []parallax.Quote, raw string) ([]byte, error) {
	b = append(b, '[')
	for i := range qs {
		q := &qs[i]
		if math.IsNaN(q.Confidence) || math.IsInf(q.Confidence, 0) {
			return nil, fmt.Errorf("quote %d: confidence %v is not a number", i, q.Confidence)
		}
		if i > 0 {
			b = append(b, ',')
		}
		sp := &q.Speaker
		b = append(b, '[')
		b = appendString(b, string(q.Kind))
		b = append(b, ',')
		if q.Text == q.Span.In(raw) {
			b = append(b, "null"...)
		} else {
			b = appendString(b, q.Text)
		}
		b = appendSpan(b, q.Span)
		b = append(b, ',')
		b = appendString(b, q.Cue)
		b = appendSpan(b, q.CueSpan)
		b = append(b, ',')
		b = appendString(b, sp.Name)
		b = append(b, ',')
		b = appendString(b, sp.Mention)
		b = appendSpan(b, sp.MentionSpan)
		b = append(b, ',')
		b = strconv.AppendInt(b, sp.EntityID, 10)
		b = append(b, ',')
		key := ""
		if sp.EntityID != 0 {
			key = sp.EntityKey
		}
		b = appendString(b, key)
		b = append(b, ',')
		b = strconv.AppendFloat(b, q.Confidence, 'g', -1, 64)
		b = append(b, ']')
	}
	return append(b, ']'), nil
}

// appendSpeakers appends article_quotes.speakers for qs: for each quote,
// its folded speaker name and mention, all one a line.
func appendSpeakers(b []byte, qs []parallax.Quote) []byte {
	for i := range qs {
		if i > 0 {
			b = append(b, '\n')
		}
		b = ascii.AppendToLower(b, qs[i].Speaker.Name)
		b = append(b, '\n')
		b = ascii.AppendToLower(b, qs[i].Speaker.Mention)
	}
	return b
}

// decodeQuotes reads article_quotes.quotes, n quotes of the article with
// source text raw, into Quotes numbered from first.
func decodeQuotes(article, first int64, n int, data, raw string) ([]parallax.Quote, error) {
	r := quoteReader{s: data}
	qs := make([]parallax.Quote, 0, n)
	var p packedQuote
	r.expect('[')
	for !r.next(']') && r.err == nil {
		if len(qs) > 0 {
			r.expect(',')
		}
		p.read(&r)
		qs = append(qs, p.quote(&r, article, first+int64(len(qs)), raw))
	}
	if r.space(); r.err == nil && r.i < len(r.s) {
		r.fail()
	}
	return qs, r.err
}

// packedQuote is a quote of article_quotes.quotes as read leaves it:
// strings as their JSON literals (text "" when null), numbers as written,
// for the filters to convert only what they look at.
type packedQuote struct {
	kind, text, cue, name, mention, key string
	start, end, cueStart, cueEnd        string
	mentionStart, mentionEnd            string
	entity, conf                        string
}

// read reads the next quote of r, laid out as decodeQuotes reads it.
func (p *packedQuote) read(r *quoteReader) {
	r.expect('[')
	p.kind = r.lit()
	r.expect(',')
	p.text = ""
	if !r.null() {
		p.text = r.lit()
	}
	p.start, p.end = r.spanNums()
	p.cue = r.lit()
	p.cueStart, p.cueEnd = r.spanNums()
	p.name = r.lit()
	r.expect(',')
	p.mention = r.lit()
	p.mentionStart, p.mentionEnd = r.spanNums()
	p.entity = r.num()
	r.expect(',')
	p.key = r.lit()
	r.expect(',')
	p.conf = r.num()
	r.expect(']')
}

// textIn is the quote's text: its own, or its span of raw.
func (p *packedQuote) textIn(r *quoteReader, raw string) string {
	if p.text != "" {
		return r.unquote(p.text)
	}
	return r.toSpan(p.start, p.end).In(raw)
}

// quote decodes p as decodeQuotes does, as quote id of article.
func (p *packedQuote) quote(r *quoteReader, article, id int64, raw string) parallax.Quote {
	return parallax.Quote{
		ID:      id,
		Article: article,
		Kind:    parallax.QuoteKind(r.unquote(p.kind)),
		Text:    p.textIn(r, raw),
		Span:    r.toSpan(p.start, p.end),
		Cue:     r.unquote(p.cue),
		CueSpan: r.toSpan(p.cueStart, p.cueEnd),
		Speaker: parallax.Speaker{
			Name:        r.unquote(p.name),
			Mention:     r.unquote(p.mention),
			MentionSpan: r.toSpan(p.mentionStart, p.mentionEnd),
			EntityID:    r.atoi(p.entity),
			EntityKey:   r.unquote(p.key),
		},
		Confidence: r.atof(p.conf),
	}
}

// spanNums reads ",start,end," and returns the two numbers as written.
func (r *quoteReader) spanNums() (start, end string) {
	r.expect(',')
	start = r.num()
	r.expect(',')
	end = r.num()
	r.expect(',')
	return start, end
}

// toSpan converts the numbers spanNums returned.
func (r *quoteReader) toSpan(start, end string) parallax.Span {
	return parallax.Span{Start: int(r.atoi(start)), End: int(r.atoi(end))}
}

// num reads a number or null and returns it as written.
func (r *quoteReader) num() string {
	if r.null() {
		return "null"
	}
	start := r.i
	for ; r.i < len(r.s); r.i++ {
		if c := r.s[r.i]; (c < '0' || c > '9') && c != '-' && c != '+' && c != '.' && c != 'e' && c != 'E' {
			break
		}
	}
	if r.i == start {
		r.fail()
	}
	return r.s[start:r.i]
}

// atoi converts an integer num returned; null is 0.
func (r *quoteReader) atoi(num string) int64 {
	if num == "null" {
		return 0
	}
	n, err := strconv.ParseInt(num, 10, 64)
	if err != nil {
		r.fail()
	}
	return n
}

// atof converts a number num returned.
func (r *quoteReader) atof(num string) float64 {
	x, err := strconv.ParseFloat(num, 64)
	if err != nil {
		r.fail()
	}
	return x
}

var errPacked = errors.New("malformed packed JSON")

// quoteReader reads the JSON of article_quotes.quotes: arrays of strings,
// numbers and nulls, as appendQuotes and SQLite's json_array write them.
// Its first error sticks; later reads return zero values.
type quoteReader struct {
	s   string
	i   int
	err error
}

func (r *quoteReader) fail() {
	if r.err == nil {
		r.err = fmt.Errorf("%w at byte %d", errPacked, r.i)
	}
}

func (r *quoteReader) space() {
	for r.i < len(r.s) && (r.s[r.i] == ' ' || r.s[r.i] == '\n' || r.s[r.i] == '\t' || r.s[r.i] == '\r') {
		r.i++
	}
}

// next consumes c if it comes next.
func (r *quoteReader) next(c byte) bool {
	r.space()
	if r.err == nil && r.i < len(r.s) && r.s[r.i] == c {
		r.i++
		return true
	}
	return false
}

func (r *quoteReader) expect(c byte) {
	if !r.next(c) {
		r.fail()
	}
}

// unquote decodes a literal lit returned.
func (r *quoteReader) unquote(lit string) string {
	s, ok := jsonstr.Unquote(lit)
	if !ok {
		r.fail()
	}
	return s
}

// lit reads a JSON string and returns it as written, quotes included.
func (r *quoteReader) lit() string {
	if !r.next('"') {
		r.fail()
		return ""
	}
	start := r.i - 1
	for r.i < len(r.s) {
		switch r.s[r.i] {
		case '"':
			r.i++
			return r.s[start:r.i]
		case '\\':
			r.i++ // the escaped byte cannot end the string
		}
		r.i++
	}
	r.fail()
	return ""
}

// null consumes a null if it comes next.
func (r *quoteReader) null() bool {
	if r.space(); r.err == nil && strings.HasPrefix(r.s[r.i:], "null") {
		r.i += len("null")
		return true
	}
	return false
}

// entityMentions are the mentions of one entity in one article.
type entityMentions struct {
	entity   int64
	mentions []parallax.Mention
}

// appendMentions appends ms, by entity id, as article_mentions.mentions
// of an article whose source text is raw.
func appendMentions(b []byte, ms []entityMentions, raw string) []byte {
	b = append(b, '[')
	spans := make([]parallax.Span, 0, 16)
	for i, em := range ms {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"e":`...)
		b = strconv.AppendInt(b, em.entity, 10)
		b = append(b, `,"s":"`...)
		spans = spans[:0]
		own := false
		for _, m := range em.mentions {
			spans = append(spans, m.Span)
			own = own || m.Text != m.Span.In(raw)
		}
		b = hex.AppendEncode(b, encodeSpans(spans))
		b = append(b, `","k":[`...)
		for j, m := range em.mentions {
			if j > 0 {
				b = append(b, ',')
			}
			b = appendString(b, string(m.Kind))
		}
		b = append(b, `],"t":`...)
		if own {
			b = append(b, '[')
			for j, m := range em.mentions {
				if j > 0 {
					b = append(b, ',')
				}
				b = appendString(b, m.Text)
			}
			b = append(b, ']')
		} else {
			b = append(b, "null"...)
		}
		b = append(b, '}')
	}
	return append(b, ']')
}

// decodeMentions reads article_mentions.mentions of an article whose
// source text is raw.
func decodeMentions(data, raw string) ([]entityMentions, error) {
	var sms []storedMention
	if err := json.Unmarshal([]byte(data), &sms); err != nil {
		return nil, err
	}
	out := make([]entityMentions, len(sms))
	for i, sm := range sms {
		blob, err := hex.DecodeString(sm.Spans)
		if err != nil {
			return nil, fmt.Errorf("entity %d: %w", sm.Entity, err)
		}
		spans, err := decodeSpans(blob)
		if err != nil {
			return nil, fmt.Errorf("entity %d: %w", sm.Entity, err)
		}
		if len(sm.Kinds) != len(spans) || (sm.Texts != nil && len(sm.Texts) != len(spans)) {
			return nil, fmt.Errorf("entity %d: %d spans, %d kinds, %d texts", sm.Entity, len(spans), len(sm.Kinds), len(sm.Texts))
		}
		ms := make([]parallax.Mention, len(spans))
		for j, sp := range spans {
			ms[j] = parallax.Mention{Span: sp, Kind: parallax.MentionKind(sm.Kinds[j]), Text: sp.In(raw)}
			if sm.Texts != nil {
				ms[j].Text = sm.Texts[j]
			}
		}
		out[i] = entityMentions{entity: sm.Entity, mentions: ms}
	}
	return out, nil
}

// mentionsByEntity gathers the mentions of a's entities with ids by
// entity id; entities listed twice under one id share an entry.
func mentionsByEntity(a *parallax.Analysis) []entityMentions {
	out := make([]entityMentions, 0, len(a.Entities))
	for j := range a.Entities {
		e := &a.Entities[j]
		if e.ID == 0 || len(e.Mentions) == 0 {
			continue
		}
		if k := slices.IndexFunc(out, func(em entityMentions) bool { return em.entity == e.ID }); k >= 0 {
			// Clipped, the append copies: the first slice is the analysis's.
			out[k].mentions = append(slices.Clip(out[k].mentions), e.Mentions...)
			continue
		}
		out = append(out, entityMentions{entity: e.ID, mentions: e.Mentions})
	}
	slices.SortFunc(out, func(x, y entityMentions) int { return cmp.Compare(x.entity, y.entity) })
	return out
}

// appendSpan appends ",start,end".
func appendSpan(b []byte, s parallax.Span) []byte {
	b = append(b, ',')
	b = strconv.AppendInt(b, int64(s.Start), 10)
	b = append(b, ',')
	return strconv.AppendInt(b, int64(s.End), 10)
}

// appendString appends s as a JSON string. Like encoding/json, it turns
// invalid UTF-8 into U+FFFD.
func appendString(b []byte, s string) []byte {
	const hexDigits = "0123456789abcdef"
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c != '"' && c != '\\' && c < utf8.RuneSelf {
			i++
			continue
		}
		if c < utf8.RuneSelf {
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\n':
				b = append(b, `\n`...)
			case '\t':
				b = append(b, `\t`...)
			case '\r':
				b = append(b, `\r`...)
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i++
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
