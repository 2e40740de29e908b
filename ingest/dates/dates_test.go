package dates

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/laendergraph/laendergraph/corpus"
)

// want is one expected match: the matched text and its dates.
type want struct {
	text     string
	from, to corpus.Date
	relative bool
	prec     Precision
}

func (w want) String() string {
	return fmt.Sprintf("%q %s..%s rel=%v %v", w.text, w.from, w.to, w.relative, w.prec)
}

func got(text string, ms []Match) []want {
	out := make([]want, 0, len(ms))
	for _, m := range ms {
		out = append(out, want{text[m.Start:m.End], m.From, m.To, m.Relative, m.Precision})
	}
	return out
}

func TestFind(t *testing.T) {
	tests := []struct {
		name, text string
		pub        corpus.Date
		want       []want
	}{
		{"numeric", "Das Treffen ist am 21.6.2019 gewesen.", "", []want{{"21.6.2019", "2019-06-21", "", false, Day}}},
		{"numeric zero padded", "Potsdam, 21.06.2019", "", []want{{"21.06.2019", "2019-06-21", "", false, Day}}},
		{"bracketed", "[26.6.2019] Erstmals trafen sich", "", []want{{"26.6.2019", "2019-06-26", "", false, Day}}},
		{"iso", "Stand 2024-04-19.", "", []want{{"2024-04-19", "2024-04-19", "", false, Day}}},
		{"month name", "Am 21. Juni 2019 in Potsdam.", "", []want{{"21. Juni 2019", "2019-06-21", "", false, Day}}},
		{"month abbreviation", "31. Jan. 2018 Bayern eröffnet", "", []want{{"31. Jan. 2018", "2018-01-31", "", false, Day}}},
		{"umlaut month", "am 3. März 2022", "", []want{{"3. März 2022", "2022-03-03", "", false, Day}}},
		{"seasonal meeting year", "Die Herbsttagung 2031 soll in Kassel sein.", "", []want{{"2031", "2031", "", false, Year}}},
		{"name year stays a name", "Der Plan Sommerfrische 2031 gilt.", "", nil},
		{"two-digit year after a month's name", "Am 9. Mai 73 war Saarbrücken Treffpunkt.", "2073-05-10", []want{{"9. Mai 73", "2073-05-09", "", false, Day}}},
		{"two-digit year before a comma", "Werkstatttag: 9. Mai 73, Saarbrücken", "2073-05-10", []want{{"9. Mai 73", "2073-05-09", "", false, Day}}},
		{"two-digit count is no year", "Am 9. Mai 12 Länder unterschrieben.", "2073-05-10", []want{{"9. Mai", "2073-05-09", "", true, Day}}},
		{"two-digit year needs the publication year", "Am 9. Mai 73 war Saarbrücken Treffpunkt.", "", nil},
		{"month and year", "Im Juni 2019 begann es.", "", []want{{"Juni 2019", "2019-06", "", false, Month}}},
		{"im month year", "im Juli 2023 übernehmen", "", []want{{"Juli 2023", "2023-07", "", false, Month}}},
		{"anfang month", "Anfang Juli 2023 begann der Vorsitz.", "", []want{{"Anfang Juli 2023", "2023-07", "", false, Month}}},
		{"und range", "Das Treffen ist am 8. und 9. November 2023 geplant.", "", []want{{"8. und 9. November 2023", "2023-11-08", "2023-11-09", false, Day}}},
		{"bis range", "Die Konferenz findet vom 12. bis 13. Mai 2025 statt.", "", []want{{"12. bis 13. Mai 2025", "2025-05-12", "2025-05-13", false, Day}}},
		{"numeric dash range", "Tagung 12.–13.5.2025 in Mainz", "", []want{{"12.–13.5.2025", "2025-05-12", "2025-05-13", false, Day}}},
		{"numeric slash range", "Sitzung am 8./9.11.2023", "", []want{{"8./9.11.2023", "2023-11-08", "2023-11-09", false, Day}}},
		{"cross month range", "vom 30. April bis 2. Mai 2025", "", []want{{"30. April bis 2. Mai 2025", "2025-04-30", "2025-05-02", false, Day}}},
		{"cross year range", "vom 30.12. bis 2.1.2025", "", []want{{"30.12. bis 2.1.2025", "2024-12-30", "2025-01-02", false, Day}}},
		{"weekday numeric", "Wann\nFreitag, 21.6.2019, 13.00 Uhr", "", []want{{"Freitag, 21.6.2019", "2019-06-21", "", false, Day}}},
		{"weekday den", "Am Freitag, den 27. September 2019, trafen sich", "", []want{{"Freitag, den 27. September 2019", "2019-09-27", "", false, Day}}},
		{"weekday den, dated text", "Treffen am Montag, den 4. September 2034", "2034-09-05", []want{{"Montag, den 4. September 2034", "2034-09-04", "", false, Day}}},
		{"year-less with pub", "Die Sitzung am 9. November in Berlin soll", "2023-11-07", []want{{"9. November", "2023-11-09", "", true, Day}}},
		{"year-less without pub", "Die Sitzung am 9. November in Berlin soll", "", nil},
		{"year-less future next year", "Das nächste Treffen wird am 15. Januar stattfinden.", "2023-12-20", []want{{"15. Januar", "2024-01-15", "", true, Day}}},
		{"year-less past previous year", "Das Treffen fand am 20. Dezember statt.", "2024-01-10", []want{{"20. Dezember", "2023-12-20", "", true, Day}}},
		{"year-less numeric after am", "Sitzung am 9.11. im Roten Rathaus", "2023-10-01", []want{{"9.11.", "2023-11-09", "", true, Day}}},
		{"seit month", "Seit Juli ist sie Vorsitzende.", "2023-11-07", []want{{"Juli", "2023-07", "", true, Month}}},
		{"weekdays before the bracketed days", "Am Mittwoch und Donnerstag (14./15. November) tagten sie.", "2040-11-17", []want{{"14./15. November", "2040-11-14", "2040-11-15", true, Day}}},
		{"weekdays before the days they open", "Am Montag und Dienstag, 7. und 8. Juli, tagten sie in Halle.", "2042-07-12", []want{{"Dienstag, 7. und 8. Juli", "2042-07-07", "2042-07-08", true, Day}}},
		{"weekdays of next week before the bracket", "Am Montag und Dienstag nächster Woche (14./15. Juli 2042) treffen sie sich.", "2042-07-09", []want{{"14./15. Juli 2042", "2042-07-14", "2042-07-15", false, Day}}},
		{"heute", "sagte der Staatssekretär heute in Potsdam", "2019-06-21", []want{{"heute", "2019-06-21", "", true, Day}}},
		{"heutige", "Die heutige Konferenz bietet", "2019-06-21", []want{{"heutige", "2019-06-21", "", true, Day}}},
		{"heute without pub", "sagte er heute", "", nil},
		{"heute with year only", "sagte er heute", "2019", nil},
		{"bis heute", "Das gilt bis heute.", "2019-06-21", nil},
		{"morgen gestern", "Gestern tagte der Rat, morgen der Ausschuss.", "2020-03-01", []want{{"Gestern", "2020-02-29", "", true, Day}, {"morgen", "2020-03-02", "", true, Day}}},
		{"am Morgen", "Am Morgen begann es.", "2020-03-01", nil},
		{"kommenden Freitag", "empfängt er am kommenden Freitag die Gäste", "2019-06-19", []want{{"kommenden Freitag", "2019-06-21", "", true, Day}}},
		{"week and weekdays", "Der Rat hat vergangene Woche Donnerstag und Freitag in Kiel getagt.", "2031-05-14", []want{{"vergangene Woche Donnerstag und Freitag", "2031-05-08", "2031-05-09", true, Day}}},
		{"next week am weekday", "Er tagt nächste Woche am Dienstag.", "2031-05-14", []want{{"nächste Woche am Dienstag", "2031-05-20", "", true, Day}}},
		{"weeks ago", "Die Gruppe war vor zwei Wochen in Kiel zusammengekommen.", "2031-10-02", []want{{"vor zwei Wochen", "2031-09-18", "", true, Day}}},
		{"days ago", "Vor 3 Tagen tagte der Rat.", "2031-10-02", []want{{"Vor 3 Tagen", "2031-09-29", "", true, Day}}},
		{"a stated day wins over time counted back", "Vor zwei Wochen hatte Bayern angekündigt, die Konferenz werde am 3. Dezember 2031 tagen.", "2031-10-02", []want{{"3. Dezember 2031", "2031-12-03", "", false, Day}}},
		{"sein with a noun is no perfect", "Die Konferenz ist am Dienstag zu Gesprächen in Kiel.", "2031-05-05", []want{{"am Dienstag", "2031-05-06", "", true, Day}}},
		{"vor with no span", "Vor zwei Jahren tagte der Rat.", "2031-10-02", nil},
		{"bare week is no day", "Die vergangene Woche war lang.", "2031-05-14", nil},
		{"perfect with sein is past", "Der Rat ist am Dienstag in Kiel zusammengekommen.", "2031-05-15", []want{{"am Dienstag", "2031-05-13", "", true, Day}}},
		{"kommenden Freitag on a Friday", "am kommenden Freitag", "2019-06-21", []want{{"kommenden Freitag", "2019-06-28", "", true, Day}}},
		{"vergangenen Montag", "am vergangenen Montag", "2019-06-21", []want{{"vergangenen Montag", "2019-06-17", "", true, Day}}},
		{"relative with explicit", "Am kommenden Freitag (19. April) findet die Konferenz statt.", "2024-04-12", []want{{"kommenden Freitag (19. April)", "2024-04-19", "", true, Day}}},
		{"diesem weekday same day", "An diesem Freitag kamen sie zusammen.", "2026-03-13", []want{{"diesem Freitag", "2026-03-13", "", true, Day}}},
		{"diesem weekday earlier in week", "An diesem Dienstag kamen sie zusammen.", "2026-03-13", []want{{"diesem Dienstag", "2026-03-10", "", true, Day}}},
		{"dieser weekday later in week", "Sie treffen sich an diesem Samstag.", "2026-03-11", []want{{"diesem Samstag", "2026-03-14", "", true, Day}}},
		{"diesem weekday without day pub", "An diesem Freitag kamen sie zusammen.", "2026-03", nil},
		{"in diesem Jahr", "teilen sich in diesem Jahr den Vorsitz", "2024-04-12", []want{{"diesem Jahr", "2024", "", true, Year}}},
		{"in diesem Jahr year-only pub", "teilen sich in diesem Jahr den Vorsitz", "2024", []want{{"diesem Jahr", "2024", "", true, Year}}},
		{"im kommenden Jahr", "im kommenden Jahr", "2024-04-12", []want{{"kommenden Jahr", "2025", "", true, Year}}},
		{"nächsten Jahren", "in den nächsten Jahren", "2024-04-12", nil},
		{"im Frühjahr", "Im Frühjahr ist ein Treffen geplant.", "2023", []want{{"Frühjahr", "2023", "", true, Year}}},
		{"im Frühjahr late in year", "Im Frühjahr ist ein Treffen geplant.", "2023-10-05", []want{{"Frühjahr", "2024", "", true, Year}}},
		{"im Jahr", "Im Jahr 2022 leitete Baden-Württemberg das Gremium.", "", []want{{"Jahr 2022", "2022", "", false, Year}}},
		{"seit year", "Seit 2019 treffen sich die Länder.", "", []want{{"2019", "2019", "", false, Year}}},
		{"bis Ende", "werden bis Ende 2024 den Vorsitz haben", "", []want{{"Ende 2024", "2024", "", false, Year}}},
		{"frühjahr year", "Im Frühjahr 2024 soll es so weit sein.", "", []want{{"Frühjahr 2024", "2024", "", false, Year}}},
		{"year after lowercase", "Dazu hat sie 2017 die Strategie veröffentlicht.", "", []want{{"2017", "2017", "", false, Year}}},
		{"year at sentence start", "2017 hat das Land begonnen.", "", []want{{"2017", "2017", "", false, Year}}},
		{"year range", "in den Jahren 2020 bis 2022 stehen Mittel bereit", "", []want{{"Jahren 2020 bis 2022", "2020", "2022", false, Year}}},
		{"year range dash", "im Zeitraum 2020–2022", "", []want{{"2020–2022", "2020", "2022", false, Year}}},
		{"22nd century", "Die Sitzung findet am 10. und 11. Februar 2101 statt.", "", []want{{"10. und 11. Februar 2101", "2101-02-10", "2101-02-11", false, Day}}},
		{"full date then ab", "ab 1. Juli 2023 für 18 Monate bis Ende 2024", "", []want{{"1. Juli 2023", "2023-07-01", "", false, Day}, {"Ende 2024", "2024", "", false, Year}}},

		// negatives
		{"strategy title", "Die Strategie „Sachsen-Anhalt Digital 2030“ liegt vor.", "", nil},
		{"update title", "Strategie für die Digitale Gesellschaft UPDATE 2020", "", nil},
		{"time", "Beginn 13.00 Uhr, Ende 18.30 Uhr", "", nil},
		{"time looking like a date", "Einlass 9.10 Uhr", "", nil},
		{"clock with colon", "von 08:00 bis 18:00 Uhr", "", nil},
		{"phone", "telefonisch unter 089 12 22 20 oder 0421-361 4746", "", nil},
		{"phone with year-like group", "Telefon 030 2019 4455", "", nil},
		{"postcode", "14473 Potsdam", "", nil},
		{"version", "Verwaltung 4.0 und 4.1", "", nil},
		{"section numbers", "2.1. Digitalisierung des Handwerks 16", "", nil},
		{"count", "rund 2000 Mitarbeiter und über 2024 Stellen", "", nil},
		{"money", "1990 Euro pro Kopf", "", nil},
		{"drucksache", "Drucksache 18/8335 und Drs. 18/2019", "", nil},
		{"url", "https://example.org/2019/07/bericht", "", nil},
		{"glued to letters", "Die D2019-Runde", "", nil},
		{"implausible year", "im Jahr 1850 und im Jahr 2250", "", nil},
		{"invalid day", "am 31.2.2019 und am 30. Februar 2020", "", nil},
		{"invalid month", "am 12.13.2019", "", nil},
		{"reversed range", "vom 13. bis 12. Mai 2025", "", []want{{"12. Mai 2025", "2025-05-12", "", false, Day}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := got(tt.text, Find(tt.text, tt.pub))
			if fmt.Sprint(g) != fmt.Sprint(tt.want) && !(len(g) == 0 && len(tt.want) == 0) {
				t.Errorf("Find(%q, %q):\ngot  %v\nwant %v", tt.text, tt.pub, g, tt.want)
			}
		})
	}
}

