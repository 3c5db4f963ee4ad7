package clean_test

import (
	"strings"
	"testing"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/clean"
)

// Fixtures are invented pages of invented outlets, each exercising
// signals in shapes the seed files do not have.

// gluedBlog has its header lines and its comments without blank lines
// between them, which must not read as hard-wrapped prose.
const gluedBlog = `LANTERNWORKS — notes on canals, locks and the people who keep them
Home   About   Archive   Contact   Buy us a coffee
Posted 11.06.2025 by Ines Caro | 5 min read | Filed under: Waterways

A morning at lock nine

The keeper was already at the gates when I arrived, wiping the frost from the balance beam with his sleeve.

"Nobody thanks a lock until it jams," Piet Hollander said. He has worked this flight for thirty years.

The canal trust says the new gates will arrive in spring. Hollander is not holding his breath.

4 thoughts on “A morning at lock nine”

Rosa B. says:
June 11, 2025 at 09:12
Lovely piece. Hollander is right: “nobody thanks a lock”. Give that man a medal.
Reply

Tam_Okoro says:
June 11, 2025 at 10:40
The trust said on the radio that “the gates are ordered”. We will see.
Reply
`

// foreignChrome is an English article on a page whose furniture is in
// German, with a newsletter box, a related list holding a question and a
// footer ending in a menu.
const foreignChrome = `Rheintal Rundschau
Welt   U.S.   Politik   Wirtschaft   Kultur   Sport
Lesezeit: 3 Min.

Ferry operators cut winter timetable

Von Jonas Keller

You have 2 free articles left this month. Subscribe for unlimited access.

The three ferry lines on the lake will run half as often from November, the operators said on Tuesday.

"We cannot sail empty boats all winter," said Lena Voss, who runs the northern line. Passenger numbers fell by a third last year.

Mehr zum Thema
Lake ferries: a history in pictures
Will the bridge ever be built?
Timetables for the coming winter

Sign up to Lake Letter
Our free weekly round-up of news from around the lake.
Enter your email address
Sign up
Privacy: we use your address only to send the newsletter.

A version of this article appeared in print on 5 October. Order Reprints | Today's Paper | Subscribe

Kommentare (3)
Ferdl_R  05.10.2025, 08:12
„Half as often“ means never in practice.
Antworten
`

// roleByline names its author with a role and no "By".
const roleBylineText = `Dam inspection delayed again

Marta Ruiz, Alpine affairs correspondent
12 March 2025

Engineers postponed the inspection of the Valbruna dam for a third time on Wednesday, citing snow on the access road.

"We will go up as soon as the road is open," the chief engineer said.

(Reporting by Marta Ruiz; Additional reporting by Jonas Keller; Editing by Mia Lund)
`

// promoUnderMenu has a promotion glued under its breadcrumb and the
// headline apart from the byline.
const promoUnderMenu = `LAKESIDE TIMES
≡ Sections    Search    Subscribe for €1
Home › News › Region
Sunday's paper: order now and save 30%

‘We lost a summer’: ferry strike ends after nine days

By Ines Caro, Transport Reporter
16/09/2025 – 17:20

The ferry strike on the lake ended on Tuesday after the operators agreed to hire forty more crew, the union said.

"We lost a summer, but we won the winter," said Piet Hollander, the union's spokesman.
`

// twoSentenceHeadline is an opinion page whose headline is two short
// sentences, under a menu of two items.
const twoSentenceHeadline = `The Lakeside Review
Opinion   Columns   Letters   Editorials
Gift this article   Save for later

The ferries did not fail. We failed them.

A harbour engineer says the strike was the start of a reckoning, not the end of one

By Marta Ruiz
Thursday 18 September 2025

I have repaired the lake's ferries for twenty years, and I have never seen the fleet so neglected.

The operators knew it. They chose to wait.
`

