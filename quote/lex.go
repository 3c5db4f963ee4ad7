package quote

import "strings"

// cueClass describes how a cue verb takes its arguments.
type cueClass uint8

const (
	cueSpeech cueClass = 1 << iota // takes a quote or a clause: say, add, stress
	cueObject                      // takes a hearer first: tell, urge, warn, ask
	cueBelief                      // belief or intention: think, believe, want
	cueWeak                        // often not an attribution; needs a clause or quote next
)

type cueInfo struct {
	class cueClass
	lemma string
	part  bool // -ing participle
	noun  bool // the form can also be a noun ("report", "claims")
}

// cueLemmas lists English attribution verbs with their inflected forms
// (base, 3sg, past, participle, -ing). A leading class letter: s speech,
// o takes an object, b belief, w weak. A form written "-word" is no cue
// (mostly a noun, or another sense) but the base form stays the lemma.
var cueLemmas = []string{
	"s say says said saying",
	"o tell tells told telling",
	"s add adds added adding",
	"s stress stresses stressed stressing",
	"o warn warns warned warning",
	"s claim claims claimed claiming",
	"s insist insists insisted insisting",
	"s argue argues argued arguing",
	"s note notes noted noting",
	"s recall recalls recalled recalling",
	"s deny denies denied denying",
	"s admit admits admitted admitting",
	"s announce announces announced announcing",
	"s explain explains explained explaining",
	"s report reports reported reporting",
	"s suggest suggests suggested suggesting",
	"o urge urges urged urging",
	"o ask asks asked asking",
	"s write writes wrote written writing",
	"s -tweet tweets tweeted tweeting", // "a tweet": the base form is mostly the noun
	"s declare declares declared declaring",
	"s stated stating",
	"s reply replies replied replying",
	"s respond responds responded responding",
	"s answer answers answered answering",
	"s -continue -continues continued continuing", // "continue(s) to …" goes on, says nothing
	"s conclude concludes concluded concluding",
	"s acknowledge acknowledges acknowledged acknowledging",
	"s agree agrees agreed agreeing",
	"s assert asserts asserted asserting",
	"s contend contends contended contending",
	"s maintain maintains maintained maintaining",
	"s predict predicts predicted predicting",
	"s promise promises promised promising",
	"s pledge pledges pledged pledging",
	"s vow vows vowed vowing",
	"s threaten threatens threatened threatening",
	"s boast boasts boasted boasting",
	"s complain complains complained complaining",
	"s confirm confirms confirmed confirming",
	"s concede concedes conceded conceding",
	"s reveal reveals revealed revealing",
	"s remark remarks remarked remarking",
	"s observe observes observed observing",
	"s emphasize emphasizes emphasized emphasizing",
	"s emphasise emphasises emphasised emphasising",
	"s joke jokes joked joking",
	"s quip quips quipped quipping",
	"s exclaim exclaims exclaimed exclaiming",
	"s snap snaps snapped snapping",
	"s shout shouts shouted shouting",
	"s testify testifies testified testifying",
	"s speculate speculates speculated speculating",
	"s allege alleges alleged alleging",
	"o accuse accuses accused accusing",
	"s charge charges charged charging",
	"o criticize criticizes criticized criticizing",
	"o criticise criticises criticised criticising",
	"o praise praises praised praising",
	"o describe describes described describing",
	"o call calls called calling",
	"s question questions questioned questioning",
	"s wonder wonders wondered wondering",
	"s muse muses mused musing",
	"s hint hints hinted hinting",
	"s indicate indicates indicated indicating",
	"s imply implies implied implying",
	"s mention mentions mentioned mentioning",
	"s caution cautions cautioned cautioning",
	"s counter counters countered countering",
	"s retort retorts retorted retorting",
	"s recount recounts recounted recounting",
	"s repeat repeats repeated repeating",
	"s reiterate reiterates reiterated reiterating",
	"s lament laments lamented lamenting",
	"s estimate estimates estimated estimating",
	"s propose proposes proposed proposing",
	"s reason reasons reasoned reasoning",
	"s recommend recommends recommended recommending",
	"s demand demands demanded demanding",
	"s signal signals signaled signalled signaling",
	"s comment comments commented commenting",
	"s post posts posted posting",
	"s write writes wrote writing",
	"s announce announces announced announcing",
	"s acknowledge acknowledges acknowledged acknowledging",
	"s point points pointed pointing",
	"o assure assures assured assuring",
	"o remind reminds reminded reminding",
	"o inform informs informed informing",
	"o blame blames blamed blaming",
	"o dismiss dismisses dismissed dismissing",
	"o defend defends defended defending",
	"o reject rejects rejected rejecting",
	"o cite cites cited citing",
	"o pledge",
	"s insist",
	"s declare",
	"s decry decries decried decrying",
	"s proclaim proclaims proclaimed proclaiming",
	"s brag brags bragged bragging",
	"s scoff scoffs scoffed scoffing",
	"s sigh sighs sighed sighing",
	"s whisper whispers whispered whispering",
	"s yell yells yelled yelling",
	"s cry cries cried",
	"s chant chants chanted chanting",
	"s opine opines opined opining",
	"s posit posits posited positing",
	"s surmise surmises surmised surmising",
	"s clarify clarifies clarified clarifying",
	"s elaborate elaborates elaborated elaborating",
	"s add",
	"s show shows showed shown showing",
	"s find finds found finding",
	"s hope hopes hoped hoping",
	"s refer refers referred referring",
	"o condemn condemns condemned condemning",
	"o denounce denounces denounced denouncing",
	"s discuss discusses discussed discussing",
	"s talk talks talked talking",
	"s speak speaks spoke spoken speaking",
	"o slam slams slammed slamming",
	"o blast blasts blasted blasting",
	"o mock mocks mocked mocking",
	"o tout touts touted touting",
	"s highlight highlights highlighted highlighting",
	"o welcome welcomes welcomed welcoming",
	"o -attack -attacks attacked attacking", // "attack", "attacks": mostly the noun
	"o name names named naming",
	"s rule rules ruled ruling",
	"b envision envisions envisioned envisioning",
	"b prefer prefers preferred preferring",
	"b likes liked",
	"b love loves loved",
	"b hate hates hated",
	"b favor favors favored favoring",
	"b worry",
	"b -vote -votes voted", // "vote" and "votes" are mostly the noun or the act itself
	"s acknowledge",
	"s echo echoes echoed echoing",
	"s confess confesses confessed confessing",
	"s interrupt interrupts interrupted interrupting",
	"s reply",
	"s challenge challenges challenged challenging",
	"s predict",
	"s label labels labeled labelled labeling",
	"s dub dubs dubbed dubbing",
	"s brand brands branded branding",
	"s characterize characterizes characterized characterizing",
	"s release releases released releasing",
	"s unveil unveils unveiled unveiling",
	"s outline outlines outlined outlining",
	"s address addresses addressed addressing",
	"s pitch pitches pitched pitching",
	"s advocate advocates advocated advocating",
	"s recommend",
	"b believe believes believed believing",
	"b think thinks thought thinking",
	"b feel feels felt feeling",
	"b know knows knew knowing",
	"b fear fears feared fearing",
	"b want wants wanted wanting",
	"b expect expects expected expecting",
	"b worry worries worried worrying",
	"b doubt doubts doubted doubting",
	"b suspect suspects suspected suspecting",
	"b assume assumes assumed assuming",
	"b figure figures figured figuring",
	"b consider considers considered considering",
	"b plan plans planned planning",
	"b intend intends intended intending",
	"b decide decides decided deciding",
	"b understand understands understood understanding",
	"b realize realizes realized realizing",
	"b realise realises realised realising",
	"b guess guesses guessed guessing",
	"b wish wishes wished wishing",
	"b seek seeks sought seeking",
	"b support supports supported supporting",
	"b oppose opposes opposed opposing",
	"b endorse endorses endorsed endorsing",
	"b refuse refuses refused refusing",
	"b decline declines declined declining",
	"o -express -expresses expressed -expressing", // "the express train"
	"o -voice -voices voiced -voicing",
	"s make makes made making", // only in "made (it) clear"
}