func TestPrecisionText(t *testing.T) {
	for _, p := range []Precision{Year, Month, Day} {
		b, err := p.MarshalText()
		if err != nil {
			t.Fatal(err)
		}
		var q Precision
		if err := q.UnmarshalText(b); err != nil || q != p {
			t.Errorf("round trip of %v: got %v, %v", p, q, err)
		}
	}
	var q Precision
	if err := q.UnmarshalText([]byte("week")); err == nil {
		t.Errorf("UnmarshalText(week): got nil error, want one")
	}
}

// checkMatches verifies the invariants every result of Find must hold.
func checkMatches(tb testing.TB, text string, ms []Match) {
	tb.Helper()
	last := 0
	for _, m := range ms {
		if m.Start < last || m.End <= m.Start || m.End > len(text) {
			tb.Fatalf("bad offsets %d..%d (previous end %d, len %d) in %q", m.Start, m.End, last, len(text), text)
		}
		if !utf8.ValidString(text[m.Start:m.End]) && utf8.ValidString(text) {
			tb.Fatalf("offsets %d..%d split a rune in %q", m.Start, m.End, text)
		}
		if m.From == "" || !m.From.Valid() || !m.To.Valid() {
			tb.Fatalf("invalid dates %q..%q in %q", m.From, m.To, text)
		}
		if m.To != "" && m.To.First() < m.From.First() {
			tb.Fatalf("range ends before it starts: %q..%q in %q", m.From, m.To, text)
		}
		if y := m.From.Year(); y < minYear || y > maxYear+1 {
			tb.Fatalf("implausible year %q in %q", m.From, text)
		}
		last = m.End
	}
}

