// Package extract finds Länder, topics, strategies and people in a document's
// sentences and turns them into facts with evidence.
package extract

import (
	"github.com/laendergraph/laendergraph/corpus"
	"github.com/laendergraph/laendergraph/ingest/text"
)

// Extractor holds the compiled matchers for the Länder registry and the topic
// thesaurus. It is safe for concurrent use.
type Extractor struct {
	reg *corpus.Registry
	th  *corpus.Thesaurus
}

// New returns an Extractor for the given registry and thesaurus.
func New(reg *corpus.Registry, th *corpus.Thesaurus) *Extractor {
	return &Extractor{reg: reg, th: th}
}

// LandHit is a Land named at the byte range [Start, End) of a text.
type LandHit struct {
	Land       corpus.LandCode
	Start, End int
	Form       string // the words as written
}

// TopicHit is a topic named at the byte range [Start, End) of a text.
type TopicHit struct {
	Topic      corpus.TopicID
	Start, End int
	Form       string
}

// FindLaender returns the Länder named in s. STUB.
func (x *Extractor) FindLaender(s string) []LandHit { return nil }

// FindTopics returns the topics named in s. STUB.
func (x *Extractor) FindTopics(s string) []TopicHit { return nil }

// Extract returns the Land mentions, topic mentions, Land–topic facts,
// strategies and people of doc, whose Text is split into sents. It also sets
// doc.Laender and doc.Topics. STUB.
func (x *Extractor) Extract(doc *corpus.Document, sents []text.Sentence) corpus.Extraction {
	return corpus.Extraction{Document: *doc}
}
