package quote_test

import (
	"strconv"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/quote"
)

var statements = quote.New(quote.Options{MinConfidence: 0.5})

// TestNotReports: prepositional phrases, nouns and questions that follow a
// speech word are no reported speech.
func TestNotReports(t *testing.T) {
	cases := []struct {
		name string
		raw  string
	}{
		{"verb naming a thing", "Headline\n\nThe council set up a program called Safe Harbour."},
		{"welcomed a child", "Headline\n\nHe and his wife had just welcomed a second baby girl."},
		{"spoke to + PP", "Headline\n\nThe mayor spoke to journalists at the city hall in Brenn on Friday."},
		{"a fronted phrase of place before the speaker", "Headline\n\nOutside the court, Ada Lind, whose son died in the collapse, spoke to reporters."},
		{"a fronted phrase of time before the speaker", "Headline\n\nThree days after the verdict, he spoke to the radio station."},
		{"spoke on condition of anonymity", "Headline\n\nThe official spoke on condition of anonymity because he was not authorised to brief reporters."},
		{"spoke for + duration", "Headline\n\nThe senator spoke for twenty minutes without a script."},
		{"respond to requests for comment", "Headline\n\nThe ministry did not respond to requests for comment on Friday night."},
		{"noun cue after a bare verb", "Headline\n\nWhether the union would resume talks with the employers was unclear."},
		{"noun cue after of", "Headline\n\nAfter nine hours of talks in the capital, the ministers went home."},
		{"noun tweet", "Headline\n\nThe original tweet was deleted within an hour."},
		{"noun attacks", "Headline\n\nTerrorist attacks in two cities suddenly placed security at the centre of the race."},
		{"continues to", "Headline\n\nThe mayor's lead continues to grow after the second count."},
		{"noun votes", "Headline\n\nMore votes are needed in the northern districts to settle the race."},
		{"phrasal verb", "Headline\n\nThe government called off talks that the rebels had requested."},
		{"byline label", "BYLINE: Amber Phillips\n\nThe senator spoke for an hour."},
		{"the-latest label", "The Latest: Three towns cast first votes\n\nThe Latest on the primary. Voters in three towns cast ballots."},
		{"question label", "Headline\n\nQ: Did the service take care of you?\n\nA: Yes, it did."},
		{"name given by a participle", "Headline\n\nLind founded a group called Tolm First in 2010."},
		{"opening adverbial", "Headline\n\nIn 2010, Lind testified."},
		{"one adverb after the cue", "Headline\n\nThe mayor spoke first. The minister spoke briefly."},
		{"so-called", "Headline\n\nThe ministry described the so-called “reform” as overdue."},
		{"quoted name before a noun", "Headline\n\nLind defended the so-called “Tolm 2030” plan on Monday."},
		{"for a time, before a quoted word", "Headline\n\nFor years, the bank was called “the pillar” by traders."},
		{"for a group, before a quoted phrase alone", "Headline\n\nFor the party, a “golden chance” to win back the coast."},
		{"topic before a headline colon", "Tolm strike: shelves empty as ships wait\n\nThe strike entered its third day in Tolm, and Tolm Radio covered it."},
		{"label before a headline colon", "Breaking: Senate passes the budget bill after a long night\n\nThe Senate passed the bill."},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			for _, q := range extract(tc.raw) {
				t.Errorf("got %s %q cue=%q spk=%q", q.Kind, q.Text, q.Cue, q.Speaker.Mention)
			}
		})
	}
}

