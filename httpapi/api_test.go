package httpapi_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/export"
	"github.com/parallax-news/parallax/httpapi"
)

type listResp[T any] struct {
	Items  []T     `json:"items"`
	Limit  int     `json:"limit"`
	Offset int     `json:"offset"`
	Next   *string `json:"next"`
}

type errResp struct {
	Error struct {
		Code    string `json:"code"`
		Message string `json:"message"`
	} `json:"error"`
}

func TestStoryAPI(t *testing.T) {
	db, stories := corpusStore(t)
	h := httpapi.New(db, httpapi.Options{}).Handler()
	id := stories["E1"]

	var p httpapi.StoryPage
	if code := getJSON(t, h, fmt.Sprintf("/api/stories/%d", id), &p); code != http.StatusOK {
		t.Fatalf("status %d", code)
	}
	if p.Story.ID != id || len(p.Articles) != 4 {
		t.Fatalf("story %d with %d articles, want %d with 4", p.Story.ID, len(p.Articles), id)
	}
	// One column per distinct outlet of the story's articles.
	outlets := map[string]bool{}
	for _, a := range p.Articles {
		outlets[a.Outlet] = true
	}
	if len(p.Matrix.Outlets) != len(outlets) || len(outlets) < 3 {
		t.Errorf("matrix outlets = %q, want the %d outlets of the articles", p.Matrix.Outlets, len(outlets))
	}
	if len(p.Matrix.Rows) == 0 || len(p.Statements) != len(p.Matrix.Rows) {
		t.Fatalf("matrix rows %d, statements %d", len(p.Matrix.Rows), len(p.Statements))
	}
	// At least one statement is carried by several outlets, and every
	// carried cell points at one of the statement's variants.
	multi := false
	for i, row := range p.Matrix.Rows {
		if len(row.Cells) != len(p.Matrix.Outlets) {
			t.Fatalf("row %d has %d cells for %d outlets", i, len(row.Cells), len(p.Matrix.Outlets))
		}
		carried := 0
		for _, c := range row.Cells {
			if c.Label == "" {
				continue
			}
			carried++
			found := false
			for _, v := range p.Statements[i].Variants {
				found = found || v.Quote == c.Quote
			}
			if !found {
				t.Errorf("statement %d: cell quote %d is not a variant", row.Statement, c.Quote)
			}
		}
		multi = multi || carried > 1
	}
	if !multi {
		t.Error("no statement is carried by two outlets")
	}
	for _, s := range p.Statements {
		for _, v := range s.Variants {
			if v.Outlet == "" || v.Text == "" || v.Article == 0 {
				t.Errorf("statement %d variant %d lacks its quote: %+v", s.ID, v.Quote, v)
			}
		}
	}
	if len(p.Timeline) < len(p.Articles) {
		t.Errorf("timeline has %d rows for %d articles", len(p.Timeline), len(p.Articles))
	}
	if len(p.Framing) != len(p.Matrix.Outlets) {
		t.Errorf("framing for %d outlets, want %d", len(p.Framing), len(p.Matrix.Outlets))
	}
}

