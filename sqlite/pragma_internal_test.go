package sqlite

import (
	"context"
	"path/filepath"
	"testing"
)

// TestPragmas checks the settings Open promises on a new file.
func TestPragmas(t *testing.T) {
	db, err := Open(context.Background(), filepath.Join(t.TempDir(), "p.db"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	cases := []struct {
		name, pragma, want string
		writerOnly         bool
	}{
		{"journal mode", "journal_mode", "wal", false},
		{"foreign keys", "foreign_keys", "1", false},
		{"synchronous normal", "synchronous", "1", false},
		{"busy timeout", "busy_timeout", "5000", false},
		{"temp store memory", "temp_store", "2", true},
		{"page cache 16 MiB", "cache_size", "-16384", true},
		{"page size 16 KiB", "page_size", "16384", false},
		{"checkpoint every 4000 pages", "wal_autocheckpoint", "4000", true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var got string
			if err := db.w.QueryRow("PRAGMA " + tc.pragma).Scan(&got); err != nil || got != tc.want {
				t.Errorf("writer PRAGMA %s = %q, %v; want %q", tc.pragma, got, err, tc.want)
			}
			if tc.writerOnly {
				return
			}
			if err := db.r.QueryRow("PRAGMA " + tc.pragma).Scan(&got); err != nil || got != tc.want {
				t.Errorf("reader PRAGMA %s = %q, %v; want %q", tc.pragma, got, err, tc.want)
			}
		})
	}
	var qo string
	if err := db.r.QueryRow("PRAGMA query_only").Scan(&qo); err != nil || qo != "1" {
		t.Errorf("reader query_only = %q, %v", qo, err)
	}
}