// Words that, between a speaker and the cue, belong to neither ("he also
// said", "Putin has repeatedly said", "she would later write").
var auxWords = set("also again then later has have had would will could can may might must should shall did does do not never always sometimes usually ever just still yet once already now previously repeatedly often further earlier recently first quickly had've n't")

// finiteAux are auxiliaries that open a verb phrase; after a word in -s
// they make it a plural noun, the subject.
var finiteAux = set("has have had would will could can may might must should shall did does do")

// placeTimePreps open a phrase of place or time.
var placeTimePreps = set("outside inside after before since until following during amid near beside behind")

// Determiners and possessives that make the next word a noun.
var determiners = set("the a an his her their its our my your this these those every each any some no another one")

// Forms of "be" that make the next participle passive.
var beForms = set("is was were are be been being am 's")

// Words that end a backwards speaker scan: conjunctions, prepositions,
// relative words and common verbs.
var npStop = set("that which who whom whose when where while because but and or nor if as than to in on at with by from after before during since until about into over under against among between through without within upon via per though although whether so yet also is was were are be been being has have had do does did not will would could should can may might must said says say told tells it they we i you he she there here what how why even just only then either neither more")

// Pronouns usable as speakers.
var pronouns = set("he she they i we you it who which both many others several " + contractions)

