package quote_test

import (
	"strings"
	"testing"

	parallax "github.com/parallax-news/parallax"
)

// TestRomance: Spanish, Portuguese and French attributions read with
// their own words: a quotation and the cue after it, a subject with a
// name in apposition before "que", "según"/"selon", a hearer after the
// cue, a fronted phrase, and someone unnamed.
func TestRomance(t *testing.T) {
	type q struct {
		kind            parallax.QuoteKind
		text, cue, name string
	}
	cases := []struct {
		lang, raw string
		want      []q
	}{
		{"es", "Titular\n\n«No aceptaremos provocaciones», dijo la ministra de Exteriores, Ana Ruiz, en Madrid.\n\n" +
			"El portavoz del Gobierno, Luis Mora, aseguró que la embajada había sido advertida «dos veces».\n\n" +
			"Según la Guardia Civil, el barco no se detuvo.\n\n" +
			"Un alto funcionario, que pidió no ser identificado, reconoció que el incidente «complica mucho» la reunión.", []q{
			{parallax.Direct, "No aceptaremos provocaciones", "dijo", "Ana Ruiz"},
			{parallax.Mixed, "la embajada había sido advertida «dos veces»", "aseguró", "Luis Mora"},
			{parallax.Indirect, "el barco no se detuvo", "Según", "Guardia Civil"},
			{parallax.Mixed, "el incidente «complica mucho» la reunión", "reconoció", "alto funcionario"},
		}},
		{"pt", "Título\n\n«Não vamos ceder», afirmou a ministra das Finanças, Rita Costa.\n\n" +
			"\"Os pescadores são as vítimas\", disse ao Correio o economista Paulo Sá Nunes, da Universidade do Porto.\n\n" +
			"Do outro lado, o ministro da Defesa, João Brito, garantiu na terça-feira que ninguém vai enviar navios.", []q{
			{parallax.Direct, "Não vamos ceder", "afirmou", "Rita Costa"},
			{parallax.Direct, "Os pescadores são as vítimas", "disse", "Paulo Sá Nunes"},
			{parallax.Indirect, "ninguém vai enviar navios", "garantiu", "João Brito"},
		}},
		{"fr", "Titre\n\n« Nous ne céderons pas », a déclaré la ministre, Claire Dubois.\n\n" +
			"Selon la préfecture, le port restera fermé.\n\n" +
			"Le maire, Paul Girard, a affirmé que la ville était prête.", []q{
			{parallax.Direct, "Nous ne céderons pas", "déclaré", "Claire Dubois"},
			{parallax.Indirect, "le port restera fermé", "Selon", "la préfecture"},
			{parallax.Indirect, "la ville était prête", "affirmé", "Paul Girard"},
		}},
	}
	for _, tc := range cases {
		t.Run(tc.lang, func(t *testing.T) {
			d := doc(tc.raw)
			d.Language = tc.lang
			got := extractor.Extract(d)
			if len(got) != len(tc.want) {
				for _, g := range got {
					t.Logf("got %s %q cue=%q by %q (%q)", g.Kind, g.Text, g.Cue, g.Speaker.Name, g.Speaker.Mention)
				}
				t.Fatalf("got %d quotes, want %d", len(got), len(tc.want))
			}
			for i, w := range tc.want {
				g := got[i]
				if g.Kind != w.kind || strings.Trim(g.Text, " ,.") != w.text || g.Cue != w.cue || g.Speaker.Name != w.name {
					t.Errorf("quote %d = %s %q cue=%q by %q; want %s %q cue=%q by %q", i, g.Kind, g.Text, g.Cue, g.Speaker.Name, w.kind, w.text, w.cue, w.name)
				}
			}
		})
	}
}

// TestRomanceEdges: a clause opened by a quotation reads its subject past
// it; a hearer whose name opens with an article; "añadió" with no
// subject is the paragraph's speaker.
func TestRomanceEdges(t *testing.T) {
	for _, tc := range []struct {
		lang, raw string
		want      []named
	}{
		{"es", "Titular\n\n«Es grave», añadió, y el ministro aseguró que habrá cambios.", nil},
		{"pt", "Título\n\n«É grave», disse, e o ministro garantiu que haverá mudanças.", nil},
		{"es", "Titular\n\n«No aceptaremos provocaciones», dijo al diario El País el ministro Juan Pérez.", []named{
			{parallax.Direct, "No aceptaremos provocaciones", "Juan Pérez"},
		}},
		{"es", "Titular\n\n«Es grave», dijo el portavoz, Luis Mora.\n\n«No cederemos», dijo la ministra de Exteriores, Ana Ruiz. «Lo dejamos claro», añadió.", []named{
			{parallax.Direct, "Es grave", "Luis Mora"},
			{parallax.Direct, "No cederemos", "Ana Ruiz"},
			{parallax.Direct, "Lo dejamos claro", "Ana Ruiz"},
		}},
	} {
		d := doc(tc.raw)
		d.Language = tc.lang
		got := extractor.Extract(d) // must not panic
		if tc.want == nil {
			continue
		}
		for i := range got {
			got[i].Text = strings.Trim(got[i].Text, " ,.")
		}
		checkNamed(t, got, tc.want)
	}
}
