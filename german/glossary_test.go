package german

import (
	"strings"
	"testing"

	"github.com/laendergraph/laendergraph/corpus"
)

// TestGlossaryFile checks the glossary as written: every entry is an
// English word, a tab and German words; no English word is listed twice
// (the parser keeps the last, so a second line silently drops the first);
// no English word is a stop word, which passage answering drops before it
// translates.
func TestGlossaryFile(t *testing.T) {
	seen := map[string]int{}
	n := 0
	for i, ln := range strings.Split(glossaryText, "\n") {
		no := i + 1
		if strings.TrimSpace(ln) == "" || strings.HasPrefix(ln, "#") {
			continue
		}
		n++
		en, de, ok := strings.Cut(ln, "\t")
		switch {
		case !ok:
			t.Errorf("line %d %q: no tab between the English and the German words", no, ln)
			continue
		case en == "" || strings.ContainsAny(en, " -\t"):
			t.Errorf("line %d: English key %q is not one word", no, en)
		case len(strings.Fields(de)) == 0:
			t.Errorf("line %d: %q has no German words", no, en)
		case IsStopword(en):
			t.Errorf("line %d: %q is a stop word and is never translated", no, en)
		}
		for _, w := range strings.Fields(de) {
			if strings.Contains(w, "-") {
				t.Errorf("line %d: German word %q has a hyphen; passages are split there", no, w)
			}
		}
		k := corpus.Fold(en)
		if prev, dup := seen[k]; dup {
			t.Errorf("line %d: %q already on line %d", no, en, prev)
		}
		seen[k] = no
	}
	if n < 500 {
		t.Errorf("glossary has %d entries, want at least 500", n)
	}
	if len(glossary) != n {
		t.Errorf("parsed %d entries from %d lines", len(glossary), n)
	}
}

func TestTranslate(t *testing.T) {
	for _, c := range []struct {
		en   string
		want []string // German words the translation must include
	}{
		{"ministry", []string{"Ministerium"}},
		{"Municipalities", []string{"Kommune", "Gemeinde"}},
		{"permit", []string{"Genehmigung"}},
		{"building", []string{"Gebäude"}},
		{"tax", []string{"Steuer"}},
		{"moved", []string{"verlagert"}},
		{"pays", []string{"zahlt"}},
		{"subsidy", []string{"Zuschuss", "Förderung"}},
		{"county", []string{"Landkreis"}},
		{"digitised", []string{"digitalisiert"}},
		{"host", []string{"Gastgeber", "veranstalten"}}, // once two lines, the second hiding the first
		{"thursday", []string{"Donnerstag"}},
		{"portal", []string{"Portal"}},
	} {
		got := Translate(c.en)
		for _, w := range c.want {
			if !containsFold(got, w) {
				t.Errorf("Translate(%q): got %v, want it to include %q", c.en, got, w)
			}
		}
	}
	for _, en := range []string{"the", "Schule", "xylophone", ""} {
		if got := Translate(en); got != nil {
			t.Errorf("Translate(%q): got %v, want nil", en, got)
		}
	}
}

// TestTranslateMatchesCompounds checks that translations reach into
// compounds the way passage answering compares words: a translated stem of
// five letters or more is the head or the tail of a longer word.
func TestTranslateMatchesCompounds(t *testing.T) {
	for _, c := range []struct{ en, compound string }{
		{"administration", "Steuerverwaltung"},
		{"municipalities", "Kommunalverwaltung"},
		{"permit", "Baugenehmigung"},
		{"broadband", "Breitbandausbau"},
		{"subsidy", "Breitbandförderung"},
		{"building", "Gebäudemanagement"},
	} {
		w := Stem(c.compound)
		ok := false
		for _, de := range Translate(c.en) {
			st := Stem(de)
			if len(st) >= 5 && (strings.HasPrefix(w, st) || strings.HasSuffix(w, st)) {
				ok = true
			}
		}
		if !ok {
			t.Errorf("Translate(%q) = %v: no stem is part of %q", c.en, Translate(c.en), c.compound)
		}
	}
}

func containsFold(ws []string, w string) bool {
	for _, x := range ws {
		if corpus.Fold(x) == corpus.Fold(w) {
			return true
		}
	}
	return false
}
