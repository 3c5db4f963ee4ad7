package dedup

import (
	"encoding/binary"
	"errors"
	"sync"
	"unicode"
	"unicode/utf8"

	parallax "github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/internal/ascii"
	"github.com/parallax-news/parallax/internal/hashset"
)

// Options tune an Index. Zero fields take the defaults of DefaultOptions.
type Options struct {
	// Hashes is the number of MinHash bins (one-permutation hashing, at
	// most 256); Bands divides it. With
	// Hashes/Bands rows per band, pairs above about (1/Bands)^(Bands/Hashes)
	// Jaccard become candidates.
	Hashes, Bands int
	// Shingle is the number of words per shingle, at most 16.
	Shingle int
	// Near is the Jaccard similarity from which a body is a near duplicate.
	Near float64
	// Containment is the share of the shorter body's shingles found in the
	// longer one from which a body is a syndicated copy.
	Containment float64
	// MinShingles is the size under which a body is only matched exactly:
	// short texts are contained in too much.
	MinShingles int
	// MaxBucket caps how many earlier articles one LSH bucket yields,
	// newest first, so that a bucket of boilerplate stays cheap.
	MaxBucket int
	// Seed picks the hash functions; indexes with different seeds have
	// incompatible signatures.
	Seed uint64
}

// DefaultOptions are the options a zero Options stands for.
var DefaultOptions = Options{
	Hashes: 120, Bands: 40, Shingle: 5,
	Near: 0.8, Containment: 0.6, MinShingles: 30,
	MaxBucket: 64, Seed: 0x9e3779b97f4a7c15,
}

func (o Options) withDefaults() Options {
	d := DefaultOptions
	if o.Hashes > 0 {
		d.Hashes = o.Hashes
	}
	if o.Bands > 0 {
		d.Bands = o.Bands
	}
	d.Hashes = min(d.Hashes, 256)
	if d.Bands > d.Hashes {
		d.Bands = d.Hashes
	}
	d.Hashes -= d.Hashes % d.Bands
	if o.Shingle > 0 {
		d.Shingle = min(o.Shingle, 16)
	}
	if o.Near > 0 {
		d.Near = o.Near
	}
	if o.Containment > 0 {
		d.Containment = o.Containment
	}
	if o.MinShingles > 0 {
		d.MinShingles = o.MinShingles
	}
	if o.MaxBucket > 0 {
		d.MaxBucket = o.MaxBucket
	}
	if o.Seed != 0 {
		d.Seed = o.Seed
	}
	return d
}

// Signature is the MinHash sketch of one body.
type Signature struct {
	// Exact hashes the body's word sequence, lower-cased, without punctuation.
	Exact uint64
	// Shingles counts the body's distinct word shingles; 0 for a body
	// without words.
	Shingles uint32
	// Mins holds, per hash function, the least hash of any shingle.
	Mins []uint32
}

// Index finds, for each added signature, the earliest added article it
// duplicates. It is safe for concurrent use.
type Index struct {
	opt  Options
	rows int

	pool sync.Pool // *scratch for Signature

	mu      sync.Mutex
	ids     []int64
	sizes   []uint32
	mins    []uint32         // len(ids)*Hashes, entry i at [i*Hashes:]
	exact   map[uint64]int32 // first entry per exact hash
	buckets map[uint64]int32 // band key → newest node+1
	next    []int32          // node (entry*Bands+band) → older node+1 in the same bucket
	stamp   []uint32         // per entry: last Add that saw it as candidate
	gen     uint32
}

// NewIndex returns an empty index.
func NewIndex(opt Options) *Index {
	o := opt.withDefaults()
	x := &Index{opt: o, rows: o.Hashes / o.Bands,
		exact: map[uint64]int32{}, buckets: map[uint64]int32{}}
	x.pool.New = func() any { return new(scratch) }
	return x
}

// Options returns the options in effect.
func (x *Index) Options() Options { return x.opt }

// Len returns the number of indexed signatures.
func (x *Index) Len() int {
	x.mu.Lock()
	defer x.mu.Unlock()
	return len(x.ids)
}

func mix(z uint64) uint64 {
	z = (z ^ (z >> 33)) * 0xff51afd7ed558ccd
	z = (z ^ (z >> 33)) * 0xc4ceb9fe1a85ec53
	return z ^ (z >> 33)
}

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// Signature sketches text. It is pure and safe for concurrent use.
func (x *Index) Signature(text string) Signature {
	sc := x.pool.Get().(*scratch)
	words := appendWords(sc.words[:0], text)
	k := x.opt.Shingle
	exact := uint64(fnvOffset)
	for _, w := range words {
		exact = (exact ^ w) * fnvPrime
	}
	sig := Signature{Exact: mix(exact ^ uint64(len(words))), Mins: make([]uint32, x.opt.Hashes)}
	for i := range sig.Mins {
		sig.Mins[i] = ^uint32(0)
	}
	set := &sc.set
	for i := k; i <= len(words); i++ {
		var s uint64
		for _, w := range words[i-k : i] {
			s = (s ^ w) * fnvPrime
		}
		if s = mix(s); set.Add(s) {
			x.sketch(s, sig.Mins)
		}
	}
	if len(words) > 0 && len(words) < k {
		// a body shorter than one shingle is one shingle
		s := mix(exact)
		set.Add(s)
		x.sketch(s, sig.Mins)
	}
	sig.Shingles = uint32(set.Len())
	if set.Len() > 0 {
		fill(sig.Mins)
	}
	sc.words = words
	sc.reset()
	x.pool.Put(sc)
	return sig
}