// TestWeakAttributions: questions, commitments and expectations are kept
// (PolNeAR annotates them) but below the statement confidence.
func TestWeakAttributions(t *testing.T) {
	cases := []struct {
		name, raw, text, speaker string
	}{
		{"agreed to", "Headline\n\nThe two delegations agreed on Friday to extend the truce until June.", "to extend the truce until June", "The two delegations"},
		{"expects it to", "Headline\n\nThe utility expects the plant to open in 2030.", "the plant to open in 2030", "The utility"},
		{"question ends with its clause", "Headline\n\nWhen a journalist asked why the plant had closed, the minister left the room.", "why the plant had closed", "a journalist"},
		{"question without a speaker", "Headline\n\nAsked whether she would run again, the governor smiled.", "whether she would run again", ""},
		{"question after a time phrase", "Headline\n\nAsked on Monday about the closed plant, the minister left the room.", "the closed plant", ""},
		{"question in a quotation", "Headline\n\nAsked if the mayor is “fit to serve,” the dockers shrugged.", "if the mayor is “fit to serve,”", ""},
		{"passive question", "Headline\n\nAt the hearing, Lind was repeatedly asked about the closed canal.", "the closed canal", ""},
		{"stance adjective and to-clause", "Headline\n\nLind is eager to reopen the canal.", "to reopen the canal", "Lind"},
		{"stance adjective and object", "Headline\n\nThe dockers were always skeptical of the audit.", "the audit", "The dockers"},
		{"raising verb", "Headline\n\nKarl Moss seemed to blame the council for the delay.", "to blame the council for the delay", "Karl Moss"},
		{"passive expectation", "Headline\n\nThe council is widely expected to approve the budget on Friday.", "to approve the budget on Friday", ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			qs := extract(tc.raw)
			if len(qs) != 1 {
				t.Fatalf("got %d quotes, want 1: %+v", len(qs), qs)
			}
			q := qs[0]
			if q.Text != tc.text || q.Speaker.Mention != tc.speaker || q.Confidence >= 0.5 {
				t.Errorf("got %q by %q (%.2f), want %q by %q below 0.5", q.Text, q.Speaker.Mention, q.Confidence, tc.text, tc.speaker)
			}
			if n := len(statements.Extract(doc(tc.raw))); n != 0 {
				t.Errorf("MinConfidence 0.5 kept %d quotes", n)
			}
		})
	}
}

