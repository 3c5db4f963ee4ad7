package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	parallax "github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/storetest"
)

// TestPackedQuoteSQLite reads quotes as migration 0004 packed them, with
// SQLite's json_array, and refuses what decodeQuotes refuses.
func TestPackedQuoteSQLite(t *testing.T) {
	db, err := sql.Open("sqlite", ":memory:")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	raw := "0123456789"
	for _, text := range []any{nil, "own \"text\" \\ \n\t\x01 é 💬", ""} {
		var data string
		err := db.QueryRow(`SELECT json_array(json_array('direct', ?, 2, 7, 'said', 0, 4, 'Ana', 'she', 1, 3, 12, 'ana', 0.72))`, text).Scan(&data)
		if err != nil {
			t.Fatal(err)
		}
		want := []parallax.Quote{{ID: 1, Article: 4, Kind: parallax.Direct, Text: raw[2:7], Span: parallax.Span{Start: 2, End: 7},
			Cue: "said", CueSpan: parallax.Span{Start: 0, End: 4}, Speaker: parallax.Speaker{Name: "Ana", Mention: "she",
				MentionSpan: parallax.Span{Start: 1, End: 3}, EntityID: 12, EntityKey: "ana"}, Confidence: 0.72}}
		if own, ok := text.(string); ok {
			want[0].Text = own
		}
		got, err := decodeQuotes(4, 1, 1, data, raw)
		if err != nil || !reflect.DeepEqual(got, want) {
			t.Errorf("read of %s:\n got %+v, %v\nwant %+v", data, got, err, want)
		}
		if !strings.Contains(data, `,12,"`) {
			t.Errorf("json_array packs entity 12 as %s, without the pattern Quotes looks for", data)
		}
	}
	quote := func(text string) string {
		return `[["direct",` + text + `,0,1,"",0,0,"","",0,0,null,"",0.5]]`
	}
	for _, in := range []string{``, `[`, `[[]]`, `[["direct"]]`, quote(`"open`), quote(`"bad \x"`), quote(`"ctl` + "\x01" + `"`),
		quote(`"a"`) + `x`, `[["direct",null,0,1,"",0,0,"","",0,0,0,"",zz]]`, `[["direct",null,0,1,"",0,0,"","",0,0,1.5,"",1]]`} {
		if qs, err := decodeQuotes(1, 1, 0, in, ""); err == nil {
			t.Errorf("decodeQuotes(%q) = %+v, want an error", in, qs)
		}
	}
}

// TestSpeaks checks speaks against the filter it stands for, on names
// whose case folding changes their length and on filters with a line
// break.
func TestSpeaks(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	parts := []string{"a", "A", "n", "N", " ", "\n", "é", "É", "İ", "i", "ß", "K", "k"} // K is the Kelvin sign
	str := func(n int) string {
		var b strings.Builder
		for range rng.IntN(n) {
			b.WriteString(parts[rng.IntN(len(parts))])
		}
		return b.String()
	}
	for range 20000 {
		name, mention, speaker := str(8), str(8), fold(str(4))
		if speaker == "" {
			continue
		}
		want := strings.Contains(fold(name)+"\n"+fold(mention), speaker)
		if got := speaks(name, mention, speaker); got != want {
			t.Fatalf("speaks(%q, %q, %q) = %v, want %v", name, mention, speaker, got, want)
		}
	}
}

// TestMatchesFTS5 checks the search's own matching, with its quick test
// for ASCII texts, against FTS5 on random texts and searches.
func TestMatchesFTS5(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	words := []string{"flood", "Flood", "FLOODS", "barrier", "café", "Cafe", "U.S.", "us", "x2", "2x", "naïve", "over-run", "run"}
	seps := []string{" ", ", ", "-", "'", "\n", "“", "…"}
	var texts []string
	for range 300 {
		var b strings.Builder
		for i := range 1 + rng.IntN(6) {
			if i > 0 {
				b.WriteString(seps[rng.IntN(len(seps))])
			}
			b.WriteString(words[rng.IntN(len(words))])
		}
		texts = append(texts, b.String())
	}
	queries := []string{"flood", "floods", "flo*", "cafe", "café", "us", "U.S.", `"flood barrier"`, "run OR barrier",
		"x2 flood", "naive", "over*", `"over run"`, "2x OR cafe flood"}
	db := ftsOracle(t, texts)
	var toks tokens
	for _, q := range queries {
		s, err := parseSearch(q)
		if err != nil {
			t.Fatal(err)
		}
		hit := map[int]bool{}
		rows, err := db.Query(`SELECT rowid FROM t WHERE t MATCH ?`, s.match)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var id int
			if err := rows.Scan(&id); err != nil {
				t.Fatal(err)
			}
			hit[id] = true
		}
		rows.Close()
		for i, text := range texts {
			if got := s.matches(text, &toks); got != hit[i] {
				t.Errorf("search %q matches %q = %v, FTS5 says %v", q, text, got, hit[i])
			}
		}
	}
}

// TestSpeakerAliasAfterMigration filters, by an alias only its entity
// has, quotes a version 3 store held: the rows migration 0004 packed with
// json_array are found as those Save packs.
func TestSpeakerAliasAfterMigration(t *testing.T) {
	ctx := context.Background()
	as := storetest.Generate(9, 6, 2500, 5)
	e := &as[2].Entities[0]
	e.Aliases = append(e.Aliases, "The Only Alias")
	path, w := newV3(t, as)
	w.Close()
	db, err := Open(ctx, path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var want []int64
	for _, a := range as {
		for _, q := range a.Quotes {
			if q.Speaker.EntityKey == e.Key {
				want = append(want, q.ID)
			}
		}
	}
	if len(want) == 0 {
		t.Fatalf("no quote of %q in the fixture", e.Key)
	}
	var got []int64
	err = db.Quotes(ctx, parallax.QuoteFilter{Speaker: "only alias"}, func(q *parallax.Quote) error {
		got = append(got, q.ID)
		return nil
	})
	if err != nil || fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("quotes of speaker %q: %v, %v; want %v", "only alias", got, err, want)
	}
}
