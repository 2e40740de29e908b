package german

import (
	"strings"
	"testing"

	"github.com/laendergraph/laendergraph/corpus"
)

func TestMatchWords(t *testing.T) {
	m := NewLandRecogniser(corpus.Laender())
	for _, tc := range []struct {
		q     string
		want  string // codes joined by ","
		words int
	}{
		{"Bayern hat", "BY", 1},
		{"baden-wuerttemberg hat", "BW", 1}, // umlaut spelt out, lower case
		{"Freistaat Sachsen", "SN", 2},
		{"hessischen Vorsitz", "HE", 1}, // adjective, inflected
		{"BW", "BW", 1},
		{"bw", "", 0}, // a code counts in capitals only
		{"North Rhine-Westphalia", "NW", 2},
		{"Bavarian chair", "BY", 1},
		{"Hauptstadtregion", "BE,BB", 1},
		{"Brandenburger Tor", "", 0}, // no registry form
		{"Sachsen-Anhalts", "ST", 1},
	} {
		ls, n := m.MatchWords(strings.Fields(tc.q))
		var got []string
		for _, l := range ls {
			got = append(got, string(l))
		}
		if strings.Join(got, ",") != tc.want || n != tc.words {
			t.Errorf("MatchWords(%q) = %v, %d; want %s, %d", tc.q, got, n, tc.want, tc.words)
		}
	}
}

// TestFindCellCodes: a Land code in capitals names a Land where it stands
// in a cell of its own (a table row, a column of a members list), not in
// running text.
func TestFindCellCodes(t *testing.T) {
	m := NewLandRecogniser(corpus.Laender())
	for _, tc := range []struct{ text, want string }{
		{"BW, Ministerin Anna Beispiel", "BW"},
		{"NI: Minister Otto Testmann", "NI"},
		{"- SH, Staatssekretärin Rita Platzhalter", "SH"},
		{"BY  MD Karl Probe             HE  StSin Eva Muster", "BY,HE"},
		{"Protokoll\nTH\tStaatssekretärin Rita Platzhalter", "TH"},
		// running text: a code after a word, or followed by a word
		{"Der BE-Bericht wird vertagt.", ""},
		{"Das Votum von BY, HE und SN steht aus.", ""},
		{"ST Sitzung vertagt", ""},
		{"BWX, Vertreter", ""},
	} {
		var got []string
		for _, h := range m.FindAll(tc.text) {
			got = append(got, string(h.Land))
			if h.Form != tc.text[h.Start:h.End] {
				t.Errorf("%q: form %q at %d:%d", tc.text, h.Form, h.Start, h.End)
			}
		}
		if strings.Join(got, ",") != tc.want {
			t.Errorf("FindAll(%q) = %v, want %s", tc.text, got, tc.want)
		}
	}
}

// TestFindAllWrapped: a name of several words wrapped at a line's end is
// one hit, spanning the line break.
func TestFindAllWrapped(t *testing.T) {
	m := NewLandRecogniser(corpus.Laender())
	for _, tc := range []struct{ s, want string }{
		{"Den Vorsitz teilen das Saarland und die Freie Hansestadt\n   Bremen.", "Freie Hansestadt\n   Bremen"},
		{"Gastgeber war der Freistaat\nThüringen.", "Freistaat\nThüringen"},
		{"Es lud die Freie und Hansestadt  Hamburg ein.", "Freie und Hansestadt  Hamburg"},
	} {
		hits := m.FindAll(tc.s)
		if len(hits) == 0 || hits[len(hits)-1].Form != tc.want {
			t.Errorf("FindAll(%q) = %+v, want the last hit %q", tc.s, hits, tc.want)
		}
	}
}

// TestBrandLand checks the Land of a word written as an office's brand:
// the Land's name, then digits and capitals only.
func TestBrandLand(t *testing.T) {
	m := NewLandRecogniser(corpus.Laender())
	for w, want := range map[string]corpus.LandCode{
		"Hessen3C": "HE", "SachsenCERT": "SN", "NiedersachsenCERT": "NI", "Sachsen-AnhaltCERT": "ST",
		"SachsenEnergie": "", "BerlinOnline": "", "BerlinerDaten": "", "HamburgerIT": "", "Hessen": "", "Hessenpark": "",
		"BayernLB": "", "Hamburg1": "",
	} {
		if got, _ := m.BrandLand(w); got != want {
			t.Errorf("BrandLand(%q) = %q, want %q", w, got, want)
		}
	}
}

// TestSeatGovernments checks that a capital's adjective names its Land
// before an office of the government only.
func TestSeatGovernments(t *testing.T) {
	m := NewLandRecogniser(corpus.Laender())
	for s, want := range map[string]string{
		"vertreten durch das Mainzer Ministerium für Digitales": "RP",
		"Staatssekretär in der Kieler Landesregierung":          "SH",
		"die Schweriner Staatskanzlei lud ein":                  "MV",
		"zur Kieler Woche":                                      "",
		"die Kieler Stadtverwaltung":                            "",
		"das Mainzer Ordnungsamt":                               "",
		"im Dresdner Innenministerium":                          "SN",
		"am Potsdamer Platz":                                    "",
	} {
		got := ""
		for _, h := range m.SeatGovernments(Tokenize(s)) {
			got += string(h.Land)
		}
		if got != want {
			t.Errorf("SeatGovernments(%q) = %q, want %q", s, got, want)
		}
	}
}

// TestLandRecogniserPrecomputed checks what NewLandRecogniser computes once
// for matchAt and cellCode: each form's multi, and the first bytes of the
// codes.
func TestLandRecogniserPrecomputed(t *testing.T) {
	m := NewLandRecogniser(corpus.Laender())
	for _, fs := range m.byFirst {
		for _, f := range fs {
			if want := strings.IndexByte(f.text, ' ') >= 0; f.multi != want {
				t.Errorf("form %q: multi %v, want %v", f.text, f.multi, want)
			}
		}
	}
	for c := range m.codes {
		if !m.codeFirst[c[0]] {
			t.Errorf("code %q: first byte not marked", c)
		}
	}
}
