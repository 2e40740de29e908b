package extract

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/laendergraph/laendergraph/corpus"
	"github.com/laendergraph/laendergraph/ingest/text"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

var (
	testRegistry  = corpus.Laender()
	testThesaurus = corpus.DefaultThesaurus()
)

// newTestExtractor returns an Extractor over the built-in registry and
// thesaurus.
func newTestExtractor(tb testing.TB) *Extractor {
	tb.Helper()
	return New(testRegistry, testThesaurus)
}

// readCase reads a test input: "key: value" header lines (title, kind,
// date, land), a blank line, then the text.
func readCase(tb testing.TB, path string) *corpus.Document {
	tb.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	return parseCase(string(b), filepath.Base(path))
}

func parseCase(s, file string) *corpus.Document {
	head, body, _ := strings.Cut(s, "\n\n")
	doc := &corpus.Document{ID: corpus.NewDocID(file), File: file, Kind: corpus.KindOther, Text: body}
	for _, ln := range strings.Split(head, "\n") {
		k, v, ok := strings.Cut(ln, ":")
		if !ok {
			continue
		}
		v = strings.TrimSpace(v)
		switch strings.TrimSpace(k) {
		case "title":
			doc.Title = v
		case "kind":
			doc.Kind = corpus.Kind(v)
		case "date":
			doc.Date = corpus.Date(v)
		case "land":
			doc.Land = corpus.LandCode(v)
		}
	}
	return doc
}

// golden is what a golden file records of one case.
type golden struct {
	Laender    []corpus.LandCode `json:"laender"`
	Topics     []corpus.TopicID  `json:"topics"`
	Hits       []string          `json:"hits"`
	LandTopics []string          `json:"land_topics"`
	Strategies []string          `json:"strategies"`
	People     []string          `json:"people"`
}

func summarise(x *Extractor, doc *corpus.Document, sents []text.Sentence, ex corpus.Extraction) golden {
	g := golden{Laender: ex.Document.Laender, Topics: ex.Document.Topics}
	for _, s := range sents {
		st := doc.Text[s.Start:s.End]
		var hs []string
		for _, h := range x.FindLaender(st) {
			hs = append(hs, fmt.Sprintf("%s=%q/%s", h.Land, h.Form, h.Kind))
		}
		for _, h := range x.FindTopics(st) {
			hs = append(hs, fmt.Sprintf("%s=%q", h.Topic, h.Form))
		}
		if len(hs) > 0 {
			g.Hits = append(g.Hits, strings.Join(hs, " "))
		}
	}
	for _, lt := range ex.LandTopics {
		g.LandTopics = append(g.LandTopics, fmt.Sprintf("%s %s %s: %s", lt.Land, lt.Topic, lt.Relation, lt.Evidence.Quote))
	}
	for _, st := range ex.Strategies {
		g.Strategies = append(g.Strategies, fmt.Sprintf("%s land=%s title=%q year=%d: %s", st.ID, st.Land, st.Title, st.Year, st.Evidence.Quote))
	}
	for _, p := range ex.People {
		g.People = append(g.People, fmt.Sprintf("%s name=%q honorific=%q role=%q land=%s party=%q date=%s",
			p.ID, p.Name, p.Honorific, p.Role, p.Land, p.Party, p.Date))
	}
	return g
}

// checkEvidence fails when an evidence's quote is not the text at its span.
func checkEvidence(tb testing.TB, doc *corpus.Document, e corpus.Evidence) {
	tb.Helper()
	rs := []rune(doc.Text)
	if e.Span[0] < 0 || e.Span[1] > len(rs) || e.Span[0] > e.Span[1] {
		tb.Fatalf("evidence span %v out of range 0..%d", e.Span, len(rs))
	}
	if got := string(rs[e.Span[0]:e.Span[1]]); got != e.Quote {
		tb.Fatalf("evidence quote: got %q at span %v, want %q", got, e.Span, e.Quote)
	}
	if e.Doc != doc.ID {
		tb.Fatalf("evidence doc: got %q, want %q", e.Doc, doc.ID)
	}
}

func checkExtraction(tb testing.TB, doc *corpus.Document, ex corpus.Extraction) {
	tb.Helper()
	for _, m := range ex.Mentions {
		checkEvidence(tb, doc, m.Evidence)
	}
	for _, m := range ex.TopicMentions {
		checkEvidence(tb, doc, m.Evidence)
	}
	for _, m := range ex.LandTopics {
		checkEvidence(tb, doc, m.Evidence)
	}
	for _, m := range ex.Strategies {
		checkEvidence(tb, doc, m.Evidence)
	}
	for _, m := range ex.People {
		checkEvidence(tb, doc, m.Evidence)
	}
	for _, m := range ex.Organisations {
		checkEvidence(tb, doc, m.Evidence)
	}
	for _, m := range ex.Laws {
		checkEvidence(tb, doc, m.Evidence)
	}
}

func TestExtract(t *testing.T) {
	x := newTestExtractor(t)
	files, err := filepath.Glob(filepath.Join("testdata", "TestExtract", "*.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no test cases in testdata/TestExtract")
	}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".txt")
		t.Run(name, func(t *testing.T) {
			doc := readCase(t, f)
			sents := text.Sentences(doc.Text)
			ex := x.Extract(doc, sents)
			checkExtraction(t, doc, ex)
			got, err := json.MarshalIndent(summarise(x, doc, sents, ex), "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
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
			if !bytes.Equal(got, want) {
				t.Errorf("extraction of %s:\ngot\n%s\nwant\n%s", f, got, want)
			}
		})
	}
}

// TestFindOffsets checks that every hit's Form is the text at its span.
func TestFindOffsets(t *testing.T) {
	x := newTestExtractor(t)
	for _, s := range []string{"Brandenburgs und NRW-Digitalstrategie, KI-Regulierung", "", "Hauptstadtregion"} {
		for _, h := range x.FindLaender(s) {
			if s[h.Start:h.End] != h.Form {
				t.Errorf("FindLaender(%q): got form %q at [%d,%d), want %q", s, h.Form, h.Start, h.End, s[h.Start:h.End])
			}
		}
		for _, h := range x.FindTopics(s) {
			if s[h.Start:h.End] != h.Form {
				t.Errorf("FindTopics(%q): got form %q at [%d,%d), want %q", s, h.Form, h.Start, h.End, s[h.Start:h.End])
			}
		}
	}
}