// contractions are subject pronouns with their auxiliary: "he’s hoping".
var contractions = func() string {
	var b strings.Builder
	for _, p := range strings.Fields("he's she's they're we're you're i'm i've we've they've you've he'd she'd they'd we'd i'd you'd he'll she'll they'll we'll i'll you'll") {
		b.WriteString(p + " " + strings.ReplaceAll(p, "'", "’") + " ")
	}
	return b.String()
}()

// Words after a cue that open a trailing adverbial rather than content.
var trailOpen = set("despite amid following under among for against without like unlike although though because if once whether on in at during after before with to from via through over while when as since until by about of earlier later last this next yesterday today tonight monday tuesday wednesday thursday friday saturday sunday recently previously again")

var months = set("january february march april may june july august september october november december")

// Role nouns naming one person ("the Russian leader").
var roleNouns = set("leader president minister premier chancellor king queen prince senator governor mayor candidate nominee spokesman spokeswoman spokesperson secretary ambassador chairman chairwoman director chief general commander pope congressman congresswoman representative businessman billionaire host anchor judge prosecutor lawyer attorney official officer founder author emperor monarch dictator ruler head")

// sourceNouns name where news comes from, people or papers, singular
// (roleNouns name more): as a headline's label before a colon ("Poll: …")
// they attribute.
var sourceNouns = set("poll survey study report newspaper paper memo document source insider expert analyst historian economist scientist researcher critic aide adviser advisor voter resident witness investigator audit probe inquiry filing lawsuit court")

// campNouns name the people behind someone ("Clinton camp: …"), besides
// roleNouns and sourceNouns.
var campNouns = set("camp campaign team ally supporter backer")

// Sentence adverbs and prepositions not in the lists above.
var introWords = set("instead throughout meanwhile however still yet now later earlier afterward afterwards ahead besides beyond across around behind inside outside near next indeed thus hence also first second finally last")

// irregularPast are common English past-tense verbs not ending in -ed
// (some, like "put", also present).
var irregularPast = set("put set cut let quit began became brought bought built came caught chose did drew drove fell felt fought flew found gave got grew heard held hid hit kept knew laid led left lost made meant met paid ran rang rose sat saw sent shot slept sold spent spoke stood stole struck swore taught thought threw took tore understood went won wore wrote")

// quantifiers are pronouns that may also open a noun phrase.
var quantifiers = set("both many several others")

// catenatives are verbs that take a participle: "kept asking", "began by
// saying".
var catenatives = set("keep keeps kept begin begins began begun start starts started continue continues continued stop stops stopped end ends ended quit")

// focusWords stand before a subject: "even Obama", "only Lind".
var focusWords = set("even only just")

