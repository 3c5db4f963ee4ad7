package clean

import (
	"strings"
	"unicode/utf8"

	"github.com/RadhiFadlillah/whatlanggo"
	"github.com/parallax-news/parallax/internal/ascii"
)

// Language identification: the script decides for most non-Latin text;
// Latin and Cyrillic text is told apart by function words and a few
// letters. Only Latin text no profile recognises goes to whatlanggo's
// trigram model, on a short sample, because that model is slow.

// stopLangs are the Latin-script languages with a function-word profile.
var stopLangs = []string{"en", "fr", "de", "es", "it", "pt", "nl", "sv", "pl", "tr", "id", "ro"}

var stopProfiles = []string{
	"the of and to in is that for it with was on are be by at this from have has said not but they he she were which will would",
	"le la les des du et est une dans pour que qui pas sur aux avec il elle ce sont mais ont été cette",
	"der die das und ist nicht ein eine zu den von mit sich auf für im dem auch es wird sind wurde",
	"el los las del y que en un una es por con para se no al lo su como más pero fue",
	"il di che è un una per non del della con sono gli si da ha nel alla anche",
	"o os do da que em um uma para com não no na por se mais foi ao dos das",
	"het een en van is dat op te niet zijn met voor er ook werd aan maar",
	"och att det som är på av för med till inte har om den var kan",
	"w na nie się z do to że jest jak ale od po przez dla oraz",
	"ve bir bu da için ile olarak daha çok gibi olan ama",
	"yang dan di ini itu dengan untuk tidak dari dalam akan pada juga",
	"și în cu să nu pe din care este sau fost mai",
}

// stopIndex maps a function word to a bit set of languages using it.
var stopIndex = func() map[string]uint16 {
	m := map[string]uint16{}
	for i, p := range stopProfiles {
		for _, w := range strings.Fields(p) {
			m[w] |= 1 << i
		}
	}
	return m
}()

// detectLanguage returns the ISO 639-1 code of text, "" when unsure.
// dom is the document's dominant script, already counted while cleaning.
func detectLanguage(text string, dom int) string {
	if dom == scLatin {
		return latinLanguage(text)
	}
	if len(text) > 3000 {
		cut := 3000
		for cut > 0 && !utf8.RuneStart(text[cut]) {
			cut--
		}
		text = text[:cut]
	}
	var sc [nScripts]int
	var kana, hangul, cyrUk, cyrBe, cyrSr, cyrYery, cyrHard, fa, ur, thai, bengali, tamil int
	for _, r := range text {
		if r < 0x80 {
			if r|0x20 >= 'a' && r|0x20 <= 'z' {
				sc[scLatin]++
			}
			continue
		}
		switch {
		case r >= 0x3040 && r < 0x3100:
			kana++
		case r >= 0xAC00 && r < 0xD7B0:
			hangul++
		case r == 'і' || r == 'ї' || r == 'є' || r == 'ґ':
			cyrUk++
		case r == 'ў':
			cyrBe++
		case r == 'ј' || r == 'ђ' || r == 'ћ' || r == 'џ':
			cyrSr++
		case r == 'ы' || r == 'э':
			cyrYery++
		case r == 'ъ':
			cyrHard++
		case r == 'پ' || r == 'چ' || r == 'ژ' || r == 'گ' || r == 'ی':
			fa++
		case r == 'ٹ' || r == 'ڈ' || r == 'ڑ' || r == 'ں' || r == 'ے':
			ur++
		case r >= 0xE00 && r < 0xE80:
			thai++
		case r >= 0x980 && r < 0xA00:
			bengali++
		case r >= 0xB80 && r < 0xC00:
			tamil++
		}
		if isLetterRune(r) {
			sc[scriptOf(r)]++
		}
	}
	main := 0
	for k := range sc {
		if sc[k] > sc[main] {
			main = k
		}
	}
	if sc[main] == 0 {
		return ""
	}
	switch main {
	case scCJK:
		switch {
		case kana*10 > sc[scCJK]:
			return "ja"
		case hangul*2 > sc[scCJK]:
			return "ko"
		}
		return "zh"
	case scGreek:
		return "el"
	case scHebrew:
		return "he"
	case scArabic:
		switch {
		case ur > 3:
			return "ur"
		case fa*50 > sc[scArabic]:
			return "fa"
		}
		return "ar"
	case scIndic:
		switch {
		case bengali*2 > sc[scIndic]:
			return "bn"
		case tamil*2 > sc[scIndic]:
			return "ta"
		}
		return "hi"
	case scCyrillic:
		switch {
		case cyrUk*100 > sc[scCyrillic]:
			return "uk"
		case cyrBe*200 > sc[scCyrillic]:
			return "be"
		case cyrSr*200 > sc[scCyrillic]:
			return "sr"
		case cyrYery == 0 && cyrHard > 0:
			return "bg"
		}
		return "ru"
	case scOther:
		if thai*2 > sc[scOther] {
			return "th"
		}
		return ""
	}
	return latinLanguage(text)
}

func isLetterRune(r rune) bool {
	return scriptOf(r) != scOther || r >= 0xE00 && r < 0xE80
}

// wordByte marks the bytes of words for latinLanguage: ASCII letters and
// the bytes of other characters.
var wordByte = func() (t [256]bool) {
	for c := range t {
		t[c] = c >= 0x80 || c|0x20 >= 'a' && c|0x20 <= 'z'
	}
	return
}()

// latinLanguage scores function words; it falls back to whatlanggo when no
// profile stands out.
func latinLanguage(text string) string {
	if len(text) > 800 {
		cut := 800
		for cut > 0 && !utf8.RuneStart(text[cut]) {
			cut--
		}
		text = text[:cut]
	}
	var score [16]int
	// Words are runs of letters and bytes beyond ASCII; only short ones
	// can be function words.
	for i := 0; i < len(text); {
		if !wordByte[text[i]] {
			i++
			continue
		}
		j := i + 1
		for j < len(text) && wordByte[text[j]] {
			j++
		}
		if j-i <= 7 {
			var buf [7]byte
			w := ascii.AppendLower(buf[:0], text[i:j])
			if bits := stopIndex[string(w)]; bits != 0 {
				for k := range stopLangs {
					if bits&(1<<k) != 0 {
						score[k]++
					}
				}
			}
		}
		i = j
	}
	best, second := 0, -1
	for k := 1; k < len(stopLangs); k++ {
		if score[k] > score[best] {
			best, second = k, best
		} else if second < 0 || score[k] > score[second] {
			second = k
		}
	}
	if score[best] >= 4 && score[best] >= 2*score[second]+1 {
		return stopLangs[best]
	}
	sample := text
	if len(sample) > 400 {
		cut := 400
		for cut > 0 && !utf8.RuneStart(sample[cut]) {
			cut--
		}
		sample = sample[:cut]
	}
	if strings.TrimSpace(sample) == "" {
		return ""
	}
	info := whatlanggo.Detect(sample)
	if !info.IsReliable() {
		return ""
	}
	return info.Lang.Iso6391()
}
