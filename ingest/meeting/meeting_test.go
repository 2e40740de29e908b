package meeting

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/laendergraph/laendergraph/corpus"
	"github.com/laendergraph/laendergraph/ingest/extract"
	"github.com/laendergraph/laendergraph/ingest/text"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

var testExtractor = New(extract.New(corpus.Laender(), corpus.DefaultThesaurus()))

// fixture reads a test document: "key: value" header lines (date, title), a
// line "---", then the text.
func fixture(tb testing.TB, path string) *corpus.Document {
	tb.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	return parseFixture(filepath.Base(path), string(b))
}

func parseFixture(name, s string) *corpus.Document {
	doc := &corpus.Document{ID: corpus.NewDocID(name), File: name, Kind: corpus.KindPressRelease}
	head, body, ok := strings.Cut(s, "\n---\n")
	if !ok {
		head, body = "", s
	}
	for _, ln := range strings.Split(head, "\n") {
		k, v, _ := strings.Cut(ln, ":")
		switch strings.TrimSpace(k) {
		case "date":
			doc.Date = corpus.Date(strings.TrimSpace(v))
		case "title":
			doc.Title = strings.TrimSpace(v)
		case "land":
			doc.Land = corpus.LandCode(strings.TrimSpace(v))
		}
	}
	doc.Text = text.Normalize(body)
	return doc
}

// result is what a golden file holds.
type result struct {
	Series   []corpus.SeriesID       `json:"series"`
	Meetings []corpus.MeetingMention `json:"meetings"`
	Chairs   []corpus.ChairTerm      `json:"chairs"`
}

func TestExtract(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "TestExtract", "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".txt")
		t.Run(name, func(t *testing.T) {
			doc := fixture(t, f)
			ms, cs := testExtractor.Extract(doc, text.Sentences(doc.Text))
			for _, m := range ms {
				checkEvidence(t, doc, m.Evidence)
			}
			for _, c := range cs {
				checkEvidence(t, doc, c.Evidence)
			}
			got, err := json.MarshalIndent(result{doc.Series, ms, cs}, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			golden := strings.TrimSuffix(f, ".txt") + ".golden"
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if string(got) != string(want) {
				t.Errorf("Extract(%s):\ngot  %s\nwant %s", name, got, want)
			}
		})
	}
}

func TestExtractEmpty(t *testing.T) {
	for _, doc := range []*corpus.Document{nil, {}, {Text: "Kein Treffen."}} {
		ms, cs := testExtractor.Extract(doc, text.Sentences(docText(doc)))
		if len(ms) != 0 || len(cs) != 0 {
			t.Errorf("Extract(%v): got %v, %v, want nothing", doc, ms, cs)
		}
	}
	// A nil extract.Extractor finds no Länder or topics but still meetings.
	doc := parseFixture("x", "date: 2026-01-01\n---\nDie 3. Digitalministerkonferenz findet am 5. Mai 2026 in Mainz statt.")
	ms, _ := New(nil).Extract(doc, text.Sentences(doc.Text))
	if len(ms) != 1 || ms[0].Ordinal != 3 || ms[0].Start != "2026-05-05" || ms[0].Place != "Mainz" {
		t.Errorf("Extract without Länder finder: got %+v, want the 3rd DMK on 2026-05-05 in Mainz", ms)
	}
}

func docText(d *corpus.Document) string {
	if d == nil {
		return ""
	}
	return d.Text
}

// TestSentencesOutOfRange checks that bad sentence offsets are ignored.
func TestSentencesOutOfRange(t *testing.T) {
	doc := parseFixture("x", "Die 3. Digitalministerkonferenz findet am 5. Mai 2026 in Mainz statt.")
	ms, _ := testExtractor.Extract(doc, []text.Sentence{{Start: -1, End: 5}, {Start: 3, End: 1}, {Start: 0, End: len(doc.Text) + 10}})
	if len(ms) != 0 {
		t.Errorf("got %v, want no mentions from invalid sentences", ms)
	}
}

func FuzzExtract(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "TestExtract", "*.txt"))
	for _, p := range files {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		doc := parseFixture(p, string(b))
		f.Add(doc.Text, string(doc.Date), doc.Title)
	}
	f.Fuzz(func(t *testing.T, s, date, title string) {
		if !utf8.ValidString(s) {
			return
		}
		doc := &corpus.Document{ID: "dfuzz", File: "fuzz.txt", Title: title, Date: corpus.Date(date), Text: s}
		ms, cs := testExtractor.Extract(doc, text.Sentences(s))
		for _, m := range ms {
			checkEvidence(t, doc, m.Evidence)
			if !m.Start.Valid() || !m.End.Valid() {
				t.Fatalf("invalid dates %q..%q", m.Start, m.End)
			}
		}
		for _, c := range cs {
			checkEvidence(t, doc, c.Evidence)
			if !c.From.Valid() || !c.To.Valid() || len(c.Lands) == 0 {
				t.Fatalf("bad chair term %+v", c)
			}
		}
	})
}

func sentencesOf(s string) []text.Sentence { return text.Sentences(s) }

func BenchmarkExtract(b *testing.B) {
	files, _ := filepath.Glob(filepath.Join("testdata", "TestExtract", "*.txt"))
	var docs []*corpus.Document
	n := 0
	for _, f := range files {
		d := fixture(b, f)
		docs = append(docs, d)
		n += len(d.Text)
	}
	b.SetBytes(int64(n))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, d := range docs {
			doc := *d
			testExtractor.Extract(&doc, text.Sentences(doc.Text))
		}
	}
}
