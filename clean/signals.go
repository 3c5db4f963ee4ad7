package clean

import (
	"github.com/parallax-news/parallax/internal/ascii"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Closed-class word lists. They name kinds of page furniture in general
// (sharing, log-in, comment forms), never a particular site.
var (
	socialNames = wordSet("facebook twitter whatsapp linkedin telegram pinterest reddit instagram youtube tiktok vk viber email e-mail messenger flipboard x")
	shareFirst  = wordSet("share shares sharing follow tweet print email like pin subscribe")
	loginWords  = wordSet("login log-in signin sign-in signup sign-up register registration subscribe subscribed subscription newsletter logged password " +
		"anmelden einloggen registrieren abonnieren connexion connectez-vous inscrivez-vous abonnez-vous identifiez-vous suscríbete regístrate accedi registrati abbonati inloggen")
	ratingWords = wordSet("rate rating ratings rated vote votes voted stars")
	engageWords = wordSet("like liked likes upvote upvotes upvoted recommend recommends recommended reply replies reaction reactions points dislike dislikes")
	formNouns   = wordSet("comment comments reply replies discussion conversation response responses thoughts reactions " +
		"kommentare leserkommentare commentaires réactions comentarios commenti reacties")
	formVerbs = wordSet("leave post add write submit join participate view show load read sort hide open close")
	navLeads  = wordSet("advertisement advertising advert sponsored related read see also click continue watch listen trending recommended more menu skip home search tags topics " +
		"anzeige werbung mehr lesen siehe schlagwörter themen publicité lire voir mots-clés publicidad leer etiquetas pubblicità leggi advertentie lees")
	navNouns = wordSet("navigation nav menu sitemap breadcrumb breadcrumbs")
	adWords  = wordSet("advertisement advertising advert sponsored anzeige werbung publicité publicidad pubblicità advertentie")
	// A consent notice names cookies and asks the reader to agree.
	cookieWords  = wordSet("cookie cookies")
	consentWords = wordSet("accept agree consent continue continuing browsing experience privacy settings manage preferences policy " +
		"akzeptieren zustimmen einverstanden accepter acceptez continuer navigation aceptar acepta aceptas consentimiento navegando aceitar aceita navegação accetta accetto navigazione accepteren")
	timeUnits   = wordSet("second seconds sec secs minute minutes min mins hour hours hr hrs day days week weeks month months year years")
	agencyWords = wordSet("agency news press service wire telegraph bureau network broadcasting corporation")
	credLeads   = wordSet("photo photos photograph image images picture pictures credit credits source illustration video file")
	dateDecor   = wordSet("posted published updated modified created last on at am pm gmt utc " +
		"publicado publicada actualizado atualizado em en às as las le à publié publiée mis jour veröffentlicht aktualisiert um uhr pubblicato aggiornato alle ore")
	pubVerbs = wordSet("posted published updated modified created written filed")
	weekdays = wordSet("monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun")
)

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// lw returns the lower-cased, punctuation-trimmed words of s (at most 40).
func lw(s string) []string {
	var buf [40]string
	ws := words(s, buf[:], 40)
	out := make([]string, 0, len(ws))
	for _, w := range ws {
		if t := trimPunct(w); t != "" {
			out = append(out, lower(t))
		}
	}
	return out
}

func anyIn(ws []string, set map[string]bool) bool {
	for _, w := range ws {
		if set[w] {
			return true
		}
	}
	return false
}

func countIn(ws []string, set map[string]bool) int {
	n := 0
	for _, w := range ws {
		if set[w] {
			n++
		}
	}
	return n
}

func hasNumber(ws []string) bool {
	for _, w := range ws {
		if w != "" && w[0] >= '0' && w[0] <= '9' {
			return true
		}
	}
	return false
}

// sentenceEnd reports whether the unit ends like a sentence.
func (f *feats) sentenceEnd() bool { return endsSentence(f.terminal) }

// bodyLike reports a unit that reads as article prose.
func (f *feats) bodyLike() bool {
	return f.words >= 8 && f.lowerWords*3 >= f.words && (f.sentenceEnd() || f.words > 25)
}

func isOpenQuote(r rune) bool {
	switch r {
	case '"', '\'', '“', '‘', '«', '„', '‹', '「', '『':
		return true
	}
	return false
}

// headlineShaped reports a title-like line: 2–25 words, starting with a
// letter, digit or quote, mostly letters, no sentence-final period (unless
// allowPeriod) and no list or clause punctuation at the end.
func headlineShaped(s string, f *feats, allowPeriod bool) bool {
	if f.words < 2 || f.words > 25 {
		return false
	}
	switch f.first {
	case '-', '–', '—', '•', '·', '|', '*', '>', '/', '\\', '©', '(', '[', '+', '=', '~':
		return false
	}
	if f.letters*10 < f.nonSpace*6 {
		return false
	}
	switch f.terminal {
	case '.', '…', ';':
		if !allowPeriod || strings.HasSuffix(s, "...") {
			return false
		}
	case ':', ',', '-', '—', '–', '|', '/':
		return false
	}
	if f.sentBreak && !allowPeriod {
		return false
	}
	if copyrightSign(s) || bylineName(s) != "" || masthead(s) {
		return false
	}
	if _, sp, ok := ParseDate(s); ok && sp.Len()*5 >= len(s)*2 {
		return false
	}
	return true
}

// linkText reports the shape of a short link label: two to four words of
// letters only, the first alone capitalised ("Skip to main content").
func linkText(f *feats) bool {
	return f.words >= 2 && f.words <= 4 && f.capWords == 1 && f.letters == f.nonSpace && unicode.IsUpper(f.first)
}

// headingShaped reports a crosshead or related-link line standing between
// body paragraphs: short, capitalised, and ending without sentence
// punctuation — or in "?"/"!" when it is title-cased or has a colon.
func headingShaped(s string, f *feats) bool {
	if f.words < 1 || f.words > 20 || f.lowerWords == f.words && f.words > 1 {
		return false
	}
	if f.words > 12 && !titleCased(s) || quotedSentence(s) {
		return false
	}
	if !(unicode.IsUpper(f.first) || unicode.IsDigit(f.first) || isOpenQuote(f.first)) {
		return false
	}
	switch f.terminal {
	case '.', '…', ':', ';', ',':
		return false
	case '?', '!':
		if strings.IndexFunc(s, isOpenQuote) >= 0 && !titleCased(s) {
			return false
		}
		if i := strings.IndexByte(s, ':'); i > 0 && !strings.Contains(turnLabel(s[:i]), " ") {
			return false // "Q: …?", "NAME: …?", "Q (Name, Outlet): …?" — an interview turn
		}
		if i := strings.Index(s, ": "); i > 0 && strings.Count(s[:i], " ") < 4 && strings.Contains(s[:i], " ") && !allCaps(s[:i]) {
			return true
		}
		return titleCased(s)
	}
	return true
}

// turnLabel is a label less the asker it names in brackets: "Q" of "Q
// (Ada Lind, The Courier)".
func turnLabel(label string) string {
	if j := strings.IndexByte(label, '('); j > 0 && strings.HasSuffix(label, ")") {
		return strings.TrimSpace(label[:j])
	}
	return label
}

// titleCased reports whether most words of four or more letters are capitalised.
func titleCased(s string) bool {
	var buf [32]string
	n, c := 0, 0
	for _, w := range words(s, buf[:], 32) {
		w = trimPunct(w)
		if utf8.RuneCountInString(w) < 4 {
			continue
		}
		n++
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
			c++
		}
	}
	return n > 0 && c*10 >= n*7
}

