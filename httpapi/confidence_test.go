package httpapi_test

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/httpapi"
	"github.com/parallax-news/parallax/storetest"
)

const (
	sureText   = "The new berth will open in June,"
	unsureText = "We will look again at the dredging plan next week,"
)

// confidenceFixture is a store holding one article with two quotes by one
// speaker: sure (confidence 0.9) and unsure (0.3, an intention).
type confidenceFixture struct {
	h               http.Handler
	article, entity int64
	sure, unsure    int64 // quote ids
}

func newConfidenceFixture(t *testing.T) confidenceFixture {
	t.Helper()
	raw := "Port talks resume\n\n" +
		`Harbour chief Tomas Keller spoke on Monday. "` + sureText + `" he said.` + "\n\n" +
		`"` + unsureText + `" he said later.` + "\n"
	a := storetest.Build(raw, "port.txt", "Harbor Wire", "2025-06-02")
	if len(a.Quotes) != 2 || len(a.Entities) != 1 || a.Quotes[0].Text != sureText || a.Quotes[1].Text != unsureText {
		t.Fatalf("fixture analysis: %d quotes, %d entities: %+v", len(a.Quotes), len(a.Entities), a.Quotes)
	}
	a.Quotes[0].Confidence, a.Quotes[1].Confidence = 0.9, 0.3
	db := newStore(t)
	if _, err := db.Save(context.Background(), []*parallax.Analysis{a}); err != nil {
		t.Fatal(err)
	}
	f := confidenceFixture{h: httpapi.New(db, httpapi.Options{Logger: testLogger(t)}).Handler(),
		article: a.Article.ID, entity: a.Quotes[0].Speaker.EntityID, sure: a.Quotes[0].ID, unsure: a.Quotes[1].ID}
	if f.article == 0 || f.entity == 0 || f.sure == 0 || f.unsure == 0 {
		t.Fatalf("ids not set: %+v", f)
	}
	return f
}

// quoteIDsAt returns the ids, comma-separated, of the quotes an API path
// lists: a quote list, a search, a speaker's page or an article.
func quoteIDsAt(t *testing.T, h http.Handler, path string) string {
	t.Helper()
	switch {
	case strings.HasPrefix(path, "/api/quotes"):
		var l listResp[httpapi.QuoteItem]
		if code := getJSON(t, h, path, &l); code != 200 {
			t.Fatalf("status %d", code)
		}
		return quoteIDs(l.Items, itemID)
	case strings.HasPrefix(path, "/api/search"):
		var r httpapi.SearchResult
		if code := getJSON(t, h, path, &r); code != 200 {
			t.Fatalf("status %d", code)
		}
		return quoteIDs(r.Quotes.Items, itemID)
	case strings.HasPrefix(path, "/api/speakers/"):
		var p httpapi.SpeakerPage
		if code := getJSON(t, h, path, &p); code != 200 {
			t.Fatalf("status %d", code)
		}
		if p.Total != len(p.Quotes.Items) {
			t.Errorf("total %d for %d quotes", p.Total, len(p.Quotes.Items))
		}
		return quoteIDs(p.Quotes.Items, itemID)
	}
	var d httpapi.ArticleDetail
	if code := getJSON(t, h, path, &d); code != 200 {
		t.Fatalf("status %d", code)
	}
	var got []string
	for _, q := range d.Quotes {
		got = append(got, fmt.Sprint(q.ID))
	}
	return strings.Join(got, ",")
}

func itemID(q httpapi.QuoteItem) int64 { return q.ID }

func quoteIDs[T any](items []T, id func(T) int64) string {
	var ids []string
	for _, it := range items {
		ids = append(ids, fmt.Sprint(id(it)))
	}
	return strings.Join(ids, ",")
}

