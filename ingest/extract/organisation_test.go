package extract

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/laendergraph/laendergraph/corpus"
	"github.com/laendergraph/laendergraph/corpus/corpustest"
	"github.com/laendergraph/laendergraph/ingest/text"
)

var dumpInstitutions = flag.Bool("dump-institutions", false, "log the organisations and laws extracted from both shared corpora")

func orgFact(o corpus.Organisation) string {
	var b strings.Builder
	fmt.Fprintf(&b, "org %s %q", o.ID, o.Name)
	for _, f := range [][2]string{{"abbrev", o.Abbrev}, {"land", string(o.Land)}, {"rel", string(o.Relation)}, {"by", string(o.By)},
		{"person", string(o.PersonID)}, {"role", o.Role}, {"date", string(o.Date)}} {
		if f[1] != "" {
			fmt.Fprintf(&b, " %s=%s", f[0], f[1])
		}
	}
	return b.String()
}

func lawFact(l corpus.Law) string {
	var b strings.Builder
	fmt.Fprintf(&b, "law %s %q", l.ID, l.Title)
	for _, f := range [][2]string{{"abbrev", l.Abbrev}, {"land", string(l.Land)}, {"rel", string(l.Relation)}, {"date", string(l.Date)}} {
		if f[1] != "" {
			fmt.Fprintf(&b, " %s=%s", f[0], f[1])
		}
	}
	return b.String()
}

