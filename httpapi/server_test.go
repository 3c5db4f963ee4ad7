package httpapi_test

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/parallax-news/parallax/httpapi"
)

func TestIngest(t *testing.T) {
	article := func(id, body string) string {
		b, _ := json.Marshal(map[string]string{"id": id, "outlet": "Test Wire", "title": "Test " + id, "published": "2025-06-01",
			"text": body + "\n\n\"We will build the bridge by spring,\" said Mayor Tomas Brel on Monday.\n"})
		return string(b)
	}
	tests := []struct {
		name        string
		contentType string
		body        string
		opt         httpapi.Options
		headers     map[string]string
		status      int
		stored      int
	}{
		{"object", "application/json", article("a1", "The council met."), httpapi.Options{}, nil, 200, 1},
		{"array", "application/json; charset=utf-8", "[" + article("b1", "First story.") + "," + article("b2", "Second story.") + "]", httpapi.Options{}, nil, 200, 2},
		{"ndjson", "application/x-ndjson", article("c1", "One.") + "\n\n" + article("c2", "Two.") + "\n", httpapi.Options{}, nil, 200, 2},
		{"no text", "application/json", `{"id":"x","title":"nothing"}`, httpapi.Options{}, nil, 200, 0},
		{"not json", "application/json", `hello`, httpapi.Options{}, nil, 400, 0},
		{"array of strings", "application/json", `["a"]`, httpapi.Options{}, nil, 400, 0},
		{"ndjson not objects", "application/x-ndjson", "[1]\n", httpapi.Options{}, nil, 400, 0},
		{"empty", "application/json", ``, httpapi.Options{}, nil, 400, 0},
		{"form post", "application/x-www-form-urlencoded", `text=hello`, httpapi.Options{}, nil, 415, 0},
		{"text plain", "text/plain", article("d1", "x"), httpapi.Options{}, nil, 415, 0},
		{"too large", "application/json", article("e1", strings.Repeat("Words and more words. ", 200)), httpapi.Options{MaxBodyBytes: 1024}, nil, 413, 0},
		{"cross origin", "application/json", article("f1", "x"), httpapi.Options{}, map[string]string{"Origin": "http://evil.example"}, 403, 0},
		{"same origin", "application/json", article("f2", "Same origin."), httpapi.Options{}, map[string]string{"Origin": "http://127.0.0.1:8080"}, 200, 1},
		{"token missing", "application/json", article("g1", "x"), httpapi.Options{Token: "s3cret"}, nil, 401, 0},
		{"token wrong", "application/json", article("g2", "x"), httpapi.Options{Token: "s3cret"}, map[string]string{"Authorization": "Bearer nope"}, 401, 0},
		{"token right", "application/json", article("g3", "With a token."), httpapi.Options{Token: "s3cret"}, map[string]string{"Authorization": "Bearer s3cret"}, 200, 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			db := newStore(t)
			tc.opt.Ingest = pipelineIngest(db)
			h := httpapi.New(db, tc.opt).Handler()
			code, body := postJSON(t, h, "/api/articles", tc.contentType, []byte(tc.body), tc.headers)
			if code != tc.status {
				t.Fatalf("status %d, want %d: %s", code, tc.status, body)
			}
			if code != 200 {
				var e errResp
				if err := json.Unmarshal([]byte(body), &e); err != nil || e.Error.Code == "" {
					t.Errorf("error body %q", body)
				}
				return
			}
			var res httpapi.IngestResult
			if err := json.Unmarshal([]byte(body), &res); err != nil {
				t.Fatal(err)
			}
			if res.Stored != tc.stored {
				t.Errorf("stored %d, want %d: %s", res.Stored, tc.stored, body)
			}
			st, _ := db.Stats(context.Background())
			if st.Articles != tc.stored {
				t.Errorf("store holds %d articles, want %d", st.Articles, tc.stored)
			}
			if tc.stored > 0 && res.Quotes == 0 {
				t.Errorf("no quote found in the ingested articles: %s", body)
			}
		})
	}
}

func TestIngestDisabled(t *testing.T) {
	db := newStore(t)
	h := httpapi.New(db, httpapi.Options{}).Handler()
	code, body := postJSON(t, h, "/api/articles", "application/json", []byte(`{"text":"x"}`), nil)
	if code != http.StatusNotImplemented {
		t.Fatalf("status %d: %s", code, body)
	}
}