// TestSpeakerNames: the resolved name behind possessive, appositive and
// pronoun mentions.
func TestSpeakerNames(t *testing.T) {
	cases := []struct {
		name, raw, prefix, want string
	}{
		{"possessive before the name", "Headline\n\nNorland's Prime Minister Karl Moss said the deal was fair to both sides.", "the deal was fair", "Karl Moss"},
		{"name in the appositive", "Headline\n\nNorland's finance minister, Eva Lind, said the budget would balance next year.", "the budget would balance", "Eva Lind"},
		{"headline colon after a name the story repeats", "Rubio: I still believe Trump cannot be trusted with the codes\n\nSen. Marco Rubio of Florida said on Monday that he would stay in the race.", "I still believe", "Marco Rubio"},
		{"transcript colon", "Headline\n\nSen. Ada Lind spoke to the committee for an hour.\n\nLind: We will not fund a bridge to nowhere, and the chair knows it.", "We will not fund", "Ada Lind"},
		{"inverted speaker with a modifier and an appositive", "Headline\n\n“It will be hard to win the valley,” said former Gov. Ada Lind of Tolm, a Democrat who ran in 2008.", "It will be hard", "Ada Lind"},
		{"inverted speaker with a relative clause", "Headline\n\n“The count was wrong,” said one official who asked not to be named.", "The count was wrong", "official"},
		{"affiliation before the name", "Headline\n\nTolm Radio correspondent Anna Berg said the bridge would open in May.", "the bridge would open", "Anna Berg"},
		{"spokesman of a named boss", "Headline\n\nKarl Moss faces a vote on Friday.\n\nMoss spokesman Peter Lund said the vote would be close.", "the vote would be close", "Peter Lund"},
		{"pronoun of the other gender than the last speaker", "Headline\n\nSen. Ada Lind spoke for an hour. “The bridge will be built,” she said.\n\nShe dodged a question from moderator John Moss, who asked whether the cost would rise.\n\n“We have the money,” she said.", "We have the money", "Ada Lind"},
		{"relative pronoun names its antecedent", "Headline\n\nThe mayor thanked Karl Moss, who stood up and said that the canal was safe.", "that the canal was safe", "Karl Moss"},
		{"pronoun after a newly named person", "Headline\n\n“We will build the bridge this year,” Anna Berg said in Tolm.\n\nKarl Moss struck a softer tone. “Bridges take time and money,” he said.", "Bridges take time", "Karl Moss"},
		{"name in apposition after an inverted cue", "Headline\n\n“The canal stays open,” said the transport minister, Ada Lind, at a briefing.", "The canal stays open", "Ada Lind"},
		{"name in apposition, for the next quotation too", "Headline\n\nKarl Moss spoke first.\n\n“The canal stays open,” said the transport minister, Ada Lind, at a briefing. “We will not close it.”", "We will not close it", "Ada Lind"},
		{"name in apposition after a personal nominal", "Headline\n\n“Bridges take time,” Karl Moss said.\n\n“The canal stays open,” said the minister, Ada Lind.", "The canal stays open", "Ada Lind"},
		{"name before of the", "Headline\n\nThe economist Eva Berg of the University of Tolm said the strike cost millions.", "the strike cost millions", "Eva Berg"},
		{"role nominal that does not fit the last speaker's title", "Headline\n\nThe mayor of Tolm, Karl Moss, said the strike had to end.\n\nThe minister repeated that talks would wait.", "that talks would wait", "The minister"},
		{"name before of the and a possessive", "Headline\n\nBrid Ashcombe of the Tolm Fishermen's Union said the union would strike.", "the union would strike", "Brid Ashcombe"},
		{"title word before the name", "Headline\n\nCouncillor Ruth Mabey said the town backed the crew.", "the town backed the crew", "Ruth Mabey"},
		{"name of a firm with an ampersand", "Headline\n\nIlse Varnholt of Brandt & Moll said the vote was a sideshow.", "the vote was a sideshow", "Ilse Varnholt"},
		{"a person's view before a quotation", "Headline\n\nEconomists doubt it. For Ilse Varnholt of Brandt & Moll, the vote marks « the end of an era ».", "the vote marks", "Ilse Varnholt"},
		{"a speaker with no content closing the paragraph before a quotation", "Headline\n\nAda Lind said the figure was “pure invention”.\n\nThe mayor, Karl Moss, spoke to reporters at the town hall.\n\n“This city lives from its port. I ask everyone to keep talking.”", "This city lives", "Karl Moss"},
		{"name in apposition before a later cue", "Headline\n\nBao Tran died in the collapse.\n\nThe prosecutor, Rafael Quintero, arrived early and said only: “We are ready.”", "We are ready.", "Rafael Quintero"},
		{"pronoun after an unnamed person quoted since the last name", "Headline\n\nKarl Moss testified last week.\n\nOne woman said she had crossed the bridge daily. “I always felt it move a little,” she said.", "I always felt it move", "woman"},
		{"hearer cue inverted right after the quotation", "Headline\n\n“The canal stays open,” warned Ada Lind, who chairs the board.", "The canal stays open", "Ada Lind"},
		{"name in apposition after a determined role", "Headline\n\nAda Lind spoke first.\n\nThe opposition leader, Karl Moss, said that the vote was rigged.", "that the vote was rigged", "Karl Moss"},
		{"role after a possessive that does not fit the last speaker's title", "Headline\n\nThe mayor of Tolm, Karl Moss, said the strike had to end.\n\nThe council's spokesman said that talks would wait.", "that talks would wait", "The council's spokesman"},
		{"pronoun after a speaker named through a relative", "Headline\n\nLiam Moss's father, Karl Moss, said his son was cheerful. “He wants to go back out,” he said.", "He wants to go back out", "Karl Moss"},
		{"the same noun after an unnamed speaker", "Headline\n\nKarl Moss spoke first.\n\nOne senior official involved in the talks said the mood had hardened. “If there is a second incident, the politics change,” the official said.", "If there is a second incident", "senior official"},
		{"someone described by a name's affiliation", "Headline\n\nKarl Moss spoke first.\n\nA Moss campaign official said the vote would be close.", "the vote would be close", "Moss campaign official"},
		{"according to a surname before the full name", "Headline\n\nThe trial lasted eleven weeks. According to Quintero, the firm saved money by skipping the tests.\n\n“This verdict matters,” said Rafael Quintero, the chief prosecutor.", "the firm saved money", "Rafael Quintero"},
		{"a post signed with a name that holds a place's", "Headline\n\nThe Tolm footbridge collapsed in March. Tolm mourned its dead.\n\nWe waited eighteen months for today.\n— Tolm Families (@TolmFamilies) September 16, 2025", "We waited eighteen months", "Tolm Families"},
		{"an honorific picks the one of a family its gender fits (him)", "Headline\n\nRuth Calloway, 71, boiled water all week. Devon Calloway, her son, works at the plant.\n\n“Somebody signed off on waiting,” Mr. Calloway said.", "Somebody signed off", "Devon Calloway"},
		{"an honorific picks the one of a family its gender fits (her)", "Headline\n\nDaniel Calloway works at the plant. Ruth Calloway, his mother, boiled water all week.\n\n“Nobody told us,” Mrs. Calloway said.", "Nobody told us", "Ruth Calloway"},
		{"a place's role holder is not the place", "Headline\n\nTolm is a city of 200,000 people. Tolm's former water chief told council members he had asked for money twice.", "he had asked for money", "Tolm's former water chief"},
		{"a name opening with a word like an article", "Headline\n\nAn Nguyen, a teacher, said the school would close.", "the school would close", "An Nguyen"},
		{"role nominal that fits the last speaker's title", "Headline\n\nThe mayor of Tolm, Karl Moss, said the strike had to end.\n\nThe mayor repeated that talks would wait.", "that talks would wait", "Karl Moss"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			for _, q := range extract(tc.raw) {
				if strings.HasPrefix(q.Text, tc.prefix) {
					if q.Speaker.Name != tc.want {
						t.Errorf("%q: speaker %q (mention %q), want %q", q.Text, q.Speaker.Name, q.Speaker.Mention, tc.want)
					}
					return
				}
			}
			t.Errorf("no quote starting %q", tc.prefix)
		})
	}
}