func TestMinConfidenceAPI(t *testing.T) {
	f := newConfidenceFixture(t)
	both, sure := fmt.Sprintf("%d,%d", f.sure, f.unsure), fmt.Sprint(f.sure)
	tests := []struct {
		path string
		want string // quote ids, in order
	}{
		{"/api/quotes", both},
		{"/api/quotes?min_confidence=0", both},
		{"/api/quotes?min_confidence=0.5", sure},
		{"/api/quotes?min_confidence=0.9", sure},
		{"/api/quotes?min_confidence=1", ""},
		{"/api/quotes?min_confidence=0.5&speaker=keller&kind=direct", sure},
		{"/api/search?speaker=keller", both},
		{"/api/search?speaker=keller&min_confidence=0.5", sure},
		{fmt.Sprintf("/api/speakers/%d", f.entity), fmt.Sprintf("%d,%d", f.unsure, f.sure)},
		{fmt.Sprintf("/api/speakers/%d?min_confidence=0.5", f.entity), sure},
		{fmt.Sprintf("/api/articles/%d", f.article), both},
		{fmt.Sprintf("/api/articles/%d?min_confidence=0.5", f.article), sure},
	}
	for _, tc := range tests {
		t.Run(tc.path, func(t *testing.T) {
			got := quoteIDsAt(t, f.h, tc.path)
			if got != tc.want {
				t.Errorf("quotes %q, want %q", got, tc.want)
			}
		})
	}

	// The next link keeps the threshold.
	var l listResp[httpapi.QuoteItem]
	getJSON(t, f.h, "/api/quotes?limit=1&min_confidence=0.25", &l)
	if len(l.Items) != 1 || l.Next == nil || !strings.Contains(*l.Next, "min_confidence=0.25") {
		t.Fatalf("first page %+v, next %v", l.Items, l.Next)
	}
	var l2 listResp[httpapi.QuoteItem]
	getJSON(t, f.h, *l.Next, &l2)
	if len(l2.Items) != 1 || l2.Items[0].ID != f.unsure || l2.Next != nil {
		t.Errorf("second page %+v, next %v", l2.Items, l2.Next)
	}

	// Bad values get the usual 400 error body on every endpoint.
	endpoints := []string{"/api/quotes?", "/api/search?speaker=keller&", fmt.Sprintf("/api/speakers/%d?", f.entity),
		fmt.Sprintf("/api/articles/%d?", f.article)}
	for _, ep := range endpoints {
		for _, v := range []string{"abc", "-0.1", "1.5", "NaN", "Inf", "0.5.1", "50%25"} {
			path := ep + "min_confidence=" + v
			var e errResp
			if code := getJSON(t, f.h, path, &e); code != http.StatusBadRequest {
				t.Errorf("GET %s: status %d, want 400", path, code)
			}
			if e.Error.Code != parallax.EINVALID || !strings.Contains(e.Error.Message, "min_confidence") {
				t.Errorf("GET %s: error %+v", path, e.Error)
			}
		}
	}
}

// reportLink is a link of a page's confidence control.
type reportLink struct {
	href    string
	current bool
}

// reportLinks returns the links of the page's <p class="reports">, by text.
func reportLinks(page string) map[string]reportLink {
	links := map[string]reportLink{}
	z := html.NewTokenizer(strings.NewReader(page))
	in := false
	var cur *html.Token
	for {
		switch z.Next() {
		case html.ErrorToken:
			return links
		case html.StartTagToken:
			tok := z.Token()
			switch {
			case tok.Data == "p" && attr(tok, "class") == "reports":
				in = true
			case tok.Data == "a" && in:
				cur = &tok
			}
		case html.TextToken:
			if cur != nil {
				_, current := attrOK(*cur, "aria-current")
				links[strings.TrimSpace(string(z.Text()))] = reportLink{attr(*cur, "href"), current}
			}
		case html.EndTagToken:
			switch z.Token().Data {
			case "a":
				cur = nil
			case "p":
				in = false
			}
		}
	}
}

func attrOK(tok html.Token, key string) (string, bool) {
	for _, a := range tok.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

// highlighted returns the texts the page marks as quotes (class q-*).
func highlighted(page string) map[string]bool {
	out := map[string]bool{}
	z := html.NewTokenizer(strings.NewReader(page))
	in := false
	for {
		switch z.Next() {
		case html.ErrorToken:
			return out
		case html.StartTagToken:
			in = strings.HasPrefix(attr(z.Token(), "class"), "q-")
		case html.TextToken:
			if in {
				out[string(z.Text())] = true
			}
		case html.EndTagToken:
			in = false
		}
	}
}

// checkbox finds the page's min_confidence checkbox.
func checkbox(page string) (value string, checked, found bool) {
	z := html.NewTokenizer(strings.NewReader(page))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return "", false, false
		case html.StartTagToken, html.SelfClosingTagToken:
			tok := z.Token()
			if tok.Data == "input" && attr(tok, "type") == "checkbox" && attr(tok, "name") == "min_confidence" {
				_, checked = attrOK(tok, "checked")
				return attr(tok, "value"), checked, true
			}
		}
	}
}

