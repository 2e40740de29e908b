package german

import (
	"strings"
	"testing"
)

func TestRunningText(t *testing.T) {
	for _, c := range []struct {
		name, in string
		keep     []string
		drop     []string
	}{
		{
			name: "portal header, navigation and footer",
			in: "landesportal.example – Das Portal des Landes\n" +
				"Startseite › Themen › Digitales › Meldungen\n\n" +
				"Meldung vom 03.05.2091 | Quelle: Landesamt für IT\n\n" +
				"Der Rechnungshof hat die neue Plattform für Förderanträge geprüft und keine Mängel gefunden.\n\n" +
				"Seite drucken | Seite teilen | Nach oben\nImpressum | Datenschutz | Barrierefreiheit\n© Landesregierung",
			keep: []string{"Der Rechnungshof hat die neue Plattform für Förderanträge geprüft und keine Mängel gefunden."},
			drop: []string{"Startseite", "Meldung vom", "Seite drucken", "Impressum", "Landesregierung", "Portal des Landes"},
		},
		{
			name: "contact box after a paragraph",
			in: "Die Behörde beschäftigt rund 300 Mitarbeiterinnen und Mitarbeiter an vier Standorten.\n" +
				"Pressekontakt\nReferat Kommunikation\nTelefon 0000 000 · presse@behoerde.example",
			keep: []string{"Die Behörde beschäftigt"},
			drop: []string{"Pressekontakt", "Referat Kommunikation", "Telefon"},
		},
		{
			name: "the last short line of a wrapped paragraph",
			in:   "Das Verfahren wird nach einer Erprobung von zwölf Monaten in allen\nÄmtern eingeführt.\nKontakt\n",
			keep: []string{"in allen", "Ämtern eingeführt."},
			drop: []string{"Kontakt"},
		},
		{
			name: "a quotation in guillemets is prose",
			in:   "Er sagte: »Wir werden das Portal im Mai für alle Kommunen öffnen.« Danach folgte die Aussprache.",
			keep: []string{"Er sagte: »Wir werden"},
		},
		{
			name: "a link list is no prose",
			in:   "Diese Meldung als PDF herunterladen | Alle Meldungen | Newsletter abonnieren",
			drop: []string{"PDF", "Meldungen", "Newsletter"},
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := RunningText(c.in)
			for _, k := range c.keep {
				if !strings.Contains(got, k) {
					t.Errorf("RunningText lost %q:\n%s", k, got)
				}
			}
			for _, d := range c.drop {
				if strings.Contains(got, d) {
					t.Errorf("RunningText kept %q:\n%s", d, got)
				}
			}
		})
	}
}