const harborLedger = `THE HARBOR LEDGER | Est. 1887
Your coastal news, every morning. Subscribe today and never miss a tide.

Fishing Fleet Returns Early as Storm Closes In

By Marta Quill
Tuesday, 4 March 2025 09:30 GMT
Share this: Facebook Twitter WhatsApp Email

PORTSMOUTH, Maine (Harbor Wire) — Dozens of trawlers cut their trips short on Monday after forecasters warned of a late-winter storm.

The harbor master said crews began arriving before dawn. "We have never seen the whole fleet in this early," she said.

Photo: Ned Varga / Harbor Ledger
© Harbor Ledger 2025

Crews Brace for 'Worst in a Decade'

Skippers said the lost days would cost them thousands of dollars each. "It is a gamble either way," one captain said.

Advertisement

The storm is expected to reach the coast by Wednesday night, the weather service said.

Related: How the 1978 blizzard reshaped the waterfront

More from The Harbor Ledger
Log in to save articles
Copyright 2025 The Harbor Ledger. All rights reserved.
`

const disqusThread = `Council Approves New Bike Lanes

The city council voted 7-2 on Thursday to add protected bike lanes along Main Street, ending a debate that lasted more than a year.

Supporters said the lanes would make the street safer for children riding to school. Opponents warned of lost parking for small shops.

Construction is set to begin in the spring and should take about four months, officials said.

23 Comments

Sort by Best

riverrat77
2 hours ago
I think this is a terrible idea. "Nobody rides bikes in February," my neighbor says, and he is right.
Reply

greenwheels
an hour ago
Finally! I have been waiting years for this.
Reply
`

const cyrillicStray = `Ministers Agree Grain Deal After Long Night

Trade ministers agreed on Friday to extend a grain export deal for another six months, according to officials familiar with the talks.

The agreement keeps shipping lanes open for cargo vessels and sets up a joint inspection centre.

Подписывайтесь на наш канал

"This is good news for importers," an analyst said in an interview.

欢迎订阅我们的频道
`

const numberedComments = `Library Opens Late-Night Study Hall

The central library will stay open until midnight during exam weeks, the library board said on Wednesday.

Students had petitioned for longer hours for two years, the board's chair said. "We listened," she said.

Jo Pike contributed to this report.

1. Great news. I used to study in my car because there was nowhere else to go.
12 likes
2. "About time," says everyone who ever needed a quiet room after ten.
4 likes

Leave a comment

Your email address will not be published.
`

const wrapped = `Town Budget Passes With Narrow Margin

The town budget passed by a single vote on Tuesday night after a
long debate over road repairs and the cost of a new fire engine for
the volunteer department.

Members who voted against it said the plan leaned too heavily on
reserves and would leave the town exposed if revenue fell short next
year.
`

const singleNewlines = `Port Strike Ends After Nine Days
Dock workers returned to their posts on Monday after union leaders accepted a revised wage offer.
"We got most of what we asked for," a union spokesman said.
Shipping companies said it would take a week to clear the backlog.
`

const consentAndFields = `NORTH SHORE TIMES
News for the lakeside towns since 1921
Home | Local | Sport | Opinion | Subscribe
We use cookies to improve your experience. Continue browsing to accept our cookie policy.
OK, got it
You have 3 free articles left this month.

LOCAL NEWS

Ferry crews vote to strike over rosters

Posted: 4 March 2025  |  Category: Transport, Work  |  Author: Dana Pike

Crews on the lake ferries voted on Monday to strike for two days next week, the union said.

Managers said the rosters had been agreed with staff representatives in January.
`

const inlineFurniture = `Ferry crews vote to strike over rosters

Crews on the lake ferries voted on Monday to strike for two days next week, the union said.

Read more: Lake ferries: the long fight over who pays for the winter timetable

Deckhand Ana Ruiz, left, with her father outside the ferry terminal. (NST Photo/Ben Hale)

He said the vote was close. (WARNING: The video below contains strong language.)

ADVERTISEMENT
Harbour Marine – lifejackets from £39. Ask about our crew discount.

Managers said the rosters had been agreed with staff representatives in January.
`

const wireTail = `Ferry crews vote to strike over rosters

TOLM (Lake Press) — Crews on the lake ferries voted on Monday to strike for two days next week, the union said.

Managers said the rosters had been agreed with staff representatives in January.

Lake Press writer Ana Ruiz in Brenn contributed to this report.

Copyright 2026 The Lake Press Association. All Rights Reserved. This material may not be published, broadcast, rewritten or redistributed without permission.
`

const postLast = `Families mark verdict day

The court found the builder guilty on all four counts on Tuesday.

The families' association posted within minutes.

We waited eighteen months for today. Thank you to everyone.
— Tolm Families (@TolmFamilies) September 16, 2025
`

