package german

import (
	"strings"
	"testing"
)

func TestItemTitle(t *testing.T) {
	long := "TOP 4 – " + strings.Repeat("Umsetzung der gemeinsamen Leitlinien ", 6)
	for _, c := range []struct{ in, want string }{
		{"TOP 3 – Wärmenetze für kommunale Rechenzentren", "Wärmenetze für kommunale Rechenzentren"},
		{"TOP 7: Nachwuchsgewinnung in der Verwaltungs-IT.", "Nachwuchsgewinnung in der Verwaltungs-IT"},
		{"Tagesordnungspunkt 2: Open-Source-Beschaffung", "Open-Source-Beschaffung"},
		{"• Barrierefreie Landesportale", "Barrierefreie Landesportale"},
		{"- Registermodernisierung;", "Registermodernisierung"},
		{"2) Souveräne Arbeitsplätze\nDer Bericht wurde zur Kenntnis genommen.", "Souveräne Arbeitsplätze"},
		{"1. Gemeinsame Cloud der Länder", "Gemeinsame Cloud der Länder"},
		// the procedure of the meeting is no theme of it
		{"TOP 1 Begrüßung und Feststellung der Beschlussfähigkeit", ""},
		{"TOP 9 – Verschiedenes", ""},
		{"• Genehmigung der Tagesordnung", ""},
		// "Terminologie" is no "Termine"
		{"TOP 5 Terminologiedatenbank der Verwaltung", "Terminologiedatenbank der Verwaltung"},
		{"TOP 6 –", ""},
		// a gloss after the title, and a sentence as a list item
		{"- Netzausbau auf dem Land: Die Runde bittet den Bund, die Förderung über das Jahr hinaus zu verlängern.", "Netzausbau auf dem Land"},
		{"TOP 2 – Verwaltungscloud: Anschluss der Länder an eine gemeinsame Cloud", "Verwaltungscloud: Anschluss der Länder an eine gemeinsame Cloud"},
		{"• Die Konferenz dient der Abstimmung der Länder in allen Fragen der Netzpolitik.", ""},
		{"• die Cyberwehr", "die Cyberwehr"},
	} {
		if got := ItemTitle(c.in); got != c.want {
			t.Errorf("ItemTitle(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	got := ItemTitle(long)
	if len(got) > maxItemTitle+len(" …") || !strings.HasSuffix(got, " …") || !strings.HasPrefix(got, "Umsetzung der gemeinsamen") {
		t.Errorf("ItemTitle(long) = %q: want at most %d bytes, cut at a word", got, maxItemTitle)
	}
}

func TestAgendaItem(t *testing.T) {
	for s, want := range map[string]bool{
		"TOP 1 – Netze":                     true,
		"  TOP 7: Haushalt":                 true,
		"Tagesordnungspunkt 3: Cloud":       true,
		"top 2 Open Data":                   true,
		"TOP Thema ohne Nummer":             false,
		"Themen: Cloud und Netze":           false,
		"Die Tagesordnung wurde genehmigt.": false,
		"TOP":                               false,
	} {
		if got := AgendaItem(s); got != want {
			t.Errorf("AgendaItem(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestListItem(t *testing.T) {
	for s, want := range map[string]string{
		"- Cloud":           "Cloud",
		"  • Cyberwehr":     "Cyberwehr",
		"12. Breitband":     "Breitband",
		"2) Open Data":      "Open Data",
		"b) Open Data":      "Open Data",
		"B) Open Data":      "!",
		"1.Cloud":           "!",
		"2024 war ein Jahr": "!",
		"-Cloud":            "!",
		"Die Runde tagt.":   "!",
		"1234. Zu viele":    "!",
	} {
		got, ok := ListItem(s)
		if !ok {
			got = "!"
		}
		if got != want {
			t.Errorf("ListItem(%q) = %q, want %q (! for no item)", s, got, want)
		}
	}
}
