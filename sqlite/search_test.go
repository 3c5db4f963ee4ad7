package sqlite_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode"

	parallax "github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/sqlite"
)

// searchFixture is a store of articles from several outlets, dated and
// undated, whose quotes come from many speakers: a few named ones, one
// found only by an alias of its entity, seventy sharing a name, and
// unnamed ones. It keeps the analyses it saved, ids filled.
type searchFixture struct {
	db       *sqlite.DB
	as       []*parallax.Analysis
	entities []*parallax.Entity // as stored
}

var ctx = context.Background()

var (
	fixtureWords = strings.Fields(`harbor flood barrier council budget river accord water plan vote
		ferry tariff storm levee mayor grain border treaty summit quota drought bridge pension strike`)
	fixtureOutlets = []string{"Coastal WIRE", "Wire Daily", "The Harbor Gazette", "Harbor Arts Review", "Nord Zürich Presse", ""}
	fixtureDates   = []string{"2023-11-20", "2024-01-01", "2024-05-15T09:30:00Z", "2024-05-16", "2024-12-31",
		"2025-01-01", "2025-02-03", "", "sometime"}
)

// fixtureSpeaker is who a generated quote is attributed to.
type fixtureSpeaker struct {
	key, name string
	aliases   []string
	mentions  []string // how the text names them before a quote
}

func fixtureSpeakers() []fixtureSpeaker {
	sp := []fixtureSpeaker{
		{"elena varga", "Elena Varga", []string{"Varga", "Ms Varga"}, []string{"Elena Varga", "Ms Varga", "She"}},
		{"tomas brenner", "Tomas Brenner", []string{"Brenner"}, []string{"Tomas Brenner", "Brenner", "He"}},
		{"zoë ärn", "Zoë Ärn", []string{"Ärn"}, []string{"Zoë Ärn", "ÄRN"}},
		// Only the entity's alias has "harbourmaster".
		{"ilse moor", "Ilse Moor", []string{"Moor", "The Harbourmaster"}, []string{"She", "Ilse Moor"}},
		{"", "a spokesman", nil, []string{"A spokesman"}},
		{"", "officials", nil, []string{"Officials"}},
	}
	for i := 1; i <= 70; i++ {
		name := fmt.Sprintf("Anna Kovacs %d", i)
		sp = append(sp, fixtureSpeaker{strings.ToLower(name), name, []string{name}, []string{name}})
	}
	return sp
}

