package sqlite

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
	"unsafe"

	parallax "github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/internal/ascii"
	"github.com/parallax-news/parallax/internal/hashset"
)

// search is a user's full-text query: its terms, to match a text here,
// and match, the FTS5 expression they are read as, for a table with token
// positions (matches agrees with FTS5 on it; the indexes, which keep none,
// are queried with words): a text matches when it has all terms of any
// one group (AND binds tighter than OR).
type search struct {
	match string
	any   [][]phrase
}

// phrase is a search term as tokens; the last one matches as a prefix when
// prefix is set.
type phrase struct {
	tokens []string
	prefix bool
}

// parseSearch turns a user's search into a safe FTS5 MATCH expression.
// Every word becomes a quoted string, so FTS5 operators and punctuation in
// the input are taken as text. What it understands: "double-quoted
// phrases", a trailing * on a word for a prefix search, and OR (upper
// case) between two terms; terms are otherwise all required. A query with
// no letter or digit in it is invalid.
func parseSearch(q string) (search, error) {
	var terms []string // of the MATCH expression
	var s search
	var group []phrase
	or := false
	add := func(text string, prefix bool) {
		t := quoteFTS(text)
		if prefix {
			t += "*"
		}
		if or {
			terms = append(terms, "OR")
			s.any = append(s.any, group)
			group = nil
			or = false
		}
		terms = append(terms, t)
		group = append(group, phrase{tokens: appendTokens(nil, text), prefix: prefix})
	}
	for i := 0; i < len(q); {
		c := q[i]
		switch {
		case isSpace(c):
			i++
			continue
		case c == '"':
			j := strings.IndexByte(q[i+1:], '"')
			var text string
			if j < 0 {
				text, i = q[i+1:], len(q)
			} else {
				text, i = q[i+1:i+1+j], i+2+j
			}
			if hasWord(text) {
				add(text, false)
			}
			continue
		}
		j := i
		for j < len(q) && !isSpace(q[j]) && q[j] != '"' {
			j++
		}
		word := q[i:j]
		i = j
		if word == "OR" {
			or = len(terms) > 0
			continue
		}
		prefix := strings.HasSuffix(word, "*")
		word = strings.TrimRight(word, "*")
		if hasWord(word) {
			add(word, prefix)
		}
	}
	if len(terms) == 0 {
		return search{}, parallax.Errorf(parallax.EINVALID, "search %q has no words", q)
	}
	s.any = append(s.any, group)
	s.match = strings.Join(terms, " ")
	return s, nil
}

// words is the quote_fts MATCH expression for the search: each group's
// tokens, all required, the last of a prefix phrase as a prefix; "" when
// a group has none, for then it bounds nothing.
func (s *search) words() string {
	var b strings.Builder
	for i, group := range s.any {
		if i > 0 {
			b.WriteString(" OR ")
		}
		b.WriteByte('(')
		n := 0
		for _, p := range group {
			for k, t := range p.tokens {
				if n > 0 {
					b.WriteByte(' ')
				}
				n++
				b.WriteString(`"` + t + `"`)
				if p.prefix && k == len(p.tokens)-1 {
					b.WriteByte('*')
				}
			}
		}
		if n == 0 {
			return ""
		}
		b.WriteByte(')')
	}
	return b.String()
}

// hasPhrase reports whether a term of the search has several tokens.
func (s *search) hasPhrase() bool {
	for _, group := range s.any {
		for _, p := range group {
			if len(p.tokens) > 1 {
				return true
			}
		}
	}
	return false
}

// matchesColumns reports whether a row of these columns matches the
// search as FTS5 matches it: each term within one column; toks is scratch
// space, one per column.
func (s *search) matchesColumns(toks []tokens, cols ...string) bool {
	for i, c := range cols {
		toks[i].split(c)
	}
	toks = toks[:len(cols)]
groups:
	for _, group := range s.any {
		for _, p := range group {
			if !slices.ContainsFunc(toks, func(t tokens) bool { return p.in(&t) }) {
				continue groups
			}
		}
		return true
	}
	return false
}

// matches reports whether text matches the search, tokenized as
// appendTokens does; toks is scratch space.
func (s *search) matches(text string, toks *tokens) bool {
	if !s.mayMatch(text, toks) {
		return false
	}
	toks.split(text)
	for _, group := range s.any {
		all := true
		for _, p := range group {
			if !p.in(toks) {
				all = false
				break
			}
		}
		if all {
			return true
		}
	}
	return false
}