// TestPhrasalCue: "rules out" is the cue, and "talks" after it a noun;
// "made it clear" is a cue, "made" alone is not.
func TestPhrasalCue(t *testing.T) {
	for raw, want := range map[string]string{
		"The minister rules out talks while the gates stay shut.":        "rules out: talks while the gates stay shut",
		"Lind made it clear that she would not run again.":               "made it clear: that she would not run again",
		"Moss made clear the canal would stay shut. Moss made a speech.": "made clear: the canal would stay shut",
	} {
		var got []string
		for _, q := range extract("Headline\n\n" + raw) {
			got = append(got, q.Cue+": "+q.Text)
		}
		if strings.Join(got, "|") != want {
			t.Errorf("got %q, want %q", strings.Join(got, "|"), want)
		}
	}
}

// TestSpeakerMentions: the subject a cue's clause names, past what may
// stand between them.
func TestSpeakerMentions(t *testing.T) {
	cases := []struct {
		name, raw, prefix, want string
	}{
		{"floating quantifier", "Headline\n\nAda Lind and Karl Moss both said that the plan was reckless.", "that the plan was reckless", "Karl Moss"}, // the last conjunct names the speaker
		{"long after have", "Headline\n\nRival candidates have long argued that the bridge costs too much.", "that the bridge costs too much", "Rival candidates"},
		{"dash inside the clause", "Headline\n\nKarl Moss changed his mind on the spot – saying he would back the bridge after all.", "he would back the bridge", "Karl Moss"},
		{"fronted time phrase", "Headline\n\nHours later, Karl Moss returned the compliment, telling reporters that Lind was charming.", "that Lind was charming", "Karl Moss"},
		{"fronted participle clause", "Headline\n\nAfter saying that the bridge was safe, Karl Moss left the room.", "that the bridge was safe", "Karl Moss"},
		{"fronted preposition and participle", "Headline\n\nDespite insisting that the audit was fair, the minister resigned on Friday.", "that the audit was fair", "the minister"},
		{"opening conjunction", "Headline\n\nBut Karl Moss is suggesting that the vote was rigged.", "that the vote was rigged", "Karl Moss"},
		{"inverted quantified speaker", "Headline\n\nThe mayor's rise surprised the council more than anyone else, said several observers.", "The mayor's rise", "several observers"},
		{"name ending like an adverb", "Headline\n\nCarly Lind threw her support behind Karl Moss on Wednesday, saying she was horrified by the mayor.", "she was horrified by the mayor", "Carly Lind"},
		{"up to after the cue", "Headline\n\nPolice said up to 40 people were killed in the blast.", "up to 40 people were killed", "Police"},
		{"adjective after the determiner", "Headline\n\nThe retired general put out a statement saying the war was lost.", "the war was lost", "The retired general"},
		{"degree word before a quantifier", "Headline\n\nNearly all said that the plan was reckless.", "that the plan was reckless", "Nearly all"},
		{"transcript in capitals", "Headline\n\nTAPPER: Will you run again?\n\nLIND: We will see what the voters want.", "We will see what", "LIND"},
		{"country before a headline colon", "Ostland: We will not pay for the canal\n\nOstland said on Monday it would never pay.", "We will not pay", "Ostland"},
		{"camp before a headline colon", "Lind camp: Moss is unfit for office\n\nAda Lind's campaign said on Monday that Moss was unfit.", "Moss is unfit for office", "Lind camp"},
		{"dateline dash", "Headline\n\nTOLM – Karl Moss said on Monday that the bridge would open in May.", "that the bridge would open", "Karl Moss"},
		{"name and appositive before the cue", "Headline\n\nKarl Moss, a veteran of the canal board who retired in 2013, said the cautious approach favoured by Lind is insufficient.", "the cautious approach", "Karl Moss"},
		{"appositive name", "Headline\n\nOstland's former finance minister, Ada Lind, said the official who approved the loan should resign.", "the official who approved", "Ostland's former finance minister"},
		{"decimal in the content", "Headline\n\nThe committee has collected $56.5 million, said Ada Lind, its treasurer.", "The committee has collected $56.5 million", "Ada Lind"},
		{"participle after a quoted name", "Headline\n\nAsked if the “pause” demanded by the union was possible, a spokesman said only: “Everything is on the table.”", "Everything is on the table", "a spokesman"},
		{"thousands in the content", "Headline\n\nAsked about the union's claim that 1,200 jobs would go, Lind said the figure was wrong.", "the union's claim that 1,200 jobs would go", ""},
		{"dateline before the content", "Headline\n\nTOLM, March 4 (Tolm Wire) - Dockers walked out on Monday, port officials said.", "Dockers walked out", "port officials"},
		{"content before a cue that adds a quotation", "Headline\n\nLind and Moss will meet next week, the spokesman said, adding, \"They need to talk.\"", "Lind and Moss will meet", "the spokesman"},
		{"inverted speaker with a relative clause", "Headline\n\nThe plan is dead, said one source who spoke on condition of anonymity.", "The plan is dead", "one source"},
		{"coordinated subject after the content", "Headline\n\nSupport for Lind is strong among dockers, dockers and union officials told the Tolm Herald.", "Support for Lind is strong", "union officials"},
		{"headline label naming a source", "Poll: Lind leads Moss in Tolm\n\nA survey of 800 voters in Tolm puts Ada Lind ahead.", "Lind leads Moss", "Poll"},
		{"interview questions and answers", "Headline\n\nQ: Why did you run?\n\nA: Nobody else would.\n\nQ: And now?\n\nA: We will see what the voters want.", "We will see what", "A"},
		{"frequency adverb before the cue", "Headline\n\nI always hoped that the bridge would open before I retired.", "that the bridge would open", "I"},
		{"mixed-case dateline", "Headline\n\nTolm, Ostland — Karl Moss said on Monday that the bridge would open in May.", "that the bridge would open", "Karl Moss"},
		{"yet before the cue", "Headline\n\nIt depends on the delegates who have not yet announced that they back Lind.", "that they back Lind", "who"},
		{"phrase between relative pronoun and cue", "Headline\n\nKarl Moss, who has in the past argued that the canal is too costly, will vote for it.", "that the canal is too costly", "who"},
		{"contracted pronoun after a conjunction", "Headline\n\nKarl Moss lost the vote on Tuesday, and he’s hoping that the council will think again.", "that the council will think again", "he"},
		{"modal before the cue", "Headline\n\nInstead he must decide whether the canal is worth its cost.", "whether the canal is worth", "he"},
		{"question then asked", "Headline\n\n“Who will pay for the canal?” asked Sen. Ada Lind of Tolm, who chairs the committee.", "Who will pay for the canal?", "Sen. Ada Lind of Tolm"},
		{"inverted speaker with a number", "Headline\n\n“It was awful,” said one of two witnesses who saw the flood.", "It was awful", "one of two witnesses"},
		{"noun after a possessive before the cue", "Headline\n\nLind has said little in public, but aides familiar with her thinking say that she will back the canal.", "that she will back the canal", "aides familiar"},
		{"participle after the content's speaker", "Headline\n\nOstland did not complain when the dam was built, a Tolm official said, adding that the flow had since fallen.", "that the flow had since fallen", "a Tolm official"},
		{"two introductory phrases", "Headline\n\nOn Thursday, after staying neutral for months, Ada Lind met the mayor and publicly endorsed the canal plan.", "the canal plan", "Ada Lind"},
		{"relative clause between subject and cue", "Headline\n\nDockers who work at the Tolm yard said that the strike would go on.", "that the strike would go on", "Dockers"},
		{"party and state in parentheses", "Headline\n\nThe row spread to the capital, where Sen. Ada Lind (D-Tol.) told reporters that the canal would open.", "that the canal would open", "Sen. Ada Lind"},
		{"programme title in the opening phrase", "Headline\n\nIn an interview on TBC's \"Tolm Today,\" Rep. Karl Moss (R-Tol.) said the strike \"must end.\"", "the strike", "Rep. Karl Moss"},
		{"adverb before a pronoun subject", "Headline\n\nThen she broke with the council, pledging that the canal would open in May.", "that the canal would open", "she"},
		{"verb taking the participle", "Headline\n\nThe mayor testified on Tuesday, and Sen. Ada Lind (D-Tol.) kept asking her why the canal had cost so much.", "why the canal had cost so much", "Sen. Ada Lind"},
		{"adverb between commas before a relative clause", "Headline\n\nLind has 31 endorsements. Moss, meanwhile, who has none, said that the count did not matter.", "that the count did not matter", "Moss"},
		{"participle opening an appositive", "Headline\n\nSen. Ada Lind, facing a hard race in Tolm, a port city, said that she would back the canal.", "that she would back the canal", "Sen. Ada Lind"},
		{"role and name after the content", "Headline\n\nThe council built the canal to help in times of drought, a spokeswoman, Ada Lind, said on Saturday.", "The council built the canal", "a spokeswoman"},
		{"progressive before the participle", "Headline\n\nWhile the polls showed that the race had narrowed to three, his team is suggesting that the vote in Tolm made it two.", "that the vote in Tolm made it two", "his team"},
		{"according to a study by its author", "Headline\n\nTurnout rose among dockers, according to an analysis by the Tolm Institute.", "Turnout rose among dockers", "an analysis by the Tolm Institute"},
		{"subject of a participle after with", "Headline\n\nLind has gained ground, with 30 percent of voters saying that they trust her.", "that they trust her", "30 percent of voters"},
		{"relative clause with an object", "Headline\n\nEven dockers who have praised the plan warned on Tuesday that the strike would go on.", "that the strike would go on", "dockers"},
		{"time phrase before the cue", "Headline\n\nThe port authority less than two weeks ago said that the canal would open.", "that the canal would open", "The port authority"},
		{"determiner as the speaker", "Headline\n\nSome have suggested that the canal should wait.", "that the canal should wait", "Some"},
		{"focus word before the subject", "Headline\n\nAnd even Lind tried to calm the dockers, noting that the strike would end.", "that the strike would end", "Lind"},
		{"time phrase without a comma", "Headline\n\nOn Tuesday she doubled down on the canal, saying that the plan was sound.", "that the plan was sound", "she"},
		{"question asked after when", "Headline\n\nWhen asked by a reporter whether the canal would open, Lind smiled.", "whether the canal would open", "a reporter"},
		{"subject before its prepositional phrase", "Headline\n\nDockers at the Tolm yard said that the strike would go on.", "that the strike would go on", "Dockers"},
		{"relative that before the cue", "Headline\n\nThe council cited polls that show that the canal is popular.", "that the canal is popular", "that"},
		{"cue coordinated in a relative clause", "Headline\n\nThe mayor thanked Karl Moss, who stood up and said that the canal was safe.", "that the canal was safe", "who"},
		{"quotation inside an earlier cue's content", "Headline\n\nThey want to “build a canal for everyone,” Ada Lind said.", "build a canal for everyone", "Ada Lind"},
		{"progressive after a subordinator", "Headline\n\nThe council adjourned when Karl Moss was arguing that the canal was safe.", "that the canal was safe", "Karl Moss"},
		{"fraction as the speaker", "Headline\n\nOne in three said that the canal was too costly.", "that the canal was too costly", "One in three"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			checkMention(t, tc.raw, "starting "+strconv.Quote(tc.prefix), func(text string) bool { return strings.HasPrefix(text, tc.prefix) }, tc.want)
		})
	}
}

