package extract

import (
	"path/filepath"
	"testing"

	"github.com/laendergraph/laendergraph/corpus"
	"github.com/laendergraph/laendergraph/corpus/corpustest"
	"github.com/laendergraph/laendergraph/ingest/text"
)

// TestExtractHeldoutDocuments runs the extractor over every document of the
// project's fictional held-out corpora, with and without a publication date
// and a publishing Land: it must never panic, and every evidence quote must
// be the document text at its span.
func TestExtractHeldoutDocuments(t *testing.T) {
	x := New(corpus.Laender(), corpus.DefaultThesaurus())
	for _, h := range corpustest.HeldoutTexts(t, text.Normalize) {
		f, s := h.Path, h.Text
		for _, d := range []corpus.Document{{}, {Date: "2040-06-15", Land: "BE", Kind: corpus.KindStrategy}} {
			doc := d
			doc.ID, doc.File, doc.Text = "x", filepath.Base(f), s
			ext := x.Extract(&doc, text.Sentences(s))
			var evs []corpus.Evidence
			for _, m := range ext.Mentions {
				evs = append(evs, m.Evidence)
			}
			for _, m := range ext.LandTopics {
				evs = append(evs, m.Evidence)
			}
			for _, m := range ext.Strategies {
				evs = append(evs, m.Evidence)
			}
			for _, m := range ext.People {
				evs = append(evs, m.Evidence)
			}
			for _, m := range ext.Organisations {
				evs = append(evs, m.Evidence)
			}
			for _, m := range ext.Laws {
				evs = append(evs, m.Evidence)
			}
			corpustest.CheckEvidence(t, f, s, evs)
		}
	}
}
