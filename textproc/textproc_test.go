package textproc_test

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/textproc"
)

var analyzer = textproc.New()

func sentenceTexts(d *textproc.Doc) []string {
	var out []string
	for _, s := range d.Sentences {
		out = append(out, d.Text(s.Span))
	}
	return out
}

func TestSentences(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{
			name: "plain",
			text: "The talks ended on Monday. Both sides left. Nobody spoke!",
			want: []string{"The talks ended on Monday.", "Both sides left.", "Nobody spoke!"},
		},
		{
			name: "title abbreviations",
			text: "Mr. Brek met Gov. Ilse Varga and Dr. Okafor in St. Ansgar. They talked.",
			want: []string{"Mr. Brek met Gov. Ilse Varga and Dr. Okafor in St. Ansgar.", "They talked."},
		},
		{
			name: "dotted abbreviation mid sentence",
			text: "The U.S. government and the U.K. embassy agreed on Sept. 12 to talk. Talks began.",
			want: []string{"The U.S. government and the U.K. embassy agreed on Sept. 12 to talk.", "Talks began."},
		},
		{
			name: "dotted abbreviation ending a sentence",
			text: "The envoy flew to the U.S. The visit lasted two days.",
			want: []string{"The envoy flew to the U.S.", "The visit lasted two days."},
		},
		{
			name: "no is an abbreviation only before a number",
			text: "He was asked about No. 10 and said no. Then he left.",
			want: []string{"He was asked about No. 10 and said no.", "Then he left."},
		},
		{
			name: "initials",
			text: "The novel by J. R. Halvorsen sold well. Critics agreed.",
			want: []string{"The novel by J. R. Halvorsen sold well.", "Critics agreed."},
		},
		{
			name: "glued after lower-case word",
			text: "The ministry ignored the concerns.Local media reported the meeting.",
			want: []string{"The ministry ignored the concerns.", "Local media reported the meeting."},
		},
		{
			name: "glued after acronym",
			text: "The request went to NATO.In the same month talks began.",
			want: []string{"The request went to NATO.", "In the same month talks began."},
		},
		{
			name: "glued closing quote",
			text: "Officials were clear.”The concerns were ignored.”Mr Varga said more.",
			want: []string{"Officials were clear.", "”The concerns were ignored.”", "Mr Varga said more."},
		},
		{
			name: "website names are not glued sentences",
			text: "Log in with your WordPress.com account to comment.",
			want: []string{"Log in with your WordPress.com account to comment."},
		},
		{
			name: "quote ending in comma stays with its attribution",
			text: `"We will not give up," he said. "Nobody doubts it."`,
			want: []string{`"We will not give up," he said.`, `"Nobody doubts it."`},
		},
		{
			name: "question in quote before lower-case attribution",
			text: "“Why now?” she asked. Nobody answered.",
			want: []string{"“Why now?” she asked.", "Nobody answered."},
		},
		{
			name: "question quote before a named speaker",
			text: "“Is it us who threaten anyone?” Varga said angrily. “No.”",
			want: []string{"“Is it us who threaten anyone?” Varga said angrily.", "“No.”"},
		},
		{
			name: "question quote before a new sentence",
			text: "“Is it over?” The answer came later.",
			want: []string{"“Is it over?”", "The answer came later."},
		},
		{
			name: "closing quote after period",
			text: "He said: “The plan is dead.” The minister left.",
			want: []string{"He said: “The plan is dead.”", "The minister left."},
		},
		{
			name: "numbers with periods",
			text: "Growth was 3.5 percent in 2021. It fell to 1.2 percent.",
			want: []string{"Growth was 3.5 percent in 2021.", "It fell to 1.2 percent."},
		},
		{
			name: "ellipsis",
			text: "He paused... Then he spoke again.",
			want: []string{"He paused...", "Then he spoke again."},
		},
		{
			name: "headline line inside a paragraph",
			text: "Varga Wins Vote\nThe prime minister won the vote.",
			want: []string{"Varga Wins Vote", "The prime minister won the vote."},
		},
		{
			name: "hard-wrapped line",
			text: "The minister said the\nNordmark government would resign.",
			want: []string{"The minister said the\nNordmark government would resign."},
		},
		{
			name: "paragraphs bound sentences",
			text: "A headline without a period\n\nThe first sentence of the body. The second",
			want: []string{"A headline without a period", "The first sentence of the body.", "The second"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := analyzer.Analyze(tc.text, nil)
			got := sentenceTexts(d)
			if strings.Join(got, "|") != strings.Join(tc.want, "|") {
				t.Errorf("sentences\n got %q\nwant %q", got, tc.want)
			}
		})
	}
}

