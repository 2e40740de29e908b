package meeting

import (
	"path/filepath"
	"testing"

	"github.com/laendergraph/laendergraph/corpus"
	"github.com/laendergraph/laendergraph/corpus/corpustest"
	"github.com/laendergraph/laendergraph/ingest/text"
)

// TestExtractHeldoutDocuments runs the extractor over every document of the
// project's fictional held-out corpora with and without a publication date:
// it must never panic, and every evidence quote must be the document text at
// its span.
func TestExtractHeldoutDocuments(t *testing.T) {
	for _, h := range corpustest.HeldoutTexts(t, text.Normalize) {
		f, s := h.Path, h.Text
		for _, date := range []corpus.Date{"", "2040-06-15"} {
			doc := &corpus.Document{ID: "x", File: filepath.Base(f), Date: date, Text: s}
			ms, cs := testExtractor.Extract(doc, text.Sentences(s))
			var evs []corpus.Evidence
			for _, m := range ms {
				evs = append(evs, m.Evidence)
			}
			for _, c := range cs {
				evs = append(evs, c.Evidence)
			}
			corpustest.CheckEvidence(t, f, s, evs)
		}
	}
}
