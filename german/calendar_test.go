package german

import (
	"strings"
	"testing"
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