type tok struct {
	text string
	kind textproc.TokenKind
}

func TestTokens(t *testing.T) {
	W, N, P, Q := textproc.Word, textproc.Number, textproc.Punct, textproc.QuoteMark
	tests := []struct {
		name string
		text string
		want []tok
	}{
		{
			name: "apostrophes and hyphens inside words",
			text: "Don't say Nordmark's well-known al-Rashid plan",
			want: []tok{{"Don't", W}, {"say", W}, {"Nordmark's", W}, {"well-known", W}, {"al-Rashid", W}, {"plan", W}},
		},
		{
			name: "curly apostrophe",
			text: "Valdora’s mayor didn’t",
			want: []tok{{"Valdora’s", W}, {"mayor", W}, {"didn’t", W}},
		},
		{
			name: "dotted abbreviation",
			text: "the U.S. and U.K. at 5 p.m.",
			want: []tok{{"the", W}, {"U.S.", W}, {"and", W}, {"U.K.", W}, {"at", W}, {"5", N}, {"p.m.", W}},
		},
		{
			name: "numbers",
			text: "1,500 troops, 3.5% in the 1990s, at 10:30 on 23/12/2021",
			want: []tok{{"1,500", N}, {"troops", W}, {",", P}, {"3.5", N}, {"%", P}, {"in", W}, {"the", W}, {"1990s", N},
				{",", P}, {"at", W}, {"10:30", N}, {"on", W}, {"23/12/2021", N}},
		},
		{
			name: "double quotation marks",
			text: `"a" “b” «c» „d“`,
			want: []tok{{`"`, Q}, {"a", W}, {`"`, Q}, {"“", Q}, {"b", W}, {"”", Q}, {"«", Q}, {"c", W}, {"»", Q}, {"„", Q}, {"d", W}, {"“", Q}},
		},
		{
			name: "single quotation marks",
			text: "‘e’ 'f' ‹g› ‚h‘",
			want: []tok{{"‘", Q}, {"e", W}, {"’", Q}, {"'", Q}, {"f", W}, {"'", Q}, {"‹", Q}, {"g", W}, {"›", Q}, {"‚", Q}, {"h", W}, {"‘", Q}},
		},
		{
			name: "closing single quote after s is a mark when one is open",
			text: "the 'unconditional guarantees', he said",
			want: []tok{{"the", W}, {"'", Q}, {"unconditional", W}, {"guarantees", W}, {"'", Q}, {",", P}, {"he", W}, {"said", W}},
		},
		{
			name: "plural possessive apostrophe",
			text: "the ministers' houses",
			want: []tok{{"the", W}, {"ministers'", W}, {"houses", W}},
		},
		{
			name: "punctuation runs",
			text: "Wait... no -- yes — ok?!",
			want: []tok{{"Wait", W}, {"...", P}, {"no", W}, {"--", P}, {"yes", W}, {"—", P}, {"ok", W}, {"?", P}, {"!", P}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := analyzer.Analyze(tc.text, nil)
			var got []tok
			for i, tk := range d.Tokens {
				got = append(got, tok{d.TokenText(i), tk.Kind})
			}
			if len(got) != len(tc.want) {
				t.Fatalf("tokens\n got %v\nwant %v", got, tc.want)
			}
			for i := range got {
				if got[i] != tc.want[i] {
					t.Errorf("token %d: got %v, want %v", i, got[i], tc.want[i])
				}
			}
		})
	}
}

