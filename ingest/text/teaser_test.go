package text

import (
	"strings"
	"testing"
)

func TestIsTeaser(t *testing.T) {
	doc := "Das Land startet ein Portal.\n\nLesen Sie auch: Hessen startet Cyberwehr | Bayern übernimmt\n\n" +
		"Mehr zum Thema:\nBremen übernimmt den Vorsitz\n» Dritte DMK tagt in Kiel\n\nDie Ministerin lobte das Portal."
	tests := []struct {
		sentence string
		want     bool
	}{
		{"Das Land startet", false},
		{"Lesen Sie auch", true},
		{"Bremen übernimmt", true},
		{"» Dritte DMK", true},
		{"Die Ministerin", false},
	}
	for _, tt := range tests {
		t.Run(tt.sentence, func(t *testing.T) {
			p := strings.Index(doc, tt.sentence)
			if got := IsTeaser(doc, p); got != tt.want {
				t.Errorf("IsTeaser at %q: got %v, want %v", tt.sentence, got, tt.want)
			}
		})
	}
}