// checkMention checks the speaker mention of the first quote of raw whose
// text match accepts, and lists the quotes when none does.
func checkMention(t *testing.T, raw, what string, match func(text string) bool, want string) {
	t.Helper()
	qs := extract(raw)
	for _, q := range qs {
		if match(q.Text) {
			if q.Speaker.Mention != want {
				t.Errorf("%q: mention %q, want %q", q.Text, q.Speaker.Mention, want)
			}
			return
		}
	}
	for _, q := range qs {
		t.Logf("got %s %q cue=%q spk=%q", q.Kind, q.Text, q.Cue, q.Speaker.Mention)
	}
	t.Errorf("no quote %s", what)
}

// TestHearers: what follows the hearer of ask/tell is the content; a
// passive's agent is the speaker.
func TestHearers(t *testing.T) {
	cases := []struct {
		name, raw, text, mention string
	}{
		{"hearer with a relative clause", "Headline\n\nAt the meeting, the host asked Lind, who is third in the count, to lay out her plan for the canal.", "to lay out her plan for the canal", "the host"},
		{"coordinated hearers", "Headline\n\nAfter the audit closed, the ministry asked Moss and Lind to search their private e-mails.", "to search their private e-mails", "the ministry"},
		{"passive with agent", "Headline\n\nLind was asked by host Karl Moss whether her plan was like the old one.", "whether her plan was like the old one", "host Karl Moss"},
		{"pronoun hearer, then the clause's subject", "Headline\n\nThe docker told me his foreman had shown them the new cranes.", "his foreman had shown them the new cranes", "The docker"},
		{"plural hearer, then a determiner", "Headline\n\nThe ministers told reporters the talks had failed.", "the talks had failed", "The ministers"},
		{"passive tell", "Headline\n\nThe mayor was told by officials that the bridge was unsafe.", "that the bridge was unsafe", "officials"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			checkMention(t, tc.raw, strconv.Quote(tc.text), func(text string) bool { return text == tc.text }, tc.mention)
		})
	}
}

