package quote_test

import (
	"fmt"
	"strings"
	"testing"

	parallax "github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/quote"
)

// want describes one expected quote: its kind, text, cue and speaker mention.
type want struct {
	kind    parallax.QuoteKind
	text    string
	cue     string
	speaker string
}

func TestExtract(t *testing.T) {
	cases := []struct {
		name string
		raw  string
		want []want
	}{
		{
			name: "curly quote, speaker after",
			raw:  "Headline\n\n“We have let them know that expansion is unacceptable,” Putin said.",
			want: []want{{parallax.Direct, "We have let them know that expansion is unacceptable,", "said", "Putin"}},
		},
		{
			name: "inverted cue, adverb not adjacent",
			raw:  "Headline\n\n\"Is it us who are putting missiles near the borders?\" said the Russian leader angrily.",
			want: []want{{parallax.Direct, "Is it us who are putting missiles near the borders?", "said", "the Russian leader"}},
		},
		{
			name: "guillemets spaced as in French",
			raw:  "Headline\n\n« The canal stays open », declared the minister. « We will not close it. »",
			want: []want{
				{parallax.Direct, "The canal stays open", "declared", "the minister"},
				{parallax.Direct, "We will not close it.", "declared", "the minister"},
			},
		},
		{
			name: "embedded post, signature closing its paragraph",
			raw:  "Headline\n\nThe minister took to social media at noon.\n\n<tweet id=\"7\">Ports must reopen today. No talks under threat. pic.twitter.com/Ab12Cd — Dario Kesh (@DarioKesh) March 4, 2025</tweet>.",
			want: []want{{parallax.Direct, "Ports must reopen today. No talks under threat.", "—", "Dario Kesh"}},
		},
		{
			name: "embedded post, signature on the next line",
			raw:  "Headline\n\nWe will stay out until the offer is on the table, he said. https://t.co/x1\n– Velmar Dockers Union (@VelmarDockers) 4 March 2025\n\nShipping firms counted the cost.",
			want: []want{{parallax.Direct, "We will stay out until the offer is on the table, he said.", "–", "Velmar Dockers Union"}},
		},
		{
			name: "a credit with a handle signs nothing",
			raw:  "Headline\n\nThe port stayed shut for a third day.\n— Reporting by Lena Ortiz (@lortiz)",
			want: nil,
		},
		{
			name: "a plural noun before an auxiliary is no cue",
			raw:  "Headline\n\nThe union leader said this morning that talks had collapsed. His remarks were brief.",
			want: []want{{parallax.Indirect, "that talks had collapsed", "said", "The union leader"}},
		},
		{
			name: "an abbreviated month before a day ends no sentence",
			raw:  "Headline\n\nThe supervisor warned his managers on Jan. 12 that the pumps were failing.",
			want: []want{{parallax.Indirect, "that the pumps were failing", "warned", "The supervisor"}},
		},
		{
			name: "a cue in -s before an auxiliary in a relative clause",
			raw:  "Headline\n\nIt is a plan which the minister says will fail.",
			want: []want{{parallax.Indirect, "will fail", "says", "the minister"}},
		},
		{
			name: "adjacent adverb joins the cue",
			raw:  "Headline\n\n\"Is it us who are putting missiles near the borders?\" Putin said angrily.",
			want: []want{{parallax.Direct, "Is it us who are putting missiles near the borders?", "said angrily", "Putin"}},
		},
		{
			name: "speaker before with colon",
			raw:  "Headline\n\nAsked about guarantees, Putin snapped in response: “It’s you who must give us guarantees, now.”",
			want: []want{
				{parallax.Indirect, "guarantees", "Asked", ""}, // the question put to him, a weak attribution
				{parallax.Direct, "It’s you who must give us guarantees, now.", "snapped", "Putin"},
			},
		},
		{
			name: "cue ending the paragraph before",
			raw:  "Headline\n\nMr Putin continued:\n\n“What would the Americans think if we put missiles on their border?”",
			want: []want{{parallax.Direct, "What would the Americans think if we put missiles on their border?", "continued", "Mr Putin"}},
		},
		{
			name: "quote running over paragraphs",
			raw:  "Headline\n\n“Our actions will depend on the security of Russia,” Mr Putin said. “Today and tomorrow.\n\n“Any further movement east is unacceptable.”\n\nThe talks start next month.",
			want: []want{
				{parallax.Direct, "Our actions will depend on the security of Russia,", "said", "Mr Putin"},
				{parallax.Direct, "Today and tomorrow.\n\nAny further movement east is unacceptable.", "said", "Mr Putin"},
			},
		},
		{
			name: "German and French marks",
			raw:  "Titel\n\n„Wir wollen keinen Krieg in Europa“, sagte Scholz. Macron said: «Nous voulons la paix en Europe.»",
			want: []want{
				{parallax.Direct, "Wir wollen keinen Krieg in Europa", "", ""},
				{parallax.Direct, "Nous voulons la paix en Europe.", "said", "Macron"},
			},
		},
		{
			name: "headline with single quotes",
			raw:  "Putin to the West: ‘It is not us who threaten anyone’\n\nThe Russian leader held his annual news conference on Thursday.",
			want: []want{{parallax.Direct, "It is not us who threaten anyone", ":", "Putin"}},
		},
		{
			name: "scare quote is no quotation",
			raw:  "Headline\n\nTroops massed near the border before the “invasion” began in the east.",
			want: nil,
		},
		{
			name: "mixed: reported speech with a quoted word",
			raw:  "Headline\n\nMr Putin said that NATO had \"fooled\" Russia by expanding east.",
			want: []want{{parallax.Mixed, "that NATO had \"fooled\" Russia by expanding east", "said", "Mr Putin"}},
		},
		{
			name: "indirect with that",
			raw:  "Headline\n\nUkraine's foreign ministry spokesman Oleg Nikolenko said Thursday that the claim is untrue.",
			want: []want{{parallax.Indirect, "that the claim is untrue", "said", "Ukraine's foreign ministry spokesman Oleg Nikolenko"}},
		},
		{
			name: "inverted indirect",
			raw:  "Headline\n\nRussia cannot keep living under the threat of Western weapons, Putin said.",
			want: []want{{parallax.Indirect, "Russia cannot keep living under the threat of Western weapons", "said", "Putin"}},
		},
		{
			name: "according to",
			raw:  "Headline\n\nThe talks will start in January, according to the foreign ministry.",
			want: []want{{parallax.Indirect, "The talks will start in January", "according to", "the foreign ministry"}},
		},
		{
			name: "appositive speaker",
			raw:  "Headline\n\nJohn Smith, a spokesman for the campaign, said the senator would not attend.",
			want: []want{{parallax.Indirect, "the senator would not attend", "said", "John Smith"}},
		},
		{
			name: "unbalanced mark stays in its paragraph",
			raw:  "Headline\n\n“We will respond to any threat,” he said. “This is our line\n\nThe exercises ended on Friday.",
			want: []want{
				{parallax.Direct, "We will respond to any threat,", "said", "he"},
				{parallax.Direct, "This is our line", "said", "he"},
			},
		},
		{
			name: "opened with a closing mark",
			raw:  "Headline\n\n”We are not threatening anybody at all,” the president said.",
			want: []want{{parallax.Direct, "We are not threatening anybody at all,", "said", "the president"}},
		},
		{
			name: "double apostrophes as marks",
			raw:  "Headline\n\n''Good economic news is bad political news for them,'' said Geoff Garin, a pollster.",
			want: []want{{parallax.Direct, "Good economic news is bad political news for them,", "said", "Geoff Garin"}},
		},
		{
			name: "nested single marks",
			raw:  "Headline\n\n“They told us ‘not one inch’ and then kept expanding,” he said.",
			want: []want{{parallax.Direct, "They told us ‘not one inch’ and then kept expanding,", "said", "he"}},
		},
		{
			name: "bare quoted paragraph continues the speaker",
			raw:  "Headline\n\nThe minister said the talks were over.\n\n“We have nothing more to discuss with them.”",
			want: []want{
				{parallax.Indirect, "the talks were over", "said", "The minister"},
				{parallax.Direct, "We have nothing more to discuss with them.", "said", "The minister"},
			},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := extract(tc.raw)
			if len(got) != len(tc.want) {
				for _, q := range got {
					t.Logf("got %s %q cue=%q spk=%q", q.Kind, q.Text, q.Cue, q.Speaker.Mention)
				}
				t.Fatalf("got %d quotes, want %d", len(got), len(tc.want))
			}
			for i, w := range tc.want {
				q := got[i]
				if q.Kind != w.kind || q.Text != w.text || (w.cue != "" && q.Cue != w.cue) || (w.speaker != "" && q.Speaker.Mention != w.speaker) {
					t.Errorf("quote %d = %s %q cue=%q spk=%q; want %s %q cue=%q spk=%q",
						i, q.Kind, q.Text, q.Cue, q.Speaker.Mention, w.kind, w.text, w.cue, w.speaker)
				}
				if !strings.Contains(w.text, "\n") && tc.raw[q.Span.Start:q.Span.End] != q.Text {
					t.Errorf("quote %d: Text %q is not Raw[Span] %q", i, q.Text, tc.raw[q.Span.Start:q.Span.End])
				}
			}
		})
	}
}