// byWords open a byline: "By", and its German, French, Spanish,
// Portuguese, Dutch and Swedish equivalents.
var byWords = wordSet("by von par por door av")

// pressRoles end a "Name, Europe economics correspondent" byline.
var pressRoles = wordSet("correspondent correspondents reporter reporters editor writer journalist columnist")

// bylineName returns the name of a "By Name" line (or "Name, Europe
// correspondent"), "" when s is not one.
func bylineName(s string) string {
	sp := -1
	for i := 0; i < len(s) && i <= 5; i++ {
		if s[i] == ' ' || s[i] == ':' {
			sp = i
			break
		}
	}
	var lb [5]byte
	if sp < 2 || sp > 5 || !byWords[string(ascii.AppendLower(lb[:0], s[:sp]))] {
		return roleByline(s)
	}
	rest := strings.TrimLeft(s[sp:], " :")
	for _, sep := range []string{" | ", " - ", " — ", " – ", "\t"} {
		if i := strings.Index(rest, sep); i > 0 {
			rest = rest[:i]
		}
	}
	rest = strings.TrimRight(rest, " ,.;")
	f := measure(rest)
	if f.words == 0 || f.words > 8 || f.capWords*2 < f.words || f.sentenceEnd() && f.terminal != '.' {
		return ""
	}
	if r, _ := utf8.DecodeRuneInString(rest); !unicode.IsUpper(r) {
		return ""
	}
	return rest
}

// lastWord returns the last word of s, lower-cased.
func lastWord(s string) string {
	ws := lw(s)
	if len(ws) == 0 {
		return ""
	}
	return ws[len(ws)-1]
}

