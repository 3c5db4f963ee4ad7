package storetest

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	parallax "github.com/parallax-news/parallax"
)

// Run runs the conformance suite. open must return a new, empty store for
// each call; Run closes it when the subtest ends. Corpus tests run when
// the store also implements parallax.CorpusStore.
func Run(t *testing.T, open func(t *testing.T) parallax.Store) {
	tests := []struct {
		name string
		fn   func(*testing.T, parallax.Store)
	}{
		{"SaveRoundTrip", testSaveRoundTrip},
		{"SaveFillsIDs", testSaveFillsIDs},
		{"SaveIdempotent", testSaveIdempotent},
		{"SaveDuplicateInBatch", testSaveDuplicateInBatch},
		{"HasSource", testHasSource},
		{"EntityMerge", testEntityMerge},
		{"ArticleNotFound", testArticleNotFound},
		{"ArticleFilters", testArticleFilters},
		{"QuoteFilters", testQuoteFilters},
		{"QuoteDateRange", testQuoteDateRange},
		{"EntityFilters", testEntityFilters},
		{"FullTextQuerySafe", testFullTextQuerySafe},
		{"StreamStops", testStreamStops},
		{"CancelledSaveStoresNothing", testCancelledSave},
		{"CancelDuringSaveAllOrNothing", testCancelDuringSave},
		{"ConcurrentUse", testConcurrent},
		{"Stats", testStats},
		{"Features", corpus(testFeatures)},
		{"Duplicates", corpus(testDuplicates)},
		{"Stories", corpus(testStories)},
		{"Statements", corpus(testStatements)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := open(t)
			t.Cleanup(func() {
				if err := s.Close(); err != nil {
					t.Errorf("Close: %v", err)
				}
			})
			tc.fn(t, s)
		})
	}
}

// corpus adapts a CorpusStore test, skipping stores without one.
func corpus(fn func(*testing.T, parallax.Store, parallax.CorpusStore)) func(*testing.T, parallax.Store) {
	return func(t *testing.T, s parallax.Store) {
		cs, ok := s.(parallax.CorpusStore)
		if !ok {
			t.Skip("store does not implement parallax.CorpusStore")
		}
		fn(t, s, cs)
	}
}

// The fixture: three outlets telling of one event, plus an unrelated piece.
const (
	rawHarbor = `HEADER junk line

Harbor Council Approves Flood Barrier

The Harbor Council voted on Tuesday to build a flood barrier. Mayor Elena Varga said the vote was close.

"We cannot wait for the next storm to decide for us," Elena Varga said after the meeting.

Critics, led by Tomas Brenner, argued the cost was too high. "This barrier is a monument to waste," Tomas Brenner said.`

	rawWire = `Flood barrier wins council backing

The council backed the barrier 7 to 4. Elena Varga, the mayor, welcomed the result.

"We cannot wait for the next storm," Elena Varga told reporters.

Opponent Tomas Brenner called it "a monument to waste and vanity" in a statement.`

	rawBlog = `Barrier vote: what it means

Residents of the lower district will see construction start in spring, according to Ines Kowalczyk of the planning office.

"Construction begins in April and lasts two years," Ines Kowalczyk said.`

	rawOther = `Orchestra opens season with premiere

The city orchestra opened its season with a new symphony by Marek Olsen.

"It is the loudest piece I have ever written," Marek Olsen said, laughing.`
)

// fixture returns fresh analyses of the four texts.
func fixture() []*parallax.Analysis {
	as := []*parallax.Analysis{
		Build(rawHarbor, "harbor.txt", "The Harbor Gazette", "2024-05-14"),
		Build(rawWire, "wire.jsonl#1", "Coastal WIRE", "2024-05-15T09:30:00Z"),
		Build(rawBlog, "blog.html", "Lower District Blog", "2024-05-20"),
		Build(rawOther, "other.txt", "Harbor Arts Review", ""),
	}
	as[0].Article.Meta = map[string]any{"section": "city", "tags": []any{"flood", "council"}}
	as[0].Article.Byline = "By A. Writer"
	as[0].Article.Dateline = "HARBOR CITY"
	as[0].Article.URL = "https://example.org/harbor/1"
	as[0].Article.SourceID = "h-1"
	as[0].Article.DateSpan = parallax.Span{Start: 0, End: 6}
	as[0].Article.DatelineSpan = parallax.Span{Start: 7, End: 11}
	as[1].Quotes[len(as[1].Quotes)-1].Kind = parallax.Mixed
	return as
}

var ctx = context.Background()

func save(t *testing.T, s parallax.Store, as []*parallax.Analysis) []parallax.SaveResult {
	t.Helper()
	res, err := s.Save(ctx, as)
	if err != nil {
		t.Fatalf("Save: %v", err)
	}
	if len(res) != len(as) {
		t.Fatalf("Save returned %d results for %d analyses", len(res), len(as))
	}
	return res
}

func articles(t *testing.T, s parallax.Store, f parallax.ArticleFilter) []*parallax.Article {
	t.Helper()
	var out []*parallax.Article
	if err := s.Articles(ctx, f, func(a *parallax.Article) error { out = append(out, a); return nil }); err != nil {
		t.Fatalf("Articles(%+v): %v", f, err)
	}
	return out
}

func quotes(t *testing.T, s parallax.Store, f parallax.QuoteFilter) []*parallax.Quote {
	t.Helper()
	var out []*parallax.Quote
	if err := s.Quotes(ctx, f, func(q *parallax.Quote) error { out = append(out, q); return nil }); err != nil {
		t.Fatalf("Quotes(%+v): %v", f, err)
	}
	return out
}

func entities(t *testing.T, s parallax.Store, f parallax.EntityFilter) []*parallax.Entity {
	t.Helper()
	var out []*parallax.Entity
	if err := s.Entities(ctx, f, func(e *parallax.Entity) error { out = append(out, e); return nil }); err != nil {
		t.Fatalf("Entities(%+v): %v", f, err)
	}
	return out
}

func articleIDs(as []*parallax.Article) []int64 {
	ids := make([]int64, len(as))
	for i, a := range as {
		ids[i] = a.ID
	}
	return ids
}

func stats(t *testing.T, s parallax.Store) parallax.Stats {
	t.Helper()
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatalf("Stats: %v", err)
	}
	return st
}

