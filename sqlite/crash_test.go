package sqlite_test

import (
	"bufio"
	"context"
	"database/sql"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	parallax "github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/sqlite"
	"github.com/parallax-news/parallax/storetest"
)

const crashSize = 64

// crashBatches are the batches the crashing child saves, by number.
func crashBatch(i int) []*parallax.Analysis {
	return storetest.Generate(uint64(1000+i), crashSize, 3000, 6)
}

// TestKillDuringSave kills a process (SIGKILL) while it saves batch after
// batch, then checks that the database holds whole batches only, that its
// indexes (the FTS5 ones included) are intact, and that the interrupted
// batch saves in full on a second open.
func TestKillDuringSave(t *testing.T) {
	if path := os.Getenv("PARALLAX_SQLITE_CRASH_CHILD"); path != "" {
		crashChild(path)
		return
	}
	if testing.Short() {
		t.Skip("spawns a process; skipped in -short")
	}
	path := filepath.Join(t.TempDir(), "crash.db")
	cmd := exec.Command(os.Args[0], "-test.run=^TestKillDuringSave$")
	cmd.Env = append(os.Environ(), "PARALLAX_SQLITE_CRASH_CHILD="+path)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	lines := bufio.NewScanner(out)
	saved := 0
	for saved < 3 && lines.Scan() {
		if n, ok := strings.CutPrefix(lines.Text(), "saved "); ok {
			saved, _ = strconv.Atoi(n)
		}
	}
	// The child is now inside its next Save most of the time.
	time.Sleep(15 * time.Millisecond)
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	_ = cmd.Wait()
	if saved < 3 {
		t.Fatalf("child reported %d saved batches before dying", saved)
	}

	ctx := context.Background()
	raw, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	checks := []string{
		`PRAGMA integrity_check`,
		`INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')`,
		`INSERT INTO entity_fts(entity_fts) VALUES ('integrity-check')`,
		`INSERT INTO quote_fts(quote_fts) VALUES ('integrity-check')`,
	}
	for _, q := range checks {
		if strings.HasPrefix(q, "PRAGMA") {
			var res string
			if err := raw.QueryRow(q).Scan(&res); err != nil || res != "ok" {
				t.Errorf("%s = %q, %v", q, res, err)
			}
		} else if _, err := raw.Exec(q); err != nil {
			t.Errorf("%s: %v", q, err)
		}
	}
	raw.Close()

	db, err := sqlite.Open(ctx, path, sqlite.Options{})
	if err != nil {
		t.Fatalf("reopen after kill: %v", err)
	}
	defer db.Close()
	st, err := db.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Articles%crashSize != 0 || st.Articles < saved*crashSize {
		t.Fatalf("%d articles after the kill: not whole batches of %d, or fewer than the %d reported", st.Articles, crashSize, saved)
	}
	done := st.Articles / crashSize
	quotes := 0
	for i := range done {
		for _, a := range crashBatch(i) {
			quotes += len(a.Quotes)
		}
	}
	if st.Quotes != quotes {
		t.Errorf("%d quotes for %d whole batches, want %d", st.Quotes, done, quotes)
	}
	// The batch the kill interrupted now saves in full.
	next := crashBatch(done)
	res, err := db.Save(ctx, next)
	if err != nil {
		t.Fatalf("Save of the interrupted batch: %v", err)
	}
	for i, r := range res {
		if !r.Created {
			t.Fatalf("article %d of the interrupted batch was partly stored", i)
		}
	}
	n := 0
	err = db.Articles(ctx, parallax.ArticleFilter{Query: strings.Fields(next[0].Article.Text)[3]}, func(a *parallax.Article) error {
		if a.ID == res[0].ID {
			n++
		}
		return nil
	})
	if err != nil || n != 1 {
		t.Errorf("full-text search misses the retried batch (%d, %v)", n, err)
	}
}

// crashChild saves batches until it is killed, reporting each commit.
func crashChild(path string) {
	ctx := context.Background()
	db, err := sqlite.Open(ctx, path, sqlite.Options{})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	for i := 0; ; i++ {
		if _, err := db.Save(ctx, crashBatch(i)); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
		fmt.Printf("saved %d\n", i+1)
	}
}
