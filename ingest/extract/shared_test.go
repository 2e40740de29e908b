package extract

import (
	"flag"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/laendergraph/laendergraph/corpus"
	"github.com/laendergraph/laendergraph/corpus/corpustest"
	"github.com/laendergraph/laendergraph/ingest/text"
)

var dump = flag.Bool("dump", false, "log everything extracted from the shared corpus")

// sharedDoc is one document of the shared corpus with its extraction.
type sharedDoc struct {
	file string
	ex   corpus.Extraction
}

// extractShared runs the extractor over every document of the shared corpus.
func extractShared(tb testing.TB, x *Extractor) []sharedDoc {
	tb.Helper()
	var out []sharedDoc
	for _, doc := range corpustest.Documents(tb) {
		ex := x.Extract(&doc, text.Sentences(doc.Text))
		out = append(out, sharedDoc{file: filepath.Base(doc.File), ex: ex})
	}
	return out
}

func TestSharedDump(t *testing.T) {
	if !*dump {
		t.Skip("run with -dump")
	}
	x := New(corpus.Laender(), corpus.DefaultThesaurus())
	for _, d := range extractShared(t, x) {
		t.Logf("=== %s laender=%v topics=%v", d.file, d.ex.Document.Laender, d.ex.Document.Topics)
		for _, lt := range d.ex.LandTopics {
			t.Logf("  LT %s %s %s | %.140q", lt.Land, lt.Topic, lt.Relation, lt.Evidence.Quote)
		}
		for _, s := range d.ex.Strategies {
			t.Logf("  ST %s %q %s %d | %.120q", s.ID, s.Title, s.Land, s.Year, s.Evidence.Quote)
		}
		for _, p := range d.ex.People {
			t.Logf("  PE %s %q hon=%q role=%q land=%s party=%q", p.ID, p.Name, p.Honorific, p.Role, p.Land, p.Party)
		}
	}
}

func containsFold(s, sub string) bool {
	return strings.Contains(strings.ToLower(s), strings.ToLower(sub))
}

// TestSharedCorpus runs the extractor over the shared corpus and checks it
// against the gold items of the kinds it serves: the Länder that have a
// thing asked about (only the ones tied to it, with evidence from the named
// file), strategies and people after merging.
func TestSharedCorpus(t *testing.T) {
	x := newTestExtractor(t)
	docs := extractShared(t, x)
	gold := corpustest.Gold(t)
	var strategies []corpus.Strategy
	var people []corpus.Person
	var facts []corpus.LandTopic
	for _, d := range docs {
		checkExtractionQuotes(t, d)
		strategies = append(strategies, d.ex.Strategies...)
		people = append(people, d.ex.People...)
		facts = append(facts, d.ex.LandTopics...)
	}
	sp := corpus.MergeStrategies(strategies)
	pp := corpus.MergePeople(people)
	for _, g := range gold {
		switch g.Type {
		case "ask_laender":
			// Only questions about a thing a Land has (a topic in the question
			// and no meeting series) are for the extractor.
			hits := x.FindTopics(g.Q)
			if len(hits) != 1 || strings.Contains(g.Q, "Vorsitz") {
				continue
			}
			topic := hits[0].Topic
			got := map[corpus.LandCode][]string{}
			for _, f := range facts {
				if f.Topic == topic {
					got[f.Land] = append(got[f.Land], filepath.Base(f.Evidence.File))
				}
			}
			ok := len(got) == len(g.Must)
			for _, m := range g.Must {
				files, has := got[corpus.LandCode(m)]
				if !has {
					ok = false
					continue
				}
				if len(g.EvidenceAny) > 0 {
					found := false
					for _, f := range files {
						for _, p := range g.EvidenceAny {
							found = found || strings.HasPrefix(f, p)
						}
					}
					ok = ok && found
				}
			}
			for _, m := range g.MustNot {
				if _, bad := got[corpus.LandCode(m)]; bad {
					ok = false
				}
			}
			t.Logf("%s %s: topic %s: got %v, want exactly %v (evidence %v)", g.ID, res(ok), topic, got, g.Must, g.EvidenceAny)
			if !ok {
				t.Errorf("%s: Länder with %s: got %v, want exactly %v with evidence from %v", g.ID, topic, got, g.Must, g.EvidenceAny)
			}
		case "strategy":
			var match *corpus.StrategyProfile
			for i, s := range sp {
				if string(s.Land) == g.Land && containsFold(s.Title, g.Title) {
					match = &sp[i]
					break
				}
			}
			ok := match != nil && (g.Year == 0 || match.Year == g.Year)
			t.Logf("%s %s: strategy %s %q %d: got %+v", g.ID, res(ok), g.Land, g.Title, g.Year, brief(match))
			if !ok {
				t.Errorf("%s: strategy %s %q year %d: got %v", g.ID, g.Land, g.Title, g.Year, brief(match))
			}
		case "person":
			var match *corpus.PersonProfile
			for i, p := range pp {
				if string(p.Land) == g.Land && containsFold(p.Name, g.Name) {
					match = &pp[i]
					break
				}
			}
			ok := match != nil && (g.Role == "" || containsFold(match.Role, g.Role))
			got := "none"
			if match != nil {
				got = fmt.Sprintf("%s %q role %q", match.Land, match.Name, match.Role)
			}
			t.Logf("%s %s: person %s %q %q: got %s", g.ID, res(ok), g.Land, g.Name, g.Role, got)
			if !ok {
				t.Errorf("%s: person %s %q role %q: got %s", g.ID, g.Land, g.Name, g.Role, got)
			}
		}
	}
	// The traps: agenda items of a meeting hosted by a Land, "Cyber-Abwehr",
	// and a cyber-security office not called Cyberwehr.
	cyberwehr, _ := x.th.Lookup("Cyberwehr")
	for _, d := range docs {
		for _, f := range d.ex.LandTopics {
			for _, p := range []string{"000_", "01_", "02_", "03_"} {
				if strings.HasPrefix(d.file, p) && f.Topic == cyberwehr {
					t.Errorf("%s: got %s %s fact from an agenda, want none: %q", d.file, f.Land, f.Topic, f.Evidence.Quote)
				}
			}
			if strings.HasPrefix(d.file, "22_") && f.Topic == cyberwehr {
				t.Errorf("%s: got %s Cyberwehr fact, want none: %q", d.file, f.Land, f.Evidence.Quote)
			}
		}
	}
}

func res(ok bool) string {
	if ok {
		return "ok"
	}
	return "MISS"
}

func brief(s *corpus.StrategyProfile) string {
	if s == nil {
		return "none"
	}
	return fmt.Sprintf("%s %q %d", s.Land, s.Title, s.Year)
}

func checkExtractionQuotes(tb testing.TB, d sharedDoc) {
	tb.Helper()
	doc := d.ex.Document
	checkExtraction(tb, &doc, d.ex)
}