func testSaveRoundTrip(t *testing.T, s parallax.Store) {
	as := fixture()
	want := as[0].Article // copy before Save fills ids
	res := save(t, s, as)
	got, err := s.Article(ctx, res[0].ID)
	if err != nil {
		t.Fatalf("Article(%d): %v", res[0].ID, err)
	}
	if got.Ingested.IsZero() {
		t.Error("Ingested is zero")
	}
	want.ID = res[0].ID
	got.Ingested, want.Ingested = time.Time{}, time.Time{}
	if !reflect.DeepEqual(got, &want) {
		t.Errorf("Article round trip:\n got %+v\nwant %+v", got, &want)
	}
	for _, p := range got.Paragraphs {
		if !p.Valid(len(got.Raw)) {
			t.Errorf("paragraph %v out of raw bounds %d", p, len(got.Raw))
		}
	}
	// Without WithRaw the raw text stays behind; the rest comes.
	list := articles(t, s, parallax.ArticleFilter{IDs: []int64{res[0].ID}})
	if len(list) != 1 {
		t.Fatalf("Articles by id: %d results", len(list))
	}
	if list[0].Raw != "" || list[0].Paragraphs != nil {
		t.Errorf("Articles without WithRaw filled Raw (%d bytes) / Paragraphs (%d)", len(list[0].Raw), len(list[0].Paragraphs))
	}
	if list[0].Text != want.Text || list[0].Title != want.Title || list[0].Outlet != want.Outlet {
		t.Errorf("Articles without WithRaw lost fields: %+v", list[0])
	}
	list = articles(t, s, parallax.ArticleFilter{IDs: []int64{res[0].ID}, WithRaw: true})
	if len(list) != 1 || list[0].Raw != want.Raw || !reflect.DeepEqual(list[0].Paragraphs, want.Paragraphs) {
		t.Errorf("Articles WithRaw did not fill Raw and Paragraphs")
	}
	// Quotes come back as saved.
	qs := quotes(t, s, parallax.QuoteFilter{Article: res[0].ID})
	if len(qs) != len(as[0].Quotes) {
		t.Fatalf("Quotes of article: %d, want %d", len(qs), len(as[0].Quotes))
	}
	for i, q := range qs {
		w := as[0].Quotes[i]
		if !reflect.DeepEqual(*q, w) {
			t.Errorf("quote %d:\n got %+v\nwant %+v", i, *q, w)
		}
		if q.Span.In(got.Raw) != q.Text {
			t.Errorf("quote %d span %v does not cover its text in Raw", i, q.Span)
		}
	}
}

func testSaveFillsIDs(t *testing.T, s parallax.Store) {
	as := fixture()
	res := save(t, s, as)
	seen := map[int64]bool{}
	quoteIDs := map[int64]bool{}
	for i, a := range as {
		r := res[i]
		if !r.Created || r.ID <= 0 || seen[r.ID] {
			t.Errorf("result %d = %+v; want a new, distinct id", i, r)
		}
		seen[r.ID] = true
		if a.Article.ID != r.ID {
			t.Errorf("analysis %d Article.ID = %d, want %d", i, a.Article.ID, r.ID)
		}
		keyID := map[string]int64{}
		for _, e := range a.Entities {
			if e.ID <= 0 {
				t.Errorf("analysis %d entity %q has no id", i, e.Key)
			}
			keyID[e.Key] = e.ID
		}
		for j, q := range a.Quotes {
			if q.ID <= 0 || quoteIDs[q.ID] {
				t.Errorf("analysis %d quote %d id %d not new and distinct", i, j, q.ID)
			}
			quoteIDs[q.ID] = true
			if q.Article != r.ID {
				t.Errorf("analysis %d quote %d Article = %d, want %d", i, j, q.Article, r.ID)
			}
			if q.Speaker.EntityKey != "" && q.Speaker.EntityID != keyID[q.Speaker.EntityKey] {
				t.Errorf("analysis %d quote %d EntityID = %d, want %d (key %q)", i, j, q.Speaker.EntityID, keyID[q.Speaker.EntityKey], q.Speaker.EntityKey)
			}
		}
	}
	// Stored quotes carry the same ids and entity links.
	for _, q := range quotes(t, s, parallax.QuoteFilter{}) {
		if !quoteIDs[q.ID] {
			t.Errorf("stored quote %d was not reported by Save", q.ID)
		}
	}
	if len(quoteIDs) == 0 {
		t.Fatal("fixture has no quotes")
	}
}

func testSaveIdempotent(t *testing.T, s parallax.Store) {
	first := save(t, s, fixture())
	before := stats(t, s)
	again := fixture()
	second := save(t, s, again)
	for i := range first {
		if second[i].Created || second[i].ID != first[i].ID {
			t.Errorf("re-save %d = %+v, want {ID:%d Created:false}", i, second[i], first[i].ID)
		}
		if again[i].Article.ID != first[i].ID {
			t.Errorf("re-save %d Article.ID = %d, want %d", i, again[i].Article.ID, first[i].ID)
		}
	}
	if after := stats(t, s); after != before {
		t.Errorf("stats changed on re-save: %+v -> %+v", before, after)
	}
}

func testSaveDuplicateInBatch(t *testing.T, s parallax.Store) {
	a := Build(rawBlog, "one.txt", "Blog", "2024-05-20")
	b := Build(rawBlog, "two.txt", "Blog Mirror", "2024-05-21")
	res := save(t, s, []*parallax.Analysis{a, b})
	if !res[0].Created || res[1].Created || res[1].ID != res[0].ID {
		t.Errorf("results %+v; want the second to repeat the first's id, not created", res)
	}
	if st := stats(t, s); st.Articles != 1 || st.Quotes != len(a.Quotes) {
		t.Errorf("stats %+v; want 1 article and %d quotes", st, len(a.Quotes))
	}
}

