package meeting

import (
	"testing"

	"github.com/laendergraph/laendergraph/corpus"
	"github.com/laendergraph/laendergraph/ingest/text"
)

// TestHeaderFields checks a meeting recorded by minutes whose date, town
// and chair stand in header fields, not in a sentence.
func TestHeaderFields(t *testing.T) {
	s := "Lenkungskreis Datenräume der Länder\nProtokoll der 4. Sitzung\n\n" +
		"Ort: Erfurt, Staatskanzlei\nDatum: 14. März 2031\nVorsitz: Thüringen\nTeilnehmende Länder: Thüringen, Bayern, Bremen\n\n" +
		"1. Begrüßung\n\nDer Lenkungskreis berät den Entwurf. Die nächste Sitzung ist für den Herbst geplant."
	doc := &corpus.Document{Text: s, Date: "2031-03-20"}
	ms, _ := testExtractor.Extract(doc, text.Sentences(s))
	if len(ms) == 0 {
		t.Fatal("no meeting")
	}
	m := ms[0]
	if m.Start != "2031-03-14" || m.Place != "Erfurt" || len(m.Chairs) != 1 || m.Chairs[0] != "TH" {
		t.Errorf("meeting %s in %q chaired by %v; want 2031-03-14 in Erfurt chaired by TH", m.Start, m.Place, m.Chairs)
	}
	if len(m.Participants) != 2 || m.Participants[0] != "BY" || m.Participants[1] != "HB" {
		t.Errorf("participants %v, want [BY HB] (the chair is no mere participant)", m.Participants)
	}
	if want := "Protokoll der 4. Sitzung\n\nOrt: Erfurt, Staatskanzlei\nDatum: 14. März 2031\nVorsitz: Thüringen\nTeilnehmende Länder: Thüringen, Bayern, Bremen"; m.Evidence.Quote != want {
		t.Errorf("evidence %q, want the heading and the fields", m.Evidence.Quote)
	}
}