func TestQuoteSides(t *testing.T) {
	tests := []struct {
		name string
		text string
		want string // O/C per quotation mark
	}{
		{name: "straight double", text: `He said "no" and "yes".`, want: "OCOC"},
		{name: "curly", text: "“It is ‘fine’,” she said.", want: "OOCC"},
		{name: "glued opener written as a closing mark", text: "proposal.”It is clear.”Mr Varga", want: "OC"},
		{name: "guillemets", text: "«Non», dit-il.", want: "OC"},
		{name: "straight single inside double", text: `"They said 'no', twice."`, want: "OOCC"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := analyzer.Analyze(tc.text, nil)
			var b strings.Builder
			for _, tk := range d.Tokens {
				if tk.Kind != textproc.QuoteMark {
					continue
				}
				switch tk.Side {
				case textproc.QuoteOpen:
					b.WriteByte('O')
				case textproc.QuoteClose:
					b.WriteByte('C')
				default:
					b.WriteByte('?')
				}
			}
			if b.String() != tc.want {
				t.Errorf("sides = %s, want %s", b.String(), tc.want)
			}
		})
	}
}

func TestCap(t *testing.T) {
	d := analyzer.Analyze("Élise met the Éditeur and ßtraße", nil)
	want := []bool{true, false, false, true, false, false}
	for i, tk := range d.Tokens {
		if tk.Cap != want[i] {
			t.Errorf("%q Cap = %v", d.TokenText(i), tk.Cap)
		}
	}
}

// entityNamed returns the entity with the given name, or fails.
func entityNamed(t *testing.T, d *textproc.Doc, name string) (int, parallax.Entity) {
	t.Helper()
	for i, e := range d.Entities {
		if e.Name == name {
			return i, e
		}
	}
	var names []string
	for _, e := range d.Entities {
		names = append(names, e.Name)
	}
	t.Fatalf("no entity %q among %q", name, names)
	return -1, parallax.Entity{}
}

// spanOf returns the span of the nth (from 0) whole-word occurrence of s in raw.
func spanOf(t *testing.T, raw, s string, nth int) parallax.Span {
	t.Helper()
	off := 0
	for k := 0; ; {
		i := strings.Index(raw[off:], s)
		if i < 0 {
			t.Fatalf("%q occurrence %d not in text", s, nth)
		}
		start, end := off+i, off+i+len(s)
		off = end
		if start > 0 && isWordByte(raw[start-1]) || end < len(raw) && isWordByte(raw[end]) {
			continue
		}
		if k == nth {
			return parallax.Span{Start: start, End: end}
		}
		k++
	}
}

func isWordByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

const fixtureVarga = `Nordmark Prime Minister Ilse Varga said on Monday that talks would continue.

Speaking in Valdora, Ms Varga said the agreement was fragile. The Nordmark leader added that she would travel to Paris.

“We are ready,” the prime minister said.

Opposition leader Tomas Brek of the Freedom Party criticised the plan. Mr Brek said he would vote against it, and Varga's allies were quiet.

The North Atlantic Treaty Organization (NATO) met in Brussels. NATO said the alliance would grow.`

const fixtureRussia = `Russian President Vladimir Putin met French President Emmanuel Macron in Moscow on Monday.

Mr Putin said the talks had been useful. The Russian leader added that he expected progress on Ukraine.

Macron, who flew on to Kyiv, said the French president would call him again. "We will see," Putin told reporters.`

