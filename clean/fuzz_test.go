package clean_test

import (
	"testing"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/clean"
)

func FuzzClean(f *testing.F) {
	for _, s := range []string{harborLedger, disqusThread, cyrillicStray, numberedComments, wrapped,
		singleNewlines, dateConflict, qaAndQuestions, menuPortal, breadcrumbRepost, agencyCopy, acronymConnector,
		captionAbove, plainCredit, "Said so.(end)", "T\n\nA b c d e f g h i.(x)\n", "", "\n", "a", "By \n\n1. \n© ", "MOSCOW —",
		"Title\n\n\u00a0\u200b\n\nBody text here, said he.\n", "X, (Y) -\xff\xfe", "  1. x\n  2. y\n3 likes"} {
		f.Add(s)
	}
	c := clean.New(clean.Options{})
	f.Fuzz(func(t *testing.T, s string) {
		a, err := c.Clean(&parallax.Record{Text: s})
		if err != nil {
			t.Fatal(err)
		}
		checkInvariants(t, a)
	})
}
