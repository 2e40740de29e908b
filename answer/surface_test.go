package answer

import (
	"testing"

	"github.com/laendergraph/laendergraph/corpus"
)

func TestSurfaceLabel(t *testing.T) {
	th := corpus.DefaultThesaurus()
	tests := []struct {
		name   string
		id     corpus.TopicID
		label  string
		quotes []string
		want   string
	}{
		{"synonym compound", "breitband", "Breitband", []string{"Die Runde sprach über den Glasfaserausbau auf dem Land."}, "Breitband (Glasfaser)"},
		{"synonym word", "breitband", "Breitband", []string{"Mehr Glasfaser für Schulen war ein Thema."}, "Breitband (Glasfaser)"},
		{"label named", "breitband", "Breitband", []string{"Breitband und Glasfaser standen auf der Tagesordnung."}, "Breitband"},
		{"not named", "breitband", "Breitband", []string{"Die Minister trafen sich in Kiel."}, "Breitband"},
		{"no quotes", "breitband", "Breitband", nil, "Breitband"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := surfaceLabel(th, tt.id, tt.label, tt.quotes); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}
