package german

import (
	"slices"
	"testing"
	"time"

	"github.com/laendergraph/laendergraph/corpus"
)

func TestStem(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Gesetzes", "gesetz"}, {"Gesetz", "gesetz"}, {"Digitalagenturen", "digitalagentur"},
		{"Ländern", "laend"}, {"Länder", "laend"}, {"neu", "neu"}, {"KI", "ki"},
	} {
		if got := Stem(c.in); got != c.want {
			t.Errorf("Stem(%q): got %q, want %q", c.in, got, c.want)
		}
	}
}

func TestCalendar(t *testing.T) {
	for _, c := range []struct {
		w    string
		want time.Month
		ok   bool
	}{
		{"März", time.March, true}, {"Maerz", time.March, true}, {"Mai", time.May, true}, {"October", time.October, true},
		{"Okt", 0, false}, {"Mandat", 0, false},
	} {
		got, ok := Month(c.w)
		if got != c.want || ok != c.ok {
			t.Errorf("Month(%q): got %v %v, want %v %v", c.w, got, ok, c.want, c.ok)
		}
	}
	if m, ok := AbbreviatedMonth("Okt"); !ok || m != time.October {
		t.Errorf("AbbreviatedMonth(Okt): got %v %v", m, ok)
	}
	if _, ok := AbbreviatedMonth("Oktober"); ok {
		t.Error("AbbreviatedMonth(Oktober): a full name is no abbreviation")
	}
	if d, ok := Weekday("Sonnabend"); !ok || d != time.Saturday {
		t.Errorf("Weekday(Sonnabend): got %v %v", d, ok)
	}
	if ms := Season("Frühjahrssitzung"); len(ms) != 3 || ms[0] != time.March {
		t.Errorf("Season(Frühjahrssitzung): got %v, want spring", ms)
	}
	if ms := Season("Herbst"); len(ms) != 3 || ms[0] != time.September {
		t.Errorf("Season(Herbst): got %v", ms)
	}
}

func TestLexicon(t *testing.T) {
	if !IsStopword("welches") || !IsStopword("Which") || IsStopword("kein") || IsStopword("Cyberwehr") {
		t.Error("stop words: question words are, negations and nouns are not")
	}
	if got := Translate("ministry"); len(got) == 0 || got[0] != "Ministerium" {
		t.Errorf("Translate(ministry): got %v", got)
	}
	if syn := Synonyms(Stem("gegründet")); len(syn) == 0 {
		t.Error("Synonyms(gegründet): none")
	}
	if Places()["Potsdam"] != corpus.LandCode("BB") {
		t.Errorf("Places: Potsdam is in %q, want BB", Places()["Potsdam"])
	}
}

func TestLandRecogniser(t *testing.T) {
	r := NewLandRecogniser(corpus.Laender())
	txt := "Die Freie Hansestadt Bremen, die hessische Ministerin und der Bayern-CERT."
	var got []corpus.LandCode
	for _, h := range r.Find(txt) {
		got = append(got, h.Land)
	}
	if len(got) != 2 || got[0] != "HB" || got[1] != "HE" {
		t.Errorf("Find: got %v, want [HB HE] (Bayern-CERT is a compound)", got)
	}
	all := r.FindAll(txt)
	if len(all) != 3 || !all[2].Compound {
		t.Errorf("FindAll: got %+v, want the compound flagged", all)
	}
}

func TestVerbStem(t *testing.T) {
	same := [][2]string{{"umgesetzt", "Umsetzung"}, {"geplant", "Planung"}, {"eingeführt", "Einführung"},
		{"entwickelt", "Entwicklung"}, {"beteiligt", "Beteiligung"}, {"erprobt", "Erprobung"}, {"verabschiedet", "Verabschiedung"},
		{"gefördert", "Förderung"}, {"verbessert", "Verbesserungen"}}
	for _, p := range same {
		if a, b := VerbStem(p[0]), VerbStem(p[1]); a == "" || a != b {
			t.Errorf("VerbStem(%q) = %q, VerbStem(%q) = %q, want the same", p[0], a, p[1], b)
		}
	}
	for _, w := range []string{"Gesetz", "Land", "Strategie", "gut", "Umzug", "Ausbau", "Vertrag", "Bereich", "ernst", "einzureichen"} {
		if v := VerbStem(w); v != "" {
			t.Errorf("VerbStem(%q) = %q, want none", w, v)
		}
	}
	// the infinitive with "zu", as the stemmer leaves it or whole, is the
	// participle's or noun's verb (not a noun such as "Umzug", "Anzug")
	for _, p := range [][2]string{{"einzureich", "eingereicht"}, {"abzustimmen", "abgestimmt"}, {"anzubind", "Anbindung"}} {
		if a, b := ZuInfinitive(p[0]), VerbStem(p[1]); a == "" || a != b {
			t.Errorf("ZuInfinitive(%q) = %q, VerbStem(%q) = %q, want the same", p[0], a, p[1], b)
		}
	}
	for _, w := range []string{"Umzug", "Anzug", "Einzug", "eingereicht"} {
		if v := ZuInfinitive(w); v != "" {
			t.Errorf("ZuInfinitive(%q) = %q, want none", w, v)
		}
	}
	if VerbStem("Gesetze") == VerbStem("Umsetzung") {
		t.Errorf("Gesetze and Umsetzung must not match")
	}
}

// TestSynonymsOfCompoundHead checks that a compound the table does not hold
// takes the synonyms of its head behind its own first part, and that a
// word too short for a head takes none.
func TestSynonymsOfCompoundHead(t *testing.T) {
	got := Synonyms(Stem("Sicherheitsleute"))
	if !slices.Contains(got, "sicherheits"+Stem("Fachkräfte")) {
		t.Errorf("Synonyms(Sicherheitsleute) = %v, want the compound with Fachkräfte", got)
	}
	if got := Synonyms(Stem("Bauantragslotse")); got != nil {
		t.Errorf("Synonyms(Bauantragslotse) = %v, want none", got)
	}
	if got := Synonyms("abc"); got != nil {
		t.Errorf("Synonyms(abc) = %v", got)
	}
}

func TestParticleVerb(t *testing.T) {
	for _, tc := range []struct{ verb, particle, participle string }{
		{"nutzt", "nach", "nachgenutzt"},
		{"führen", "ein", "eingeführt"},
		{"setzt", "um", "umgesetzt"},
	} {
		got := ParticleVerb(tc.verb, tc.particle)
		if got == "" || got != VerbStem(tc.participle) {
			t.Errorf("ParticleVerb(%q, %q) = %q, VerbStem(%q) = %q", tc.verb, tc.particle, got, tc.participle, VerbStem(tc.participle))
		}
	}
	if got := ParticleVerb("nutzt", "Land"); got != "" {
		t.Errorf("ParticleVerb with no particle = %q", got)
	}
}

// TestVerbNounSynonyms: a verb and the noun made of it without "-ung"
// are synonyms ("entwerfen", "Entwurf"); so are their participles.
func TestVerbNounSynonyms(t *testing.T) {
	for _, tc := range [][2]string{{"entwerfen", "Entwurf"}, {"beitreten", "Beitritt"}, {"angeschlossen", "Anschluss"}} {
		if got := Synonyms(Stem(tc[0])); !slices.Contains(got, Stem(tc[1])) {
			t.Errorf("Synonyms(%s) = %v, want %s", tc[0], got, Stem(tc[1]))
		}
	}
}
