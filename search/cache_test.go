package search

import (
	"context"
	"reflect"
	"testing"

	"github.com/laendergraph/laendergraph/corpus"
)

// TestResultCache checks that a repeated search is answered as the first
// one was, and that every write makes the next search see it.
func TestResultCache(t *testing.T) {
	ctx := context.Background()
	ix := memIndex(t, AnalysisLaendergraph, speedDocs())
	req := Request{Query: "Cyberwehr", Highlight: true}
	first, err := ix.Search(ctx, req)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := ix.results.get(req); !ok {
		t.Fatal("the result was not kept")
	}
	again, err := ix.Search(ctx, req)
	if err != nil {
		t.Fatal(err)
	}
	first.Took, again.Took = 0, 0
	if !reflect.DeepEqual(again, first) {
		t.Errorf("repeated search: got %+v, want %+v", again, first)
	}
	again.Hits = again.Hits[:0] // a caller may change its page
	if kept, _ := ix.results.get(req); len(kept.Hits) != len(first.Hits) {
		t.Errorf("kept result changed with the caller's: %d hits, want %d", len(kept.Hits), len(first.Hits))
	}

	doc := corpus.Document{ID: "neu", File: "neu.txt", Title: "Cyberwehr Cyberwehr", Text: "Die Cyberwehr Cyberwehr Cyberwehr des Landes."}
	if err := ix.Put(ctx, []corpus.Document{doc}); err != nil {
		t.Fatal(err)
	}
	after, err := ix.Search(ctx, req)
	if err != nil {
		t.Fatal(err)
	}
	if after.Total != first.Total+1 || after.Hits[0].Doc.ID != "neu" {
		t.Errorf("after a put: got %d hits, first %s; want %d, first neu", after.Total, after.Hits[0].Doc.ID, first.Total+1)
	}
	if err := ix.Delete(ctx, []corpus.DocID{"neu"}); err != nil {
		t.Fatal(err)
	}
	if res, err := ix.Search(ctx, req); err != nil || res.Total != first.Total {
		t.Errorf("after a delete: got %v hits (%v), want %d", res.Total, err, first.Total)
	}

	// A search that began before a write is not kept.
	gen := ix.results.generation()
	ix.results.invalidate()
	ix.results.put(Request{Query: "alt"}, gen, first)
	if _, ok := ix.results.get(Request{Query: "alt"}); ok {
		t.Error("a result from before a write was kept")
	}
	text := Request{Query: "Cyberwehr", WithText: true}
	if _, err := ix.Search(ctx, text); err != nil {
		t.Fatal(err)
	}
	if _, ok := ix.results.get(text); ok {
		t.Error("a result with texts was kept")
	}
}
