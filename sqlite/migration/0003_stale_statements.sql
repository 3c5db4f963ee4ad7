-- A story's statements are aligned when first needed, not on every
-- ingest: stale marks a story whose articles changed since its statements
-- were last replaced.
ALTER TABLE stories ADD COLUMN stale INTEGER NOT NULL DEFAULT 1;
CREATE INDEX stories_stale ON stories(stale) WHERE stale = 1;
