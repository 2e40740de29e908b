package text

import (
	"path/filepath"
	"testing"

	"github.com/laendergraph/laendergraph/corpus/corpustest"
	"unicode"
	"unicode/utf8"
)

func TestNormalize(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"hyphenated lower", "Die Digitali-\nsierung kommt.", "Die Digitalisierung kommt."},
		{"hyphenated upper keeps hyphen", "Die Informations-\nTechnik kommt.", "Die Informations-Technik kommt."},
		{"suspended hyphen und", "Bund-\nund Länder", "Bund-\nund Länder"},
		{"suspended hyphen oder", "Landes-\noder Bundesrecht", "Landes-\noder Bundesrecht"},
		{"suspended hyphen sowie", "Kreis-\nsowie Gemeindeebene", "Kreis-\nsowie Gemeindeebene"},
		{"hyphen with spaces around break", "Verwal-  \n  tung", "Verwaltung"},
		{"dash is not a hyphen", "Kralinski -\nZusammenarbeit", "Kralinski -\nZusammenarbeit"},
		{"digit before hyphen", "2019-\n2020", "2019-\n2020"},
		{"inline hyphenation", "Die Digitali- sierung und na- mens", "Die Digitalisierung und namens"},
		{"inline suspended hyphen", "Bund- und Länder, Landes- oder Bundesrecht, IT- Sicherheit", "Bund- und Länder, Landes- oder Bundesrecht, IT- Sicherheit"},
		{"chained hyphens", "Daten-\nüber-\ntragung", "Datenübertragung"},
		{"soft hyphen removed", "Digi\u00adtalisierung", "Digitalisierung"},
		{"soft hyphen at line end joins", "Digitali\u00ad\nsierung", "Digitalisierung"},
		{"zero width removed", "Cyber\u200bwehr\ufeff", "Cyberwehr"},
		{"nbsp to space", "21.\u00a0Juni\u202f2019", "21. Juni 2019"},
		{"collapse spaces and tabs", "a  \t b\t\tc", "a b c"},
		{"trim lines", "  Titel  \n  Text  ", "Titel\nText"},
		{"blank lines", "\n\nA\n\n\n\nB\n \n\t\nC\n\n", "A\n\nB\n\nC"},
		{"crlf", "A\r\nB\rC", "A\nB\nC"},
		{"form feed is paragraph", "Seite 1\fSeite 2", "Seite 1\n\nSeite 2"},
		{"nfc", "Mu\u0308nchen und Du\u0308sseldorf", "München und Düsseldorf"},
		{"control removed", "A\x00B\x07C\u0085D", "ABC\nD"},
		{"invalid utf8", "A\xffB", "A\uFFFDB"},
		{"headings stay lines", "# Titel\nText folgt.", "# Titel\nText folgt."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Normalize(tt.in); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func FuzzNormalize(f *testing.F) {
	corpustest.AddSeeds(f, filepath.Join("..", "..", "german", "testdata", "TestSentences", "*.txt"))
	for _, s := range []string{"Digitali-\nsierung", "a\u00ad \r\n b", "x-\n\n-\ny", "\u1100-\n\u1161", "A-\nB-\nc", " \u0301\n\u0308"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := Normalize(s)
		if !utf8.ValidString(n) {
			t.Fatalf("got invalid UTF-8 %q", n)
		}
		if n2 := Normalize(n); n2 != n {
			t.Fatalf("not idempotent: Normalize(%q) = %q, Normalize of that = %q", s, n, n2)
		}
	})
}

// TestMapRunesASCII checks mapRunes' shortcut for printable ASCII against
// the cases it stands before: every rune below 0x80 and some others,
// alone and between letters.
func TestMapRunesASCII(t *testing.T) {
	ref := func(r rune) string { // what the cases after the shortcut do with r alone
		switch {
		case r == '\r' || r == '\n' || r == '\v' || r == 0x85 || r == 0x2028:
			return "\n"
		case r == '\f' || r == 0x2029:
			return "\n\n"
		case r == '\t' || unicode.Is(unicode.Zs, r):
			return " "
		case r == 0xAD || unicode.Is(unicode.Cf, r) || unicode.IsControl(r):
			return ""
		}
		return string(r)
	}
	for r := rune(0); r < 0x3000; r++ {
		if got, want := mapRunes("a"+string(r)+"b"), "a"+ref(r)+"b"; got != want {
			t.Errorf("mapRunes(a%qb) = %q, want %q", r, got, want)
		}
	}
}