func testHasSource(t *testing.T, s parallax.Store) {
	a := Build(rawHarbor, "in/harbor.txt", "Gazette", "2024-05-14")
	rawHash := parallax.RawHash(a.Article.Raw)
	if ok, err := s.HasSource(ctx, "in/harbor.txt", rawHash); err != nil || ok {
		t.Fatalf("HasSource before save = %v, %v; want false", ok, err)
	}
	save(t, s, []*parallax.Analysis{a})
	// The same body from another source with different raw text: not a
	// new article, but the new source is remembered.
	b := Build("\n\n"+rawHarbor, "mirror/harbor.html", "Gazette", "2024-05-14")
	b.Article.Text, b.Article.Hash = a.Article.Text, a.Article.Hash
	if res := save(t, s, []*parallax.Analysis{b}); res[0].Created {
		t.Error("same body from a second source was stored again")
	}
	cases := []struct {
		name, source, hash string
		want               bool
	}{
		{"first source", "in/harbor.txt", rawHash, true},
		{"second source", "mirror/harbor.html", parallax.RawHash(b.Article.Raw), true},
		{"first source other text", "in/harbor.txt", parallax.RawHash("something else"), false},
		{"unknown source", "nowhere.txt", rawHash, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ok, err := s.HasSource(ctx, tc.source, tc.hash)
			if err != nil || ok != tc.want {
				t.Errorf("HasSource(%q) = %v, %v; want %v", tc.source, ok, err, tc.want)
			}
		})
	}
}

func testEntityMerge(t *testing.T, s parallax.Store) {
	mk := func(raw, name string, aliases, titles []string) *parallax.Analysis {
		a := Build(raw, name+".txt", "Outlet", "2024-01-01")
		a.Entities = []parallax.Entity{{Key: "nadia petrova", Name: name, Type: parallax.Person,
			Aliases: aliases, Titles: titles,
			Mentions: []parallax.Mention{{Span: parallax.Span{Start: 0, End: 5}, Text: raw[:5], Kind: parallax.MentionName}}}}
		a.Quotes = []parallax.Quote{{Kind: parallax.Indirect, Text: raw[6:20], Span: parallax.Span{Start: 6, End: 20},
			Speaker: parallax.Speaker{Name: name, Mention: raw[:5], MentionSpan: parallax.Span{Start: 0, End: 5}, EntityKey: "nadia petrova"}}}
		return a
	}
	a := mk("Petrova said the plan would pass easily.", "Petrova", []string{"Petrova"}, nil)
	b := mk("Nadia Petrova, the minister, said it would not.", "Nadia Petrova", []string{"Nadia Petrova", "Petrova", "Ms Petrova"}, []string{"minister"})
	c := mk("Petrova again refused to comment on the plan.", "Petrova", []string{"Petrova"}, []string{"Minister of Finance"})
	save(t, s, []*parallax.Analysis{a})
	save(t, s, []*parallax.Analysis{b, c})
	if a.Entities[0].ID == 0 || a.Entities[0].ID != b.Entities[0].ID || b.Entities[0].ID != c.Entities[0].ID {
		t.Fatalf("entity ids %d, %d, %d; want one id", a.Entities[0].ID, b.Entities[0].ID, c.Entities[0].ID)
	}
	es := entities(t, s, parallax.EntityFilter{})
	if len(es) != 1 {
		t.Fatalf("%d entities stored, want 1", len(es))
	}
	e := es[0]
	if e.Name != "Nadia Petrova" || e.Key != "nadia petrova" || e.Type != parallax.Person {
		t.Errorf("merged entity %+v; want the fullest name", e)
	}
	if got, want := sorted(e.Aliases), []string{"Ms Petrova", "Nadia Petrova", "Petrova"}; !slices.Equal(got, want) {
		t.Errorf("aliases %q, want %q", got, want)
	}
	if got, want := sorted(e.Titles), []string{"Minister of Finance", "minister"}; !slices.Equal(got, want) {
		t.Errorf("titles %q, want %q", got, want)
	}
	qs := quotes(t, s, parallax.QuoteFilter{Entity: e.ID})
	if len(qs) != 3 {
		t.Errorf("quotes of the merged entity: %d, want 3", len(qs))
	}
	for _, q := range qs {
		if q.Speaker.EntityKey != "nadia petrova" || q.Speaker.EntityID != e.ID {
			t.Errorf("quote %d speaker %+v", q.ID, q.Speaker)
		}
	}
}

func sorted(ss []string) []string {
	out := slices.Clone(ss)
	slices.Sort(out)
	return out
}

func testArticleNotFound(t *testing.T, s parallax.Store) {
	save(t, s, fixture())
	for _, id := range []int64{0, -1, 999999} {
		if _, err := s.Article(ctx, id); !errors.Is(err, parallax.ErrNotFound) {
			t.Errorf("Article(%d) error = %v, want ErrNotFound", id, err)
		}
	}
}

func testArticleFilters(t *testing.T, s parallax.Store) {
	res := save(t, s, fixture())
	harbor, wire, blog, other := res[0].ID, res[1].ID, res[2].ID, res[3].ID
	cases := []struct {
		name string
		f    parallax.ArticleFilter
		want []int64
	}{
		{"all", parallax.ArticleFilter{}, []int64{harbor, wire, blog, other}},
		{"ids", parallax.ArticleFilter{IDs: []int64{other, harbor}}, []int64{harbor, other}},
		{"outlet substring any case", parallax.ArticleFilter{Outlet: "hArBoR"}, []int64{harbor, other}},
		{"outlet upper stored", parallax.ArticleFilter{Outlet: "coastal wire"}, []int64{wire}},
		{"outlet none", parallax.ArticleFilter{Outlet: "nothing"}, nil},
		{"since", parallax.ArticleFilter{Since: "2024-05-15"}, []int64{wire, blog}},
		{"until inclusive with time", parallax.ArticleFilter{Until: "2024-05-15"}, []int64{harbor, wire}},
		{"since until", parallax.ArticleFilter{Since: "2024-05-15", Until: "2024-05-19"}, []int64{wire}},
		{"query word", parallax.ArticleFilter{Query: "symphony"}, []int64{other}},
		{"query title word", parallax.ArticleFilter{Query: "premiere"}, []int64{other}},
		{"query all words", parallax.ArticleFilter{Query: "barrier mayor"}, []int64{harbor, wire}},
		{"query phrase", parallax.ArticleFilter{Query: `"monument to waste"`}, []int64{harbor, wire}},
		{"query phrase order matters", parallax.ArticleFilter{Query: `"waste to monument"`}, nil},
		{"query prefix", parallax.ArticleFilter{Query: "constr*"}, []int64{blog}},
		{"query or", parallax.ArticleFilter{Query: "symphony OR construction"}, []int64{blog, other}},
		{"query and outlet", parallax.ArticleFilter{Query: "barrier", Outlet: "gazette"}, []int64{harbor}},
		{"limit", parallax.ArticleFilter{Limit: 2}, []int64{harbor, wire}},
		{"limit offset", parallax.ArticleFilter{Limit: 2, Offset: 1}, []int64{wire, blog}},
		{"offset only", parallax.ArticleFilter{Offset: 3}, []int64{other}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := articleIDs(articles(t, s, tc.f))
			if !slices.Equal(got, tc.want) {
				t.Errorf("Articles(%+v) = %v, want %v", tc.f, got, tc.want)
			}
		})
	}
	for _, f := range []parallax.ArticleFilter{{Since: "last week"}, {Until: "2024-13-45"}} {
		err := s.Articles(ctx, f, func(*parallax.Article) error { return nil })
		if parallax.ErrorCode(err) != parallax.EINVALID {
			t.Errorf("Articles(%+v) error %v, want code %s", f, err, parallax.EINVALID)
		}
	}
}