// standalone determiners can be a speaker on their own: "Some have
// suggested", "tweeted another".
var standalone = set("some most few another all each")

// agoWords measure a time before "ago": "less than two weeks ago", "a
// few days ago".
var agoWords = set("a an few several many less more than about nearly almost just some one")

// numberWords are the small numbers news text spells out.
var numberWords = set("two three four five six seven eight nine ten eleven twelve dozen dozens hundreds thousands")

// ordinals are the adverbs of order: "spoke first".
var ordinals = set("first second third last next again")

// numberWord reports whether a lower-cased word is a number: "two", "40".
func numberWord(w string) bool {
	return numberWords[w] || w != "" && w[0] >= '0' && w[0] <= '9'
}

// conjunctions may open a sentence before its subject.
var conjunctions = set("but and so yet or nor")

// floating are words that may stand between a subject and its verb:
// quantifiers ("they both said") and "long" after an auxiliary ("have
// long argued").
var floating = set("both all long")

// negations and degree words before a quantifier make it the subject
// ("not all", "nearly all").
var negations = set("not nearly almost virtually")

// objectReports are the verbs whose object is what they report, a stance
// taken on it: "criticized his handling of the flood".
var objectReports = set("call criticize condemn denounce blame cite reject dismiss slam blast decry praise hail applaud laud dispute express voice")

// clauseMarks are the punctuation marks that may close an object.
var clauseMarks = set(", . ; : ) ! ?")

// particles complete phrasal verbs: "rules out", "backs down".
var particles = set("out up off down back away")

// phrasalOff are the particles that make a cue verb another verb ("called
// off", "played down", "waved away"); "up" and "back" also start phrases
// ("said up to 40", "said back in March").
var phrasalOff = set("off down away")

// Prepositions proper: a phrase they open is an adverbial or an object,
// never reported content or a speaker ("to reporters", "for several
// minutes", "requests for comment", "three days of talks").
var prepositions = set("to for on in at during with from of about by over under without within into onto upon via through throughout across against among amid amidst despite toward towards near beside beyond per like unlike")

// Words heading a time adverbial ("on Wednesday evening", "last week").
var timeWords = set("monday tuesday wednesday thursday friday saturday sunday morning afternoon evening night day week weekend month year today tonight yesterday")

// raisingVerbs report, in their to-clause, the writer's inference about
// their subject: "Trump seemed to blame the network".
var raisingVerbs = set("seem seems seemed appear appears appeared")

// Nouns of time that head no speaker ("at the time said").
var timeNouns = set("time times minutes minute hours hour days weeks months years moment")

// Cue lemmas whose object is the hearer ("told reporters"), not the
// content.
var hearerCues = set("tell ask urge warn assure remind inform")

// Subordinators opening a clause that ends at the first comma ("When a
// reporter asked why …, she cut him short").
var subordinators = set("when whenever while after before as once if unless until although though because since whereas")

// Cue lemmas that take their hearer or topic through a preposition
// ("spoke to reporters", "did not respond to requests"): a phrase after
// them is never the content.
var ppCues = set("speak talk respond reply answer comment testify address")

// stanceAdjs are adjectives that, after be, report a stance on their
// complement: "is eager to run", "was skeptical of the plan".
var stanceAdjs = set("eager hopeful skeptical sceptical supportive convinced hostile unhappy adamant enamored enamoured")

// Prepositions opening an adverbial of place, time or occasion.
var settingPreps = set("in at during")

// Words opening an embedded question ("asked whether …").
var whWords = set("if whether what why how who when where which")

// Titles that take a period ("Mr.", "Dr.").
var titleAbbr = set("mr mrs ms dr st sen rep gov gen lt col sgt capt prof jr sr vs inc corp co ltd rev hon pres no u.s u.k u.n d.c st mt ft")

