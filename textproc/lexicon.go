package textproc

import "strings"

// Closed-class English word lists used to read names and roles.

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// honorifics precede a person's name; gender 1 male, 2 female, 0 either.
var honorifics = map[string]int8{
	"mr": 1, "mister": 1, "sir": 1, "lord": 1, "herr": 1, "monsieur": 1, "sheikh": 1, "signor": 1, "senor": 1, "señor": 1,
	"mrs": 2, "ms": 2, "miss": 2, "madam": 2, "madame": 2, "mme": 2, "dame": 2, "lady": 2, "frau": 2, "mlle": 2, "signora": 2, "senora": 2, "señora": 2,
	"dr": 0, "prof": 0, "professor": 0, "rev": 0, "reverend": 0, "mx": 0, "hon": 0, "imam": 0, "rabbi": 0,
}

// roleHeads are nouns naming a person's role; a name preceded by one is a
// person, and "the <head>" is a nominal mention. The value groups heads a
// nominal may stand for: "leader" covers heads of state and government.
var roleHeads = map[string]string{
	"president": "president", "president-elect": "president", "vice-president": "vice", "premier": "leader",
	"minister": "minister", "chancellor": "leader", "secretary": "secretary", "senator": "senator", "sen": "senator",
	"governor": "governor", "gov": "governor", "mayor": "mayor", "congressman": "lawmaker", "congresswoman": "lawmaker",
	"representative": "lawmaker", "rep": "lawmaker", "del": "lawmaker", "delegate": "lawmaker", "lawmaker": "lawmaker", "legislator": "lawmaker", "mp": "lawmaker", "pm": "pm",
	"speaker": "speaker", "king": "leader", "queen": "leader", "prince": "prince", "princess": "prince",
	"emperor": "leader", "pope": "pope", "ayatollah": "leader", "sultan": "leader", "emir": "leader", "monarch": "leader",
	"general": "general", "gen": "general", "admiral": "admiral", "adm": "admiral", "colonel": "officer",
	"col": "officer", "lieutenant": "officer", "lt": "officer", "major": "officer", "maj": "officer",
	"captain": "officer", "capt": "officer", "sergeant": "officer", "sgt": "officer", "commander": "commander",
	"marshal": "general", "judge": "judge", "justice": "judge", "attorney": "attorney", "counsel": "attorney", "prosecutor": "prosecutor",
	"ambassador": "diplomat", "envoy": "diplomat", "diplomat": "diplomat", "spokesman": "spokesperson",
	"spokeswoman": "spokesperson", "spokesperson": "spokesperson", "chairman": "chair", "chairwoman": "chair",
	"chairperson": "chair", "chair": "chair", "director": "director", "ceo": "executive", "executive": "executive",
	"chief": "chief", "head": "chief", "leader": "leader", "commissioner": "commissioner", "sheriff": "sheriff",
	"detective": "officer", "inspector": "officer", "superintendent": "officer", "coach": "coach",
	"candidate": "candidate", "nominee": "candidate", "founder": "founder", "adviser": "adviser", "advisor": "adviser",
	"aide": "aide", "official": "official", "strategist": "adviser", "manager": "manager", "economist": "expert",
	"analyst": "expert", "professor": "professor", "prof": "professor", "author": "author", "actor": "actor",
	"actress": "actor", "singer": "singer", "correspondent": "journalist", "reporter": "journalist",
	"editor": "journalist", "journalist": "journalist", "columnist": "journalist", "host": "host", "anchor": "host",
	"dictator": "leader", "strongman": "leader", "negotiator": "diplomat", "pastor": "cleric", "bishop": "cleric",
	"cardinal": "cleric", "archbishop": "cleric", "cleric": "cleric", "mufti": "cleric", "rabbi": "cleric", "imam": "cleric",
	"councillor": "councillor", "councilor": "councillor", "councilman": "councillor", "councilwoman": "councillor", "alderman": "councillor",
	"skipper": "officer", "pilot": "officer", "coroner": "judge", "magistrate": "judge",
}

// leaderHeads are the role groups a nominal "leader" can refer to.
var leaderHeads = map[string]bool{"president": true, "leader": true, "minister": true, "chair": true, "chief": true}

