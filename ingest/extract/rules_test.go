package extract

import (
	"testing"

	"github.com/laendergraph/laendergraph/corpus"
	"github.com/laendergraph/laendergraph/ingest/text"
)

func TestRelativeYear(t *testing.T) {
	x := newTestExtractor(t)
	for _, tc := range []struct {
		sent string
		date corpus.Date
		want int
	}{
		{"Das Kabinett hat die Strategie gestern beschlossen.", "2030-01-01", 2029},
		{"Der Senat hat sie in seiner gestrigen Sitzung gebilligt.", "2030-01-02", 2030},
		{"Die Regierung hat sie am Dienstag beschlossen.", "2031-01-02", 2030}, // a Thursday
		{"Die Regierung hat sie vorgestern beschlossen.", "2031-01-01", 2030},
		{"Die Regierung hat sie beschlossen.", "2031-01-01", 2031},
		{"Die Regierung hat sie gestern beschlossen.", "2031", 2031},
	} {
		t.Run(tc.sent, func(t *testing.T) {
			s := x.newSentence(text.Sentence{}, tc.sent)
			if got := s.relativeYear(tc.date); got != tc.want {
				t.Errorf("relativeYear(%q, %s): got %d, want %d", tc.sent, tc.date, got, tc.want)
			}
		})
	}
}

func TestStatedYearSkipsDateline(t *testing.T) {
	x := newTestExtractor(t)
	for _, tc := range []struct {
		sent string
		want int
	}{
		{"Kiel, 3. Januar 2031 – Das Kabinett hat die Strategie beschlossen.", 0},
		{"[2.1.2031] Das Kabinett hat die Strategie beschlossen.", 0},
		{"Kiel, 3. Januar 2031 – Das Kabinett hat die Strategie am 30. Dezember 2030 beschlossen.", 2030},
		{"Das Kabinett hat die Strategie 2029 beschlossen.", 2029},
	} {
		t.Run(tc.sent, func(t *testing.T) {
			s := x.newSentence(text.Sentence{}, tc.sent)
			if got := s.statedYear(nil); got != tc.want {
				t.Errorf("statedYear(%q): got %d, want %d", tc.sent, got, tc.want)
			}
		})
	}
}

func TestSlug(t *testing.T) {
	for in, want := range map[string]string{
		"Dörte Schall":        "doerte-schall",
		"Yasemin Koç-Hartung": "yasemin-koc-hartung",
		"Ayşe Yıldız":         "ayse-yildiz",
		"Straße & Weg 2040":   "strasse-weg-2040",
	} {
		if got := Slug(in); got != want {
			t.Errorf("Slug(%q) = %q, want %q", in, got, want)
		}
	}
}