// roleByline returns the name of a "Name, Europe economics correspondent"
// line: a name of two or three capitalised words, then a role in the
// press in lower case.
func roleByline(s string) string {
	if len(s) > 80 {
		return ""
	}
	i := strings.Index(s, ", ")
	if i < 0 || strings.ContainsAny(s, ".!?:\"“”") {
		return ""
	}
	name, role := s[:i], lw(s[i+2:])
	nf := measure(name)
	if nf.words < 2 || nf.words > 3 || nf.capWords != nf.words || len(role) == 0 || len(role) > 5 || !pressRoles[role[len(role)-1]] ||
		role[0] == "a" || role[0] == "an" || role[0] == "the" {
		return ""
	}
	return name
}

// dateLine reports a line that is a date with at most a few words of
// decoration (weekday, time, "Updated:", a counter). A trailing update
// note ("· Updated 2 hours ago") is set aside: the date before it wins,
// and a yearless "Published: Mar 5" takes the note's year.
func dateLine(s string, f *feats) (date string, sp [2]int, ok bool) {
	if f.digits < 4 {
		return "", sp, false // every full date has a four-digit year
	}
	if f.words <= 20 && (strings.Contains(s, " · ") || strings.Contains(s, " | ")) {
		if date, sp, ok = updateNote(s); ok {
			return date, sp, ok
		}
	}
	if date, sp, ok = plainDateLine(s, f); ok || f.words > 30 {
		return date, sp, ok
	}
	// A line of short fields: "Posted: 15 October 2025 | Category: … |
	// Author: …".
	for _, sep := range [...]string{" | ", " · "} {
		if !shortFields(s, sep) {
			continue
		}
		for k := 0; ; {
			end := len(s)
			if j := strings.Index(s[k:], sep); j >= 0 {
				end = k + j
			}
			seg := s[k:end]
			if sf := measure(seg); sf.digits >= 4 {
				if date, sp, ok = plainDateLine(seg, &sf); ok {
					return date, [2]int{k + sp[0], k + sp[1]}, true
				}
			}
			if end == len(s) {
				break
			}
			k = end + len(sep)
		}
	}
	return "", sp, false
}

// updateVerbs open the update note of a date line.
var updateVerbs = wordSet("updated modified edited")

// updateNote reads a date line "HEAD · Updated TAIL" (or "|"), where the
// note TAIL is a date or a relative time: the date is HEAD's, or HEAD's
// "Published: Mar 5" with the year of TAIL's date.
func updateNote(s string) (date string, sp [2]int, ok bool) {
	cut, sepLen := -1, 0
	for _, sep := range [...]string{" · ", " | "} {
		for k := 0; k < len(s); {
			j := strings.Index(s[k:], sep)
			if j < 0 {
				break
			}
			k += j + len(sep)
			var buf [2]string
			ws := words(s[k:], buf[:], 2)
			if len(ws) > 0 && (updateVerbs[lower(trimPunct(ws[0]))] || len(ws) > 1 && lower(ws[0]) == "last" && updateVerbs[lower(trimPunct(ws[1]))]) {
				if cut < 0 || k-len(sep) < cut {
					cut, sepLen = k-len(sep), len(sep)
				}
				break
			}
		}
	}
	if cut <= 0 {
		return "", sp, false
	}
	head, tail := s[:cut], s[cut+sepLen:]
	if countWords(tail) > 8 {
		return "", sp, false
	}
	var buf [48]dtok
	ty, tm, td, st, _ := scanDate(tail, tokenizeDate(tail, buf[:]))
	tok := st >= 0
	if !tok && !strings.Contains(tail, " ago") {
		return "", sp, false
	}
	hf := measure(head)
	if date, sp, ok = plainDateLine(head, &hf); ok || !tok {
		return date, sp, ok
	}
	// "Published: Mar 5": a pub verb, then a month and day.
	var wbuf [2]string
	ws := words(head, wbuf[:], 2)
	if len(ws) == 0 || !pubVerbs[lower(trimPunct(ws[0]))] {
		return "", sp, false
	}
	at := strings.Index(head, ws[0]) + len(ws[0])
	rest := strings.TrimLeft(head[at:], " :")
	m, d, n := monthDay(rest)
	if n == 0 || strings.TrimSpace(rest[n:]) != "" {
		return "", sp, false
	}
	y := ty
	if validYMD(y, m, d) && (m > tm || m == tm && d > td) {
		y-- // published before it was updated
	}
	if !validYMD(y, m, d) {
		return "", sp, false
	}
	date = fmtDate(y, m, d)
	start := len(head) - len(rest)
	return date, [2]int{start, start + n}, true
}

// postSignature reports the signature line of a post embedded from a
// social network: "— Name (@handle) July 5, 2016".
func postSignature(s string) bool {
	for _, d := range [...]string{"— ", "– ", "- "} {
		if rest, ok := strings.CutPrefix(s, d); ok {
			i := strings.Index(rest, "(@")
			return i > 0 && i < 80 && strings.IndexByte(rest[i:], ')') > 0
		}
	}
	return false
}

