package quote

import (
	parallax "github.com/parallax-news/parallax"
)

// Spanish, Portuguese, French and Italian news attribute speech in a few
// shapes that this file reads, with each language's words:
//
//	«…», dijo la viceministra de Exteriores, Amparo Velasco Iturbe.
//	«…», disse ao Correio o economista Henrique Lobato Menezes.
//	El portavoz, Tomás Arriaga, aseguró que la embajada «…».
//	Según la Guardia Marítima, el pesquero se encontraba …
//
// An article in English, or in a language with no word list here, is read
// by the English grammar of extract.go.

// romanceWords are one language's words for those shapes.
type romanceWords struct {
	cues      map[string]bool // reporting verbs: third person, present and past, and participles
	aux       map[string]bool // auxiliaries before a participle ("ha dicho", "a déclaré")
	that      map[string]bool // complementisers opening reported content
	according map[string]bool // "según", "selon": a source before a comma
	hearer    map[string]bool // prepositions opening a hearer after the cue ("ao Correio")
	dets      map[string]bool // articles and demonstratives
}

var romanceLangs = map[string]*romanceWords{
	"es": {
		cues: set("dijo dice dicen dijeron dicho afirmó afirma afirman afirmaron afirmado aseguró asegura aseguran aseguraron asegurado " +
			"añadió añade añadieron añadido agregó agrega explicó explica explicado señaló señala señalaron señalado declaró declara declarado " +
			"reconoció reconoce reconocido advirtió advierte advertido indicó indica indicado sostuvo sostiene subrayó subraya insistió insiste " +
			"manifestó manifiesta apuntó apunta destacó destaca denunció denuncia precisó precisa admitió admite respondió responde comentó comenta " +
			"recordó recuerda criticó critica anunció anuncia confirmó confirma negó niega prometió promete aseveró lamentó lamenta alertó"),
		aux:       set("ha han había habían habría"),
		that:      set("que"),
		according: set("según"),
		hearer:    set("a al"),
		dets:      set("el la los las un una unos unas este esta estos estas ese esa lo"),
	},
	"pt": {
		cues: set("disse diz dizem disseram dito afirmou afirma afirmam afirmaram afirmado garantiu garante garantiram garantido " +
			"acrescentou acrescenta explicou explica explicado declarou declara declarado sublinhou sublinha salientou salienta " +
			"reconheceu reconhece advertiu adverte indicou indica sustentou sustenta insistiu insiste frisou frisa destacou destaca " +
			"denunciou denuncia admitiu admite respondeu responde comentou comenta lembrou lembra criticou critica anunciou anuncia " +
			"confirmou confirma negou nega prometeu promete referiu refere assegurou assegura alertou alerta lamentou lamenta"),
		aux:       set("tem têm tinha tinham havia"),
		that:      set("que"),
		according: set("segundo conforme"),
		hearer:    set("a ao à aos às"),
		dets:      set("o a os as um uma uns umas este esta estes estas esse essa"),
	},
	"fr": {
		cues: set("dit disent déclaré déclare déclarent affirmé affirme affirment ajouté ajoute ajoutent expliqué explique " +
			"souligné souligne assuré assure indiqué indique précisé précise estimé estime reconnu reconnaît admis admet " +
			"répondu répond rappelé rappelle dénoncé dénonce annoncé annonce confirmé confirme nié nie promis promet averti avertit insisté insiste martelé"),
		aux:       set("a ont avait avaient"),
		that:      set("que qu"),
		according: set("selon"),
		hearer:    set("à au aux"),
		dets:      set("le la les l un une des ce cette ces"),
	},
	"it": {
		cues: set("detto dice dicono dichiarato dichiara affermato afferma aggiunto aggiunge spiegato spiega sottolineato sottolinea " +
			"assicurato assicura indicato indica precisato precisa ammesso ammette risposto risponde ricordato ricorda " +
			"denunciato denuncia annunciato annuncia confermato conferma negato nega promesso promette avvertito avverte"),
		aux:       set("ha hanno aveva avevano"),
		that:      set("che"),
		according: set("secondo"),
		hearer:    set("a al allo alla ai agli alle"),
		dets:      set("il lo la i gli le l un uno una questo questa"),
	},
}

