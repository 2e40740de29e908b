package search

import (
	"context"
	"strings"
	"testing"

	"github.com/laendergraph/laendergraph/corpus"
)

// A query of many words that no document holds all of finds the documents
// holding most of them, ranked, and says so; a short query stays strict.
func TestMostWords(t *testing.T) {
	ix := memIndex(t, AnalysisLaendergraph, []corpus.Document{
		{ID: "portal", File: "portal.txt", Title: "Neues Bürgerportal",
			Text: "Über die Plattform können Anwohnerparkausweise beantragt und Schlaglöcher online gemeldet werden."},
		{ID: "parken", File: "parken.txt", Title: "Parken in der Innenstadt",
			Text: "Die Stadt erhöht die Gebühren für Anwohnerparkausweise."},
		{ID: "other", File: "other.txt", Title: "Haushalt", Text: "Der Landtag berät den Haushalt."},
	})
	res, err := ix.Search(context.Background(), Request{Query: "Plattform Anwohnerparkausweise Schlaglöcher Fahrradständer online", Highlight: true})
	if err != nil {
		t.Fatal(err)
	}
	if ids := hitIDs(res); len(ids) == 0 || ids[0] != "portal" {
		t.Fatalf("got hits %v, want portal first", ids)
	}
	if !strings.Contains(res.Interpretation, "at least") {
		t.Errorf("interpretation %q does not say the query was relaxed", res.Interpretation)
	}
	if slicesContain(hitIDs(res), "other") {
		t.Errorf("got %v: a document with none of the words", hitIDs(res))
	}
	res, err = ix.Search(context.Background(), Request{Query: "Anwohnerparkausweise Fahrradständer"})
	if err != nil {
		t.Fatal(err)
	}
	if res.Total != 0 {
		t.Errorf("two words: got %d hits, want none (only queries of three terms or more are relaxed)", res.Total)
	}
}

func slicesContain(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}
