package search

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2"
	bsearch "github.com/blevesearch/bleve/v2/search"
)

func TestScratch(t *testing.T) {
	docs := loadShared(t)
	ix := memIndex(t, AnalysisLaendergraph, docs)
	files := map[string]string{}
	for _, d := range docs {
		files[string(d.ID)] = d.File[5:9]
	}
	p, _ := ix.prepare(Request{Query: "digitalen Wandel"})
	q, interp, _ := ix.build(p, nil)
	fmt.Println(interp)
	sr := bleve.NewSearchRequestOptions(q, 5, 0, true)
	res, err := ix.b.SearchInContext(context.Background(), sr)
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range res.Hits {
		fmt.Println(files[h.ID], h.Score)
		dump(h.Expl, 1, 4)
	}
}

func dump(e *bsearch.Explanation, d, max int) {
	if e == nil || d > max {
		return
	}
	msg := e.Message
	if i := strings.Index(msg, " in "); i > 0 {
		msg = msg[:i]
	}
	fmt.Printf("%s%.4f %s\n", strings.Repeat("  ", d), e.Value, msg)
	for _, c := range e.Children {
		dump(c, d+1, max)
	}
}
