package align

import (
	"slices"

	parallax "github.com/parallax-news/parallax"
)

// LinkRepetitions sets RepetitionOf on statements of later that repeat a
// statement of earlier (same speaker, same claim, uttered on a different
// day), using the similarity Align uses on the canonical texts. It is
// meant for statements of a story against those of the earlier stories
// of its storyline: each call indexes earlier by speaker and rare words,
// so the cost per statement of later grows with the matches found, not
// with len(earlier). Pass earlier oldest first: a repeated claim links to
// the first statement of earlier it repeats. Statements with no speaker,
// or already linked, are left alone; earlier is not modified.
func (a *Aligner) LinkRepetitions(later, earlier []*parallax.Statement) {
	if len(later) == 0 || len(earlier) == 0 {
		return
	}
	all := make([]*parallax.Statement, 0, len(earlier)+len(later))
	all = append(append(all, earlier...), later...)
	units, rel := canonUnits(all)
	ne := len(earlier)
	found := a.repeats(units, ne, func(i, j int) bool {
		return i >= ne && j < ne && all[i] != all[j] && (all[i].ID == 0 || all[i].ID != all[j].ID)
	}, rel)
	for i, j := range found {
		if j >= 0 && all[i].RepetitionOf == 0 {
			all[i].RepetitionOf = all[j].ID
		}
	}
}

// canonUnits makes one comparison unit of each statement's canonical
// text, weighted over them all.
func canonUnits(sts []*parallax.Statement) ([]unit, *relCache) {
	lem := &lemmaCache{}
	in := interner{}
	bl := blockIDs{}
	cc := &conceptCache{lem: lem}
	units := make([]unit, len(sts))
	var buf []tok
	for i, st := range sts {
		u := &units[i]
		buf = tokens(st.Text, buf[:0], lem)
		u.core = compact(buf, in)
		u.ctx = u.core
		u.speaker = speakerKey(st.Speaker)
		u.unknown = u.speaker == ""
		u.blocks = bl.blocks(u.speaker)
		u.coreKeys = wordKeys(nil, u.core, nil, cc)
		u.empty = len(u.core) == 0
		for _, t := range u.core {
			if t.num {
				u.nums = append(u.nums, t.low)
			}
		}
	}
	weigh(units)
	return units, newRelCache(len(in), lem)
}

// minClaimWords is the fewest distinct content words a text needs to be
// linked as a repetition: two or three words ("stupid", "to build") are
// not a claim one can tell apart from another.
const minClaimWords = 3

// repeats finds for every unit i the first unit j (by index) that it
// repeats: ok(i, j) holds, both speakers are known and match, both say
// at least minClaimWords content words, and their similarity reaches the
// threshold; -1 where there is none. Only units below nIndexed are
// candidates; they are found through the key index.
func (a *Aligner) repeats(units []unit, nIndexed int, ok func(i, j int) bool, rel *relCache) []int {
	found := make([]int, len(units))
	idx := buildKeyIndex(len(units), func(e int) []int32 { return units[e].blocks },
		func(e int) []uint64 { return units[e].coreKeys }, func(e int) bool { return e < nIndexed && claim(&units[e]) })
	limit := rareCap(nIndexed)
	var cand []int32
	for i := range units {
		found[i] = -1
		u := &units[i]
		if !claim(u) {
			continue
		}
		cand = idx.query(cand[:0], i, limit)
		slices.Sort(cand)
		for _, j32 := range cand {
			j := int(j32)
			v := &units[j]
			if !ok(i, j) || !speakersMatch(u, v) {
				continue
			}
			if similarity(u, v, nil, rel) >= a.opt.Threshold {
				found[i] = j
				break
			}
		}
	}
	return found
}

// claim reports whether a unit can take part in a repetition link.
func claim(u *unit) bool { return !u.unknown && !u.empty && u.nCore >= minClaimWords }