// serve runs srv on a fresh listener at addr until the test ends.
func serve(t *testing.T, srv *httpapi.Server, addr string) (base string, stop func() error) {
	t.Helper()
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ctx, ln) }()
	port := ln.Addr().(*net.TCPAddr).Port
	stopped := false
	stop = func() error {
		if stopped {
			return nil
		}
		stopped = true
		cancel()
		select {
		case err := <-done:
			return err
		case <-time.After(15 * time.Second):
			return errors.New("server did not stop")
		}
	}
	t.Cleanup(func() { stop() })
	return "http://127.0.0.1:" + itoa(port), stop
}

func itoa(n int) string {
	b := []byte{}
	for n > 0 || len(b) == 0 {
		b = append([]byte{byte('0' + n%10)}, b...)
		n /= 10
	}
	return string(b)
}

func TestServeLoopbackAndShutdown(t *testing.T) {
	db := newStore(t)
	srv := httpapi.New(db, httpapi.Options{Ingest: pipelineIngest(db)})
	base, stop := serve(t, srv, "127.0.0.1:0")
	resp, err := http.Get(base + "/healthz")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Fatalf("healthz %d", resp.StatusCode)
	}
	// A page of another name resolving to 127.0.0.1 (DNS rebinding) is refused.
	req, _ := http.NewRequest("GET", base+"/api/stats", nil)
	req.Host = "attacker.example"
	resp, err = http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusMisdirectedRequest {
		t.Errorf("foreign Host: status %d, want 421", resp.StatusCode)
	}
	// Loopback without a token: writes are allowed.
	resp, err = http.Post(base+"/api/articles", "application/json", strings.NewReader(`{"text":"The mayor spoke.\n\n\"It is done,\" she said."}`))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Errorf("loopback write: status %d", resp.StatusCode)
	}
	if err := stop(); err != nil {
		t.Fatalf("shutdown: %v", err)
	}
	if _, err := http.Get(base + "/healthz"); err == nil {
		t.Error("server still answers after shutdown")
	}
}

func TestServePublicNeedsToken(t *testing.T) {
	db := newStore(t)
	srv := httpapi.New(db, httpapi.Options{Ingest: pipelineIngest(db)})
	// Listening on every interface is not loopback: writes need a token.
	base, _ := serve(t, srv, "0.0.0.0:0")
	resp, err := http.Post(base+"/api/articles", "application/json", strings.NewReader(`{"text":"x"}`))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusForbidden {
		t.Errorf("public write without token: status %d, want 403", resp.StatusCode)
	}
	resp, err = http.Get(base + "/api/stats")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Errorf("public read: status %d", resp.StatusCode)
	}
}

func TestMetrics(t *testing.T) {
	db, _ := corpusStore(t)
	h := httpapi.New(db, httpapi.Options{}).Handler()
	for _, p := range []string{"/api/stats", "/api/stats", "/api/stories/999999", "/"} {
		get(t, h, p)
	}
	code, hdr, body := get(t, h, "/metrics")
	if code != 200 || !strings.HasPrefix(hdr.Get("Content-Type"), "text/plain; version=0.0.4") {
		t.Fatalf("status %d, Content-Type %q", code, hdr.Get("Content-Type"))
	}
	want := []string{
		`parallax_http_requests_total{route="GET /api/stats",method="GET",status="200"} 2`,
		`parallax_http_requests_total{route="GET /api/stories/{id}",method="GET",status="404"} 1`,
		`parallax_http_request_duration_seconds_bucket{route="GET /api/stats",le="+Inf"} 2`,
		`parallax_http_request_duration_seconds_count{route="GET /{$}"} 1`,
		"# TYPE parallax_http_request_duration_seconds histogram",
		"parallax_http_requests_in_flight 1",
	}
	for _, w := range want {
		if !strings.Contains(body, w) {
			t.Errorf("metrics lack %q", w)
		}
	}
	// Every line is a comment or "name{labels} value"; buckets never decrease.
	sc := bufio.NewScanner(strings.NewReader(body))
	last := map[string]float64{}
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "# HELP ") || strings.HasPrefix(line, "# TYPE ") {
			continue
		}
		i := strings.LastIndexByte(line, ' ')
		if i < 0 {
			t.Fatalf("bad line %q", line)
		}
		var v float64
		if _, err := fmtSscan(line[i+1:], &v); err != nil {
			t.Fatalf("bad value in %q", line)
		}
		if name := line[:i]; strings.Contains(name, "_bucket{") {
			route := name[:strings.Index(name, ",le=")]
			if v < last[route] {
				t.Errorf("bucket decreases: %q", line)
			}
			last[route] = v
		}
	}

}

func fmtSscan(s string, v *float64) (int, error) { return fmt.Sscan(s, v) }