// romanceSentence finds the attributions of tokens [a,b) in the shapes
// above.
func (r *run) romanceSentence(lx *romanceWords, p, a, b int, ps *lastSpk) {
	toks := r.toks
	// "Según X, content."
	if a < b && lx.according[toks[a].low] {
		if c := r.commaAfter(a+1, b); c > a+1 {
			spk, res, next := r.romanceNP(lx, a+1, c, b)
			r.res = res
			if r.addIndirect(next, b, r.span(a, a+1), spk, 0.7) {
				r.remember(ps, r.span(a, a+1), spk, p)
			}
			return
		}
	}
	for k := a; k < b; k++ {
		t := &toks[k]
		if t.kind != tWord || !lx.cues[t.low] || r.used[k] {
			continue
		}
		cue := r.span(k, k+1)
		before := k - 1
		if before >= a && toks[before].kind == tWord && lx.aux[toks[before].low] {
			before--
		}
		// «…», dijo X.
		q := before
		if q >= a && r.punct(q, ",") {
			q--
		}
		if q >= a && toks[q].kind == tQuote && !r.used[q] {
			s := k + 1
			if s+1 < b && toks[s].kind == tWord && lx.hearer[toks[s].low] && (toks[s+1].cap || !lx.dets[toks[s].low]) {
				// "disse ao Correio o economista …", "dijo a la agencia
				// EFE el ministro …": past the hearer, to the article in
				// lower case that opens the speaker.
				s++
				if s < b && lx.dets[toks[s].low] {
					s++
				}
				for s < b && toks[s].kind == tWord && !(lx.dets[toks[s].low] && !toks[s].cap) {
					s++
				}
			}
			spk, res := parallax.Span{}, parallax.Span{}
			if e := r.commaAfter(s, b); e > s {
				spk, res, _ = r.romanceNP(lx, s, e, b)
			} else if s >= b || toks[s].kind == tPunct {
				// "«…», añadió.": the subject is the last speaker's, in
				// this paragraph or one shortly before.
				switch {
				case ps.ok:
					spk, res = ps.spk, ps.res
				case r.last.ok && p-r.last.para <= r.e.carry:
					spk, res = r.last.spk, r.last.res
				}
			}
			r.res = res
			r.addDirect(q, cue, spk, 0.8)
			r.remember(ps, cue, spk, p)
			continue
		}
		// X afirmó (a Y) que content. / X dijo: «…».
		s := k + 1
		for s < b && s < k+8 && toks[s].kind == tWord && !lx.that[toks[s].low] {
			s++ // "garantiu na terça-feira que", "aseguró a este diario que"
		}
		that := s < b && toks[s].kind == tWord && lx.that[toks[s].low]
		if !that && !(k+2 < b && r.punct(k+1, ":") && toks[k+2].kind == tQuote) {
			continue
		}
		spk, res := r.romanceSubject(lx, a, before+1)
		r.res = res
		if that {
			if r.addIndirect(s+1, b, cue, spk, 0.7) {
				r.remember(ps, cue, spk, p)
			}
		} else {
			r.addDirect(k+2, cue, spk, 0.8)
			r.remember(ps, cue, spk, p)
		}
	}
}

// commaAfter is the first comma, colon, semicolon, full stop or quotation
// in [i,b), or b.
func (r *run) commaAfter(i, b int) int {
	for x := i; x < b; x++ {
		if t := &r.toks[x]; t.kind == tQuote || t.kind == tPunct && (t.low == "," || t.low == "." || t.low == ";" || t.low == ":") {
			return x
		}
	}
	return b
}

// romanceNP reads a speaker named in [i,e): the phrase, and the name that
// resolves it when a name follows in apposition ("la viceministra de
// Exteriores, Amparo Velasco Iturbe,") or ends the phrase ("o economista
// Henrique Lobato Menezes"). next is where the text after the phrase
// (and its apposition) starts.
func (r *run) romanceNP(lx *romanceWords, i, e, b int) (spk, res parallax.Span, next int) {
	spk = r.span(i, e)
	next = e + 1
	if e < b && r.punct(e, ",") {
		if f := r.commaAfter(e+1, b); f > e+1 && r.capsRun(e+1, f) {
			res, next = r.span(e+1, f), f+1
			return spk, res, next
		}
	}
	res = r.personIn(lx, i, e, false)
	if res == spk {
		res = parallax.Span{}
	}
	return spk, res, next
}

