package clean

import (
	"context"
	"fmt"
	"os"
	"testing"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/ingest"
)

func TestZZDebug(t *testing.T) {
	dir := os.Getenv("DBG")
	if dir == "" {
		t.Skip()
	}
	c := New(Options{})
	ingest.Walk(context.Background(), []string{dir}, ingest.Options{}, func(rec *parallax.Record, err error) error {
		if rec == nil {
			return nil
		}
		a, _ := c.Clean(rec)
		fmt.Printf("##### %s rec.title=%q rec.outlet=%q rec.pub=%q\n", rec.Source, rec.Title, rec.Outlet, rec.Published)
		fmt.Printf("  TITLE=%q OUTLET=%q PUB=%q DL=%q BY=%q META=%v\n", a.Title, a.Outlet, a.Published, a.Dateline, a.Byline, a.Meta)
		d := &doc{raw: rec.Text, first: -1}
		d.units = splitUnits(rec.Text)
		_ = d
		for _, r := range a.Removed {
			s := rec.Text[r.Span.Start:r.Span.End]
			if len(s) > 100 {
				s = s[:100]
			}
			fmt.Printf("  - %-10s %q\n", r.Reason, s)
		}
		for _, p := range a.Paragraphs {
			s := rec.Text[p.Start:p.End]
			if len(s) > 90 {
				s = s[:90]
			}
			fmt.Printf("  + %q\n", s)
		}
		return nil
	})
}
