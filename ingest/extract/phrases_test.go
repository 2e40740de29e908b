package extract

import (
	"strings"
	"testing"

	"github.com/laendergraph/laendergraph/corpus"
	"github.com/laendergraph/laendergraph/german"
	"github.com/laendergraph/laendergraph/ingest/text"
)

// TestPhraseRulesGiveLand runs the example of every rule of the families
// extraction reads for people's Länder (german/data/phrases.tsv) through the
// whole extractor, in a document whose Land is another one (Bayern): the
// first person named after the anchor must get the Land of the rule's LAND
// slot.
func TestPhraseRulesGiveLand(t *testing.T) {
	x := newTestExtractor(t)
	reg := corpus.Laender()
	for _, fam := range []string{"role-land", "clause-land", "name-land"} {
		rules := german.DefaultPhrases.Family(fam)
		if len(rules) == 0 {
			t.Errorf("no rules of family %s", fam)
		}
		for _, r := range rules {
			t.Run(fam+"/"+r.Name, func(t *testing.T) {
				a := r.Annotated()
				slot, ok := a.Slots["LAND"]
				if !ok {
					t.Fatalf("example %q marks no LAND", r.Example)
				}
				want, ok := reg.Lookup(a.Text[slot[0]:slot[1]])
				if !ok {
					t.Fatalf("LAND slot %q is no Land", a.Text[slot[0]:slot[1]])
				}
				intro := "Die Bayerische Staatskanzlei teilt mit. "
				txt := intro + a.Text
				doc := &corpus.Document{ID: "d", Text: txt, Date: "2030-05-04", Land: "BY"}
				ex := x.Extract(doc, text.Sentences(txt))
				var first *corpus.Person
				at := len(txt)
				for i, p := range ex.People {
					if k := strings.Index(txt[len(intro)+a.Anchor:], p.Name); k >= 0 && k < at {
						first, at = &ex.People[i], k
					}
				}
				if first == nil {
					t.Fatalf("no person after the anchor in %q; people %+v", a.Text, ex.People)
				}
				if first.Land != want {
					t.Errorf("%s: Land %q, want %q (rule line %d)", first.Name, first.Land, want, r.Line)
				}
			})
		}
	}
}

// TestPhraseRulesGivePeople runs the example of every person-role rule
// through the whole extractor: the PERSON slot's name must come out with
// the ROLE slot's role.
func TestPhraseRulesGivePeople(t *testing.T) {
	x := newTestExtractor(t)
	rules := german.DefaultPhrases.Family("person-role")
	if len(rules) == 0 {
		t.Fatal("no person-role rules")
	}
	for _, r := range rules {
		t.Run(r.Name, func(t *testing.T) {
			a := r.Annotated()
			ps, rs := a.Slots["PERSON"], a.Slots["ROLE"]
			if d, ok := a.Slots["DUTY"]; ok {
				rs = d // a duty taken on is the role: "die Leitung des Landesamts"
			}
			office, isOffice := a.Slots["OFFICE"]
			if isOffice {
				rs = office // the head of the office: "Leitung des …"
			}
			name, role := a.Text[ps[0]:ps[1]], a.Text[rs[0]:rs[1]]
			// the role's acronym in brackets after it ("(CIO)", "(Chief
			// Information Officer, CIO)") belongs to the role
			if rest := a.Text[rs[1]:]; strings.HasPrefix(rest, " (") {
				if c := strings.IndexByte(rest, ')'); c > 2 {
					acr := rest[2:c]
					if k := strings.LastIndex(acr, ", "); k >= 0 {
						acr = acr[k+2:]
					}
					if roleAcronyms[acr] {
						role += " (" + acr + ")"
					}
				}
			}
			doc := &corpus.Document{ID: "d", Text: a.Text, Date: "2030-05-04", Land: "HE"}
			ex := x.Extract(doc, text.Sentences(a.Text))
			for _, p := range ex.People {
				if strings.HasSuffix(name, p.Name) && (sameRole(p.Role, role) || isOffice && strings.HasPrefix(p.Role, "Leitung ") && strings.Contains(p.Role, strings.Fields(role)[len(strings.Fields(role))-1])) {
					return
				}
			}
			t.Errorf("no person %q with role %q in %q; people %+v", name, role, a.Text, ex.People)
		})
	}
}