// mayMatch is a quick test before tokenizing: it reports false when text
// is ASCII and each group has a token that is not a substring of text
// lower-cased, for then it is none of text's tokens either. It uses
// toks.buf as scratch.
func (s *search) mayMatch(text string, toks *tokens) bool {
	b := toks.buf[:0]
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c >= utf8.RuneSelf {
			return true
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b = append(b, c)
	}
	toks.buf = b
groups:
	for _, group := range s.any {
		for _, p := range group {
			for _, t := range p.tokens {
				if !bytes.Contains(b, []byte(t)) {
					continue groups
				}
			}
		}
		return true
	}
	return false
}

// in reports whether the phrase occurs in toks. A phrase without tokens
// (where FTS5 would find some) requires nothing.
func (p phrase) in(toks *tokens) bool {
	n := len(p.tokens)
	if n == 0 {
		return true
	}
outer:
	for i := 0; i+n <= toks.len(); i++ {
		for k, t := range p.tokens {
			got := toks.at(i + k)
			if string(got) != t && !(p.prefix && k == n-1 && len(got) > len(t) && string(got[:len(t)]) == t) {
				continue outer
			}
		}
		return true
	}
	return false
}

// isSpace reports whether c separates terms: space and every control
// byte (FTS5 reads its query as a C string, so a NUL would end it early).
func isSpace(c byte) bool { return c <= ' ' || c == 0x7f }

// quoteFTS makes s an FTS5 string: in double quotes, inner quotes doubled,
// control bytes turned to spaces.
func quoteFTS(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('"')
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '"':
			b.WriteString(`""`)
		case isSpace(c):
			b.WriteByte(' ')
		default:
			b.WriteByte(c)
		}
	}
	b.WriteByte('"')
	return b.String()
}

func hasWord(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0
}

// appendTokens appends the tokens of s as FTS5's unicode61 tokenizer with
// remove_diacritics 2 makes them (see tokens.split).
func appendTokens(dst []string, s string) []string {
	var t tokens
	t.split(s)
	for i := range t.len() {
		dst = append(dst, string(t.at(i)))
	}
	return dst
}

// tokens are the tokens of a text, end to end in one buffer.
type tokens struct {
	buf  []byte
	ends []int // where each token ends in buf
}

func (t *tokens) len() int { return len(t.ends) }

func (t *tokens) at(i int) []byte {
	start := 0
	if i > 0 {
		start = t.ends[i-1]
	}
	return t.buf[start:t.ends[i]]
}

// split sets t to the tokens of s as FTS5's unicode61 tokenizer with
// remove_diacritics 2 makes them: runs of letters, digits and private-use
// characters (the combining diacritics it knows continue a run and are
// dropped), lower-cased, Latin letters without their diacritics. Its
// Unicode tables are older than Go's, so tokens may differ on characters
// new since (and on rare letters it folds as case folding does); quote
// searches, which match quotes here, rely on articles_fts first.
func (t *tokens) split(s string) {
	buf, ends := t.buf[:0], t.ends[:0]
	for i, ok := 0, false; ; {
		if buf, i, _, ok = appendToken(buf, s, i); !ok {
			break
		}
		ends = append(ends, len(buf))
	}
	t.buf, t.ends = buf, ends
}

// appendToken appends the first token of s[i:], as split makes it, to buf;
// next is where the rest starts, h the token's 64-bit FNV-1a hash, and ok
// is false when there is none.
func appendToken(buf []byte, s string, i int) (_ []byte, next int, h uint64, ok bool) {
	h = fnvOffset
	in := false // within a token
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			f := ascii.LowerAlnum[c]
			if f == 0 {
				if in {
					return buf, i + 1, h, true
				}
				i++
				continue
			}
			buf, in, i = append(buf, f), true, i+1
			h = (h ^ uint64(f)) * fnvPrime
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.Is(unicode.Co, r):
			n := len(buf)
			buf, in = utf8.AppendRune(buf, foldRune(r)), true
			for _, b := range buf[n:] {
				h = (h ^ uint64(b)) * fnvPrime
			}
		case in && isDiacritic(r):
		case in:
			return buf, i, h, true
		}
	}
	return buf, i, h, in
}