// shortFields reports whether sep parts s into fields of six words at
// most.
func shortFields(s, sep string) bool {
	if !strings.Contains(s, sep) {
		return false
	}
	for f := range strings.SplitSeq(s, sep) {
		if countWords(f) > 6 {
			return false
		}
	}
	return true
}

// plainDateLine is dateLine without the update-note rule.
func plainDateLine(s string, f *feats) (date string, sp [2]int, ok bool) {
	if f.words > 10 {
		return "", sp, false
	}
	d, span, ok := ParseDate(s)
	if !ok {
		return "", sp, false
	}
	rest := lw(s[:span.Start] + " " + s[span.End:])
	extra, prose := 0, false
	for _, w := range rest {
		if !weekdays[w] && !dateDecor[w] && !(w[0] >= '0' && w[0] <= '9') {
			extra++
		}
	}
	for _, w := range words(s[:span.Start]+" "+s[span.End:], make([]string, 0, 8), 12) {
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsLower(r) && len(trimPunct(w)) > 3 && !weekdays[lower(trimPunct(w))] && !dateDecor[lower(trimPunct(w))] {
			prose = true
		}
	}
	if extra > 2 || prose {
		return "", sp, false
	}
	return d, [2]int{span.Start, span.End}, true
}

// postedBy splits a "Posted on <date> by Name" line into the part before
// " by " and the name after it; ok is false for other lines.
func postedBy(s string, ws []string) (head, name string, ok bool) {
	if len(ws) == 0 || len(ws) > 12 || !pubVerbs[ws[0]] && !(len(ws) > 1 && ws[0] == "last" && pubVerbs[ws[1]]) {
		return "", "", false
	}
	i := strings.Index(lower(s), " by ")
	if i < 0 {
		return "", "", false
	}
	name = strings.TrimSpace(s[i+4:])
	// "by Name | 7 min read | …": the name ends at a separator
	for _, sep := range [...]string{" | ", " · "} {
		if j := strings.Index(name, sep); j > 0 {
			name = strings.TrimSpace(name[:j])
		}
	}
	if n := countWords(name); n == 0 || n > 4 || endsSentence(lastRune(name)) && lastRune(name) != '.' {
		return "", "", false
	}
	return s[:i], strings.TrimRight(name, "."), true
}

// postedLine reports a "Posted on <date> by Name" line.
func postedLine(s string, ws []string) bool {
	_, _, ok := postedBy(s, ws)
	return ok
}

// captionDate reports a caption ending in a source and a date ("Leaders
// meet - Agency Name, 07.02.2022"); it returns the date, its span and the
// credited source.
func captionDate(s string, f *feats) (date string, sp [2]int, source string, ok bool) {
	if f.words > 25 || f.sentenceEnd() {
		return "", sp, "", false
	}
	d, span, ok := ParseDate(s)
	if !ok || strings.TrimRight(s[span.End:], " .,)") != "" {
		return "", sp, "", false
	}
	head := s[:span.Start]
	i := lastSep(head)
	if i < 0 {
		return "", sp, "", false
	}
	src := head[i:]
	src = strings.TrimLeft(src, " -–—|")
	// a credit names its source, then a comma: "Name, 07.02.2022"
	j := strings.IndexByte(src, ',')
	if j < 0 {
		return "", sp, "", false
	}
	src = src[:j]
	return d, [2]int{span.Start, span.End}, strings.TrimSpace(src), true
}

// lastSep is the index of the last " - ", " – ", " — " or " | " in s, -1 if none.
func lastSep(s string) int {
	best := -1
	for _, sep := range []string{" - ", " – ", " — ", " | "} {
		if i := strings.LastIndex(s, sep); i > best {
			best = i
		}
	}
	return best
}

// captionLine reports copyright, photo-credit and slash-separated credit lines.
func captionLine(s string, f *feats, ws []string) bool {
	if f.words <= 30 && (copyrightSign(s) || strings.Contains(s, "(c) ") || strings.Contains(s, "(C) ")) {
		return true
	}
	if f.words <= 15 && len(ws) > 0 && credLeads[ws[0]] {
		if i := strings.IndexAny(s, ":/"); i > 0 && i < 20 {
			return true
		}
		if len(ws) > 1 && (ws[1] == "by" || ws[1] == "credit") {
			return true
		}
	}
	// A caption ending in its credit: "… outside the hospital. (AP
	// Photo/Ann Lee)", "(Photo: Ann Lee)".
	if f.words <= 40 && strings.HasSuffix(s, ")") {
		if i := strings.LastIndexByte(s, '('); i >= 0 && countWords(s[i:]) <= 8 {
			if credit := lower(s[i+1 : len(s)-1]); strings.IndexAny(credit, ".!?") < 0 {
				// a credit word right before "/" or ":": "photo/", "photo:"
				for k := 0; k < len(credit); k++ {
					if credit[k] != '/' && credit[k] != ':' {
						continue
					}
					j := k
					for j > 0 && isASCIILetter(credit[j-1]) {
						j--
					}
					if credLeads[credit[j:k]] {
						return true
					}
				}
			}
		}
	}
	// "Name / Agency" credits: every slash-separated part short and capitalised.
	if f.words <= 12 && !f.sentenceEnd() && strings.Contains(s, " / ") {
		for _, part := range strings.Split(s, " / ") {
			pf := measure(strings.TrimSpace(part))
			if pf.words == 0 || pf.words > 5 || pf.capWords*2 < pf.words {
				return false
			}
		}
		return true
	}
	return false
}

