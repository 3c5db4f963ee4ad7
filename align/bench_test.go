package align_test

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/parallax-news/parallax/align"
	"github.com/parallax-news/parallax/quote"
	"github.com/parallax-news/parallax/textproc"
)

// polnearItems extracts (with textproc and quote) the quotes of the
// PolNeAR train articles in date order until it has n, dating each
// article by its file name, as a stand-in for a large story.
func polnearItems(tb testing.TB, n int) []align.Item {
	dir := filepath.Join(sharedDir(tb), "eval", "polnear", "train", "text")
	names, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	if len(names) == 0 {
		tb.Skipf("no PolNeAR texts in %s", dir)
	}
	date := func(p string) string {
		f := strings.SplitN(filepath.Base(p), "_", 3)
		if len(f) < 3 {
			return ""
		}
		return f[1]
	}
	sort.Slice(names, func(i, j int) bool {
		if di, dj := date(names[i]), date(names[j]); di != dj {
			return di < dj
		}
		return names[i] < names[j]
	})
	an := textproc.New()
	ex := quote.New(quote.Options{})
	var items []align.Item
	for k, p := range names {
		if len(items) >= n {
			break
		}
		b, err := os.ReadFile(p)
		if err != nil {
			tb.Fatal(err)
		}
		raw := string(b)
		pub, _ := time.Parse("2006-01-02", date(p))
		outlet := strings.SplitN(filepath.Base(p), "_", 2)[0]
		for _, q := range ex.Extract(an.Analyze(raw, lineParas(raw))) {
			if len(items) >= n {
				break
			}
			q.ID, q.Article = int64(len(items)+1), int64(k+1)
			items = append(items, align.Item{Quote: q, Outlet: outlet, Published: pub,
				ArticleID: int64(k + 1), Position: float64(q.Span.Start) / float64(max(1, len(raw)))})
		}
	}
	return items
}

// BenchmarkAlign1000 aligns 1,000 quotes extracted from PolNeAR articles.
func BenchmarkAlign1000(b *testing.B) {
	items := polnearItems(b, 1000)
	n := 0
	for _, it := range items {
		n += len(it.Quote.Text)
	}
	a := align.New(align.Options{})
	b.SetBytes(int64(n))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		a.Align(items)
	}
}
