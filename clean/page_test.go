package clean_test

import (
	"strings"
	"testing"

	"github.com/parallax-news/parallax"
)

// Invented pages for the page-furniture signals: menus and breadcrumbs
// above the headline, site mastheads against wire and photo credits,
// acronyms spelled out elsewhere, captions beside their credits, reader
// prompts, "Label: headline" links and wire end markers.

// A vertical menu between an all-capitals masthead and the headline, a
// "Last updated" date line and a photo credit naming the person first.
const menuPortal = `VALLEY VOICE
Sections
News
Sport
Weather
Obituaries

Council to vote on new river crossing next month

Last updated 14:05, 3 June 2024

ELMFORD — The district council will vote next month on plans for a second road bridge over the river, ending a decade of studies and public meetings.

Photo: Valley Voice/Priya Nandi
Commuters queue to cross the old bridge at Elmford, 2 June 2024.

Residents on both banks have asked for a new crossing since the old one was closed to lorries in 2014, the council's transport chair said.

"We cannot put this off for another ten years," she told a packed meeting on Monday.

Did you find this article useful?
👍 12   👎 3

See also: Who will pay for the new bridge?

Valley Voice, 12 Mill Street, Elmford
`

// A breadcrumb under a masthead, a re-posted wire story whose agency is an
// acronym written out in a credit line, and a blog's "Published … by" line.
const breadcrumbRepost = `Tidewater Notes
News » Region » Coast

Harbour dredging to start after years of delay

Published on 9 May 2024 by saltmarsh_ed

(Shared from Prairie News Service)

KELBY, (PNS) - Dredging of the silted harbour mouth will start in July, the port authority said on Wednesday, after three years of permit disputes.

The work will deepen the channel by two metres so that larger ferries can dock at high and low tide, a spokesman said.

Fishing crews welcomed the decision but said the delay had already cost them a season.
`

// Agency copy: the agency's full name used in a sentence, an acronym
// with a connector, a by-line with a role and an end marker glued on.
const agencyCopy = `Grain prices fall as harvest estimates rise

By Ana Ruiz, staff writer

Tarn Press Agency Velmont, June 4 (reporter Ilse Brandt)Grain prices fell for a third day on Tuesday as farm ministries raised their harvest estimates.Traders told Tarn Press Agency that export demand had also slowed.Wheat futures closed at their lowest level since January.(ENDS)
`

// A wire agency's acronym expanded with a connector ("Bureau of ...").
const acronymConnector = `Ferry strike called off

ORLA, (BFR) - Ferry crews called off a planned strike on Friday after the operator agreed to a new rota, the union said.

Services will run as normal over the weekend, the operator said.

Copyright 2024 Bureau of Foreign Reports.
`

// A caption above its credit, and a body paragraph after a blank line
// next to a credit, which stays.
const captionAbove = `Lighthouse restored after storm damage

The lighthouse at Carrick Point reopened to visitors on Saturday after a year of repairs.
Volunteers repaint the lantern room at Carrick Point, 30 April 2024.
© Nell Ortiz / Coastal Heritage Trust

Repairs cost more than twice the first estimate, the trust said in a statement on 2 May 2024.

Visitors can climb the tower on weekends until October.
`

// A credit naming nobody the page mentions again: the last part is taken.
const plainCredit = `River festival draws record crowds

© Omar Haddad / Lantern Images

More than forty thousand people lined the river banks on Sunday for the annual boat parade, organisers said.

Police said the day passed without serious incidents.
`