// TestInstitutions checks how organisations and laws are tied to Länder,
// people and dates, one row per rule; every text is invented.
func TestInstitutions(t *testing.T) {
	x := newTestExtractor(t)
	for _, tc := range []struct {
		name string
		land corpus.LandCode // the document's Land
		in   string
		want []string
	}{
		{"named with its Land, founded with a date", "",
			"Die Cyberagentur Sachsen-Anhalt wurde am 3. März 2031 in Magdeburg gegründet.",
			[]string{`org ST-cyberagentur "Cyberagentur Sachsen-Anhalt" land=ST rel=founded date=2031-03-03`}},
		{"noun cue right before the name", "",
			"Mit der Gründung der Thüringer Datenagentur im Jahr 2032 beginnt etwas Neues.",
			[]string{`org TH-datenagentur "Thüringer Datenagentur" land=TH rel=founded date=2032`}},
		{"a plan is no founding", "",
			"Die Gründung der Thüringer Datenagentur soll 2033 folgen.",
			[]string{`org TH-datenagentur "Thüringer Datenagentur" land=TH`}},
		{"Landes- name takes the document's Land", "HE",
			"Das Landesamt für Datenpflege (LfD) berät die Kommunen.",
			[]string{`org HE-landesamt-fuer-datenpflege "Landesamt für Datenpflege" abbrev=LfD land=HE`}},
		{"Landes- name with another Land in the sentence gets none", "HE",
			"Das Landesamt für Datenpflege arbeitet mit Bayern zusammen.",
			[]string{`org landesamt-fuer-datenpflege "Landesamt für Datenpflege"`}},
		{"the abbreviation names it later", "HE",
			"Das Landesamt für Datenpflege (LfD) ist neu.\n\nDie LfD wurde 2030 errichtet.",
			[]string{`org HE-landesamt-fuer-datenpflege "Landesamt für Datenpflege" abbrev=LfD land=HE`,
				`org HE-landesamt-fuer-datenpflege "Landesamt für Datenpflege" abbrev=LfD land=HE rel=founded date=2030`}},
		{"a bare head is the one named fully before", "",
			"Die Cyberagentur Sachsen-Anhalt berät Kommunen.\n\nDie Cyberagentur wurde 2029 gegründet.",
			[]string{`org ST-cyberagentur "Cyberagentur Sachsen-Anhalt" land=ST`,
				`org ST-cyberagentur "Cyberagentur Sachsen-Anhalt" land=ST rel=founded date=2029`}},
		{"a bare head founded by the Land's government", "SL",
			"Die Landesregierung hat die Datenagentur im Mai 2030 gegründet.",
			[]string{`org SL-datenagentur "Datenagentur" land=SL rel=founded by=SL date=2030-05`}},
		{"a bare head alone is dropped", "SL",
			"Die Datenagentur berät Kommunen.", nil},
		{"headed by a person after the name", "",
			"Präsidentin der Cyberagentur Sachsen-Anhalt ist Dr. Erika Beispiel.",
			[]string{`org ST-cyberagentur "Cyberagentur Sachsen-Anhalt" land=ST rel=headed person=erika-beispiel role=Präsidentin`}},
		{"headed by a person in apposition", "",
			"Die Präsidentin der Cyberagentur Sachsen-Anhalt, Erika Beispiel, eröffnete die Tagung.",
			[]string{`org ST-cyberagentur "Cyberagentur Sachsen-Anhalt" land=ST rel=headed person=erika-beispiel role=Präsidentin`}},
		{"headed: leitet after the person", "",
			"Seit 2030 leitet Erika Beispiel die Cyberagentur Sachsen-Anhalt.",
			[]string{`org ST-cyberagentur "Cyberagentur Sachsen-Anhalt" land=ST rel=headed person=erika-beispiel role=leitet`}},
		{"headed: the person before leitet", "",
			"Erika Beispiel leitet die Cyberagentur Sachsen-Anhalt.",
			[]string{`org ST-cyberagentur "Cyberagentur Sachsen-Anhalt" land=ST rel=headed person=erika-beispiel role=leitet`}},
		{"members named by their Länder", "",
			"Bremen und das Saarland sind der Genossenschaft cloudland eG beigetreten.",
			[]string{`org cloudland "cloudland eG" rel=member by=HB`, `org cloudland "cloudland eG" rel=member by=SL`}},
		{"law passed by a Land's parliament", "",
			"Der Sächsische Landtag hat am 4. Juli 2030 das Gesetz über digitale Teilhabe (SächsDTG) verabschiedet.",
			[]string{`law SN-gesetz-ueber-digitale-teilhabe "Gesetz über digitale Teilhabe" abbrev=SächsDTG land=SN rel=passed date=2030-07-04`}},
		{"law with its Land adjective comes into force", "",
			"Das Hamburgische Offenheitsgesetz tritt am 1. Januar 2031 in Kraft.",
			[]string{`law HH-offenheitsgesetz "Hamburgische Offenheitsgesetz" land=HH rel=inforce date=2031-01-01`}},
		{"law drafted", "",
			"Das Kabinett beriet den Entwurf eines brandenburgischen Offenheitsgesetzes.",
			[]string{`law BB-offenheitsgesetz "brandenburgischen Offenheitsgesetz" land=BB rel=drafted`}},
		{"a federal law gets no Land", "NI",
			"Der Bundestag hat das Datenzugangsgesetz (DZG) beschlossen.",
			[]string{`law datenzugangsgesetz "Datenzugangsgesetz" abbrev=DZG rel=passed`}},
		{"a law only named gets no Land from the document", "NI",
			"Das Datenzugangsgesetz verlangt digitale Anträge.",
			[]string{`law datenzugangsgesetz "Datenzugangsgesetz"`}},
		{"the reform of a law is an amendment; its own year is not the reform's", "",
			"Die Bürgerschaft hat die Reform des Hamburgischen Offenheitsgesetzes von 2012 im Mai 2031 beschlossen.",
			[]string{`law HH-offenheitsgesetz "Hamburgischen Offenheitsgesetz" land=HH rel=amended date=2031-05`}},
		{"two Länder give none", "",
			"Nach dem Vorbild Bayerns hat Hessen das Offenheitsgesetz beschlossen.",
			[]string{`law offenheitsgesetz "Offenheitsgesetz" rel=passed`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc := &corpus.Document{ID: "t", File: "t.txt", Text: tc.in, Land: tc.land, Date: "2030-01-15"}
			ex := x.Extract(doc, text.Sentences(doc.Text))
			checkExtraction(t, doc, ex)
			var got []string
			for _, o := range ex.Organisations {
				got = append(got, orgFact(o))
			}
			for _, l := range ex.Laws {
				got = append(got, lawFact(l))
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("got\n  %s\nwant\n  %s", strings.Join(got, "\n  "), strings.Join(tc.want, "\n  "))
			}
		})
	}
}