func testQuoteFilters(t *testing.T, s parallax.Store) {
	as := fixture()
	res := save(t, s, as)
	var all []int64
	byText := map[string]int64{}
	for _, a := range as {
		for _, q := range a.Quotes {
			all = append(all, q.ID)
			byText[q.Text] = q.ID
		}
	}
	idsWhere := func(keep func(a *parallax.Analysis, q parallax.Quote) bool) []int64 {
		var out []int64
		for _, a := range as {
			for _, q := range a.Quotes {
				if keep(a, q) {
					out = append(out, q.ID)
				}
			}
		}
		return out
	}
	varga := as[0].Entities[slices.IndexFunc(as[0].Entities, func(e parallax.Entity) bool { return e.Key == "elena varga" })].ID
	cases := []quoteCase{
		{"all in order", parallax.QuoteFilter{}, all},
		{"article", parallax.QuoteFilter{Article: res[1].ID}, idsWhere(func(a *parallax.Analysis, _ parallax.Quote) bool { return a.Article.ID == res[1].ID })},
		{"speaker name any case", parallax.QuoteFilter{Speaker: "BRENNER"}, idsWhere(func(a *parallax.Analysis, q parallax.Quote) bool { return speaks(a, q, "brenner") })},
		{"speaker alias", parallax.QuoteFilter{Speaker: "varga"}, idsWhere(func(a *parallax.Analysis, q parallax.Quote) bool { return speaks(a, q, "varga") })},
		{"entity", parallax.QuoteFilter{Entity: varga}, idsWhere(func(_ *parallax.Analysis, q parallax.Quote) bool { return q.Speaker.EntityID == varga })},
		{"outlet", parallax.QuoteFilter{Outlet: "wire"}, idsWhere(func(a *parallax.Analysis, _ parallax.Quote) bool { return a.Article.ID == res[1].ID })},
		{"kind", parallax.QuoteFilter{Kind: parallax.Mixed}, idsWhere(func(_ *parallax.Analysis, q parallax.Quote) bool { return q.Kind == parallax.Mixed })},
		{"min confidence", parallax.QuoteFilter{MinConfidence: 0.5}, idsWhere(func(_ *parallax.Analysis, q parallax.Quote) bool { return q.Confidence >= 0.5 })},
		{"query", parallax.QuoteFilter{Query: "storm"}, idsWhere(func(_ *parallax.Analysis, q parallax.Quote) bool { return strings.Contains(q.Text, "storm") })},
		{"query phrase", parallax.QuoteFilter{Query: `"loudest piece"`}, []int64{byText["It is the loudest piece I have ever written,"]}},
		{"query and speaker", parallax.QuoteFilter{Query: "waste", Speaker: "brenner"}, idsWhere(func(a *parallax.Analysis, q parallax.Quote) bool {
			return strings.Contains(q.Text, "waste") && speaks(a, q, "brenner")
		})},
		{"query or", parallax.QuoteFilter{Query: "storm OR vanity"}, idsWhere(func(_ *parallax.Analysis, q parallax.Quote) bool {
			return strings.Contains(q.Text, "storm") || strings.Contains(q.Text, "vanity")
		})},
		{"query prefix", parallax.QuoteFilter{Query: "CONSTR*"}, idsWhere(func(_ *parallax.Analysis, q parallax.Quote) bool {
			return strings.Contains(q.Text, "Construction")
		})},
		{"nothing: words of two quotes", parallax.QuoteFilter{Query: "storm vanity"}, nil},
		{"limit offset", parallax.QuoteFilter{Limit: 2, Offset: 1}, all[1:3]},
		{"nothing", parallax.QuoteFilter{Speaker: "nobody at all"}, nil},
	}
	if len(all) < 6 || varga == 0 {
		t.Fatalf("fixture too small: %d quotes, varga id %d", len(all), varga)
	}
	runQuoteCases(t, s, cases)
}

