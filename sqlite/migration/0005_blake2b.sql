-- Content hashes move from SHA-256 to BLAKE2b-256 (parallax.RawHash,
-- parallax.BodyHash): a quarter of the time on CPUs without SHA
-- instructions, taken twice for every record. parallax_hash is
-- parallax.RawHash, registered by this package.
--
-- A source pair whose text is its article's is rehashed; the rest (a
-- record whose body another record brought first) keep a hash nothing
-- will match, so such a record is analysed once more on its next run,
-- found to be a duplicate body, and paired again.
UPDATE sources SET raw_hash = parallax_hash(a.raw)
	FROM articles a
	WHERE a.id = sources.article AND sources.raw_hash = a.raw_hash;
UPDATE articles SET hash = parallax_hash(text), raw_hash = parallax_hash(raw);
