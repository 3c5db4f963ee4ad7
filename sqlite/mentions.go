package sqlite

import (
	"context"
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
		w.add(`am.article = ?`, f.Article)
	}
	if f.Entity != 0 {
		w.add(`am.article IN (SELECT rowid FROM entity_fts WHERE entity_fts MATCH ?)`, entityMatch(f.Entity))
	}
	q := `SELECT am.article, am.mentions, a.raw FROM article_mentions am JOIN articles a ON a.id = am.article` +
		w.String() + ` ORDER BY am.article`
	rows, err := db.r.QueryContext(ctx, q, w.args...)
	if err != nil {
		return fmt.Errorf("sqlite: mentions: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var article int64
		var data, raw string
		if err := rows.Scan(&article, &data, &raw); err != nil {
			return fmt.Errorf("sqlite: mentions: %w", err)
		}
		ems, err := decodeMentions(data, raw)
		if err != nil {
			return fmt.Errorf("sqlite: mentions in %d: %w", article, err)
		}
		for _, em := range ems {
			if f.Entity != 0 && em.entity != f.Entity {
				continue
			}
			for _, m := range em.mentions {
				if err := fn(article, em.entity, m); err != nil {
					return err
				}
			}
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("sqlite: mentions: %w", err)
	}
	return nil
}
