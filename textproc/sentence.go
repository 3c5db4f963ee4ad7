package textproc

import "github.com/parallax-news/parallax"

// split appends the sentences of paragraph pi, whose tokens are
// d.Tokens[first:last].
func (d *Doc) split(pi, first, last int) {
	start := first
	for i := first; i < last; i++ {
		end := -1 // the sentence ends after token end-1
		switch {
		case d.isTerminal(i):
			j := i + 1
			// Closing marks and brackets, and more terminal marks, stay
			// with the sentence: `?!”)`.
			for j < last && (d.isCloserTok(j) || d.isTerminal(j) && d.Tokens[j].Span.Start == d.Tokens[j-1].Span.End) {
				j++
			}
			if j < last && d.breakAfter(i, j) {
				end = j
			}
			if j > i+1 && end < 0 {
				i = j - 1
			}
		case i+1 < last && d.newlineAfter(i) && d.lineBreakAfter(i):
			end = i + 1
		}
		if end > start {
			d.addSentence(pi, start, end)
			start = end
			i = end - 1
		}
	}
	if last > start {
		d.addSentence(pi, start, last)
	}
}

func (d *Doc) addSentence(pi, first, last int) {
	d.Sentences = append(d.Sentences, Sentence{
		Span: parallax.Span{Start: d.Tokens[first].Span.Start, End: d.Tokens[last-1].Span.End},
		Para: pi, First: first, Last: last,
	})
}

// isTerminal: . ? ! … ... or an abbreviation token ending with a period (U.S.).
func (d *Doc) isTerminal(i int) bool {
	t := &d.Tokens[i]
	switch t.Kind {
	case Punct:
		return terminalPunct(d.Raw[t.Span.Start:t.Span.End])
	case Word:
		return t.Span.End-t.Span.Start > 2 && d.Raw[t.Span.End-1] == '.'
	}
	return false
}

// terminalPunct reports whether punctuation token s ends sentences.
func terminalPunct(s string) bool {
	switch s {
	case ".", "?", "!", "…", "...", "?!", "!?", "‼", "⁇", "。", "？", "！":
		return true
	}
	return len(s) > 3 && s[0] == '.' // "...."
}

// isCloserTok: a closing quotation mark or bracket.
func (d *Doc) isCloserTok(i int) bool {
	t := &d.Tokens[i]
	if t.Kind == QuoteMark {
		return t.Side == QuoteClose
	}
	if t.Kind == Punct && t.Span.Len() == 1 {
		c := d.Raw[t.Span.Start]
		return c == ')' || c == ']'
	}
	return false
}

// breakAfter decides whether the sentence whose terminal mark is token i
// (followed by closers up to j) ends before token j.
func (d *Doc) breakAfter(i, j int) bool {
	term := &d.Tokens[i]
	next := &d.Tokens[j]
	ns := d.Raw[next.Span.Start:next.Span.End]
	glued := next.Span.Start == d.Tokens[j-1].Span.End
	switch next.Kind {
	case Word:
		if !next.Cap {
			r, _ := runeAt(ns, 0)
			if isLower(r) {
				return false // "?” he said", "U.S. and"
			}
		}
	case Punct:
		switch ns {
		case ",", ";", ":", ")", "]", "}", "%", "-", "—", "–", ".", "?", "!", "/":
			return false
		}
	case QuoteMark:
		if next.Side == QuoteClose {
			return false
		}
	}
	ts := d.Raw[term.Span.Start:term.Span.End]
	if ts == "?" || ts == "!" || ts == "?!" || ts == "!?" {
		// “Why now?” Varga asked. — the attribution stays with its quotation.
		return !(d.Tokens[j-1].Kind == QuoteMark && d.attribution(j))
	}
	if term.Kind == Word {
		// A dotted abbreviation (U.S., a.m.) ends a sentence only before a
		// word that usually starts one.
		return d.startsSentence(j)
	}
	if i == 0 || d.Tokens[i-1].Span.End != term.Span.Start {
		return true // a free-standing period
	}
	prev := d.Tokens[i-1]
	ps := d.Raw[prev.Span.Start:prev.Span.End]
	if prev.Kind == Word {
		if d.has(i-1, lxTitleAbbr) {
			return false // Mr. Putin, Gen. Smith, No. 5
		}
		if d.has(i-1, lxAbbrev) {
			return d.startsSentence(j) // Inc. The, Sept. 11
		}
		if r, n := runeAt(ps, 0); n == len(ps) && isUpper(r) {
			return d.startsSentence(j) // an initial: J. Smith
		}
		if glued {
			// rates.Prices — but not Example.Com or ellipsis quirks:
			// a glued break needs a lower-case end before the period.
			r, _ := runeBefore(ps, len(ps))
			if !isLower(r) {
				return d.startsSentence(j) // the UN.In the same week
			}
			if next.Kind == Word && !next.Cap {
				return false
			}
		}
	}
	if d.Tokens[j-1].Kind == QuoteMark && d.attribution(j) {
		return false // “… security.” Varga said.
	}
	if j > i+1 && glued && prev.Kind == Word {
		// delayed.”Mrs Lind: a closing mark glued to the next sentence.
		return next.Kind == Word && next.Cap || next.Kind == QuoteMark
	}
	return true
}