// foldRune lower-cases r, takes the diacritics off a Latin letter and
// folds the Greek letter variants as unicode61 does.
func foldRune(r rune) rune {
	r = unicode.ToLower(r)
	if b, ok := latinBase[r]; ok {
		return b
	}
	switch r {
	case 'µ':
		return 'μ'
	case 'ς':
		return 'σ'
	case 'ϐ':
		return 'β'
	case 'ϑ':
		return 'θ'
	case 'ϕ':
		return 'φ'
	case 'ϖ':
		return 'π'
	case 'ϰ':
		return 'κ'
	case 'ϱ':
		return 'ρ'
	case 'ϵ':
		return 'ε'
	}
	return r
}

// isDiacritic reports whether r is one of the combining marks unicode61
// removes inside a token.
func isDiacritic(r rune) bool {
	switch {
	case 0x300 <= r && r <= 0x304, 0x306 <= r && r <= 0x30c, r == 0x30f, r == 0x311, r == 0x31b,
		0x323 <= r && r <= 0x328, r == 0x32d, r == 0x32e, r == 0x330, r == 0x331:
		return true
	}
	return false
}

// latinBase maps the lower-case Latin letters unicode61 strips of their
// diacritics to the letter it leaves.
var latinBase = func() map[rune]rune {
	bases := map[rune]string{
		'a': "àáâãäåāăąǎǟǻȁȃȧḁạảấầẩẫậắằẳẵặ",
		'b': "ḃḅḇ",
		'c': "çćĉċčḉ",
		'd': "ďḋḍḏḑḓ",
		'e': "èéêëēĕėęěȅȇȩḕḗḙḛḝẹẻẽếềểễệ",
		'f': "ḟ",
		'g': "ĝğġģǧǵḡ",
		'h': "ĥȟḣḥḧḩḫẖ",
		'i': "ìíîïĩīĭįǐȉȋḭḯỉị",
		'j': "ĵǰ",
		'k': "ķǩḱḳḵ",
		'l': "ĺļľḷḹḻḽ",
		'm': "ḿṁṃ",
		'n': "ñńņňǹṅṇṉṋ",
		'o': "òóôõöōŏőơǒǫǭȍȏȫȭȯȱṍṏṑṓọỏốồổỗộớờởỡợ",
		'p': "ṕṗ",
		'r': "ŕŗřȑȓṙṛṝṟ",
		's': "śŝşšſșṡṣṥṧṩẛ",
		't': "ţťțṫṭṯṱẗ",
		'u': "ùúûüũūŭůűųưǔǖǘǚǜȕȗṳṵṷṹṻụủứừửữự",
		'v': "ṽṿ",
		'w': "ŵẁẃẅẇẉẘ",
		'x': "ẋẍ",
		'y': "ýÿŷȳẏẙỳỵỷỹ",
		'z': "źżžẑẓẕ",
	}
	m := map[rune]rune{}
	for base, letters := range bases {
		for _, r := range letters {
			m[r] = base
		}
	}
	return m
}()

// entityMatch is the entity_fts MATCH expression for the articles where
// any of the entities appears.
func entityMatch(ids ...int64) string {
	var b strings.Builder
	for i, id := range ids {
		if i > 0 {
			b.WriteString(" OR ")
		}
		b.WriteString(`"` + strconv.FormatInt(id, 10) + `"`)
	}
	return b.String()
}

// indexFTS adds the articles and their quotes past the fts_state marks
// to articles_fts and quote_fts and moves the marks, in tx.
func indexFTS(ctx context.Context, tx *sql.Tx) error {
	if err := indexQuotes(ctx, tx); err != nil {
		return err
	}
	return indexArticles(ctx, tx)
}

