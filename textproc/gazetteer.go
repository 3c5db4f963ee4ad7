package textproc

import "strings"

// countryTable lists countries (and a few unions and territories) as
// "Canonical|other names|demonyms", one per line.
const countryTable = `
Afghanistan||Afghan,Afghani
Albania||Albanian
Algeria||Algerian
Angola||Angolan
Argentina||Argentine,Argentinian
Armenia||Armenian
Australia||Australian
Austria||Austrian
Azerbaijan||Azerbaijani,Azeri
Bahrain||Bahraini
Bangladesh||Bangladeshi
Belarus||Belarusian,Belarussian
Belgium||Belgian
Bolivia||Bolivian
Bosnia|Bosnia and Herzegovina|Bosnian
Brazil||Brazilian
Bulgaria||Bulgarian
Burma|Myanmar|Burmese
Cambodia||Cambodian
Cameroon||Cameroonian
Canada||Canadian
Chile||Chilean
China|PRC,People's Republic of China|Chinese
Colombia||Colombian
Congo|DRC,Democratic Republic of Congo|Congolese
Costa Rica||Costa Rican
Croatia||Croatian,Croat
Cuba||Cuban
Cyprus||Cypriot
Czech Republic|Czechia|Czech
Denmark||Danish,Dane
Dominican Republic||Dominican
Ecuador||Ecuadorian,Ecuadorean
Egypt||Egyptian
El Salvador||Salvadoran,Salvadorean
Eritrea||Eritrean
Estonia||Estonian
Ethiopia||Ethiopian
Finland||Finnish,Finn
France||French
Georgia||Georgian
Germany||German
Ghana||Ghanaian
Greece||Greek
Guatemala||Guatemalan
Haiti||Haitian
Honduras||Honduran
Hungary||Hungarian
Iceland||Icelandic
India||Indian
Indonesia||Indonesian
Iran||Iranian
Iraq||Iraqi
Ireland|Republic of Ireland|Irish
Israel||Israeli
Italy||Italian
Ivory Coast|Cote d'Ivoire|Ivorian
Jamaica||Jamaican
Japan||Japanese
Jordan||Jordanian
Kazakhstan||Kazakh,Kazakhstani
Kenya||Kenyan
Kosovo||Kosovar
Kuwait||Kuwaiti
Kyrgyzstan||Kyrgyz
Laos||Laotian
Latvia||Latvian
Lebanon||Lebanese
Libya||Libyan
Lithuania||Lithuanian
Luxembourg||Luxembourgish
Malaysia||Malaysian
Mali||Malian
Malta||Maltese
Mexico||Mexican
Moldova||Moldovan
Mongolia||Mongolian
Montenegro||Montenegrin
Morocco||Moroccan
Mozambique||Mozambican
Nepal||Nepalese,Nepali
Netherlands|Holland,The Netherlands|Dutch
New Zealand||New Zealander
Nicaragua||Nicaraguan
Niger||Nigerien
Nigeria||Nigerian
North Korea|DPRK|North Korean
North Macedonia|Macedonia|Macedonian
Norway||Norwegian
Oman||Omani
Pakistan||Pakistani
Palestine|Palestinian Territories|Palestinian
Panama||Panamanian
Paraguay||Paraguayan
Peru||Peruvian
Philippines|The Philippines|Filipino,Philippine
Poland||Polish,Pole
Portugal||Portuguese
Qatar||Qatari
Romania||Romanian
Russia|Russian Federation|Russian
Rwanda||Rwandan
Saudi Arabia||Saudi
Senegal||Senegalese
Serbia||Serbian,Serb
Singapore||Singaporean
Slovakia||Slovak,Slovakian
Slovenia||Slovenian,Slovene
Somalia||Somali
South Africa||South African
South Korea|Korea,Republic of Korea|South Korean,Korean
South Sudan||South Sudanese
Spain||Spanish
Sri Lanka||Sri Lankan
Sudan||Sudanese
Sweden||Swedish,Swede
Switzerland||Swiss
Syria||Syrian
Taiwan||Taiwanese
Tajikistan||Tajik
Tanzania||Tanzanian
Thailand||Thai
Tunisia||Tunisian
Turkey|Turkiye|Turkish
Turkmenistan||Turkmen
Uganda||Ugandan
Ukraine|the Ukraine|Ukrainian
United Arab Emirates|UAE|Emirati
United Kingdom|UK,U.K.,Britain,Great Britain|British,Briton
United States|US,U.S.,USA,U.S.A.,America,United States of America|American
Uruguay||Uruguayan
Uzbekistan||Uzbek
Venezuela||Venezuelan
Vietnam|Viet Nam|Vietnamese
Yemen||Yemeni
Zambia||Zambian
Zimbabwe||Zimbabwean
England||English
Scotland||Scottish,Scot
Wales||Welsh
Soviet Union|USSR,U.S.S.R.|Soviet
European Union|EU|European
`