// widgetLine reports navigation, sharing, rating, log-in and similar page
// furniture.
func widgetLine(s string, f *feats, ws []string) bool {
	if f.nonSpace > 0 && f.letters*2 < f.nonSpace {
		return true
	}
	if len(ws) == 0 {
		return false
	}
	n := len(ws)
	if engagementLine(f, ws) || timeAgoLine(f, ws) {
		return true
	}
	sentence := f.sentenceEnd() && f.terminal != ':' && n > 4
	// a paywall's counter: "You have 2 free articles left this month."
	if n <= 16 && hasNumber(ws) && hasWord(ws, "free") && (hasWord(ws, "articles") || hasWord(ws, "article") || hasWord(ws, "stories")) {
		return true
	}
	// a form's field: "Enter your email address"
	if n <= 5 && !f.sentenceEnd() && (hasWord(ws, "email") || hasWord(ws, "e-mail")) && (hasWord(ws, "your") || hasWord(ws, "enter") || hasWord(ws, "address")) {
		return true
	}
	// a reading time: "5 min read", "Reading time: 4 min."
	if n <= 4 && hasNumber(ws) && anyIn(ws, timeUnits) && (colonNear(s) || hasWord(ws, "read")) {
		return true
	}
	if n <= 5 && !sentence && anyIn(ws, ratingWords) {
		return true
	}
	if n <= 10 && !sentence && (anyIn(ws, loginWords) || hasPhrase(ws, "log", "in") || hasPhrase(ws, "sign", "in") || hasPhrase(ws, "sign", "up")) {
		return true
	}
	if shareFirst[ws[0]] && (n <= 4 || anyIn(ws[1:], socialNames)) && n <= 12 {
		return true
	}
	if countIn(ws, socialNames) >= 2 && n <= 14 && countIn(ws, socialNames)*3 >= n {
		return true
	}
	// "Label: headline" links, the headline possibly a question.
	if navLeads[ws[0]] && (n <= 3 && !sentence || colonNear(s) && (n <= 20 && !sentence || n <= 12 && (f.terminal == '?' || f.terminal == '!'))) {
		return true
	}
	if n <= 4 && !sentence && anyIn(ws, navNouns) {
		return true
	}
	if consentNotice(ws) {
		return true
	}
	// a status trailing off in an ellipsis ("Loading…")
	if n <= 4 && !f.sentBreak && (f.terminal == '…' || strings.HasSuffix(s, "...")) && !strings.ContainsFunc(s, isOpenQuote) {
		return true
	}
	return false
}

// consentNotice reports a cookie consent banner: "We use cookies to give
// you the best experience. Continue browsing if you are happy …".
func consentNotice(ws []string) bool {
	return len(ws) <= 60 && anyIn(ws, cookieWords) && countIn(ws, consentWords) >= 2
}

func hasPhrase(ws []string, a, b string) bool {
	for i := 0; i+1 < len(ws); i++ {
		if ws[i] == a && ws[i+1] == b {
			return true
		}
	}
	return false
}

// replyHeading reports the heading of a comment section or reply form.
func replyHeading(f *feats, ws []string) bool {
	if len(ws) >= 3 && f.terminal != '.' && hasNumber(ws[:1]) && formNouns[ws[1]] && (ws[2] == "on" || ws[2] == "to") {
		return true // "6 thoughts on “<the headline>”", "12 responses to …"
	}
	if len(ws) == 0 || len(ws) > 8 || f.terminal == '.' && len(ws) > 4 {
		return false
	}
	if !anyIn(ws, formNouns) {
		return false
	}
	return anyIn(ws, formVerbs) || hasNumber(ws[:1]) || len(ws) <= 2
}

// engagementLine reports a post's counter line ("12 likes", "3 people like this").
func engagementLine(f *feats, ws []string) bool {
	return len(ws) <= 6 && !f.sentenceEnd() && hasNumber(ws) && anyIn(ws, engageWords)
}

