package german

import (
	"fmt"
	"strings"
	"testing"

	"github.com/laendergraph/laendergraph/corpus"
)

func newInstitutions(tb testing.TB) *InstitutionRecogniser {
	tb.Helper()
	return NewInstitutionRecogniser(NewLandRecogniser(corpus.Laender()))
}

// orgString renders a hit for comparison: name, then the fields that are set.
func orgString(h OrgHit) string {
	var b strings.Builder
	b.WriteString(h.Name)
	if h.Abbrev != "" {
		fmt.Fprintf(&b, " (%s)", h.Abbrev)
	}
	fmt.Fprintf(&b, " kind=%s", h.Kind)
	if h.Land != "" {
		fmt.Fprintf(&b, " land=%s", h.Land)
	}
	for _, f := range []struct {
		on   bool
		name string
	}{{h.Own, "own"}, {h.Federal, "federal"}, {h.Bare, "bare"}} {
		if f.on {
			b.WriteString(" " + f.name)
		}
	}
	fmt.Fprintf(&b, " key=%q", h.Key)
	return b.String()
}

// TestFindOrganisations has one row for every form that makes a name; the
// sentences are invented.
func TestFindOrganisations(t *testing.T) {
	r := newInstitutions(t)
	for _, tc := range []struct {
		name, in string
		want     []string
	}{
		{"head with für complement and abbreviation", "Das Landesamt für Sicherheit in der Informationstechnik (LSI) warnt vor Phishing.",
			[]string{`Landesamt für Sicherheit in der Informationstechnik (LSI) kind=office own key="landesamt fuer sicherheit in der informationstechnik"`}},
		{"genitive head is uninflected", "Die Leiterin des Amtes für IT und Digitalisierung sprach.",
			[]string{`Amt für IT und Digitalisierung kind=office key="amt fuer it und digitalisierung"`}},
		{"comma list in the complement", "Das Landesamt für Vermessung, Geodäsie und Breitband zieht um.",
			[]string{`Landesamt für Vermessung, Geodäsie und Breitband kind=office own key="landesamt fuer vermessung geodaesie und breitband"`}},
		{"Land name after the head", "Die Cyberagentur Sachsen-Anhalt berät Kommunen.",
			[]string{`Cyberagentur Sachsen-Anhalt kind=agency land=ST key="cyberagentur"`}},
		{"Land adjective before the head", "Die Thüringer Datenagentur nimmt ihre Arbeit auf.",
			[]string{`Thüringer Datenagentur kind=agency land=TH key="datenagentur"`}},
		{"lower-case Land adjective is not part of an organisation", "Die hessische Digitalagentur wächst.",
			[]string{`Digitalagentur kind=agency bare key="digitalagentur"`}},
		{"genitive Land before the head", "Hessens Cyberbehörde meldet Zahlen.",
			[]string{`Cyberbehörde kind=authority land=HE key="cyberbehoerde"`}},
		{"des Landes with the Land", "Das Presseamt des Landes Bremen lädt ein.",
			[]string{`Presseamt des Landes Bremen kind=office land=HB key="presseamt"`}},
		{"des Landes without a Land", "Der IT-Dienstleister des Landes stellt Personal ein.",
			[]string{`IT-Dienstleister des Landes kind=provider own key="it-dienstleister des landes"`}},
		{"owner after the abbreviation", "Im Amt für Netze (AfN) der Staatskanzlei arbeiten zehn Leute.",
			[]string{`Amt für Netze (AfN) kind=office own key="amt fuer netze"`}},
		{"suspended hyphen before the head", "Das Presse- und Datenamt des Landes Berlin teilt mit.",
			[]string{`Presse- und Datenamt des Landes Berlin kind=office land=BE key="press und datenamt"`}},
		{"Bund", "Das Bundesamt für Datenpflege (BfD) tagt.",
			[]string{`Bundesamt für Datenpflege (BfD) kind=office federal key="bundesamt fuer datenpflege"`}},
		{"classifier and proper name", "Der IT-Dienstleister Datahafen betreut fünf Länder.",
			[]string{`Datahafen kind=provider key="datahafen"`}},
		{"classifier and lower-case coinage with legal form", "Die Genossenschaft cloudland eG wächst.",
			[]string{`cloudland eG kind=cooperative key="cloudland"`}},
		{"legal form alone", "Die Firma Netzwerk Süd GmbH liefert Server.",
			[]string{`Netzwerk Süd GmbH kind=company key="netzwerk sued"`}},
		{"weak head needs an abbreviation", "Die Föderale Daten-Kooperation (FEDKO) und eine Kooperation der Länder.",
			[]string{`Föderale Daten-Kooperation (FEDKO) kind=cooperation key="foederal daten-kooperation"`}},
		{"CERT with a Land", "Das Saarland-CERT und das CERT-Nordost warnen.",
			[]string{`Saarland-CERT kind=cert land=SL key="cert"`, `CERT-Nordost kind=cert key="cert-nordost"`}},
		{"name-like word before the head", "Der ParkTech Campus Deutschland öffnet.",
			[]string{`ParkTech Campus Deutschland kind=campus key="parktech campus deutschland"`}},
		{"bare compound", "Die Cybersicherheitsagentur wurde 2021 gegründet.",
			[]string{`Cybersicherheitsagentur kind=agency bare key="cybersicherheitsagentur"`}},
		{"a classifying noun alone names nothing", "Kleine und mittlere Unternehmen (KMU) und Berliner Unternehmen.", nil},
		{"a Bund compound names itself", "Der Präsident der Bundesdatenagentur sprach.",
			[]string{`Bundesdatenagentur kind=agency federal key="bundesdatenagentur"`}},
		{"abbreviation after adjective and noun", "Das Kompetenzzentrum Offene Daten (KOD) berät.",
			[]string{`Kompetenzzentrum Offene Daten (KOD) kind=centre key="kompetenzzentrum offene daten"`}},
		{"no head alone", "Das Amt ist insgesamt gut besetzt, die Agentur auch.", nil},
		{"words that end like a head", "Die Nachrichtenagentur meldet ein Ehrenamt im Stadtzentrum.", nil},
		{"a person after the complement is not part of it", "Präsidentin des Landesamts für Datenschutz Erika Muster sagte.",
			[]string{`Landesamt für Datenschutz kind=office own key="landesamt fuer datenschutz"`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, h := range r.FindOrganisations(tc.in) {
				got = append(got, orgString(h))
				if h.Start < 0 || h.End > len(tc.in) || h.Start >= h.End {
					t.Fatalf("hit %+v out of range", h)
				}
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("FindOrganisations(%q):\ngot  %q\nwant %q", tc.in, got, tc.want)
			}
		})
	}
}

