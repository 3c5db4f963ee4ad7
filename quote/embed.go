package quote

import (
	"strings"
	"unicode"
	"unicode/utf8"

	parallax "github.com/parallax-news/parallax"
)

// A post embedded from a social network ends with its author's signature,
// as the networks' embed code prints it: "— Display Name (@handle) July 5,
// 2016". The post is the author's words, a direct quotation with the dash
// for its cue. The signature closes the post's paragraph or, where the page
// set it on a line of its own, follows it.

// embed returns paragraph p as a post embedded with its signature, or
// false. A paragraph that is only a signature yields nothing either way:
// the paragraph before it was the post.
func (r *run) embed(p int) (c cand, isPost, isSig bool) {
	info := r.paras[p]
	if sig, ok := signature(r.raw, info.lo, info.hi); ok {
		if sig.content.Empty() {
			return cand{}, false, true
		}
		return sig.cand(), true, false
	}
	if p+1 >= len(r.paras) {
		return cand{}, false, false
	}
	next := r.paras[p+1]
	sig, ok := signature(r.raw, next.lo, next.hi)
	if !ok || !sig.content.Empty() {
		return cand{}, false, false
	}
	sig.content = postText(r.raw, info.lo, info.hi)
	if sig.content.Empty() {
		return cand{}, false, false
	}
	return sig.cand(), true, false
}

// embedSig is a signature found: the dash, the author's name and the post
// before them in the same paragraph (empty when the signature stands
// alone).
type embedSig struct {
	dash, name, content parallax.Span
}

func (s embedSig) cand() cand {
	return cand{kind: parallax.Direct, span: s.content, cue: s.dash, spk: s.name, conf: 0.8, chain: -1, post: true}
}

// signature reports whether raw[lo:hi] ends with an embed signature.
func signature(raw string, lo, hi int) (embedSig, bool) {
	e := trimTail(raw, lo, hi)
	// An optional date after the handle: short, with a digit in it.
	paren := strings.LastIndexByte(raw[lo:e], ')')
	if paren < 0 {
		return embedSig{}, false
	}
	paren += lo
	if date := strings.TrimSpace(raw[paren+1 : e]); len(date) > 40 || date != "" && !strings.ContainsAny(date, "0123456789") || strings.ContainsAny(date, "()\"“”;!?") {
		return embedSig{}, false
	}
	// "(@handle)"
	h := paren
	for h > lo && handleByte(raw[h-1]) {
		h--
	}
	if h == paren || h-2 < lo || raw[h-1] != '@' || raw[h-2] != '(' || paren-h > 60 {
		return embedSig{}, false
	}
	nameEnd := h - 2
	for nameEnd > lo && raw[nameEnd-1] == ' ' {
		nameEnd--
	}
	if nameEnd == h-2 {
		return embedSig{}, false // the name is set apart by a space
	}
	// The name, back to the dash that opens the signature.
	dashStart, dashEnd := -1, -1
	for i := nameEnd - 1; i >= lo && nameEnd-i <= 80; i-- {
		c := raw[i]
		if c == '\n' {
			break
		}
		if c != ' ' {
			continue
		}
		// raw[i] is the space after a possible dash.
		for _, d := range []string{"—", "–", "-"} {
			if strings.HasSuffix(raw[lo:i], d) {
				s := i - len(d)
				if s == lo || raw[s-1] == ' ' || raw[s-1] == '\n' || raw[s-1] == '\t' {
					dashStart, dashEnd = s, i
				}
				break
			}
		}
		if dashStart >= 0 {
			break
		}
	}
	if dashStart < 0 || !displayName(raw[dashEnd+1:nameEnd]) {
		return embedSig{}, false
	}
	sig := embedSig{
		dash: parallax.Span{Start: dashStart, End: dashEnd},
		name: parallax.Span{Start: dashEnd + 1, End: nameEnd},
	}
	sig.content = postText(raw, lo, dashStart)
	return sig, true
}

// postText is a post's words in raw[lo:hi]: without a markup tag opening
// it and without the links and white space that end it.
func postText(raw string, lo, hi int) parallax.Span {
	for lo < hi && isSpaceByte(raw[lo]) {
		lo++
	}
	if lo < hi && raw[lo] == '<' {
		if k := strings.IndexByte(raw[lo:hi], '>'); k >= 0 {
			lo += k + 1
		}
	}
	for {
		for hi > lo && isSpaceByte(raw[hi-1]) {
			hi--
		}
		w := strings.LastIndexAny(raw[lo:hi], " \n\t") + 1 + lo
		if w >= hi || !isLink(raw[w:hi]) {
			break
		}
		hi = w
	}
	for lo < hi && isSpaceByte(raw[lo]) {
		lo++
	}
	if hi <= lo {
		return parallax.Span{}
	}
	return parallax.Span{Start: lo, End: hi}
}

// trimTail is hi less the white space, full stops and closing markup tags
// that end raw[lo:hi].
func trimTail(raw string, lo, hi int) int {
	for hi > lo {
		switch c := raw[hi-1]; {
		case isSpaceByte(c) || c == '.':
			hi--
		case c == '>':
			k := strings.LastIndexByte(raw[lo:hi], '<')
			if k < 0 || k+lo+1 >= hi || raw[k+lo+1] != '/' {
				return hi
			}
			hi = k + lo
		default:
			return hi
		}
	}
	return hi
}

// isLink reports whether w is a web address, as a post's attachments are
// printed ("pic.twitter.com/…", "https://t.co/…").
func isLink(w string) bool {
	return strings.Contains(w, "://") || strings.HasPrefix(w, "www.") ||
		strings.Contains(w, ".com/") || strings.HasPrefix(w, "t.co/")
}

func handleByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '.'
}

// displayName reports whether s reads as a person's or an organisation's
// name: one to eight words, the first capitalised, lower-case words only
// the short ones names join with, and no sentence punctuation.
func displayName(s string) bool {
	words := strings.Fields(s)
	if len(words) == 0 || len(words) > 8 || strings.ContainsAny(s, ":;!?\"“”()") {
		return false
	}
	for i, w := range words {
		c, _ := utf8.DecodeRuneInString(w)
		if unicode.IsUpper(c) || unicode.IsDigit(c) {
			continue
		}
		if i == 0 || !nameJoiners[w] {
			return false
		}
	}
	return true
}

var nameJoiners = set("of the and for de da del der van von al bin la le du y e &")

// lastWord is the last space-separated word of s.
func lastWord(s string) string { return s[strings.LastIndexByte(s, ' ')+1:] }