func seeds(tb testing.TB) []string {
	tb.Helper()
	files, err := filepath.Glob(filepath.Join("testdata", "*.txt"))
	if err != nil {
		tb.Fatal(err)
	}
	var out []string
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		out = append(out, string(b))
	}
	return out
}

func TestSeeds(t *testing.T) {
	for _, s := range seeds(t) {
		for _, pub := range []corpus.Date{"", "2023", "2023-06", "2023-06-30"} {
			checkMatches(t, s, Find(s, pub))
		}
	}
}

func FuzzFind(f *testing.F) {
	for _, s := range seeds(f) {
		f.Add(s, "2023-06-30")
	}
	f.Add("am 8. und 9. November 2023", "")
	f.Add("am kommenden Freitag (19. April)", "2024-04-12")
	f.Add("vom 30.12. bis 2.1.2025", "2024-12-01")
	f.Add("Im Frühjahr ist es geplant", "2023")
	f.Fuzz(func(t *testing.T, text, pub string) {
		checkMatches(t, text, Find(text, corpus.Date(pub)))
	})
}

func BenchmarkFind(b *testing.B) {
	text := strings.Join(seeds(b), "\n")
	if text == "" {
		b.Skip("no testdata")
	}
	b.SetBytes(int64(len(text)))
	n := 0
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		n += len(Find(text, "2023-06-30"))
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "matches/s")
}