// TestObjectContent: a verb that takes what it reports as its object
// ("criticized", "cited", "dismissed", "called it a smear") reports that
// object; others ("named", "welcomed") do not.
func TestObjectContent(t *testing.T) {
	cases := []struct{ name, raw, cue, want string }{
		{"object at the end", "Headline\n\nOn Tuesday, both of the mayor's rivals criticized his handling of the flood.", "criticized", "his handling of the flood"},
		{"object before an appositive", "Headline\n\nHe cited the Head Start program, the pre-school run by the state.", "cited", "the Head Start program"},
		{"object then its of-phrase", "Headline\n\nThe mayor accuses the council of breaking the accord, rules out talks while the gates stay shut.", "accuses", "of breaking the accord"},
		{"second cue after a comma and", "Headline\n\nThe mayor accuses the council of breaking the accord, and rules out talks.", "accuses", "of breaking the accord"},
		{"object before a participle", "Headline\n\nThe mayor dismissed the audit, calling it a smear.", "dismissed", "the audit"},
		{"expressed a stance", "Headline\n\nLind expressed her frustration with the council.", "expressed", "her frustration with the council"},
		{"voiced a stance and its clause", "Headline\n\nMoss voiced concern that the bridge would close.", "voiced", "that the bridge would close"},
		{"object and its complement", "Headline\n\nThe mayor called the audit a smear.", "called", "the audit a smear"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, q := range extract(tc.raw) {
				if q.Cue == tc.cue {
					got = append(got, q.Text)
				}
			}
			if len(got) != 1 || got[0] != tc.want {
				t.Errorf("%s: got %q, want [%q]", tc.cue, got, tc.want)
			}
		})
	}
}

