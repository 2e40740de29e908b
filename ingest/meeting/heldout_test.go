package meeting

import (
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"github.com/laendergraph/laendergraph/corpus"
	"github.com/laendergraph/laendergraph/ingest/text"
)

// TestExtractHeldoutDocuments runs the extractor over every document of the
// project's fictional held-out corpora (../../testdata/heldout*/docs) with
// and without a publication date: it must never panic, and every evidence
// quote must be the document text at its span.
func TestExtractHeldoutDocuments(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("..", "..", "testdata", "heldout*", "docs", "*"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no held-out documents found: %v", err)
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		s := text.Normalize(string(b))
		if !utf8.ValidString(s) {
			continue // the Windows-1252 fixture; the pipeline decodes it
		}
		for _, date := range []corpus.Date{"", "2040-06-15"} {
			doc := &corpus.Document{ID: "x", File: filepath.Base(f), Date: date, Text: s}
			ms, cs := testExtractor.Extract(doc, text.Sentences(s))
			runes := []rune(s)
			check := func(e corpus.Evidence) {
				if e.Span[0] < 0 || e.Span[1] > len(runes) || string(runes[e.Span[0]:e.Span[1]]) != e.Quote {
					t.Errorf("%s: evidence span %v does not hold its quote %.60q", f, e.Span, e.Quote)
				}
			}
			for _, m := range ms {
				check(m.Evidence)
			}
			for _, c := range cs {
				check(c.Evidence)
			}
		}
	}
}
