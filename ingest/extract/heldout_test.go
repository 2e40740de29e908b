package extract

import (
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"

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
	for _, f := range corpustest.HeldoutFiles(t) {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		s := text.Normalize(string(b))
		if !utf8.ValidString(s) {
			continue // the Windows-1252 fixture; the pipeline decodes it
		}
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
			corpustest.CheckEvidence(t, f, s, evs)
		}
	}
}