// testQuoteDateRange filters quotes on their article's published day:
// bounds inclusive, a timestamp counted on its date, the undated article
// left out by either bound, and combined with the other filters.
func testQuoteDateRange(t *testing.T, s parallax.Store) {
	as := fixture() // published 2024-05-14, 2024-05-15T09:30:00Z, 2024-05-20 and undated
	save(t, s, as)
	harbor, wire, blog, other := &as[0].Article, &as[1].Article, &as[2].Article, &as[3].Article
	if other.Published != "" {
		t.Fatalf("fixture's last article is dated %q", other.Published)
	}
	idsWhere := func(keep func(a *parallax.Article, q parallax.Quote) bool) []int64 {
		var out []int64
		for _, an := range as {
			for _, q := range an.Quotes {
				if keep(&an.Article, q) {
					out = append(out, q.ID)
				}
			}
		}
		return out
	}
	of := func(arts ...*parallax.Article) []int64 {
		return idsWhere(func(a *parallax.Article, _ parallax.Quote) bool { return slices.Contains(arts, a) })
	}
	dated := of(harbor, wire, blog)
	cases := []quoteCase{
		{"since first day", parallax.QuoteFilter{Since: "2024-05-14"}, dated},
		{"since leaves out the day before", parallax.QuoteFilter{Since: "2024-05-15"}, of(wire, blog)},
		{"until last day", parallax.QuoteFilter{Until: "2024-05-20"}, dated},
		{"until leaves out the day after", parallax.QuoteFilter{Until: "2024-05-19"}, of(harbor, wire)},
		{"until a timestamp's day", parallax.QuoteFilter{Until: "2024-05-15"}, of(harbor, wire)},
		{"one day", parallax.QuoteFilter{Since: "2024-05-15", Until: "2024-05-15"}, of(wire)},
		{"open since leaves out undated", parallax.QuoteFilter{Since: "1900-01-01"}, dated},
		{"open until leaves out undated", parallax.QuoteFilter{Until: "2999-12-31"}, dated},
		{"range and speaker", parallax.QuoteFilter{Since: "2024-05-15", Until: "2024-05-20", Speaker: "brenner"},
			idsWhere(func(a *parallax.Article, q parallax.Quote) bool { return a == wire && speaks(as[1], q, "brenner") })},
		{"range and query", parallax.QuoteFilter{Until: "2024-05-14", Query: "storm"},
			idsWhere(func(a *parallax.Article, q parallax.Quote) bool {
				return a == harbor && strings.Contains(q.Text, "storm")
			})},
		{"range and outlet", parallax.QuoteFilter{Since: "2024-05-14", Outlet: "harbor"}, of(harbor)},
		{"range and article", parallax.QuoteFilter{Since: "2024-05-15", Article: blog.ID}, of(blog)},
		{"range limit offset", parallax.QuoteFilter{Since: "2024-05-15", Limit: 2, Offset: 1}, of(wire, blog)[1:3]},
		{"nothing: range between articles", parallax.QuoteFilter{Since: "2024-05-16", Until: "2024-05-19"}, nil},
		{"nothing: since after until", parallax.QuoteFilter{Since: "2024-05-20", Until: "2024-05-14"}, nil},
		{"nothing: undated article", parallax.QuoteFilter{Since: "1900-01-01", Article: other.ID}, nil},
	}
	if len(of(wire, blog)) < 3 || len(of(other)) == 0 {
		t.Fatalf("fixture too small: %d quotes after 2024-05-15, %d undated", len(of(wire, blog)), len(of(other)))
	}
	runQuoteCases(t, s, cases)
	for _, f := range []parallax.QuoteFilter{{Since: "last week"}, {Until: "2024-13-45"}, {Since: "2024-05-14", Until: "14/05/2024"}} {
		err := s.Quotes(ctx, f, func(*parallax.Quote) error { return nil })
		if parallax.ErrorCode(err) != parallax.EINVALID {
			t.Errorf("Quotes(%+v) error %v, want code %s", f, err, parallax.EINVALID)
		}
	}
}

// speaks reports whether q's speaker name, mention or entity (by any
// alias, across the batch) contains sub, case-insensitively.
func speaks(a *parallax.Analysis, q parallax.Quote, sub string) bool {
	has := func(s string) bool { return strings.Contains(strings.ToLower(s), sub) }
	if has(q.Speaker.Name) || has(q.Speaker.Mention) {
		return true
	}
	for _, e := range a.Entities {
		if e.Key == q.Speaker.EntityKey && (has(e.Name) || slices.ContainsFunc(e.Aliases, has)) {
			return true
		}
	}
	return false
}

func testEntityFilters(t *testing.T, s parallax.Store) {
	as := fixture()
	as[2].Entities = append(as[2].Entities, parallax.Entity{Key: "planning office", Name: "Planning Office", Type: parallax.Organization,
		Aliases: []string{"the Office"}})
	save(t, s, as)
	all := entities(t, s, parallax.EntityFilter{})
	if len(all) < 4 {
		t.Fatalf("only %d entities", len(all))
	}
	for i := 1; i < len(all); i++ {
		if all[i].ID <= all[i-1].ID {
			t.Fatalf("entities not in id order: %d after %d", all[i].ID, all[i-1].ID)
		}
	}
	names := func(es []*parallax.Entity) []string {
		var out []string
		for _, e := range es {
			out = append(out, e.Key)
		}
		return out
	}
	keysWith := func(es []*parallax.Entity, sub string) []string {
		var out []string
		for _, e := range es {
			if strings.Contains(strings.ToLower(e.Name), sub) {
				out = append(out, e.Key)
			}
		}
		return out
	}
	if len(keysWith(all, "varg")) == 0 {
		t.Fatal("fixture has no entity named Varga")
	}
	cases := []struct {
		name string
		f    parallax.EntityFilter
		want []string
	}{
		{"name substring", parallax.EntityFilter{Name: "VARG"}, keysWith(all, "varg")},
		{"alias only", parallax.EntityFilter{Name: "the office"}, []string{"planning office"}},
		{"type", parallax.EntityFilter{Type: parallax.Organization}, []string{"planning office"}},
		{"type and name miss", parallax.EntityFilter{Type: parallax.Organization, Name: "varga"}, nil},
		{"limit offset", parallax.EntityFilter{Limit: 2, Offset: 1}, names(all[1:3])},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := names(entities(t, s, tc.f))
			if !slices.Equal(got, tc.want) {
				t.Errorf("Entities(%+v) = %q, want %q", tc.f, got, tc.want)
			}
		})
	}
}

func testFullTextQuerySafe(t *testing.T, s parallax.Store) {
	save(t, s, fixture())
	// Operator characters in user input are searched as text, not parsed.
	cases := []struct {
		name, q string
		hits    bool
	}{
		{"unbalanced quote", `"monument to`, true},
		{"parentheses", `(barrier`, true},
		{"fts operators", `barrier AND NOT NEAR(x y)`, false},
		{"column filter syntax", `title:barrier`, false},
		{"caret and plus", `^barrier +vote`, true},
		{"stray star", `* barrier`, true},
		{"hyphenated", `flood-barrier`, true},
		{"apostrophe", `council's`, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			n := 0
			err := s.Articles(ctx, parallax.ArticleFilter{Query: tc.q}, func(*parallax.Article) error { n++; return nil })
			if err != nil {
				t.Fatalf("Articles(Query %q): %v", tc.q, err)
			}
			if tc.hits && n == 0 {
				t.Errorf("Query %q found nothing", tc.q)
			}
			if err := s.Quotes(ctx, parallax.QuoteFilter{Query: tc.q}, func(*parallax.Quote) error { return nil }); err != nil {
				t.Errorf("Quotes(Query %q): %v", tc.q, err)
			}
		})
	}
	for _, q := range []string{`"" * -`, `OR`} {
		err := s.Articles(ctx, parallax.ArticleFilter{Query: q}, func(*parallax.Article) error { return nil })
		if parallax.ErrorCode(err) != parallax.EINVALID {
			t.Errorf("Query %q with no words: error %v, want code %s", q, err, parallax.EINVALID)
		}
	}
}

