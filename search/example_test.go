package search_test

import (
	"context"
	"fmt"

	"github.com/laendergraph/laendergraph/corpus"
	"github.com/laendergraph/laendergraph/search"
)

func ExampleIndex_Search() {
	ctx := context.Background()
	ix, err := search.NewMemory(search.Options{})
	if err != nil {
		panic(err)
	}
	defer ix.Close()
	err = ix.Put(ctx, []corpus.Document{
		{ID: "a", File: "a.txt", Title: "Sicherheit im Netz", Kind: corpus.KindNews, Land: "BW",
			Text: "Das Land baut eine Cyberwehr auf."},
		{ID: "b", File: "b.txt", Title: "Konferenz", Kind: corpus.KindNews, Land: "BB",
			Text: "Die Länder sprechen über Künstliche Intelligenz."},
	})
	if err != nil {
		panic(err)
	}
	for _, q := range []string{"Wehr", "KI land:BB"} {
		res, err := ix.Search(ctx, search.Request{Query: q, Highlight: true})
		if err != nil {
			panic(err)
		}
		fmt.Println(res.Total, res.Hits[0].Doc.ID, res.Hits[0].Highlights[0])
	}
	// Output:
	// 1 a Das Land baut eine <mark>Cyberwehr</mark> auf.
	// 1 b Die Länder sprechen über <mark>Künstliche Intelligenz</mark>.
}