func set(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

var cues = buildCues()

// Flags of closed-class words, looked up once per token.
const (
	fAux uint16 = 1 << iota
	fDet
	fBe
	fStop
	fPron
	fTrail
	fPrep
	fRaise
)

// wordInfo is what the lexicon knows of a lower-cased word.
type wordInfo struct {
	f   uint16
	cue int16 // index into cueTab, -1 for none
}

var cueTab []cueInfo

// lexicon maps every word of the closed-class sets and cue forms to its
// flags and cue, so a token needs a single lookup in lexTab.
var lexicon = buildLexicon()

var lexTab = newLexTable(lexicon)

// lexTable is an open-addressing table over the lexicon, hashed on a
// word's length and outer bytes: a lookup mostly reads one slot and
// compares at most one key.
type lexTable struct {
	mask  uint32
	slots []uint16 // index into keys and infos plus one; 0 when free
	keys  []string
	infos []wordInfo
}

func newLexTable(lex map[string]wordInfo) *lexTable {
	size := 64
	for size < 4*len(lex) {
		size <<= 1
	}
	t := &lexTable{mask: uint32(size - 1), slots: make([]uint16, size)}
	for w, wi := range lex {
		i := lexHash(w) & t.mask
		for t.slots[i] != 0 {
			i = (i + 1) & t.mask
		}
		t.keys = append(t.keys, w)
		t.infos = append(t.infos, wi)
		t.slots[i] = uint16(len(t.keys))
	}
	return t
}

// lexHash hashes a non-empty word on its length and first and last two bytes.
func lexHash(w string) uint32 {
	n := len(w)
	h := uint32(n)*0x9E3779B1 ^ uint32(w[0])*0x85EBCA6B ^ uint32(w[n-1])*0xC2B2AE35
	if n > 1 {
		h ^= uint32(w[1]) * 0x27D4EB2F
		h ^= uint32(w[n-2]) * 0x165667B1
	}
	return h ^ h>>15
}

// lookup returns the lexicon entry of a lower-cased word (cue -1 when it
// has none) and, when a period follows the word, whether the period
// belongs to it: a title (Mr.) or a dotted abbreviation (U.S.).
func lookup(w string, period bool) (wordInfo, bool) {
	abbr := period && (titleAbbr[w] || strings.IndexByte(w, '.') > 0)
	t := lexTab
	for i := lexHash(w) & t.mask; t.slots[i] != 0; i = (i + 1) & t.mask {
		if k := t.slots[i] - 1; t.keys[k] == w {
			return t.infos[k], abbr
		}
	}
	return wordInfo{cue: -1}, abbr
}

func buildLexicon() map[string]wordInfo {
	m := map[string]wordInfo{}
	get := func(w string) wordInfo {
		if wi, ok := m[w]; ok {
			return wi
		}
		return wordInfo{cue: -1}
	}
	for w, c := range cues {
		wi := get(w)
		wi.cue = int16(len(cueTab))
		cueTab = append(cueTab, c)
		m[w] = wi
	}
	for _, x := range []struct {
		set  map[string]bool
		flag uint16
	}{{auxWords, fAux}, {determiners, fDet}, {beForms, fBe}, {npStop, fStop}, {pronouns, fPron}, {trailOpen, fTrail}, {prepositions, fPrep}, {raisingVerbs, fRaise}} {
		for w := range x.set {
			wi := get(w)
			wi.f |= x.flag
			m[w] = wi
		}
	}
	return m
}

func buildCues() map[string]cueInfo {
	m := map[string]cueInfo{}
	for _, line := range cueLemmas {
		f := strings.Fields(line)
		var c cueClass
		switch f[0] {
		case "s":
			c = cueSpeech
		case "o":
			c = cueSpeech | cueObject
		case "b":
			c = cueBelief
		case "w":
			c = cueWeak
		}
		lemma := strings.TrimPrefix(f[1], "-")
		for _, form := range f[1:] {
			if _, ok := m[form]; ok || form[0] == '-' {
				continue // a form written "-word" is no cue
			}
			noun := lemma != "say" && (form == lemma || form == lemma+"s" || form == lemma+"es")
			m[form] = cueInfo{class: c, lemma: lemma, part: strings.HasSuffix(form, "ing"), noun: noun}
		}
	}
	return m
}