var errStop = errors.New("stop here")

func testStreamStops(t *testing.T, s parallax.Store) {
	save(t, s, fixture())
	stopAfter := func(n *int) error {
		*n++
		if *n == 2 {
			return errStop
		}
		return nil
	}
	cases := []struct {
		name string
		run  func(n *int) error
	}{
		{"articles", func(n *int) error {
			return s.Articles(ctx, parallax.ArticleFilter{}, func(*parallax.Article) error { return stopAfter(n) })
		}},
		{"quotes", func(n *int) error {
			return s.Quotes(ctx, parallax.QuoteFilter{}, func(*parallax.Quote) error { return stopAfter(n) })
		}},
		{"entities", func(n *int) error {
			return s.Entities(ctx, parallax.EntityFilter{}, func(*parallax.Entity) error { return stopAfter(n) })
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			n := 0
			if err := tc.run(&n); !errors.Is(err, errStop) || n != 2 {
				t.Errorf("stream returned %v after %d calls; want errStop after 2", err, n)
			}
			// The store still answers: rows were released.
			if _, err := s.Stats(ctx); err != nil {
				t.Errorf("Stats after stopped stream: %v", err)
			}
		})
	}
}

func testCancelledSave(t *testing.T, s parallax.Store) {
	c, cancel := context.WithCancel(ctx)
	cancel()
	as := fixture()
	if _, err := s.Save(c, as); err == nil {
		t.Fatal("Save with a cancelled context succeeded")
	}
	if st := stats(t, s); st != (parallax.Stats{}) {
		t.Errorf("cancelled Save left %+v", st)
	}
	res := save(t, s, fixture())
	if !res[0].Created {
		t.Error("Save after a cancelled one did not create")
	}
}

func testCancelDuringSave(t *testing.T, s parallax.Store) {
	batch := Generate(1, 200, 4000, 10)
	nq := 0
	for _, a := range batch {
		nq += len(a.Quotes)
	}
	for _, delay := range []time.Duration{0, time.Millisecond, 5 * time.Millisecond, 20 * time.Millisecond} {
		c, cancel := context.WithCancel(ctx)
		go func() { time.Sleep(delay); cancel() }()
		_, err := s.Save(c, Generate(1, 200, 4000, 10))
		cancel()
		st := stats(t, s)
		switch {
		case err == nil && (st.Articles != len(batch) || st.Quotes != nq):
			t.Fatalf("delay %v: Save succeeded but stored %+v, want %d articles, %d quotes", delay, st, len(batch), nq)
		case err != nil && st.Articles != 0 && st.Articles != len(batch):
			t.Fatalf("delay %v: cancelled Save (%v) left a partial batch: %+v", delay, err, st)
		case err != nil && st.Articles == 0 && st.Quotes+st.Entities != 0:
			t.Fatalf("delay %v: cancelled Save (%v) left %+v", delay, err, st)
		}
		if err == nil {
			break
		}
	}
	res := save(t, s, Generate(1, 200, 4000, 10))
	if st := stats(t, s); st.Articles != len(batch) || st.Quotes != nq || len(res) != len(batch) {
		t.Errorf("after retry: %+v, want %d articles, %d quotes", st, len(batch), nq)
	}
}

