package httpapi_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/httpapi"
	"github.com/parallax-news/parallax/storetest"
)

// datesFixture is a store holding one speaker's quotes in four articles:
// published 2025-06-01, 2025-06-02T10:00:00Z, 2025-06-05 and undated.
type datesFixture struct {
	h      http.Handler
	entity int64
	quotes [4]int64 // by article, in that order
	texts  [4]string
}

func newDatesFixture(t *testing.T) datesFixture {
	t.Helper()
	var f datesFixture
	published := []string{"2025-06-01", "2025-06-02T10:00:00Z", "2025-06-05", ""}
	f.texts = [4]string{"The berth opens in June,", "Dredging starts on Monday,", "The cranes arrive in July,", "The port never sleeps,"}
	var as []*parallax.Analysis
	for i, p := range published {
		raw := fmt.Sprintf("Port report %d\n\nHarbour chief Tomas Keller spoke again. \"%s\" he said.\n", i+1, f.texts[i])
		a := storetest.Build(raw, fmt.Sprintf("port-%d.txt", i+1), "Harbor Wire", p)
		if len(a.Quotes) != 1 || a.Quotes[0].Text != f.texts[i] {
			t.Fatalf("fixture analysis %d: %+v", i, a.Quotes)
		}
		a.Quotes[0].Confidence = 0.9
		as = append(as, a)
	}
	as[1].Quotes[0].Confidence = 0.3
	db := newStore(t)
	if _, err := db.Save(context.Background(), as); err != nil {
		t.Fatal(err)
	}
	for i, a := range as {
		f.quotes[i] = a.Quotes[0].ID
	}
	f.entity = as[0].Quotes[0].Speaker.EntityID
	if f.entity == 0 || as[3].Quotes[0].Speaker.EntityID != f.entity {
		t.Fatalf("the quotes have no one speaker: %d, %d", f.entity, as[3].Quotes[0].Speaker.EntityID)
	}
	f.h = httpapi.New(db, httpapi.Options{Logger: testLogger(t)}).Handler()
	return f
}

func TestDateRangeAPI(t *testing.T) {
	f := newDatesFixture(t)
	ids := func(k ...int) string {
		var s []string
		for _, i := range k {
			s = append(s, fmt.Sprint(f.quotes[i]))
		}
		return strings.Join(s, ",")
	}
	speaker := fmt.Sprintf("/api/speakers/%d", f.entity)
	tests := []struct {
		path string
		want string // quote ids, in order
	}{
		{"/api/quotes", ids(0, 1, 2, 3)},
		{"/api/quotes?since=2025-06-01", ids(0, 1, 2)},
		{"/api/quotes?since=2025-06-02", ids(1, 2)},
		{"/api/quotes?until=2025-06-02", ids(0, 1)},
		{"/api/quotes?until=2025-06-01", ids(0)},
		{"/api/quotes?since=2025-06-02&until=2025-06-02", ids(1)},
		{"/api/quotes?since=2025-06-03&until=2025-06-04", ""},
		{"/api/quotes?since=2025-06-05&until=2025-06-01", ""},
		{"/api/quotes?since=1900-01-01", ids(0, 1, 2)},
		{"/api/quotes?until=2999-12-31&speaker=keller", ids(0, 1, 2)},
		{"/api/quotes?since=2025-06-02&min_confidence=0.5", ids(2)},
		{"/api/quotes?since=2025-06-01&q=june", ids(0)},
		{"/api/quotes?since=2025-06-01&outlet=wire&kind=direct&entity=" + fmt.Sprint(f.entity), ids(0, 1, 2)},
		{"/api/quotes?since=2025-06-02&limit=1&offset=1", ids(2)},
		{"/api/search?speaker=keller&since=2025-06-02", ids(1, 2)},
		{"/api/search?q=dredging&until=2025-06-01", ""},
		{speaker, ids(2, 1, 0, 3)}, // newest first, undated last
		{speaker + "?since=2025-06-02", ids(2, 1)},
		{speaker + "?until=2025-06-02&min_confidence=0.5", ids(0)},
	}
	for _, tc := range tests {
		t.Run(tc.path, func(t *testing.T) {
			got := quoteIDsAt(t, f.h, tc.path)
			if got != tc.want {
				t.Errorf("quotes %q, want %q", got, tc.want)
			}
		})
	}

	// Paging through a range: each next link keeps it.
	var got []string
	next := "/api/quotes?since=2025-06-01&until=2025-06-05&limit=1"
	for n := 0; next != ""; n++ {
		if n > 4 {
			t.Fatal("paging does not end")
		}
		var l listResp[httpapi.QuoteItem]
		if code := getJSON(t, f.h, next, &l); code != 200 {
			t.Fatalf("GET %s: status %d", next, code)
		}
		got = append(got, quoteIDs(l.Items, itemID))
		next = ""
		if l.Next != nil {
			next = *l.Next
			u, err := url.Parse(next)
			if err != nil || u.Query().Get("since") != "2025-06-01" || u.Query().Get("until") != "2025-06-05" {
				t.Errorf("next link %q drops the range", next)
			}
		}
	}
	if strings.Join(got, ",") != ids(0, 1, 2) {
		t.Errorf("pages %v, want %s", got, ids(0, 1, 2))
	}

	// Bad dates get the usual 400 error body, naming the parameter.
	for _, ep := range []string{"/api/quotes?", "/api/search?speaker=keller&", speaker + "?"} {
		for _, v := range []string{"since=2025-13-01", "until=tomorrow", "since=2025-06-02T00:00:00Z", "until=06/02/2025"} {
			path := ep + v
			var e errResp
			if code := getJSON(t, f.h, path, &e); code != http.StatusBadRequest {
				t.Errorf("GET %s: status %d, want 400", path, code)
			}
			name, _, _ := strings.Cut(v, "=")
			if e.Error.Code != parallax.EINVALID || !strings.Contains(e.Error.Message, name) {
				t.Errorf("GET %s: error %+v", path, e.Error)
			}
		}
	}
}

