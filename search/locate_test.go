package search

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2"
	bsearch "github.com/blevesearch/bleve/v2/search"

	"github.com/laendergraph/laendergraph/corpus"
)

// speedDocs are generated documents plus a few written for the queries of
// speedQueries: compounds, phrases, negations, Land names.
func speedDocs() []corpus.Document {
	docs := benchDocs(600)
	texts := []string{
		"Die Landesregierung beschließt eine Digitalstrategie. Die Digitalstrategie des Freistaats Bayern folgt.",
		"Baden-Württemberg baut eine Cyberwehr auf; die Cyber-Wehr hilft Kommunen. Bayern hat keine eigene Cyberwehr.",
		"Digitale Teilhabe für alle: die digitale Teilhabe älterer Menschen und die Landesdigitalstrategie.",
		"Künstliche Intelligenz (KI) in der Verwaltung; die KI-Strategie des Landes und der Breitbandausbau.",
		"Der Freistaat Bayern und die Digitalisierungsstrategie; Glasfaser und Gigabit für den ländlichen Raum.",
	}
	for i, t := range texts {
		docs = append(docs, corpus.Document{
			ID: corpus.DocID(fmt.Sprintf("s%02d", i)), File: fmt.Sprintf("speed/%d.txt", i), Title: "Digitalstrategie und Verwaltung",
			Kind: corpus.KindPressRelease, Date: "2023-05-01", Land: "BW", Laender: []corpus.LandCode{"BW", "BY"}, Text: t,
			Topics: []corpus.TopicID{"ki"},
		})
	}
	return docs
}

// speedQueries are the searches the benchmark measures and others that
// reach every kind of clause: phrases, negations, groups, OR, exclusions,
// filters inside groups, relaxed and typo-tolerant retries.
var speedQueries = []Request{
	{Query: "Cyberwehr"}, {Query: "Strategie"}, {Query: "Verwaltung"}, {Query: `"digitale Teilhabe"`},
	{Query: "Breitband land:BW"}, {Query: "Digitalstrategie -Bayern"}, {Query: "KI year:2023"},
	{Query: "keine Cyberwehr"}, {Query: "(Verwaltung OR Bildung) -Bayern"}, {Query: "Künstliche Intelligenz Verwaltung"},
	{Query: "(Breitband land:BW) OR Glasfaser"}, {Query: "Digitalstrategie", Sort: "date"}, {Query: "Cyberwher"},
	{Query: "Freistaat Bayern"}, {Query: "(Strategie year:undatiert) OR Digitalstrategie"}, {Query: "", Land: "BW"},
	{Query: "Sicherheit year:2019..2022"}, {Query: "Verwaltung OR Bildung -Bayern"},
}

// locationSet lists the locations of the highlighted fields as strings.
func locationSet(locs bsearch.FieldTermLocationMap) []string {
	var out []string
	for _, f := range []string{fTitle, fTitleParts, fText, fTextParts, fSpell} {
		for term, ls := range locs[f] {
			for _, l := range ls {
				out = append(out, fmt.Sprintf("%s:%s@%d[%d:%d]", f, term, l.Pos, l.Start, l.End))
			}
		}
	}
	sort.Strings(out)
	return out
}

// TestLocateMatchesBleve checks that the locations found for the hits of a
// page (locateHits) are those Bleve finds when asked for locations in the
// search itself.
func TestLocateMatchesBleve(t *testing.T) {
	ix := memIndex(t, AnalysisLaendergraph, speedDocs())
	ctx := context.Background()
	for _, req := range speedQueries {
		t.Run(req.Query, func(t *testing.T) {
			p, err := ix.prepare(req)
			if err != nil {
				t.Fatal(err)
			}
			for _, fuzzy := range [][]int{nil, {0}} {
				exec, err := ix.execution(p, fuzzy)
				if err != nil {
					t.Fatal(err)
				}
				sr := bleve.NewSearchRequestOptions(exec.q, 20, 0, false)
				sr.IncludeLocations = true
				want, err := ix.b.SearchInContext(ctx, sr)
				if err != nil {
					t.Fatal(err)
				}
				sr.IncludeLocations = false
				got, err := ix.b.SearchInContext(ctx, sr)
				if err != nil {
					t.Fatal(err)
				}
				err = ix.locateHits(ctx, exec.q, got.Hits)
				if errors.Is(err, errUnlocatable) { // as run does
					err = ix.locate(ctx, exec.q, got.Hits)
				}
				if err != nil {
					t.Fatal(err)
				}
				if len(got.Hits) != len(want.Hits) {
					t.Fatalf("got %d hits, want %d", len(got.Hits), len(want.Hits))
				}
				for i := range want.Hits {
					g, w := locationSet(got.Hits[i].Locations), locationSet(want.Hits[i].Locations)
					if fmt.Sprint(g) != fmt.Sprint(w) {
						t.Errorf("fuzzy %v, hit %s: got locations\n%v\nwant\n%v", fuzzy, want.Hits[i].ID, g, w)
					}
				}
			}
		})
	}
}