// sharedCorpora returns the documents of ../shared/corpus and
// ../shared/corpus2, normalised as ingest does.
func sharedCorpora(t *testing.T) []corpus.Document {
	t.Helper()
	docs := corpustest.Documents(t)
	dir2 := filepath.Join(filepath.Dir(corpustest.Dir(t)), "corpus2")
	if b, err := os.ReadFile(filepath.Join(dir2, "sources.jsonl")); err == nil {
		for _, ln := range strings.Split(string(b), "\n") {
			var s corpustest.Source
			if json.Unmarshal([]byte(ln), &s) != nil || s.File == "" {
				continue
			}
			txt, err := os.ReadFile(filepath.Join(dir2, filepath.FromSlash(s.File)))
			if err != nil {
				t.Fatal(err)
			}
			date := corpus.Date(s.Date)
			if !date.Known() {
				date = ""
			}
			docs = append(docs, corpus.Document{ID: corpus.NewDocID("c2/" + s.File), File: "corpus2/" + s.File, Title: s.Title, Date: date, Text: string(txt)})
		}
	} else {
		t.Logf("no %s: only the first shared corpus", dir2)
	}
	for i := range docs {
		docs[i].Text = text.Normalize(docs[i].Text)
	}
	return docs
}

// TestInstitutionsSharedCorpora runs the extraction over both shared
// corpora: it must not panic and every evidence span must hold its quote.
// With -dump-institutions it logs what it found.
func TestInstitutionsSharedCorpora(t *testing.T) {
	x := New(corpus.Laender(), corpus.DefaultThesaurus())
	var no, nl int
	for _, doc := range sharedCorpora(t) {
		ex := x.Extract(&doc, text.Sentences(doc.Text))
		checkExtraction(t, &doc, ex)
		no += len(ex.Organisations)
		nl += len(ex.Laws)
		if !*dumpInstitutions {
			continue
		}
		for _, o := range ex.Organisations {
			t.Logf("%s | %s | %.160q", filepath.Base(doc.File), orgFact(o), o.Evidence.Quote)
		}
		for _, l := range ex.Laws {
			t.Logf("%s | %s | %.160q", filepath.Base(doc.File), lawFact(l), l.Evidence.Quote)
		}
	}
	t.Logf("organisation statements: %d, law statements: %d", no, nl)
}

// TestInstitutionsGolden extracts the organisations and laws of the
// invented documents in testdata/TestInstitutionsGolden and compares them
// with their golden files (go test -update writes them).
func TestInstitutionsGolden(t *testing.T) {
	x := newTestExtractor(t)
	files, err := filepath.Glob(filepath.Join("testdata", "TestInstitutionsGolden", "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no cases in testdata/TestInstitutionsGolden (%v)", err)
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			doc := readCase(t, f)
			ex := x.Extract(doc, text.Sentences(doc.Text))
			checkExtraction(t, doc, ex)
			var lines []string
			for _, o := range ex.Organisations {
				lines = append(lines, orgFact(o))
			}
			for _, l := range ex.Laws {
				lines = append(lines, lawFact(l))
			}
			got := []byte(strings.Join(lines, "\n") + "\n")
			gf := strings.TrimSuffix(f, ".txt") + ".golden"
			if *update {
				if err := os.WriteFile(gf, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(gf)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if string(got) != string(want) {
				t.Errorf("got\n%s\nwant\n%s", got, want)
			}
		})
	}
}
