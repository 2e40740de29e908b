package graph

import (
	"bytes"
	"context"
	"io"
	"testing"
	"unicode/utf8"

	"github.com/cayleygraph/quad/nquads"

	"github.com/laendergraph/laendergraph/corpus"
)

// FuzzRoundTrip stores a document whose text, title and identifiers are
// arbitrary and checks that every reader gives them back unchanged and that
// the N-Quads export parses. Seeds: the calls below and testdata/fuzz.
func FuzzRoundTrip(f *testing.F) {
	f.Add("Baden-Württemberg baut eine Cyberwehr auf.", "Cyberwehr „Süd“", "erika-beispiel", "BW", "cyberwehr")
	f.Add("Zeile eins\nZeile \"zwei\"\tmit \\ und <spitzen> Klammern", "", "mit Leerzeichen", "", "k i")
	f.Add("100 % digital: {a|b} ^ `c`", "Titel\r\n", "%41%", "B W", "%")
	f.Add("Steuer\x00zeichen\x0b\x7f\u2028 und ẞ", "\x1b[0m", "ä/ö#ü?x=1", "NRW", "\u00ad")
	f.Fuzz(func(t *testing.T, text, title, person, land, topic string) {
		for _, s := range []string{text, title, person, land, topic} {
			if !utf8.ValidString(s) {
				t.Skip("ingest stores UTF-8 only")
			}
		}
		d := corpus.Document{ID: corpus.NewDocID("f.txt"), File: "f.txt", Title: title, Text: text, Source: title, Date: "2024"}
		ev := corpus.EvidenceAt(&d, 0, len(text))
		ext := corpus.Extraction{
			Document:   d,
			LandTopics: []corpus.LandTopic{{Land: corpus.LandCode(land), Topic: corpus.TopicID(topic), Relation: corpus.Relation(title), Evidence: ev}},
			People:     []corpus.Person{{ID: corpus.PersonID(person), Name: title, Role: text, Land: corpus.LandCode(land), Evidence: ev}},
			Meetings:   []corpus.MeetingMention{{Series: corpus.SeriesID(topic), Place: text, Hosts: []corpus.LandCode{corpus.LandCode(land)}, Evidence: ev}},
		}
		if land == "" {
			ext.Meetings[0].Hosts = nil // an empty code is not stored
		}
		ctx := context.Background()
		s, err := NewMemory()
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		if err := s.Put(ctx, []corpus.Extraction{ext}); err != nil {
			t.Fatal(err)
		}
		lt, err := s.LandTopics(ctx, FactFilter{})
		if err != nil {
			t.Fatal(err)
		}
		if dd := diff(lt, ext.LandTopics); dd != "" {
			t.Errorf("LandTopics: %s", dd)
		}
		pp, err := s.People(ctx, "")
		if err != nil {
			t.Fatal(err)
		}
		if dd := diff(pp, ext.People); dd != "" {
			t.Errorf("People: %s", dd)
		}
		mm, err := s.MeetingMentions(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if dd := diff(mm, ext.Meetings); dd != "" {
			t.Errorf("MeetingMentions: %s", dd)
		}
		docs, err := s.Documents(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if dd := diff(docs, []corpus.Document{stored(d)}); dd != "" {
			t.Errorf("Documents: %s", dd)
		}

		var buf bytes.Buffer
		if err := s.WriteNQuads(ctx, &buf); err != nil {
			t.Fatal(err)
		}
		r := nquads.NewReader(&buf, false)
		n := 0
		for {
			_, err := r.ReadQuad()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatalf("parse export: %v", err)
			}
			n++
		}
		if want := len(encode(&ext)); n != want {
			t.Errorf("got %d quads in the export, want %d", n, want)
		}
	})
}