// startsSentence reports whether token j is a word that typically starts
// a sentence after an ambiguous period: a frequent sentence starter, or a
// capitalised word the model has seen in lower case but never capitalised
// inside a sentence, or an opening quotation mark.
func (d *Doc) startsSentence(j int) bool {
	t := &d.Tokens[j]
	switch t.Kind {
	case QuoteMark:
		return t.Side == QuoteOpen
	case Word:
		if !t.Cap {
			return false
		}
		f := d.lex[j]
		return f&(lxStarter|lxFunction|lxPersPron|lxPlurPron) != 0 || f&lxModelLc != 0 && f&lxModelMidUc == 0
	}
	return false
}

// newlineAfter reports whether a line break lies between tokens i and i+1.
func (d *Doc) newlineAfter(i int) bool {
	for k := d.Tokens[i].Span.End; k < d.Tokens[i+1].Span.Start; k++ {
		if d.Raw[k] == '\n' {
			return true
		}
	}
	return false
}

// lineBreakAfter reports a sentence break at the line break after token i
// inside a paragraph: a heading or list item, judged by the line ending
// without a word that continues into the next line.
func (d *Doc) lineBreakAfter(i int) bool {
	a, b := &d.Tokens[i], &d.Tokens[i+1]
	// The next line must start like a sentence.
	switch b.Kind {
	case Word:
		if !b.Cap {
			return false
		}
	case QuoteMark:
		if b.Side != QuoteOpen {
			return false
		}
	case Number:
	case Punct:
		s := d.Raw[b.Span.Start:b.Span.End]
		if s != "-" && s != "•" && s != "*" && s != "(" && s != "[" && s != "—" && s != "–" {
			return false
		}
	}
	switch a.Kind {
	case Word:
		if !a.Cap {
			r, _ := runeAt(d.Raw, a.Span.Start)
			if isLower(r) {
				// A hard-wrapped line ends mid-sentence on a lower-case word.
				return false
			}
		}
		return true
	case Punct:
		s := d.Raw[a.Span.Start:a.Span.End]
		switch s {
		case ",", ";", "-", "—", "–", "(", "&", "/":
			return false
		}
		return true
	}
	return true
}

// attribution reports whether the tokens from j read as a bare
// attribution: a speaker's name (up to three capitalised words), a speech
// verb, at most three more words, and the end of the clause — "Varga said
// angrily." but not "Varga said three demands were ignored."
func (d *Doc) attribution(j int) bool {
	k := j
	for k < len(d.Tokens) && k < j+3 && d.Tokens[k].Kind == Word && d.Tokens[k].Cap && d.lex[k]&(lxPersPron|lxFunction) == 0 {
		k++
	}
	if k == j || k >= len(d.Tokens) || d.Tokens[k].Kind != Word || d.lex[k]&lxSpeech == 0 || d.Tokens[k].Cap {
		return false
	}
	for m := k + 1; m < len(d.Tokens) && m <= k+4; m++ {
		t := &d.Tokens[m]
		if t.Kind == Punct {
			c := d.Raw[t.Span.Start]
			return c == '.' || c == ','
		}
		if t.Kind != Word || d.lex[m]&lxFunction != 0 && m == k+1 {
			return false // "said that …"
		}
	}
	return false
}