// timeAgoLine reports a relative time stamp ("2 hours ago").
func timeAgoLine(f *feats, ws []string) bool {
	if len(ws) > 7 || f.terminal == '.' && len(ws) > 3 {
		return false
	}
	for i := 1; i+1 < len(ws); i++ {
		if timeUnits[ws[i]] && ws[i+1] == "ago" && (hasNumber(ws[i-1:i]) || ws[i-1] == "a" || ws[i-1] == "an") {
			return true
		}
	}
	return false
}

// numberedPost reports a line opening with a list number ("1. ", "2) ").
func numberedPost(s string) bool {
	i := 0
	for i < len(s) && i < 3 && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return i > 0 && i+1 < len(s) && (s[i] == '.' || s[i] == ')') && s[i+1] == ' '
}

// contributors returns the names of an "X and Y contributed to this report"
// or "Reporting by X" credit line.
func contributors(s string, f *feats) []string {
	if f.words > 30 {
		return nil
	}
	// "(Reporting by …; Editing by …)", "— Reporting by …"
	s = strings.TrimLeft(s, "(—–- ")
	s = strings.TrimRight(s, ") ")
	ls := lower(s)
	var names string
	if i := strings.Index(ls, " contributed"); i > 0 && (strings.Contains(ls[i:], "report") || strings.Contains(ls[i:], "story") || strings.Contains(ls[i:], "article")) {
		names = s[:i]
	} else if strings.HasPrefix(ls, "reporting by ") || strings.HasPrefix(ls, "additional reporting by ") {
		names = s[strings.Index(ls, "by ")+3:]
		if j := strings.IndexAny(names, ";."); j >= 0 {
			names = names[:j]
		}
	} else {
		return nil
	}
	var out []string
	for _, part := range strings.Split(strings.ReplaceAll(names, ", and ", " and "), " and ") {
		for _, cut := range []string{" in ", " from ", " at "} {
			if j := strings.Index(part, cut); j >= 0 {
				part = part[:j]
			}
		}
		for _, n := range strings.Split(part, ",") {
			n = strings.TrimSpace(n)
			if nf := measure(n); nf.words >= 1 && nf.words <= 4 && nf.capWords == nf.words {
				out = append(out, n)
			} else if name := lastCapsRun(n); name != "" {
				out = append(out, name) // "Agency writer Ada Lind"
			}
		}
	}
	return out
}

// lastCapsRun is the run of two to four capitalised words ending s after
// a word in lower case ("Ada Lind" of "Agency writer Ada Lind"), or "".
func lastCapsRun(s string) string {
	w := strings.Fields(s)
	k := len(w)
	for k > 0 && len(w)-k < 4 {
		r, _ := utf8.DecodeRuneInString(w[k-1])
		if !unicode.IsUpper(r) {
			break
		}
		k--
	}
	if n := len(w) - k; n < 2 || k == 0 {
		return ""
	}
	if r, _ := utf8.DecodeRuneInString(w[k-1]); !unicode.IsLower(r) {
		return ""
	}
	return strings.Join(w[k:], " ")
}

// firstPerson reports prose in a forum voice: first-person singular
// pronouns are frequent.
func firstPerson(ws []string) bool {
	n := 0
	for _, w := range ws {
		switch w {
		case "i", "i'm", "i’m", "i've", "i’ve", "my", "me", "i'd", "i’d":
			n++
		}
	}
	return n >= 2 && n*12 >= len(ws)
}

// nameLike reports a short capitalised name (an outlet candidate);
// connectors may stand between its words ("Bureau of Reports").
func nameLike(s string) bool {
	f := measure(s)
	ws := lw(s)
	conn := 0
	var buf [12]string
	for _, w := range words(s, buf[:], 12) {
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsLower(r) && connectors[w] {
			conn++
		}
	}
	if f.words == 0 || f.words-conn > 4 || f.capWords+conn != f.words || !unicode.IsUpper(f.first) || f.letters*10 < f.nonSpace*7 {
		return false
	}
	return !anyIn(ws, navLeads) && !anyIn(ws, formNouns) && !anyIn(ws, loginWords) && !anyIn(ws, socialNames)
}

// titleCase rewrites all-capital words as capitalised ones ("NEW YORK" →
// "New York"); other words are left as written.
func titleCase(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	start := true
	for _, r := range s {
		if unicode.IsLetter(r) {
			if start {
				b.WriteRune(unicode.ToUpper(r))
			} else {
				b.WriteRune(unicode.ToLower(r))
			}
			start = false
		} else {
			b.WriteRune(r)
			start = r == ' ' || r == '-' || r == '.' || r == '/'
		}
	}
	return b.String()
}

func allCaps(s string) bool {
	n := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsUpper(r) {
			n++
		}
	}
	return n >= 2
}