// TestOpenAPIDates checks the API document lists since and until where
// the quote lists read them.
func TestOpenAPIDates(t *testing.T) {
	f := newDatesFixture(t)
	var doc struct {
		Paths map[string]map[string]struct {
			Parameters []struct {
				Name, In string
				Schema   struct{ Type, Format string }
			}
		}
	}
	if code := getJSON(t, f.h, "/api/openapi.json", &doc); code != 200 {
		t.Fatalf("status %d", code)
	}
	for _, path := range []string{"/api/quotes", "/api/speakers/{id}", "/api/search", "/api/articles"} {
		found := map[string]bool{}
		for _, p := range doc.Paths[path]["get"].Parameters {
			if p.In == "query" && p.Schema.Type == "string" && p.Schema.Format == "date" {
				found[p.Name] = true
			}
		}
		if !found["since"] || !found["until"] {
			t.Errorf("%s documents dates %v, want since and until", path, found)
		}
	}
}

// dateForm finds the page's form with a since field and returns its
// action and the values of its fields, hidden ones included.
func dateForm(page string) (action string, fields url.Values, found bool) {
	z := html.NewTokenizer(strings.NewReader(page))
	var in bool
	for {
		switch z.Next() {
		case html.ErrorToken:
			return "", nil, false
		case html.StartTagToken, html.SelfClosingTagToken:
			tok := z.Token()
			switch {
			case tok.Data == "form":
				in, action, fields = true, attr(tok, "action"), url.Values{}
			case tok.Data == "input" && in:
				fields.Add(attr(tok, "name"), attr(tok, "value"))
			}
		case html.EndTagToken:
			if z.Token().Data == "form" && in {
				if _, ok := fields["since"]; ok {
					return action, fields, true
				}
				in = false
			}
		}
	}
}

// links returns the hrefs of the page's links with this text.
func links(page, text string) []string {
	var out []string
	z := html.NewTokenizer(strings.NewReader(page))
	var href string
	for {
		switch z.Next() {
		case html.ErrorToken:
			return out
		case html.StartTagToken:
			if tok := z.Token(); tok.Data == "a" {
				href = attr(tok, "href")
			}
		case html.TextToken:
			if href != "" && strings.TrimSpace(string(z.Text())) == text {
				out = append(out, href)
			}
		case html.EndTagToken:
			href = ""
		}
	}
}

