package german

import "testing"

func TestRefersBack(t *testing.T) {
	cases := map[string]bool{
		"Das Verfahren wird in Hessen eingesetzt.":  true,
		"Diese Plattform nutzen drei Länder.":       true,
		"Der Assistent schreibt Bescheide.":         true,
		"Ein Verfahren fehlt noch.":                 false, // not a definite article
		"Das Land setzt das Verfahren ein.":         false, // the noun is not the subject's
		"Im Verfahren wurden Mängel gefunden.":      false,
		"Das Verfahrensrecht gilt seit dem 1. Mai.": false,
	}
	for s, want := range cases {
		if got := RefersBack(Tokenize(s)); got != want {
			t.Errorf("RefersBack(%q) = %v, want %v", s, got, want)
		}
	}
}