// TestInterviewTurns: a labelled turn is its speaker's words to the end of
// the paragraph, speech reported inside it is still found, and "I" in it
// is the speaker, not the person quoted just before.
func TestInterviewTurns(t *testing.T) {
	raw := "Bridge survivor on the night\n\nThe interview was edited for length.\n\n" +
		"Mara Quist: Where were you that night?\n\n" +
		"Tomas Brandt: At home. My neighbour Ivo Lenk told me, \"The bridge is gone.\" Then I said it could not be true.\n\n" +
		"Quist: And then?\n\nBrandt: I ran to the river."
	want := []named{
		{parallax.Direct, "Where were you that night", "Mara Quist"},
		{parallax.Direct, "At home. My neighbour Ivo Lenk told me, \"The bridge is gone.\" Then I said it could not be true", "Tomas Brandt"},
		{parallax.Direct, "The bridge is gone.", "Ivo Lenk"},
		{parallax.Indirect, "it could not be true", "Tomas Brandt"},
		{parallax.Direct, "And then", "Mara Quist"},
		{parallax.Direct, "I ran to the river", "Tomas Brandt"},
	}
	checkNamed(t, extract(raw), want)
}

// TestTranscriptTurns: a label in capitals names the person the
// introduction calls by their surname; a paragraph with no label goes on
// with the turn before it until a bracketed note; a question is its
// asker's; and a third-person nominal in a turn is not the turn's own
// speaker.
func TestTranscriptTurns(t *testing.T) {
	raw := "TRANSCRIPT: Minister Ada Grell on the harbour strike\n\n" +
		"The following is a transcript of a press conference given by the Labour Minister, Ada Grell.\n\n" +
		"MINISTER GRELL: Good afternoon. The harbour has been shut for a week.\n\n" +
		"Let me be clear. We will not legislate the strike away.\n\n" +
		"Q (Tom Vale, The Courier): The union leader said this morning that talks had collapsed. Is that so?\n\n" +
		"MINISTER GRELL: No. Talks resume tomorrow.\n\n" +
		"[Transcript ends]\n\n" +
		"Officials said the harbour would reopen."
	want := []named{
		{parallax.Direct, "Good afternoon. The harbour has been shut for a week", "Ada Grell"},
		{parallax.Direct, "Let me be clear. We will not legislate the strike away", "Ada Grell"},
		{parallax.Direct, "The union leader said this morning that talks had collapsed. Is that so", "Tom Vale"},
		{parallax.Indirect, "that talks had collapsed", "The union leader"},
		{parallax.Direct, "No. Talks resume tomorrow", "Ada Grell"},
		{parallax.Indirect, "the harbour would reopen", "Officials"},
	}
	checkNamed(t, extract(raw), want)
}