const dateConflict = `Talks Resume in Geneva

Posted 2023-09-30

GENEVA, March 2 (Alpine Press Agency) -- Negotiators returned to the table on Thursday after a two-week pause, diplomats said.

Both sides said they hoped to reach a framework agreement before the summer.
`

const qaAndQuestions = `Interview: The Mayor on Housing

The mayor sat down with reporters on Friday to discuss the housing shortage and her plans for the coming year.

Q: Will rents keep rising?

A: They will unless we build more. That is the whole story, really.

Q (Tom Vale, The Harbour Standard): Will you sell the Quay Street Site?

A: Not this year. We will lease it to the housing trust first.

What happens next?

The council will vote on the zoning plan in May, her office said.
`

func cleanText(t *testing.T, rec *parallax.Record) *parallax.Article {
	t.Helper()
	a, err := clean.New(clean.Options{}).Clean(rec)
	if err != nil {
		t.Fatal(err)
	}
	checkInvariants(t, a)
	return a
}

func TestClean(t *testing.T) {
	tests := []struct {
		name      string
		rec       parallax.Record
		title     string
		outlet    string
		published string
		dateline  string
		byline    string
		language  string
		meta      map[string]any
		paras     int // number of paragraphs, -1 to skip
		gone      map[string]string
		kept      []string
	}{
		{
			name:  "masthead, byline, share line, captions, crosshead, footer",
			rec:   parallax.Record{Text: harborLedger},
			title: "Fishing Fleet Returns Early as Storm Closes In",
			// The page's masthead, credits and copyright name the
			// publisher; the dateline names the wire it carries.
			outlet:    "The Harbor Ledger",
			meta:      map[string]any{"wire": "Harbor Wire", "dateline_agency": "Harbor Wire"},
			published: "2025-03-04",
			dateline:  "Portsmouth, Maine",
			byline:    "Marta Quill",
			language:  "en",
			paras:     4,
			gone: map[string]string{
				"THE HARBOR LEDGER | Est. 1887":                          "header",
				"Your coastal news, every morning.":                      "header",
				"By Marta Quill":                                         "byline",
				"Tuesday, 4 March 2025 09:30 GMT":                        "date",
				"Share this: Facebook Twitter WhatsApp Email":            "widget",
				"Photo: Ned Varga / Harbor Ledger":                       "caption",
				"© Harbor Ledger 2025":                                   "caption",
				"Crews Brace for 'Worst in a Decade'":                    "heading",
				"Advertisement":                                          "widget",
				"Related: How the 1978 blizzard reshaped the waterfront": "widget",
				"More from The Harbor Ledger":                            "boilerplate",
				"Log in to save articles":                                "widget",
				"Copyright 2025 The Harbor Ledger. All rights reserved.": "boilerplate",
				"Fishing Fleet Returns Early as Storm Closes In":         "title",
			},
			kept: []string{
				"PORTSMOUTH, Maine (Harbor Wire) — Dozens of trawlers",
				"\"It is a gamble either way,\" one captain said.",
				"The storm is expected to reach the coast by Wednesday night, the weather service said.",
			},
		},
		{
			name:     "disqus-like comment thread",
			rec:      parallax.Record{Text: disqusThread, URL: "https://www.citybeat.example/news/bike-lanes"},
			title:    "Council Approves New Bike Lanes",
			outlet:   "citybeat.example",
			language: "en",
			paras:    3,
			gone: map[string]string{
				"23 Comments":                  "comments",
				"riverrat77":                   "comments",
				"Nobody rides bikes":           "comments",
				"Finally! I have been waiting": "comments",
			},
			kept: []string{"Construction is set to begin in the spring"},
		},
		{
			name:     "stray Cyrillic and CJK lines",
			rec:      parallax.Record{Text: cyrillicStray},
			title:    "Ministers Agree Grain Deal After Long Night",
			language: "en",
			paras:    3,
			gone: map[string]string{
				"Подписывайтесь на наш канал": "foreign-script",
				"欢迎订阅我们的频道":                   "foreign-script",
			},
			kept: []string{"\"This is good news for importers,\" an analyst said in an interview."},
		},
		{
			name:     "numbered posts with like counts after a credit line",
			rec:      parallax.Record{Text: numberedComments},
			title:    "Library Opens Late-Night Study Hall",
			language: "en",
			meta:     map[string]any{"contributors": []string{"Jo Pike"}},
			paras:    2,
			gone: map[string]string{
				"Jo Pike contributed to this report.": "credit",
				"Great news. I used to study":         "comments",
				"\"About time,\" says everyone":       "comments",
				"Leave a comment":                     "comments",
			},
			kept: []string{"\"We listened,\" she said."},
		},
		{
			name:      "glued blog header and comment thread are lines, not wrapped prose",
			rec:       parallax.Record{Text: gluedBlog},
			title:     "A morning at lock nine",
			outlet:    "Lanternworks",
			published: "2025-06-11",
			byline:    "Ines Caro",
			language:  "en",
			paras:     3,
			gone: map[string]string{
				"Home   About   Archive":           "header",
				"4 thoughts on":                    "comments",
				"Give that man a medal.":           "comments",
				"The trust said on the radio that": "comments",
			},
			kept: []string{"\"Nobody thanks a lock until it jams,\" Piet Hollander said."},
		},
		{
			name:     "furniture in another language, a sign-up box and a footer menu",
			rec:      parallax.Record{Text: foreignChrome},
			title:    "Ferry operators cut winter timetable",
			outlet:   "Rheintal Rundschau",
			byline:   "Jonas Keller",
			language: "en",
			paras:    2,
			gone: map[string]string{
				"Welt   U.S.":                    "header",
				"Lesezeit: 3 Min.":               "widget",
				"You have 2 free articles left":  "widget",
				"Will the bridge ever be built?": "heading",
				"Our free weekly round-up":       "widget",
				"Privacy: we use your address":   "widget",
				"Order Reprints":                 "widget",
				"Kommentare (3)":                 "comments",
				"means never in practice":        "comments",
			},
			kept: []string{"\"We cannot sail empty boats all winter,\" said Lena Voss"},
		},
		{
			name:      "a byline of a name and a press role",
			rec:       parallax.Record{Text: roleBylineText},
			title:     "Dam inspection delayed again",
			published: "2025-03-12",
			byline:    "Marta Ruiz",
			language:  "en",
			paras:     2,
			gone:      map[string]string{"Marta Ruiz, Alpine affairs correspondent": "byline", "(Reporting by Marta Ruiz;": "credit"},
			meta:      map[string]any{"contributors": []string{"Marta Ruiz"}},
		},
		{
			name:      "a promotion under the breadcrumb is no headline",
			rec:       parallax.Record{Text: promoUnderMenu},
			title:     "‘We lost a summer’: ferry strike ends after nine days",
			outlet:    "Lakeside Times",
			published: "2025-09-16",
			byline:    "Ines Caro",
			language:  "en",
			paras:     2,
		},
		{
			name:      "a headline of two short sentences under a two-item menu",
			rec:       parallax.Record{Text: twoSentenceHeadline},
			title:     "The ferries did not fail. We failed them.",
			outlet:    "The Lakeside Review",
			published: "2025-09-18",
			byline:    "Marta Ruiz",
			language:  "en",
			paras:     -1,
		},
		{
			name:  "hard-wrapped paragraphs are joined",
			rec:   parallax.Record{Text: wrapped},
			title: "Town Budget Passes With Narrow Margin",
			paras: 2,
			kept: []string{
				"after a\nlong debate over road repairs",
				"next\nyear.",
			},
			language: "en",
		},
		{
			name:     "one paragraph per line",
			rec:      parallax.Record{Text: singleNewlines},
			title:    "Port Strike Ends After Nine Days",
			paras:    3,
			language: "en",
			kept:     []string{"\"We got most of what we asked for,\" a union spokesman said."},
		},
		{
			name:      "dateline date beats a distant page date",
			rec:       parallax.Record{Text: dateConflict},
			title:     "Talks Resume in Geneva",
			outlet:    "Alpine",
			published: "2023-03-02",
			dateline:  "Geneva",
			language:  "en",
			meta:      map[string]any{"page_date": "2023-09-30", "date_conflict": true},
			paras:     2,
			gone:      map[string]string{"Posted 2023-09-30": "date"},
		},
		{
			name: "record fields win",
			rec: parallax.Record{Text: dateConflict, Title: "Geneva talks resume", Outlet: "Lake Courier",
				Published: "2023-10-01", Language: "de-CH"},
			title:     "Geneva talks resume",
			outlet:    "Lake Courier",
			published: "2023-10-01",
			dateline:  "Geneva",
			language:  "de",
			meta:      map[string]any{"date_conflict": true},
			paras:     -1,
		},
		{
			name:      "consent banner and paywall counter above the headline, date in a line of fields",
			rec:       parallax.Record{Text: consentAndFields},
			title:     "Ferry crews vote to strike over rosters",
			outlet:    "North Shore Times",
			published: "2025-03-04",
			language:  "en",
			paras:     2,
			gone: map[string]string{
				"We use cookies to improve your experience.": "widget",
				"OK, got it": "header",
			},
		},
		{
			name:     "a long inline link, a caption ending in its credit, an advertisement's copy",
			rec:      parallax.Record{Text: inlineFurniture},
			title:    "Ferry crews vote to strike over rosters",
			language: "en",
			paras:    3,
			gone: map[string]string{
				"Read more: Lake ferries":                "widget",
				"(NST Photo/Ben Hale)":                   "caption",
				"Harbour Marine – lifejackets from £39.": "widget",
			},
			kept: []string{"He said the vote was close. (WARNING: The video below contains strong language.)"},
		},
		{
			name:     "a wire story's contributor line and its long copyright notice",
			rec:      parallax.Record{Text: wireTail},
			title:    "Ferry crews vote to strike over rosters",
			outlet:   "Lake Press",
			dateline: "Tolm",
			language: "en",
			paras:    2,
			gone: map[string]string{
				"Lake Press writer Ana Ruiz in Brenn contributed to this report.": "credit",
				"Copyright 2026 The Lake Press Association.":                      "boilerplate",
			},
		},
		{
			name:     "an embedded post's signature closing the article stays",
			rec:      parallax.Record{Text: postLast},
			title:    "Families mark verdict day",
			language: "en",
			paras:    4,
			kept:     []string{"— Tolm Families (@TolmFamilies) September 16, 2025"},
		},
		{
			name:     "interview questions and a question paragraph stay",
			rec:      parallax.Record{Text: qaAndQuestions},
			title:    "Interview: The Mayor on Housing",
			language: "en",
			paras:    7,
			kept:     []string{"Q: Will rents keep rising?", "Q (Tom Vale, The Harbour Standard): Will you sell the Quay Street Site?", "What happens next?"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := cleanText(t, &tc.rec)
			if a.Title != tc.title {
				t.Errorf("Title = %q, want %q", a.Title, tc.title)
			}
			if a.Outlet != tc.outlet {
				t.Errorf("Outlet = %q, want %q", a.Outlet, tc.outlet)
			}
			if a.Published != tc.published {
				t.Errorf("Published = %q, want %q", a.Published, tc.published)
			}
			if a.Dateline != tc.dateline {
				t.Errorf("Dateline = %q, want %q", a.Dateline, tc.dateline)
			}
			if a.Byline != tc.byline {
				t.Errorf("Byline = %q, want %q", a.Byline, tc.byline)
			}
			if a.Language != tc.language {
				t.Errorf("Language = %q, want %q", a.Language, tc.language)
			}
			for k, want := range tc.meta {
				got := a.Meta[k]
				if ws, ok := want.([]string); ok {
					gs, _ := got.([]string)
					if strings.Join(gs, "|") != strings.Join(ws, "|") {
						t.Errorf("Meta[%s] = %v, want %v", k, got, want)
					}
				} else if got != want {
					t.Errorf("Meta[%s] = %v, want %v", k, got, want)
				}
			}
			if tc.paras >= 0 && len(a.Paragraphs) != tc.paras {
				t.Errorf("%d paragraphs, want %d:\n%s", len(a.Paragraphs), tc.paras, a.Text)
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

func TestCleanNil(t *testing.T) {
	if _, err := clean.New(clean.Options{}).Clean(nil); parallax.ErrorCode(err) != parallax.EINVALID {
		t.Fatalf("Clean(nil) error = %v, want an invalid-input error", err)
	}
}

func TestCleanEmpty(t *testing.T) {
	for _, text := range []string{"", "\n\n  \n", "\u00a0"} {
		a := cleanText(t, &parallax.Record{Text: text})
		if len(a.Paragraphs) != 0 || a.Text != "" || a.Title != "" {
			t.Errorf("Clean(%q) = %d paragraphs, title %q", text, len(a.Paragraphs), a.Title)
		}
	}
}

const standaloneDateline = `Floods Cut Off Mountain Villages

NAIROBI, Kenya

Heavy rain washed away two bridges overnight, leaving several villages without road access, the county government said on Sunday.

Rescue teams were using boats to reach families stranded on rooftops, a Red Cross official said.
`

const embeddedPost = `Senator Responds to Critics Online

The senator answered her critics in a post on Tuesday evening, saying the bill had been misrepresented by opponents.

Her post was shared widely.

1,204 likes

Aides said the senator would hold a town hall meeting next week to explain the proposal to voters in person.

Opponents said they would attend and press her on the cost of the programme, which they called wasteful.

The bill is due for a vote before the end of the month, according to the chamber's schedule.

Both parties expect the vote to be close, and several members have not said how they will vote.
`

const pipeTitle = `Bridge Reopens After Two-Year Repair | Valley Chronicle

The river bridge reopened to traffic on Saturday after a two-year repair that cost more than expected, city officials said.

Drivers lined up before dawn to be among the first to cross it.
`

const russianWithEnglish = `Власти объявили о ремонте моста

Мост через реку откроют после ремонта, который продлится два года, сообщили в администрации города в субботу.

Follow us on social media for more updates

Водители смогут пользоваться объездной дорогой, добавили в администрации.
`

func TestCleanMore(t *testing.T) {
	tests := []struct {
		name     string
		text     string
		title    string
		outlet   string
		dateline string
		language string
		paras    int
		gone     map[string]string
		kept     []string
	}{
		{
			name:     "dateline on a line of its own",
			text:     standaloneDateline,
			title:    "Floods Cut Off Mountain Villages",
			dateline: "Nairobi, Kenya",
			language: "en",
			paras:    2,
			gone:     map[string]string{"NAIROBI, Kenya": "dateline"},
		},
		{
			name:     "a single counter mid-article is not a comment thread",
			text:     embeddedPost,
			title:    "Senator Responds to Critics Online",
			language: "en",
			paras:    6,
			gone:     map[string]string{"1,204 likes": "widget"},
			kept:     []string{"Both parties expect the vote to be close"},
		},
		{
			name:     "headline | site name",
			text:     pipeTitle,
			title:    "Bridge Reopens After Two-Year Repair",
			outlet:   "Valley Chronicle",
			language: "en",
			paras:    2,
		},
		{
			name:     "Latin stray line in a Cyrillic document",
			text:     russianWithEnglish,
			title:    "Власти объявили о ремонте моста",
			language: "ru",
			paras:    2,
			gone:     map[string]string{"Follow us on social media for more updates": "foreign-script"},
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
			if a.Dateline != tc.dateline {
				t.Errorf("Dateline = %q, want %q", a.Dateline, tc.dateline)
			}
			if a.Language != tc.language {
				t.Errorf("Language = %q, want %q", a.Language, tc.language)
			}
			if len(a.Paragraphs) != tc.paras {
				t.Errorf("%d paragraphs, want %d:\n%s", len(a.Paragraphs), tc.paras, a.Text)
			}
			for line, reason := range tc.gone {
				if got := reasonFor(a, line); got != reason {
					t.Errorf("%q removed as %q, want %q", line, got, reason)
				}
			}
			for _, s := range tc.kept {
				if !strings.Contains(a.Text, s) {
					t.Errorf("Text lost %q", s)
				}
			}
		})
	}
}

func TestLanguage(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"english", "The minister said that the talks would continue next week, and that he was hopeful.", "en"},
		{"french", "Le ministre a déclaré que les discussions se poursuivront la semaine prochaine et qu'il est optimiste pour la suite.", "fr"},
		{"german", "Der Minister sagte, dass die Gespräche in der nächsten Woche fortgesetzt werden und er sei zuversichtlich für die Zukunft.", "de"},
		{"spanish", "El ministro dijo que las conversaciones continuarán la próxima semana y que se siente optimista por los resultados.", "es"},
		{"russian", "Министр заявил, что переговоры продолжатся на следующей неделе, и выразил надежду на успех.", "ru"},
		{"ukrainian", "Міністр заявив, що переговори триватимуть наступного тижня, і висловив надію на успіх.", "uk"},
		{"chinese", "部长表示，谈判将于下周继续进行，他对结果充满希望。", "zh"},
		{"japanese", "大臣は、交渉は来週も続くと述べ、結果に期待を示した。", "ja"},
		{"arabic", "قال الوزير إن المحادثات ستستمر الأسبوع المقبل وإنه متفائل بالنتائج.", "ar"},
		{"greek", "Ο υπουργός δήλωσε ότι οι συνομιλίες θα συνεχιστούν την επόμενη εβδομάδα.", "el"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := cleanText(t, &parallax.Record{Text: "Heading\n\n" + tc.text})
			if a.Language != tc.want {
				t.Errorf("Language = %q, want %q", a.Language, tc.want)
			}
		})
	}
}

func TestQuoteAcrossParagraphsKept(t *testing.T) {
	text := "Court Rules on Water Rights\n\n" +
		"The judge read from her ruling for nearly an hour on Monday, and the courtroom was silent throughout.\n\n" +
		"\"The river belongs to no single town. Its water has been shared for a century, and it will be shared for the next one.\n\n" +
		"\"No Town Owns the River\n\n" +
		"\"Each claim must be weighed against the others,\" she said.\n\n" +
		"Lawyers for both towns said they would study the decision before deciding whether to appeal.\n"
	a := cleanText(t, &parallax.Record{Text: text})
	if !strings.Contains(a.Text, "\"No Town Owns the River") {
		t.Errorf("a quoted paragraph continuing an open quotation was removed:\n%s", a.Text)
	}
}

func TestBylineAgencyAndForumVoice(t *testing.T) {
	text := `Wildfire Forces Evacuations Near Ridge Town

By Sam Ortega, Coastal News Service

Hundreds of residents left their homes on Saturday as a wildfire spread across dry hills north of the town, fire officials said.

Crews expected calmer winds overnight, a spokesman for the fire service said.

Lee Park contributed to this report.

I live two miles from there and my street was told to pack up. I hope everyone stays safe.

Honestly I think the county was too slow this time, and my neighbours agree with me.
`
	a := cleanText(t, &parallax.Record{Text: text})
	if a.Byline != "Sam Ortega" {
		t.Errorf("Byline = %q, want %q", a.Byline, "Sam Ortega")
	}
	if a.Outlet != "Coastal News Service" {
		t.Errorf("Outlet = %q, want %q", a.Outlet, "Coastal News Service")
	}
	if got := reasonFor(a, "I live two miles"); got != "comments" {
		t.Errorf("forum reply removed as %q, want comments", got)
	}
	if len(a.Paragraphs) != 2 {
		t.Errorf("%d paragraphs, want 2:\n%s", len(a.Paragraphs), a.Text)
	}
}

// TestBylineFromRecord: with no byline in the text, the record's author
// (an HTML page's meta author, a JSONL field) names it, when it is a name.
func TestBylineFromRecord(t *testing.T) {
	text := "Dam Talks Resume\n\nNegotiators met again on Monday in the capital, officials said.\n\nThe talks will continue on Tuesday, a spokesman said.\n"
	for author, want := range map[string]string{
		"Ada Lind":                 "Ada Lind",
		"By Karl Moss":             "Karl Moss",
		"https://example.com/team": "",
		"":                         "",
	} {
		a := cleanText(t, &parallax.Record{Text: text, Meta: map[string]any{"author": author}})
		if a.Byline != want {
			t.Errorf("author %q: Byline = %q, want %q", author, a.Byline, want)
		}
	}
	a := cleanText(t, &parallax.Record{Text: "Dam Talks Resume\n\nBy Eva Berg\n\nNegotiators met again on Monday in the capital, officials said.\n", Meta: map[string]any{"author": "Ada Lind"}})
	if a.Byline != "Eva Berg" {
		t.Errorf("Byline = %q, want the text's %q", a.Byline, "Eva Berg")
	}
}
