package sqlite

import (
	"context"
	"fmt"
	"hash/maphash"
	"math/bits"
	"sync"
	"sync/atomic"
)

// seenFilter is a Bloom filter of the (source, raw hash) pairs stored:
// HasSource asks SQLite only about the pairs it may hold, so a run into a
// store that has none of its records spends no query on each of them. It
// holds every pair stored when it was built plus those this DB saved
// since; a pair another process stores meanwhile is missed, and its record
// analysed again: Save then finds its body stored and records the pair.
type seenFilter struct {
	mu sync.Mutex // held to build the filter and to add to it
	f  atomic.Pointer[bloom]
}

// bloom is a Bloom filter of fixed size, safe for concurrent use.
type bloom struct {
	seed  maphash.Seed
	words []atomic.Uint64
	mask  uint64 // bits - 1; a power of two of bits
	n     atomic.Int64
	limit int64 // the pairs it takes before false positives pass ≈ 1 %
}

// bloomProbes is how many bits a pair sets: 7 at 10 bits per pair gives
// about 1 % false positives.
const bloomProbes = 7

func newBloom(pairs int64) *bloom {
	nbits := uint64(1) << 16
	for int64(nbits) < 20*pairs {
		nbits <<= 1
	}
	return &bloom{seed: maphash.MakeSeed(), words: make([]atomic.Uint64, nbits/64), mask: nbits - 1, limit: int64(nbits / 10)}
}

func (b *bloom) hashes(source, rawHash string) (h1, h2 uint64) {
	var h maphash.Hash
	h.SetSeed(b.seed)
	h.WriteString(source)
	h.WriteByte(0)
	h.WriteString(rawHash)
	h1 = h.Sum64()
	h2 = bits.RotateLeft64(h1, 32) | 1
	return h1, h2
}

func (b *bloom) add(source, rawHash string) {
	h1, h2 := b.hashes(source, rawHash)
	for i := range uint64(bloomProbes) {
		bit := (h1 + i*h2) & b.mask
		w := &b.words[bit/64]
		if m := uint64(1) << (bit % 64); w.Load()&m == 0 {
			w.Or(m)
		}
	}
	b.n.Add(1)
}

func (b *bloom) mayHave(source, rawHash string) bool {
	h1, h2 := b.hashes(source, rawHash)
	for i := range uint64(bloomProbes) {
		bit := (h1 + i*h2) & b.mask
		if b.words[bit/64].Load()&(1<<(bit%64)) == 0 {
			return false
		}
	}
	return true
}

// filter returns the filter, building it from the sources table the first
// time and again, twice the size, when it has filled up.
func (db *DB) filter(ctx context.Context) (*bloom, error) {
	if f := db.seen.f.Load(); f != nil && f.n.Load() <= f.limit {
		return f, nil
	}
	db.seen.mu.Lock()
	defer db.seen.mu.Unlock()
	if f := db.seen.f.Load(); f != nil && f.n.Load() <= f.limit {
		return f, nil
	}
	var n int64
	if err := db.r.QueryRowContext(ctx, `SELECT count(*) FROM sources`).Scan(&n); err != nil {
		return nil, fmt.Errorf("sqlite: source filter: %w", err)
	}
	f := newBloom(2*n + 1024)
	rows, err := db.r.QueryContext(ctx, `SELECT source, raw_hash FROM sources`)
	if err != nil {
		return nil, fmt.Errorf("sqlite: source filter: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var source, raw string
		if err := rows.Scan(&source, &raw); err != nil {
			return nil, fmt.Errorf("sqlite: source filter: %w", err)
		}
		f.add(source, raw)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: source filter: %w", err)
	}
	db.seen.f.Store(f)
	return f, nil
}

// sawSources adds the pairs a committed Save stored to the filter, once
// it is built. A build reads the pairs committed before it starts; the
// lock makes the others wait for it and land in the new filter.
func (db *DB) sawSources(pairs [][2]string) {
	db.seen.mu.Lock()
	defer db.seen.mu.Unlock()
	f := db.seen.f.Load()
	if f == nil {
		return
	}
	for _, p := range pairs {
		f.add(p[0], p[1])
	}
}