// TestConcurrent: one Extractor serves several goroutines with the same
// results as a sequential run.
func TestConcurrent(t *testing.T) {
	raws := []string{
		"Headline\n\n“We will respond,” Putin said. “Today.\n\n“Tomorrow.”",
		"Headline\n\nThe minister said the talks were over, according to the ministry.",
		"Headline\n\n''Good news for us,'' said Mr. Smith. He added that he was happy.",
	}
	want := make([][]parallax.Quote, len(raws))
	for i, r := range raws {
		want[i] = extractor.Extract(doc(r))
	}
	done := make(chan error)
	for g := 0; g < 4; g++ {
		go func() {
			var err error
			for n := 0; n < 50; n++ {
				i := n % len(raws)
				got := extractor.Extract(doc(raws[i]))
				if len(got) != len(want[i]) {
					err = fmt.Errorf("doc %d: %d quotes, want %d", i, len(got), len(want[i]))
					break
				}
				for j := range got {
					if got[j] != want[i][j] {
						err = fmt.Errorf("doc %d quote %d differs", i, j)
					}
				}
			}
			done <- err
		}()
	}
	for g := 0; g < 4; g++ {
		if err := <-done; err != nil {
			t.Error(err)
		}
	}
}

func TestSpeechOnly(t *testing.T) {
	raw := "Headline\n\nThe senator believes that the bill will pass. She said the vote is on Friday."
	cases := []struct {
		name string
		opt  quote.Options
		cues []string
	}{
		{"default keeps beliefs", quote.Options{}, []string{"believes", "said"}},
		{"speech only", quote.Options{SpeechOnly: true}, []string{"said"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var cues []string
			for _, q := range quote.New(tc.opt).Extract(doc(raw)) {
				cues = append(cues, q.Cue)
			}
			if strings.Join(cues, ",") != strings.Join(tc.cues, ",") {
				t.Errorf("cues %v, want %v", cues, tc.cues)
			}
		})
	}
}
