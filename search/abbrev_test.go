package search

import (
	"context"
	"fmt"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/laendergraph/laendergraph/corpus"
)

func TestDefinedAbbreviations(t *testing.T) {
	sp := newSplitter(compoundWords(corpus.DefaultThesaurus(), corpus.Laender()))
	tests := []struct {
		text, want string
	}{
		{"Die Konferenz tagte am Muster-Daten-Zentrum (MDZ) in Potsdam.", "[[Muster-Daten-Zentrum MDZ]]"},
		{"Sie nutzt die Künstliche Intelligenz (KI) und den Landesbetrieb Daten und Information (LDI).", "[[Künstliche Intelligenz KI] [Landesbetrieb Daten und Information LDI]]"},
		{"Er sprach mit der Presse (dpa) und zeigte Fotos (ABC).", "[]"},
		// a compound gives its initial and those of some later parts
		{"Geplant ist ein Länderübergreifendes Vollmachtsregister (LVR) für Kanzleien.", "[[Länderübergreifendes Vollmachtsregister LVR]]"},
		{"Das Landesverwaltungsnetz (LVN) wird erneuert.", "[[Landesverwaltungsnetz LVN]]"},
		// a quoted name before the bracket
		{"Der Rat beschließt das Vorhaben „Offene Schulcloud Nord“ (OSN) für alle Kreise.", "[[Offene Schulcloud Nord OSN]]"},
		// a compound whose parts the splitter does not know
		{"Geplant ist ein Zentraler Ablageservice (ZAS) für Kommunen.", "[[Zentraler Ablageservice ZAS]]"},
		// but every letter must come from a word, in order
		{"Das Vollmachtsregister (RV) und die Behörde (BX) starten.", "[]"},
		{"Der Ablageservice (AX) startet.", "[]"},
		// the strict reading of a longer span before the loose one of a
		// single compound
		{"Der Beirat für Breitbandausbau (BBA) tagt zweimal im Jahr.", "[[Beirat für Breitbandausbau BBA]]"},
	}
	for _, tt := range tests {
		if got := fmt.Sprint(definedAbbreviations(tt.text, sp)); got != tt.want {
			t.Errorf("definedAbbreviations(%q) = %s, want %s", tt.text, got, tt.want)
		}
	}
}

// TestLearnedAbbreviations: a document that defines an abbreviation makes a
// search for the long form find documents that use only the abbreviation,
// and the other way round — also after the index is opened again.
func TestLearnedAbbreviations(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "index")
	ix, err := Open(ctx, dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	docs := []corpus.Document{
		{ID: "def", File: "def.txt", Title: "Tagung", Text: "Die Tagung fand am Muster-Daten-Zentrum (MDZ) statt."},
		{ID: "short", File: "short.txt", Title: "Bericht", Text: "Im MDZ wurden neue Server aufgestellt."},
		{ID: "other", File: "other.txt", Title: "Anderes", Text: "Ein Zentrum für Daten wurde geplant."},
	}
	if err := ix.Put(ctx, docs); err != nil {
		t.Fatal(err)
	}
	check := func(when string) {
		for q, want := range map[string][]string{
			"Muster-Daten-Zentrum": {"def", "short"},
			"MDZ":                  {"def", "short"},
		} {
			res, err := ix.Search(ctx, Request{Query: q})
			if err != nil {
				t.Fatal(err)
			}
			if got := sorted(hitIDs(res)); !reflect.DeepEqual(got, want) {
				t.Errorf("%s: search %q: got %v, want %v", when, q, got, want)
			}
		}
	}
	check("after put")
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}
	if ix, err = Open(ctx, dir, Options{}); err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	check("after reopen")
}