// romanceSubject reads the subject before a cue at end: the words from the
// clause's start, and the first person named in them to resolve it ("El
// comandante de la Guardia Marítima, el contralmirante Baltasar Ocampo,").
func (r *run) romanceSubject(lx *romanceWords, a, end int) (spk, res parallax.Span) {
	s := a
	for x := end - 1; x > a; x-- {
		if t := &r.toks[x]; t.kind == tQuote || t.kind == tPunct && (t.low == ";" || t.low == ":") {
			s = x + 1
			break
		}
	}
	for end > s && r.toks[end-1].kind == tPunct {
		end--
	}
	// The subject is words: past a quotation or punctuation opening the
	// clause ("«Es grave», añadió, y el ministro aseguró …").
	skip := func() {
		for s < end && (r.toks[s].kind == tPunct || r.toks[s].kind == tQuote) {
			s++
		}
	}
	skip()
	if end <= s || end-s > 20 {
		return parallax.Span{}, parallax.Span{}
	}
	// A fronted phrase before a comma whose words name no one ("Do outro
	// lado, o ministro …") is not the subject.
	if c := r.commaAfter(s, end); c > s && c < end && !r.hasCaps(lx, s+1, c) && c+1 < end && r.hasCaps(lx, c+1, end) {
		s = c + 1
		skip()
		if end <= s {
			return parallax.Span{}, parallax.Span{}
		}
	}
	spk = r.span(s, end)
	if c := r.commaAfter(s, end); c > s && c < end {
		// "El portavoz, Tomás Arriaga,": the name in apposition; "Un
		// alto funcionario, que pidió no ser identificado,": the phrase
		// before its relative clause.
		if f := r.commaAfter(c+1, end); f > c+1 {
			if r.capsRun(c+1, f) {
				return spk, r.span(c+1, f)
			}
			if pr := r.personIn(lx, c+1, f, true); !pr.Empty() {
				return spk, pr // "…, el contralmirante Baltasar Ocampo,"
			}
		}
		spk, end = r.span(s, c), c
	}
	if res = r.personIn(lx, s, end, false); res == spk {
		res = parallax.Span{}
	}
	if res.Empty() && indefinites[r.toks[s].low] {
		// "Un alto funcionario del Ministerio": someone described, not
		// the body named after them.
		for x := s + 1; x < end; x++ {
			if t := &r.toks[x]; t.kind == tWord && ofWords[t.low] {
				spk = r.span(s, x)
				break
			}
		}
	}
	return spk, res
}

// indefinites open the description of someone unnamed; ofWords join a
// noun to its complement.
var (
	indefinites = set("un una um uma une uno")
	ofWords     = set("de del do da dos das du des di della dello dei degli delle")
)

// personIn is the first run of capitalised words in [i,e) that names a
// person, else (unless onlyPerson) one opening the phrase that names
// anything; empty when none does.
func (r *run) personIn(lx *romanceWords, i, e int, onlyPerson bool) parallax.Span {
	var first parallax.Span
	for x := i; x < e; {
		if t := &r.toks[x]; t.kind != tWord || !t.cap || lx.dets[t.low] {
			x++
			continue
		}
		y := x
		for y < e && r.toks[y].kind == tWord && (r.toks[y].cap && !lx.dets[r.toks[y].low] || y+1 < e && r.toks[y+1].cap && (r.toks[y].low == "de" || r.toks[y].low == "da" || r.toks[y].low == "del")) {
			y++
		}
		sp := r.span(x, y)
		if r.resolve != nil {
			if ent := r.resolve(sp); ent >= 0 && ent < len(r.ents) {
				if r.ents[ent].Type == parallax.Person {
					return sp
				}
				if first.Empty() && x == i && !onlyPerson {
					first = sp
				}
			}
		}
		x = y
	}
	return first
}

// hasCaps reports whether [i,e) holds a capitalised word other than an
// article.
func (r *run) hasCaps(lx *romanceWords, i, e int) bool {
	for x := i; x < e; x++ {
		if t := &r.toks[x]; t.kind == tWord && t.cap && !lx.dets[t.low] {
			return true
		}
	}
	return false
}
