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

// Share buttons under the byline (a one-word menu), a photo credit with an
// undated caption, a page-header date with the weather above the
// article's own date, and a link list whose last item is a question.
const shareUnderByline = `THE LAKESIDE COURIER
Home | Local | Sport | Weather
Friday 14 June 2024 | Lakeside 21°C
Local › Transport

Ferry fares to rise as operator cites fuel costs

Commuters face a second increase in a year

By Tom Erling, Transport reporter
Thursday 13 June 2024 17:45 BST

Share this article
Facebook
Messenger
Copy link

Photo: Ines Paulo / Lakeside Courier
Passengers board the morning ferry at the north pier.

LAKESIDE — Ferry fares on the lake crossing will rise by eight percent from July, the operator said on Thursday, blaming higher fuel prices.

"We held prices as long as we could," a spokeswoman said.

Commuter groups said they would ask the council to step in.

Related:
Council to review ferry contract
Who runs the lake ferries?
Audio player loading…
`

// Link lines hanging under a menu above a headline set on its byline, a
// date with an update note, and a wire footer of capitalised words.
const skipLinks = `Northwire
World | Markets | Business | Tech
Jump to main content
Hide this banner

MARKETS
Copper hits two-year high on supply worries
By Lea Marsh
June 12, 2024 at 9:05 am GMT · Updated 3 hours ago

LONDON, June 12 (Northwire) - Copper prices rose to their highest in two years on Wednesday as mine outages in South America tightened supply, traders said.

Stocks in exchange warehouses have fallen by a third since March.

Our Principles: The Northwire Editorial Code.
`

// A yearless published date beside a full update date.
const yearlessPublished = `Harbour tolls go up again

Published: Jun 2 | Updated: 03.06.2024, 08:10

The harbour board raised mooring tolls by five percent on Sunday, its second rise this year, the board said.

Boat owners said the rise would push smaller clubs out of the marina.
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
			name:      "share buttons under the byline; header date; undated caption; list rest",
			text:      shareUnderByline,
			title:     "Ferry fares to rise as operator cites fuel costs",
			outlet:    "Lakeside Courier",
			published: "2024-06-13",
			byline:    "Tom Erling",
			gone: map[string]string{
				"Photo: Ines Paulo / Lakeside Courier":                  "caption",
				"Passengers board the morning ferry at the north pier.": "caption",
				"Who runs the lake ferries?":                            "boilerplate",
				"Audio player loading…":                                 "widget",
			},
			kept: []string{"LAKESIDE — Ferry fares on the lake crossing", "Commuter groups said they would ask the council to step in."},
		},
		{
			name:      "link lines under a menu; update note; capitalised footer",
			text:      skipLinks,
			title:     "Copper hits two-year high on supply worries",
			outlet:    "Northwire",
			published: "2024-06-12",
			byline:    "Lea Marsh",
			gone: map[string]string{
				"Jump to main content":                          "header",
				"June 12, 2024 at 9:05 am GMT · Updated 3 ho":   "date",
				"Our Principles: The Northwire Editorial Code.": "boilerplate",
			},
			kept: []string{"Stocks in exchange warehouses have fallen by a third since March."},
		},
		{
			name:      "yearless published date takes the update's year",
			text:      yearlessPublished,
			title:     "Harbour tolls go up again",
			published: "2024-06-02",
			gone:      map[string]string{"Published: Jun 2 | Updated: 03.06.2024, 08:10": "date"},
		},
		{
			name: "blog post line with reading time; slash dateline",
			text: "Posted 12.04.2024 by Ana Brook | 4 min read | Filed under: Rivers, Towns\n\nThe weir that made the town\n\n" +
				"Velmont/Orla – The old weir was finished in 1820, and the town grew up around the mill it powered, the archive shows.\n\n" +
				"Today it is a listed structure, and the trust that looks after it is raising money for repairs.\n",
			title:     "The weir that made the town",
			published: "2024-04-12",
			byline:    "Ana Brook",
			gone:      map[string]string{"Posted 12.04.2024 by Ana Brook": "date"},
			kept:      []string{"Velmont/Orla – The old weir"},
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
			name:  "short headline under a menu, its deck above the byline",
			title: "Floods hit town",
			text: "Home | News | Sport | Weather\nFloods hit town\n\nResidents were moved to the school hall overnight as the river rose\nBy Ada Crane\n\n" +
				"The river burst its banks on Sunday night and flooded more than two hundred homes, the fire service said.\n",
			kept: []string{"The river burst its banks on Sunday night"},
		},
		{
			name:  "a one-sentence paragraph under a credit, with body around it",
			title: "Bridge reopens after repairs",
			text: "Bridge reopens after repairs\n\n" +
				"The old bridge reopened to traffic on Monday after eight months of repairs, the council said.\n\n" +
				"Photo: Cal Ruiz / Town Desk\n\nDrivers had faced a detour of twelve miles while the work went on.\n\n" +
				"Cyclists will have a lane of their own from next month.\n",
			kept: []string{"Drivers had faced a detour of twelve miles while the work went on."},
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