func TestEntities(t *testing.T) {
	type mention struct {
		text string
		nth  int
	}
	tests := []struct {
		name     string
		text     string
		entity   string
		typ      parallax.EntityType
		key      string
		titles   []string
		aliases  []string
		mentions []mention // spans that must be mentions of the entity
		not      []mention // spans that must not be
	}{
		{
			name: "titled person with nominals and pronouns", text: fixtureVarga,
			entity: "Ilse Varga", typ: parallax.Person, key: "ilse varga",
			titles:  []string{"Nordmark Prime Minister", "Ms"},
			aliases: []string{"Ilse Varga", "Ms Varga", "Varga"},
			mentions: []mention{{"Nordmark Prime Minister Ilse Varga", 0}, {"Ms Varga", 0}, {"The Nordmark leader", 0},
				{"she", 0}, {"the prime minister", 0}, {"Varga", 2}},
			not: []mention{{"he", 0}},
		},
		{
			name: "person introduced by a lower-case role", text: fixtureVarga,
			entity: "Tomas Brek", typ: parallax.Person, key: "tomas brek",
			aliases:  []string{"Tomas Brek", "Mr Brek"},
			mentions: []mention{{"Tomas Brek", 0}, {"Mr Brek", 0}, {"he", 0}},
		},
		{
			name: "organisation by name word", text: fixtureVarga,
			entity: "Freedom Party", typ: parallax.Organization, key: "freedom party",
		},
		{
			name: "acronym joins its expansion", text: fixtureVarga,
			entity: "North Atlantic Treaty Organization", typ: parallax.Organization, key: "north atlantic treaty organization",
			aliases:  []string{"North Atlantic Treaty Organization", "NATO"},
			mentions: []mention{{"NATO", 0}, {"NATO", 1}, {"the alliance", 0}},
		},
		{
			name: "plural possessive inside a name", text: "Headline\n\nThe Tolm Dockers' Federation called a strike. Its leader spoke.",
			entity: "Tolm Dockers' Federation", typ: parallax.Organization, key: "tolm dockers' federation",
		},
		{
			name: "a descriptor capitalised before a given name", text: "Headline\n\nRetiree Ruth Calloway, 71, boiled her water all week.",
			entity: "Ruth Calloway", typ: parallax.Person, key: "ruth calloway",
		},
		{
			name: "a given name inside a place's name", text: "Headline\n\nMount Grace Hospital said it was full.",
			entity: "Mount Grace Hospital", typ: parallax.Organization, key: "mount grace hospital",
		},
		{
			name: "irregular plural possessive inside a name", text: "Headline\n\nThe Tolm Fishermen's Union called a strike. Its leader spoke.",
			entity: "Tolm Fishermen's Union", typ: parallax.Organization, key: "tolm fishermen's union",
		},
		{
			name: "place from gazetteer", text: fixtureVarga,
			entity: "Brussels", typ: parallax.Location, key: "brussels",
		},
		{
			name: "place from preposition", text: fixtureVarga,
			entity: "Valdora", typ: parallax.Location, key: "valdora",
		},
		{
			name: "head of state with title, honorific, nominal, pronoun", text: fixtureRussia,
			entity: "Vladimir Putin", typ: parallax.Person, key: "vladimir putin",
			titles:  []string{"Russian President"},
			aliases: []string{"Vladimir Putin", "Mr Putin", "Putin"},
			mentions: []mention{{"Russian President Vladimir Putin", 0}, {"Mr Putin", 0}, {"The Russian leader", 0},
				{"he", 0}, {"Putin", 2}},
			not: []mention{{"the French president", 0}},
		},
		{
			name: "demonym of the nominal picks the right president", text: fixtureRussia,
			entity: "Emmanuel Macron", typ: parallax.Person, key: "emmanuel macron",
			titles:   []string{"French President"},
			mentions: []mention{{"Macron", 1}, {"the French president", 0}},
		},
		{
			name: "appositive role", text: "Ines Moreau, the Valdoran defence minister, arrived. The minister said little.",
			entity: "Ines Moreau", typ: parallax.Person, key: "ines moreau",
			titles:   []string{"Valdoran defence minister"},
			mentions: []mention{{"The minister", 0}},
		},
		{
			name: "middle initial and short form", text: "Marta K. Olsen spoke first. Later Marta Olsen said Olsen's plan stood.",
			entity: "Marta K. Olsen", typ: parallax.Person, key: "marta k. olsen",
			aliases:  []string{"Marta K. Olsen", "Marta Olsen", "Olsen"},
			mentions: []mention{{"Marta Olsen", 0}, {"Olsen", 2}},
		},
		{
			name: "country aliases merge", text: "The U.S. and the United States are one. US troops left.",
			entity: "United States", typ: parallax.Location, key: "united states",
			aliases: []string{"U.S.", "United States", "US"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := analyzer.Analyze(tc.text, nil)
			ei, e := entityNamed(t, d, tc.entity)
			if e.Type != tc.typ {
				t.Errorf("type = %s, want %s", e.Type, tc.typ)
			}
			if e.Key != tc.key {
				t.Errorf("key = %q, want %q", e.Key, tc.key)
			}
			for _, ti := range tc.titles {
				if !containsStr(e.Titles, ti) {
					t.Errorf("titles %q lack %q", e.Titles, ti)
				}
			}
			for _, a := range tc.aliases {
				if !containsStr(e.Aliases, a) {
					t.Errorf("aliases %q lack %q", e.Aliases, a)
				}
			}
			for _, m := range tc.mentions {
				sp := spanOf(t, tc.text, m.text, m.nth)
				got, k := d.EntityAt(sp)
				if got != ei {
					t.Errorf("%q #%d: EntityAt = %d, want %d (%s)", m.text, m.nth, got, ei, tc.entity)
					continue
				}
				if mt := e.Mentions[k]; !mt.Span.Overlaps(sp) || mt.Text != tc.text[mt.Span.Start:mt.Span.End] {
					t.Errorf("%q: mention %d is %+v", m.text, k, mt)
				}
				if r := d.Resolve(sp); r != ei {
					t.Errorf("%q: Resolve = %d, want %d", m.text, r, ei)
				}
			}
			for _, m := range tc.not {
				sp := spanOf(t, tc.text, m.text, m.nth)
				if got := d.Resolve(sp); got == ei {
					t.Errorf("%q #%d resolved to %s", m.text, m.nth, tc.entity)
				}
			}
			for i := 1; i < len(e.Mentions); i++ {
				if e.Mentions[i].Span.Start < e.Mentions[i-1].Span.Start {
					t.Errorf("mentions out of order: %v", e.Mentions)
				}
			}
		})
	}
}