func TestMinConfidencePages(t *testing.T) {
	f := newConfidenceFixture(t)
	page := func(t *testing.T, path string, status int) string {
		t.Helper()
		code, hdr, body := get(t, f.h, path)
		if code != status {
			t.Fatalf("GET %s: status %d, want %d: %.300s", path, code, status, body)
		}
		if csp := hdr.Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'none'") || strings.Contains(csp, "unsafe-inline") {
			t.Errorf("CSP %q", csp)
		}
		checkSafeHTML(t, path, body)
		return body
	}
	control := func(t *testing.T, body, all, confident, current string) {
		t.Helper()
		links := reportLinks(body)
		if links["all"].href != all || links["only confident"].href != confident {
			t.Errorf("control links %+v, want all → %q, only confident → %q", links, all, confident)
		}
		for name, l := range links {
			if l.current != (name == current) {
				t.Errorf("link %q current %v, want the current choice %q", name, l.current, current)
			}
		}
	}

	t.Run("speaker", func(t *testing.T) {
		base := fmt.Sprintf("/speakers/%d", f.entity)
		// The default lists every report.
		body := page(t, base+"?limit=1", 200)
		control(t, body, base+"?limit=1", base+"?limit=1&min_confidence=0.5", "all")
		if !strings.Contains(body, unsureText) || !strings.Contains(body, "offset=1") {
			t.Errorf("first page lacks the unsure quote or the next page link")
		}
		// The control keeps limit and drops offset.
		body = page(t, base+"?limit=1&offset=1", 200)
		control(t, body, base+"?limit=1", base+"?limit=1&min_confidence=0.5", "all")
		if !strings.Contains(body, sureText) {
			t.Errorf("second page lacks the sure quote")
		}
		body = page(t, base+"?limit=1&min_confidence=0.5", 200)
		control(t, body, base+"?limit=1", base+"?limit=1&min_confidence=0.5", "only confident")
		if strings.Contains(body, unsureText) || !strings.Contains(body, sureText) || strings.Contains(body, "offset=1") {
			t.Errorf("filtered page: want the sure quote only and no next page")
		}
		body = page(t, base+"?min_confidence=0.95", 200)
		control(t, body, base, base+"?min_confidence=0.5", "")
		if !strings.Contains(body, "confidence at least 0.95") || strings.Contains(body, sureText) {
			t.Errorf("a threshold of 0.95 is not shown or lets the 0.9 quote through")
		}
		page(t, base+"?min_confidence=2", 400)
	})

	t.Run("article", func(t *testing.T) {
		base := fmt.Sprintf("/articles/%d", f.article)
		unsureRow := fmt.Sprintf(`id="q%d-row"`, f.unsure)
		body := page(t, base, 200)
		control(t, body, base, base+"?min_confidence=0.5", "all")
		if !strings.Contains(body, unsureRow) || !highlighted(body)[unsureText] {
			t.Errorf("unfiltered article lacks the unsure quote's row or highlight")
		}
		body = page(t, base+"?min_confidence=0.5", 200)
		control(t, body, base, base+"?min_confidence=0.5", "only confident")
		if strings.Contains(body, unsureRow) || highlighted(body)[unsureText] ||
			!strings.Contains(body, fmt.Sprintf(`id="q%d-row"`, f.sure)) || !highlighted(body)[sureText] {
			t.Errorf("filtered article still lists or highlights the unsure quote")
		}
		page(t, base+"?min_confidence=-1", 400)
	})

	t.Run("search", func(t *testing.T) {
		body := page(t, "/search?speaker=keller", 200)
		if v, checked, ok := checkbox(body); !ok || checked || v != "0.5" {
			t.Errorf("checkbox found %v, checked %v, value %q", ok, checked, v)
		}
		if !strings.Contains(body, unsureText) {
			t.Error("search lacks the unsure quote")
		}
		body = page(t, "/search?speaker=keller&min_confidence=0.5", 200)
		if v, checked, ok := checkbox(body); !ok || !checked || v != "0.5" {
			t.Errorf("checkbox found %v, checked %v, value %q", ok, checked, v)
		}
		if strings.Contains(body, unsureText) || !strings.Contains(body, sureText) {
			t.Error("filtered search: want the sure quote only")
		}
		page(t, "/search?speaker=keller&min_confidence=abc", 400)
	})
}
