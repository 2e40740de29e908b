package graph

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"reflect"
	"slices"
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

// FuzzFingerprintJournal decodes arbitrary bytes as a fingerprint journal:
// it must not panic, and what it accepts must end with a commit that
// journalTail finds too and must encode to a journal that decodes to the
// same fingerprints. Seeds: the calls below and testdata/fuzz.
func FuzzFingerprintJournal(f *testing.F) {
	var valid bytes.Buffer
	w := newJournalWriter(&valid, 0)
	w.header()
	w.print("a.txt", corpus.NewFingerprint("Ein Text über die Digitalpolitik der Länder und ihre Vorhaben"))
	w.print("b.txt", corpus.Fingerprint{Shingles: 3, Min: []uint64{1, 2, 1 << 63}})
	w.commit(graphState{quads: 210, horizon: 900})
	w.gone("b.txt")
	w.print("c.txt", corpus.Fingerprint{Shingles: 1})
	w.commit(graphState{quads: 105, horizon: 1000})
	if err := w.flush(); err != nil {
		f.Fatal(err)
	}
	data := valid.Bytes()
	f.Add(data)
	f.Add(data[:len(data)-commitSize])
	f.Add(data[:len(data)/2])
	f.Add(append(slices.Clone(data), recGone, 1, 'x'))
	f.Add(slices.Clone(journalHeader))
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, data []byte) {
		ctx := context.Background()
		fps, records, quads, err := readJournal(ctx, bufio.NewReader(bytes.NewReader(data)))
		if err != nil {
			return
		}
		if records < len(fps) {
			t.Errorf("%d records hold %d fingerprints", records, len(fps))
		}
		if q, ok := tailOf(bytes.NewReader(data), int64(len(data))); !ok || q != quads {
			t.Errorf("journalTail: got %+v, %v, want %+v", q, ok, quads)
		}
		var again bytes.Buffer
		if err := encodeJournal(&again, fps, quads); err != nil {
			t.Fatal(err)
		}
		fps2, records2, quads2, err := readJournal(ctx, bufio.NewReader(&again))
		if err != nil {
			t.Fatalf("a journal encoded again does not decode: %v", err)
		}
		if !reflect.DeepEqual(fps2, fps) || records2 != len(fps) || quads2 != quads {
			t.Errorf("encoded again: got %d fingerprints (%d records) at %+v, want %d at %+v", len(fps2), records2, quads2, len(fps), quads)
		}
	})
}