func TestAPIRoutes(t *testing.T) {
	db, stories := corpusStore(t)
	h := httpapi.New(db, httpapi.Options{}).Handler()
	e1 := stories["E1"]
	tests := []struct {
		name   string
		path   string
		status int
		check  func(t *testing.T, body []byte)
	}{
		{"index", "/api/", 200, nil},
		{"stats", "/api/stats", 200, func(t *testing.T, b []byte) {
			var s struct{ Articles, Quotes int }
			json.Unmarshal(b, &s)
			if s.Articles != 7 || s.Quotes == 0 {
				t.Errorf("stats %+v, want 7 articles and some quotes", s)
			}
		}},
		{"articles", "/api/articles", 200, func(t *testing.T, b []byte) {
			var l listResp[export.Article]
			json.Unmarshal(b, &l)
			if len(l.Items) != 7 || l.Next != nil {
				t.Errorf("%d articles, next %v", len(l.Items), l.Next)
			}
			for _, a := range l.Items {
				if a.Text != "" {
					t.Errorf("article %d: list carries text", a.ID)
				}
			}
		}},
		{"articles paged", "/api/articles?limit=3&offset=3", 200, func(t *testing.T, b []byte) {
			var l listResp[export.Article]
			json.Unmarshal(b, &l)
			if len(l.Items) != 3 || l.Next == nil || !strings.Contains(*l.Next, "offset=6") {
				t.Errorf("%d articles, next %v", len(l.Items), l.Next)
			}
		}},
		{"articles by outlet", "/api/articles?outlet=northgate", 200, func(t *testing.T, b []byte) {
			var l listResp[export.Article]
			json.Unmarshal(b, &l)
			if len(l.Items) != 2 {
				t.Errorf("%d Northgate articles, want 2", len(l.Items))
			}
		}},
		{"articles by date", "/api/articles?since=2025-04-01&until=2025-04-05", 200, func(t *testing.T, b []byte) {
			var l listResp[export.Article]
			json.Unmarshal(b, &l)
			if len(l.Items) != 2 {
				t.Errorf("%d articles on the summit days, want 2", len(l.Items))
			}
		}},
		{"article", "/api/articles/1", 200, func(t *testing.T, b []byte) {
			var d httpapi.ArticleDetail
			json.Unmarshal(b, &d)
			if d.Article.ID != 1 || d.Article.Text == "" || len(d.Quotes) == 0 || len(d.Stories) != 1 {
				t.Errorf("article %d, text %d bytes, %d quotes, %d stories", d.Article.ID, len(d.Article.Text), len(d.Quotes), len(d.Stories))
			}
		}},
		{"quotes by speaker", "/api/quotes?speaker=varsh", 200, func(t *testing.T, b []byte) {
			var l listResp[httpapi.QuoteItem]
			json.Unmarshal(b, &l)
			if len(l.Items) == 0 {
				t.Fatal("no quotes by Varsh")
			}
			for _, q := range l.Items {
				if !strings.Contains(strings.ToLower(q.Speaker.Name+q.Speaker.Mention), "varsh") || q.Outlet == "" {
					t.Errorf("quote %d by %q in %q", q.ID, q.Speaker.Name, q.Outlet)
				}
			}
		}},
		{"quotes by date", "/api/quotes?since=2025-04-09", 200, func(t *testing.T, b []byte) {
			var l listResp[httpapi.QuoteItem]
			json.Unmarshal(b, &l)
			if len(l.Items) == 0 {
				t.Fatal("no quotes on or after 2025-04-09")
			}
			for _, q := range l.Items {
				if q.Published[:10] < "2025-04-09" {
					t.Errorf("quote %d published %s", q.ID, q.Published)
				}
			}
		}},
		{"entities", "/api/entities?type=person", 200, func(t *testing.T, b []byte) {
			var l listResp[export.Entity]
			json.Unmarshal(b, &l)
			if len(l.Items) == 0 {
				t.Error("no people")
			}
		}},
		{"outlets", "/api/outlets", 200, func(t *testing.T, b []byte) {
			var l listResp[httpapi.OutletCount]
			json.Unmarshal(b, &l)
			n := 0
			for i, o := range l.Items {
				n += o.Articles
				if o.Name == "" || i > 0 && o.Articles > l.Items[i-1].Articles {
					t.Errorf("outlet %d: %+v out of order", i, o)
				}
			}
			if n != 7 || len(l.Items) < 3 {
				t.Errorf("outlets %+v, want 7 articles in all", l.Items)
			}
		}},
		{"outlet", "/api/outlets/" + url.PathEscape("Northgate Radio"), 200, func(t *testing.T, b []byte) {
			var o httpapi.OutletPage
			json.Unmarshal(b, &o)
			if len(o.Articles.Items) != 2 || o.Quotes == 0 || len(o.Speakers) == 0 || len(o.Stories) != 2 {
				t.Errorf("outlet page %+v", o)
			}
		}},
		{"stories", "/api/stories", 200, func(t *testing.T, b []byte) {
			var l listResp[export.Story]
			json.Unmarshal(b, &l)
			if len(l.Items) != 3 {
				t.Errorf("%d stories, want 3", len(l.Items))
			}
		}},
		{"statements", fmt.Sprintf("/api/statements?story=%d", e1), 200, func(t *testing.T, b []byte) {
			var l listResp[export.Statement]
			json.Unmarshal(b, &l)
			if len(l.Items) == 0 {
				t.Error("no statements")
			}
			for _, s := range l.Items {
				if s.Story != e1 {
					t.Errorf("statement %d of story %d", s.ID, s.Story)
				}
			}
		}},
		{"search", "/api/search?q=accord", 200, func(t *testing.T, b []byte) {
			var r httpapi.SearchResult
			json.Unmarshal(b, &r)
			if len(r.Articles.Items) == 0 {
				t.Error("no article mentions the accord")
			}
		}},
		{"search speaker", "/api/search?q=dam&speaker=varsh", 200, func(t *testing.T, b []byte) {
			var r httpapi.SearchResult
			json.Unmarshal(b, &r)
			if len(r.Quotes.Items) == 0 || len(r.Articles.Items) != 0 {
				t.Errorf("%d quotes, %d articles", len(r.Quotes.Items), len(r.Articles.Items))
			}
		}},
		{"search nothing", "/api/search", 400, nil},
		{"search no words", "/api/search?q=%22%22", 400, nil},
		{"bad id", "/api/stories/abc", 400, nil},
		{"missing story", "/api/stories/999999", 404, nil},
		{"missing article", "/api/articles/999999", 404, nil},
		{"bad date", "/api/articles?since=yesterday", 400, nil},
		{"bad limit", "/api/articles?limit=-1", 400, nil},
		{"bad kind", "/api/quotes?kind=sung", 400, nil},
		{"no endpoint", "/api/nothing", 404, nil},
		{"openapi", "/api/openapi.json", 200, nil},
		{"healthz", "/healthz", 200, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, hdr, body := get(t, h, tc.path)
			if code != tc.status {
				t.Fatalf("GET %s: status %d, want %d: %.300s", tc.path, code, tc.status, body)
			}
			if ct := hdr.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
				t.Fatalf("Content-Type %q", ct)
			}
			if hdr.Get("Content-Security-Policy") == "" || hdr.Get("X-Content-Type-Options") != "nosniff" {
				t.Error("security headers missing")
			}
			if code >= 400 {
				var e errResp
				if err := json.Unmarshal([]byte(body), &e); err != nil || e.Error.Code == "" || e.Error.Message == "" {
					t.Errorf("error body %q", body)
				}
				return
			}
			if !json.Valid([]byte(body)) {
				t.Fatalf("invalid JSON: %.200s", body)
			}
			if tc.check != nil {
				tc.check(t, []byte(body))
			}
		})
	}
}
