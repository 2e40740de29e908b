package extract

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// roleOfAll is roleOf as it was: every ending of the lower-cased word
// looked up in roleFormAt, the reference for roleFormsByTail.
func roleOfAll(w string) (landRole, ok bool) {
	if roleAcronyms[w] {
		return w == "CDO" || w == "CIO", true
	}
	if !isUpperInitial(w) {
		return false, false
	}
	l := strings.ToLower(w)
	best := -1
	for k := range l {
		if i, found := roleFormAt[l[k:]]; found && (best < 0 || i < best) {
			best = i
		}
	}
	if best < 0 {
		return false, false
	}
	if suf := roleForms[best].suffix; strings.HasPrefix(suf, "chef") && l != suf {
		return false, false
	}
	return roleForms[best].landRole, true
}

// roleFormAt maps a suffix of roleForms to its first index there.
var roleFormAt = func() map[string]int {
	m := map[string]int{}
	for i, r := range roleForms {
		if _, seen := m[r.suffix]; !seen {
			m[r.suffix] = i
		}
	}
	return m
}()

// officeNounAll is officeNoun as it was, the endings built per word.
func officeNounAll(w string) bool {
	l := strings.ToLower(w)
	if utf8.RuneCountInString(l) < 6 {
		return false
	}
	for _, h := range orgHeads {
		if strings.HasSuffix(l, h) || strings.HasSuffix(l, h+"s") || strings.HasSuffix(l, h+"es") {
			return true
		}
	}
	return false
}

var lowerWords = []string{"", "A", "Chef", "Chefs", "Küchenchef", "CIO", "CDO", "CEO", "Chief", "Officer", "Ministerpräsidentin",
	"Ministerpräsidenten", "MINISTERPRÄSIDENT", "Digitalministerin", "Wirtschaftssenators", "Staatssekretärin", "Staatsekretär",
	"Innovationsbeauftragte", "Beauftragter", "Leiter", "Leiterin", "Abteilungsleiterinnen", "Bürgermeisterin", "Vorsitzender",
	"Präsident", "Präsidentin", "Ämter", "Landesamtes", "Landesamts", "Referats", "Referat", "Stabsstelle", "Stelle", "Agentur",
	"Landesämter", "Ämtes", "Büro", "Büros", "Landesbetriebes", "Straße", "Größenminister", "ẞminister", "Über-Chef", "Chef-Koch",
	"Ministerialdirigent", "Ministerialdirigentin", "Direktorin", "Amtschefin", "Amtschefs", "x\xffminister", "Minister\xff",
	"Müller-Lüdenscheidt", "Koordinator", "Koordinatorinnen", "Kanzler", "Kanzleramt", "Behörden", "CERT", "Landes-CERT"}

func TestLowerForms(t *testing.T) {
	for _, w := range lowerWords {
		l := strings.ToLower(w)
		lr, ok := roleOfAll(w)
		if glr, gok := roleOf(w); glr != lr || gok != ok {
			t.Errorf("roleOf(%q) = %v, %v, want %v, %v", w, glr, gok, lr, ok)
		}
		if glr, gok := roleOfWord(w, l); glr != lr || gok != ok {
			t.Errorf("roleOfWord(%q) = %v, %v, want %v, %v", w, glr, gok, lr, ok)
		}
		if got, want := isRoleLower(w, l), isRoleWord(w); got != want {
			t.Errorf("isRoleLower(%q) = %v, want %v", w, got, want)
		}
		if got, want := officeNoun(w), officeNounAll(w); got != want {
			t.Errorf("officeNoun(%q) = %v, want %v", w, got, want)
		}
	}
}

func FuzzLowerForms(f *testing.F) {
	for _, w := range lowerWords {
		f.Add(w)
	}
	f.Fuzz(func(t *testing.T, w string) {
		lr, ok := roleOfAll(w)
		if glr, gok := roleOfWord(w, strings.ToLower(w)); glr != lr || gok != ok {
			t.Errorf("roleOfWord(%q) = %v, %v, want %v, %v", w, glr, gok, lr, ok)
		}
		if got, want := officeNoun(w), officeNounAll(w); got != want {
			t.Errorf("officeNoun(%q) = %v, want %v", w, got, want)
		}
	})
}
