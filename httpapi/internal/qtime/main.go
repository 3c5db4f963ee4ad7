// Command qtime times two shapes of the store's full-text queries on a
// store file: the IN-subquery the sqlite package uses now, and a join on
// the FTS table that lets SQLite stop at the LIMIT. A measuring aid for
// the load benchmark's report.
//
//	go run ./httpapi/internal/qtime /tmp/parallax-loadbench.db river summit
package main

import (
	"database/sql"
	"fmt"
	"log"
	"os"
	"time"

	_ "modernc.org/sqlite"
)

var shapes = []struct{ name, sql string }{
	{"articles IN-subquery", `SELECT a.id, a.title FROM articles a WHERE a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?) ORDER BY a.id LIMIT 51`},
	{"articles FTS join", `SELECT a.id, a.title FROM articles_fts f JOIN articles a ON a.id = f.rowid WHERE articles_fts MATCH ? ORDER BY f.rowid LIMIT 51`},
	{"articles FTS join desc", `SELECT a.id, a.title FROM articles_fts f JOIN articles a ON a.id = f.rowid WHERE articles_fts MATCH ? ORDER BY f.rowid DESC LIMIT 51`},
	{"quotes IN-subquery", `SELECT q.id FROM quotes q WHERE q.id IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?) ORDER BY q.article, q.ord LIMIT 51`},
	{"quotes FTS join", `SELECT q.id FROM quotes_fts f JOIN quotes q ON q.id = f.rowid WHERE quotes_fts MATCH ? ORDER BY f.rowid LIMIT 51`},
}

func main() {
	if len(os.Args) < 3 {
		log.Fatal("usage: qtime STORE WORD...")
	}
	db, err := sql.Open("sqlite", os.Args[1]+"?_query_only=1")
	if err != nil {
		log.Fatal(err)
	}
	defer db.Close()
	for _, w := range os.Args[2:] {
		for _, s := range shapes {
			t := time.Now()
			rows, err := db.Query(s.sql, `"`+w+`"`)
			if err != nil {
				log.Fatal(err)
			}
			n := 0
			for rows.Next() {
				n++
			}
			if err := rows.Close(); err != nil {
				log.Fatal(err)
			}
			fmt.Printf("%-24s %-10s %3d rows %9.1f ms\n", s.name, w, n, float64(time.Since(t).Microseconds())/1000)
		}
	}
}
