package httpapi_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"html/template"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/httpapi"
)

// checkSafeHTML fails t when page has a script element, an event-handler
// attribute, a javascript: URL or any inline style or script source.
func checkSafeHTML(t *testing.T, path, page string) {
	t.Helper()
	z := html.NewTokenizer(strings.NewReader(page))
	for {
		switch z.Next() {
		case html.ErrorToken:
			if z.Err() != io.EOF {
				t.Errorf("%s: HTML does not tokenize: %v", path, z.Err())
			}
			return
		case html.StartTagToken, html.SelfClosingTagToken:
			tok := z.Token()
			switch tok.Data {
			case "script", "iframe", "object", "embed", "style", "base", "img", "form":
				if action := attr(tok, "action"); tok.Data == "form" && strings.EqualFold(attr(tok, "method"), "get") &&
					strings.HasPrefix(action, "/") && !strings.HasPrefix(action, "//") {
					break // the search and filter forms: a GET to a page of ours
				}
				t.Errorf("%s: <%s> element in page", path, tok.Data)
			}
			for _, a := range tok.Attr {
				k := strings.ToLower(a.Key)
				v := strings.ToLower(strings.TrimSpace(a.Val))
				if strings.HasPrefix(k, "on") || k == "style" || k == "srcdoc" || k == "formaction" {
					t.Errorf("%s: attribute %s=%q on <%s>", path, a.Key, a.Val, tok.Data)
				}
				if (k == "href" || k == "src" || k == "action" || k == "xlink:href") &&
					(strings.HasPrefix(v, "javascript:") || strings.HasPrefix(v, "data:") || strings.HasPrefix(v, "vbscript:")) {
					t.Errorf("%s: %s=%q on <%s>", path, a.Key, a.Val, tok.Data)
				}
			}
		}
	}
}

// testLogger logs warnings and errors through t.
func testLogger(t testing.TB) *slog.Logger {
	return slog.New(slog.NewTextHandler(tWriter{t}, &slog.HandlerOptions{Level: slog.LevelWarn}))
}

type tWriter struct{ t testing.TB }

func (w tWriter) Write(b []byte) (int, error) {
	w.t.Log(strings.TrimSpace(string(b)))
	return len(b), nil
}

func htmlEscape(s string) string { return template.HTMLEscapeString(s) }