// roleMods are words that build up a title before or around a head:
// "Prime Minister", "Foreign Secretary", "Deputy Attorney General".
var roleMods = wordSet(`prime foreign deputy vice acting former interim senior assistant associate first
defence defense interior home finance treasury trade economy economic energy health education justice
state foreign-affairs labour labor transport environment agriculture culture
culture information intelligence security national federal supreme chief general executive managing
attorney district press white house majority minority party democratic republican opposition
outgoing incoming late then current new top regional state-run junior lord high grand crown
presidential vice-presidential gubernatorial congressional mayoral parliamentary senatorial
u.s. us uk un eu nato`)

// genderedRoles tell a person's gender.
var genderedRoles = map[string]int8{
	"king": 1, "prince": 1, "emperor": 1, "congressman": 1, "spokesman": 1, "chairman": 1, "sultan": 1, "actor": 1,
	"queen": 2, "princess": 2, "congresswoman": 2, "spokeswoman": 2, "chairwoman": 2, "actress": 2, "first lady": 2,
}

// placePrefixes open names of places: "Mount Grace", "Port Elizabeth".
var placePrefixes = wordSet("mount mt port fort saint st lake cape glen san santa")

// kinGender are words for relatives that tell their gender.
var kinGender = map[string]int8{
	"son": 1, "father": 1, "brother": 1, "husband": 1, "uncle": 1, "nephew": 1, "grandson": 1, "grandfather": 1, "boyfriend": 1, "widower": 1,
	"daughter": 2, "mother": 2, "sister": 2, "wife": 2, "aunt": 2, "niece": 2, "granddaughter": 2, "grandmother": 2, "girlfriend": 2, "widow": 2,
}

// orgWords mark a name as an organisation's.
var orgWords = wordSet(`ministry department agency party committee council court university college school
institute institution foundation association union organization organisation company corporation corp inc
ltd llc plc group bank fund times news post journal press herald tribune gazette telegraph network
broadcasting radio television tv channel service office commission board authority bureau police army navy
force forces guard parliament congress senate assembly cabinet government administration alliance coalition
league club society church hospital airlines airways motors media studios laboratories labs systems
technologies campaign movement front brigade center centre command federation reserve exchange agency
airport railways house industries holdings partners capital ventures bloc caucus secretariat embassy consulate
observatory academy monitor review magazine daily weekly agency fc cooperation
ministerio ministério ministère ministero ministerium gobierno governo gouvernement regierung consejo conselho conseil
consiglio universidad universidade université università universität partido parti partito partei banco banque
banca tribunal tribunale gericht cámara câmara chambre asamblea assembleia assemblée assemblea comisión comissão
commissione kommission agencia agência agence agenzia federación federação fédération federazione asociación associação
associazione verband sindicato syndicat sindacato gewerkschaft cofradía ayuntamiento prefeitura mairie comune policía
polícia polizia polizei ejército exército armée esercito guardia guarda garde empresa compañía companhia société società
fundación fundação fondation fondazione stiftung instituto institut istituto secretaría secretaria servicio serviço
servizio dienst oficina escritório bureau oficio diario jornal journal giornale zeitung`)

// orgHeads are nouns of "the ministry"-like nominals.
var orgHeads = wordSet(`ministry department agency party committee council court university company
corporation bank fund newspaper paper network broadcaster commission board authority bureau police army
parliament congress senate assembly cabinet government administration alliance coalition league organization
organisation group campaign firm union bloc embassy kremlin`)

// speechVerbs introduce or follow reported speech.
var speechVerbs = wordSet(`said says say told tells tell added adds stated states stressed stresses noted
notes asked asks replied replies warned warns argued argues claimed claims explained explains insisted
insists declared declares announced announces wrote writes tweeted tweets continued continues recalled
recalls urged urges emphasized emphasised emphasizes emphasises believes believed thinks thought
reiterated reiterates exclaimed snapped admitted admits acknowledged acknowledges suggested suggests
concluded concludes answered answers responded responds commented comments confirmed confirms denied
denies predicted predicts promised promises pledged vowed vows accused accuses charged charges
contended contends maintained maintains observed observes remarked remarks repeated repeats conceded
concedes countered counters testified testifies insisted estimated estimates described describes called
calls proclaimed told adding saying`)

