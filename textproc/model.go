package textproc

import (
	"sync"

	"github.com/neurosnap/sentences"
	"github.com/neurosnap/sentences/data"
)

// Orthographic context flags, as Punkt's English model stores them.
const (
	orthoBegUc = 1 << 1
	orthoMidUc = 1 << 2
	orthoUnkUc = 1 << 3
	orthoBegLc = 1 << 4
	orthoMidLc = 1 << 5
	orthoUnkLc = 1 << 6
	orthoLc    = orthoBegLc | orthoMidLc | orthoUnkLc
)

// model is what the splitter and the entity finder use from Punkt's
// English model: learned abbreviations, frequent sentence starters, and the
// orthographic context of 20,000 words (seen capitalised / lower-case, at a
// sentence start or inside one), merged with the word lists into hash
// tables (the maps they are built from are dropped, which spares the
// garbage collector scanning them).
type model struct {
	lexT   *hashTable // every word list's flags and the model's lists, by word hash
	orthoT *hashTable // the orthographic flags by word hash
}

var (
	modelOnce sync.Once
	theModel  *model
)

// loadModel decodes the Punkt English model once per process.
func loadModel() *model {
	modelOnce.Do(func() {
		abbrev, starters, ortho := map[string]bool{}, map[string]bool{}, map[string]uint8{}
		if b, err := data.Asset("data/english.json"); err == nil {
			if st, err := sentences.LoadTraining(b); err == nil {
				for k := range st.AbbrevTypes {
					abbrev[k] = true
				}
				for k := range st.SentStarters {
					starters[k] = true
				}
				for k, v := range st.OrthoContext {
					ortho[k] = uint8(v)
				}
			}
		}
		// Abbreviations news text needs that the model lacks (Punkt's
		// English tokenizer adds the first three itself).
		for _, a := range extraAbbrevs {
			abbrev[a] = true
		}
		theModel = &model{lexT: lexTable(buildLexicon(abbrev, starters)), orthoT: orthoTable(ortho)}
	})
	return theModel
}

// extraAbbrevs are common English abbreviations written with a period.
var extraAbbrevs = []string{
	"sgt", "gov", "no", "capt", "cmdr", "gen", "govs", "hon", "jan", "feb", "mar", "apr", "jun", "jul",
	"aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri",
	"sat", "sun", "rev", "pres", "supt", "atty", "mt", "ft", "etc", "vs", "approx", "dept", "est", "fig",
	"inc", "ltd", "co", "corp", "jr", "sr", "st", "mr", "mrs", "ms", "dr", "prof", "sen", "sens", "rep", "reps",
	"lt", "col", "maj", "adm", "cpl", "pvt", "messrs", "mme", "mlle", "univ", "assn", "bros", "ave", "blvd",
	"e.g", "i.e", "a.m", "p.m", "u.s", "u.k", "u.n", "d.c", "u.s.a", "ph.d", "op", "vol", "pp", "cf", "al",
}

// titleAbbrevs precede a name, so a period after them never ends a sentence.
var titleAbbrevs = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "gen": true, "sen": true, "sens": true,
	"rep": true, "reps": true, "gov": true, "govs": true, "lt": true, "col": true, "sgt": true, "capt": true,
	"cmdr": true, "adm": true, "maj": true, "st": true, "rev": true, "hon": true, "pres": true, "supt": true,
	"atty": true, "mt": true, "messrs": true, "del": true, "mme": true, "mlle": true, "cpl": true, "pvt": true,
}