// sameRole compares roles word by word by their stems: the example marks
// the role as the sentence inflects it ("zum Präsidenten"), the person
// record gives its base form ("Präsident").
func sameRole(a, b string) bool {
	ta, tb := german.Tokenize(a), german.Tokenize(b)
	if len(ta) != len(tb) {
		return false
	}
	for i := range ta {
		if german.Stem(ta[i].Raw) != german.Stem(tb[i].Raw) {
			return false
		}
	}
	return true
}

// TestDutyYieldsToRole checks that a duty taken on is the role only where
// no rule names one: "X übernimmt … die Leitung der Abteilung … als
// Amtschefin" makes X Amtschefin, once.
func TestDutyYieldsToRole(t *testing.T) {
	x := newTestExtractor(t)
	txt := "Dr. Eva Exempel übernimmt im Mai die Leitung der Abteilung Organisation als Amtschefin."
	ex := x.Extract(&corpus.Document{ID: "d", Text: txt, Date: "2030-05-04", Land: "HE"}, text.Sentences(txt))
	var roles []string
	for _, p := range ex.People {
		if p.Name == "Eva Exempel" {
			roles = append(roles, p.Role)
		}
	}
	if len(roles) != 1 || roles[0] != "Amtschefin" {
		t.Errorf("roles of Eva Exempel %q, want [Amtschefin]", roles)
	}
}

// TestPhraseRulesNotTheAppointer checks sentences where a person-role row
// could give the role to the wrong person: the appointer, a minister next
// to a role in another sense.
func TestPhraseRulesNotTheAppointer(t *testing.T) {
	x := newTestExtractor(t)
	for _, tc := range []struct{ text, name, role string }{
		{"Ministerpräsident Max Muster hat den bisherigen Abteilungsleiter zum neuen Amtschef ernannt.", "Max Muster", "Amtschef"},
		{"Ministerpräsident Max Muster hat sie gestern zur Staatssekretärin ernannt.", "Max Muster", "Staatssekretärin"},
		{"Ministerin Eva Exempel hat zum neuen Amtschef Udo Ulm ernannt.", "Eva Exempel", "Amtschef"},
		{"Eva Exempel, Ministerin für Digitales, ist mit dem Präsidenten des Landesamts zufrieden.", "Eva Exempel", "Präsident des Landesamts"},
	} {
		doc := &corpus.Document{ID: "d", Text: tc.text, Date: "2031-05-04", Land: "HE"}
		for _, p := range x.Extract(doc, text.Sentences(tc.text)).People {
			if p.Name == tc.name && sameRole(p.Role, tc.role) {
				t.Errorf("%q: %s got the role %q", tc.text, p.Name, p.Role)
			}
		}
	}
}

// TestRoleAroundLandGenitive checks roles whose Land stands as a genitive
// between the head and its complement, and a role acronym in brackets: the
// complement and the acronym stay with the role, the Land is its Land.
func TestRoleAroundLandGenitive(t *testing.T) {
	x := newTestExtractor(t)
	for _, tc := range []struct{ text, name, role string }{
		{"Die Landesregierung hat heute Dr. Ida Imhof zur Beauftragten der Hessischen Landesregierung für Informationstechnik (CIO) bestellt.",
			"Ida Imhof", "Beauftragte für Informationstechnik (CIO)"},
		{"Das Kabinett hat in seiner Sitzung am Dienstag Jan Jost zum Beauftragten des Landes Hessen für Cybersicherheit berufen.",
			"Jan Jost", "Beauftragte für Cybersicherheit"},
	} {
		doc := &corpus.Document{ID: "d", Text: tc.text, Date: "2031-05-04"}
		ex := x.Extract(doc, text.Sentences(tc.text))
		found := false
		for _, p := range ex.People {
			if p.Name == tc.name && p.Role == tc.role && p.Land == "HE" {
				found = true
			}
		}
		if !found {
			t.Errorf("%q: want %s as %q of HE; people %+v", tc.text, tc.name, tc.role, ex.People)
		}
	}
}