// placeTable lists capitals, major cities, US states and regions.
const placeTable = `
Kabul,Tirana,Algiers,Buenos Aires,Yerevan,Canberra,Sydney,Melbourne,Vienna,Baku,Manama,Dhaka,Minsk,
Brussels,Sofia,Brasilia,Rio de Janeiro,Sao Paulo,Ottawa,Toronto,Montreal,Vancouver,Santiago,Beijing,
Shanghai,Hong Kong,Bogota,Havana,Nicosia,Prague,Copenhagen,Cairo,Tallinn,Addis Ababa,Helsinki,Paris,
Marseille,Lyon,Tbilisi,Berlin,Munich,Frankfurt,Hamburg,Accra,Athens,Budapest,Reykjavik,New Delhi,Delhi,
Mumbai,Jakarta,Tehran,Baghdad,Dublin,Jerusalem,Tel Aviv,Rome,Milan,Naples,Tokyo,Osaka,Amman,Astana,
Nairobi,Pristina,Riga,Beirut,Tripoli,Vilnius,Kuala Lumpur,Mexico City,Chisinau,Rabat,Kathmandu,Amsterdam,
The Hague,Rotterdam,Wellington,Auckland,Abuja,Lagos,Pyongyang,Skopje,Oslo,Islamabad,Karachi,Lahore,
Ramallah,Gaza,Lima,Manila,Warsaw,Krakow,Lisbon,Doha,Bucharest,Moscow,St Petersburg,Saint Petersburg,
Kigali,Riyadh,Jeddah,Belgrade,Bratislava,Ljubljana,Mogadishu,Johannesburg,Cape Town,Pretoria,Seoul,Madrid,
Barcelona,Colombo,Khartoum,Stockholm,Geneva,Zurich,Bern,Damascus,Aleppo,Taipei,Bangkok,Tunis,Ankara,
Istanbul,Kampala,Kyiv,Kiev,Kharkiv,Odesa,Odessa,Lviv,Abu Dhabi,Dubai,London,Manchester,Birmingham,
Edinburgh,Glasgow,Cardiff,Belfast,Washington,New York,New York City,Los Angeles,Chicago,Houston,
Philadelphia,Boston,San Francisco,Miami,Atlanta,Seattle,Dallas,Detroit,Denver,Las Vegas,Phoenix,
Caracas,Hanoi,Ho Chi Minh City,Sanaa,Harare,Brussels,Strasbourg,Luxembourg,Vatican,Singapore,
Alabama,Alaska,Arizona,Arkansas,California,Colorado,Connecticut,Delaware,Florida,Hawaii,Idaho,Illinois,
Indiana,Iowa,Kansas,Kentucky,Louisiana,Maine,Maryland,Massachusetts,Michigan,Minnesota,Mississippi,
Missouri,Montana,Nebraska,Nevada,New Hampshire,New Jersey,New Mexico,North Carolina,North Dakota,Ohio,
Oklahoma,Oregon,Pennsylvania,Rhode Island,South Carolina,South Dakota,Tennessee,Texas,Utah,Vermont,
Virginia,West Virginia,Wisconsin,Wyoming,
Europe,Asia,Africa,North America,South America,Latin America,Antarctica,Oceania,Middle East,
Eastern Europe,Western Europe,Central Europe,Southeast Asia,Central Asia,Balkans,Baltics,Caucasus,
North Caucasus,Scandinavia,Siberia,Crimea,Donbas,Donbass,Kashmir,Tibet,Xinjiang,Chechnya,Kurdistan,
Gulf,Persian Gulf,Arctic,Mediterranean,Black Sea,Baltic Sea,Pacific,Atlantic,West Bank,Gaza Strip,
Golan Heights,Sinai,Sahara,Sahel,Horn of Africa,Silicon Valley,Wall Street,Capitol Hill,Midwest
`

// place is a gazetteer entry.
type place struct {
	name    string // canonical name
	country bool
}

var (
	places   map[string]place  // lower-case name or alias → place
	demonyms map[string]string // lower-case demonym → canonical country
)

func init() {
	places = map[string]place{}
	demonyms = map[string]string{}
	for _, line := range strings.Split(countryTable, "\n") {
		f := strings.Split(strings.TrimSpace(line), "|")
		if len(f) != 3 {
			continue
		}
		p := place{name: f[0], country: true}
		places[strings.ToLower(f[0])] = p
		for _, a := range strings.Split(f[1], ",") {
			if a != "" {
				places[strings.ToLower(a)] = p
			}
		}
		for _, dm := range strings.Split(f[2], ",") {
			if dm != "" {
				demonyms[strings.ToLower(dm)] = f[0]
			}
		}
	}
	for _, n := range strings.Split(placeTable, ",") {
		n = strings.TrimSpace(n)
		if n == "" {
			continue
		}
		k := strings.ToLower(n)
		if _, ok := places[k]; !ok {
			places[k] = place{name: n}
		}
	}
}

// countryOf maps a word or name (a demonym, a country's name or alias)
// to its canonical country, or "".
func countryOf(s string) string {
	if len(s) > 2 && s[len(s)-1] == '.' {
		s = s[:len(s)-1] // "U.S." as the run reads it
		if p, ok := inStrMap(places, s+"."); ok && p.country {
			return p.name
		}
	}
	if c, ok := inStrMap(demonyms, s); ok {
		return c
	}
	if p, ok := inStrMap(places, s); ok && p.country {
		return p.name
	}
	return ""
}