func lawString(h LawHit) string {
	var b strings.Builder
	b.WriteString(h.Title)
	if h.Abbrev != "" {
		fmt.Fprintf(&b, " (%s)", h.Abbrev)
	}
	fmt.Fprintf(&b, " kind=%s", h.Kind)
	if h.Land != "" {
		fmt.Fprintf(&b, " land=%s", h.Land)
	}
	if h.Own {
		b.WriteString(" own")
	}
	if h.Federal {
		b.WriteString(" federal")
	}
	fmt.Fprintf(&b, " key=%q", h.Key)
	return b.String()
}

// TestFindLaws has one row for every form of a law's title; the sentences
// are invented.
func TestFindLaws(t *testing.T) {
	r := newInstitutions(t)
	for _, tc := range []struct {
		name, in string
		want     []string
	}{
		{"compound", "Das Offenheitsgesetz gilt seit Mai.",
			[]string{`Offenheitsgesetz kind=law key="offenheitsgesetz"`}},
		{"hyphenated compound with abbreviation", "Das E-Akten-Gesetz (EAktG) verpflichtet die Behörden.",
			[]string{`E-Akten-Gesetz (EAktG) kind=law key="e-akten-gesetz"`}},
		{"Gesetz über with a lower-case adjective", "Der Landtag beriet das Gesetz über digitale Teilhabe und Datensicherheit (GDTD).",
			[]string{`Gesetz über digitale Teilhabe und Datensicherheit (GDTD) kind=law key="gesetz ueber digitale teilhabe und datensicherheit"`}},
		{"Gesetz zur with a genitive", "Das Gesetz zur Förderung der elektronischen Akte liegt vor.",
			[]string{`Gesetz zur Förderung der elektronischen Akte kind=law key="gesetz zur foerderung der elektronischen akte"`}},
		{"Land adjective, inflected head", "Die Novelle des saarländischen Offenheitsgesetzes kommt.",
			[]string{`saarländischen Offenheitsgesetz kind=law land=SL key="offenheitsgesetz"`}},
		{"capitalised Land adjective", "Das Hamburgische Datengesetz trat in Kraft.",
			[]string{`Hamburgische Datengesetz kind=law land=HH key="datengesetz"`}},
		{"Land after the title", "Das Digitalgesetz Sachsen regelt vieles.",
			[]string{`Digitalgesetz Sachsen kind=law land=SN key="digitalgesetz"`}},
		{"ordinance with hyphen", "Die Daten-Grundverordnung (DGVO) der EU gilt.",
			[]string{`Daten-Grundverordnung (DGVO) kind=ordinance key="daten-grundverordnung"`}},
		{"treaty", "Der IT-Staatsvertrag wurde geändert.",
			[]string{`IT-Staatsvertrag kind=treaty key="it-staatsvertrag"`}},
		{"federal", "Das Bundesdatengesetz gilt.",
			[]string{`Bundesdatengesetz kind=law federal key="bundesdatengesetz"`}},
		{"generic words name no law", "Das Gesetz und der Gesetzentwurf, ein Landesgesetz und die Gesetzgebung.", nil},
		{"a Land adjective does not make a generic head a name", "Das Berliner Gesetz ist streng.", nil},
		{"a complement only for a generic head", "Die Daten-Grundverordnung für alle Fälle.",
			[]string{`Daten-Grundverordnung kind=ordinance key="daten-grundverordnung"`}},
		{"in and a Land after a complement", "Das Gesetz zur Stärkung der Datensicherheit in Hessen liegt vor.",
			[]string{`Gesetz zur Stärkung der Datensicherheit kind=law land=HE key="gesetz zur staerkung der datensicherheit"`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, h := range r.FindLaws(tc.in) {
				got = append(got, lawString(h))
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("FindLaws(%q):\ngot  %q\nwant %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestFindCues(t *testing.T) {
	got := FindCues("Das Gesetz tritt am 1. Mai in Kraft; die Agentur wurde gegründet, die Präsidentin soll bleiben.")
	var rs []string
	for _, c := range got {
		rs = append(rs, fmt.Sprintf("%s:%v", c.Relation, c.Noun))
	}
	want := "inforce:false founded:false headed:true hedge:false"
	if strings.Join(rs, " ") != want {
		t.Errorf("FindCues: got %q, want %q", strings.Join(rs, " "), want)
	}
}

func FuzzFindInstitutions(f *testing.F) {
	for _, s := range []string{
		"Das Landesamt für Sicherheit in der Informationstechnik (LSI) des Landes Bayern",
		"Der IT-Dienstleister Datahafen (DH, wir berichteten) und die cloudland eG",
		"Das Gesetz über digitale Verwaltung, Akten und Register (X) des Landes",
		"Amt für , und ( ) des der Landes- (",
	} {
		f.Add(s)
	}
	r := newInstitutions(f)
	f.Fuzz(func(t *testing.T, s string) {
		for _, h := range r.FindOrganisations(s) {
			if h.Start < 0 || h.End > len(s) || h.Start >= h.End || h.Name == "" {
				t.Fatalf("organisation %+v out of range 0..%d", h, len(s))
			}
		}
		for _, h := range r.FindLaws(s) {
			if h.Start < 0 || h.End > len(s) || h.Start >= h.End || h.Title == "" {
				t.Fatalf("law %+v out of range 0..%d", h, len(s))
			}
		}
		FindCues(s)
	})
}

func TestHasInstitutionHead(t *testing.T) {
	for w, want := range map[string]bool{
		"Landesamt": true, "Cybersicherheitsagentur": true, "E-Government-Gesetz": true,
		"Digitalstrategie": false, "Vorsitz": false, "Bayern": false,
	} {
		if got := HasInstitutionHead(w); got != want {
			t.Errorf("HasInstitutionHead(%q) = %v, want %v", w, got, want)
		}
	}
}

// matchRef is headTable.match as it was: every ending of a candidate
// looked up in heads. The reference for headTable.ends.
func matchRef(t headTable, w string) (head, string, bool, bool) {
	for _, cand := range []string{w, strings.TrimSuffix(w, "es"), strings.TrimSuffix(w, "s")} {
		if t.not[cand] {
			return head{}, "", false, false
		}
		if h, ok := t.heads[cand]; ok {
			return h, cand, true, true
		}
		var longest head
		found, room := false, false
		runes := 0
		for k := range cand {
			if k > 0 {
				if h, ok := t.heads[cand[k:]]; ok {
					if !found {
						longest, found = h, true
					}
					if runes >= 3 {
						room = true
						break
					}
				}
			}
			runes++
		}
		if room {
			return longest, cand, false, true
		}
	}
	return head{}, "", false, false
}

// headWords are word parts for match: heads, heads inflected, heads at
// the end of longer words with fewer or more than three letters before
// them, and bytes that are no UTF-8.
func headWords() []string {
	ws := []string{"", "s", "es", "xamt", "äöamt", "ääamt", "äöüamt", "\xff\xffamt", "\xf0\x9famt", "landesbetrieb", "landesbetriebes", "betriebs", "abetrieb"}
	for _, t := range []headTable{orgHeads, lawHeads} {
		for _, e := range t.ends {
			ws = append(ws, e, e+"s", e+"es", "ab"+e, "abc"+e, "äöü"+e+"es", "ä"+e, "x\xe2"+e, "landes"+e+"s")
		}
		for k := range t.not {
			ws = append(ws, k, k+"s", "abc"+k)
		}
	}
	return ws
}

func TestHeadTableMatchAsBefore(t *testing.T) {
	for _, w := range headWords() {
		checkHeadMatch(t, w)
	}
}

func checkHeadMatch(t *testing.T, w string) {
	for i, tab := range []headTable{orgHeads, lawHeads} {
		h, base, exact, ok := tab.match(w)
		wh, wbase, wexact, wok := matchRef(tab, w)
		if h != wh || base != wbase || exact != wexact || ok != wok {
			t.Errorf("table %d: match(%q) = %v, %q, %v, %v, want %v, %q, %v, %v", i, w, h, base, exact, ok, wh, wbase, wexact, wok)
		}
	}
}

func FuzzHeadTableMatch(f *testing.F) {
	for _, w := range headWords() {
		f.Add(w)
	}
	f.Fuzz(checkHeadMatch)
}
