package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"

	parallax "github.com/parallax-news/parallax"
	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// Options tune a DB; the zero value is ready to use.
type Options struct {
	// Now is the clock for Article.Ingested; time.Now when nil.
	Now func() time.Time
	// BusyTimeout is how long a statement waits for a lock held by another
	// process before failing; 5s when zero.
	BusyTimeout time.Duration
	// Readers is how many read connections stay open between reads;
	// max(4, GOMAXPROCS) when zero. Up to eight times as many open while
	// needed: a read nested in another's stream (a callback that reads)
	// must not wait for a connection the streams hold.
	Readers int
	// DeferIndex leaves the full-text indexing of saved articles and
	// quotes out of Save, for bulk loads: the first search after (in any
	// process) or Index or Close catches up, so searches still see every
	// saved row. Off, Save indexes in its own transaction.
	DeferIndex bool
}

// DB is a Parallax store in one SQLite file. It implements parallax.Store
// and parallax.CorpusStore and is safe for concurrent use. Writes go through
// a single connection; reads through a pool, so a read may stream while a
// write commits.
type DB struct {
	w          *sql.DB // the one writer connection
	r          *sql.DB // read-only pool
	now        func() time.Time
	deferIndex bool
	hasSource  *sql.Stmt // on r; the pipeline asks it for every record
	seen       seenFilter
	saveMu     sync.Mutex  // one Save at a time, for ents
	ents       entityCache // what the last Save left
	caches     int64       // entity caches begun: the next one's mark
	scratch    scratch     // Save's buffers, left for the next

	closeOnce sync.Once
	closeErr  error
}

var (
	_ parallax.Store       = (*DB)(nil)
	_ parallax.CorpusStore = (*DB)(nil)
)

// Open opens or creates the store at path (a file name) and migrates its
// schema to the newest version. It fails when the file was written by a
// newer Parallax with a schema this one does not know.
func Open(ctx context.Context, path string, opt Options) (*DB, error) {
	if path == "" || path == ":memory:" || strings.HasPrefix(path, "file:") {
		return nil, fmt.Errorf("sqlite: open %q: need a plain file path", path)
	}
	if strings.ContainsRune(path, '?') {
		return nil, fmt.Errorf("sqlite: open %q: path must not contain '?'", path)
	}
	busy := opt.BusyTimeout
	if busy <= 0 {
		busy = 5 * time.Second
	}
	readers := opt.Readers
	if readers <= 0 {
		readers = max(4, runtime.GOMAXPROCS(0))
	}
	q := url.Values{}
	q.Set("_busy_timeout", strconv.FormatInt(busy.Milliseconds(), 10))
	q.Set("_journal_mode", "WAL")
	q.Set("_synchronous", "NORMAL")
	q.Set("_foreign_keys", "1")
	q.Set("_txlock", "immediate")

	wq := url.Values{}
	for k, v := range q {
		wq[k] = v
	}
	// A new file gets 16 KiB pages: an article row fits one, and a commit
	// writes a quarter of the WAL frames 4 KiB pages take. The WAL is
	// checkpointed every 4000 pages (64 MiB at that size) rather than
	// 1000, so a page that batch after batch rewrites (index and FTS
	// pages) is copied to the database once for several commits.
	// The page cache holds 1024 such pages: the allocator under SQLite
	// gives each page with its header a 64 KiB region, so 16 MiB of cache
	// takes 64 MB of memory (64 MiB of cache took 256 MB, and a long run
	// filled it). A smaller cache rereads pages a batch revisits: 11,500
	// more reads over 10,000 articles, ≈ 25 ms.
	// Statement journals (multi-row inserts make them) stay in memory.
	wq["_pragma"] = []string{"page_size(16384)", "wal_autocheckpoint(4000)", "cache_size(-16384)", "temp_store(MEMORY)"}
	w, err := sql.Open("sqlite", path+"?"+wq.Encode())
	if err != nil {
		return nil, fmt.Errorf("sqlite: open: %w", err)
	}
	w.SetMaxOpenConns(1)
	w.SetMaxIdleConns(1)
	w.SetConnMaxIdleTime(0)
	w.SetConnMaxLifetime(0)
	if err := w.PingContext(ctx); err != nil {
		w.Close()
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	if err := migrate(ctx, w, len(migrations)); err != nil {
		w.Close()
		return nil, err
	}

	q.Del("_journal_mode") // set once by the writer; it persists in the file
	q.Del("_txlock")
	q.Set("_query_only", "1")
	r, err := sql.Open("sqlite", path+"?"+q.Encode())
	if err != nil {
		w.Close()
		return nil, fmt.Errorf("sqlite: open: %w", err)
	}
	r.SetMaxOpenConns(8 * readers)
	r.SetMaxIdleConns(readers)
	r.SetConnMaxIdleTime(time.Minute)

	hasSource, err := r.PrepareContext(ctx, `SELECT 1 FROM sources WHERE source = ? AND raw_hash = ?`)
	if err != nil {
		r.Close()
		w.Close()
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	now := opt.Now
	if now == nil {
		now = time.Now
	}
	return &DB{w: w, r: r, now: now, deferIndex: opt.DeferIndex, hasSource: hasSource}, nil
}

// Close brings the full-text indexes up to date, runs SQLite's optimizer
// and closes every connection.
// Closing again returns the first Close's result.
func (db *DB) Close() error {
	db.closeOnce.Do(func() {
		err := db.Index(context.Background())
		_, _ = db.w.Exec("PRAGMA optimize")
		db.closeErr = errors.Join(err, db.hasSource.Close(), db.r.Close(), db.w.Close())
	})
	return db.closeErr
}

// Index brings the full-text indexes up to date with the saved articles
// and quotes; there is only work to do after Saves with DeferIndex (or
// after an upgrade).
func (db *DB) Index(ctx context.Context) error {
	var behind bool
	err := db.r.QueryRowContext(ctx, `SELECT (SELECT min(upto) FROM fts_state) < (SELECT coalesce(max(id), 0) FROM articles)`).Scan(&behind)
	if err != nil {
		return fmt.Errorf("sqlite: index: %w", err)
	}
	if !behind {
		return nil
	}
	tx, err := db.w.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("sqlite: index: begin: %w", err)
	}
	defer rollback(tx)
	if err := indexFTS(ctx, tx); err != nil {
		return fmt.Errorf("sqlite: index: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("sqlite: index: commit: %w", err)
	}
	return nil
}

// rollback undoes tx when it was not committed; its error is of no use
// once another error is being returned.
func rollback(tx *sql.Tx) { _ = tx.Rollback() }