func TestPageSignals(t *testing.T) {
	tests := []struct {
		name      string
		text      string
		title     string
		outlet    string
		published string
		byline    string
		meta      map[string]any
		gone      map[string]string // line → removal reason
		kept      []string
	}{
		{
			name:      "menu lines above the headline, caption below its credit, reader prompt",
			text:      menuPortal,
			title:     "Council to vote on new river crossing next month",
			outlet:    "Valley Voice",
			published: "2024-06-03",
			gone: map[string]string{
				"VALLEY VOICE":                         "header",
				"Obituaries":                           "header",
				"Last updated 14:05, 3 June 2024":      "date",
				"Photo: Valley Voice/Priya Nandi":      "caption",
				"Commuters queue to cross the old bri": "caption",
				"Did you find this article useful?":    "widget",
				"See also: Who will pay for the new":   "widget",
			},
			kept: []string{
				"ELMFORD — The district council will vote next month",
				"\"We cannot put this off for another ten years,\" she told a packed meeting on Monday.",
			},
		},
		{
			name:      "breadcrumb, re-posted wire story under a site masthead",
			text:      breadcrumbRepost,
			title:     "Harbour dredging to start after years of delay",
			outlet:    "Tidewater Notes",
			published: "2024-05-09",
			byline:    "saltmarsh_ed",
			meta:      map[string]any{"wire": "Prairie News Service", "dateline_agency": "PNS"},
			gone: map[string]string{
				"News » Region » Coast":                   "header",
				"Published on 9 May 2024 by saltmarsh_ed": "date",
			},
			kept: []string{"KELBY, (PNS) - Dredging of the silted harbour mouth"},
		},
		{
			name:   "agency named in a sentence keeps its full name; end marker cut",
			text:   agencyCopy,
			title:  "Grain prices fall as harvest estimates rise",
			outlet: "Tarn Press Agency",
			byline: "Ana Ruiz",
			gone:   map[string]string{"(ENDS)": "boilerplate"},
			kept:   []string{"Wheat futures closed at their lowest level since January."},
		},
		{
			name:   "acronym spelled out with a connector",
			text:   acronymConnector,
			title:  "Ferry strike called off",
			outlet: "Bureau of Foreign Reports",
			meta:   map[string]any{"dateline_agency": "BFR"},
		},
		{
			name:   "caption above its credit; body beside a blank line stays",
			text:   captionAbove,
			title:  "Lighthouse restored after storm damage",
			outlet: "Coastal Heritage Trust",
			gone: map[string]string{
				"Volunteers repaint the lantern room": "caption",
				"© Nell Ortiz / Coastal Heritage":     "caption",
			},
			kept: []string{
				"The lighthouse at Carrick Point reopened to visitors on Saturday",
				"Repairs cost more than twice the first estimate, the trust said in a statement on 2 May 2024.",
			},
		},
		{
			name:   "credit with no repeated name: the last part",
			text:   plainCredit,
			title:  "River festival draws record crowds",
			outlet: "Lantern Images",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := cleanText(t, &parallax.Record{Text: tc.text})
			if a.Title != tc.title || a.TitleSpan.In(a.Raw) != tc.title {
				t.Errorf("Title = %q (span %q), want %q", a.Title, a.TitleSpan.In(a.Raw), tc.title)
			}
			if a.Outlet != tc.outlet {
				t.Errorf("Outlet = %q, want %q", a.Outlet, tc.outlet)
			}
			if a.Published != tc.published {
				t.Errorf("Published = %q, want %q", a.Published, tc.published)
			}
			if a.Byline != tc.byline {
				t.Errorf("Byline = %q, want %q", a.Byline, tc.byline)
			}
			for k, want := range tc.meta {
				if got := a.Meta[k]; got != want {
					t.Errorf("Meta[%s] = %v, want %v", k, got, want)
				}
			}
			if _, ok := tc.meta["wire"]; !ok && a.Meta["wire"] != nil {
				t.Errorf("Meta[wire] = %v, want none", a.Meta["wire"])
			}
			for line, reason := range tc.gone {
				if strings.Contains(a.Text, line) {
					t.Errorf("Text still contains %q", line)
				}
				if got := reasonFor(a, line); got != reason {
					t.Errorf("%q removed as %q, want %q", line, got, reason)
				}
			}
			for _, s := range tc.kept {
				if !strings.Contains(a.Text, s) {
					t.Errorf("Text lost %q:\n%s", s, a.Text)
				}
			}
		})
	}
}

// TestPageSignalsNegative checks shapes the new signals must leave alone.
func TestPageSignalsNegative(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		title string
		kept  []string
	}{
		{
			name:  "breadcrumb under the headline: the first line stays the title",
			title: "Dockers return to work after pay deal",
			text: "Dockers return to work after pay deal\n\nHome > News > Business\n\n" +
				"Dock workers returned to their posts on Monday after union leaders accepted a revised wage offer from the port operators.\n\n" +
				"Would you trust the operators to keep their word this time?\n\n" +
				"Union leaders said they would watch the first pay day closely.\n",
			kept: []string{"Would you trust the operators to keep their word this time?"},
		},
		{
			name:  "all-capitals headline directly above the body",
			title: "STORM CUTS POWER",
			text: "STORM CUTS POWER\n\n" +
				"Thousands of homes were left without power on Sunday after a storm brought down lines across the county, the utility said.\n\n" +
				"Crews expect to restore most connections by Tuesday, though repairs to the main line will take longer, under a plan backed by the county board and by Senator Ames (R)\n",
			kept: []string{"by Senator Ames (R)"},
		},
		{
			name:  "a dated sentence beside a credit but after a blank line",
			title: "Museum reopens east wing",
			text: "Museum reopens east wing\n\n" +
				"The east wing reopened on Friday after a two-year renovation, the museum's director said.\n\n" +
				"Picture: Lio Marsh/City Museum\n\n" +
				"The renovation was first announced by the board in Pellton, 4 March 2021.\n",
			kept: []string{"The renovation was first announced by the board in Pellton, 4 March 2021."},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := cleanText(t, &parallax.Record{Text: tc.text})
			if a.Title != tc.title {
				t.Errorf("Title = %q, want %q", a.Title, tc.title)
			}
			for _, s := range tc.kept {
				if !strings.Contains(a.Text, s) {
					t.Errorf("Text lost %q:\n%s", s, a.Text)
				}
			}
		})
	}
}