func containsStr(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func TestNotEntities(t *testing.T) {
	text := "Speaking on Thursday, the minister said Russian and American officials met. The Talks Were Long.\n\nAsked about it, Western diplomats declined."
	d := analyzer.Analyze(text, nil)
	for _, e := range d.Entities {
		switch e.Name {
		case "Speaking", "Thursday", "Russian", "American", "Talks", "Asked", "Western", "The":
			t.Errorf("%q taken for an entity", e.Name)
		}
	}
}

// TestResolveUnlinked resolves spans Analyze did not record itself:
// pronouns inside quotations and spans that cover more than the mention.
func TestResolveUnlinked(t *testing.T) {
	text := `Foreign Minister Anna Lind of Valdora spoke first. "She is right," said Mr Okafor, the envoy. The ministry said it agreed.`
	d := analyzer.Analyze(text, nil)
	lind, _ := entityNamed(t, d, "Anna Lind")
	tests := []struct {
		name string
		span parallax.Span
		want int
	}{
		{name: "quoted pronoun", span: spanOf(t, text, "She", 0), want: lind},
		{name: "span wider than the name", span: spanOf(t, text, "Foreign Minister Anna Lind of", 0), want: lind},
		{name: "surname only", span: spanOf(t, text, "Lind", 0), want: lind},
		{name: "out of range", span: parallax.Span{Start: -3, End: 2}, want: -1},
		{name: "empty", span: parallax.Span{Start: 5, End: 5}, want: -1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := d.Resolve(tc.span); got != tc.want {
				t.Errorf("Resolve(%q) = %d, want %d", d.Text(tc.span), got, tc.want)
			}
		})
	}
}

// TestNameAfterPlace: a place after a preposition, then a full name, are
// two names, and the name heads the phrase over a nominal before it.
func TestNameAfterPlace(t *testing.T) {
	text := "Dockers struck in Tolm on Monday.\n\nThe mayor of Tolm Karl Moss called for calm. The president of France Anna Lind said talks would resume."
	d := analyzer.Analyze(text, nil)
	moss, _ := entityNamed(t, d, "Karl Moss")
	lind, _ := entityNamed(t, d, "Anna Lind")
	entityNamed(t, d, "Tolm")
	for span, want := range map[string]int{"The mayor of Tolm Karl Moss": moss, "The president of France Anna Lind": lind} {
		if got := d.Resolve(spanOf(t, text, span, 0)); got != want {
			t.Errorf("Resolve(%q) = %d, want %d", span, got, want)
		}
	}
}