func TestDateRangePages(t *testing.T) {
	f := newDatesFixture(t)
	base := fmt.Sprintf("/speakers/%d", f.entity)
	page := func(t *testing.T, path string, status int) string {
		t.Helper()
		code, _, body := get(t, f.h, path)
		if code != status {
			t.Fatalf("GET %s: status %d, want %d: %.300s", path, code, status, body)
		}
		checkSafeHTML(t, path, body)
		return body
	}
	has := func(t *testing.T, body string, want, not []int) {
		t.Helper()
		for _, i := range want {
			if !strings.Contains(body, htmlEscape(f.texts[i])) {
				t.Errorf("page lacks quote %q", f.texts[i])
			}
		}
		for _, i := range not {
			if strings.Contains(body, htmlEscape(f.texts[i])) {
				t.Errorf("page shows quote %q", f.texts[i])
			}
		}
	}
	form := func(t *testing.T, body string, want url.Values) {
		t.Helper()
		action, fields, ok := dateForm(body)
		if !ok || action != base || fields.Encode() != want.Encode() {
			t.Errorf("date form %v to %q with %v, want one to %q with %v", ok, action, fields, base, want)
		}
	}

	t.Run("no dates", func(t *testing.T) {
		body := page(t, base, 200)
		has(t, body, []int{0, 1, 2, 3}, nil)
		form(t, body, url.Values{"since": {""}, "until": {""}})
		if l := links(body, "all dates"); len(l) != 0 {
			t.Errorf("an all dates link %v with no date set", l)
		}
	})

	t.Run("range with the other controls", func(t *testing.T) {
		path := base + "?since=2025-06-02&limit=1&min_confidence=0.25"
		body := page(t, path, 200)
		has(t, body, []int{2}, []int{0, 1, 3})
		// The form keeps limit and the threshold, and starts again at the first page.
		form(t, body, url.Values{"since": {"2025-06-02"}, "until": {""}, "limit": {"1"}, "min_confidence": {"0.25"}})
		if l := links(body, "all dates"); len(l) != 1 || l[0] != base+"?limit=1&min_confidence=0.25" {
			t.Errorf("all dates links %v", l)
		}
		// The confidence control keeps the range.
		rl := reportLinks(body)
		if rl["all"].href != base+"?limit=1&since=2025-06-02" || rl["only confident"].href != base+"?limit=1&min_confidence=0.5&since=2025-06-02" {
			t.Errorf("confidence links %+v drop the range", rl)
		}
		// So does the next page link, which leads to the other quote in range.
		next := links(body, "next page →")
		if len(next) != 1 {
			t.Fatalf("next page links %v", next)
		}
		u, err := url.Parse(next[0])
		if err != nil || u.Query().Get("since") != "2025-06-02" || u.Query().Get("min_confidence") != "0.25" || u.Query().Get("offset") != "1" {
			t.Fatalf("next page link %q", next[0])
		}
		body = page(t, next[0], 200)
		has(t, body, []int{1}, []int{0, 2, 3})
		form(t, body, url.Values{"since": {"2025-06-02"}, "until": {""}, "limit": {"1"}, "min_confidence": {"0.25"}})
		if n := links(body, "next page →"); len(n) != 0 {
			t.Errorf("last page in range links to %v", n)
		}
	})

	t.Run("only confident in range", func(t *testing.T) {
		body := page(t, base+"?until=2025-06-02&min_confidence=0.5", 200)
		has(t, body, []int{0}, []int{1, 2, 3})
		if !strings.Contains(body, "until 2025-06-02") {
			t.Error("page does not say the range")
		}
	})

	t.Run("empty range", func(t *testing.T) {
		body := page(t, base+"?since=2025-06-03&until=2025-06-04", 200)
		has(t, body, nil, []int{0, 1, 2, 3})
		if !strings.Contains(body, "No quotes attributed to this speaker from 2025-06-03 until 2025-06-04.") {
			t.Error("empty range has no message saying so")
		}
	})

	t.Run("search keeps the range", func(t *testing.T) {
		body := page(t, "/search?speaker=keller&since=2025-06-05", 200)
		has(t, body, []int{2}, []int{0, 1, 3})
	})

	t.Run("bad date", func(t *testing.T) {
		body := page(t, base+"?until=2025-02-30", 400)
		if !strings.Contains(body, "until must be a date") {
			t.Error("error page does not name the parameter")
		}
	})
}
