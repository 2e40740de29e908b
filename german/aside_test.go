package german

import (
	"strings"
	"testing"
)

// TestSetAside checks, for invented sentences, which named Länder the
// words of their clause (or a comparison right before them) set aside. The
// Länder are given by name; a list is one entry joined by "+".
func TestSetAside(t *testing.T) {
	tests := []struct {
		s     string
		aside []string // names (or lists) set aside
		party []string // names (or lists) not set aside
	}{
		{"Dem Verbund gehören Sachsen, Thüringen und Brandenburg an; Niedersachsen war als Beobachter eingeladen.",
			[]string{"Niedersachsen"}, []string{"Sachsen+Thüringen+Brandenburg"}},
		{"Hessen und Bremen stimmten zu, Bayern enthielt sich.", []string{"Bayern"}, []string{"Hessen+Bremen"}},
		{"Bayern legt einen Prüfvorbehalt ein.", []string{"Bayern"}, nil},
		{"Hessen stimmte zu, Bremen hat sich der Stimme enthalten.", []string{"Bremen"}, []string{"Hessen"}},
		{"Anders als Bayern setzt Hessen auf eine eigene Cloud.", []string{"Bayern"}, []string{"Hessen"}},
		{"Berlin nahm als Gast an der Sitzung teil.", []string{"Berlin"}, nil},
		// who was excused or kept away
		{"Die bremische Agentur war verhindert und hatte sich entschuldigt; Hessen und Bayern unterzeichneten.", []string{"bremische"}, []string{"Hessen+Bayern"}},
		{"Die Ministerin aus Sachsen war krankheitsbedingt verhindert.", []string{"Sachsen"}, nil},
		// not who prevented something, nor who apologised
		{"Hessen hat einen Ausfall des Netzes verhindert.", nil, []string{"Hessen"}},
		{"Thüringen hat sich für die Ausfälle entschuldigt und betreibt das Portal stabil.", nil, []string{"Thüringen"}},
		{"Thüringen lehnt eine Beteiligung ab.", []string{"Thüringen"}, nil},
		// who chose one of its own
		{"Bremen nutzt den Dienst; Hessen hat ihn erprobt und sich anschließend für ein eigenes Modell entschieden.", []string{"Hessen"}, []string{"Bremen"}},
		{"Niedersachsen hat die Software eingeführt und sich anschließend für einen eigenen Betrieb entschieden.", nil, []string{"Niedersachsen"}},
		{"Sachsen nutzt den Dienst und hat sich für einen eigenen Betrieb entschieden.", nil, []string{"Sachsen"}},
		// who only examines, weighs or negotiates, or is asked about
		{"Bremen und Hamburg nutzen die Plattform, Niedersachsen prüft derzeit, ob sie eingeführt werden kann.", []string{"Niedersachsen"}, []string{"Bremen+Hamburg"}},
		{"Sachsen prüft die Nachnutzung noch.", []string{"Sachsen"}, nil},
		{"Hessen verhandelt derzeit noch über eine Beteiligung.", []string{"Hessen"}, nil},
		{"Mit Hamburg verhandeln wir noch über die Plattform.", []string{"Hamburg"}, nil},
		// a model named right before the phrase, not the Land after it
		{"Mit Hamburg als Vorbild baut Bremen die Plattform auf.", []string{"Hamburg"}, []string{"Bremen"}},
		{"Mit Thüringen als Beispiel baut Bremen die Plattform auf.", []string{"Thüringen"}, []string{"Bremen"}},
		{"Bremen baut die Plattform auf, Hamburg dient dabei als Vorbild.", nil, []string{"Bremen"}},
		{"Beim Ländertresor wird Berlin die Ergebnisse der Pilotländer abwarten.", []string{"Berlin"}, nil},
		{"Der Landtag bittet, zu prüfen, ob Niedersachsen der Cloud beitreten kann.", []string{"Niedersachsen"}, nil},
		// who decided against it, took another product, only took note or
		// let its own programme end
		{"Hamburg setzt die App ein; Bremen hat sich nach dem Test gegen einen Einsatz entschieden.", []string{"Bremen"}, []string{"Hamburg"}},
		{"Berlin nutzt die Plattform, Hessen hat ein anderes Produkt beschafft.", []string{"Hessen"}, []string{"Berlin"}},
		{"Sachsen und Bremen bauen die Plattform auf; Bayern hat sich für eine eigene Lösung entschieden.", []string{"Bayern"}, []string{"Sachsen+Bremen"}},
		{"Hessen hat sein Landesprogramm 2038 auslaufen lassen.", []string{"Hessen"}, nil},
		// who decided against it, with words between; who only watches
		{"Bremen nutzt den Arbeitsplatz; Thüringen hat sich im vergangenen Jahr gegen den Arbeitsplatz entschieden.", []string{"Thüringen"}, []string{"Bremen"}},
		{"Niedersachsen ist beobachtendes Mitglied im Lenkungskreis.", []string{"Niedersachsen"}, nil},
		// in talks is not yet a party
		{"Thüringen ist im Gespräch mit dem Anbieter.", []string{"Thüringen"}, nil},
		// nor over "für": deciding for it at the end of the year
		{"Bayern hat sich gegen Jahresende für das Portal entschieden.", nil, []string{"Bayern"}},
		// a gap does not reach past its clause
		{"Hessen wirbt gegen Widerstände, entschieden für die Plattform.", nil, []string{"Hessen"}},
		// who keeps its own, or has only shown interest
		{"Bremen nutzt das Portal; Hessen, das ebenfalls Träger ist, setzt dagegen weiterhin auf seine eigene Lösung.", []string{"Hessen"}, []string{"Bremen"}},
		{"Thüringen hat Interesse bekundet, wir sind im Gespräch.", []string{"Thüringen"}, nil},
		// a clause after a comma that goes on with the same subject
		{"Hamburg hatte das Verfahren ebenfalls getestet, sich aber für eine eigene Lösung entschieden.", []string{"Hamburg"}, nil},
		{"Das Saarland hatte Gespräche mit dem Dienstleister geführt, sich dann aber für das Rechenzentrum in Kiel entschieden.", []string{"Saarland"}, nil},
		// the clause of the Land goes on after a relative clause about it
		{"Bremen nutzt das neue Rechenzentrum; Hessen, das ebenfalls angefragt worden war, betreibt seine Verfahren weiterhin in den eigenen Rechenzentren.", []string{"Hessen"}, []string{"Bremen"}},
		{"Hessen, das ebenfalls angefragt worden war, betreibt seine Verfahren im neuen Rechenzentrum.", nil, []string{"Hessen"}},
		// a relative clause after its preposition ends as one after its
		// pronoun does
		{"Bremen nutzt das Portal. Thüringen, für das der Landesbetrieb Verfahren betreibt, hat sich gegen das Portal entschieden.", []string{"Thüringen"}, []string{"Bremen"}},
		// a preposition and an article after a comma that open a main
		// clause
		{"Die Plattform übernimmt Bayern, mit dem Ergebnis war Sachsen nicht einverstanden und enthielt sich.", []string{"Sachsen"}, []string{"Bayern"}},
		// but not a clause with its own subject
		{"Hessen nutzt die Cloud, Bayern hat sich für eine eigene Lösung entschieden.", []string{"Bayern"}, []string{"Hessen"}},
		// who has its own solution, or is a comparison
		{"Bremen nutzt das Portal; Hessen hat eine eigene Lösung entwickelt.", []string{"Hessen"}, []string{"Bremen"}},
		{"Hessen wurde bei der Tagung als Vergleichsbeispiel vorgestellt.", []string{"Hessen"}, nil},
		{"Im Vergleich zu Bayern ist Sachsen weiter.", []string{"Bayern"}, []string{"Sachsen"}},
		{"Verglichen mit Berlin nutzt Hamburg mehr Anträge.", []string{"Berlin"}, []string{"Hamburg"}},
		// a host is a party; "Gastgeber" is not "als Gast"
		{"Gastgeber war das Saarland.", nil, []string{"Saarland"}},
		{"Sachsen beteiligt sich an der Plattform und baut sie mit auf.", nil, []string{"Sachsen"}},
	}
	for _, tt := range tests {
		toks := Tokenize(tt.s)
		span := func(entry string) (int, int) {
			names := strings.Split(entry, "+")
			a, b := -1, -1
			for i, tk := range toks {
				if tk.Raw == names[0] && a < 0 {
					a = i
				}
				if tk.Raw == names[len(names)-1] && a >= 0 && i >= a {
					b = i
					break
				}
			}
			if a < 0 || b < 0 {
				t.Fatalf("%q: %s not found", tt.s, entry)
			}
			return a, b
		}
		for _, e := range tt.aside {
			if a, b := span(e); !SetAside(toks, a, b) {
				t.Errorf("%q: %s is not set aside", tt.s, e)
			}
		}
		for _, e := range tt.party {
			if a, b := span(e); SetAside(toks, a, b) {
				t.Errorf("%q: %s is set aside", tt.s, e)
			}
		}
	}
	if !HasAside(Tokenize("Welche Länder haben sich enthalten? Wer enthielt sich?")) {
		t.Errorf("HasAside misses a question about abstentions")
	}
	if HasAside(Tokenize("Welche Länder betreiben gemeinsam eine Cloud?")) {
		t.Errorf("HasAside finds an aside phrase in a plain question")
	}
}

// TestSetAsideAnySpan checks that any span of tokens may be asked about,
// also one that an aside phrase overlaps ("als" of "Anders als").
func TestSetAsideAnySpan(t *testing.T) {
	for _, s := range []string{
		"Anders als Baden-Württemberg, das auf einen Betreiber setzt, hält Bayern den Betrieb in eigener Hand.",
		"Bayern hat sich gegen Hessen entschieden.",
		"Im Vergleich zum Saarland ist Sachsen weiter.",
	} {
		toks := Tokenize(s)
		for a := range toks {
			for b := a; b < len(toks); b++ {
				SetAside(toks, a, b)
			}
		}
	}
}
