package meeting

import (
	"slices"
	"strings"
	"testing"

	"github.com/laendergraph/laendergraph/german"
)

// eventNounAll and networkNameAll are eventNoun and networkName as they
// were, the endings built per word: the references for eventNounForms
// and networkForms.
func eventNounAll(w string) bool {
	lw := strings.ToLower(w)
	return german.IsUpperInitial(w) && slices.ContainsFunc(eventNounEndings, func(e string) bool {
		return strings.HasSuffix(lw, e) || strings.HasSuffix(lw, e+"s")
	})
}

func networkNameAll(g string) (string, bool) {
	lg := strings.ToLower(g)
	for head, endings := range networkHeads {
		for _, e := range endings {
			if strings.HasSuffix(lg, head+e) && len(lg) > len(head+e)+3 {
				return g[:len(g)-len(e)], true
			}
		}
	}
	return "", false
}

var lowerWords = []string{"", "Treffen", "Treffens", "treffen", "Netzwerktreffen", "Jahrestagung", "Jahrestagungs", "KONFERENZ",
	"Sitzungen", "Arbeitskreises", "Arbeitskreiss", "Forums", "Fora", "Lagebildverbund", "Lagebildverbunds", "Lagebildverbundes",
	"Verbund", "Verbunds", "Netzwerkes", "Landesnetzwerk", "Bündnis", "Zukunftsbündnisses", "Zukunftsbündnis", "VERBAND",
	"Digitalverband", "Digitalverbands", "CERT-Verbunds", "Über-Treffen", "Straßenverbund", "ẞverbund", "Verbund\xff", "Äforum"}

func TestLowerForms(t *testing.T) {
	for _, w := range lowerWords {
		if got, want := eventNoun(w), eventNounAll(w); got != want {
			t.Errorf("eventNoun(%q) = %v, want %v", w, got, want)
		}
		for _, tok := range german.Tokenize(w) {
			if got, want := eventTok(tok), eventNounAll(tok.Raw); got != want {
				t.Errorf("eventTok(%q) = %v, want %v", tok.Raw, got, want)
			}
		}
		n, ok := networkName(w)
		if wn, wok := networkNameAll(w); n != wn || ok != wok {
			t.Errorf("networkName(%q) = %q, %v, want %q, %v", w, n, ok, wn, wok)
		}
	}
}
