package httpapi

import (
	"context"
	"crypto/subtle"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/pipeline"
)

// Defaults for Options.
const (
	DefaultAddr           = "127.0.0.1:8080"
	DefaultMaxBodyBytes   = 32 << 20
	DefaultRequestTimeout = 30 * time.Second
	DefaultIngestTimeout  = 10 * time.Minute
	DefaultPageSize       = 50
	MaxPageSize           = 500
)

// IngestFunc runs the per-article pipeline over r, an input in format
// "jsonl" (one article object per line), and stores the result.
type IngestFunc func(ctx context.Context, r io.Reader, format string) (pipeline.Summary, error)

// StoryPageFunc builds a story in full.
type StoryPageFunc func(ctx context.Context, id int64) (*StoryPage, error)

// Options configure a Server; the zero value serves read-only.
type Options struct {
	// Ingest stores articles POSTed to /api/articles; nil answers 501.
	Ingest IngestFunc
	// StoryPage builds a story in full; nil builds it from the store
	// (BuildStoryPage).
	StoryPage StoryPageFunc
	// Token, when set, must be sent as "Authorization: Bearer TOKEN" with
	// every write request. Without a token, writes are refused unless the
	// server listens on a loopback address.
	Token string
	// MaxBodyBytes caps a POST body (default 32 MiB).
	MaxBodyBytes int64
	// RequestTimeout bounds a read request (default 30s); IngestTimeout an
	// ingest (default 10 min).
	RequestTimeout time.Duration
	IngestTimeout  time.Duration
	Logger         *slog.Logger
	// MaxSearches bounds the searches served at once (default 2); more
	// wait their turn.
	MaxSearches int
	// Version is shown in /healthz and the page footer.
	Version string
}

// Server serves a store over HTTP. Create it with New.
type Server struct {
	st      parallax.Store
	cs      parallax.CorpusStore // nil when the store keeps no stories
	opt     Options
	log     *slog.Logger
	metrics *registry
	web     *web
	handler http.Handler
	started time.Time

	// public is set when the server listens on a non-loopback address.
	public atomic.Bool
	// loopbackOnly makes the server accept only loopback Host headers
	// (a guard against DNS rebinding); set by ListenAndServe.
	loopbackOnly atomic.Bool
	// gen counts ingests, to invalidate caches.
	gen     atomic.Int64
	outlets outletCache
	// searches bounds the full-text searches running at once, so slow
	// ones cannot take every store connection from page views.
	searches chan struct{}
	// ingestMu runs one ingest at a time: the corpus stages behind
	// Options.Ingest need not be safe for concurrent batches.
	ingestMu sync.Mutex
}

// New returns a Server over st.
func New(st parallax.Store, opt Options) *Server {
	if opt.MaxBodyBytes <= 0 {
		opt.MaxBodyBytes = DefaultMaxBodyBytes
	}
	if opt.RequestTimeout <= 0 {
		opt.RequestTimeout = DefaultRequestTimeout
	}
	if opt.IngestTimeout <= 0 {
		opt.IngestTimeout = DefaultIngestTimeout
	}
	if opt.MaxSearches <= 0 {
		opt.MaxSearches = 2
	}
	s := &Server{st: st, opt: opt, log: opt.Logger, metrics: newRegistry(), started: time.Now(),
		searches: make(chan struct{}, max(1, opt.MaxSearches))}
	if s.log == nil {
		s.log = slog.New(slog.DiscardHandler)
	}
	if cs, ok := st.(parallax.CorpusStore); ok {
		s.cs = cs
	}
	if s.opt.StoryPage == nil {
		s.opt.StoryPage = func(ctx context.Context, id int64) (*StoryPage, error) { return BuildStoryPage(ctx, st, id) }
	}
	s.web = newWeb(s)
	s.handler = s.routes()
	return s
}

// Handler returns the server's HTTP handler with all its middleware.
func (s *Server) Handler() http.Handler { return s.handler }

// ListenAndServe serves on addr (DefaultAddr when empty) until ctx is
// done, then shuts down gracefully: it stops accepting connections and
// waits up to 10 seconds for requests in flight.
func (s *Server) ListenAndServe(ctx context.Context, addr string) error {
	if addr == "" {
		addr = DefaultAddr
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("httpapi: listen: %w", err)
	}
	return s.Serve(ctx, ln)
}

