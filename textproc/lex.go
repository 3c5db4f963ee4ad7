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

// buildLexicon merges the word lists and the model's statistics into one map.
func buildLexicon(m *model) map[string]uint32 {
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
	for w := range m.abbrev {
		lx[w] |= lxAbbrev
		lx[w+"."] |= lxAbbrev
	}
	add(m.starters, lxStarter)
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

// buildTables turns the lexicon and the model's orthographic statistics
// into hash tables.
func buildTables(m *model) {
	m.lexT = newHashTable(len(m.lex))
	for w, f := range m.lex {
		m.lexT.or(plainHash(w), f)
	}
	m.orthoT = newHashTable(len(m.ortho))
	for w, o := range m.ortho {
		if f := orthoFlags(o); f != 0 {
			m.orthoT.or(plainHash(w), f)
		}
	}
}

// computeLex fills d.lex for every word token, and hash with the hash
// of each word lower-cased.
func (d *Doc) computeLex(hash []uint64) {
	d.lex = make([]uint32, len(d.Tokens))
	lexT, orthoT := d.m.lexT, d.m.orthoT
	for i, t := range d.Tokens {
		if t.Kind != Word {
			continue
		}
		w := d.Raw[t.Span.Start:t.Span.End]
		var f uint32
		if s, poss := stripPossessive(w); poss {
			f |= lxPoss
			w = s
		}
		if t.Cap && allCaps(w) {
			f |= lxAllCaps
		}
		h := foldHash(w)
		hash[i] = h
		f |= lexT.get(h)
		if t.Cap {
			// The model's statistics matter for capitalised words only.
			f |= orthoT.get(h)
		}
		d.lex[i] = f
	}
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
