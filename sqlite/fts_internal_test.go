package sqlite

import (
	"database/sql"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"unicode"

	"github.com/parallax-news/parallax/internal/testshared"
)

// fts5Tokens returns the tokens articles_fts's tokenizer makes of each text.
func fts5Tokens(t *testing.T, texts []string) [][]string {
	t.Helper()
	db, err := sql.Open("sqlite", ":memory:")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	for _, q := range []string{
		`CREATE VIRTUAL TABLE t USING fts5(x, tokenize = 'unicode61 remove_diacritics 2')`,
		`CREATE VIRTUAL TABLE v USING fts5vocab(t, instance)`,
	} {
		if _, err := db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	tx, err := db.Begin()
	if err != nil {
		t.Fatal(err)
	}
	for i, s := range texts {
		if _, err := tx.Exec(`INSERT INTO t(rowid, x) VALUES (?, ?)`, i, s); err != nil {
			t.Fatal(err)
		}
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	rows, err := db.Query(`SELECT doc, term FROM v ORDER BY doc, offset`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := make([][]string, len(texts))
	for rows.Next() {
		var doc int
		var term string
		if err := rows.Scan(&doc, &term); err != nil {
			t.Fatal(err)
		}
		out[doc] = append(out[doc], term)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestTokensMatchFTS5 checks appendTokens against FTS5's tokenizer on
// mixed text, on every Latin, Greek and Cyrillic letter, and on real
// articles when the shared data is there.
func TestTokensMatchFTS5(t *testing.T) {
	texts := []string{
		"Café Müller's naïve FAÇADE — “quoted,” he said; U.S. rate 3.5% (2016)",
		"e\u0301clair cre\u0300me, a\u20ddb, ǅemal Ǆ, İstanbul ıspanak Straße",
		"Ελλάδα ΑΘΗΝΑ Кремль МОСКВА Ünal Ångström Œuvre æther Øre µ ϐϑϕϖϰϱϵ",
		"北京 東京 서울 عربي עברית हिन्दी",
		"tab\tnew\nline\x00nul \ufffd",
	}
	for _, lo := range [][2]rune{{0xc0, 0x250}, {0x1e00, 0x1f00}, {0x391, 0x3ca}, {0x400, 0x460}} {
		for r := lo[0]; r < lo[1]; r++ {
			if unicode.IsGraphic(r) {
				texts = append(texts, "a"+string(r)+"b")
			}
		}
	}
	if dir := testshared.Find(); dir != "" {
		files, _ := filepath.Glob(filepath.Join(dir, "eval", "polnear", "dev", "text", "*.txt"))
		for _, f := range files[:min(len(files), 40)] {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			texts = append(texts, string(b))
		}
	}
	want := fts5Tokens(t, texts)
	for i, s := range texts {
		if got := appendTokens(nil, s); !slices.Equal(got, want[i]) {
			if len(s) > 80 {
				s = s[:80] + "…"
			}
			t.Errorf("tokens of %q:\n got %q\nwant %q", s, got, want[i])
		}
	}
}

func TestSearchMatches(t *testing.T) {
	cases := []struct {
		query, text string
		want        bool
	}{
		{"storm", "The STORM came.", true},
		{"storm", "Stormy weather.", false},
		{"storm*", "Stormy weather.", true},
		{`"loudest piece"`, "It is the loudest piece I wrote", true},
		{`"loudest piece"`, "the piece was loudest", false},
		{"piece loudest", "the piece was loudest", true},
		{"flood OR storm", "a storm", true},
		{"flood OR storm", "a drought", false},
		{"rain flood OR storm wind", "rain and flood", true},
		{"rain flood OR storm wind", "rain and wind", false},
		{"cafe", "Le Café", true},
		{"U.S.", "the u s of a", true},
		{"new yor*", "New York", true},
		{`"new yor"*`, "New York", false}, // the * of a phrase is dropped
		{"council's", "the council s plan", true},
	}
	for _, tc := range cases {
		s, err := parseSearch(tc.query)
		if err != nil {
			t.Fatal(err)
		}
		if got := s.matches(tc.text, &tokens{}); got != tc.want {
			t.Errorf("search %q matches %q = %v, want %v", tc.query, tc.text, got, tc.want)
		}
	}
	// FTS5 agrees on every case.
	var texts []string
	for _, tc := range cases {
		texts = append(texts, tc.text)
	}
	db := ftsOracle(t, texts)
	for i, tc := range cases {
		s, _ := parseSearch(tc.query)
		var n int
		if err := db.QueryRow(`SELECT count(*) FROM t WHERE t MATCH ? AND rowid = ?`, s.match, i).Scan(&n); err != nil {
			t.Fatal(err)
		}
		if (n == 1) != tc.want {
			t.Errorf("FTS5: %s on %q = %v, want %v", s.match, tc.text, n == 1, tc.want)
		}
	}
}

func TestSearchWords(t *testing.T) {
	for in, want := range map[string]string{
		"storm":                    `("storm")`,
		`"New York" OR Bost*`:      `("new" "york") OR ("bost"*)`,
		`U.S. rain OR "Café au"*`:  `("u" "s" "rain") OR ("cafe" "au")`,
		`council's plan* OR flood`: `("council" "s" "plan"*) OR ("flood")`,
	} {
		s, err := parseSearch(in)
		if err != nil || s.words() != want {
			t.Errorf("parseSearch(%q).words() = %q, %v; want %q", in, s.words(), err, want)
		}
	}
}

// ftsOracle returns an in-memory FTS5 table t, tokenized as articles_fts
// is, holding texts as rows 0, 1, …: what search must agree with.
func ftsOracle(t *testing.T, texts []string) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite", ":memory:")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	db.SetMaxOpenConns(1)
	if _, err := db.Exec(`CREATE VIRTUAL TABLE t USING fts5(x, tokenize = 'unicode61 remove_diacritics 2')`); err != nil {
		t.Fatal(err)
	}
	for i, s := range texts {
		if _, err := db.Exec(`INSERT INTO t(rowid, x) VALUES (?, ?)`, i, s); err != nil {
			t.Fatal(err)
		}
	}
	return db
}
