package german

import (
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/laendergraph/laendergraph/corpus/corpustest"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

func TestSentences(t *testing.T) {
	inputs, err := filepath.Glob(filepath.Join("testdata", "TestSentences", "*.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if len(inputs) == 0 {
		t.Fatal("no inputs in testdata/TestSentences")
	}
	for _, in := range inputs {
		name := strings.TrimSuffix(filepath.Base(in), ".txt")
		t.Run(name, func(t *testing.T) {
			b, err := os.ReadFile(in)
			if err != nil {
				t.Fatal(err)
			}
			got := renderSentences(string(b))
			golden := strings.TrimSuffix(in, ".txt") + ".golden"
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("read golden file (run with -update to create it): %v", err)
			}
			if got != string(want) {
				t.Errorf("sentences of %s:\ngot\n%s\nwant\n%s", in, got, want)
			}
		})
	}
}

// renderSentences lists the sentences of t one per line, line breaks inside a
// sentence shown as "⏎".
func renderSentences(t string) string {
	var b strings.Builder
	for _, s := range Sentences(t) {
		b.WriteString(strings.ReplaceAll(s.Of(t), "\n", "⏎"))
		b.WriteByte('\n')
	}
	return b.String()
}

func TestSentencesSplits(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"plain", "Das ist eins. Das ist zwei! Ist das drei? Ja.", []string{"Das ist eins.", "Das ist zwei!", "Ist das drei?", "Ja."}},
		{"a numbered item's first line wrapped", "Beschluss:\n\n1. Die Länder Bremen und Hessen erklären gemeinsam, das Verfahren\nFunkdesk ab Mai als Pilotländer einzusetzen.\n2. Bayern enthält sich.", []string{"Beschluss:", "1. Die Länder Bremen und Hessen erklären gemeinsam, das Verfahren\nFunkdesk ab Mai als Pilotländer einzusetzen.", "2. Bayern enthält sich."}},
		{"a numbered item's first line wrapped before a short last line", "2. Der Funkrat beauftragt Bremen und Hessen mit der federführenden\nUmsetzung der Funkbrücke.\n3. Bayern enthält sich.", []string{"2. Der Funkrat beauftragt Bremen und Hessen mit der federführenden\nUmsetzung der Funkbrücke.", "3. Bayern enthält sich."}},
		{"a numbered heading before a sentence", "2. Umsetzung der Maßnahmen zur Digitalisierung in den Ämtern und bei den Kommunen\nDie Landesregierung hat den Bericht beschlossen.", []string{"2. Umsetzung der Maßnahmen zur Digitalisierung in den Ämtern und bei den Kommunen", "Die Landesregierung hat den Bericht beschlossen."}},
		{"numbered items ending in semicolons", "Der Senat setzt Schwerpunkte:\n1. Ausbau der Plattform zu einem Datenraum, der auch Kommunen offensteht;\n2. Weiterentwicklung des Lagezentrums, das Bremen betreibt;\n3. ein Programm für die Bezirke.", []string{"Der Senat setzt Schwerpunkte:", "1. Ausbau der Plattform zu einem Datenraum, der auch Kommunen offensteht;", "2. Weiterentwicklung des Lagezentrums, das Bremen betreibt;", "3. ein Programm für die Bezirke."}},
		{"lettered items", "Beschluss 2070/3:\na) Der Rat begrüßt das Angebot.\nb) Bremen übernimmt die Leistung.\nc) Hessen prüft die Nachnutzung noch", []string{"Beschluss 2070/3:", "a) Der Rat begrüßt das Angebot.", "b) Bremen übernimmt die Leistung.", "c) Hessen prüft die Nachnutzung noch"}},
		{"a letter in brackets inside a line", "Die Länder nach Absatz 2 b) und c) stimmen zu. Gut.", []string{"Die Länder nach Absatz 2 b) und c) stimmen zu.", "Gut."}},
		{"wrapped prose line ending in a noun", "Die Federführung für das Vorhaben liegt nach dem Beschluss bei der\nBeauftragten der Landesregierung für die Verwaltung, Frau Staatssekretärin\nDr. Eva Exempel. Gut.", []string{"Die Federführung für das Vorhaben liegt nach dem Beschluss bei der\nBeauftragten der Landesregierung für die Verwaltung, Frau Staatssekretärin\nDr. Eva Exempel.", "Gut."}},
		{"table rows stay lines", "Übersicht der Plattformen nach Ländern und\nHamburg Lernraum Hamburg Moodle Schulchat HH 2028\nBremen Itslearning Bremen Messenger Bremen 2030", []string{"Übersicht der Plattformen nach Ländern und\nHamburg Lernraum Hamburg Moodle Schulchat HH 2028", "Bremen Itslearning Bremen Messenger Bremen 2030"}},
		{"hard-wrapped prose from its first line", "Inzwischen nutzen 410 Gemeinden in unserem Land die neue App – und seit vergangenem\nSommer auch 38 Gemeinden im Nachbarland, mit dem wir einen Vertrag haben. Gut.", []string{"Inzwischen nutzen 410 Gemeinden in unserem Land die neue App – und seit vergangenem\nSommer auch 38 Gemeinden im Nachbarland, mit dem wir einen Vertrag haben.", "Gut."}},
		{"list lines of the same length stay apart", "[12.5.2033] Dritte Konferenz in Kiel: Länder fordern mehr Tempo bei der Cloud\n[2.2.2033] Bayern übernimmt den Vorsitz der Runde von Hamburg und Bremen", []string{"[12.5.2033] Dritte Konferenz in Kiel: Länder fordern mehr Tempo bei der Cloud", "[2.2.2033] Bayern übernimmt den Vorsitz der Runde von Hamburg und Bremen"}},
		{"header fields of the same length stay apart", "Ort: Magdeburg, Staatskanzlei und Ministerium für Kultur des Landes Sachsen-Anhalt\nVorsitz: Sachsen-Anhalt (Vorsitzjahr 2031), vertreten durch den CIO des Landes", []string{"Ort: Magdeburg, Staatskanzlei und Ministerium für Kultur des Landes Sachsen-Anhalt", "Vorsitz: Sachsen-Anhalt (Vorsitzjahr 2031), vertreten durch den CIO des Landes"}},
		{"a drawn rule ends a sentence", "Runde der Länder Seite 3 von 3\n----------------\nKiel, den 16.10.2040", []string{"Runde der Länder Seite 3 von 3", "----------------", "Kiel, den 16.10.2040"}},
		{"heading line before prose", "Digitalstrategie des Landes\nDie Landesregierung hat heute die neue Strategie vorgestellt.", []string{"Digitalstrategie des Landes", "Die Landesregierung hat heute die neue Strategie vorgestellt."}},
		{"name wrapped inside quotes", "Das Land hat die Strategie „Hessen\nDigital 4.0“ beschlossen. Gut.", []string{"Das Land hat die Strategie „Hessen\nDigital 4.0“ beschlossen.", "Gut."}},
		{"heading with a closed quote", "Programm „Digital“\nDie Runde tagt.", []string{"Programm „Digital“", "Die Runde tagt."}},
		{"name wrapped inside quotes, closed by a straight quote", "Sie hat die Strategie „Saar\n2040\" vorgelegt. Gut.", []string{"Sie hat die Strategie „Saar\n2040\" vorgelegt.", "Gut."}},
		{"a Land's name wrapped at the line's end", "2. Den Vorsitz teilen das Saarland und die Freie Hansestadt\nBremen gemeinsam.\nDer Freistaat\nSachsen folgt. Gut.", []string{"2. Den Vorsitz teilen das Saarland und die Freie Hansestadt\nBremen gemeinsam.", "Der Freistaat\nSachsen folgt.", "Gut."}},
		{"a line ending in a Land's whole name ends", "Gastgeber: Freistaat Sachsen\nBremen folgt 2060.", []string{"Gastgeber: Freistaat Sachsen", "Bremen folgt 2060."}},
		{"a date wrapped before its year", "Der Senat hat das Programm am 23. Januar\n2041 beschlossen. Gut.", []string{"Der Senat hat das Programm am 23. Januar\n2041 beschlossen.", "Gut."}},
		{"quote not closed on the next line", "Titel „Hessen\nDer Rest folgt.", []string{"Titel „Hessen", "Der Rest folgt."}},
		{"periods inside a quoted name", "Das Land hat die „Agenda 2040 – Offen. Sicher. Nah.“ beschlossen. Gut.", []string{"Das Land hat die „Agenda 2040 – Offen. Sicher. Nah.“ beschlossen.", "Gut."}},
		{"periods inside a quoted name, closed by a straight quote", "Sie gilt als „Plan – Offen. Sicher.\" seit Mai. Gut.", []string{"Sie gilt als „Plan – Offen. Sicher.\" seit Mai.", "Gut."}},
		{"sentences of a speaker still split", "„Wir handeln. Das Land braucht eine klare Richtung.“, sagte sie.", []string{"„Wir handeln.", "Das Land braucht eine klare Richtung.“, sagte sie."}},
		{"u. a.", "Es ging u. a. um Cyberwehr. Dann um KI.", []string{"Es ging u. a. um Cyberwehr.", "Dann um KI."}},
		{"z. B. before capital", "Länder wie z. B. Bayern machen mit. Gut.", []string{"Länder wie z. B. Bayern machen mit.", "Gut."}},
		{"z.B. compact", "Themen wie z.B. Cloud. Neu.", []string{"Themen wie z.B. Cloud.", "Neu."}},
		{"titles", "Es sprach Prof. Dr. Erika Beispiel. Danach Dr. Muster.", []string{"Es sprach Prof. Dr. Erika Beispiel.", "Danach Dr. Muster."}},
		{"ca. number", "Es kamen ca. 300 Gäste. Alle blieben.", []string{"Es kamen ca. 300 Gäste.", "Alle blieben."}},
		{"Nr. and Abs.", "Siehe Nr. 4 und Abs. 2. Mehr nicht.", []string{"Siehe Nr. 4 und Abs. 2.", "Mehr nicht."}},
		{"month abbreviation", "Am 31. Jan. 2018 war es so weit. Dann folgte mehr.", []string{"Am 31. Jan. 2018 war es so weit.", "Dann folgte mehr."}},
		{"numeric date", "Am 21.6.2019 tagten sie. Danach nicht.", []string{"Am 21.6.2019 tagten sie.", "Danach nicht."}},
		{"date range", "Am 8. und 9. November 2023 tagten sie. Danach nicht.", []string{"Am 8. und 9. November 2023 tagten sie.", "Danach nicht."}},
		{"day range with slash", "Am 12./13. Juni 2030 tagten sie. Danach nicht.", []string{"Am 12./13. Juni 2030 tagten sie.", "Danach nicht."}},
		{"ordinal", "Die 4. Digitalministerkonferenz tagte. Gut.", []string{"Die 4. Digitalministerkonferenz tagte.", "Gut."}},
		{"century", "Die Aufgabe des 21. Jahrhunderts. Sicher.", []string{"Die Aufgabe des 21. Jahrhunderts.", "Sicher."}},
		{"year ends sentence", "Das war 2019. Im Jahr darauf nicht.", []string{"Das war 2019.", "Im Jahr darauf nicht."}},
		{"digit starts sentence", "Das war gut. 2020 kam mehr.", []string{"Das war gut.", "2020 kam mehr."}},
		{"quote period inside", "„Wir sind bereit.“ Das sagte sie.", []string{"„Wir sind bereit.“", "Das sagte sie."}},
		{"straight quote", "Er sagte: „Wir sind bereit.\" Dann ging er.", []string{"Er sagte: „Wir sind bereit.\"", "Dann ging er."}},
		{"quote then comma", "„Wir sind bereit“, sagte sie. Gut.", []string{"„Wir sind bereit“, sagte sie.", "Gut."}},
		{"next sentence opens quote", "Sie sagte es. „Gut so.“", []string{"Sie sagte es.", "„Gut so.“"}},
		{"etc. at end", "Cloud, KI etc. Danach Pause.", []string{"Cloud, KI etc.", "Danach Pause."}},
		{"etc. inside", "Cloud, KI etc. und mehr. Gut.", []string{"Cloud, KI etc. und mehr.", "Gut."}},
		{"initials", "Es sprach A. B. Muster. Gut.", []string{"Es sprach A. B. Muster.", "Gut."}},
		{"heading lines", "Staatskanzlei\nDigitale Länder\n\nDer Text beginnt hier.", []string{"Staatskanzlei", "Digitale Länder", "Der Text beginnt hier."}},
		{"wrapped lowercase", "Die Länder treffen sich\nin Potsdam. Gut.", []string{"Die Länder treffen sich\nin Potsdam.", "Gut."}},
		{"wrapped after article", "Die Länder gründen die\nCyberwehr in Potsdam.", []string{"Die Länder gründen die\nCyberwehr in Potsdam."}},
		{"wrapped after comma", "Bayern, Berlin,\nHessen und Bremen tagen.", []string{"Bayern, Berlin,\nHessen und Bremen tagen."}},
		{"list items", "Themen:\n- Cloud\n- KI\nEnde.", []string{"Themen:", "- Cloud", "- KI", "Ende."}},
		{"dateline", "Potsdam, 21.06.2019\nDie Länder tagen.", []string{"Potsdam, 21.06.2019", "Die Länder tagen."}},
		{"blank line ends", "Ohne Punkt\n\nohne Großbuchstaben", []string{"Ohne Punkt", "ohne Großbuchstaben"}},
		{"abbreviation at line end", "Es sprach Dr.\nMuster aus Kiel.", []string{"Es sprach Dr.\nMuster aus Kiel."}},
		{"ellipsis", "Und dann … Es folgte nichts.", []string{"Und dann …", "Es folgte nichts."}},
		{"trailing space", "  Eins.  Zwei.  ", []string{"Eins.", "Zwei."}},
		{"empty", "", nil},
		{"only space", " \n\t ", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, s := range Sentences(tt.in) {
				got = append(got, s.Of(tt.in))
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// checkSentences fails when the sentences of t are out of range, out of
// order, overlapping, empty or not trimmed.
func checkSentences(tb testing.TB, t string, ss []Sentence) {
	tb.Helper()
	prev := 0
	for i, s := range ss {
		if s.Start < prev || s.End <= s.Start || s.End > len(t) {
			tb.Fatalf("sentence %d: got [%d, %d), want ordered non-empty range after %d within %d", i, s.Start, s.End, prev, len(t))
		}
		if q := s.Of(t); strings.TrimSpace(q) != q {
			tb.Fatalf("sentence %d: got %q, want it trimmed", i, q)
		}
		prev = s.End
	}
}

func FuzzSentences(f *testing.F) {
	corpustest.AddSeeds(f, filepath.Join("testdata", "TestSentences", "*.txt"))
	f.Add("Dr. A. „B.“ 1. 2.3. … !? \n\n- x\n")
	f.Fuzz(func(t *testing.T, s string) {
		checkSentences(t, s, Sentences(s))
	})
}

func TestIsQuestion(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want bool
	}{
		{"Hat das Land eine Cyberwehr?", true},
		{"4. Verfügt der Freistaat über eine Digitalstrategie? ", true},
		{"„Wann kommt die Cyberwehr?“", true},
		{"Das Land hat eine Cyberwehr.", false},
		{"„Wozu?“, fragte sie, und das Land baute eine Cyberwehr auf.", false},
	} {
		t.Run(tc.in, func(t *testing.T) {
			if got := IsQuestion(tc.in); got != tc.want {
				t.Errorf("IsQuestion(%q): got %v, want %v", tc.in, got, tc.want)
			}
		})
	}
}
