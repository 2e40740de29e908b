package german

import (
	"fmt"
	"testing"
)

func TestRankAt(t *testing.T) {
	tests := []struct {
		s, want string
	}{
		{"Schlusslicht ist das Land X.", "[2@0]"},
		{"Am unteren Ende der Tabelle liegt X.", "[2@1]"},
		{"An der Spitze liegt X, knapp hinter Y folgt Z.", "[1@2 3@6]"},
		{"Den vorletzten Platz belegt X, nur Y schneidet schlechter ab.", "[4@1 2@8]"},
		{"Im letzten Jahr bestehende Pläne wurden erstmals umgesetzt.", "[]"},
		{"Which state is the best and which the worst?", "[1@4 2@8]"},
		{"Beim Ausbau sind Hamburg und Bremen am weitesten.", "[1@6]"},
		{"An der Spitze liegt X, gefolgt von Y.", "[1@2 5@5]"},
	}
	for _, tt := range tests {
		toks := Tokenize(tt.s)
		var got []string
		for i := 0; i < len(toks); i++ {
			if r, n := RankAt(toks, i); n > 0 {
				got = append(got, fmt.Sprintf("%d@%d", r, i))
				i += n - 1
			}
		}
		if fmt.Sprint(got) != tt.want {
			t.Errorf("%q: got %v, want %s", tt.s, got, tt.want)
		}
	}
}
