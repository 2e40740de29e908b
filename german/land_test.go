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