// appendWords appends the hash of each word of text to dst: FNV-1a over
// its lower-cased letters and digits. Apostrophes stay inside words:
// "don't" is one word.
func appendWords(dst []uint64, text string) []uint64 {
	h := uint64(fnvOffset)
	inWord := false
	for i := 0; i < len(text); {
		// the common case: a run of ASCII letters and digits
		j := i
		for ; j < len(text); j++ {
			l := ascii.LowerAlnum[text[j]]
			if l == 0 {
				break
			}
			h = (h ^ uint64(l)) * fnvPrime
		}
		if j > i {
			inWord = true
			if i = j; i == len(text) {
				break
			}
		}
		c, size := rune(text[i]), 1
		if c >= utf8.RuneSelf {
			c, size = utf8.DecodeRuneInString(text[i:])
		}
		i += size
		switch {
		case c >= utf8.RuneSelf && (unicode.IsLetter(c) || unicode.IsDigit(c)):
			h = (h ^ uint64(unicode.ToLower(c))) * fnvPrime
			inWord = true
		case (c == '\'' || c == '’') && inWord:
		case inWord:
			dst = append(dst, h)
			h, inWord = fnvOffset, false
		}
	}
	if inWord {
		dst = append(dst, h)
	}
	return dst
}

// scratch is the reusable memory of one Signature call.
type scratch struct {
	words []uint64    // word hashes
	set   hashset.Set // shingle hashes
}

// maxKept bounds the word hashes and shingle slots a pooled scratch keeps
// (128 KiB each), so that one long text does not make every later one
// clear a large table.
const maxKept = 1 << 14

// reset empties the scratch for the next text.
func (sc *scratch) reset() {
	if cap(sc.words) > maxKept {
		sc.words = nil
	}
	sc.set.Reset(maxKept)
}

// sketch adds shingle s to mins by one-permutation hashing: each shingle
// is hashed once into one of len(mins) bins, keeping the least value per
// bin.
func (x *Index) sketch(s uint64, mins []uint32) {
	h := mix(s ^ x.opt.Seed)
	bin := (h >> 32) * uint64(len(mins)) >> 32
	if v := uint32(h); v < mins[bin] {
		mins[bin] = v
	}
}

// fill gives the empty bins of a sketch the value of the next filled bin
// to their right, shifted by the distance, so that two texts fill them
// consistently.
func fill(mins []uint32) {
	const empty = ^uint32(0)
	var filled [4]uint64 // bitmap of bins filled by shingles, for up to 256 bins
	for i, m := range mins {
		if m != empty {
			filled[i/64] |= 1 << (i % 64)
		}
	}
	for i := range mins {
		if filled[i/64]&(1<<(i%64)) != 0 {
			continue
		}
		for d := 1; d < len(mins); d++ {
			j := (i + d) % len(mins)
			if filled[j/64]&(1<<(j%64)) != 0 {
				v := mins[j] + uint32(d)*0x9e3779b1
				mins[i] = min(v, empty-1)
				break
			}
		}
	}
}

// Similarity estimates the Jaccard similarity of two signatures' shingle
// sets and the share of the smaller set contained in the larger.
func Similarity(s, t Signature) (jaccard, containment float64) {
	if len(s.Mins) == 0 || len(s.Mins) != len(t.Mins) || s.Shingles == 0 || t.Shingles == 0 {
		return 0, 0
	}
	eq := 0
	for i, m := range s.Mins {
		if t.Mins[i] == m {
			eq++
		}
	}
	jaccard = float64(eq) / float64(len(s.Mins))
	return jaccard, containment2(jaccard, s.Shingles, t.Shingles)
}

// containment2 turns a Jaccard estimate into the share of the smaller set
// in the intersection: |A∩B| = J(|A|+|B|)/(1+J).
func containment2(j float64, a, b uint32) float64 {
	inter := j * float64(a+b) / (1 + j)
	c := inter / float64(min(a, b))
	return min(c, 1)
}