func testConcurrent(t *testing.T, s parallax.Store) {
	var wg sync.WaitGroup
	errs := make(chan error, 16)
	for w := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 5 {
				batch := Generate(uint64(100+w*10+i), 8, 1500, 3)
				if _, err := s.Save(ctx, batch); err != nil {
					errs <- fmt.Errorf("writer %d: %w", w, err)
					return
				}
				// Read while others write; nested reads inside a stream.
				err := s.Articles(ctx, parallax.ArticleFilter{Limit: 3}, func(a *parallax.Article) error {
					return s.Quotes(ctx, parallax.QuoteFilter{Article: a.ID}, func(*parallax.Quote) error { return nil })
				})
				if err != nil {
					errs <- fmt.Errorf("reader %d: %w", w, err)
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if st := stats(t, s); st.Articles != 4*5*8 {
		t.Errorf("stored %d articles, want %d", st.Articles, 4*5*8)
	}
}

func testStats(t *testing.T, s parallax.Store) {
	if st := stats(t, s); st != (parallax.Stats{}) {
		t.Errorf("empty store stats %+v", st)
	}
	as := fixture()
	as = append(as, Build(rawOther+"\n\nMore.", "x.txt", "harbor arts review", ""))
	save(t, s, as)
	nq, keys := 0, map[string]bool{}
	for _, a := range as {
		nq += len(a.Quotes)
		for _, e := range a.Entities {
			keys[e.Key] = true
		}
	}
	want := parallax.Stats{Articles: 5, Quotes: nq, Entities: len(keys), Outlets: 4}
	if st := stats(t, s); st != want {
		t.Errorf("stats %+v, want %+v (outlets counted case-insensitively)", st, want)
	}
}

func testFeatures(t *testing.T, s parallax.Store, cs parallax.CorpusStore) {
	res := save(t, s, fixture())
	for i, r := range res {
		if err := cs.SaveFeatures(ctx, r.ID, "minhash", []byte{byte(i), 1, 2}); err != nil {
			t.Fatalf("SaveFeatures: %v", err)
		}
	}
	if err := cs.SaveFeatures(ctx, res[0].ID, "minhash", []byte("replaced")); err != nil {
		t.Fatalf("SaveFeatures replace: %v", err)
	}
	if err := cs.SaveFeatures(ctx, res[1].ID, "story", []byte("other kind")); err != nil {
		t.Fatalf("SaveFeatures: %v", err)
	}
	var got []string
	err := cs.Features(ctx, "minhash", func(id int64, b []byte) error {
		got = append(got, fmt.Sprintf("%d:%q", id, b))
		return nil
	})
	want := []string{fmt.Sprintf("%d:%q", res[0].ID, "replaced")}
	for i, r := range res[1:] {
		want = append(want, fmt.Sprintf("%d:%q", r.ID, []byte{byte(i + 1), 1, 2}))
	}
	if err != nil || !slices.Equal(got, want) {
		t.Errorf("Features = %v, %v; want %v", got, err, want)
	}
	if b, err := cs.Feature(ctx, res[1].ID, "story"); err != nil || string(b) != "other kind" {
		t.Errorf("Feature = %q, %v", b, err)
	}
	if _, err := cs.Feature(ctx, res[2].ID, "story"); !errors.Is(err, parallax.ErrNotFound) {
		t.Errorf("Feature absent: %v, want ErrNotFound", err)
	}
	n := 0
	if err := cs.Features(ctx, "minhash", func(int64, []byte) error { n++; return errStop }); !errors.Is(err, errStop) || n != 1 {
		t.Errorf("Features stop: %v after %d", err, n)
	}
}

func testDuplicates(t *testing.T, s parallax.Store, cs parallax.CorpusStore) {
	res := save(t, s, fixture())
	ds := []parallax.Duplicate{
		{Article: res[2].ID, Original: res[0].ID, Kind: parallax.DupNear, Similarity: 0.5},
		{Article: res[1].ID, Original: res[0].ID, Kind: parallax.DupSyndicated, Similarity: 0.91},
		{Article: res[2].ID, Original: res[1].ID, Kind: parallax.DupExact, Similarity: 1}, // replaces the first
	}
	// One alone, then two in one call, the second replacing the first.
	if err := cs.SaveDuplicates(ctx, ds[0]); err != nil {
		t.Fatalf("SaveDuplicates: %v", err)
	}
	if err := cs.SaveDuplicates(ctx, ds[1:]...); err != nil {
		t.Fatalf("SaveDuplicates: %v", err)
	}
	if err := cs.SaveDuplicates(ctx); err != nil {
		t.Fatalf("SaveDuplicates of none: %v", err)
	}
	// All or none: a record of an article that does not exist fails the call.
	bad := []parallax.Duplicate{{Article: res[3].ID, Original: res[0].ID, Kind: parallax.DupNear, Similarity: 0.6},
		{Article: res[3].ID + 1000, Original: res[0].ID, Kind: parallax.DupNear, Similarity: 0.6}}
	if err := cs.SaveDuplicates(ctx, bad...); err == nil {
		t.Errorf("SaveDuplicates of an unknown article: no error")
	}
	var got []parallax.Duplicate
	if err := cs.Duplicates(ctx, func(d parallax.Duplicate) error { got = append(got, d); return nil }); err != nil {
		t.Fatal(err)
	}
	if want := []parallax.Duplicate{ds[1], ds[2]}; !reflect.DeepEqual(got, want) {
		t.Errorf("Duplicates = %+v, want %+v", got, want)
	}
	n := 0
	if err := cs.Duplicates(ctx, func(parallax.Duplicate) error { n++; return errStop }); !errors.Is(err, errStop) || n != 1 {
		t.Errorf("Duplicates stop: %v after %d", err, n)
	}
}

func testStories(t *testing.T, s parallax.Store, cs parallax.CorpusStore) {
	res := save(t, s, fixture())
	st1 := &parallax.Story{Title: "Barrier vote", Start: "2024-05-14", End: "2024-05-15", Storyline: 7,
		Articles: []int64{res[1].ID, res[0].ID}, Outlets: []string{"Coastal WIRE", "The Harbor Gazette"}}
	st2 := &parallax.Story{Title: "Construction plans", Start: "2024-05-20", End: "2024-05-20", Storyline: 7,
		Articles: []int64{res[2].ID}, Outlets: []string{"Lower District Blog"}}
	st3 := &parallax.Story{Title: "Orchestra", Start: "2024-04-01", End: "2024-04-02", Storyline: 9,
		Articles: []int64{res[3].ID}, Outlets: []string{"Harbor Arts Review"}}
	// One story alone, then two in one call.
	if err := cs.SaveStories(ctx, st1); err != nil {
		t.Fatalf("SaveStories: %v", err)
	}
	if err := cs.SaveStories(ctx, st2, st3); err != nil {
		t.Fatalf("SaveStories(two): %v", err)
	}
	for _, st := range []*parallax.Story{st1, st2, st3} {
		if st.ID == 0 || !st.Stale {
			t.Fatalf("SaveStories left story %q with ID %d, stale %v", st.Title, st.ID, st.Stale)
		}
	}
	if st1.ID == st2.ID || st2.ID == st3.ID {
		t.Fatalf("SaveStories gave ids %d, %d, %d", st1.ID, st2.ID, st3.ID)
	}
	got, err := cs.Story(ctx, st1.ID)
	if err != nil || !reflect.DeepEqual(got, st1) {
		t.Errorf("Story = %+v, %v; want %+v", got, err, st1)
	}
	if _, err := cs.Story(ctx, st3.ID+100); !errors.Is(err, parallax.ErrNotFound) {
		t.Errorf("Story(missing): %v, want ErrNotFound", err)
	}
	// Replacing keeps the id and swaps the articles.
	st1.Title, st1.End, st1.Articles = "Barrier vote, updated", "2024-05-16", []int64{res[0].ID}
	if err := cs.SaveStories(ctx, st1); err != nil {
		t.Fatalf("SaveStories replace: %v", err)
	}
	if got, err := cs.Story(ctx, st1.ID); err != nil || !reflect.DeepEqual(got, st1) {
		t.Errorf("replaced Story = %+v, %v; want %+v", got, err, st1)
	}
	ids := func(f parallax.StoryFilter) []int64 {
		var out []int64
		if err := cs.Stories(ctx, f, func(s *parallax.Story) error { out = append(out, s.ID); return nil }); err != nil {
			t.Fatalf("Stories(%+v): %v", f, err)
		}
		return out
	}
	cases := []struct {
		name string
		f    parallax.StoryFilter
		want []int64
	}{
		{"newest first", parallax.StoryFilter{}, []int64{st2.ID, st1.ID, st3.ID}},
		{"storyline", parallax.StoryFilter{Storyline: 7}, []int64{st2.ID, st1.ID}},
		{"article", parallax.StoryFilter{Article: res[0].ID}, []int64{st1.ID}},
		{"article dropped on replace", parallax.StoryFilter{Article: res[1].ID}, nil},
		{"limit offset", parallax.StoryFilter{Limit: 1, Offset: 1}, []int64{st1.ID}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := ids(tc.f); !slices.Equal(got, tc.want) {
				t.Errorf("Stories(%+v) = %v, want %v", tc.f, got, tc.want)
			}
		})
	}
	n := 0
	if err := cs.Stories(ctx, parallax.StoryFilter{}, func(*parallax.Story) error { n++; return errStop }); !errors.Is(err, errStop) || n != 1 {
		t.Errorf("Stories stop: %v after %d", err, n)
	}
}

func testStatements(t *testing.T, s parallax.Store, cs parallax.CorpusStore) {
	as := fixture()
	res := save(t, s, as)
	story := &parallax.Story{Title: "Barrier vote", Start: "2024-05-14", End: "2024-05-15", Articles: []int64{res[0].ID, res[1].ID}}
	later := &parallax.Story{Title: "Barrier again", Start: "2024-06-01", End: "2024-06-01"}
	for _, st := range []*parallax.Story{story, later} {
		if err := cs.SaveStories(ctx, st); err != nil {
			t.Fatal(err)
		}
	}
	stale := func(id int64) bool {
		t.Helper()
		got, err := cs.Story(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		if err := cs.Stories(ctx, parallax.StoryFilter{Stale: true}, func(s *parallax.Story) error {
			if s.ID == id {
				n++
			}
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		if got.Stale != (n == 1) {
			t.Errorf("story %d: Stale %v, but the Stale filter lists it %d times", id, got.Stale, n)
		}
		return got.Stale
	}
	if !stale(story.ID) {
		t.Errorf("a saved story without statements is not stale")
	}
	q0, q1 := as[0].Quotes[0], as[1].Quotes[0]
	first := []*parallax.Statement{
		{Speaker: "Elena Varga", Text: q0.Text, Quotes: []parallax.Variant{
			{Quote: q0.ID, Label: parallax.VariantIdentical, Score: 1},
			{Quote: q1.ID, Label: parallax.VariantTruncated, Score: 0.8, Diff: []parallax.DiffOp{{Op: "=", Text: "We cannot wait"}, {Op: "-", Text: "to decide"}}},
		}},
		{Speaker: "Tomas Brenner", Text: "This barrier is a monument to waste"},
		{Speaker: "Ines Kowalczyk", Text: "placeholder"},
	}
	if err := cs.ReplaceStatements(ctx, story.ID, first); err != nil {
		t.Fatalf("ReplaceStatements: %v", err)
	}
	for _, st := range first {
		if st.ID == 0 || st.Story != story.ID {
			t.Errorf("statement not filled: %+v", st)
		}
	}
	if stale(story.ID) {
		t.Errorf("story still stale after ReplaceStatements")
	}
	rep := []*parallax.Statement{{Speaker: "Elena Varga", Text: "We cannot wait.", RepetitionOf: first[0].ID,
		Quotes: []parallax.Variant{{Quote: q1.ID, Label: parallax.VariantReworded, Score: 0.6}}}}
	if err := cs.ReplaceStatements(ctx, later.ID, rep); err != nil {
		t.Fatalf("ReplaceStatements(later): %v", err)
	}
	list := func(f parallax.StatementFilter) []*parallax.Statement {
		var out []*parallax.Statement
		if err := cs.Statements(ctx, f, func(s *parallax.Statement) error { out = append(out, s); return nil }); err != nil {
			t.Fatalf("Statements(%+v): %v", f, err)
		}
		return out
	}
	if got := list(parallax.StatementFilter{Story: story.ID}); !reflect.DeepEqual(got, first) {
		t.Errorf("Statements = %s, want %s", dump(got), dump(first))
	}
	// Replacing drops what is not given again; a kept id stays.
	second := []*parallax.Statement{first[0], {Speaker: "Harbor Council", Text: "The vote passed."}}
	second[0].Text = "We cannot wait for the next storm"
	if err := cs.ReplaceStatements(ctx, story.ID, second); err != nil {
		t.Fatalf("ReplaceStatements again: %v", err)
	}
	if got := list(parallax.StatementFilter{Story: story.ID}); !reflect.DeepEqual(got, second) {
		t.Errorf("after replace Statements = %s, want %s", dump(got), dump(second))
	}
	if got := list(parallax.StatementFilter{Story: later.ID}); len(got) != 1 || got[0].RepetitionOf != first[0].ID {
		t.Errorf("repetition link lost: %s", dump(got))
	}
	cases := []struct {
		name string
		f    parallax.StatementFilter
		want int
	}{
		{"all", parallax.StatementFilter{}, 3},
		{"speaker any case", parallax.StatementFilter{Speaker: "VARGA"}, 2},
		{"speaker and story", parallax.StatementFilter{Speaker: "varga", Story: later.ID}, 1},
		{"gone speaker", parallax.StatementFilter{Speaker: "brenner"}, 0},
		{"limit", parallax.StatementFilter{Limit: 2}, 2},
		{"offset", parallax.StatementFilter{Offset: 2}, 1},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := list(tc.f); len(got) != tc.want {
				t.Errorf("Statements(%+v) = %d, want %d: %s", tc.f, len(got), tc.want, dump(got))
			}
		})
	}
	if err := cs.ReplaceStatements(ctx, later.ID+100, nil); !errors.Is(err, parallax.ErrNotFound) {
		t.Errorf("ReplaceStatements(missing story): %v, want ErrNotFound", err)
	}
	n := 0
	if err := cs.Statements(ctx, parallax.StatementFilter{}, func(*parallax.Statement) error { n++; return errStop }); !errors.Is(err, errStop) || n != 1 {
		t.Errorf("Statements stop: %v after %d", err, n)
	}
}

func dump(sts []*parallax.Statement) string {
	var b strings.Builder
	for _, s := range sts {
		fmt.Fprintf(&b, "%+v ", *s)
	}
	return b.String()
}

// quoteCase is a quote filter and the ids, in order, it must list; a case
// named "nothing…" may list none.
type quoteCase struct {
	name string
	f    parallax.QuoteFilter
	want []int64
}

func runQuoteCases(t *testing.T, s parallax.Store, cases []quoteCase) {
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if len(tc.want) == 0 && !strings.HasPrefix(tc.name, "nothing") {
				t.Fatalf("case selects nothing from the fixture")
			}
			var got []int64
			for _, q := range quotes(t, s, tc.f) {
				got = append(got, q.ID)
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("Quotes(%+v) = %v, want %v", tc.f, got, tc.want)
			}
		})
	}
}