// TestRoleNominals: a role in apposition before a name is the person's
// title; a role nominal resolves to a person whose titles fit it, a place
// before the role only modifies it, and a candidate may be the senator.
func TestRoleNominals(t *testing.T) {
	text := "Talks stall in Tolm\n\n" +
		"The mayor of Tolm, Karl Moss, said the city could not afford a long strike. " +
		"Democratic presidential candidate Ada Lind visited the docks with Sen. Eva Berg, R-Iowa. " +
		"The Vermont senator spoke first. Later the minister repeated her refusal."
	d := analyzer.Analyze(text, nil)
	moss, _ := entityNamed(t, d, "Karl Moss")
	lind, _ := entityNamed(t, d, "Ada Lind")
	if got := d.Entities[moss].Titles; !slices.Contains(got, "mayor of Tolm") {
		t.Errorf("Karl Moss titles %q, want the inverted appositive's role", got)
	}
	vermont := spanOf(t, text, "The Vermont senator", 0)
	if got := d.Resolve(vermont); got != lind {
		t.Errorf("Resolve(%q) = %d, want the candidate %d (Sen. Berg is of Iowa)", d.Text(vermont), got, lind)
	}
	minister := spanOf(t, text, "the minister", 0)
	if d.Agrees(minister, moss) {
		t.Errorf("Agrees(%q, the mayor) = true", d.Text(minister))
	}
	if !d.Agrees(spanOf(t, text, "The Vermont senator", 0), lind) {
		t.Errorf("a candidate does not agree with a senator nominal")
	}
}

// TestNameOfFirm: a person's full name before "of" is a person of the
// rest; an ampersand joins a firm's name; a name of common words before
// "of" stays one organisation.
func TestNameOfFirm(t *testing.T) {
	text := "Markets slide\n\nIlse Varnholt of Karsten Bank said the drop was overdone. " +
		"Her colleague at Brandt & Moll disagreed, and the Communications Workers of America stayed silent."
	d := analyzer.Analyze(text, nil)
	for name, typ := range map[string]parallax.EntityType{
		"Ilse Varnholt": parallax.Person, "Karsten Bank": parallax.Organization,
		"Brandt & Moll": parallax.Organization,
	} {
		if _, e := entityNamed(t, d, name); e.Type != typ {
			t.Errorf("%s is a %s, want %s", name, e.Type, typ)
		}
	}
	for _, e := range d.Entities {
		if e.Name == "Communications Workers" {
			t.Errorf("common words before \"of\" read as a person: %+v", e)
		}
	}
}

// TestAfterDateline: a capitalised preposition after a dateline's dash
// opens the sentence; it is no part of the name after it.
func TestAfterDateline(t *testing.T) {
	text := "Bread prices rise\n\nTOLM – At Karl Moss's bakery, the price board changed again. \"Flour is imported,\" said Moss."
	d := analyzer.Analyze(text, nil)
	entityNamed(t, d, "Karl Moss")
}

// TestUnknownPlaceBeforeName: after "the mayor of", a place the
// gazetteer lacks and a full name with a known given name are two names;
// a role with an "of" phrase in lower case before a name is its title.
func TestUnknownPlaceBeforeName(t *testing.T) {
	text := "Strike goes on\n\nThe mayor of Valbruna Carlos Mendes called for talks. " +
		"The director general of the port authority, Ilse Varnholt, disagreed."
	d := analyzer.Analyze(text, nil)
	entityNamed(t, d, "Carlos Mendes")
	if _, e := entityNamed(t, d, "Ilse Varnholt"); !slices.Contains(e.Titles, "director general of the port authority") {
		t.Errorf("Ilse Varnholt titles %q", e.Titles)
	}
}

func TestSentenceAt(t *testing.T) {
	text := "One two. Three four.\n\nFive."
	d := analyzer.Analyze(text, nil)
	tests := []struct {
		name string
		pos  int
		want int
	}{
		{"first byte", 0, 0},
		{"inside second", strings.Index(text, "four"), 1},
		{"between sentences", strings.Index(text, " Three"), -1},
		{"blank line", strings.Index(text, "\n"), -1},
		{"third paragraph", strings.Index(text, "Five"), 2},
		{"past end", len(text) + 10, -1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := d.SentenceAt(tc.pos); got != tc.want {
				t.Errorf("SentenceAt(%d) = %d, want %d", tc.pos, got, tc.want)
			}
		})
	}
}

func TestParagraphSpans(t *testing.T) {
	raw := "BOILERPLATE\n\nBody one. Body two.\n\nFOOTER"
	body := spanOf(t, raw, "Body one. Body two.", 0)
	d := analyzer.Analyze(raw, []parallax.Span{body, {Start: -1, End: 3}, {Start: 2, End: 1}})
	if len(d.Paragraphs) != 1 {
		t.Fatalf("paragraphs = %v", d.Paragraphs)
	}
	for _, tk := range d.Tokens {
		if !body.Contains(tk.Span) {
			t.Errorf("token %q outside the paragraph", d.Text(tk.Span))
		}
	}
	if got := sentenceTexts(d); len(got) != 2 {
		t.Errorf("sentences = %q", got)
	}
}

