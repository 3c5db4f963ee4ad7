package clean

import (
	"testing"

	"github.com/parallax-news/parallax"
)

func TestNavLine(t *testing.T) {
	tests := []struct {
		name string
		line string
		want bool
	}{
		{"pipe menu", "News | Sport | Weather | Travel", true},
		{"breadcrumb", "Home › Politics", true},
		{"slash menu", "Politics / Business / Culture", true},
		{"two pipe parts", "Headline here | Site", false},
		{"date with pipes", "03/06/2024 | 10:15 | Views: 20", false},
		{"long parts", "Ministers meet | talks go on into the night | Deal", false},
		{"sentence", "Prices rose | costs rose | Wages fell.", false},
		{"credit", "© Agency / Photo Person / Desk", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := measure(tc.line)
			if got := navLine(tc.line, &f); got != tc.want {
				t.Errorf("navLine(%q) = %v, want %v", tc.line, got, tc.want)
			}
		})
	}
}

// TestSiteNameSignals: a masthead in capitals and the footer's mixed
// case are one outlet, accents included; rights lines in other languages.
func TestSiteNameSignals(t *testing.T) {
	if a, b := outletKey("MÜNCHNER MERKUR"), outletKey("Münchner Merkur"); a != b {
		t.Errorf("outletKey: %q and %q differ", a, b)
	}
	for line, want := range map[string]bool{
		"© L'Écho Continental 2025 – Tous droits réservés":    true,
		"© Rheintal Rundschau GmbH – Alle Rechte vorbehalten": true,
		"Todos los derechos reservados.":                      true,
		"The rights of the accused were reserved for later.":  false,
	} {
		f := measure(line)
		if got := rightsLine(&f, lw(line)); got != want {
			t.Errorf("rightsLine(%q) = %v, want %v", line, got, want)
		}
	}
	if got := menuTail("It appeared in print on 4 June. Order Reprints | Today's Paper | Subscribe"); !got {
		t.Errorf("menuTail missed a footer menu")
	}
	if got := menuTail("Prices rose | costs rose | wages fell"); got {
		t.Errorf("menuTail took a sentence")
	}
}

func TestEndMarker(t *testing.T) {
	tests := []struct {
		name string
		s    string
		want int // index of "(" or -1
	}{
		{"glued", "It rained.(end)", 10},
		{"spaced caps", "It rained. (ENDS)", 11},
		{"after quote", "\"It rained.\"(end)", 12},
		{"party tag", "backed by Senator Ames (R)", -1},
		{"mixed case", "It rained.(End)", -1},
		{"two words", "It rained. (more to come)", -1},
		{"marker only", "(end)", -1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := endMarker(tc.s); got != tc.want {
				t.Errorf("endMarker(%q) = %d, want %d", tc.s, got, tc.want)
			}
		})
	}
}

func TestExpandAcronym(t *testing.T) {
	tests := []struct {
		name, raw, acr, want string
	}{
		{"plain", "A story from Delta Radio Group today.", "DRG", "Delta Radio Group"},
		{"connector", "Filed by the Office of National Statistics.", "ONS", "Office of National Statistics"},
		{"hyphen", "Courtesy of Agence Nord-Presse.", "ANP", "Agence Nord-Presse"},
		{"absent", "Nothing here spells it.", "XYZ", ""},
		{"a person with the initials", "The station employed reporter Alison Parker.", "AP", ""},
		{"person first, organisation later", "Alison Parker spoke to the Associated Press.", "AP", "Associated Press"},
		{"not an acronym", "Delta Radio Group", "Drg", ""},
		{"initials split by a sentence", "Delta. Radio Group", "DRG", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := &doc{raw: tc.raw}
			if got := d.expandAcronym(tc.acr); got != tc.want {
				t.Errorf("expandAcronym(%q) = %q, want %q", tc.acr, got, tc.want)
			}
		})
	}
}

func TestRightsHolder(t *testing.T) {
	tests := []struct {
		name, line, want string
	}{
		{"company form", "© 2024 Lakeside Gazette Media Ltd. All rights reserved.", "Lakeside Gazette"},
		{"word and range", "Copyright 2001–2024 The Evening Lamp, all rights reserved", "The Evening Lamp"},
		{"connector", "(c) 2023 Bureau of Reports Inc.", "Bureau of Reports"},
		{"no holder", "All rights reserved.", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := rightsHolder(tc.line); got != tc.want {
				t.Errorf("rightsHolder(%q) = %q, want %q", tc.line, got, tc.want)
			}
		})
	}
}

func TestOutletKeyAndName(t *testing.T) {
	d := &doc{raw: "THE LAMP\n\nNews from the Lamp Press Agency desk.\n"}
	d.addOutlet("THE LAMP", wSite)
	d.addOutlet("Lamp Press Agency", wDateline)
	name, key := d.bestOutlet()
	if key != "lamp" {
		t.Errorf("key = %q, want lamp", key)
	}
	// the long form is used in a sentence, so it is the name
	if name != "Lamp Press Agency" {
		t.Errorf("name = %q, want Lamp Press Agency", name)
	}
	d2 := &doc{raw: "THE LAMP\n"}
	d2.addOutlet("THE LAMP", wSite)
	if name, _ := d2.bestOutlet(); name != "The Lamp" {
		t.Errorf("all-capitals masthead shown as %q, want The Lamp", name)
	}
}