// Serve is ListenAndServe on a listener the caller opened.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	loop := isLoopback(ln.Addr())
	s.public.Store(!loop)
	s.loopbackOnly.Store(loop)
	if !loop && s.opt.Token == "" {
		s.log.Warn("listening on a non-loopback address without a token: write endpoints are disabled", "addr", ln.Addr().String())
	}
	hs := &http.Server{
		Handler:           s.handler,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       2 * time.Minute,
		WriteTimeout:      s.opt.IngestTimeout + 30*time.Second,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(s.log.Handler(), slog.LevelWarn),
		BaseContext:       func(net.Listener) context.Context { return context.WithoutCancel(ctx) },
	}
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	s.log.Info("serving", "addr", "http://"+ln.Addr().String())
	select {
	case err := <-errc:
		return fmt.Errorf("httpapi: serve: %w", err)
	case <-ctx.Done():
	}
	s.log.Info("shutting down")
	sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	err := hs.Shutdown(sctx)
	if err != nil {
		// Requests still running after the grace period are cut off.
		s.log.Warn("graceful shutdown timed out; closing connections", "err", err)
		_ = hs.Close()
	}
	if serr := <-errc; serr != nil && !errors.Is(serr, http.ErrServerClosed) && err == nil {
		err = serr
	}
	if err != nil {
		return fmt.Errorf("httpapi: shutdown: %w", err)
	}
	return nil
}

func isLoopback(a net.Addr) bool {
	ta, ok := a.(*net.TCPAddr)
	return ok && ta.IP.IsLoopback()
}

// loopbackHost reports whether a Host header names this machine.
func loopbackHost(host string) bool {
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	host = strings.Trim(host, "[]")
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// Security headers sent with every response. Pages load only their own
// stylesheet and script; nothing inline runs.
const csp = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; " +
	"connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

// statusWriter records the status and size of a response.
type statusWriter struct {
	http.ResponseWriter
	status int
	bytes  int64
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	n, err := w.ResponseWriter.Write(b)
	w.bytes += int64(n)
	return n, err
}

func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// wrap adds the middleware every request goes through: security headers,
// host check, limits, timeouts, panic recovery, metrics and the access log.
func (s *Server) wrap(mux *http.ServeMux) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		sw := &statusWriter{ResponseWriter: w}
		h := sw.Header()
		h.Set("Content-Security-Policy", csp)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		h.Set("Cross-Origin-Resource-Policy", "same-origin")

		_, pattern := mux.Handler(r)
		route := pattern
		if route == "" {
			route = "unmatched"
		}
		s.metrics.inflight.Add(1)
		defer func() {
			s.metrics.inflight.Add(-1)
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				s.log.Error("panic serving request", "path", r.URL.Path, "panic", fmt.Sprint(v))
				if sw.status == 0 {
					writeError(sw, r, parallax.Errorf(parallax.EINTERNAL, "internal error"))
				}
			}
			d := time.Since(start)
			status := sw.status
			if status == 0 {
				status = http.StatusOK
			}
			s.metrics.observe(route, r.Method, status, d)
			level := slog.LevelInfo
			if status >= 500 {
				level = slog.LevelError
			}
			s.log.LogAttrs(r.Context(), level, "request",
				slog.String("method", r.Method), slog.String("path", r.URL.Path),
				slog.String("route", route), slog.Int("status", status),
				slog.Int64("bytes", sw.bytes), slog.Duration("duration", d),
				slog.String("remote", r.RemoteAddr))
		}()

		if s.loopbackOnly.Load() && !loopbackHost(r.Host) {
			writeError(sw, r, &httpError{http.StatusMisdirectedRequest, "bad_host", "this server answers only to localhost"})
			return
		}
		timeout := s.opt.RequestTimeout
		if r.Method == http.MethodPost {
			timeout = s.opt.IngestTimeout
			r.Body = http.MaxBytesReader(sw, r.Body, s.opt.MaxBodyBytes)
		} else if r.Body != nil {
			r.Body = http.MaxBytesReader(sw, r.Body, 1<<20)
		}
		ctx, cancel := context.WithTimeout(r.Context(), timeout)
		defer cancel()
		mux.ServeHTTP(sw, r.WithContext(ctx))
	})
}

// authorizeWrite checks that r may change the store.
func (s *Server) authorizeWrite(r *http.Request) error {
	if s.opt.Token != "" {
		got, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
		if !ok || subtle.ConstantTimeCompare([]byte(got), []byte(s.opt.Token)) != 1 {
			return &httpError{http.StatusUnauthorized, "unauthorized", "a valid bearer token is required"}
		}
		return nil
	}
	if s.public.Load() {
		return &httpError{http.StatusForbidden, "forbidden", "writes are disabled: the server listens beyond loopback without a token"}
	}
	// A page on another site must not post into a local server.
	if o := r.Header.Get("Origin"); o != "" && !sameOrigin(o, r.Host) {
		return &httpError{http.StatusForbidden, "forbidden", "cross-origin write refused"}
	}
	return nil
}

func sameOrigin(origin, host string) bool {
	o, ok := strings.CutPrefix(origin, "http://")
	if !ok {
		o, ok = strings.CutPrefix(origin, "https://")
	}
	return ok && strings.EqualFold(o, host)
}
