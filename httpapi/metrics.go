package httpapi

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// durationBuckets are the upper bounds, in seconds, of the request
// duration histogram.
var durationBuckets = []float64{0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10}

// registry holds the server's metrics and writes them in the Prometheus
// text exposition format (version 0.0.4).
type registry struct {
	mu       sync.Mutex
	requests map[reqKey]uint64     // by route, method, status
	duration map[string]*histogram // by route
	inflight atomic.Int64

	ingests       atomic.Uint64
	ingestFailed  atomic.Uint64
	ingestRecords atomic.Uint64
	ingestStored  atomic.Uint64
}

type reqKey struct {
	route, method string
	status        int
}

type histogram struct {
	counts []uint64 // per bucket, not cumulative; last is +Inf
	sum    float64
	n      uint64
}

func newRegistry() *registry {
	return &registry{requests: map[reqKey]uint64{}, duration: map[string]*histogram{}}
}

func (m *registry) observe(route, method string, status int, d time.Duration) {
	sec := d.Seconds()
	i := sort.SearchFloat64s(durationBuckets, sec)
	m.mu.Lock()
	m.requests[reqKey{route, method, status}]++
	h := m.duration[route]
	if h == nil {
		h = &histogram{counts: make([]uint64, len(durationBuckets)+1)}
		m.duration[route] = h
	}
	h.counts[i]++
	h.sum += sec
	h.n++
	m.mu.Unlock()
}

// write prints every metric, sorted, so scrapes are stable.
func (m *registry) write(w io.Writer, started time.Time) error {
	bw := bufio.NewWriter(w)
	m.mu.Lock()
	keys := make([]reqKey, 0, len(m.requests))
	for k := range m.requests {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		a, b := keys[i], keys[j]
		if a.route != b.route {
			return a.route < b.route
		}
		if a.method != b.method {
			return a.method < b.method
		}
		return a.status < b.status
	})
	fmt.Fprintln(bw, "# HELP parallax_http_requests_total HTTP requests served, by route pattern, method and status.")
	fmt.Fprintln(bw, "# TYPE parallax_http_requests_total counter")
	for _, k := range keys {
		fmt.Fprintf(bw, "parallax_http_requests_total{route=%s,method=%s,status=\"%d\"} %d\n",
			quoteLabel(k.route), quoteLabel(k.method), k.status, m.requests[k])
	}
	routes := make([]string, 0, len(m.duration))
	for r := range m.duration {
		routes = append(routes, r)
	}
	sort.Strings(routes)
	fmt.Fprintln(bw, "# HELP parallax_http_request_duration_seconds Time to serve a request, by route pattern.")
	fmt.Fprintln(bw, "# TYPE parallax_http_request_duration_seconds histogram")
	for _, r := range routes {
		h := m.duration[r]
		var cum uint64
		for i, le := range durationBuckets {
			cum += h.counts[i]
			fmt.Fprintf(bw, "parallax_http_request_duration_seconds_bucket{route=%s,le=\"%s\"} %d\n", quoteLabel(r), formatFloat(le), cum)
		}
		cum += h.counts[len(durationBuckets)]
		fmt.Fprintf(bw, "parallax_http_request_duration_seconds_bucket{route=%s,le=\"+Inf\"} %d\n", quoteLabel(r), cum)
		fmt.Fprintf(bw, "parallax_http_request_duration_seconds_sum{route=%s} %s\n", quoteLabel(r), formatFloat(h.sum))
		fmt.Fprintf(bw, "parallax_http_request_duration_seconds_count{route=%s} %d\n", quoteLabel(r), h.n)
	}
	m.mu.Unlock()

	gauge := func(name, help string, v float64) {
		fmt.Fprintf(bw, "# HELP %s %s\n# TYPE %s gauge\n%s %s\n", name, help, name, name, formatFloat(v))
	}
	counter := func(name, help string, v uint64) {
		fmt.Fprintf(bw, "# HELP %s %s\n# TYPE %s counter\n%s %d\n", name, help, name, name, v)
	}
	gauge("parallax_http_requests_in_flight", "Requests being served.", float64(m.inflight.Load()))
	counter("parallax_ingest_requests_total", "Ingest requests run.", m.ingests.Load())
	counter("parallax_ingest_request_failures_total", "Ingest requests that ended in an error.", m.ingestFailed.Load())
	counter("parallax_ingest_records_total", "Records read by ingest requests.", m.ingestRecords.Load())
	counter("parallax_ingest_articles_stored_total", "New articles stored by ingest requests.", m.ingestStored.Load())
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	gauge("go_goroutines", "Goroutines that currently exist.", float64(runtime.NumGoroutine()))
	gauge("go_memstats_heap_alloc_bytes", "Heap bytes allocated and in use.", float64(ms.HeapAlloc))
	gauge("process_start_time_seconds", "Start time of the server since the Unix epoch, in seconds.", float64(started.Unix()))
	return bw.Flush()
}

// quoteLabel quotes a label value, escaping as the text format requires.
func quoteLabel(s string) string {
	r := strings.NewReplacer(`\`, `\\`, "\n", `\n`, `"`, `\"`)
	return `"` + r.Replace(s) + `"`
}

func formatFloat(v float64) string {
	if math.IsInf(v, 1) {
		return "+Inf"
	}
	return strconv.FormatFloat(v, 'g', -1, 64)
}
