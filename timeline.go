package parallax

// Precisions of a TimelineEntry's date.
const (
	PrecisionDay    = "day"    // Date is YYYY-MM-DD
	PrecisionWeek   = "week"   // Date is the Monday starting the week
	PrecisionMonth  = "month"  // Date is YYYY-MM
	PrecisionYear   = "year"   // Date is YYYY
	PrecisionDecade = "decade" // Date is the decade's first year, YYYY
)

// Flags on a TimelineEntry where the article disagrees with itself.
const (
	// FlagWeekdayMismatch: a weekday named next to a stated date that falls
	// on another day ("February 1 … said Thursday", a Tuesday).
	FlagWeekdayMismatch = "weekday-mismatch"
	// FlagPageDateAfter: the page's own date (Meta["page_date"]) is weeks
	// after the happening the article reports as news.
	FlagPageDateAfter = "page-date-after-event"
)

// TimelineEntry is one dated happening an article mentions: the sentence,
// the temporal expression and the date it resolves to against the
// article's publication date.
type TimelineEntry struct {
	// Date is "YYYY-MM-DD", "YYYY-MM" or "YYYY" as Precision says.
	Date      string `json:"date"`
	Precision string `json:"precision"`
	// End closes a range ("January 10 to 13"), at the same precision.
	End string `json:"end,omitempty"`
	// Text is the sentence, Expr the temporal expression as written and
	// Span where Expr lies in Article.Raw.
	Text    string `json:"text"`
	Expr    string `json:"expr"`
	Span    Span   `json:"span"`
	Article int64  `json:"article"`
	// Flag is "" or comma-separated Flag* values.
	Flag string `json:"flag,omitempty"`
}

// TimelineGroup is one dated happening across the articles of a story:
// entries with the same date that tell of the same thing.
type TimelineGroup struct {
	Date      string          `json:"date"`
	Precision string          `json:"precision"`
	End       string          `json:"end,omitempty"`
	Text      string          `json:"text"` // a representative sentence
	Articles  []int64         `json:"articles"`
	Entries   []TimelineEntry `json:"entries"`
	Flags     []string        `json:"flags,omitempty"`
}