// TestCueBetweenCommas: "Still, he said, …" and "As he noted, …" report
// the clause after the cue; "…, she said, a policy that …" the one before
// it.
func TestCueBetweenCommas(t *testing.T) {
	cases := []struct{ name, raw, want string }{
		{"intro word", "Headline\n\nStill, he said, officials have to decide who gets a permit.", "officials have to decide who gets a permit"},
		{"intro phrase", "Headline\n\nIn the end, Mr. Moss said, union voters almost always end up voting for the mayor.", "union voters almost always end up voting for the mayor"},
		{"after the speaker", "Headline\n\nCandidate Ada Lind says, win or lose in the primary, she is staying in the race.", "win or lose in the primary, she is staying in the race"},
		{"aside before that", "Headline\n\nHe said, however, that the bridge will open in May.", "that the bridge will open in May"},
		{"participle after", "Headline\n\nToo risky, Moss said, pointing to the cost of the bridge.", "Too risky"},
		{"subject before the cue", "Headline\n\nThe plan, she said, would cost the city millions of dollars.", "The plan"},
		{"opening as-clause", "Headline\n\nAs Lind noted, the dockers will vote for the mayor if he backs the canal.", "the dockers will vote for the mayor if he backs the canal"},
		{"cue splitting its clause", "Headline\n\nLoyalty, Lind noted, has long been the mark of the dockers.", "Loyalty, Lind noted, has long been the mark of the dockers"},
		{"long adverbial after the cue", "Headline\n\nThe deal was fair, Lind said in a long interview with the paper on Monday.", "The deal was fair"},
		{"title in the opening phrase", "Headline\n\nSunday on the Tolm channel's “Morning Moss Hour,” Rep. Lind said the plan would fail.", "the plan would fail"},
		{"according to after an intro", "Headline\n\nIn addition, according to the audit, the canal lost money.", "the canal lost money"},
		{"appositive after", "Headline\n\nVictims of floods would be a distinct group for purposes of aid, Lind said, a policy that could help thousands.", "Victims of floods would be a distinct group for purposes of aid"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			qs := extract(tc.raw)
			var got []string
			for _, q := range qs {
				got = append(got, q.Text)
			}
			if len(got) != 1 || got[0] != tc.want {
				t.Errorf("got %q, want [%q]", got, tc.want)
			}
		})
	}
}

