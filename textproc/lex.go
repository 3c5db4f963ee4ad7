package textproc

import "strings"

// Lexical flags of a word, looked up once per token (lower-cased, a
// possessive ending removed).
const (
	lxHonorific uint32 = 1 << iota
	lxRoleHead
	lxRoleMod
	lxOrgWord
	lxOrgHead
	lxSpeech
	lxNonName
	lxConnector
	lxFunction
	lxNomMod
	lxCountry // a country's name, alias or demonym
	lxDemonym
	lxPlace // a single-word gazetteer entry
	lxGeo
	lxPersPron
	lxPlurPron
	lxPrep
	lxPlacePrep
	lxGiven
	lxTitleAbbr
	lxAbbrev  // Punkt's learned abbreviations and ours
	lxStarter // Punkt's frequent sentence starters
	lxModelLc // the model saw it in lower case
	lxModelMidUc
	lxPoss    // the token ends with a possessive (set per token, not in the map)
	lxAllCaps // two or more letters, none lower-case (per token)
	lxDocLc   // this text writes the word in lower case (per token)
	lxParty
)

// buildLexicon merges the word lists and the model's abbreviations and
// sentence starters into one map.
func buildLexicon(abbrev, starters map[string]bool) map[string]uint32 {
	lx := make(map[string]uint32, 4096)
	add := func(set map[string]bool, f uint32) {
		for w := range set {
			lx[w] |= f
		}
	}
	for w := range honorifics {
		lx[w] |= lxHonorific
	}
	for w := range roleHeads {
		lx[w] |= lxRoleHead
	}
	add(roleMods, lxRoleMod)
	add(orgWords, lxOrgWord)
	add(orgHeads, lxOrgHead)
	add(speechVerbs, lxSpeech)
	add(nonNames, lxNonName)
	add(connectors, lxConnector)
	add(functionWords, lxFunction)
	add(nominalMods, lxNomMod)
	add(geoWords, lxGeo)
	for w := range personPronouns {
		lx[w] |= lxPersPron
	}
	add(pluralPronouns, lxPlurPron)
	add(prepositions, lxPrep)
	add(placePreps, lxPlacePrep)
	for w := range givenNames {
		lx[w] |= lxGiven
	}
	add(titleAbbrevs, lxTitleAbbr)
	for w := range abbrev {
		lx[w] |= lxAbbrev
		lx[w+"."] |= lxAbbrev
	}
	add(starters, lxStarter)
	add(partyWords, lxParty)
	for w := range demonyms {
		lx[w] |= lxDemonym | lxCountry
	}
	for w, p := range places {
		if strings.IndexByte(w, ' ') >= 0 {
			continue
		}
		lx[w] |= lxPlace
		if p.country {
			lx[w] |= lxCountry
		}
	}
	return lx
}

// lexTable turns the lexicon into a hash table.
func lexTable(lex map[string]uint32) *hashTable {
	t := newHashTable(len(lex))
	for w, f := range lex {
		t.or(plainHash(w), f)
	}
	return t
}

// orthoTable turns the model's orthographic statistics into a hash table
// of flags.
func orthoTable(ortho map[string]uint8) *hashTable {
	t := newHashTable(len(ortho))
	for w, o := range ortho {
		if f := orthoFlags(o); f != 0 {
			t.or(plainHash(w), f)
		}
	}
	return t
}

// lexer holds what the tokenizer finds of each token's word (see
// tokenizer.emitWord).
type lexer struct {
	m     *model
	words docWords // the distinct words of the text
	lex   []uint32 // per token: lexical flags
	wid   []int32  // per token: its word's index in words, -1 for other tokens
}

func (x *lexer) reset(m *model) {
	x.m = m
	x.words.reset()
	x.lex, x.wid = x.lex[:0], x.wid[:0]
}

// other records a token that is not a word.
func (x *lexer) other() {
	x.lex = append(x.lex, 0)
	x.wid = append(x.wid, -1)
}

// has reports whether token i has any of the flags.
func (d *Doc) has(i int, flags uint32) bool { return d.lex[i]&flags != 0 }

func orthoFlags(o uint8) uint32 {
	var f uint32
	if o&orthoLc != 0 {
		f |= lxModelLc
	}
	if o&orthoMidUc != 0 {
		f |= lxModelMidUc
	}
	return f
}