// indexArticles adds the articles past the fts_state mark to articles_fts
// and moves the mark, in tx. They go in one INSERT … SELECT, read back
// from the rows just written: FTS5 flushes its pending terms whenever a
// statement opens a statement journal (as multi-row statements do), so
// indexing last, in one statement, leaves few segments to merge.
func indexArticles(ctx context.Context, tx *sql.Tx) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO articles_fts(rowid, title, text)
		SELECT id, title, text FROM articles WHERE id > (SELECT upto FROM fts_state WHERE name = 'articles') ORDER BY id`)
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `UPDATE fts_state SET upto = (SELECT coalesce(max(id), 0) FROM articles) WHERE name = 'articles'`)
	return err
}

// quoteChunk is how many articles indexQuotes reads and indexes at a time.
const quoteChunk = 256

// indexQuotes adds the quote_fts documents of the articles past the
// fts_state mark, reading their quotes back, and moves the mark, in tx.
func indexQuotes(ctx context.Context, tx *sql.Tx) error {
	var from int64
	if err := tx.QueryRowContext(ctx, `SELECT upto FROM fts_state WHERE name = 'quotes'`).Scan(&from); err != nil {
		return err
	}
	var docs []byte
	var words quoteWords
	for {
		rows, err := tx.QueryContext(ctx, `SELECT aq.article, aq.first, aq.n, aq.quotes, a.raw
			FROM article_quotes aq JOIN articles a ON a.id = aq.article
			WHERE aq.article > ? ORDER BY aq.article LIMIT ?`, from, quoteChunk)
		if err != nil {
			return err
		}
		docs = docs[:0]
		for rows.Next() {
			var article, first int64
			var n int
			var data, raw string
			if err := rows.Scan(&article, &first, &n, &data, &raw); err != nil {
				rows.Close()
				return err
			}
			qs, err := decodeQuotes(article, first, n, data, raw)
			if err != nil {
				rows.Close()
				return fmt.Errorf("quotes of %d: %w", article, err)
			}
			docs = words.appendDoc(docs, article, qs)
			from = article
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		if len(docs) == 0 {
			break
		}
		if err := insertQuoteDocs(ctx, tx, append(docs, '}')); err != nil {
			return err
		}
	}
	_, err := tx.ExecContext(ctx, `UPDATE fts_state SET upto = (SELECT coalesce(max(id), 0) FROM articles) WHERE name = 'quotes'`)
	return err
}

// insertQuoteDocs adds quote_fts documents, a JSON object from article id
// to document, in one statement, so FTS5 makes one segment of them.
func insertQuoteDocs(ctx context.Context, tx *sql.Tx, docs []byte) error {
	// The statement reads docs before returning, and nothing changes
	// them meanwhile: it needs no copy of its own.
	_, err := tx.ExecContext(ctx, `INSERT INTO quote_fts(rowid, words)
		SELECT CAST(key AS INTEGER), value FROM json_each(?)`, unsafe.String(unsafe.SliceData(docs), len(docs)))
	return err
}

// quoteWords makes quote_fts documents.
type quoteWords struct {
	seen hashset.Set // hashes of the words in the document
}

// maxSeen bounds the slots a pooled quoteWords keeps (128 KiB).
const maxSeen = 1 << 14

// appendDoc adds an article's quote_fts document to a JSON object of them
// (opening it when b is empty): the words of its quotes as tokens.split
// makes them, each once (told apart by a 64-bit hash), separated by
// spaces. Letters and digits need no JSON escape.
func (w *quoteWords) appendDoc(b []byte, article int64, qs []parallax.Quote) []byte {
	b = openDoc(b, article)
	b = w.appendWords(b, qs)
	return append(b, '"')
}

// openDoc starts an article's document in a JSON object of them.
func openDoc(b []byte, article int64) []byte {
	if len(b) == 0 {
		b = append(b, '{')
	} else {
		b = append(b, ',')
	}
	b = append(b, '"')
	b = strconv.AppendInt(b, article, 10)
	return append(b, `":"`...)
}

// appendWords appends the words of an article's quote_fts document.
func (w *quoteWords) appendWords(b []byte, qs []parallax.Quote) []byte {
	w.seen.Reset(maxSeen)
	for i := range qs {
		text := qs[i].Text
		for j, ok := 0, false; ; {
			start := len(b)
			var h uint64
			if b, j, h, ok = appendToken(b, text, j); !ok {
				break
			}
			if w.seen.Add(h) {
				b = append(b, ' ')
			} else {
				b = b[:start]
			}
		}
	}
	return b
}

// prepared is the part of Save's work on one analysis that needs no
// database, made by Prepare: its quote_fts words.
type prepared struct {
	quoteWords []byte
}

var wordsPool = sync.Pool{New: func() any { return new(quoteWords) }}

// Prepare makes an analysis's quote_fts document ahead of Save; see
// parallax.Preparer.
func (db *DB) Prepare(a *parallax.Analysis) {
	w := wordsPool.Get().(*quoteWords)
	a.Prepared = &prepared{quoteWords: w.appendWords(nil, a.Quotes)}
	wordsPool.Put(w)
}

// The 64-bit FNV-1a hash's constants.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)
