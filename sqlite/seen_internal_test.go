package sqlite

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	parallax "github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/storetest"
)

func TestBloom(t *testing.T) {
	f := newBloom(10000)
	for i := range 10000 {
		f.add(fmt.Sprintf("in/%d.txt", i), parallax.RawHash(fmt.Sprint(i)))
	}
	for i := range 10000 {
		if !f.mayHave(fmt.Sprintf("in/%d.txt", i), parallax.RawHash(fmt.Sprint(i))) {
			t.Fatalf("pair %d added but missed", i)
		}
	}
	fp := 0
	for i := range 10000 {
		if f.mayHave(fmt.Sprintf("out/%d.txt", i), parallax.RawHash(fmt.Sprint(i))) {
			fp++
		}
	}
	if fp > 300 {
		t.Errorf("%d false positives in 10000, want about 1 %%", fp)
	}
}

// The filter knows the pairs stored before it was built, by this DB or
// another, and those this DB saves after; filled up, it is built again.
func TestHasSourceFilter(t *testing.T) {
	ctx := context.Background()
	open := opener(t, filepath.Join(t.TempDir(), "p.db"))
	as := storetest.Generate(11, 4, 800, 1)
	has := func(db *DB, a *parallax.Analysis) bool {
		t.Helper()
		ok, err := db.HasSource(ctx, a.Article.Source, parallax.RawHash(a.Article.Raw))
		if err != nil {
			t.Fatal(err)
		}
		return ok
	}
	other := open()
	if _, err := other.Save(ctx, as[:2]); err != nil {
		t.Fatal(err)
	}
	db := open()
	if !has(db, as[0]) || !has(db, as[1]) || has(db, as[2]) {
		t.Fatal("filter built at first use misses pairs stored before")
	}
	if _, err := db.Save(ctx, as[2:3]); err != nil {
		t.Fatal(err)
	}
	if !has(db, as[2]) {
		t.Error("pair saved by this DB after the filter was built: missed")
	}
	// Fill the filter past its limit: the next call builds it anew, from
	// the table.
	f := db.seen.f.Load()
	for i := int64(0); i <= f.limit; i++ {
		f.add(fmt.Sprint("filler ", i), "")
	}
	if !has(db, as[0]) || !has(db, as[2]) || has(db, as[3]) {
		t.Error("after the filter filled up: wrong answers")
	}
	if db.seen.f.Load() == f {
		t.Error("full filter not built again")
	}
}

// opener returns a function that opens the store at path once more, as
// another process would, and closes it when the test ends.
func opener(t *testing.T, path string) func() *DB {
	return func() *DB {
		db, err := Open(context.Background(), path, Options{})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
		return db
	}
}
