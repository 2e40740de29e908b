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
