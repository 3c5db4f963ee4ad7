package main

import (
	"context"
	"fmt"
	"os"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/sqlite"
)

// openStore opens the database named by --db. mustExist makes a missing
// file an error instead of creating an empty database.
func openStore(ctx context.Context, g *globals, mustExist bool) (*sqlite.DB, error) {
	if mustExist {
		if _, err := os.Stat(g.db); err != nil {
			return nil, parallax.Errorf(parallax.ENOTFOUND, "no database at %s (run `parallax analyze` first, or pass --db)", g.db)
		}
	}
	db, err := sqlite.Open(ctx, g.db, sqlite.Options{})
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", g.db, err)
	}
	return db, nil
}