// TestCapitalGovernmentInRole checks that a government named by the
// adjective of its seat inside a role phrase gives the person's Land and
// leaves the role: "Ministerin für … in der Kieler Landesregierung".
func TestCapitalGovernmentInRole(t *testing.T) {
	x := newTestExtractor(t)
	for _, tc := range []struct{ text, name, role string }{
		{"Ida Ilm (parteilos) ist seit Mai 2030 Ministerin für Digitales und Medien in der Kieler Landesregierung.", "Ida Ilm", "Ministerin für Digitales und Medien"},
		{"Jan Jost ist seit 2029 Staatssekretär für Verwaltung in der Schweriner Staatskanzlei.", "Jan Jost", "Staatssekretär für Verwaltung"},
	} {
		ex := x.Extract(&corpus.Document{ID: "d", Text: tc.text, Date: "2030-06-01", Land: "BY"}, text.Sentences(tc.text))
		found := false
		for _, p := range ex.People {
			if p.Name == tc.name {
				found = true
				want := corpus.LandCode("SH")
				if strings.Contains(tc.text, "Schweriner") {
					want = "MV"
				}
				if p.Role != tc.role || p.Land != want {
					t.Errorf("%q: %s is %q of %q, want %q of %q", tc.text, p.Name, p.Role, p.Land, tc.role, want)
				}
			}
		}
		if !found {
			t.Errorf("%q: no %s in %+v", tc.text, tc.name, ex.People)
		}
	}
}

// TestNoPersonFromAnOfficeName checks that the name of an office after a
// role ("Leiter der Stabsstelle Digitale Transformation") is no person:
// an abstract noun ("-tion", "-ung") is no surname.
func TestNoPersonFromAnOfficeName(t *testing.T) {
	x := newTestExtractor(t)
	for _, txt := range []string{
		"Zuständig ist der Leiter der Stabsstelle Digitale Transformation.",
		"Die Leiterin des Referats Neue Kommunikation stellte den Bericht vor.",
	} {
		ex := x.Extract(&corpus.Document{ID: "d", Text: txt, Date: "2030-06-01", Land: "RP"}, text.Sentences(txt))
		if len(ex.People) > 0 {
			t.Errorf("%q: people %+v, want none", txt, ex.People)
		}
	}
}

// TestOfficeNameInRole checks that the name of an office after its noun
// stays in the role ("Leiter der Stabsstelle Offene Verwaltung"): an office
// noun is no first name.
func TestOfficeNameInRole(t *testing.T) {
	x := newTestExtractor(t)
	txt := "Dr. Jan Jost, Leiter der Stabsstelle Offene Verwaltung, stellte den Bericht vor."
	ex := x.Extract(&corpus.Document{ID: "d", Text: txt, Date: "2030-06-01", Land: "RP"}, text.Sentences(txt))
	if len(ex.People) != 1 || ex.People[0].Name != "Jan Jost" || ex.People[0].Role != "Leiter der Stabsstelle Offene Verwaltung" {
		t.Errorf("people %+v, want Jan Jost, Leiter der Stabsstelle Offene Verwaltung", ex.People)
	}
}

// An office whose name opens with a Land ("das NRW Innovation Lab") leaves
// no role once the Land is split off; the sentence still extracts.
func TestOfficeOfALandName(t *testing.T) {
	x := newTestExtractor(t)
	for _, s := range []string{
		"Das sagte Jan Muster, der das NRW Innovation Lab leitet.",
		"Das sagte Eva Exempel, die das RLP Cyberabwehrzentrum seit Mai leitet.",
	} {
		doc := &corpus.Document{ID: "d", Text: s, Date: "2080-01-02"}
		for _, p := range x.Extract(doc, text.Sentences(s)).People {
			if strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(p.Role, "Leitung des"), "Leitung der")) == "" {
				t.Errorf("%q: empty office in role %q", s, p.Role)
			}
		}
	}
}
