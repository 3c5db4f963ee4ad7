package sqlite

import (
	"context"
	"encoding/json"
	"fmt"

	parallax "github.com/parallax-news/parallax"
)

// MentionFilter selects entity mentions; zero fields match everything.
type MentionFilter struct {
	Article int64
	Entity  int64
}

// Mentions streams the stored mentions of entities, by article, then
// entity, then as saved. It returns fn's first error unchanged.
func (db *DB) Mentions(ctx context.Context, f MentionFilter, fn func(article, entity int64, m parallax.Mention) error) error {
	var w where
	if f.Article != 0 {
		w.add(`m.article = ?`, f.Article)
	}
	if f.Entity != 0 {
		w.add(`m.entity = ?`, f.Entity)
	}
	// Texts left out were their spans of raw; raw is read only for those.
	q := `SELECT m.article, m.entity, m.spans, m.kinds, m.texts, CASE WHEN m.texts IS NULL THEN a.raw ELSE '' END
		FROM mentions m JOIN articles a ON a.id = m.article` + w.String() + ` ORDER BY m.article, m.entity`
	rows, err := db.r.QueryContext(ctx, q, w.args...)
	if err != nil {
		return fmt.Errorf("sqlite: mentions: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var article, entity int64
		var blob []byte
		var kindsJSON, raw string
		var textsJSON *string
		if err := rows.Scan(&article, &entity, &blob, &kindsJSON, &textsJSON, &raw); err != nil {
			return fmt.Errorf("sqlite: mentions: %w", err)
		}
		spans, err := decodeSpans(blob)
		if err != nil {
			return fmt.Errorf("sqlite: mentions of %d in %d: %w", entity, article, err)
		}
		var kinds, texts []string
		if err := json.Unmarshal([]byte(kindsJSON), &kinds); err != nil {
			return fmt.Errorf("sqlite: mentions of %d in %d: %w", entity, article, err)
		}
		if textsJSON != nil {
			if err := json.Unmarshal([]byte(*textsJSON), &texts); err != nil {
				return fmt.Errorf("sqlite: mentions of %d in %d: %w", entity, article, err)
			}
		}
		if len(kinds) != len(spans) || (texts != nil && len(texts) != len(spans)) {
			return fmt.Errorf("sqlite: mentions of %d in %d: %d spans, %d kinds, %d texts", entity, article, len(spans), len(kinds), len(texts))
		}
		for i, sp := range spans {
			m := parallax.Mention{Span: sp, Kind: parallax.MentionKind(kinds[i])}
			if texts != nil {
				m.Text = texts[i]
			} else {
				m.Text = sp.In(raw)
			}
			if err := fn(article, entity, m); err != nil {
				return err
			}
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("sqlite: mentions: %w", err)
	}
	return nil
}