// TestFacetsMatchBleve checks the facets counted from bitmaps against
// Bleve's facet builder.
func TestFacetsMatchBleve(t *testing.T) {
	ix := memIndex(t, AnalysisLaendergraph, speedDocs())
	ctx := context.Background()
	for _, req := range speedQueries {
		t.Run(req.Query, func(t *testing.T) {
			res, err := ix.Search(ctx, req)
			if err != nil {
				t.Fatal(err)
			}
			p, err := ix.prepare(req)
			if err != nil {
				t.Fatal(err)
			}
			exec, err := ix.execution(p, nil)
			if err != nil {
				t.Fatal(err)
			}
			if res.Interpretation != exec.interp {
				t.Skipf("retried as %q", res.Interpretation)
			}
			sr := bleve.NewSearchRequestOptions(exec.q, 0, 0, false)
			for _, f := range facetFields {
				sr.AddFacet(f.name, bleve.NewFacetRequest(f.field, f.size))
			}
			want, err := ix.b.SearchInContext(ctx, sr)
			if err != nil {
				t.Fatal(err)
			}
			if g, w := fmt.Sprint(res.Facets), fmt.Sprint(facets(want)); g != w {
				t.Errorf("got facets %s, want %s", g, w)
			}
			if res.Total != want.Total {
				t.Errorf("got total %d, want %d", res.Total, want.Total)
			}
		})
	}
}

// TestFirstPageOrder checks the first page sorted by score alone (see
// byScoreThenID) against Bleve's sort by score and ID, with ties inside
// and at the edge of pages, and that paging on from it neither repeats nor
// skips a hit.
func TestFirstPageOrder(t *testing.T) {
	var docs []corpus.Document
	for i := 0; i < 12; i++ { // identical texts: equal scores
		docs = append(docs, corpus.Document{ID: corpus.DocID(fmt.Sprintf("tie%02d", 11-i)), File: fmt.Sprintf("t%d.txt", i), Title: "Meldung", Text: "Die Cyberwehr hilft."})
	}
	for i := 0; i < 6; i++ {
		docs = append(docs, corpus.Document{ID: corpus.DocID(fmt.Sprintf("var%d", i)), File: fmt.Sprintf("v%d.txt", i), Title: "Meldung",
			Text: "Die Cyberwehr hilft." + strings.Repeat(" Die Cyberwehr berät.", i)})
	}
	ix := memIndex(t, AnalysisLaendergraph, docs)
	ctx := context.Background()
	p, err := ix.prepare(Request{Query: "Cyberwehr"})
	if err != nil {
		t.Fatal(err)
	}
	exec, err := ix.execution(p, nil)
	if err != nil {
		t.Fatal(err)
	}
	sr := bleve.NewSearchRequestOptions(exec.q, 100, 0, false)
	sr.SortByCustom(p.sortOrder)
	ref, err := ix.b.SearchInContext(ctx, sr)
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, h := range ref.Hits {
		want = append(want, h.ID)
	}
	for limit := 1; limit <= len(docs)+1; limit++ {
		var got []string
		req := Request{Query: "Cyberwehr", Limit: limit}
		for {
			res, err := ix.Search(ctx, req)
			if err != nil {
				t.Fatal(err)
			}
			for _, h := range res.Hits {
				got = append(got, string(h.Doc.ID))
			}
			if res.Next == "" {
				break
			}
			req.Cursor = res.Next
		}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("limit %d: got %v, want %v", limit, got, want)
		}
	}
}

// TestWarm checks that Warm reads the facet values a search then uses.
func TestWarm(t *testing.T) {
	ctx := context.Background()
	ix := memIndex(t, AnalysisLaendergraph, speedDocs())
	if ix.facets.cur != nil {
		t.Fatal("facet values read before any search")
	}
	if err := ix.Warm(ctx); err != nil {
		t.Fatal(err)
	}
	fv := ix.facets.cur
	if fv == nil || len(fv.fields[fLands]) == 0 {
		t.Fatal("Warm read no facet values")
	}
	res, err := ix.Search(ctx, Request{Query: "Verwaltung"})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Facets["land"]) == 0 {
		t.Error("no Land facet after Warm")
	}
}