// A Doc analysed in a released Doc's arrays equals one analysed afresh.
func TestReleaseReuse(t *testing.T) {
	long := strings.Repeat("Mayor Elena Varga said the barrier would hold. ", 40)
	short := "“We cannot wait,” the mayor told reporters. She said the vote was close."
	a := textproc.New()
	d := a.Analyze(long, nil)
	d.Release()
	d.Release() // a second call does nothing
	reused := a.Analyze(short, nil)
	fresh := textproc.New().Analyze(short, nil)
	if !reflect.DeepEqual(reused.Tokens, fresh.Tokens) || !reflect.DeepEqual(reused.Entities, fresh.Entities) ||
		!reflect.DeepEqual(reused.Sentences, fresh.Sentences) {
		t.Errorf("analysis in reused arrays differs:\n got %+v\nwant %+v", reused.Tokens, fresh.Tokens)
	}
}

// A headline names a person by a bare title ("Valdoran PM accuses …"):
// no entity of its own, resolved to the person the story introduces
// first, not a later one with the same title.
func TestHeadlineNominal(t *testing.T) {
	text := "Valdoran PM accuses Ostland of breaking the accord\n\nTOLM — Valdoran Prime Minister Anna Lind said on Monday that Ostland had broken the accord. " +
		"Her predecessor, former Valdoran Prime Minister Karl Moss, agreed. Lind said the talks were over. Lind spoke for an hour. Lind left at noon. Lind wrote a letter."
	d := analyzer.Analyze(text, nil)
	for _, e := range d.Entities {
		if e.Name == "Valdoran PM" {
			t.Errorf("%q taken for an entity", e.Name)
		}
	}
	lind, _ := entityNamed(t, d, "Anna Lind")
	if got := d.Resolve(spanOf(t, text, "Valdoran PM", 0)); got != lind {
		t.Errorf("Resolve(headline title) = %d, want %d (Anna Lind)", got, lind)
	}
}

// A headline in title case capitalises every word: its names are the
// ones the story under it knows.
func TestTitleCaseHeadline(t *testing.T) {
	text := "Lind Slams Moss Over Canal Budget Overrun\n\nAda Lind said on Monday that Karl Moss had wasted the canal budget."
	d := analyzer.Analyze(text, nil)
	var names []string
	for _, e := range d.Entities {
		names = append(names, e.Name)
	}
	if len(names) != 2 || !slices.Contains(names, "Ada Lind") || !slices.Contains(names, "Karl Moss") {
		t.Errorf("entities %q, want Ada Lind and Karl Moss", names)
	}
	lind, _ := entityNamed(t, d, "Ada Lind")
	if got := d.Resolve(spanOf(t, text, "Lind", 0)); got != lind {
		t.Errorf("Resolve(headline Lind) = %d, want %d", got, lind)
	}
}

// A surname that is also a title word still names a person; "PM" after a
// clock time is no title.
func TestTitleWordSurnames(t *testing.T) {
	d := analyzer.Analyze("Steve King said on Monday that he would run again. John Major said nothing. Polls closed at 8 PM Eastern Time, and Lind said the count had begun.", nil)
	entityNamed(t, d, "Steve King")
	entityNamed(t, d, "John Major")
	for _, e := range d.Entities {
		if slices.Contains(e.Titles, "PM") {
			t.Errorf("%q titled PM", e.Name)
		}
	}
}

// TestKinGender: a kin word before a name tells the person's gender, so a
// pronoun of the other gender does not agree with them.
func TestKinGender(t *testing.T) {
	text := `Kwame Osei, whose daughter Efua was killed, spoke to reporters. His son, Kofi, stood beside him. He said the families would appeal.`
	d := analyzer.Analyze(text, nil)
	he := spanOf(t, text, "He", 0)
	for _, c := range []struct {
		name  string
		agree bool
	}{{"Efua", false}, {"Kofi", true}, {"Kwame Osei", true}} {
		e, _ := entityNamed(t, d, c.name)
		if got := d.Agrees(he, e); got != c.agree {
			t.Errorf("Agrees(He, %s) = %v, want %v", c.name, got, c.agree)
		}
	}
}
