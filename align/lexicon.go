package align

import (
	"math"
	"sync"
	"sync/atomic"

	"github.com/parallax-news/parallax/internal/wordnet"
)

// wordInfo is what the aligner derives from one lower-cased word: its
// stem and lemma, and lazily its WordNet concepts and profile.
type wordInfo struct {
	id          uint32 // unique for the life of the process
	stem, lemma string

	conceptsOnce sync.Once
	concepts     []int32

	profOnce sync.Once
	prof     *wordnet.Profile // nil: the word has no WordNet sense
}

func (w *wordInfo) getConcepts(low string) []int32 {
	w.conceptsOnce.Do(func() { w.concepts = wordnet.Concepts(nil, low) })
	return w.concepts
}

func (w *wordInfo) profile(low string) *wordnet.Profile {
	w.profOnce.Do(func() {
		p := wordnet.NewProfile(low)
		if wordnet.RelatedProfiles(&p, &p) > 0 { // else no sense: related to nothing
			w.prof = &p
		}
	})
	return w.prof
}

// lexicon shares wordInfo across calls: a story is re-aligned as
// articles join it, and stories of a storyline share their words. It is
// emptied when it grows past lexiconMax words.
var lexicon = struct {
	sync.RWMutex
	m map[string]*wordInfo
}{m: map[string]*wordInfo{}}

const lexiconMax = 1 << 18

// lookupWord returns low's wordInfo, computing its stem and lemma the
// first time.
func lookupWord(low string) *wordInfo {
	lexicon.RLock()
	w := lexicon.m[low]
	lexicon.RUnlock()
	if w != nil {
		return w
	}
	w = &wordInfo{id: wordSeq.Add(1), stem: Stem(low), lemma: wordnet.Lemma(low)}
	lexicon.Lock()
	if o := lexicon.m[low]; o != nil {
		w = o
	} else {
		if len(lexicon.m) >= lexiconMax {
			lexicon.m = map[string]*wordInfo{}
		}
		lexicon.m[low] = w
	}
	lexicon.Unlock()
	return w
}

var wordSeq atomic.Uint32

// relTable memoises WordNet relatedness of word pairs across calls, by
// word id, in an open-addressing table (scores are quarters: 0, .5, .75,
// 1). It is emptied when it grows past relTableMax pairs.
var relTable = struct {
	sync.RWMutex
	keys []uint64 // pair key | 1<<63; 0 is an empty slot
	vals []uint8  // score*4
	used int
}{keys: make([]uint64, 1<<12), vals: make([]uint8, 1<<12)}

const relTableMax = 1 << 21

func relSlot(keys []uint64, k uint64) int {
	mask := uint64(len(keys) - 1)
	i := (k * 0x9E3779B97F4A7C15 >> 20) & mask
	for keys[i] != 0 && keys[i] != k {
		i = (i + 1) & mask
	}
	return int(i)
}

// relatedWords is wordnet.RelatedProfiles of two words that have senses,
// rounded to quarters and memoised.
func relatedWords(x, y *wordInfo) float64 {
	a, b := uint64(x.id), uint64(y.id)
	if a > b {
		a, b = b, a
	}
	k := a<<32 | b | 1<<63
	relTable.RLock()
	i := relSlot(relTable.keys, k)
	hit, v := relTable.keys[i] == k, relTable.vals[i]
	relTable.RUnlock()
	if hit {
		return float64(v) / 4
	}
	v = uint8(math.Round(wordnet.RelatedProfiles(x.prof, y.prof) * 4))
	relTable.Lock()
	if relTable.used >= relTableMax {
		relTable.keys, relTable.vals, relTable.used = make([]uint64, 1<<12), make([]uint8, 1<<12), 0
	}
	i = relSlot(relTable.keys, k)
	if relTable.keys[i] == 0 {
		relTable.keys[i], relTable.vals[i] = k, v
		relTable.used++
		if 2*relTable.used > len(relTable.keys) {
			keys, vals := relTable.keys, relTable.vals
			relTable.keys, relTable.vals = make([]uint64, 2*len(keys)), make([]uint8, 2*len(keys))
			for j, o := range keys {
				if o != 0 {
					n := relSlot(relTable.keys, o)
					relTable.keys[n], relTable.vals[n] = o, vals[j]
				}
			}
		}
	}
	relTable.Unlock()
	return float64(v) / 4
}
