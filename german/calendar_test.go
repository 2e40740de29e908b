package german

import (
	"strings"
	"testing"

	"github.com/laendergraph/laendergraph/corpus"
)

// TestCalendarKeyCoversTheTables checks that calendarKey's length bounds
// let every name of the month and weekday tables through, as written in
// capitals too.
func TestCalendarKeyCoversTheTables(t *testing.T) {
	for name := range months {
		if _, ok := Month(strings.ToUpper(name[:1]) + name[1:]); !ok && !abbreviatedMonths[name] {
			t.Errorf("Month(%q) not found", name)
		}
	}
	for name := range weekdays {
		if _, ok := Weekday(strings.ToUpper(name)); !ok {
			t.Errorf("Weekday(%q) not found", strings.ToUpper(name))
		}
	}
	if _, ok := Month("März"); !ok {
		t.Error("Month(März) not found")
	}
}

func TestIsYear(t *testing.T) {
	for s, want := range map[string]bool{
		"1950": true, "2024": true, "2101": true, "2199": true,
		"1949": false, "2200": false, "202": false, "20245": false, "2024a": false,
	} {
		if got := IsYear(s); got != want {
			t.Errorf("IsYear(%q) = %v, want %v", s, got, want)
		}
	}
}

// calendarKeyRef is calendarKey as it was, a string of corpus.Fold or
// strings.ToLower.
func calendarKeyRef(w string) (string, bool) {
	if len(w) < 3 || len(w) > 12 {
		return "", false
	}
	for i := 0; i < len(w); i++ {
		if c := w[i]; c >= 0x80 || c == ' ' || c == '\t' {
			return corpus.Fold(w), true
		}
	}
	return strings.ToLower(w), true
}

var calendarWords = []string{"", "Mai", "MAI", "mai", "März", "MÄRZ", "Maerz", "Mrz", "Jan", "Jän", "Jänner", "Freitag", "FREITAG", "Sonnabend",
	"Februar", "Feb", "Sept", "Dezember12345", "Donnerstag", "Donnerstags", "Mittwoch ", " Mittwoch", "Mitt woch", "Dien\tstag",
	"für", "über", "Größe", "ẞonntag", "Mär\u00adz", "x\xffy", "\xc3\xa4\xc3\xa4\xc3\xa4\xc3\xa4\xc3\xa4\xc3\xa4", "ⱥⱥⱥⱥ", "Montag\u00a0"}

func TestCalendarKeyAsBefore(t *testing.T) {
	for _, w := range calendarWords {
		checkCalendarKey(t, w)
	}
}

func checkCalendarKey(t *testing.T, w string) {
	want, wok := calendarKeyRef(w)
	got, ok := calendarKey(make([]byte, 0, 2), w)
	if string(got) != want || ok != wok {
		t.Errorf("calendarKey(%q) = %q, %v, want %q, %v", w, got, ok, want, wok)
	}
}

func FuzzCalendarKey(f *testing.F) {
	for _, w := range calendarWords {
		f.Add(w)
	}
	f.Fuzz(checkCalendarKey)
}
