package meeting

import (
	"testing"

	"github.com/laendergraph/laendergraph/corpus"
	"github.com/laendergraph/laendergraph/ingest/text"
)

func TestCalendarEntries(t *testing.T) {
	doc := parseFixture("kalender.txt", "Digitalministerkonferenz\n\nSitzungskalender\n\n"+
		"Den Vorsitz der Digitalministerkonferenz hat im Jahr 2051 Thüringen inne.\n\n"+
		"8.–9. April 2051\n27. Digitalministerkonferenz\nOrt: Erfurt, Augustinerkloster\n\n"+
		"Donnerstag, 22. Mai 2051\nArbeitstreffen der Geschäftsstelle (keine DMK-Sitzung)\nOrt: Gotha\n\n"+
		"28. Digitalministerkonferenz\nWann: 2. Oktober 2051\nWo: Weimar, Stadtschloss\n")
	ms, _ := testExtractor.Extract(doc, text.Sentences(doc.Text))
	tests := []struct {
		ord          int
		start, end   corpus.Date
		place, venue string
	}{
		{27, "2051-04-08", "2051-04-09", "Erfurt", "Augustinerkloster"},
	}
	for _, tt := range tests {
		found := false
		for _, m := range ms {
			if m.Ordinal != tt.ord {
				continue
			}
			found = true
			if m.Start != tt.start || m.End != tt.end || m.Place != tt.place || m.Venue != tt.venue {
				t.Errorf("meeting %d: got %s–%s %q %q, want %s–%s %q %q", tt.ord, m.Start, m.End, m.Place, m.Venue, tt.start, tt.end, tt.place, tt.venue)
			}
		}
		if !found {
			t.Errorf("meeting %d not found in %+v", tt.ord, ms)
		}
	}
	for _, m := range ms {
		if m.Place == "Gotha" || m.Start == "2051-05-22" {
			t.Errorf("an entry that is no meeting of the series became one: %+v", m)
		}
	}
}