// colonNear reports a colon within the first two words ("Read more: …").
func colonNear(s string) bool {
	i := strings.IndexByte(s, ':')
	return i > 0 && i <= 16 && strings.Count(s[:i], " ") <= 1
}

// quotedSentence reports a line holding a quoted sentence: sentence
// punctuation directly before a closing quotation mark.
func quotedSentence(s string) bool {
	prev := rune(0)
	for _, r := range s {
		if (r == '"' || r == '”' || r == '’' || r == '»') && (prev == '.' || prev == '!' || prev == '?' || prev == ',') {
			return true
		}
		prev = r
	}
	return false
}

// copyrightSign reports a "©" used as a sign, not inside a word (as in
// mis-decoded text, where "é" turns into "Ã©").
func copyrightSign(s string) bool {
	for i := strings.Index(s, "©"); i >= 0; {
		r, _ := utf8.DecodeLastRuneInString(s[:i])
		if i == 0 || !unicode.IsLetter(r) && !unicode.IsMark(r) {
			return true
		}
		j := strings.Index(s[i+1:], "©")
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return false
}

// rightsLine reports a copyright or terms footer line.
func rightsLine(f *feats, ws []string) bool {
	if len(ws) > 20 {
		// "Copyright 2026 The Agency. All Rights Reserved. This
		// material may not be published, …": the notice opens the line.
		return len(ws) <= 40 && ws[0] == "copyright" && hasNumber(ws[:3])
	}
	return hasWord(ws, "copyright") && (hasNumber(ws) || len(ws) <= 6) || hasPhrase(ws, "rights", "reserved") ||
		hasPhrase(ws, "droits", "réservés") || hasPhrase(ws, "rechte", "vorbehalten") || hasPhrase(ws, "derechos", "reservados") || hasPhrase(ws, "diritti", "riservati") ||
		hasPhrase(ws, "terms", "of") && (hasWord(ws, "use") || hasWord(ws, "service")) ||
		hasPhrase(ws, "privacy", "policy")
}

func hasWord(ws []string, w string) bool {
	for _, x := range ws {
		if x == w {
			return true
		}
	}
	return false
}

// masthead reports a line of short parts separated by " | " or " · "
// ("SITE NAME | Section", "Name | Est. 1900"): a site banner, not a title.
func masthead(s string) bool {
	sep := " | "
	if !strings.Contains(s, sep) {
		if sep = " · "; !strings.Contains(s, sep) {
			return false
		}
	}
	for _, part := range strings.Split(s, sep) {
		if countWords(part) > 4 {
			return false
		}
	}
	return true
}

// titlePart picks the headline out of "Headline | Site Name": the longest
// part of a line split on " | ", with its offset; the other parts are
// returned as site names.
func titlePart(s string) (title string, off int, others []string) {
	if !strings.Contains(s, " | ") {
		return s, 0, nil
	}
	parts := strings.Split(s, " | ")
	best, pos, bestPos := 0, 0, 0
	for i, p := range parts {
		if len(p) > len(parts[best]) {
			best, bestPos = i, pos
		}
		pos += len(p) + len(" | ")
	}
	for i, p := range parts {
		if i != best {
			others = append(others, strings.TrimSpace(p))
		}
	}
	t := parts[best]
	lead := len(t) - len(strings.TrimLeft(t, " "))
	return strings.TrimSpace(t), bestPos + lead, others
}

// menuItem reports a one- or two-word capitalised line without
// punctuation or digits: an entry of a menu when several come in a row.
func menuItem(s string, f *feats) bool {
	if f.words == 0 || f.words > 2 || f.digits > 0 || !unicode.IsUpper(f.first) || !unicode.IsLetter(f.terminal) {
		return false
	}
	return f.letters*10 >= f.nonSpace*8 && bylineName(s) == ""
}

// navSeps are the separators of navigation lists; the arrows mark
// breadcrumbs, which need only two parts.
var navSeps = []struct {
	sep   string
	parts int
}{{" | ", 3}, {" / ", 3}, {" › ", 2}, {" > ", 2}, {" » ", 2}, {" → ", 2}}

// navLine reports a menu or breadcrumb line: short capitalised items
// separated by "|", "/" or an arrow, and no sentence or date.
func navLine(s string, f *feats) bool {
	if f.words < 2 || f.words > 24 || f.sentenceEnd() {
		return false
	}
	if wideMenu(s) {
		return true
	}
	for _, ns := range navSeps {
		if strings.Count(s, ns.sep)+1 < ns.parts {
			continue
		}
		ok := true
		for _, part := range strings.Split(s, ns.sep) {
			part = strings.TrimSpace(part)
			r, _ := utf8.DecodeRuneInString(part)
			if n := countWords(part); n == 0 || n > 3 || !(unicode.IsUpper(r) || unicode.IsDigit(r)) {
				ok = false
				break
			}
		}
		if ok {
			_, _, date := ParseDate(s)
			return !date
		}
	}
	return false
}

// wideMenu reports a menu whose items are set apart by runs of spaces or
// tabs, as text taken from a page's header keeps them ("Home   About
// Archive   Contact"): three or more capitalised items of at most four
// words, most of them of one or two, or two items three spaces apart.
func wideMenu(s string) bool {
	if !strings.Contains(s, "  ") && !strings.Contains(s, "\t") {
		return false
	}
	parts, short, gap := 0, 0, len(s)
	for rest := s; rest != ""; {
		i := strings.Index(rest, "  ")
		if j := strings.IndexByte(rest, '\t'); j >= 0 && (i < 0 || j < i) {
			i = j
		}
		part := rest
		if i >= 0 {
			part = rest[:i]
			next := strings.TrimLeft(rest[i:], " \t")
			gap = min(gap, len(rest)-i-len(next))
			rest = next
		} else {
			rest = ""
		}
		// a menu icon may open it: "≡ Sections"
		if part = strings.TrimLeftFunc(strings.TrimSpace(part), func(r rune) bool { return unicode.IsSymbol(r) || unicode.IsSpace(r) }); part == "" {
			continue
		}
		r, _ := utf8.DecodeRuneInString(part)
		n := countWords(part)
		if n > 4 || !unicode.IsUpper(r) || strings.ContainsAny(part, "!?") || n > 1 && strings.Contains(part, ".") {
			return false // but "U.S." is an item
		}
		parts++
		if n <= 2 {
			short++
		}
	}
	// Two items need a wide gap: "Gift this article   Save for later".
	return parts >= 3 && short*2 > parts || parts == 2 && gap >= 3
}

// menuTail reports a line that ends in a menu of links: "… with the
// headline: X. Order Reprints | Today's Paper | Subscribe". No paragraph
// of an article ends in three or more short capitalised items between bars.
func menuTail(s string) bool {
	if strings.Count(s, " | ") < 2 {
		return false
	}
	// the menu starts after the paragraph's last sentence
	bar := strings.Index(s, " | ")
	if k := strings.LastIndexAny(s[:bar], ".:;!?"); k >= 0 {
		s = strings.TrimSpace(s[k+1:])
	}
	f := measure(s)
	return navLine(s, &f)
}

// readerPrompt reports a short question put to the reader ("What did you
// think of this story?"); followed by a widget it belongs to the widget.
func readerPrompt(f *feats, ws []string) bool {
	if f.terminal != '?' || len(ws) > 12 || len(ws) < 2 {
		return false
	}
	return hasWord(ws, "you") || hasWord(ws, "your") || anyIn(ws, ratingWords)
}

// photoCaption reports a caption-shaped line: a sentence of at most 40
// words, no quotation, ending with a date ("… in the capital, 12 March
// 2025.").
func photoCaption(s string, f *feats) bool {
	if f.words < 4 || f.words > 40 || strings.ContainsAny(s, "\"“”«»„") {
		return false
	}
	_, sp, ok := ParseDate(s)
	return ok && strings.TrimRight(s[sp.End:], " .)") == ""
}

// captionSentence reports an undated caption: one sentence of 4 to 30
// words, no quotation, not opening with a dateline.
func captionSentence(s string, f *feats) bool {
	if f.words < 4 || f.words > 30 || f.sentBreak || strings.ContainsAny(s, "\"“”«»„") {
		return false
	}
	_, dl := parseDateline(s)
	return !dl
}

// endMarker returns where a wire copy's end marker starts in a
// paragraph ("… on Monday.(end)"): a parenthesised single word in one case
// right after the closing punctuation; -1 when there is none.
func endMarker(s string) int {
	if len(s) < 4 || s[len(s)-1] != ')' {
		return -1
	}
	k := strings.LastIndexByte(s, '(')
	if k <= 0 || len(s)-k > 12 {
		return -1
	}
	inner := s[k+1 : len(s)-1]
	if len(inner) < 2 || !(allASCIILetters(inner) && (lower(inner) == inner || allCaps(inner))) {
		return -1
	}
	switch r := lastRune(strings.TrimRight(s[:k], " ")); r {
	case '.', '!', '?':
		return k
	}
	r, _ := utf8.DecodeLastRuneInString(strings.TrimRight(s[:k], " "))
	if closer(r) {
		return k
	}
	return -1
}

func allASCIILetters(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isASCIILetter(s[i]) {
			return false
		}
	}
	return true
}

// hasLowerWord reports a word starting with a lower-case letter.
func hasLowerWord(s string) bool {
	var buf [8]string
	for _, w := range words(s, buf[:], 8) {
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsLower(r) {
			return true
		}
	}
	return false
}