// TestCoordinatedCue: "accused … and demanded …" gives two contents.
func TestCoordinatedCue(t *testing.T) {
	qs := extract("Headline\n\nThe mayor accused the council of wasting money and demanded that it publish the audit.")
	var got []string
	for _, q := range qs {
		got = append(got, q.Cue+": "+q.Text)
	}
	want := "accused: of wasting money|demanded: that it publish the audit"
	if strings.Join(got, "|") != want {
		t.Errorf("got %q, want %q", strings.Join(got, "|"), want)
	}
}

func TestFrontedPhraseKeepsSubject(t *testing.T) {
	raw := "Treaty talks end in Nordburg\n\n" +
		"The talks went well, Prime Minister Ilse Varga said on Monday.\n\n" +
		"At a press conference after talks with Chancellor Jonas Brecht, she said that the treaty would be signed in May.\n"
	qs := extract(raw)
	for _, q := range qs {
		if strings.Contains(q.Text, "treaty would be signed") && q.Cue == "said" {
			if q.Speaker.Name != "Ilse Varga" {
				t.Errorf("speaker %q (mention %q), want Ilse Varga: a name in a fronted phrase does not take the pronoun", q.Speaker.Name, q.Speaker.Mention)
			}
			return
		}
	}
	for _, q := range qs {
		t.Logf("%s %q by %q (%q)", q.Kind, q.Text, q.Speaker.Name, q.Speaker.Mention)
	}
	t.Error("report not found")
}

// A quotation that ends a sentence ends it for the quote tokens too: the
// content stops there, and the next sentence finds its own subject.
func TestQuotationEndsSentence(t *testing.T) {
	qs := extract("Headline\n\nMoss said that Lind was “a lightweight” and the mayor “a liar.” However, he spared the council, calling it “a good team.”")
	var got []string
	for _, q := range qs {
		got = append(got, q.Cue+"/"+q.Speaker.Mention+": "+q.Text)
	}
	want := "said/Moss: that Lind was “a lightweight” and the mayor “a liar.”|calling/he: a good team."
	if strings.Join(got, "|") != want {
		t.Errorf("got %q, want %q", strings.Join(got, "|"), want)
	}
}
