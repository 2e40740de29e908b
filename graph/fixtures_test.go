package graph

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	ckv "github.com/cayleygraph/cayley/graph/kv"

	"github.com/laendergraph/laendergraph/corpus"
)

// backends lists the stores every test runs against.
var backends = []struct {
	name string
	open func(tb testing.TB) *Store
}{
	{"memory", openMemory},
	{"leveldb", openLevelDB},
}

func openMemory(tb testing.TB) *Store {
	tb.Helper()
	s, err := NewMemory()
	if err != nil {
		tb.Fatalf("NewMemory: %v", err)
	}
	tb.Cleanup(func() { s.Close() })
	return s
}

// openLevelDB opens a LevelDB graph that neither waits for the disk nor
// allocates Cayley's Bloom filters, which makes the tests several times
// cheaper under -race; TestReopen, TestLabelIndex and the benchmarks use Open.
func openLevelDB(tb testing.TB) *Store {
	tb.Helper()
	s, err := open(context.Background(), tb.TempDir(), cgraph.Options{"nosync": true, ckv.OptNoBloom: true})
	if err != nil {
		tb.Fatalf("Open: %v", err)
	}
	tb.Cleanup(func() { s.Close() })
	return s
}

// eachBackend runs fn as a subtest per backend.
func eachBackend(t *testing.T, fn func(t *testing.T, open func(testing.TB) *Store)) {
	t.Helper()
	for _, b := range backends {
		t.Run(b.name, func(t *testing.T) { fn(t, b.open) })
	}
}

func put(tb testing.TB, s *Store, exts ...corpus.Extraction) {
	tb.Helper()
	if err := s.Put(context.Background(), exts); err != nil {
		tb.Fatalf("Put: %v", err)
	}
}

// newDoc returns a document with the given text and full metadata.
func newDoc(file, title, text string, date corpus.Date) corpus.Document {
	return corpus.Document{
		ID:          corpus.NewDocID(file),
		File:        file,
		Title:       title,
		Source:      "https://example.org/" + file,
		Date:        date,
		Kind:        corpus.KindPressRelease,
		Format:      "txt",
		Text:        text,
		ContentHash: fmt.Sprintf("%064x", len(text)),
		Fingerprint: corpus.NewFingerprint(text),
		IngestedAt:  time.Date(2025, 3, 4, 5, 6, 7, 890, time.UTC),
	}
}

// at returns the evidence for the sentence of d at index i of sentences.
func at(tb testing.TB, d *corpus.Document, sentences []string, i int) corpus.Evidence {
	tb.Helper()
	k := strings.Index(d.Text, sentences[i])
	if k < 0 {
		tb.Fatalf("sentence %d not in text of %s", i, d.File)
	}
	return corpus.EvidenceAt(d, k, k+len(sentences[i]))
}

var sentencesA = []string{
	"Baden-Württemberg baut eine Cyberwehr für Kommunen auf.",
	"Zum ersten Treffen der Digitalkoordinatoren lud Brandenburg für den 21.6.2019 nach Potsdam ein.",
	"Den Vorsitz führen Bayern und Berlin seit 2022 gemeinsam.",
	"Staatssekretärin Dr. Erika Beispiel (SPD) ist Digitalbeauftragte Brandenburgs.",
	"Mit „digital@bw“ hat Baden-Württemberg 2017 seine Digitalstrategie beschlossen.",
	"Künstliche Intelligenz steht in Hessen ganz oben.",
}

var sentencesB = []string{
	"Hessen richtet ein Lagezentrum für Cybersicherheit ein.",
	"Das nächste Treffen der Länder findet im Herbst 2025 in Erfurt statt.",
	"Minister Max Muster leitet das Ressort in Hessen.",
}

