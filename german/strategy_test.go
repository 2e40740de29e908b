package german

import "testing"

// TestStrategyWordLists: the adoption and predecessor lists load from their
// data files, hold the forms the strategy extractor reads, and hand each
// caller a copy of its own.
func TestStrategyWordLists(t *testing.T) {
	a := AdoptionWords()
	for _, w := range []string{"beschlossen", "verabschiedet", "fortgeschrieben", "veröffentlichung"} {
		if !a[w] {
			t.Errorf("AdoptionWords lacks %q", w)
		}
	}
	if a["bisherige"] {
		t.Error("AdoptionWords holds a predecessor word")
	}
	p := PredecessorWords()
	for _, w := range []string{"bisherige", "vorgängerin", "ersetzt"} {
		if !p[w] {
			t.Errorf("PredecessorWords lacks %q", w)
		}
	}
	delete(a, "beschlossen")
	if !AdoptionWords()["beschlossen"] {
		t.Error("a caller's change reached the shared list")
	}
}
