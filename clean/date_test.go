package clean_test

import (
	"testing"
	"time"
	"unicode/utf8"

	"github.com/parallax-news/parallax/clean"
)

func TestParseDate(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string
		span string // the text the span must cover; "" = want itself
		ok   bool
	}{
		{name: "month day year", in: "December 23, 2021", want: "2021-12-23", ok: true},
		{name: "day month year", in: "Posted 23 December 2021 by staff", want: "2021-12-23", span: "23 December 2021", ok: true},
		{name: "abbreviated month with dot", in: "Dec. 23, 2021", want: "2021-12-23", ok: true},
		{name: "sept abbreviation", in: "Sept. 9, 2013", want: "2013-09-09", ok: true},
		{name: "ordinal day", in: "on the 3rd of March, 2024", want: "2024-03-03", span: "3rd of March, 2024", ok: true},
		{name: "month ordinal", in: "June 1st 2019", want: "2019-06-01", ok: true},
		{name: "dotted day month year", in: "Macron and Putin - Agency, 1920, 07.02.2022", want: "2022-02-07", span: "07.02.2022", ok: true},
		{name: "iso", in: "2022-06-21 0 By", want: "2022-06-21", span: "2022-06-21", ok: true},
		{name: "slashed iso", in: "2022/06/21", want: "2022-06-21", ok: true},
		{name: "weekday and time", in: "Thursday, 23 Dec 2021 10:04 GMT", want: "2021-12-23", span: "23 Dec 2021", ok: true},
		{name: "rfc3339", in: "published 2021-12-23T10:04:05+03:00.", want: "2021-12-23", span: "2021-12-23T10:04:05+03:00", ok: true},
		{name: "rfc3339 utc", in: "2021-12-23T10:04:05Z", want: "2021-12-23", ok: true},
		{name: "day first slashes", in: "23/12/2021", want: "2021-12-23", ok: true},
		{name: "month first slashes when day first is impossible", in: "12/23/2021", want: "2021-12-23", ok: true},
		{name: "ambiguous slashes read day first", in: "03/04/2020", want: "2020-04-03", ok: true},
		{name: "spanish", in: "Valdemora, 14 de octubre de 2025 - 08:15 h", want: "2025-10-14", span: "14 de octubre de 2025", ok: true},
		{name: "portuguese with a cedilla", in: "Lisboa, 3 de março de 2024", want: "2024-03-03", span: "3 de março de 2024", ok: true},
		{name: "german day with a dot", in: "Berlin, 7. Februar 2022", want: "2022-02-07", span: "7. Februar 2022", ok: true},
		{name: "french accented month", in: "le 12 février 2022", want: "2022-02-12", span: "12 février 2022", ok: true},
		{name: "month name among other words", in: "mayo 2024, 5 de", ok: false},
		{name: "ten-letter month", in: "14 de septiembre de 2025", want: "2025-09-14", ok: true},
		{name: "three-letter month of another language", in: "Berlin, 15. Mai 2021", want: "2021-05-15", span: "15. Mai 2021", ok: true},
		{name: "leap day", in: "29 February 2024", want: "2024-02-29", ok: true},
		{name: "no leap day", in: "29 February 2023", ok: false},
		{name: "bad month", in: "2022-13-01", ok: false},
		{name: "year alone", in: "Agency International, 1920", ok: false},
		{name: "month and day only", in: "Moscow, February 1", ok: false},
		{name: "clock time", in: "10:04 GMT", ok: false},
		{name: "version number", in: "release 1.2.2022.5", ok: false},
		{name: "empty", in: "", ok: false},
		{name: "first of two", in: "Updated March 3, 2020; first published March 1, 2020", want: "2020-03-03", span: "March 3, 2020", ok: true},
		{name: "unicode around", in: "— 5 мая / May 5, 2021 —", want: "2021-05-05", span: "May 5, 2021", ok: true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, sp, ok := clean.ParseDate(tc.in)
			if ok != tc.ok || got != tc.want {
				t.Fatalf("ParseDate(%q) = %q, %v; want %q, %v", tc.in, got, ok, tc.want, tc.ok)
			}
			if !ok {
				return
			}
			want := tc.span
			if want == "" {
				want = tc.in
			}
			if sp.In(tc.in) != want {
				t.Errorf("span covers %q, want %q", sp.In(tc.in), want)
			}
		})
	}
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"December 23, 2021", "07.02.2022", "2022-06-21T10:00:00Z", "23rd of Dec., 2021",
		"12/31/1999", "Thursday, 23 Dec 2021 10:04 GMT", "", "May", "2022-06-", "31.04.2020", "2020-02-30T"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, sp, ok := clean.ParseDate(s)
		if !ok {
			if d != "" || sp.Start != 0 || sp.End != 0 {
				t.Fatalf("ParseDate(%q) not ok but returned %q %v", s, d, sp)
			}
			return
		}
		if !sp.Valid(len(s)) {
			t.Fatalf("ParseDate(%q): span %v out of bounds", s, sp)
		}
		if _, err := time.Parse("2006-01-02", d); err != nil {
			t.Fatalf("ParseDate(%q) = %q, not a valid date: %v", s, d, err)
		}
		if utf8.ValidString(s) && !utf8.ValidString(sp.In(s)) {
			t.Fatalf("ParseDate(%q): span %v splits a character", s, sp)
		}
		// The span alone must read as the same date.
		if d2, _, ok2 := clean.ParseDate(sp.In(s)); !ok2 || d2 != d {
			t.Fatalf("ParseDate(%q) = %q from %q, which alone reads %q %v", s, d, sp.In(s), d2, ok2)
		}
	})
}
