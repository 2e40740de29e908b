package graph

import (
	"context"
	"testing"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/laendergraph/laendergraph/corpus"
)

// TestEvidenceNodes reads a document as graphs written before evidence
// records stored it, with an evidence node per cited sentence, and stores it
// again in the new form without leaving a quad of the old one.
func TestEvidenceNodes(t *testing.T) {
	eachBackend(t, func(t *testing.T, open func(testing.TB) *Store) {
		ctx := context.Background()
		s := open(t)
		doc := newDoc("bw.txt", "Cyberwehr", "Baden-Württemberg baut eine Cyberwehr auf.", "2019-06-21")
		d, f, ev := docIRI(doc.ID), numbered(prefixFact, doc.ID, 1), numbered(prefixEvidence, doc.ID, 1)
		old := [][3]quad.Value{
			{d, predKind, kindDocument},
			{d, predFile, quad.String(doc.File)},
			{d, predTitle, quad.String(doc.Title)},
			{d, predDate, quad.String(string(doc.Date))},
			{f, predKind, kindLandTopic},
			{f, predEvidence, ev},
			{f, predLand, landIRI("BW")},
			{f, predTopic, topicIRI("cyberwehr")},
			{f, predRelation, quad.String("has")},
			{ev, predKind, kindEvidence},
			{ev, predInDoc, d},
			{ev, predQuote, quad.String("Baden-Württemberg baut eine Cyberwehr auf.")},
			{ev, predSpanStart, quad.Int(0)},
			{ev, predSpanEnd, quad.Int(42)},
			{ev, predSource, quad.String("https://example.org/zitat")},
		}
		var deltas []cgraph.Delta
		for _, q := range old {
			deltas = append(deltas, cgraph.Delta{Action: cgraph.Add, Quad: quad.Quad{Subject: q[0], Predicate: q[1], Object: q[2], Label: d}})
		}
		if err := s.qs.ApplyDeltas(deltas, cgraph.IgnoreOpts{}); err != nil {
			t.Fatal(err)
		}
		want := corpus.LandTopic{Land: "BW", Topic: "cyberwehr", Relation: corpus.RelHas, Evidence: corpus.Evidence{
			Doc: doc.ID, File: doc.File, Title: doc.Title, Source: "https://example.org/zitat", Date: doc.Date,
			Quote: "Baden-Württemberg baut eine Cyberwehr auf.", Span: [2]int{0, 42},
		}}
		got, err := s.LandTopics(ctx, FactFilter{})
		if err != nil {
			t.Fatal(err)
		}
		if d := diff(got, []corpus.LandTopic{want}); d != "" {
			t.Fatalf("read from an evidence node: %s", d)
		}

		put(t, s, corpus.Extraction{Document: doc, LandTopics: []corpus.LandTopic{want}})
		got, err = s.LandTopics(ctx, FactFilter{})
		if err != nil {
			t.Fatal(err)
		}
		if d := diff(got, []corpus.LandTopic{want}); d != "" {
			t.Errorf("read from an evidence record: %s", d)
		}
		if edges, err := s.Neighbours(ctx, string(ev)); err != nil || len(edges) != 0 {
			t.Errorf("got %d edges of the old evidence node (error %v), want none", len(edges), err)
		}
	})
}

// TestEvidenceRecordBad reports an evidence literal that is not a record
// instead of reading it as empty evidence.
func TestEvidenceRecordBad(t *testing.T) {
	for _, o := range []quad.Value{quad.String("{"), quad.TypedString{Value: "[1]", Type: rdfJSON}, quad.Int(3)} {
		if _, err := evidenceOf(o, nil, "d1"); err == nil {
			t.Errorf("evidence %v: got no error, want one", o)
		}
	}
}
