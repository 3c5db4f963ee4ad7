package sqlite

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"embed"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"
	"time"

	parallax "github.com/parallax-news/parallax"
	msqlite "modernc.org/sqlite"
)

//go:embed migration/*.sql
var migrationFS embed.FS

// migration is one schema step, from migration/NNNN_name.sql.
type migration struct {
	version int
	name    string
	sql     string
}

// migrations are the embedded schema steps, in version order 1, 2, ….
var migrations = loadMigrations()

func loadMigrations() []migration {
	names, err := fs.Glob(migrationFS, "migration/*.sql")
	if err != nil {
		panic(err)
	}
	sort.Strings(names)
	var ms []migration
	for i, n := range names {
		base := strings.TrimSuffix(path.Base(n), ".sql")
		num, name, _ := strings.Cut(base, "_")
		v, err := strconv.Atoi(num)
		if err != nil || v != i+1 {
			panic(fmt.Sprintf("sqlite: migration %s out of sequence", n))
		}
		b, err := migrationFS.ReadFile(n)
		if err != nil {
			panic(err)
		}
		ms = append(ms, migration{version: v, name: name, sql: string(b)})
	}
	return ms
}

// parallax_hash(text) is parallax.RawHash in SQL, for migrations.
func init() {
	msqlite.MustRegisterDeterministicScalarFunction("parallax_hash", 1,
		func(_ *msqlite.FunctionContext, args []driver.Value) (driver.Value, error) {
			switch v := args[0].(type) {
			case nil:
				return nil, nil
			case string:
				return parallax.RawHash(v), nil
			case []byte:
				return parallax.BodyHash(v), nil
			}
			return nil, fmt.Errorf("parallax_hash: want text, got %T", args[0])
		})
}

// SchemaVersion is the schema version this package writes.
func SchemaVersion() int { return len(migrations) }

// migrate brings the database on w up to schema version target, one
// transaction per step. Each step re-reads the version under the write lock,
// so two processes opening the same new file do not both apply it.
func migrate(ctx context.Context, w *sql.DB, target int) error {
	c, err := w.Conn(ctx)
	if err != nil {
		return fmt.Errorf("sqlite: migrate: %w", err)
	}
	defer c.Close()
	if _, err := c.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_version (
		version INTEGER PRIMARY KEY,
		name    TEXT NOT NULL,
		applied TEXT NOT NULL)`); err != nil {
		return fmt.Errorf("sqlite: migrate: %w", err)
	}
	// A step may rewrite every article (0005 does); its statement journal
	// goes to a temporary file rather than memory.
	var store int
	if err := c.QueryRowContext(ctx, `PRAGMA temp_store`).Scan(&store); err != nil {
		return fmt.Errorf("sqlite: migrate: %w", err)
	}
	if _, err := c.ExecContext(ctx, `PRAGMA temp_store = FILE`); err != nil {
		return fmt.Errorf("sqlite: migrate: %w", err)
	}
	defer c.ExecContext(context.WithoutCancel(ctx), `PRAGMA temp_store = `+strconv.Itoa(store))
	for {
		done, err := migrateStep(ctx, c, target)
		if err != nil || done {
			return err
		}
	}
}

// migrateStep applies the next migration, reporting done when there is none.
func migrateStep(ctx context.Context, c *sql.Conn, target int) (done bool, err error) {
	tx, err := c.BeginTx(ctx, nil)
	if err != nil {
		return false, fmt.Errorf("sqlite: migrate: %w", err)
	}
	defer rollback(tx)
	var v int
	if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(version), 0) FROM schema_version`).Scan(&v); err != nil {
		return false, fmt.Errorf("sqlite: migrate: read version: %w", err)
	}
	if v > len(migrations) {
		return false, fmt.Errorf("sqlite: migrate: database schema version %d is newer than this program's %d", v, len(migrations))
	}
	if v >= target {
		return true, nil
	}
	m := migrations[v]
	if _, err := tx.ExecContext(ctx, m.sql); err != nil {
		return false, fmt.Errorf("sqlite: migrate to %d (%s): %w", m.version, m.name, err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO schema_version(version, name, applied) VALUES (?, ?, ?)`,
		m.version, m.name, time.Now().UTC().Format(time.RFC3339)); err != nil {
		return false, fmt.Errorf("sqlite: migrate to %d: %w", m.version, err)
	}
	if err := tx.Commit(); err != nil {
		return false, fmt.Errorf("sqlite: migrate to %d: commit: %w", m.version, err)
	}
	return false, nil
}