// extractionA has every kind of fact.
func extractionA(tb testing.TB) corpus.Extraction {
	d := newDoc("docs/01_bw.txt", "Cyberwehr im Südwesten", strings.Join(sentencesA, " "), "2019-06-19")
	d.Land = "BW"
	d.Laender = []corpus.LandCode{"BW", "BY", "BE", "BB", "HE"}
	d.Topics = []corpus.TopicID{"cyberwehr", "digitalstrategie", "ki"}
	d.Series = []corpus.SeriesID{"d16", "digitalkoordinatoren"}
	cyber := at(tb, &d, sentencesA, 0)
	meet := at(tb, &d, sentencesA, 1)
	chair := at(tb, &d, sentencesA, 2)
	person := at(tb, &d, sentencesA, 3)
	strat := at(tb, &d, sentencesA, 4)
	ki := at(tb, &d, sentencesA, 5)
	return corpus.Extraction{
		Document: d,
		Mentions: []corpus.Mention{
			{Land: "BW", Evidence: cyber},
			{Land: "BB", Evidence: meet},
			{Land: "BY", Evidence: chair},
			{Land: "BE", Evidence: chair},
			{Land: "HE", Evidence: ki},
		},
		TopicMentions: []corpus.TopicMention{
			{Topic: "cyberwehr", Evidence: cyber},
			{Topic: "digitalstrategie", Evidence: strat},
			{Topic: "ki", Evidence: ki},
		},
		LandTopics: []corpus.LandTopic{
			{Land: "BW", Topic: "cyberwehr", Relation: corpus.RelHas, Evidence: cyber},
			{Land: "BW", Topic: "digitalstrategie", Relation: corpus.RelAdopted, Evidence: strat},
			{Land: "HE", Topic: "ki", Relation: corpus.RelStrategy, Evidence: ki},
		},
		Meetings: []corpus.MeetingMention{{
			Series: "digitalkoordinatoren", Ordinal: 1, Start: "2019-06-21", End: "2019-06-21",
			Place: "Potsdam", Venue: "Staatskanzlei", Hosts: []corpus.LandCode{"BB"},
			Chairs: []corpus.LandCode{"BB"}, Participants: []corpus.LandCode{"BW", "BY", "HE"},
			Topics: []corpus.TopicID{"cyberwehr", "ki"}, Evidence: meet,
			// items given in the order of their lines, as decoding gives them
			Agenda: []corpus.AgendaItem{{Title: "Cyberwehr im Südwesten", Evidence: cyber}, {Title: "Künstliche Intelligenz", Evidence: ki}},
		}},
		Chairs: []corpus.ChairTerm{
			{Series: "d16", Lands: []corpus.LandCode{"BY", "BE"}, From: "2022", Evidence: chair},
		},
		People: []corpus.Person{{
			ID: "erika-beispiel", Name: "Erika Beispiel", Honorific: "Dr.",
			Role: "Staatssekretärin und Digitalbeauftragte", Land: "BB", Party: "SPD",
			Date: "2019-06-19", Evidence: person,
		}},
		Strategies: []corpus.Strategy{
			{ID: "BW-digital-bw", Land: "BW", Title: "digital@bw", Year: 2017, Evidence: strat},
		},
	}
}

// extractionB is a second document, marked as a duplicate of the first.
func extractionB(tb testing.TB) corpus.Extraction {
	d := newDoc("docs/02_he.html", "Lagezentrum in Wiesbaden", strings.Join(sentencesB, " "), "2024-11")
	d.Kind = corpus.KindNews
	d.Format = "html"
	d.Land = "HE"
	d.Laender = []corpus.LandCode{"HE", "TH"}
	d.Topics = []corpus.TopicID{"cybersicherheit"}
	d.DuplicateOf = corpus.NewDocID("docs/01_bw.txt")
	d.IngestedAt = time.Time{}
	cyber := at(tb, &d, sentencesB, 0)
	meet := at(tb, &d, sentencesB, 1)
	person := at(tb, &d, sentencesB, 2)
	return corpus.Extraction{
		Document: d,
		Mentions: []corpus.Mention{{Land: "HE", Evidence: cyber}},
		LandTopics: []corpus.LandTopic{
			{Land: "HE", Topic: "cybersicherheit", Relation: corpus.RelHas, Evidence: cyber},
		},
		Meetings: []corpus.MeetingMention{{
			Series: "dmk", Start: "2025", Place: "Erfurt", Hosts: []corpus.LandCode{"TH"},
			Planned: true, Evidence: meet,
		}},
		People: []corpus.Person{{
			ID: "max-muster", Name: "Max Muster", Role: "Minister", Land: "HE", Evidence: person,
		}},
		Organisations: []corpus.Organisation{
			{ID: "HE-lagezentrum-fuer-cybersicherheit", Name: "Lagezentrum für Cybersicherheit", Kind: "centre", Land: "HE",
				Relation: corpus.OrgFounded, By: "HE", Date: "2024-11", Evidence: cyber},
			{ID: "HE-lagezentrum-fuer-cybersicherheit", Name: "Lagezentrum für Cybersicherheit", Abbrev: "LZC", Kind: "centre", Land: "HE",
				Relation: corpus.OrgHeaded, Person: "Max Muster", PersonID: "max-muster", Role: "leitet", Evidence: person},
			{ID: "datenverbund", Name: "Datenverbund eG", Kind: "cooperative", Relation: corpus.OrgMember, By: "TH", Evidence: meet},
		},
		Laws: []corpus.Law{
			{ID: "HE-cybersicherheitsgesetz", Title: "Hessisches Cybersicherheitsgesetz", Abbrev: "HCSG", Kind: "law", Land: "HE",
				Relation: corpus.LawPassed, Date: "2024-10-02", Evidence: cyber},
		},
	}
}

// stored returns the document as the graph gives it back: without text.
func stored(d corpus.Document) corpus.Document {
	d.Text = ""
	return d
}

