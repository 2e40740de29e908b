package german

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
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

// runningTextRef is RunningText as it was: every line split by
// navSeparator, the words of each part counted by strings.Fields.
func runningTextRef(t string) string {
	letterWords := func(s string) int {
		n := 0
		for _, w := range strings.Fields(s) {
			if r, _ := utf8.DecodeRuneInString(w); unicode.IsLetter(r) {
				n++
			}
		}
		return n
	}
	proseLine := func(line string) bool {
		words, lower := 0, 0
		for _, w := range strings.Fields(line) {
			r, _ := utf8.DecodeRuneInString(w)
			if !unicode.IsLetter(r) {
				continue
			}
			words++
			if unicode.IsLower(r) {
				lower++
			}
		}
		return lower >= 2 && 4*lower >= words
	}
	var b strings.Builder
	open := false
	for _, line := range strings.Split(t, "\n") {
		if strings.TrimSpace(line) == "" {
			open = false
			continue
		}
		for _, p := range navSeparator.Split(line, -1) {
			p = strings.TrimSpace(p)
			if p == "" {
				continue
			}
			if !open && (letterWords(p) < runningWords || !proseLine(p)) {
				open = false
				continue
			}
			b.WriteString(p)
			b.WriteByte('\n')
			open = !sentenceEnds(p)
		}
	}
	return b.String()
}

var runningCases = []string{
	"", "\n\n", "Startseite › Themen › Digitales › Meldungen\nder die das und oder aber auch noch",
	"die Behörde beschäftigt rund 300 Mitarbeiter an vier Standorten | Impressum | Datenschutz",
	"»Wir werden das tun«, sagte sie und ging mit den anderen nach Hause.", "> 3 Mio. Euro für die Schulen und die Kommunen des Landes",
	"Über Größe ärgern sich die Leute in der Straße · und zwar sehr • oft und gern",
	"ein\u00a0zwei\u2003drei vier fünf sechs sieben acht", "x\xffy ab\xc3 cd ef gh ij kl mn\top\vqr",
	"Die Landesregierung hat heute beschlossen, dass\ndie Förderung weitergeht und\n\nEnde",
	"ÄRGER ÖL über ärger öl und über ẞ ß der die das", "eins zwei drei vier fünf sechs|sieben acht neun zehn elf zwölf",
}

func TestRunningTextAsBefore(t *testing.T) {
	for _, s := range runningCases {
		if got, want := RunningText(s), runningTextRef(s); got != want {
			t.Errorf("RunningText(%q) = %q, want %q", s, got, want)
		}
	}
}

func FuzzRunningText(f *testing.F) {
	for _, s := range runningCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := RunningText(s), runningTextRef(s); got != want {
			t.Errorf("RunningText(%q) = %q, want %q", s, got, want)
		}
	})
}