// Add indexes sig under id and reports whether it duplicates an article
// added before; the returned Duplicate links to the earliest such article.
// Signatures of empty bodies, or of another Options, are ignored.
func (x *Index) Add(id int64, sig Signature) (parallax.Duplicate, bool) {
	H, B, R := x.opt.Hashes, x.opt.Bands, x.rows
	if len(sig.Mins) != H || sig.Shingles == 0 {
		return parallax.Duplicate{}, false
	}
	var keys [256]uint64
	bk := keys[:0]
	if B > len(keys) {
		bk = make([]uint64, 0, B)
	}
	for band := range B {
		k := uint64(band+1) * 0x9e3779b97f4a7c15
		for _, m := range sig.Mins[band*R : (band+1)*R] {
			k = (k ^ uint64(m)) * fnvPrime
		}
		bk = append(bk, mix(k))
	}

	x.mu.Lock()
	defer x.mu.Unlock()
	entry := int32(len(x.ids))
	dup, found := x.match(id, sig, bk)

	x.ids = append(x.ids, id)
	x.sizes = append(x.sizes, sig.Shingles)
	x.mins = append(x.mins, sig.Mins...)
	x.stamp = append(x.stamp, 0)
	if _, ok := x.exact[sig.Exact]; !ok {
		x.exact[sig.Exact] = entry
	}
	for band, k := range bk {
		node := entry*int32(B) + int32(band)
		x.next = append(x.next, x.buckets[k])
		x.buckets[k] = node + 1
	}
	return dup, found
}

// match finds the earliest entry sig duplicates; x.mu is held.
func (x *Index) match(id int64, sig Signature, bk []uint64) (parallax.Duplicate, bool) {
	if e, ok := x.exact[sig.Exact]; ok && x.sizes[e] == sig.Shingles {
		return parallax.Duplicate{Article: id, Original: x.ids[e], Kind: parallax.DupExact, Similarity: 1}, true
	}
	H, B := x.opt.Hashes, int32(x.opt.Bands)
	x.gen++
	if x.gen == 0 { // wrapped: clear stamps
		clear(x.stamp)
		x.gen = 1
	}
	best := int32(-1)
	var bestKind parallax.DupKind
	var bestSim float64
	for _, k := range bk {
		n := 0
		for node := x.buckets[k]; node != 0 && n < x.opt.MaxBucket; node = x.next[node-1] {
			n++
			e := (node - 1) / B
			if x.stamp[e] == x.gen {
				continue
			}
			x.stamp[e] = x.gen
			if best >= 0 && e > best {
				continue // only an earlier original can win
			}
			other := Signature{Shingles: x.sizes[e], Mins: x.mins[int(e)*H : int(e+1)*H]}
			j, c := Similarity(sig, other)
			kind := parallax.DupKind("")
			sim := j
			switch {
			case j >= x.opt.Near:
				kind = parallax.DupNear
			case c >= x.opt.Containment && min(sig.Shingles, other.Shingles) >= uint32(x.opt.MinShingles):
				kind, sim = parallax.DupSyndicated, c
			}
			if kind != "" && (best < 0 || e < best) {
				best, bestKind, bestSim = e, kind, sim
			}
		}
	}
	if best < 0 {
		return parallax.Duplicate{}, false
	}
	return parallax.Duplicate{Article: id, Original: x.ids[best], Kind: bestKind, Similarity: bestSim}, true
}

const sigVersion = 1

// MarshalBinary encodes the signature: a version byte, the hash count and
// shingle count as uvarints, the exact hash, then the minima, little-endian.
func (s Signature) MarshalBinary() ([]byte, error) {
	b := make([]byte, 0, 1+2*binary.MaxVarintLen32+8+4*len(s.Mins))
	b = append(b, sigVersion)
	b = binary.AppendUvarint(b, uint64(len(s.Mins)))
	b = binary.AppendUvarint(b, uint64(s.Shingles))
	b = binary.LittleEndian.AppendUint64(b, s.Exact)
	for _, m := range s.Mins {
		b = binary.LittleEndian.AppendUint32(b, m)
	}
	return b, nil
}

var errSig = errors.New("dedup: malformed signature")

// UnmarshalBinary decodes what MarshalBinary encoded.
func (s *Signature) UnmarshalBinary(b []byte) error {
	if len(b) < 1 || b[0] != sigVersion {
		return errSig
	}
	b = b[1:]
	n, k := binary.Uvarint(b)
	if k <= 0 || n > 1<<16 {
		return errSig
	}
	b = b[k:]
	sh, k := binary.Uvarint(b)
	if k <= 0 || sh > 1<<32-1 {
		return errSig
	}
	b = b[k:]
	if uint64(len(b)) != 8+4*n {
		return errSig
	}
	s.Shingles = uint32(sh)
	s.Exact = binary.LittleEndian.Uint64(b)
	b = b[8:]
	s.Mins = make([]uint32, n)
	for i := range s.Mins {
		s.Mins[i] = binary.LittleEndian.Uint32(b[4*i:])
	}
	return nil
}