// listed is what Documents returns of d: what the graph stores but the
// fingerprint.
func listed(d corpus.Document) corpus.Document {
	d.Text, d.Fingerprint = "", corpus.Fingerprint{}
	return d
}

// synthetic returns the i-th of many generated extractions, of realistic size.
func synthetic(i int) corpus.Extraction {
	codes := corpus.Laender().Codes()
	topics := []corpus.TopicID{"cyberwehr", "ki", "verwaltung", "breitband", "cloud", "bildung", "open-data"}
	l1, l2, l3 := codes[i%16], codes[(i+5)%16], codes[(i+11)%16]
	t1, t2, t3 := topics[i%7], topics[(i+3)%7], topics[(i+5)%7]
	var b strings.Builder
	fmt.Fprintf(&b, "Meldung Nummer %d über die Digitalpolitik der Länder. ", i)
	for k := 0; k < 12; k++ {
		fmt.Fprintf(&b, "Absatz %d der Meldung %d behandelt Vorhaben zu %s und %s in %s. ", k, i, t1, t2, l1)
	}
	fmt.Fprintf(&b, "Das Land %s baut %s weiter aus. ", l1, t1)
	fmt.Fprintf(&b, "Auch %s setzt auf %s. ", l2, t2)
	fmt.Fprintf(&b, "Die Konferenz tagte in Stadt %d unter Vorsitz von %s. ", i%40, l3)
	fmt.Fprintf(&b, "Ministerin Person %d aus %s äußerte sich. ", i%300, l2)
	fmt.Fprintf(&b, "Die Strategie Digital %d von %s gilt seit %d.", i%50, l1, 2015+i%10)
	d := newDoc(fmt.Sprintf("docs/synthetic/%05d.txt", i), fmt.Sprintf("Meldung %d", i), b.String(), corpus.Date(fmt.Sprintf("20%02d-%02d-%02d", 15+i%10, 1+i%12, 1+i%28)))
	d.Land = l1
	// The graph gives lists back in canonical order: Länder as the registry
	// lists them, topics sorted.
	d.Laender = corpus.Laender().SortCodes([]corpus.LandCode{l1, l2, l3})
	d.Topics = []corpus.TopicID{t1, t2, t3}
	slices.Sort(d.Topics)
	d.Series = []corpus.SeriesID{"d16"}
	ev := func(prefix string) corpus.Evidence {
		k := strings.Index(d.Text, prefix)
		e := strings.Index(d.Text[k:], ". ")
		if e < 0 {
			e = len(d.Text) - k - 1
		}
		return corpus.EvidenceAt(&d, k, k+e+1)
	}
	has, also, meet := ev("Das Land"), ev("Auch"), ev("Die Konferenz")
	person, strat := ev("Ministerin"), ev("Die Strategie")
	ext := corpus.Extraction{
		Document: d,
		Mentions: []corpus.Mention{
			{Land: l1, Evidence: has}, {Land: l2, Evidence: also}, {Land: l3, Evidence: meet},
		},
		TopicMentions: []corpus.TopicMention{
			{Topic: t1, Evidence: has}, {Topic: t2, Evidence: also}, {Topic: t3, Evidence: ev("Absatz 0")},
		},
		LandTopics: []corpus.LandTopic{
			{Land: l1, Topic: t1, Relation: corpus.RelHas, Evidence: has},
			{Land: l2, Topic: t2, Relation: corpus.RelHas, Evidence: also},
		},
		Meetings: []corpus.MeetingMention{{
			Series: "d16", Start: d.Date, Place: fmt.Sprintf("Stadt %d", i%40),
			Chairs: []corpus.LandCode{l3}, Topics: []corpus.TopicID{t1}, Evidence: meet,
		}},
		People: []corpus.Person{{
			ID: corpus.PersonID(fmt.Sprintf("person-%d", i%300)), Name: fmt.Sprintf("Person %d", i%300),
			Role: "Ministerin", Land: l2, Date: d.Date, Evidence: person,
		}},
	}
	if i%3 == 0 {
		ext.Strategies = []corpus.Strategy{{
			ID: corpus.StrategyID(fmt.Sprintf("%s-digital-%d", l1, i%50)), Land: l1,
			Title: fmt.Sprintf("Digital %d", i%50), Year: 2015 + i%10, Evidence: strat,
		}}
	}
	if i%5 == 0 {
		ext.Chairs = []corpus.ChairTerm{{Series: "d16", Lands: []corpus.LandCode{l3}, From: corpus.Date(fmt.Sprint(2015 + i%10)), Evidence: meet}}
	}
	return ext
}

// syntheticBatch returns n synthetic extractions starting at from.
func syntheticBatch(from, n int) []corpus.Extraction {
	out := make([]corpus.Extraction, n)
	for i := range out {
		out[i] = synthetic(from + i)
	}
	return out
}
