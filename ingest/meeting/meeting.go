// Package meeting finds meetings of the Länder digital leads and the chairs of
// their series in a document's sentences.
package meeting

import (
	"github.com/laendergraph/laendergraph/corpus"
	"github.com/laendergraph/laendergraph/ingest/extract"
	"github.com/laendergraph/laendergraph/ingest/text"
)

// Extractor finds meeting mentions and chair terms.
type Extractor struct {
	x *extract.Extractor
}

// New returns an Extractor that uses x to find Länder and topics.
func New(x *extract.Extractor) *Extractor { return &Extractor{x: x} }

// Extract returns the meeting mentions and chair terms of doc, whose Text is
// split into sents, and sets doc.Series. STUB.
func (e *Extractor) Extract(doc *corpus.Document, sents []text.Sentence) ([]corpus.MeetingMention, []corpus.ChairTerm) {
	return nil, nil
}