func TestFindYearless(t *testing.T) {
	tests := []struct {
		s, want string
	}{
		{"Die Konferenz hat am 24. November getagt.", "[11-24]"},
		{"Am 9.11. und am 3. März 2030 tagten sie.", "[11-09]"},
		{"Am 3. März 2030 tagten sie, heute wieder.", "[]"},
		{"Vom 3. bis 4. Juni tagten sie.", "[]"},
	}
	for _, tt := range tests {
		var got []string
		for _, y := range FindYearless(tt.s) {
			got = append(got, fmt.Sprintf("%02d-%02d", y.Month, y.Day))
			if y.Start < 0 || y.End > len(tt.s) || y.Start >= y.End {
				t.Errorf("%q: bad span %d..%d", tt.s, y.Start, y.End)
			}
		}
		if fmt.Sprint(got) != tt.want {
			t.Errorf("FindYearless(%q) = %v, want %s", tt.s, got, tt.want)
		}
	}
}

func TestWeekdayAlone(t *testing.T) {
	// 2031-03-21 is a Friday.
	tests := []struct {
		s, want string
	}{
		{"Der Rat hat am Freitag in Kiel getagt.", "[2031-03-21]"},
		{"Der Rat hat am Mittwoch in Kiel getagt.", "[2031-03-19]"},
		{"Der Rat kommt am Dienstag in Kiel zusammen.", "[2031-03-25]"},
		{"Der Rat tagt am Freitag, 4.4.2031, in Kiel.", "[2031-04-04]"},
	}
	for _, tt := range tests {
		var got []string
		for _, m := range Find(tt.s, "2031-03-21") {
			got = append(got, string(m.From))
		}
		if fmt.Sprint(got) != tt.want {
			t.Errorf("Find(%q) = %v, want %s", tt.s, got, tt.want)
		}
	}
}