func TestTidyOutletAcronym(t *testing.T) {
	for in, want := range map[string]string{
		"TNA Tolm News Agency":        "Tolm News Agency",
		"ALP Agence Latine de Presse": "Agence Latine de Presse",
		"BBC News":                    "BBC News",
		"NPR":                         "NPR",
		"TT Tolm Herald Weekly":       "TT Tolm Herald Weekly",
		"Tolm Herald 1902–2025":       "Tolm Herald",
	} {
		if got := tidyOutlet(in); got != want {
			t.Errorf("tidyOutlet(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestKeptEndBeforeMarker(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"no-break space before the marker", "Headline words here\n\nThe talks ended on Friday with no deal in sight, officials said.\u00a0(end)\n", "officials said."},
		{"glued", "Headline words here\n\nThe talks ended on Friday with no deal in sight, officials said.(ends)\n", "officials said."},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a, err := New(Options{SkipLanguage: true}).Clean(&parallax.Record{Text: tc.text})
			if err != nil {
				t.Fatal(err)
			}
			if len(a.Paragraphs) != 1 {
				t.Fatalf("%d paragraphs, want 1", len(a.Paragraphs))
			}
			p := a.Paragraphs[0]
			if got := a.Raw[p.Start:p.End]; len(got) < len(tc.want) || got[len(got)-len(tc.want):] != tc.want {
				t.Errorf("paragraph ends %q, want …%q", got, tc.want)
			}
			last := a.Removed[len(a.Removed)-1]
			if r := a.Raw[last.Span.Start:last.Span.End]; r[0] != '(' || last.Reason != ReasonBoilerplate {
				t.Errorf("last removal %q (%s), want the marker as boilerplate", r, last.Reason)
			}
		})
	}
}

func TestDateLine(t *testing.T) {
	tests := []struct {
		name string
		line string
		want string // "" when not a date line
	}{
		{"plain", "Tuesday 4 June 2024 10:30 BST", "2024-06-04"},
		{"header with weather", "Monday 3 June 2024 | Port Ellis 18°C", "2024-06-03"},
		{"update note, relative", "June 4, 2024 at 6:40 pm GMT · Updated 5 hours ago", "2024-06-04"},
		{"update note, dated", "Published: 4 June 2024 | Updated: 05.06.2024, 11:02", "2024-06-04"},
		{"yearless published", "Published: Jun 4 | Updated: 05.06.2024, 11:02", "2024-06-04"},
		{"yearless across new year", "Posted: Dec 31 | Updated: 02.01.2025", "2024-12-31"},
		{"update note only", "Updated: 05.06.2024", "2024-06-05"},
		{"prose after the note", "June 4, 2024 · Updated after the mayor spoke to reporters at length", ""},
		{"sentence", "The vote on 4 June 2024 was postponed by the council again.", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := measure(tc.line)
			got, sp, ok := dateLine(tc.line, &f)
			if !ok {
				got = ""
			}
			if got != tc.want {
				t.Errorf("dateLine(%q) = %q, want %q", tc.line, got, tc.want)
			}
			if ok && (sp[0] < 0 || sp[1] > len(tc.line) || sp[0] >= sp[1]) {
				t.Errorf("dateLine(%q) span %v out of range", tc.line, sp)
			}
		})
	}
}

func TestPostedBy(t *testing.T) {
	tests := []struct {
		name       string
		line       string
		head, user string
		ok         bool
	}{
		{"plain", "Posted on 9 May 2024 by saltmarsh_ed", "Posted on 9 May 2024", "saltmarsh_ed", true},
		{"with reading time", "Posted 12.04.2024 by Ana Brook | 4 min read | Filed under: Rivers, Towns", "Posted 12.04.2024", "Ana Brook", true},
		{"sentence", "Posted by the council to every household in the borough last week.", "", "", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			head, user, ok := postedBy(tc.line, lw(tc.line))
			if head != tc.head || user != tc.user || ok != tc.ok {
				t.Errorf("postedBy(%q) = %q, %q, %v; want %q, %q, %v", tc.line, head, user, ok, tc.head, tc.user, tc.ok)
			}
		})
	}
}

func TestParseDatelineSlash(t *testing.T) {
	tests := []struct {
		name  string
		s     string
		place string
		ok    bool
	}{
		{"two places", "Velmont/Orla – Talks resumed on Monday after a week of silence.", "Velmont", true},
		{"capitals", "VELMONT – Talks resumed on Monday.", "VELMONT", true},
		{"one mixed-case word", "Meanwhile – talks resumed on Monday.", "", false},
		{"lower-case part", "Velmont/east – talks resumed on Monday.", "", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d, ok := parseDateline(tc.s)
			if ok != tc.ok || ok && d.place != tc.place {
				t.Errorf("parseDateline(%q) = %q, %v; want %q, %v", tc.s, d.place, ok, tc.place, tc.ok)
			}
		})
	}
}