// newSearchFixture saves n generated articles in two batches.
func newSearchFixture(t *testing.T, n int) *searchFixture {
	t.Helper()
	rng := rand.New(rand.NewPCG(5, 11))
	speakers := fixtureSpeakers()
	word := func() string {
		w := fixtureWords[rng.IntN(len(fixtureWords))]
		switch rng.IntN(8) {
		case 0:
			w = strings.ToUpper(w)
		case 1:
			w = strings.ToUpper(w[:1]) + w[1:]
		}
		return w
	}
	words := func(k int) string {
		ws := make([]string, k)
		for i := range ws {
			ws[i] = word()
		}
		return strings.Join(ws, " ")
	}
	kinds := []parallax.QuoteKind{parallax.Direct, parallax.Indirect, parallax.Mixed}
	confs := []float64{0.4, 0.63, 0.75, 0.9}
	var as []*parallax.Analysis
	for i := range n {
		a := &parallax.Analysis{}
		art := &a.Article
		art.Source = fmt.Sprintf("fixture/%d", i)
		art.Outlet = fixtureOutlets[i%len(fixtureOutlets)]
		art.Published = fixtureDates[(i/len(fixtureOutlets)+i)%len(fixtureDates)]
		art.Language = "en"
		var raw strings.Builder
		add := func(s string) parallax.Span {
			start := raw.Len()
			raw.WriteString(s)
			return parallax.Span{Start: start, End: raw.Len()}
		}
		art.TitleSpan = add(fmt.Sprintf("Report %d on the %s", i, word()))
		art.Title = art.TitleSpan.In(raw.String())
		add("\n\n")
		ents := map[string]int{}
		mention := func(sp fixtureSpeaker, m string, span parallax.Span) {
			j, ok := ents[sp.key]
			if !ok {
				j = len(a.Entities)
				ents[sp.key] = j
				a.Entities = append(a.Entities, parallax.Entity{Key: sp.key, Name: sp.name, Type: parallax.Person, Aliases: sp.aliases})
			}
			kind := parallax.MentionName
			if m == "She" || m == "He" {
				kind = parallax.MentionPronoun
			}
			a.Entities[j].Mentions = append(a.Entities[j].Mentions, parallax.Mention{Span: span, Text: m, Kind: kind})
		}
		if i == 0 {
			// Every named speaker is mentioned once, so each has an entity.
			para := raw.Len()
			for _, sp := range speakers {
				if sp.key != "" {
					mention(sp, sp.name, add(sp.name))
					add(", ")
				}
			}
			art.Paragraphs = append(art.Paragraphs, parallax.Span{Start: para, End: raw.Len()})
			add("\n\n")
		}
		for range 1 + rng.IntN(5) {
			para := raw.Len()
			add(words(4+rng.IntN(6)) + ". ")
			sp := speakers[rng.IntN(len(speakers))]
			if rng.IntN(3) == 0 {
				sp = speakers[rng.IntN(6)] // the named few speak more
			}
			m := sp.mentions[rng.IntN(len(sp.mentions))]
			mspan := add(m)
			cue := add(" said")
			add(": \"")
			text := words(3 + rng.IntN(8))
			switch rng.IntN(10) {
			case 0:
				text += " in Zürich, naïve"
			case 1:
				text = "Café " + text
			}
			qspan := add(text)
			add("\"")
			art.Paragraphs = append(art.Paragraphs, parallax.Span{Start: para, End: raw.Len()})
			add("\n\n")
			q := parallax.Quote{Kind: kinds[rng.IntN(len(kinds))], Text: text, Span: qspan, Cue: "said", CueSpan: cue,
				Confidence: confs[rng.IntN(len(confs))],
				Speaker:    parallax.Speaker{Name: sp.name, Mention: m, MentionSpan: mspan, EntityKey: sp.key}}
			switch rng.IntN(12) {
			case 0: // a text of its own, with what JSON escapes
				q.Text = text + " \"so\" \\ she\n\tsaid"
			case 1:
				q.Text = text + " (translated)"
			}
			a.Quotes = append(a.Quotes, q)
			if sp.key != "" {
				mention(sp, m, mspan)
			}
		}
		art.Raw = raw.String()
		var paras []string
		for _, p := range art.Paragraphs {
			paras = append(paras, p.In(art.Raw))
		}
		art.Text = strings.Join(paras, "\n\n")
		as = append(as, a)
	}
	db := openTemp(t, sqlite.Options{})
	t.Cleanup(func() { db.Close() })
	for _, batch := range [][]*parallax.Analysis{as[:n/2], as[n/2:]} {
		if _, err := db.Save(ctx, batch); err != nil {
			t.Fatal(err)
		}
	}
	fx := &searchFixture{db: db, as: as}
	err := db.Entities(ctx, parallax.EntityFilter{}, func(e *parallax.Entity) error {
		fx.entities = append(fx.entities, e)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return fx
}

// refTokens are the tokens of s as FTS5's unicode61 tokenizer with
// remove_diacritics makes them, for the letters the fixture has.
func refTokens(s string) []string {
	fold := strings.NewReplacer("é", "e", "ë", "e", "ä", "a", "ï", "i", "ü", "u")
	return strings.FieldsFunc(fold.Replace(strings.ToLower(s)), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsNumber(r)
	})
}

// refSearch is a search the way its syntax is documented: groups split by
// OR, each term a word, a "phrase" or a word* prefix; a document (its
// columns) matches when it has every term of one group, each term in one
// column.
type refSearch [][][]string // groups, terms, tokens; a prefix term ends in "*"

func parseRef(q string) refSearch {
	var s refSearch
	var group [][]string
	for _, part := range strings.Split(q, " OR ") {
		group = nil
		for part = strings.TrimSpace(part); part != ""; part = strings.TrimSpace(part) {
			var term string
			if part[0] == '"' {
				end := strings.IndexByte(part[1:], '"') + 1
				term, part = part[1:end], part[end+1:]
			} else {
				term, part, _ = strings.Cut(part, " ")
			}
			toks := refTokens(term)
			if strings.HasSuffix(term, "*") {
				toks[len(toks)-1] += "*"
			}
			group = append(group, toks)
		}
		s = append(s, group)
	}
	return s
}

func (s refSearch) match(columns ...string) bool {
	var cols [][]string
	for _, c := range columns {
		cols = append(cols, refTokens(c))
	}
	in := func(term, col []string) bool {
		for i := 0; i+len(term) <= len(col); i++ {
			ok := true
			for k, t := range term {
				got := col[i+k]
				if p, prefix := strings.CutSuffix(t, "*"); prefix {
					ok = ok && strings.HasPrefix(got, p)
				} else {
					ok = ok && got == t
				}
			}
			if ok {
				return true
			}
		}
		return false
	}
	for _, group := range s {
		all := true
		for _, term := range group {
			all = all && slices.ContainsFunc(cols, func(col []string) bool { return in(term, col) })
		}
		if all {
			return true
		}
	}
	return false
}

func refDay(a *parallax.Article) string {
	if len(a.Published) < 10 {
		return ""
	}
	if _, ok := a.PublishedTime(); !ok {
		return ""
	}
	return a.Published[:10]
}

func (fx *searchFixture) wantArticles(f parallax.ArticleFilter) []int64 {
	var out []int64
	for _, an := range fx.as {
		a := &an.Article
		d := refDay(a)
		switch {
		case len(f.IDs) > 0 && !slices.Contains(f.IDs, a.ID),
			f.Outlet != "" && !strings.Contains(strings.ToLower(a.Outlet), strings.ToLower(f.Outlet)),
			f.Since != "" && (d == "" || d < f.Since),
			f.Until != "" && (d == "" || d > f.Until),
			f.Query != "" && !parseRef(f.Query).match(a.Title, a.Text):
			continue
		}
		out = append(out, a.ID)
	}
	return out
}

func (fx *searchFixture) wantQuotes(f parallax.QuoteFilter) []parallax.Quote {
	speaker := strings.ToLower(f.Speaker)
	named := map[int64]bool{}
	for _, e := range fx.entities {
		if speaker != "" && (strings.Contains(strings.ToLower(e.Name), speaker) ||
			slices.ContainsFunc(e.Aliases, func(a string) bool { return strings.Contains(strings.ToLower(a), speaker) })) {
			named[e.ID] = true
		}
	}
	var out []parallax.Quote
	for _, an := range fx.as {
		a := &an.Article
		d := refDay(a)
		for _, q := range an.Quotes {
			sp := q.Speaker
			switch {
			case f.Article != 0 && q.Article != f.Article,
				f.Entity != 0 && sp.EntityID != f.Entity,
				f.Outlet != "" && !strings.Contains(strings.ToLower(a.Outlet), strings.ToLower(f.Outlet)),
				f.Since != "" && (d == "" || d < f.Since),
				f.Until != "" && (d == "" || d > f.Until),
				f.Kind != "" && q.Kind != f.Kind,
				f.MinConfidence > 0 && q.Confidence < f.MinConfidence,
				speaker != "" && !strings.Contains(strings.ToLower(sp.Name+"\n"+sp.Mention), speaker) && !named[sp.EntityID],
				f.Query != "" && !parseRef(f.Query).match(q.Text):
				continue
			}
			out = append(out, q)
		}
	}
	return out
}

// pages are the limit and offset pairs each filter is read with.
var pages = [][2]int{{0, 0}, {1, 0}, {2, 1}, {3, 4}, {0, 5}, {7, 0}, {1000, 0}, {5, 1000}}

func page[T any](all []T, limit, offset int) []T {
	all = all[min(offset, len(all)):]
	if limit > 0 {
		all = all[:min(limit, len(all))]
	}
	return all
}

// TestSearchFilters checks Articles and Quotes, filtered every way the
// API combines them and read a page at a time, against a plain filter
// over the saved analyses.
func TestSearchFilters(t *testing.T) {
	fx := newSearchFixture(t, 90)
	var some parallax.Quote // a quote with an entity, for the entity filter
	for _, an := range fx.as {
		for _, q := range an.Quotes {
			if q.Speaker.EntityKey == "elena varga" {
				some = q
			}
		}
	}
	queries := []string{"", "harbor", "FLOOD", "river vote", "tariff OR drought", "bri*", `"flood barrier"`,
		"cafe", "zurich plan", "so", "translated", "nowhere", "council OR nowhere", `"barrier flood"`, `"river vote" OR tariff`}
	articleFilters := []parallax.ArticleFilter{
		{},
		{Outlet: "wire"},
		{Outlet: "HARBOR"},
		{Outlet: "zürich"},
		{Outlet: "no such outlet"},
		{Since: "2024-05-15"},
		{Until: "2024-05-15"},
		{Since: "2024-05-15", Until: "2024-12-31"},
		{Since: "2024-05-16", Until: "2024-05-16"},
		{Since: "2030-01-01"},
		{Outlet: "wire", Since: "2024-01-01", Until: "2024-12-31"},
		{Outlet: "daily", Until: "2024-01-01"},
		{IDs: []int64{fx.as[3].Article.ID, fx.as[40].Article.ID, fx.as[77].Article.ID}},
	}
	quoteFilters := []parallax.QuoteFilter{
		{},
		{Speaker: "varga"},
		{Speaker: "HARBOURMASTER"}, // by its entity's alias only
		{Speaker: "spokes"},        // no entity has it
		{Speaker: "anna kovacs 7"}, // two entities
		{Speaker: "anna kovacs 1"}, // eleven
		{Speaker: "anna k"},        // seventy
		{Speaker: "ärn"},
		{Speaker: "nobody at all"},
		{Entity: some.Speaker.EntityID},
		{Article: some.Article},
		{Outlet: "wire"},
		{Outlet: "harbor", Speaker: "brenner"},
		{Outlet: "no such outlet"},
		{Kind: parallax.Mixed},
		{MinConfidence: 0.7},
		{Kind: parallax.Direct, MinConfidence: 0.7, Speaker: "she"},
		{Outlet: "gazette", Entity: some.Speaker.EntityID, Kind: parallax.Indirect},
		{Since: "2024-05-15"},
		{Until: "2024-05-15"},
		{Since: "2024-05-16", Until: "2024-05-16"},
		{Since: "2030-01-01"},
		{Since: "2025-01-01", Until: "2024-01-01"},
		{Since: "2024-01-01", Until: "2024-12-31", Speaker: "varga"},
		{Until: "2024-05-16", Speaker: "HARBOURMASTER"},
		{Since: "2024-05-15", Speaker: "anna k"},
		{Since: "2024-01-01", Entity: some.Speaker.EntityID},
		{Until: "2025-01-01", Article: some.Article},
		{Outlet: "wire", Since: "2024-01-01", Until: "2024-12-31"},
		{Outlet: "harbor", Until: "2024-05-16", Kind: parallax.Direct, MinConfidence: 0.7},
	}
	nonEmpty := 0
	for _, q := range queries {
		for _, af := range articleFilters {
			af.Query = q
			want := fx.wantArticles(af)
			if len(want) > 0 {
				nonEmpty++
			}
			for _, p := range pages {
				f := af
				f.Limit, f.Offset = p[0], p[1]
				var got []int64
				err := fx.db.Articles(ctx, f, func(a *parallax.Article) error { got = append(got, a.ID); return nil })
				if err != nil {
					t.Fatalf("Articles(%+v): %v", f, err)
				}
				if w := page(want, f.Limit, f.Offset); !slices.Equal(got, w) {
					t.Errorf("Articles(%+v) = %v, want %v", f, got, w)
				}
			}
		}
		for _, qf := range quoteFilters {
			qf.Query = q
			want := fx.wantQuotes(qf)
			if len(want) > 0 {
				nonEmpty++
			}
			for _, p := range pages {
				f := qf
				f.Limit, f.Offset = p[0], p[1]
				var got []parallax.Quote
				err := fx.db.Quotes(ctx, f, func(q *parallax.Quote) error { got = append(got, *q); return nil })
				if err != nil {
					t.Fatalf("Quotes(%+v): %v", f, err)
				}
				if w := page(want, f.Limit, f.Offset); !reflect.DeepEqual(got, w) && (len(got) > 0 || len(w) > 0) {
					t.Errorf("Quotes(%+v): %d quotes %v, want %d %v", f, len(got), quoteIDs(got), len(w), quoteIDs(w))
				}
			}
		}
	}
	// The fixture must make most combinations find something.
	if total := len(queries) * (len(articleFilters) + len(quoteFilters)); nonEmpty < total/2 {
		t.Errorf("only %d of %d filter combinations match anything", nonEmpty, total)
	}
}

func quoteIDs(qs []parallax.Quote) []int64 {
	var ids []int64
	for _, q := range qs {
		ids = append(ids, q.ID)
	}
	return ids
}

// TestSearchStopsAtLimit checks that a page of quotes ends where fn
// stops asking, across articles, and that an error from fn comes back.
func TestSearchStopsAtLimit(t *testing.T) {
	fx := newSearchFixture(t, 30)
	want := fx.wantQuotes(parallax.QuoteFilter{Query: "harbor OR flood"})
	if len(want) < 4 {
		t.Fatalf("fixture has %d matching quotes", len(want))
	}
	stop := fmt.Errorf("stop")
	var got []int64
	err := fx.db.Quotes(ctx, parallax.QuoteFilter{Query: "harbor OR flood"}, func(q *parallax.Quote) error {
		got = append(got, q.ID)
		if len(got) == 3 {
			return stop
		}
		return nil
	})
	if err != stop || !slices.Equal(got, quoteIDs(want[:3])) {
		t.Errorf("Quotes stopped by fn: %v, %v; want %v, stop", got, err, quoteIDs(want[:3]))
	}
}