// nonNames are capitalised words that never name an entity on their own:
// months, weekdays, pronouns, interjections.
var nonNames = wordSet(`january february march april may june july august september october november
december jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday
sunday today tomorrow yesterday i i'm i've i'd i'll we you he she it they me us him her them my our your his
its their mr mrs ms dr oh yes no ok okay please thanks hello`)

// connectors join the parts of one name: "Bank of England", "bin Salman".
var connectors = wordSet(`of de del della der den van von da di du la le bin ibn al el`)

// nominalMods may stand between "the" and a role head: "the former director".
var nominalMods = wordSet(`former then current new late outgoing incoming acting top veteran embattled
longtime long-time powerful influential incumbent elected embattled prime foreign deputy vice defence
defense interior finance treasury trade senior chief press first`)

// personPronouns with gender (1 male, 2 female).
var personPronouns = map[string]int8{
	"he": 1, "him": 1, "his": 1, "himself": 1,
	"she": 2, "her": 2, "hers": 2, "herself": 2,
}

// pluralPronouns refer to groups or organisations.
var pluralPronouns = wordSet(`they them their theirs themselves it its itself`)

// prepositions before a mention that is then not a sentence's subject, and
// whose "in/from/to X" form marks a place.
var prepositions = wordSet(`to by with from of for about against at in on into over under between among
than near toward towards`)

var placePreps = wordSet(`in from to at near across into throughout`)

// givenNames are common given names, English first, then other European
// and Arabic ones, with gender (1 male, 2 female); names given to both
// ("Andrea", "Jean") are left out.
var givenNames = func() map[string]int8 {
	m := map[string]int8{}
	for _, w := range strings.Fields(`james john robert michael william david richard joseph thomas charles
christopher daniel matthew anthony mark donald steven paul andrew joshua kenneth kevin brian george edward
ronald timothy jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin scott brandon
benjamin samuel frank gregory raymond alexander patrick jack dennis jerry tyler aaron jose adam henry
nathan douglas zachary peter kyle walter ethan jeremy harold keith christian roger noah gerald carl terry
sean austin arthur lawrence jesse dylan bryan joe jordan billy bruce albert willie gabriel logan alan
juan wayne roy ralph randy eugene vincent russell elijah louis bobby philip johnny bill mike jim tom bob
ted ben dan tony nick chris rick steve jeff greg ken tim sam matt alex
carlos miguel antonio manuel francisco javier luis pedro jorge pablo sergio fernando alejandro diego
andrés andres rafael marco luca giuseppe giovanni francesco alessandro matteo lorenzo stefano paolo
roberto pierre jacques michel philippe nicolas françois francois olivier laurent stéphane julien hans
klaus jürgen wolfgang stefan uwe dieter karl heinz friedrich lars sven erik anders olaf piotr
krzysztof tomasz andrzej marek pavel ivan dmitry sergei sergey vladimir alexei igor oleg nikolai
mikhail yuri boris viktor milan goran dragan zoran miroslav jakub ahmed mohammed mohamed hassan omar
mustafa yusuf`) {
		m[w] = 1
	}
	for _, w := range strings.Fields(`mary patricia jennifer linda elizabeth barbara susan jessica sarah karen
nancy lisa betty margaret sandra ashley kimberly emily donna michelle dorothy carol amanda melissa deborah
stephanie rebecca sharon laura cynthia kathleen amy shirley angela helen anna brenda pamela nicole emma
samantha katherine christine debra rachel catherine carolyn janet ruth maria heather diane virginia julie
joyce victoria olivia kelly christina lauren joan evelyn judith megan cheryl andrea hannah martha jacqueline
frances gloria ann teresa kathryn sara janice jean alice madison doris abigail julia judy grace denise
amber marilyn beverly danielle theresa sophia marie diana brittany natalie isabella charlotte rose
alexis kayla liz beth kate sue jane meg jen chelsea
sabine ursula petra monika claudia anja katrin sophie camille nathalie isabelle sylvie valérie céline
chantal carmen lucía isabel ana pilar francesca giulia chiara paola silvia ingrid astrid karin birgit
annika olga natalia tatiana irina svetlana elena ivana jana eva helga greta ilse ines inés irena marta`) {
		m[w] = 2
	}
	return m
}()
