package graph_test

import (
	"context"
	"fmt"
	"log"
	"os"

	"github.com/laendergraph/laendergraph/corpus"
	"github.com/laendergraph/laendergraph/graph"
)

func Example() {
	ctx := context.Background()
	s, err := graph.NewMemory()
	if err != nil {
		log.Fatal(err)
	}
	defer s.Close()

	d := corpus.Document{
		ID: "d1", File: "bw.txt", Title: "Cyberwehr", Date: "2019-06-21",
		Text: "Baden-Württemberg baut eine Cyberwehr auf.",
	}
	ext := corpus.Extraction{
		Document: d,
		LandTopics: []corpus.LandTopic{{
			Land: "BW", Topic: "cyberwehr", Relation: corpus.RelHas,
			Evidence: corpus.EvidenceAt(&d, 0, len(d.Text)),
		}},
	}
	if err := s.Put(ctx, []corpus.Extraction{ext}); err != nil {
		log.Fatal(err)
	}

	facts, err := s.LandTopics(ctx, graph.FactFilter{Topic: "cyberwehr"})
	if err != nil {
		log.Fatal(err)
	}
	for _, f := range facts {
		fmt.Printf("%s %s %s: %q (%s, %s, %v)\n", f.Land, f.Relation, f.Topic, f.Evidence.Quote, f.Evidence.File, f.Evidence.Date, f.Evidence.Span)
	}

	edges, err := s.Neighbours(ctx, "land:BW")
	if err != nil {
		log.Fatal(err)
	}
	for _, e := range edges {
		fmt.Println(e.Subject, e.Predicate, e.Object, e.Doc)
	}

	if err := s.WriteNQuads(ctx, os.Stdout); err != nil {
		log.Fatal(err)
	}
	// Unordered output:
	// BW has cyberwehr: "Baden-Württemberg baut eine Cyberwehr auf." (bw.txt, 2019-06-21, [0 42])
	// fact:d1/1 lg:land land:BW d1
	// land:BW lg:has topic:cyberwehr d1
	// <doc:d1> <lg:kind> <lg:Document> <doc:d1> .
	// <doc:d1> <lg:file> "bw.txt" <doc:d1> .
	// <doc:d1> <lg:title> "Cyberwehr" <doc:d1> .
	// <doc:d1> <lg:date> "2019-06-21" <doc:d1> .
	// <fact:d1/1> <lg:kind> <lg:LandTopic> <doc:d1> .
	// <fact:d1/1> <lg:evidence> "{\"span\":[0,42],\"quote\":\"Baden-Württemberg baut eine Cyberwehr auf.\"}"^^<http://www.w3.org/1999/02/22-rdf-syntax-ns#JSON> <doc:d1> .
	// <fact:d1/1> <lg:land> <land:BW> <doc:d1> .
	// <fact:d1/1> <lg:topic> <topic:cyberwehr> <doc:d1> .
	// <fact:d1/1> <lg:relation> "has" <doc:d1> .
	// <land:BW> <lg:has> <topic:cyberwehr> <doc:d1> .
}