func attr(tok html.Token, key string) string {
	for _, a := range tok.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func TestPages(t *testing.T) {
	db, stories := corpusStore(t)
	h := httpapi.New(db, httpapi.Options{Version: "test"}).Handler()
	e1 := stories["E1"]
	var speaker int64
	db.Quotes(context.Background(), parallax.QuoteFilter{Speaker: "varsh", Limit: 1}, func(q *parallax.Quote) error {
		speaker = q.Speaker.EntityID
		return nil
	})
	if speaker == 0 {
		t.Fatal("no entity for Varsh")
	}
	st, err := db.Story(context.Background(), e1)
	if err != nil {
		t.Fatal(err)
	}
	var storyOutlets []string
	for _, o := range st.Outlets {
		storyOutlets = append(storyOutlets, htmlEscape(o))
	}
	tests := []struct {
		name   string
		path   string
		status int
		want   []string // substrings of the page
	}{
		{"home", "/", 200, []string{"Recent stories", "Varsh press conference"}},
		{"stories", "/stories", 200, []string{"Lanvik summit"}},
		{"story", fmt.Sprintf("/stories/%d", e1), 200, append([]string{`<svg class="timeline"`, `<table class="matrix">`, `class="variant `, "Framing by outlet"}, storyOutlets...)},
		{"speaker", fmt.Sprintf("/speakers/%d", speaker), 200, []string{"Ilena Varsh", "quoted saying"}},
		{"outlets", "/outlets", 200, []string{"Northgate Radio"}},
		{"outlet", "/outlets/" + url.PathEscape("Northgate Radio"), 200, []string{"Whom it quotes", "How it attributes"}},
		{"articles", "/articles", 200, []string{"Morvania and Pelsor agree water commission"}},
		{"article", "/articles/1", 200, []string{`class="q-direct"`, `class="who"`, "/stories/"}},
		{"search", "/search?q=dam", 200, []string{"Quotes", "Articles"}},
		{"search form", "/search", 200, []string{"Type words"}},
		{"search bad", "/search?since=nope", 400, []string{"since must be a date"}},
		{"missing story", "/stories/424242", 404, []string{"404"}},
		{"missing page", "/no/such/page", 404, []string{"404"}},
		{"stylesheet", "/static/style.css", 200, []string{".matrix"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, hdr, body := get(t, h, tc.path)
			if code != tc.status {
				t.Fatalf("GET %s: status %d, want %d: %.300s", tc.path, code, tc.status, body)
			}
			csp := hdr.Get("Content-Security-Policy")
			if !strings.Contains(csp, "script-src 'self'") || !strings.Contains(csp, "default-src 'none'") || strings.Contains(csp, "unsafe-inline") {
				t.Errorf("CSP %q", csp)
			}
			for _, w := range tc.want {
				if !strings.Contains(body, w) {
					t.Errorf("page lacks %q", w)
				}
			}
			if strings.HasPrefix(hdr.Get("Content-Type"), "text/html") {
				checkSafeHTML(t, tc.path, body)
			}
		})
	}
}

// xssPayloads are what hostile article text may hold.
var xssPayloads = []string{
	`<script>document.body.dataset.pwned="script"</script>`,
	`<img src=x onerror="document.body.dataset.pwned='img'">`,
	`"><svg onload="document.body.dataset.pwned='svg'">`,
	`javascript:document.body.dataset.pwned='href'`,
	`</title><script>document.body.dataset.pwned='title'</script>`,
}

// hostileArticle is an article whose every field carries a payload.
func hostileArticle() map[string]any {
	p := strings.Join(xssPayloads, " ")
	text := "The minister <b>Hostile</b> spoke on Tuesday.\n\n" +
		`"We will never accept ` + xssPayloads[0] + ` or ` + xssPayloads[1] + `," said Minister Arlen Dovic, the <i>head</i> of the ministry.` + "\n\n" +
		`Dovic said that the plan ` + xssPayloads[2] + ` would fail.` + "\n\n" +
		"Critics called it " + xssPayloads[4] + " and walked out.\n"
	return map[string]any{
		"id": "evil-1", "url": xssPayloads[3], "outlet": "Evil <script>alert(1)</script> Times",
		"title": "Headline " + p, "published": "2025-05-01", "text": text,
	}
}

// postJSON posts v as JSON to h.
func postJSON(t testing.TB, h http.Handler, path, contentType string, body []byte, hdr map[string]string) (int, string) {
	t.Helper()
	req := httptest.NewRequest(http.MethodPost, path, bytes.NewReader(body))
	req.Host = "127.0.0.1:8080"
	req.Header.Set("Content-Type", contentType)
	for k, v := range hdr {
		req.Header.Set(k, v)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec.Code, rec.Body.String()
}

// hostileStore is a store holding the hostile article, ingested through
// the API, in a story whose title and statement carry payloads too.
func hostileStore(t testing.TB) (*httpapi.Server, int64, int64) {
	t.Helper()
	ctx := context.Background()
	db := newStore(t)
	srv := httpapi.New(db, httpapi.Options{Ingest: pipelineIngest(db), Logger: testLogger(t)})
	b, _ := json.Marshal(hostileArticle())
	code, body := postJSON(t, srv.Handler(), "/api/articles", "application/json", b, nil)
	if code != 200 || !strings.Contains(body, `"stored":1`) {
		t.Fatalf("ingest: %d %s", code, body)
	}
	var art *parallax.Article
	db.Articles(ctx, parallax.ArticleFilter{}, func(a *parallax.Article) error { art = a; return nil })
	var qs []*parallax.Quote
	db.Quotes(ctx, parallax.QuoteFilter{Article: art.ID}, func(q *parallax.Quote) error { qs = append(qs, q); return nil })
	st := &parallax.Story{Title: "Story " + xssPayloads[0], Start: "2025-05-01", End: "2025-05-01",
		Articles: []int64{art.ID}, Outlets: []string{art.Outlet}}
	if err := db.SaveStories(ctx, st); err != nil {
		t.Fatal(err)
	}
	stmt := &parallax.Statement{Story: st.ID, Speaker: "Dovic " + xssPayloads[1], Text: "Canonical " + xssPayloads[0]}
	for _, q := range qs {
		stmt.Quotes = append(stmt.Quotes, parallax.Variant{Quote: q.ID, Label: "reworded <b>", Diff: []parallax.DiffOp{
			{Op: "-", Text: xssPayloads[0]}, {Op: "+", Text: xssPayloads[1]}, {Op: "=", Text: xssPayloads[2]}, {Op: "<x>", Text: "odd op"}}})
	}
	if err := db.ReplaceStatements(ctx, st.ID, []*parallax.Statement{stmt}); err != nil {
		t.Fatal(err)
	}
	if len(qs) == 0 {
		t.Fatal("the hostile article yielded no quote")
	}
	return srv, st.ID, art.ID
}

func TestXSSEscaped(t *testing.T) {
	srv, story, art := hostileStore(t)
	h := srv.Handler()
	var speaker int64
	if _, _, body := get(t, h, fmt.Sprintf("/api/articles/%d", art)); strings.Contains(body, `"entity":`) {
		var d httpapi.ArticleDetail
		json.Unmarshal([]byte(body), &d)
		for _, q := range d.Quotes {
			if q.Speaker.Entity != nil {
				speaker = *q.Speaker.Entity
			}
		}
	}
	pages := []string{"/", "/stories", fmt.Sprintf("/stories/%d", story), fmt.Sprintf("/articles/%d", art), "/articles",
		"/outlets", "/outlets/" + url.PathEscape("Evil <script>alert(1)</script> Times"), "/search?q=minister",
		"/search?q=" + url.QueryEscape(xssPayloads[0]) + "&outlet=" + url.QueryEscape(xssPayloads[1])}
	if speaker != 0 {
		pages = append(pages, fmt.Sprintf("/speakers/%d", speaker))
	}
	for _, p := range pages {
		t.Run(p, func(t *testing.T) {
			code, _, body := get(t, h, p)
			if code != 200 {
				t.Fatalf("status %d: %.300s", code, body)
			}
			checkSafeHTML(t, p, body)
			for _, bad := range []string{"<script>", "<img", "<svg onload", "onerror=\"", "<b>Hostile", "<i>head", "reworded <b>"} {
				if strings.Contains(body, bad) {
					t.Errorf("page contains raw %q", bad)
				}
			}
		})
	}
	// The payload is shown as text.
	_, _, body := get(t, h, fmt.Sprintf("/stories/%d", story))
	if !strings.Contains(body, "&lt;script&gt;document.body.dataset.pwned") {
		t.Error("story page does not show the payload as text")
	}
	// JSON escapes < and > too, so a browser sniffing it finds no tag.
	_, _, body = get(t, h, fmt.Sprintf("/api/stories/%d", story))
	if strings.Contains(body, "<script") || !strings.Contains(body, `\u003cscript\u003e`) {
		t.Errorf("JSON does not escape markup: %.300s", body)
	}
}
