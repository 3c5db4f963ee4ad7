package httpapi_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/parallax-news/parallax/httpapi"
)

func benchGet(b *testing.B, h http.Handler, path string) {
	b.Helper()
	b.ReportAllocs()
	var n int64
	for b.Loop() {
		req := httptest.NewRequest(http.MethodGet, path, nil)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != 200 {
			b.Fatalf("GET %s: %d", path, rec.Code)
		}
		n = int64(rec.Body.Len())
	}
	b.SetBytes(n)
}

func BenchmarkStoryPage(b *testing.B) {
	db, stories := corpusStore(b)
	srv := httpapi.New(db, httpapi.Options{})
	h := srv.Handler()
	id := stories["E1"]
	b.Run("build", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := httpapi.BuildStoryPage(b.Context(), db, id); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("html", func(b *testing.B) { benchGet(b, h, fmt.Sprintf("/stories/%d", id)) })
	b.Run("json", func(b *testing.B) { benchGet(b, h, fmt.Sprintf("/api/stories/%d", id)) })
}

func BenchmarkSearch(b *testing.B) {
	db, _ := corpusStore(b)
	h := httpapi.New(db, httpapi.Options{}).Handler()
	b.Run("json", func(b *testing.B) { benchGet(b, h, "/api/search?q=river") })
	b.Run("html", func(b *testing.B) { benchGet(b, h, "/search?q=river") })
}
